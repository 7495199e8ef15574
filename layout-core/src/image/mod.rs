//! `ImageView` / `ImageViewMut`: 2-D views of pixels in borrowed bytes, with
//! any strides.

use crate::column::{Column, ColumnIter};
use crate::error::ViewError;
use crate::layout::PixelLayout;
use crate::raw::{Dim, RawView, Shared};
use core::fmt;
use core::mem::size_of;

mod mutable;
mod windows;

pub use mutable::{ImageRowsMut, ImageViewMut, PlaneSplit, RowBands};
pub use windows::{ArrayWindows, Windows};

/// The axes of a padded-rows image: `size_of::<P>()` bytes per pixel,
/// `row_stride` bytes per row, which must hold a whole row.
fn padded_rows<P>(width: usize, height: usize, row_stride: usize) -> Result<[Dim; 2], ViewError> {
    let row_bytes = width.saturating_mul(size_of::<P>());
    if row_stride < row_bytes {
        return Err(ViewError::PitchTooSmall {
            pitch: row_stride,
            row_bytes: width as u128 * size_of::<P>() as u128,
        });
    }
    let pitch = isize::try_from(row_stride)
        .map_err(|_| ViewError::StrideTooLarge { stride: row_stride })?;
    Ok([
        Dim::new(width, size_of::<P>() as isize),
        Dim::new(height, pitch),
    ])
}

/// Resolves a crop rectangle against a size.
fn check_rect(
    x: usize,
    y: usize,
    width: usize,
    height: usize,
    within: (usize, usize),
) -> Result<(), ViewError> {
    check_span(x, width, within.0)?;
    check_span(y, height, within.1)
}

/// Refuses `count` elements from `start` that do not fit in `within`.
fn check_span(start: usize, count: usize, within: usize) -> Result<(), ViewError> {
    let end = start
        .checked_add(count)
        .ok_or(ViewError::RangeOverflow { start, len: count })?;
    if end > within {
        return Err(ViewError::IndexOutOfBounds {
            index: end,
            len: within,
        });
    }
    Ok(())
}

/// The `width x height` pixels whose top-left one is `(x, y)`; callers
/// check the rectangle lies inside.
fn crop<P: PixelLayout, A: crate::raw::Access>(
    raw: RawView<'_, P, 2, A>,
    x: usize,
    y: usize,
    width: usize,
    height: usize,
) -> RawView<'_, P, 2, A> {
    raw.sub(0, x, x + width, 1).sub(1, y, y + height, 1)
}

/// A read-only 2-D view of `width x height` pixels of type `P`.
///
/// Pixel `(x, y)` starts at `start + x * pixel_stride + y * row_stride`
/// bytes. Both strides are in bytes and signed: rows may be padded (a GPU
/// pitch), run bottom-up (negative row stride), or be columns of x-major
/// memory (transposed). Construction proves once, with checked arithmetic,
/// that every byte of every pixel is in the buffer; access then checks only
/// coordinates. Pixels are read by value, so any alignment works;
/// [`ImageView::get_ref`] and [`Row::Contiguous`] hand out references when
/// the layout is aligned.
///
/// ```
/// use typed_layout::{ImageView, PixelLayout};
///
/// #[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
/// #[repr(C)]
/// struct Rgb8 { r: u8, g: u8, b: u8 }
///
/// // 2x2 RGB, rows padded to 8 bytes (4-byte-aligned rows of 3-byte pixels).
/// let bytes = [1, 2, 3, 4, 5, 6, 0, 0,
///              7, 8, 9, 10, 11, 12, 0, 0];
/// let image = ImageView::<Rgb8>::from_bytes(&bytes, 2, 2, 8)?;
/// assert_eq!(image.get(1, 1), Some(Rgb8 { r: 10, g: 11, b: 12 }));
///
/// // The same bytes as a bottom-up image: row 0 is the last row in memory.
/// let bottom_up = ImageView::<Rgb8>::from_bytes_strided(&bytes, 8, 2, 2, 3, -8)?;
/// assert_eq!(bottom_up.get(0, 0), Some(Rgb8 { r: 7, g: 8, b: 9 }));
/// assert_eq!(bottom_up, image.flip_vertical());
/// # Ok::<(), typed_layout::ViewError>(())
/// ```
pub struct ImageView<'a, P> {
    raw: RawView<'a, P, 2, Shared>,
}

impl<P> Clone for ImageView<'_, P> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<P> Copy for ImageView<'_, P> {}

impl<'a, P: PixelLayout> ImageView<'a, P> {
    #[cfg_attr(
        not(any(feature = "ndarray", feature = "image", feature = "fast_image_resize")),
        allow(dead_code)
    )]
    pub(crate) fn raw(&self) -> RawView<'a, P, 2, Shared> {
        self.raw
    }

    /// Row-major pixels starting at byte 0, `row_stride` bytes (the pitch)
    /// from one row to the next, at least a whole row
    /// (`width * size_of::<P>()`). For rows that overlap on purpose, use
    /// [`ImageView::from_bytes_strided`].
    ///
    /// # Errors
    ///
    /// `PitchTooSmall` if `row_stride < width * size_of::<P>()` (a pitch in
    /// pixels instead of bytes, say); `StrideTooLarge` if it exceeds
    /// `isize::MAX`; `OutOfBounds` or `Overflow` if the rows do not fit in
    /// `bytes`.
    pub fn from_bytes(
        bytes: &'a [u8],
        width: usize,
        height: usize,
        row_stride: usize,
    ) -> Result<Self, ViewError> {
        let dims = padded_rows::<P>(width, height, row_stride)?;
        Ok(ImageView {
            raw: RawView::from_bytes(bytes, 0, dims)?,
        })
    }

    /// The general form: pixel `(0, 0)` at byte `start`, then
    /// `pixel_stride` bytes per step in x and `row_stride` per step in y.
    /// Negative and zero strides are allowed, and so are rows that overlap
    /// (the view is read-only).
    ///
    /// # Errors
    ///
    /// `OutOfBounds`, `BeforeStart` or `Overflow` if some pixel would not
    /// lie inside `bytes`.
    pub fn from_bytes_strided(
        bytes: &'a [u8],
        start: usize,
        width: usize,
        height: usize,
        pixel_stride: isize,
        row_stride: isize,
    ) -> Result<Self, ViewError> {
        let dims = [Dim::new(width, pixel_stride), Dim::new(height, row_stride)];
        Ok(ImageView {
            raw: RawView::from_bytes(bytes, start, dims)?,
        })
    }

    /// A packed row-major image over exactly `width * height` pixels.
    ///
    /// # Errors
    ///
    /// `LengthMismatch` if `pixels.len() != width * height`;
    /// `ShapeOverflow` if that product overflows.
    pub fn from_slice(pixels: &'a [P], width: usize, height: usize) -> Result<Self, ViewError> {
        Ok(ImageView {
            raw: RawView::from_slice_2d(pixels, width, height)?,
        })
    }

    /// A `width x height` image in which every pixel is `pixel` (both
    /// strides zero, no copies): broadcasting.
    ///
    /// ```
    /// use typed_layout::ImageView;
    /// let gray = ImageView::repeat(&128u8, 640, 480);
    /// assert_eq!(gray.pixels().map(u32::from).sum::<u32>(), 128 * 640 * 480);
    /// ```
    pub fn repeat(pixel: &'a P, width: usize, height: usize) -> Self {
        ImageView {
            raw: RawView::repeat(pixel, [width, height]),
        }
    }

    crate::accessors::rank2_accessors!();

    /// Pixel `(x, y)`, or `None` outside the image.
    #[inline]
    pub fn get(&self, x: usize, y: usize) -> Option<P> {
        self.raw.read([x, y])
    }

    /// Pixel `(x, y)` by reference, when inside the image and aligned.
    pub fn get_ref(&self, x: usize, y: usize) -> Option<&'a P> {
        self.raw.get_ref([x, y])
    }

    /// Row `y`.
    pub fn row(&self, y: usize) -> Option<Row<'a, P>> {
        self.raw.row(y).map(|row| Row::new(Column::from_raw(row)))
    }

    /// The rows, top to bottom.
    pub fn rows(&self) -> Rows<'a, P> {
        Rows {
            image: *self,
            next: 0,
        }
    }

    /// Every pixel by value, row by row.
    pub fn pixels(&self) -> Pixels<'a, P> {
        // A 0-wide image has no pixels however many rows it has: skip the
        // rows so iteration ends at once.
        let next = if self.width() == 0 { self.height() } else { 0 };
        Pixels {
            rows: Rows { image: *self, next },
            current: None,
        }
    }

    /// The `width x height` sub-image whose top-left pixel is `(x, y)` (O(1)).
    ///
    /// # Errors
    ///
    /// `IndexOutOfBounds` if the rectangle leaves the image (the index is
    /// the end that does).
    pub fn crop(&self, x: usize, y: usize, width: usize, height: usize) -> Result<Self, ViewError> {
        check_rect(x, y, width, height, (self.width(), self.height()))?;
        Ok(ImageView {
            raw: crop(self.raw, x, y, width, height),
        })
    }

    /// Mirrored left-right (O(1): negates the pixel stride).
    pub fn flip_horizontal(&self) -> Self {
        ImageView {
            raw: self.raw.reversed(0),
        }
    }

    /// Mirrored top-bottom (O(1): negates the row stride).
    pub fn flip_vertical(&self) -> Self {
        ImageView {
            raw: self.raw.reversed(1),
        }
    }

    /// Rows become columns (O(1): swaps the strides).
    pub fn transpose(&self) -> Self {
        ImageView {
            raw: self.raw.swap_axes(0, 1),
        }
    }

    /// Every `step_x`-th pixel of every `step_y`-th row (O(1)).
    ///
    /// # Errors
    ///
    /// `ZeroStep` if either step is 0.
    pub fn step(&self, step_x: usize, step_y: usize) -> Result<Self, ViewError> {
        if step_x == 0 || step_y == 0 {
            return Err(ViewError::ZeroStep);
        }
        let (width, height) = (self.width(), self.height());
        Ok(ImageView {
            raw: self.raw.sub(0, 0, width, step_x).sub(1, 0, height, step_y),
        })
    }

    /// Rows `..y` and rows `y..` (O(1)).
    ///
    /// # Errors
    ///
    /// `IndexOutOfBounds` if `y > height()`.
    pub fn split_at_row(&self, y: usize) -> Result<(Self, Self), ViewError> {
        crate::raw::resolve(..y, self.height())?;
        let (top, bottom) = self.raw.split(1, y);
        Ok((ImageView { raw: top }, ImageView { raw: bottom }))
    }

    /// The `G` at byte `offset` of every pixel, as an image (a plane).
    ///
    /// # Errors
    ///
    /// `FieldOutOfRecord` if `offset + size_of::<G>() > size_of::<P>()`.
    pub fn plane_at<G: PixelLayout>(&self, offset: usize) -> Result<ImageView<'a, G>, ViewError> {
        Ok(ImageView {
            raw: self.raw.project(offset)?,
        })
    }

    /// Copies every pixel into `target`, which must have the same size
    /// (any strides; row-wise `copy_from_slice` when both rows are slices).
    ///
    /// # Errors
    ///
    /// `ShapeMismatch` if the sizes differ.
    pub fn copy_to(&self, target: &mut ImageViewMut<'_, P>) -> Result<(), ViewError> {
        target.copy_from(self)
    }

    /// Copies the pixels, row by row, into a `Vec`.
    #[cfg(feature = "alloc")]
    pub fn to_vec(&self) -> alloc::vec::Vec<P> {
        self.pixels().collect()
    }
}

impl<P: PixelLayout + PartialEq> PartialEq for ImageView<'_, P> {
    /// Same size and same pixel values (strides may differ).
    fn eq(&self, other: &Self) -> bool {
        self.width() == other.width()
            && self.height() == other.height()
            && self.pixels().eq(other.pixels())
    }
}

impl<P: PixelLayout + fmt::Debug> fmt::Debug for ImageView<'_, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.rows().map(|row| row.column()))
            .finish()
    }
}

/// One row of an image: a slice when its pixels are adjacent and aligned,
/// a strided column of pixels otherwise.
#[derive(Clone, Copy)]
pub enum Row<'a, P> {
    /// Adjacent, aligned pixels.
    Contiguous(&'a [P]),
    /// Pixels a fixed number of bytes apart (or unaligned).
    Strided(Column<'a, P>),
}

impl<'a, P: PixelLayout> Row<'a, P> {
    fn new(column: Column<'a, P>) -> Self {
        match column.as_slice() {
            Some(slice) => Row::Contiguous(slice),
            None => Row::Strided(column),
        }
    }

    /// The row as a slice, if contiguous.
    pub fn as_slice(&self) -> Option<&'a [P]> {
        match self {
            Row::Contiguous(slice) => Some(slice),
            Row::Strided(_) => None,
        }
    }

    /// The row as a (possibly strided) column.
    pub fn column(&self) -> Column<'a, P> {
        match self {
            Row::Contiguous(slice) => Column::from_slice(slice),
            Row::Strided(column) => *column,
        }
    }

    /// Number of pixels.
    pub fn len(&self) -> usize {
        match self {
            Row::Contiguous(slice) => slice.len(),
            Row::Strided(column) => column.len(),
        }
    }

    /// Whether the row is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Pixel `x`.
    pub fn get(&self, x: usize) -> Option<P> {
        match self {
            Row::Contiguous(slice) => slice.get(x).copied(),
            Row::Strided(column) => column.get(x),
        }
    }

    /// The pixels by value.
    pub fn iter(&self) -> ColumnIter<'a, P> {
        self.column().iter()
    }
}

/// Iterator over the rows of an [`ImageView`].
#[derive(Clone)]
pub struct Rows<'a, P> {
    image: ImageView<'a, P>,
    next: usize,
}

impl<'a, P: PixelLayout> Iterator for Rows<'a, P> {
    type Item = Row<'a, P>;
    fn next(&mut self) -> Option<Row<'a, P>> {
        let row = self.image.row(self.next)?;
        self.next += 1;
        Some(row)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.image.height().saturating_sub(self.next);
        (left, Some(left))
    }
}

impl<P: PixelLayout> ExactSizeIterator for Rows<'_, P> {}

/// Iterator over the pixels of an [`ImageView`], row by row, by value.
pub struct Pixels<'a, P> {
    rows: Rows<'a, P>,
    current: Option<ColumnIter<'a, P>>,
}

impl<P: PixelLayout> Iterator for Pixels<'_, P> {
    type Item = P;
    #[inline]
    fn next(&mut self) -> Option<P> {
        loop {
            if let Some(pixel) = self.current.as_mut().and_then(Iterator::next) {
                return Some(pixel);
            }
            self.current = Some(self.rows.next()?.iter());
        }
    }
}
