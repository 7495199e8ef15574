//! Whole `.npy` files: parse, then view the data as a few record types and
//! by field name. Any input must give a value or a typed error, never a
//! panic or an out-of-bounds read; reading through `io::Read` agrees with
//! parsing the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use typed_layout::{Npy, NpyFile, PixelLayout};

#[derive(Clone, Copy, PixelLayout)]
#[repr(C, packed)]
struct Person {
    name: [u8; 32],
    age: i32,
    salary: f64,
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Point {
    x: f32,
    y: f32,
}

fuzz_target!(|data: &[u8]| {
    let parsed = Npy::from_bytes(data);
    let read = NpyFile::read_from(data);
    assert_eq!(
        parsed.is_ok(),
        read.is_ok(),
        "Npy::from_bytes and NpyFile::read_from disagree"
    );
    let (Ok(file), Ok(read)) = (parsed, read) else {
        return;
    };
    assert_eq!(file.header(), read.header());
    assert_eq!(file.data(), read.data());
    assert_eq!(file.data().len(), file.len() * file.dtype().itemsize());
    let _ = file.dtype().descr();
    let _ = file.dtype().pep3118();
    if let Ok(records) = file.records::<Person>() {
        assert_eq!(records.len(), file.len());
        let _ = records
            .columns()
            .salary
            .iter()
            .take(1 << 12)
            .fold(0.0, |a, v| a + v);
    }
    // The owned copy is 64-byte aligned: an aligned type views it whenever
    // the dtype matches.
    if let Ok(points) = read.records::<Point>() {
        let _ = points
            .columns()
            .y
            .iter()
            .take(1 << 12)
            .fold(0.0, |a, v| a + v);
    }
    if let Ok(values) = read.records::<f64>() {
        let _ = values.iter().take(1 << 12).count();
    }
    let _ = file.records::<[u8; 4]>().map(|r| r.len());
    let names: Vec<String> = file.fields().iter().map(|f| f.name().to_string()).collect();
    for name in names.iter().take(8) {
        let _ = file.column::<f64>(name).map(|c| c.iter().take(64).count());
        let _ = read.column::<u8>(name).map(|c| c.len());
    }
});
