//! A padded struct derived through look-alike checks, nested in a struct
//! derived the normal way (whose own checks pass: its fields add up): the
//! outer struct's proof also proves each field type, so viewing it fails.
#![forbid(unsafe_code)]

use typed_layout::{PixelLayout, Records};

mod look_alike {
    pub use typed_layout::*;

    pub mod __private {
        pub use core;

        pub struct Problem;

        impl Problem {
            pub const fn found(&self) -> bool {
                false
            }
            pub const fn as_str(&self) -> &str {
                ""
            }
        }

        pub const fn check_field_gap(_: &str, _: &str, _: &str, _: usize, _: usize) -> Problem {
            Problem
        }
        pub const fn check_trailing(_: &str, _: &str, _: usize, _: usize, _: usize, _: bool) -> Problem {
            Problem
        }
        pub const fn check_size(_: &str, _: usize) -> Problem {
            Problem
        }
    }
}

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
