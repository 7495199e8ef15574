//! `DtypeError`: why a dtype description could not be parsed, built,
//! printed, or matched against another one.

use alloc::format;
use alloc::string::String;
use core::fmt;

/// Which aspect of two dtypes differs; carried by [`DtypeError::Mismatch`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MismatchKind {
    /// The two records (or values) have different itemsizes.
    Itemsize,
    /// Two fields at the same offset have different names.
    Name,
    /// A field with the same name sits at a different offset.
    Offset,
    /// Element kinds differ (e.g. integer vs float, record vs scalar).
    Kind,
    /// Element sizes differ (e.g. `<i4` vs `<i8`).
    Size,
    /// Element counts differ (sub-array shapes).
    Shape,
    /// Byte orders differ (e.g. `<f8` vs `>f8`).
    ByteOrder,
    /// Time units differ (e.g. `<M8[s]` vs `<M8[ns]`).
    Unit,
    /// The expected side has a field the found side lacks.
    MissingField,
    /// The found side has a field the expected side lacks.
    ExtraField,
}

impl MismatchKind {
    fn describe(self) -> &'static str {
        match self {
            MismatchKind::Itemsize => "the itemsizes differ",
            MismatchKind::Name => "the field names differ",
            MismatchKind::Offset => "the offsets differ",
            MismatchKind::Kind => "the element kinds differ",
            MismatchKind::Size => "the element sizes differ",
            MismatchKind::Shape => "the element counts (sub-array shapes) differ",
            MismatchKind::ByteOrder => "the byte orders differ",
            MismatchKind::Unit => "the time units differ",
            MismatchKind::MissingField => "the found dtype has no such field",
            MismatchKind::ExtraField => "the expected dtype has no such field",
        }
    }

    fn hint(self) -> &'static str {
        match self {
            MismatchKind::Unit => "use the unit type of the found side",
            MismatchKind::Itemsize => {
                "check #[repr(C)] vs #[repr(C, packed)] and explicit `_pad: [u8; N]` fields \
                 (aligned NumPy dtypes end in trailing padding)"
            }
            MismatchKind::Name => "rename the Rust field to the dtype's field name",
            MismatchKind::Offset => {
                "check #[repr(C)] vs #[repr(C, packed)] and the `_pad` fields before this one"
            }
            MismatchKind::Kind | MismatchKind::Size | MismatchKind::Shape => {
                "change the Rust field's type"
            }
            MismatchKind::ByteOrder => {
                "use Be<T> or Le<T> for fields stored in a non-native byte order"
            }
            MismatchKind::MissingField => {
                "remove the field, or rename it to start with `_` (a padding field)"
            }
            MismatchKind::ExtraField => {
                "add the field to the Rust type (or a padding field `_pad: [u8; N]` covering it)"
            }
        }
    }
}

/// Why a dtype could not be parsed, built, printed, or matched.
///
/// Every variant carries the numbers and names needed to act; `Display`
/// says what to change.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DtypeError {
    /// The text is not valid in the named syntax.
    Syntax {
        /// Which syntax was parsed: `"descr"`, `"typestr"` or `"PEP 3118"`.
        syntax: &'static str,
        /// Byte offset of the problem in the input.
        position: usize,
        /// What the parser expected there.
        expected: &'static str,
        /// What it found (a short excerpt, or `"end of input"`).
        found: String,
    },
    /// A type code that no layout can describe, such as `'O'` (Python
    /// objects: pointers, never zero-copy) or PEP 3118 `&` (pointers).
    Unsupported {
        /// The type code as written.
        code: String,
        /// Why it cannot be supported.
        reason: &'static str,
    },
    /// A kind with a size it does not come in (`<i3`, `<c4`, `<U5` bytes).
    InvalidSize {
        /// The kind's typestr letter.
        kind: char,
        /// The size in bytes that was asked for.
        size: usize,
    },
    /// A size, offset, count or shape product over its limit: NumPy's
    /// ([`MAX_ITEMSIZE`](crate::dtype::MAX_ITEMSIZE): a dtype's itemsize
    /// and sub-array sizes fit a C `int`) or the address space's.
    TooLarge {
        /// What was computed (`"the itemsize"`, `"a sub-array dimension"`).
        what: &'static str,
        /// The value as written, or the computation that exceeded the
        /// limit (`"8 * 268435456 = 2147483648"`).
        value: String,
        /// The largest value allowed.
        limit: usize,
    },
    /// Descriptions nested deeper than this crate follows (a guard against
    /// stack exhaustion on hostile input).
    TooDeep {
        /// The nesting limit.
        limit: usize,
    },
    /// A field extends past the end of its record.
    FieldOutOfRecord {
        /// The field's name.
        field: String,
        /// Its offset in bytes.
        offset: usize,
        /// Its size in bytes.
        size: usize,
        /// The record's itemsize.
        itemsize: usize,
    },
    /// Two fields share bytes.
    OverlappingFields {
        /// The earlier field.
        first: String,
        /// Where it ends (exclusive).
        first_end: usize,
        /// The later field.
        second: String,
        /// Where it starts.
        second_offset: usize,
    },
    /// Two fields have the same name.
    DuplicateField {
        /// The repeated name.
        name: String,
    },
    /// A description is structurally wrong (a list entry that is not a
    /// `(name, format[, shape])` tuple, dict keys of unequal lengths, ...).
    Malformed {
        /// Which syntax was parsed.
        syntax: &'static str,
        /// What was wrong, as a short sentence fragment.
        problem: String,
    },
    /// The dtype cannot be written in the requested syntax (a `:` in a PEP
    /// 3118 field name, datetimes in PEP 3118, ...).
    NotRepresentable {
        /// The target syntax.
        syntax: &'static str,
        /// What could not be written.
        what: String,
    },
    /// Two dtypes differ; names the first field (in offset order) that does.
    Mismatch {
        /// Dotted path of the field (`"p.x"`), or `""` for the whole dtype.
        field: String,
        /// Which aspect differs.
        kind: MismatchKind,
        /// The expected side (the Rust type in `T::dtype().check(..)`),
        /// as a descr entry with its offset.
        expected: String,
        /// The found side (the file, the foreign buffer).
        found: String,
        /// The Rust type that has the found side's dtype, when the kind,
        /// size, shape or unit differ and there is one (`"Be<f64>"`,
        /// `"f16 (feature `half`)"`).
        rust_type: Option<String>,
    },
}

impl fmt::Display for DtypeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DtypeError::Syntax {
                syntax,
                position,
                expected,
                found,
            } => write!(
                f,
                "invalid {syntax} at byte {position}: expected {expected}, found {found}"
            ),
            DtypeError::Unsupported { code, reason } => write!(
                f,
                "type code `{code}` is not supported: {reason}"
            ),
            DtypeError::InvalidSize { kind, size } => write!(
                f,
                "kind `{kind}` does not come in {size} bytes; check the typestr's size digits"
            ),
            DtypeError::TooLarge { what, value, limit } => {
                let whose = if *limit == crate::dtype::MAX_ITEMSIZE {
                    "NumPy's limit (a dtype's size must fit a C int)"
                } else {
                    "what this machine can address"
                };
                write!(
                    f,
                    "{what} is {value}, more than {limit}, {whose}; the description is corrupt \
                     or describes more than NumPy can hold"
                )
            }
            DtypeError::TooDeep { limit } => write!(
                f,
                "description nested deeper than {limit} levels; flatten the nested records"
            ),
            DtypeError::FieldOutOfRecord {
                field,
                offset,
                size,
                itemsize,
            } => write!(
                f,
                "field `{field}` at offset {offset} with size {size} ends at byte {} but the record \
                 has only {itemsize} bytes; raise the itemsize or move the field",
                offset.saturating_add(*size)
            ),
            DtypeError::OverlappingFields {
                first,
                first_end,
                second,
                second_offset,
            } => write!(
                f,
                "fields `{first}` (ends at byte {first_end}) and `{second}` (starts at byte \
                 {second_offset}) overlap; a layout needs disjoint fields"
            ),
            DtypeError::DuplicateField { name } => {
                write!(f, "field name `{name}` appears twice; field names must be unique")
            }
            DtypeError::Malformed { syntax, problem } => {
                write!(f, "malformed {syntax}: {problem}")
            }
            DtypeError::NotRepresentable { syntax, what } => {
                write!(f, "cannot write {what} as {syntax}")
            }
            DtypeError::Mismatch {
                field,
                kind,
                expected,
                found,
                rust_type,
            } => {
                if field.is_empty() {
                    write!(f, "dtypes differ: ")?;
                } else {
                    write!(f, "dtypes differ at field `{field}`: ")?;
                }
                write!(f, "{}: expected {expected}, found {found}; ", kind.describe())?;
                match rust_type {
                    Some(rust_type) => write!(f, "the Rust type for it is {rust_type}"),
                    None => f.write_str(kind.hint()),
                }
            }
        }
    }
}

impl core::error::Error for DtypeError {}

impl DtypeError {
    /// `what` is `value`, over `limit`.
    pub(crate) fn too_large(what: &'static str, value: impl fmt::Display, limit: usize) -> Self {
        DtypeError::TooLarge {
            what,
            value: format!("{value}"),
            limit,
        }
    }
}

/// `first * factors[0] * factors[1] ...` if it is at most `limit`, else
/// [`DtypeError::TooLarge`] showing the factors (and their product, when
/// it fits in 128 bits).
pub(crate) fn checked_product(
    what: &'static str,
    first: usize,
    factors: &[usize],
    limit: usize,
) -> Result<usize, DtypeError> {
    let product = factors
        .iter()
        .try_fold(first, |acc, &n| acc.checked_mul(n))
        .filter(|&p| p <= limit);
    product.ok_or_else(|| {
        let mut value = format!("{first}");
        for n in factors {
            value.push_str(&format!(" * {n}"));
        }
        let wide = factors
            .iter()
            .try_fold(first as u128, |acc, &n| acc.checked_mul(n as u128));
        if let Some(wide) = wide {
            value.push_str(&format!(" = {wide}"));
        }
        DtypeError::TooLarge { what, value, limit }
    })
}

/// `a + b` if it is at most `limit`, else [`DtypeError::TooLarge`].
pub(crate) fn checked_sum(
    what: &'static str,
    a: usize,
    b: usize,
    limit: usize,
) -> Result<usize, DtypeError> {
    a.checked_add(b).filter(|&sum| sum <= limit).ok_or_else(|| {
        DtypeError::too_large(
            what,
            format!("{a} + {b} = {}", a as u128 + b as u128),
            limit,
        )
    })
}
