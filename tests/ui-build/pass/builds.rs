//! Makes trybuild run `cargo build` for this suite, so errors found after
//! monomorphization count.
#![forbid(unsafe_code)]

fn main() {}
