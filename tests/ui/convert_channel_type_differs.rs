use typed_layout::{convert, ImageView, ImageViewMut, PixelLayout};

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Gray16 {
    v: u16,
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Gray8 {
    v: u8,
}

fn main() {
    let source = [Gray16 { v: 1 }; 4];
    let mut target = [Gray8 { v: 0 }; 4];
    let source = ImageView::from_slice(&source, 2, 2).unwrap();
    let mut target = ImageViewMut::from_slice_mut(&mut target, 2, 2).unwrap();
    convert(&source, &mut target).unwrap();
}
