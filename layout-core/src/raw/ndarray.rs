//! ndarray views of core views: the two `from_shape_ptr` calls. The plan
//! (strides in elements, the lowest element, the reversed axes, with a
//! typed error for everything ndarray cannot describe) is made by safe code
//! in `interop/with_ndarray.rs`; this file re-checks that the plan
//! describes exactly the view's elements before trusting it, so soundness
//! does not rest on the planning code. Zero-sized elements have no address
//! to point into: ndarray gets [`zero_sized`] values instead.

use super::bounds::{self, Dim};
use super::proven;
use super::view::{Access, Exclusive, RawView, Shared};
use crate::layout::PixelLayout;
use core::mem::{align_of, size_of};
use core::ptr::NonNull;
use ndarray::{ArrayView, ArrayViewMut, Axis, Dimension, ShapeBuilder};

/// How ndarray is to see the `E`s of a view. ndarray's axes are the
/// view's axes from the last (outermost) to the first, then, with `parts`,
/// `parts` consecutive `E`s inside each element (see
/// [`RawView::nd_axes`]). ndarray gets a pointer to the lowest element,
/// `low` bytes from element `(0, .., 0)`, and non-negative strides in
/// elements (`from_shape_ptr` takes no others); the axes marked `reversed`
/// are then inverted.
pub(crate) struct NdPlan<D> {
    pub(crate) low: isize,
    pub(crate) shape: D,
    pub(crate) strides: D,
    pub(crate) reversed: [bool; 4],
    pub(crate) parts: Option<usize>,
}

impl<'a, T: PixelLayout, const N: usize, A: Access> RawView<'a, T, N, A> {
    /// ndarray's axes of this view, in bytes, and how many there are: the
    /// view's axes from the outermost in, then the `parts` axis (`E`s one
    /// after another inside each element).
    pub(crate) fn nd_axes<E>(&self, parts: Option<usize>) -> ([Dim; 4], usize) {
        let dims = self.dims();
        let mut axes = [Dim::new(1, 0); 4];
        for (k, dim) in dims.iter().rev().enumerate() {
            axes[k] = *dim;
        }
        match parts {
            Some(parts) => {
                axes[N] = Dim::new(parts, size_of::<E>() as isize);
                (axes, N + 1)
            }
            None => (axes, N),
        }
    }

    /// Whether `plan` describes exactly the `E`s ndarray will reach: the
    /// view has elements; each `E` lies inside an element (the parts fit in
    /// `size_of::<T>()`); the shape is the view's; every stride of an axis
    /// with more than one element is that axis's byte stride in whole `E`s
    /// (and 0 on the others),
    /// negative ones marked `reversed`; `low` is the offset of the lowest
    /// element and is aligned for `E`; at most `isize::MAX` elements.
    fn follows<E: PixelLayout, D: Dimension>(&self, plan: &NdPlan<D>) -> bool {
        proven::<E>();
        let size = size_of::<E>();
        let inner = match plan.parts {
            Some(0) => None,
            Some(parts) => parts.checked_mul(size),
            None => Some(size),
        };
        if inner.is_none_or(|bytes| bytes > size_of::<T>()) {
            return false;
        }
        let (axes, count) = self.nd_axes::<E>(plan.parts);
        let axes = &axes[..count];
        if D::NDIM != Some(count) || bounds::is_empty(axes) {
            return false;
        }
        let (mut elements, mut low) = (1usize, 0isize);
        for (k, axis) in axes.iter().enumerate() {
            elements = match elements.checked_mul(axis.len) {
                Some(elements) if elements <= isize::MAX as usize => elements,
                _ => return false,
            };
            // Axes of at most one element must say 0: ndarray reads every
            // stride as signed, and our stride there is never used.
            let stride_fits = if axis.len <= 1 {
                plan.strides[k] == 0
            } else {
                plan.strides[k].checked_mul(size) == Some(axis.stride.unsigned_abs())
            };
            let negative = axis.len > 1 && axis.stride < 0;
            if plan.shape[k] != axis.len || !stride_fits || plan.reversed[k] != negative {
                return false;
            }
            if negative {
                // The last element along this axis is an element of the
                // view, so its offset fits (C1 of view.rs).
                low = low.wrapping_add(((axis.len - 1) as isize).wrapping_mul(axis.stride));
            }
        }
        plan.low == low
            && (self.base().wrapping_offset(low) as usize).is_multiple_of(align_of::<E>())
    }
}

impl<'a, T: PixelLayout, const N: usize> RawView<'a, T, N, Shared> {
    /// ndarray's view of the `E`s `plan` describes; `None` if it does not
    /// describe this view (an empty view takes no pointer: build it from
    /// an empty slice instead).
    pub(crate) fn ndarray<E: PixelLayout, D: Dimension>(
        self,
        plan: NdPlan<D>,
    ) -> Option<ArrayView<'a, E, D>> {
        if !self.follows::<E, D>(&plan) {
            return None;
        }
        let low = self.base().wrapping_offset(plan.low).cast::<E>();
        // SAFETY: `follows` checked that the addresses ndarray forms from
        // `low` and the non-negative whole-`E` strides are exactly those of
        // the view's elements (or of `E`s inside them): in one buffer,
        // initialized (V1) and not written for 'a (V2); any bytes are a
        // valid `E` (PixelLayout); `low` is aligned for `E` and the strides
        // are whole `E`s, so every `E` is aligned; at most `isize::MAX`
        // elements, and distances between them fit `isize` (C1).
        let mut view = unsafe { ArrayView::from_shape_ptr(plan.shape.strides(plan.strides), low) };
        for (k, &reversed) in plan.reversed.iter().enumerate().take(view.ndim()) {
            if reversed {
                view.invert_axis(Axis(k));
            }
        }
        Some(view)
    }
}

impl<'a, T: PixelLayout, const N: usize> RawView<'a, T, N, Exclusive> {
    /// Mutable form of [`RawView::ndarray`], for the rest of `'a`.
    pub(crate) fn into_ndarray<E: PixelLayout, D: Dimension>(
        self,
        plan: NdPlan<D>,
    ) -> Option<ArrayViewMut<'a, E, D>> {
        if !self.follows::<E, D>(&plan) {
            return None;
        }
        let low = self.base().wrapping_offset(plan.low).cast::<E>();
        // SAFETY: as in `ndarray`, and: the elements are reached only
        // through this view for 'a (V2; `self` is consumed), no two share a
        // byte (V3), and the parts of one element are disjoint `E`s inside
        // it, so no two of ndarray's `&mut E` alias.
        let mut view =
            unsafe { ArrayViewMut::from_shape_ptr(plan.shape.strides(plan.strides), low) };
        for (k, &reversed) in plan.reversed.iter().enumerate().take(view.ndim()) {
            if reversed {
                view.invert_axis(Axis(k));
            }
        }
        Some(view)
    }
}

/// `len` values of a zero-sized `E`, borrowing nothing: what ndarray is
/// given for the elements of a view whose element type has no bytes (any
/// `len` of them, all alike, in any order). `None` if `E` has bytes.
pub(crate) fn zero_sized<'a, E: PixelLayout>(len: usize) -> Option<&'a mut [E]> {
    proven::<E>();
    if size_of::<E>() != 0 {
        return None;
    }
    // SAFETY: `E` is zero-sized (checked above), so `len` values occupy
    // `len * 0 = 0` bytes, within `isize::MAX`; for zero-sized values a
    // dangling pointer that is non-null and aligned for `E` (which
    // `NonNull::dangling` is) is valid for reads and writes of the whole
    // slice, for any lifetime (`core::slice::from_raw_parts_mut`). The
    // slice covers no byte, so no other reference aliases it; any bytes,
    // here none, are a valid `E` (PixelLayout).
    Some(unsafe { core::slice::from_raw_parts_mut(NonNull::<E>::dangling().as_ptr(), len) })
}
