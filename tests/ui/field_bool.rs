use typed_layout::PixelLayout;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Flagged {
    value: u32,
    valid: bool,
    pad: [u8; 3],
}

fn main() {}
