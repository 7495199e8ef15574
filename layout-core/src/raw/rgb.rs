//! `PixelLayout` for the pixel types of the `rgb` crate (feature `rgb`).
//!
//! Each type is a `#[repr(C)]` struct whose fields all have one type `T`
//! (for the types with alpha, the alpha type parameter is fixed to `T`).
//! The impls below are what `#[derive(PixelLayout)]` would emit for them,
//! written out because the types are foreign and generic:
//!
//! * the field table takes every offset from `offset_of!` and every size and
//!   alignment from the compiler, so it is exact whatever the `rgb` crate's
//!   field order; the names are the `rgb` crate's field names, except that
//!   the tuple fields of the legacy `Gray` and `GrayAlpha` are named `v` and
//!   `a`, the names `rgb` gives them in `GrayA` and its next major version;
//! * `__Fields` lists the field types, so the trait's own proof
//!   (`check::prove_fields`, evaluated by every view constructor) checks at
//!   compile time that the field sizes add up to the type's size: a future
//!   `rgb` release that added a field or padding would fail to compile here
//!   instead of being viewed wrongly.

use crate::layout::{Field, Layout, PixelLayout, Shape};
use core::mem::{align_of, offset_of, size_of};
use rgb::alt::{Gray as GrayV08, GrayAlpha as GrayAlphaV08};
use rgb::{Abgr, Argb, Bgr, Bgra, GrayA, Grb, Rgb, Rgba};

/// `unsafe impl<T: PixelLayout> PixelLayout for $ty` with the field table
/// `$field => $name` in memory order and `__Fields` = `$fields`.
macro_rules! rgb_layout {
    ($ty:ty, $label:literal, $fields:ty, [$($field:tt => $name:literal),+ $(,)?]) => {
        // Deprecated in `rgb`: the tuple fields `.0`/`.1` of the legacy gray
        // types, named here only to take their offsets.
        #[allow(deprecated)]
        // SAFETY: `$ty` is `#[repr(C)]` (checked against the `rgb` sources,
        // and the reason the crate exists: sharing pixels between crates)
        // and every field has type `T` (alpha types are fixed to `A = T`).
        // repr(C) places each field at the next multiple of `align_of::<T>()`;
        // `size_of::<T>()` is such a multiple, so the fields lie back to back
        // with no padding between them or after the last (1): every byte of
        // the struct is a byte of some `T`. `T: PixelLayout` promises no
        // padding, every bit pattern valid, and no pointers or interior
        // mutability inside `T` (2). With (1), the struct has these
        // properties too. `Copy + 'static` hold because `T: Copy + 'static`
        // and `rgb` derives `Copy`. The field table is exact: offsets from
        // `offset_of!`, sizes and alignments from `T::LAYOUT` and the
        // compiler. `__Fields` names each field's type once, so the default
        // `__PROOF` re-checks (1) at compile time.
        unsafe impl<T: PixelLayout> PixelLayout for $ty {
            type __Fields = $fields;
            const LAYOUT: Layout = Layout {
                name: $label,
                size: size_of::<Self>(),
                align: align_of::<Self>(),
                shape: Shape::Record {
                    fields: &[$(Field {
                        name: $name,
                        offset: offset_of!(Self, $field),
                        layout: &T::LAYOUT,
                        padding: false,
                    }),+],
                    packed: false,
                },
            };
        }
    };
}

rgb_layout!(Rgb<T>, "Rgb", ((T,), ((T,), (T,))), [r => "r", g => "g", b => "b"]);
rgb_layout!(Bgr<T>, "Bgr", ((T,), ((T,), (T,))), [b => "b", g => "g", r => "r"]);
rgb_layout!(Grb<T>, "Grb", ((T,), ((T,), (T,))), [g => "g", r => "r", b => "b"]);
rgb_layout!(
    Rgba<T>,
    "Rgba",
    (((T,), (T,)), ((T,), (T,))),
    [r => "r", g => "g", b => "b", a => "a"]
);
rgb_layout!(
    Bgra<T>,
    "Bgra",
    (((T,), (T,)), ((T,), (T,))),
    [b => "b", g => "g", r => "r", a => "a"]
);
rgb_layout!(
    Argb<T>,
    "Argb",
    (((T,), (T,)), ((T,), (T,))),
    [a => "a", r => "r", g => "g", b => "b"]
);
rgb_layout!(
    Abgr<T>,
    "Abgr",
    (((T,), (T,)), ((T,), (T,))),
    [a => "a", b => "b", g => "g", r => "r"]
);
rgb_layout!(GrayV08<T>, "Gray", (T,), [0 => "v"]);
rgb_layout!(GrayAlphaV08<T>, "GrayAlpha", ((T,), (T,)), [0 => "v", 1 => "a"]);
rgb_layout!(GrayA<T>, "GrayA", ((T,), (T,)), [v => "v", a => "a"]);
