//! What only rank-1 views (records, columns, rows) and rank-2 views
//! (images, planes) do: slices, element iterators, rows, blocks. The
//! preconditions (V1)–(V4) and consequences (C1), (C2) cited below are
//! those of view.rs.

use super::bounds::Dim;
use super::view::{Access, Exclusive, RawView, Shared};
use crate::error::ViewError;
use crate::layout::PixelLayout;
use core::mem::size_of;

/// Rank 1: records, columns and rows.
impl<'a, T: PixelLayout, A: Access> RawView<'a, T, 1, A> {
    /// Whether the elements are adjacent and aligned: exactly the bytes of
    /// a `[T]`.
    #[inline(always)]
    fn is_slice(&self) -> bool {
        let [dim] = self.dims();
        self.is_aligned() && dim.len > 0 && (dim.len == 1 || dim.stride == size_of::<T>() as isize)
    }
}

impl<'a, T: PixelLayout> RawView<'a, T, 1, Shared> {
    /// All elements of a slice.
    #[inline(always)]
    pub(crate) fn from_slice(slice: &'a [T]) -> Self {
        let dims = [Dim::new(slice.len(), size_of::<T>() as isize)];
        // SAFETY: the elements are the slice's, one after another: in
        // bounds and initialized (V1; `T` has no padding), borrowed shared
        // for 'a through `as_ptr` (V2); the span is the slice (V4).
        unsafe { Self::new(slice.as_ptr().cast::<u8>().cast_mut(), dims, true) }
    }

    /// The elements as a slice, when adjacent and aligned.
    #[inline]
    pub(crate) fn as_slice(&self) -> Option<&'a [T]> {
        if self.len(0) == 0 {
            return Some(&[]);
        }
        if !self.is_slice() {
            return None;
        }
        // SAFETY: `len >= 1` adjacent, aligned elements are exactly the
        // bytes `base..base + len·size_of::<T>()`: in bounds and initialized
        // (V1), borrowed shared for 'a (V2); any bytes are valid `T`s.
        Some(unsafe { core::slice::from_raw_parts(self.base().cast::<T>(), self.len(0)) })
    }
}

impl<'a, T: PixelLayout> RawView<'a, T, 1, Exclusive> {
    /// All elements of a mutable slice.
    #[inline(always)]
    pub(crate) fn from_slice_mut(slice: &'a mut [T]) -> Self {
        let dims = [Dim::new(slice.len(), size_of::<T>() as isize)];
        // SAFETY: as in `from_slice`, borrowed exclusively through
        // `as_mut_ptr` (V2); distinct slice elements share no byte (V3).
        unsafe { Self::new(slice.as_mut_ptr().cast::<u8>(), dims, true) }
    }

    /// The elements as a mutable slice for the rest of `'a`, when adjacent
    /// and aligned.
    pub(crate) fn into_mut_slice(self) -> Option<&'a mut [T]> {
        if self.len(0) == 0 {
            return Some(&mut []);
        }
        if !self.is_slice() {
            return None;
        }
        // SAFETY: as in `as_slice`, exclusively (V2) for 'a: `self` is
        // consumed; any bytes written are valid `T`s.
        Some(unsafe { core::slice::from_raw_parts_mut(self.base().cast::<T>(), self.len(0)) })
    }

    /// Replaces every element with `f(element)`, reading and writing
    /// unaligned.
    #[inline]
    pub(crate) fn update_each(&mut self, mut f: impl FnMut(T) -> T) {
        for i in 0..self.len(0) {
            let at = self.address([i]).cast::<T>();
            // SAFETY: `i < len`: an element (C1), in bounds and initialized
            // (V1), reached only through this view, borrowed mutably here
            // (V2); unaligned accesses need no alignment; any bytes are a
            // valid `T` and `T` has no padding (PixelLayout 1–2).
            unsafe { at.write_unaligned(f(at.read_unaligned())) };
        }
    }
}

/// Rank 2: images and planes; axis 0 is x (pixels in a row), axis 1 is y.
impl<'a, T: PixelLayout, A: Access> RawView<'a, T, 2, A> {
    /// The address of row `y`'s first pixel, or `None` past the last row.
    /// A row of a 0-wide image starts at the base: with no elements the row
    /// stride was never checked.
    #[inline(always)]
    pub(crate) fn row_start(&self, y: usize) -> Option<*mut u8> {
        let [x_axis, y_axis] = self.dims();
        if y >= y_axis.len {
            return None;
        }
        let offset = if x_axis.len == 0 {
            0
        } else {
            (y as isize).wrapping_mul(y_axis.stride)
        };
        Some(self.base().wrapping_offset(offset))
    }

    /// Row `y` as a rank-1 view, or `None` past the last row.
    #[inline]
    pub(crate) fn row(self, y: usize) -> Option<RawView<'a, T, 1, A>> {
        let start = self.row_start(y)?;
        // SAFETY: the pixels `(x, y)` for `x < width` are elements of
        // `self` (C2); `self` is consumed (or a shared copy), so the row's
        // span, inside the old one, keeps (V4).
        Some(unsafe { RawView::new(start, [self.dims()[0]], self.whole_span()) })
    }

    /// The `W x H` pixels whose top-left one is `(x, y)`, row by row, by
    /// value; `None` if any lies outside the view.
    #[inline]
    pub(crate) fn read_block<const W: usize, const H: usize>(
        &self,
        x: usize,
        y: usize,
    ) -> Option<[[T; W]; H]> {
        let inside = |start: usize, len: usize, limit: usize| {
            start.checked_add(len).is_some_and(|end| end <= limit)
        };
        if !inside(x, W, self.len(0)) || !inside(y, H, self.len(1)) {
            return None;
        }
        Some(core::array::from_fn(|dy| {
            core::array::from_fn(|dx| {
                // SAFETY: x + dx < x + W <= width and y + dy < height
                // (checked above).
                unsafe { self.read_unchecked([x + dx, y + dy]) }
            })
        }))
    }
}

impl<'a, T: PixelLayout> RawView<'a, T, 2, Shared> {
    /// A packed row-major `width x height` view of exactly `width·height`
    /// values.
    ///
    /// # Errors
    ///
    /// `ShapeOverflow` if `width·height` overflows, `LengthMismatch` if it
    /// is not `pixels.len()`.
    pub(crate) fn from_slice_2d(
        pixels: &'a [T],
        width: usize,
        height: usize,
    ) -> Result<Self, ViewError> {
        let dims = packed_dims::<T>(pixels.len(), width, height)?;
        // SAFETY: every pixel is an element of the slice (`packed_dims`
        // checked the count); as in `from_slice` (V1, V2, V4).
        Ok(unsafe { Self::new(pixels.as_ptr().cast::<u8>().cast_mut(), dims, true) })
    }
}

impl<'a, T: PixelLayout> RawView<'a, T, 2, Exclusive> {
    /// Mutable form of [`RawView::from_slice_2d`].
    ///
    /// # Errors
    ///
    /// As `from_slice_2d`.
    pub(crate) fn from_slice_2d_mut(
        pixels: &'a mut [T],
        width: usize,
        height: usize,
    ) -> Result<Self, ViewError> {
        let dims = packed_dims::<T>(pixels.len(), width, height)?;
        // SAFETY: as in `from_slice_mut`: slice elements, borrowed
        // exclusively through `as_mut_ptr` (V2), pairwise disjoint (V3).
        Ok(unsafe { Self::new(pixels.as_mut_ptr().cast::<u8>(), dims, true) })
    }
}

/// The axes of a packed row-major image over a slice of `len` values.
fn packed_dims<T>(len: usize, width: usize, height: usize) -> Result<[Dim; 2], ViewError> {
    let expected = width
        .checked_mul(height)
        .ok_or(ViewError::ShapeOverflow { width, height })?;
    if expected != len {
        return Err(ViewError::LengthMismatch {
            expected,
            given: len,
        });
    }
    // A row's bytes are part of the slice, so they fit isize (or there are
    // no rows and the stride is unused).
    let row = if height > 0 {
        width * size_of::<T>()
    } else {
        0
    };
    Ok([
        Dim::new(width, size_of::<T>() as isize),
        Dim::new(height, row as isize),
    ])
}
