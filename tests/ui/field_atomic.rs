use typed_layout::PixelLayout;

use std::sync::atomic::AtomicU32;

#[derive(PixelLayout)]
#[repr(C)]
struct Counter {
    count: AtomicU32,
}

fn main() {}
