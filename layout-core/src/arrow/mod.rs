//! `arrow` feature: records to Apache Arrow `RecordBatch`es and back, Arrow
//! arrays viewed as columns, and `.npy` files streamed to Parquet or Arrow
//! IPC files.
//!
//! The Arrow schema follows the field table: one column per field
//! (padding is never a column), nested records as `Struct`, sub-arrays as
//! `FixedSizeList`. The columns are gathered from the records straight
//! into Arrow buffers, those that are copies of record bytes all in one
//! pass; numbers in a fixed byte order arrive in native order. The same table drives the way back, so
//! `from_record_batch(to_record_batch(r))` gives `r` again.
//!
//! ```
//! use typed_layout::{arrow, PixelLayout, Records};
//!
//! #[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
//! #[repr(C, packed)] // NumPy's default layout: 44 bytes
//! struct Person { name: [u8; 32], age: i32, salary: f64 }
//!
//! let people = vec![Person { name: [b'a'; 32], age: 41, salary: 5.2e4 }; 100];
//! let batch = arrow::to_record_batch(&Records::from_slice(&people))?;
//! assert_eq!(batch.num_columns(), 3);
//!
//! // A column of the batch, viewed as a typed column without copying.
//! let salary = arrow::column_view::<f64>(batch.column_by_name("salary").unwrap())?;
//! assert_eq!(salary.sum(), 5.2e6);
//!
//! // And back into records.
//! let back = arrow::from_record_batch::<Person>(&batch)?;
//! assert_eq!(back.as_slice(), &people[..]);
//! # Ok::<(), arrow::ArrowConvertError>(())
//! ```
//!
//! For a dtype known only at run time (an `.npy` file's), use
//! [`schema_for`], [`bytes_to_record_batch`], [`npy_to_record_batch`] and
//! [`record_batch_to_bytes`]; for files of any size, [`convert_npy`]
//! (from an `io::Read`) and [`convert_npy_data`] (a mapped or in-memory
//! file) write Parquet or Arrow IPC in batches of rows, in bounded memory.
//!
//! # The dtype-to-Arrow table
//!
//! Records to Arrow, and what Arrow data must be to come back (types are
//! compared up to nullability, list item names and struct field order):
//!
//! | NumPy dtype (Rust field) | Arrow type | Back to records |
//! |---|---|---|
//! | `<i1` .. `<i8`, `<u1` .. `<u8` (`i8` .. `i64`, `u8` .. `u64`) | `Int8` .. `Int64`, `UInt8` .. `UInt64` | the same type |
//! | `<f2`, `<f4`, `<f8` (`f32`, `f64`) | `Float16`, `Float32`, `Float64` | the same type |
//! | `>f8`, `>i4`, ... (`Be<f64>`, `Le<i32>`) | as the native type, values converted to native order | converted back to the field's order |
//! | `\|b1` (bool) | `Boolean` (bits) | `Boolean`; written as bytes 0 and 1 |
//! | `\|S8`, `\|V8` (byte strings, raw bytes) | `FixedSizeBinary(8)` | the same type |
//! | `<U4` (UCS-4 text) | `Utf8`, trailing NULs removed | `Utf8` of at most 4 characters, NUL-padded |
//! | `<c8`, `<c16` (complex) | `Struct { re, im }` of `Float32` / `Float64` | the same struct |
//! | `<M8[s]`, `[ms]`, `[us]`, `[ns]` (datetime64) | `Timestamp(unit)`, no time zone; NaT is null | the same type; null is NaT |
//! | `<M8[D]` | `Date32` (range checked); NaT is null | `Date32`; null is NaT |
//! | `<m8[s]` .. `<m8[ns]` (timedelta64) | `Duration(unit)`; NaT is null | the same type; null is NaT |
//! | sub-array `('pos', '<f4', (3,))` (`[f32; 3]`, `[u8; 32]`) | `FixedSizeList(3)` of the element type; one level per axis | the same type |
//! | nested record (a derived struct field) | `Struct` of its fields | the same struct |
//! | padding (`('', '\|V4')` gaps, `_pad` fields) | no column | zero bytes |
//! | a dtype that is not a record (`<f8`) | one column `f0` | the same |
//!
//! Refused with [`ArrowConvertError::Unsupported`], naming the column:
//!
//! | NumPy dtype | Why |
//! |---|---|
//! | `<i16`, `<u16` (128-bit integers) | Arrow has no 128-bit integer type |
//! | `<f16` / `<f12` (long double), `<c32` | Arrow has no extended-precision float |
//! | `<M8[h]`, `[m]`, `[W]`, `[M]`, `[Y]`, `[ps]`, `[fs]`, `[as]`, `[10s]`, generic `<M8` (and `<m8` likewise, and `<m8[D]`) | Arrow's timestamps and durations count only s, ms, us or ns (and `Date32` days); convert the unit in NumPy first |
//!
//! From Arrow, every null is refused ([`ArrowConvertError::Null`], with the
//! column and row) except in datetime and timedelta fields; a string longer
//! than its unicode field is [`ArrowConvertError::StringTooLong`].

mod convert;
mod error;
mod gather;
mod plan;
mod runs;
mod scatter;
mod stream;
mod view;

#[cfg(feature = "rayon")]
pub use convert::par_to_record_batch;
pub use convert::{
    bytes_to_record_batch, from_record_batch, npy_to_record_batch, record_batch_to_bytes, schema,
    schema_for, to_record_batch,
};
pub use error::ArrowConvertError;
pub use stream::{
    convert_npy, convert_npy_data, ConvertOptions, ConvertSummary, OutputFormat,
    ParquetCompression, Progress,
};
pub use view::column_view;
