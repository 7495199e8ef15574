//! `ImageBuf`: an owned, aligned image with a chosen row pitch.

use crate::error::ViewError;
use crate::image::{ImageView, ImageViewMut};
use crate::layout::PixelLayout;
use crate::raw::AlignedBytes;
use core::marker::PhantomData;
use core::mem::{align_of, size_of};

/// An owned `width x height` image of `P`, zero-initialized, its allocation
/// aligned to 64 bytes and each row starting a multiple of the chosen row
/// alignment after the previous one (its pitch).
///
/// ```
/// use typed_layout::ImageBuf;
/// // 3-byte pixels, rows padded to 4 bytes like a Windows DIB.
/// let mut image = ImageBuf::<[u8; 3]>::with_row_alignment(5, 2, 4)?;
/// assert_eq!(image.row_pitch(), 16);
/// image.as_view_mut().fill([1, 2, 3]);
/// assert_eq!(image.as_view().get(4, 1), Some([1, 2, 3]));
/// assert_eq!(image.as_bytes()[15], 0); // padding stays zero
/// # Ok::<(), typed_layout::ViewError>(())
/// ```
pub struct ImageBuf<P> {
    bytes: AlignedBytes,
    width: usize,
    height: usize,
    pitch: usize,
    pixels: PhantomData<P>,
}

impl<P: PixelLayout> core::fmt::Debug for ImageBuf<P> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("ImageBuf")
            .field("pixel", &P::LAYOUT.name)
            .field("width", &self.width)
            .field("height", &self.height)
            .field("row_pitch", &self.pitch)
            .finish_non_exhaustive()
    }
}

impl<P: PixelLayout> ImageBuf<P> {
    /// Alignment of the allocation.
    pub const ALIGN: usize = 64;

    /// A packed image: rows are adjacent (`pitch = width * size_of::<P>()`).
    ///
    /// # Errors
    ///
    /// As [`ImageBuf::with_row_alignment`].
    pub fn new(width: usize, height: usize) -> Result<Self, ViewError> {
        Self::with_row_alignment(width, height, 1)
    }

    /// An image whose row pitch is `width * size_of::<P>()` rounded up to a
    /// multiple of `row_align` (a power of two; e.g. 4 for BMP, 256 for a GPU
    /// pitch) and of `P`'s alignment.
    ///
    /// # Errors
    ///
    /// `InvalidAlignment` if `row_align` is not a power of two;
    /// `ZeroSizedElement` for a zero-sized `P`; `ImageTooLarge` if a row or
    /// the image would exceed `isize::MAX` bytes; `AllocationFailed` if
    /// the allocator cannot provide the memory (never an abort).
    pub fn with_row_alignment(
        width: usize,
        height: usize,
        row_align: usize,
    ) -> Result<Self, ViewError> {
        if !row_align.is_power_of_two() {
            return Err(ViewError::InvalidAlignment { align: row_align });
        }
        let pixel_size = crate::records::nonzero_size::<P>()?;
        let overflow = ViewError::ImageTooLarge {
            width,
            height,
            pixel_size,
            row_align,
        };
        let step = row_align.max(align_of::<P>());
        let pitch = width
            .checked_mul(size_of::<P>())
            .and_then(|row| row.checked_next_multiple_of(step))
            // Views take the pitch as an `isize` stride, even with no rows.
            .filter(|&pitch| pitch <= isize::MAX as usize)
            .ok_or(overflow)?;
        let total = pitch
            .checked_mul(height)
            .filter(|&total| total <= isize::MAX as usize)
            .ok_or(overflow)?;
        Ok(ImageBuf {
            bytes: AlignedBytes::zeroed(total, Self::ALIGN.max(align_of::<P>()))?,
            width,
            height,
            pitch,
            pixels: PhantomData,
        })
    }

    /// Width in pixels.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Height in pixels.
    pub fn height(&self) -> usize {
        self.height
    }

    /// Bytes from one row to the next.
    pub fn row_pitch(&self) -> usize {
        self.pitch
    }

    /// All bytes, padding included.
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.as_bytes()
    }

    /// All bytes, for writing (any bytes are valid pixels).
    pub fn as_bytes_mut(&mut self) -> &mut [u8] {
        self.bytes.as_bytes_mut()
    }

    /// A read-only view of the pixels.
    #[allow(
        clippy::missing_panics_doc,
        reason = "the rows lie inside the allocation by construction"
    )]
    pub fn as_view(&self) -> ImageView<'_, P> {
        ImageView::from_bytes(self.bytes.as_bytes(), self.width, self.height, self.pitch)
            .expect("ImageBuf rows lie inside its allocation")
    }

    /// A mutable view of the pixels.
    #[allow(
        clippy::missing_panics_doc,
        reason = "the rows lie inside the allocation by construction"
    )]
    pub fn as_view_mut(&mut self) -> ImageViewMut<'_, P> {
        let (width, height, pitch) = (self.width, self.height, self.pitch);
        ImageViewMut::from_bytes_mut(self.bytes.as_bytes_mut(), width, height, pitch)
            .expect("ImageBuf rows lie inside its allocation")
    }
}
