//! ndarray views of strided views.

use super::bounds::{element, Dim};
use super::grid::{Grid, GridMut};
use super::proven;
use super::strided::{Strided, StridedMut};
use crate::error::ViewError;
use crate::interop::InteropError;
use crate::layout::PixelLayout;
use core::mem::{align_of, size_of};
use ndarray::{ArrayView, ArrayViewMut, Axis, Dimension, ShapeBuilder};

/// How ndarray is to see elements `E` at `base + sum(i_k * stride_k)`
/// bytes: from the lowest-addressed element, with strides in elements
/// and non-negative (as `from_shape_ptr` requires), then with the axes
/// marked `reversed` inverted.
struct Plan<D> {
    low: *const u8,
    shape: D,
    strides: D,
    reversed: [bool; 4],
}

/// Checks what ndarray needs beyond our bounds rule: strides that are
/// whole elements, an aligned start, at most `isize::MAX` elements, and
/// for a mutable view (`exclusive`) ndarray's own overlap rule, which is
/// stricter than ours. `Ok(None)` for an empty view.
fn plan<E, D: Dimension>(
    base: *const u8,
    axes: &[Dim],
    exclusive: bool,
) -> Result<Option<Plan<D>>, InteropError> {
    debug_assert!(axes.len() <= 4 && D::NDIM == Some(axes.len()));
    let (size, align) = (size_of::<E>(), align_of::<E>());
    let mut count = 1usize;
    for axis in axes.iter().filter(|axis| axis.len > 0) {
        count = count
            .checked_mul(axis.len)
            .filter(|&count| count <= isize::MAX as usize)
            .ok_or(InteropError::TooManyElements { len: axis.len })?;
    }
    if axes.iter().any(|axis| axis.len == 0) {
        return Ok(None);
    }
    let shape = shape_of::<D>(axes);
    let mut strides = D::zeros(axes.len());
    let mut reversed = [false; 4];
    let mut low = base;
    for (k, axis) in axes.iter().enumerate().filter(|(_, axis)| axis.len > 1) {
        let magnitude = axis.stride.unsigned_abs();
        if size == 0 {
            // Zero-sized elements have no bytes: every stride is 0 for
            // ndarray (a mutable view of more than one then overlaps by
            // ndarray's rule and is refused by `nested_axes`).
            continue;
        }
        if !magnitude.is_multiple_of(size) {
            return Err(InteropError::StrideNotWholeElements {
                stride: axis.stride,
                elem_size: size,
            });
        }
        strides[k] = magnitude / size;
        if axis.stride < 0 {
            reversed[k] = true;
            low = element(low, axis.len - 1, axis.stride);
        }
    }
    if exclusive {
        nested_axes(&shape, &strides)?;
    }
    // Strides are multiples of size_of::<E>(), hence of its alignment:
    // every element is aligned exactly when the start is.
    if !(base as usize).is_multiple_of(align) {
        return Err(InteropError::View(ViewError::Misaligned {
            required: align,
            address_remainder: base as usize % align,
            stride_remainder: 0,
        }));
    }
    Ok(Some(Plan {
        low,
        shape,
        strides,
        reversed,
    }))
}

/// ndarray's rule for mutable views (it asserts it in debug builds):
/// taken from the smallest stride up, each axis's stride must exceed
/// everything the smaller axes reach. Our aliasing check is exact and
/// also accepts interleaved axes (pixels 4 bytes apart, rows 6 apart),
/// which ndarray cannot take; refuse those here instead of panicking.
fn nested_axes<D: Dimension>(shape: &D, strides: &D) -> Result<(), InteropError> {
    let mut order: [usize; 4] = [0, 1, 2, 3];
    let order = &mut order[..shape.ndim()];
    order.sort_unstable_by_key(|&k| strides[k]);
    let mut reach = 0usize;
    for &k in order.iter().filter(|&&k| shape[k] > 1) {
        if strides[k] <= reach {
            return Err(InteropError::InterleavedAxes {
                stride: strides[k],
                reach,
            });
        }
        // Elements lie in one buffer, so these sums stay below its size.
        reach = reach.saturating_add((shape[k] - 1).saturating_mul(strides[k]));
    }
    Ok(())
}

/// The lengths of `axes` as an ndarray shape.
fn shape_of<D: Dimension>(axes: &[Dim]) -> D {
    let mut shape = D::zeros(axes.len());
    for (k, axis) in axes.iter().enumerate() {
        shape[k] = axis.len;
    }
    shape
}

/// ndarray's view of elements `E` at `base + sum(i_k * stride_k)`.
///
/// # Safety
///
/// Every such `E` (`i_k < len_k`) lies inside one buffer borrowed shared
/// for `'a`, initialized, at an offset from `base` that fits `isize`.
unsafe fn shared<'a, E: PixelLayout, D: Dimension>(
    base: *const u8,
    axes: &[Dim],
) -> Result<ArrayView<'a, E, D>, InteropError> {
    let Some(plan) = plan::<E, D>(base, axes, false)? else {
        // Empty: no element to point at, so no pointer at all.
        return ArrayView::from_shape(shape_of::<D>(axes), &[])
            .map_err(|_| InteropError::TooManyElements { len: 0 });
    };
    // SAFETY: `plan` started at the lowest element and made every stride
    // a non-negative whole number of elements, so the pointers ndarray
    // forms are exactly the elements' addresses: in one buffer borrowed
    // shared for 'a and initialized (caller's contract), which any bytes
    // are a valid `E` (PixelLayout). `plan` checked the alignment and
    // `count <= isize::MAX`; the byte distance between elements fits
    // isize because they lie in one buffer.
    let mut view = unsafe {
        ArrayView::from_shape_ptr(plan.shape.strides(plan.strides), plan.low.cast::<E>())
    };
    for (k, &reversed) in plan.reversed.iter().enumerate().take(axes.len()) {
        if reversed {
            view.invert_axis(Axis(k));
        }
    }
    Ok(view)
}

/// Mutable form of [`shared`].
///
/// # Safety
///
/// As for [`shared`], with the buffer borrowed exclusively for `'a` and
/// no two of the elements sharing a byte.
unsafe fn exclusive<'a, E: PixelLayout, D: Dimension>(
    base: *mut u8,
    axes: &[Dim],
) -> Result<ArrayViewMut<'a, E, D>, InteropError> {
    let Some(plan) = plan::<E, D>(base, axes, true)? else {
        return ArrayViewMut::from_shape(shape_of::<D>(axes), &mut [])
            .map_err(|_| InteropError::TooManyElements { len: 0 });
    };
    // SAFETY: as in `shared`; in addition the elements are borrowed
    // exclusively for 'a and pairwise disjoint (caller's contract), so
    // the mutable view aliases nothing (and `plan` checked ndarray's own,
    // stricter, overlap rule).
    let mut view = unsafe {
        ArrayViewMut::from_shape_ptr(
            plan.shape.strides(plan.strides),
            plan.low.cast_mut().cast::<E>(),
        )
    };
    for (k, &reversed) in plan.reversed.iter().enumerate().take(axes.len()) {
        if reversed {
            view.invert_axis(Axis(k));
        }
    }
    Ok(view)
}

/// The axis that splits each `T` into `parts` consecutive `E`s, after
/// checking they fit inside it (so each `E` lies in a `T`'s bytes).
fn parts_axis<T, E: PixelLayout>(parts: usize) -> Result<Dim, InteropError> {
    proven::<E>();
    let fits = parts
        .checked_mul(size_of::<E>())
        .is_some_and(|bytes| bytes <= size_of::<T>());
    if !fits || parts == 0 {
        return Err(InteropError::PartsDoNotFit {
            parts,
            part_size: size_of::<E>(),
            whole_size: size_of::<T>(),
        });
    }
    Ok(Dim {
        len: parts,
        stride: size_of::<E>() as isize,
    })
}

impl<'a, T: PixelLayout> Strided<'a, T> {
    fn axis(&self) -> Dim {
        Dim {
            len: self.len,
            stride: self.stride,
        }
    }

    /// The elements as a 1-D ndarray view.
    pub(crate) fn ndarray(&self) -> Result<ArrayView<'a, T, ndarray::Ix1>, InteropError> {
        // SAFETY: these are the view's own elements: in one buffer
        // borrowed shared for 'a (type invariant).
        unsafe { shared(self.base, &[self.axis()]) }
    }

    /// Each element as `parts` consecutive `E`s: `(len, parts)`.
    pub(crate) fn ndarray_parts<E: PixelLayout>(
        &self,
        parts: usize,
    ) -> Result<ArrayView<'a, E, ndarray::Ix2>, InteropError> {
        let axes = [self.axis(), parts_axis::<T, E>(parts)?];
        // SAFETY: each `E` lies inside an element's bytes (`parts_axis`),
        // which are in one buffer borrowed shared for 'a (type invariant).
        unsafe { shared(self.base, &axes) }
    }
}

impl<'a, T: PixelLayout> StridedMut<'a, T> {
    fn axis(&self) -> Dim {
        Dim {
            len: self.len,
            stride: self.stride,
        }
    }

    /// Mutable form of [`Strided::ndarray`].
    pub(crate) fn into_ndarray(self) -> Result<ArrayViewMut<'a, T, ndarray::Ix1>, InteropError> {
        // SAFETY: the view's own elements: exclusively borrowed for 'a
        // and pairwise disjoint (type invariant); `self` is consumed.
        unsafe { exclusive(self.base, &[self.axis()]) }
    }

    /// Mutable form of [`Strided::ndarray_parts`].
    pub(crate) fn into_ndarray_parts<E: PixelLayout>(
        self,
        parts: usize,
    ) -> Result<ArrayViewMut<'a, E, ndarray::Ix2>, InteropError> {
        let axes = [self.axis(), parts_axis::<T, E>(parts)?];
        // SAFETY: the parts of one element are disjoint pieces of its
        // bytes (`parts_axis`); elements are exclusively borrowed and
        // pairwise disjoint (type invariant).
        unsafe { exclusive(self.base, &axes) }
    }
}

impl<'a, T: PixelLayout> Grid<'a, T> {
    fn axes(&self) -> [Dim; 2] {
        let [x, y] = self.geometry.dims();
        [y, x]
    }

    /// The pixels as a `(height, width)` ndarray view.
    pub(crate) fn ndarray(&self) -> Result<ArrayView<'a, T, ndarray::Ix2>, InteropError> {
        // SAFETY: the grid's own pixels: in one buffer borrowed shared for
        // 'a (type invariant).
        unsafe { shared(self.geometry.base, &self.axes()) }
    }

    /// Each pixel as `parts` consecutive `E`s: `(height, width, parts)`.
    pub(crate) fn ndarray_parts<E: PixelLayout>(
        &self,
        parts: usize,
    ) -> Result<ArrayView<'a, E, ndarray::Ix3>, InteropError> {
        let [y, x] = self.axes();
        let axes = [y, x, parts_axis::<T, E>(parts)?];
        // SAFETY: each `E` lies inside a pixel's bytes (`parts_axis`),
        // which are in one buffer borrowed shared for 'a (type invariant).
        unsafe { shared(self.geometry.base, &axes) }
    }
}

impl<'a, T: PixelLayout> GridMut<'a, T> {
    /// Mutable form of [`Grid::ndarray`].
    pub(crate) fn into_ndarray(self) -> Result<ArrayViewMut<'a, T, ndarray::Ix2>, InteropError> {
        let [x, y] = self.geometry.dims();
        // SAFETY: the grid's own pixels: exclusively borrowed for 'a and
        // pairwise disjoint (type invariant); `self` is consumed.
        unsafe { exclusive(self.geometry.base.cast_mut(), &[y, x]) }
    }

    /// Mutable form of [`Grid::ndarray_parts`].
    pub(crate) fn into_ndarray_parts<E: PixelLayout>(
        self,
        parts: usize,
    ) -> Result<ArrayViewMut<'a, E, ndarray::Ix3>, InteropError> {
        let [x, y] = self.geometry.dims();
        let axes = [y, x, parts_axis::<T, E>(parts)?];
        // SAFETY: disjoint parts of disjoint, exclusively borrowed pixels
        // (`parts_axis`, type invariant); `self` is consumed.
        unsafe { exclusive(self.geometry.base.cast_mut(), &axes) }
    }
}
