use typed_layout::PixelLayout;

#[derive(Clone, PixelLayout)]
#[repr(C)]
struct Series {
    values: Vec<f64>,
}

fn main() {}
