use typed_layout::PixelLayout;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Pair {
    both: (u32, u32),
}

fn main() {}
