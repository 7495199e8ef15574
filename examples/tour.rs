//! A tour of typed-layout through the scenarios it was built for: NumPy-style
//! packed `Person` records in a byte buffer viewed without copies (seed 001)
//! and written to a `.npy` file and read back (a safe aligned copy) and mapped
//! back (`unsafe`: the caller promises the file does not change), a pygame
//! surface downscaled through a typed image view (seed 000), and a
//! Pillow-style row table copied to packed RGB in one pass (seed 002).
//!
//! Run with `cargo run --release --example tour` (10 M records, 440 MB), or
//! add `-- --small` for 100 k records.
// One `unsafe` block, the memory mapping, with its reason; nothing else.
#![deny(unsafe_code)]

#[path = "scenarios/row_table.rs"]
mod row_table;
#[path = "scenarios/surface.rs"]
mod surface;

use std::error::Error;
use std::fs::File;
use std::io::BufWriter;
use std::time::{Duration, Instant};
use typed_layout::{npy, Be, NpyFile, PixelLayout, RecordBuf, Records, RecordsMut};

/// NumPy's `[('name','S32'),('age','<i4'),('salary','<f8')]`: 44 bytes,
/// `salary` at offset 36, unaligned.
#[derive(Clone, Copy, PixelLayout)]
#[repr(C, packed)]
struct Person {
    name: [u8; 32],
    age: i32,
    salary: f64,
}

/// The same records as a big-endian machine (or `'>f8'` dtype) writes them.
#[derive(Clone, Copy, PixelLayout)]
#[repr(C, packed)]
struct PersonBe {
    name: [u8; 32],
    age: Be<i32>,
    salary: Be<f64>,
}

fn timed<T>(label: &str, work: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let result = work();
    report(label, start.elapsed());
    result
}

fn report(label: &str, elapsed: Duration) {
    println!("  {label:<52} {:>10.3} ms", elapsed.as_secs_f64() * 1e3);
}

/// `person-<i>` in ASCII at the start of `name`, without the formatting
/// machinery (a `format!` per record was most of the tour's run time).
fn write_name(name: &mut [u8], mut i: usize) {
    const PREFIX: &[u8] = b"person-";
    name[..PREFIX.len()].copy_from_slice(PREFIX);
    let mut digits = [0u8; 20];
    let mut len = 0;
    loop {
        digits[len] = b'0' + (i % 10) as u8;
        len += 1;
        i /= 10;
        if i == 0 {
            break;
        }
    }
    for (to, from) in name[PREFIX.len()..]
        .iter_mut()
        .zip(digits[..len].iter().rev())
    {
        *to = *from;
    }
}

/// Deterministic pseudo-random people, written as raw little-endian bytes,
/// as they would arrive from a file or another process.
fn generate(count: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; count * 44];
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    for (i, record) in bytes.chunks_exact_mut(44).enumerate() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let (name, rest) = record.split_at_mut(32);
        write_name(name, i);
        let age = 18 + (state % 50) as i32;
        let salary = 20_000.0 + (state >> 16) as f64 % 80_000.0;
        rest[..4].copy_from_slice(&age.to_le_bytes());
        rest[4..].copy_from_slice(&salary.to_le_bytes());
    }
    bytes
}

/// Writes the records as a `.npy` file (the header NumPy would write), reads
/// it back two ways and reads its columns in place, typed and by name.
fn numpy_file(people: &Records<'_, Person>, mean: f64) -> Result<(), Box<dyn Error>> {
    let path = std::env::temp_dir().join(format!("typed-layout-tour-{}.npy", std::process::id()));
    timed("npy::write to a file (header, then the bytes)", || {
        npy::write(BufWriter::new(File::create(&path)?), people)
    })?;
    // Safe: one copy into 64-byte aligned memory, as fast as std::fs::read.
    let read = timed("NpyFile::read: read into aligned memory", || {
        NpyFile::read(&path)
    })?;
    // O(1): maps the file and checks the header; the data is read on use.
    #[allow(unsafe_code)]
    // SAFETY: this program wrote the file just above and nothing else opens
    // it, so it is not modified or truncated while mapped.
    let mapped = timed("NpyFile::map: map and check the header (O(1))", || unsafe {
        NpyFile::map(&path)
    })?;
    println!(
        "    {} records of dtype {}",
        mapped.len(),
        mapped.dtype().descr()
    );
    for (file, how) in [(&read, "read"), (&mapped, "mapped")] {
        let records = timed(&format!("records::<Person>() of the {how} file"), || {
            file.records::<Person>()
        })?;
        let from_file = timed(
            &format!("mean salary over the {how} `salary` column"),
            || records.columns().salary.iter().sum::<f64>() / records.len() as f64,
        );
        let by_name = timed("the same through column::<f64>(\"salary\")", || {
            file.column::<f64>("salary")
                .map(|salary| salary.iter().sum::<f64>() / salary.len() as f64)
        })?;
        println!("    mean salary from the {how} file: {from_file:.2} (by name: {by_name:.2})");
        assert_eq!(from_file.to_bits(), by_name.to_bits());
        assert!(
            (from_file / mean - 1.1).abs() < 1e-9,
            "the file holds the raised salaries"
        );
    }
    drop((read, mapped));
    std::fs::remove_file(&path)?;
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let small = std::env::args().any(|arg| arg == "--small");
    let count = if small { 100_000 } else { 10_000_000 };
    println!(
        "typed-layout tour: {count} packed Person records ({} bytes each)",
        Person::LAYOUT.size
    );
    println!("\nrecords and columns");

    let mut bytes = timed("generate the byte buffer (not part of the library)", || {
        generate(count)
    });

    let people = timed("Records::<Person>::from_bytes (O(1) checks)", || {
        Records::<Person>::from_bytes(&bytes)
    })?;
    let columns = people.columns();

    let mean = timed("mean salary over the `salary` column", || {
        columns.salary.iter().sum::<f64>() / people.len() as f64
    });
    println!("    mean salary: {mean:.2}");

    let histogram = timed("age histogram by decade over the `age` column", || {
        let mut decades = [0usize; 10];
        for age in columns.age.iter() {
            decades[(age / 10).clamp(0, 9) as usize] += 1;
        }
        decades
    });
    for (decade, &n) in histogram.iter().enumerate().filter(|(_, &n)| n > 0) {
        println!("    ages {:>2}-{:<2}: {n}", decade * 10, decade * 10 + 9);
    }

    let mut people = RecordsMut::<Person>::from_bytes_mut(&mut bytes)?;
    timed("10% raise written through columns_mut().salary", || {
        let PersonColumnsMut { mut salary, .. } = people.columns_mut();
        salary.update(|s| s * 1.1);
    });
    let raised = people.columns().salary.iter().sum::<f64>() / people.len() as f64;
    println!(
        "    mean salary after raise: {raised:.2} (x{:.4})",
        raised / mean
    );

    let people = people.into_records();
    let mut big_endian = RecordBuf::<PersonBe>::zeroed(count)?;
    timed("write a big-endian copy (RecordBuf<PersonBe>)", || {
        for (to, from) in big_endian.as_mut_slice().iter_mut().zip(people.iter()) {
            *to = PersonBe {
                name: from.name,
                age: Be::new(from.age),
                salary: Be::new(from.salary),
            };
        }
    });
    let big_endian_view = Records::<PersonBe>::from_bytes(big_endian.as_bytes())?;
    let mean_be = timed("mean salary through the Be<f64> column", || {
        big_endian_view
            .columns()
            .salary
            .iter()
            .map(Be::get)
            .sum::<f64>()
            / count as f64
    });
    println!("    mean salary (big-endian copy): {mean_be:.2}");
    assert_eq!(
        mean_be.to_bits(),
        raised.to_bits(),
        "same values, same order"
    );

    let first = people.get(0).map(|p| p.name).unwrap_or_default();
    let name_len = first.iter().position(|&b| b == 0).unwrap_or(32);
    println!(
        "    first record's name: {}",
        String::from_utf8_lossy(&first[..name_len])
    );

    println!("\nNumPy: write a .npy, read it and map it, read columns from it");
    numpy_file(&people, mean)?;

    println!("\nimages: a pygame surface, downscaled 2x (seed 000)");
    let (width, height) = if small { (640, 360) } else { (1920, 1080) };
    surface::run(width, height)?;

    println!("\nrow tables: Pillow-style blocks of rows to packed RGB (seed 002)");
    // 4096^2 here (the seed's 8192^2 in `--example row_table`): the slow
    // baseline it is compared with takes seconds at the full size.
    row_table::run(if small { 1024 } else { 4096 })?;
    Ok(())
}
