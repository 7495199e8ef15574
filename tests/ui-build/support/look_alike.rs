//! A look-alike of `typed_layout` for the derive's `crate = ...` option:
//! the real items, but `__private` checks that always pass.

pub use typed_layout::*;

pub mod __private {
    pub use core;
    pub use typed_layout::__private::impl_bytemuck;

    pub struct Problem;

    impl Problem {
        pub const fn found(&self) -> bool {
            false
        }
        pub const fn as_str(&self) -> &str {
            ""
        }
    }

    impl Problem {
        pub const fn at(&self, _: usize) -> bool {
            false
        }
    }

    pub const fn check_record(_: &typed_layout::Layout, _: bool, _: bool) -> Problem {
        Problem
    }
}
