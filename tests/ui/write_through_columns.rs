use typed_layout::PixelLayout;

use typed_layout::Records;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Point {
    x: f32,
    y: f32,
}

fn main() {
    let points = [Point { x: 1.0, y: 2.0 }];
    let records = Records::from_slice(&points);
    let mut x = records.columns().x;
    x.set(0, 5.0);
}
