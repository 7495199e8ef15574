//! `#[pixel_layout(crate = ...)]` leading to look-alike checks that always
//! pass cannot make a padded struct viewable: the trait's own proof, which
//! no path reaches, fails the build where the struct is viewed.
#![forbid(unsafe_code)]

use typed_layout::{PixelLayout, Records};

#[path = "support/look_alike.rs"]
mod look_alike;

#[derive(Clone, Copy, PixelLayout)]
#[pixel_layout(crate = "look_alike")]
#[repr(C)]
struct Padded {
    tag: u8,
    value: u32,
}

fn main() {
    let bytes = [0u8; 8];
    if let Ok(records) = Records::<Padded>::from_bytes(&bytes) {
        println!("{}", records.len());
    }
}
