//! Views handed to and taken from other crates (`ndarray`, `image`,
//! `fast_image_resize`), the error for what those crates cannot describe,
//! and the one reading of field names as channels they share.

use crate::error::ViewError;
#[cfg(any(feature = "image", feature = "fast_image_resize"))]
use crate::layout::Field;
use crate::layout::{Layout, PixelLayout, Shape};
use core::fmt;

#[cfg(feature = "image")]
mod with_image;
#[cfg(feature = "ndarray")]
mod with_ndarray;
// ImageView as a fast_image_resize source (the row cast is in raw/fir.rs).
#[cfg(feature = "fast_image_resize")]
mod with_fir;

/// Why a view could not be handed to (or taken from) another crate's type.
///
/// Our views describe any byte strides, signed; `ndarray` counts strides in
/// whole elements, `image` in whole samples and only forwards. Each variant
/// names the number that does not fit and `Display` says what to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum InteropError {
    /// The view itself could not be built (bounds, alignment, aliasing).
    View(ViewError),
    /// A stride is not a whole number of elements, as ndarray and image
    /// count strides (a packed record's field, 44 bytes apart, is not a
    /// whole number of 8-byte `f64`s).
    StrideNotWholeElements {
        /// The stride in bytes.
        stride: isize,
        /// Size of one element in bytes.
        elem_size: usize,
    },
    /// Axes that interleave (pixels 4 bytes apart, rows 6 apart): our views
    /// accept them because no two elements share a byte, but ndarray's
    /// mutable views require each stride to skip all that the smaller axes
    /// reach.
    InterleavedAxes {
        /// The stride, in elements, that is too small.
        stride: usize,
        /// What the smaller axes reach, in elements.
        reach: usize,
    },
    /// More elements than `isize::MAX` (a huge stride-0 view).
    TooManyElements {
        /// The axis length that overflowed the count.
        len: usize,
    },
    /// A pixel or record type is not made only of the scalar asked for.
    NotMadeOf {
        /// The pixel or record type.
        type_name: &'static str,
        /// The scalar asked for.
        scalar: &'static str,
    },
    /// `parts` elements of `part_size` bytes do not tile a `whole_size`-byte
    /// pixel or record.
    PartsDoNotFit {
        /// How many parts were asked for.
        parts: usize,
        /// Size of one part in bytes.
        part_size: usize,
        /// Size of the whole in bytes.
        whole_size: usize,
    },
    /// The other side stores channels in a different order than the pixel
    /// type's fields (`Bgra8` over `image::Rgba<u8>` memory).
    ChannelOrder {
        /// The pixel type's layout (its fields name its channels).
        pixel: &'static Layout,
        /// The other side's channel order, e.g. `"RGBA"`.
        model: &'static str,
    },
    /// The other side has a different number of channels per pixel.
    ChannelCount {
        /// Channels the pixel type has.
        expected: usize,
        /// Channels the other side has.
        found: usize,
    },
    /// More channels per pixel than the other side can count (image's
    /// `FlatSamples` counts them in a `u8`).
    TooManyChannels {
        /// Channels the pixel type has.
        channels: usize,
        /// The most the other side allows.
        max: usize,
    },
    /// A negative stride, which the other side cannot describe.
    NegativeStride {
        /// Which stride (`"pixel"`, `"row"`, `"channel"`).
        axis: &'static str,
        /// Its value in bytes.
        stride: isize,
    },
    /// Channels of a pixel that are not adjacent samples.
    ChannelsNotAdjacent {
        /// The other side's distance between two channels, in samples.
        channel_stride: usize,
    },
    /// Rows that are not packed one after another, where the other side
    /// requires it (`image::ImageBuffer`).
    RowsNotPacked {
        /// The view's pixel stride in bytes.
        pixel_stride: isize,
        /// The view's row stride in bytes.
        row_stride: isize,
        /// The packed row stride, `width * size_of::<P>()`.
        packed_row: usize,
    },
    /// A width or height the other side cannot hold (image and
    /// fast_image_resize use `u32`), or an image whose size in bytes or
    /// samples overflows `usize`.
    TooLarge {
        /// Width in pixels.
        width: usize,
        /// Height in pixels.
        height: usize,
    },
    /// The view borrows only some of the bytes between its first and last
    /// pixel (a part of a split mutable image, or one of its planes), so
    /// those bytes cannot be lent as one slice.
    SpanNotBorrowed,
    /// A stride the other side gives (image's `FlatSamples`, in samples)
    /// that is more than `isize::MAX` bytes, the most a view's stride can be.
    StrideTooLarge {
        /// Which stride (`"pixel"`, `"row"`).
        axis: &'static str,
        /// The stride in samples.
        stride: usize,
        /// Size of one sample in bytes.
        sample_size: usize,
    },
    /// A zero-sized sample type, where the other side counts strides and
    /// lengths in samples of some bytes (image's `FlatSamples`).
    ZeroSizedSample {
        /// The sample type (`[u8; 0]`).
        sample: &'static str,
    },
    /// A pixel type that fast_image_resize would resize wrongly: it has 2
    /// or 4 components, which fast_image_resize reads as channels with the
    /// alpha last (and by default multiplies the others by it), but the
    /// field names say the last component is not the alpha (`Bgrx8`'s
    /// padding `_x`, `Argb8`'s `b`).
    AlphaNotLast {
        /// The pixel type's layout (its fields name its channels).
        pixel: &'static Layout,
    },
    /// A pixel type fast_image_resize has no pixel type for (it takes 1 to
    /// 4 components of `u8`, `u16` or `f32`, or one `i32`, in the machine's
    /// byte order).
    UnsupportedPixel {
        /// The pixel type (`[u8; 5]`, `Be<u16>`).
        type_name: &'static str,
    },
    /// Pixels of a row that are not adjacent (a plane, a transposed or
    /// stepped view), where the other side reads each row as one slice.
    PixelsNotAdjacent {
        /// The view's pixel stride in bytes.
        pixel_stride: isize,
        /// Size of one pixel in bytes.
        pixel_size: usize,
    },
}

impl From<ViewError> for InteropError {
    fn from(error: ViewError) -> Self {
        InteropError::View(error)
    }
}

impl fmt::Display for InteropError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            InteropError::View(error) => error.fmt(f),
            InteropError::StrideNotWholeElements { stride, elem_size } => {
                write!(
                    f,
                    "stride of {stride} bytes is not a whole number of {elem_size}-byte elements"
                )?;
                // No division by zero for a variant built with elem_size 0.
                let whole = stride.unsigned_abs().checked_div(elem_size);
                if let (Some(whole), Some(left)) =
                    (whole, stride.unsigned_abs().checked_rem(elem_size))
                {
                    write!(f, " ({whole} and {left} bytes)")?;
                }
                write!(
                    f,
                    ", so ndarray/image cannot describe it; copy the values out \
                     (copy_to_slice / to_vec) or use an aligned layout"
                )
            }
            InteropError::InterleavedAxes { stride, reach } => write!(
                f,
                "axes interleave: a stride of {stride} elements does not skip the {reach} \
                 elements the smaller axes reach, which ndarray's mutable views require; use \
                 the shared view (as_ndarray) or split the view first"
            ),
            InteropError::TooManyElements { len } => write!(
                f,
                "an axis of {len} elements makes more than isize::MAX elements in all"
            ),
            InteropError::NotMadeOf { type_name, scalar } => write!(
                f,
                "`{type_name}` is not made only of `{scalar}` values, so it cannot be split \
                 into a `{scalar}` axis; pick the scalar its fields have"
            ),
            InteropError::PartsDoNotFit {
                parts,
                part_size,
                whole_size,
            } => write!(
                f,
                "{parts} part(s) of {part_size} bytes do not fit a {whole_size}-byte element"
            ),
            InteropError::ChannelOrder { pixel, model } => {
                write!(f, "`{}` stores channels as ", pixel.name)?;
                for (k, field) in pixel.fields().iter().enumerate() {
                    let separator = if k == 0 { "" } else { ", " };
                    write!(f, "{separator}{}", field.name)?;
                }
                write!(
                    f,
                    " but the image stores {model}; view it with a pixel type whose fields are in \
                     that order, then convert() between the two"
                )
            }
            InteropError::ChannelCount { expected, found } => write!(
                f,
                "the pixel type has {expected} channel(s) but the image has {found}"
            ),
            InteropError::TooManyChannels { channels, max } => write!(
                f,
                "the pixel type has {channels} channels; the image side allows at most {max}"
            ),
            InteropError::NegativeStride { axis, stride } => write!(
                f,
                "the {axis} stride is {stride} bytes; the other side cannot take a negative \
                 {axis} stride: flip the view back (flip_vertical / flip_horizontal) or copy it \
                 (into an ImageBuf, or to_image_buffer)"
            ),
            InteropError::ChannelsNotAdjacent { channel_stride } => write!(
                f,
                "channels are {channel_stride} samples apart; a pixel type needs its channels in \
                 adjacent samples (view planar data one channel at a time)"
            ),
            InteropError::RowsNotPacked {
                pixel_stride,
                row_stride,
                packed_row,
            } => write!(
                f,
                "rows are not packed (pixel stride {pixel_stride}, row stride {row_stride} bytes; \
                 packed rows are {packed_row} bytes apart): an ImageBuffer needs packed rows; use \
                 as_flat_samples for strided memory, or to_image_buffer to copy"
            ),
            InteropError::TooLarge { width, height } => write!(
                f,
                "a {width}x{height} image is too large: the other side's width and height are \
                 u32, and its size in bytes must fit usize"
            ),
            InteropError::SpanNotBorrowed => write!(
                f,
                "this view borrows only some of the bytes between its first and last pixel (a \
                 split part or a plane of a mutable image); take the view from the whole image"
            ),
            InteropError::StrideTooLarge {
                axis,
                stride,
                sample_size,
            } => write!(
                f,
                "the {axis} stride of {stride} samples of {sample_size} bytes is more than \
                 isize::MAX bytes, the most a view's stride can be"
            ),
            InteropError::ZeroSizedSample { sample } => write!(
                f,
                "`{sample}` is zero-sized: image counts strides and lengths in samples, which \
                 must have bytes; pick the scalar the pixel's channels are made of"
            ),
            InteropError::AlphaNotLast { pixel } => {
                let fields = pixel.fields();
                write!(f, "`{}` has components ", pixel.name)?;
                for (k, field) in fields.iter().enumerate() {
                    let separator = if k == 0 { "" } else { ", " };
                    write!(f, "{separator}{}", field.name)?;
                }
                write!(
                    f,
                    "; fast_image_resize reads the last of {} components as the alpha (and by \
                     default multiplies the others by it), ",
                    fields.len()
                )?;
                match fields.last() {
                    Some(last) if last.is_padding() => write!(f, "but `{}` is padding", last.name)?,
                    Some(last) => write!(f, "but `{}` is not an alpha channel", last.name)?,
                    None => {}
                }
                write!(
                    f,
                    ": resize a pixel type whose alpha `a` is its last field (convert() into \
                     one), or view the same bytes as an array pixel type, whose components name \
                     nothing, and resize with ResizeOptions::use_alpha(false)"
                )
            }
            InteropError::UnsupportedPixel { type_name } => write!(
                f,
                "`{type_name}` has no fast_image_resize pixel type (1 to 4 components of u8, u16 \
                 or f32, or one i32, in the machine's byte order); convert() into such a type"
            ),
            InteropError::PixelsNotAdjacent {
                pixel_stride,
                pixel_size,
            } => write!(
                f,
                "pixels are {pixel_stride} bytes apart in a row, not {pixel_size} (a plane, a \
                 transposed or stepped view): the other side reads each row as one slice; copy \
                 the view into an ImageBuf first"
            ),
        }
    }
}

/// `Display` of `View` is the view error's own text, so `source()` is
/// `None`: a chain printer (anyhow's `{:#}`) prints it once.
impl core::error::Error for InteropError {}

#[cfg(any(feature = "ndarray", feature = "image"))]
/// How many `S` values make up a `T`, if `T` is made only of `S` (a
/// scalar, an array of them, or a record whose fields are): `Bgra8` is four
/// `u8`, `[f32; 3]` three `f32`. Byte order counts: `Be<f64>` is not `f64`.
pub(crate) fn parts_of<T: PixelLayout, S: PixelLayout>() -> Result<usize, InteropError> {
    fn count(layout: &Layout, scalar: &Layout) -> Option<usize> {
        if layout == scalar {
            return Some(1);
        }
        match layout.shape {
            Shape::Scalar { .. } => None,
            Shape::Array { elem, len } => count(elem, scalar)?.checked_mul(len),
            Shape::Record { fields, .. } => fields.iter().try_fold(0usize, |sum, field| {
                sum.checked_add(count(field.layout, scalar)?)
            }),
        }
    }
    // No padding (PixelLayout), so parts that add up to the size tile it.
    count(&T::LAYOUT, &S::LAYOUT)
        .filter(|&parts| parts.checked_mul(S::LAYOUT.size) == Some(T::LAYOUT.size))
        .ok_or(InteropError::NotMadeOf {
            type_name: type_name::<T>(),
            scalar: type_name::<S>(),
        })
}

/// A type's name for messages: the field table's (`Bgra8`, `Be<u32>`,
/// `f64`), or Rust's for an array (`[u8; 0]`), which the table calls only
/// `array`.
pub(crate) fn type_name<T: PixelLayout>() -> &'static str {
    match T::LAYOUT.shape {
        Shape::Array { .. } => core::any::type_name::<T>(),
        _ => T::LAYOUT.name,
    }
}

#[cfg(any(feature = "image", feature = "fast_image_resize"))]
/// What a pixel type's field is to image and fast_image_resize, which know
/// channels only by position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FieldRole {
    /// A channel by its name: `b'R'`, `b'G'`, `b'B'`, `b'A'`, or `b'Y'`
    /// (luma / gray).
    Channel(u8),
    /// A padding field ([`Field::padding`]): never a channel.
    Padding,
    /// Any other name (`c0`, `depth`): says nothing of a channel.
    Unnamed,
}

#[cfg(any(feature = "image", feature = "fast_image_resize"))]
/// The role of `field`, by its whole name (ASCII case ignored): `r`/`red`,
/// `g`/`green`, `b`/`blue`, `a`/`alpha`, and `y`/`l`/`v`/`luma`/`gray`/`grey`
/// for luma; a padding field is padding whatever its name.
pub(crate) fn field_role(field: &Field) -> FieldRole {
    const NAMES: [(&str, u8); 14] = [
        ("r", b'R'),
        ("red", b'R'),
        ("g", b'G'),
        ("green", b'G'),
        ("b", b'B'),
        ("blue", b'B'),
        ("a", b'A'),
        ("alpha", b'A'),
        ("y", b'Y'),
        ("l", b'Y'),
        ("v", b'Y'),
        ("luma", b'Y'),
        ("gray", b'Y'),
        ("grey", b'Y'),
    ];
    if field.is_padding() {
        return FieldRole::Padding;
    }
    let name = field.name;
    NAMES
        .iter()
        .find(|(known, _)| name.eq_ignore_ascii_case(known))
        .map_or(FieldRole::Unnamed, |&(_, letter)| {
            FieldRole::Channel(letter)
        })
}

#[cfg(any(feature = "image", feature = "fast_image_resize"))]
/// Whether `layout`'s field names say anything about channels: a record
/// with at least one field that is a channel name or padding. A scalar, an
/// array, or a record of other names (`c0, c1, c2`) says nothing, and
/// image and fast_image_resize then take its components by position.
pub(crate) fn names_channels(layout: &Layout) -> bool {
    layout
        .fields()
        .iter()
        .any(|field| field_role(field) != FieldRole::Unnamed)
}
