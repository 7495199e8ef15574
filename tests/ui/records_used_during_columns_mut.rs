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
    let mut columns = records.columns_mut();
    let _ = records.set(0, Point { x: 0.0, y: 0.0 });
    columns.x.fill(3.0);
}
