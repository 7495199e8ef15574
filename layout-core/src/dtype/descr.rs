//! NumPy `descr` literals and typestrs: printing them exactly as NumPy
//! does, and parsing them (list form with `('', '|Vn')` gaps, sub-array
//! fields, nested lists, titles, and the dict form).

use super::literal::{self, push_repr, LiteralError, Value};
use super::{
    checked_sum, Dtype, DtypeError, DtypeField, DtypeKind, Repr, MAX_ITEMSIZE, MAX_NESTING,
};
use crate::layout::ByteOrder;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt::Write;

const DESCR: &str = "descr";

impl Dtype {
    /// The typestr: byte order, kind letter, size (`<f8`, `|S32`, `<U4`,
    /// `<M8[ns]`). Records and sub-arrays are `|V<itemsize>`, as in NumPy.
    ///
    /// ```
    /// use typed_layout::{Be, HasDtype};
    /// assert_eq!(<Be<u32>>::dtype().typestr(), ">u4");
    /// assert_eq!(<[u8; 44]>::dtype().typestr(), "|V44");
    /// ```
    pub fn typestr(&self) -> String {
        let mut out = String::new();
        push_typestr(&mut out, self);
        out
    }

    /// The `descr` literal NumPy writes in `.npy` headers and returns from
    /// `dtype.descr` (for records) or `dtype.str` (plain dtypes, quoted):
    /// `'<f8'`, `[('name', '|S32'), ('age', '<i4'), ('', '|V4'), ...]`.
    /// Gaps, trailing padding included, are unnamed `('', '|V<n>')`
    /// entries; sub-array fields are `(name, base, shape)`; nested records
    /// are nested lists; a top-level sub-array is `(base, shape)`.
    ///
    /// A field named `''` whose type is raw bytes or a sub-array prints as
    /// NumPy prints it, and reads back as padding, as NumPy's reader reads
    /// it: the list form cannot tell them apart (in NumPy either).
    pub fn descr(&self) -> String {
        let mut out = String::new();
        push_descr(&mut out, self);
        out
    }

    /// Parses a `descr` literal: a quoted typestr, the list form NumPy
    /// writes (gaps as `('', '|Vn')`, titles as `(title, name)` pairs, whose
    /// titles are dropped), the dict form `{'names': [...], 'formats':
    /// [...], 'offsets': [...], 'itemsize': n}` (`offsets`, `itemsize`,
    /// `aligned` and `titles` optional), or a `(base, shape)` tuple.
    ///
    /// ```
    /// use typed_layout::Dtype;
    /// let aligned = Dtype::from_descr(
    ///     "[('name', '|S32'), ('age', '<i4'), ('', '|V4'), ('salary', '<f8')]")?;
    /// assert_eq!(aligned.itemsize(), 48);
    /// assert_eq!(aligned.fields().len(), 3); // the gap is not a field
    /// assert_eq!(aligned.field("salary").map(|f| f.offset()), Some(40));
    ///
    /// let dict = Dtype::from_descr(
    ///     "{'names': ['a', 'b'], 'formats': ['<i4', '<f8'], 'offsets': [0, 8], 'itemsize': 24}")?;
    /// assert_eq!(dict.descr(), "[('a', '<i4'), ('', '|V4'), ('b', '<f8'), ('', '|V8')]");
    /// # Ok::<(), typed_layout::DtypeError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`DtypeError::Syntax`] (with the position) for text that is not a Python
    /// literal, [`DtypeError::Malformed`] for a literal that is not a descr, the
    /// dtype-string errors of [`Dtype::from_typestr`], and the constructors'
    /// (`TooLarge`, `FieldOutOfRecord`, `OverlappingFields`, `DuplicateField`,
    /// `TooDeep`).
    pub fn from_descr(text: &str) -> Result<Dtype, DtypeError> {
        let value = literal::parse(text, false).map_err(|error| literal_error(DESCR, error))?;
        from_value(&value, 0, Context::Any)
    }

    /// Parses a NumPy dtype string, as `np.dtype(text)` reads it: a typestr
    /// (an optional byte order `<`, `>`, `|`, `=`, a kind letter `b i u f c
    /// S U V M m` and a size in bytes, characters for `U`, plus `[unit]` for
    /// times), a type code (`d`, `?`, `F`), a type name (`float64`, `bool`,
    /// `datetime64[ns]`), or a comma string (`3i`, `(2,3)f8`, `i4, f8`). A
    /// `.npy` header's `descr` may be any of them. `O` (objects) is refused:
    /// it holds pointers; so are sizes NumPy has no type for (`<i16`) and
    /// time units it does not know (`<M8[xx]`).
    ///
    /// ```
    /// use typed_layout::{ByteOrder, Dtype, DtypeKind};
    /// let s = Dtype::from_typestr("|S32")?;
    /// assert_eq!((s.kind(), s.itemsize()), (Some(DtypeKind::Bytes), 32));
    /// assert_eq!(Dtype::from_typestr("<U4")?.itemsize(), 16);
    /// assert_eq!(Dtype::from_typestr(">i8")?.byte_order(), Some(ByteOrder::Big));
    /// assert_eq!(Dtype::from_typestr("float64")?, Dtype::from_typestr("d")?);
    /// assert_eq!(Dtype::from_typestr("M8[1ns]")?.typestr(), Dtype::from_typestr("<M8[ns]")?.typestr());
    /// assert!(Dtype::from_typestr("|O").is_err());
    /// assert!(Dtype::from_typestr("<i16").is_err());
    /// assert!(Dtype::from_typestr("<M8[xx]").is_err());
    /// # Ok::<(), typed_layout::DtypeError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`DtypeError::Syntax`] with the position, [`DtypeError::InvalidSize`],
    /// [`DtypeError::Unsupported`] (objects, unknown time units),
    /// [`DtypeError::TooLarge`].
    pub fn from_typestr(text: &str) -> Result<Dtype, DtypeError> {
        parse_typestr(text)
    }
}

/// Converts a literal parser error for the named syntax.
pub(crate) fn literal_error(syntax: &'static str, error: LiteralError) -> DtypeError {
    match error {
        LiteralError::Syntax {
            position,
            expected,
            found,
        } => DtypeError::Syntax {
            syntax,
            position,
            expected,
            found,
        },
        LiteralError::TooDeep => DtypeError::TooDeep {
            limit: literal::MAX_DEPTH,
        },
    }
}

/// Whether `text` is shaped like a typestr (for choosing which parse error
/// to report).
pub(super) fn looks_like_typestr(text: &str) -> bool {
    let rest = text.trim_start_matches(['<', '>', '|', '=']);
    let mut chars = rest.chars();
    matches!(
        chars.next(),
        Some('b' | 'i' | 'u' | 'f' | 'c' | 'S' | 'U' | 'V' | 'M' | 'm' | 'O' | 'a')
    ) && chars.next().is_some_and(|c| c.is_ascii_digit() || c == '[')
        || text.starts_with(['<', '>', '|'])
}

// ---------------------------------------------------------------------------
// Printing.

fn order_char(order: ByteOrder) -> char {
    match order {
        ByteOrder::Little => '<',
        ByteOrder::Big => '>',
        ByteOrder::NotApplicable => '|',
    }
}

pub(crate) fn push_typestr(out: &mut String, dtype: &Dtype) {
    match &dtype.repr {
        Repr::Scalar { kind, order, unit } => {
            out.push(order_char(*order));
            out.push(kind.typestr_char());
            let count = if *kind == DtypeKind::Unicode {
                dtype.itemsize / 4
            } else {
                dtype.itemsize
            };
            let _ = write!(out, "{count}");
            if !unit.is_empty() {
                let _ = write!(out, "[{unit}]");
            }
        }
        _ => {
            let _ = write!(out, "|V{}", dtype.itemsize);
        }
    }
}

fn push_shape(out: &mut String, shape: &[usize]) {
    out.push('(');
    for (i, dim) in shape.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{dim}");
    }
    if shape.len() == 1 {
        out.push(',');
    }
    out.push(')');
}

/// The descr of a field's (or sub-array's) base: a quoted typestr, a list,
/// or a `(base, shape)` tuple for a sub-array of a sub-array.
fn push_base(out: &mut String, dtype: &Dtype) {
    match &dtype.repr {
        Repr::Record { fields } => push_fields(out, fields, dtype.itemsize),
        Repr::SubArray { .. } => push_descr(out, dtype),
        Repr::Scalar { .. } => {
            let mut typestr = String::new();
            push_typestr(&mut typestr, dtype);
            push_repr(out, &typestr);
        }
    }
}

fn push_descr(out: &mut String, dtype: &Dtype) {
    match &dtype.repr {
        Repr::SubArray { base, shape } => {
            out.push('(');
            push_base(out, base);
            out.push_str(", ");
            push_shape(out, shape);
            out.push(')');
        }
        _ => push_base(out, dtype),
    }
}

fn push_gap(out: &mut String, first: &mut bool, size: usize) {
    if !*first {
        out.push_str(", ");
    }
    *first = false;
    let _ = write!(out, "('', '|V{size}')");
}

fn push_fields(out: &mut String, fields: &[DtypeField], itemsize: usize) {
    out.push('[');
    let mut offset = 0usize;
    let mut first = true;
    for field in fields {
        if field.offset > offset {
            push_gap(out, &mut first, field.offset - offset);
        }
        if !first {
            out.push_str(", ");
        }
        first = false;
        out.push('(');
        match &field.title {
            Some(title) => {
                out.push('(');
                push_repr(out, title);
                out.push_str(", ");
                push_repr(out, &field.name);
                out.push(')');
            }
            None => push_repr(out, &field.name),
        }
        out.push_str(", ");
        match &field.dtype.repr {
            Repr::SubArray { base, shape } => {
                push_base(out, base);
                out.push_str(", ");
                push_shape(out, shape);
            }
            _ => push_base(out, &field.dtype),
        }
        out.push(')');
        offset = offset.max(field.offset.saturating_add(field.dtype.itemsize));
    }
    if itemsize > offset {
        push_gap(out, &mut first, itemsize - offset);
    }
    out.push(']');
}

// ---------------------------------------------------------------------------
// Parsing.

fn malformed(problem: String) -> DtypeError {
    DtypeError::Malformed {
        syntax: DESCR,
        problem,
    }
}

/// Where a `descr` value comes from, which decides what is accepted.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Context {
    /// `Dtype::from_descr`: every form, including the dict form.
    Any,
    /// A `.npy` header, read as `numpy.lib.format.descr_to_dtype` reads
    /// it: no dict form anywhere (NumPy's reader refuses it).
    Header,
}

/// A dtype from a parsed `descr` value (also used for `.npy` headers).
pub(crate) fn from_value(
    value: &Value,
    depth: usize,
    context: Context,
) -> Result<Dtype, DtypeError> {
    if depth > MAX_NESTING {
        return Err(DtypeError::TooDeep { limit: MAX_NESTING });
    }
    match value {
        Value::Str(text) => parse_typestr(text),
        Value::List(items) => list_form(items, depth, context),
        Value::Dict(_) if context == Context::Header => Err(malformed(String::from(
            "a .npy header's 'descr' is a dtype string, a (base, shape) tuple or a list of \
             fields; NumPy's reader (numpy.lib.format.descr_to_dtype) refuses the dict form",
        ))),
        Value::Dict(_) => dict_form(value, depth),
        // NumPy's reader makes a sub-array dtype of it but then cannot read
        // the data ("could only read 6 elements"): refused at the top.
        Value::Tuple(_) if context == Context::Header && depth == 0 => Err(malformed(String::from(
            "a .npy header's 'descr' cannot be a (base, shape) sub-array (NumPy's reader fails \
             on the data); write the sub-array's shape into 'shape'",
        ))),
        Value::Tuple(items) => match items.as_slice() {
            [base, shape] => {
                Dtype::sub_array(from_value(base, depth + 1, context)?, &shape_of(shape)?)
            }
            _ => Err(malformed(format!(
                "a tuple dtype must be (base, shape), found a tuple of {} items",
                items.len()
            ))),
        },
        other => Err(malformed(format!(
            "expected a typestr, a list of fields or a dict, found {}",
            other.type_name()
        ))),
    }
}

/// A sub-array shape: an int or a tuple of ints.
fn shape_of(value: &Value) -> Result<Vec<usize>, DtypeError> {
    let dim = |value: &Value| -> Result<usize, DtypeError> {
        match value {
            Value::Int(n) if *n < 0 => {
                Err(malformed(format!("sub-array dimension {n} is negative")))
            }
            Value::Int(n) => usize::try_from(*n)
                .ok()
                .filter(|&dim| dim <= MAX_ITEMSIZE)
                .ok_or_else(|| DtypeError::too_large("a sub-array dimension", n, MAX_ITEMSIZE)),
            Value::BigInt(text) if text.starts_with('-') => {
                Err(malformed(format!("sub-array dimension {text} is negative")))
            }
            Value::BigInt(text) => Err(DtypeError::too_large(
                "a sub-array dimension",
                text,
                MAX_ITEMSIZE,
            )),
            other => Err(malformed(format!(
                "a sub-array dimension must be an int, found {}",
                other.type_name()
            ))),
        }
    };
    match value {
        Value::Tuple(items) => items.iter().map(dim).collect(),
        other => Ok(alloc::vec![dim(other)?]),
    }
}

fn list_form(items: &[Value], depth: usize, context: Context) -> Result<Dtype, DtypeError> {
    let mut fields = Vec::with_capacity(items.len());
    let mut offset = 0usize;
    for (index, item) in items.iter().enumerate() {
        let parts = match item {
            Value::Tuple(parts) | Value::List(parts) if matches!(parts.len(), 2 | 3) => parts,
            other => {
                return Err(malformed(format!(
                "entry {index} must be a (name, format) or (name, format, shape) tuple, found {}",
                other.type_name()
            )))
            }
        };
        let (title, name) = match &parts[0] {
            Value::Str(name) => (None, name.clone()),
            // (title, name): NumPy's titled fields.
            Value::Tuple(pair) => match pair.as_slice() {
                [Value::Str(title), Value::Str(name)] => (Some(title.clone()), name.clone()),
                _ => {
                    return Err(malformed(format!(
                        "entry {index} has a name tuple that is not (title, name) strings"
                    )))
                }
            },
            other => {
                return Err(malformed(format!(
                    "entry {index} has {} as its name, not a string",
                    other.type_name()
                )))
            }
        };
        let mut dtype = from_value(&parts[1], depth + 1, context)?;
        if let Some(shape) = parts.get(2) {
            dtype = Dtype::sub_array(dtype, &shape_of(shape)?)?;
        }
        let size = dtype.itemsize;
        // Padding, as numpy.lib.format reads it: an unnamed field of type
        // void that is not a record (raw bytes, or any sub-array).
        let is_gap = name.is_empty()
            && title.is_none()
            && (dtype.is_sub_array() || dtype.kind() == Some(DtypeKind::Raw));
        if !is_gap {
            let field = DtypeField::new(name, offset, dtype);
            fields.push(match title {
                Some(title) => field.with_title(title),
                None => field,
            });
        }
        offset = checked_sum("the record's size", offset, size, MAX_ITEMSIZE)?;
    }
    Dtype::record(fields, offset)
}

fn dict_form(value: &Value, depth: usize) -> Result<Dtype, DtypeError> {
    let Value::Dict(entries) = value else {
        return Err(malformed("expected a dict".to_string()));
    };
    for (key, _) in entries {
        match key {
            Value::Str(k)
                if matches!(
                    k.as_str(),
                    "names" | "formats" | "offsets" | "itemsize" | "titles" | "aligned"
                ) => {}
            other => {
                let mut key = String::new();
                match other {
                    Value::Str(k) => push_repr(&mut key, k),
                    other => key.push_str(other.type_name()),
                }
                return Err(malformed(format!(
                    "unexpected key {key} in the dict form; the keys are 'names', 'formats', \
                     'offsets', 'itemsize', 'titles', 'aligned'"
                )));
            }
        }
    }
    let list = |key: &str| -> Result<Option<&[Value]>, DtypeError> {
        match value.get(key) {
            None => Ok(None),
            Some(Value::List(items) | Value::Tuple(items)) => Ok(Some(items)),
            Some(other) => Err(malformed(format!(
                "'{key}' must be a list, found {}",
                other.type_name()
            ))),
        }
    };
    let names = list("names")?.ok_or_else(|| malformed("the dict form needs 'names'".into()))?;
    let titles = list("titles")?;
    if let Some(titles) = titles {
        if titles.len() != names.len() {
            return Err(malformed(format!(
                "'names' has {} entries but 'titles' has {}",
                names.len(),
                titles.len()
            )));
        }
    }
    let formats =
        list("formats")?.ok_or_else(|| malformed("the dict form needs 'formats'".into()))?;
    if names.len() != formats.len() {
        return Err(malformed(format!(
            "'names' has {} entries but 'formats' has {}",
            names.len(),
            formats.len()
        )));
    }
    let offsets = list("offsets")?;
    if let Some(offsets) = offsets {
        if offsets.len() != names.len() {
            return Err(malformed(format!(
                "'names' has {} entries but 'offsets' has {}",
                names.len(),
                offsets.len()
            )));
        }
    }
    let aligned = match value.get("aligned") {
        None | Some(Value::Bool(false)) => false,
        Some(Value::Bool(true)) => true,
        Some(other) => {
            return Err(malformed(format!(
                "'aligned' must be True or False, found {}",
                other.type_name()
            )))
        }
    };
    let mut fields = Vec::with_capacity(names.len());
    let mut end = 0usize;
    let mut max_align = 1usize;
    for (index, (name, format)) in names.iter().zip(formats).enumerate() {
        let Value::Str(name) = name else {
            return Err(malformed(format!(
                "name {index} is {}, not a string",
                name.type_name()
            )));
        };
        let dtype = from_value(format, depth + 1, Context::Any)?;
        let title = match titles.and_then(|titles| titles.get(index)) {
            None | Some(Value::None) => None,
            Some(Value::Str(title)) => Some(title.clone()),
            Some(other) => {
                return Err(malformed(format!(
                    "title {index} is {}, not a string or None",
                    other.type_name()
                )))
            }
        };
        let offset = match offsets.and_then(|offsets| offsets.get(index)) {
            Some(Value::Int(n)) if *n < 0 => {
                return Err(malformed(format!(
                    "offset {n} of field '{name}' is negative"
                )))
            }
            Some(Value::Int(n)) => usize::try_from(*n)
                .ok()
                .filter(|&offset| offset <= MAX_ITEMSIZE)
                .ok_or_else(|| DtypeError::too_large("a field offset", n, MAX_ITEMSIZE))?,
            Some(Value::BigInt(text)) => {
                return Err(DtypeError::too_large("a field offset", text, MAX_ITEMSIZE))
            }
            Some(other) => {
                return Err(malformed(format!(
                    "offset of field '{name}' is {}, not an int",
                    other.type_name()
                )))
            }
            // No offsets: packed, or rounded up to each alignment.
            None if aligned => round_up(end, dtype.align)?,
            None => end,
        };
        max_align = max_align.max(dtype.align);
        let field_end = checked_sum("a field's end offset", offset, dtype.itemsize, MAX_ITEMSIZE)?;
        end = end.max(field_end);
        let field = DtypeField::new(name.clone(), offset, dtype);
        fields.push(match title {
            Some(title) => field.with_title(title),
            None => field,
        });
    }
    let itemsize = match value.get("itemsize") {
        Some(Value::Int(n)) if *n < 0 => {
            return Err(malformed(format!("itemsize {n} is negative")))
        }
        Some(Value::Int(n)) => usize::try_from(*n)
            .ok()
            .filter(|&size| size <= MAX_ITEMSIZE)
            .ok_or_else(|| DtypeError::too_large("the itemsize", n, MAX_ITEMSIZE))?,
        Some(Value::BigInt(text)) => {
            return Err(DtypeError::too_large("the itemsize", text, MAX_ITEMSIZE))
        }
        Some(other) => {
            return Err(malformed(format!(
                "'itemsize' must be an int, found {}",
                other.type_name()
            )))
        }
        None if aligned => round_up(end, max_align)?,
        None => end,
    };
    Dtype::record(fields, itemsize)
}

pub(crate) fn round_up(value: usize, align: usize) -> Result<usize, DtypeError> {
    let align = align.max(1);
    let rem = value % align;
    if rem == 0 {
        Ok(value)
    } else {
        checked_sum("an aligned offset", value, align - rem, MAX_ITEMSIZE)
    }
}

fn parse_typestr(text: &str) -> Result<Dtype, DtypeError> {
    super::dtype_str::parse(text)
}
