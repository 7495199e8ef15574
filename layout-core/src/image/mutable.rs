//! `ImageViewMut`: the mutable 2-D view, its rows, bands and planes.

use super::{check_rect, crop, padded_rows, ImageView, Row};
use crate::column::ColumnMut;
use crate::error::ViewError;
use crate::layout::PixelLayout;
use crate::raw::{Dim, Exclusive, FieldSplit, RawView, Rows as RawRows};
use core::fmt;

/// A mutable 2-D view of pixels; see [`ImageView`] for the stride model.
/// Construction also proves that no two pixels share a byte.
///
/// ```
/// use typed_layout::{ImageView, ImageViewMut, PixelLayout};
///
/// #[derive(Clone, Copy, PixelLayout)]
/// #[repr(C)]
/// struct Bgra8 { b: u8, g: u8, r: u8, a: u8 }
///
/// let mut bytes = vec![0u8; 256 * 4]; // 4 rows with a 256-byte pitch
/// let mut image = ImageViewMut::<Bgra8>::from_bytes_mut(&mut bytes, 3, 4, 256)?;
/// image.fill(Bgra8 { b: 1, g: 2, r: 3, a: 255 });
/// let Bgra8PlanesMut { mut r, .. } = image.planes_mut();
/// r.fill(200);
/// assert_eq!(bytes[256 + 2], 200);          // pixel (0, 1), channel r
/// assert_eq!(bytes[3 * 4], 0);              // padding untouched
/// # Ok::<(), typed_layout::ViewError>(())
/// ```
pub struct ImageViewMut<'a, P> {
    raw: RawView<'a, P, 2, Exclusive>,
}

impl<'a, P: PixelLayout> ImageViewMut<'a, P> {
    #[cfg_attr(not(feature = "image"), allow(dead_code))]
    pub(crate) fn raw_mut(&mut self) -> &mut RawView<'a, P, 2, Exclusive> {
        &mut self.raw
    }

    #[cfg_attr(not(feature = "ndarray"), allow(dead_code))]
    pub(crate) fn into_raw(self) -> RawView<'a, P, 2, Exclusive> {
        self.raw
    }

    /// Mutable form of [`ImageView::from_bytes`].
    ///
    /// # Errors
    ///
    /// As [`ImageView::from_bytes`].
    pub fn from_bytes_mut(
        bytes: &'a mut [u8],
        width: usize,
        height: usize,
        row_stride: usize,
    ) -> Result<Self, ViewError> {
        let dims = padded_rows::<P>(width, height, row_stride)?;
        Ok(ImageViewMut {
            raw: RawView::from_bytes_mut(bytes, 0, dims)?,
        })
    }

    /// Mutable form of [`ImageView::from_bytes_strided`]; refuses strides
    /// that make two pixels share a byte (zero strides included).
    ///
    /// # Errors
    ///
    /// As [`ImageView::from_bytes_strided`], and `Aliasing` if two pixels
    /// would share a byte.
    pub fn from_bytes_strided_mut(
        bytes: &'a mut [u8],
        start: usize,
        width: usize,
        height: usize,
        pixel_stride: isize,
        row_stride: isize,
    ) -> Result<Self, ViewError> {
        let dims = [Dim::new(width, pixel_stride), Dim::new(height, row_stride)];
        Ok(ImageViewMut {
            raw: RawView::from_bytes_mut(bytes, start, dims)?,
        })
    }

    /// A packed row-major image over exactly `width * height` pixels.
    ///
    /// # Errors
    ///
    /// As [`ImageView::from_slice`].
    pub fn from_slice_mut(
        pixels: &'a mut [P],
        width: usize,
        height: usize,
    ) -> Result<Self, ViewError> {
        Ok(ImageViewMut {
            raw: RawView::from_slice_2d_mut(pixels, width, height)?,
        })
    }

    /// A read-only view while `self` is borrowed.
    pub fn as_view(&self) -> ImageView<'_, P> {
        ImageView {
            raw: self.raw.as_shared(),
        }
    }

    /// Gives up mutability.
    pub fn into_view(self) -> ImageView<'a, P> {
        ImageView {
            raw: self.raw.into_shared(),
        }
    }

    /// A shorter-lived mutable view of the same pixels.
    pub fn reborrow(&mut self) -> ImageViewMut<'_, P> {
        ImageViewMut {
            raw: self.raw.reborrow(),
        }
    }

    crate::accessors::rank2_accessors!();

    /// Pixel `(x, y)`.
    pub fn get(&self, x: usize, y: usize) -> Option<P> {
        self.as_view().get(x, y)
    }

    /// Pixel `(x, y)` for writing, when aligned.
    pub fn get_mut(&mut self, x: usize, y: usize) -> Option<&mut P> {
        self.raw.get_mut([x, y])
    }

    /// Stores `pixel` at `(x, y)`.
    ///
    /// # Errors
    ///
    /// `IndexOutOfBounds` with the coordinate that lies outside.
    pub fn set(&mut self, x: usize, y: usize, pixel: P) -> Result<(), ViewError> {
        if self.raw.write([x, y], pixel) {
            Ok(())
        } else {
            let (width, height) = (self.width(), self.height());
            Err(if x >= width {
                ViewError::IndexOutOfBounds {
                    index: x,
                    len: width,
                }
            } else {
                ViewError::IndexOutOfBounds {
                    index: y,
                    len: height,
                }
            })
        }
    }

    /// Row `y`, for writing.
    pub fn row_mut(&mut self, y: usize) -> Option<ColumnMut<'_, P>> {
        self.raw.reborrow().row(y).map(ColumnMut::from_raw)
    }

    /// Every row, for writing (each a [`ColumnMut`], which gives a slice via
    /// `as_mut_slice` when contiguous).
    pub fn rows_mut(&mut self) -> ImageRowsMut<'_, P> {
        ImageRowsMut {
            inner: self.raw.reborrow().into_rows(),
        }
    }

    /// Consumes the view into its rows, for writing.
    pub fn into_rows_mut(self) -> ImageRowsMut<'a, P> {
        ImageRowsMut {
            inner: self.raw.into_rows(),
        }
    }

    /// Stores `pixel` everywhere.
    pub fn fill(&mut self, pixel: P) {
        if self.width() == 0 {
            return; // no pixels, however many (empty) rows
        }
        for mut row in self.rows_mut() {
            row.fill(pixel);
        }
    }

    /// Replaces every pixel `p` with `f(p)`.
    pub fn update(&mut self, mut f: impl FnMut(P) -> P) {
        if self.width() == 0 {
            return;
        }
        for mut row in self.rows_mut() {
            row.update(&mut f);
        }
    }

    /// Copies every pixel of `source`, which must have the same size.
    ///
    /// # Errors
    ///
    /// `ShapeMismatch` if the sizes differ.
    pub fn copy_from(&mut self, source: &ImageView<'_, P>) -> Result<(), ViewError> {
        let (width, height) = (self.width(), self.height());
        if (source.width(), source.height()) != (width, height) {
            return Err(ViewError::ShapeMismatch {
                expected: (width, height),
                given: (source.width(), source.height()),
            });
        }
        if width == 0 {
            return Ok(());
        }
        for (mut target, row) in self.rows_mut().zip(source.rows()) {
            match (target.as_mut_slice(), row) {
                (Some(target), Row::Contiguous(row)) => target.copy_from_slice(row),
                (_, row) => {
                    let mut pixels = row.iter();
                    target.update(|old| pixels.next().unwrap_or(old));
                }
            }
        }
        Ok(())
    }

    /// The `width x height` sub-image at `(x, y)`, for writing (O(1)).
    ///
    /// # Errors
    ///
    /// As [`ImageView::crop`].
    pub fn crop_mut(
        &mut self,
        x: usize,
        y: usize,
        width: usize,
        height: usize,
    ) -> Result<ImageViewMut<'_, P>, ViewError> {
        check_rect(x, y, width, height, (self.width(), self.height()))?;
        Ok(ImageViewMut {
            raw: crop(self.raw.reborrow(), x, y, width, height),
        })
    }

    /// Mirrored left-right, for writing (O(1)).
    pub fn flip_horizontal_mut(&mut self) -> ImageViewMut<'_, P> {
        ImageViewMut {
            raw: self.raw.reborrow().reversed(0),
        }
    }

    /// Mirrored top-bottom, for writing (O(1)).
    pub fn flip_vertical_mut(&mut self) -> ImageViewMut<'_, P> {
        ImageViewMut {
            raw: self.raw.reborrow().reversed(1),
        }
    }

    /// Transposed, for writing (O(1)).
    pub fn transpose_mut(&mut self) -> ImageViewMut<'_, P> {
        ImageViewMut {
            raw: self.raw.reborrow().swap_axes(0, 1),
        }
    }

    /// Every `step_x`-th pixel of every `step_y`-th row, for writing.
    ///
    /// # Errors
    ///
    /// `ZeroStep` if either step is 0.
    pub fn step_mut(
        &mut self,
        step_x: usize,
        step_y: usize,
    ) -> Result<ImageViewMut<'_, P>, ViewError> {
        if step_x == 0 || step_y == 0 {
            return Err(ViewError::ZeroStep);
        }
        let (width, height) = (self.width(), self.height());
        Ok(ImageViewMut {
            raw: self
                .raw
                .reborrow()
                .sub(0, 0, width, step_x)
                .sub(1, 0, height, step_y),
        })
    }

    /// Splits into rows `..y` and rows `y..`, both writable at once.
    ///
    /// # Errors
    ///
    /// `IndexOutOfBounds` if `y > height()`.
    pub fn split_at_row(self, y: usize) -> Result<(Self, Self), ViewError> {
        crate::raw::resolve(..y, self.height())?;
        let (top, bottom) = self.raw.split(1, y);
        Ok((ImageViewMut { raw: top }, ImageViewMut { raw: bottom }))
    }

    /// Splits into columns `..x` and `x..`, both writable at once.
    ///
    /// # Errors
    ///
    /// `IndexOutOfBounds` if `x > width()`.
    pub fn split_at_column(self, x: usize) -> Result<(Self, Self), ViewError> {
        crate::raw::resolve(..x, self.width())?;
        let (left, right) = self.raw.split(0, x);
        Ok((ImageViewMut { raw: left }, ImageViewMut { raw: right }))
    }

    /// Disjoint bands of `band_height` rows (the last may be shorter), each
    /// writable independently, e.g. from different threads.
    ///
    /// ```
    /// use typed_layout::ImageViewMut;
    /// let mut pixels = vec![0u8; 8 * 10];
    /// let image = ImageViewMut::from_slice_mut(&mut pixels, 8, 10)?;
    /// std::thread::scope(|scope| {
    ///     for (i, mut band) in image.into_row_bands(4)?.enumerate() {
    ///         scope.spawn(move || band.fill(i as u8 + 1));
    ///     }
    ///     Ok::<(), typed_layout::ViewError>(())
    /// })?;
    /// assert_eq!((pixels[0], pixels[8 * 4], pixels[8 * 9]), (1, 2, 3));
    /// # Ok::<(), typed_layout::ViewError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// `ZeroChunk` if `band_height == 0`.
    pub fn into_row_bands(self, band_height: usize) -> Result<RowBands<'a, P>, ViewError> {
        if band_height == 0 {
            return Err(ViewError::ZeroChunk { unit: "row" });
        }
        Ok(RowBands {
            rest: Some(self),
            band_height,
        })
    }

    /// Starts handing out mutable planes; see [`PlaneSplit`].
    pub fn into_plane_split(self) -> PlaneSplit<'a, P> {
        PlaneSplit {
            raw: self.raw.into_fields(),
        }
    }
}

impl<P: PixelLayout + fmt::Debug> fmt::Debug for ImageViewMut<'_, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.as_view(), f)
    }
}

/// Iterator over the rows of an [`ImageViewMut`], each a [`ColumnMut`].
pub struct ImageRowsMut<'a, P> {
    inner: RawRows<'a, P, Exclusive>,
}

impl<'a, P: PixelLayout> Iterator for ImageRowsMut<'a, P> {
    type Item = ColumnMut<'a, P>;
    fn next(&mut self) -> Option<ColumnMut<'a, P>> {
        self.inner.next().map(ColumnMut::from_raw)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<P: PixelLayout> ExactSizeIterator for ImageRowsMut<'_, P> {}

/// Iterator over disjoint row bands of an [`ImageViewMut`].
pub struct RowBands<'a, P> {
    rest: Option<ImageViewMut<'a, P>>,
    band_height: usize,
}

impl<'a, P: PixelLayout> Iterator for RowBands<'a, P> {
    type Item = ImageViewMut<'a, P>;
    fn next(&mut self) -> Option<ImageViewMut<'a, P>> {
        let rest = self.rest.take()?;
        if rest.height() == 0 {
            return None;
        }
        let split = self.band_height.min(rest.height());
        let (band, rest) = rest.split_at_row(split).ok()?;
        self.rest = Some(rest);
        Some(band)
    }
}

/// Hands out mutable planes of an image, each field at or after the end of
/// the previous one; generated `planes_mut()` uses it.
pub struct PlaneSplit<'a, P> {
    raw: FieldSplit<'a, P, 2, Exclusive>,
}

impl<'a, P: PixelLayout> PlaneSplit<'a, P> {
    /// The `G` at byte `offset` of every pixel, as a mutable image.
    /// Zero-sized fields claim no bytes and may be taken at any offset.
    ///
    /// # Errors
    ///
    /// `FieldOverlap` if a non-empty field starts before the end of a field
    /// already taken; `FieldOutOfRecord` if it does not fit in the pixel.
    pub fn take<G: PixelLayout>(
        &mut self,
        offset: usize,
    ) -> Result<ImageViewMut<'a, G>, ViewError> {
        Ok(ImageViewMut {
            raw: self.raw.take(offset)?,
        })
    }
}
