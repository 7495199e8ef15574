use typed_layout::PixelLayout;

use std::cell::Cell;

#[derive(Clone, PixelLayout)]
#[repr(C)]
struct Counter {
    count: Cell<u32>,
}

fn main() {}
