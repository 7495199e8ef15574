//! `image` feature: `ImageView` / `ImageViewMut` / `ImageBuf` to and from
//! `image::ImageBuffer` and `image::flat::FlatSamples`, without copies
//! where the layout allows.
//!
//! image counts strides in samples and only forwards, and an
//! `ImageBuffer` needs packed rows; our views take any byte strides. So:
//! `FlatSamples` carry padded rows, transposed and stepped views, and
//! `ImageBuffer` packed ones; negative strides, strides that are not whole
//! samples, and channel orders that differ (a `Bgra8` type over `Rgba<u8>`
//! memory) are typed errors. `to_image_buffer` copies any view.
//! Channels by name: see the rule on `ImageView::from_image_buffer`.

use super::{field_role, names_channels, parts_of, type_name, FieldRole, InteropError};
use crate::image::{ImageView, ImageViewMut};
use crate::image_buf::ImageBuf;
use crate::layout::{Layout, PixelLayout};
use crate::raw::{slice_bytes, slice_bytes_mut};
use crate::records::{Records, RecordsMut};
use ::image::flat::{FlatSamples, SampleLayout};
use ::image::{ColorType, ImageBuffer, Pixel};
use core::mem::size_of;
use core::ops::{Deref, DerefMut};
use std::vec::Vec;

/// The channel letters a pixel type's fields spell, one a field (`b, g, r,
/// a` -> `"BGRA"`, `red, green, blue` -> `"RGB"`, `v` -> `"Y"`), or `None`
/// when a field is padding or not a channel name (see [`field_role`]).
fn channel_letters(layout: &Layout) -> Option<Vec<u8>> {
    let letters: Vec<u8> = layout
        .fields()
        .iter()
        .map(|field| match field_role(field) {
            FieldRole::Channel(letter) => Some(letter),
            FieldRole::Padding | FieldRole::Unnamed => None,
        })
        .collect::<Option<_>>()?;
    (!letters.is_empty()).then_some(letters)
}

/// The channel rule of the image interop: a pixel type whose field names
/// say nothing of channels (a scalar, an array, `c0, c1, c2`) is taken by
/// position. Any other must name, field by field, the channels of `model`
/// in its order. image's models (`Y`, `YA`, `RGB`, `RGBA`) have no unused
/// position (`Rgba`'s fourth sample is alpha), so a padding field
/// (`Bgrx8`'s `_x`) or a field of another name in a record that names
/// channels is refused like a different order.
fn check_channel_order<P: PixelLayout>(model: &'static str) -> Result<(), InteropError> {
    if !names_channels(&P::LAYOUT)
        || channel_letters(&P::LAYOUT).as_deref() == Some(model.as_bytes())
    {
        return Ok(());
    }
    Err(InteropError::ChannelOrder {
        pixel: &P::LAYOUT,
        model,
    })
}

/// Refuses a zero-sized sample type: image counts in samples, and a
/// sample without bytes has no place (nor a stride in bytes).
fn check_sample<S: PixelLayout>() -> Result<(), InteropError> {
    if size_of::<S>() == 0 {
        return Err(InteropError::ZeroSizedSample {
            sample: type_name::<S>(),
        });
    }
    Ok(())
}

/// `P` must be `channels` values of `S` (a sample with bytes), in
/// `model`'s order when named.
fn check_pixel<P: PixelLayout, S: PixelLayout>(
    channels: usize,
    model: Option<&'static str>,
) -> Result<(), InteropError> {
    check_sample::<S>()?;
    let parts = parts_of::<P, S>()?;
    if parts != channels {
        return Err(InteropError::ChannelCount {
            expected: parts,
            found: channels,
        });
    }
    model.map_or(Ok(()), check_channel_order::<P>)
}

/// image's name for a color model, from its `ColorType`.
fn model_of(color: ColorType) -> &'static str {
    match (color.has_color(), color.has_alpha()) {
        (true, true) => "RGBA",
        (true, false) => "RGB",
        (false, true) => "YA",
        (false, false) => "Y",
    }
}

/// The `ColorType` of pixels `P` made of `S`, when the field names spell a
/// model image knows and `S` is one of its sample types.
fn color_hint<P: PixelLayout, S: PixelLayout>() -> Option<ColorType> {
    let letters = channel_letters(&P::LAYOUT)?;
    let sample = &S::LAYOUT;
    let [u8_, u16_, f32_] = [&u8::LAYOUT, &u16::LAYOUT, &f32::LAYOUT];
    let color = match (letters.as_slice(), sample) {
        (b"Y", s) if s == u8_ => ColorType::L8,
        (b"YA", s) if s == u8_ => ColorType::La8,
        (b"RGB", s) if s == u8_ => ColorType::Rgb8,
        (b"RGBA", s) if s == u8_ => ColorType::Rgba8,
        (b"Y", s) if s == u16_ => ColorType::L16,
        (b"YA", s) if s == u16_ => ColorType::La16,
        (b"RGB", s) if s == u16_ => ColorType::Rgb16,
        (b"RGBA", s) if s == u16_ => ColorType::Rgba16,
        (b"RGB", s) if s == f32_ => ColorType::Rgb32F,
        (b"RGBA", s) if s == f32_ => ColorType::Rgba32F,
        _ => return None,
    };
    Some(color)
}

/// image's sample layout for a view with these byte strides, or why not.
fn sample_layout<P: PixelLayout, S: PixelLayout>(
    width: usize,
    height: usize,
    pixel_stride: isize,
    row_stride: isize,
) -> Result<SampleLayout, InteropError> {
    check_sample::<S>()?;
    let channels = parts_of::<P, S>()?;
    let sample = size_of::<S>();
    let in_samples = |axis: &'static str, stride: isize, len: usize| {
        if len <= 1 {
            return Ok(0);
        }
        if stride < 0 {
            return Err(InteropError::NegativeStride { axis, stride });
        }
        let bytes = stride.unsigned_abs();
        match (bytes.checked_div(sample), bytes.checked_rem(sample)) {
            (Some(samples), Some(0)) => Ok(samples),
            _ => Err(InteropError::StrideNotWholeElements {
                stride,
                elem_size: sample,
            }),
        }
    };
    let too_large = InteropError::TooLarge { width, height };
    Ok(SampleLayout {
        channels: u8::try_from(channels)
            .map_err(|_| InteropError::TooManyChannels { channels, max: 255 })?,
        channel_stride: 1,
        width: u32::try_from(width).map_err(|_| too_large)?,
        width_stride: in_samples("pixel", pixel_stride, width)?,
        height: u32::try_from(height).map_err(|_| too_large)?,
        height_stride: in_samples("row", row_stride, height)?,
    })
}

/// For an `ImageBuffer` of `Px` viewed as `P`: checks the pixel types and
/// returns `(width, height, row bytes, samples)` of its packed rows.
fn buffer_geometry<P, Px>(
    width: u32,
    height: u32,
) -> Result<(usize, usize, usize, usize), InteropError>
where
    P: PixelLayout,
    Px: Pixel,
    Px::Subpixel: PixelLayout,
{
    check_pixel::<P, Px::Subpixel>(usize::from(Px::CHANNEL_COUNT), Some(Px::COLOR_MODEL))?;
    let (width, height) = (width as usize, height as usize);
    let row = width.saturating_mul(size_of::<P>());
    // check_pixel refused a zero-sized sample, so the division is defined.
    let samples = row
        .checked_mul(height)
        .and_then(|bytes| bytes.checked_div(size_of::<Px::Subpixel>()))
        .ok_or(InteropError::TooLarge { width, height })?;
    Ok((width, height, row, samples))
}

/// The view's geometry as image describes it: `(width, height, pixel
/// stride, row stride)` in bytes, checked against what `FlatSamples` says.
fn flat_geometry<P: PixelLayout, S: PixelLayout>(
    layout: &SampleLayout,
    color: Option<ColorType>,
) -> Result<(usize, usize, isize, isize), InteropError> {
    let channels = usize::from(layout.channels);
    check_pixel::<P, S>(channels, color.map(model_of))?;
    if channels > 1 && layout.channel_stride != 1 {
        return Err(InteropError::ChannelsNotAdjacent {
            channel_stride: layout.channel_stride,
        });
    }
    let (width, height) = (layout.width as usize, layout.height as usize);
    let bytes = |axis: &'static str, stride: usize| {
        stride
            .checked_mul(size_of::<S>())
            .and_then(|bytes| isize::try_from(bytes).ok())
            .ok_or(InteropError::StrideTooLarge {
                axis,
                stride,
                sample_size: size_of::<S>(),
            })
    };
    Ok((
        width,
        height,
        bytes("pixel", layout.width_stride)?,
        bytes("row", layout.height_stride)?,
    ))
}

#[cfg_attr(docsrs, doc(cfg(feature = "image")))]
impl<'a, P: PixelLayout> ImageView<'a, P> {
    /// Views the pixels of an `image::ImageBuffer` without copying. `P` must
    /// be made of `Px::CHANNEL_COUNT` values of `Px::Subpixel`, and if its
    /// field names spell channels, in `Px`'s order: viewing `Rgba<u8>`
    /// memory as a `Bgra8 { b, g, r, a }` is refused, not silently swapped.
    ///
    /// ```
    /// use typed_layout_core::ext::image::{ImageBuffer, Rgba};
    /// use typed_layout::{ImageView, InteropError, PixelLayout};
    ///
    /// #[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
    /// #[repr(C)]
    /// struct Rgba8 { r: u8, g: u8, b: u8, a: u8 }
    /// #[derive(Clone, Copy, Debug, PixelLayout)]
    /// #[repr(C)]
    /// struct Bgra8 { b: u8, g: u8, r: u8, a: u8 }
    ///
    /// let buffer = ImageBuffer::from_pixel(4, 3, Rgba([10u8, 20, 30, 255]));
    /// let view = ImageView::<Rgba8>::from_image_buffer(&buffer)?;
    /// assert_eq!(view.get(3, 2), Some(Rgba8 { r: 10, g: 20, b: 30, a: 255 }));
    ///
    /// let wrong = ImageView::<Bgra8>::from_image_buffer(&buffer).unwrap_err();
    /// assert_eq!(
    ///     wrong.to_string(),
    ///     "`Bgra8` stores channels as b, g, r, a but the image stores RGBA; view it with a \
    ///      pixel type whose fields are in that order, then convert() between the two"
    /// );
    /// # Ok::<(), InteropError>(())
    /// ```
    ///
    /// # Channels
    ///
    /// image knows channels only by position (`Rgba<u8>` is R, G, B, A);
    /// a pixel type's field names say which channel each field is: `r` or
    /// `red`, `g`/`green`, `b`/`blue`, `a`/`alpha`, and for luma
    /// `y`/`l`/`v`/`luma`/`gray`/`grey` (ASCII case ignored). The rule,
    /// wherever a pixel type meets an image pixel type or color model
    /// (these functions, `as_image_buffer`, `to_image_buffer`, the
    /// `FlatSamples` color hint):
    ///
    /// - a pixel type whose names say nothing of channels (a scalar, an
    ///   array such as `[u8; 4]`, or fields such as `c0, c1, c2`) is taken
    ///   by position: its `k`-th value is the image's channel `k`;
    /// - any other must name, field by field, exactly the image's channels
    ///   in the image's order, or is refused with
    ///   [`InteropError::ChannelOrder`]: `Bgra8` over `Rgba<u8>`, and also
    ///   a type with a padding field ([`Field::padding`](crate::Field::padding):
    ///   `Bgrx8`'s `_x`) or a field of another name, because image's models
    ///   (`Y`, `YA`, `RGB`, `RGBA`) have no unused position (`Rgba`'s
    ///   fourth sample is alpha). Convert such pixels (`convert`, or
    ///   `convert_with` to fill the alpha) into a type in the image's order.
    ///
    /// # Errors
    ///
    /// - [`InteropError::NotMadeOf`] if `P` is not made only of
    ///   `Px::Subpixel` values;
    /// - [`InteropError::ChannelCount`] if it has other than
    ///   `Px::CHANNEL_COUNT` of them;
    /// - [`InteropError::ChannelOrder`] if its field names name channels
    ///   but not `Px`'s in `Px`'s order (`Bgra8` over `Rgba<u8>`, or a
    ///   padding field: `Bgrx8`), as the [channel rule](#channels) says;
    /// - [`InteropError::ZeroSizedSample`] if `Px::Subpixel` is zero-sized;
    /// - [`InteropError::TooLarge`] if the image's size in bytes overflows
    ///   `usize`.
    #[cfg_attr(docsrs, doc(cfg(feature = "image")))]
    pub fn from_image_buffer<Px, C>(buffer: &'a ImageBuffer<Px, C>) -> Result<Self, InteropError>
    where
        Px: Pixel,
        Px::Subpixel: PixelLayout,
        C: Deref<Target = [Px::Subpixel]>,
    {
        let (width, height, row, len) = buffer_geometry::<P, Px>(buffer.width(), buffer.height())?;
        // image checked that width * height * channels samples exist.
        let samples = buffer
            .get(..len)
            .ok_or(InteropError::TooLarge { width, height })?;
        Ok(ImageView::from_bytes(
            slice_bytes(samples),
            width,
            height,
            row,
        )?)
    }

    /// Views `image::flat::FlatSamples` (any forward strides, e.g. rows with
    /// a pitch) without copying; channels must be adjacent samples and, when
    /// `color_hint` is set, in its order.
    ///
    /// ```
    /// use typed_layout_core::ext::image::flat::{FlatSamples, SampleLayout};
    /// use typed_layout::{ImageView, PixelLayout};
    ///
    /// #[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
    /// #[repr(C)]
    /// struct Rgb8 { r: u8, g: u8, b: u8 }
    ///
    /// // 2x2 RGB, rows of 8 samples (2 of them padding).
    /// let samples: [u8; 16] = [1, 2, 3, 4, 5, 6, 0, 0, 7, 8, 9, 10, 11, 12, 0, 0];
    /// let flat = FlatSamples {
    ///     samples: &samples[..],
    ///     layout: SampleLayout {
    ///         channels: 3, channel_stride: 1, // samples
    ///         width: 2, width_stride: 3,
    ///         height: 2, height_stride: 8,
    ///     },
    ///     color_hint: None,
    /// };
    /// let image = ImageView::<Rgb8>::from_flat_samples(flat)?;
    /// assert_eq!(image.get(1, 1), Some(Rgb8 { r: 10, g: 11, b: 12 }));
    /// # Ok::<(), typed_layout::InteropError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`InteropError::NotMadeOf`] if `P` is not made only of `S`
    ///   values;
    /// - [`InteropError::ChannelCount`] if it has other than
    ///   `flat.layout.channels` of them;
    /// - [`InteropError::ChannelOrder`] if `color_hint` is set and `P`'s
    ///   field names name channels but not the hint's in its order (the
    ///   [channel rule](ImageView::from_image_buffer) (its "Channels" section));
    /// - [`InteropError::ZeroSizedSample`] if `S` is zero-sized;
    /// - [`InteropError::ChannelsNotAdjacent`] if there is more than one
    ///   channel and the channel stride is not 1;
    /// - [`InteropError::StrideTooLarge`] if a stride in bytes exceeds
    ///   `isize::MAX`;
    /// - [`InteropError::View`] with [`ViewError::OutOfBounds`](crate::ViewError::OutOfBounds) or
    ///   [`ViewError::Overflow`](crate::ViewError::Overflow) if some pixel lies past the samples.
    #[cfg_attr(docsrs, doc(cfg(feature = "image")))]
    pub fn from_flat_samples<S: PixelLayout>(
        flat: FlatSamples<&'a [S]>,
    ) -> Result<Self, InteropError> {
        let (width, height, pixel_stride, row_stride) =
            flat_geometry::<P, S>(&flat.layout, flat.color_hint)?;
        Ok(ImageView::from_bytes_strided(
            slice_bytes(flat.samples),
            0,
            width,
            height,
            pixel_stride,
            row_stride,
        )?)
    }

    /// The same memory as `image::flat::FlatSamples` of `S` (`u8` for a
    /// `Bgra8` image): rows with a pitch, transposed and stepped views
    /// convert; negative strides (flipped, bottom-up) and strides that are
    /// not whole samples are errors. `color_hint` is set when the field
    /// names spell a model image knows (`r, g, b, a` with `u8`: `Rgba8`).
    ///
    /// ```
    /// use typed_layout::{ImageBuf, PixelLayout};
    ///
    /// #[derive(Clone, Copy, PixelLayout)]
    /// #[repr(C)]
    /// struct Rgb8 { r: u8, g: u8, b: u8 }
    ///
    /// let mut image = ImageBuf::<Rgb8>::with_row_alignment(5, 2, 16)?; // 16-byte pitch
    /// image.as_view_mut().fill(Rgb8 { r: 1, g: 2, b: 3 });
    /// let flat = image.as_view().as_flat_samples::<u8>()?;
    /// assert_eq!(flat.layout.height_stride, 16);
    /// assert_eq!(flat.get_sample(2, 4, 1), Some(&3));
    /// assert!(image.as_view().flip_vertical().as_flat_samples::<u8>().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`InteropError::ZeroSizedSample`] if `S` is zero-sized;
    /// - [`InteropError::NotMadeOf`] if `P` is not made only of `S`
    ///   values;
    /// - [`InteropError::TooManyChannels`] if it is more than 255 of them;
    /// - [`InteropError::TooLarge`] if the width or height exceeds
    ///   `u32::MAX`;
    /// - [`InteropError::NegativeStride`] if the pixel stride (with more
    ///   than one column) or the row stride (with more than one row) is
    ///   negative;
    /// - [`InteropError::StrideNotWholeElements`] if such a stride is not a
    ///   multiple of `size_of::<S>()`;
    /// - [`InteropError::View`] with [`ViewError::Misaligned`](crate::ViewError::Misaligned) if pixel
    ///   `(0, 0)` is not aligned for `S`;
    /// - [`InteropError::SpanNotBorrowed`] if the view borrows only some of
    ///   the bytes between its first and last pixel (a shared view of a
    ///   part or a plane of a split mutable image).
    #[cfg_attr(docsrs, doc(cfg(feature = "image")))]
    pub fn as_flat_samples<S: PixelLayout>(&self) -> Result<FlatSamples<&'a [S]>, InteropError> {
        let layout = sample_layout::<P, S>(
            self.width(),
            self.height(),
            self.pixel_stride(),
            self.row_stride(),
        )?;
        let samples: &'a [S] = match self.raw().span() {
            // Forward strides: pixel (0, 0) is the span's first byte.
            Some((span, 0)) => Records::<S>::from_bytes(span)?
                .as_slice()
                .ok_or(InteropError::SpanNotBorrowed)?,
            None if self.width() == 0 || self.height() == 0 => &[],
            _ => return Err(InteropError::SpanNotBorrowed),
        };
        Ok(FlatSamples {
            samples,
            layout,
            color_hint: color_hint::<P, S>(),
        })
    }

    /// The same memory as an `image::ImageBuffer` of `Px`, when its rows are
    /// packed (pixel stride `size_of::<P>()`, rows one after another) — a
    /// view of a packed `ImageBuf` or `&[P]`, or a band of whole rows.
    ///
    /// ```
    /// use typed_layout_core::ext::image::Luma;
    /// use typed_layout::ImageView;
    ///
    /// let pixels = [0u16, 100, 200, 300, 400, 500];
    /// let image = ImageView::from_slice(&pixels, 3, 2)?;
    /// let buffer = image.as_image_buffer::<Luma<u16>>()?;
    /// assert_eq!(buffer.get_pixel(2, 1), &Luma([500]));
    /// assert!(image.step(2, 1)?.as_image_buffer::<Luma<u16>>().is_err()); // rows not packed
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`InteropError::NotMadeOf`] if `P` is not made only of
    ///   `Px::Subpixel` values;
    /// - [`InteropError::ChannelCount`] if it has other than
    ///   `Px::CHANNEL_COUNT` of them;
    /// - [`InteropError::ChannelOrder`] if its field names name channels
    ///   but not `Px`'s in `Px`'s order (`Bgra8` or `Bgrx8` over
    ///   `Rgba<u8>`; the [channel rule](ImageView::from_image_buffer) (its "Channels" section));
    /// - [`InteropError::ZeroSizedSample`] if `Px::Subpixel` is zero-sized;
    /// - [`InteropError::RowsNotPacked`] if the pixel stride is not
    ///   `size_of::<P>()` (with more than one column) or the row stride is
    ///   not `width * size_of::<P>()` (with more than one row);
    /// - [`InteropError::TooLarge`] if the width or height exceeds
    ///   `u32::MAX`;
    /// - [`InteropError::View`] with [`ViewError::Misaligned`](crate::ViewError::Misaligned) if pixel
    ///   `(0, 0)` is not aligned for `Px::Subpixel`;
    /// - [`InteropError::SpanNotBorrowed`] as for
    ///   [`ImageView::as_flat_samples`].
    #[cfg_attr(docsrs, doc(cfg(feature = "image")))]
    pub fn as_image_buffer<Px>(&self) -> Result<ImageBuffer<Px, &'a [Px::Subpixel]>, InteropError>
    where
        Px: Pixel,
        Px::Subpixel: PixelLayout,
    {
        check_pixel::<P, Px::Subpixel>(usize::from(Px::CHANNEL_COUNT), Some(Px::COLOR_MODEL))?;
        let packed_row = self.width().saturating_mul(size_of::<P>());
        let packed = (self.width() <= 1 || self.pixel_stride() == size_of::<P>() as isize)
            && (self.height() <= 1 || self.row_stride() == packed_row as isize);
        if !packed {
            return Err(InteropError::RowsNotPacked {
                pixel_stride: self.pixel_stride(),
                row_stride: self.row_stride(),
                packed_row,
            });
        }
        let flat = self.as_flat_samples::<Px::Subpixel>()?;
        let (width, height) = (flat.layout.width, flat.layout.height);
        // Packed rows: the span is exactly width * height pixels, which is
        // what from_raw checks.
        ImageBuffer::from_raw(width, height, flat.samples).ok_or(InteropError::TooLarge {
            width: self.width(),
            height: self.height(),
        })
    }

    /// A copy as an owned `image::ImageBuffer`, from a view with any strides
    /// (flipped, bottom-up, planes of a split image included).
    ///
    /// ```
    /// use typed_layout_core::ext::image::Luma;
    /// use typed_layout::ImageView;
    ///
    /// let pixels = [1u8, 2, 3, 4, 5, 6];
    /// let flipped = ImageView::from_slice(&pixels, 3, 2)?.flip_vertical();
    /// let buffer = flipped.to_image_buffer::<Luma<u8>>()?;
    /// assert_eq!(buffer.as_raw(), &[4, 5, 6, 1, 2, 3]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`InteropError::NotMadeOf`] if `P` is not made only of
    ///   `Px::Subpixel` values;
    /// - [`InteropError::ChannelCount`] if it has other than
    ///   `Px::CHANNEL_COUNT` of them;
    /// - [`InteropError::ChannelOrder`] if its field names name channels
    ///   but not `Px`'s in `Px`'s order (`Bgra8` or `Bgrx8` over
    ///   `Rgba<u8>`; the [channel rule](ImageView::from_image_buffer) (its "Channels" section));
    /// - [`InteropError::ZeroSizedSample`] if `Px::Subpixel` is zero-sized;
    /// - [`InteropError::TooLarge`] if the width or height exceeds
    ///   `u32::MAX`, or the number of samples overflows `usize`.
    #[cfg_attr(docsrs, doc(cfg(feature = "image")))]
    pub fn to_image_buffer<Px>(&self) -> Result<ImageBuffer<Px, Vec<Px::Subpixel>>, InteropError>
    where
        Px: Pixel,
        Px::Subpixel: PixelLayout,
    {
        check_pixel::<P, Px::Subpixel>(usize::from(Px::CHANNEL_COUNT), Some(Px::COLOR_MODEL))?;
        let (width, height) = (self.width(), self.height());
        let too_large = InteropError::TooLarge { width, height };
        let (w, h) = (
            u32::try_from(width).map_err(|_| too_large)?,
            u32::try_from(height).map_err(|_| too_large)?,
        );
        let len = width
            .checked_mul(height)
            .and_then(|pixels| pixels.checked_mul(usize::from(Px::CHANNEL_COUNT)))
            .ok_or(too_large)?;
        let mut samples = alloc_zeroed::<Px::Subpixel>(len);
        let row = width * size_of::<P>();
        ImageViewMut::<P>::from_bytes_mut(slice_bytes_mut(&mut samples), width, height, row)?
            .copy_from(self)?;
        ImageBuffer::from_raw(w, h, samples).ok_or(too_large)
    }
}

/// `len` zeroed values (any bytes are a valid `S`).
fn alloc_zeroed<S: PixelLayout>(len: usize) -> Vec<S> {
    std::vec![crate::zeroed::<S>(); len]
}

#[cfg_attr(docsrs, doc(cfg(feature = "image")))]
impl<'a, P: PixelLayout> ImageViewMut<'a, P> {
    /// Mutable form of [`ImageView::from_image_buffer`].
    ///
    /// ```
    /// use typed_layout_core::ext::image::{GrayImage, Luma};
    /// use typed_layout::ImageViewMut;
    ///
    /// let mut buffer = GrayImage::new(4, 2);
    /// ImageViewMut::<u8>::from_image_buffer_mut(&mut buffer)?.fill(9);
    /// assert_eq!(buffer.get_pixel(3, 1), &Luma([9]));
    /// # Ok::<(), typed_layout::InteropError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`ImageView::from_image_buffer`].
    #[cfg_attr(docsrs, doc(cfg(feature = "image")))]
    pub fn from_image_buffer_mut<Px, C>(
        buffer: &'a mut ImageBuffer<Px, C>,
    ) -> Result<Self, InteropError>
    where
        Px: Pixel,
        Px::Subpixel: PixelLayout,
        C: Deref<Target = [Px::Subpixel]> + DerefMut,
    {
        let (width, height, row, len) = buffer_geometry::<P, Px>(buffer.width(), buffer.height())?;
        let samples = buffer
            .get_mut(..len)
            .ok_or(InteropError::TooLarge { width, height })?;
        Ok(ImageViewMut::from_bytes_mut(
            slice_bytes_mut(samples),
            width,
            height,
            row,
        )?)
    }

    /// Mutable form of [`ImageView::from_flat_samples`].
    ///
    /// # Errors
    ///
    /// As [`ImageView::from_flat_samples`], and [`InteropError::View`] with
    /// [`ViewError::Aliasing`](crate::ViewError::Aliasing) if two pixels would share a sample (a zero
    /// or too small stride).
    #[cfg_attr(docsrs, doc(cfg(feature = "image")))]
    pub fn from_flat_samples_mut<S: PixelLayout>(
        flat: FlatSamples<&'a mut [S]>,
    ) -> Result<Self, InteropError> {
        let (width, height, pixel_stride, row_stride) =
            flat_geometry::<P, S>(&flat.layout, flat.color_hint)?;
        Ok(ImageViewMut::from_bytes_strided_mut(
            slice_bytes_mut(flat.samples),
            0,
            width,
            height,
            pixel_stride,
            row_stride,
        )?)
    }

    /// Mutable form of [`ImageView::as_flat_samples`], for as long as `self`
    /// is borrowed. Refused for a part of a split image or a plane, whose
    /// neighbours lie between its pixels.
    ///
    /// # Errors
    ///
    /// As [`ImageView::as_flat_samples`]; [`InteropError::SpanNotBorrowed`]
    /// for a part of a split image or a plane.
    #[cfg_attr(docsrs, doc(cfg(feature = "image")))]
    pub fn as_flat_samples_mut<S: PixelLayout>(
        &mut self,
    ) -> Result<FlatSamples<&mut [S]>, InteropError> {
        let layout = sample_layout::<P, S>(
            self.width(),
            self.height(),
            self.as_view().pixel_stride(),
            self.as_view().row_stride(),
        )?;
        let empty = self.width() == 0 || self.height() == 0;
        let samples: &mut [S] = match self.raw_mut().span_mut() {
            Some((span, 0)) => RecordsMut::<S>::from_bytes_mut(span)?
                .into_mut_slice()
                .ok_or(InteropError::SpanNotBorrowed)?,
            None if empty => &mut [],
            _ => return Err(InteropError::SpanNotBorrowed),
        };
        Ok(FlatSamples {
            samples,
            layout,
            color_hint: color_hint::<P, S>(),
        })
    }

    /// Mutable form of [`ImageView::as_image_buffer`], for as long as
    /// `self` is borrowed: image's own functions (`imageops`) can then draw
    /// into this memory.
    ///
    /// # Errors
    ///
    /// As [`ImageView::as_image_buffer`]; [`InteropError::SpanNotBorrowed`]
    /// for a part of a split image or a plane.
    #[cfg_attr(docsrs, doc(cfg(feature = "image")))]
    pub fn as_image_buffer_mut<Px>(
        &mut self,
    ) -> Result<ImageBuffer<Px, &mut [Px::Subpixel]>, InteropError>
    where
        Px: Pixel,
        Px::Subpixel: PixelLayout,
    {
        // The checks of the shared form, then the same span for writing.
        let (width, height) = {
            let buffer = self.as_view().as_image_buffer::<Px>()?;
            (buffer.width(), buffer.height())
        };
        let flat = self.as_flat_samples_mut::<Px::Subpixel>()?;
        ImageBuffer::from_raw(width, height, flat.samples).ok_or(InteropError::TooLarge {
            width: width as usize,
            height: height as usize,
        })
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "image")))]
impl<P: PixelLayout> ImageBuf<P> {
    /// An owned, 64-byte-aligned copy of an `image::ImageBuffer`'s pixels.
    ///
    /// ```
    /// use typed_layout_core::ext::image::{Rgb, RgbImage};
    /// use typed_layout::ImageBuf;
    ///
    /// let buffer = RgbImage::from_pixel(3, 2, Rgb([1, 2, 3]));
    /// let owned = ImageBuf::<[u8; 3]>::from_image_buffer(&buffer)?;
    /// assert_eq!(owned.as_view().get(2, 1), Some([1, 2, 3]));
    /// # Ok::<(), typed_layout::InteropError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`ImageView::from_image_buffer`], and [`InteropError::View`] with
    /// [`ViewError::AllocationFailed`](crate::ViewError::AllocationFailed) if the allocator cannot provide the
    /// copy.
    #[cfg_attr(docsrs, doc(cfg(feature = "image")))]
    pub fn from_image_buffer<Px, C>(buffer: &ImageBuffer<Px, C>) -> Result<Self, InteropError>
    where
        Px: Pixel,
        Px::Subpixel: PixelLayout,
        C: Deref<Target = [Px::Subpixel]>,
    {
        let source = ImageView::<P>::from_image_buffer(buffer)?;
        let mut owned = ImageBuf::new(source.width(), source.height())?;
        owned.as_view_mut().copy_from(&source)?;
        Ok(owned)
    }
}
