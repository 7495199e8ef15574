use typed_layout::PixelLayout;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Span {
    start: usize,
    len: usize,
}

fn main() {}
