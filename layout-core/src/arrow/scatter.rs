//! Arrow arrays to records: the schema checked against the field table,
//! then each column copied into its place in every record in one pass.

use super::error::ArrowConvertError;
use super::plan::{Column, Plan};
use super::runs::{self, Places};
use arrow_array::cast::AsArray;
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use std::string::String;
use std::vec::Vec;

/// Copies `batch` into `dst`, which holds `batch.num_rows()` records of
/// `itemsize` bytes (bytes no column covers are left as they are).
pub(crate) fn batch_into(
    columns: &[Column],
    batch: &RecordBatch,
    dst: &mut [u8],
    itemsize: usize,
) -> Result<(), ArrowConvertError> {
    let schema = batch.schema();
    let names: Vec<String> = schema.fields().iter().map(|f| f.name().clone()).collect();
    for name in &names {
        if !columns.iter().any(|column| &column.name == name) {
            return Err(ArrowConvertError::ExtraColumn {
                column: name.clone(),
            });
        }
    }
    let arrays = columns
        .iter()
        .map(|column| {
            let array = batch.column_by_name(&column.name).ok_or_else(|| {
                ArrowConvertError::MissingColumn {
                    column: column.name.clone(),
                    found: names.clone(),
                }
            })?;
            check_type(&column.plan.data_type(), array.data_type(), &column.name)?;
            Ok(array)
        })
        .collect::<Result<Vec<_>, ArrowConvertError>>()?;
    let rows = batch.num_rows();
    let mut scatter = Scatter { dst };
    for (column, array) in columns.iter().zip(arrays) {
        let places = Places::records(column.offset, rows, itemsize);
        scatter.array(&column.plan, array.as_ref(), &places, &column.name)?;
    }
    Ok(())
}

fn check_type(expected: &DataType, found: &DataType, path: &str) -> Result<(), ArrowConvertError> {
    if same_type(expected, found) {
        return Ok(());
    }
    Err(ArrowConvertError::TypeMismatch {
        column: String::from(path),
        expected: expected.clone(),
        found: found.clone(),
    })
}

/// Equal Arrow types, ignoring nullability, list item names and the order
/// of struct fields (matched by name).
fn same_type(expected: &DataType, found: &DataType) -> bool {
    match (expected, found) {
        (DataType::FixedSizeList(e, n), DataType::FixedSizeList(f, m)) => {
            n == m && same_type(e.data_type(), f.data_type())
        }
        (DataType::Struct(e), DataType::Struct(f)) => {
            e.len() == f.len()
                && e.iter().all(|e| {
                    f.iter()
                        .any(|f| f.name() == e.name() && same_type(e.data_type(), f.data_type()))
                })
        }
        _ => expected == found,
    }
}

struct Scatter<'a> {
    dst: &'a mut [u8],
}

impl Scatter<'_> {
    fn array(
        &mut self,
        plan: &Plan,
        array: &dyn Array,
        places: &Places,
        path: &str,
    ) -> Result<(), ArrowConvertError> {
        let n = places.count();
        if array.len() != n {
            return Err(ArrowConvertError::LengthMismatch {
                column: String::from(path),
                expected: n,
                found: array.len(),
            });
        }
        let first_null = array
            .logical_nulls()
            .filter(|nulls| nulls.null_count() > 0)
            .and_then(|nulls| nulls.iter().position(|valid| !valid));
        let null_error = |index: usize| ArrowConvertError::Null {
            column: String::from(path),
            row: index / places.per_row().max(1),
        };
        let mismatch = || ArrowConvertError::TypeMismatch {
            column: String::from(path),
            expected: plan.data_type(),
            found: array.data_type().clone(),
        };
        match plan {
            Plan::Fixed {
                size, swap, nat, ..
            } => {
                if let (Some(index), false) = (first_null, *nat) {
                    return Err(null_error(index));
                }
                let data = array.to_data();
                let buffer = data.buffers().first().ok_or_else(mismatch)?;
                let values = buffer
                    .as_slice()
                    .get(data.offset() * size..(data.offset() + n) * size)
                    .ok_or_else(mismatch)?;
                if !*swap && first_null.is_none() {
                    runs::scatter(values, places, *size, self.dst);
                    return Ok(());
                }
                let mut values = values.to_vec();
                if let Some(nulls) = array.logical_nulls() {
                    for (value, valid) in values.chunks_exact_mut(8).zip(nulls.iter()) {
                        if !valid {
                            value.copy_from_slice(&i64::MIN.to_ne_bytes());
                        }
                    }
                }
                if *swap {
                    runs::swap_each(&mut values, *size);
                }
                runs::scatter(&values, places, *size, self.dst);
            }
            Plan::Days { swap } => {
                let days = array
                    .as_primitive_opt::<arrow_array::types::Date32Type>()
                    .ok_or_else(mismatch)?;
                let mut values = Vec::with_capacity(n * 8);
                for day in days.iter() {
                    let day = day.map_or(i64::MIN, i64::from);
                    values.extend_from_slice(&day.to_ne_bytes());
                }
                if *swap {
                    runs::swap_each(&mut values, 8);
                }
                runs::scatter(&values, places, 8, self.dst);
            }
            Plan::Bool => {
                if let Some(index) = first_null {
                    return Err(null_error(index));
                }
                let bools = array.as_boolean_opt().ok_or_else(mismatch)?;
                let values: Vec<u8> = bools.values().iter().map(u8::from).collect();
                runs::scatter(&values, places, 1, self.dst);
            }
            Plan::Binary { size } => {
                if let Some(index) = first_null {
                    return Err(null_error(index));
                }
                let binary = array.as_fixed_size_binary_opt().ok_or_else(mismatch)?;
                runs::scatter(binary.value_data(), places, *size, self.dst);
            }
            Plan::Unicode { chars, swap } => {
                if let Some(index) = first_null {
                    return Err(null_error(index));
                }
                let strings = array.as_string_opt::<i32>().ok_or_else(mismatch)?;
                let mut values = std::vec![0u8; n * chars * 4];
                // Every string is checked, even when the values have no
                // bytes (`<U0` takes only empty strings).
                let width = chars * 4;
                for (i, text) in strings.iter().take(n).enumerate() {
                    let to = &mut values[i * width..(i + 1) * width];
                    let text = text.unwrap_or_default();
                    let count = text.chars().count();
                    if count > *chars {
                        return Err(ArrowConvertError::StringTooLong {
                            column: String::from(path),
                            row: i / places.per_row().max(1),
                            chars: count,
                            capacity: *chars,
                        });
                    }
                    for (c, unit) in text.chars().zip(to.chunks_exact_mut(4)) {
                        unit.copy_from_slice(&u32::from(c).to_ne_bytes());
                    }
                }
                if *swap {
                    runs::swap_each(&mut values, 4);
                }
                runs::scatter(&values, places, chars * 4, self.dst);
            }
            Plan::List {
                len,
                elem_size,
                child,
            } => {
                if let Some(index) = first_null {
                    return Err(null_error(index));
                }
                let list = array.as_fixed_size_list_opt().ok_or_else(mismatch)?;
                let child_path = std::format!("{path}[]");
                self.array(
                    child,
                    list.values().as_ref(),
                    &places.elements(*len, *elem_size),
                    &child_path,
                )?;
            }
            Plan::Struct { fields } => {
                if let Some(index) = first_null {
                    return Err(null_error(index));
                }
                let record = array.as_struct_opt().ok_or_else(mismatch)?;
                for field in fields {
                    let child = record.column_by_name(&field.name).ok_or_else(mismatch)?;
                    let field_path = std::format!("{path}.{}", field.name);
                    self.array(
                        &field.plan,
                        child.as_ref(),
                        &places.field(field.offset),
                        &field_path,
                    )?;
                }
            }
        }
        Ok(())
    }
}
