//! The compile-fail suite: every rule the derive and the views enforce at
//! compile time, each with its pinned compiler output (`tests/ui/*.stderr`),
//! and compile-and-run tests for every accepted shape (`tests/pass/`).
//!
//! The `.stderr` files are made with the toolchain in rust-toolchain.toml;
//! regenerate with `TRYBUILD=overwrite cargo test --test ui` and review them.
//!
//! One suite on purpose: trybuild builds the dependencies of each suite in
//! `target/tests/trybuild`, in `cargo check` mode for a suite of
//! compile-fail cases only and in `cargo build` mode as soon as it has a pass
//! case. Three suites built them twice (check and build) and compiled their
//! cases in three rounds one after the other; one suite builds them once and
//! all cases in one parallel `cargo build --keep-going`.
#![forbid(unsafe_code)]

#[test]
fn compile_fail_and_compile_pass() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
    // Rules checked when generic code is instantiated (after type checking):
    // they need `cargo build`, which the pass cases below make trybuild run.
    cases.compile_fail("tests/ui-build/*.rs");
    cases.pass("tests/pass/*.rs");
}
