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

// NumPy's 64-bit times: stored as their `i64` count.
macro_rules! time_scalar {
    ($($name:ident),*) => {$(
        impl<U: crate::numpy_types::Unit> sealed::Sealed for crate::numpy_types::$name<U> {}
        impl<U: crate::numpy_types::Unit> Scalar for crate::numpy_types::$name<U> {
            type Bytes = [u8; 8];
            const KIND: ElemKind = time_kind!($name, U::UNIT);
            const BE_NAME: &'static str = concat!("Be<", stringify!($name), ">");
            const LE_NAME: &'static str = concat!("Le<", stringify!($name), ">");
            #[inline(always)]
            fn to_be(self) -> Self::Bytes { self.get().to_be_bytes() }
            #[inline(always)]
            fn from_be(bytes: Self::Bytes) -> Self { Self::new(i64::from_be_bytes(bytes)) }
            #[inline(always)]
            fn to_le(self) -> Self::Bytes { self.get().to_le_bytes() }
            #[inline(always)]
            fn from_le(bytes: Self::Bytes) -> Self { Self::new(i64::from_le_bytes(bytes)) }
        }
    )*};
}

macro_rules! time_kind {
    (Datetime64, $unit:expr) => {
        ElemKind::Datetime($unit)
    };
    (Timedelta64, $unit:expr) => {
        ElemKind::Timedelta($unit)
    };
}

time_scalar!(Datetime64, Timedelta64);

#[cfg(feature = "half")]
impl sealed::Sealed for half::f16 {}
/// `half::f16` (feature `half`): NumPy's `float16`, `>f2` as `Be<f16>`.
#[cfg(feature = "half")]
#[cfg(feature = "half")]
impl Scalar for half::f16 {
    type Bytes = [u8; 2];
    const KIND: ElemKind = ElemKind::Float;
    const BE_NAME: &'static str = "Be<f16>";
    const LE_NAME: &'static str = "Le<f16>";
    #[inline(always)]
    fn to_be(self) -> Self::Bytes {
        self.to_be_bytes()
    }
    #[inline(always)]
    fn from_be(bytes: Self::Bytes) -> Self {
        half::f16::from_be_bytes(bytes)
    }
    #[inline(always)]
    fn to_le(self) -> Self::Bytes {
        self.to_le_bytes()
    }
    #[inline(always)]
    fn from_le(bytes: Self::Bytes) -> Self {
        half::f16::from_le_bytes(bytes)
    }
}

// `num_complex::Complex<f32/f64>` (feature `num-complex`): NumPy's `c8` and
// `c16`; a non-native `>c16` stores each part in that order, real first.
macro_rules! complex_scalar {
    ($($float:ident => $half:literal, $size:literal),*) => {$(
        #[cfg(feature = "num-complex")]
        impl sealed::Sealed for num_complex::Complex<$float> {}
        #[cfg(feature = "num-complex")]
        impl Scalar for num_complex::Complex<$float> {
            type Bytes = [u8; $size];
            const KIND: ElemKind = ElemKind::Complex;
            const BE_NAME: &'static str = concat!("Be<Complex<", stringify!($float), ">>");
            const LE_NAME: &'static str = concat!("Le<Complex<", stringify!($float), ">>");
            #[inline(always)]
            fn to_be(self) -> Self::Bytes {
                join(self.re.to_be_bytes(), self.im.to_be_bytes())
            }
            #[inline(always)]
            fn from_be(bytes: Self::Bytes) -> Self {
                let (re, im) = split::<$half, $size>(bytes);
                num_complex::Complex::new(<$float>::from_be_bytes(re), <$float>::from_be_bytes(im))
            }
            #[inline(always)]
            fn to_le(self) -> Self::Bytes {
                join(self.re.to_le_bytes(), self.im.to_le_bytes())
            }
            #[inline(always)]
            fn from_le(bytes: Self::Bytes) -> Self {
                let (re, im) = split::<$half, $size>(bytes);
                num_complex::Complex::new(<$float>::from_le_bytes(re), <$float>::from_le_bytes(im))
            }
        }
    )*};
}

complex_scalar!(f32 => 4, 8, f64 => 8, 16);

/// `a` then `b` (`H + H == N`).
#[cfg(feature = "num-complex")]
#[inline(always)]
fn join<const H: usize, const N: usize>(a: [u8; H], b: [u8; H]) -> [u8; N] {
    let mut out = [0u8; N];
    for (i, byte) in a.into_iter().chain(b).enumerate() {
        if let Some(slot) = out.get_mut(i) {
            *slot = byte;
        }
    }
    out
}

/// The two halves of `bytes` (`H + H == N`).
#[cfg(feature = "num-complex")]
#[inline(always)]
fn split<const H: usize, const N: usize>(bytes: [u8; N]) -> ([u8; H], [u8; H]) {
    let (mut a, mut b) = ([0u8; H], [0u8; H]);
    for (i, byte) in bytes.into_iter().enumerate() {
        if let Some(slot) = a.get_mut(i) {
            *slot = byte;
        } else if let Some(slot) = b.get_mut(i - H) {
            *slot = byte;
        }
    }
    (a, b)
}
