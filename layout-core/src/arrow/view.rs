//! An Arrow array viewed as a [`Column`], without copying.

use super::error::ArrowConvertError;
use super::plan::{self, Plan};
use crate::column::Column;
use crate::dtype::HasDtype;
use crate::layout::PixelLayout;
use arrow_array::cast::AsArray;
use arrow_array::{downcast_primitive_array, Array};
use core::mem::size_of;
use std::string::String;

/// The name errors give the array (it has no column name of its own).
const ARRAY: &str = "array";

/// An Arrow array without nulls, viewed as a [`Column<F>`] of its values,
/// without copying: the column reads Arrow's buffer in place.
///
/// `F` must be a type whose values Arrow stores adjacent, in native byte
/// order, in one buffer: integers and floats (and `float16`,
/// timestamps and durations as their `i64` counts), byte strings (`[u8; N]`
/// over `FixedSizeBinary(N)` or `FixedSizeList<UInt8>(N)`) and arrays of
/// these (`[f32; 3]` over `FixedSizeList<Float32>(3)`). The Arrow type must
/// be the one `F` maps to (see the [module table](crate::arrow)).
///
/// ```
/// use std::sync::Arc;
/// use typed_layout::arrow::column_view;
/// use typed_layout_core::ext::arrow_array::{Array, Float64Array, Int32Array};
///
/// let salary = Float64Array::from(vec![1.0, 2.5, 4.0]);
/// let column = column_view::<f64>(&salary)?;
/// assert_eq!(column.iter().sum::<f64>(), 7.5);
/// assert!(column.as_slice().is_some()); // Arrow's own buffer, in place
///
/// // A slice of the array is viewed too.
/// let tail = salary.slice(1, 2);
/// assert_eq!(column_view::<f64>(&tail)?.to_vec(), [2.5, 4.0]);
///
/// // Nulls have no value in a column: refused with the row.
/// let ages = Int32Array::from(vec![Some(40), None]);
/// let error = column_view::<i32>(&ages).unwrap_err();
/// assert_eq!(error.to_string(), "column `array` is null at row 1, and a record field of this \
///     type has no null; fill or drop the nulls first (only datetime64 and timedelta64 fields \
///     take nulls, as NaT)");
/// # Ok::<(), typed_layout::arrow::ArrowConvertError>(())
/// ```
///
/// # Errors
///
/// * [`ArrowConvertError::TypeMismatch`]: the array's type is not the one
///   `F` maps to (`f32` over `Float64`), with both types.
/// * [`ArrowConvertError::Null`]: the array (or a list's values) has a
///   null, with the first null's row.
/// * [`ArrowConvertError::Unsupported`]: `F` maps to a type whose values
///   are not one adjacent buffer (`bool` bits, strings, structs, `Date32`
///   from `datetime64[D]`) or are byte-swapped (`Be<T>` on a little-endian
///   host); read those with [`from_record_batch`](super::from_record_batch).
pub fn column_view<'a, F: PixelLayout>(
    array: &'a dyn Array,
) -> Result<Column<'a, F>, ArrowConvertError> {
    let dtype = F::dtype();
    let plan = plan::plan(&dtype, ARRAY)?;
    let expected = plan.data_type();
    if !adjacent(&plan) {
        return Err(ArrowConvertError::Unsupported {
            column: String::from(ARRAY),
            dtype: dtype.descr(),
            reason: "Arrow does not hold these values as adjacent native bytes (bits, strings, \
                     struct children, a converted unit, or a byte order other than the \
                     host's); convert with from_record_batch instead",
        });
    }
    let mismatch = || ArrowConvertError::TypeMismatch {
        column: String::from(ARRAY),
        expected: expected.clone(),
        found: array.data_type().clone(),
    };
    if !same_layout(&expected, array.data_type()) {
        return Err(mismatch());
    }
    let bytes = values(array, 1)?.ok_or_else(mismatch)?;
    let len = array.len();
    if bytes.len() != len * size_of::<F>() {
        return Err(mismatch());
    }
    let stride = isize::try_from(size_of::<F>()).map_err(|_| mismatch())?;
    Ok(Column::from_bytes(bytes, 0, len, stride)?)
}

/// Whether the plan's values are one buffer of adjacent native values.
fn adjacent(plan: &Plan) -> bool {
    match plan {
        Plan::Fixed { swap, .. } => !swap,
        Plan::Binary { .. } => true,
        Plan::List { child, .. } => adjacent(child),
        Plan::Days { .. } | Plan::Bool | Plan::Unicode { .. } | Plan::Struct { .. } => false,
    }
}

/// Equal types up to nullability and list item names.
fn same_layout(expected: &arrow_schema::DataType, found: &arrow_schema::DataType) -> bool {
    use arrow_schema::DataType::{FixedSizeBinary, FixedSizeList, UInt8};
    match (expected, found) {
        (FixedSizeList(e, n), FixedSizeList(f, m)) => {
            n == m && same_layout(e.data_type(), f.data_type())
        }
        // N bytes either way: `[u8; N]` maps to a list of UInt8 and a byte
        // string to FixedSizeBinary, and each views the other's buffer.
        (FixedSizeList(e, n), FixedSizeBinary(m)) | (FixedSizeBinary(m), FixedSizeList(e, n)) => {
            n == m && *e.data_type() == UInt8
        }
        _ => expected == found,
    }
}

/// The bytes of the array's values (the innermost list's), refusing nulls
/// at any level; `per_row` turns a value index into a row.
fn values(array: &dyn Array, per_row: usize) -> Result<Option<&[u8]>, ArrowConvertError> {
    if let Some(index) = array
        .logical_nulls()
        .filter(|nulls| nulls.null_count() > 0)
        .and_then(|nulls| nulls.iter().position(|valid| !valid))
    {
        return Err(ArrowConvertError::Null {
            column: String::from(ARRAY),
            row: index / per_row.max(1),
        });
    }
    if let Some(list) = array.as_fixed_size_list_opt() {
        let len = usize::try_from(list.value_length()).unwrap_or(0);
        return values(list.values().as_ref(), per_row * len);
    }
    if let Some(binary) = array.as_fixed_size_binary_opt() {
        return Ok(Some(binary.value_data()));
    }
    Ok(downcast_primitive_array!(
        array => Some(array.values().inner().as_slice()),
        _ => None,
    ))
}
