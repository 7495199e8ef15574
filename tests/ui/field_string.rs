use typed_layout::PixelLayout;

#[derive(Clone, PixelLayout)]
#[repr(C)]
struct Person {
    name: String,
}

fn main() {}
