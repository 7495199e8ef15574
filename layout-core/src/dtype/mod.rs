//! NumPy dtype descriptions: build one from a layout type, print and parse
//! NumPy's `descr`, typestrs and PEP 3118 format strings, and check a
//! foreign description against a Rust type.
//!
//! A [`Dtype`] is one of three things, as in NumPy: a scalar (kind, size,
//! byte order), a sub-array (a base dtype repeated in a shape), or a record
//! (named fields at byte offsets, plus an itemsize that may include gaps).
//! Every `#[derive(PixelLayout)]` type and every scalar has one through
//! [`HasDtype::dtype`], built from its compile-time field table, so
//! `repr(C)` and `repr(C, packed)` structs are described exactly.
//!
//! ```
//! use typed_layout::{Be, Dtype, HasDtype, PixelLayout};
//!
//! #[derive(Clone, Copy, PixelLayout)]
//! #[repr(C, packed)]
//! struct Person { name: [u8; 32], age: i32, salary: f64 }
//!
//! // What NumPy writes in a .npy header for the same records:
//! let numpy = Dtype::from_descr("[('name', '|S32'), ('age', '<i4'), ('salary', '<f8')]")?;
//! # #[cfg(target_endian = "little")]
//! assert!(Person::dtype().matches(&numpy));
//! assert_eq!(numpy.field("salary").map(|f| f.offset()), Some(36));
//!
//! // A big-endian file does not match, and the error says where and why.
//! let big = Dtype::from_pep3118("T{32s:name:>i:age:d:salary:}")?;
//! let err = Person::dtype().check(&big).unwrap_err();
//! # #[cfg(target_endian = "little")]
//! assert!(err.to_string().starts_with("dtypes differ at field `age`: the byte orders differ"));
//! # Ok::<(), typed_layout::DtypeError>(())
//! ```
//!
//! # Gaps and `_pad` fields
//!
//! Derived types have no implicit padding: a `_pad: [u8; N]` field is a
//! real field, described as `('_pad', '|u1', (N,))`. NumPy describes the
//! same bytes as an unnamed gap (`('', '|V4')` in a descr, `xxxx` in PEP
//! 3118), which parsing turns into a gap between fields, not a field. When
//! comparing, [`Dtype::check`] therefore treats every field whose name
//! starts with `_pad` as a gap on both sides.

mod check;
pub(crate) mod descr;
mod error;
pub(crate) mod literal;
mod pep3118;

pub(crate) use error::{checked_product, checked_sum};
pub use error::{DtypeError, MismatchKind};

use crate::layout::{ByteOrder, ElemKind, Layout, PixelLayout, Shape};
use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

/// Records and sub-arrays nested deeper than this are refused by the
/// parsers (a guard against stack exhaustion on hostile input).
pub const MAX_NESTING: usize = 32;

/// The largest itemsize NumPy allows (`i32::MAX`: a dtype's size, and each
/// sub-array dimension, must fit a C `int`). The parsers and constructors
/// refuse larger dtypes with [`DtypeError::TooLarge`], as NumPy does
/// (`np.dtype('S2147483648')` is not understood).
pub const MAX_ITEMSIZE: usize = i32::MAX as usize;

/// The element kind of a scalar dtype: NumPy's typestr kind letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DtypeKind {
    /// `b`: one byte, 0 or 1 (read it as `u8`).
    Bool,
    /// `i`: two's-complement signed integer.
    Int,
    /// `u`: unsigned integer.
    Uint,
    /// `f`: IEEE 754 binary float.
    Float,
    /// `c`: a complex number, two floats of half the size.
    Complex,
    /// `S`: a fixed-length byte string.
    Bytes,
    /// `U`: a fixed-length UCS-4 string (4 bytes per character).
    Unicode,
    /// `V`: raw bytes.
    Raw,
    /// `M`: a `datetime64`, an `i8` count of its unit since the epoch.
    Datetime,
    /// `m`: a `timedelta64`, an `i8` count of its unit.
    Timedelta,
}

impl DtypeKind {
    /// The typestr kind letter (`'f'` for floats, `'S'` for bytes, ...).
    pub const fn typestr_char(self) -> char {
        match self {
            DtypeKind::Bool => 'b',
            DtypeKind::Int => 'i',
            DtypeKind::Uint => 'u',
            DtypeKind::Float => 'f',
            DtypeKind::Complex => 'c',
            DtypeKind::Bytes => 'S',
            DtypeKind::Unicode => 'U',
            DtypeKind::Raw => 'V',
            DtypeKind::Datetime => 'M',
            DtypeKind::Timedelta => 'm',
        }
    }

    /// Whether values of this kind and size have a byte order.
    pub(crate) const fn has_byte_order(self, size: usize) -> bool {
        match self {
            DtypeKind::Bool | DtypeKind::Bytes | DtypeKind::Raw => false,
            DtypeKind::Unicode => true,
            _ => size > 1,
        }
    }

    /// The alignment NumPy gives this kind and size.
    pub(crate) const fn natural_align(self, size: usize) -> usize {
        match self {
            DtypeKind::Bool | DtypeKind::Bytes | DtypeKind::Raw => 1,
            DtypeKind::Unicode => 4,
            DtypeKind::Datetime | DtypeKind::Timedelta => 8,
            DtypeKind::Complex => {
                if size >= 2 {
                    size / 2
                } else {
                    1
                }
            }
            DtypeKind::Int | DtypeKind::Uint | DtypeKind::Float => {
                if size == 0 {
                    1
                } else {
                    size
                }
            }
        }
    }
}

/// A NumPy dtype: a scalar, a sub-array, or a record with named fields.
///
/// Build one with [`HasDtype::dtype`] (from a Rust type), a parser
/// ([`Dtype::from_descr`], [`Dtype::from_typestr`], [`Dtype::from_pep3118`],
/// [`Dtype::parse`]), or the constructors [`Dtype::scalar`],
/// [`Dtype::sub_array`] and [`Dtype::record`], which validate sizes,
/// offsets and names.
///
/// Two dtypes are `==` when they describe the same bytes the same way:
/// itemsize, fields (name, offset, dtype), kinds, sizes, byte orders and
/// shapes. Alignment is not compared: a `descr` does not carry it.
#[derive(Clone, Debug)]
pub struct Dtype {
    itemsize: usize,
    align: usize,
    repr: Repr,
}

#[derive(Clone, Debug, PartialEq)]
enum Repr {
    Scalar {
        kind: DtypeKind,
        order: ByteOrder,
        /// The datetime unit in brackets (`"ns"`, `"25s"`); empty otherwise.
        unit: String,
    },
    SubArray {
        /// Never itself a sub-array: nested shapes are merged.
        base: Box<Dtype>,
        shape: Vec<usize>,
    },
    Record {
        /// In increasing offset order, disjoint, inside the itemsize.
        fields: Vec<DtypeField>,
    },
}

/// One field of a record dtype: a name, a byte offset and a dtype.
#[derive(Clone, Debug, PartialEq)]
pub struct DtypeField {
    name: String,
    offset: usize,
    dtype: Dtype,
}

impl PartialEq for Dtype {
    fn eq(&self, other: &Self) -> bool {
        self.itemsize == other.itemsize && self.repr == other.repr
    }
}

/// `T::dtype()` for every layout type: the dtype built from `T::LAYOUT`.
///
/// Implemented for every [`PixelLayout`] type (scalars, arrays, `Be`/`Le`,
/// derived structs), so `use typed_layout::HasDtype;` is all it takes.
///
/// ```
/// use typed_layout::{Be, HasDtype, PixelLayout};
///
/// #[derive(Clone, Copy, PixelLayout)]
/// #[repr(C)]
/// struct Person { name: [u8; 32], age: i32, _pad: [u8; 4], salary: f64 }
///
/// # #[cfg(target_endian = "little")] {
/// assert_eq!(
///     Person::dtype().descr(),
///     "[('name', '|u1', (32,)), ('age', '<i4'), ('_pad', '|u1', (4,)), ('salary', '<f8')]"
/// );
/// assert_eq!(f64::dtype().typestr(), "<f8");
/// # }
/// assert_eq!(<Be<f64>>::dtype().typestr(), ">f8");
/// assert_eq!(Person::dtype().itemsize(), 48);
/// assert_eq!(Person::dtype().align(), 8);
/// ```
pub trait HasDtype: PixelLayout {
    /// This type's dtype, built from [`PixelLayout::LAYOUT`].
    fn dtype() -> Dtype {
        Dtype::from_layout(&Self::LAYOUT)
    }
}

impl<T: PixelLayout> HasDtype for T {}

impl Dtype {
    /// A scalar dtype. Validates that `kind` comes in `size` bytes (`i`/`u`:
    /// 1, 2, 4, 8, 16; `f`: 2, 4, 8, 16; `c`: 8, 16, 32; `b`: 1; `U`: a
    /// multiple of 4; `M`/`m`: 8; `S`/`V`: any). The byte order is
    /// normalized: [`ByteOrder::NotApplicable`] for kinds and sizes without
    /// one, and native when `NotApplicable` is given for a kind that has one.
    ///
    /// ```
    /// use typed_layout::{ByteOrder, Dtype, DtypeKind};
    /// let be = Dtype::scalar(DtypeKind::Float, 8, ByteOrder::Big)?;
    /// assert_eq!(be.typestr(), ">f8");
    /// assert!(Dtype::scalar(DtypeKind::Int, 3, ByteOrder::Little).is_err());
    /// # Ok::<(), typed_layout::DtypeError>(())
    /// ```
    pub fn scalar(kind: DtypeKind, size: usize, order: ByteOrder) -> Result<Dtype, DtypeError> {
        let valid = match kind {
            DtypeKind::Bool => size == 1,
            DtypeKind::Int | DtypeKind::Uint => matches!(size, 1 | 2 | 4 | 8 | 16),
            DtypeKind::Float => matches!(size, 2 | 4 | 8 | 16),
            DtypeKind::Complex => matches!(size, 8 | 16 | 32),
            DtypeKind::Bytes | DtypeKind::Raw => true,
            DtypeKind::Unicode => size.is_multiple_of(4),
            DtypeKind::Datetime | DtypeKind::Timedelta => size == 8,
        };
        if !valid {
            return Err(DtypeError::InvalidSize {
                kind: kind.typestr_char(),
                size,
            });
        }
        if size > MAX_ITEMSIZE {
            return Err(DtypeError::too_large("the itemsize", size, MAX_ITEMSIZE));
        }
        Ok(Self::scalar_with_unit(kind, size, order, String::new()))
    }

    /// A scalar whose size is already validated, with a datetime unit.
    fn scalar_with_unit(kind: DtypeKind, size: usize, order: ByteOrder, unit: String) -> Dtype {
        let order = if !kind.has_byte_order(size) {
            ByteOrder::NotApplicable
        } else if order == ByteOrder::NotApplicable {
            ByteOrder::NATIVE
        } else {
            order
        };
        Dtype {
            itemsize: size,
            align: kind.natural_align(size),
            repr: Repr::Scalar { kind, order, unit },
        }
    }

    /// `base` repeated in `shape` (C order), as a field's sub-array. A
    /// sub-array base is merged (`(('<f4', (3,)), (2,))` is `('<f4', (2, 3))`);
    /// an empty shape returns `base` itself.
    ///
    /// ```
    /// use typed_layout::{Dtype, HasDtype};
    /// let rgb = Dtype::sub_array(u8::dtype(), &[3])?;
    /// assert_eq!((rgb.itemsize(), rgb.shape()), (3, &[3][..]));
    /// # Ok::<(), typed_layout::DtypeError>(())
    /// ```
    pub fn sub_array(base: Dtype, shape: &[usize]) -> Result<Dtype, DtypeError> {
        if shape.is_empty() {
            return Ok(base);
        }
        let Dtype {
            itemsize: base_size,
            align,
            repr,
        } = base;
        let (base, full_shape) = match repr {
            Repr::SubArray {
                base: inner,
                shape: inner_shape,
            } => {
                let mut full = shape.to_vec();
                full.extend_from_slice(&inner_shape);
                (inner, full)
            }
            repr => (
                Box::new(Dtype {
                    itemsize: base_size,
                    align,
                    repr,
                }),
                shape.to_vec(),
            ),
        };
        if full_shape.len() > MAX_NESTING {
            return Err(DtypeError::TooDeep { limit: MAX_NESTING });
        }
        if let Some(&dim) = full_shape.iter().find(|&&dim| dim > MAX_ITEMSIZE) {
            return Err(DtypeError::too_large(
                "a sub-array dimension",
                dim,
                MAX_ITEMSIZE,
            ));
        }
        let itemsize = checked_product(
            "the sub-array's size in bytes",
            base.itemsize,
            &full_shape,
            MAX_ITEMSIZE,
        )?;
        Ok(Dtype {
            itemsize,
            align: base.align,
            repr: Repr::SubArray {
                base,
                shape: full_shape,
            },
        })
    }

    /// A record of `fields` in `itemsize` bytes; bytes no field covers are
    /// gaps. Fields are kept in increasing offset order. Refuses empty or
    /// duplicate names, fields past `itemsize`, and overlapping fields.
    ///
    /// The alignment is NumPy's: the largest field alignment if every field
    /// is aligned and the itemsize is a multiple of it (an `align=True`
    /// layout), else 1.
    ///
    /// ```
    /// use typed_layout::{Dtype, DtypeField, HasDtype};
    /// let point = Dtype::record(
    ///     vec![DtypeField::new("x", 0, f32::dtype()), DtypeField::new("y", 8, f64::dtype())],
    ///     16,
    /// )?;
    /// assert_eq!(point.align(), 8);
    /// # #[cfg(target_endian = "little")]
    /// assert_eq!(point.descr(), "[('x', '<f4'), ('', '|V4'), ('y', '<f8')]");
    /// # Ok::<(), typed_layout::DtypeError>(())
    /// ```
    pub fn record(mut fields: Vec<DtypeField>, itemsize: usize) -> Result<Dtype, DtypeError> {
        if itemsize > MAX_ITEMSIZE {
            return Err(DtypeError::too_large(
                "the itemsize",
                itemsize,
                MAX_ITEMSIZE,
            ));
        }
        fields.sort_by_key(|field| field.offset);
        let mut previous: Option<(&str, usize)> = None;
        for field in &fields {
            if field.name.is_empty() {
                return Err(DtypeError::EmptyName {
                    offset: field.offset,
                });
            }
            let end = field
                .offset
                .checked_add(field.dtype.itemsize)
                .ok_or_else(|| {
                    DtypeError::too_large(
                        "a field's end offset",
                        format!("{} + {}", field.offset, field.dtype.itemsize),
                        usize::MAX,
                    )
                })?;
            if end > itemsize {
                return Err(DtypeError::FieldOutOfRecord {
                    field: field.name.clone(),
                    offset: field.offset,
                    size: field.dtype.itemsize,
                    itemsize,
                });
            }
            if let Some((name, previous_end)) = previous {
                if previous_end > field.offset {
                    return Err(DtypeError::OverlappingFields {
                        first: String::from(name),
                        first_end: previous_end,
                        second: field.name.clone(),
                        second_offset: field.offset,
                    });
                }
            }
            previous = Some((&field.name, end));
        }
        let mut names: Vec<&str> = fields.iter().map(|field| field.name.as_str()).collect();
        names.sort_unstable();
        if let Some(pair) = names.windows(2).find(|pair| pair[0] == pair[1]) {
            return Err(DtypeError::DuplicateField {
                name: String::from(pair[0]),
            });
        }
        let max_align = fields
            .iter()
            .map(|field| field.dtype.align)
            .max()
            .unwrap_or(1)
            .max(1);
        let aligned = itemsize.is_multiple_of(max_align)
            && fields
                .iter()
                .all(|field| field.offset % field.dtype.align.max(1) == 0);
        Ok(Dtype {
            itemsize,
            align: if aligned { max_align } else { 1 },
            repr: Repr::Record { fields },
        })
    }

    /// The dtype of a layout table (what [`HasDtype::dtype`] returns).
    /// Alignment is the Rust type's (`Be<f64>` has alignment 1, a packed
    /// struct 1). A raw-identifier field `r#type` is named `type`.
    pub fn from_layout(layout: &Layout) -> Dtype {
        let repr = match layout.shape {
            Shape::Scalar { kind, order } => {
                let kind = match kind {
                    ElemKind::Int => DtypeKind::Int,
                    ElemKind::Uint => DtypeKind::Uint,
                    ElemKind::Float => DtypeKind::Float,
                };
                let order = if kind.has_byte_order(layout.size) {
                    order
                } else {
                    ByteOrder::NotApplicable
                };
                Repr::Scalar {
                    kind,
                    order,
                    unit: String::new(),
                }
            }
            Shape::Array { elem, len } => {
                let elem = Dtype::from_layout(elem);
                match elem.repr {
                    Repr::SubArray { base, shape } => {
                        let mut full = Vec::with_capacity(shape.len() + 1);
                        full.push(len);
                        full.extend_from_slice(&shape);
                        Repr::SubArray { base, shape: full }
                    }
                    _ => Repr::SubArray {
                        base: Box::new(elem),
                        shape: alloc::vec![len],
                    },
                }
            }
            Shape::Record { fields, .. } => {
                let mut fields: Vec<DtypeField> = fields
                    .iter()
                    .map(|field| DtypeField {
                        name: String::from(field.name.strip_prefix("r#").unwrap_or(field.name)),
                        offset: field.offset,
                        dtype: Dtype::from_layout(field.layout),
                    })
                    .collect();
                fields.sort_by_key(|field| field.offset);
                Repr::Record { fields }
            }
        };
        Dtype {
            itemsize: layout.size,
            align: layout.align,
            repr,
        }
    }

    /// Size of one element in bytes (NumPy's `itemsize`).
    pub fn itemsize(&self) -> usize {
        self.itemsize
    }

    /// Alignment in bytes: the Rust type's for dtypes from a layout; for
    /// parsed dtypes NumPy's (natural for scalars, see [`Dtype::record`]).
    pub fn align(&self) -> usize {
        self.align
    }

    /// Whether this is a record (has fields).
    pub fn is_record(&self) -> bool {
        matches!(self.repr, Repr::Record { .. })
    }

    /// Whether this is a sub-array.
    pub fn is_sub_array(&self) -> bool {
        matches!(self.repr, Repr::SubArray { .. })
    }

    /// Whether this is a scalar.
    pub fn is_scalar(&self) -> bool {
        matches!(self.repr, Repr::Scalar { .. })
    }

    /// The fields of a record, in offset order; empty otherwise.
    pub fn fields(&self) -> &[DtypeField] {
        match &self.repr {
            Repr::Record { fields } => fields,
            _ => &[],
        }
    }

    /// The field called `name`, if this is a record that has one.
    pub fn field(&self, name: &str) -> Option<&DtypeField> {
        self.fields().iter().find(|field| field.name == name)
    }

    /// The shape of a sub-array; empty otherwise.
    pub fn shape(&self) -> &[usize] {
        match &self.repr {
            Repr::SubArray { shape, .. } => shape,
            _ => &[],
        }
    }

    /// The element dtype of a sub-array; `self` otherwise.
    pub fn base(&self) -> &Dtype {
        match &self.repr {
            Repr::SubArray { base, .. } => base,
            _ => self,
        }
    }

    /// The kind of a scalar or of a sub-array's scalar elements; `None`
    /// for records and sub-arrays of records.
    pub fn kind(&self) -> Option<DtypeKind> {
        match &self.base().repr {
            Repr::Scalar { kind, .. } => Some(*kind),
            _ => None,
        }
    }

    /// The byte order of a scalar or of a sub-array's scalar elements;
    /// `None` for records.
    pub fn byte_order(&self) -> Option<ByteOrder> {
        match &self.base().repr {
            Repr::Scalar { order, .. } => Some(*order),
            _ => None,
        }
    }

    /// The datetime unit of `M`/`m` kinds as written in brackets (`"ns"`,
    /// `"25s"`, `""` for generic); `None` for other kinds.
    pub fn time_unit(&self) -> Option<&str> {
        match &self.base().repr {
            Repr::Scalar {
                kind: DtypeKind::Datetime | DtypeKind::Timedelta,
                unit,
                ..
            } => Some(unit),
            _ => None,
        }
    }

    /// Whether every scalar inside is in native byte order (or has none).
    pub fn is_native_order(&self) -> bool {
        match &self.repr {
            Repr::Scalar { order, .. } => {
                *order == ByteOrder::NATIVE || *order == ByteOrder::NotApplicable
            }
            Repr::SubArray { base, .. } => base.is_native_order(),
            Repr::Record { fields } => fields.iter().all(|field| field.dtype.is_native_order()),
        }
    }

    /// Parses any of the three syntaxes: a Python `descr` literal (starts
    /// with `[`, `{`, `(` or a quote), else a typestr (`<f8`, `|S32`), else a
    /// PEP 3118 format string (`T{d:x:}`).
    ///
    /// ```
    /// use typed_layout::Dtype;
    /// let a = Dtype::parse("[('x', '<f8')]")?;
    /// let b = Dtype::parse("T{<d:x:}")?;
    /// assert_eq!(a, b);
    /// assert_eq!(Dtype::parse(">u2")?.itemsize(), 2);
    /// # Ok::<(), typed_layout::DtypeError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Dtype, DtypeError> {
        let text = text.trim();
        match text.as_bytes().first() {
            Some(b'[' | b'{' | b'(' | b'\'' | b'"') => Dtype::from_descr(text),
            _ => match Dtype::from_typestr(text) {
                Ok(dtype) => Ok(dtype),
                Err(typestr_error) => match Dtype::from_pep3118(text) {
                    Ok(dtype) => Ok(dtype),
                    // Report in the syntax the text most looks like.
                    Err(pep_error) if descr::looks_like_typestr(text) => {
                        drop(pep_error);
                        Err(typestr_error)
                    }
                    Err(pep_error) => Err(pep_error),
                },
            },
        }
    }
}

impl DtypeField {
    /// A field called `name` at byte `offset`.
    pub fn new(name: impl Into<String>, offset: usize, dtype: Dtype) -> DtypeField {
        DtypeField {
            name: name.into(),
            offset,
            dtype,
        }
    }

    /// The field's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Byte offset from the start of the record.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The field's dtype.
    pub fn dtype(&self) -> &Dtype {
        &self.dtype
    }

    /// The field's size in bytes.
    pub fn size(&self) -> usize {
        self.dtype.itemsize
    }

    /// The kind of the field's scalars (see [`Dtype::kind`]).
    pub fn kind(&self) -> Option<DtypeKind> {
        self.dtype.kind()
    }

    /// The byte order of the field's scalars (see [`Dtype::byte_order`]).
    pub fn byte_order(&self) -> Option<ByteOrder> {
        self.dtype.byte_order()
    }

    /// The field's sub-array shape; empty for a plain field.
    pub fn shape(&self) -> &[usize] {
        self.dtype.shape()
    }

    /// The fields of a nested record (of its elements, for a sub-array of
    /// records); empty otherwise.
    pub fn nested(&self) -> &[DtypeField] {
        self.dtype.base().fields()
    }

    /// Whether the field stands for padding: its name starts with `_pad`
    /// (see the module documentation).
    pub fn is_padding(&self) -> bool {
        self.name.starts_with("_pad")
    }
}

impl fmt::Display for Dtype {
    /// The `descr` literal, as a `.npy` header holds it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.descr())
    }
}

impl core::str::FromStr for Dtype {
    type Err = DtypeError;
    /// Same as [`Dtype::parse`].
    fn from_str(text: &str) -> Result<Dtype, DtypeError> {
        Dtype::parse(text)
    }
}
