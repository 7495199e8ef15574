//! NumPy `descr` literals and typestrs: whatever parses must print and parse
//! back to the same dtype.
#![no_main]

use libfuzzer_sys::fuzz_target;
use typed_layout::Dtype;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for parsed in [Dtype::from_descr(text), Dtype::parse(text)] {
        if let Ok(dtype) = parsed {
            let printed = dtype.descr();
            let again = Dtype::from_descr(&printed);
            assert_eq!(again.as_ref(), Ok(&dtype), "descr {printed:?} of {text:?} did not round-trip");
            assert!(dtype.check(&dtype).is_ok());
        }
    }
});
