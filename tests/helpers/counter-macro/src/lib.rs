//! Proc macros whose expansion changes at every call: ordinary safe code
//! that a derive must not trust to expand the same way twice. The
//! compile-fail tests put them in a field type and in an array length,
//! where each paste of the field's type by `#[derive(PixelLayout)]` would
//! otherwise expand anew (tests/ui/macro_in_field_type.rs,
//! tests/ui/macro_in_array_len.rs).
#![forbid(unsafe_code)]

use proc_macro::TokenStream;
use std::sync::atomic::{AtomicUsize, Ordering};

static CALLS: AtomicUsize = AtomicUsize::new(0);

/// `u8` at the first call, `[u8; 4]` at every later one.
#[proc_macro]
pub fn counter_type(_input: TokenStream) -> TokenStream {
    let text = if CALLS.fetch_add(1, Ordering::Relaxed) == 0 {
        "u8"
    } else {
        "[u8; 4]"
    };
    text.parse().expect("a type")
}

/// `1` at the first call, `4` at every later one.
#[proc_macro]
pub fn counter_len(_input: TokenStream) -> TokenStream {
    let text = if CALLS.fetch_add(1, Ordering::Relaxed) == 0 {
        "1"
    } else {
        "4"
    };
    text.parse().expect("a length")
}
