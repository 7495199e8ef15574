// The crate path is pasted into every generated item, so it must be a plain
// path: generic arguments could hold a macro call that expands differently
// at each paste.
use typed_layout::PixelLayout;

#[derive(Clone, Copy, PixelLayout)]
#[pixel_layout(crate = "typed_layout::<u8>")]
#[repr(C)]
struct Gray {
    v: u8,
}

fn main() {}
