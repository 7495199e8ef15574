//! The conversions: records of a Rust type (static) or of a dtype known at
//! run time (dynamic) to a `RecordBatch`, and back.

use super::error::ArrowConvertError;
use super::gather::{self, Source};
use super::plan::{self, Column};
use super::scatter;
use crate::dtype::{Dtype, HasDtype};
use crate::layout::PixelLayout;
use crate::npy::{Npy, NpyHeader};
use crate::record_buf::RecordBuf;
use crate::records::Records;
use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use core::mem::size_of;
use std::sync::Arc;

/// The Arrow schema that records of `T` convert to: one field per field of
/// `T` (padding skipped), typed by the [module table](crate::arrow); one
/// field `f0` when `T` is not a record. Only datetime and timedelta fields
/// are nullable (NaT is a null).
///
/// ```
/// use typed_layout::{arrow, PixelLayout};
/// use typed_layout_core::ext::arrow_schema::DataType;
///
/// #[derive(Clone, Copy, PixelLayout)]
/// #[repr(C)]
/// struct Sample { id: u32, pos: [f32; 3] }
///
/// let schema = arrow::schema::<Sample>()?;
/// assert_eq!(schema.field(0).data_type(), &DataType::UInt32);
/// assert!(matches!(schema.field(1).data_type(), DataType::FixedSizeList(_, 3)));
/// # Ok::<(), arrow::ArrowConvertError>(())
/// ```
///
/// # Errors
///
/// [`ArrowConvertError::Unsupported`] when a field's dtype has no Arrow
/// type (128-bit integers, extended-precision floats, datetime units Arrow
/// lacks), naming the field.
pub fn schema<T: PixelLayout>() -> Result<SchemaRef, ArrowConvertError> {
    schema_for(&T::dtype())
}

/// The Arrow schema of records of a dtype known at run time (see
/// [`schema`]).
///
/// ```
/// use typed_layout::{arrow, Dtype};
/// use typed_layout_core::ext::arrow_schema::{DataType, TimeUnit};
///
/// let dtype = Dtype::parse("[('t', '<M8[ns]'), ('name', 'S8'), ('ok', '?')]")?;
/// let schema = arrow::schema_for(&dtype)?;
/// assert_eq!(schema.field(0).data_type(), &DataType::Timestamp(TimeUnit::Nanosecond, None));
/// assert_eq!(schema.field(1).data_type(), &DataType::FixedSizeBinary(8));
/// assert_eq!(schema.field(2).data_type(), &DataType::Boolean);
///
/// let hours = Dtype::parse("[('t', '<M8[h]')]")?;
/// assert!(arrow::schema_for(&hours).is_err()); // Arrow has no hour unit
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// As [`schema`].
pub fn schema_for(dtype: &Dtype) -> Result<SchemaRef, ArrowConvertError> {
    Ok(Arc::new(plan::schema(&plan::columns(dtype)?)))
}

/// Copies records into a `RecordBatch`, one column per field of `T` as
/// [`schema`] describes.
///
/// The columns that are copies of record bytes (numbers, byte strings,
/// sub-arrays of them) are gathered together in one pass over the records
/// into buffers written once; for 10 M 44-byte records this takes about
/// 1.1-1.4x the time of one `memcpy` of their bytes (README, "Beyond one
/// machine"). The other columns (booleans, strings, dates, nested
/// records) take one pass each.
///
/// Numbers in a fixed byte order (`Be<f64>`) arrive in native order;
/// `datetime64`/`timedelta64` NaT becomes a null. Records that are not
/// adjacent (strided views) are first copied into one aligned buffer.
///
/// ```
/// use typed_layout::{arrow, Be, PixelLayout, Records};
/// use typed_layout_core::ext::arrow_array::{cast::AsArray, types::Float64Type};
///
/// #[derive(Clone, Copy, PixelLayout)]
/// #[repr(C, packed)]
/// struct Person { name: [u8; 4], age: i32, salary: Be<f64> }
///
/// let people = [
///     Person { name: *b"ann\0", age: 41, salary: Be::new(5.0e4) },
///     Person { name: *b"bob\0", age: 29, salary: Be::new(4.2e4) },
/// ];
/// let batch = arrow::to_record_batch(&Records::from_slice(&people))?;
/// assert_eq!((batch.num_rows(), batch.num_columns()), (2, 3));
/// let salary = batch.column_by_name("salary").unwrap().as_primitive::<Float64Type>();
/// assert_eq!(salary.values().to_vec(), [5.0e4, 4.2e4]); // big-endian in, native out
/// # Ok::<(), arrow::ArrowConvertError>(())
/// ```
///
/// # Errors
///
/// [`ArrowConvertError::Unsupported`] as for [`schema`];
/// [`ArrowConvertError::OutOfRange`] for a `datetime64[D]` day count outside
/// `Date32`; [`ArrowConvertError::InvalidChar`] for a unicode field holding
/// a code unit that is not a Unicode scalar value; both with column and row.
pub fn to_record_batch<T: PixelLayout>(
    records: &Records<'_, T>,
) -> Result<RecordBatch, ArrowConvertError> {
    with_record_bytes(records, |columns, schema, source| {
        gather::batch(columns, schema, source)
    })
}

/// [`to_record_batch`] on rayon's global pool: the rows are split among
/// the threads, each reading its own records once and writing its part of
/// every column; the columns that are not plain copies are built in
/// parallel, one a thread.
///
/// ```
/// use typed_layout::{arrow, Records};
/// let values = [1.5f64, 2.5];
/// let batch = arrow::par_to_record_batch(&Records::from_slice(&values))?;
/// assert_eq!(batch.num_rows(), 2);
/// # Ok::<(), arrow::ArrowConvertError>(())
/// ```
///
/// # Errors
///
/// As [`to_record_batch`].
#[cfg(feature = "rayon")]
pub fn par_to_record_batch<T: PixelLayout>(
    records: &Records<'_, T>,
) -> Result<RecordBatch, ArrowConvertError> {
    with_record_bytes(records, |columns, schema, source| {
        gather::par_batch(columns, schema, source)
    })
}

fn with_record_bytes<T: PixelLayout>(
    records: &Records<'_, T>,
    convert: impl FnOnce(&[Column], SchemaRef, &Source<'_>) -> Result<RecordBatch, ArrowConvertError>,
) -> Result<RecordBatch, ArrowConvertError> {
    let columns = plan::columns(&T::dtype())?;
    let schema = Arc::new(plan::schema(&columns));
    let copy;
    let bytes = match records.as_slice() {
        Some(slice) => crate::raw::slice_bytes(slice),
        None => {
            let mut buf = RecordBuf::<T>::zeroed(records.len())?;
            buf.records_mut().copy_from(records)?;
            copy = buf;
            copy.as_bytes()
        }
    };
    let source = Source {
        bytes,
        start: 0,
        count: records.len(),
        stride: size_of::<T>(),
        itemsize: size_of::<T>(),
        first_row: 0,
    };
    convert(&columns, schema, &source)
}

/// Copies a `RecordBatch` into records of `T`: every field of `T` (padding
/// aside) must have a column of the same name whose Arrow type is the one
/// [`schema`] gives it, up to nullability and field order. Padding bytes are
/// zero. Nulls are refused, except in datetime and timedelta fields, where
/// they become NaT.
///
/// ```
/// use typed_layout::{arrow, PixelLayout, Records};
///
/// #[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
/// #[repr(C)]
/// struct Point { x: f32, y: f32 }
///
/// let points = [Point { x: 1.0, y: 2.0 }, Point { x: 3.0, y: 4.0 }];
/// let batch = arrow::to_record_batch(&Records::from_slice(&points))?;
/// let back = arrow::from_record_batch::<Point>(&batch)?;
/// assert_eq!(back.as_slice(), points);
///
/// #[derive(Clone, Copy, Debug, PixelLayout)]
/// #[repr(C)]
/// struct Wide { x: f64, y: f64 }
/// let error = arrow::from_record_batch::<Wide>(&batch).unwrap_err();
/// assert_eq!(error.to_string(), "column `x` is Float32 in the Arrow data but the record \
///     field maps to Float64; cast the column or change the field's type");
/// # Ok::<(), arrow::ArrowConvertError>(())
/// ```
///
/// # Errors
///
/// * [`ArrowConvertError::MissingColumn`] / [`ArrowConvertError::ExtraColumn`]:
///   the names differ (with the names the batch has).
/// * [`ArrowConvertError::TypeMismatch`]: a column's type differs (both
///   types).
/// * [`ArrowConvertError::Null`]: a null in a field that has none (column and
///   row).
/// * [`ArrowConvertError::StringTooLong`]: a string longer than its unicode
///   field (column, row, both lengths).
/// * [`ArrowConvertError::Unsupported`]: as for [`schema`].
/// * [`ArrowConvertError::View`]: too many rows to allocate.
pub fn from_record_batch<T: PixelLayout>(
    batch: &RecordBatch,
) -> Result<RecordBuf<T>, ArrowConvertError> {
    let columns = plan::columns(&T::dtype())?;
    let mut records = RecordBuf::<T>::zeroed(batch.num_rows())?;
    scatter::batch_into(&columns, batch, records.as_bytes_mut(), size_of::<T>())?;
    Ok(records)
}

/// The dynamic form of [`to_record_batch`]: `bytes` holds records of
/// `dtype` (a whole number of `dtype.itemsize()`-byte records, any
/// alignment), for a dtype known only at run time.
///
/// ```
/// use typed_layout::{arrow, Dtype};
///
/// let dtype = Dtype::parse("[('id', '>u2'), ('v', '<f4')]")?;
/// let bytes = [0, 7, 0, 0, 0x80, 0x3f]; // id 7 (big-endian), v 1.0
/// let batch = arrow::bytes_to_record_batch(&bytes, &dtype)?;
/// assert_eq!(batch.num_rows(), 1);
/// let back = arrow::record_batch_to_bytes(&batch, &dtype)?;
/// assert_eq!(back.as_bytes(), bytes);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// As [`to_record_batch`], and [`ArrowConvertError::View`] when the length
/// is not a whole number of records.
pub fn bytes_to_record_batch(
    bytes: &[u8],
    dtype: &Dtype,
) -> Result<RecordBatch, ArrowConvertError> {
    let columns = plan::columns(dtype)?;
    let schema = Arc::new(plan::schema(&columns));
    gather::batch(&columns, schema, &source(bytes, dtype, 0)?)
}

/// The refusal of a dtype of zero bytes: its records hold no values, and
/// their count cannot be told from a length in bytes.
pub(crate) fn zero_itemsize(dtype: &Dtype) -> ArrowConvertError {
    ArrowConvertError::Unsupported {
        column: std::string::String::from(plan::PLAIN_COLUMN),
        dtype: dtype.descr(),
        reason: "records of zero bytes carry no values to convert",
    }
}

/// The records of `bytes` (of `dtype`), numbered from `first_row`.
pub(crate) fn source<'a>(
    bytes: &'a [u8],
    dtype: &Dtype,
    first_row: usize,
) -> Result<Source<'a>, ArrowConvertError> {
    let itemsize = dtype.itemsize();
    if itemsize == 0 {
        return Err(zero_itemsize(dtype));
    }
    if !bytes.len().is_multiple_of(itemsize) {
        return Err(crate::error::ViewError::LengthNotMultiple {
            len: bytes.len(),
            elem_size: itemsize,
        }
        .into());
    }
    Ok(Source {
        bytes,
        start: 0,
        count: bytes.len() / itemsize,
        stride: itemsize,
        itemsize,
        first_row,
    })
}

/// The dynamic form of [`from_record_batch`]: the batch's rows as records
/// of `dtype`, `num_rows * itemsize` bytes (gaps zero), in memory aligned
/// to 64 bytes.
///
/// ```
/// use typed_layout::{arrow, npy, Dtype, Npy};
///
/// let dtype = Dtype::parse("[('a', '<i4'), ('', '|V4'), ('b', '<f8')]")?;
/// let bytes = [[1u8, 0, 0, 0], [0; 4], 2.5f64.to_le_bytes()[..4].try_into()?,
///              2.5f64.to_le_bytes()[4..].try_into()?].concat();
/// let batch = arrow::bytes_to_record_batch(&bytes, &dtype)?;
/// assert_eq!(batch.num_columns(), 2); // the gap is no column
/// let records = arrow::record_batch_to_bytes(&batch, &dtype)?;
/// let mut file = Vec::new();
/// npy::write_bytes(&mut file, records.as_bytes(), &dtype, &[batch.num_rows()])?;
/// assert_eq!(Npy::from_bytes(&file)?.column::<f64>("b")?.get(0), Some(2.5));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// As [`from_record_batch`].
pub fn record_batch_to_bytes(
    batch: &RecordBatch,
    dtype: &Dtype,
) -> Result<RecordBuf<u8>, ArrowConvertError> {
    let columns = plan::columns(dtype)?;
    let itemsize = dtype.itemsize();
    if itemsize == 0 && batch.num_rows() > 0 {
        // As the way there: no bytes could hold the batch's values.
        return Err(zero_itemsize(dtype));
    }
    let len = batch
        .num_rows()
        .checked_mul(itemsize)
        .ok_or(crate::error::ViewError::Overflow {
            len: batch.num_rows(),
            stride: isize::try_from(itemsize).unwrap_or(isize::MAX),
        })?;
    let mut bytes = RecordBuf::<u8>::zeroed(len)?;
    scatter::batch_into(&columns, batch, bytes.as_bytes_mut(), itemsize)?;
    Ok(bytes)
}

/// The data of a `.npy` file as a `RecordBatch`: one row per index of the
/// first axis, the further axes a sub-array (`FixedSizeList`) of each row;
/// a 0-d array is one row. The dtype is the file's, known at run time.
///
/// ```
/// use typed_layout::{arrow, npy, Npy};
///
/// let mut file = Vec::new();
/// npy::write_slice(&mut file, &[[1.0f32, 2.0], [3.0, 4.0], [5.0, 6.0]])?; // shape (3, 2)
/// let batch = arrow::npy_to_record_batch(&Npy::from_bytes(&file)?)?;
/// assert_eq!(batch.num_rows(), 3);
/// assert_eq!(batch.schema().field(0).name(), "f0");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// As [`bytes_to_record_batch`], and [`ArrowConvertError::FortranOrder`]
/// for Fortran-ordered data of more than one long axis.
pub fn npy_to_record_batch(npy: &Npy<'_>) -> Result<RecordBatch, ArrowConvertError> {
    let (dtype, _) = npy_rows(npy.header())?;
    bytes_to_record_batch(npy.data(), &dtype)
}

/// The dtype of one row of a `.npy` file (the element dtype with the axes
/// after the first as a sub-array) and the number of rows.
pub(crate) fn npy_rows(header: &NpyHeader) -> Result<(Dtype, usize), ArrowConvertError> {
    let shape = header.shape();
    if header.fortran_order() && shape.iter().filter(|&&dim| dim > 1).count() > 1 {
        return Err(ArrowConvertError::FortranOrder {
            shape: shape.to_vec(),
        });
    }
    let Some((&rows, rest)) = shape.split_first() else {
        return Ok((header.dtype().clone(), 1));
    };
    let dtype = if rest.is_empty() {
        header.dtype().clone()
    } else {
        Dtype::sub_array(header.dtype().clone(), rest).map_err(|error| {
            ArrowConvertError::Unsupported {
                column: std::string::String::from(plan::PLAIN_COLUMN),
                dtype: std::format!("{} of shape {shape:?}: {error}", header.dtype()),
                reason: "the axes after the first do not form a sub-array",
            }
        })?
    };
    Ok((dtype, rows))
}
