//! `.npy` headers alone: magic, version, length field and the header dict.
#![no_main]

use libfuzzer_sys::fuzz_target;
use typed_layout::NpyHeader;

fuzz_target!(|data: &[u8]| {
    if let Ok(header) = NpyHeader::parse(data) {
        // The data starts after the header, at a multiple of 16 (NumPy
        // pads to 64 since 1.x; 16 is the format's minimum) or later.
        assert!(header.data_offset() > 8);
        let _ = (header.len(), header.data_len(), header.shape().len(), header.version());
        let _ = header.dtype().descr();
    }
});
