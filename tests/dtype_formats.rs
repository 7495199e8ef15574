//! The dtype model against the facts in FORMATS.md: every NumPy output
//! listed there parses to the right offsets, derived types print what
//! NumPy prints, printing then parsing gives the same dtype (also for
//! random dtypes), and `check` accepts exactly the equivalent spellings.
#![forbid(unsafe_code)]

use proptest::prelude::*;
use typed_layout::{
    npy, Be, ByteOrder, Dtype, DtypeError, DtypeField, DtypeKind, HasDtype, Le, MismatchKind, Npy,
    PixelLayout,
};

#[derive(Clone, Copy, PixelLayout)]
#[repr(C, packed)]
struct Person {
    name: [u8; 32],
    age: i32,
    salary: f64,
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct PersonAligned {
    name: [u8; 32],
    age: i32,
    _pad: [u8; 4],
    salary: f64,
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Bgra8 {
    b: u8,
    g: u8,
    r: u8,
    a: u8,
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Rgba {
    rgb: [u8; 3],
    a: u8,
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Point {
    x: f32,
    y: f32,
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C, packed)]
struct Labeled {
    p: Point,
    id: u16,
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C, packed)]
struct BigEndian {
    a: Be<i32>,
    b: f64,
}

fn offsets(dtype: &Dtype) -> Vec<(&str, usize)> {
    dtype
        .fields()
        .iter()
        .map(|f| (f.name(), f.offset()))
        .collect()
}

#[test]
fn numpy_descr_outputs_parse_to_the_right_offsets() {
    let packed =
        Dtype::from_descr("[('name', '|S32'), ('age', '<i4'), ('salary', '<f8')]").unwrap();
    assert_eq!(offsets(&packed), [("name", 0), ("age", 32), ("salary", 36)]);
    assert_eq!((packed.itemsize(), packed.align()), (44, 1));

    let aligned =
        Dtype::from_descr("[('name', '|S32'), ('age', '<i4'), ('', '|V4'), ('salary', '<f8')]")
            .unwrap();
    assert_eq!(
        offsets(&aligned),
        [("name", 0), ("age", 32), ("salary", 40)]
    );
    assert_eq!((aligned.itemsize(), aligned.align()), (48, 8));

    let sub = Dtype::from_descr("[('rgb', '|u1', (3,)), ('a', '|u1')]").unwrap();
    assert_eq!(offsets(&sub), [("rgb", 0), ("a", 3)]);
    assert_eq!(sub.field("rgb").unwrap().shape(), &[3]);

    let nested = Dtype::from_descr("[('p', [('x', '<f4'), ('y', '<f4')]), ('id', '<u2')]").unwrap();
    assert_eq!(offsets(&nested), [("p", 0), ("id", 8)]);
    let p = nested.field("p").unwrap();
    assert_eq!(
        p.nested().iter().map(|f| f.offset()).collect::<Vec<_>>(),
        [0, 4]
    );
    assert_eq!(nested.itemsize(), 10);

    let plain = Dtype::from_descr("'<f8'").unwrap();
    assert_eq!(
        (plain.kind(), plain.itemsize(), plain.byte_order()),
        (Some(DtypeKind::Float), 8, Some(ByteOrder::Little))
    );
    assert_eq!(packed.typestr(), "|V44");

    // Trailing padding of an aligned nested record.
    let padded = Dtype::from_descr(
        "[('p', [('x', '<i2'), ('', '|V6'), ('y', '<f8')]), ('q', '|u1'), ('', '|V7')]",
    )
    .unwrap();
    assert_eq!(offsets(&padded), [("p", 0), ("q", 16)]);
    assert_eq!(padded.itemsize(), 24);

    // The dict form, for layouts that are neither packed nor aligned.
    let dict = Dtype::from_descr(
        "{'names': ['a', 'b'], 'formats': ['<i4', '<f8'], 'offsets': [4, 12], 'itemsize': 24}",
    )
    .unwrap();
    assert_eq!(offsets(&dict), [("a", 4), ("b", 12)]);
    assert_eq!(
        dict.descr(),
        "[('', '|V4'), ('a', '<i4'), ('', '|V4'), ('b', '<f8'), ('', '|V4')]"
    );
    let dict_aligned =
        Dtype::from_descr("{'names': ['a', 'b'], 'formats': ['u1', '<f8'], 'aligned': True}")
            .unwrap();
    assert_eq!(
        (offsets(&dict_aligned), dict_aligned.itemsize()),
        (vec![("a", 0), ("b", 8)], 16)
    );
}

#[test]
fn numpy_pep3118_outputs_parse_to_the_right_offsets() {
    type Case<'a> = (&'a str, &'a [(&'a str, usize)], usize);
    let cases: [Case; 5] = [
        (
            "T{32s:name:i:age:=d:salary:}",
            &[("name", 0), ("age", 32), ("salary", 36)],
            44,
        ),
        (
            "T{32s:name:i:age:xxxxd:salary:}",
            &[("name", 0), ("age", 32), ("salary", 40)],
            48,
        ),
        (
            "T{B:b:B:g:B:r:B:a:}",
            &[("b", 0), ("g", 1), ("r", 2), ("a", 3)],
            4,
        ),
        ("T{(3)B:rgb:B:a:}", &[("rgb", 0), ("a", 3)], 4),
        ("T{>i:a:=d:b:}", &[("a", 0), ("b", 4)], 12),
    ];
    for (format, want, itemsize) in cases {
        let dtype = Dtype::from_pep3118(format).unwrap();
        assert_eq!(offsets(&dtype), want, "{format}");
        assert_eq!(dtype.itemsize(), itemsize, "{format}");
    }
    let big = Dtype::from_pep3118("T{>i:a:=d:b:}").unwrap();
    assert_eq!(big.field("a").unwrap().byte_order(), Some(ByteOrder::Big));
    assert_eq!(
        big.field("b").unwrap().byte_order(),
        Some(ByteOrder::NATIVE)
    );

    // '@' aligns and rounds the record up; '=' does not.
    let native = Dtype::from_pep3118("T{B:a:d:b:}").unwrap();
    assert_eq!(
        (offsets(&native), native.itemsize()),
        (vec![("a", 0), ("b", 8)], 16)
    );
    let standard = Dtype::from_pep3118("T{B:a:=d:b:}").unwrap();
    assert_eq!(
        (offsets(&standard), standard.itemsize()),
        (vec![("a", 0), ("b", 1)], 9)
    );
    // The byte order stays in force across a nested struct.
    let nested = Dtype::from_pep3118("T{T{=f:x:f:y:}:p:@H:id:}").unwrap();
    assert_eq!(
        (offsets(&nested), nested.itemsize()),
        (vec![("p", 0), ("id", 8)], 10)
    );
    // Unnamed items are named f0, f1, ...; a lone item is unwrapped.
    let unnamed = Dtype::from_pep3118("T{i:f0:d}").unwrap();
    assert_eq!(offsets(&unnamed), [("f0", 0), ("f1", 8)]);
    assert!(Dtype::from_pep3118("d").unwrap().is_scalar());
    assert_eq!(Dtype::from_pep3118("4s").unwrap().typestr(), "|S4");
    assert_eq!(Dtype::from_pep3118("3w").unwrap().itemsize(), 12);
    assert_eq!(Dtype::from_pep3118("(2,3)h").unwrap().shape(), &[2, 3]);
    assert_eq!(
        Dtype::from_pep3118("!I").unwrap().byte_order(),
        Some(ByteOrder::Big)
    );
    assert_eq!(Dtype::from_pep3118("<Zd").unwrap().typestr(), "<c16");
}

#[test]
fn derived_types_print_what_numpy_prints() {
    assert_eq!(Bgra8::dtype().pep3118().unwrap(), "T{B:b:B:g:B:r:B:a:}");
    assert_eq!(
        Rgba::dtype().descr(),
        "[('rgb', '|u1', (3,)), ('a', '|u1')]"
    );
    assert_eq!(Rgba::dtype().pep3118().unwrap(), "T{(3)B:rgb:B:a:}");
    assert_eq!(<[u8; 44]>::dtype().typestr(), "|V44");
    assert_eq!(<Be<u16>>::dtype().descr(), "'>u2'");
    assert_eq!(<Le<i64>>::dtype().typestr(), "<i8");
    assert_eq!(u8::dtype().descr(), "'|u1'");
    #[cfg(target_endian = "little")]
    {
        assert_eq!(
            Person::dtype().descr(),
            "[('name', '|u1', (32,)), ('age', '<i4'), ('salary', '<f8')]"
        );
        assert_eq!(
            Person::dtype().pep3118().unwrap(),
            "T{(32)B:name:i:age:=d:salary:}"
        );
        assert_eq!(
            PersonAligned::dtype().pep3118().unwrap(),
            // The `_pad` field is a gap, as NumPy writes an align=True dtype.
            "T{(32)B:name:i:age:xxxxd:salary:}"
        );
        assert_eq!(
            Labeled::dtype().pep3118().unwrap(),
            "T{T{=f:x:f:y:}:p:@H:id:}"
        );
        assert_eq!(BigEndian::dtype().pep3118().unwrap(), "T{>i:a:=d:b:}");
        assert_eq!(f64::dtype().pep3118().unwrap(), "d");
        assert_eq!(<Be<f64>>::dtype().pep3118().unwrap(), ">d");
    }
    assert_eq!(PersonAligned::dtype().align(), 8);
    assert_eq!(Person::dtype().align(), 1);
}

#[test]
fn printing_then_parsing_gives_the_same_dtype() {
    let dtypes = [
        Person::dtype(),
        PersonAligned::dtype(),
        Bgra8::dtype(),
        Rgba::dtype(),
        Labeled::dtype(),
        BigEndian::dtype(),
        f64::dtype(),
        <Be<u32>>::dtype(),
        <[[u16; 3]; 2]>::dtype(),
        <[Point; 3]>::dtype(),
        Dtype::from_descr(
            "[('p', [('x', '<i2'), ('', '|V6'), ('y', '<f8')]), ('q', '|u1'), ('', '|V7')]",
        )
        .unwrap(),
        Dtype::from_descr("[('a', '<i4'), ('', '|V4'), ('b', '<f8'), ('', '|V8')]").unwrap(),
        Dtype::from_descr(
            "[('t', '<M8[ns]'), ('d', '>m8[25s]'), ('u', '<U3'), ('c', '>c8'), ('b', '|b1')]",
        )
        .unwrap(),
    ];
    for dtype in &dtypes {
        assert_eq!(
            &Dtype::from_descr(&dtype.descr()).unwrap(),
            dtype,
            "{}",
            dtype.descr()
        );
        assert_eq!(&Dtype::parse(&dtype.to_string()).unwrap(), dtype);
        if let Ok(format) = dtype.pep3118() {
            assert_eq!(&Dtype::from_pep3118(&format).unwrap(), dtype, "{format}");
        }
        assert!(dtype.matches(dtype));
    }
    // Trailing padding NumPy's form would lose comes out explicitly.
    let trailing =
        Dtype::from_descr("[('a', '<i4'), ('', '|V4'), ('b', '<f8'), ('', '|V8')]").unwrap();
    assert_eq!(trailing.pep3118().unwrap(), "T{=i:a:xxxxd:b:xxxxxxxx}");
    // Datetimes have no PEP 3118 code.
    assert!(matches!(
        Dtype::from_typestr("<M8[ns]").unwrap().pep3118(),
        Err(DtypeError::NotRepresentable { .. })
    ));
}

#[test]
fn check_accepts_equivalent_spellings() {
    let bytes = <[u8; 8]>::dtype();
    for spelling in ["'|S8'", "'|V8'", "('|u1', (8,))", "'|a8'"] {
        assert!(
            bytes.matches(&Dtype::from_descr(spelling).unwrap()),
            "{spelling}"
        );
    }
    assert!(!bytes.matches(&Dtype::from_descr("('|i1', (8,))").unwrap()));
    assert!(!bytes.matches(&Dtype::from_descr("'<u8'").unwrap()));
    assert!(<Be<f64>>::dtype().matches(&Dtype::from_typestr(">f8").unwrap()));
    assert!(!<Be<f64>>::dtype().matches(&Dtype::from_typestr("<f8").unwrap()));
    #[cfg(target_endian = "little")]
    {
        assert!(f64::dtype().matches(&Dtype::from_typestr("<f8").unwrap()));
        assert!(f64::dtype().matches(&Dtype::from_typestr("=f8").unwrap()));
        assert!(<[f64; 2]>::dtype().matches(&Dtype::from_typestr("<c16").unwrap()));
        assert!(<[u32; 3]>::dtype().matches(&Dtype::from_typestr("<U3").unwrap()));
        assert!(i64::dtype().matches(&Dtype::from_typestr("<M8[us]").unwrap()));
    }
    assert!(u8::dtype().matches(&Dtype::from_typestr("|b1").unwrap()));
    assert!(<Le<f64>>::dtype().matches(&Dtype::from_typestr("<f8").unwrap()));
    // `_pad` fields are gaps; unnamed gaps in NumPy's descr are too.
    let numpy =
        Dtype::from_descr("[('name', '|S32'), ('age', '<i4'), ('', '|V4'), ('salary', '<f8')]")
            .unwrap();
    #[cfg(target_endian = "little")]
    PersonAligned::dtype().check(&numpy).unwrap();
    // ... including our own `_pad` fields read back.
    let ours = Dtype::from_descr(&PersonAligned::dtype().descr()).unwrap();
    assert!(ours.matches(&numpy) && numpy.matches(&ours));
}

#[test]
fn check_names_the_first_difference_and_both_sides() {
    let person = Person::dtype();
    let cases: [(&str, &str, MismatchKind, &str); 7] = [
        (
            "[('name', '|S32'), ('age', '<i4'), ('', '|V4'), ('salary', '<f8')]",
            "salary",
            MismatchKind::Offset,
            "expected ('salary', '<f8') at offset 36, found ('salary', '<f8') at offset 40",
        ),
        (
            "[('name', '|S32'), ('years', '<i4'), ('salary', '<f8')]",
            "age",
            MismatchKind::Name,
            "expected ('age', '<i4') at offset 32, found ('years', '<i4') at offset 32",
        ),
        (
            "[('name', '|S32'), ('age', '<f4'), ('salary', '<f8')]",
            "age",
            MismatchKind::Kind,
            "found ('age', '<f4') at offset 32",
        ),
        (
            "[('name', '|S32'), ('age', '<i2'), ('', '|V2'), ('salary', '<f8')]",
            "age",
            MismatchKind::Size,
            "found ('age', '<i2') at offset 32; the Rust type for it is i16",
        ),
        (
            "[('name', '|S32'), ('age', '>i4'), ('salary', '<f8')]",
            "age",
            MismatchKind::ByteOrder,
            "use Be<T> or Le<T>",
        ),
        (
            "[('name', '|S32'), ('age', '<i4')]",
            "salary",
            MismatchKind::MissingField,
            "found nothing at that offset",
        ),
        (
            "[('name', '|S32'), ('age', '<i4'), ('salary', '<f8'), ('bonus', '<f8')]",
            "bonus",
            MismatchKind::ExtraField,
            "found ('bonus', '<f8') at offset 44",
        ),
    ];
    for (descr, field, kind, text) in cases {
        let found = Dtype::from_descr(descr).unwrap();
        let err = person.check(&found).unwrap_err();
        #[cfg(target_endian = "big")]
        let _ = (field, kind, text, err);
        #[cfg(target_endian = "little")]
        {
            match &err {
                DtypeError::Mismatch {
                    field: f, kind: k, ..
                } => {
                    assert_eq!((f.as_str(), *k), (field, kind), "{descr}: {err}")
                }
                other => panic!("{descr}: {other:?}"),
            }
            assert!(err.to_string().contains(text), "{descr}: {err}");
        }
    }
    // Nested: the path names the inner field.
    let other = Dtype::from_descr("[('p', [('x', '<f4'), ('y', '<f8')]), ('id', '<u2')]").unwrap();
    let err = Labeled::dtype().check(&other).unwrap_err();
    assert!(
        err.to_string().starts_with("dtypes differ at field `p"),
        "{err}"
    );
    // A scalar is not a record.
    assert!(matches!(
        f64::dtype().check(&Person::dtype()),
        Err(DtypeError::Mismatch {
            kind: MismatchKind::Kind,
            ..
        })
    ));
    assert!(matches!(
        <[u8; 44]>::dtype().check(&Person::dtype()),
        Err(DtypeError::Mismatch {
            kind: MismatchKind::Kind,
            ..
        })
    ));
}

#[test]
fn parse_errors_are_typed_with_positions() {
    type Case<'a> = (&'a str, fn(&DtypeError) -> bool);
    let cases: [Case; 14] = [
        ("<i3", |e| {
            matches!(e, DtypeError::InvalidSize { kind: 'i', size: 3 })
        }),
        ("<c4", |e| {
            matches!(e, DtypeError::InvalidSize { kind: 'c', size: 4 })
        }),
        ("|O", |e| matches!(e, DtypeError::Unsupported { .. })),
        ("<f8[", |e| {
            matches!(
                e,
                DtypeError::Syntax {
                    syntax: "typestr",
                    position: 3,
                    ..
                }
            )
        }),
        ("T{d:x:", |e| {
            matches!(
                e,
                DtypeError::Syntax {
                    syntax: "PEP 3118",
                    ..
                }
            )
        }),
        ("T{d:x}", |e| {
            matches!(
                e,
                DtypeError::Syntax {
                    syntax: "PEP 3118",
                    ..
                }
            )
        }),
        ("T{d:x:d:x:}", |e| {
            matches!(e, DtypeError::DuplicateField { .. })
        }),
        ("T{O:x:}", |e| matches!(e, DtypeError::Unsupported { .. })),
        ("T{&d:x:}", |e| matches!(e, DtypeError::Unsupported { .. })),
        ("T{=g:x:}", |e| matches!(e, DtypeError::Syntax { .. })),
        ("d}", |e| {
            matches!(e, DtypeError::Syntax { position: 1, .. })
        }),
        ("[('a', '<f8'", |e| {
            matches!(
                e,
                DtypeError::Syntax {
                    syntax: "descr",
                    ..
                }
            )
        }),
        ("[('a', '<f8', (-1,))]", |e| {
            matches!(e, DtypeError::Malformed { .. })
        }),
        ("{'names': ['a'], 'formats': []}", |e| {
            matches!(e, DtypeError::Malformed { .. })
        }),
    ];
    for (text, expect) in cases {
        let err = Dtype::parse(text).unwrap_err();
        assert!(expect(&err), "{text}: {err:?}");
        assert!(!err.to_string().is_empty());
    }
    let deep = format!("{}d{}", "T{".repeat(100), ":x:}".repeat(100));
    assert!(matches!(
        Dtype::from_pep3118(&deep),
        Err(DtypeError::TooDeep { .. })
    ));
    assert!(matches!(
        Dtype::from_pep3118("99999999999999999999999s"),
        Err(DtypeError::TooLarge { what: "a PEP 3118 count", ref value, limit: typed_layout::dtype::MAX_ITEMSIZE })
            if value == "99999999999999999999999"
    ));
    // An empty name is a name (NumPy keeps it), but only once.
    assert_eq!(
        Dtype::record(vec![DtypeField::new("", 0, u8::dtype())], 1)
            .expect("an empty name")
            .fields()[0]
            .name(),
        ""
    );
    assert!(matches!(
        Dtype::record(
            vec![
                DtypeField::new("", 0, u8::dtype()),
                DtypeField::new("", 1, u8::dtype())
            ],
            2
        ),
        Err(DtypeError::DuplicateField { .. })
    ));
}

// ---------------------------------------------------------------------------
// Random dtypes.

fn scalar() -> impl Strategy<Value = Dtype> {
    let kinds = prop_oneof![
        Just((DtypeKind::Bool, 1)),
        (
            prop_oneof![Just(DtypeKind::Int), Just(DtypeKind::Uint)],
            prop_oneof![Just(1), Just(2), Just(4), Just(8)]
        ),
        (
            Just(DtypeKind::Float),
            prop_oneof![Just(2), Just(4), Just(8)]
        ),
        (Just(DtypeKind::Complex), prop_oneof![Just(8), Just(16)]),
        (Just(DtypeKind::Bytes), 0usize..12),
        (Just(DtypeKind::Unicode), (0usize..4).prop_map(|n| 4 * n)),
        (Just(DtypeKind::Raw), 1usize..6),
    ];
    (kinds, any::<bool>()).prop_map(|((kind, size), big)| {
        let order = if big {
            ByteOrder::Big
        } else {
            ByteOrder::Little
        };
        Dtype::scalar(kind, size, order).expect("valid scalar")
    })
}

fn dtype() -> impl Strategy<Value = Dtype> {
    scalar().prop_recursive(3, 24, 5, |inner| {
        prop_oneof![
            (inner.clone(), proptest::collection::vec(1usize..4, 1..3))
                .prop_map(|(base, shape)| Dtype::sub_array(base, &shape).expect("small")),
            proptest::collection::vec((inner, 0usize..9, "[a-z][a-z0-9_]{0,6}|日本|ß"), 1..5)
                .prop_map(|fields| {
                    let mut offset = 0;
                    let mut out = Vec::new();
                    for (i, (dtype, gap, name)) in fields.into_iter().enumerate() {
                        offset += gap % 3 * (gap % 4);
                        let size = dtype.itemsize();
                        out.push(DtypeField::new(format!("{name}{i}"), offset, dtype));
                        offset += size;
                    }
                    Dtype::record(out, offset + offset % 3).expect("disjoint fields")
                }),
        ]
    })
}

proptest! {
    #[test]
    fn random_dtypes_round_trip(dtype in dtype()) {
        let descr = dtype.descr();
        prop_assert_eq!(&Dtype::from_descr(&descr).unwrap(), &dtype, "{}", descr);
        // Unnamed raw bytes are padding in PEP 3118, so a top-level `|Vn`
        // has no format (NumPy's `nx` reads back as nothing); in records,
        // raw fields have names and every dtype here has a format.
        if dtype.base().kind() != Some(DtypeKind::Raw) {
            let format = dtype.pep3118().unwrap();
            prop_assert_eq!(&Dtype::from_pep3118(&format).unwrap(), &dtype, "{}", format);
        }
        prop_assert!(dtype.check(&dtype).is_ok());
        // Through a .npy header (a sub-array dtype becomes trailing axes).
        if !dtype.is_sub_array() {
            let mut file = npy::header_bytes(&dtype, &[2], false).unwrap();
            prop_assert_eq!(file.len() % 64, 0);
            file.resize(file.len() + 2 * dtype.itemsize(), 0);
            let npy = Npy::from_bytes(&file).unwrap();
            prop_assert_eq!(npy.dtype(), &dtype);
        }
    }
}

/// Found by fuzzing: a PEP 3118 format with a gap of gigabytes used to be
/// printed back one `x` per byte (a 2 GiB string). Short gaps are still
/// spelled out as NumPy writes them; long ones are counted.
#[test]
fn long_padding_prints_as_a_count() {
    let crash = "d2222202222222222224x0222222222qqq2qqql39h";
    if let Ok(dtype) = Dtype::from_pep3118(crash) {
        let printed = dtype.pep3118().unwrap_or_default();
        assert!(printed.len() < 1000, "{} bytes", printed.len());
    }
    let gap = Dtype::from_pep3118("T{=B:a:1000000000x=d:b:}").unwrap();
    assert_eq!(gap.itemsize(), 1_000_000_009);
    let printed = gap.pep3118().unwrap();
    assert_eq!(printed, "T{B:a:1000000000x=d:b:}");
    assert_eq!(Dtype::from_pep3118(&printed).unwrap(), gap);
    let short = Dtype::from_pep3118("T{=B:a:3x=d:b:}").unwrap();
    assert_eq!(short.pep3118().unwrap(), "T{B:a:xxx=d:b:}");
}

/// Found by fuzzing (corpus timing): PEP 3118 formats of n items checked
/// names with a scan per item, so 16000 items took 0.2 s and a megabyte of
/// `B`s many minutes (now a set; the time is watched by the fuzzer, not
/// asserted here). Unnamed items still get NumPy's first free `fN`.
#[test]
fn many_pep3118_items_are_named_like_numpy() {
    let many = Dtype::from_pep3118(&"B".repeat(20_000)).unwrap();
    assert_eq!((many.fields().len(), many.itemsize()), (20_000, 20_000));
    assert_eq!(many.fields()[19_999].name(), "f19999");
    let named: String = (0..10_000).map(|i| format!("B:n{i}:")).collect();
    let named = Dtype::from_pep3118(&format!("T{{{named}}}")).unwrap();
    assert_eq!(named.fields().len(), 10_000);

    // First free name, skipping explicit ones, as numpy's _fix_names does.
    let mixed = Dtype::from_pep3118("T{B:f1:BBB:f0:B}").unwrap();
    let names: Vec<&str> = mixed.fields().iter().map(|f| f.name()).collect();
    assert_eq!(names, ["f1", "f2", "f3", "f0", "f4"]);
    assert!(matches!(
        Dtype::from_pep3118("T{B:a:B:a:}"),
        Err(DtypeError::DuplicateField { name }) if name == "a"
    ));
}

/// Hints only where they help: a scalar of another size is a type to
/// change, not a repr to check; the Rust type offered is the found side's.
#[test]
fn hints_apply_only_where_they_help() {
    let scalar = f64::dtype().check(&f32::dtype()).unwrap_err().to_string();
    assert!(!scalar.contains("repr"), "{scalar}");
    assert!(scalar.contains("the Rust type for it is f32"), "{scalar}");

    #[derive(Clone, Copy, PixelLayout)]
    #[repr(C)]
    struct Wide {
        a: u8,
        _pad: [u8; 7],
        b: f64,
    }
    let packed = Dtype::from_descr("[('a', '|u1'), ('b', '<f8')]").unwrap();
    let record = Wide::dtype().check(&packed).unwrap_err().to_string();
    assert!(record.contains("offsets differ"), "{record}");
    assert!(record.contains("repr(C)"), "{record}");

    for (found, offered) in [
        ("<f2", "f16 (feature `half`)"),
        ("<c16", "Complex<f64> (feature `num-complex`)"),
        ("|S8", "Bytes<8>"),
        ("<U3", "Ucs4<3>"),
        ("|b1", "Bool"),
        ("<M8[s]", "Datetime64<Seconds>"),
    ] {
        let found = Dtype::parse(found).unwrap();
        #[cfg(target_endian = "little")]
        {
            let err = <[u16; 7]>::dtype().check(&found).unwrap_err().to_string();
            assert!(
                err.contains(&format!("the Rust type for it is {offered}")),
                "{err}"
            );
        }
        let _ = (found, offered);
    }
}

/// Times agree on kind and unit; their count reads as `i64` either way.
#[test]
fn time_units_are_checked() {
    use typed_layout::numpy_types::{Nanoseconds, Seconds};
    use typed_layout::{Datetime64, Timedelta64};
    let ns = Dtype::parse("<M8[ns]").unwrap();
    #[cfg(target_endian = "little")]
    {
        assert!(Datetime64::<Nanoseconds>::dtype().matches(&ns));
        assert!(i64::dtype().matches(&ns));
        let err = Datetime64::<Seconds>::dtype().check(&ns).unwrap_err();
        assert!(
            matches!(
                err,
                DtypeError::Mismatch {
                    kind: MismatchKind::Unit,
                    ..
                }
            ),
            "{err}"
        );
        assert!(Timedelta64::<Nanoseconds>::dtype().check(&ns).is_err());
        assert_eq!(Dtype::parse("M8[1ns]").unwrap(), ns);
    }
    for refused in ["<M8[xx]", "<M8[ns", "<M8[]", "<m8[-1s]", "<M4"] {
        assert!(Dtype::parse(refused).is_err(), "{refused}");
    }
}

/// NumPy's dtype strings, as `np.dtype` reads them (NumPy 2.4 on x86-64
/// Linux printed the typestrs on the right).
#[test]
fn numpy_dtype_strings() {
    #[cfg(all(target_endian = "little", target_arch = "x86_64", target_os = "linux"))]
    for (text, typestr) in [
        ("d", "<f8"),
        ("float64", "<f8"),
        (">i", ">i4"),
        ("l", "<i8"),
        ("g", "<f16"),
        ("F", "<c8"),
        ("c", "|S1"),
        ("?", "|b1"),
        ("b", "|i1"),
        ("e", "<f2"),
        ("|d", "<f8"),
        ("|U3", "<U3"),
        (">b1", "|b1"),
        ("a5", "|S5"),
        ("bool", "|b1"),
        ("int", "<i8"),
        ("complex", "<c16"),
        ("str", "<U0"),
        ("datetime64[ns]", "<M8[ns]"),
        ("<datetime64[ns]", "<M8[ns]"),
        ("timedelta64", "<m8"),
        ("M8[25s]", "<M8[25s]"),
        ("3i", "|V12"),
        ("(2,3)f8", "|V48"),
        ("i4, f8", "|V12"),
    ] {
        let dtype = Dtype::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(dtype.typestr(), typestr, "{text}");
    }
    for refused in [
        "<float64", "float_", "string", "i0", "f3", "F8", "I4", "Int32", "i4[ns]", "<i16", "<u16",
        "|O", "object", "x",
    ] {
        assert!(Dtype::from_typestr(refused).is_err(), "{refused}");
    }
    let record = Dtype::parse("i4, f8").unwrap();
    assert_eq!(
        record.fields().iter().map(|f| f.name()).collect::<Vec<_>>(),
        ["f0", "f1"]
    );
    // A sub-array of a sub-array stays nested, as NumPy keeps it.
    let nested = Dtype::parse("[('c', ('<f8', (5,)), (2,))]").unwrap();
    assert_eq!(nested.descr(), "[('c', ('<f8', (5,)), (2,))]");
    assert_eq!(nested.pep3118().unwrap(), "T{(2)(5)d:c:}");
    assert_eq!(Dtype::parse("T{(2)(5)d:c:}").unwrap(), nested);
    let flat = Dtype::parse("[('c', '<f8', (2, 5))]").unwrap();
    assert_ne!(nested, flat);
    assert!(flat.matches(&nested)); // the same bytes
                                    // PEP 3118 text that starts with a parenthesis.
    assert_eq!(Dtype::parse("(2)3i").unwrap().itemsize(), 24);
    assert_eq!(Dtype::parse("(3)T{ix}").unwrap().itemsize(), 24);
    // An empty name that is not padding is a field; titles are kept.
    let empty = Dtype::parse("[('a', '<i4'), ('', '<i4'), ('b', '<i4')]").unwrap();
    assert_eq!(empty.fields().len(), 3);
    assert_eq!(empty.fields()[1].name(), "");
    assert_eq!(
        Dtype::parse("T{i:a:i::i:b:}").unwrap().fields()[1].name(),
        ""
    );
    let titled = Dtype::parse("[(('Temperature in K', 'temp'), '<f8')]").unwrap();
    assert_eq!(titled.fields()[0].title(), Some("Temperature in K"));
    assert_eq!(titled.descr(), "[(('Temperature in K', 'temp'), '<f8')]");
}
