use typed_layout::PixelLayout;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Mask {
    bits: [bool; 8],
}

fn main() {}
