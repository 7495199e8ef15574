//! With the `bytemuck` feature, look-alike checks (`crate = ...`) cannot
//! make a padded struct `Pod`: the impl requires the trait's own proof.
#![forbid(unsafe_code)]

use typed_layout::PixelLayout;

#[path = "../ui-build/support/look_alike.rs"]
mod look_alike;

#[derive(Clone, Copy, PixelLayout)]
#[pixel_layout(crate = "look_alike")]
#[repr(C)]
struct Padded {
    tag: u8,
    value: u32,
}

fn main() {
    let padded = Padded { tag: 1, value: 2 };
    println!("{:?}", typed_layout::ext::bytemuck::bytes_of(&padded));
}
