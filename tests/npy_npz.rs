//! `.npz` archives (feature `npz`): archives we write read back member by
//! member, stored members are viewed in place when aligned and copied
//! otherwise, other writers' archives (npyz's test data) read value for
//! value, and malformed archives are typed errors. NumPy loading our
//! archives is in tests/npy_numpy.rs.
//!
//! `cargo test --features npz --test npy_npz`.
#![cfg(feature = "npz")]
#![forbid(unsafe_code)]
#![allow(clippy::result_large_err)]

use std::io::Cursor;
use typed_layout::npz::{Compression, Npz, NpzError, NpzFile, NpzWriter};
use typed_layout::{Dtype, HasDtype, NpyError, PixelLayout, Records};

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
struct Point {
    x: f64,
    y: f64,
}

fn archive(compression: Compression) -> Result<Vec<u8>, NpzError> {
    let mut writer = NpzWriter::new(Cursor::new(Vec::new()), compression);
    let points: Vec<Point> = (0..50)
        .map(|i| Point {
            x: f64::from(i),
            y: -f64::from(i),
        })
        .collect();
    writer.add("points", &Records::from_slice(&points))?;
    writer.add("bytes", &Records::from_slice(&[1u8, 2, 3]))?;
    let image: Vec<[u8; 4]> = (0..6).map(|i| [i, i, i, 255]).collect();
    writer.add_as(
        "image",
        &Records::from_slice(&image),
        &u8::dtype(),
        &[2, 3, 4],
    )?;
    Ok(writer.finish()?.into_inner())
}

#[test]
fn our_archives_read_back() -> Result<(), NpzError> {
    for compression in [Compression::Stored, Compression::Deflated] {
        let bytes = archive(compression)?;
        let npz = Npz::from_bytes(&bytes)?;
        assert_eq!(npz.keys(), ["points", "bytes", "image"]);
        assert_eq!(npz.member_names()[0], "points.npy");
        let points = npz.get("points")?;
        assert_eq!(points.shape(), &[50]);
        let read = points.records::<Point>()?;
        assert_eq!(read.len(), 50);
        assert_eq!(read.get(7), Some(&Point { x: 7.0, y: -7.0 }));
        // Bytes need no alignment: a stored member is read where it lies.
        let small = npz.get("bytes.npy")?;
        assert_eq!(small.records::<u8>()?.to_vec(), [1, 2, 3]);
        assert_eq!(small.is_in_place(), compression == Compression::Stored);
        let image = npz.get("image")?.image::<[u8; 4]>()?.get(2, 1);
        assert_eq!(image, Some([5, 5, 5, 255]));
    }
    Ok(())
}

/// A stored member's data sits wherever the zip puts it: a type whose
/// alignment the address allows is viewed in place, any other is read once
/// into aligned memory; the values are the same.
#[test]
fn stored_members_in_place_or_copied() -> Result<(), NpzError> {
    let bytes = archive(Compression::Stored)?;
    // Shift the archive by 1..8 bytes in aligned memory, so the member data
    // lands at every remainder modulo 8.
    for shift in 0..8 {
        let mut shifted = vec![0u8; shift];
        shifted.extend_from_slice(&bytes);
        let buffer = typed_layout::RecordBuf::<u8>::from_slice(&shifted).expect("a copy");
        let npz = Npz::from_bytes(&buffer.as_bytes()[shift..])?;
        let entry = npz.get("points")?;
        let in_place = entry.is_in_place();
        let aligned = entry
            .npy_aligned(1)
            .map(|npy| (npy.data().as_ptr() as usize).is_multiple_of(8))?;
        let points = entry.records::<Point>()?;
        assert_eq!(points.get(49), Some(&Point { x: 49.0, y: -49.0 }));
        assert!(in_place);
        // Copied exactly when the data was not 8-aligned in place.
        assert_eq!(entry.is_in_place(), aligned, "shift {shift}");
    }
    Ok(())
}

#[path = "support/peer_data.rs"]
mod peer_data;

/// Archives written by NumPy (npyz's test data): stored and deflated.
#[test]
fn other_writers_archives() -> Result<(), NpzError> {
    for name in ["npyz/compressed.npz", "npyz/uncompressed.npz"] {
        let Some(path) = peer_data::file(name) else {
            continue;
        };
        let file = NpzFile::read(&path)?;
        let npz = file.npz()?;
        assert_eq!(npz.keys(), ["ints", "floats"]);
        let ints = npz.get("ints")?;
        assert_eq!(
            (ints.dtype().typestr().as_str(), ints.shape()),
            ("<i8", &[4][..])
        );
        let floats = npz.get("floats")?;
        assert_eq!(floats.shape(), &[2, 1]);
        #[cfg(target_endian = "little")]
        {
            let ints = ints.records::<i64>()?.to_vec();
            let floats = floats.records::<f64>()?.to_vec();
            assert_eq!((ints.len(), floats.len()), (4, 2));
        }
    }
    if let Some(path) = peer_data::file("npyz/sparse/csr.npz") {
        let file = NpzFile::read(&path)?;
        let npz = file.npz()?;
        let format = npz.get("format")?;
        assert_eq!(format.shape(), &[] as &[usize]);
        assert_eq!(
            format.records::<typed_layout::Bytes<3>>()?.to_vec()[0].value(),
            b"csr"
        );
    }
    // Object arrays are refused, as np.load refuses them without pickles.
    if let Some(path) = peer_data::file("numpy/py3-objarr.npz") {
        let file = NpzFile::read(&path)?;
        match file.npz()?.get("x") {
            Err(NpzError::Npy {
                source: NpyError::Descr { .. },
                ..
            }) => {}
            other => panic!("object array: {other:?}"),
        }
    }
    Ok(())
}

/// The malformed-archive table: each is a typed error, never a panic.
#[test]
fn malformed_archives_are_typed_errors() -> Result<(), NpzError> {
    let good = archive(Compression::Stored)?;
    let deflated = archive(Compression::Deflated)?;
    let not_npy = stored_zip(&[
        ("notes.txt", b"hello".as_slice()),
        ("fake.npy", b"not a npy file".as_slice()),
    ]);
    // Flip a byte of the deflated data of the first member (its CRC fails).
    let mut corrupt = deflated.clone();
    if let Some(byte) = corrupt.get_mut(120) {
        *byte ^= 0x55;
    }
    type Expect = fn(&NpzError) -> bool;
    let cases: Vec<(&str, Vec<u8>, &str, Expect)> = vec![
        ("empty", Vec::new(), "points", |e| {
            matches!(e, NpzError::Zip { .. })
        }),
        ("not a zip", b"\x93NUMPY\x01\x00".to_vec(), "points", |e| {
            matches!(e, NpzError::Zip { .. })
        }),
        (
            "truncated",
            good[..good.len() / 2].to_vec(),
            "points",
            |e| matches!(e, NpzError::Zip { .. }),
        ),
        (
            "directory cut",
            good[..good.len() - 10].to_vec(),
            "points",
            |e| matches!(e, NpzError::Zip { .. }),
        ),
        (
            "no such key",
            good.clone(),
            "nothing",
            |e| matches!(e, NpzError::NoSuchMember { keys, .. } if keys.len() == 3),
        ),
        ("not a .npy member", not_npy.clone(), "notes.txt", |e| {
            matches!(e, NpzError::NotNpy { .. })
        }),
        ("a .npy member that is not one", not_npy, "fake", |e| {
            matches!(e, NpzError::NotNpy { .. })
        }),
        ("corrupt deflate data", corrupt, "points", |e| {
            matches!(e, NpzError::Zip { .. } | NpzError::Npy { .. })
        }),
    ];
    for (name, bytes, key, expect) in cases {
        let error = match Npz::from_bytes(&bytes).and_then(|npz| npz.get(key).map(|_| ())) {
            Ok(()) => panic!("{name}: accepted"),
            Err(error) => error,
        };
        assert!(expect(&error), "{name}: {error:?}");
        assert!(!error.to_string().is_empty());
        assert!(std::error::Error::source(&error).is_none());
    }
    // Every prefix and single-byte change of an archive: an error or a
    // value, never a panic.
    for archive in [&good, &deflated] {
        for len in (0..archive.len()).step_by(7) {
            if let Ok(npz) = Npz::from_bytes(&archive[..len]) {
                for key in ["points", "bytes", "image"] {
                    if let Ok(entry) = npz.get(key) {
                        let _ = entry.records::<Point>();
                    }
                }
            }
        }
        for at in (0..archive.len()).step_by(3) {
            let mut changed = archive.clone();
            changed[at] ^= 0xa5;
            if let Ok(npz) = Npz::from_bytes(&changed) {
                for key in ["points", "bytes", "image"] {
                    if let Ok(entry) = npz.get(key) {
                        let _ = entry.records::<Point>();
                        let _ = entry.image::<[u8; 4]>();
                    }
                }
            }
        }
    }
    Ok(())
}

/// CRC-32 (IEEE), bit by bit: the check value of a zip member.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A zip archive of stored members, written by hand (PKWARE APPNOTE 4.3.7,
/// 4.3.12, 4.3.16), for members our writer would never write.
fn stored_zip(members: &[(&str, &[u8])]) -> Vec<u8> {
    let (mut out, mut central) = (Vec::new(), Vec::new());
    for (name, data) in members {
        let offset = out.len() as u32;
        let (crc, len, name_len) = (crc32(data), data.len() as u32, name.len() as u16);
        out.extend_from_slice(b"PK\x03\x04\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00");
        for v in [crc, len, len] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        central.extend_from_slice(b"PK\x01\x02\x14\x00\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00");
        for v in [crc, len, len] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        central.extend_from_slice(&name_len.to_le_bytes());
        central.extend_from_slice(&[0; 12]); // extra, comment, disk, attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let (start, size, count) = (out.len() as u32, central.len() as u32, members.len() as u16);
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06\x00\x00\x00\x00");
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&start.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

#[test]
fn writer_errors() {
    let mut writer = NpzWriter::new(Cursor::new(Vec::new()), Compression::Stored);
    writer
        .add("a", &Records::from_slice(&[1u8]))
        .expect("first");
    assert!(matches!(
        writer.add("a", &Records::from_slice(&[1u8])),
        Err(NpzError::DuplicateMember { .. })
    ));
    let err = writer
        .add_bytes(
            "b",
            &[0u8; 3],
            &Dtype::from_typestr("<f8").expect("f8"),
            &[1],
        )
        .unwrap_err();
    assert!(
        matches!(
            err,
            NpzError::Npy {
                source: NpyError::DataLength { .. },
                ..
            }
        ),
        "{err:?}"
    );
    let missing = NpzFile::read("no/such/archive.npz").unwrap_err();
    assert!(
        missing
            .to_string()
            .starts_with("could not open no/such/archive.npz: "),
        "{missing}"
    );
}
