//! Extreme numbers into every public dtype and `.npy` constructor and
//! parser: each must return a typed error (or, where NumPy accepts the
//! input, a value whose views work), never panic. Run in the default test
//! profile, where overflow checks are on, so an unchecked `*` or `+` on a
//! number from the input panics here.
#![forbid(unsafe_code)]
#![allow(clippy::result_large_err)]

use std::panic::{catch_unwind, AssertUnwindSafe};
use typed_layout::dtype::MAX_ITEMSIZE;
use typed_layout::{
    npy, ByteOrder, Dtype, DtypeError, DtypeField, DtypeKind, HasDtype, Npy, NpyError, NpyFile,
    NpyHeader, Records,
};

const HUGE: [usize; 6] = [
    usize::MAX,
    usize::MAX - 1,
    isize::MAX as usize,
    (isize::MAX as usize) + 1,
    1 << 62,
    MAX_ITEMSIZE + 1,
];

/// Runs `f`, failing the test with `case` if it panics.
fn no_panic<T>(case: &str, f: impl FnOnce() -> T) -> T {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(value) => value,
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            panic!("{case}: panicked: {message}")
        }
    }
}

/// `f` returns an error, which displays with text.
fn refused<T: std::fmt::Debug, E: std::fmt::Display>(case: &str, f: impl FnOnce() -> Result<T, E>) {
    match no_panic(case, f) {
        Ok(value) => panic!("{case}: accepted: {value:?}"),
        Err(error) => assert!(!error.to_string().is_empty(), "{case}"),
    }
}

fn too_large(error: &DtypeError) -> bool {
    matches!(error, DtypeError::TooLarge { .. })
}

#[test]
fn overflow_checks_are_on() {
    // The point of this file: `+` and `*` on input numbers panic here if
    // they are unchecked. A release test run still checks for panics.
    let probe = std::hint::black_box(usize::MAX);
    let wrapped = catch_unwind(|| probe + 1);
    assert_eq!(wrapped.is_err(), cfg!(debug_assertions));
}

#[test]
fn dtype_constructors() {
    let kinds = [
        DtypeKind::Bool,
        DtypeKind::Int,
        DtypeKind::Uint,
        DtypeKind::Float,
        DtypeKind::Complex,
        DtypeKind::Bytes,
        DtypeKind::Unicode,
        DtypeKind::Raw,
        DtypeKind::Datetime,
        DtypeKind::Timedelta,
    ];
    for kind in kinds {
        for size in HUGE {
            refused(&format!("scalar({kind:?}, {size})"), || {
                Dtype::scalar(kind, size, ByteOrder::Little)
            });
        }
    }
    for dims in [
        vec![usize::MAX],
        vec![1 << 62, 4],
        vec![0, usize::MAX],
        vec![MAX_ITEMSIZE, MAX_ITEMSIZE],
        vec![2, 3, 1 << 40],
        vec![MAX_ITEMSIZE / 8 + 1],
    ] {
        let case = format!("sub_array(<f8, {dims:?})");
        match no_panic(&case, || Dtype::sub_array(f64::dtype(), &dims)) {
            Err(error) => assert!(too_large(&error), "{case}: {error}"),
            Ok(dtype) => panic!("{case}: accepted {}", dtype.itemsize()),
        }
    }
    // Sub-arrays of sub-arrays multiply up.
    let big = Dtype::sub_array(u8::dtype(), &[1 << 20]).expect("1 MiB");
    refused("sub_array(1 MiB, [1 << 20])", || {
        Dtype::sub_array(big.clone(), &[1 << 20])
    });
    for (offset, itemsize) in [
        (usize::MAX, usize::MAX),
        (usize::MAX - 1, 8),
        (MAX_ITEMSIZE, MAX_ITEMSIZE),
        (0, usize::MAX),
        (8, MAX_ITEMSIZE + 1),
    ] {
        refused(&format!("record(a at {offset}, {itemsize})"), || {
            Dtype::record(vec![DtypeField::new("a", offset, f64::dtype())], itemsize)
        });
    }
    // Two fields whose ends overflow.
    refused("record with two huge fields", || {
        Dtype::record(
            vec![
                DtypeField::new("a", 0, big.clone()),
                DtypeField::new("b", usize::MAX - 3, f64::dtype()),
            ],
            usize::MAX,
        )
    });
}

#[test]
fn dtype_parsers() {
    let max = usize::MAX;
    let over = MAX_ITEMSIZE + 1;
    let texts = [
        format!("<U{max}"),
        format!("<U{}", MAX_ITEMSIZE / 4 + 1),
        format!("|S{over}"),
        format!("|V{max}"),
        format!("|S{max}0"),
        "|S99999999999999999999999999999999999999999".to_string(),
        format!("[('a', '<f8', ({max},))]"),
        format!("[('a', '<f8', ({over},))]"),
        "[('a', '<f8', (4611686018427387904, 4))]".to_string(),
        "[('a', '<f8', (-1,))]".to_string(),
        "[('a', '<f8', (99999999999999999999999999999999999999999,))]".to_string(),
        format!("[('a', ('<f8', ({}, )), (8, ))]", MAX_ITEMSIZE / 8),
        format!("[('a', '|V{over}'), ('b', '<f8')]"),
        format!("[('a', '|V{MAX_ITEMSIZE}'), ('b', '<f8')]"),
        format!("{{'names': ['a'], 'formats': ['<f8'], 'offsets': [{max}], 'itemsize': 8}}"),
        format!("{{'names': ['a'], 'formats': ['<f8'], 'offsets': [{over}]}}"),
        format!("{{'names': ['a'], 'formats': ['<f8'], 'offsets': [0], 'itemsize': {max}}}"),
        format!("{{'names': ['a'], 'formats': ['<f8'], 'offsets': [0], 'itemsize': {over}}}"),
        "{'names': ['a'], 'formats': ['<f8'], 'offsets': [-8]}".to_string(),
        "{'names': ['a'], 'formats': ['<f8'], 'itemsize': -1}".to_string(),
        "{'names': ['a'], 'formats': ['<f8'], 'offsets': [99999999999999999999999999999999999999999]}"
            .to_string(),
        format!(
            "{{'names': ['a', 'b'], 'formats': ['<f8', '|V{MAX_ITEMSIZE}'], 'aligned': True}}"
        ),
        format!("({max})d"),
        format!("({over})d"),
        "(2147483647,2147483647)d".to_string(),
        format!("{max}x"),
        format!("{over}s"),
        format!("{}w", MAX_ITEMSIZE / 4 + 1),
        format!("T{{d:a:{over}x}}"),
        format!("T{{{MAX_ITEMSIZE}x:a:d:b:}}"),
        format!("{MAX_ITEMSIZE}s{MAX_ITEMSIZE}s"),
        format!("T{{{MAX_ITEMSIZE}s:a:{MAX_ITEMSIZE}s:b:}}"),
        format!("@{MAX_ITEMSIZE}sd"),
        "99999999999999999999999999999999999999999d".to_string(),
    ];
    for text in &texts {
        refused(&format!("Dtype::parse({text})"), || Dtype::parse(text));
    }
    for text in [format!("<U{max}"), format!("|S{over}")] {
        refused(&format!("from_typestr({text})"), || {
            Dtype::from_typestr(&text)
        });
    }
    refused("from_descr", || {
        Dtype::from_descr(&format!("[('a', '<f8', ({max},))]"))
    });
    refused("from_pep3118", || Dtype::from_pep3118(&format!("({max})d")));
}

/// Large but valid dtypes print, compare and re-parse without overflow.
#[test]
fn large_valid_dtypes_print_and_compare() {
    for text in [
        format!("|S{MAX_ITEMSIZE}"),
        format!("[('a', '<f8', ({},))]", MAX_ITEMSIZE / 8),
        format!("[('a', '|V{}'), ('b', '<f8')]", MAX_ITEMSIZE - 8),
        format!(
            "{{'names': ['a'], 'formats': ['<f8'], 'offsets': [{}], 'itemsize': {MAX_ITEMSIZE}}}",
            MAX_ITEMSIZE - 8
        ),
    ] {
        let dtype = no_panic(&text, || Dtype::parse(&text)).expect("valid");
        let descr = no_panic(&text, || dtype.descr());
        let again = no_panic(&descr, || Dtype::parse(&descr)).expect("its descr parses");
        assert_eq!(again, dtype, "{text}");
        let _ = no_panic(&text, || dtype.pep3118());
        let _ = no_panic(&text, || dtype.check(&f64::dtype()));
        let _ = no_panic(&text, || f64::dtype().check(&dtype));
    }
}

/// A version 1.0 `.npy` file with this header dict and no data.
fn npy_with(descr: &str, shape: &str) -> Vec<u8> {
    let dict = format!("{{'descr': {descr}, 'fortran_order': False, 'shape': {shape}, }}");
    let mut header = dict.into_bytes();
    while (10 + header.len() + 1) % 64 != 0 {
        header.push(b' ');
    }
    header.push(b'\n');
    let mut file = b"\x93NUMPY\x01\x00".to_vec();
    file.extend_from_slice(&u16::try_from(header.len()).expect("short").to_le_bytes());
    file.extend_from_slice(&header);
    file
}

#[test]
fn npy_headers() {
    // NumPy refuses each of these ("array is too big", "Maximum allowed
    // dimension exceeded"): the size in bytes of the non-zero axes must fit
    // isize, and each axis must fit isize.
    let refused_shapes = [
        "(0, 4611686018427387904)",
        "(0, 18446744073709551615)",
        "(0, 9223372036854775807)",
        "(0, 1152921504606846976)",
        "(4611686018427387904, 0)",
        "(9223372036854775807, 0, 4)",
        "(4294967296, 4294967296)",
        "(18446744073709551616,)",
        "(99999999999999999999999999999999999999999,)",
        "(2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2)",
    ];
    for shape in refused_shapes {
        let file = npy_with("'<f8'", shape);
        let case = format!("shape {shape}");
        match no_panic(&case, || Npy::from_bytes(&file)) {
            Err(NpyError::ShapeOverflow { .. }) => {}
            other => panic!("{case}: {other:?}"),
        }
        refused(&case, || NpyHeader::parse(&file));
        refused(&case, || NpyFile::read_from(&file[..]));
        refused(&case, || NpyHeader::read_from(&file[..]));
    }
    // NumPy loads these (zero elements); every view must work or refuse.
    for (descr, shape) in [
        ("'<f8'", "(0, 1152921504606846975)"),
        ("'|u1'", "(0, 9223372036854775807)"),
        ("'|u1'", "(0, 2305843009213693951, 4)"),
        ("'|V0'", "(0, 1152921504606846976)"),
        (
            "[('a', '<f8'), ('b', '|u1', (4,))]",
            "(0, 768614336404564650)",
        ),
    ] {
        let file = npy_with(descr, shape);
        let case = format!("{descr} {shape}");
        let npy = no_panic(&case, || Npy::from_bytes(&file))
            .unwrap_or_else(|e| panic!("{case}: NumPy loads this: {e}"));
        assert_eq!(npy.len(), 0, "{case}");
        no_panic(&case, || {
            let _ = npy.records::<u8>();
            let _ = npy.records::<f64>();
            let _ = npy.records::<[u8; 4]>();
            let _ = npy.image::<u8>();
            let _ = npy.image::<[u8; 4]>();
            let _ = npy.image::<[[u8; 4]; 3]>();
            let _ = npy.image::<f64>();
            let _ = npy.column::<f64>("a");
            let _ = npy.column::<[u8; 4]>("b");
        });
        let header = no_panic(&case, || NpyFile::read_from(&file[..]))
            .unwrap_or_else(|e| panic!("{case}: {e}"));
        assert_eq!(header.len(), 0);
    }
    // A version 2.0 header length of 4 GiB in a short file.
    let mut file = b"\x93NUMPY\x02\x00\xff\xff\xff\xff{".to_vec();
    file.extend_from_slice(&[b' '; 50]);
    refused("header length u32::MAX", || Npy::from_bytes(&file));
    refused("header length u32::MAX, stream", || {
        NpyFile::read_from(&file[..])
    });
    // A header announcing a huge (but valid) array over a short stream:
    // an error, and no allocation of the announced size.
    let file = npy_with("'<f8'", "(1000000000000,)");
    match no_panic("1e12 elements", || NpyFile::read_from(&file[..])) {
        Err(NpyError::DataTooShort {
            needed: 8_000_000_000_000,
            available: 0,
            ..
        }) => {}
        other => panic!("1e12 elements: {other:?}"),
    }
}

#[test]
fn npy_writers() {
    let dtype = f64::dtype();
    for shape in [
        vec![usize::MAX, 2],
        vec![1 << 62, 4],
        vec![usize::MAX],
        vec![isize::MAX as usize, 0, usize::MAX],
    ] {
        let case = format!("shape {shape:?}");
        refused(&case, || npy::write_bytes(Vec::new(), &[], &dtype, &shape));
        refused(&case, || {
            npy::write_as(Vec::new(), &Records::<f64>::from_slice(&[]), &dtype, &shape)
        });
        let _ = no_panic(&case, || npy::header_bytes(&dtype, &shape, false));
        let _ = no_panic(&case, || npy::header_bytes(&dtype, &shape, true));
    }
    // A sub-array dtype adds trailing axes.
    let sub = Dtype::sub_array(u8::dtype(), &[MAX_ITEMSIZE]).expect("valid");
    refused("sub-array dtype, huge shape", || {
        npy::write_bytes(Vec::new(), &[], &sub, &[usize::MAX])
    });
}
