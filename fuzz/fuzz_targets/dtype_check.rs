//! Compatibility checks between two fuzzed dtypes (two lines of any of the
//! three syntaxes): `check` and `matches` agree, a dtype matches itself, a
//! match means the same size, and nothing panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use typed_layout::Dtype;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (left, right) = text.split_once('\n').unwrap_or((text, text));
    let (Ok(a), Ok(b)) = (Dtype::parse(left), Dtype::parse(right)) else {
        return;
    };
    assert_eq!(a.check(&b).is_ok(), a.matches(&b));
    assert_eq!(b.check(&a).is_ok(), b.matches(&a));
    if let Err(error) = a.check(&b) {
        let _ = error.to_string();
    }
    assert!(a.matches(&a) && b.matches(&b));
    if a.matches(&b) {
        assert_eq!(
            a.itemsize(),
            b.itemsize(),
            "{left:?} matches {right:?} with another size"
        );
    }
});
