use typed_layout::PixelLayout;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
union Bits {
    int: u32,
    float: f32,
}

fn main() {}
