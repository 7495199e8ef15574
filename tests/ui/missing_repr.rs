use typed_layout::PixelLayout;

#[derive(Clone, Copy, PixelLayout)]
struct Rgb8 {
    r: u8,
    g: u8,
    b: u8,
}

fn main() {}
