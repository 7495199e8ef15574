use typed_layout::{ImageViewMut, PixelLayout};

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Bgra8 {
    b: u8,
    g: u8,
    r: u8,
    a: u8,
}

fn main() {
    let mut pixels = [Bgra8 { b: 0, g: 0, r: 0, a: 0 }; 4];
    let mut image = ImageViewMut::from_slice_mut(&mut pixels, 2, 2).unwrap();
    let first = image.planes_mut();
    let second = image.planes_mut();
    drop(second);
    drop(first);
}
