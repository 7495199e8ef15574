//! Opening a memory-mapped `.npy` file of records is O(1): the header is
//! parsed and the length checked, the data is never read. One group times
//! `NpyFile::open` + `records::<Person>()` on files of 1 KiB to 1 GiB; the
//! medians should be flat. `cargo bench --bench npy_open`.
//!
//! The files are sparse (header written, then `File::set_len`), so making
//! a 1 GiB file takes no time and no disk space.
#![forbid(unsafe_code)]

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::hint::black_box;
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;
use typed_layout::{npy, HasDtype, NpyFile, PixelLayout};

/// NumPy's packed `[('name', 'S32'), ('age', '<i4'), ('salary', '<f8')]`.
#[derive(Clone, Copy, PixelLayout)]
#[repr(C, packed)]
struct Person {
    name: [u8; 32],
    age: i32,
    salary: f64,
}

/// A sparse `.npy` file of about `bytes` bytes of `Person` records.
fn sparse_file(label: &str, bytes: u64) -> PathBuf {
    let records = bytes / 44;
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join(format!(
        "npy_open-{}-{}.npy",
        label.replace(' ', ""),
        std::process::id()
    ));
    let header = npy::header_bytes(&Person::dtype(), &[records as usize], false)
        .expect("a one-axis header fits");
    let mut file = std::fs::File::create(&path).expect("create the bench file");
    file.write_all(&header).expect("write the header");
    file.set_len(header.len() as u64 + records * 44)
        .expect("extend the file (sparse)");
    path
}

fn open(c: &mut Criterion) {
    let sizes: [(&str, u64); 4] = [
        ("1 KiB", 1 << 10),
        ("1 MiB", 1 << 20),
        ("100 MiB", 100 << 20),
        ("1 GiB", 1 << 30),
    ];
    let mut group = c.benchmark_group("npy_open");
    group.measurement_time(Duration::from_secs(3));
    let mut paths = Vec::new();
    for (label, bytes) in sizes {
        let path = sparse_file(label, bytes);
        group.bench_with_input(BenchmarkId::new("open+records", label), &path, |b, path| {
            b.iter(|| {
                let file = NpyFile::open(path).expect("open");
                let people = file.records::<Person>().expect("records");
                black_box(people.len())
            })
        });
        paths.push(path);
    }
    group.finish();
    for path in paths {
        let _ = std::fs::remove_file(path);
    }
}

criterion_group!(benches, open);
criterion_main!(benches);
