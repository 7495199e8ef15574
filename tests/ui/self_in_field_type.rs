// `Self` means a different type in each generated item the field's type is
// pasted into; the derive asks for the struct's name.
use typed_layout::PixelLayout;

trait Width {
    type Bytes;
}

impl Width for Sample {
    type Bytes = [u8; 4];
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Sample {
    raw: <Self as Width>::Bytes,
}

fn main() {}
