use typed_layout::PixelLayout;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Point {
    x: f64,
    y: f64,
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Labeled {
    label: u8,
    point: Point,
}

fn main() {}
