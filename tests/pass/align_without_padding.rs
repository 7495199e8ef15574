use typed_layout::PixelLayout;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C, align(16))]
struct Vec4 {
    lanes: [f32; 4],
}

fn main() {
    assert_eq!(Vec4::LAYOUT.align, 16);
    assert_eq!(Vec4::LAYOUT.size, 16);
}
