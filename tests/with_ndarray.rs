//! The `ndarray` feature: columns, records, images and planes as ndarray
//! views, checked against a byte-level oracle.
#![cfg(feature = "ndarray")]
#![forbid(unsafe_code)]

use proptest::prelude::*;
use typed_layout::ext::ndarray::{Axis, Slice};
use typed_layout::{
    Column, ColumnMut, ImageBuf, ImageView, ImageViewMut, InteropError, PixelLayout, RecordBuf,
    Records, RecordsMut, ViewError,
};

#[path = "support/types.rs"]
mod types;
use types::{AlignedPerson, Bgra8, Person};

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
struct Vertex {
    pos: [f32; 3],
    id: u32,
}

fn filled(len: usize) -> RecordBuf<u8> {
    let mut buf = RecordBuf::<u8>::zeroed(len).unwrap();
    for (i, byte) in buf.as_mut_slice().iter_mut().enumerate() {
        *byte = (i * 31 % 251) as u8;
    }
    buf
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    u16::from_ne_bytes([bytes[at], bytes[at + 1]])
}

#[test]
fn aligned_columns_convert_and_packed_ones_say_why_not() {
    let people: Vec<AlignedPerson> = (0..5)
        .map(|i| AlignedPerson {
            name: [b'a'; 32],
            age: 20 + i,
            _pad: [0; 4],
            salary: 1000.0 * f64::from(i),
        })
        .collect();
    let records = Records::from_slice(&people);
    let salary = records.columns().salary.as_ndarray().unwrap();
    assert_eq!(salary.strides(), &[6]);
    assert_eq!(salary.to_vec(), [0.0, 1000.0, 2000.0, 3000.0, 4000.0]);
    assert_eq!(
        salary.slice_axis(Axis(0), Slice::new(0, None, -2)).to_vec(),
        [4000.0, 2000.0, 0.0]
    );
    let age = records.columns().age.as_ndarray().unwrap();
    assert_eq!(age.sum(), 20 + 21 + 22 + 23 + 24);

    let bytes = vec![0u8; 44 * 4];
    let packed = Records::<Person>::from_bytes(&bytes).unwrap();
    let err = packed.columns().salary.as_ndarray().unwrap_err();
    assert_eq!(
        err,
        InteropError::StrideNotWholeElements {
            stride: 44,
            elem_size: 8
        }
    );
    assert_eq!(
        err.to_string(),
        "stride of 44 bytes is not a whole number of 8-byte elements (5 and 4 bytes), so \
         ndarray/image cannot describe it; copy the values out (copy_to_slice / to_vec) or use \
         an aligned layout"
    );
    // The name column: 44-byte steps of u8 arrays are whole elements.
    let names = packed.columns().name.as_ndarray_of::<u8>().unwrap();
    assert_eq!(
        (names.shape(), names.strides()),
        (&[4, 32][..], &[44, 1][..])
    );
}

#[test]
fn records_of_one_scalar_split_into_a_trailing_axis() {
    let vertices: Vec<Vertex> = (0..4)
        .map(|i| Vertex {
            pos: [i as f32, 10.0 + i as f32, 20.0 + i as f32],
            id: i,
        })
        .collect();
    let records = Records::from_slice(&vertices);
    let pos = records.columns().pos.as_ndarray_of::<f32>().unwrap();
    assert_eq!((pos.shape(), pos.strides()), (&[4, 3][..], &[4, 1][..]));
    assert_eq!(pos.column(1).to_vec(), [10.0, 11.0, 12.0, 13.0]);
    assert_eq!(
        records.as_ndarray_of::<f32>().unwrap_err(),
        InteropError::NotMadeOf {
            type_name: "Vertex",
            scalar: "f32"
        }
    );
    let ids = records.as_ndarray_of::<u32>();
    assert!(matches!(ids, Err(InteropError::NotMadeOf { .. })));
    let whole = records.as_ndarray().unwrap();
    assert_eq!(whole[2], vertices[2]);
}

#[test]
fn mutable_columns_write_through_ndarray() {
    let mut people = [AlignedPerson {
        name: [0; 32],
        age: 30,
        _pad: [0; 4],
        salary: 100.0,
    }; 8];
    let mut records = RecordsMut::from_slice_mut(&mut people);
    let mut columns = records.columns_mut();
    columns
        .salary
        .as_ndarray_mut()
        .unwrap()
        .mapv_inplace(|s| s * 1.1);
    columns
        .age
        .into_ndarray()
        .unwrap()
        .iter_mut()
        .for_each(|a| *a += 1);
    assert!(people
        .iter()
        .all(|p| p.age == 31 && (p.salary - 110.0).abs() < 1e-9));
    assert_eq!(people[3].name, [0; 32]);
}

#[test]
fn images_planes_and_channels() {
    let mut image = ImageBuf::<Bgra8>::with_row_alignment(5, 3, 64).unwrap();
    for y in 0..3 {
        for x in 0..5 {
            let v = (10 * y + x) as u8;
            image
                .as_view_mut()
                .set(
                    x,
                    y,
                    Bgra8 {
                        b: v,
                        g: v + 100,
                        r: v + 200,
                        a: 255,
                    },
                )
                .unwrap();
        }
    }
    let view = image.as_view();
    let red = view.planes().r.as_ndarray().unwrap();
    assert_eq!((red.shape(), red.strides()), (&[3, 5][..], &[64, 4][..]));
    assert_eq!(red[[2, 4]], 224);
    let hwc = view.as_ndarray_of::<u8>().unwrap();
    assert_eq!(hwc.shape(), &[3, 5, 4]);
    assert_eq!(
        hwc.index_axis(Axis(2), 1),
        view.planes().g.as_ndarray().unwrap()
    );
    // Flipped and transposed views are ndarray views with reversed or
    // swapped axes of the same memory.
    let flipped = view.flip_vertical().flip_horizontal().as_ndarray().unwrap();
    assert_eq!(flipped[[0, 0]], view.get(4, 2).unwrap());
    let transposed = view.transpose().planes().b.as_ndarray().unwrap();
    assert_eq!(transposed.shape(), &[5, 3]);
    assert_eq!(transposed[[4, 1]], 14);

    let mut mutable = image.as_view_mut();
    let mut planes = mutable.planes_mut();
    planes.a.as_ndarray_mut().unwrap().fill(7);
    planes
        .b
        .as_ndarray_mut()
        .unwrap()
        .index_axis_mut(Axis(1), 0)
        .fill(9);
    let back = image.as_view();
    assert!(back.pixels().all(|p| p.a == 7));
    assert_eq!(back.get(0, 2).unwrap().b, 9);
    assert_eq!(back.get(1, 2).unwrap().b, 21);
    // Padding bytes between rows are untouched.
    assert!(image.as_bytes()[20..64].iter().all(|&b| b == 0));
}

#[test]
fn empty_misaligned_and_huge_views() {
    let empty: [u32; 0] = [];
    let column = Records::from_slice(&empty).as_ndarray().unwrap();
    assert_eq!(column.len(), 0);

    let bytes = filled(64);
    let odd = Column::<u16>::from_bytes(&bytes.as_bytes()[1..], 0, 4, 2).unwrap();
    assert!(matches!(
        odd.as_ndarray(),
        Err(InteropError::View(ViewError::Misaligned {
            required: 2,
            ..
        }))
    ));

    let one = 5u8;
    let repeated = Column::repeat(&one, usize::MAX);
    assert!(matches!(
        repeated.as_ndarray(),
        Err(InteropError::TooManyElements { .. })
    ));
    let some = Column::repeat(&one, 1000).as_ndarray().unwrap();
    assert_eq!(some.strides(), &[0]);
    assert_eq!(some.iter().map(|&b| u32::from(b)).sum::<u32>(), 5000);

    let broadcast = ImageView::repeat(&7u16, 3, 2).as_ndarray().unwrap();
    assert_eq!(broadcast.strides(), &[0, 0]);
    assert_eq!(broadcast.sum(), 42);
}

proptest! {
    /// Any accepted `u16` column: converts exactly when ndarray can describe
    /// it, and then every element equals the oracle's read of the bytes.
    #[test]
    fn columns_match_the_byte_oracle(
        len in 0usize..24,
        start in 0usize..64,
        stride in -24isize..24,
        buf_len in 0usize..256,
    ) {
        let buf = filled(buf_len);
        let bytes = buf.as_bytes();
        let Ok(column) = Column::<u16>::from_bytes(bytes, start, len, stride) else {
            return Ok(());
        };
        match column.as_ndarray() {
            Ok(array) => {
                prop_assert_eq!(array.len(), len);
                for (i, value) in array.iter().enumerate() {
                    let at = (start as isize + i as isize * stride) as usize;
                    prop_assert_eq!(*value, u16_at(bytes, at));
                }
            }
            Err(InteropError::StrideNotWholeElements { stride: s, elem_size: 2 }) => {
                prop_assert!(len > 1 && s == stride && stride % 2 != 0);
            }
            Err(InteropError::View(ViewError::Misaligned { required: 2, .. })) => {
                prop_assert!(len > 0 && start % 2 == 1);
            }
            Err(other) => prop_assert!(false, "unexpected {other:?}"),
        }
    }

    /// Any accepted mutable image of `[u8; 2]` pixels: the `(h, w, 2)`
    /// ndarray view writes exactly the bytes of the view's pixels.
    #[test]
    fn mutable_images_write_exactly_their_pixels(
        width in 0usize..6,
        height in 0usize..6,
        start in 0usize..64,
        x_stride in -12isize..12,
        y_stride in -40isize..40,
        buf_len in 0usize..200,
    ) {
        let mut buf = filled(buf_len);
        let before = buf.as_bytes().to_vec();
        let Ok(image) = ImageViewMut::<[u8; 2]>::from_bytes_strided_mut(
            buf.as_bytes_mut(), start, width, height, x_stride, y_stride,
        ) else {
            return Ok(());
        };
        let shared = image.as_view().as_ndarray_of::<u8>().unwrap();
        prop_assert_eq!(shared.shape(), &[height, width, 2]);
        let mut array = match image.into_ndarray_of::<u8>() {
            Ok(array) => array,
            Err(InteropError::InterleavedAxes { .. }) => {
                // Only axes of more than one pixel can interleave.
                prop_assert!(width > 1 && height > 1);
                return Ok(());
            }
            Err(other) => return Err(TestCaseError::fail(format!("{other:?}"))),
        };
        array.map_inplace(|b| *b = b.wrapping_add(1));
        let mut expected = before.clone();
        for y in 0..height {
            for x in 0..width {
                let at = (start as isize + x as isize * x_stride + y as isize * y_stride) as usize;
                expected[at] = expected[at].wrapping_add(1);
                expected[at + 1] = expected[at + 1].wrapping_add(1);
            }
        }
        prop_assert_eq!(buf.as_bytes(), &expected[..]);
    }
}

#[test]
fn interleaved_mutable_axes_are_refused_not_a_panic() {
    // 2-byte pixels 4 bytes apart, rows 6 bytes apart: no two pixels share
    // a byte, so the view is valid, but ndarray cannot describe it mutably.
    let mut buf = filled(32);
    let mut image =
        ImageViewMut::<u16>::from_bytes_strided_mut(buf.as_bytes_mut(), 0, 3, 2, 4, 6).unwrap();
    assert_eq!(
        image.as_ndarray_mut().unwrap_err(),
        InteropError::InterleavedAxes {
            stride: 3,
            reach: 4
        }
    );
    let shared = image.as_view().as_ndarray().unwrap();
    assert_eq!(shared[[1, 2]], u16_at(filled(32).as_bytes(), 14));
}

#[test]
fn zero_sized_elements_have_no_strides() {
    let nothing = [[0u8; 0]; 3];
    let column = Records::from_slice(&nothing).as_ndarray().unwrap();
    assert_eq!((column.len(), column.strides()), (3, &[0][..]));
    let repeated = ImageView::repeat(&[0u8; 0], 4, 2).as_ndarray().unwrap();
    assert_eq!(repeated.shape(), &[2, 4]);
    // Mutable: more than one zero-sized element at one address is an
    // overlap by ndarray's rule, refused rather than a debug panic.
    let mut nothing = [[0u8; 0]; 3];
    assert!(matches!(
        RecordsMut::from_slice_mut(&mut nothing).into_ndarray(),
        Err(InteropError::InterleavedAxes { .. })
    ));
}

#[test]
fn column_mut_from_bytes_into_ndarray() {
    let mut buf = filled(40);
    let column = ColumnMut::<u32>::from_bytes_mut(buf.as_bytes_mut(), 4, 4, 8).unwrap();
    let mut array = column.into_ndarray().unwrap();
    array.fill(0xAABB_CCDD);
    let bytes = buf.as_bytes();
    for i in 0..4 {
        let at = 4 + 8 * i;
        assert_eq!(
            u32::from_ne_bytes(bytes[at..at + 4].try_into().unwrap()),
            0xAABB_CCDD
        );
    }
    assert_eq!(bytes[0], 0);
}

/// Zero-sized element types (`[u8; 0]`, `[u32; 0]`) are layout types: every
/// ndarray conversion of them gives the view's shape of zero-sized values
/// (or a typed error), whatever the strides, shared or mutable, whole or in
/// parts; none panics.
#[test]
fn zero_sized_elements_convert_to_their_shape() {
    let bytes = [7u8; 16];
    for stride in [1, 0, 3, -1, 5] {
        let start = if stride < 0 { 4 } else { 0 };
        let column = Column::<[u8; 0]>::from_bytes(&bytes, start, 3, stride).unwrap();
        let array = column.as_ndarray().unwrap();
        assert_eq!((array.shape(), array.strides()), (&[3][..], &[0][..]));
        assert_eq!(array.iter().count(), 3);
        let wide = Column::<[u32; 0]>::from_bytes(&bytes, start, 3, stride).unwrap();
        assert_eq!(wide.as_ndarray().unwrap().shape(), &[3]);
    }
    // A stride-0 column of 2^40 of them: no element is visited to build it.
    let many = Column::<[u8; 0]>::from_bytes(&bytes, 0, 1 << 40, 0).unwrap();
    assert_eq!(many.as_ndarray().unwrap().len(), 1 << 40);
    let image = ImageView::<[u8; 0]>::from_bytes_strided(&bytes, 0, 2, 3, 1, 3).unwrap();
    assert_eq!(image.as_ndarray().unwrap().shape(), &[3, 2]);
    let empty = ImageView::<[u8; 0]>::from_bytes_strided(&bytes, 0, 0, 3, 1, 3).unwrap();
    assert_eq!(empty.as_ndarray().unwrap().shape(), &[3, 0]);
    // Parts: a zero-sized pixel made of zero-sized parts.
    let parts = ImageView::<[[u8; 0]; 3]>::from_bytes_strided(&bytes, 0, 2, 2, 1, 0).unwrap();
    assert_eq!(
        parts.as_ndarray_of::<[u8; 0]>().unwrap().shape(),
        &[2, 2, 3]
    );
    // A zero-sized pixel has no u8 parts: a typed error.
    assert!(matches!(
        image.as_ndarray_of::<u8>(),
        Err(InteropError::PartsDoNotFit {
            parts: 0,
            part_size: 1,
            whole_size: 0
        })
    ));
    // Mutable views: zero strides, so one element at most (more overlap by
    // ndarray's rule: a typed error); writes change no byte.
    let mut bytes = [7u8; 16];
    let mut column = ColumnMut::<[u8; 0]>::from_bytes_mut(&mut bytes, 3, 1, 5).unwrap();
    column.as_ndarray_mut().unwrap().fill([]);
    let column = ColumnMut::<[u32; 0]>::from_bytes_mut(&mut bytes, 1, 5, 3).unwrap();
    assert_eq!(
        column.into_ndarray().unwrap_err(),
        InteropError::InterleavedAxes {
            stride: 0,
            reach: 0
        }
    );
    let image = ImageViewMut::<[u8; 0]>::from_bytes_strided_mut(&mut bytes, 0, 4, 2, 1, 4).unwrap();
    assert!(matches!(
        image.into_ndarray(),
        Err(InteropError::InterleavedAxes { .. })
    ));
    let image =
        ImageViewMut::<[[u8; 0]; 2]>::from_bytes_strided_mut(&mut bytes, 0, 1, 1, 0, 0).unwrap();
    assert!(matches!(
        image.into_ndarray_of::<[u8; 0]>(),
        Err(InteropError::InterleavedAxes { .. })
    ));
    let image =
        ImageViewMut::<[u16; 0]>::from_bytes_strided_mut(&mut bytes, 1, 1, 1, 3, 3).unwrap();
    assert_eq!(image.into_ndarray().unwrap().shape(), &[1, 1]);
    assert_eq!(bytes, [7u8; 16]);
}

/// Messages name array types as Rust writes them, not the field table's
/// `array`.
#[test]
fn not_made_of_names_array_types() {
    let bytes = [0u8; 16];
    let column = Column::<u32>::from_bytes(&bytes, 0, 2, 4).unwrap();
    let error = column.as_ndarray_of::<[u8; 0]>().unwrap_err();
    assert_eq!(
        error,
        InteropError::NotMadeOf {
            type_name: "u32",
            scalar: "[u8; 0]"
        }
    );
    assert!(
        error
            .to_string()
            .starts_with("`u32` is not made only of `[u8; 0]` values"),
        "{error}"
    );
    let pairs = Column::<[u16; 2]>::from_bytes(&bytes, 0, 2, 4).unwrap();
    let error = pairs.as_ndarray_of::<f32>().unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("`[u16; 2]` is not made only of `f32` values"),
        "{error}"
    );
}
