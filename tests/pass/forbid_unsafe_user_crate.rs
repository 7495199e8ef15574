#![forbid(unsafe_code)]

use typed_layout::{PixelLayout, RecordsMut};

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
pub struct Bgra8 {
    pub b: u8,
    pub g: u8,
    pub r: u8,
    pub a: u8,
}

fn main() {
    let mut pixels = [Bgra8 { b: 1, g: 2, r: 3, a: 4 }; 4];
    let mut records = RecordsMut::from_slice_mut(&mut pixels);
    let Bgra8ColumnsMut { mut b, mut r, .. } = records.columns_mut();
    b.fill(9);
    r.update(|r| r * 2);
    assert!(pixels.iter().all(|p| p.b == 9 && p.r == 6));
}
