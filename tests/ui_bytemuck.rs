//! Compile-fail tests for the `bytemuck` feature (trybuild builds the cases
//! with the features of this test run): `cargo test --features bytemuck
//! --test ui_bytemuck`.
#![cfg(feature = "bytemuck")]
#![forbid(unsafe_code)]

#[test]
fn pod_needs_the_layout_proof() {
    trybuild::TestCases::new().compile_fail("tests/ui-bytemuck/*.rs");
}
