use typed_layout::PixelLayout;

use typed_layout::Be;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Wire {
    flag: Be<bool>,
}

fn main() {}
