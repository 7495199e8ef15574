//! A window of zero width has no pixels: refused when the code is built.
#![forbid(unsafe_code)]

use typed_layout::ImageView;

fn main() {
    let pixels = [0u8; 16];
    let image = ImageView::from_slice(&pixels, 4, 4).unwrap();
    let _ = image.array_windows::<0, 3>().count();
}
