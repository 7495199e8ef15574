//! The `arrow` feature: records to `RecordBatch` and back, checked value by
//! value against the record views (the oracle), for packed, aligned,
//! big-endian, nested, sub-array and strided records and every dtype
//! family; the typed errors; zero-copy column views; streamed Parquet and
//! Arrow IPC files read back with the arrow-rs readers.
#![cfg(feature = "arrow")]
#![forbid(unsafe_code)]

use proptest::prelude::*;
use std::sync::Arc;
use typed_layout::arrow::{
    self, ArrowConvertError, ConvertOptions, OutputFormat, ParquetCompression,
};
use typed_layout::ext::arrow_array::cast::AsArray;
use typed_layout::ext::arrow_array::types::{
    Date32Type, DurationSecondType, Float16Type, Float32Type, Float64Type, Int16Type, Int32Type,
    TimestampNanosecondType, UInt16Type, UInt32Type, UInt8Type,
};
use typed_layout::ext::arrow_array::{
    Array, ArrayRef, Float64Array, Int32Array, RecordBatch, StringArray,
};
use typed_layout::ext::arrow_schema::{DataType, Field, Schema};
use typed_layout::{npy, Be, Dtype, Le, Npy, PixelLayout, Records, Ucs4};

#[path = "support/types.rs"]
mod types;
use types::{AlignedPerson, Person};

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C, packed)]
struct BigEndian {
    id: Be<u32>,
    value: Be<f64>,
    small: Le<i16>,
    level: Be<i16>,
}

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
struct Inner {
    x: f32,
    y: f32,
}

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
struct Outer {
    id: u64,
    pos: Inner,
    hist: [u16; 4],
    grid: [[u8; 3]; 2],
    _pad: [u8; 2],
    inners: [Inner; 2],
}

fn column<'a>(batch: &'a RecordBatch, name: &str) -> &'a ArrayRef {
    batch
        .column_by_name(name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

fn person() -> impl Strategy<Value = Person> {
    (any::<[u8; 32]>(), any::<i32>(), any::<f64>()).prop_map(|(name, age, salary)| Person {
        name,
        age,
        salary,
    })
}

/// Every value of the Person columns equals the record's field.
fn check_people(batch: &RecordBatch, people: &[Person]) {
    assert_eq!(batch.num_rows(), people.len());
    assert_eq!(batch.num_columns(), 3);
    let names = column(batch, "name").as_fixed_size_list();
    let ages = column(batch, "age").as_primitive::<Int32Type>();
    let salaries = column(batch, "salary").as_primitive::<Float64Type>();
    for (i, p) in people.iter().enumerate() {
        let name = names.value(i);
        assert_eq!(name.as_primitive::<UInt8Type>().values().to_vec(), p.name);
        assert_eq!(ages.value(i), { p.age });
        assert_eq!(salaries.value(i).to_bits(), { p.salary }.to_bits());
    }
}

fn bits_equal(a: &[Person], b: &[Person]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(a, b)| {
            a.name == b.name && { a.age } == { b.age } && { a.salary }.to_bits() == { b.salary }
                .to_bits()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn packed_people_round_trip(people in prop::collection::vec(person(), 0..200)) {
        let batch = arrow::to_record_batch(&Records::from_slice(&people)).unwrap();
        check_people(&batch, &people);
        let back = arrow::from_record_batch::<Person>(&batch).unwrap();
        prop_assert!(bits_equal(back.as_slice(), &people));
    }

    #[test]
    fn strided_people(people in prop::collection::vec(person(), 1..200), step in 1usize..5) {
        let records = Records::from_slice(&people);
        for view in [records.step_by(step).unwrap(), records.reversed()] {
            let expected: Vec<Person> = view.to_vec();
            let batch = arrow::to_record_batch(&view).unwrap();
            check_people(&batch, &expected);
        }
    }

    #[test]
    fn big_endian_fields(values in prop::collection::vec(any::<(u32, f64, i16, i16)>(), 0..100)) {
        let records: Vec<BigEndian> = values
            .iter()
            .map(|&(id, value, small, level)| BigEndian {
                id: Be::new(id), value: Be::new(value), small: Le::new(small), level: Be::new(level),
            })
            .collect();
        let batch = arrow::to_record_batch(&Records::from_slice(&records)).unwrap();
        let ids = column(&batch, "id").as_primitive::<UInt32Type>();
        let vals = column(&batch, "value").as_primitive::<Float64Type>();
        let small = column(&batch, "small").as_primitive::<Int16Type>();
        let level = column(&batch, "level").as_primitive::<Int16Type>();
        for (i, &(id, value, s, l)) in values.iter().enumerate() {
            prop_assert_eq!(ids.value(i), id);
            prop_assert_eq!(vals.value(i).to_bits(), value.to_bits());
            prop_assert_eq!((small.value(i), level.value(i)), (s, l));
        }
        let back = arrow::from_record_batch::<BigEndian>(&batch).unwrap();
        for (a, b) in back.as_slice().iter().zip(&records) {
            prop_assert_eq!(a.id.get(), b.id.get());
            prop_assert_eq!(a.value.get().to_bits(), b.value.get().to_bits());
            prop_assert_eq!((a.small.get(), a.level.get()), (b.small.get(), b.level.get()));
        }
    }

    #[test]
    fn nested_and_sub_arrays(seeds in prop::collection::vec(any::<(u64, f32, f32, [u16; 4], [u8; 6])>(), 0..100)) {
        let records: Vec<Outer> = seeds
            .iter()
            .map(|&(id, x, y, hist, g)| Outer {
                id,
                pos: Inner { x, y },
                hist,
                grid: [[g[0], g[1], g[2]], [g[3], g[4], g[5]]],
                _pad: [0; 2],
                inners: [Inner { x: y, y: x }, Inner { x, y: -y }],
            })
            .collect();
        let batch = arrow::to_record_batch(&Records::from_slice(&records)).unwrap();
        let names: Vec<&str> = batch.schema_ref().fields().iter().map(|f| f.name().as_str()).collect();
        prop_assert_eq!(names, ["id", "pos", "hist", "grid", "inners"]); // no _pad column
        let pos = column(&batch, "pos").as_struct();
        let px = pos.column_by_name("x").unwrap().as_primitive::<Float32Type>();
        let hist = column(&batch, "hist").as_fixed_size_list();
        let grid = column(&batch, "grid").as_fixed_size_list();
        let inners = column(&batch, "inners").as_fixed_size_list();
        for (i, r) in records.iter().enumerate() {
            prop_assert_eq!(px.value(i).to_bits(), r.pos.x.to_bits());
            prop_assert_eq!(hist.value(i).as_primitive::<UInt16Type>().values().to_vec(), r.hist.to_vec());
            let rows = grid.value(i);
            let rows = rows.as_fixed_size_list();
            for (k, row) in r.grid.iter().enumerate() {
                prop_assert_eq!(rows.value(k).as_primitive::<UInt8Type>().values().to_vec(), row.to_vec());
            }
            let pair = inners.value(i);
            let pair = pair.as_struct();
            let ys = pair.column_by_name("y").unwrap().as_primitive::<Float32Type>();
            prop_assert_eq!(ys.value(1).to_bits(), r.inners[1].y.to_bits());
        }
        let back = arrow::from_record_batch::<Outer>(&batch).unwrap();
        prop_assert_eq!(back.as_slice(), &records[..]);
    }
}

#[test]
fn aligned_person_skips_padding_and_zeroes_it_back() {
    let people: Vec<AlignedPerson> = (0..10)
        .map(|i| AlignedPerson {
            name: [b'a' + i as u8; 32],
            age: i,
            _pad: [0xAB; 4],
            salary: f64::from(i) * 1000.0,
        })
        .collect();
    let batch = arrow::to_record_batch(&Records::from_slice(&people)).unwrap();
    assert_eq!(batch.num_columns(), 3);
    let back = arrow::from_record_batch::<AlignedPerson>(&batch).unwrap();
    for (a, b) in back.as_slice().iter().zip(&people) {
        assert_eq!(
            (a.name, a.age, a.salary, a._pad),
            (b.name, b.age, b.salary, [0; 4])
        );
    }
}

#[test]
fn parallel_gather_equals_sequential() {
    #[cfg(feature = "rayon")]
    {
        let records: Vec<Outer> = (0..1000u64)
            .map(|i| Outer {
                id: i,
                pos: Inner {
                    x: i as f32,
                    y: 0.5,
                },
                hist: [i as u16; 4],
                grid: [[1, 2, 3], [4, 5, i as u8]],
                _pad: [0; 2],
                inners: [Inner { x: 1.0, y: 2.0 }; 2],
            })
            .collect();
        let records = Records::from_slice(&records);
        let sequential = arrow::to_record_batch(&records).unwrap();
        let parallel = arrow::par_to_record_batch(&records).unwrap();
        assert_eq!(sequential, parallel);
    }
}

/// Fields of every copy size the one-pass gather treats apart (16, 32 and
/// 64 bytes, others, tiny ones, a swapped one), in a batch large enough
/// (over 16 MiB of output) that whole 16-byte values are written with
/// streaming stores.
#[derive(Clone, Copy, Debug, PixelLayout)]
#[repr(C, packed)]
struct Wide {
    a: [u8; 16],
    b: [u32; 8],
    c: [u8; 64],
    d: [u8; 48],
    e: u8,
    f: [u8; 3],
    g: Be<f64>,
    h: i16,
}

#[test]
fn large_batches_equal_the_records() {
    let wide: Vec<Wide> = (0..120_001u32)
        .map(|i| {
            let byte = |k: u32| (i.wrapping_mul(31).wrapping_add(k * 7) % 251) as u8;
            Wide {
                a: std::array::from_fn(|k| byte(k as u32)),
                b: std::array::from_fn(|k| i.wrapping_mul(2_654_435_761).rotate_left(k as u32)),
                c: std::array::from_fn(|k| byte(k as u32 + 16)),
                d: std::array::from_fn(|k| byte(k as u32 + 80)),
                e: byte(200),
                f: [byte(1), byte(2), byte(3)],
                g: Be::new(f64::from(i) * 0.25 - 7.0),
                h: (i % 65_536) as u16 as i16,
            }
        })
        .collect();
    assert!(wide.len() * size_of::<Wide>() > 16 << 20);
    let records = Records::from_slice(&wide);
    let batch = arrow::to_record_batch(&records).unwrap();
    // Values read through the record views, column by column.
    let bytes_of = |name: &str, i: usize| -> Vec<u8> {
        column(&batch, name)
            .as_fixed_size_list()
            .value(i)
            .as_primitive::<UInt8Type>()
            .values()
            .to_vec()
    };
    let b = column(&batch, "b").as_fixed_size_list();
    let g = column(&batch, "g").as_primitive::<Float64Type>();
    let h = column(&batch, "h").as_primitive::<Int16Type>();
    for (i, w) in wide.iter().enumerate() {
        assert_eq!(bytes_of("a", i), w.a, "a, row {i}");
        assert_eq!(bytes_of("c", i), w.c, "c, row {i}");
        assert_eq!(bytes_of("d", i), w.d, "d, row {i}");
        assert_eq!(bytes_of("f", i), w.f, "f, row {i}");
        assert_eq!(b.value(i).as_primitive::<UInt32Type>().values().to_vec(), {
            w.b
        });
        assert_eq!(g.value(i).to_bits(), { w.g }.get().to_bits());
        assert_eq!(h.value(i), { w.h });
        assert_eq!(
            column(&batch, "e").as_primitive::<UInt8Type>().value(i),
            w.e
        );
    }
    // The rows split among threads (parts of uneven length) give the
    // same batch.
    #[cfg(feature = "rayon")]
    assert_eq!(arrow::par_to_record_batch(&records).unwrap(), batch);
    // And back through the scatter, an independent path, bit for bit.
    let back = arrow::from_record_batch::<Wide>(&batch).unwrap();
    let back = back.as_slice();
    assert_eq!(back.len(), wide.len());
    let fields = |w: &Wide| {
        let (a, b, c, d, e, f, g, h) = (w.a, w.b, w.c, w.d, w.e, w.f, w.g, w.h);
        (a, b, c.to_vec(), d.to_vec(), e, f, g.to_bytes(), h)
    };
    for (i, (x, y)) in back.iter().zip(&wide).enumerate() {
        assert_eq!(fields(x), fields(y), "row {i}");
    }
    // A strided view of the same records (copied to adjacent records
    // first) agrees with the batch, row for row.
    let every_third = records.step_by(3).unwrap();
    let strided = arrow::to_record_batch(&every_third).unwrap();
    assert_eq!(strided.num_rows(), wide.len().div_ceil(3));
    for (k, i) in (0..wide.len()).step_by(3).enumerate().take(1000) {
        assert_eq!(strided.slice(k, 1), batch.slice(i, 1));
    }
}

/// Every dtype family, from bytes built here, value by value and back.
#[test]
fn every_dtype_family_dynamic() {
    let dtype = Dtype::parse(
        "[('b', '|b1'), ('h', '<f2'), ('s', '|S5'), ('u', '<U3'), ('ub', '>U2'), \
         ('c', '<c16'), ('cb', '>c8'), ('t', '<M8[ns]'), ('d', '<M8[D]'), ('dt', '>m8[s]'), \
         ('v', '|V3'), ('be', '>i2'), ('', '|V2'), ('f', '<f8')]",
    )
    .unwrap();
    let itemsize = dtype.itemsize();
    let rows = 7;
    let mut bytes = vec![0u8; itemsize * rows];
    let at = |name: &str| dtype.field(name).unwrap().offset();
    let words = [
        "",
        "a",
        "\u{e9}t\u{e9}",
        "\u{1F600}x",
        "abc",
        "z",
        "\u{3bc}",
    ];
    for (i, record) in bytes.chunks_exact_mut(itemsize).enumerate() {
        let mut put = |name: &str, value: &[u8]| {
            let o = at(name);
            record[o..o + value.len()].copy_from_slice(value);
        };
        put("b", &[(i % 2) as u8]);
        put("h", &half_bits(i).to_le_bytes());
        put("s", &[b'a' + i as u8; 5][..i % 6]);
        let mut u = [0u8; 12];
        for (k, c) in words[i].chars().take(3).enumerate() {
            u[k * 4..k * 4 + 4].copy_from_slice(&u32::from(c).to_le_bytes());
        }
        put("u", &u);
        let mut ub = [0u8; 8];
        for (k, c) in words[i].chars().take(2).enumerate() {
            ub[k * 4..k * 4 + 4].copy_from_slice(&u32::from(c).to_be_bytes());
        }
        put("ub", &ub);
        put(
            "c",
            &[(i as f64).to_le_bytes(), (-(i as f64)).to_le_bytes()].concat(),
        );
        put(
            "cb",
            &[(i as f32).to_be_bytes(), (0.5f32).to_be_bytes()].concat(),
        );
        let t = if i == 3 {
            i64::MIN
        } else {
            i as i64 * 1_000_000_007
        };
        put("t", &t.to_le_bytes());
        let d = if i == 4 { i64::MIN } else { 19_000 + i as i64 };
        put("d", &d.to_le_bytes());
        put("dt", &(-(i as i64)).to_be_bytes());
        put("v", &[i as u8, 0, 0xFF]);
        put("be", &(i as i16 - 3).to_be_bytes());
        put("f", &(i as f64 / 3.0).to_le_bytes());
    }
    let batch = arrow::bytes_to_record_batch(&bytes, &dtype).unwrap();
    assert_eq!(batch.num_columns(), 13); // the gap is no column
    let schema = arrow::schema_for(&dtype).unwrap();
    assert_eq!(batch.schema(), schema);

    let b = column(&batch, "b").as_boolean();
    let h = column(&batch, "h").as_primitive::<Float16Type>();
    let s = column(&batch, "s").as_fixed_size_binary();
    let u = column(&batch, "u").as_string::<i32>();
    let ub = column(&batch, "ub").as_string::<i32>();
    let c = column(&batch, "c").as_struct();
    let cb = column(&batch, "cb").as_struct();
    let t = column(&batch, "t").as_primitive::<TimestampNanosecondType>();
    let d = column(&batch, "d").as_primitive::<Date32Type>();
    let dt = column(&batch, "dt").as_primitive::<DurationSecondType>();
    let v = column(&batch, "v").as_fixed_size_binary();
    let be = column(&batch, "be").as_primitive::<Int16Type>();
    assert_eq!(
        (c.column_names(), cb.column_names()),
        (vec!["re", "im"], vec!["re", "im"])
    );
    for i in 0..rows {
        assert_eq!(b.value(i), i % 2 == 1);
        assert_eq!(h.value(i).to_bits(), half_bits(i));
        let mut expected_s = vec![0u8; 5];
        expected_s[..i % 6].fill(b'a' + i as u8);
        assert_eq!(s.value(i), expected_s);
        let three: String = words[i].chars().take(3).collect();
        let two: String = words[i].chars().take(2).collect();
        assert_eq!((u.value(i), ub.value(i)), (three.as_str(), two.as_str()));
        let re = c.column(0).as_primitive::<Float64Type>();
        let im = c.column(1).as_primitive::<Float64Type>();
        assert_eq!((re.value(i), im.value(i)), (i as f64, -(i as f64)));
        let re = cb.column(0).as_primitive::<Float32Type>();
        assert_eq!(re.value(i), i as f32);
        assert_eq!(t.is_null(i), i == 3);
        if i != 3 {
            assert_eq!(t.value(i), i as i64 * 1_000_000_007);
        }
        assert_eq!(d.is_null(i), i == 4);
        if i != 4 {
            assert_eq!(d.value(i), 19_000 + i as i32);
        }
        assert_eq!(dt.value(i), -(i as i64));
        assert_eq!(v.value(i), [i as u8, 0, 0xFF]);
        assert_eq!(be.value(i), i as i16 - 3);
    }
    // Back: the same bytes, with the gap zero and the bools already 0/1.
    let back = arrow::record_batch_to_bytes(&batch, &dtype).unwrap();
    assert_eq!(back.as_bytes(), &bytes[..]);
}

fn half_bits(i: usize) -> u16 {
    // 1.0, 1.5, 2.0, ... as IEEE half precision
    0x3C00 + (i as u16) * 0x0200
}

#[test]
fn plain_and_multi_axis_npy() {
    let mut file = Vec::new();
    npy::write_bytes(
        &mut file,
        &(0..24u8).collect::<Vec<_>>(),
        &Dtype::parse("|u1").unwrap(),
        &[2, 3, 4],
    )
    .unwrap();
    let batch = arrow::npy_to_record_batch(&typed_layout::Npy::from_bytes(&file).unwrap()).unwrap();
    assert_eq!(batch.num_rows(), 2);
    let rows = column(&batch, "f0").as_fixed_size_list();
    let second = rows.value(1);
    let row1 = second.as_fixed_size_list().value(2);
    assert_eq!(
        row1.as_primitive::<UInt8Type>().values().to_vec(),
        [20, 21, 22, 23]
    );
}

#[test]
fn refusals_name_the_column_and_row() {
    let schema = Arc::new(Schema::new(vec![
        Field::new(
            "name",
            DataType::FixedSizeList(Arc::new(Field::new_list_field(DataType::UInt8, false)), 32),
            true,
        ),
        Field::new("age", DataType::Int32, true),
        Field::new("salary", DataType::Float64, true),
    ]));
    let names = arrow::to_record_batch(&Records::from_slice(
        &[Person {
            name: [1; 32],
            age: 1,
            salary: 1.0,
        }; 3],
    ))
    .unwrap()
    .column(0)
    .clone();
    let ages: ArrayRef = Arc::new(Int32Array::from(vec![Some(30), Some(40), None]));
    let salaries: ArrayRef = Arc::new(Float64Array::from(vec![1.0, 2.0, 3.0]));
    let batch =
        RecordBatch::try_new(schema.clone(), vec![names.clone(), ages, salaries.clone()]).unwrap();
    match arrow::from_record_batch::<Person>(&batch) {
        Err(ArrowConvertError::Null { column, row }) => {
            assert_eq!((column.as_str(), row), ("age", 2))
        }
        other => panic!("expected a null error, got {other:?}"),
    }

    let wrong = Arc::new(Schema::new(vec![
        schema.field(0).clone(),
        Field::new("age", DataType::Float64, false),
        schema.field(2).clone(),
    ]));
    let batch = RecordBatch::try_new(
        wrong,
        vec![names.clone(), salaries.clone(), salaries.clone()],
    )
    .unwrap();
    match arrow::from_record_batch::<Person>(&batch) {
        Err(ArrowConvertError::TypeMismatch {
            column,
            expected,
            found,
        }) => {
            assert_eq!(
                (column.as_str(), expected, found),
                ("age", DataType::Int32, DataType::Float64)
            );
        }
        other => panic!("expected a type mismatch, got {other:?}"),
    }

    let two = Arc::new(Schema::new(vec![
        schema.field(0).clone(),
        schema.field(2).clone(),
    ]));
    let batch = RecordBatch::try_new(two, vec![names.clone(), salaries.clone()]).unwrap();
    match arrow::from_record_batch::<Person>(&batch) {
        Err(ArrowConvertError::MissingColumn { column, found }) => {
            assert_eq!(column, "age");
            assert_eq!(found, ["name", "salary"]);
        }
        other => panic!("expected a missing column, got {other:?}"),
    }

    let mut fields: Vec<Field> = schema.fields().iter().map(|f| f.as_ref().clone()).collect();
    fields.push(Field::new("bonus", DataType::Float64, false));
    let ages: ArrayRef = Arc::new(Int32Array::from(vec![1, 2, 3]));
    let batch = RecordBatch::try_new(
        Arc::new(Schema::new(fields)),
        vec![names, ages, salaries.clone(), salaries],
    )
    .unwrap();
    assert!(matches!(
        arrow::from_record_batch::<Person>(&batch),
        Err(ArrowConvertError::ExtraColumn { column }) if column == "bonus"
    ));
}

#[test]
fn unicode_and_date_limits() {
    let dtype = Dtype::parse("[('u', '<U2')]").unwrap();
    let text: ArrayRef = Arc::new(StringArray::from(vec!["ab", "abc"]));
    let batch = RecordBatch::try_from_iter([("u", text)]).unwrap();
    match arrow::record_batch_to_bytes(&batch, &dtype) {
        Err(ArrowConvertError::StringTooLong {
            column,
            row,
            chars,
            capacity,
        }) => {
            assert_eq!((column.as_str(), row, chars, capacity), ("u", 1, 3, 2));
        }
        other => panic!("expected a long string, got {other:?}"),
    }
    // A lone surrogate is not text.
    let mut bytes = vec![0u8; 8];
    bytes[4..8].copy_from_slice(&0xD800u32.to_le_bytes());
    match arrow::bytes_to_record_batch(&bytes, &dtype) {
        Err(ArrowConvertError::InvalidChar { column, row, code }) => {
            assert_eq!((column.as_str(), row, code), ("u", 0, 0xD800));
        }
        other => panic!("expected an invalid char, got {other:?}"),
    }
    let days = Dtype::parse("[('d', '<M8[D]')]").unwrap();
    let bytes: Vec<u8> = [0i64, 1 << 40]
        .iter()
        .flat_map(|d| d.to_le_bytes())
        .collect();
    match arrow::bytes_to_record_batch(&bytes, &days) {
        Err(ArrowConvertError::OutOfRange {
            column, row, value, ..
        }) => {
            assert_eq!((column.as_str(), row, value), ("d", 1, 1 << 40));
        }
        other => panic!("expected out of range, got {other:?}"),
    }
}

#[test]
fn unsupported_families_are_named() {
    for (descr, column) in [
        ("[('x', '<f4'), ('big', '<f16')]", "big"),
        ("[('t', '<M8[h]')]", "t"),
        ("[('t', '<m8')]", "t"),
        ("[('z', '<c32')]", "z"),
        ("[('n', [('w', '<M8[W]')])]", "n.w"),
        ("[('a', '<M8[Y]', (2,))]", "a[]"),
    ] {
        let dtype = Dtype::parse(descr).unwrap();
        match arrow::schema_for(&dtype) {
            Err(ArrowConvertError::Unsupported { column: got, .. }) => {
                assert_eq!(got, column, "{descr}")
            }
            other => panic!("{descr}: expected unsupported, got {other:?}"),
        }
    }
}

#[test]
fn column_view_is_zero_copy() {
    let people: Vec<Person> = (0..100)
        .map(|i| Person {
            name: [i as u8; 32],
            age: i,
            salary: f64::from(i),
        })
        .collect();
    let batch = arrow::to_record_batch(&Records::from_slice(&people)).unwrap();
    let salary = column(&batch, "salary");
    let view = arrow::column_view::<f64>(salary.as_ref()).unwrap();
    let buffer = salary
        .as_primitive::<Float64Type>()
        .values()
        .inner()
        .as_ptr();
    assert_eq!(view.as_slice().unwrap().as_ptr().cast::<u8>(), buffer);
    assert_eq!(
        view.iter().sum::<f64>(),
        (0..100).map(f64::from).sum::<f64>()
    );
    let names = arrow::column_view::<[u8; 32]>(column(&batch, "name").as_ref()).unwrap();
    assert_eq!(names.get(7), Some([7; 32]));
    let sliced = salary.slice(10, 5);
    assert_eq!(
        arrow::column_view::<f64>(sliced.as_ref()).unwrap().to_vec(),
        [10.0, 11.0, 12.0, 13.0, 14.0]
    );
    assert!(matches!(
        arrow::column_view::<f32>(salary.as_ref()),
        Err(ArrowConvertError::TypeMismatch { .. })
    ));
    assert!(
        matches!(
            arrow::column_view::<Be<f64>>(salary.as_ref()),
            Err(ArrowConvertError::Unsupported { .. })
        ) || cfg!(target_endian = "big")
    );
}

fn people(n: usize) -> Vec<Person> {
    (0..n)
        .map(|i| Person {
            name: [b'a' + (i % 26) as u8; 32],
            age: (i % 90) as i32,
            salary: i as f64 * 10.5,
        })
        .collect()
}

#[test]
fn streamed_parquet_and_ipc_read_back() {
    use typed_layout::ext::arrow_ipc::reader::FileReader;
    use typed_layout::ext::parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let people = people(5000);
    let mut file = Vec::new();
    npy::write_slice(&mut file, &people).unwrap();
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    for (format, compression, name) in [
        (
            OutputFormat::Parquet,
            ParquetCompression::Snappy,
            "people-snappy.parquet",
        ),
        (
            OutputFormat::Parquet,
            ParquetCompression::Zstd(3),
            "people-zstd.parquet",
        ),
        (
            OutputFormat::Parquet,
            ParquetCompression::Lz4,
            "people-lz4.parquet",
        ),
        (
            OutputFormat::Parquet,
            ParquetCompression::None,
            "people-none.parquet",
        ),
        (
            OutputFormat::ArrowIpc,
            ParquetCompression::None,
            "people.arrow",
        ),
    ] {
        let path = dir.join(format!("{}-{name}", std::process::id()));
        let options = ConvertOptions::new(format)
            .compression(compression)
            .batch_bytes(44 * 700);
        let mut last = None;
        let summary = arrow::convert_npy(
            &file[..],
            std::fs::File::create(&path).unwrap(),
            &options,
            |p| last = Some(*p),
        )
        .unwrap();
        assert_eq!((summary.rows, summary.batches), (5000, 8));
        let last = last.unwrap();
        assert_eq!(
            (last.rows_done, last.rows, last.bytes_done, last.bytes),
            (5000, 5000, 220_000, 220_000)
        );
        let batches: Vec<RecordBatch> = match format {
            OutputFormat::Parquet => {
                ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&path).unwrap())
                    .unwrap()
                    .build()
                    .unwrap()
                    .collect::<Result<_, _>>()
                    .unwrap()
            }
            _ => FileReader::try_new(std::fs::File::open(&path).unwrap(), None)
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap(),
        };
        let mut back = Vec::new();
        for batch in &batches {
            back.extend_from_slice(
                arrow::from_record_batch::<Person>(batch)
                    .unwrap()
                    .as_slice(),
            );
        }
        assert!(bits_equal(&back, &people), "{name}");
        std::fs::remove_file(&path).unwrap();
    }
    // The in-memory form writes the same rows.
    let mut ipc = Vec::new();
    let npy = typed_layout::Npy::from_bytes(&file).unwrap();
    let summary = arrow::convert_npy_data(
        &npy,
        &mut ipc,
        &ConvertOptions::new(OutputFormat::ArrowIpc),
        |_| {},
    )
    .unwrap();
    assert_eq!(summary.rows, 5000);
}

#[test]
fn streamed_input_errors() {
    let mut file = Vec::new();
    npy::write_slice(&mut file, &people(100)).unwrap();
    let options = ConvertOptions::new(OutputFormat::Parquet).batch_bytes(1000);
    let short = &file[..file.len() - 10];
    match arrow::convert_npy(short, Vec::new(), &options, |_| {}) {
        Err(ArrowConvertError::Truncated { expected, found }) => {
            assert_eq!((expected, found), (4400, 4390))
        }
        other => panic!("expected truncated, got {other:?}"),
    }
    assert!(matches!(
        arrow::convert_npy(
            &b"PK\x03\x04 not a npy file"[..],
            Vec::new(),
            &options,
            |_| {}
        ),
        Err(ArrowConvertError::Npy(_))
    ));
    assert!(matches!(
        arrow::convert_npy(&file[..5], Vec::new(), &options, |_| {}),
        Err(ArrowConvertError::Npy(_))
    ));
}

/// A dtype of zero bytes (`('a', '<f8', (0,))`) is a typed refusal on every
/// path, as in the streamed conversion, and its error prints.
#[test]
fn zero_byte_records_are_refused() {
    let dtype = Dtype::parse("[('a', '<f8', (0,))]").unwrap();
    assert_eq!(dtype.itemsize(), 0);
    for bytes in [&[][..], &[0u8; 8][..]] {
        let error = typed_layout::arrow::bytes_to_record_batch(bytes, &dtype).unwrap_err();
        let text = error.to_string();
        assert!(text.contains("records of zero bytes"), "{text}");
    }
    let file = npy::header_bytes(&dtype, &[3], false).unwrap();
    let npy = typed_layout::Npy::from_bytes(&file).unwrap();
    let text = typed_layout::arrow::npy_to_record_batch(&npy)
        .unwrap_err()
        .to_string();
    assert!(text.contains("records of zero bytes"), "{text}");
}

/// `[u8; N]` and `Bytes<N>` view both Arrow forms of N bytes a value:
/// `FixedSizeBinary(N)` and `FixedSizeList<UInt8>(N)`, sliced too.
#[test]
fn byte_strings_view_either_arrow_form() {
    use typed_layout::ext::arrow_array::{
        Array, FixedSizeBinaryArray, FixedSizeListArray, UInt8Array,
    };
    use typed_layout::Bytes;
    let rows: [[u8; 3]; 4] = [*b"abc", *b"def", *b"ghi", *b"jkl"];
    let binary = FixedSizeBinaryArray::try_from_iter(rows.iter()).unwrap();
    let list = FixedSizeListArray::new(
        Arc::new(Field::new("item", DataType::UInt8, false)),
        3,
        Arc::new(UInt8Array::from(rows.concat())),
        None,
    );
    for array in [&binary as &dyn Array, &list] {
        assert_eq!(arrow::column_view::<[u8; 3]>(array).unwrap().to_vec(), rows);
        let bytes: Vec<[u8; 3]> = arrow::column_view::<Bytes<3>>(array)
            .unwrap()
            .iter()
            .map(|b| *b.as_bytes())
            .collect();
        assert_eq!(bytes, rows);
    }
    let tail = binary.slice(1, 2);
    assert_eq!(
        arrow::column_view::<[u8; 3]>(&tail).unwrap().to_vec(),
        rows[1..3]
    );
    // Another length is still a mismatch.
    assert!(arrow::column_view::<[u8; 2]>(&binary).is_err());
}

/// `<U0` (`Ucs4<0>`) holds only the empty string: each row converts to
/// "", any other string is refused on the way back, and any number of
/// such records is either converted or refused with a typed error.
#[derive(Clone, Copy, PixelLayout)]
#[repr(C, packed)]
struct WithU0 {
    a: u8,
    u: Ucs4<0>,
}

#[test]
fn zero_width_unicode_fields() {
    let dtype = Dtype::parse("[('a', '|u1'), ('u', '<U0')]").unwrap();
    let batch = arrow::bytes_to_record_batch(&[1, 2, 3], &dtype).unwrap();
    let strings = column(&batch, "u").as_string::<i32>();
    assert_eq!(strings.len(), 3);
    assert!(strings.iter().all(|s| s == Some("")));
    assert_eq!(
        arrow::record_batch_to_bytes(&batch, &dtype)
            .unwrap()
            .as_bytes(),
        [1, 2, 3]
    );

    let records = [WithU0 {
        a: 7,
        u: Ucs4::new([]),
    }; 3];
    let batch = arrow::to_record_batch(&Records::from_slice(&records)).unwrap();
    assert_eq!(batch.num_rows(), 3);

    let a: ArrayRef = Arc::new(typed_layout::ext::arrow_array::UInt8Array::from(vec![1u8]));
    let u: ArrayRef = Arc::new(StringArray::from(vec!["hello"]));
    let schema = Schema::new(vec![
        Field::new("a", DataType::UInt8, false),
        Field::new("u", DataType::Utf8, false),
    ]);
    let batch = RecordBatch::try_new(Arc::new(schema), vec![a, u]).unwrap();
    let error = arrow::record_batch_to_bytes(&batch, &dtype).unwrap_err();
    assert!(
        matches!(
            error,
            ArrowConvertError::StringTooLong {
                chars: 5,
                capacity: 0,
                ..
            }
        ),
        "{error}"
    );

    // As many zero-byte values as a slice can hold: the offsets cannot be
    // allocated, which is a typed error, not a panic or an abort.
    // (An array of a zero-sized type costs nothing to build.)
    let many = [Ucs4::<0>::new([]); usize::MAX];
    let error = arrow::to_record_batch(&Records::from_slice(&many)).unwrap_err();
    assert!(error.to_string().contains("overflows"), "{error}");
}

/// Zero-sized records of any number cost no pass over the rows.
#[test]
fn zero_sized_records_of_any_number() {
    let many = vec![[0u8; 0]; usize::MAX];
    let converted = arrow::to_record_batch(&Records::from_slice(&many));
    if let Ok(batch) = converted {
        assert_eq!(batch.num_rows(), usize::MAX);
    }
}

/// Batch sizes beyond the file or beyond memory: the file is converted
/// whole (a batch never holds more rows than the file), or refused with a
/// typed error, never a panic, an abort or a silently short output.
#[test]
fn batch_options_of_any_size() {
    let mut file = Vec::new();
    npy::write_slice(&mut file, &[1.5f64, 2.5, 3.5]).unwrap();
    let options = [
        ConvertOptions::new(OutputFormat::ArrowIpc).batch_rows(1 << 40),
        ConvertOptions::new(OutputFormat::ArrowIpc).batch_rows((1 << 61) + 1),
        ConvertOptions::new(OutputFormat::ArrowIpc).batch_rows(1 << 62),
        ConvertOptions::new(OutputFormat::Parquet).batch_rows(usize::MAX),
        ConvertOptions::new(OutputFormat::Parquet).batch_bytes(usize::MAX),
    ];
    for options in &options {
        let read = arrow::convert_npy(&file[..], Vec::new(), options, |_| {}).unwrap();
        let npy = Npy::from_bytes(&file).unwrap();
        let data = arrow::convert_npy_data(&npy, Vec::new(), options, |_| {}).unwrap();
        assert_eq!((read.rows, read.batches), (3, 1), "{options:?}");
        assert_eq!((data.rows, data.batches), (3, 1), "{options:?}");
    }
    // A header that declares 2^40 rows, a huge batch asked for: the read
    // buffer cannot be had, a typed error.
    // The 3-row file's header, its shape made 2^40 rows (the padding
    // shortened by as much, so the header keeps its length).
    let header_end = file.iter().position(|&b| b == b'\n').unwrap() + 1;
    let header = std::str::from_utf8(&file[10..header_end]).unwrap();
    let longer = "(1099511627776,)";
    let padding = " ".repeat(longer.len() - "(3,)".len());
    let header = header
        .replacen("(3,)", longer, 1)
        .replacen(&(padding + "\n"), "\n", 1);
    let mut huge = file[..10].to_vec();
    huge.extend_from_slice(header.as_bytes());
    huge.extend_from_slice(&file[header_end..]);
    assert_eq!(huge.len(), file.len());
    let options = ConvertOptions::new(OutputFormat::ArrowIpc).batch_rows(1 << 40);
    let error = arrow::convert_npy(&huge[..], Vec::new(), &options, |_| {}).unwrap_err();
    assert!(
        error.to_string().contains("a batch of 8796093022208 bytes"),
        "{error}"
    );
}
