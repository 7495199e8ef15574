//! `.npz` archives: list the keys, open every member and view it as a few
//! types. Any input must give a value or a typed error, never a panic or an
//! out-of-bounds read; a stored member viewed in place and its aligned copy
//! hold the same data.
#![no_main]

use libfuzzer_sys::fuzz_target;
use typed_layout::npz::Npz;

fuzz_target!(|data: &[u8]| {
    let Ok(npz) = Npz::from_bytes(data) else {
        return;
    };
    let keys: Vec<String> = npz.keys().into_iter().map(String::from).collect();
    for key in keys.iter().take(8) {
        let Ok(entry) = npz.get(key) else {
            continue;
        };
        let _ = entry.dtype().descr();
        let in_place = entry.npy_aligned(1).map(|npy| npy.data().to_vec());
        let copied = entry.npy_aligned(4096).map(|npy| npy.data().to_vec());
        if let (Ok(a), Ok(b)) = (&in_place, &copied) {
            assert_eq!(a, b, "in place and copied data differ");
        }
        if let Ok(values) = entry.records::<f64>() {
            let _ = values.iter().take(1 << 10).fold(0.0, |a, v| a + v);
        }
        let _ = entry.records::<[u8; 4]>().map(|r| r.len());
        let _ = entry.image::<u8>().map(|i| i.width());
        let _ = entry.channel_planes::<u8>().map(|p| p.len());
    }
});
