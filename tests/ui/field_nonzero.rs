use typed_layout::PixelLayout;

use std::num::NonZeroU32;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Id {
    id: NonZeroU32,
}

fn main() {}
