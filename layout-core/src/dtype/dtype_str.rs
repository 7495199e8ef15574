//! NumPy's dtype strings, as `np.dtype(text)` reads them: typestrs
//! (`<f8`, `|S32`, `<M8[ns]`), one-character type codes (`d`, `?`, `F`),
//! type names (`float64`, `bool`, `datetime64[ns]`), and comma strings
//! (`3i`, `(2,3)f8`, `i4, f8`). A `.npy` header's `descr` may be any of
//! them (`numpy.lib.format.descr_to_dtype` calls `np.dtype` on it).
//!
//! The platform-dependent codes (`l`, `L`, `g`, `G`, `int`, `long`,
//! `longdouble`) take this target's C sizes, as NumPy built for it does.

use super::{checked_product, Dtype, DtypeError, DtypeField, DtypeKind, MAX_ITEMSIZE};
use crate::layout::ByteOrder;
use crate::numpy_types::TimeUnit;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

const SYNTAX: &str = "typestr";

/// Size of C `long`.
#[cfg(all(target_pointer_width = "64", not(windows)))]
const C_LONG: usize = 8;
#[cfg(not(all(target_pointer_width = "64", not(windows))))]
const C_LONG: usize = 4;

/// Size of C `long double` (x86-64 Linux and macOS: 16, the 80-bit format
/// padded; elsewhere taken as 8, as on Windows and Apple silicon).
#[cfg(all(target_arch = "x86_64", not(windows)))]
const LONG_DOUBLE: usize = 16;
#[cfg(not(all(target_arch = "x86_64", not(windows))))]
const LONG_DOUBLE: usize = 8;

/// Size of a pointer (`intp`).
const INTP: usize = core::mem::size_of::<usize>();

fn error(text: &str, position: usize, expected: &'static str) -> DtypeError {
    let found = match text.get(position..) {
        None | Some("") => String::from("end of input"),
        Some(rest) => format!("`{rest}`"),
    };
    DtypeError::Syntax {
        syntax: SYNTAX,
        position,
        expected,
        found,
    }
}

/// A dtype string as `np.dtype` reads it.
pub(crate) fn parse(text: &str) -> Result<Dtype, DtypeError> {
    if text.contains(',') || text.starts_with(|c: char| c.is_ascii_digit() || c == '(') {
        return comma_string(text);
    }
    simple(text, 0)
}

/// One dtype without repeat counts: a typestr, a code or a name. `at` is
/// where `text` starts in the whole input (for error positions).
fn simple(text: &str, at: usize) -> Result<Dtype, DtypeError> {
    let bytes = text.as_bytes();
    let (order, rest, start) = match bytes.first() {
        Some(b'<') => (Some(ByteOrder::Little), text.get(1..).unwrap_or(""), 1),
        Some(b'>') => (Some(ByteOrder::Big), text.get(1..).unwrap_or(""), 1),
        // `|` (not applicable) and `=` (native) both mean native here.
        Some(b'|' | b'=') => (Some(ByteOrder::NATIVE), text.get(1..).unwrap_or(""), 1),
        _ => (None, text, 0),
    };
    let order_or_native = order.unwrap_or(ByteOrder::NATIVE);
    // Datetime names take a byte order (`<datetime64[ns]`); other names do
    // not (`<float64` is not understood).
    for (name, kind) in [
        ("datetime64", DtypeKind::Datetime),
        ("timedelta64", DtypeKind::Timedelta),
    ] {
        if let Some(unit) = rest.strip_prefix(name) {
            return time(kind, order_or_native, unit, text, at + start + name.len());
        }
    }
    if order.is_none() {
        if let Some((kind, size)) = named(rest) {
            return scalar_or_object(kind, size, ByteOrder::NATIVE, text);
        }
    }
    let mut chars = rest.char_indices();
    let Some((_, letter)) = chars.next() else {
        return Err(error(text, start, "a type code or kind letter"));
    };
    let after = rest.get(letter.len_utf8()..).unwrap_or("");
    if after.is_empty() {
        // NumPy refuses the deprecated `a` with a byte order (`<a`), though
        // it reads `a` and `<a5`.
        if letter == 'a' && order.is_some() {
            return Err(error(text, start, "no byte order before `a` (write `S`)"));
        }
        let Some((kind, size)) = code(letter) else {
            return Err(error(
                text,
                start,
                "a NumPy type code (b i u f c S U V M m ? d ...)",
            ));
        };
        return scalar_or_object(kind, size, order_or_native, text);
    }
    let kind = match letter {
        'b' => DtypeKind::Bool,
        'i' => DtypeKind::Int,
        'u' => DtypeKind::Uint,
        'f' => DtypeKind::Float,
        'c' => DtypeKind::Complex,
        'S' | 'a' => DtypeKind::Bytes,
        'U' => DtypeKind::Unicode,
        'V' => DtypeKind::Raw,
        'M' => DtypeKind::Datetime,
        'm' => DtypeKind::Timedelta,
        'O' => return object(text),
        _ => {
            return Err(error(
                text,
                start,
                "a kind letter (b i u f c S U V M m) before a size",
            ))
        }
    };
    let digits_end = after
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(after.len());
    let digits = after.get(..digits_end).unwrap_or("");
    let after_digits = after.get(digits_end..).unwrap_or("");
    let size_at = start + letter.len_utf8();
    if digits.is_empty() {
        return Err(error(text, size_at, "the size in bytes"));
    }
    let count = number(digits)?;
    if matches!(kind, DtypeKind::Datetime | DtypeKind::Timedelta) {
        if count != 8 {
            return Err(DtypeError::InvalidSize {
                kind: letter,
                size: count,
            });
        }
        return time(
            kind,
            order_or_native,
            after_digits,
            text,
            size_at + digits.len(),
        );
    }
    if !after_digits.is_empty() {
        return Err(error(
            text,
            size_at + digits.len(),
            "the end of the typestr",
        ));
    }
    let size = if kind == DtypeKind::Unicode {
        checked_product(
            "the unicode string's size in bytes",
            count,
            &[4],
            MAX_ITEMSIZE,
        )?
    } else {
        count
    };
    Dtype::scalar(kind, size, order_or_native)
}

/// Digits as a size, at most [`MAX_ITEMSIZE`].
fn number(digits: &str) -> Result<usize, DtypeError> {
    digits
        .parse::<usize>()
        .ok()
        .filter(|&n| n <= MAX_ITEMSIZE)
        .ok_or_else(|| DtypeError::too_large("the typestr's size", digits, MAX_ITEMSIZE))
}

fn object(text: &str) -> Result<Dtype, DtypeError> {
    Err(DtypeError::Unsupported {
        code: String::from(text),
        reason: "object arrays hold pointers to Python objects, which cannot be read from a \
                 file or viewed as plain data",
    })
}

/// `None` kind stands for objects.
fn scalar_or_object(
    kind: Option<DtypeKind>,
    size: usize,
    order: ByteOrder,
    text: &str,
) -> Result<Dtype, DtypeError> {
    match kind {
        None => object(text),
        Some(kind @ (DtypeKind::Datetime | DtypeKind::Timedelta)) => {
            Ok(Dtype::scalar_with_unit(kind, 8, order, String::new()))
        }
        Some(kind) => Dtype::scalar(kind, size, order),
    }
}

/// A time kind with its `[unit]` suffix (`rest`, possibly empty). The unit
/// is one NumPy knows, with an optional multiplier (`[25s]`; `[1ns]` is
/// `[ns]`).
fn time(
    kind: DtypeKind,
    order: ByteOrder,
    rest: &str,
    text: &str,
    at: usize,
) -> Result<Dtype, DtypeError> {
    if rest.is_empty() {
        return Ok(Dtype::scalar_with_unit(kind, 8, order, String::new()));
    }
    let inner = rest
        .strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .ok_or_else(|| error(text, at, "a datetime unit in brackets, like `[ns]`"))?;
    let unit = normalize_unit(inner).ok_or_else(|| DtypeError::Unsupported {
        code: String::from(text),
        reason: "not a datetime unit NumPy knows (Y M W D h m s ms us ns ps fs as, with an \
                 optional multiplier such as 25s)",
    })?;
    Ok(Dtype::scalar_with_unit(kind, 8, order, unit))
}

/// `"25s"` stays, `"1ns"` is `"ns"`, `"μs"` is `"us"`; `None` for text that
/// is not a unit (`"xx"`, `""`, `"-1s"`).
pub(crate) fn normalize_unit(inner: &str) -> Option<String> {
    let digits_end = inner
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(inner.len());
    let (digits, base) = inner.split_at(digits_end);
    let unit = TimeUnit::parse(base).filter(|unit| *unit != TimeUnit::Generic)?;
    match digits {
        "" | "1" => Some(String::from(unit.as_str())),
        digits => {
            let multiplier: u64 = digits.parse().ok()?;
            Some(format!("{multiplier}{}", unit.as_str()))
        }
    }
}

/// One-character type codes: (kind, size); `None` kind is an object.
fn code(letter: char) -> Option<(Option<DtypeKind>, usize)> {
    use DtypeKind::*;
    Some(match letter {
        '?' => (Some(Bool), 1),
        'b' => (Some(Int), 1),
        'B' => (Some(Uint), 1),
        'h' => (Some(Int), 2),
        'H' => (Some(Uint), 2),
        'i' => (Some(Int), 4),
        'I' => (Some(Uint), 4),
        'l' => (Some(Int), C_LONG),
        'L' => (Some(Uint), C_LONG),
        'q' => (Some(Int), 8),
        'Q' => (Some(Uint), 8),
        'p' | 'n' => (Some(Int), INTP),
        'P' | 'N' => (Some(Uint), INTP),
        'e' => (Some(Float), 2),
        'f' => (Some(Float), 4),
        'd' => (Some(Float), 8),
        'g' => (Some(Float), LONG_DOUBLE),
        'F' => (Some(Complex), 8),
        'D' => (Some(Complex), 16),
        'G' => (Some(Complex), 2 * LONG_DOUBLE),
        'c' => (Some(Bytes), 1),
        'S' | 'a' => (Some(Bytes), 0),
        'U' => (Some(Unicode), 0),
        'V' => (Some(Raw), 0),
        'M' => (Some(Datetime), 8),
        'm' => (Some(Timedelta), 8),
        'O' => (None, 8),
        _ => return None,
    })
}

/// NumPy's type names: (kind, size); `None` kind is an object.
fn named(name: &str) -> Option<(Option<DtypeKind>, usize)> {
    use DtypeKind::*;
    Some(match name {
        "bool" | "bool_" => (Some(Bool), 1),
        "int8" | "byte" => (Some(Int), 1),
        "uint8" | "ubyte" => (Some(Uint), 1),
        "int16" | "short" => (Some(Int), 2),
        "uint16" | "ushort" => (Some(Uint), 2),
        "int32" | "intc" => (Some(Int), 4),
        "uint32" | "uintc" => (Some(Uint), 4),
        "int64" | "longlong" => (Some(Int), 8),
        "uint64" | "ulonglong" => (Some(Uint), 8),
        "int" | "int_" | "intp" => (Some(Int), INTP),
        "uint" | "uintp" => (Some(Uint), INTP),
        "long" => (Some(Int), C_LONG),
        "ulong" => (Some(Uint), C_LONG),
        "float16" | "half" => (Some(Float), 2),
        "float32" | "single" => (Some(Float), 4),
        "float64" | "double" | "float" => (Some(Float), 8),
        "longdouble" => (Some(Float), LONG_DOUBLE),
        "float128" if LONG_DOUBLE == 16 => (Some(Float), 16),
        "complex64" | "csingle" => (Some(Complex), 8),
        "complex128" | "cdouble" | "complex" => (Some(Complex), 16),
        "clongdouble" => (Some(Complex), 2 * LONG_DOUBLE),
        "complex256" if LONG_DOUBLE == 16 => (Some(Complex), 32),
        "bytes" | "bytes_" => (Some(Bytes), 0),
        "str" | "str_" | "unicode" => (Some(Unicode), 0),
        "void" => (Some(Raw), 0),
        "object" | "object_" => (None, 8),
        _ => return None,
    })
}

/// `3i`, `(2,3)f8`, `i4, f8`: items separated by commas (outside
/// parentheses), each with an optional repeat count or shape. One item
/// without a trailing comma is that dtype (a sub-array with a count);
/// several are a packed record of fields `f0`, `f1`, ...
fn comma_string(text: &str) -> Result<Dtype, DtypeError> {
    let mut items: Vec<(usize, &str)> = Vec::new();
    let mut depth = 0usize;
    let mut start = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                items.push((start, text.get(start..i).unwrap_or("")));
                start = i + 1;
            }
            _ => {}
        }
    }
    let last = text.get(start..).unwrap_or("");
    if !last.trim().is_empty() || items.is_empty() {
        items.push((start, last));
    }
    let mut dtypes = Vec::with_capacity(items.len());
    for (at, item) in &items {
        let trimmed = item.trim_start();
        let at = at + (item.len() - trimmed.len());
        dtypes.push(repeated(trimmed.trim_end(), at, text)?);
    }
    if dtypes.len() == 1 && !text.trim_end().ends_with(',') {
        return Ok(dtypes.pop().unwrap_or_else(|| unreachable!("one item")));
    }
    let mut fields = Vec::with_capacity(dtypes.len());
    let mut offset = 0usize;
    for (i, dtype) in dtypes.into_iter().enumerate() {
        let size = dtype.itemsize();
        fields.push(DtypeField::new(format!("f{i}"), offset, dtype));
        offset = super::checked_sum("the record's size", offset, size, MAX_ITEMSIZE)?;
    }
    Dtype::record(fields, offset)
}

/// One comma-string item: `[count | (dims)]dtype`.
fn repeated(item: &str, at: usize, text: &str) -> Result<Dtype, DtypeError> {
    let (shape, rest, rest_at) = if let Some(inner) = item.strip_prefix('(') {
        let close = inner
            .find(')')
            .ok_or_else(|| error(text, at, "`)` closing a shape"))?;
        let dims = inner.get(..close).unwrap_or("");
        let mut shape = Vec::new();
        for dim in dims.split(',').map(str::trim).filter(|d| !d.is_empty()) {
            if !dim.bytes().all(|b| b.is_ascii_digit()) {
                return Err(error(text, at + 1, "a shape of non-negative ints"));
            }
            shape.push(number(dim)?);
        }
        let rest = inner.get(close + 1..).unwrap_or("");
        (shape, rest, at + close + 2)
    } else {
        let digits_end = item
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(item.len());
        let digits = item.get(..digits_end).unwrap_or("");
        let shape = if digits.is_empty() {
            Vec::new()
        } else {
            alloc::vec![number(digits)?]
        };
        (shape, item.get(digits_end..).unwrap_or(""), at + digits_end)
    };
    if rest.is_empty() {
        return Err(error(text, rest_at, "a dtype after the count"));
    }
    let base = simple(rest, rest_at)?;
    // A count of 1 is the dtype itself (NumPy: `1i` is `i`).
    if shape == [1] {
        return Ok(base);
    }
    Dtype::sub_array(base, &shape)
}
