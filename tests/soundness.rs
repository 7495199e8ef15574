//! Issue-12 regressions on the view side: extreme numbers give typed
//! errors (never a panic or an abort, with overflow checks on in debug
//! builds), padded-rows constructors refuse a pitch shorter than a row, and
//! `convert_with` matches channels by their whole layout with no cap on how
//! many it copies.
#![forbid(unsafe_code)]

use typed_layout::{
    convert_with, Column, ColumnMut, ImageBuf, ImageView, ImageViewMut, PixelLayout, RecordBuf,
    Records, RecordsMut, RowTable, ViewError,
};

const EXTREME_USIZE: [usize; 6] = [
    0,
    1,
    usize::MAX,
    usize::MAX - 1,
    1 << 62,
    isize::MAX as usize,
];
const EXTREME_ISIZE: [isize; 7] = [0, 1, -1, isize::MAX, isize::MIN, isize::MIN + 1, 1 << 40];

/// Every constructor of a view over bytes, with every combination of
/// extreme lengths, strides and starts: each returns a value or a typed
/// error (a panic would fail the test, an abort would kill it).
#[test]
fn view_constructors_take_extreme_numbers() {
    let mut bytes = vec![0u8; 64];
    let mut outcomes = 0usize;
    for &start in &EXTREME_USIZE {
        for &len in &EXTREME_USIZE {
            for &stride in &EXTREME_ISIZE {
                let _ = Records::<u32>::from_bytes_strided(&bytes, start, len, stride);
                let _ = RecordsMut::<u32>::from_bytes_strided_mut(&mut bytes, start, len, stride);
                let _ = Column::<u16>::from_bytes(&bytes, start, len, stride);
                let _ = ColumnMut::<u16>::from_bytes_mut(&mut bytes, start, len, stride);
                for &height in &EXTREME_USIZE {
                    for &row in &EXTREME_ISIZE {
                        let _ = ImageView::<[u8; 3]>::from_bytes_strided(
                            &bytes, start, len, height, stride, row,
                        );
                        let _ = ImageViewMut::<[u8; 3]>::from_bytes_strided_mut(
                            &mut bytes, start, len, height, stride, row,
                        );
                        outcomes += 1;
                    }
                    let _ = ImageView::<u16>::from_bytes(&bytes, len, height, start);
                    let _ = ImageViewMut::<u16>::from_bytes_mut(&mut bytes, len, height, start);
                }
            }
        }
    }
    assert_eq!(outcomes, 6 * 6 * 7 * 6 * 7);
}

/// Owned buffers of extreme sizes are refused with the numbers, never by
/// aborting the process on a failed allocation.
#[test]
fn owned_buffers_refuse_extreme_sizes_with_typed_errors() {
    assert_eq!(
        RecordBuf::<u8>::zeroed(isize::MAX as usize - 64).err(),
        Some(ViewError::AllocationFailed {
            bytes: isize::MAX as usize - 64,
            align: 64
        })
    );
    assert_eq!(
        RecordBuf::<u64>::zeroed(usize::MAX / 4).err(),
        Some(ViewError::TooLarge {
            len: usize::MAX / 4,
            elem_size: 8
        })
    );
    assert_eq!(
        ImageBuf::<u8>::with_row_alignment(1, 1, 1 << 62).err(),
        Some(ViewError::AllocationFailed {
            bytes: 1 << 62,
            align: 64
        })
    );
    assert_eq!(
        ImageBuf::<u8>::with_row_alignment(usize::MAX, 2, 1).err(),
        Some(ViewError::ImageTooLarge {
            width: usize::MAX,
            height: 2,
            pixel_size: 1,
            row_align: 1
        })
    );
    assert_eq!(
        RecordBuf::from_slice(&[[0u64; 0]; 5]).err(),
        Some(ViewError::ZeroSizedElement { type_name: "array" })
    );
    assert_eq!(
        ImageView::<u8>::from_slice(&[], usize::MAX, 2).err(),
        Some(ViewError::ShapeOverflow {
            width: usize::MAX,
            height: 2
        })
    );
}

/// Steps, windows, crops and chunks of extreme sizes on huge broadcast
/// views: typed errors or values, never a panic.
#[test]
fn adaptors_take_extreme_numbers() {
    let one = 7u8;
    let huge = ImageView::repeat(&one, usize::MAX, usize::MAX);
    for &n in &EXTREME_USIZE {
        let _ = huge.step(n, n);
        let _ = huge.crop(n, n, n, n);
        let _ = huge.windows(n, n).map(|mut w| w.next());
        let _ = huge.row(n);
        let column = Column::repeat(&one, n);
        let _ = column.step_by(n);
        let _ = column.range(n..);
        let _ = column.windows(n).map(|mut w| w.next());
        let _ = Records::from_slice(&[1u8, 2]).split_at(n);
    }
    assert_eq!(
        huge.crop(1, 1, usize::MAX, 1).err(),
        Some(ViewError::RangeOverflow {
            start: 1,
            len: usize::MAX
        })
    );
}

/// A pitch given in pixels instead of bytes (or zero) made overlapping
/// rows; the padded-rows constructors refuse it with both numbers, and
/// the strided constructor still allows overlapping rows on purpose.
#[test]
fn padded_rows_need_a_whole_row_per_pitch() {
    #[derive(Clone, Copy, PixelLayout)]
    #[repr(C)]
    struct Bgra8 {
        b: u8,
        g: u8,
        r: u8,
        a: u8,
    }
    let mut bytes = vec![0u8; 4 * 8 * 8];
    for pitch in [0usize, 1, 8, 31] {
        let refused = ViewError::PitchTooSmall {
            pitch,
            row_bytes: 32,
        };
        assert_eq!(
            ImageView::<Bgra8>::from_bytes(&bytes, 8, 8, pitch).err(),
            Some(refused)
        );
        assert_eq!(
            ImageViewMut::<Bgra8>::from_bytes_mut(&mut bytes, 8, 8, pitch).err(),
            Some(refused)
        );
    }
    let message = ImageView::<Bgra8>::from_bytes(&bytes, 8, 8, 8)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        message.contains("pitch) of 8 bytes is shorter than a row of pixels (32 bytes)"),
        "{message}"
    );
    assert!(ImageView::<Bgra8>::from_bytes(&bytes, 8, 8, 32).is_ok());
    // Overlapping rows, deliberately, read-only.
    let overlapping = ImageView::<Bgra8>::from_bytes_strided(&bytes, 0, 8, 8, 4, 4);
    assert!(overlapping.is_ok());
    assert_eq!(
        ImageView::<u8>::from_bytes(&bytes, 1, 1, usize::MAX).err(),
        Some(ViewError::StrideTooLarge { stride: usize::MAX })
    );
}

mod first {
    use typed_layout::PixelLayout;
    /// Same name as `second::Inner`, different fields.
    #[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
    #[repr(C)]
    pub struct Inner {
        pub lo: u16,
        pub hi: u16,
    }
}

mod second {
    use typed_layout::PixelLayout;
    #[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
    #[repr(C)]
    pub struct Inner {
        pub hi: u16,
        pub lo: u16,
    }
}

/// Channels match by name and whole layout, recursively: an array of two
/// `u16` is not a `u32`, and two modules' structs called `Inner` match
/// only if their fields do.
#[test]
fn convert_with_matches_the_whole_layout() -> Result<(), ViewError> {
    #[derive(Clone, Copy, PixelLayout)]
    #[repr(C)]
    struct Src {
        x: [u16; 2],
        y: u32,
        n: first::Inner,
        m: first::Inner,
    }
    #[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
    #[repr(C)]
    struct Dst {
        x: u32,
        y: u32,
        n: second::Inner,
        m: first::Inner,
    }
    let source = [Src {
        x: [0x1111, 0x2222],
        y: 5,
        n: first::Inner { lo: 1, hi: 2 },
        m: first::Inner { lo: 3, hi: 4 },
    }];
    let fill = Dst {
        x: 0xdead,
        y: 0,
        n: second::Inner { hi: 9, lo: 9 },
        m: first::Inner { lo: 0, hi: 0 },
    };
    let mut target = [fill];
    convert_with(
        &ImageView::from_slice(&source, 1, 1)?,
        &mut ImageViewMut::from_slice_mut(&mut target, 1, 1)?,
        fill,
    )?;
    assert_eq!(
        target[0],
        Dst {
            x: 0xdead,
            y: 5,
            n: second::Inner { hi: 9, lo: 9 },
            m: first::Inner { lo: 3, hi: 4 },
        }
    );
    Ok(())
}

/// A nested record's name counts, as in `convert` (whose field types must
/// be equal): lengths in metres are not copied into a field in feet.
#[test]
fn convert_with_compares_record_names() -> Result<(), ViewError> {
    #[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
    #[repr(C)]
    struct Meters {
        v: f64,
    }
    #[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
    #[repr(C)]
    struct Feet {
        v: f64,
    }
    #[derive(Clone, Copy, PixelLayout)]
    #[repr(C)]
    struct Src {
        length: Meters,
        width: Meters,
    }
    #[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
    #[repr(C)]
    struct Dst {
        length: Feet,
        width: Meters,
    }
    let source = [Src {
        length: Meters { v: 100.0 },
        width: Meters { v: 2.0 },
    }];
    let fill = Dst {
        length: Feet { v: -1.0 },
        width: Meters { v: -1.0 },
    };
    let mut target = [fill];
    convert_with(
        &ImageView::from_slice(&source, 1, 1)?,
        &mut ImageViewMut::from_slice_mut(&mut target, 1, 1)?,
        fill,
    )?;
    assert_eq!(
        target[0],
        Dst {
            length: Feet { v: -1.0 },
            width: Meters { v: 2.0 },
        }
    );
    Ok(())
}

/// Two records sharing the 70 one-byte channels `c0` to `c69`: `Wide` has
/// only them, `WideAndMore` has four more bytes first.
macro_rules! wide_records {
    ($($channel:ident)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
        #[repr(C)]
        struct Wide {
            $($channel: u8,)*
        }

        #[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
        #[repr(C)]
        struct WideAndMore {
            extra: u8,
            wide: [u8; 3],
            $($channel: u8,)*
        }
    };
}

wide_records!(
    c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 c16 c17 c18 c19 c20 c21 c22 c23 c24 c25 c26 c27 c28 c29 c30 c31 c32 c33 c34 c35 c36 c37 c38 c39 c40 c41 c42 c43 c44 c45 c46 c47 c48 c49 c50 c51 c52 c53 c54 c55 c56 c57 c58 c59 c60 c61 c62 c63 c64 c65 c66 c67 c68 c69
);

/// More than 64 channels: every one is copied (the 65th on used to keep
/// the fill value), through `convert_with` and a row table.
#[test]
fn convert_with_copies_every_channel_of_wide_records() -> Result<(), ViewError> {
    let mut bytes = [0u8; 74];
    for (i, byte) in bytes.iter_mut().enumerate() {
        *byte = i as u8 + 1;
    }
    let source: WideAndMore = *Records::<WideAndMore>::from_bytes(&bytes)?
        .get(0)
        .expect("one record");
    let fill = *Records::<Wide>::from_bytes(&[0xee; 70])?
        .get(0)
        .expect("one");
    let mut target = [fill];
    convert_with(
        &ImageView::from_slice(&[source], 1, 1)?,
        &mut ImageViewMut::from_slice_mut(&mut target, 1, 1)?,
        fill,
    )?;
    let expected: Vec<u8> = (5..75).collect();
    let got = Records::from_slice(&target)
        .column_at::<[u8; 70]>(0)?
        .get(0);
    assert_eq!(got.map(|a| a.to_vec()), Some(expected.clone()));

    let row = [source];
    let rows = [&row[..]];
    let mut packed = [fill];
    RowTable::new(&rows)?
        .convert_with_to(&mut ImageViewMut::from_slice_mut(&mut packed, 1, 1)?, fill)?;
    let got = Records::from_slice(&packed)
        .column_at::<[u8; 70]>(0)?
        .get(0);
    assert_eq!(got.map(|a| a.to_vec()), Some(expected));
    Ok(())
}

/// Every error prints, whatever its numbers: a variant may be built by
/// the caller (or reached through a path that checks less, as a zero-byte
/// dtype did in the Arrow conversion) with zeros or extremes, and its
/// message must not divide by them or overflow.
#[test]
fn every_error_displays_with_zero_and_extreme_numbers() {
    for n in [0usize, 1, 7, usize::MAX] {
        for s in [0isize, 1, -1, isize::MIN, isize::MAX] {
            let w = n as u128 * 3;
            let errors = [
                ViewError::ZeroSizedElement {
                    type_name: "[u8; 0]",
                },
                ViewError::LengthNotMultiple {
                    len: n,
                    elem_size: 0,
                },
                ViewError::LengthNotMultiple {
                    len: n,
                    elem_size: n,
                },
                ViewError::Misaligned {
                    required: n,
                    address_remainder: n,
                    stride_remainder: n,
                },
                ViewError::OutOfBounds {
                    needed: w,
                    available: n,
                },
                ViewError::BeforeStart { bytes_before: w },
                ViewError::Overflow { len: n, stride: s },
                ViewError::StrideTooLarge { stride: n },
                ViewError::PitchTooSmall {
                    pitch: n,
                    row_bytes: w,
                },
                ViewError::ShapeOverflow {
                    width: n,
                    height: n,
                },
                ViewError::TooLarge {
                    len: n,
                    elem_size: n,
                },
                ViewError::ImageTooLarge {
                    width: n,
                    height: n,
                    pixel_size: n,
                    row_align: n,
                },
                ViewError::AllocationFailed { bytes: n, align: n },
                ViewError::ZeroChunk { unit: "row" },
                ViewError::Aliasing {
                    stride: s,
                    needed: n,
                },
                ViewError::IndexOutOfBounds { index: n, len: n },
                ViewError::RangeOverflow { start: n, len: n },
                ViewError::InvalidRange { start: n, end: 0 },
                ViewError::ZeroStep,
                ViewError::LengthMismatch {
                    expected: n,
                    given: 0,
                },
                ViewError::ShapeMismatch {
                    expected: (n, 0),
                    given: (0, n),
                },
                ViewError::RowLengthMismatch {
                    row: n,
                    len: 0,
                    expected: n,
                },
                ViewError::InvalidWindow {
                    width: n,
                    height: 0,
                },
                ViewError::InvalidAlignment { align: n },
                ViewError::FieldOutOfRecord {
                    offset: n,
                    field_size: n,
                    record_size: 0,
                },
                ViewError::FieldOverlap {
                    offset: n,
                    next_free: n,
                },
            ];
            for error in errors {
                let text = error.to_string();
                assert!(!text.is_empty(), "{error:?}");
            }
        }
    }
    // The zero-byte case says what is wrong rather than dividing by it.
    let text = ViewError::LengthNotMultiple {
        len: 12,
        elem_size: 0,
    }
    .to_string();
    assert!(text.contains("records of 0 bytes"), "{text}");
}

#[cfg(any(feature = "image", feature = "ndarray"))]
#[test]
fn interop_errors_display_with_zero_sizes() {
    for stride in [0isize, 3, isize::MIN, isize::MAX] {
        for elem_size in [0usize, 8] {
            let error = typed_layout::InteropError::StrideNotWholeElements { stride, elem_size };
            assert!(error.to_string().contains("stride of"), "{error:?}");
        }
    }
}
