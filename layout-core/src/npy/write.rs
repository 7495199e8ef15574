//! Writing `.npy` files byte for byte as `numpy.save` does.

use super::{check_numpy_shape, elements_per_record, NpyError, MAGIC};
use crate::dtype::DtypeError;
use crate::dtype::{Dtype, DtypeKind, HasDtype};
use crate::layout::PixelLayout;
use crate::records::Records;
use std::boxed::Box;
use std::io::Write;
use std::string::{String, ToString};
use std::vec::Vec;

/// NumPy aligns the data to this many bytes from the file start.
const ARRAY_ALIGN: usize = 64;
/// NumPy leaves room for the growing axis to reach this many digits.
const GROWTH_AXIS_MAX_DIGITS: usize = 21;

/// The header (magic, version, length, dict, padding) NumPy writes for an
/// array of `shape` elements of `dtype`: the dict with sorted keys, spare
/// spaces for the first (C order) or last (Fortran order) axis to grow,
/// padded so the data starts at a multiple of 64 bytes. The version is the
/// oldest that fits: 1.0, else 2.0 (header over 65535 bytes), else 3.0
/// (field names outside latin-1). A sub-array dtype becomes trailing axes.
///
/// ```
/// use typed_layout::{npy, HasDtype};
/// let header = npy::header_bytes(&f64::dtype(), &[3], false)?;
/// assert_eq!(header.len(), 128);
/// # #[cfg(target_endian = "little")]
/// assert!(header.starts_with(b"\x93NUMPY\x01\x00\x76\x00{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }"));
/// # Ok::<(), typed_layout::NpyError>(())
/// ```
///
/// # Errors
///
/// [`NpyError::BadShape`] / [`NpyError::ShapeOverflow`] for shapes NumPy
/// would refuse (more than 64 axes, more than `isize::MAX` bytes),
/// [`NpyError::Descr`] for dtypes NumPy cannot load (16-byte integers),
/// [`NpyError::HeaderTooLong`].
pub fn header_bytes(
    dtype: &Dtype,
    shape: &[usize],
    fortran_order: bool,
) -> Result<Vec<u8>, NpyError> {
    let mut full_shape = shape.to_vec();
    let mut dtype = dtype;
    while dtype.is_sub_array() {
        full_shape.extend_from_slice(dtype.shape());
        dtype = dtype.base();
    }
    check_numpy_shape(&full_shape, dtype.itemsize())?;
    numpy_loads(dtype).map_err(|source| NpyError::Descr {
        source: Box::new(source),
    })?;
    let mut text = String::from("{'descr': ");
    text.push_str(&dtype.descr());
    text.push_str(", 'fortran_order': ");
    text.push_str(if fortran_order { "True" } else { "False" });
    text.push_str(", 'shape': ");
    text.push_str(&shape_repr(&full_shape));
    text.push_str(", }");
    let growing = if fortran_order {
        full_shape.last()
    } else {
        full_shape.first()
    };
    if let Some(dim) = growing {
        let digits = dim.to_string().len();
        text.extend(core::iter::repeat_n(
            ' ',
            GROWTH_AXIS_MAX_DIGITS.saturating_sub(digits),
        ));
    }
    let latin1: Option<Vec<u8>> = text
        .chars()
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect();
    let candidates = [
        ((1u8, 0u8), latin1.clone()),
        ((2, 0), latin1),
        ((3, 0), Some(text.clone().into_bytes())),
    ];
    for ((major, minor), encoded) in candidates {
        let Some(encoded) = encoded else {
            continue; // not latin-1: only 3.0 can hold it
        };
        let len_size = if major == 1 { 2 } else { 4 };
        let with_newline = encoded.len() + 1;
        let pad = ARRAY_ALIGN - (MAGIC.len() + 2 + len_size + with_newline) % ARRAY_ALIGN;
        let header_len = with_newline + pad;
        let len_field: Vec<u8> = if major == 1 {
            match u16::try_from(header_len) {
                Ok(len) => len.to_le_bytes().to_vec(),
                Err(_) => continue,
            }
        } else {
            match u32::try_from(header_len) {
                Ok(len) => len.to_le_bytes().to_vec(),
                Err(_) => return Err(NpyError::HeaderTooLong { len: header_len }),
            }
        };
        let mut out = Vec::with_capacity(MAGIC.len() + 2 + len_size + header_len);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&[major, minor]);
        out.extend_from_slice(&len_field);
        out.extend_from_slice(&encoded);
        out.extend(core::iter::repeat_n(b' ', pad));
        out.push(b'\n');
        return Ok(out);
    }
    Err(NpyError::HeaderTooLong { len: text.len() })
}

/// Refuses dtypes NumPy cannot load: 16-byte integers (`i128`, `u128`
/// fields describe themselves as `<i16`, which NumPy does not know).
fn numpy_loads(dtype: &Dtype) -> Result<(), DtypeError> {
    if dtype.is_record() {
        return dtype
            .fields()
            .iter()
            .try_for_each(|field| numpy_loads(field.dtype()));
    }
    let inner = dtype.innermost();
    if inner.is_record() {
        return numpy_loads(inner);
    }
    if matches!(inner.kind(), Some(DtypeKind::Int | DtypeKind::Uint)) && inner.itemsize() == 16 {
        return Err(DtypeError::Unsupported {
            code: inner.typestr(),
            reason: "NumPy has no 16-byte integers, so it could not load the file; store \
                     i128/u128 values as two 8-byte fields or as bytes",
        });
    }
    Ok(())
}

/// A tuple as Python's `repr` writes it: `()`, `(3,)`, `(2, 3)`.
pub(crate) fn shape_repr(shape: &[usize]) -> String {
    let dims: Vec<String> = shape.iter().map(ToString::to_string).collect();
    match dims.as_slice() {
        [one] => std::format!("({one},)"),
        _ => std::format!("({})", dims.join(", ")),
    }
}

fn io_error(action: &'static str) -> impl FnOnce(std::io::Error) -> NpyError {
    move |source| NpyError::io(action, None, source)
}

/// Writes raw data bytes (C order) of `shape` elements of `dtype` as a
/// `.npy` file; for data that has no Rust record type, such as images
/// (`'|u1'` with shape `(h, w, 4)`) or files with many fields. Refuses
/// data whose length is not the shape's product times the itemsize.
///
/// ```
/// use typed_layout::{npy, Dtype, Npy};
/// let (h, w) = (2, 3);
/// let bgra = vec![7u8; h * w * 4];
/// let mut file = Vec::new();
/// npy::write_bytes(&mut file, &bgra, &Dtype::from_typestr("|u1")?, &[h, w, 4])?;
/// let npy = Npy::from_bytes(&file)?;
/// assert_eq!((npy.shape(), npy.data()), (&[2, 3, 4][..], &bgra[..]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`NpyError::DataLength`] when `data` is not the shape's bytes,
/// [`NpyError::ShapeOverflow`], the errors of [`header_bytes`], and
/// [`NpyError::Io`] when writing fails.
pub fn write_bytes<W: Write>(
    mut out: W,
    data: &[u8],
    dtype: &Dtype,
    shape: &[usize],
) -> Result<(), NpyError> {
    let expected = shape
        .iter()
        .try_fold(dtype.itemsize(), |acc, &dim| acc.checked_mul(dim))
        .ok_or_else(|| NpyError::ShapeOverflow {
            shape: shape_repr(shape),
            itemsize: dtype.itemsize(),
        })?;
    if data.len() != expected {
        return Err(NpyError::DataLength {
            expected,
            given: data.len(),
        });
    }
    let header = header_bytes(dtype, shape, false)?;
    out.write_all(&header)
        .map_err(io_error("write the header"))?;
    out.write_all(data).map_err(io_error("write the data"))?;
    out.flush().map_err(io_error("flush the output"))
}

/// Writes records as a one-axis `.npy` file with `T::dtype()`.
///
/// ```
/// use typed_layout::{npy, Npy, Records};
/// let values = [1u16, 2, 3];
/// let mut file = Vec::new();
/// npy::write(&mut file, &Records::from_slice(&values))?;
/// assert_eq!(Npy::from_bytes(&file)?.records::<u16>()?.to_vec(), values);
/// # Ok::<(), typed_layout::NpyError>(())
/// ```
///
/// # Errors
///
/// As [`write_as`].
pub fn write<T: PixelLayout, W: Write>(out: W, records: &Records<'_, T>) -> Result<(), NpyError> {
    write_as(out, records, &T::dtype(), &[records.len()])
}

/// Writes a slice of records as a one-axis `.npy` file with `T::dtype()`.
///
/// ```
/// use typed_layout::{npy, Npy};
/// let mut file = Vec::new();
/// npy::write_slice(&mut file, &[0.5f32, 1.5])?;
/// assert_eq!(Npy::from_bytes(&file)?.shape(), &[2]);
/// # Ok::<(), typed_layout::NpyError>(())
/// ```
///
/// # Errors
///
/// As [`write_as`].
pub fn write_slice<T: PixelLayout, W: Write>(out: W, records: &[T]) -> Result<(), NpyError> {
    write(out, &Records::from_slice(records))
}

/// Writes records with a given dtype and shape: the header says `dtype`
/// (after checking that `T` lays out the same bytes, so a file read from
/// NumPy is written back byte for byte), and `shape` (whose product must
/// be the number of records, or of scalars when `T` is an array matching
/// the trailing axes, as in [`Npy::records`](crate::Npy::records)).
///
/// ```
/// use typed_layout::{npy, Dtype, Records};
/// let pixels = [[1u8, 2, 3, 4]; 6];
/// let mut file = Vec::new();
/// npy::write_as(&mut file, &Records::from_slice(&pixels), &Dtype::from_typestr("|u1")?, &[2, 3, 4])?;
/// assert!(String::from_utf8_lossy(&file).contains("'shape': (2, 3, 4)"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`NpyError::Dtype`] when `T` does not lay out `dtype`'s bytes,
/// [`NpyError::TrailingAxes`] when `T` is made of `dtype`'s elements but no
/// trailing axes of `shape` hold as many, [`NpyError::DataLength`] when the
/// records are not the shape's elements, the errors of [`header_bytes`], and
/// [`NpyError::Io`] when writing fails.
pub fn write_as<T: PixelLayout, W: Write>(
    mut out: W,
    records: &Records<'_, T>,
    dtype: &Dtype,
    shape: &[usize],
) -> Result<(), NpyError> {
    let per_record = elements_per_record(&T::dtype(), dtype, shape)
        .map_err(|error| error.into_npy(core::any::type_name::<T>(), dtype, shape))?;
    let overflow = || NpyError::ShapeOverflow {
        shape: shape_repr(shape),
        itemsize: dtype.itemsize(),
    };
    let elements = shape
        .iter()
        .try_fold(1usize, |acc, &dim| acc.checked_mul(dim))
        .ok_or_else(overflow)?;
    let given = records.len().checked_mul(per_record).ok_or_else(overflow)?;
    if given != elements {
        return Err(NpyError::DataLength {
            expected: elements.saturating_mul(dtype.itemsize()),
            given: records.len().saturating_mul(core::mem::size_of::<T>()),
        });
    }
    let header = header_bytes(dtype, shape, false)?;
    out.write_all(&header)
        .map_err(io_error("write the header"))?;
    if let Some(slice) = records.as_slice() {
        out.write_all(crate::raw::slice_bytes(slice))
            .map_err(io_error("write the data"))?;
    } else {
        // Strided records: gather into a buffer so small writes stay few.
        let mut buffer: Vec<u8> = Vec::with_capacity(1 << 16);
        for record in records.iter() {
            buffer.extend_from_slice(crate::raw::slice_bytes(core::slice::from_ref(record)));
            if buffer.len() >= 1 << 16 {
                out.write_all(&buffer).map_err(io_error("write the data"))?;
                buffer.clear();
            }
        }
        out.write_all(&buffer).map_err(io_error("write the data"))?;
    }
    out.flush().map_err(io_error("flush the output"))
}
