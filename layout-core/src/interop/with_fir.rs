//! [`ImageView`] as a `fast_image_resize` source (feature
//! `fast_image_resize`): `fast_image_resize::IntoImageView` lends the view's
//! rows in place, so a padded-pitch surface is resized without copying it.
//! The row cast and the `unsafe impl` are in `raw/fir.rs`.

use super::{field_role, names_channels, type_name, FieldRole, InteropError};
use crate::error::ViewError;
use crate::image::ImageView;
use crate::layout::{ByteOrder, ElemKind, Layout, PixelLayout, Shape};
use crate::raw::FirRows;
use core::mem::{align_of, size_of};
use fast_image_resize::{IntoImageView, PixelTrait, PixelType};

/// `fast_image_resize`'s pixel type for pixels of `layout`: 1 to 4
/// components of one type (`u8`, `u16`, `f32`, or one `i32`) in the
/// machine's byte order, as fields of a record, an array, or a scalar.
fn components(layout: &Layout) -> Option<PixelType> {
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

/// Whether fast_image_resize reads pixels of `pixel` as channels with an
/// alpha last (its 2- and 4-component types: luma or RGB, then alpha), which
/// its default options multiply the other channels by.
fn has_alpha(pixel: PixelType) -> bool {
    use PixelType::*;
    matches!(pixel, U8x2 | U8x4 | U16x2 | U16x4 | F32x2 | F32x4)
}

/// The pixel type of `P`, or why it has none: no counterpart, or (for the
/// types with alpha) field names that say the last component is not the
/// alpha: padding (`Bgrx8`), another channel (`Argb8`), or an alpha
/// elsewhere. A type whose names say nothing (`[u8; 4]`, `c0..c3`) keeps
/// fast_image_resize's reading, the alpha last.
fn pixel_type<P: PixelLayout>() -> Result<PixelType, InteropError> {
    let layout = &P::LAYOUT;
    let pixel = components(layout).ok_or(InteropError::UnsupportedPixel {
        type_name: type_name::<P>(),
    })?;
    if has_alpha(pixel) && names_channels(layout) {
        let roles = layout.fields().iter().map(field_role);
        let alpha_last = roles.enumerate().all(|(k, role)| match role {
            FieldRole::Channel(b'A') => k + 1 == layout.fields().len(),
            FieldRole::Channel(_) | FieldRole::Unnamed => k + 1 < layout.fields().len(),
            FieldRole::Padding => false,
        });
        if !alpha_last {
            return Err(InteropError::AlphaNotLast { pixel: layout });
        }
    }
    Ok(pixel)
}

#[cfg_attr(docsrs, doc(cfg(feature = "fast_image_resize")))]
impl<P: PixelLayout> ImageView<'_, P> {
    /// The `fast_image_resize` pixel type this view is lent as (see its
    /// [`IntoImageView`] impl), or why it cannot be: `Resizer::resize`
    /// reports every refusal as fast_image_resize's own
    /// `UnsupportedPixelType`; this says which rule failed, with the
    /// numbers.
    ///
    /// ```
    /// use fast_image_resize::PixelType;
    /// use typed_layout::pixels::{Bgra8, Bgrx8};
    /// use typed_layout::{ImageView, InteropError};
    ///
    /// let pixels = [Bgra8 { b: 1, g: 2, r: 3, a: 255 }; 6];
    /// let image = ImageView::from_slice(&pixels, 3, 2)?;
    /// assert_eq!(image.fast_image_resize_pixel_type()?, PixelType::U8x4);
    /// // A flipped row runs backwards: not a slice.
    /// assert!(matches!(
    ///     image.flip_horizontal().fast_image_resize_pixel_type(),
    ///     Err(InteropError::NegativeStride { axis: "pixel", stride: -4 })
    /// ));
    /// // fast_image_resize would take the padding `_x` for alpha.
    /// let padded = [Bgrx8 { b: 1, g: 2, r: 3, _x: 0 }; 6];
    /// let padded = ImageView::from_slice(&padded, 3, 2)?;
    /// assert!(matches!(
    ///     padded.fast_image_resize_pixel_type(),
    ///     Err(InteropError::AlphaNotLast { .. })
    /// ));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`InteropError::UnsupportedPixel`] if `P` has no fast_image_resize
    ///   counterpart (1 to 4 components of `u8`, `u16` or `f32`, or one
    ///   `i32`, in the machine's byte order);
    /// - [`InteropError::AlphaNotLast`] if `P` has 2 or 4 components, which
    ///   fast_image_resize reads with the alpha last, and its field names
    ///   say otherwise: a padding field (`Bgrx8`'s `_x`), an alpha `a` not
    ///   last (`Argb8`), or a last field that is another channel; the rule
    ///   is on the [`IntoImageView`] impl;
    /// - [`InteropError::TooLarge`] if the width or height exceeds
    ///   `u32::MAX`;
    /// - [`InteropError::NegativeStride`] if the pixel stride is negative
    ///   (with more than one column: a horizontally flipped view);
    /// - [`InteropError::PixelsNotAdjacent`] if the pixel stride is not
    ///   `size_of::<P>()` (with more than one column: a plane, a transposed
    ///   or stepped view);
    /// - [`InteropError::View`] with [`ViewError::Misaligned`] if a row does
    ///   not start aligned for `P`.
    ///
    /// For every refusal but the first two, copying the view into an
    /// [`ImageBuf`](crate::ImageBuf) gives a source that is accepted.
    pub fn fast_image_resize_pixel_type(&self) -> Result<PixelType, InteropError> {
        let pixel = pixel_type::<P>()?;
        let (width, height) = (ImageView::width(self), ImageView::height(self));
        if u32::try_from(width).is_err() || u32::try_from(height).is_err() {
            return Err(InteropError::TooLarge { width, height });
        }
        let pixel_stride = self.pixel_stride();
        if width > 1 && pixel_stride < 0 {
            return Err(InteropError::NegativeStride {
                axis: "pixel",
                stride: pixel_stride,
            });
        }
        if width > 1 && pixel_stride != size_of::<P>() as isize {
            return Err(InteropError::PixelsNotAdjacent {
                pixel_stride,
                pixel_size: size_of::<P>(),
            });
        }
        if !self.rows().all(|row| row.as_slice().is_some()) {
            // Adjacent pixels of a whole size: only alignment is left.
            let align = align_of::<P>();
            let row_stride = if height > 1 { self.row_stride() } else { 0 };
            return Err(InteropError::View(ViewError::Misaligned {
                required: align,
                address_remainder: self.raw().base() as usize % align,
                stride_remainder: row_stride.unsigned_abs() % align,
            }));
        }
        Ok(pixel)
    }
}

/// A typed image view is a `fast_image_resize` source: its rows are lent in
/// place, however far apart (a padded pitch, a bottom-up image, a crop).
///
/// The pixel type is read from `P`'s field table: 1 to 4 components of
/// `u8`, `u16` or `f32` (or one `i32`) in the machine's byte order, so
/// `Bgra8`, `Rgba8` and `[u8; 4]` are `U8x4`, `Gray16` is `U16`. Resizing
/// works on components, so the result has the source's channel order.
///
/// # Alpha
///
/// fast_image_resize reads 2 and 4 components as luma or color channels
/// with the alpha last, and by default (`ResizeOptions::use_alpha(true)`)
/// multiplies the others by it. So a pixel type with 2 or 4 components is
/// accepted only if
///
/// - its field names name the alpha last: the last field is `a` or `alpha`
///   and no other field is an alpha or padding (`Bgra8`, `GrayAlpha8`); or
/// - its names say nothing of channels (an array such as `[u8; 4]`, or
///   fields such as `c0, c1, c2, c3`): fast_image_resize then takes the
///   last component for alpha unless you resize with `use_alpha(false)`.
///
/// Any other is refused (resizing would be wrong, not just different): a
/// padding field (`Bgrx8 { b, g, r, _x }` would resize to zeros when `_x`
/// is 0), an alpha not last (`Argb8 { a, r, g, b }` would take `b` for
/// alpha), or a last field naming another channel. To resize such pixels
/// in place, view the same bytes as an array type (`[u8; 4]`) and pass
/// `use_alpha(false)`; or `convert` them into a type with the alpha last.
/// 1 and 3 components have no alpha and are accepted whatever their names.
///
/// # Refusals
///
/// `fast_image_resize` needs each row as a slice. A view whose pixels are
/// not adjacent within a row (a plane, a transposed or horizontally
/// flipped view, a `step`) or not aligned, a pixel type without a
/// `fast_image_resize` counterpart or refused by the alpha rule, has no
/// pixel type (`pixel_type()` is `None`), so `Resizer::resize` refuses it
/// with `ResizeError::ImageError(ImageError::UnsupportedPixelType)`.
/// [`ImageView::fast_image_resize_pixel_type`] says which rule failed.
/// Copy a view whose rows are not slices into an
/// [`ImageBuf`](crate::ImageBuf) first.
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
        self.fast_image_resize_pixel_type().ok()
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
        if self.fast_image_resize_pixel_type().ok()? != Q::pixel_type() {
            return None;
        }
        FirRows::<P, Q>::new(self.raw())
    }
}

#[cfg(test)]
mod tests {
    use super::components as pixel_type;
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
