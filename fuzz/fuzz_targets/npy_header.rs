//! `.npy` headers alone: magic, version, length field and the header dict.
//! Whatever parses is consistent, and writing its dtype and shape back
//! gives a header that parses to the same values.
#![no_main]

use libfuzzer_sys::fuzz_target;
use typed_layout::{npy, NpyHeader};

fuzz_target!(|data: &[u8]| {
    let Ok(header) = NpyHeader::parse(data) else {
        return;
    };
    // The data starts after the magic, version, length field and header.
    assert!(header.data_offset() >= 10 && header.data_offset() <= data.len());
    assert!(matches!(header.version(), (1, 0) | (2, 0) | (3, 0)));
    let elements = header
        .shape()
        .iter()
        .try_fold(1usize, |acc, &d| acc.checked_mul(d));
    assert_eq!(elements, Some(header.len()));
    assert_eq!(
        header.len().checked_mul(header.dtype().itemsize()),
        Some(header.data_len())
    );
    let _ = header.dtype().pep3118();

    // Writing the same dtype and shape back gives NumPy's canonical
    // header, which must describe the same array. The writer turns a
    // sub-array dtype into trailing axes, as numpy.load does: compare in
    // that form.
    let written = npy::header_bytes(header.dtype(), header.shape(), header.fortran_order())
        .unwrap_or_else(|e| panic!("a parsed header cannot be written back: {e}"));
    assert_eq!(
        written.len() % 64,
        0,
        "data of a written file is 64-byte aligned"
    );
    let again = NpyHeader::parse(&written).expect("a written header parses");
    assert_eq!(again.data_offset(), written.len());
    let canonical = |h: &NpyHeader| {
        let mut shape = h.shape().to_vec();
        shape.extend_from_slice(h.dtype().shape());
        (
            h.dtype().base().clone(),
            shape,
            h.fortran_order(),
            h.data_len(),
        )
    };
    assert_eq!(
        canonical(&again),
        canonical(&header),
        "header {:?} did not round-trip",
        String::from_utf8_lossy(&written),
    );
});
