//! The rows of an image view (a rank-2 core view) lent to `fast_image_resize` as slices of its
//! pixel type (feature `fast_image_resize`): the only `unsafe` of that
//! interop, a slice cast and the `unsafe impl` of its `ImageView` trait.

use super::view::{RawView, Shared};
use crate::layout::PixelLayout;
use core::marker::PhantomData;
use core::mem::{align_of, size_of};
use fast_image_resize::pixels::InnerPixel;

/// A view whose every row is a contiguous `&[P]`, seen as rows of `Q`.
///
/// Invariant (established by [`FirRows::new`], the only constructor):
/// (1) `size_of::<Q>() == size_of::<P>()` and `align_of::<Q>() <=
/// align_of::<P>()`; (2) `view.row(y).as_slice()` is a slice of `width`
/// pixels for every `y < height` (a shared view never changes, so this
/// stays true); (3) width and height fit `u32`.
pub(crate) struct FirRows<'a, P: PixelLayout, Q> {
    view: RawView<'a, P, 2, Shared>,
    pixel: PhantomData<fn() -> Q>,
}

impl<'a, P: PixelLayout, Q: InnerPixel> FirRows<'a, P, Q> {
    /// The rows of `view` as rows of `Q`, or `None` if `Q` has another size
    /// or a stricter alignment than `P`, if a row is not contiguous (pixels
    /// not adjacent or not aligned), or if a side does not fit `u32`.
    pub(crate) fn new(view: RawView<'a, P, 2, Shared>) -> Option<Self> {
        let (width, height) = (view.len(0), view.len(1));
        let same_shape = size_of::<Q>() == size_of::<P>() && align_of::<Q>() <= align_of::<P>();
        let sides_fit = u32::try_from(width).is_ok() && u32::try_from(height).is_ok();
        let rows_contiguous = (0..height).all(|y| {
            view.row(y)
                .and_then(|row| row.as_slice())
                .is_some_and(|pixels| pixels.len() == width)
        });
        (same_shape && sides_fit && rows_contiguous).then_some(FirRows {
            view,
            pixel: PhantomData,
        })
    }

    /// Row `y` as `&[Q]`; `None` past the last row.
    fn row(&self, y: usize) -> Option<&'a [Q]> {
        let pixels = self.view.row(y)?.as_slice()?;
        // SAFETY: `pixels` is a live `&'a [P]`: `pixels.len()` initialized
        // values of `P`, borrowed shared for `'a`, aligned for `P`. By
        // invariant (1) the same bytes are `pixels.len()` values of `Q`
        // (same size, so the same length in bytes) and the pointer is
        // aligned for `Q` (its alignment divides `P`'s, both powers of two).
        // Every byte is initialized because `P: PixelLayout` has no padding
        // (promise 1), and any bytes are a valid `Q`: `fast_image_resize`'s
        // pixel types (sealed `InnerPixel`) are `repr(C)` wrappers of arrays
        // of `u8`, `u16`, `i32` or `f32` and a `PhantomData`. Neither type
        // has interior mutability (promise 3 for `P`), so sharing is fine.
        Some(unsafe { core::slice::from_raw_parts(pixels.as_ptr().cast::<Q>(), pixels.len()) })
    }
}

// SAFETY: `fast_image_resize::ImageView` requires every row that
// `iter_rows` returns to have at least `width()` pixels. `iter_rows` yields
// `row(y)` for `y` from `start_row` below `height`, each `width()` pixels
// long by invariant (2) (and `width()`/`height()` are exact by (3)); rows
// of views are never `None` below the height, so no row is skipped.
unsafe impl<P: PixelLayout + Sync, Q: InnerPixel> fast_image_resize::ImageView
    for FirRows<'_, P, Q>
{
    type Pixel = Q;

    fn width(&self) -> u32 {
        // Fits by invariant (3).
        self.view.len(0) as u32
    }

    fn height(&self) -> u32 {
        self.view.len(1) as u32
    }

    fn iter_rows(&self, start_row: u32) -> impl Iterator<Item = &[Q]> {
        (start_row as usize..self.view.len(1)).map_while(|y| self.row(y))
    }
}
