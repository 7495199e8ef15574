use typed_layout::PixelLayout;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Pair<T> {
    a: T,
    b: T,
}

fn main() {}
