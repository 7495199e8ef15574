//! [`ImageView`] as a `fast_image_resize` source (feature
//! `fast_image_resize`): `fast_image_resize::IntoImageView` lends the view's
//! rows in place, so a padded-pitch surface is resized without copying it.
//! The row cast and the `unsafe impl` are in `raw/fir.rs`.

use crate::image::ImageView;
use crate::layout::{ByteOrder, ElemKind, Layout, PixelLayout, Shape};
use crate::raw::FirRows;
use fast_image_resize::{IntoImageView, PixelTrait, PixelType};

/// `fast_image_resize`'s pixel type for pixels of `layout`: 1 to 4
/// components of one type (`u8`, `u16`, `f32`, or one `i32`) in the
/// machine's byte order, as fields of a record (padding fields included:
/// resizing treats every component alike), an array, or a scalar.
fn pixel_type(layout: &Layout) -> Option<PixelType> {
    let component = |layout: &Layout| match layout.shape {
        Shape::Scalar { kind, order } => {
            let native = matches!(order, ByteOrder::NotApplicable) || order == ByteOrder::NATIVE;
            native.then_some((kind, layout.size))
        }
        _ => None,
    };
    let (component, count) = match layout.shape {
        Shape::Scalar { .. } => (component(layout)?, 1),
        Shape::Array { elem, len } => (component(elem)?, len),
        Shape::Record { fields, .. } => {
            let first = component(fields.first()?.layout)?;
            let same = fields
                .iter()
                .all(|field| component(field.layout) == Some(first));
            (same.then_some(first)?, fields.len())
        }
    };
    use PixelType::*;
    Some(match (component, count) {
        ((ElemKind::Uint, 1), 1) => U8,
        ((ElemKind::Uint, 1), 2) => U8x2,
        ((ElemKind::Uint, 1), 3) => U8x3,
        ((ElemKind::Uint, 1), 4) => U8x4,
        ((ElemKind::Uint, 2), 1) => U16,
        ((ElemKind::Uint, 2), 2) => U16x2,
        ((ElemKind::Uint, 2), 3) => U16x3,
        ((ElemKind::Uint, 2), 4) => U16x4,
        ((ElemKind::Int, 4), 1) => I32,
        ((ElemKind::Float, 4), 1) => F32,
        ((ElemKind::Float, 4), 2) => F32x2,
        ((ElemKind::Float, 4), 3) => F32x3,
        ((ElemKind::Float, 4), 4) => F32x4,
        _ => return None,
    })
}

/// A typed image view is a `fast_image_resize` source: its rows are lent in
/// place, however far apart (a padded pitch, a bottom-up image, a crop).
///
/// The pixel type is read from `P`'s field table: 1 to 4 components of
/// `u8`, `u16` or `f32` (or one `i32`) in the machine's byte order, so
/// `Bgra8`, `Rgbx8` and `[u8; 4]` are `U8x4`, `Gray16` is `U16`. Resizing
/// works on components and never looks at their names, so the result has
/// the source's channel order.
///
/// `fast_image_resize` needs each row as a slice. A view whose pixels are
/// not adjacent within a row (a plane, a transposed or horizontally
/// flipped view, a `step`) or not aligned, or whose pixel type has no
/// `fast_image_resize` counterpart, has no pixel type (`pixel_type()` is
/// `None`), so `Resizer::resize` refuses it with
/// `ResizeError::ImageError(ImageError::UnsupportedPixelType)`. Copy such a
/// view into an [`ImageBuf`](crate::ImageBuf) first.
///
/// ```
/// use fast_image_resize::images::Image;
/// use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
/// use typed_layout::pixels::Bgra8;
/// use typed_layout::{ImageBuf, ImageView};
///
/// // A 64x32 BGRA surface with 16 bytes of padding a row.
/// let (width, height, pitch) = (64, 32, 64 * 4 + 16);
/// let bytes = vec![200u8; pitch * height];
/// let surface = ImageView::<Bgra8>::from_bytes(&bytes, width, height, pitch)?;
///
/// // Into our own buffer: its rows are packed (pitch = width * 4).
/// let mut half = ImageBuf::<Bgra8>::new(width / 2, height / 2)?;
/// let mut target = Image::from_slice_u8(32, 16, half.as_bytes_mut(), PixelType::U8x4)?;
/// let options = ResizeOptions::new()
///     .resize_alg(ResizeAlg::Convolution(FilterType::Box))
///     .use_alpha(false);
/// Resizer::new().resize(&surface, &mut target, &options)?;
/// assert_eq!(half.as_view().get(31, 15), Some(Bgra8 { b: 200, g: 200, r: 200, a: 200 }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg(feature = "fast_image_resize")]
impl<P: PixelLayout + Sync> IntoImageView for ImageView<'_, P> {
    fn pixel_type(&self) -> Option<PixelType> {
        let sides_fit = u32::try_from(ImageView::width(self)).is_ok()
            && u32::try_from(ImageView::height(self)).is_ok();
        let rows_are_slices = self.rows().all(|row| row.as_slice().is_some());
        pixel_type(&P::LAYOUT).filter(|_| sides_fit && rows_are_slices)
    }

    /// The width, or `u32::MAX` when it does not fit (the view then has no
    /// pixel type).
    fn width(&self) -> u32 {
        u32::try_from(ImageView::width(self)).unwrap_or(u32::MAX)
    }

    /// The height, or `u32::MAX` when it does not fit (the view then has no
    /// pixel type).
    fn height(&self) -> u32 {
        u32::try_from(ImageView::height(self)).unwrap_or(u32::MAX)
    }

    fn image_view<Q: PixelTrait>(&self) -> Option<impl fast_image_resize::ImageView<Pixel = Q>> {
        if pixel_type(&P::LAYOUT)? != Q::pixel_type() {
            return None;
        }
        FirRows::<P, Q>::new(self.raw())
    }
}

#[cfg(test)]
mod tests {
    use super::pixel_type;
    use crate::{Be, PixelLayout};
    use fast_image_resize::PixelType;

    #[test]
    fn pixel_types_follow_the_field_table() {
        assert_eq!(pixel_type(&u8::LAYOUT), Some(PixelType::U8));
        assert_eq!(pixel_type(&<[u8; 4]>::LAYOUT), Some(PixelType::U8x4));
        assert_eq!(pixel_type(&<[u16; 3]>::LAYOUT), Some(PixelType::U16x3));
        assert_eq!(pixel_type(&<[f32; 2]>::LAYOUT), Some(PixelType::F32x2));
        assert_eq!(pixel_type(&i32::LAYOUT), Some(PixelType::I32));
        // No counterpart: five components, i16, f64, a foreign byte order.
        assert_eq!(pixel_type(&<[u8; 5]>::LAYOUT), None);
        assert_eq!(pixel_type(&i16::LAYOUT), None);
        assert_eq!(pixel_type(&f64::LAYOUT), None);
        #[cfg(target_endian = "little")]
        assert_eq!(pixel_type(&<Be<u16>>::LAYOUT), None);
    }
}
