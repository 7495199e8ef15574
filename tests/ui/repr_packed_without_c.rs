use typed_layout::PixelLayout;

#[derive(Clone, Copy, PixelLayout)]
#[repr(packed)]
struct Sample {
    id: u16,
    value: f32,
}

fn main() {}
