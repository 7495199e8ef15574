//! PEP 3118 format strings: whatever parses prints (when it can) to a
//! format that parses back to the same dtype, and its descr round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;
use typed_layout::Dtype;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(dtype) = Dtype::from_pep3118(text) {
        let printed = dtype.descr();
        let again = Dtype::from_descr(&printed);
        assert_eq!(
            again.as_ref(),
            Ok(&dtype),
            "descr {printed:?} of {text:?} did not round-trip"
        );
        if let Ok(format) = dtype.pep3118() {
            let again = Dtype::from_pep3118(&format)
                .unwrap_or_else(|e| panic!("{format:?} (from {text:?}) does not parse: {e}"));
            assert_eq!(
                again, dtype,
                "PEP 3118 {format:?} of {text:?} did not round-trip"
            );
        }
        assert!(dtype.check(&dtype).is_ok());
    }
});
