//! Two-dimensional strided views.

use super::bounds::{check_no_alias, check_reach, element, is_aligned, subview, Dim};
use super::proven;
use super::strided::{Strided, StridedMut};
use crate::error::ViewError;
use crate::layout::PixelLayout;
use core::marker::PhantomData;
use core::mem::{align_of, size_of};

// ---------------------------------------------------------------------------
// Two-dimensional strided views.

/// Geometry of a 2-D view: pixel `(x, y)` starts at
/// `base + x * x_stride + y * y_stride` bytes.
#[derive(Clone, Copy, Debug)]
pub(super) struct Geometry {
    pub(super) base: *const u8,
    pub(super) width: usize,
    pub(super) height: usize,
    pub(super) x_stride: isize,
    pub(super) y_stride: isize,
}

impl Geometry {
    pub(super) fn dims(&self) -> [Dim; 2] {
        [
            Dim {
                len: self.width,
                stride: self.x_stride,
            },
            Dim {
                len: self.height,
                stride: self.y_stride,
            },
        ]
    }

    #[inline(always)]
    fn pixel(&self, x: usize, y: usize) -> *const u8 {
        element(element(self.base, x, self.x_stride), y, self.y_stride)
    }

    /// Start of row `y < height`. A row of width 0 starts at `base`: the
    /// bounds check skips empty grids, so `y_stride` may be wild then.
    #[inline(always)]
    fn row_start(&self, y: usize) -> *const u8 {
        if self.width == 0 {
            self.base
        } else {
            self.pixel(0, y)
        }
    }

    fn is_aligned<T>(&self) -> bool {
        let align = align_of::<T>();
        (self.base as usize).is_multiple_of(align)
            && (self.width <= 1 || self.x_stride.unsigned_abs().is_multiple_of(align))
            && (self.height <= 1 || self.y_stride.unsigned_abs().is_multiple_of(align))
    }

    /// Pixels `x0..x1` every `step_x`, rows `y0..y1` every `step_y`: a
    /// subset of the old pixels. Callers check the ranges (asserted).
    fn sub(
        &self,
        x0: usize,
        x1: usize,
        step_x: usize,
        y0: usize,
        y1: usize,
        step_y: usize,
    ) -> Self {
        assert!(x0 <= x1 && x1 <= self.width && y0 <= y1 && y1 <= self.height);
        assert!(step_x >= 1 && step_y >= 1);
        let (base, width, x_stride) = subview(self.base, self.x_stride, x0, x1, step_x);
        let (base, height, y_stride) = subview(base, self.y_stride, y0, y1, step_y);
        Geometry {
            // An empty result keeps the old base: with no pixels, the strides
            // were never checked and `base` above may be wild.
            base: if width == 0 || height == 0 {
                self.base
            } else {
                base
            },
            width,
            height,
            x_stride,
            y_stride,
        }
    }

    /// The same pixels with x reversed.
    fn flipped_x(&self) -> Self {
        if self.width <= 1 || self.height == 0 {
            return *self;
        }
        // width > 1, so |x_stride| fits in isize and can be negated.
        Geometry {
            base: element(self.base, self.width - 1, self.x_stride),
            x_stride: -self.x_stride,
            ..*self
        }
    }

    /// The same pixels with y reversed.
    fn flipped_y(&self) -> Self {
        if self.height <= 1 || self.width == 0 {
            return *self;
        }
        Geometry {
            base: element(self.base, self.height - 1, self.y_stride),
            y_stride: -self.y_stride,
            ..*self
        }
    }

    /// Row-major `width x height` pixels of `T` starting at `base`, where
    /// `base` is the start of a slice of `len` elements: checks that the
    /// sizes agree. The caller passes the pointer with the permission the
    /// view needs (`as_mut_ptr` for mutable views).
    fn packed<T>(
        base: *const u8,
        len: usize,
        width: usize,
        height: usize,
    ) -> Result<Self, ViewError> {
        let expected = width.checked_mul(height).ok_or(ViewError::Overflow {
            len: height,
            stride: width as isize,
        })?;
        if expected != len {
            return Err(ViewError::LengthMismatch {
                expected,
                given: len,
            });
        }
        // width * size_of::<T>() <= the slice's byte length, which fits isize
        // (or height is 0 and the stride is unused).
        let row = if height > 0 {
            width * size_of::<T>()
        } else {
            0
        };
        Ok(Geometry {
            base,
            width,
            height,
            x_stride: size_of::<T>() as isize,
            y_stride: row as isize,
        })
    }

    /// Offsets from `base` of the lowest byte any pixel reaches and of one
    /// past the highest, for pixels of `size` bytes; `None` for an empty
    /// grid. Both are offsets of bytes of corner pixels, which the bounds
    /// check placed in the buffer, so the arithmetic cannot overflow (it is
    /// checked regardless).
    #[cfg(feature = "image")]
    fn span_offsets(&self, size: usize) -> Option<(isize, isize)> {
        if self.width == 0 || self.height == 0 {
            return None;
        }
        let reach = |len: usize, stride: isize| isize::try_from(len - 1).ok()?.checked_mul(stride);
        let (x, y) = (
            reach(self.width, self.x_stride)?,
            reach(self.height, self.y_stride)?,
        );
        let low = x.min(0).checked_add(y.min(0))?;
        let high = x
            .max(0)
            .checked_add(y.max(0))?
            .checked_add(isize::try_from(size).ok()?)?;
        Some((low, high))
    }

    /// The same pixels with x and y swapped.
    fn transposed(&self) -> Self {
        Geometry {
            base: self.base,
            width: self.height,
            height: self.width,
            x_stride: self.y_stride,
            y_stride: self.x_stride,
        }
    }
}

/// A shared 2-D view: `width * height` values of `T`.
///
/// Invariant: for every `x < width`, `y < height`, the `size_of::<T>()`
/// bytes at `geometry.pixel(x, y)` lie inside one buffer borrowed shared for
/// `'a` and are initialized; every such offset fits in `isize`; if
/// `aligned`, every such address is aligned for `T`. `geometry.base` is
/// non-null, and an empty grid (width or height 0) never uses it to reach
/// memory (its strides are unchecked).
///
/// If `whole_span`, the bytes between the lowest and the highest byte any
/// pixel reaches (the span) also all lie inside that buffer, borrowed shared
/// for `'a` and initialized, so they may be handed out as one `&[u8]`.
pub(crate) struct Grid<'a, T> {
    pub(super) geometry: Geometry,
    pub(super) aligned: bool,
    pub(super) whole_span: bool,
    pub(super) borrow: PhantomData<&'a [T]>,
}

impl<T> Clone for Grid<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Grid<'_, T> {}

// SAFETY: a `Grid` is a shared borrow of `T`s without interior mutability
// (PixelLayout), like `&[T]`.
unsafe impl<T: PixelLayout + Sync> Send for Grid<'_, T> {}
// SAFETY: as for `Send` above.
unsafe impl<T: PixelLayout + Sync> Sync for Grid<'_, T> {}

impl<'a, T: PixelLayout> Grid<'a, T> {
    #[inline]
    fn from_geometry(geometry: Geometry, whole_span: bool) -> Self {
        Grid {
            aligned: geometry.is_aligned::<T>(),
            geometry,
            whole_span,
            borrow: PhantomData,
        }
    }

    /// A view of some of this grid's pixels: aligned if every pixel of this
    /// one is (the alignment check is skipped then).
    #[inline]
    fn subset(&self, geometry: Geometry) -> Self {
        Grid {
            aligned: self.aligned || geometry.is_aligned::<T>(),
            geometry,
            whole_span: self.whole_span,
            borrow: PhantomData,
        }
    }

    /// `width * height` pixels, pixel `(0, 0)` at byte `start` of `bytes`.
    pub(crate) fn new(
        bytes: &'a [u8],
        start: usize,
        width: usize,
        height: usize,
        x_stride: isize,
        y_stride: isize,
    ) -> Result<Self, ViewError> {
        proven::<T>();
        let geometry = Geometry {
            base: bytes.as_ptr().wrapping_add(start.min(bytes.len())),
            width,
            height,
            x_stride,
            y_stride,
        };
        check_reach(bytes.len(), start, size_of::<T>(), &geometry.dims())?;
        // The span lies between in-bounds bytes of `bytes`, all borrowed.
        Ok(Self::from_geometry(geometry, true))
    }

    /// A packed row-major image over a slice of exactly `width * height`.
    pub(crate) fn from_slice(
        pixels: &'a [T],
        width: usize,
        height: usize,
    ) -> Result<Self, ViewError> {
        proven::<T>();
        let geometry = Geometry::packed::<T>(pixels.as_ptr().cast(), pixels.len(), width, height)?;
        // The span is the slice itself (T has no padding: all initialized).
        Ok(Self::from_geometry(geometry, true))
    }

    /// `width * height` copies of one value (both strides zero).
    pub(crate) fn broadcast(value: &'a T, width: usize, height: usize) -> Self {
        proven::<T>();
        // Every pixel is `value` itself: in bounds, initialized, aligned.
        Self::from_geometry(
            Geometry {
                base: (value as *const T).cast(),
                width,
                height,
                x_stride: 0,
                y_stride: 0,
            },
            true,
        )
    }

    pub(crate) fn width(&self) -> usize {
        self.geometry.width
    }
    pub(crate) fn height(&self) -> usize {
        self.geometry.height
    }
    pub(crate) fn x_stride(&self) -> isize {
        self.geometry.x_stride
    }
    pub(crate) fn y_stride(&self) -> isize {
        self.geometry.y_stride
    }
    pub(crate) fn is_aligned(&self) -> bool {
        self.aligned
    }

    /// Pixel `(x, y)` by value.
    #[inline(always)]
    pub(crate) fn read(&self, x: usize, y: usize) -> Option<T> {
        if x < self.geometry.width && y < self.geometry.height {
            let at = self.geometry.pixel(x, y);
            // SAFETY: x < width and y < height: in bounds, initialized and
            // borrowed for 'a (type invariant); any bytes are a valid T.
            Some(unsafe { at.cast::<T>().read_unaligned() })
        } else {
            None
        }
    }

    /// Pixel `(x, y)` by reference, when aligned.
    pub(crate) fn get_ref(&self, x: usize, y: usize) -> Option<&'a T> {
        if x < self.geometry.width && y < self.geometry.height && self.aligned {
            let at = self.geometry.pixel(x, y);
            // SAFETY: in bounds, initialized, borrowed for 'a and aligned
            // (type invariant with `aligned`); any bytes are a valid T.
            Some(unsafe { &*at.cast::<T>() })
        } else {
            None
        }
    }

    /// The `W x H` pixels whose top-left one is `(x, y)`, row by row, by
    /// value; `None` if any of them lies outside the grid.
    #[inline]
    pub(crate) fn read_block<const W: usize, const H: usize>(
        &self,
        x: usize,
        y: usize,
    ) -> Option<[[T; W]; H]> {
        let inside = |start: usize, len: usize, limit: usize| {
            start.checked_add(len).is_some_and(|end| end <= limit)
        };
        if !inside(x, W, self.geometry.width) || !inside(y, H, self.geometry.height) {
            return None;
        }
        let (x_stride, y_stride) = (self.geometry.x_stride, self.geometry.y_stride);
        let corner = element(element(self.geometry.base, x, x_stride), y, y_stride);
        Some(core::array::from_fn(|dy| {
            let row = element(corner, dy, y_stride);
            core::array::from_fn(|dx| {
                let at = element(row, dx, x_stride);
                // SAFETY: x + dx < width and y + dy < height (checked above),
                // so this is pixel (x + dx, y + dy): in bounds, initialized
                // and borrowed for 'a (type invariant); any bytes are a T.
                unsafe { at.cast::<T>().read_unaligned() }
            })
        }))
    }

    /// Row `y` as a 1-D view (its pixels are pixels of this grid, aligned
    /// if all of the grid's are).
    #[inline]
    pub(crate) fn row(&self, y: usize) -> Option<Strided<'a, T>> {
        (y < self.geometry.height).then(|| {
            let base = self.geometry.row_start(y);
            let (len, stride) = (self.geometry.width, self.geometry.x_stride);
            Strided {
                base,
                len,
                stride,
                aligned: self.aligned || is_aligned::<T>(base, len, stride),
                borrow: PhantomData,
            }
        })
    }

    pub(crate) fn sub(
        &self,
        x0: usize,
        x1: usize,
        step_x: usize,
        y0: usize,
        y1: usize,
        step_y: usize,
    ) -> Self {
        // Fewer pixels, same bytes: the span can only shrink.
        self.subset(self.geometry.sub(x0, x1, step_x, y0, y1, step_y))
    }
    pub(crate) fn flipped_x(&self) -> Self {
        self.subset(self.geometry.flipped_x())
    }
    pub(crate) fn flipped_y(&self) -> Self {
        self.subset(self.geometry.flipped_y())
    }
    pub(crate) fn transposed(&self) -> Self {
        self.subset(self.geometry.transposed())
    }

    /// The span (every byte from the lowest to the highest one a pixel
    /// reaches) as one slice, with the offset of pixel `(0, 0)` in it.
    /// `None` for an empty grid or one whose span may not be borrowed whole
    /// (a split part or a plane of a mutable image).
    #[cfg(feature = "image")]
    pub(crate) fn span(&self) -> Option<(&'a [u8], usize)> {
        if !self.whole_span {
            return None;
        }
        let (low, high) = self.geometry.span_offsets(size_of::<T>())?;
        let start = self.geometry.base.wrapping_offset(low);
        // low <= 0 < high, so both conversions are exact.
        let (len, origin) = ((high - low) as usize, low.unsigned_abs());
        // SAFETY: `whole_span` (type invariant) places bytes `start..start +
        // len` inside one buffer borrowed shared for 'a and initialized: they
        // run from the lowest to one past the highest byte of corner pixels.
        Some((unsafe { core::slice::from_raw_parts(start, len) }, origin))
    }

    /// The `G` at byte `offset` inside each pixel.
    pub(crate) fn project<G: PixelLayout>(&self, offset: usize) -> Result<Grid<'a, G>, ViewError> {
        proven::<G>();
        check_field_fits::<T, G>(offset)?;
        // Inside each pixel's initialized bytes (T has no padding); the
        // span is inside the pixels' span.
        Ok(Grid::from_geometry(
            Geometry {
                base: self.geometry.base.wrapping_add(offset),
                ..self.geometry
            },
            self.whole_span,
        ))
    }
}

/// Refuses a `G` at `offset` that would not lie inside a `T`.
pub(super) fn check_field_fits<T, G>(offset: usize) -> Result<usize, ViewError> {
    offset
        .checked_add(size_of::<G>())
        .filter(|&end| end <= size_of::<T>())
        .ok_or(ViewError::FieldOutOfRecord {
            offset,
            field_size: size_of::<G>(),
            record_size: size_of::<T>(),
        })
}

/// An exclusive 2-D view.
///
/// Invariant: as for [`Grid`], with the bytes borrowed exclusively for `'a`
/// and no two pixels sharing a byte; if `whole_span`, the whole span is
/// borrowed exclusively for `'a` (no other view reaches any of its bytes).
pub(crate) struct GridMut<'a, T> {
    pub(super) geometry: Geometry,
    pub(super) aligned: bool,
    pub(super) whole_span: bool,
    pub(super) borrow: PhantomData<&'a mut [T]>,
}

// SAFETY: like `&mut [T]`: exclusive access to plain-data `T`s.
unsafe impl<T: PixelLayout + Send> Send for GridMut<'_, T> {}
// SAFETY: `&GridMut` only reads, like `&&mut [T]`.
unsafe impl<T: PixelLayout + Sync> Sync for GridMut<'_, T> {}

impl<'a, T: PixelLayout> GridMut<'a, T> {
    fn from_geometry(geometry: Geometry, whole_span: bool) -> Self {
        GridMut {
            aligned: geometry.is_aligned::<T>(),
            geometry,
            whole_span,
            borrow: PhantomData,
        }
    }

    /// Mutable form of [`Grid::new`]; also proves no two pixels share a byte.
    pub(crate) fn new(
        bytes: &'a mut [u8],
        start: usize,
        width: usize,
        height: usize,
        x_stride: isize,
        y_stride: isize,
    ) -> Result<Self, ViewError> {
        proven::<T>();
        let geometry = Geometry {
            base: bytes.as_mut_ptr().wrapping_add(start.min(bytes.len())),
            width,
            height,
            x_stride,
            y_stride,
        };
        check_reach(bytes.len(), start, size_of::<T>(), &geometry.dims())?;
        check_no_alias(size_of::<T>(), &geometry.dims())?;
        // All of `bytes` is borrowed exclusively, the span included.
        Ok(Self::from_geometry(geometry, true))
    }

    /// A packed row-major image over a mutable slice of `width * height`.
    pub(crate) fn from_slice(
        pixels: &'a mut [T],
        width: usize,
        height: usize,
    ) -> Result<Self, ViewError> {
        proven::<T>();
        // Distinct slice elements never share a byte, and the slice is
        // borrowed exclusively. The base comes from `as_mut_ptr`, so writes
        // through it are allowed (a pointer from a shared `&[T]` is not).
        let base = pixels.as_mut_ptr().cast::<u8>().cast_const();
        let geometry = Geometry::packed::<T>(base, pixels.len(), width, height)?;
        Ok(Self::from_geometry(geometry, true))
    }

    // An exclusively borrowed span may be lent shared or reborrowed.
    pub(crate) fn as_shared(&self) -> Grid<'_, T> {
        Grid::from_geometry(self.geometry, self.whole_span)
    }
    pub(crate) fn into_shared(self) -> Grid<'a, T> {
        Grid::from_geometry(self.geometry, self.whole_span)
    }
    pub(crate) fn reborrow(&mut self) -> GridMut<'_, T> {
        GridMut::from_geometry(self.geometry, self.whole_span)
    }

    /// Mutable form of [`Grid::span`]: the span for writing, while `self`
    /// is borrowed.
    #[cfg(feature = "image")]
    pub(crate) fn span_mut(&mut self) -> Option<(&mut [u8], usize)> {
        if !self.whole_span {
            return None;
        }
        let (low, high) = self.geometry.span_offsets(size_of::<T>())?;
        let start = self.geometry.base.wrapping_offset(low).cast_mut();
        let (len, origin) = ((high - low) as usize, low.unsigned_abs());
        // SAFETY: `whole_span` (type invariant): the span lies in one buffer,
        // initialized and borrowed exclusively for 'a, and no other view
        // reaches it; `&mut self` passes that exclusivity on.
        Some((
            unsafe { core::slice::from_raw_parts_mut(start, len) },
            origin,
        ))
    }

    /// Stores `value` at `(x, y)`; `false` when out of range.
    #[inline(always)]
    pub(crate) fn write(&mut self, x: usize, y: usize, value: T) -> bool {
        if x < self.geometry.width && y < self.geometry.height {
            let at = self.geometry.pixel(x, y).cast_mut();
            // SAFETY: in bounds and exclusively borrowed (type invariant); T
            // has no padding, so the written bytes are initialized.
            unsafe { at.cast::<T>().write_unaligned(value) };
            true
        } else {
            false
        }
    }

    /// Pixel `(x, y)` by mutable reference, when aligned.
    pub(crate) fn get_mut(&mut self, x: usize, y: usize) -> Option<&mut T> {
        if x < self.geometry.width && y < self.geometry.height && self.aligned {
            let at = self.geometry.pixel(x, y).cast_mut();
            // SAFETY: in bounds, exclusively borrowed through `&mut self`,
            // aligned (`aligned`), and any bytes are a valid T.
            Some(unsafe { &mut *at.cast::<T>() })
        } else {
            None
        }
    }

    /// Row `y`, for writing, while `self` is borrowed.
    pub(crate) fn row_mut(&mut self, y: usize) -> Option<StridedMut<'_, T>> {
        (y < self.geometry.height).then(|| self.row_unchecked(y))
    }

    /// Row `y` (callers check `y < height`): its pixels are pixels of this
    /// grid, so they are in bounds and pairwise disjoint.
    fn row_unchecked<'b>(&mut self, y: usize) -> StridedMut<'b, T> {
        let base = self.geometry.row_start(y).cast_mut();
        let (len, stride) = (self.geometry.width, self.geometry.x_stride);
        StridedMut {
            base,
            len,
            stride,
            aligned: is_aligned::<T>(base, len, stride),
            borrow: PhantomData,
        }
    }

    /// Every row, for writing, each handed out once.
    pub(crate) fn into_rows(self) -> RowsMut<'a, T> {
        RowsMut {
            grid: self,
            next: 0,
        }
    }

    pub(crate) fn sub(
        self,
        x0: usize,
        x1: usize,
        step_x: usize,
        y0: usize,
        y1: usize,
        step_y: usize,
    ) -> Self {
        // A subset of the pixels: still in bounds and pairwise disjoint,
        // and the span shrinks inside the old one.
        Self::from_geometry(
            self.geometry.sub(x0, x1, step_x, y0, y1, step_y),
            self.whole_span,
        )
    }
    pub(crate) fn flipped_x(self) -> Self {
        Self::from_geometry(self.geometry.flipped_x(), self.whole_span)
    }
    pub(crate) fn flipped_y(self) -> Self {
        Self::from_geometry(self.geometry.flipped_y(), self.whole_span)
    }
    pub(crate) fn transposed(self) -> Self {
        Self::from_geometry(self.geometry.transposed(), self.whole_span)
    }

    /// Rows `..mid` and rows `mid..` (callers check `mid <= height`):
    /// different pixels, so they share no byte. Their spans may interleave
    /// (strides of any sign), so neither keeps `whole_span`.
    pub(crate) fn split_rows(self, mid: usize) -> (Self, Self) {
        let (width, height) = (self.geometry.width, self.geometry.height);
        let top = self.geometry.sub(0, width, 1, 0, mid, 1);
        let bottom = self.geometry.sub(0, width, 1, mid, height, 1);
        (
            Self::from_geometry(top, false),
            Self::from_geometry(bottom, false),
        )
    }

    /// Columns `..mid` and `mid..` (callers check `mid <= width`).
    pub(crate) fn split_columns(self, mid: usize) -> (Self, Self) {
        let (width, height) = (self.geometry.width, self.geometry.height);
        let left = self.geometry.sub(0, mid, 1, 0, height, 1);
        let right = self.geometry.sub(mid, width, 1, 0, height, 1);
        (
            Self::from_geometry(left, false),
            Self::from_geometry(right, false),
        )
    }

    /// Starts handing out disjoint per-field planes.
    pub(crate) fn into_fields(self) -> GridFieldSplit<'a, T> {
        GridFieldSplit {
            grid: self,
            next_free: 0,
        }
    }
}

/// Iterator over the rows of a [`GridMut`].
///
/// Invariant: rows `next..height` of `grid` have not been handed out; rows
/// are disjoint (no two pixels of the grid share a byte).
pub(crate) struct RowsMut<'a, T> {
    pub(super) grid: GridMut<'a, T>,
    pub(super) next: usize,
}

impl<'a, T: PixelLayout> Iterator for RowsMut<'a, T> {
    type Item = StridedMut<'a, T>;

    fn next(&mut self) -> Option<StridedMut<'a, T>> {
        if self.next >= self.grid.geometry.height {
            return None;
        }
        let row = self.grid.row_unchecked(self.next);
        self.next += 1;
        Some(row)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.grid.geometry.height - self.next;
        (left, Some(left))
    }
}

impl<T: PixelLayout> ExactSizeIterator for RowsMut<'_, T> {}

/// Hands out disjoint mutable planes (one field of every pixel).
///
/// Invariant: bytes `next_free..size_of::<T>()` of every pixel have not been
/// handed out.
pub(crate) struct GridFieldSplit<'a, T> {
    pub(super) grid: GridMut<'a, T>,
    pub(super) next_free: usize,
}

impl<'a, T: PixelLayout> GridFieldSplit<'a, T> {
    /// The `G` at byte `offset` of every pixel.
    pub(crate) fn take<G: PixelLayout>(
        &mut self,
        offset: usize,
    ) -> Result<GridMut<'a, G>, ViewError> {
        proven::<G>();
        if offset < self.next_free {
            return Err(ViewError::FieldOverlap {
                offset,
                next_free: self.next_free,
            });
        }
        self.next_free = check_field_fits::<T, G>(offset)?;
        // Bytes offset..end of each pixel: inside the pixel, not handed out
        // before, and pixels are pairwise disjoint. Other planes lie inside
        // this plane's span, so it does not own its span.
        Ok(GridMut::from_geometry(
            Geometry {
                base: self.grid.geometry.base.wrapping_add(offset),
                ..self.grid.geometry
            },
            false,
        ))
    }
}
