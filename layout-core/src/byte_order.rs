//! `Be<T>` / `Le<T>`: numbers stored in a fixed byte order, alignment 1.

use crate::layout::{ElemKind, PixelLayout};
use core::fmt;

mod sealed {
    pub trait Sealed {}
}

/// A number type that can be stored in an explicit byte order
/// (`u16..u128`, `i16..i128`, `f32`, `f64`). Sealed.
pub trait Scalar: PixelLayout + PartialEq + fmt::Debug + sealed::Sealed {
    /// The stored form: `[u8; size_of::<Self>()]`.
    type Bytes: Copy + Default + Eq + AsRef<[u8]> + 'static;
    /// How the bytes are interpreted.
    const KIND: ElemKind;
    /// Name of `Be<Self>`, e.g. `"Be<f64>"`.
    const BE_NAME: &'static str;
    /// Name of `Le<Self>`, e.g. `"Le<f64>"`.
    const LE_NAME: &'static str;
    /// Big-endian bytes of `self`.
    fn to_be(self) -> Self::Bytes;
    /// The value of big-endian `bytes`.
    fn from_be(bytes: Self::Bytes) -> Self;
    /// Little-endian bytes of `self`.
    fn to_le(self) -> Self::Bytes;
    /// The value of little-endian `bytes`.
    fn from_le(bytes: Self::Bytes) -> Self;
}

macro_rules! scalar {
    ($($ty:ident => $kind:ident),* $(,)?) => {$(
        impl sealed::Sealed for $ty {}
        impl Scalar for $ty {
            type Bytes = [u8; core::mem::size_of::<$ty>()];
            const KIND: ElemKind = ElemKind::$kind;
            const BE_NAME: &'static str = concat!("Be<", stringify!($ty), ">");
            const LE_NAME: &'static str = concat!("Le<", stringify!($ty), ">");
            #[inline(always)]
            fn to_be(self) -> Self::Bytes { self.to_be_bytes() }
            #[inline(always)]
            fn from_be(bytes: Self::Bytes) -> Self { <$ty>::from_be_bytes(bytes) }
            #[inline(always)]
            fn to_le(self) -> Self::Bytes { self.to_le_bytes() }
            #[inline(always)]
            fn from_le(bytes: Self::Bytes) -> Self { <$ty>::from_le_bytes(bytes) }
        }
    )*};
}

scalar!(
    u16 => Uint, u32 => Uint, u64 => Uint, u128 => Uint,
    i16 => Int, i32 => Int, i64 => Int, i128 => Int,
    f32 => Float, f64 => Float,
);

macro_rules! wrapper {
    ($(#[$doc:meta])* $name:ident, $to:ident, $from:ident, $example:literal) => {
        $(#[$doc])*
        ///
        /// Alignment is 1, so the wrapper fits any offset, including fields of
        /// `repr(C, packed)` records. Reading converts to the native value.
        ///
        /// ```
        #[doc = $example]
        /// ```
        #[derive(Clone, Copy, Default)]
        #[repr(transparent)]
        pub struct $name<T: Scalar> {
            bytes: T::Bytes,
        }

        impl<T: Scalar> $name<T> {
            /// Stores `value` in this byte order.
            #[inline(always)]
            pub fn new(value: T) -> Self {
                $name { bytes: value.$to() }
            }
            /// The native value.
            #[inline(always)]
            pub fn get(self) -> T {
                T::$from(self.bytes)
            }
            /// Replaces the stored value.
            #[inline(always)]
            pub fn set(&mut self, value: T) {
                self.bytes = value.$to();
            }
            /// The stored bytes, in this byte order.
            pub fn to_bytes(self) -> T::Bytes {
                self.bytes
            }
            /// Wraps bytes that are already in this byte order.
            pub fn from_bytes(bytes: T::Bytes) -> Self {
                $name { bytes }
            }
        }

        impl<T: Scalar> From<T> for $name<T> {
            fn from(value: T) -> Self {
                Self::new(value)
            }
        }

        impl<T: Scalar> PartialEq for $name<T> {
            /// Compares values (so `NaN != NaN`, as for the native type).
            fn eq(&self, other: &Self) -> bool {
                self.get() == other.get()
            }
        }

        impl<T: Scalar> fmt::Debug for $name<T> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(&self.get(), f)
            }
        }
    };
}

wrapper!(
    /// A number stored big-endian (most significant byte first), as in
    /// NumPy's `'>f8'` or network formats.
    Be, to_be, from_be,
    "use typed_layout_core::Be;\nlet x = Be::new(1.5f64);\nassert_eq!(x.get(), 1.5);\nassert_eq!(x.to_bytes(), 1.5f64.to_be_bytes());\nassert_eq!(format!(\"{x:?}\"), \"1.5\");"
);
wrapper!(
    /// A number stored little-endian (least significant byte first), as in
    /// NumPy's `'<i4'`, whatever the host's byte order.
    Le, to_le, from_le,
    "use typed_layout_core::Le;\nlet mut x = Le::new(7u32);\nx.set(258);\nassert_eq!(x.to_bytes(), [2, 1, 0, 0]);"
);
