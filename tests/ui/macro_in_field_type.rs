// A field type written as a macro call could expand to a different type at
// each place the derive pastes it (`counter_type!()` is `u8` once, then
// `[u8; 4]`): the padding proof would check `[u8; 4]` while the struct holds
// `u8` and three bytes of padding. Refused, with what to write instead.
use typed_layout::PixelLayout;
use typed_layout_counter_macro::counter_type;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Exploit {
    id: u32,
    tail: counter_type!(),
}

fn main() {}
