use typed_layout::PixelLayout;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Reading {
    value: f64,
    flags: u8,
}

fn main() {}
