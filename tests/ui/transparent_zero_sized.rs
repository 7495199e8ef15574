// `repr(transparent)` over zero-sized fields only is still zero-sized.
use typed_layout::PixelLayout;

#[derive(Clone, Copy, PixelLayout)]
#[repr(transparent)]
struct Marker {
    _m: [u8; 0],
    _n: [u8; 0],
}

fn main() {}
