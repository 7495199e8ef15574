use typed_layout::PixelLayout;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C, packed(4))]
struct Sample {
    id: u16,
    value: f64,
}

fn main() {}
