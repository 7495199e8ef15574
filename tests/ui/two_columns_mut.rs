use typed_layout::PixelLayout;

use typed_layout::RecordsMut;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Point {
    x: f32,
    y: f32,
}

fn main() {
    let mut points = [Point { x: 1.0, y: 2.0 }];
    let mut records = RecordsMut::from_slice_mut(&mut points);
    let first = records.columns_mut();
    let second = records.columns_mut();
    drop(second);
    drop(first);
}
