//! Malformed `.npy` input: every case is a typed error with the numbers in
//! its message, never a panic. Then every truncation and many byte flips
//! of valid files, which must never panic either.
#![forbid(unsafe_code)]

use typed_layout::{
    npy, DtypeError, HasDtype, Npy, NpyError, NpyFile, PixelLayout, RecordBuf, Records,
};

#[derive(Clone, Copy, Debug, PixelLayout)]
#[repr(C, packed)]
struct Person {
    name: [u8; 32],
    age: i32,
    salary: f64,
}

#[derive(Clone, Copy, Debug, PixelLayout)]
#[repr(C)]
struct Aligned {
    id: u64,
    value: f64,
}

/// Magic, version, length field and `header` as given (no padding).
fn raw(major: u8, minor: u8, header: &[u8]) -> Vec<u8> {
    let mut out = b"\x93NUMPY".to_vec();
    out.extend_from_slice(&[major, minor]);
    if major == 1 {
        out.extend_from_slice(&(header.len() as u16).to_le_bytes());
    } else {
        out.extend_from_slice(&(header.len() as u32).to_le_bytes());
    }
    out.extend_from_slice(header);
    out
}

/// A version 1.0 file with this header text and `data` zero bytes.
fn v1(header: &str, data: usize) -> Vec<u8> {
    let mut out = raw(1, 0, header.as_bytes());
    out.resize(out.len() + data, 0);
    out
}

/// A header dict with these three values.
fn dict(descr: &str, fortran: &str, shape: &str) -> String {
    format!("{{'descr': {descr}, 'fortran_order': {fortran}, 'shape': {shape}, }}\n")
}

fn valid_person_file(records: usize) -> Vec<u8> {
    let people = vec![
        Person {
            name: [b'x'; 32],
            age: 7,
            salary: 2.5
        };
        records
    ];
    let mut out = Vec::new();
    npy::write_slice(&mut out, &people).expect("write");
    out
}

fn nested_descr(depth: usize) -> String {
    let mut descr = String::from("'<f8'");
    for _ in 0..depth {
        descr = format!("[('a', {descr})]");
    }
    descr
}

struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    expect: fn(&NpyError) -> bool,
    /// Substrings (the numbers) the message must contain.
    text: &'static [&'static str],
}

fn header_cases() -> Vec<Case> {
    let person = "[('name', '|S32'), ('age', '<i4'), ('salary', '<f8')]";
    let mut v2_short_len = b"\x93NUMPY\x02\x00\x10\x00".to_vec();
    v2_short_len.truncate(10);
    let mut past_end_v2 = raw(2, 0, b"{}");
    past_end_v2[8..12].copy_from_slice(&u32::MAX.to_le_bytes());
    let mut past_end_v1 = v1(&dict("'<f8'", "False", "(1,)"), 8);
    past_end_v1[8..10].copy_from_slice(&5000u16.to_le_bytes());
    let mut bad_utf8 = raw(
        3,
        0,
        dict("[('\u{e9}', '<f8')]", "False", "(1,)").as_bytes(),
    );
    let at = bad_utf8.iter().position(|&b| b == 0xc3).expect("the é");
    bad_utf8[at + 1] = 0x28; // not a continuation byte
    vec![
        Case {
            name: "empty file",
            bytes: vec![],
            expect: |e| matches!(e, NpyError::BadMagic { found } if found.is_empty()),
            text: &["magic"],
        },
        Case {
            name: "truncated magic",
            bytes: b"\x93NUM".to_vec(),
            expect: |e| matches!(e, NpyError::Truncated { needed: 10, available: 4 }),
            text: &["4 bytes", "10 bytes"],
        },
        Case {
            name: "wrong magic",
            bytes: b"\x93NUMPZ\x01\x00\x00\x00".to_vec(),
            expect: |e| matches!(e, NpyError::BadMagic { found } if found == b"\x93NUMPZ"),
            text: &["93", "5a"],
        },
        Case {
            name: "a PNG file",
            bytes: b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec(),
            expect: |e| matches!(e, NpyError::BadMagic { .. }),
            text: &["89", "not a .npy file"],
        },
        Case {
            name: "text file",
            bytes: b"hello world, this is not numpy".to_vec(),
            expect: |e| matches!(e, NpyError::BadMagic { .. }),
            text: &["68", "65"],
        },
        Case {
            name: "magic and version only",
            bytes: b"\x93NUMPY\x01\x00".to_vec(),
            expect: |e| matches!(e, NpyError::Truncated { needed: 10, available: 8 }),
            text: &["8 bytes", "10 bytes"],
        },
        Case {
            name: "version 2.0 length field cut",
            bytes: v2_short_len,
            expect: |e| matches!(e, NpyError::Truncated { needed: 12, available: 10 }),
            text: &["10 bytes", "12 bytes"],
        },
        Case {
            name: "version 0.9",
            bytes: raw(0, 9, b"{}"),
            expect: |e| matches!(e, NpyError::UnsupportedVersion { major: 0, minor: 9 }),
            text: &["0.9"],
        },
        Case {
            name: "version 4.0",
            bytes: raw(4, 0, b"{}"),
            expect: |e| matches!(e, NpyError::UnsupportedVersion { major: 4, minor: 0 }),
            text: &["4.0", "1.0, 2.0 and 3.0"],
        },
        Case {
            name: "version 1.1",
            bytes: raw(1, 1, b"{}"),
            expect: |e| matches!(e, NpyError::UnsupportedVersion { major: 1, minor: 1 }),
            text: &["1.1"],
        },
        Case {
            name: "header length past the end (1.0)",
            bytes: past_end_v1,
            expect: |e| matches!(e, NpyError::HeaderPastEnd { header_len: 5000, header_start: 10, .. }),
            text: &["5000", "5010"],
        },
        Case {
            name: "header length past the end (2.0, u32::MAX)",
            bytes: past_end_v2,
            expect: |e| {
                matches!(e, NpyError::HeaderPastEnd { header_len, header_start: 12, available: 14 } if *header_len == u32::MAX as usize)
            },
            text: &["4294967295", "14 bytes"],
        },
        Case {
            name: "empty header",
            bytes: v1("", 0),
            expect: |e| matches!(e, NpyError::HeaderSyntax { position: 0, .. }),
            text: &["byte 0", "a value"],
        },
        Case {
            name: "header is a list",
            bytes: v1("[1, 2, 3]\n", 0),
            expect: |e| matches!(e, NpyError::HeaderNotDict { found: "a list" }),
            text: &["a list"],
        },
        Case {
            name: "header is a string",
            bytes: v1("'descr'\n", 0),
            expect: |e| matches!(e, NpyError::HeaderNotDict { found: "a string" }),
            text: &["a string"],
        },
        Case {
            name: "missing 'shape'",
            bytes: v1("{'descr': '<f8', 'fortran_order': False}\n", 0),
            expect: |e| matches!(e, NpyError::HeaderKeys { found } if found.len() == 2),
            text: &["'descr', 'fortran_order'"],
        },
        Case {
            name: "extra key",
            bytes: v1("{'descr': '<f8', 'fortran_order': False, 'shape': (), 'extra': 1}\n", 8),
            expect: |e| matches!(e, NpyError::HeaderKeys { found } if found.len() == 4),
            text: &["'extra'"],
        },
        Case {
            name: "misspelled key",
            bytes: v1("{'desc': '<f8', 'fortran_order': False, 'shape': ()}\n", 8),
            expect: |e| matches!(e, NpyError::HeaderKeys { .. }),
            text: &["'desc'"],
        },
        Case {
            name: "non-string key",
            bytes: v1("{1: '<f8', 'fortran_order': False, 'shape': ()}\n", 8),
            expect: |e| matches!(e, NpyError::HeaderKeys { .. }),
            text: &["an int"],
        },
        Case {
            name: "unterminated string",
            bytes: v1("{'descr': '<f8, 'fortran_order': False, 'shape': ()}\n", 8),
            expect: |e| matches!(e, NpyError::HeaderSyntax { .. }),
            text: &["at byte"],
        },
        Case {
            name: "a name that is not a literal",
            bytes: v1(&dict("np.float64", "False", "(1,)"), 8),
            expect: |e| matches!(e, NpyError::HeaderSyntax { position: 10, .. }),
            text: &["byte 10", "`np.float64"],
        },
        Case {
            name: "float in the shape",
            bytes: v1(&dict("'<f8'", "False", "(3.5,)"), 8),
            expect: |e| matches!(e, NpyError::HeaderSyntax { .. }),
            text: &["an integer"],
        },
        Case {
            name: "unclosed dict",
            bytes: v1("{'descr': '<f8', 'fortran_order': False, 'shape': (1,)      ", 8),
            expect: |e| matches!(e, NpyError::HeaderSyntax { .. }),
            text: &["`,` or `}`", "end of input"],
        },
        Case {
            name: "NUL padding",
            bytes: v1("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }\0\0\0", 8),
            expect: |e| matches!(e, NpyError::HeaderSyntax { .. }),
            text: &["end of input"],
        },
        Case {
            name: "Python 2 long suffix in a 3.0 header",
            bytes: raw(3, 0, dict("'<f8'", "False", "(1L,)").as_bytes()),
            expect: |e| matches!(e, NpyError::HeaderSyntax { .. }),
            text: &["`,` or `)`"],
        },
        Case {
            name: "3.0 header that is not UTF-8",
            bytes: bad_utf8,
            expect: |e| matches!(e, NpyError::HeaderEncoding { position: 13 }),
            text: &["offset 13"],
        },
        Case {
            name: "fortran_order is a string",
            bytes: v1(&dict("'<f8'", "'no'", "(1,)"), 8),
            expect: |e| matches!(e, NpyError::BadFortranOrder { found: "a string" }),
            text: &["True or False", "a string"],
        },
        Case {
            name: "fortran_order is 0",
            bytes: v1(&dict("'<f8'", "0", "(1,)"), 8),
            expect: |e| matches!(e, NpyError::BadFortranOrder { found: "an int" }),
            text: &["an int"],
        },
        Case {
            name: "shape is a list",
            bytes: v1(&dict("'<f8'", "False", "[3]"), 24),
            expect: |e| matches!(e, NpyError::BadShape { .. }),
            text: &["a list, not a tuple"],
        },
        Case {
            name: "shape is an int",
            bytes: v1(&dict("'<f8'", "False", "(3)"), 24),
            expect: |e| matches!(e, NpyError::BadShape { .. }),
            text: &["an int, not a tuple"],
        },
        Case {
            name: "negative dimension",
            bytes: v1(&dict("'<f8'", "False", "(2, -1)"), 0),
            expect: |e| matches!(e, NpyError::BadShape { .. }),
            text: &["axis 1 has length -1"],
        },
        Case {
            name: "string dimension",
            bytes: v1(&dict("'<f8'", "False", "('3',)"), 0),
            expect: |e| matches!(e, NpyError::BadShape { .. }),
            text: &["axis 0 is a string"],
        },
        Case {
            name: "dimension over usize",
            bytes: v1(&dict("'<f8'", "False", "(18446744073709551616,)"), 0),
            expect: |e| matches!(e, NpyError::ShapeOverflow { itemsize: 8, .. }),
            text: &["(18446744073709551616,)", "8-byte"],
        },
        Case {
            name: "dimension over i128",
            bytes: v1(&dict("'<f8'", "False", &format!("({},)", "9".repeat(60))), 0),
            expect: |e| matches!(e, NpyError::ShapeOverflow { .. }),
            text: &["999999999999"],
        },
        Case {
            name: "shape product overflows",
            bytes: v1(&dict("'|u1'", "False", "(4294967296, 4294967296, 2)"), 0),
            expect: |e| matches!(e, NpyError::ShapeOverflow { itemsize: 1, .. }),
            text: &["(4294967296, 4294967296, 2)"],
        },
        Case {
            name: "shape times itemsize overflows",
            bytes: v1(&dict("'<f8'", "False", "(4611686018427387904,)"), 0),
            expect: |e| matches!(e, NpyError::ShapeOverflow { itemsize: 8, .. }),
            text: &["4611686018427387904", "8-byte"],
        },
        Case {
            name: "data shorter than the shape",
            bytes: v1(&dict(person, "False", "(10,)"), 44 * 9 + 3),
            expect: |e| {
                matches!(e, NpyError::DataTooShort { needed: 440, available: 399, itemsize: 44, .. })
            },
            text: &["440", "399", "[10]", "44-byte"],
        },
        Case {
            name: "no data at all",
            bytes: v1(&dict("'<f8'", "False", "(2, 3)"), 0),
            expect: |e| matches!(e, NpyError::DataTooShort { needed: 48, available: 0, .. }),
            text: &["48", "[2, 3]"],
        },
        Case {
            name: "object dtype",
            bytes: v1(&dict("'|O'", "False", "(3,)"), 24),
            expect: |e| matches!(e, NpyError::Descr { source } if matches!(**source, DtypeError::Unsupported { .. })),
            text: &["`|O`", "pointers"],
        },
        Case {
            name: "object field",
            bytes: v1(&dict("[('a', '<f8'), ('b', '|O')]", "False", "(3,)"), 48),
            expect: |e| matches!(e, NpyError::Descr { source } if matches!(**source, DtypeError::Unsupported { .. })),
            text: &["`|O`"],
        },
        Case {
            name: "unknown kind letter",
            bytes: v1(&dict("'<x4'", "False", "(1,)"), 4),
            expect: |e| matches!(e, NpyError::Descr { source } if matches!(**source, DtypeError::Syntax { position: 1, .. })),
            text: &["byte 1", "kind letter"],
        },
        Case {
            name: "integer of 3 bytes",
            bytes: v1(&dict("'<i3'", "False", "(1,)"), 3),
            expect: |e| matches!(e, NpyError::Descr { source } if matches!(**source, DtypeError::InvalidSize { kind: 'i', size: 3 })),
            text: &["`i`", "3 bytes"],
        },
        Case {
            name: "descr is a number",
            bytes: v1(&dict("5", "False", "(1,)"), 8),
            expect: |e| matches!(e, NpyError::Descr { source } if matches!(**source, DtypeError::Malformed { .. })),
            text: &["found an int"],
        },
        Case {
            name: "field without a format",
            bytes: v1(&dict("[('a',)]", "False", "(1,)"), 8),
            expect: |e| matches!(e, NpyError::Descr { source } if matches!(**source, DtypeError::Malformed { .. })),
            text: &["entry 0"],
        },
        Case {
            name: "duplicate field names",
            bytes: v1(&dict("[('a', '<f8'), ('a', '<i4')]", "False", "(1,)"), 12),
            expect: |e| matches!(e, NpyError::Descr { source } if matches!(**source, DtypeError::DuplicateField { .. })),
            text: &["`a` appears twice"],
        },
        Case {
            // NumPy's reader (descr_to_dtype) refuses the dict form; the
            // dict form's own rules are tested in tests/dtype_formats.rs.
            name: "a dict-form descr",
            bytes: v1(
                &dict(
                    "{'names': ['a', 'b'], 'formats': ['<f8', '<i4'], 'offsets': [0, 8], 'itemsize': 12}",
                    "False",
                    "(1,)",
                ),
                12,
            ),
            expect: |e| {
                matches!(e, NpyError::Descr { source } if matches!(**source, DtypeError::Malformed { .. }))
            },
            text: &["refuses the dict form"],
        },
        Case {
            name: "a dict-form descr nested in a list",
            bytes: v1(
                &dict(
                    "[('p', {'names': ['x'], 'formats': ['<f8']})]",
                    "False",
                    "(1,)",
                ),
                8,
            ),
            expect: |e| {
                matches!(e, NpyError::Descr { source } if matches!(**source, DtypeError::Malformed { .. }))
            },
            text: &["refuses the dict form"],
        },
        Case {
            name: "a 16-byte integer, which NumPy does not have",
            bytes: v1(&dict("'<i16'", "False", "(1,)"), 16),
            expect: |e| {
                matches!(e, NpyError::Descr { source } if matches!(**source, DtypeError::InvalidSize { kind: 'i', size: 16 }))
            },
            text: &["does not come in 16 bytes"],
        },
        Case {
            name: "a datetime unit NumPy does not know",
            bytes: v1(&dict("'<M8[xx]'", "False", "(1,)"), 8),
            expect: |e| {
                matches!(e, NpyError::Descr { source } if matches!(**source, DtypeError::Unsupported { .. }))
            },
            text: &["<M8[xx]", "datetime unit"],
        },
        Case {
            name: "more than 64 axes",
            bytes: v1(&dict("'|u1'", "False", &format!("({})", "1, ".repeat(65))), 1),
            expect: |e| matches!(e, NpyError::BadShape { .. }),
            text: &["65 axes", "at most 64"],
        },
        Case {
            name: "descr nested too deep",
            bytes: v1(&dict(&nested_descr(40), "False", "(1,)"), 8),
            expect: |e| matches!(e, NpyError::Descr { source } if matches!(**source, DtypeError::TooDeep { .. })),
            text: &["nested deeper than"],
        },
        Case {
            name: "literal nested too deep",
            bytes: v1(&dict("'<f8'", "False", &format!("{}1,{}", "(".repeat(200), ")".repeat(200))), 8),
            expect: |e| matches!(e, NpyError::Descr { source } if matches!(**source, DtypeError::TooDeep { limit: 64 })),
            text: &["64 levels"],
        },
    ]
}

#[test]
fn every_malformed_header_is_a_typed_error_with_numbers() {
    let cases = header_cases();
    assert!(cases.len() >= 30, "only {} cases", cases.len());
    for case in &cases {
        let error = match Npy::from_bytes(&case.bytes) {
            Ok(npy) => panic!("{}: accepted, with shape {:?}", case.name, npy.shape()),
            Err(error) => error,
        };
        assert!(
            (case.expect)(&error),
            "{}: unexpected error {error:?}",
            case.name
        );
        let message = error.to_string();
        for needle in case.text {
            assert!(
                message.contains(needle),
                "{}: {message:?} lacks {needle:?}",
                case.name
            );
        }
        // Streams give the same verdict as bytes.
        let streamed = NpyFile::read_from(&case.bytes[..]).map(|_| ()).unwrap_err();
        assert_eq!(
            std::mem::discriminant(&streamed),
            std::mem::discriminant(&error),
            "{}: read_from gave {streamed:?}",
            case.name
        );
    }
}

#[test]
fn view_errors_are_typed_with_numbers() {
    let file = valid_person_file(4);
    let npy = Npy::from_bytes(&file).expect("valid file");

    // The dtype does not match the Rust type.
    let err = npy.records::<Aligned>().unwrap_err();
    assert!(matches!(err, NpyError::Dtype { .. }), "{err:?}");
    assert!(err.to_string().contains("Aligned"), "{err}");
    // The cause is in the message once, also as a chain printer shows it.
    let printed = chain(&err);
    assert_eq!(printed, err.to_string());
    assert_eq!(printed.matches("dtypes differ").count(), 1, "{printed}");

    // Columns: unknown name, wrong type.
    let err = npy.column::<f64>("wage").unwrap_err();
    assert!(
        matches!(&err, NpyError::NoSuchField { fields, .. } if fields.len() == 3),
        "{err:?}"
    );
    assert!(err.to_string().contains("[name, age, salary]"), "{err}");
    let err = npy.column::<i64>("age").unwrap_err();
    assert!(matches!(err, NpyError::FieldType { .. }), "{err:?}");
    assert!(
        err.to_string()
            .contains("field `age` cannot be read as `i64`"),
        "{err}"
    );

    // Misaligned data for an aligned type: the same file one byte later.
    let mut data = Vec::new();
    npy::write_slice(&mut data, &[Aligned { id: 1, value: 2.0 }; 3]).expect("write");
    let mut buf = RecordBuf::<u8>::zeroed(data.len() + 1).expect("buffer");
    buf.as_bytes_mut()[1..].copy_from_slice(&data);
    let shifted = Npy::from_bytes(&buf.as_bytes()[1..]).expect("valid header");
    let err = shifted.records::<Aligned>().unwrap_err();
    assert!(
        matches!(
            err,
            NpyError::Misaligned {
                required: 8,
                address_remainder: 1,
                data_offset: 128,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("byte 128"), "{err}");
    // A packed view of the same bytes is fine, and so is a column.
    assert_eq!(
        shifted.column::<f64>("value").expect("column").get(2),
        Some(2.0)
    );

    // Fortran order, more than one axis longer than 1.
    let fortran = v1(&dict("'<f8'", "True", "(2, 3)"), 48);
    let err = Npy::from_bytes(&fortran)
        .expect("valid")
        .records::<f64>()
        .unwrap_err();
    assert!(
        matches!(&err, NpyError::FortranOrder { shape, .. } if shape == &[2, 3]),
        "{err:?}"
    );
    // ... but (1, 3) or (3,) in Fortran order is the same bytes as C order.
    let mut fortran_row = npy::header_bytes(&f64::dtype(), &[1, 3], true).expect("header");
    fortran_row.resize(fortran_row.len() + 24, 0);
    let aligned = RecordBuf::<u8>::from_slice(&fortran_row).expect("a small copy"); // 64-byte aligned
    let row = Npy::from_bytes(aligned.as_bytes()).expect("valid");
    assert_eq!(row.records::<f64>().expect("view").len(), 3);

    // A pixel type that does not match the trailing axis.
    let image = v1(&dict("'|u1'", "False", "(2, 2, 4)"), 16);
    let err = Npy::from_bytes(&image)
        .expect("valid")
        .records::<[u8; 3]>()
        .unwrap_err();
    assert!(matches!(err, NpyError::Dtype { .. }), "{err:?}");
}

#[test]
fn write_errors_are_typed_with_numbers() {
    let mut out = Vec::new();
    let err = npy::write_bytes(&mut out, &[0u8; 10], &f64::dtype(), &[2]).unwrap_err();
    assert!(
        matches!(
            err,
            NpyError::DataLength {
                expected: 16,
                given: 10
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("16 data bytes but 10"), "{err}");

    let values = [1.0f64; 5];
    let err = npy::write_as(
        &mut out,
        &Records::from_slice(&values),
        &f64::dtype(),
        &[2, 3],
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            NpyError::DataLength {
                expected: 48,
                given: 40
            }
        ),
        "{err:?}"
    );

    let err =
        npy::write_as(&mut out, &Records::from_slice(&values), &f32::dtype(), &[5]).unwrap_err();
    assert!(matches!(err, NpyError::Dtype { .. }), "{err:?}");

    let err = npy::write_bytes(&mut out, &[], &f64::dtype(), &[usize::MAX, 2]).unwrap_err();
    assert!(matches!(err, NpyError::ShapeOverflow { .. }), "{err:?}");

    // A writer that fails: the I/O error comes back, typed.
    struct Full;
    impl std::io::Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "disk full",
            ))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let err = npy::write_slice(Full, &values).unwrap_err();
    assert!(
        matches!(
            err,
            NpyError::Io {
                action: "write the header",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("disk full"));

    let missing = std::env::temp_dir().join("typed-layout-no-such-dir/none.npy");
    let err = NpyFile::read(&missing).unwrap_err();
    assert!(
        matches!(
            err,
            NpyError::Io {
                action: "open",
                path: Some(ref path),
                ..
            } if *path == missing
        ),
        "{err:?}"
    );
    // The message names the operation and the path, then the system's text.
    let message = err.to_string();
    assert!(
        message.starts_with(&format!("could not open {}: ", missing.display())),
        "{message}"
    );
    // The cause is in the message, so it is not also a `source()`: a chain
    // printer (anyhow's `{:#}`) shows it once.
    assert!(std::error::Error::source(&err).is_none());
    assert_eq!(chain(&err), message);
}

/// What anyhow's `{:#}` prints: the error, then each `source()`.
fn chain(error: &dyn std::error::Error) -> String {
    let mut out = error.to_string();
    let mut next = error.source();
    while let Some(cause) = next {
        out.push_str(": ");
        out.push_str(&cause.to_string());
        next = cause.source();
    }
    out
}

/// Every prefix of valid files, and every single-byte change of their
/// headers: an error or a valid file, never a panic.
#[test]
fn truncations_and_byte_flips_never_panic() {
    let mut files = vec![valid_person_file(3), valid_person_file(0)];
    let mut long = Vec::new();
    npy::write_bytes(
        &mut long,
        &[0u8; 16],
        &"[('日本', '<f8'), ('b', '>i8')]".parse().expect("dtype"),
        &[1],
    )
    .expect("write");
    files.push(long);
    for file in &files {
        for len in 0..=file.len() {
            let result = Npy::from_bytes(&file[..len]);
            if len < file.len() {
                assert!(result.is_err(), "a prefix of {len} bytes was accepted");
            }
            let _ = NpyFile::read_from(&file[..len]);
        }
        let header_len = Npy::from_bytes(file).expect("valid").header().data_offset();
        for at in 0..header_len {
            for value in [
                0u8, b' ', b'(', b')', b'[', b'\'', b'9', b'-', b'{', 0xff, b'\\',
            ] {
                let mut changed = file.clone();
                changed[at] = value;
                if let Ok(npy) = Npy::from_bytes(&changed) {
                    let _ = npy.records::<Person>();
                    let _ = npy.column::<f64>("salary");
                }
            }
        }
    }
}

#[test]
fn python2_long_ints_are_read_in_old_versions() {
    let file = v1(&dict("'<f8'", "False", "(2L,)"), 16);
    let npy = Npy::from_bytes(&file).expect("NumPy reads 2L in a 1.0 header");
    assert_eq!(npy.shape(), &[2]);
}

#[test]
fn trailing_bytes_after_the_data_are_ignored() {
    let mut file = valid_person_file(2);
    file.extend_from_slice(b"trailing");
    let npy = Npy::from_bytes(&file).expect("valid");
    assert_eq!((npy.len(), npy.data().len()), (2, 88));
    assert_eq!(Person::dtype().itemsize(), 44);
}

/// Found by fuzzing (corpus timing): a header dict of n keys was checked
/// with a scan per key, so 64000 keys took 3 s and a 4 GiB version 2.0
/// header would take days. Now one typed error listing every key; the time
/// is watched by the fuzzer and the benchmarks, not asserted here.
#[test]
fn a_header_with_very_many_keys_is_refused_with_every_key() {
    let keys: String = (0..20_000).map(|i| format!("'k{i}': 1, ")).collect();
    let header = format!("{{{keys}'descr': '<f8', 'fortran_order': False, 'shape': (1,), }}\n");
    let file = raw(2, 0, header.as_bytes());
    match Npy::from_bytes(&file).expect_err("extra keys") {
        NpyError::HeaderKeys { found } => assert_eq!(found.len(), 20_003),
        other => panic!("expected HeaderKeys, got {other}"),
    }
}
