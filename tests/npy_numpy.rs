//! Round trips with real NumPy: `tests/python/npy_roundtrip.py` writes one
//! `.npy` file per case with `numpy.save`; each test reads its file here
//! zero-copy and compares every value with the same formula the script
//! used, writes the records back with the file's dtype (which must give the
//! identical file, byte for byte), then writes fresh records built here and
//! has NumPy load them, compare them, and check that `numpy.save` of what
//! it loaded gives our bytes.
//!
//! NumPy must be installed for `python3` (`.ci/run` installs it from PyPI);
//! without it each test prints a skip notice and passes, unless
//! `TYPED_LAYOUT_REQUIRE_NUMPY=1` (set by `.ci/run`) makes that a failure.
//! `PYTHON` overrides the interpreter.
#![forbid(unsafe_code)]
// NpyError carries both sides of a dtype mismatch; the tests return it as is.
#![allow(clippy::result_large_err)]
// Field names must be NumPy's, including non-ASCII ones.
#![allow(non_snake_case)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use typed_layout::{npy, Be, HasDtype, NpyError, NpyFile, PixelLayout, Records};

const N: usize = 37;
const LONG_FIELDS: usize = 3000;
const H: usize = 6;
const W: usize = 5;

#[path = "support/python.rs"]
mod python;

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/npy_roundtrip.py")
}

/// The interpreter and the directory holding NumPy's files, written once per
/// test run; `None` (after a skip notice) when NumPy is not installed.
fn numpy() -> Option<&'static (python::Python, PathBuf)> {
    static SETUP: OnceLock<(python::Python, PathBuf)> = OnceLock::new();
    // Probed once per process; prints a skip notice for each test that calls.
    let py = python::require(&["numpy"])?;
    Some(SETUP.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("npy-numpy-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("numpy")).expect("create the test directory");
        std::fs::create_dir_all(dir.join("rust")).expect("create the test directory");
        let out = py
            .command()
            .arg(script())
            .arg("write")
            .arg(dir.join("numpy"))
            .output()
            .expect("run the NumPy writer");
        assert!(
            out.status.success(),
            "NumPy writer failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        (py, dir)
    }))
}

fn numpy_dir() -> &'static Path {
    &numpy().expect("checked by the test first").1
}

fn numpy_file(case: &str) -> PathBuf {
    numpy_dir().join("numpy").join(format!("{case}.npy"))
}

/// Writes the file back with its own dtype and shape: must be NumPy's bytes.
fn assert_rewrites_identically<T: PixelLayout>(
    case: &str,
    file: &NpyFile,
    records: &Records<'_, T>,
) {
    let mut out = Vec::new();
    npy::write_as(&mut out, records, file.dtype(), file.shape()).expect("write back");
    assert!(
        out == file.bytes(),
        "{case}: rewriting with the file's dtype did not reproduce NumPy's file byte for byte"
    );
}

/// Writes `records` (built here) and has NumPy compare them with its case.
fn numpy_checks<T: PixelLayout>(
    case: &str,
    records: &[T],
    dtype: &typed_layout::Dtype,
    shape: &[usize],
) {
    let path = numpy_dir().join("rust").join(format!("{case}.npy"));
    let file = std::fs::File::create(&path).expect("create the output file");
    npy::write_as(file, &Records::from_slice(records), dtype, shape).expect("write from Rust");
    let out = numpy()
        .expect("checked by the test first")
        .0
        .command()
        .arg(script())
        .args(["check", case])
        .arg(&path)
        .output()
        .expect("run the NumPy checker");
    assert!(
        out.status.success(),
        "NumPy rejected {}:\n{}{}",
        path.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn name_bytes(i: usize) -> [u8; 32] {
    let mut name = [0u8; 32];
    let text = format!("person-{i}");
    name[..text.len()].copy_from_slice(text.as_bytes());
    name
}
fn age(i: usize) -> i32 {
    ((20 + 3 * i) % 90) as i32
}
fn salary(i: usize) -> f64 {
    1000.0 + 12.5 * i as f64
}

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C, packed)]
struct Person {
    name: [u8; 32],
    age: i32,
    salary: f64,
}

impl Person {
    fn nth(i: usize) -> Person {
        Person {
            name: name_bytes(i),
            age: age(i),
            salary: salary(i),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
struct PersonAligned {
    name: [u8; 32],
    age: i32,
    _pad: [u8; 4],
    salary: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C, packed)]
struct PersonBig {
    name: [u8; 32],
    age: Be<i32>,
    salary: Be<f64>,
}

#[test]
fn person_packed() -> Result<(), NpyError> {
    if numpy().is_none() {
        return Ok(());
    }
    let file = NpyFile::read(numpy_file("person_packed"))?;
    assert_eq!((file.header().version(), file.shape()), ((1, 0), &[N][..]));
    assert_eq!(file.header().data_offset() % 64, 0);
    let people = file.records::<Person>()?;
    assert_eq!(people.len(), N);
    for (i, person) in people.iter().enumerate() {
        assert_eq!(*person, Person::nth(i), "record {i}");
    }
    let columns = people.columns();
    assert_eq!(
        columns.age.iter().collect::<Vec<_>>(),
        (0..N).map(age).collect::<Vec<_>>()
    );
    let salary_by_name = file.column::<f64>("salary")?;
    assert_eq!(salary_by_name.get(5), Some(salary(5)));
    assert_rewrites_identically("person_packed", &file, &people);
    let fresh: Vec<Person> = (0..N).map(Person::nth).collect();
    numpy_checks("person_packed", &fresh, &Person::dtype(), &[N]);
    Ok(())
}

#[test]
fn person_aligned() -> Result<(), NpyError> {
    if numpy().is_none() {
        return Ok(());
    }
    let file = NpyFile::read(numpy_file("person_aligned"))?;
    assert_eq!(file.dtype().itemsize(), 48);
    let people = file.records::<PersonAligned>()?;
    for (i, person) in people.iter().enumerate() {
        let want = Person::nth(i);
        assert_eq!(
            (person.name, person.age, person.salary),
            (want.name, want.age, want.salary)
        );
    }
    // Aligned: the salary column is a strided column of aligned f64s.
    assert_eq!(people.columns().salary.get_ref(3), Some(&salary(3)));
    // The packed type does not fit, and the error says where.
    let err = file.records::<Person>().unwrap_err().to_string();
    assert!(err.contains("field `salary`: the offsets differ"), "{err}");
    assert_rewrites_identically("person_aligned", &file, &people);
    let fresh: Vec<PersonAligned> = (0..N)
        .map(|i| {
            let p = Person::nth(i);
            PersonAligned {
                name: p.name,
                age: p.age,
                _pad: [0; 4],
                salary: p.salary,
            }
        })
        .collect();
    numpy_checks("person_aligned", &fresh, &PersonAligned::dtype(), &[N]);
    Ok(())
}

#[test]
fn person_big_endian() -> Result<(), NpyError> {
    if numpy().is_none() {
        return Ok(());
    }
    let file = NpyFile::read(numpy_file("person_big"))?;
    let people = file.records::<PersonBig>()?;
    for (i, person) in people.iter().enumerate() {
        assert_eq!((person.age.get(), person.salary.get()), (age(i), salary(i)));
    }
    assert_eq!(
        file.column::<Be<f64>>("salary")?.get(2).map(Be::get),
        Some(salary(2))
    );
    #[cfg(target_endian = "little")]
    {
        let err = file.records::<Person>().unwrap_err().to_string();
        assert!(err.contains("field `age`: the byte orders differ"), "{err}");
        assert!(file.column::<f64>("salary").is_err());
    }
    assert_rewrites_identically("person_big", &file, &people);
    let fresh: Vec<PersonBig> = (0..N)
        .map(|i| PersonBig {
            name: name_bytes(i),
            age: Be::new(age(i)),
            salary: Be::new(salary(i)),
        })
        .collect();
    numpy_checks("person_big", &fresh, &PersonBig::dtype(), &[N]);
    Ok(())
}

#[test]
fn person_2d_and_empty() -> Result<(), NpyError> {
    if numpy().is_none() {
        return Ok(());
    }
    let file = NpyFile::read(numpy_file("person_2d"))?;
    assert_eq!(file.shape(), &[3, 4]);
    let people = file.records::<Person>()?; // the flattened C-order axis
    assert_eq!(people.len(), 12);
    assert_eq!(*people.get(7).expect("record 7"), Person::nth(7));
    assert_rewrites_identically("person_2d", &file, &people);
    let fresh: Vec<Person> = (0..12).map(Person::nth).collect();
    numpy_checks("person_2d", &fresh, &Person::dtype(), &[3, 4]);

    let empty = NpyFile::read(numpy_file("person_empty"))?;
    assert_eq!((empty.shape(), empty.data().len()), (&[0][..], 0));
    let none = empty.records::<Person>()?;
    assert!(none.is_empty());
    assert_rewrites_identically("person_empty", &empty, &none);
    numpy_checks::<Person>("person_empty", &[], &Person::dtype(), &[0]);
    Ok(())
}

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
struct Sub {
    rgb: [u8; 3],
    a: u8,
    m: [[f32; 3]; 2],
}

fn sub(i: usize) -> Sub {
    let mut m = [[0.0f32; 3]; 2];
    for (k, value) in m.iter_mut().flatten().enumerate() {
        *value = k as f32 + i as f32;
    }
    Sub {
        rgb: [
            (i % 256) as u8,
            ((2 * i) % 256) as u8,
            ((3 * i) % 256) as u8,
        ],
        a: (255 - i) as u8,
        m,
    }
}

#[test]
fn sub_array_fields() -> Result<(), NpyError> {
    if numpy().is_none() {
        return Ok(());
    }
    let file = NpyFile::read(numpy_file("subarray"))?;
    let records = file.records::<Sub>()?;
    for (i, record) in records.iter().enumerate() {
        assert_eq!(*record, sub(i), "record {i}");
    }
    assert_eq!(file.column::<[[f32; 3]; 2]>("m")?.get(1), Some(sub(1).m));
    assert_rewrites_identically("subarray", &file, &records);
    let fresh: Vec<Sub> = (0..N).map(sub).collect();
    numpy_checks("subarray", &fresh, &Sub::dtype(), &[N]);
    Ok(())
}

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
struct Point {
    x: f32,
    y: f32,
}

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C, packed)]
struct Nested {
    p: Point,
    id: u16,
}

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
struct Inner {
    x: i16,
    _pad: [u8; 6],
    y: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
struct NestedAligned {
    p: Inner,
    q: u8,
    _pad: [u8; 7],
}

#[test]
fn nested_records() -> Result<(), NpyError> {
    if numpy().is_none() {
        return Ok(());
    }
    let file = NpyFile::read(numpy_file("nested"))?;
    let records = file.records::<Nested>()?;
    for (i, record) in records.iter().enumerate() {
        let (p, id) = (record.p, record.id);
        assert_eq!(
            (p.x, p.y, id),
            (i as f32 * 0.5, i as f32 * -1.5, 1000 + i as u16)
        );
    }
    assert_eq!(file.column::<f32>("p.y")?.get(4), Some(-6.0));
    assert_rewrites_identically("nested", &file, &records);
    let fresh: Vec<Nested> = (0..N)
        .map(|i| Nested {
            p: Point {
                x: i as f32 * 0.5,
                y: i as f32 * -1.5,
            },
            id: 1000 + i as u16,
        })
        .collect();
    numpy_checks("nested", &fresh, &Nested::dtype(), &[N]);

    let file = NpyFile::read(numpy_file("nested_aligned"))?;
    let records = file.records::<NestedAligned>()?;
    for (i, record) in records.iter().enumerate() {
        assert_eq!(
            (record.p.x, record.p.y, record.q),
            (i as i16 - 10, i as f64 * 0.25, (i % 7) as u8)
        );
    }
    assert_rewrites_identically("nested_aligned", &file, &records);
    let fresh: Vec<NestedAligned> = (0..N)
        .map(|i| NestedAligned {
            p: Inner {
                x: i as i16 - 10,
                _pad: [0; 6],
                y: i as f64 * 0.25,
            },
            q: (i % 7) as u8,
            _pad: [0; 7],
        })
        .collect();
    numpy_checks("nested_aligned", &fresh, &NestedAligned::dtype(), &[N]);
    Ok(())
}

fn bgra(x: usize, y: usize) -> [u8; 4] {
    [(x * 10) as u8, (y * 20) as u8, ((x + y) % 256) as u8, 255]
}

#[test]
fn bgra_image() -> Result<(), NpyError> {
    if numpy().is_none() {
        return Ok(());
    }
    let file = NpyFile::read(numpy_file("bgra"))?;
    assert_eq!(
        (file.shape(), file.dtype().typestr().as_str()),
        (&[H, W, 4][..], "|u1")
    );
    // One record per pixel: [u8; 4] matches the trailing axis.
    let pixels = file.records::<[u8; 4]>()?;
    assert_eq!(pixels.len(), H * W);
    for y in 0..H {
        for x in 0..W {
            assert_eq!(pixels.get(y * W + x), Some(&bgra(x, y)), "pixel ({x}, {y})");
        }
    }
    // The same bytes as an image: shape (h, w, 4) with one pixel per (y, x).
    let image = file.image::<[u8; 4]>()?;
    assert_eq!((image.width(), image.height()), (W, H));
    for y in 0..H {
        for x in 0..W {
            assert_eq!(image.get(x, y), Some(bgra(x, y)), "image pixel ({x}, {y})");
        }
    }
    assert!(matches!(
        file.image::<u8>(),
        Err(NpyError::NotAnImage { .. })
    ));
    // One record per row, or per byte.
    assert_eq!(file.records::<[[u8; 4]; W]>()?.len(), H);
    assert_eq!(file.records::<u8>()?.len(), H * W * 4);
    assert!(file.records::<[u8; 3]>().is_err());
    assert_eq!(file.data().len(), H * W * 4);
    assert_rewrites_identically("bgra", &file, &pixels);
    let fresh: Vec<[u8; 4]> = (0..H)
        .flat_map(|y| (0..W).map(move |x| bgra(x, y)))
        .collect();
    numpy_checks("bgra", &fresh, &u8::dtype(), &[H, W, 4]);
    Ok(())
}

#[test]
fn version_2_long_header() -> Result<(), NpyError> {
    if numpy().is_none() {
        return Ok(());
    }
    let file = NpyFile::read(numpy_file("long_header"))?;
    assert_eq!(file.header().version(), (2, 0));
    assert!(file.header().data_offset() > 65535);
    assert_eq!(file.header().data_offset() % 64, 0);
    assert_eq!(file.fields().len(), LONG_FIELDS);
    for k in [0, 1, 1234, LONG_FIELDS - 1] {
        let column = file.column::<f64>(&format!("field_{k:05}"))?;
        let want: Vec<f64> = (0..4).map(|i| i as f64 * 1000.0 + k as f64).collect();
        assert_eq!(column.iter().collect::<Vec<_>>(), want, "field {k}");
    }
    // No Rust struct for 3000 fields: rewrite the raw bytes with the dtype.
    let mut out = Vec::new();
    npy::write_bytes(&mut out, file.data(), file.dtype(), file.shape())?;
    assert!(
        out == file.bytes(),
        "the 2.0 header was not reproduced byte for byte"
    );
    Ok(())
}

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C, packed)]
struct Unicode {
    日本: f64,
    ß: i32,
}

#[test]
fn version_3_non_latin1_names() -> Result<(), NpyError> {
    if numpy().is_none() {
        return Ok(());
    }
    let file = NpyFile::read(numpy_file("unicode_names"))?;
    assert_eq!(file.header().version(), (3, 0));
    let records = file.records::<Unicode>()?;
    for (i, record) in records.iter().enumerate() {
        let (a, b) = (record.日本, record.ß);
        assert_eq!((a, b), (i as f64 * 2.0, -(i as i32)));
    }
    assert_eq!(file.column::<i32>("ß")?.get(3), Some(-3));
    assert_rewrites_identically("unicode_names", &file, &records);
    let fresh: Vec<Unicode> = (0..N)
        .map(|i| Unicode {
            日本: i as f64 * 2.0,
            ß: -(i as i32),
        })
        .collect();
    numpy_checks("unicode_names", &fresh, &Unicode::dtype(), &[N]);
    Ok(())
}

#[test]
fn plain_dtypes() -> Result<(), NpyError> {
    if numpy().is_none() {
        return Ok(());
    }
    let file = NpyFile::read(numpy_file("plain_f8"))?;
    let values = file.records::<f64>()?;
    assert_eq!(
        values.to_vec(),
        (0..11).map(|i| i as f64 * 0.5).collect::<Vec<_>>()
    );
    assert_rewrites_identically("plain_f8", &file, &values);
    let fresh: Vec<f64> = (0..11).map(|i| i as f64 * 0.5).collect();
    numpy_checks("plain_f8", &fresh, &f64::dtype(), &[11]);

    let file = NpyFile::read(numpy_file("plain_empty_2d"))?;
    assert_eq!(file.shape(), &[0, 3]);
    assert!(file.records::<f64>()?.is_empty());
    assert!(file.records::<[f64; 3]>()?.is_empty());
    assert_rewrites_identically("plain_empty_2d", &file, &file.records::<f64>()?);
    numpy_checks::<[f64; 3]>("plain_empty_2d", &[], &f64::dtype(), &[0, 3]);

    let file = NpyFile::read(numpy_file("scalar_f8"))?;
    assert_eq!((file.shape(), file.len()), (&[][..], 1));
    assert_eq!(file.records::<f64>()?.to_vec(), [42.5]);
    assert_rewrites_identically("scalar_f8", &file, &file.records::<f64>()?);
    numpy_checks("scalar_f8", &[42.5f64], &f64::dtype(), &[]);
    Ok(())
}

#[test]
fn fortran_order_views_as_an_image_and_refuses_records() -> Result<(), NpyError> {
    if numpy().is_none() {
        return Ok(());
    }
    let file = NpyFile::read(numpy_file("fortran_f8"))?;
    assert!(file.header().fortran_order());
    let err = file.records::<f64>().unwrap_err();
    assert!(
        matches!(err, NpyError::FortranOrder { ref shape, .. } if shape == &[3, 4]),
        "{err}"
    );
    assert!(err.to_string().contains("Fortran (column-major) order"));
    // The advice in the message works: an image with x-major strides.
    assert!(err.to_string().contains("image::<T>()"));
    let image = file.image::<f64>()?;
    assert_eq!((image.width(), image.height()), (4, 3));
    assert_eq!(image.get(1, 2), Some(9.0)); // NumPy's a[2, 1] of arange(12).reshape(3, 4)
                                            // The raw bytes are there, column by column.
    let first_column: Vec<f64> = file.data()[..24]
        .chunks_exact(8)
        .map(|b| f64::from_le_bytes(b.try_into().expect("8 bytes")))
        .collect();
    assert_eq!(first_column, [0.0, 4.0, 8.0]);
    let mut out = npy::header_bytes(file.dtype(), file.shape(), true)?;
    out.extend_from_slice(file.data());
    assert!(
        out == file.bytes(),
        "the Fortran-order header differs from NumPy's"
    );
    Ok(())
}

#[test]
fn datetimes_read_as_i64() -> Result<(), NpyError> {
    if numpy().is_none() {
        return Ok(());
    }
    let file = NpyFile::read(numpy_file("datetime"))?;
    assert_eq!(file.dtype().time_unit(), Some("ns"));
    let times = file.records::<i64>()?;
    assert_eq!(
        times.to_vec(),
        (0..5).map(|i| i * 1_000_000_000).collect::<Vec<i64>>()
    );
    assert_rewrites_identically("datetime", &file, &times);
    numpy_checks("datetime", &times.to_vec(), file.dtype(), &[5]);
    Ok(())
}

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C, packed)]
struct Mixed {
    b: u8,
    c: [f64; 2],
    u: [u32; 3],
    big: Be<u16>,
}

fn mixed(i: usize) -> Mixed {
    let digits = format!("{i:03}");
    let mut u = [0u32; 3];
    for (slot, ch) in u.iter_mut().zip(digits.chars()) {
        *slot = ch as u32;
    }
    Mixed {
        b: (i % 2) as u8,
        c: [i as f64, 2.0 * i as f64],
        u,
        big: Be::new(3 * i as u16),
    }
}

#[test]
fn bool_complex_unicode_fields() -> Result<(), NpyError> {
    if numpy().is_none() {
        return Ok(());
    }
    let file = NpyFile::read(numpy_file("mixed_kinds"))?;
    let records = file.records::<Mixed>()?;
    for (i, record) in records.iter().enumerate() {
        assert_eq!(*record, mixed(i), "record {i}");
    }
    assert_rewrites_identically("mixed_kinds", &file, &records);
    // Written with the file's dtype, NumPy gets its own bool/complex/str.
    let fresh: Vec<Mixed> = (0..N).map(mixed).collect();
    numpy_checks("mixed_kinds", &fresh, file.dtype(), &[N]);
    Ok(())
}

#[test]
fn read_from_a_stream_matches_reading_the_file() -> Result<(), NpyError> {
    if numpy().is_none() {
        return Ok(());
    }
    let path = numpy_file("person_aligned");
    let read = NpyFile::read(&path)?;
    let bytes = std::fs::read(&path).expect("read the file");
    assert_eq!(read.bytes(), &bytes[..]);
    let copied = NpyFile::read_from(&bytes[..])?;
    assert_eq!(copied.header(), read.header());
    assert_eq!(copied.data(), read.data());
    assert_eq!(copied.records::<PersonAligned>()?.len(), N);
    assert!(!read.is_mapped() && !copied.is_mapped());
    Ok(())
}
