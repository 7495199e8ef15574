//! Whole `.npy` files: parse, then view the data as a few record types and
//! by field name. Any input must give a value or a typed error, never a
//! panic or an out-of-bounds read.
#![no_main]

use libfuzzer_sys::fuzz_target;
use typed_layout::{Npy, PixelLayout};

#[derive(Clone, Copy, PixelLayout)]
#[repr(C, packed)]
struct Person {
    name: [u8; 32],
    age: i32,
    salary: f64,
}

fuzz_target!(|data: &[u8]| {
    let Ok(file) = Npy::from_bytes(data) else {
        return;
    };
    let _ = file.dtype().descr();
    let _ = file.dtype().pep3118();
    if let Ok(records) = file.records::<Person>() {
        let _ = records.columns().salary.iter().take(1 << 12).fold(0.0, |a, v| a + v);
    }
    if let Ok(values) = file.records::<f64>() {
        let _ = values.iter().take(1 << 12).count();
    }
    let _ = file.records::<[u8; 4]>().map(|r| r.len());
    let names: Vec<String> = file.fields().iter().map(|f| f.name().to_string()).collect();
    for name in names.iter().take(8) {
        let _ = file.column::<f64>(name).map(|c| c.iter().take(64).count());
        let _ = file.column::<u8>(name).map(|c| c.len());
    }
});
