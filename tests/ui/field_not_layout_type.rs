use typed_layout::PixelLayout;

#[derive(Clone, Copy)]
#[repr(C)]
struct Plain {
    x: u32,
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Outer {
    inner: Plain,
}

fn main() {}
