use typed_layout::PixelLayout;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Maybe {
    value: Option<u32>,
}

fn main() {}
