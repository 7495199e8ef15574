//! The dtype-to-Arrow table: what each dtype family becomes, one match arm
//! per family. Both directions follow the same plan, so what is written is
//! what is read back.

use super::error::ArrowConvertError;
use crate::dtype::{Dtype, DtypeKind};
use crate::layout::ByteOrder;
use arrow_schema::{DataType, Field, FieldRef, Fields, Schema, TimeUnit};
use std::boxed::Box;
use std::string::String;
use std::sync::Arc;
use std::vec::Vec;

/// The name of the one column of a dtype that is not a record (NumPy's
/// name for an unnamed field).
pub(crate) const PLAIN_COLUMN: &str = "f0";

/// The field names of a complex value's two parts (num-complex's names).
pub(crate) const COMPLEX_PARTS: [&str; 2] = ["re", "im"];

/// One column (or struct child): where its bytes start in a record and
/// how they become an Arrow array.
#[derive(Clone, Debug)]
pub(crate) struct Column {
    pub(crate) name: String,
    pub(crate) offset: usize,
    pub(crate) plan: Plan,
}

/// How the bytes of one value become Arrow values.
#[derive(Clone, Debug)]
pub(crate) enum Plan {
    /// Fixed-width values whose bytes Arrow stores as they are once in
    /// native order: `size` bytes each, reversed first when `swap`; with
    /// `nat`, the value `i64::MIN` (NumPy's NaT) is a null.
    Fixed {
        data_type: DataType,
        size: usize,
        swap: bool,
        nat: bool,
    },
    /// `datetime64[D]`: an `i64` day count that Arrow's `Date32` holds as
    /// an `i32` (range checked); NaT is a null.
    Days { swap: bool },
    /// One byte, zero or not, to one bit.
    Bool,
    /// `size` bytes as they are (`S` and `V` fields).
    Binary { size: usize },
    /// `chars` UCS-4 code units to a UTF-8 string without the trailing
    /// NULs NumPy pads with.
    Unicode { chars: usize, swap: bool },
    /// A sub-array axis: `len` elements of `elem_size` bytes, adjacent.
    List {
        len: usize,
        elem_size: usize,
        child: Box<Plan>,
    },
    /// A nested record (or a complex value's two parts).
    Struct { fields: Vec<Column> },
}

impl Plan {
    /// The bytes of each value when the plan's values buffer is those
    /// bytes copied as they are (then swapped or checked for NaT in place):
    /// fixed-width numbers, byte strings, and sub-arrays of them (whose
    /// elements are adjacent, so the child's values buffer is each
    /// sub-array's bytes in order).
    pub(crate) fn copy_size(&self) -> Option<usize> {
        match self {
            Plan::Fixed { size, .. } | Plan::Binary { size } => Some(*size),
            Plan::List {
                len,
                elem_size,
                child,
            } => child
                .copy_size()
                .filter(|size| size == elem_size)
                .and_then(|size| size.checked_mul(*len)),
            _ => None,
        }
    }

    /// The Arrow type of this plan's values.
    pub(crate) fn data_type(&self) -> DataType {
        match self {
            Plan::Fixed { data_type, .. } => data_type.clone(),
            Plan::Days { .. } => DataType::Date32,
            Plan::Bool => DataType::Boolean,
            Plan::Binary { size } => DataType::FixedSizeBinary(arrow_len(*size)),
            Plan::Unicode { .. } => DataType::Utf8,
            Plan::List { len, child, .. } => {
                DataType::FixedSizeList(list_field(child), arrow_len(*len))
            }
            Plan::Struct { fields } => DataType::Struct(struct_fields(fields)),
        }
    }

    /// Whether values can be null: only NaT makes a null.
    pub(crate) fn nullable(&self) -> bool {
        matches!(self, Plan::Fixed { nat: true, .. } | Plan::Days { .. })
    }
}

/// Sizes were checked to fit when the plan was built.
fn arrow_len(len: usize) -> i32 {
    i32::try_from(len).unwrap_or(i32::MAX)
}

pub(crate) fn list_field(child: &Plan) -> FieldRef {
    Arc::new(Field::new_list_field(child.data_type(), child.nullable()))
}

pub(crate) fn struct_fields(columns: &[Column]) -> Fields {
    columns
        .iter()
        .map(|column| {
            Field::new(
                column.name.clone(),
                column.plan.data_type(),
                column.plan.nullable(),
            )
        })
        .collect()
}

/// The top-level columns of records of `dtype`: its fields (padding
/// skipped), or one column `f0` for a dtype that is not a record.
pub(crate) fn columns(dtype: &Dtype) -> Result<Vec<Column>, ArrowConvertError> {
    if dtype.is_record() {
        record_fields(dtype, "")
    } else {
        Ok(std::vec![Column {
            name: String::from(PLAIN_COLUMN),
            offset: 0,
            plan: plan(dtype, PLAIN_COLUMN)?,
        }])
    }
}

/// The Arrow schema of records of `dtype`.
pub(crate) fn schema(columns: &[Column]) -> Schema {
    Schema::new(struct_fields(columns))
}

fn record_fields(dtype: &Dtype, prefix: &str) -> Result<Vec<Column>, ArrowConvertError> {
    dtype
        .fields()
        .iter()
        .map(|field| {
            let path = if prefix.is_empty() {
                String::from(field.name())
            } else {
                std::format!("{prefix}.{}", field.name())
            };
            Ok(Column {
                name: String::from(field.name()),
                offset: field.offset(),
                plan: plan(field.dtype(), &path)?,
            })
        })
        .collect()
}

/// The plan for values of `dtype` in the column at `path` (for errors).
pub(crate) fn plan(dtype: &Dtype, path: &str) -> Result<Plan, ArrowConvertError> {
    if dtype.is_sub_array() {
        let base = dtype.base();
        let mut plan = self::plan(base, &std::format!("{path}[]"))?;
        let mut elem_size = base.itemsize();
        for &len in dtype.shape().iter().rev() {
            check_len(len, dtype, path)?;
            plan = Plan::List {
                len,
                elem_size,
                child: Box::new(plan),
            };
            elem_size = elem_size.saturating_mul(len);
        }
        return Ok(plan);
    }
    if dtype.is_record() {
        return Ok(Plan::Struct {
            fields: record_fields(dtype, path)?,
        });
    }
    scalar(dtype, path)
}

fn check_len(len: usize, dtype: &Dtype, path: &str) -> Result<(), ArrowConvertError> {
    if i32::try_from(len).is_err() {
        return Err(unsupported(
            dtype,
            path,
            "Arrow counts fixed sizes in an i32, and this one is larger",
        ));
    }
    Ok(())
}

fn unsupported(dtype: &Dtype, path: &str, reason: &'static str) -> ArrowConvertError {
    ArrowConvertError::Unsupported {
        column: String::from(path),
        dtype: dtype.descr(),
        reason,
    }
}

/// The table, one arm per dtype family (kind and size); the module
/// documentation shows it to users.
fn scalar(dtype: &Dtype, path: &str) -> Result<Plan, ArrowConvertError> {
    let size = dtype.itemsize();
    let order = dtype.byte_order().unwrap_or(ByteOrder::NotApplicable);
    let swap = size > 1 && order != ByteOrder::NotApplicable && order != ByteOrder::NATIVE;
    let fixed = |data_type| {
        Ok(Plan::Fixed {
            data_type,
            size,
            swap,
            nat: false,
        })
    };
    let Some(kind) = dtype.kind() else {
        return Err(unsupported(
            dtype,
            path,
            "it is neither a scalar, a sub-array nor a record",
        ));
    };
    match (kind, size) {
        (DtypeKind::Bool, 1) => Ok(Plan::Bool),
        (DtypeKind::Int, 1) => fixed(DataType::Int8),
        (DtypeKind::Int, 2) => fixed(DataType::Int16),
        (DtypeKind::Int, 4) => fixed(DataType::Int32),
        (DtypeKind::Int, 8) => fixed(DataType::Int64),
        (DtypeKind::Uint, 1) => fixed(DataType::UInt8),
        (DtypeKind::Uint, 2) => fixed(DataType::UInt16),
        (DtypeKind::Uint, 4) => fixed(DataType::UInt32),
        (DtypeKind::Uint, 8) => fixed(DataType::UInt64),
        (DtypeKind::Int | DtypeKind::Uint, _) => Err(unsupported(
            dtype,
            path,
            "Arrow has no 128-bit integer type; view the field as two 64-bit halves or as bytes",
        )),
        (DtypeKind::Float, 2) => fixed(DataType::Float16),
        (DtypeKind::Float, 4) => fixed(DataType::Float32),
        (DtypeKind::Float, 8) => fixed(DataType::Float64),
        (DtypeKind::Float, _) => Err(unsupported(
            dtype,
            path,
            "Arrow has no extended-precision float; convert to float64 first",
        )),
        (DtypeKind::Complex, 8 | 16) => {
            let half = size / 2;
            let part = |offset| Column {
                name: String::new(),
                offset,
                plan: Plan::Fixed {
                    data_type: if half == 4 {
                        DataType::Float32
                    } else {
                        DataType::Float64
                    },
                    size: half,
                    swap,
                    nat: false,
                },
            };
            let mut re = part(0);
            re.name = String::from(COMPLEX_PARTS[0]);
            let mut im = part(half);
            im.name = String::from(COMPLEX_PARTS[1]);
            Ok(Plan::Struct {
                fields: std::vec![re, im],
            })
        }
        (DtypeKind::Complex, _) => Err(unsupported(
            dtype,
            path,
            "the parts of an extended-precision complex have no Arrow float type; convert to \
             complex128 first",
        )),
        (DtypeKind::Bytes | DtypeKind::Raw, size) => {
            check_len(size, dtype, path)?;
            Ok(Plan::Binary { size })
        }
        (DtypeKind::Unicode, size) => Ok(Plan::Unicode {
            chars: size / 4,
            swap: order != ByteOrder::NATIVE,
        }),
        (DtypeKind::Datetime, 8) => {
            let unit = dtype.time_unit().unwrap_or("");
            if unit == "D" {
                return Ok(Plan::Days { swap });
            }
            match time_unit(unit) {
                Some(unit) => Ok(Plan::Fixed {
                    data_type: DataType::Timestamp(unit, None),
                    size,
                    swap,
                    nat: true,
                }),
                None => Err(unsupported(
                    dtype,
                    path,
                    "Arrow timestamps count seconds, milliseconds, microseconds or nanoseconds \
                     (and Date32 counts days); convert to one of those units first",
                )),
            }
        }
        (DtypeKind::Timedelta, 8) => match time_unit(dtype.time_unit().unwrap_or("")) {
            Some(unit) => Ok(Plan::Fixed {
                data_type: DataType::Duration(unit),
                size,
                swap,
                nat: true,
            }),
            None => Err(unsupported(
                dtype,
                path,
                "Arrow durations count seconds, milliseconds, microseconds or nanoseconds; \
                 convert to one of those units first",
            )),
        },
        _ => Err(unsupported(
            dtype,
            path,
            "this dtype family has no Arrow mapping",
        )),
    }
}

/// NumPy's unit letters for the units Arrow's timestamps and durations have.
fn time_unit(unit: &str) -> Option<TimeUnit> {
    match unit {
        "s" => Some(TimeUnit::Second),
        "ms" => Some(TimeUnit::Millisecond),
        "us" | "\u{3bc}s" => Some(TimeUnit::Microsecond),
        "ns" => Some(TimeUnit::Nanosecond),
        _ => None,
    }
}
