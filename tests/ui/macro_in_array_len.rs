// The same through an array length: `counter_len!()` is 1 once, then 4.
use typed_layout::PixelLayout;
use typed_layout_counter_macro::counter_len;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Exploit {
    id: u32,
    tail: [u8; counter_len!()],
}

fn main() {}
