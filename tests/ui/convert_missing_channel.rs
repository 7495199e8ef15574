use typed_layout::{convert, ImageView, ImageViewMut, PixelLayout};

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Rgb8 {
    r: u8,
    g: u8,
    b: u8,
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Rgba8 {
    r: u8,
    g: u8,
    b: u8,
    a: u8,
}

fn main() {
    let source = [Rgb8 { r: 1, g: 2, b: 3 }; 4];
    let mut target = [Rgba8 { r: 0, g: 0, b: 0, a: 0 }; 4];
    let source = ImageView::from_slice(&source, 2, 2).unwrap();
    let mut target = ImageViewMut::from_slice_mut(&mut target, 2, 2).unwrap();
    convert(&source, &mut target).unwrap();
}
