use typed_layout::PixelLayout;

use typed_layout::{Column, Records};

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Point {
    x: f32,
    y: f32,
}

fn x_column<'a>() -> Column<'a, f32> {
    let points = vec![Point { x: 1.0, y: 2.0 }];
    Records::from_slice(&points).columns().x
}

fn main() {
    let _ = x_column();
}
