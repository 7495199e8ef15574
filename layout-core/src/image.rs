//! `ImageView` / `ImageViewMut`: 2-D views of pixels in borrowed bytes, with
//! any strides.

use crate::column::{Column, ColumnIter, ColumnMut};
use crate::error::ViewError;
use crate::fields::Planar;
use crate::layout::PixelLayout;
use crate::raw::{Dim, Exclusive, FieldSplit, RawView, Rows as RawRows, Shared};
use core::fmt;
use core::mem::size_of;

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
    let x_end = x.checked_add(width).ok_or(ViewError::IndexOutOfBounds {
        index: x,
        len: within.0,
    })?;
    let y_end = y.checked_add(height).ok_or(ViewError::IndexOutOfBounds {
        index: y,
        len: within.1,
    })?;
    if x_end > within.0 {
        return Err(ViewError::IndexOutOfBounds {
            index: x_end,
            len: within.0,
        });
    }
    if y_end > within.1 {
        return Err(ViewError::IndexOutOfBounds {
            index: y_end,
            len: within.1,
        });
    }
    Ok(())
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
    #[cfg_attr(not(any(feature = "ndarray", feature = "image")), allow(dead_code))]
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

    /// Width in pixels.
    pub fn width(&self) -> usize {
        self.raw.len(0)
    }

    /// Height in pixels.
    pub fn height(&self) -> usize {
        self.raw.len(1)
    }

    /// Bytes from one pixel to the next in x.
    pub fn pixel_stride(&self) -> isize {
        self.raw.stride(0)
    }

    /// Bytes from one row to the next.
    pub fn row_stride(&self) -> isize {
        self.raw.stride(1)
    }

    /// Whether every pixel is aligned for `P` (references can be handed out).
    pub fn is_aligned(&self) -> bool {
        self.raw.is_aligned()
    }

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

    /// One plane per channel (generated `<Name>Planes`).
    pub fn planes(&self) -> P::Planes<'a>
    where
        P: Planar,
    {
        P::planes(*self)
    }

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

/// The top-left corners of every `w x h` window, row by row.
#[derive(Clone)]
struct WindowCursor {
    across: usize,
    down: usize,
    /// Top-left corner of the next window (`y == down` when done).
    x: usize,
    y: usize,
}

impl WindowCursor {
    /// Callers ensure `width, height >= 1`.
    fn new<P: PixelLayout>(image: &ImageView<'_, P>, width: usize, height: usize) -> Self {
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

    #[cfg_attr(not(any(feature = "ndarray", feature = "image")), allow(dead_code))]
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

    /// Width in pixels.
    pub fn width(&self) -> usize {
        self.as_view().width()
    }

    /// Height in pixels.
    pub fn height(&self) -> usize {
        self.as_view().height()
    }

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

    /// One mutable plane per channel (generated `<Name>PlanesMut`), all
    /// usable at once.
    pub fn planes_mut(&mut self) -> P::PlanesMut<'_>
    where
        P: Planar,
    {
        P::planes_mut(self.reborrow())
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
