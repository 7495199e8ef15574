//! A padded struct derived through look-alike checks, nested in a struct
//! derived the normal way (whose own checks pass: its fields add up): the
//! outer struct's proof also proves each field type, so viewing it fails.
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

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Outer {
    inner: Padded,
    extra: u32,
}

fn main() {
    let bytes = [0u8; 12];
    if let Ok(records) = Records::<Outer>::from_bytes(&bytes) {
        println!("{}", records.len());
    }
}
