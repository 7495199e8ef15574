use typed_layout::{ImageView, PixelLayout};

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Rgb8 {
    r: u8,
    g: u8,
    b: u8,
}

fn main() {
    let pixels = [Rgb8 { r: 0, g: 0, b: 0 }; 4];
    let image = ImageView::from_slice(&pixels, 2, 2).unwrap();
    let mut red = image.planes().r;
    red.fill(255);
}
