//! The compile-fail suite: every rule the derive and the views enforce at
//! compile time, each with its pinned compiler output (`tests/ui/*.stderr`),
//! and compile-and-run tests for every accepted shape (`tests/pass/`).
//!
//! The `.stderr` files are made with the toolchain in rust-toolchain.toml;
//! regenerate with `TRYBUILD=overwrite cargo test --test ui` and review them.
#![forbid(unsafe_code)]

#[test]
fn compile_fail() {
    trybuild::TestCases::new().compile_fail("tests/ui/*.rs");
}

/// Rules checked when generic code is instantiated (after type checking):
/// trybuild runs `cargo build` when a suite also has a pass test.
#[test]
fn compile_fail_when_built() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui-build/pass/*.rs");
    cases.compile_fail("tests/ui-build/*.rs");
}

#[test]
fn compile_pass() {
    trybuild::TestCases::new().pass("tests/pass/*.rs");
}
