//! `PixelLayout` for the built-in layout types, and the bytemuck hook.

use crate::byte_order::{Be, Le, Scalar};
use crate::layout::{ByteOrder, ElemKind, Layout, PixelLayout, Shape};
use core::mem::{align_of, size_of};

// ---------------------------------------------------------------------------
// Trait implementations for the built-in layout types.

macro_rules! native_scalar {
    ($($ty:ident => $kind:ident),* $(,)?) => {$(
        // The table takes size and alignment from the compiler and the byte
        // order from the target.
        // SAFETY: a primitive integer or float has no padding, every bit
        // pattern is a value (floats: a number or NaN), and no pointer or cell.
        unsafe impl PixelLayout for $ty {
            type __Fields = ();
            const __PROOF: () = ();
            const LAYOUT: Layout = Layout {
                name: stringify!($ty),
                size: size_of::<$ty>(),
                align: align_of::<$ty>(),
                shape: Shape::Scalar {
                    kind: ElemKind::$kind,
                    order: if size_of::<$ty>() == 1 {
                        ByteOrder::NotApplicable
                    } else {
                        ByteOrder::NATIVE
                    },
                },
            };
        }
    )*};
}

native_scalar!(
    u8 => Uint, u16 => Uint, u32 => Uint, u64 => Uint, u128 => Uint,
    i8 => Int, i16 => Int, i32 => Int, i64 => Int, i128 => Int,
    f32 => Float, f64 => Float,
);

// SAFETY: an array is `N` values of `T` one after another with no gaps (its
// size is `N * size_of::<T>()`), so it has padding, invalid bit patterns,
// pointers or cells only if `T` has, and `T: PixelLayout` promises it has not.
unsafe impl<T: PixelLayout, const N: usize> PixelLayout for [T; N] {
    type __Fields = ();
    const __PROOF: () = T::__PROOF;
    const LAYOUT: Layout = Layout {
        name: "array",
        size: size_of::<[T; N]>(),
        align: align_of::<[T; N]>(),
        shape: Shape::Array {
            elem: &T::LAYOUT,
            len: N,
        },
    };
}

// SAFETY: `Be<T>` is `repr(transparent)` over `T::Bytes`, which the sealed
// `Scalar` impls in byte_order.rs fix to `[u8; size_of::<T>()]`: no padding,
// every byte value valid, no pointers, alignment 1.
unsafe impl<T: Scalar> PixelLayout for Be<T> {
    type __Fields = ();
    const __PROOF: () = ();
    const LAYOUT: Layout = Layout {
        name: T::BE_NAME,
        size: size_of::<Self>(),
        align: align_of::<Self>(),
        shape: Shape::Scalar {
            kind: T::KIND,
            order: ByteOrder::Big,
        },
    };
}

// SAFETY: as for `Be<T>` above: `repr(transparent)` over `[u8; size_of::<T>()]`.
unsafe impl<T: Scalar> PixelLayout for Le<T> {
    type __Fields = ();
    const __PROOF: () = ();
    const LAYOUT: Layout = Layout {
        name: T::LE_NAME,
        size: size_of::<Self>(),
        align: align_of::<Self>(),
        shape: Shape::Scalar {
            kind: T::KIND,
            order: ByteOrder::Little,
        },
    };
}

// ---------------------------------------------------------------------------
// bytemuck: `Pod` and `Zeroable` for the byte-order wrappers and, through
// the macro below, for every derived type.

#[cfg(feature = "bytemuck")]
mod bytemuck_impls {
    use super::{Be, Le, Scalar};

    // SAFETY: `Be<T>` is `repr(transparent)` over `[u8; size_of::<T>()]`
    // (byte_order.rs, sealed `Scalar`): all zeroes is a valid value.
    unsafe impl<T: Scalar> bytemuck::Zeroable for Be<T> {}
    // SAFETY: as above: plain bytes, no padding, any bit pattern valid,
    // `Copy + 'static`, `repr(transparent)`.
    unsafe impl<T: Scalar> bytemuck::Pod for Be<T> {}
    // SAFETY: as for `Be<T>`: `repr(transparent)` over a byte array.
    unsafe impl<T: Scalar> bytemuck::Zeroable for Le<T> {}
    // SAFETY: as for `Be<T>`: `repr(transparent)` over a byte array.
    unsafe impl<T: Scalar> bytemuck::Pod for Le<T> {}
}

/// Called by `#[derive(PixelLayout)]` inside its `const _: () = { .. };`
/// block, after the compile-time layout proofs. With the `bytemuck` feature
/// it implements `bytemuck::Zeroable` and `bytemuck::Pod` for the type;
/// without it, it expands to nothing. A `macro_rules!` of this crate rather
/// than derive output, because a proc macro cannot see this crate's features.
#[cfg(feature = "bytemuck")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_bytemuck {
    ($ty:ty) => {
        // The trait's own proof, which no `crate = ...` path can redirect:
        // this fails to compile unless `$ty: PixelLayout` and its field
        // sizes add up to its size (no padding, not zero-sized).
        const _: () = <$ty as $crate::PixelLayout>::__PROOF;
        // SAFETY: `$ty: PixelLayout`, and `__PROOF` just above holds, so it
        // has no padding (every byte is initialized and all zeroes is a
        // value) and every field is a layout type (any bit pattern valid, no
        // pointers or cells); the derive accepted only `repr(C)`/`packed`/
        // `transparent`; `Copy + 'static` are supertraits. That is
        // bytemuck's contract for both traits.
        unsafe impl $crate::__private::bytemuck::Zeroable for $ty {}
        // SAFETY: as above.
        unsafe impl $crate::__private::bytemuck::Pod for $ty {}
    };
}

/// Without the `bytemuck` feature: nothing.
#[cfg(not(feature = "bytemuck"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_bytemuck {
    ($ty:ty) => {};
}

// ---------------------------------------------------------------------------
// NumPy's dtype families (numpy_types): booleans, strings, times, and with
// features half-precision floats and complex numbers.

use crate::numpy_types::{Bool, Bytes, Datetime64, Timedelta64, Ucs4, Unit};

// SAFETY: `Bool` is `repr(transparent)` over one `u8` (numpy_types/boolean.rs)
// and every byte is a valid `Bool` (any non-zero byte is true): no padding,
// no invalid bit patterns, no pointers or cells.
unsafe impl PixelLayout for Bool {
    type __Fields = ();
    const __PROOF: () = ();
    const LAYOUT: Layout = Layout {
        name: "Bool",
        size: size_of::<Self>(),
        align: align_of::<Self>(),
        shape: Shape::Scalar {
            kind: ElemKind::Bool,
            order: ByteOrder::NotApplicable,
        },
    };
}

// SAFETY: `Bytes<N>` is `repr(transparent)` over `[u8; N]`
// (numpy_types/strings.rs): `N` bytes, any values, no padding or pointers.
unsafe impl<const N: usize> PixelLayout for Bytes<N> {
    type __Fields = ();
    const __PROOF: () = ();
    const LAYOUT: Layout = Layout {
        name: "Bytes",
        size: size_of::<Self>(),
        align: align_of::<Self>(),
        shape: Shape::Scalar {
            kind: ElemKind::Bytes,
            order: ByteOrder::NotApplicable,
        },
    };
}

// SAFETY: `Ucs4<N>` is `repr(transparent)` over `[u32; N]`
// (numpy_types/strings.rs): any bit pattern is a value (code points that are
// not `char`s are handled as values, never turned into `char` unchecked), no
// padding or pointers.
unsafe impl<const N: usize> PixelLayout for Ucs4<N> {
    type __Fields = ();
    const __PROOF: () = ();
    const LAYOUT: Layout = Layout {
        name: "Ucs4",
        size: size_of::<Self>(),
        align: align_of::<Self>(),
        shape: Shape::Scalar {
            kind: ElemKind::Unicode,
            order: ByteOrder::NATIVE,
        },
    };
}

// SAFETY: `Datetime64<U>` is `repr(transparent)` over an `i64` and a
// zero-sized `PhantomData<U>` (numpy_types/time.rs): 8 bytes, any bit
// pattern a value, no padding or pointers; `U: Unit` is a sealed unit type.
unsafe impl<U: Unit> PixelLayout for Datetime64<U> {
    type __Fields = ();
    const __PROOF: () = ();
    const LAYOUT: Layout = Layout {
        name: "Datetime64",
        size: size_of::<Self>(),
        align: align_of::<Self>(),
        shape: Shape::Scalar {
            kind: ElemKind::Datetime(U::UNIT),
            order: ByteOrder::NATIVE,
        },
    };
}

// SAFETY: as for `Datetime64<U>`: `repr(transparent)` over an `i64`.
unsafe impl<U: Unit> PixelLayout for Timedelta64<U> {
    type __Fields = ();
    const __PROOF: () = ();
    const LAYOUT: Layout = Layout {
        name: "Timedelta64",
        size: size_of::<Self>(),
        align: align_of::<Self>(),
        shape: Shape::Scalar {
            kind: ElemKind::Timedelta(U::UNIT),
            order: ByteOrder::NATIVE,
        },
    };
}

// SAFETY: `half::f16` is `repr(transparent)` over a `u16` (half's own docs
// and source): 2 bytes, every bit pattern an IEEE 754 binary16 value (a
// number or a NaN), no padding or pointers.
#[cfg(feature = "half")]
#[cfg(feature = "half")]
unsafe impl PixelLayout for half::f16 {
    type __Fields = ();
    const __PROOF: () = ();
    const LAYOUT: Layout = Layout {
        name: "f16",
        size: size_of::<Self>(),
        align: align_of::<Self>(),
        shape: Shape::Scalar {
            kind: ElemKind::Float,
            order: ByteOrder::NATIVE,
        },
    };
}

macro_rules! complex {
    ($($float:ident),*) => {$(
        // SAFETY: `num_complex::Complex<T>` is `#[repr(C)] struct { re: T, im:
        // T }` (num-complex documents the layout as `[T; 2]`): two floats of
        // the same type, so no padding, every bit pattern a value, no pointers.
        #[cfg(feature = "num-complex")]
        unsafe impl PixelLayout for num_complex::Complex<$float> {
            type __Fields = ();
            const __PROOF: () = ();
            const LAYOUT: Layout = Layout {
                name: concat!("Complex<", stringify!($float), ">"),
                size: size_of::<Self>(),
                align: align_of::<Self>(),
                shape: Shape::Scalar {
                    kind: ElemKind::Complex,
                    order: ByteOrder::NATIVE,
                },
            };
        }
    )*};
}

complex!(f32, f64);
