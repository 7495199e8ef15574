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
//! # Gaps and padding fields
//!
//! Derived types have no implicit padding: a gap is an explicit field whose
//! name starts with `_` (`_pad: [u8; 4]`), which the derive marks as padding
//! ([`Field::padding`](crate::Field::padding)). Its dtype leaves those bytes
//! out, so they print as an unnamed gap, as NumPy writes an `align=True`
//! dtype: `('', '|V4')` in a descr, `xxxx` in PEP 3118. Parsing turns such
//! gaps into bytes between fields, never into fields.
//!
//! # Dtype families
//!
//! | NumPy | Rust field type |
//! |---|---|
//! | `<i4`, `<u8`, `<f8`, ... | `i32`, `u64`, `f64`, ... (`Be<T>`/`Le<T>` in the other byte order) |
//! | `<f2` | `half::f16` (feature `half`) |
//! | `\|b1` | [`Bool`](crate::Bool) |
//! | `\|S8` | [`Bytes<8>`](crate::Bytes) (`[u8; 8]` is `('\|u1', (8,))`) |
//! | `<U4` | [`Ucs4<4>`](crate::Ucs4) |
//! | `<c8`, `<c16` | `num_complex::Complex<f32>`, `Complex<f64>` (feature `num-complex`) |
//! | `<M8[ns]`, `<m8[s]` | [`Datetime64<Nanoseconds>`](crate::Datetime64), [`Timedelta64<Seconds>`](crate::Timedelta64) |
//! | `\|V8` | `[u8; 8]` (raw bytes; matched by size) |

mod check;
pub(crate) mod descr;
mod dtype_str;
mod error;
pub(crate) mod literal;
mod pep3118;
mod rust_type;

pub(crate) use error::{checked_product, checked_sum};
pub use error::{DtypeError, MismatchKind};
pub use rust_type::{NoRustType, RustType};

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
        /// May itself be a sub-array: NumPy keeps `(('<f8', (5,)), (2,))`
        /// apart from `('<f8', (2, 5))`, so this does too.
        base: Box<Dtype>,
        shape: Vec<usize>,
    },
    Record {
        /// In increasing offset order, disjoint, inside the itemsize.
        fields: Vec<DtypeField>,
    },
}

/// One field of a record dtype: a name, a byte offset, a dtype, and
/// optionally a title (NumPy's `(('Temperature in K', 'temp'), '<f8')`).
#[derive(Clone, Debug, PartialEq)]
pub struct DtypeField {
    name: String,
    title: Option<String>,
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
///     "[('name', '|u1', (32,)), ('age', '<i4'), ('', '|V4'), ('salary', '<f8')]"
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
    /// A scalar dtype. Validates that `kind` comes in `size` bytes, as in
    /// NumPy (`i`/`u`: 1, 2, 4, 8; `f`: 2, 4, 8, 16; `c`: 8, 16, 32; `b`: 1;
    /// `U`: a multiple of 4; `M`/`m`: 8; `S`/`V`: any, at most
    /// [`MAX_ITEMSIZE`]). The byte order is normalized:
    /// [`ByteOrder::NotApplicable`] for kinds and sizes without one, and
    /// native when `NotApplicable` is given for a kind that has one.
    ///
    /// # Errors
    ///
    /// [`DtypeError::InvalidSize`] when the kind does not come in `size`
    /// bytes (NumPy has no 16-byte integers), [`DtypeError::TooLarge`] over
    /// [`MAX_ITEMSIZE`].
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
            DtypeKind::Int | DtypeKind::Uint => matches!(size, 1 | 2 | 4 | 8),
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
    /// sub-array base stays nested, as in NumPy (`(('<f4', (3,)), (2,))` is
    /// not `('<f4', (2, 3))`, though the bytes are the same); an empty shape
    /// returns `base` itself.
    ///
    /// ```
    /// use typed_layout::{Dtype, HasDtype};
    /// let rgb = Dtype::sub_array(u8::dtype(), &[3])?;
    /// assert_eq!((rgb.itemsize(), rgb.shape()), (3, &[3][..]));
    /// let nested = Dtype::sub_array(rgb, &[2])?;
    /// assert_eq!((nested.itemsize(), nested.shape(), nested.base().shape()), (6, &[2][..], &[3][..]));
    /// # Ok::<(), typed_layout::DtypeError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`DtypeError::TooLarge`] when a dimension or the size in bytes is
    /// over [`MAX_ITEMSIZE`]; [`DtypeError::TooDeep`] over [`MAX_NESTING`]
    /// levels.
    pub fn sub_array(base: Dtype, shape: &[usize]) -> Result<Dtype, DtypeError> {
        if shape.is_empty() {
            return Ok(base);
        }
        if shape.len() > MAX_NESTING || base.depth() >= MAX_NESTING {
            return Err(DtypeError::TooDeep { limit: MAX_NESTING });
        }
        if let Some(&dim) = shape.iter().find(|&&dim| dim > MAX_ITEMSIZE) {
            return Err(DtypeError::too_large(
                "a sub-array dimension",
                dim,
                MAX_ITEMSIZE,
            ));
        }
        let itemsize = checked_product(
            "the sub-array's size in bytes",
            base.itemsize,
            shape,
            MAX_ITEMSIZE,
        )?;
        Ok(Dtype {
            itemsize,
            align: base.align,
            repr: Repr::SubArray {
                base: Box::new(base),
                shape: shape.to_vec(),
            },
        })
    }

    /// How many sub-arrays and records are nested in this dtype.
    fn depth(&self) -> usize {
        match &self.repr {
            Repr::Scalar { .. } => 0,
            Repr::SubArray { base, .. } => base.depth().saturating_add(1),
            Repr::Record { fields } => fields
                .iter()
                .map(|field| field.dtype.depth().saturating_add(1))
                .max()
                .unwrap_or(1),
        }
    }

    /// A record of `fields` in `itemsize` bytes; bytes no field covers are
    /// gaps. Fields are kept in increasing offset order. Refuses duplicate
    /// names or titles, fields past `itemsize`, and overlapping fields. An
    /// empty name is a name, as in NumPy (`T{i:a:i::}` has a field `''`).
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
    ///
    /// # Errors
    ///
    /// [`DtypeError::FieldOutOfRecord`], [`DtypeError::OverlappingFields`],
    /// [`DtypeError::DuplicateField`], [`DtypeError::TooLarge`] (an itemsize
    /// over [`MAX_ITEMSIZE`]).
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
        // Names and titles share one namespace, as in NumPy.
        let mut names: Vec<&str> = fields
            .iter()
            .flat_map(|field| core::iter::once(field.name.as_str()).chain(field.title.as_deref()))
            .collect();
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
    /// struct 1). Padding fields ([`Field::padding`](crate::Field::padding):
    /// a name starting with `_`) are left out, so their bytes are gaps. An
    /// array of arrays is one sub-array (`[[f32; 3]; 2]` is `('<f4', (2,
    /// 3))`, as NumPy builds it from `('f4', (2, 3))`).
    ///
    /// ```
    /// use typed_layout::{Dtype, HasDtype, PixelLayout};
    /// #[derive(Clone, Copy, PixelLayout)]
    /// #[repr(C)]
    /// struct Point { x: f32, _pad: [u8; 4], y: f64 }
    /// # #[cfg(target_endian = "little")]
    /// assert_eq!(Dtype::from_layout(&Point::LAYOUT).descr(), "[('x', '<f4'), ('', '|V4'), ('y', '<f8')]");
    /// ```
    pub fn from_layout(layout: &Layout) -> Dtype {
        let repr = match layout.shape {
            Shape::Scalar { kind, order } => {
                let (kind, unit) = match kind {
                    ElemKind::Int => (DtypeKind::Int, ""),
                    ElemKind::Uint => (DtypeKind::Uint, ""),
                    ElemKind::Float => (DtypeKind::Float, ""),
                    ElemKind::Bool => (DtypeKind::Bool, ""),
                    ElemKind::Complex => (DtypeKind::Complex, ""),
                    ElemKind::Bytes => (DtypeKind::Bytes, ""),
                    ElemKind::Unicode => (DtypeKind::Unicode, ""),
                    ElemKind::Datetime(unit) => (DtypeKind::Datetime, unit.as_str()),
                    ElemKind::Timedelta(unit) => (DtypeKind::Timedelta, unit.as_str()),
                };
                let order = if kind.has_byte_order(layout.size) {
                    order
                } else {
                    ByteOrder::NotApplicable
                };
                Repr::Scalar {
                    kind,
                    order,
                    unit: String::from(unit),
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
                    .filter(|field| !field.padding)
                    .map(|field| DtypeField {
                        name: String::from(field.name.strip_prefix("r#").unwrap_or(field.name)),
                        title: None,
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

    /// The shape of a sub-array (its outer level, as NumPy's
    /// `dtype.shape`); empty otherwise.
    pub fn shape(&self) -> &[usize] {
        match &self.repr {
            Repr::SubArray { shape, .. } => shape,
            _ => &[],
        }
    }

    /// The element dtype of a sub-array (one level, as NumPy's
    /// `dtype.base`: itself a sub-array when they are nested); `self`
    /// otherwise.
    pub fn base(&self) -> &Dtype {
        match &self.repr {
            Repr::SubArray { base, .. } => base,
            _ => self,
        }
    }

    /// The scalar or record inside every level of sub-array; `self` for
    /// scalars and records.
    ///
    /// ```
    /// use typed_layout::Dtype;
    /// let nested = Dtype::parse("[('c', ('<f8', (5,)), (2,))]")?;
    /// let c = nested.field("c").unwrap().dtype();
    /// assert_eq!((c.shape(), c.full_shape()), (&[2][..], vec![2, 5]));
    /// assert_eq!(c.innermost().typestr(), "<f8");
    /// # Ok::<(), typed_layout::DtypeError>(())
    /// ```
    pub fn innermost(&self) -> &Dtype {
        let mut dtype = self;
        while let Repr::SubArray { base, .. } = &dtype.repr {
            dtype = base;
        }
        dtype
    }

    /// The shape of every sub-array level together (`[2, 5]` for
    /// `(('<f8', (5,)), (2,))`); empty for scalars and records.
    pub fn full_shape(&self) -> Vec<usize> {
        let mut shape = Vec::new();
        let mut dtype = self;
        while let Repr::SubArray { base, shape: outer } = &dtype.repr {
            shape.extend_from_slice(outer);
            dtype = base;
        }
        shape
    }

    /// The kind of a scalar or of a sub-array's scalar elements; `None`
    /// for records and sub-arrays of records.
    pub fn kind(&self) -> Option<DtypeKind> {
        match &self.innermost().repr {
            Repr::Scalar { kind, .. } => Some(*kind),
            _ => None,
        }
    }

    /// The byte order of a scalar or of a sub-array's scalar elements;
    /// `None` for records.
    pub fn byte_order(&self) -> Option<ByteOrder> {
        match &self.innermost().repr {
            Repr::Scalar { order, .. } => Some(*order),
            _ => None,
        }
    }

    /// The datetime unit of `M`/`m` kinds as written in brackets (`"ns"`,
    /// `"25s"`, `""` for generic); `None` for other kinds.
    pub fn time_unit(&self) -> Option<&str> {
        match &self.innermost().repr {
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
    /// with `[`, `{` or a quote; text starting with `(` is tried as a descr
    /// tuple, then as PEP 3118, where `(2)3i` is a sub-array), else a NumPy
    /// dtype string (`<f8`, `|S32`, `d`, `float64`), else a PEP 3118 format
    /// string (`T{d:x:}`).
    ///
    /// ```
    /// use typed_layout::Dtype;
    /// let a = Dtype::parse("[('x', '<f8')]")?;
    /// let b = Dtype::parse("T{<d:x:}")?;
    /// assert_eq!(a, b);
    /// assert_eq!(Dtype::parse(">u2")?.itemsize(), 2);
    /// assert_eq!(Dtype::parse("(2)3i")?.itemsize(), 24);
    /// # Ok::<(), typed_layout::DtypeError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// The error of the syntax the text looks most like:
    /// [`DtypeError::Syntax`] with the position, [`DtypeError::Malformed`],
    /// [`DtypeError::Unsupported`] (object dtypes), and the constructors'
    /// errors.
    pub fn parse(text: &str) -> Result<Dtype, DtypeError> {
        let text = text.trim();
        match text.as_bytes().first() {
            Some(b'(') => Dtype::from_descr(text).or_else(|descr_error| {
                Dtype::from_typestr(text)
                    .or_else(|_| Dtype::from_pep3118(text))
                    .map_err(|_| descr_error)
            }),
            Some(b'[' | b'{' | b'\'' | b'"') => Dtype::from_descr(text),
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
            title: None,
            offset,
            dtype,
        }
    }

    /// The same field with a title (NumPy's second name of a field, printed
    /// as `(('Temperature in K', 'temp'), '<f8')`).
    ///
    /// ```
    /// use typed_layout::{Dtype, DtypeField, HasDtype};
    /// let field = DtypeField::new("temp", 0, f64::dtype()).with_title("Temperature in K");
    /// let dtype = Dtype::record(vec![field], 8)?;
    /// # #[cfg(target_endian = "little")]
    /// assert_eq!(dtype.descr(), "[(('Temperature in K', 'temp'), '<f8')]");
    /// # Ok::<(), typed_layout::DtypeError>(())
    /// ```
    pub fn with_title(self, title: impl Into<String>) -> DtypeField {
        DtypeField {
            title: Some(title.into()),
            ..self
        }
    }

    /// The field's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The field's title, if it has one.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
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
        self.dtype.innermost().fields()
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
