//! `RowTable`: an image whose rows live anywhere (line pointers, blocks).

use crate::convert::{convert_slice, fill_from, zeroed, ConvertFrom};
use crate::error::ViewError;
use crate::image::ImageViewMut;
use crate::layout::PixelLayout;

/// An image given as a table of row slices that may live anywhere, like
/// Pillow's one-pointer-per-line storage split into blocks. Copying it into
/// a contiguous destination is one pass: each row goes straight to its
/// place, converting the pixel type on the way if asked.
///
/// ```
/// use typed_layout::{ImageViewMut, PixelLayout, RowTable};
///
/// #[derive(Clone, Copy, PixelLayout)]
/// #[repr(C)]
/// struct Rgbx8 { r: u8, g: u8, b: u8, x: u8 }
///
/// #[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
/// #[repr(C)]
/// struct Rgb8 { r: u8, g: u8, b: u8 }
///
/// // Two blocks of rows in separate allocations.
/// let block_a = vec![Rgbx8 { r: 1, g: 2, b: 3, x: 0 }; 4];
/// let block_b = vec![Rgbx8 { r: 4, g: 5, b: 6, x: 0 }; 2];
/// let rows = [&block_a[0..2], &block_a[2..4], &block_b[..]];
/// let table = RowTable::new(&rows)?;
///
/// let mut packed = vec![Rgb8 { r: 0, g: 0, b: 0 }; 6];
/// table.convert_to(&mut ImageViewMut::from_slice_mut(&mut packed, 2, 3)?)?;
/// assert_eq!(packed[5], Rgb8 { r: 4, g: 5, b: 6 });
/// # Ok::<(), typed_layout::ViewError>(())
/// ```
pub struct RowTable<'t, 'a, P> {
    rows: &'t [&'a [P]],
    width: usize,
}

impl<P> Clone for RowTable<'_, '_, P> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<P> Copy for RowTable<'_, '_, P> {}

impl<'t, 'a, P: PixelLayout> RowTable<'t, 'a, P> {
    /// A table of rows, which must all have the same length (the width,
    /// in pixels); the number of rows is the height. See the example on
    /// [`RowTable`].
    ///
    /// # Errors
    ///
    /// [`ViewError::RowLengthMismatch`] naming the first row whose length
    /// differs from row 0's.
    pub fn new(rows: &'t [&'a [P]]) -> Result<Self, ViewError> {
        let width = rows.first().map_or(0, |row| row.len());
        if let Some((row, bad)) = rows.iter().enumerate().find(|(_, r)| r.len() != width) {
            return Err(ViewError::RowLengthMismatch {
                row,
                len: bad.len(),
                expected: width,
            });
        }
        Ok(RowTable { rows, width })
    }

    /// Width in pixels.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Height in rows.
    pub fn height(&self) -> usize {
        self.rows.len()
    }

    /// Row `y`.
    pub fn row(&self, y: usize) -> Option<&'a [P]> {
        self.rows.get(y).copied()
    }

    /// Pixel `(x, y)`.
    pub fn get(&self, x: usize, y: usize) -> Option<P> {
        self.row(y)?.get(x).copied()
    }

    /// The rows, top to bottom.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = &'a [P]> + 't {
        self.rows.iter().copied()
    }

    fn check_target<D: PixelLayout>(&self, target: &ImageViewMut<'_, D>) -> Result<(), ViewError> {
        let expected = (target.width(), target.height());
        let given = (self.width, self.height());
        if expected != given {
            return Err(ViewError::ShapeMismatch { expected, given });
        }
        Ok(())
    }

    /// Copies every row into `target` (same size), in one pass.
    ///
    /// ```
    /// use typed_layout::{ImageBuf, RowTable};
    ///
    /// let (top, bottom) = ([1u8, 2, 3], [4u8, 5, 6]);
    /// let rows = [&top[..], &bottom[..]];
    /// let mut image = ImageBuf::<u8>::with_row_alignment(3, 2, 4)?; // padded rows
    /// RowTable::new(&rows)?.copy_to(&mut image.as_view_mut())?;
    /// assert_eq!(image.as_bytes(), [1, 2, 3, 0, 4, 5, 6, 0]);
    /// # Ok::<(), typed_layout::ViewError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ViewError::ShapeMismatch`] if `target` is not
    /// `width() x height()` pixels (nothing is written then).
    pub fn copy_to(&self, target: &mut ImageViewMut<'_, P>) -> Result<(), ViewError> {
        self.check_target(target)?;
        for (mut to, from) in target.rows_mut().zip(self.rows) {
            match to.as_mut_slice() {
                Some(to) => to.copy_from_slice(from),
                None => to.copy_from_slice(from)?,
            }
        }
        Ok(())
    }

    /// Converts every row into `target` (same size), matching channels by
    /// name (see [`convert`](crate::convert)), in one pass. See the example
    /// on [`RowTable`].
    ///
    /// # Errors
    ///
    /// [`ViewError::ShapeMismatch`] if `target` is not
    /// `width() x height()` pixels (nothing is written then).
    pub fn convert_to<D: ConvertFrom<P>>(
        &self,
        target: &mut ImageViewMut<'_, D>,
    ) -> Result<(), ViewError> {
        self.check_target(target)?;
        convert_rows(self.rows(), target)
    }

    /// Like [`RowTable::convert_to`], with channels `P` lacks taken from
    /// `fill` (see [`convert_with`](crate::convert_with)).
    ///
    /// # Errors
    ///
    /// [`ViewError::ShapeMismatch`] if `target` is not
    /// `width() x height()` pixels (nothing is written then).
    pub fn convert_with_to<D: PixelLayout>(
        &self,
        target: &mut ImageViewMut<'_, D>,
        fill: D,
    ) -> Result<(), ViewError> {
        self.check_target(target)?;
        for (mut to, from) in target.rows_mut().zip(self.rows) {
            let mut from = from.iter();
            to.update(|old| from.next().map_or(old, |pixel| fill_from(pixel, fill)));
        }
        Ok(())
    }
}

/// Copies rows from any iterator of row slices (rows that live anywhere)
/// into `target`, converting each pixel by channel name, in one pass. Every
/// row must have `target.width()` pixels and there must be exactly
/// `target.height()` rows.
///
/// ```
/// use typed_layout::{convert_rows, ImageBuf};
/// let blocks = [vec![1u16; 6], vec![2u16; 3]];
/// let rows = blocks.iter().flat_map(|block| block.chunks_exact(3));
/// let mut image = ImageBuf::<u16>::new(3, 3)?;
/// convert_rows(rows, &mut image.as_view_mut())?;
/// assert_eq!(image.as_view().get(2, 2), Some(2));
/// # Ok::<(), typed_layout::ViewError>(())
/// ```
///
/// # Errors
///
/// Rows are checked as they come, so the rows before the one in error have
/// been written.
///
/// - [`ViewError::RowLengthMismatch`] if a row does not have
///   `target.width()` pixels (`expected` is the width);
/// - [`ViewError::ShapeMismatch`] if the iterator ends before
///   `target.height()` rows (`given` counts the rows it had) or has rows
///   left after them (`given` counts them all).
pub fn convert_rows<'a, S: PixelLayout, D: ConvertFrom<S>>(
    rows: impl IntoIterator<Item = &'a [S]>,
    target: &mut ImageViewMut<'_, D>,
) -> Result<(), ViewError> {
    let (width, height) = (target.width(), target.height());
    let mut rows = rows.into_iter();
    for (written, mut to) in target.rows_mut().enumerate() {
        let Some(from) = rows.next() else {
            return Err(ViewError::ShapeMismatch {
                expected: (width, height),
                given: (width, written),
            });
        };
        if from.len() != width {
            return Err(ViewError::RowLengthMismatch {
                row: written,
                len: from.len(),
                expected: width,
            });
        }
        match to.as_mut_slice() {
            Some(to) => convert_slice(from, to, &zeroed(), true, D::convert_from),
            None => {
                let mut from = from.iter();
                to.update(|old| from.next().map_or(old, D::convert_from));
            }
        }
    }
    if rows.next().is_some() {
        return Err(ViewError::ShapeMismatch {
            expected: (width, height),
            given: (width, height + 1 + rows.count()),
        });
    }
    Ok(())
}
