//! Property tests: every view against a slow oracle that works on bytes.
#![forbid(unsafe_code)]

use proptest::prelude::*;
use typed_layout::{
    Be, Column, ColumnMut, Le, PixelLayout, RecordBuf, Records, RecordsMut, ViewError,
};

#[path = "support/types.rs"]
mod types;
use types::{AlignedPerson, Person, PersonColumnsMut};

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C, packed)]
struct BigEndianPerson {
    name: [u8; 32],
    age: Be<i32>,
    salary: Be<f64>,
}

/// Oracle: the person at byte `at`, decoded field by field from the bytes.
fn decode_person(bytes: &[u8], at: usize) -> ([u8; 32], i32, f64) {
    let name: [u8; 32] = bytes[at..at + 32].try_into().unwrap();
    let age = i32::from_ne_bytes(bytes[at + 32..at + 36].try_into().unwrap());
    let salary = f64::from_ne_bytes(bytes[at + 36..at + 44].try_into().unwrap());
    (name, age, salary)
}

/// Oracle: the byte ranges a 1-D view would reach, or `None` if any byte
/// falls outside `0..buf_len`.
fn element_ranges(
    buf_len: usize,
    start: usize,
    len: usize,
    stride: isize,
    size: usize,
) -> Option<Vec<std::ops::Range<usize>>> {
    if start > buf_len {
        return None;
    }
    (0..len)
        .map(|i| {
            let at = start as i128 + i as i128 * stride as i128;
            let end = at + size as i128;
            (at >= 0 && end <= buf_len as i128).then_some(at as usize..end as usize)
        })
        .collect()
}

fn aligned_buffer(len: usize) -> RecordBuf<u8> {
    let mut buf = RecordBuf::<u8>::zeroed(len).unwrap();
    for (i, byte) in buf.as_mut_slice().iter_mut().enumerate() {
        *byte = (i * 31 % 251) as u8;
    }
    buf
}

proptest! {
    #[test]
    fn from_bytes_accepts_exactly_whole_aligned_buffers(len in 0usize..400, offset in 0usize..16) {
        let buf = aligned_buffer(len + offset);
        let bytes = &buf.as_bytes()[offset..];
        let address = bytes.as_ptr() as usize;

        let packed = Records::<Person>::from_bytes(bytes);
        prop_assert_eq!(packed.is_ok(), len % 44 == 0);
        if let Err(error) = packed {
            prop_assert_eq!(error, ViewError::LengthNotMultiple { len, elem_size: 44 });
        }

        let aligned = Records::<AlignedPerson>::from_bytes(bytes);
        match aligned {
            Ok(records) => {
                prop_assert!(len % 48 == 0 && address.is_multiple_of(8));
                prop_assert_eq!(records.len(), len / 48);
            }
            Err(ViewError::LengthNotMultiple { len: got, elem_size: 48 }) => {
                prop_assert_eq!(got, len);
                prop_assert!(len % 48 != 0);
            }
            Err(ViewError::Misaligned { required: 8, address_remainder, .. }) => {
                prop_assert_eq!(address_remainder, address % 8);
                prop_assert!(len % 48 == 0 && !address.is_multiple_of(8));
            }
            Err(other) => prop_assert!(false, "unexpected error {other}"),
        }
    }

    #[test]
    fn columns_read_the_fields_of_each_record(count in 0usize..40, offset in 0usize..8) {
        let buf = aligned_buffer(count * 44 + offset);
        let bytes = &buf.as_bytes()[offset..];
        let people = Records::<Person>::from_bytes(bytes).unwrap();
        let columns = people.columns();
        prop_assert_eq!(columns.salary.len(), count);
        for i in 0..count {
            let (name, age, salary) = decode_person(bytes, i * 44);
            let record = *people.get(i).unwrap();
            prop_assert_eq!({ record.name }, name);
            prop_assert_eq!({ record.age }, age);
            prop_assert_eq!({ record.salary }.to_bits(), salary.to_bits());
            prop_assert_eq!(columns.name.get(i), Some(name));
            prop_assert_eq!(columns.age.get(i), Some(age));
            prop_assert_eq!(columns.salary.get(i).map(f64::to_bits), Some(salary.to_bits()));
        }
        let salaries: Vec<u64> = columns.salary.iter().map(f64::to_bits).collect();
        let expected: Vec<u64> = (0..count).map(|i| decode_person(bytes, i * 44).2.to_bits()).collect();
        prop_assert_eq!(salaries, expected);
        prop_assert_eq!(columns.age.get(count), None);
    }

    #[test]
    fn strided_columns_reach_only_in_bounds_bytes(
        buf_len in 0usize..300,
        start in 0usize..320,
        len in 0usize..40,
        stride in -40isize..40,
    ) {
        let buf = aligned_buffer(buf_len);
        let bytes = buf.as_bytes();
        let oracle = element_ranges(buf_len, start, len, stride, 4);
        match Column::<u32>::from_bytes(bytes, start, len, stride) {
            Ok(column) => {
                let ranges = oracle.expect("accepted view must be in bounds");
                let got: Vec<u32> = column.iter().collect();
                let want: Vec<u32> = ranges
                    .iter()
                    .map(|r| u32::from_ne_bytes(bytes[r.clone()].try_into().unwrap()))
                    .collect();
                prop_assert_eq!(&got, &want);
                let backwards: Vec<u32> = column.iter().rev().collect();
                prop_assert_eq!(backwards, want.iter().rev().copied().collect::<Vec<_>>());
            }
            Err(ViewError::OutOfBounds { needed, available }) => {
                prop_assert!(oracle.is_none());
                prop_assert_eq!(available, buf_len);
                prop_assert!(needed > buf_len as u128);
            }
            Err(ViewError::BeforeStart { bytes_before }) => {
                prop_assert!(oracle.is_none());
                prop_assert!(bytes_before > 0);
            }
            Err(other) => prop_assert!(false, "unexpected error {other}"),
        }
    }

    #[test]
    fn mutable_strided_columns_never_alias(
        buf_len in 0usize..200,
        start in 0usize..200,
        len in 0usize..30,
        stride in -12isize..12,
    ) {
        let mut buf = aligned_buffer(buf_len);
        let oracle = element_ranges(buf_len, start, len, stride, 4);
        let disjoint = oracle.as_ref().map(|ranges| {
            let mut used = vec![false; buf_len];
            ranges.iter().all(|r| r.clone().all(|b| !std::mem::replace(&mut used[b], true)))
        });
        let before = buf.as_bytes().to_vec();
        match ColumnMut::<u32>::from_bytes_mut(buf.as_bytes_mut(), start, len, stride) {
            Ok(mut column) => {
                prop_assert_eq!(disjoint, Some(true));
                column.fill(u32::MAX);
                let ranges = oracle.unwrap();
                let after = buf.as_bytes();
                for (b, (&old, &new)) in before.iter().zip(after).enumerate() {
                    let inside = ranges.iter().any(|r| r.contains(&b));
                    prop_assert_eq!(new, if inside { 0xFF } else { old });
                }
            }
            Err(ViewError::Aliasing { stride: got, needed: 4 }) => {
                prop_assert_eq!(got, stride);
                prop_assert_eq!(disjoint, Some(false));
            }
            Err(ViewError::OutOfBounds { .. } | ViewError::BeforeStart { .. }) => {
                prop_assert!(oracle.is_none());
            }
            Err(other) => prop_assert!(false, "unexpected error {other}"),
        }
    }

    #[test]
    fn huge_strides_and_lengths_are_rejected_without_panicking(
        start in any::<usize>(),
        len in any::<usize>(),
        stride in any::<isize>(),
    ) {
        let buf = aligned_buffer(64);
        let accepted = Column::<u64>::from_bytes(buf.as_bytes(), start, len, stride).is_ok();
        let plausible = element_ranges(64, start, len.min(70), stride, 8).is_some();
        if accepted {
            prop_assert!(plausible);
        }
        let _ = Records::<u64>::from_bytes_strided(buf.as_bytes(), start, len, stride);
    }

    #[test]
    fn ranges_steps_and_reversal_match_a_vec(
        values in proptest::collection::vec(any::<u16>(), 0..60),
        a in 0usize..70,
        b in 0usize..70,
        step in 0usize..8,
    ) {
        let records = Records::from_slice(&values);
        match records.range(a..b) {
            Ok(sub) => prop_assert_eq!(sub.to_vec(), values[a..b].to_vec()),
            Err(_) => prop_assert!(a > b || b > values.len()),
        }
        match records.step_by(step) {
            Ok(stepped) => {
                prop_assert_eq!(stepped.to_vec(), values.iter().copied().step_by(step).collect::<Vec<_>>());
            }
            Err(error) => prop_assert_eq!(error, ViewError::ZeroStep),
        }
        let reversed: Vec<u16> = records.reversed().iter().copied().collect();
        prop_assert_eq!(reversed, values.iter().rev().copied().collect::<Vec<_>>());
    }

    #[test]
    fn columns_mut_write_only_their_field(count in 1usize..30, raise in 1.0f64..2.0) {
        let original = aligned_buffer(count * 44);
        let mut buf = original.clone();
        let mut people = RecordsMut::<Person>::from_bytes_mut(buf.as_bytes_mut()).unwrap();
        let PersonColumnsMut { mut age, mut salary, .. } = people.columns_mut();
        salary.update(|s| s * raise);
        age.for_each_mut(|a| *a = a.wrapping_add(1));
        for i in 0..count {
            let (name0, age0, salary0) = decode_person(original.as_bytes(), i * 44);
            let (name1, age1, salary1) = decode_person(buf.as_bytes(), i * 44);
            prop_assert_eq!(name1, name0);
            prop_assert_eq!(age1, age0.wrapping_add(1));
            prop_assert_eq!(salary1.to_bits(), (salary0 * raise).to_bits());
        }
    }

    #[test]
    fn byte_order_wrappers_round_trip(x in any::<u64>(), y in any::<i32>(), z in any::<f64>()) {
        prop_assert_eq!(Be::new(x).get(), x);
        prop_assert_eq!(Le::new(x).get(), x);
        prop_assert_eq!(Be::new(x).to_bytes(), x.to_be_bytes());
        prop_assert_eq!(Le::new(y).to_bytes(), y.to_le_bytes());
        prop_assert_eq!(Be::new(z).get().to_bits(), z.to_bits());
    }
}

#[test]
fn big_endian_records_read_values() {
    let mut bytes = Vec::new();
    for i in 0..5i32 {
        bytes.extend_from_slice(&[b'x'; 32]);
        bytes.extend_from_slice(&(20 + i).to_be_bytes());
        bytes.extend_from_slice(&(1000.0 * f64::from(i)).to_be_bytes());
    }
    let people = Records::<BigEndianPerson>::from_bytes(&bytes).unwrap();
    let columns = people.columns();
    let ages: Vec<i32> = columns.age.iter().map(Be::get).collect();
    assert_eq!(ages, [20, 21, 22, 23, 24]);
    let total: f64 = columns.salary.iter().map(Be::get).sum();
    assert_eq!(total, 10_000.0);
}

#[test]
fn split_at_mut_gives_two_disjoint_halves() {
    let mut values = [0u32; 10];
    let mut records = RecordsMut::from_slice_mut(&mut values);
    let (mut left, mut right) = records.split_at_mut(4).unwrap();
    assert_eq!((left.len(), right.len()), (4, 6));
    left.iter_mut().for_each(|v| *v = 1);
    right.iter_mut().for_each(|v| *v = 2);
    assert_eq!(values, [1, 1, 1, 1, 2, 2, 2, 2, 2, 2]);
    let mut records = RecordsMut::from_slice_mut(&mut values);
    assert_eq!(
        records.split_at_mut(11).err(),
        Some(ViewError::IndexOutOfBounds { index: 11, len: 10 })
    );
}

#[test]
fn as_slice_only_when_adjacent_and_aligned() {
    let people = [AlignedPerson {
        name: [0; 32],
        age: 1,
        _pad: [0; 4],
        salary: 2.5,
    }; 4];
    let records = Records::from_slice(&people);
    assert_eq!(records.as_slice().map(<[_]>::len), Some(4));
    assert!(records.step_by(2).unwrap().as_slice().is_none());
    let columns = records.columns();
    assert!(columns.salary.as_slice().is_none());
    assert_eq!(columns.salary.get_ref(3), Some(&2.5));
    let floats = [1.0f32, 2.0, 3.0];
    assert_eq!(Column::from_slice(&floats).as_slice(), Some(&floats[..]));
    let mut out = [0.0; 4];
    assert_eq!(
        columns.salary.copy_to_slice(&mut out[..3]),
        Err(ViewError::LengthMismatch {
            expected: 4,
            given: 3
        })
    );
    columns.salary.copy_to_slice(&mut out).unwrap();
    assert_eq!(out, [2.5; 4]);
}

#[test]
fn strided_records_embedded_in_larger_records() {
    // Every 12-byte row holds an aligned u32 at offset 4.
    let buf = aligned_buffer(12 * 5);
    let picked = Records::<u32>::from_bytes_strided(buf.as_bytes(), 4, 5, 12).unwrap();
    for i in 0..5 {
        let at = 4 + 12 * i;
        let want = u32::from_ne_bytes(buf.as_bytes()[at..at + 4].try_into().unwrap());
        assert_eq!(picked.get(i), Some(&want));
    }
    assert_eq!(
        Records::<u32>::from_bytes_strided(buf.as_bytes(), 2, 5, 12).err(),
        Some(ViewError::Misaligned {
            required: 4,
            address_remainder: 2,
            stride_remainder: 0
        })
    );
}

#[test]
fn errors_say_what_to_do_with_the_numbers() {
    let buf = aligned_buffer(49);
    let error = Records::<AlignedPerson>::from_bytes(&buf.as_bytes()[1..]).unwrap_err();
    assert_eq!(
        error,
        ViewError::Misaligned {
            required: 8,
            address_remainder: 1,
            stride_remainder: 0
        }
    );
    let text = error.to_string();
    assert!(
        text.contains("8-byte alignment") && text.contains("RecordBuf"),
        "{text}"
    );
    let error = Column::<u32>::from_bytes(buf.as_bytes(), 8, 12, 4).unwrap_err();
    assert_eq!(
        error,
        ViewError::OutOfBounds {
            needed: 56,
            available: 49
        }
    );
    assert!(error
        .to_string()
        .contains("needs 56 bytes but the buffer has 49"));
    let error = Column::<u32>::from_bytes(buf.as_bytes(), 4, 3, -4).unwrap_err();
    assert_eq!(error, ViewError::BeforeStart { bytes_before: 4 });
    let error = RecordBuf::<u64>::zeroed(usize::MAX).unwrap_err();
    assert_eq!(
        error,
        ViewError::TooLarge {
            len: usize::MAX,
            elem_size: 8
        }
    );
    let error = Records::<[u8; 0]>::from_bytes(&[]).unwrap_err();
    assert!(matches!(error, ViewError::ZeroSizedElement { .. }));
}

#[test]
fn record_buf_is_zeroed_and_64_byte_aligned() {
    let buf = RecordBuf::<AlignedPerson>::zeroed(1000).unwrap();
    assert_eq!(buf.as_bytes().as_ptr() as usize % 64, 0);
    assert_eq!(buf.as_bytes().len(), 48_000);
    assert!(buf.as_bytes().iter().all(|&b| b == 0));
    assert_eq!(buf.records().columns().salary.iter().sum::<f64>(), 0.0);
    let empty = RecordBuf::<f64>::zeroed(0).unwrap();
    assert!(empty.records().is_empty());
}

#[test]
fn stride_zero_repeats_one_value_read_only() {
    let value = 7u64.to_ne_bytes();
    let repeated = Column::<u64>::from_bytes(&value, 0, 1000, 0).unwrap();
    assert_eq!(repeated.iter().sum::<u64>(), 7000);
    let mut value = value;
    assert_eq!(
        ColumnMut::<u64>::from_bytes_mut(&mut value, 0, 2, 0).err(),
        Some(ViewError::Aliasing {
            stride: 0,
            needed: 8
        })
    );
}

/// Empty views never keep a wild base: a sub-range at the end of a view whose
/// stride points far away, then turned into a slice or iterated. (Found in
/// review: the empty range used to start at `base + len * stride`.)
#[test]
fn empty_sub_views_of_far_strides_are_empty_slices() -> Result<(), ViewError> {
    let bytes = [7u8; 16];
    let addr = bytes.as_ptr() as usize;
    // One element, stride pointing back to address 0: valid (len 1).
    let column = Column::<u8>::from_bytes(&bytes, 0, 1, -(addr as isize))?;
    let empty = column.range(1..1)?;
    assert_eq!(empty.len(), 0);
    assert_eq!(empty.as_slice(), Some(&[][..]));
    assert_eq!(empty.iter().count(), 0);
    assert_eq!(empty.to_vec(), Vec::<u8>::new());

    let records = Records::<u32>::from_bytes_strided(&bytes, 0, 1, 3)?;
    let rest = records.range(1..)?;
    assert_eq!(rest.len(), 0);
    assert_eq!(rest.iter().count(), 0);
    assert!(rest.get(0).is_none());

    let mut buffer = [1u8; 8];
    let addr = buffer.as_ptr() as usize;
    let mut column = ColumnMut::<u8>::from_bytes_mut(&mut buffer, 0, 1, -(addr as isize))?;
    column.update(|v| v + 1);
    assert_eq!(column.get(0), Some(2));
    Ok(())
}

proptest! {
    /// Any accepted column, then any sub-range and step of it (empty ones
    /// at either end included, strides up to the extremes): the values, the
    /// slice form and by-reference access all agree with the byte oracle.
    #[test]
    fn sub_views_of_accepted_columns_match_the_oracle(
        buf_len in 0usize..200,
        start in 0usize..210,
        len in 0usize..24,
        stride in prop_oneof![
            -24isize..24,
            Just(isize::MAX),
            Just(isize::MIN),
            Just(isize::MIN + 1),
            any::<isize>(),
        ],
        (from, to) in (0usize..26, 0usize..26),
        step in 1usize..5,
    ) {
        let buf = aligned_buffer(buf_len);
        let bytes = buf.as_bytes();
        let Ok(column) = Column::<u16>::from_bytes(bytes, start, len, stride) else {
            return Ok(());
        };
        let ranges = element_ranges(buf_len, start, len, stride, 2).expect("accepted means in bounds");
        let (from, to) = (from.min(len), to.min(len));
        let (from, to) = (from.min(to), from.max(to));
        let sub = column.range(from..to).unwrap().step_by(step).unwrap();
        let want: Vec<u16> = ranges[from..to]
            .iter()
            .step_by(step)
            .map(|r| u16::from_ne_bytes([bytes[r.start], bytes[r.start + 1]]))
            .collect();
        prop_assert_eq!(sub.len(), want.len());
        prop_assert_eq!(sub.iter().collect::<Vec<_>>(), want.clone());
        prop_assert_eq!(sub.reversed().iter().rev().collect::<Vec<_>>(), want.clone());
        if let Some(slice) = sub.as_slice() {
            prop_assert_eq!(slice, &want[..]);
        }
        if sub.is_empty() {
            prop_assert_eq!(sub.as_slice(), Some(&[][..]));
        }
        for (i, value) in want.iter().enumerate() {
            if let Some(reference) = sub.get_ref(i) {
                prop_assert_eq!(reference, value);
            }
        }
        // Records hand out references, so they need alignment: use 2-byte
        // arrays (alignment 1) over the same bytes.
        let records = Records::<[u8; 2]>::from_bytes_strided(bytes, start, len, stride).unwrap();
        let sub_records: Vec<u16> = records.range(from..to).unwrap().iter().map(|r| u16::from_ne_bytes(*r)).collect();
        prop_assert_eq!(sub_records, ranges[from..to].iter().map(|r| u16::from_ne_bytes([bytes[r.start], bytes[r.start + 1]])).collect::<Vec<_>>());
    }

    /// `windows(n)` over records and over columns yields every run of `n`
    /// consecutive elements, in order, and nothing else.
    #[test]
    fn record_and_column_windows_are_every_run(
        values in proptest::collection::vec(any::<u32>(), 0..30),
        size in 0usize..8,
    ) {
        let records = Records::from_slice(&values);
        let column = Column::from_slice(&values);
        match (records.windows(size), column.windows(size)) {
            (Ok(record_windows), Ok(column_windows)) => {
                prop_assert!(size > 0);
                let want: Vec<Vec<u32>> = values.windows(size).map(<[u32]>::to_vec).collect();
                let got: Vec<Vec<u32>> = record_windows.map(|w| w.to_vec()).collect();
                prop_assert_eq!(&got, &want);
                let got: Vec<Vec<u32>> = column_windows.map(|w| w.to_vec()).collect();
                prop_assert_eq!(&got, &want);
            }
            (Err(a), Err(b)) => {
                prop_assert_eq!(size, 0);
                prop_assert!(matches!(a, ViewError::InvalidWindow { .. }), "{}", a);
                prop_assert!(matches!(b, ViewError::InvalidWindow { .. }), "{}", b);
            }
            (a, b) => prop_assert!(false, "records and columns disagree: {:?} {:?}", a.is_ok(), b.is_ok()),
        }
    }
}
