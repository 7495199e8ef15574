use typed_layout::PixelLayout;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Empty {
    bytes: [u8; 0],
}

fn main() {}
