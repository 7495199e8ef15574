// Messages name a raw-identifier field as the field table does: without `r#`.
use typed_layout::PixelLayout;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Token {
    r#ref: u8,
    r#type: u32,
}

fn main() {}
