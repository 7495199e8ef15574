//! Files on disk: `MappedFile::read` and `NpyFile::read` (safe, a copy in
//! 64-byte aligned memory) give the file's bytes value for value; no safe
//! function maps a file. The mapping paths are `unsafe fn`s, shown in their
//! doc examples and the tour (tests stay free of `unsafe`).
#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};
use typed_layout::{npy, FileError, MappedFile, NpyError, NpyFile, ViewError};

#[path = "support/types.rs"]
mod types;
use types::{Bgra8, Person};

fn temp_path(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("typed-layout-mapped-{}-{name}", std::process::id()))
}

#[test]
fn record_files_read_and_check() -> Result<(), Box<dyn std::error::Error>> {
    let path = temp_path("people.bin");
    let mut bytes = Vec::new();
    for i in 0..1000i32 {
        bytes.extend_from_slice(&[b'x'; 32]);
        bytes.extend_from_slice(&i.to_ne_bytes());
        bytes.extend_from_slice(&(f64::from(i) * 2.0).to_ne_bytes());
    }
    std::fs::write(&path, &bytes)?;
    let file = MappedFile::read(&path)?;
    assert!(!file.is_mapped());
    assert_eq!(file.bytes(), &bytes[..]);
    assert_eq!(file.bytes().as_ptr() as usize % 64, 0);
    let people = file.records::<Person>()?;
    let columns = people.columns();
    assert_eq!(columns.age.get(999), Some(999));
    assert_eq!(columns.salary.iter().sum::<f64>(), 999.0 * 1000.0);
    // The view reads the file's copy in place.
    assert_eq!(
        people.as_slice().map(|s| s.as_ptr() as usize),
        Some(file.bytes().as_ptr() as usize)
    );
    // A type that does not divide the file is refused with the numbers.
    assert_eq!(
        file.records::<[u8; 3]>().unwrap_err(),
        ViewError::LengthNotMultiple {
            len: 44_000,
            elem_size: 3
        }
    );
    std::fs::remove_file(&path)?;
    Ok(())
}

#[test]
fn image_files_and_empty_files() -> Result<(), Box<dyn std::error::Error>> {
    let path = temp_path("frame.raw");
    // 3x2 BGRA with 16-byte rows.
    let mut bytes = vec![0u8; 32];
    bytes[16 + 8..16 + 12].copy_from_slice(&[1, 2, 3, 4]);
    std::fs::write(&path, &bytes)?;
    let file = MappedFile::read(&path)?;
    let image = file.image::<Bgra8>(3, 2, 16)?;
    assert_eq!(
        image.get(2, 1),
        Some(Bgra8 {
            b: 1,
            g: 2,
            r: 3,
            a: 4
        })
    );
    assert!(matches!(
        file.image::<Bgra8>(3, 3, 16),
        Err(ViewError::OutOfBounds {
            needed: 44,
            available: 32
        })
    ));
    std::fs::remove_file(&path)?;

    let empty = temp_path("empty.bin");
    std::fs::write(&empty, [])?;
    let file = MappedFile::read(&empty)?;
    assert!(file.is_empty());
    assert_eq!(file.records::<Person>()?.len(), 0);
    std::fs::remove_file(&empty)?;
    Ok(())
}

#[test]
fn errors_name_the_path_and_the_operation() {
    let missing = temp_path("missing.bin");
    let err: FileError = MappedFile::read(&missing).unwrap_err();
    assert_eq!(err.io_error().kind(), std::io::ErrorKind::NotFound);
    assert_eq!((err.action(), err.path()), ("open", missing.as_path()));
    assert!(
        err.to_string()
            .starts_with(&format!("could not open {}: ", missing.display())),
        "{err}"
    );
    // Display carries the cause; source() does not repeat it.
    assert!(std::error::Error::source(&err).is_none());
    let io: std::io::Error = err.into();
    assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
    assert!(io.to_string().contains("missing.bin"), "{io}");

    // A directory opens but cannot be read.
    let dir = std::env::temp_dir();
    let err = MappedFile::read(&dir).unwrap_err();
    assert_eq!(err.action(), "read", "{err}");
    let err = NpyFile::read(&dir).unwrap_err();
    assert!(
        matches!(err, NpyError::Io { action: "read", path: Some(ref p), .. } if *p == dir),
        "{err:?}"
    );
}

/// A v2.0 file whose header pads the data to byte 82 (another writer's
/// choice; NumPy loads it): `NpyFile::read` places the data at an aligned
/// address, so `records::<f64>()` works, and the values are the file's.
#[test]
fn npy_read_aligns_data_at_any_offset() -> Result<(), Box<dyn std::error::Error>> {
    let values: Vec<f64> = (0..50).map(|i| f64::from(i) * 0.25 - 3.0).collect();
    let dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (50,), }";
    let header = format!("{dict:<69}\n");
    assert_eq!(header.len(), 70);
    let mut bytes = b"\x93NUMPY\x02\x00".to_vec();
    bytes.extend_from_slice(&70u32.to_le_bytes());
    bytes.extend_from_slice(header.as_bytes());
    assert_eq!(bytes.len(), 82);
    for v in &values {
        bytes.extend_from_slice(&v.to_le_bytes());
    }
    let path = temp_path("offset82.npy");
    std::fs::write(&path, &bytes)?;

    let file = NpyFile::read(&path)?;
    assert_eq!(file.header().data_offset(), 82);
    assert_eq!(file.bytes(), &bytes[..]);
    assert_eq!(file.data().as_ptr() as usize % 64, 0);
    #[cfg(target_endian = "little")]
    assert_eq!(file.records::<f64>()?.to_vec(), values);
    let streamed = NpyFile::read_from(&bytes[..])?;
    assert_eq!(streamed.data().as_ptr() as usize % 64, 0);
    assert_eq!(streamed.data(), file.data());
    std::fs::remove_file(&path)?;
    Ok(())
}

/// `NpyFile::read` gives exactly what `Npy::from_bytes` sees in the same
/// bytes, for every layout the writer produces; a file cut short is refused
/// before anything is allocated for the data.
#[test]
fn npy_read_matches_from_bytes() -> Result<(), Box<dyn std::error::Error>> {
    let people: Vec<Person> = (0..300)
        .map(|i| Person {
            name: [b'a' + (i % 26) as u8; 32],
            age: i,
            salary: f64::from(i) * 1.5,
        })
        .collect();
    let mut bytes = Vec::new();
    npy::write_slice(&mut bytes, &people)?;
    let path = temp_path("people.npy");
    std::fs::write(&path, &bytes)?;
    let file = NpyFile::read(&path)?;
    let npy = typed_layout::Npy::from_bytes(&bytes)?;
    assert_eq!(file.header(), npy.header());
    let read: Vec<Person> = file.records::<Person>()?.to_vec();
    assert_eq!(read, people);

    std::fs::write(&path, &bytes[..bytes.len() - 1])?;
    let err = NpyFile::read(&path).unwrap_err();
    assert!(
        matches!(
            err,
            NpyError::DataTooShort {
                needed: 13_200,
                available: 13_199,
                ..
            }
        ),
        "{err:?}"
    );
    std::fs::remove_file(&path)?;
    Ok(())
}

/// Every Rust file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read the source directory") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// No safe function maps a file: memmap2 is called in one place, inside an
/// `unsafe fn`, and only `unsafe fn`s call that.
#[test]
fn nothing_safe_maps() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("layout-core/src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    let mut uses = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("read a source file");
        // The innermost `fn` a line belongs to: the last one declared above it.
        let mut current_fn = String::new();
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains("fn ") && !code.trim_start().starts_with("///") {
                current_fn = code.trim().to_string();
            }
            for needle in ["memmap2::Mmap::map", "MmapOptions", "map_read_only("] {
                if code.contains(needle) && !code.contains("fn map_read_only") {
                    uses.push((path.clone(), number + 1, needle, current_fn.clone()));
                }
            }
        }
    }
    assert!(!uses.is_empty(), "the mapping call was not found");
    for (path, line, needle, function) in &uses {
        assert!(
            path.ends_with("raw/map.rs"),
            "{}:{line}: `{needle}` outside raw/map.rs",
            path.display()
        );
        assert!(
            function.contains("unsafe fn"),
            "{}:{line}: `{needle}` in a safe function: {function}",
            path.display()
        );
    }
}

/// Reading a file never reads past what it needs: a device or a pipe has
/// no length, and `/dev/zero` never ends. `MappedFile::read` refuses it;
/// `NpyFile::read` reads it as a stream, header first, so the bad magic is
/// found after ten bytes, and a FIFO holding a real file reads like it.
#[cfg(unix)]
#[test]
fn devices_and_pipes_are_not_read_to_their_end() -> Result<(), Box<dyn std::error::Error>> {
    let err = MappedFile::read("/dev/zero").unwrap_err().to_string();
    assert!(
        err.contains("/dev/zero") && err.contains("not a regular file"),
        "{err}"
    );
    let err = NpyFile::read("/dev/zero").unwrap_err().to_string();
    assert!(err.contains("\\x93NUMPY"), "{err}");

    // A named pipe with a whole .npy file written into it, then more bytes.
    let fifo = temp_path("fifo.npy");
    let _ = std::fs::remove_file(&fifo);
    let status = std::process::Command::new("mkfifo").arg(&fifo).status()?;
    assert!(status.success());
    let mut bytes = Vec::new();
    npy::write_slice(&mut bytes, &[1.5f64, 2.5, 3.5])?;
    bytes.extend_from_slice(&[0xAB; 1000]);
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            use std::io::Write;
            let mut pipe = std::fs::OpenOptions::new().write(true).open(&fifo)?;
            // The reader stops after the data; the rest may hit a closed pipe.
            let _ = pipe.write_all(&bytes);
            Ok::<(), std::io::Error>(())
        })
    };
    let file = NpyFile::read(&fifo)?;
    assert_eq!(file.records::<f64>()?.to_vec(), [1.5, 2.5, 3.5]);
    drop(file);
    writer.join().expect("writer thread")?;
    std::fs::remove_file(&fifo)?;
    Ok(())
}
