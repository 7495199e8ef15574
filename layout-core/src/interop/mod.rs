//! Views handed to and taken from other crates (`ndarray`, `image`), and
//! the error for what those crates cannot describe.

use crate::error::ViewError;
use crate::layout::{Layout, PixelLayout, Shape};
use core::fmt;

#[cfg(feature = "image")]
mod with_image;
#[cfg(feature = "ndarray")]
mod with_ndarray;

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
    /// A width or height the other side cannot hold (image uses `u32`).
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
                "the {axis} stride is {stride} bytes; image strides cannot be negative: flip the \
                 view back (flip_vertical / flip_horizontal) or copy it (to_image_buffer)"
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
                "a {width}x{height} image is larger than image's u32 width and height allow"
            ),
            InteropError::SpanNotBorrowed => write!(
                f,
                "this view borrows only some of the bytes between its first and last pixel (a \
                 split part or a plane of a mutable image); take the view from the whole image"
            ),
        }
    }
}

/// `Display` of `View` is the view error's own text, so `source()` is
/// `None`: a chain printer (anyhow's `{:#}`) prints it once.
impl core::error::Error for InteropError {}

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
            type_name: T::LAYOUT.name,
            scalar: S::LAYOUT.name,
        })
}
