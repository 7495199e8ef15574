//! NumPy `descr` literals and typestrs: printing them exactly as NumPy
//! does, and parsing them (list form with `('', '|Vn')` gaps, sub-array
//! fields, nested lists, titles, and the dict form).

use super::literal::{self, push_repr, LiteralError, Value};
use super::{
    checked_product, checked_sum, Dtype, DtypeError, DtypeField, DtypeKind, Repr, MAX_ITEMSIZE,
    MAX_NESTING,
};
use crate::layout::ByteOrder;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt::Write;

const DESCR: &str = "descr";
const TYPESTR: &str = "typestr";

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
    pub fn from_descr(text: &str) -> Result<Dtype, DtypeError> {
        let value = literal::parse(text, false).map_err(|error| literal_error(DESCR, error))?;
        from_value(&value, 0)
    }

    /// Parses a typestr: an optional byte order (`<`, `>`, `|`, `=`; none
    /// means native), a kind letter (`b i u f c S U V M m`, or `?` for
    /// bool) and a size in bytes (characters for `U`), plus `[unit]` for
    /// datetimes. `O` (objects) is refused: it holds pointers.
    ///
    /// ```
    /// use typed_layout::{ByteOrder, Dtype, DtypeKind};
    /// let s = Dtype::from_typestr("|S32")?;
    /// assert_eq!((s.kind(), s.itemsize()), (Some(DtypeKind::Bytes), 32));
    /// assert_eq!(Dtype::from_typestr("<U4")?.itemsize(), 16);
    /// assert_eq!(Dtype::from_typestr(">i8")?.byte_order(), Some(ByteOrder::Big));
    /// assert!(Dtype::from_typestr("|O").is_err());
    /// # Ok::<(), typed_layout::DtypeError>(())
    /// ```
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

/// The descr of a field's (or sub-array's) base: a quoted typestr or a list.
fn push_base(out: &mut String, dtype: &Dtype) {
    match &dtype.repr {
        Repr::Record { fields } => push_fields(out, fields, dtype.itemsize),
        _ => {
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
        push_repr(out, &field.name);
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

/// A dtype from a parsed `descr` value (also used for `.npy` headers).
pub(crate) fn from_value(value: &Value, depth: usize) -> Result<Dtype, DtypeError> {
    if depth > MAX_NESTING {
        return Err(DtypeError::TooDeep { limit: MAX_NESTING });
    }
    match value {
        Value::Str(text) => parse_typestr(text),
        Value::List(items) => list_form(items, depth),
        Value::Dict(_) => dict_form(value, depth),
        Value::Tuple(items) => match items.as_slice() {
            [base, shape] => Dtype::sub_array(from_value(base, depth + 1)?, &shape_of(shape)?),
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

fn list_form(items: &[Value], depth: usize) -> Result<Dtype, DtypeError> {
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
        let name = match &parts[0] {
            Value::Str(name) => name.clone(),
            // (title, name): NumPy's titled fields; the title is dropped.
            Value::Tuple(pair) => match pair.as_slice() {
                [_, Value::Str(name)] => name.clone(),
                _ => {
                    return Err(malformed(format!(
                        "entry {index} has a name tuple that is not (title, name)"
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
        let mut dtype = from_value(&parts[1], depth + 1)?;
        if let Some(shape) = parts.get(2) {
            dtype = Dtype::sub_array(dtype, &shape_of(shape)?)?;
        }
        let size = dtype.itemsize;
        // Unnamed raw bytes are padding, as numpy.lib.format reads them.
        let is_gap = name.is_empty() && dtype.kind() == Some(DtypeKind::Raw);
        if !is_gap {
            fields.push(DtypeField::new(name, offset, dtype));
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
        let dtype = from_value(format, depth + 1)?;
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
        fields.push(DtypeField::new(name.clone(), offset, dtype));
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

fn typestr_error(text: &str, position: usize, expected: &'static str) -> DtypeError {
    let found = match text.get(position..) {
        None | Some("") => String::from("end of input"),
        Some(rest) => format!("`{rest}`"),
    };
    DtypeError::Syntax {
        syntax: TYPESTR,
        position,
        expected,
        found,
    }
}

fn parse_typestr(text: &str) -> Result<Dtype, DtypeError> {
    let bytes = text.as_bytes();
    let mut pos = 0;
    let order = match bytes.first() {
        Some(b'<') => Some(ByteOrder::Little),
        Some(b'>') => Some(ByteOrder::Big),
        Some(b'|') => Some(ByteOrder::NotApplicable),
        Some(b'=') => Some(ByteOrder::NATIVE),
        _ => None,
    };
    if order.is_some() {
        pos += 1;
    }
    let order = order.unwrap_or(ByteOrder::NATIVE);
    let Some(&letter) = bytes.get(pos) else {
        return Err(typestr_error(
            text,
            pos,
            "a kind letter (b i u f c S U V M m)",
        ));
    };
    pos += 1;
    let kind = match letter {
        b'b' | b'?' => DtypeKind::Bool,
        b'i' => DtypeKind::Int,
        b'u' => DtypeKind::Uint,
        b'f' => DtypeKind::Float,
        b'c' => DtypeKind::Complex,
        b'S' | b'a' => DtypeKind::Bytes,
        b'U' => DtypeKind::Unicode,
        b'V' => DtypeKind::Raw,
        b'M' => DtypeKind::Datetime,
        b'm' => DtypeKind::Timedelta,
        b'O' => {
            return Err(DtypeError::Unsupported {
                code: String::from(text),
                reason: "object arrays hold pointers to Python objects, which cannot be read \
                         from a file or viewed as plain data",
            })
        }
        _ => {
            return Err(typestr_error(
                text,
                pos - 1,
                "a kind letter (b i u f c S U V M m)",
            ))
        }
    };
    let digits_start = pos;
    let mut number: Option<usize> = None;
    while let Some(&c @ b'0'..=b'9') = bytes.get(pos) {
        let digit = usize::from(c - b'0');
        number = Some(
            number
                .unwrap_or(0)
                .checked_mul(10)
                .and_then(|n| n.checked_add(digit))
                .filter(|&n| n <= MAX_ITEMSIZE)
                .ok_or_else(|| {
                    let digits: String = text
                        .get(digits_start..)
                        .unwrap_or("")
                        .chars()
                        .take_while(char::is_ascii_digit)
                        .collect();
                    DtypeError::too_large("the typestr's size", digits, MAX_ITEMSIZE)
                })?,
        );
        pos += 1;
    }
    let size = match (kind, number) {
        (DtypeKind::Bool, None) if letter == b'?' => 1,
        (DtypeKind::Bytes | DtypeKind::Raw, None) => 0,
        (DtypeKind::Unicode, None) => 0,
        (DtypeKind::Datetime | DtypeKind::Timedelta, None) => 8,
        (DtypeKind::Unicode, Some(chars)) => checked_product(
            "the unicode string's size in bytes",
            chars,
            &[4],
            MAX_ITEMSIZE,
        )?,
        (_, Some(size)) => size,
        (_, None) => return Err(typestr_error(text, digits_start, "the size in bytes")),
    };
    let mut unit = String::new();
    if matches!(kind, DtypeKind::Datetime | DtypeKind::Timedelta) && bytes.get(pos) == Some(&b'[') {
        let close = text
            .get(pos..)
            .and_then(|rest| rest.find(']'))
            .ok_or_else(|| typestr_error(text, pos, "a datetime unit like `[ns]`"))?;
        let inner = text.get(pos + 1..pos + close).unwrap_or("");
        if inner.is_empty() || !inner.bytes().all(|c| c.is_ascii_alphanumeric()) {
            return Err(typestr_error(
                text,
                pos + 1,
                "a datetime unit like `ns` or `25s`",
            ));
        }
        unit.push_str(inner);
        pos += close + 1;
    }
    if pos != bytes.len() {
        return Err(typestr_error(text, pos, "the end of the typestr"));
    }
    // Validate the size through the public constructor's rules.
    let checked = Dtype::scalar(kind, size, order)?;
    Ok(Dtype::scalar_with_unit(kind, checked.itemsize, order, unit))
}
