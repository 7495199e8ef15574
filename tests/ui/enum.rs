use typed_layout::PixelLayout;

#[derive(Clone, Copy, PixelLayout)]
#[repr(u8)]
enum Kind {
    A,
    B,
}

fn main() {}
