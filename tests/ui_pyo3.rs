//! Compile-fail tests for the `pyo3` feature (trybuild builds the cases
//! with the features of this test run): `cargo test --features pyo3
//! --test ui_pyo3`.
#![cfg(feature = "pyo3")]
#![forbid(unsafe_code)]

#[test]
fn python_views_stay_with_the_gil() {
    trybuild::TestCases::new().compile_fail("tests/ui-pyo3/*.rs");
}
