//! NumPy `descr` literals and typestrs: whatever parses must print and parse
//! back to the same dtype (descr, typestr for scalars, and PEP 3118 when
//! the dtype has a PEP 3118 spelling), and match itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use typed_layout::{Dtype, DtypeKind};

/// Whether a field named `''` whose type is raw bytes or a sub-array sits
/// anywhere in `dtype`: NumPy's reader (and this one) reads such an entry of
/// a `descr` as padding, so its `descr` cannot round-trip, in NumPy either.
fn reads_as_a_gap(dtype: &Dtype) -> bool {
    dtype.innermost().fields().iter().any(|field| {
        (field.name().is_empty()
            && (field.dtype().is_sub_array() || field.dtype().kind() == Some(DtypeKind::Raw)))
            || reads_as_a_gap(field.dtype())
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for parsed in [
        Dtype::from_descr(text),
        Dtype::from_typestr(text),
        Dtype::parse(text),
    ] {
        if let Ok(dtype) = parsed {
            let printed = dtype.descr();
            let again = Dtype::from_descr(&printed);
            if !reads_as_a_gap(&dtype) {
                assert_eq!(
                    again.as_ref(),
                    Ok(&dtype),
                    "descr {printed:?} of {text:?} did not round-trip"
                );
            } else {
                // It parses, as NumPy's reader reads it (the field as a gap).
                assert!(
                    again.is_ok(),
                    "descr {printed:?} of {text:?} does not parse"
                );
            }
            if dtype.is_scalar() {
                let typestr = dtype.typestr();
                let again = Dtype::from_typestr(&typestr);
                assert_eq!(
                    again.as_ref(),
                    Ok(&dtype),
                    "typestr {typestr:?} of {text:?} did not round-trip"
                );
            }
            if let Ok(format) = dtype.pep3118() {
                let again = Dtype::from_pep3118(&format);
                assert_eq!(
                    again.as_ref(),
                    Ok(&dtype),
                    "PEP 3118 {format:?} of {text:?} did not round-trip"
                );
            }
            assert!(dtype.check(&dtype).is_ok());
        }
    }
});
