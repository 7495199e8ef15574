//! Every `unsafe` operation of this crate, one concern a file:
//!
//! - `view.rs`: the one core view, [`RawView`], built only by an `unsafe
//!   fn` with numbered preconditions (V1)–(V4) that every `// SAFETY:`
//!   comment of the tree cites, its operations at any rank, and the
//!   disjoint field split; records, columns, images, planes, rows and
//!   windows are typed wrappers over it, outside this module;
//! - `rank.rs`: what only rank 1 (slices) and rank 2 (rows, blocks) do;
//! - `iter.rs`: element and row iterators;
//! - `bounds.rs`: the bounds, aliasing and alignment arithmetic that
//!   establishes those preconditions (no `unsafe` there);
//! - `impls.rs`: `PixelLayout` for the built-in types, the bytemuck hook;
//! - `value.rs`: whole values and byte views of slices;
//! - `simd.rs`: the byte shuffle of channel conversion;
//! - `alloc.rs`: owned aligned bytes;
//! - `map.rs`: memory-mapped files;
//! - `ndarray.rs`: ndarray views of core views (planning is in
//!   `interop/with_ndarray.rs`; this file re-checks what it relies on);
//! - `fir.rs`: image rows lent to `fast_image_resize`;
//! - `rgb.rs`: `PixelLayout` for the `rgb` crate's pixel types;
//! - `python/`: Python buffers held and exported (feature `pyo3`);
//! - `arrow.rs`: Arrow buffers filled from record fields without zeroing
//!   them first (feature `arrow`).
//!
//! SAFETY.md walks through every block.

use crate::layout::PixelLayout;

#[cfg(feature = "alloc")]
mod alloc;
#[cfg(feature = "arrow")]
mod arrow;
mod bounds;
#[cfg(feature = "fast_image_resize")]
mod fir;
mod impls;
mod iter;
#[cfg(feature = "std")]
mod map;
#[cfg(feature = "std")]
pub(crate) use map::map_fn;
#[cfg(feature = "ndarray")]
mod ndarray;
#[cfg(feature = "pyo3")]
pub(crate) mod python;
mod rank;
#[cfg(feature = "rgb")]
mod rgb;
#[cfg(all(feature = "std", target_arch = "x86_64"))]
mod simd;
mod value;
mod view;

#[cfg(feature = "alloc")]
pub(crate) use alloc::AlignedBytes;
#[cfg(all(feature = "arrow", feature = "rayon"))]
pub(crate) use arrow::par_gather_fields;
#[cfg(feature = "arrow")]
pub(crate) use arrow::{gather_fields, FieldBytes, GatherError, RecordBytes};
pub(crate) use bounds::{resolve, Dim};
#[cfg(feature = "fast_image_resize")]
pub(crate) use fir::FirRows;
pub(crate) use iter::{Refs, RefsMut, Rows, Values};
#[cfg(feature = "ndarray")]
pub(crate) use ndarray::{zero_sized, NdPlan};
#[cfg(all(feature = "std", target_arch = "x86_64"))]
pub(crate) use simd::shuffle_groups;
#[cfg_attr(not(feature = "std"), allow(unused_imports))]
pub(crate) use value::{copy_bytes, slice_bytes, slice_bytes_mut, zeroed};
pub(crate) use view::{Access, Exclusive, FieldSplit, RawView, Shared};

/// Evaluates `T`'s layout proof ([`PixelLayout::__PROOF`]) wherever this
/// is instantiated for `T`. `RawView::new` and the functions of value.rs
/// call it first, so no code that reaches `T`'s bytes compiles for a type
/// whose derive checks were skipped.
#[inline(always)]
fn proven<T: PixelLayout>() {
    let () = T::__PROOF;
}
