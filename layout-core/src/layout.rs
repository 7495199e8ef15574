//! The `PixelLayout` contract and the compile-time field table.

use crate::numpy_types::TimeUnit;

/// A type whose bytes can be viewed directly in foreign memory.
///
/// # Contract
///
/// Implementing this trait promises that:
///
/// 1. the type occupies exactly `size_of::<Self>()` bytes and none of them is
///    padding, so every byte of a value is initialized;
/// 2. every bit pattern of those bytes is a valid value;
/// 3. the type holds no pointers, references or interior mutability;
/// 4. [`PixelLayout::LAYOUT`] describes the type exactly: its size, alignment,
///    and for records each field's name, offset and layout.
///
/// The views of this crate rely on all four to reinterpret bytes without
/// copies. Do not implement this trait by hand: use `#[derive(PixelLayout)]`,
/// which proves 1–4 at compile time (and refuses, with an explanation, what it
/// cannot prove). Implementations for `u8..u128`, `i8..i128`, `f32`, `f64`,
/// arrays `[T; N]` of layout types and the byte-order wrappers [`Be`](crate::Be)
/// and [`Le`](crate::Le) are provided.
///
/// ```
/// use typed_layout_core::{PixelLayout, Shape};
///
/// assert_eq!(<[u16; 3]>::LAYOUT.size, 6);
/// assert!(matches!(<[u16; 3]>::LAYOUT.shape, Shape::Array { len: 3, .. }));
/// ```
///
/// # Safety
///
/// An implementor must uphold the four promises above; a wrong table or a
/// padding byte lets safe code read uninitialized memory.
// Declaring an `unsafe trait` is not an unsafe operation; the obligations it
// creates are discharged in the raw/ module tree and in derived code.
#[allow(unsafe_code)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a layout type, so it cannot be viewed in foreign bytes",
    label = "`{Self}` does not implement `PixelLayout`",
    note = "layout types are u8..u128, i8..i128, f32, f64, Be<T>/Le<T>, arrays of them, and structs with #[derive(PixelLayout)]",
    note = "types such as bool, char, references, pointers, String, Option, NonZero* and Cell have invalid bit patterns, pointers or interior mutability"
)]
pub unsafe trait PixelLayout: Copy + 'static {
    /// The exact description of this type's bytes.
    const LAYOUT: Layout;

    /// Not a public API. The types of a derived struct's fields as a
    /// balanced tree of tuples (`((A,), (B,))`), which the derive writes from
    /// the struct definition; `()` for the built-in types. The bound makes the compiler check that
    /// every field type is a real `PixelLayout`.
    #[doc(hidden)]
    type __Fields: check::FieldList;

    /// Not a public API. The proof no path redirection can skip: every view
    /// constructor evaluates it, so building with a type whose field sizes do
    /// not add up to its size (padding) or whose size is zero fails. The
    /// derive's own checks report the same problems earlier, with spans;
    /// this one stands behind them in case the derive's `crate` path (or an
    /// `extern crate ... as typed_layout`) leads to look-alike checks.
    #[doc(hidden)]
    const __PROOF: () = check::prove_fields::<Self>();
}

/// How the bytes of a scalar are interpreted: NumPy's dtype kinds.
///
/// A scalar's size is its layout's `size`; for the string kinds that is the
/// whole string (`Bytes<8>`: 8 bytes, `Ucs4<4>`: 16).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ElemKind {
    /// Two's-complement signed integer.
    Int,
    /// Unsigned integer.
    Uint,
    /// IEEE 754 binary floating point (`f32`, `f64`, `half::f16`).
    Float,
    /// One byte, zero false and anything else true ([`Bool`](crate::Bool), NumPy `b1`).
    Bool,
    /// A complex number: two floats of half the size, real part first
    /// (`num_complex::Complex<f32>`, NumPy `c8`).
    Complex,
    /// A fixed-length byte string, NUL-padded ([`Bytes<N>`](crate::Bytes), NumPy `S`).
    Bytes,
    /// A fixed-length string of UCS-4 code points ([`Ucs4<N>`](crate::Ucs4), NumPy `U`).
    Unicode,
    /// A 64-bit count of the unit since the epoch ([`Datetime64`](crate::Datetime64), NumPy `M8`).
    Datetime(TimeUnit),
    /// A 64-bit count of the unit ([`Timedelta64`](crate::Timedelta64), NumPy `m8`).
    Timedelta(TimeUnit),
}

impl ElemKind {
    /// `self == other`, usable in `const` code (the derived `PartialEq`
    /// is not `const`).
    ///
    /// ```
    /// use typed_layout_core::{ElemKind, TimeUnit};
    /// const SAME: bool = ElemKind::Float.same(ElemKind::Float);
    /// assert!(SAME);
    /// assert!(!ElemKind::Datetime(TimeUnit::Seconds).same(ElemKind::Datetime(TimeUnit::Nanoseconds)));
    /// ```
    pub const fn same(self, other: ElemKind) -> bool {
        match (self, other) {
            (ElemKind::Datetime(a), ElemKind::Datetime(b))
            | (ElemKind::Timedelta(a), ElemKind::Timedelta(b)) => a as u8 == b as u8,
            (ElemKind::Int, ElemKind::Int)
            | (ElemKind::Uint, ElemKind::Uint)
            | (ElemKind::Float, ElemKind::Float)
            | (ElemKind::Bool, ElemKind::Bool)
            | (ElemKind::Complex, ElemKind::Complex)
            | (ElemKind::Bytes, ElemKind::Bytes)
            | (ElemKind::Unicode, ElemKind::Unicode) => true,
            _ => false,
        }
    }
}

/// The byte order of a scalar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ByteOrder {
    /// Least significant byte first.
    Little,
    /// Most significant byte first.
    Big,
    /// Single-byte scalars have no byte order.
    NotApplicable,
}

impl ByteOrder {
    /// The byte order of this target's native scalars.
    #[cfg(target_endian = "little")]
    pub const NATIVE: ByteOrder = ByteOrder::Little;
    /// The byte order of this target's native scalars.
    #[cfg(target_endian = "big")]
    pub const NATIVE: ByteOrder = ByteOrder::Big;
}

/// What a layout is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A single number.
    Scalar {
        /// How the bytes are interpreted.
        kind: ElemKind,
        /// Byte order of the stored bytes.
        order: ByteOrder,
    },
    /// `len` consecutive elements without gaps.
    Array {
        /// The layout of one element.
        elem: &'static Layout,
        /// Number of elements.
        len: usize,
    },
    /// A struct with named fields, in increasing offset order.
    Record {
        /// The fields, in declaration order.
        fields: &'static [Field],
        /// Whether the struct is `repr(packed)` (fields may be unaligned).
        packed: bool,
    },
}

/// The exact description of a [`PixelLayout`] type, available as a `const`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    /// The type's name (`"f64"`, `"Be<u32>"`, `"array"`, or the struct's name).
    pub name: &'static str,
    /// `size_of` the type, in bytes.
    pub size: usize,
    /// `align_of` the type, in bytes.
    pub align: usize,
    /// What the type is made of.
    pub shape: Shape,
}

/// One field of a record: name, byte offset, layout, and whether it is
/// padding.
///
/// ```
/// use typed_layout_core::Field;
/// # use typed_layout_core::PixelLayout;
/// let pad = Field { name: "_pad", offset: 4, layout: &<[u8; 4]>::LAYOUT, padding: true };
/// assert!(pad.is_padding());
/// assert_eq!(pad.size(), 4);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// The field's name as written in the struct, without a raw-identifier
    /// prefix: `r#type` is recorded as `"type"`, the name NumPy, channels and
    /// messages use.
    pub name: &'static str,
    /// Byte offset from the start of the record (`offset_of!`).
    pub offset: usize,
    /// The field's own layout.
    pub layout: &'static Layout,
    /// Whether the field is padding. The rule, applied by
    /// `#[derive(PixelLayout)]` and nowhere else: a field whose name (after
    /// stripping `r#`) starts with `_` is padding. NumPy sees an unnamed gap
    /// in its place, conversion zeroes it, and it is never a channel. Its
    /// bytes are still initialized (it is a real field), so views may read
    /// them.
    pub padding: bool,
}

impl Layout {
    /// The fields of a record, or an empty slice for scalars and arrays.
    pub const fn fields(&self) -> &'static [Field] {
        match self.shape {
            Shape::Record { fields, .. } => fields,
            _ => &[],
        }
    }

    /// The field called `name`, if this is a record that has one.
    ///
    /// ```
    /// use typed_layout_core::PixelLayout;
    /// assert!(u8::LAYOUT.field("x").is_none());
    /// ```
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields().iter().find(|field| field.name == name)
    }

    /// The element kind of a scalar, or of the innermost element of an array;
    /// `None` for records.
    pub const fn elem_kind(&self) -> Option<ElemKind> {
        match self.shape {
            Shape::Scalar { kind, .. } => Some(kind),
            Shape::Array { elem, .. } => elem.elem_kind(),
            Shape::Record { .. } => None,
        }
    }

    /// The byte order of a scalar, or of the innermost element of an array;
    /// `None` for records.
    pub const fn byte_order(&self) -> Option<ByteOrder> {
        match self.shape {
            Shape::Scalar { order, .. } => Some(order),
            Shape::Array { elem, .. } => elem.byte_order(),
            Shape::Record { .. } => None,
        }
    }

    /// The length of an array layout; `None` otherwise.
    pub const fn array_len(&self) -> Option<usize> {
        match self.shape {
            Shape::Array { len, .. } => Some(len),
            _ => None,
        }
    }

    /// The fields of a nested record; `None` for scalars and arrays.
    pub const fn nested(&self) -> Option<&'static [Field]> {
        match self.shape {
            Shape::Record { fields, .. } => Some(fields),
            _ => None,
        }
    }
}

impl Field {
    /// Whether the field is padding (see [`Field::padding`]).
    pub const fn is_padding(&self) -> bool {
        self.padding
    }
    /// The field's size in bytes.
    pub const fn size(&self) -> usize {
        self.layout.size
    }
    /// The field's element kind (see [`Layout::elem_kind`]).
    pub const fn elem_kind(&self) -> Option<ElemKind> {
        self.layout.elem_kind()
    }
    /// The field's byte order (see [`Layout::byte_order`]).
    pub const fn byte_order(&self) -> Option<ByteOrder> {
        self.layout.byte_order()
    }
    /// The field's array length, if it is an array.
    pub const fn array_len(&self) -> Option<usize> {
        self.layout.array_len()
    }
    /// The nested record's fields, if the field is a derived struct.
    pub const fn nested(&self) -> Option<&'static [Field]> {
        self.layout.nested()
    }
}

/// Compile-time layout checks called from derived code. Each returns a
/// message that is empty when the check passes; the derived constant panics
/// with it during constant evaluation, so a bad layout is a compile error
/// pointing at the offending field, never a run-time surprise.
pub mod check {
    use super::{Layout, PixelLayout};
    use core::mem::size_of;

    mod sealed {
        pub trait Sealed {}
        impl Sealed for () {}
        impl<F: super::PixelLayout> Sealed for (F,) {}
        impl<L: super::FieldList, R: super::FieldList> Sealed for (L, R) {}
    }

    /// The field types of a struct as a balanced tree of tuples: `(F,)` is
    /// one field, `(L, R)` two subtrees, `()` none — so a struct of `n`
    /// fields nests only `log2(n)` deep. Sealed; built-in tuples only, so no
    /// path in derived code can substitute another type.
    pub trait FieldList: sealed::Sealed {
        /// Sum of the field sizes.
        const SIZE: usize;
        /// Evaluates every field type's own proof (nested records).
        const PROVEN: ();
    }

    impl FieldList for () {
        const SIZE: usize = 0;
        const PROVEN: () = ();
    }

    impl<F: PixelLayout> FieldList for (F,) {
        const SIZE: usize = size_of::<F>();
        const PROVEN: () = F::__PROOF;
    }

    impl<L: FieldList, R: FieldList> FieldList for (L, R) {
        const SIZE: usize = L::SIZE + R::SIZE;
        const PROVEN: () = {
            let () = L::PROVEN;
            R::PROVEN
        };
    }

    /// The default [`PixelLayout::__PROOF`]: fields never overlap in a
    /// struct, so field sizes that add up to the struct's size leave no byte
    /// for padding (whatever the repr). Sizes come from `size_of` evaluated
    /// here, in this crate, not from derived code.
    pub const fn prove_fields<T: PixelLayout>() {
        let () = <T::__Fields as FieldList>::PROVEN;
        assert!(
            size_of::<T>() != 0 && <T::__Fields as FieldList>::SIZE == size_of::<T>(),
            "a PixelLayout type's field sizes do not add up to its size (it has padding) \
             or it is zero-sized: the checks of #[derive(PixelLayout)] did not run. Point \
             the derive at the real crate: remove #[pixel_layout(crate = ...)] or make it \
             name the path typed_layout is imported under"
        );
    }

    /// A fixed-capacity message built in `const` context; empty means "no
    /// problem".
    pub struct Problem {
        bytes: [u8; 2048],
        len: usize,
        /// The index of the field the problem is reported at, or
        /// [`Problem::STRUCT`] for the struct as a whole.
        field: usize,
    }

    impl Problem {
        const NONE: Problem = Problem {
            bytes: [0; 2048],
            len: 0,
            field: Problem::STRUCT,
        };

        /// The `field` of a problem with the struct as a whole (trailing
        /// padding, zero size).
        pub const STRUCT: usize = usize::MAX;

        /// Whether the check found a problem.
        pub const fn found(&self) -> bool {
            self.len > 0
        }

        /// Whether the check found a problem at field `index` (or, with
        /// [`Problem::STRUCT`], at the struct as a whole).
        pub const fn at(&self, index: usize) -> bool {
            self.found() && self.field == index
        }

        const fn at_field(mut self, index: usize) -> Self {
            self.field = index;
            self
        }

        /// The message.
        pub const fn as_str(&self) -> &str {
            let (used, _) = self.bytes.split_at(self.len);
            match core::str::from_utf8(used) {
                Ok(text) => text,
                Err(_) => "invalid layout",
            }
        }

        const fn text(mut self, text: &str) -> Self {
            let text = text.as_bytes();
            let mut i = 0;
            while i < text.len() && self.len < self.bytes.len() {
                self.bytes[self.len] = text[i];
                self.len += 1;
                i += 1;
            }
            self
        }

        const fn number(mut self, mut value: usize) -> Self {
            let mut digits = [0u8; 20];
            let mut count = 0;
            loop {
                digits[count] = b'0' + (value % 10) as u8;
                count += 1;
                value /= 10;
                if value == 0 {
                    break;
                }
            }
            while count > 0 && self.len < self.bytes.len() {
                count -= 1;
                self.bytes[self.len] = digits[count];
                self.len += 1;
            }
            self
        }
    }

    /// All layout checks of a derived struct, from its field table (offsets
    /// from `offset_of!`, sizes from each field type's own `LAYOUT`, size and
    /// alignment from `size_of`/`align_of`), in one call per struct: the
    /// first problem in full, with the field it is at so the derive can
    /// point there (`Problem::at`), followed by every other padding found.
    ///
    /// For `repr(C)` and `repr(C, packed(N))`, each field must start where
    /// the previous one ends (the first at 0) and the last must end at the
    /// struct's size (`check_field_gap`, `check_trailing`): the fields'
    /// byte ranges then tile the struct. For `repr(transparent)` the
    /// compiler may place zero-sized fields before or after the data field,
    /// so the sizes must add up instead (`check_transparent`). The size must
    /// not be zero (`check_size`).
    pub const fn check_record(layout: &Layout, has_align_attr: bool, transparent: bool) -> Problem {
        let (name, fields) = (layout.name, layout.fields());
        let mut problem = Problem::NONE;
        if transparent {
            let mut sum = 0;
            let mut i = 0;
            while i < fields.len() {
                sum += fields[i].layout.size;
                i += 1;
            }
            problem = check_transparent(name, sum, layout.size);
        } else {
            // Every gap and the trailing padding, in one message: the first
            // in full (reported at its field), the others after it.
            let mut previous = "the start of the struct";
            let mut end = 0;
            let mut i = 0;
            while i < fields.len() {
                let field = &fields[i];
                if field.offset != end {
                    problem = if problem.found() {
                        let gap = field.offset.saturating_sub(end);
                        problem
                            .text(". Also `")
                            .text(name)
                            .text("` has ")
                            .number(gap)
                            .text(" byte(s) of padding between `")
                            .text(previous)
                            .text("` (ends at byte ")
                            .number(end)
                            .text(") and `")
                            .text(field.name)
                            .text("` (starts at byte ")
                            .number(field.offset)
                            .text("): add `_pad: [u8; ")
                            .number(gap)
                            .text("]` before `")
                            .text(field.name)
                            .text("`")
                    } else {
                        check_field_gap(name, field.name, previous, end, field.offset).at_field(i)
                    };
                }
                previous = field.name;
                end = field.offset + field.layout.size;
                i += 1;
            }
            if !fields.is_empty() && end != layout.size {
                problem = if problem.found() {
                    let gap = layout.size.saturating_sub(end);
                    let also = problem
                        .text(". Also `")
                        .text(name)
                        .text("` has ")
                        .number(gap)
                        .text(" byte(s) of trailing padding after `")
                        .text(previous)
                        .text("` (fields end at byte ")
                        .number(end)
                        .text(", size is ")
                        .number(layout.size)
                        .text("): add `_pad: [u8; ")
                        .number(gap)
                        .text("]` at the end");
                    if has_align_attr {
                        also.text(", or remove the align(N) attribute")
                    } else {
                        also
                    }
                } else {
                    check_trailing(
                        name,
                        previous,
                        end,
                        layout.size,
                        layout.align,
                        has_align_attr,
                    )
                };
            }
        }
        if problem.found() {
            problem
        } else {
            check_size(name, layout.size)
        }
    }

    /// Padding between the end of the previous field (`previous_end`) and
    /// the start of `field` at `offset`.
    pub const fn check_field_gap(
        type_name: &str,
        field: &str,
        previous: &str,
        previous_end: usize,
        offset: usize,
    ) -> Problem {
        if offset == previous_end {
            return Problem::NONE;
        }
        let gap = offset.saturating_sub(previous_end);
        Problem::NONE
            .text("`")
            .text(type_name)
            .text("` has ")
            .number(gap)
            .text(" byte(s) of padding between `")
            .text(previous)
            .text("` (ends at byte ")
            .number(previous_end)
            .text(") and `")
            .text(field)
            .text("` (starts at byte ")
            .number(offset)
            .text("); padding bytes are uninitialized, so they cannot be viewed. ")
            .text("Add an explicit field `_pad: [u8; ")
            .number(gap)
            .text("]` before `")
            .text(field)
            .text("`, reorder the fields, or use #[repr(C, packed)]")
    }

    /// The struct is larger than the end of its last field.
    pub const fn check_trailing(
        type_name: &str,
        last: &str,
        last_end: usize,
        size: usize,
        align: usize,
        has_align_attr: bool,
    ) -> Problem {
        if size == last_end {
            return Problem::NONE;
        }
        let gap = size.saturating_sub(last_end);
        let message = Problem::NONE
            .text("`")
            .text(type_name)
            .text("` has ")
            .number(gap)
            .text(" byte(s) of trailing padding after `")
            .text(last)
            .text("` (fields end at byte ")
            .number(last_end)
            .text(", size is ")
            .number(size)
            .text(", alignment ")
            .number(align)
            .text("); ");
        if has_align_attr {
            message
                .text("the align(N) attribute adds this padding: remove it, or add an explicit field `_pad: [u8; ")
                .number(gap)
                .text("]` at the end")
        } else {
            message
                .text("add an explicit field `_pad: [u8; ")
                .number(gap)
                .text("]` at the end, or use #[repr(C, packed)]")
        }
    }

    /// A `repr(transparent)` struct has the layout of its one field that is
    /// not zero-sized, wherever the compiler places the zero-sized ones
    /// (before or after it), so its proof is by size, not by declaration
    /// order: the fields' sizes must add up to the struct's size.
    pub const fn check_transparent(type_name: &str, fields_size: usize, size: usize) -> Problem {
        if fields_size == size {
            return Problem::NONE;
        }
        Problem::NONE
            .text("`")
            .text(type_name)
            .text("` is #[repr(transparent)], but its fields add up to ")
            .number(fields_size)
            .text(" byte(s) while its size is ")
            .number(size)
            .text("; the bytes no field covers are padding. Use #[repr(C)] and add an explicit `_pad` field")
    }

    /// The struct is zero-sized, so it has no bytes to view.
    pub const fn check_size(type_name: &str, size: usize) -> Problem {
        if size != 0 {
            return Problem::NONE;
        }
        Problem::NONE
            .text("`")
            .text(type_name)
            .text("` is zero-sized; a layout type needs at least one byte. Add a field with data, or do not derive PixelLayout")
    }
}
