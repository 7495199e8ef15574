use typed_layout::PixelLayout;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Callback {
    call: fn(u32) -> u32,
}

fn main() {}
