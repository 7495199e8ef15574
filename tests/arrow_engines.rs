//! The engines people use read what we write, and we read what pyarrow
//! writes: `tests/python/arrow_engines.py` has NumPy write one `.npy` file
//! per case (packed, aligned and big-endian people, nested records,
//! sub-arrays, every dtype family, a plain 2-D array); here each is streamed
//! to Parquet and Arrow IPC; then pyarrow, DuckDB and DataFusion read every
//! file, compare the values with NumPy's and compute the mean salary by
//! age decade, which must equal NumPy's answer. The way back: tables that
//! pyarrow wrote from the NumPy records are read into records here, which
//! must equal NumPy's bytes.
//!
//! Needs Python with numpy, pyarrow, duckdb and datafusion (`.ci/run`
//! installs them); without them the tests print a skip notice and pass.
#![cfg(feature = "arrow")]
#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use typed_layout::arrow::{self, ConvertOptions, OutputFormat, ParquetCompression};
use typed_layout::ext::arrow_array::RecordBatch;
use typed_layout::ext::arrow_ipc::reader::FileReader;
use typed_layout::ext::parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use typed_layout::NpyFile;

#[path = "support/python.rs"]
mod python;
#[path = "support/types.rs"]
mod types;
use types::Person;

const MODULES: &[&str] = &["numpy", "pyarrow", "duckdb", "datafusion"];
const CASES: &[&str] = &[
    "people_packed",
    "people_aligned",
    "people_big",
    "nested",
    "subarray",
    "families",
    "plain",
];

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/arrow_engines.py")
}

/// NumPy's files, written once per test run.
fn numpy_dir(py: &python::Python) -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("arrow-engines-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("create the test directory");
        let out = py
            .command()
            .arg(script())
            .arg("write")
            .arg(&dir)
            .output()
            .expect("run the NumPy writer");
        assert!(
            out.status.success(),
            "NumPy/pyarrow writer failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        dir
    })
}

#[test]
fn engines_read_our_parquet_and_ipc() {
    let Some(py) = python::require(MODULES) else {
        return;
    };
    let dir = numpy_dir(&py);
    for case in CASES {
        let npy = dir.join(format!("{case}.npy"));
        // Parquet streamed through io::Read, in small batches so that files
        // have several row groups; IPC from the file read into memory.
        let options = ConvertOptions::new(OutputFormat::Parquet)
            .compression(ParquetCompression::Zstd(3))
            .batch_bytes(100_000);
        let out = std::fs::File::create(dir.join(format!("{case}.parquet"))).unwrap();
        let input = std::io::BufReader::new(std::fs::File::open(&npy).unwrap());
        let summary = arrow::convert_npy(input, out, &options, |_| {})
            .unwrap_or_else(|e| panic!("{case}: {e}"));
        assert_eq!(summary.rows, 20_000, "{case}");
        let file = NpyFile::read(&npy).unwrap();
        let out = std::fs::File::create(dir.join(format!("{case}.arrow"))).unwrap();
        let options = ConvertOptions::new(OutputFormat::ArrowIpc).batch_bytes(300_000);
        arrow::convert_npy_data(&file.as_npy(), out, &options, |_| {})
            .unwrap_or_else(|e| panic!("{case}: {e}"));
    }
    let out = py
        .command()
        .arg(script())
        .arg("check")
        .arg(dir)
        .output()
        .expect("run the engine checks");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the engines disagree:\n{}\n{stdout}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Every case, both formats, was checked.
    for case in CASES {
        for ext in ["parquet", "arrow"] {
            assert!(
                stdout.contains(&format!("\"{case}.{ext}\"")),
                "{case}.{ext} unchecked: {stdout}"
            );
        }
    }
    println!("{stdout}");
}

fn read_batches(path: &Path) -> Vec<RecordBatch> {
    let file = std::fs::File::open(path).unwrap();
    if path.extension().is_some_and(|e| e == "parquet") {
        ParquetRecordBatchReaderBuilder::try_new(file)
            .unwrap()
            .build()
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    } else {
        FileReader::try_new(file, None)
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }
}

#[test]
fn pyarrow_tables_read_back_into_records() {
    let Some(py) = python::require(MODULES) else {
        return;
    };
    let dir = numpy_dir(&py);
    let source = NpyFile::read(dir.join("people_packed.npy")).unwrap();
    let people = source.records::<Person>().unwrap();
    for ext in ["parquet", "arrow"] {
        // Static: `name: [u8; 32]` from FixedSizeList<UInt8>(32).
        let mut back = Vec::new();
        for batch in read_batches(&dir.join(format!("pyarrow_list.{ext}"))) {
            back.extend_from_slice(
                arrow::from_record_batch::<Person>(&batch)
                    .unwrap()
                    .as_slice(),
            );
        }
        assert_eq!(back.len(), people.len(), "{ext}");
        for (i, (a, b)) in back.iter().zip(people.iter()).enumerate() {
            assert_eq!(
                (a.name, { a.age }, { a.salary }.to_bits()),
                (b.name, { b.age }, { b.salary }.to_bits()),
                "pyarrow_list.{ext} row {i}"
            );
        }
        // Dynamic: the file's own dtype (name `|S32` from FixedSizeBinary(32)),
        // byte for byte NumPy's data.
        let mut bytes = Vec::new();
        for batch in read_batches(&dir.join(format!("pyarrow_binary.{ext}"))) {
            let records = arrow::record_batch_to_bytes(&batch, source.dtype()).unwrap();
            bytes.extend_from_slice(records.as_bytes());
        }
        assert!(
            bytes == source.data(),
            "pyarrow_binary.{ext} differs from NumPy's bytes"
        );
    }
}
