use typed_layout::{PixelLayout, Records};

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Point {
    x: f32,
    y: f32,
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Segment {
    from: Point,
    to: Point,
    id: u32,
    weight: f32,
}

fn main() {
    let to = Segment::LAYOUT.field("to").expect("field to");
    assert_eq!(to.offset, 8);
    let nested = to.nested().expect("a nested record");
    assert_eq!(nested[1].name, "y");
    let segments = [Segment { from: Point { x: 0.0, y: 1.0 }, to: Point { x: 2.0, y: 3.0 }, id: 7, weight: 0.5 }];
    let to_column = Records::from_slice(&segments).columns().to;
    let to_y = to_column.column_at::<f32>(4).expect("y inside Point");
    assert_eq!(to_y.get(0), Some(3.0));
}
