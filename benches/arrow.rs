//! Records to Arrow beside its baselines, one criterion group, so each
//! figure is a ratio from one run: 10 M packed `Person` records (440 MB)
//! to a `RecordBatch`, against one `memcpy` of the whole buffer (into a
//! buffer already written, and into a fresh allocation, whose pages the
//! kernel must supply as a conversion's output pages are) and against
//! `serde_arrow` on the same records as Rust values.
//! `cargo bench --bench arrow --features arrow,rayon`; the pyarrow figure
//! comes from `benches/python/arrow_compare.py` (benches/arrow_compare.sh
//! runs both).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;
use typed_layout::{arrow, PixelLayout, Records};

// The allocator pyarrow uses (`pa.default_memory_pool().backend_name`), so
// that both sides reuse freed pages alike: with glibc's malloc every
// iteration's 440 MB of output are fresh pages, which cost this machine's
// kernel ten times the copy itself (the `_fresh` baseline shows that cost).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C, packed)]
struct Person {
    name: [u8; 32],
    age: i32,
    salary: f64,
}

/// The same record as a Rust value for serde_arrow; the name is a byte
/// string (Arrow FixedSizeBinary(32)).
#[derive(serde::Serialize)]
struct PersonSerde {
    #[serde(serialize_with = "as_bytes")]
    name: [u8; 32],
    age: i32,
    salary: f64,
}

fn as_bytes<S: serde::Serializer>(name: &[u8; 32], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_bytes(name)
}

const N: usize = 10_000_000;

fn people() -> Vec<Person> {
    (0..N)
        .map(|i| {
            let mut name = [0u8; 32];
            name[..8].copy_from_slice(&(i as u64).to_le_bytes());
            Person {
                name,
                age: 18 + (i % 70) as i32,
                salary: 30_000.0 + (i % 1000) as f64 * 55.5,
            }
        })
        .collect()
}

fn records_to_arrow(c: &mut Criterion) {
    let people = people();
    let bytes: Vec<u8> = people
        .iter()
        .flat_map(|p| {
            let mut record = [0u8; 44];
            record[..32].copy_from_slice(&p.name);
            record[32..36].copy_from_slice(&{ p.age }.to_ne_bytes());
            record[36..].copy_from_slice(&{ p.salary }.to_ne_bytes());
            record
        })
        .collect();
    let records = Records::from_slice(&people);
    let mut group = c.benchmark_group("records_to_arrow_10M");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20))
        .throughput(Throughput::Bytes(bytes.len() as u64));

    let mut target = vec![1u8; bytes.len()];
    group.bench_function("memcpy_440MB", |b| {
        b.iter(|| target.copy_from_slice(black_box(&bytes)))
    });
    group.bench_function("memcpy_440MB_fresh", |b| {
        b.iter(|| black_box(&bytes).to_vec())
    });
    group.bench_function("to_record_batch", |b| {
        b.iter(|| arrow::to_record_batch(black_box(&records)).unwrap())
    });
    #[cfg(feature = "rayon")]
    group.bench_function("par_to_record_batch", |b| {
        b.iter(|| arrow::par_to_record_batch(black_box(&records)).unwrap())
    });
    group.finish();

    // serde_arrow goes through serde's data model value by value: slow
    // enough that fewer samples keep the run short.
    let values: Vec<PersonSerde> = people
        .iter()
        .map(|p| PersonSerde {
            name: p.name,
            age: p.age,
            salary: p.salary,
        })
        .collect();
    let schema = arrow::schema::<Person>().unwrap();
    let fields: Vec<_> = schema
        .fields()
        .iter()
        .map(|f| match f.name().as_str() {
            "name" => std::sync::Arc::new(typed_layout::ext::arrow_schema::Field::new(
                "name",
                typed_layout::ext::arrow_schema::DataType::FixedSizeBinary(32),
                false,
            )),
            _ => f.clone(),
        })
        .collect();
    let mut group = c.benchmark_group("records_to_arrow_10M_serde");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(40))
        .throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("memcpy_440MB", |b| {
        b.iter(|| target.copy_from_slice(black_box(&bytes)))
    });
    group.bench_function("serde_arrow", |b| {
        b.iter(|| serde_arrow::to_record_batch(&fields, black_box(&values)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, records_to_arrow);
criterion_main!(benches);
