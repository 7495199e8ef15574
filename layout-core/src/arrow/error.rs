//! `ArrowConvertError`: why records could not go to Arrow (or come back),
//! with the column, the row and the types on both sides.

use crate::error::ViewError;
use crate::npy::NpyError;
use arrow_schema::DataType;
use std::boxed::Box;
use std::fmt;
use std::string::String;
use std::vec::Vec;

/// Why records could not be converted to Arrow, or Arrow data to records.
///
/// Columns are named by their path: `pos` for a top-level field,
/// `inner.x` for a field of a nested record, `pos[]` for the elements of a
/// sub-array. Rows count from 0 in the record view or `RecordBatch` being
/// converted (for streamed conversions, from the start of the file).
#[derive(Debug)]
#[non_exhaustive]
pub enum ArrowConvertError {
    /// A dtype family Arrow has no type for (or no type this crate maps it
    /// to); the table in the [module documentation](crate::arrow) lists them.
    Unsupported {
        /// The column path.
        column: String,
        /// The field's dtype as NumPy writes it (`'<i16'`, `'<M8[h]'`).
        dtype: String,
        /// Why there is no mapping, and what to do instead.
        reason: &'static str,
    },
    /// The `RecordBatch` has no column of this name.
    MissingColumn {
        /// The column path the record type needs.
        column: String,
        /// The names the batch (or the struct) has at that level.
        found: Vec<String>,
    },
    /// The `RecordBatch` has a column the record type has no field for.
    ExtraColumn {
        /// The column path.
        column: String,
    },
    /// A column's Arrow type is not the one the field maps to.
    TypeMismatch {
        /// The column path.
        column: String,
        /// The Arrow type the record field maps to.
        expected: DataType,
        /// The Arrow type the batch has.
        found: DataType,
    },
    /// A null where the record field has no value for "missing" (only
    /// datetime64 / timedelta64 fields have one: NaT).
    Null {
        /// The column path.
        column: String,
        /// The row of the first null.
        row: usize,
    },
    /// A string longer than the fixed-size unicode field it goes into.
    StringTooLong {
        /// The column path.
        column: String,
        /// The row.
        row: usize,
        /// Characters in the string (Unicode scalar values).
        chars: usize,
        /// Characters the field holds.
        capacity: usize,
    },
    /// A UCS-4 code unit that is not a Unicode scalar value (a surrogate or
    /// a value above `0x10FFFF`), so it cannot become UTF-8.
    InvalidChar {
        /// The column path.
        column: String,
        /// The row.
        row: usize,
        /// The code unit.
        code: u32,
    },
    /// A value that does not fit the other side's type (a `datetime64[D]`
    /// day count outside Arrow's `Date32` range).
    OutOfRange {
        /// The column path.
        column: String,
        /// The row.
        row: usize,
        /// The value.
        value: i64,
        /// The type it does not fit (`"Date32"`).
        target: &'static str,
    },
    /// A column's length differs from the number of rows.
    LengthMismatch {
        /// The column path.
        column: String,
        /// Values the column needs (rows times the sub-array size).
        expected: usize,
        /// Values it has.
        found: usize,
    },
    /// The record bytes do not form whole, in-bounds records.
    View(ViewError),
    /// Reading the `.npy` input failed or its header is invalid.
    Npy(NpyError),
    /// The `.npy` file is in Fortran order with more than one axis longer
    /// than 1, so its rows are not records.
    FortranOrder {
        /// The array shape.
        shape: Vec<usize>,
    },
    /// The `.npy` data ends early.
    Truncated {
        /// Bytes of data the header announces.
        expected: u64,
        /// Bytes that arrived.
        found: u64,
    },
    /// Arrow refused a value (an array or batch it could not build, or an
    /// Arrow IPC write that failed).
    Arrow(Box<arrow_schema::ArrowError>),
    /// The Parquet writer failed.
    Parquet(Box<parquet::errors::ParquetError>),
    /// Reading or writing failed in the operating system.
    Io {
        /// What was being done.
        action: &'static str,
        /// The underlying error.
        source: std::io::Error,
    },
}

impl fmt::Display for ArrowConvertError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArrowConvertError::Unsupported {
                column,
                dtype,
                reason,
            } => write!(
                f,
                "column `{column}` of dtype {dtype} has no Arrow type: {reason}"
            ),
            ArrowConvertError::MissingColumn { column, found } => write!(
                f,
                "the Arrow data has no column `{column}` (it has {}); rename the Arrow column \
                 or the record field so they match",
                quoted(found)
            ),
            ArrowConvertError::ExtraColumn { column } => write!(
                f,
                "the Arrow data has a column `{column}` that the record type has no field for; \
                 select the columns the record type has before converting"
            ),
            ArrowConvertError::TypeMismatch {
                column,
                expected,
                found,
            } => write!(
                f,
                "column `{column}` is {found} in the Arrow data but the record field maps to \
                 {expected}; cast the column or change the field's type"
            ),
            ArrowConvertError::Null { column, row } => write!(
                f,
                "column `{column}` is null at row {row}, and a record field of this type has no \
                 null; fill or drop the nulls first (only datetime64 and timedelta64 fields \
                 take nulls, as NaT)"
            ),
            ArrowConvertError::StringTooLong {
                column,
                row,
                chars,
                capacity,
            } => write!(
                f,
                "column `{column}` at row {row} has a string of {chars} characters, but the \
                 field holds {capacity}; widen the field or truncate the strings"
            ),
            ArrowConvertError::InvalidChar { column, row, code } => write!(
                f,
                "column `{column}` at row {row} holds the code unit {code:#x}, which is not a \
                 Unicode scalar value, so it has no UTF-8 form"
            ),
            ArrowConvertError::OutOfRange {
                column,
                row,
                value,
                target,
            } => write!(
                f,
                "column `{column}` at row {row} holds {value}, which does not fit in Arrow's \
                 {target}"
            ),
            ArrowConvertError::LengthMismatch {
                column,
                expected,
                found,
            } => write!(
                f,
                "column `{column}` has {found} values where {expected} are needed"
            ),
            ArrowConvertError::View(error) => write!(f, "the record bytes do not fit: {error}"),
            ArrowConvertError::Npy(error) => write!(f, "{error}"),
            ArrowConvertError::FortranOrder { shape } => write!(
                f,
                "the .npy data of shape {shape:?} is in Fortran order, so its rows are not \
                 records; save it in C order (numpy.ascontiguousarray) first"
            ),
            ArrowConvertError::Truncated { expected, found } => write!(
                f,
                "the .npy data ends after {found} of the {expected} bytes its header announces"
            ),
            ArrowConvertError::Arrow(error) => write!(f, "Arrow refused the data: {error}"),
            ArrowConvertError::Parquet(error) => write!(f, "the Parquet writer failed: {error}"),
            ArrowConvertError::Io { action, source } => {
                write!(f, "could not {action}: {source}")
            }
        }
    }
}

fn quoted(names: &[String]) -> String {
    if names.is_empty() {
        return String::from("no columns");
    }
    let shown: Vec<String> = names.iter().map(|name| std::format!("`{name}`")).collect();
    shown.join(", ")
}

/// `Display` already includes the text of the error each variant wraps, so
/// `source()` is `None`: a chain printer (anyhow's `{:#}`) prints each cause
/// once.
impl std::error::Error for ArrowConvertError {}

impl From<ViewError> for ArrowConvertError {
    fn from(error: ViewError) -> Self {
        ArrowConvertError::View(error)
    }
}

impl From<NpyError> for ArrowConvertError {
    fn from(error: NpyError) -> Self {
        ArrowConvertError::Npy(error)
    }
}

impl From<arrow_schema::ArrowError> for ArrowConvertError {
    fn from(error: arrow_schema::ArrowError) -> Self {
        ArrowConvertError::Arrow(Box::new(error))
    }
}

impl From<parquet::errors::ParquetError> for ArrowConvertError {
    fn from(error: parquet::errors::ParquetError) -> Self {
        ArrowConvertError::Parquet(Box::new(error))
    }
}
