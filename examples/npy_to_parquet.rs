//! Streams a `.npy` file to Parquet (or Arrow IPC, by the output's
//! extension) and reports the time and the process's peak memory.
//!
//! ```sh
//! cargo run --release --example npy_to_parquet --features arrow -- IN.npy OUT.parquet [zstd|snappy|lz4|none]
//! ```
//!
//! The input is read through `io::Read`, so the peak resident size
//! (`VmHWM`) is the process's own memory; `RssAnon` is also sampled after
//! every batch.
#![forbid(unsafe_code)]

use std::time::Instant;
use typed_layout::arrow::{self, ConvertOptions, OutputFormat, ParquetCompression};

/// A field of /proc/self/status in kB (Linux); 0 elsewhere.
fn status_kb(key: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status.lines().find_map(|line| {
                let rest = line.strip_prefix(key)?.strip_prefix(':')?;
                rest.trim().trim_end_matches("kB").trim().parse().ok()
            })
        })
        .unwrap_or(0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output, rest @ ..] = &args[..] else {
        return Err(
            "usage: npy_to_parquet IN.npy OUT.parquet|OUT.arrow [zstd|snappy|lz4|none]".into(),
        );
    };
    let format =
        OutputFormat::from_path(output).ok_or("the output must end in .parquet or .arrow")?;
    let compression = rest
        .iter()
        .find_map(|arg| ParquetCompression::parse(arg))
        .unwrap_or(ParquetCompression::Snappy);
    let options = ConvertOptions::new(format).compression(compression);
    let out = std::io::BufWriter::new(std::fs::File::create(output)?);
    let mut peak_anon = status_kb("RssAnon");
    let started = Instant::now();
    let on_batch = |_: &arrow::Progress| peak_anon = peak_anon.max(status_kb("RssAnon"));
    let reader = std::fs::File::open(input)?;
    let summary = arrow::convert_npy(reader, out, &options, on_batch)?;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{} rows in {} batches, {seconds:.2} s; peak RSS (VmHWM) {} MiB, peak RssAnon {} MiB",
        summary.rows,
        summary.batches,
        status_kb("VmHWM") / 1024,
        peak_anon / 1024,
    );
    Ok(())
}
