//! Every `unsafe` operation of this crate, and the checks they rest on.
//!
//! The views elsewhere are built from three types defined here:
//!
//! * [`Strided`]: `len` elements of `T` at `base + i * stride` bytes, shared;
//! * [`StridedMut`]: the same, exclusive, with no two elements sharing a byte;
//! * [`FieldSplit`]: hands out disjoint mutable field views of a `StridedMut`.
//!
//! Their constructors are the only way to make one, and each either derives
//! the bounds from a Rust slice or calls [`check_reach`] (and, for mutable
//! views, [`check_no_alias`]). The invariants they establish are written on
//! each type as "Invariant" and cited by every `// SAFETY:` comment below.

use crate::layout::PixelLayout;

#[cfg(feature = "alloc")]
mod alloc;
mod bounds;
#[cfg(feature = "fast_image_resize")]
mod fir;
mod grid;
mod impls;
#[cfg(feature = "std")]
mod map;
#[cfg(feature = "ndarray")]
mod ndarray;
#[cfg(feature = "rgb")]
mod rgb;
#[cfg(all(feature = "std", target_arch = "x86_64"))]
mod simd;
mod strided;
mod value;

#[cfg(feature = "alloc")]
pub(crate) use alloc::AlignedBytes;
#[cfg(feature = "fast_image_resize")]
pub(crate) use fir::FirRows;
pub(crate) use grid::{Grid, GridFieldSplit, GridMut, RowsMut};
#[cfg(feature = "std")]
pub(crate) use map::map_read_only;
#[cfg(all(feature = "std", target_arch = "x86_64"))]
pub(crate) use simd::shuffle_groups;
pub(crate) use strided::{FieldSplit, Refs, RefsMut, Strided, StridedMut, Values};
#[cfg_attr(not(feature = "std"), allow(unused_imports))]
pub(crate) use value::{copy_bytes, slice_bytes, slice_bytes_mut, zeroed};

/// Evaluates `T`'s layout proof ([`PixelLayout::__PROOF`]) wherever this
/// is instantiated for `T`. Every constructor calls it first, so no
/// code that reaches `T`'s bytes compiles for a type whose derive checks were
/// skipped.
#[inline(always)]
fn proven<T: PixelLayout>() {
    let () = T::__PROOF;
}
