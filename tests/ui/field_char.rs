use typed_layout::PixelLayout;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Glyph {
    code: char,
}

fn main() {}
