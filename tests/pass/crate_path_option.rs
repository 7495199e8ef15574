extern crate typed_layout as renamed;

use renamed::PixelLayout;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
#[pixel_layout(crate = "renamed")]
struct Gray16 {
    value: u16,
}

fn main() {
    assert_eq!(<Gray16 as renamed::PixelLayout>::LAYOUT.size, 2);
}
