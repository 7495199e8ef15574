//! The NumPy corpus (scripts/numpy_corpus.py: 48 files written by real
//! NumPy, or by hand as other writers lay them out): every file is read
//! here value for value against the values NumPy itself printed, written
//! back with the file's dtype (byte-identical to `np.save` where NumPy wrote
//! the file), and NumPy loads what was written with an equal dtype and
//! equal bytes. The generated structs (`typed-layout inspect`) are tested
//! over the same corpus in layout-cli/tests/codegen_compiles.rs.
//!
//! The corpus is written once per run into the target directory, or read
//! from `TYPED_LAYOUT_NUMPY_CORPUS`; without NumPy the test prints a skip
//! notice and passes (unless `TYPED_LAYOUT_REQUIRE_NUMPY=1`).
#![forbid(unsafe_code)]
#![allow(clippy::result_large_err)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use typed_layout::npz::{Compression, Npz, NpzWriter};
use typed_layout::{npy, Be, ByteOrder, Column, Dtype, DtypeKind, Le, NpyFile, PixelLayout};

#[path = "support/python.rs"]
mod python;

#[path = "support/leaves.rs"]
mod leaves;
use leaves::leaves;

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The corpus directory (written by NumPy if needed) and the interpreter.
fn corpus() -> Option<(python::Python, PathBuf)> {
    let py = python::require(&["numpy"])?;
    if let Ok(dir) = std::env::var("TYPED_LAYOUT_NUMPY_CORPUS") {
        return Some((py, PathBuf::from(dir)));
    }
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("numpy-corpus");
    let out = py
        .command()
        .arg(workspace().join("scripts/numpy_corpus.py"))
        .arg("write")
        .arg(&dir)
        .output()
        .expect("run the corpus script");
    assert!(
        out.status.success(),
        "the corpus script failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some((py, dir))
}

/// One scalar of `T` at byte `offset` of `data`, read through a column.
fn at<T: PixelLayout>(data: &[u8], offset: usize) -> T {
    Column::<T>::from_bytes(data, offset, 1, 1)
        .ok()
        .and_then(|column| column.get(0))
        .unwrap_or_else(|| panic!("no value at byte {offset}"))
}

/// A number in the scalar's byte order.
macro_rules! ordered {
    ($data:expr, $offset:expr, $order:expr, $ty:ty) => {
        match $order {
            ByteOrder::Big => at::<Be<$ty>>($data, $offset).get(),
            ByteOrder::Little => at::<Le<$ty>>($data, $offset).get(),
            _ => at::<$ty>($data, $offset),
        }
    };
}

fn float_bits(data: &[u8], offset: usize, size: usize, order: ByteOrder) -> String {
    match size {
        2 => format!("0x{:04x}", ordered!(data, offset, order, u16)),
        4 => format!("0x{:08x}", ordered!(data, offset, order, f32).to_bits()),
        8 => format!("0x{:016x}", ordered!(data, offset, order, f64).to_bits()),
        _ => panic!("no {size}-byte float"),
    }
}

/// One scalar of `dtype` at `offset`, rendered as the corpus script does.
fn render(dtype: &Dtype, data: &[u8], offset: usize) -> String {
    let size = dtype.itemsize();
    let order = dtype.byte_order().unwrap_or(ByteOrder::NotApplicable);
    let kind = dtype.kind().expect("a scalar");
    let raw = || data.get(offset..offset + size).expect("in the data");
    match (kind, size) {
        (DtypeKind::Bool, _) => {
            let flag: typed_layout::Bool = at(data, offset);
            String::from(if flag.get() { "1" } else { "0" })
        }
        (DtypeKind::Int, 1) => at::<i8>(data, offset).to_string(),
        (DtypeKind::Uint, 1) => at::<u8>(data, offset).to_string(),
        (DtypeKind::Int, 2) => ordered!(data, offset, order, i16).to_string(),
        (DtypeKind::Uint, 2) => ordered!(data, offset, order, u16).to_string(),
        (DtypeKind::Int, 4) => ordered!(data, offset, order, i32).to_string(),
        (DtypeKind::Uint, 4) => ordered!(data, offset, order, u32).to_string(),
        (DtypeKind::Int, 8) | (DtypeKind::Datetime | DtypeKind::Timedelta, 8) => {
            ordered!(data, offset, order, i64).to_string()
        }
        (DtypeKind::Uint, 8) => ordered!(data, offset, order, u64).to_string(),
        (DtypeKind::Float, size) => float_bits(data, offset, size, order),
        (DtypeKind::Complex, size) => format!(
            "{},{}",
            float_bits(data, offset, size / 2, order),
            float_bits(data, offset + size / 2, size / 2, order)
        ),
        // NumPy's value of a byte string drops the trailing NULs.
        (DtypeKind::Bytes, _) => {
            let bytes = raw();
            let end = bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
            bytes[..end].iter().fold(String::new(), |mut out, b| {
                let _ = write!(out, "{b:02x}");
                out
            })
        }
        (DtypeKind::Unicode, size) => {
            let mut points: Vec<u32> = (0..size / 4)
                .map(|k| ordered!(data, offset + 4 * k, order, u32))
                .collect();
            while points.last() == Some(&0) {
                points.pop();
            }
            points
                .iter()
                .map(|p| format!("{p:x}"))
                .collect::<Vec<_>>()
                .join(",")
        }
        (DtypeKind::Raw, _) => raw().iter().fold(String::new(), |mut out, b| {
            let _ = write!(out, "{b:02x}");
            out
        }),
        other => panic!("no rendering for {other:?}"),
    }
}

/// The values of a whole array, in C order, as lines.
fn values(dtype: &Dtype, shape: &[usize], fortran: bool, data: &[u8]) -> String {
    let mut item_leaves = Vec::new();
    leaves(dtype, false, "", 0, &mut item_leaves);
    let count: usize = shape.iter().product();
    let mut out = String::new();
    for i in 0..count {
        // Element i of the C order lies at its Fortran position when the
        // file is Fortran-ordered.
        let element = if fortran {
            let (mut rest, mut position, mut step) = (i, 0usize, 1usize);
            let mut index = vec![0usize; shape.len()];
            for (axis, &dim) in shape.iter().enumerate().rev() {
                index[axis] = rest % dim;
                rest /= dim;
            }
            for (axis, &dim) in shape.iter().enumerate() {
                position += index[axis] * step;
                step *= dim;
            }
            position
        } else {
            i
        };
        for (path, leaf, offset) in &item_leaves {
            let value = render(leaf, data, element * dtype.itemsize() + offset);
            let _ = writeln!(out, "{i}\t{path}\t{value}");
        }
    }
    out
}

fn expected(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn first_difference(ours: &str, numpy: &str) -> String {
    for (a, b) in ours.lines().zip(numpy.lines()) {
        if a != b {
            return format!("ours {a:?}, NumPy {b:?}");
        }
    }
    format!(
        "{} lines against {}",
        ours.lines().count(),
        numpy.lines().count()
    )
}

#[test]
fn corpus_reads_value_for_value_and_writes_back() {
    let Some((py, dir)) = corpus() else {
        return;
    };
    let manifest = expected(&dir, "manifest.tsv");
    let ours = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("numpy-corpus-ours");
    let _ = std::fs::remove_dir_all(&ours);
    std::fs::create_dir_all(&ours).expect("create the output directory");
    let (mut files, mut arrays, mut identical) = (0, 0, 0);
    for row in manifest.lines() {
        let [case, file, kind, notes] = row.split('\t').collect::<Vec<_>>()[..] else {
            panic!("bad manifest row {row:?}");
        };
        files += 1;
        let path = dir.join(file);
        if kind == "npz" {
            let bytes = std::fs::read(&path).expect("read the archive");
            let npz = Npz::from_bytes(&bytes).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert_eq!(npz.keys(), notes.split(',').collect::<Vec<_>>(), "{file}");
            let compression = if case.ends_with("compressed") {
                Compression::Deflated
            } else {
                Compression::Stored
            };
            let out = std::fs::File::create(ours.join(format!("{case}.bytes.npz")))
                .expect("create the archive");
            let mut writer = NpzWriter::new(out, compression);
            for key in npz.keys() {
                let entry = npz
                    .get(key)
                    .unwrap_or_else(|e| panic!("{file}[{key}]: {e}"));
                let npy = entry.npy_aligned(1).expect("the member");
                let ours = values(npy.dtype(), npy.shape(), false, npy.data());
                let numpy = expected(&dir, &format!("{case}.{key}.values"));
                assert!(
                    ours == numpy,
                    "{file}[{key}]: {}",
                    first_difference(&ours, &numpy)
                );
                writer
                    .add_bytes(key, npy.data(), npy.dtype(), npy.shape())
                    .expect("write the member");
                arrays += 1;
            }
            writer.finish().expect("finish the archive");
            continue;
        }
        let read = NpyFile::read(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
        let header = read.header();
        let ours_values = values(
            read.dtype(),
            read.shape(),
            header.fortran_order(),
            read.data(),
        );
        let numpy = expected(&dir, &format!("{case}.values"));
        assert!(
            ours_values == numpy,
            "{file}: {}",
            first_difference(&ours_values, &numpy)
        );
        arrays += 1;
        // Written back with the file's dtype (and order): NumPy's bytes.
        let mut written = npy::header_bytes(read.dtype(), read.shape(), header.fortran_order())
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        written.extend_from_slice(read.data());
        if notes.is_empty() {
            assert!(written == read.bytes(), "{file}: not NumPy's bytes");
            identical += 1;
        }
        std::fs::write(ours.join(format!("{case}.bytes.npy")), &written).expect("write");
    }
    assert!(files >= 40, "the corpus has {files} files");
    let out = py
        .command()
        .arg(workspace().join("scripts/numpy_corpus.py"))
        .arg("check")
        .arg(&dir)
        .arg(&ours)
        .output()
        .expect("run the NumPy check");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "NumPy disagrees:\n{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The counts, for the record of this run.
    let _ = std::io::Write::write_all(
        &mut std::io::stderr(),
        format!(
            "corpus: {files} files, {arrays} arrays read value for value, {identical} rewritten \
             byte-identical here; {report}"
        )
        .as_bytes(),
    );
}
