//! Stock pixel types, so a program does not re-declare `Bgra8` and friends.
//!
//! Every type here is a plain `#[repr(C)]` struct with
//! `#[derive(PixelLayout)]`, so it has everything a derived type has: a
//! field table, one column and one plane per channel (`Bgra8Planes`,
//! `Bgra8PlanesMut`, `Bgra8Columns`, ...), and [`convert`](crate::convert)
//! to any other pixel type whose channels it has, matched by field name
//! (`Bgra8 -> Rgba8`, `Rgbx8 -> Rgb8`). Conversion copies channels; it does
//! not change their type, so `Rgb16 -> Rgb8` does not compile.
//!
//! | Type | Bytes | Fields (in memory order) | Typical source |
//! |---|---:|---|---|
//! | [`Rgb8`] | 3 | `r, g, b: u8` | PNG, PPM, Pillow `RGB` after `tobytes()` |
//! | [`Rgba8`] | 4 | `r, g, b, a: u8` | PNG, Pillow `RGBA`, WebGL |
//! | [`Bgr8`] | 3 | `b, g, r: u8` | OpenCV, BMP |
//! | [`Bgra8`] | 4 | `b, g, r, a: u8` | pygame/SDL 32-bit surfaces, Windows DIBs, Direct2D |
//! | [`Rgbx8`] | 4 | `r, g, b: u8`, `_x: u8` (padding) | Pillow's storage of `RGB`, `XRGB` frame buffers |
//! | [`Bgrx8`] | 4 | `b, g, r: u8`, `_x: u8` (padding) | Cairo `RGB24`, Windows `BI_RGB` 32-bit |
//! | [`Gray8`] | 1 | `v: u8` | grayscale PNG, Pillow `L` |
//! | [`Gray16`] | 2 | `v: u16` | 16-bit grayscale, depth maps, Pillow `I;16` |
//! | [`GrayAlpha8`] | 2 | `v, a: u8` | grayscale PNG with alpha, Pillow `LA` |
//! | [`Rgb16`] | 6 | `r, g, b: u16` | 16-bit PNG and TIFF |
//! | [`Rgba16`] | 8 | `r, g, b, a: u16` | 16-bit PNG and TIFF |
//! | [`Rgb32F`] | 12 | `r, g, b: f32` | HDR, EXR, linear light |
//! | [`Rgba32F`] | 16 | `r, g, b, a: f32` | HDR, EXR, GPU textures |
//!
//! Multi-byte channels (`u16`, `f32`) are in the machine's byte order, as in
//! the `rgb` and `image` crates. Files that store them big-endian (PNG's
//! 16-bit samples) need a struct of [`Be<u16>`](crate::Be) fields instead.
//!
//! The gray value is called `v` (value), the name the `rgb` crate gives it,
//! so gray pixels convert between the two crates by name.
//!
//! # Padding channels
//!
//! The fourth byte of [`Rgbx8`] and [`Bgrx8`] is named `_x`: a field whose
//! name starts with `_` is padding. Conversion never reads padding from a
//! source and writes zero to it, so `Rgb8 -> Rgbx8`, `Rgbx8 -> Rgb8` and
//! `Bgra8 -> Bgrx8` all compile, and the undefined byte of an `X` format is
//! never copied as if it meant something. Were it a channel `x`, every
//! conversion into `Rgbx8` would need a source with an `x` channel (or
//! [`convert_with`](crate::convert_with) and a fill value). The plane
//! `planes()._x` is still there for code that must read the byte.
//!
//! # Example
//!
//! ```
//! use typed_layout::pixels::{Bgra8, Rgba8};
//! use typed_layout::{convert, ImageBuf, ImageView};
//!
//! // A pygame surface: 4 pixels a row, rows 32 bytes apart.
//! let (width, height, pitch) = (4, 3, 32);
//! let mut bytes = vec![0u8; pitch * height];
//! bytes[..4].copy_from_slice(&[10, 20, 30, 255]); // pixel (0, 0): b, g, r, a
//! let surface = ImageView::<Bgra8>::from_bytes(&bytes, width, height, pitch)?;
//!
//! let mut rgba = ImageBuf::<Rgba8>::new(width, height)?;
//! convert(&surface, &mut rgba.as_view_mut())?;
//! assert_eq!(rgba.as_view().get(0, 0), Some(Rgba8 { r: 30, g: 20, b: 10, a: 255 }));
//! assert_eq!(surface.planes().r.get(0, 0), Some(30));
//! # Ok::<(), typed_layout::ViewError>(())
//! ```

use crate::PixelLayout;

// ---------------------------------------------------------------------------
// 8-bit color

/// 8-bit RGB, 3 bytes: `r, g, b`.
///
/// The 8-bit color types ([`Rgb8`], [`Rgba8`], [`Bgr8`], [`Bgra8`]) convert
/// into each other wherever the destination's channels are all in the
/// source; for a destination with more channels (`Rgb8 -> Rgba8`) use
/// [`convert_with`](crate::convert_with) and a fill value.
///
/// ```
/// use typed_layout::pixels::{Bgr8, Rgb8, Rgba8};
/// use typed_layout::{convert, convert_with, ImageView, ImageViewMut};
///
/// let bgr = [Bgr8 { b: 1, g: 2, r: 3 }; 6];
/// let mut rgb = [Rgb8::default(); 6];
/// convert(&ImageView::from_slice(&bgr, 3, 2)?, &mut ImageViewMut::from_slice_mut(&mut rgb, 3, 2)?)?;
/// assert_eq!(rgb[5], Rgb8 { r: 3, g: 2, b: 1 });
///
/// let mut rgba = [Rgba8::default(); 6];
/// let opaque = Rgba8 { a: 255, ..Rgba8::default() };
/// convert_with(&ImageView::from_slice(&rgb, 3, 2)?, &mut ImageViewMut::from_slice_mut(&mut rgba, 3, 2)?, opaque)?;
/// assert_eq!(rgba[0], Rgba8 { r: 3, g: 2, b: 1, a: 255 });
/// # Ok::<(), typed_layout::ViewError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PixelLayout)]
#[repr(C)]
#[pixel_layout(crate = "crate")]
pub struct Rgb8 {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
}

/// 8-bit RGBA, 4 bytes: `r, g, b, a`. See [`Rgb8`] for conversions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PixelLayout)]
#[repr(C)]
#[pixel_layout(crate = "crate")]
pub struct Rgba8 {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
    /// Alpha (0 transparent, 255 opaque).
    pub a: u8,
}

/// 8-bit BGR, 3 bytes: `b, g, r` (OpenCV's channel order). See [`Rgb8`]
/// for conversions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PixelLayout)]
#[repr(C)]
#[pixel_layout(crate = "crate")]
pub struct Bgr8 {
    /// Blue.
    pub b: u8,
    /// Green.
    pub g: u8,
    /// Red.
    pub r: u8,
}

/// 8-bit BGRA, 4 bytes: `b, g, r, a` (pygame/SDL surfaces and Windows
/// bitmaps on little-endian machines). See [`Rgb8`] for conversions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PixelLayout)]
#[repr(C)]
#[pixel_layout(crate = "crate")]
pub struct Bgra8 {
    /// Blue.
    pub b: u8,
    /// Green.
    pub g: u8,
    /// Red.
    pub r: u8,
    /// Alpha (0 transparent, 255 opaque).
    pub a: u8,
}

// ---------------------------------------------------------------------------
// 8-bit color with a padding byte

/// 8-bit RGB stored in 4 bytes: `r, g, b` and a padding byte `_x`.
///
/// The padding byte is never read by a conversion and is written as zero
/// (see [the module docs](self#padding-channels)), so [`Rgbx8`] and
/// [`Bgrx8`] convert to and from every 8-bit color type that has `r, g, b`.
///
/// ```
/// use typed_layout::pixels::{Bgra8, Bgrx8, Rgb8, Rgbx8};
/// use typed_layout::{convert, ImageView, ImageViewMut};
///
/// // Pillow keeps an RGB image as 4 bytes a pixel; pack it to 3.
/// let stored = [Rgbx8 { r: 7, g: 8, b: 9, _x: 0xAA }; 4];
/// let mut packed = [Rgb8::default(); 4];
/// convert(&ImageView::from_slice(&stored, 2, 2)?, &mut ImageViewMut::from_slice_mut(&mut packed, 2, 2)?)?;
/// assert_eq!(packed[3], Rgb8 { r: 7, g: 8, b: 9 });
///
/// // Dropping alpha: the padding byte becomes zero, not the alpha.
/// let surface = [Bgra8 { b: 1, g: 2, r: 3, a: 200 }; 4];
/// let mut opaque = [Bgrx8::default(); 4];
/// convert(&ImageView::from_slice(&surface, 2, 2)?, &mut ImageViewMut::from_slice_mut(&mut opaque, 2, 2)?)?;
/// assert_eq!(opaque[0], Bgrx8 { b: 1, g: 2, r: 3, _x: 0 });
/// # Ok::<(), typed_layout::ViewError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PixelLayout)]
#[repr(C)]
#[pixel_layout(crate = "crate")]
pub struct Rgbx8 {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
    /// Padding: undefined in the source format, zero when converted to.
    pub _x: u8,
}

/// 8-bit BGR stored in 4 bytes: `b, g, r` and a padding byte `_x` (Cairo's
/// `RGB24` and 32-bit `BI_RGB` bitmaps on little-endian machines). See
/// [`Rgbx8`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PixelLayout)]
#[repr(C)]
#[pixel_layout(crate = "crate")]
pub struct Bgrx8 {
    /// Blue.
    pub b: u8,
    /// Green.
    pub g: u8,
    /// Red.
    pub r: u8,
    /// Padding: undefined in the source format, zero when converted to.
    pub _x: u8,
}

// ---------------------------------------------------------------------------
// Gray

/// 8-bit gray, 1 byte: `v`.
///
/// The gray types hold the value `v` and, in [`GrayAlpha8`], alpha `a`.
/// Their planes and columns are the values themselves:
///
/// ```
/// use typed_layout::pixels::{Gray16, Gray8, GrayAlpha8};
/// use typed_layout::{convert, ImageView, ImageViewMut};
///
/// // A 16-bit depth map with a row pitch of 8 bytes (3 pixels a row).
/// let mut bytes = vec![0u8; 8 * 2];
/// bytes[8 + 2 * 2..][..2].copy_from_slice(&1000u16.to_ne_bytes()); // pixel (2, 1)
/// let depth = ImageView::<Gray16>::from_bytes(&bytes, 3, 2, 8)?;
/// assert_eq!(depth.get(2, 1), Some(Gray16 { v: 1000 }));
/// assert_eq!(depth.planes().v.row_stride(), 8);
///
/// // Gray and alpha apart, by name.
/// let la = [GrayAlpha8 { v: 90, a: 255 }; 4];
/// let mut l = [Gray8::default(); 4];
/// convert(&ImageView::from_slice(&la, 2, 2)?, &mut ImageViewMut::from_slice_mut(&mut l, 2, 2)?)?;
/// assert_eq!(l[0], Gray8 { v: 90 });
/// # Ok::<(), typed_layout::ViewError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PixelLayout)]
#[repr(C)]
#[pixel_layout(crate = "crate")]
pub struct Gray8 {
    /// The gray value.
    pub v: u8,
}

/// 16-bit gray, 2 bytes: `v` in the machine's byte order. See [`Gray8`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PixelLayout)]
#[repr(C)]
#[pixel_layout(crate = "crate")]
pub struct Gray16 {
    /// The gray value.
    pub v: u16,
}

/// 8-bit gray with alpha, 2 bytes: `v, a`. See [`Gray8`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PixelLayout)]
#[repr(C)]
#[pixel_layout(crate = "crate")]
pub struct GrayAlpha8 {
    /// The gray value.
    pub v: u8,
    /// Alpha (0 transparent, 255 opaque).
    pub a: u8,
}

// ---------------------------------------------------------------------------
// 16-bit color

/// 16-bit RGB, 6 bytes: `r, g, b: u16` in the machine's byte order.
///
/// ```
/// use typed_layout::pixels::{Rgb16, Rgba16};
/// use typed_layout::{convert, ImageView, ImageViewMut};
///
/// let rgba = [Rgba16 { r: 60000, g: 2, b: 3, a: 65535 }; 2];
/// let mut rgb = [Rgb16::default(); 2];
/// convert(&ImageView::from_slice(&rgba, 2, 1)?, &mut ImageViewMut::from_slice_mut(&mut rgb, 2, 1)?)?;
/// assert_eq!(rgb[1], Rgb16 { r: 60000, g: 2, b: 3 });
/// # Ok::<(), typed_layout::ViewError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PixelLayout)]
#[repr(C)]
#[pixel_layout(crate = "crate")]
pub struct Rgb16 {
    /// Red.
    pub r: u16,
    /// Green.
    pub g: u16,
    /// Blue.
    pub b: u16,
}

/// 16-bit RGBA, 8 bytes: `r, g, b, a: u16` in the machine's byte order.
/// See [`Rgb16`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PixelLayout)]
#[repr(C)]
#[pixel_layout(crate = "crate")]
pub struct Rgba16 {
    /// Red.
    pub r: u16,
    /// Green.
    pub g: u16,
    /// Blue.
    pub b: u16,
    /// Alpha (0 transparent, 65535 opaque).
    pub a: u16,
}

// ---------------------------------------------------------------------------
// Floating-point color

/// 32-bit float RGB, 12 bytes: `r, g, b: f32`.
///
/// ```
/// use typed_layout::pixels::{Rgb32F, Rgba32F};
/// use typed_layout::{ImageBuf, ImageView};
///
/// let hdr = [Rgba32F { r: 1.5, g: 0.25, b: 0.0, a: 1.0 }; 6];
/// let image = ImageView::from_slice(&hdr, 3, 2)?;
/// // One plane per channel, strided over the same memory.
/// let brightest = image.planes().r.pixels().fold(0.0f32, f32::max);
/// assert_eq!(brightest, 1.5);
///
/// let mut rgb = ImageBuf::<Rgb32F>::new(3, 2)?;
/// typed_layout::convert(&image, &mut rgb.as_view_mut())?;
/// assert_eq!(rgb.as_view().get(2, 1), Some(Rgb32F { r: 1.5, g: 0.25, b: 0.0 }));
/// # Ok::<(), typed_layout::ViewError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, PixelLayout)]
#[repr(C)]
#[pixel_layout(crate = "crate")]
pub struct Rgb32F {
    /// Red.
    pub r: f32,
    /// Green.
    pub g: f32,
    /// Blue.
    pub b: f32,
}

/// 32-bit float RGBA, 16 bytes: `r, g, b, a: f32`. See [`Rgb32F`].
#[derive(Clone, Copy, Debug, Default, PartialEq, PixelLayout)]
#[repr(C)]
#[pixel_layout(crate = "crate")]
pub struct Rgba32F {
    /// Red.
    pub r: f32,
    /// Green.
    pub g: f32,
    /// Blue.
    pub b: f32,
    /// Alpha (0.0 transparent, 1.0 opaque).
    pub a: f32,
}
