//! Compile-fail tests for the `rgb` feature: which of the `rgb` crate's
//! types are not layout types. `cargo test --features rgb --test ui_rgb`.
#![cfg(feature = "rgb")]
#![forbid(unsafe_code)]

#[test]
fn compile_fail_rgb_types_with_padding() {
    trybuild::TestCases::new().compile_fail("tests/ui-rgb/*.rs");
}
