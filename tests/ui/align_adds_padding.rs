use typed_layout::PixelLayout;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C, align(16))]
struct Point {
    x: f32,
    y: f32,
}

fn main() {}
