//! `#[pixel_layout(crate = ...)]` leading to look-alike checks that always
//! pass cannot make a padded struct viewable: the trait's own proof, which
//! no path reaches, fails the build where the struct is viewed.
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

fn main() {
    let bytes = [0u8; 8];
    if let Ok(records) = Records::<Padded>::from_bytes(&bytes) {
        println!("{}", records.len());
    }
}
