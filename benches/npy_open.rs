//! Opening `.npy` files of records, both ways.
//!
//! * `npy_map`: `NpyFile::map` + `records::<Person>()` on files of 1 KiB to
//!   1 GiB. Mapping is O(1): the header is parsed and the length checked,
//!   the data is never read, so the medians should be flat. The files are
//!   sparse (header written, then `File::set_len`): no time, no disk space.
//! * `npy_read`: `NpyFile::read` (safe: one copy into 64-byte aligned
//!   memory) against `std::fs::read` of the same file, side by side, on
//!   files of 1 MiB to 256 MiB of real data (in the page cache after the
//!   first read). Target: `read` at least 0.8x the throughput of
//!   `std::fs::read`.
//!
//! `cargo bench --bench npy_open`.
// One `unsafe` block: the mapping, with its reason.
#![deny(unsafe_code)]

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
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

fn bench_path(kind: &str, label: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "npy_open-{kind}-{}-{}.npy",
        label.replace(' ', ""),
        std::process::id()
    ))
}

/// A `.npy` file of about `bytes` bytes of `Person` records: sparse (the
/// data reads as zeros) or filled with real bytes.
fn person_file(kind: &str, label: &str, bytes: u64, sparse: bool) -> PathBuf {
    let records = bytes / 44;
    let path = bench_path(kind, label);
    let header = npy::header_bytes(&Person::dtype(), &[records as usize], false)
        .expect("a one-axis header fits");
    let mut file = std::fs::File::create(&path).expect("create the bench file");
    file.write_all(&header).expect("write the header");
    if sparse {
        file.set_len(header.len() as u64 + records * 44)
            .expect("extend the file (sparse)");
    } else {
        let chunk: Vec<u8> = (0..44 * 1024).map(|i| (i % 251) as u8).collect();
        let mut left = records * 44;
        while left > 0 {
            let n = left.min(chunk.len() as u64) as usize;
            file.write_all(&chunk[..n]).expect("write the data");
            left -= n as u64;
        }
    }
    path
}

fn map(c: &mut Criterion) {
    let sizes: [(&str, u64); 4] = [
        ("1 KiB", 1 << 10),
        ("1 MiB", 1 << 20),
        ("100 MiB", 100 << 20),
        ("1 GiB", 1 << 30),
    ];
    let mut group = c.benchmark_group("npy_map");
    group.measurement_time(Duration::from_secs(3));
    let mut paths = Vec::new();
    for (label, bytes) in sizes {
        let path = person_file("map", label, bytes, true);
        group.bench_with_input(BenchmarkId::new("map+records", label), &path, |b, path| {
            b.iter(|| {
                #[allow(unsafe_code)]
                // SAFETY: this benchmark created the file above and nothing
                // else opens it, so it is not modified or truncated while
                // mapped.
                let file = unsafe { NpyFile::map(path) }.expect("map");
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

fn read(c: &mut Criterion) {
    let sizes: [(&str, u64); 3] = [
        ("1 MiB", 1 << 20),
        ("16 MiB", 16 << 20),
        ("256 MiB", 256 << 20),
    ];
    let mut group = c.benchmark_group("npy_read");
    group.measurement_time(Duration::from_secs(5));
    group.sample_size(20);
    let mut paths = Vec::new();
    for (label, bytes) in sizes {
        let path = person_file("read", label, bytes, false);
        let len = std::fs::metadata(&path).expect("the file").len();
        group.throughput(Throughput::Bytes(len));
        group.bench_with_input(BenchmarkId::new("std_fs_read", label), &path, |b, path| {
            b.iter(|| black_box(std::fs::read(path).expect("read").len()))
        });
        group.bench_with_input(
            BenchmarkId::new("NpyFile::read+records", label),
            &path,
            |b, path| {
                b.iter(|| {
                    let file = NpyFile::read(path).expect("read");
                    let people = file.records::<Person>().expect("records");
                    black_box(people.len())
                })
            },
        );
        paths.push(path);
    }
    group.finish();
    for path in paths {
        let _ = std::fs::remove_file(path);
    }
}

criterion_group!(benches, map, read);
criterion_main!(benches);
