//! `typed-layout convert` as a user runs it: a file NumPy wrote and files
//! this crate wrote, converted by the binary to Parquet (every compression)
//! and Arrow IPC, read back with the arrow and parquet crates and compared
//! value for value with the source; `--map` writes the same bytes as the
//! read path; `--batch-rows`; and the errors (missing, malformed or
//! truncated input, an unknown extension, a bad option, the input as
//! output, an output that cannot be created), each naming the file, with a
//! non-zero exit and no file left behind.
//!
//! Needs the CLI's `arrow` feature: `cargo test -p typed-layout-cli
//! --features arrow`. The NumPy case needs python3 with numpy (skipped with
//! a notice otherwise, a failure under `TYPED_LAYOUT_REQUIRE_NUMPY=1`).
#![cfg(feature = "arrow")]
#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};
use typed_layout::{npy, Be, Bytes, PixelLayout};
use typed_layout_core::ext::arrow_array::cast::AsArray;
use typed_layout_core::ext::arrow_array::types::{
    Float64Type, Int32Type, TimestampMillisecondType, UInt16Type,
};
use typed_layout_core::ext::arrow_array::{Array, RecordBatch};
use typed_layout_core::ext::arrow_ipc::reader::FileReader;
use typed_layout_core::ext::parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use typed_layout_core::ext::parquet::basic::Compression;

#[path = "../../tests/support/python.rs"]
mod python;

#[path = "support/command.rs"]
mod command;
use command::{run, text};

/// This file's test directory `name`.
fn temp_dir(name: &str) -> PathBuf {
    command::temp_dir(&format!("convert-{name}"))
}

/// The file names in `dir`, sorted (to see that nothing is left behind).
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read the test directory")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

fn read_batches(path: &Path) -> Vec<RecordBatch> {
    let file = std::fs::File::open(path).expect("open the output");
    if path.extension().is_some_and(|e| e == "parquet") {
        ParquetRecordBatchReaderBuilder::try_new(file)
            .expect("a Parquet file")
            .build()
            .expect("a reader")
            .collect::<Result<_, _>>()
            .expect("read the batches")
    } else {
        FileReader::try_new(file, None)
            .expect("an Arrow IPC file")
            .collect::<Result<_, _>>()
            .expect("read the batches")
    }
}

/// The compression of every column chunk of a Parquet file.
fn parquet_compressions(path: &Path) -> Vec<Compression> {
    let file = std::fs::File::open(path).expect("open the output");
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).expect("a Parquet file");
    builder
        .metadata()
        .row_groups()
        .iter()
        .flat_map(|group| group.columns().iter().map(|column| column.compression()))
        .collect()
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C, packed)]
struct Person {
    name: Bytes<32>,
    age: i32,
    salary: f64,
    level: Be<u16>,
}

fn people(n: usize) -> Vec<Person> {
    (0..n)
        .map(|i| Person {
            name: Bytes::from_value(format!("person {i}").as_bytes()).expect("short"),
            age: 18 + (i % 70) as i32,
            salary: 30_000.0 + i as f64 * 0.25,
            level: Be::new((i % 7) as u16),
        })
        .collect()
}

/// The people of every batch, compared value for value with `expected`.
fn check_people(batches: &[RecordBatch], expected: &[Person], what: &str) {
    let mut row = 0;
    for batch in batches {
        let names: Vec<&str> = batch
            .schema_ref()
            .fields()
            .iter()
            .map(|f| f.name().as_str())
            .collect();
        assert_eq!(names, ["name", "age", "salary", "level"], "{what}");
        let name = batch.column(0).as_fixed_size_binary();
        let age = batch.column(1).as_primitive::<Int32Type>();
        let salary = batch.column(2).as_primitive::<Float64Type>();
        let level = batch.column(3).as_primitive::<UInt16Type>();
        for i in 0..batch.num_rows() {
            let person = &expected[row];
            assert_eq!(name.value(i), person.name.as_bytes(), "{what} row {row}");
            assert_eq!(age.value(i), { person.age }, "{what} row {row}");
            assert_eq!(
                salary.value(i).to_bits(),
                { person.salary }.to_bits(),
                "{what} row {row}"
            );
            assert_eq!(level.value(i), person.level.get(), "{what} row {row}");
            row += 1;
        }
    }
    assert_eq!(row, expected.len(), "{what}: rows");
}

#[test]
fn converts_to_every_format_and_compression() {
    let dir = temp_dir("formats");
    let people = people(20_000);
    npy::write_slice(
        std::fs::File::create(dir.join("people.npy")).expect("create"),
        &people,
    )
    .expect("write");
    for (output, compression, expected) in [
        ("default.parquet", None, Compression::SNAPPY),
        ("none.parquet", Some("none"), Compression::UNCOMPRESSED),
        ("snappy.parquet", Some("snappy"), Compression::SNAPPY),
        ("lz4.parquet", Some("lz4"), Compression::LZ4_RAW),
        (
            "zstd.parquet",
            Some("zstd"),
            Compression::ZSTD(Default::default()),
        ),
        (
            "zstd9.parquet",
            Some("zstd:9"),
            Compression::ZSTD(Default::default()),
        ),
    ] {
        let mut args = vec!["convert", "people.npy", output];
        if let Some(compression) = compression {
            args.extend(["--compression", compression]);
        }
        let out = run(&args, &dir);
        assert!(out.status.success(), "{output}: {}", text(&out.stderr));
        assert!(out.stdout.is_empty(), "{output}");
        let path = dir.join(output);
        check_people(&read_batches(&path), &people, output);
        // ZSTD's level is not in the file; the codec is.
        let codecs = parquet_compressions(&path);
        assert!(!codecs.is_empty());
        for codec in codecs {
            assert_eq!(
                std::mem::discriminant(&codec),
                std::mem::discriminant(&expected),
                "{output}: {codec:?}"
            );
        }
        // One summary line on stderr.
        let err = text(&out.stderr);
        assert!(
            err.starts_with(&format!(
                "people.npy -> {output}: 20000 rows of 4 columns (name, age, salary, level) in 1 batch, Parquet ("
            )),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    for output in ["people.arrow", "people.ipc", "people.feather"] {
        let out = run(&["convert", "people.npy", output, "--quiet"], &dir);
        assert!(out.status.success(), "{output}: {}", text(&out.stderr));
        assert!(out.stderr.is_empty() && out.stdout.is_empty(), "{output}");
        check_people(&read_batches(&dir.join(output)), &people, output);
    }
    // Only the outputs are left: no temporary files.
    let left = listing(&dir);
    assert!(
        left.iter().all(|name| !name.starts_with('.')),
        "left behind: {left:?}"
    );
}

#[test]
fn batch_rows_and_map() {
    let dir = temp_dir("batches");
    let people = people(1000);
    npy::write_slice(
        std::fs::File::create(dir.join("people.npy")).expect("create"),
        &people,
    )
    .expect("write");
    let out = run(
        &["convert", "people.npy", "read.arrow", "--batch-rows", "300"],
        &dir,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("in 4 batches, Arrow IPC"));
    let batches = read_batches(&dir.join("read.arrow"));
    let sizes: Vec<usize> = batches.iter().map(RecordBatch::num_rows).collect();
    assert_eq!(sizes, [300, 300, 300, 100]);
    check_people(&batches, &people, "read.arrow");

    // The mapped input converts to the same bytes as the read one.
    for (read, mapped, extra) in [
        ("read.arrow", "mapped.arrow", vec!["--batch-rows", "300"]),
        ("read.parquet", "mapped.parquet", vec!["-c", "zstd"]),
    ] {
        for (output, map) in [(read, false), (mapped, true)] {
            let mut args = vec!["convert", "people.npy", output];
            args.extend(&extra);
            if map {
                args.push("--map");
            }
            let out = run(&args, &dir);
            assert!(out.status.success(), "{output}: {}", text(&out.stderr));
        }
        let read_bytes = std::fs::read(dir.join(read)).expect("read output");
        assert!(read_bytes == std::fs::read(dir.join(mapped)).expect("mapped output"));
        check_people(&read_batches(&dir.join(mapped)), &people, mapped);
    }
    // Batches larger than the file (or than memory) hold the whole file:
    // one batch, every row, read or mapped, nothing left beside it.
    for rows in [
        "1099511627776",
        "4611686018427387904",
        "18446744073709551615",
    ] {
        for map in [false, true] {
            let mut args = vec!["convert", "people.npy", "huge.arrow", "--batch-rows", rows];
            if map {
                args.push("--map");
            }
            let out = run(&args, &dir);
            assert!(out.status.success(), "{rows}: {}", text(&out.stderr));
            assert!(
                text(&out.stderr).contains("in 1 batch"),
                "{}",
                text(&out.stderr)
            );
            check_people(&read_batches(&dir.join("huge.arrow")), &people, rows);
            assert!(
                !listing(&dir).iter().any(|name| name.contains("partial")),
                "{:?}",
                listing(&dir)
            );
        }
    }
    let out = run(
        &["convert", "people.npy", "x.arrow", "--batch-rows", "0"],
        &dir,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--batch-rows"),
        "{}",
        text(&out.stderr)
    );
}

/// A file NumPy wrote: packed and big-endian numbers, byte and unicode
/// strings, a datetime column with NaT, a sub-array; the binary's Parquet
/// and IPC output read back and compared with the values NumPy prints.
#[test]
fn converts_a_file_numpy_wrote() {
    let Some(py) = python::require(&["numpy"]) else {
        return;
    };
    let dir = temp_dir("numpy");
    let script = r#"
import sys
import numpy as np
dtype = np.dtype([("name", "S12"), ("age", "<i4"), ("salary", ">f8"),
                  ("city", "<U6"), ("seen", "<M8[ms]"), ("pos", "<f4", (3,))])
n = 2500
a = np.zeros(n, dtype)
i = np.arange(n)
a["name"] = np.char.add(b"p", i.astype("S8"))
a["age"] = 18 + i % 70
a["salary"] = 30000.0 + i * 0.1
a["city"] = np.array(["Oslo", "Kyoto", "Lima", "Zürich"])[i % 4]
a["seen"] = np.datetime64("2024-01-01T00:00:00", "ms") + i * 1234567
a["seen"][::7] = np.datetime64("NaT")
a["pos"] = np.stack([i * 0.5, -i * 1.5, i % 3], axis=1)
np.save(sys.argv[1], a)
for r in a:
    seen = "NaT" if np.isnat(r["seen"]) else str(r["seen"].astype("i8"))
    pos = " ".join(repr(float(v)) for v in r["pos"])
    print("|".join([r["name"].decode(), str(r["age"]), repr(float(r["salary"])), r["city"],
                    seen, pos]))
"#;
    let out = py
        .command()
        .arg("-c")
        .arg(script)
        .arg(dir.join("numpy.npy"))
        .output()
        .expect("run NumPy");
    assert!(out.status.success(), "NumPy: {}", text(&out.stderr));
    let expected: Vec<Vec<String>> = text(&out.stdout)
        .lines()
        .map(|line| line.split('|').map(str::to_string).collect())
        .collect();
    assert_eq!(expected.len(), 2500);
    for (output, extra) in [
        (
            "numpy.parquet",
            vec!["--compression", "zstd", "--batch-rows", "1000"],
        ),
        ("numpy.arrow", vec!["--map"]),
    ] {
        let mut args = vec!["convert", "numpy.npy", output];
        args.extend(extra);
        let out = run(&args, &dir);
        assert!(out.status.success(), "{output}: {}", text(&out.stderr));
        let mut row = 0;
        for batch in read_batches(&dir.join(output)) {
            let name = batch.column(0).as_fixed_size_binary();
            let age = batch.column(1).as_primitive::<Int32Type>();
            let salary = batch.column(2).as_primitive::<Float64Type>();
            let city = batch.column(3).as_string::<i32>();
            let seen = batch.column(4).as_primitive::<TimestampMillisecondType>();
            let pos = batch.column(5).as_fixed_size_list();
            for i in 0..batch.num_rows() {
                let want = &expected[row];
                let at = format!("{output} row {row}");
                // NumPy's `S` values drop trailing NULs when decoded.
                let name = std::str::from_utf8(name.value(i)).expect("ascii");
                assert_eq!(name.trim_end_matches('\0'), want[0], "{at}");
                assert_eq!(age.value(i).to_string(), want[1], "{at}");
                assert_eq!(
                    salary.value(i),
                    want[2].parse::<f64>().expect("float"),
                    "{at}"
                );
                assert_eq!(city.value(i), want[3], "{at}");
                if want[4] == "NaT" {
                    assert!(seen.is_null(i), "{at}");
                } else {
                    assert_eq!(seen.value(i).to_string(), want[4], "{at}");
                }
                let values = pos.value(i);
                let values = values
                    .as_primitive::<typed_layout_core::ext::arrow_array::types::Float32Type>();
                let want_pos: Vec<f32> = want[5]
                    .split(' ')
                    .map(|v| v.parse::<f64>().expect("float") as f32)
                    .collect();
                assert_eq!(values.values().to_vec(), want_pos, "{at}");
                row += 1;
            }
        }
        assert_eq!(row, 2500, "{output}");
    }
}

#[test]
fn errors_name_the_file_and_what_failed() {
    let dir = temp_dir("errors");
    npy::write_slice(
        std::fs::File::create(dir.join("people.npy")).expect("create"),
        &people(100),
    )
    .expect("write");
    let fail = |args: &[&str], code: i32, wanted: &[&str]| {
        let before = listing(&dir);
        let out = run(args, &dir);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
        for want in wanted {
            assert!(err.contains(want), "{args:?}: {err:?} lacks {want:?}");
        }
        // No output and no temporary file is left behind.
        assert_eq!(listing(&dir), before, "{args:?}");
    };
    // Usage errors (exit 2): the output's extension, the options.
    fail(
        &["convert", "people.npy", "people.csv"],
        2,
        &[
            "people.csv: unknown output format `.csv`",
            ".parquet",
            ".arrow",
        ],
    );
    fail(
        &["convert", "people.npy", "people"],
        2,
        &["people: unknown output format (no extension)"],
    );
    fail(
        &[
            "convert",
            "people.npy",
            "p.parquet",
            "--compression",
            "gzip",
        ],
        2,
        &["unknown compression `gzip`", "zstd:LEVEL"],
    );
    fail(
        &[
            "convert",
            "people.npy",
            "p.parquet",
            "--compression",
            "zstd:40",
        ],
        2,
        &["zstd level 40 is out of range"],
    );
    fail(&["convert", "people.npy"], 2, &["<OUTPUT>"]);
    // Conversion errors (exit 1).
    fail(
        &["convert", "people.npy", "p.arrow", "--compression", "zstd"],
        1,
        &["--compression applies to Parquet; p.arrow is an Arrow IPC file"],
    );
    fail(
        &["convert", "missing.npy", "p.parquet"],
        1,
        &["error: could not open missing.npy: ", "No such file"],
    );
    fail(
        &["convert", "missing.npy", "p.parquet", "--map"],
        1,
        &["could not open missing.npy: ", "No such file"],
    );
    std::fs::write(dir.join("bad.npy"), b"PK\x03\x04 a zip archive, not .npy").expect("write");
    for map in [false, true] {
        let mut args = vec!["convert", "bad.npy", "p.parquet"];
        if map {
            args.push("--map");
        }
        fail(&args, 1, &["bad.npy", "\\x93NUMPY"]);
    }
    let whole = std::fs::read(dir.join("people.npy")).expect("read");
    std::fs::write(dir.join("short.npy"), &whole[..whole.len() - 10]).expect("write");
    let data = 100 * std::mem::size_of::<Person>();
    let short = format!("ends after {} of the {data} bytes", data - 10);
    fail(
        &["convert", "short.npy", "p.parquet"],
        1,
        &["could not convert short.npy: ", &short],
    );
    fail(
        &["convert", "short.npy", "p.parquet", "--map"],
        1,
        &["could not convert short.npy: "],
    );
    let mut hours = Vec::new();
    npy::write_bytes(
        &mut hours,
        &[0u8; 16],
        &typed_layout::Dtype::parse("[('t', '<M8[h]')]").expect("dtype"),
        &[2],
    )
    .expect("write");
    std::fs::write(dir.join("hours.npy"), hours).expect("write");
    fail(
        &["convert", "hours.npy", "p.arrow"],
        1,
        &["could not convert hours.npy: column `t` of dtype '<M8[h]' has no Arrow type"],
    );
    fail(
        &["convert", "people.npy", "people.npy"],
        2,
        &["unknown output format `.npy`"],
    );
    std::fs::copy(dir.join("people.npy"), dir.join("same.parquet")).expect("copy");
    fail(
        &["convert", "same.parquet", "./same.parquet"],
        1,
        &["./same.parquet is the input file"],
    );
    fail(
        &["convert", "people.npy", "no/such/dir/p.parquet"],
        1,
        &["could not write no/such/dir/p.parquet: could not create no/such/dir/.p.parquet."],
    );
    // A failed conversion leaves an existing output as it was.
    std::fs::write(dir.join("kept.parquet"), b"old").expect("write");
    fail(&["convert", "short.npy", "kept.parquet"], 1, &["short.npy"]);
    assert_eq!(
        std::fs::read(dir.join("kept.parquet")).expect("read"),
        b"old"
    );
}

#[test]
fn help_describes_the_options() {
    let dir = temp_dir("help");
    let out = run(&["convert", "--help"], &dir);
    assert!(out.status.success());
    let help = text(&out.stdout);
    for option in [
        "--compression",
        "--batch-rows",
        "--map",
        "--quiet",
        "SIGBUS",
        ".parquet",
    ] {
        assert!(help.contains(option), "{option}: {help}");
    }
    let out = run(&["--help"], &dir);
    assert!(text(&out.stdout).contains("convert"));
}
