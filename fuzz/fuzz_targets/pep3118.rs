//! PEP 3118 format strings: whatever parses prints (when it can) to a
//! format that parses back to the same size.
#![no_main]

use libfuzzer_sys::fuzz_target;
use typed_layout::Dtype;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(dtype) = Dtype::from_pep3118(text) {
        let _ = dtype.descr();
        if let Ok(printed) = dtype.pep3118() {
            let again = Dtype::from_pep3118(&printed)
                .unwrap_or_else(|e| panic!("{printed:?} (from {text:?}) does not parse: {e}"));
            assert_eq!(again.itemsize(), dtype.itemsize(), "{printed:?} from {text:?}");
        }
    }
});
