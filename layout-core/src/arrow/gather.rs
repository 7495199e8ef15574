//! Records to Arrow arrays: each column gathered from the record bytes in
//! one pass into an Arrow buffer.

use super::error::ArrowConvertError;
use super::plan::{self, Column, Plan};
use super::runs::{self, Places};
use crate::error::ViewError;
use crate::raw::{gather_fields, FieldBytes, GatherError, RecordBytes};
use arrow_array::{make_array, ArrayRef, RecordBatch, RecordBatchOptions};
use arrow_buffer::{BooleanBuffer, Buffer, MutableBuffer, NullBuffer};
use arrow_data::ArrayData;
use arrow_schema::{DataType, SchemaRef};
use std::string::String;
use std::vec::Vec;

/// Records in bytes: `count` records of `itemsize` bytes, `stride` apart,
/// the first at `start`; rows are numbered from `first_row` in errors.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Source<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) start: usize,
    pub(crate) count: usize,
    pub(crate) stride: usize,
    pub(crate) itemsize: usize,
    pub(crate) first_row: usize,
}

impl<'a> Source<'a> {
    fn records(&self) -> RecordBytes<'a> {
        RecordBytes {
            bytes: self.bytes,
            start: self.start,
            count: self.count,
            stride: self.stride,
        }
    }

    /// Checks once that every record lies inside the bytes, so the copy
    /// loops never leave them.
    fn check_reach(&self) -> Result<(), ViewError> {
        if self.count == 0 {
            return Ok(());
        }
        let overflow = ViewError::Overflow {
            len: self.count,
            stride: isize::try_from(self.stride).unwrap_or(isize::MAX),
        };
        let end = (self.count - 1)
            .checked_mul(self.stride)
            .and_then(|last| last.checked_add(self.start))
            .and_then(|last| last.checked_add(self.itemsize))
            .ok_or(overflow)?;
        if end > self.bytes.len() {
            return Err(ViewError::OutOfBounds {
                needed: end as u128,
                available: self.bytes.len(),
            });
        }
        Ok(())
    }
}

/// One `RecordBatch` of the records in `source`.
///
/// The columns that are plain copies of their bytes (numbers, byte
/// strings) are gathered together in one pass over the records, into
/// buffers written once (`raw::gather_fields`), so the records are read
/// from memory once rather than once per column; the other columns are
/// gathered one at a time.
pub(crate) fn batch(
    columns: &[Column],
    schema: SchemaRef,
    source: &Source<'_>,
) -> Result<RecordBatch, ArrowConvertError> {
    source.check_reach()?;
    let fields = copy_fields(columns);
    let mut gathered = gather_fields(&source.records(), &fields)
        .map_err(gather_error)?
        .into_iter();
    let arrays = columns
        .iter()
        .map(|column| {
            let values = column.plan.copy_size().and_then(|_| gathered.next());
            column_array(column, source, values)
        })
        .collect::<Result<Vec<_>, _>>()?;
    finish(schema, arrays, source.count)
}

/// As [`batch`], the rows split among rayon's threads.
///
/// The plain-copy columns are gathered by rows: each thread reads its own
/// records once and writes its part of every column (splitting by column
/// would read every record once per thread). The other columns are
/// gathered in parallel, one a thread.
#[cfg(feature = "rayon")]
pub(crate) fn par_batch(
    columns: &[Column],
    schema: SchemaRef,
    source: &Source<'_>,
) -> Result<RecordBatch, ArrowConvertError> {
    use rayon::iter::{IntoParallelIterator, ParallelIterator};
    source.check_reach()?;
    let fields = copy_fields(columns);
    let mut gathered = crate::raw::par_gather_fields(&source.records(), &fields)
        .map_err(gather_error)?
        .into_iter();
    let work: Vec<_> = columns
        .iter()
        .map(|column| {
            let values = column.plan.copy_size().and_then(|_| gathered.next());
            (column, values)
        })
        .collect();
    let arrays = work
        .into_par_iter()
        .map(|(column, values)| column_array(column, source, values))
        .collect::<Result<Vec<_>, _>>()?;
    finish(schema, arrays, source.count)
}

/// Where the plain-copy columns (those with a
/// [`copy_size`](Plan::copy_size)) sit in each record, in column order.
fn copy_fields(columns: &[Column]) -> Vec<FieldBytes> {
    columns
        .iter()
        .filter_map(|column| {
            column.plan.copy_size().map(|size| FieldBytes {
                offset: column.offset,
                size,
            })
        })
        .collect()
}

fn finish(
    schema: SchemaRef,
    arrays: Vec<ArrayRef>,
    rows: usize,
) -> Result<RecordBatch, ArrowConvertError> {
    let options = RecordBatchOptions::new().with_row_count(Some(rows));
    Ok(RecordBatch::try_new_with_options(schema, arrays, &options)?)
}

/// One column's array; `gathered` holds its values when [`batch`] has
/// copied them already.
fn column_array(
    column: &Column,
    source: &Source<'_>,
    gathered: Option<MutableBuffer>,
) -> Result<ArrayRef, ArrowConvertError> {
    let places = Places::records(source.start + column.offset, source.count, source.stride);
    let gather = Gather {
        src: source.bytes,
        first_row: source.first_row,
    };
    Ok(make_array(gather.array_with(
        &column.plan,
        &places,
        &column.name,
        gathered,
    )?))
}

struct Gather<'a> {
    src: &'a [u8],
    first_row: usize,
}

impl Gather<'_> {
    fn array(
        &self,
        plan: &Plan,
        places: &Places,
        path: &str,
    ) -> Result<ArrayData, ArrowConvertError> {
        self.array_with(plan, places, path, None)
    }

    /// As [`array`](Self::array); `gathered`, when given, holds the
    /// values' bytes already copied (for plans with a
    /// [`copy_size`](Plan::copy_size)).
    fn array_with(
        &self,
        plan: &Plan,
        places: &Places,
        path: &str,
        gathered: Option<MutableBuffer>,
    ) -> Result<ArrayData, ArrowConvertError> {
        let n = places.count();
        let copy = |gathered: Option<MutableBuffer>, size| match gathered {
            Some(values) => Ok(values),
            None => self.copy(places, size),
        };
        match plan {
            Plan::Fixed {
                data_type,
                size,
                swap,
                nat,
            } => {
                let mut values = copy(gathered, *size)?;
                if *swap {
                    runs::swap_each(values.as_slice_mut(), *size);
                }
                let nulls = if *nat {
                    nat_nulls(values.as_slice())
                } else {
                    None
                };
                build(
                    data_type.clone(),
                    n,
                    std::vec![values.into()],
                    nulls,
                    Vec::new(),
                )
            }
            Plan::Days { swap } => {
                let mut days = self.copy(places, 8)?;
                if *swap {
                    runs::swap_each(days.as_slice_mut(), 8);
                }
                let nulls = nat_nulls(days.as_slice());
                let mut out = zeroed(n, 4)?;
                let per_row = places.per_row().max(1);
                for (i, (day, to)) in days
                    .as_slice()
                    .chunks_exact(8)
                    .zip(out.as_slice_mut().chunks_exact_mut(4))
                    .enumerate()
                {
                    let day = i64::from_ne_bytes(day.try_into().unwrap_or_default());
                    if day == i64::MIN {
                        continue;
                    }
                    let day = i32::try_from(day).map_err(|_| ArrowConvertError::OutOfRange {
                        column: String::from(path),
                        row: self.first_row + i / per_row,
                        value: day,
                        target: "Date32",
                    })?;
                    to.copy_from_slice(&day.to_ne_bytes());
                }
                build(
                    DataType::Date32,
                    n,
                    std::vec![out.into()],
                    nulls,
                    Vec::new(),
                )
            }
            Plan::Bool => {
                let bytes = self.copy(places, 1)?;
                let bytes = bytes.as_slice();
                let bits = BooleanBuffer::collect_bool(n, |i| bytes[i] != 0);
                build(
                    DataType::Boolean,
                    n,
                    std::vec![bits.into_inner()],
                    None,
                    Vec::new(),
                )
            }
            Plan::Binary { size } => {
                let values = copy(gathered, *size)?;
                build(
                    plan.data_type(),
                    n,
                    std::vec![values.into()],
                    None,
                    Vec::new(),
                )
            }
            Plan::Unicode { chars, swap } => self.unicode(places, *chars, *swap, path),
            Plan::List {
                len,
                elem_size,
                child,
            } => {
                let child_path = std::format!("{path}[]");
                // Gathered values of a sub-array are its child's values.
                let child = self.array_with(
                    child,
                    &places.elements(*len, *elem_size),
                    &child_path,
                    gathered,
                )?;
                build(plan.data_type(), n, Vec::new(), None, std::vec![child])
            }
            Plan::Struct { fields } => {
                let children = fields
                    .iter()
                    .map(|field| {
                        let field_path = std::format!("{path}.{}", field.name);
                        self.array(&field.plan, &places.field(field.offset), &field_path)
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                let data_type = DataType::Struct(plan::struct_fields(fields));
                build(data_type, n, Vec::new(), None, children)
            }
        }
    }

    /// The `size`-byte value at each place, adjacent, in an Arrow buffer.
    fn copy(&self, places: &Places, size: usize) -> Result<MutableBuffer, ArrowConvertError> {
        let mut out = zeroed(places.count(), size)?;
        runs::gather(self.src, places, size, out.as_slice_mut());
        Ok(out)
    }

    /// UCS-4 values to UTF-8 strings without their trailing NULs.
    fn unicode(
        &self,
        places: &Places,
        chars: usize,
        swap: bool,
        path: &str,
    ) -> Result<ArrayData, ArrowConvertError> {
        let n = places.count();
        let mut codes = self.copy(places, chars * 4)?;
        if swap {
            runs::swap_each(codes.as_slice_mut(), 4);
        }
        let per_row = places.per_row().max(1);
        // One offset per value and one more, even when the values have no
        // bytes (`<U0`: every string empty), so rows are counted, not
        // taken from the length of the codes.
        let mut offsets: Vec<i32> = Vec::new();
        let offsets_len = n
            .checked_add(1)
            .ok_or(ViewError::Overflow { len: n, stride: 4 })?;
        offsets.try_reserve_exact(offsets_len).map_err(|error| {
            ArrowConvertError::from(arrow_schema::ArrowError::MemoryError(std::format!(
                "{offsets_len} string offsets for column {path}: {error}"
            )))
        })?;
        offsets.push(0);
        let mut text: Vec<u8> = Vec::new();
        let value_bytes = chars * 4;
        let codes = codes.as_slice();
        for i in 0..n {
            let value = &codes[i * value_bytes..(i + 1) * value_bytes];
            let units = value
                .chunks_exact(4)
                .map(|unit| u32::from_ne_bytes(unit.try_into().unwrap_or_default()));
            let used = value
                .chunks_exact(4)
                .rposition(|unit| unit != [0; 4])
                .map_or(0, |last| last + 1);
            for code in units.take(used) {
                let c = char::from_u32(code).ok_or_else(|| ArrowConvertError::InvalidChar {
                    column: String::from(path),
                    row: self.first_row + i / per_row,
                    code,
                })?;
                let mut utf8 = [0u8; 4];
                text.extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
            }
            let end = i32::try_from(text.len()).map_err(|_| ArrowConvertError::OutOfRange {
                column: String::from(path),
                row: self.first_row + i / per_row,
                value: i64::try_from(text.len()).unwrap_or(i64::MAX),
                target: "Utf8 (2 GiB of text per array; convert fewer rows at a time)",
            })?;
            offsets.push(end);
        }
        build(
            DataType::Utf8,
            n,
            std::vec![Buffer::from_vec(offsets), Buffer::from_vec(text)],
            None,
            Vec::new(),
        )
    }
}

/// A failed [`gather_fields`] as the error of a conversion.
fn gather_error(error: GatherError) -> ArrowConvertError {
    match error {
        GatherError::OutOfBounds {
            needed: Some(needed),
            available,
        } => ViewError::OutOfBounds { needed, available }.into(),
        GatherError::OutOfBounds { needed: None, .. } => ViewError::Overflow {
            len: usize::MAX,
            stride: isize::MAX,
        }
        .into(),
        GatherError::TooLarge { count, size } => ViewError::Overflow {
            len: count,
            stride: isize::try_from(size).unwrap_or(isize::MAX),
        }
        .into(),
        GatherError::Alloc { bytes, error } => arrow_schema::ArrowError::MemoryError(std::format!(
            "{bytes} bytes for a column: {error}"
        ))
        .into(),
    }
}

/// `count * size` zero bytes, 64-byte aligned, as Arrow wants them, for
/// the columns that are not plain copies (those are written once, without
/// zeroing, by `raw::gather_fields`).
///
/// Allocated, then zeroed by a write, rather than allocated zeroed: an
/// allocator that keeps freed memory (as pyarrow's mimalloc does) then
/// hands back pages already mapped, where a zeroed allocation of this size
/// takes new pages that the kernel clears one fault at a time (two thirds
/// of a 10 M-record conversion's time in a profile).
fn zeroed(count: usize, size: usize) -> Result<MutableBuffer, ArrowConvertError> {
    let len = count.checked_mul(size).ok_or(ViewError::Overflow {
        len: count,
        stride: isize::try_from(size).unwrap_or(isize::MAX),
    })?;
    let memory_error = |error| {
        ArrowConvertError::from(arrow_schema::ArrowError::MemoryError(std::format!(
            "{len} bytes for a column: {error}"
        )))
    };
    let mut out = MutableBuffer::try_with_capacity(len).map_err(memory_error)?;
    out.try_resize(len, 0).map_err(memory_error)?;
    Ok(out)
}

/// The validity of `i64` values (native order), NaT (`i64::MIN`) being
/// null; `None` when there is no NaT.
fn nat_nulls(values: &[u8]) -> Option<NullBuffer> {
    let nat = i64::MIN.to_ne_bytes();
    if !values.chunks_exact(8).any(|value| value == nat) {
        return None;
    }
    let valid = BooleanBuffer::collect_bool(values.len() / 8, |i| values[i * 8..i * 8 + 8] != nat);
    Some(NullBuffer::new(valid))
}

fn build(
    data_type: DataType,
    len: usize,
    buffers: Vec<Buffer>,
    nulls: Option<NullBuffer>,
    children: Vec<ArrayData>,
) -> Result<ArrayData, ArrowConvertError> {
    Ok(ArrayData::builder(data_type)
        .len(len)
        .buffers(buffers)
        .nulls(nulls)
        .child_data(children)
        .build()?)
}
