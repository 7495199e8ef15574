//! `MappedFile`: raw record and image files viewed in place.
#![forbid(unsafe_code)]

use typed_layout::{MappedFile, ViewError};

#[path = "support/types.rs"]
mod types;
use types::{Bgra8, Person};

fn temp_path(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("typed-layout-mapped-{}-{name}", std::process::id()))
}

#[test]
fn record_files_map_and_check() -> Result<(), Box<dyn std::error::Error>> {
    let path = temp_path("people.bin");
    let mut bytes = Vec::new();
    for i in 0..1000i32 {
        bytes.extend_from_slice(&[b'x'; 32]);
        bytes.extend_from_slice(&i.to_ne_bytes());
        bytes.extend_from_slice(&(f64::from(i) * 2.0).to_ne_bytes());
    }
    std::fs::write(&path, &bytes)?;
    let file = MappedFile::open(&path)?;
    assert_eq!(file.len(), 44_000);
    let people = file.records::<Person>()?;
    let columns = people.columns();
    assert_eq!(columns.age.get(999), Some(999));
    assert_eq!(columns.salary.iter().sum::<f64>(), 999.0 * 1000.0);
    // The view reads the mapping itself, not a copy.
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
    drop(file);
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
    let file = MappedFile::open(&path)?;
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
    drop(file);
    std::fs::remove_file(&path)?;

    let empty = temp_path("empty.bin");
    std::fs::write(&empty, [])?;
    let file = MappedFile::open(&empty)?;
    assert!(file.is_empty());
    assert_eq!(file.records::<Person>()?.len(), 0);
    drop(file);
    std::fs::remove_file(&empty)?;

    let missing = MappedFile::open(temp_path("missing.bin")).unwrap_err();
    assert_eq!(missing.kind(), std::io::ErrorKind::NotFound);
    Ok(())
}
