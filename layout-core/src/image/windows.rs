//! Windows of an image: every sub-image of a size, as views or as arrays
//! of pixels.

use super::{crop, ImageView};
use crate::error::ViewError;
use crate::layout::PixelLayout;

impl<'a, P: PixelLayout> ImageView<'a, P> {
    /// Every `width x height` sub-image, row-major by top-left corner
    /// (zero-copy; for convolutions). Fails for an empty window.
    ///
    /// ```
    /// use typed_layout::ImageView;
    /// let pixels: Vec<u8> = (0..12).collect();
    /// let image = ImageView::from_slice(&pixels, 4, 3)?;
    /// let sums: Vec<u32> = image
    ///     .windows(3, 3)?
    ///     .map(|w| w.pixels().map(u32::from).sum())
    ///     .collect();
    /// assert_eq!(sums, [45, 54]);
    /// # Ok::<(), typed_layout::ViewError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// `InvalidWindow` if `width` or `height` is 0.
    pub fn windows(&self, width: usize, height: usize) -> Result<Windows<'a, P>, ViewError> {
        if width == 0 || height == 0 {
            return Err(ViewError::InvalidWindow { width, height });
        }
        Ok(Windows {
            image: *self,
            width,
            height,
            cursor: WindowCursor::new(self, width, height),
        })
    }

    /// Every `W x H` window as an array of its pixels (`H` rows of `W`), by
    /// value, row-major: the fast way to run a small fixed kernel (a 3x3
    /// blur, a Sobel filter) over any strided view. Unlike [`windows`]
    /// nothing is built per window; each pixel is one read. `W` and `H` must
    /// be at least 1 (checked at compile time).
    ///
    /// ```
    /// use typed_layout::ImageView;
    /// let pixels: Vec<u8> = (0..12).collect();
    /// let image = ImageView::from_slice(&pixels, 4, 3)?; // rows 0..4, 4..8, 8..12
    /// let sums: Vec<u32> = image
    ///     .array_windows::<3, 3>()
    ///     .map(|w| w.iter().flatten().map(|&v| u32::from(v)).sum())
    ///     .collect();
    /// assert_eq!(sums, [45, 54]);
    /// let first = image.flip_vertical().array_windows::<2, 1>().next();
    /// assert_eq!(first, Some([[8, 9]]));
    /// # Ok::<(), typed_layout::ViewError>(())
    /// ```
    ///
    /// [`windows`]: ImageView::windows
    pub fn array_windows<const W: usize, const H: usize>(&self) -> ArrayWindows<'a, P, W, H> {
        const {
            assert!(
                W > 0 && H > 0,
                "array_windows::<W, H>() needs W >= 1 and H >= 1: a window with no pixels has nothing to read; use a kernel of at least 1x1"
            )
        };
        ArrayWindows {
            image: *self,
            cursor: WindowCursor::new(self, W, H),
        }
    }
}

/// The top-left corners of every `w x h` window, row by row.
#[derive(Clone)]
pub(super) struct WindowCursor {
    across: usize,
    down: usize,
    /// Top-left corner of the next window (`y == down` when done).
    x: usize,
    y: usize,
}

impl WindowCursor {
    /// Callers ensure `width, height >= 1`.
    pub(super) fn new<P: PixelLayout>(
        image: &ImageView<'_, P>,
        width: usize,
        height: usize,
    ) -> Self {
        // Positions per axis; `+ 1` cannot overflow because the size is >= 1.
        let across = image.width().checked_sub(width).map_or(0, |d| d + 1);
        let down = image.height().checked_sub(height).map_or(0, |d| d + 1);
        WindowCursor {
            across,
            down,
            x: 0,
            y: if across == 0 { down } else { 0 },
        }
    }

    #[inline]
    fn next(&mut self) -> Option<(usize, usize)> {
        if self.y >= self.down {
            return None;
        }
        let corner = (self.x, self.y);
        self.x += 1;
        if self.x == self.across {
            self.x = 0;
            self.y += 1;
        }
        Some(corner)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        // Huge stride-0 images can have more windows than a usize counts.
        let left = (self.down - self.y)
            .checked_mul(self.across)
            .map(|all| all - self.x);
        (left.unwrap_or(usize::MAX), left)
    }
}

/// Iterator over the `w x h` windows of an [`ImageView`].
pub struct Windows<'a, P> {
    image: ImageView<'a, P>,
    width: usize,
    height: usize,
    cursor: WindowCursor,
}

impl<'a, P: PixelLayout> Iterator for Windows<'a, P> {
    type Item = ImageView<'a, P>;
    fn next(&mut self) -> Option<ImageView<'a, P>> {
        let (x, y) = self.cursor.next()?;
        // The cursor yields only corners of windows inside the image.
        Some(ImageView {
            raw: crop(self.image.raw, x, y, self.width, self.height),
        })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.cursor.size_hint()
    }
}

/// Iterator over the `W x H` windows of an [`ImageView`] as arrays of
/// pixels; see [`ImageView::array_windows`].
pub struct ArrayWindows<'a, P, const W: usize, const H: usize> {
    image: ImageView<'a, P>,
    cursor: WindowCursor,
}

impl<P: PixelLayout, const W: usize, const H: usize> Iterator for ArrayWindows<'_, P, W, H> {
    type Item = [[P; W]; H];
    #[inline]
    fn next(&mut self) -> Option<[[P; W]; H]> {
        let (x, y) = self.cursor.next()?;
        self.image.raw.read_block::<W, H>(x, y)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.cursor.size_hint()
    }
}
