//! NumPy's dtype families as Rust layout types: each type's dtype is the
//! one NumPy writes (descr, typestr, PEP 3118, as printed by NumPy 2.4.6 on
//! x86-64), parses back, checks, and goes through a `.npy` file value for
//! value. Plain images over `(h, w, C)` files, Fortran-ordered images and
//! data at any offset are here too. With NumPy installed, tests/npy_numpy.rs
//! has NumPy itself load what these types write.
//!
//! `half::f16` and `num_complex::Complex` need the `half` and `num-complex`
//! features: `cargo test --features half,num-complex --test npy_families`.
#![forbid(unsafe_code)]
#![allow(clippy::result_large_err)]

use typed_layout::numpy_types::{Microseconds, Nanoseconds, Seconds};
use typed_layout::{
    npy, Be, Bool, Bytes, Datetime64, Dtype, HasDtype, Npy, NpyError, PixelLayout, Records,
    Timedelta64, Ucs4,
};

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C, packed)]
struct Plain {
    b: Bool,
    s: Bytes<3>,
    u: Ucs4<2>,
    t: Datetime64<Nanoseconds>,
    d: Timedelta64<Seconds>,
}

fn plain(i: usize) -> Plain {
    Plain {
        b: Bool::new(i % 2 == 1),
        s: Bytes::from_value(format!("s{i}").as_bytes()).expect("short"),
        u: format!("é{}", i % 10).parse().expect("two characters"),
        t: Datetime64::new(1_700_000_000_000_000_000 + i as i64),
        d: Timedelta64::new(-(i as i64)),
    }
}

#[test]
#[cfg(target_endian = "little")]
fn plain_families_describe_themselves_as_numpy_does() {
    let dtype = Plain::dtype();
    assert_eq!(
        dtype.descr(),
        "[('b', '|b1'), ('s', '|S3'), ('u', '<U2'), ('t', '<M8[ns]'), ('d', '<m8[s]')]"
    );
    assert_eq!(dtype.itemsize(), 28);
    assert_eq!(Dtype::parse(&dtype.descr()).expect("parses"), dtype);
    // NumPy refuses to export datetimes through a buffer: so does this.
    let err = dtype.pep3118().unwrap_err().to_string();
    assert!(
        err.contains("cannot include dtype 'M' in a buffer"),
        "{err}"
    );
    assert_eq!(Bool::dtype().pep3118().unwrap(), "?");
    assert_eq!(<Bytes<8>>::dtype().pep3118().unwrap(), "8s");
    assert_eq!(<Ucs4<4>>::dtype().pep3118().unwrap(), "4w");
    assert_eq!(<Be<Datetime64<Microseconds>>>::dtype().typestr(), ">M8[us]");
    // Distinct from the plain-number spellings of the same bytes.
    assert_eq!(<[u8; 3]>::dtype().descr(), "('|u1', (3,))");
    assert_eq!(u8::dtype().typestr(), "|u1");
    assert_eq!(<[u32; 2]>::dtype().descr(), "('<u4', (2,))");
    // ... which still match (same bytes), and the families match themselves.
    let file = Dtype::parse("|S3").unwrap();
    assert!(<[u8; 3]>::dtype().matches(&file) && <Bytes<3>>::dtype().matches(&file));
}

#[test]
fn plain_families_round_trip_value_for_value() -> Result<(), NpyError> {
    let values: Vec<Plain> = (0..20).map(plain).collect();
    let mut file = Vec::new();
    npy::write_slice(&mut file, &values)?;
    let npy = Npy::from_bytes(&file)?;
    assert_eq!(npy.dtype(), &Plain::dtype());
    let read = npy.records::<Plain>()?;
    assert_eq!(read.to_vec(), values);
    let columns = read.columns();
    assert_eq!(
        columns.s.get(12).map(|s| s.value().to_vec()),
        Some(b"s12".to_vec())
    );
    assert_eq!(
        columns.u.get(3).map(|u| u.to_string()),
        Some("é3".to_string())
    );
    assert_eq!(columns.b.iter().filter(|b| b.get()).count(), 10);
    // Written again with the file's dtype: the same bytes.
    let mut again = Vec::new();
    npy::write_as(&mut again, &read, npy.dtype(), npy.shape())?;
    assert_eq!(again, file);
    Ok(())
}

#[test]
fn bool_reads_any_byte_as_numpy_does() -> Result<(), NpyError> {
    let bytes = [0u8, 1, 2, 255];
    let mut file = Vec::new();
    npy::write_bytes(&mut file, &bytes, &Bool::dtype(), &[4])?;
    let npy = Npy::from_bytes(&file)?;
    let flags: Vec<bool> = npy.records::<Bool>()?.iter().map(|b| b.get()).collect();
    assert_eq!(flags, [false, true, true, true]);
    // The raw byte stays as it is.
    assert_eq!(
        npy.records::<Bool>()?.get(3).map(|b| b.to_byte()),
        Some(255)
    );
    // u8 reads a bool file too (the same bytes), but writes back '|u1'.
    assert_eq!(npy.records::<u8>()?.to_vec(), bytes);
    Ok(())
}

#[test]
fn strings_keep_numpy_semantics() {
    let full = Bytes::<4>::new(*b"abcd");
    assert_eq!(full.value(), b"abcd"); // no NUL when full
    let inner = Bytes::<6>::new(*b"a\0b\0\0\0");
    assert_eq!(inner.value(), b"a\0b"); // NumPy strips trailing NULs only
    assert_eq!(inner.until_nul(), b"a");
    assert_eq!(format!("{inner:?}"), "b\"a\\x00b\"");
    let bad = Ucs4::<2>::new([0x61, 0xD800]); // a lone surrogate
    assert_eq!(bad.chars().collect::<Vec<_>>(), [Ok('a'), Err(0xD800)]);
    assert_eq!(bad.to_string(), "a\u{FFFD}");
    assert_eq!(
        "abc".parse::<Ucs4<2>>().unwrap_err(),
        typed_layout::numpy_types::TooLong {
            len: 3,
            capacity: 2
        }
    );
}

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
struct Rgb16 {
    r: u16,
    g: u16,
    b: u16,
}

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
struct Xy32f {
    x: f32,
    y: f32,
}

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
struct Bgra8 {
    b: u8,
    g: u8,
    r: u8,
    a: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
struct Bgrx8 {
    b: u8,
    g: u8,
    r: u8,
    _x: u8,
}

/// Any derived pixel whose fields are all the file's scalar, as many as
/// the trailing axes hold, views a plain file: records and image alike.
#[test]
fn pixels_over_plain_image_files() -> Result<(), NpyError> {
    let (h, w) = (3usize, 5usize);
    let bgra: Vec<u8> = (0..h * w * 4).map(|i| i as u8).collect();
    let mut file = Vec::new();
    npy::write_bytes(&mut file, &bgra, &u8::dtype(), &[h, w, 4])?;
    let aligned = typed_layout::RecordBuf::<u8>::from_slice(&file).expect("an aligned copy");
    let npy = Npy::from_bytes(aligned.as_bytes())?;
    let image = npy.image::<Bgra8>()?;
    assert_eq!((image.width(), image.height()), (w, h));
    assert_eq!(
        image.get(4, 2),
        Some(Bgra8 {
            b: 56,
            g: 57,
            r: 58,
            a: 59
        })
    );
    assert_eq!(npy.records::<Bgra8>()?.len(), h * w);
    // A padding channel is a whole element: still made of '|u1'.
    assert_eq!(npy.image::<Bgrx8>()?.get(1, 0).map(|p| p.r), Some(6));
    // Three channels do not cover the trailing axis of 4.
    #[derive(Clone, Copy, Debug, PixelLayout)]
    #[repr(C)]
    struct Rgb8 {
        r: u8,
        g: u8,
        b: u8,
    }
    match npy.image::<Rgb8>() {
        Err(NpyError::TrailingAxes {
            per_record: 3,
            ref shape,
            ..
        }) if shape == &[h, w, 4] => {}
        other => panic!("{other:?}"),
    }
    let err = npy.records::<Rgb8>().unwrap_err().to_string();
    assert!(err.contains("holds 3 '|u1' element(s)"), "{err}");
    assert!(err.contains("a type of 4 '|u1' elements"), "{err}");

    // Rgb16 over (h, w, 3) <u2, Xy32f over (n, 2) <f4.
    let rgb: Vec<u16> = (0..h * w * 3).map(|i| i as u16 * 100).collect();
    let mut file = Vec::new();
    npy::write_as(
        &mut file,
        &Records::from_slice(&rgb),
        &u16::dtype(),
        &[h, w, 3],
    )?;
    let aligned = typed_layout::RecordBuf::<u8>::from_slice(&file).expect("an aligned copy");
    let npy = Npy::from_bytes(aligned.as_bytes())?;
    assert_eq!(
        npy.image::<Rgb16>()?.get(1, 1),
        Some(Rgb16 {
            r: 1800,
            g: 1900,
            b: 2000
        })
    );
    let points: Vec<f32> = (0..10).map(|i| i as f32 * 0.5).collect();
    let mut file = Vec::new();
    npy::write_as(
        &mut file,
        &Records::from_slice(&points),
        &f32::dtype(),
        &[5, 2],
    )?;
    let aligned = typed_layout::RecordBuf::<u8>::from_slice(&file).expect("an aligned copy");
    let npy = Npy::from_bytes(aligned.as_bytes())?;
    assert_eq!(
        npy.records::<Xy32f>()?.get(3),
        Some(&Xy32f { x: 3.0, y: 3.5 })
    );
    // Writing pixels back over the plain dtype gives the same file.
    let mut again = Vec::new();
    npy::write_as(
        &mut again,
        &npy.records::<Xy32f>()?,
        npy.dtype(),
        npy.shape(),
    )?;
    assert_eq!(again, file);
    Ok(())
}

/// Fortran order: a 2-D file is an image with x-major strides, an
/// `(h, w, C)` file a plane per channel; other views say what works.
#[test]
fn fortran_ordered_images() -> Result<(), NpyError> {
    let (h, w) = (3usize, 4usize);
    // Element (y, x) = 10 * y + x, stored column by column.
    let mut column_major = Vec::new();
    for x in 0..w {
        for y in 0..h {
            column_major.push((10 * y + x) as f64);
        }
    }
    let mut file = npy::header_bytes(&f64::dtype(), &[h, w], true)?;
    for v in &column_major {
        file.extend_from_slice(&v.to_ne_bytes());
    }
    let aligned = typed_layout::RecordBuf::<u8>::from_slice(&file).expect("an aligned copy");
    let npy = Npy::from_bytes(aligned.as_bytes())?;
    let image = npy.image::<f64>()?;
    for y in 0..h {
        for x in 0..w {
            assert_eq!(image.get(x, y), Some((10 * y + x) as f64));
        }
    }
    let err = npy.records::<f64>().unwrap_err();
    assert!(err.to_string().contains("image::<T>()"), "{err}");
    // The advice works.
    assert!(npy.channel_planes::<f64>()?.len() == 1);

    // (h, w, C) in Fortran order: one plane per channel.
    let c = 2usize;
    let mut data = vec![0u8; h * w * c];
    for y in 0..h {
        for x in 0..w {
            for ch in 0..c {
                data[(ch * w + x) * h + y] = (100 * ch + 10 * y + x) as u8;
            }
        }
    }
    let mut file = npy::header_bytes(&u8::dtype(), &[h, w, c], true)?;
    file.extend_from_slice(&data);
    let npy = Npy::from_bytes(&file)?;
    let planes = npy.channel_planes::<u8>()?;
    for (ch, plane) in planes.iter().enumerate() {
        for y in 0..h {
            for x in 0..w {
                assert_eq!(plane.get(x, y), Some((100 * ch + 10 * y + x) as u8));
            }
        }
    }
    for err in [
        npy.records::<u8>().map(|_| ()).unwrap_err(),
        npy.image::<[u8; 2]>().map(|_| ()).unwrap_err(),
    ] {
        assert!(err.to_string().contains("channel_planes::<T>()"), "{err}");
    }
    // The same planes in C order.
    let mut file = Vec::new();
    let mut c_order = vec![0u8; h * w * c];
    for y in 0..h {
        for x in 0..w {
            for ch in 0..c {
                c_order[(y * w + x) * c + ch] = (100 * ch + 10 * y + x) as u8;
            }
        }
    }
    npy::write_bytes(&mut file, &c_order, &u8::dtype(), &[h, w, c])?;
    let npy = Npy::from_bytes(&file)?;
    let c_planes = npy.channel_planes::<u8>()?;
    assert!(c_planes.iter().zip(&planes).all(|(a, b)| a == b));
    // Rank 4 in Fortran order: only the raw bytes.
    let mut file = npy::header_bytes(&u8::dtype(), &[2, 2, 2, 2], true)?;
    file.extend_from_slice(&[0; 16]);
    let err = Npy::from_bytes(&file)?.records::<u8>().unwrap_err();
    assert!(err.to_string().contains("data()"), "{err}");
    Ok(())
}

/// Data at an offset that is not a multiple of the type's alignment: the
/// error names the offset and what works; bytes at an aligned address work.
#[test]
fn data_at_any_offset() -> Result<(), NpyError> {
    let dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }";
    let header = format!("{dict:<69}\n");
    let mut bytes = b"\x93NUMPY\x02\x00".to_vec();
    bytes.extend_from_slice(&70u32.to_le_bytes());
    bytes.extend_from_slice(header.as_bytes());
    for v in [1.0f64, 2.0, 3.0, 4.0] {
        bytes.extend_from_slice(&v.to_le_bytes());
    }
    // In 64-byte aligned memory the data sits at 82: 2 past a multiple of 8.
    let aligned = typed_layout::RecordBuf::<u8>::from_slice(&bytes).expect("an aligned copy");
    let npy = Npy::from_bytes(aligned.as_bytes())?;
    match npy.records::<f64>() {
        Err(NpyError::Misaligned {
            data_offset: 82,
            required: 8,
            address_remainder: 2,
            ..
        }) => {}
        other => panic!("{other:?}"),
    }
    let err = npy.records::<f64>().unwrap_err().to_string();
    assert!(
        err.contains("byte 82") && err.contains("NpyFile::read"),
        "{err}"
    );
    // What the message offers works: the reading path, or Le<f64>.
    let read = typed_layout::NpyFile::read_from(&bytes[..])?;
    #[cfg(target_endian = "little")]
    assert_eq!(read.records::<f64>()?.to_vec(), [1.0, 2.0, 3.0, 4.0]);
    let le: Vec<f64> = npy
        .records::<typed_layout::Le<f64>>()?
        .iter()
        .map(|v| v.get())
        .collect();
    assert_eq!(le, [1.0, 2.0, 3.0, 4.0]);
    Ok(())
}

#[cfg(all(feature = "half", feature = "num-complex"))]
mod with_features {
    use super::*;
    use typed_layout::ext::half::f16;
    use typed_layout::ext::num_complex::Complex;

    #[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
    #[repr(C, packed)]
    struct Numbers {
        h: f16,
        z: Complex<f32>,
        b: Bool,
        s: Bytes<3>,
        u: Ucs4<2>,
        c: Complex<f64>,
    }

    #[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
    #[repr(C)]
    struct Aligned {
        h: f16,
        _gap: [u8; 2],
        z: Complex<f32>,
        b: Bool,
        s: Bytes<3>,
        u: Ucs4<2>,
        c: Complex<f64>,
    }

    #[test]
    #[cfg(target_endian = "little")]
    fn half_and_complex_describe_themselves_as_numpy_does() {
        // NumPy: np.dtype([('h','<f2'),('z','<c8'),('b','?'),('s','S3'),
        // ('u','<U2'),('c','<c16')]) and the same with align=True.
        assert_eq!(
            Numbers::dtype().descr(),
            "[('h', '<f2'), ('z', '<c8'), ('b', '|b1'), ('s', '|S3'), ('u', '<U2'), ('c', '<c16')]"
        );
        assert_eq!(
            Numbers::dtype().pep3118().unwrap(),
            "T{e:h:=Zf:z:?:b:3s:s:2w:u:Zd:c:}"
        );
        assert_eq!(
            Aligned::dtype().descr(),
            "[('h', '<f2'), ('', '|V2'), ('z', '<c8'), ('b', '|b1'), ('s', '|S3'), ('u', '<U2'), ('c', '<c16')]"
        );
        assert_eq!(Aligned::dtype().itemsize(), 40);
        assert_eq!(
            Aligned::dtype().pep3118().unwrap(),
            "T{e:h:xxZf:z:?:b:3s:s:2w:u:Zd:c:}"
        );
        assert_eq!(<Be<f16>>::dtype().typestr(), ">f2");
        assert_eq!(<Be<Complex<f32>>>::dtype().typestr(), ">c8");
        for text in [Numbers::dtype().descr(), Aligned::dtype().descr()] {
            let parsed = Dtype::parse(&text).unwrap();
            assert!(parsed.matches(&Dtype::parse(&text).unwrap()));
        }
        assert!(Numbers::dtype().matches(&Dtype::parse(&Numbers::dtype().descr()).unwrap()));
    }

    #[test]
    fn half_and_complex_round_trip() -> Result<(), NpyError> {
        let values: Vec<Numbers> = (0..9)
            .map(|i| Numbers {
                h: f16::from_f32(i as f32 * 0.25),
                z: Complex::new(i as f32, -(i as f32)),
                b: Bool::new(i % 3 == 0),
                s: Bytes::from_value(b"ab").unwrap(),
                u: "xy".parse().unwrap(),
                c: Complex::new(1.5 * i as f64, 2.0),
            })
            .collect();
        let mut file = Vec::new();
        npy::write_slice(&mut file, &values)?;
        let npy = Npy::from_bytes(&file)?;
        assert_eq!(npy.records::<Numbers>()?.to_vec(), values);
        assert_eq!(npy.column::<f16>("h")?.get(8), Some(f16::from_f32(2.0)));
        // Big-endian complex parts, real first.
        let big = <Be<Complex<f64>>>::new(Complex::new(1.0, -2.0));
        let bytes = big.to_bytes();
        assert_eq!(&bytes[..8], &1.0f64.to_be_bytes());
        assert_eq!(&bytes[8..], &(-2.0f64).to_be_bytes());
        assert_eq!(big.get(), Complex::new(1.0, -2.0));
        Ok(())
    }
}
