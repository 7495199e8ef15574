//! The `image` feature: image views to and from `image::ImageBuffer` and
//! `image::flat::FlatSamples`, checked against the pixels themselves.
#![cfg(feature = "image")]
#![forbid(unsafe_code)]

use proptest::prelude::*;
use typed_layout::ext::image::flat::{FlatSamples, SampleLayout};
use typed_layout::ext::image::{
    imageops, ColorType, GenericImageView, ImageBuffer, Luma, Rgb, Rgba,
};
use typed_layout::{
    convert, ImageBuf, ImageView, ImageViewMut, InteropError, PixelLayout, RecordBuf, ViewError,
};

#[path = "support/types.rs"]
mod types;
use types::{Bgra8, Rgba8};

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
struct Rgb16 {
    red: u16,
    green: u16,
    blue: u16,
}

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
struct Channels {
    c0: u8,
    c1: u8,
    c2: u8,
    c3: u8,
}

fn pattern(x: u32, y: u32) -> Rgba<u8> {
    Rgba([x as u8, y as u8, (x * 7 + y) as u8, 255 - x as u8])
}

#[test]
fn image_buffers_are_viewed_in_place_both_ways() {
    let mut buffer = ImageBuffer::from_fn(7, 5, pattern);
    let view = ImageView::<Rgba8>::from_image_buffer(&buffer).unwrap();
    assert_eq!((view.width(), view.height()), (7, 5));
    for (x, y, pixel) in buffer.enumerate_pixels() {
        let ours = view.get(x as usize, y as usize).unwrap();
        assert_eq!([ours.r, ours.g, ours.b, ours.a], pixel.0);
    }
    // The view borrows the buffer's memory: same address, no copy.
    assert_eq!(
        view.get_ref(0, 0).map(|p| p as *const Rgba8 as usize),
        Some(buffer.as_raw().as_ptr() as usize)
    );

    // Writing through a mutable view changes the ImageBuffer.
    let mut mutable = ImageViewMut::<Rgba8>::from_image_buffer_mut(&mut buffer).unwrap();
    mutable.planes_mut().a.fill(9);
    assert!(buffer.pixels().all(|p| p.0[3] == 9));

    // Unnamed channels (c0..c3) are accepted as they are stored.
    assert!(ImageView::<Channels>::from_image_buffer(&buffer).is_ok());
    // Named channels in another order are refused, with both orders.
    let err = ImageView::<Bgra8>::from_image_buffer(&buffer).unwrap_err();
    assert!(matches!(
        err,
        InteropError::ChannelOrder { model: "RGBA", .. }
    ));
    assert!(err
        .to_string()
        .contains("stores channels as b, g, r, a but the image stores RGBA"));
    // Wrong channel count or sample type.
    let rgb = ImageBuffer::<Rgb<u8>, _>::new(2, 2);
    assert_eq!(
        ImageView::<Rgba8>::from_image_buffer(&rgb).unwrap_err(),
        InteropError::ChannelCount {
            expected: 4,
            found: 3
        }
    );
    let luma16 = ImageBuffer::<Luma<u16>, _>::new(2, 2);
    assert!(matches!(
        ImageView::<Rgba8>::from_image_buffer(&luma16),
        Err(InteropError::NotMadeOf { .. })
    ));
}

#[test]
fn views_become_image_buffers_that_image_can_process() {
    let mut ours = ImageBuf::<Rgba8>::new(6, 4).unwrap();
    for y in 0..4 {
        for x in 0..6 {
            let p = pattern(x, y).0;
            ours.as_view_mut()
                .set(
                    x as usize,
                    y as usize,
                    Rgba8 {
                        r: p[0],
                        g: p[1],
                        b: p[2],
                        a: p[3],
                    },
                )
                .unwrap();
        }
    }
    let borrowed = ours.as_view().as_image_buffer::<Rgba<u8>>().unwrap();
    assert_eq!(borrowed.get_pixel(5, 3), &pattern(5, 3));
    // image's own functions read our memory...
    let flipped = imageops::flip_horizontal(&borrowed);
    assert_eq!(flipped.get_pixel(0, 3), &pattern(5, 3));
    // ...and write into it.
    {
        let mut view = ours.as_view_mut();
        let mut target = view.as_image_buffer_mut::<Rgba<u8>>().unwrap();
        imageops::flip_vertical_in_place(&mut target);
    }
    let p = pattern(2, 0).0;
    assert_eq!(
        ours.as_view().get(2, 3),
        Some(Rgba8 {
            r: p[0],
            g: p[1],
            b: p[2],
            a: p[3]
        })
    );

    // Strided views: as_image_buffer needs packed rows; to_image_buffer copies.
    let cropped = ours.as_view().crop(1, 1, 3, 2).unwrap();
    assert!(matches!(
        cropped.as_image_buffer::<Rgba<u8>>(),
        Err(InteropError::RowsNotPacked {
            pixel_stride: 4,
            row_stride: 24,
            packed_row: 12
        })
    ));
    let copy = cropped
        .flip_vertical()
        .to_image_buffer::<Rgba<u8>>()
        .unwrap();
    for (x, y, pixel) in copy.enumerate_pixels() {
        let ours = cropped.flip_vertical().get(x as usize, y as usize).unwrap();
        assert_eq!(pixel.0, [ours.r, ours.g, ours.b, ours.a]);
    }
    // A band of whole rows is packed.
    let band = ours.as_view().crop(0, 1, 6, 2).unwrap();
    assert_eq!(
        band.as_image_buffer::<Rgba<u8>>().unwrap().dimensions(),
        (6, 2)
    );

    // An owned copy from an ImageBuffer, 64-byte aligned.
    let buffer = ImageBuffer::from_fn(3, 3, pattern);
    let owned = ImageBuf::<Rgba8>::from_image_buffer(&buffer).unwrap();
    assert_eq!(owned.as_bytes().as_ptr() as usize % 64, 0);
    assert_eq!(owned.as_view().get(2, 1).unwrap().b, pattern(2, 1).0[2]);
}

#[test]
fn padded_rows_go_through_flat_samples() {
    // 5x3 RGB16 with 64-byte rows (a GPU pitch): not packed, but FlatSamples
    // carries the pitch.
    let mut image = ImageBuf::<Rgb16>::with_row_alignment(5, 3, 64).unwrap();
    image.as_view_mut().update(|_| Rgb16 {
        red: 1,
        green: 2,
        blue: 3,
    });
    image
        .as_view_mut()
        .set(
            4,
            2,
            Rgb16 {
                red: 100,
                green: 200,
                blue: 300,
            },
        )
        .unwrap();
    let flat = image.as_view().as_flat_samples::<u16>().unwrap();
    assert_eq!(
        (
            flat.layout.width_stride,
            flat.layout.height_stride,
            flat.layout.channels
        ),
        (3, 32, 3)
    );
    assert_eq!(flat.color_hint, Some(ColorType::Rgb16));
    assert_eq!(flat.get_sample(2, 4, 2), Some(&300));
    let as_image = flat.as_view::<Rgb<u16>>().unwrap();
    assert_eq!(as_image.get_pixel(4, 2), Rgb([100, 200, 300]));

    // And back: FlatSamples with any forward strides become a typed view.
    let back = ImageView::<Rgb16>::from_flat_samples(flat).unwrap();
    assert!(back == image.as_view());

    // A transposed view is a FlatSamples with swapped strides.
    let transposed = image.as_view().transpose();
    let flat = transposed.as_flat_samples::<u16>().unwrap();
    assert_eq!(
        (flat.layout.width_stride, flat.layout.height_stride),
        (32, 3)
    );
    assert_eq!(flat.get_sample(0, 2, 4), Some(&100));

    // A plane of a shared view: one channel, 3 samples apart.
    let green = image.as_view().planes().green;
    let flat = green.as_flat_samples::<u16>().unwrap();
    assert_eq!((flat.layout.channels, flat.layout.width_stride), (1, 3));
    assert_eq!(flat.get_sample(0, 4, 2), Some(&200));

    // Negative strides cannot be described.
    let err = image
        .as_view()
        .flip_vertical()
        .as_flat_samples::<u16>()
        .unwrap_err();
    assert_eq!(
        err,
        InteropError::NegativeStride {
            axis: "row",
            stride: -64
        }
    );

    // Writing through FlatSamples of a mutable view.
    let mut view = image.as_view_mut();
    let mut flat = view.as_flat_samples_mut::<u16>().unwrap();
    *flat.get_mut_sample(1, 0, 0).unwrap() = 77;
    assert_eq!(image.as_view().get(0, 0).unwrap().green, 77);
}

#[test]
fn parts_of_split_images_cannot_lend_their_span() {
    let mut image = ImageBuf::<Rgba8>::new(4, 4).unwrap();
    let (mut left, _right) = image.as_view_mut().split_at_column(2).unwrap();
    // The left half's rows are interleaved with the right half's pixels,
    // which another view may be writing: no slice may cover them.
    assert_eq!(
        left.as_flat_samples_mut::<u8>().unwrap_err(),
        InteropError::SpanNotBorrowed
    );
    // Copying works for any view.
    assert!(left.as_view().to_image_buffer::<Rgba<u8>>().is_ok());
    let mut whole = image.as_view_mut();
    let planes = whole.planes_mut();
    assert_eq!(
        planes.r.as_view().as_flat_samples::<u8>().unwrap_err(),
        InteropError::SpanNotBorrowed
    );
}

#[test]
fn flat_samples_from_image_are_checked() {
    let samples = [0u8; 64];
    let planar = FlatSamples {
        samples: &samples[..],
        layout: SampleLayout {
            channels: 4,
            channel_stride: 16,
            width: 4,
            width_stride: 1,
            height: 1,
            height_stride: 4,
        },
        color_hint: None,
    };
    assert_eq!(
        ImageView::<Rgba8>::from_flat_samples(planar).unwrap_err(),
        InteropError::ChannelsNotAdjacent { channel_stride: 16 }
    );
    let too_long = FlatSamples {
        samples: &samples[..],
        layout: SampleLayout::row_major_packed(4, 5, 4),
        color_hint: Some(ColorType::Rgba8),
    };
    assert!(matches!(
        ImageView::<Rgba8>::from_flat_samples(too_long),
        Err(InteropError::View(ViewError::OutOfBounds {
            needed: 80,
            available: 64
        }))
    ));
    let bgra_hint = FlatSamples {
        samples: &samples[..],
        layout: SampleLayout::row_major_packed(4, 4, 4),
        color_hint: Some(ColorType::Rgba8),
    };
    assert!(matches!(
        ImageView::<Bgra8>::from_flat_samples(bgra_hint),
        Err(InteropError::ChannelOrder { .. })
    ));
}

#[test]
fn convert_then_hand_to_image() {
    // The common path: BGRA memory (a camera, a surface) -> RGBA ImageBuffer
    // memory, converted in place by name, then used by image.
    let source = vec![
        Bgra8 {
            b: 1,
            g: 2,
            r: 3,
            a: 4
        };
        12
    ];
    let mut target = ImageBuffer::<Rgba<u8>, Vec<u8>>::new(4, 3);
    convert(
        &ImageView::from_slice(&source, 4, 3).unwrap(),
        &mut ImageViewMut::<Rgba8>::from_image_buffer_mut(&mut target).unwrap(),
    )
    .unwrap();
    assert!(target.pixels().all(|p| p.0 == [3, 2, 1, 4]));
}

proptest! {
    /// Any accepted view of 2-byte pixels: it converts to FlatSamples
    /// exactly when its strides are forward and whole samples, and then
    /// every sample is the byte the view reads.
    #[test]
    fn flat_samples_match_the_view(
        width in 0usize..6,
        height in 0usize..6,
        start in 0usize..48,
        x_stride in -10isize..12,
        y_stride in -40isize..40,
        buf_len in 0usize..200,
    ) {
        let mut buf = RecordBuf::<u8>::zeroed(buf_len).unwrap();
        for (i, b) in buf.as_mut_slice().iter_mut().enumerate() {
            *b = (i * 13 % 251) as u8;
        }
        let Ok(view) = ImageView::<[u8; 2]>::from_bytes_strided(
            buf.as_bytes(), start, width, height, x_stride, y_stride,
        ) else {
            return Ok(());
        };
        match view.as_flat_samples::<u8>() {
            Ok(flat) => {
                for y in 0..height {
                    for x in 0..width {
                        let pixel = view.get(x, y).unwrap();
                        for c in 0..2u8 {
                            prop_assert_eq!(
                                flat.get_sample(c, x as u32, y as u32),
                                Some(&pixel[usize::from(c)])
                            );
                        }
                    }
                }
            }
            Err(InteropError::NegativeStride { stride, .. }) => prop_assert!(stride < 0),
            Err(other) => prop_assert!(false, "unexpected {:?}", other),
        }
    }
}

/// The channel rule: a pixel type whose names say nothing is taken by
/// position; any other must name the image's channels in its order, and a
/// padding field never matches (image's models have no unused channel).
/// Checked in every direction: views of ImageBuffers, ImageBuffers of
/// views, copies, and the FlatSamples color hint.
#[test]
fn channel_names_must_match_the_image_model() {
    use typed_layout::pixels::{Bgrx8, GrayAlpha8, Rgbx8};

    #[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
    #[repr(C)]
    struct BgrPad {
        blue: u8,
        green: u8,
        red: u8,
        _pad: u8,
    }
    #[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
    #[repr(C)]
    struct RgbExtra {
        r: u8,
        g: u8,
        b: u8,
        extra: u8,
    }
    #[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
    #[repr(C)]
    struct Rga {
        r: u8,
        g: u8,
        a: u8,
    }
    #[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
    #[repr(C)]
    struct Quad {
        c0: u8,
        c1: u8,
        c2: u8,
        c3: u8,
    }

    fn refused<P: PixelLayout>(result: Result<impl Sized, InteropError>, model: &str) {
        match result {
            Err(InteropError::ChannelOrder {
                pixel,
                model: found,
            }) => {
                assert_eq!(pixel, &P::LAYOUT);
                assert_eq!(found, model);
            }
            Err(other) => panic!("expected ChannelOrder, got {other}"),
            Ok(_) => panic!("`{}` over {model} was accepted", P::LAYOUT.name),
        }
    }

    let rgba: ImageBuffer<Rgba<u8>, Vec<u8>> =
        ImageBuffer::from_fn(2, 1, |x, _| Rgba([10 + x as u8, 20, 30, 255]));
    let rgb: ImageBuffer<Rgb<u8>, Vec<u8>> = ImageBuffer::from_pixel(2, 1, Rgb([1, 2, 3]));
    refused::<Bgrx8>(ImageView::<Bgrx8>::from_image_buffer(&rgba), "RGBA");
    refused::<Rgbx8>(ImageView::<Rgbx8>::from_image_buffer(&rgba), "RGBA");
    refused::<BgrPad>(ImageView::<BgrPad>::from_image_buffer(&rgba), "RGBA");
    refused::<RgbExtra>(ImageView::<RgbExtra>::from_image_buffer(&rgba), "RGBA");
    refused::<Rga>(ImageView::<Rga>::from_image_buffer(&rgb), "RGB");
    let mut owned = rgba.clone();
    refused::<Bgrx8>(
        ImageViewMut::<Bgrx8>::from_image_buffer_mut(&mut owned),
        "RGBA",
    );
    refused::<Bgrx8>(ImageBuf::<Bgrx8>::from_image_buffer(&rgba), "RGBA");

    // Our pixels into image's: the same rule.
    let bgrx = [Bgrx8 {
        b: 1,
        g: 2,
        r: 3,
        _x: 0,
    }; 2];
    let view = ImageView::from_slice(&bgrx, 2, 1).unwrap();
    refused::<Bgrx8>(view.to_image_buffer::<Rgba<u8>>(), "RGBA");
    refused::<Bgrx8>(view.as_image_buffer::<Rgba<u8>>(), "RGBA");
    let flat = FlatSamples {
        samples: &rgba.as_raw()[..],
        layout: rgba.sample_layout(),
        color_hint: Some(ColorType::Rgba8),
    };
    refused::<Bgrx8>(ImageView::<Bgrx8>::from_flat_samples(flat), "RGBA");
    // No color hint for a type with padding: image is not told it is RGBA.
    assert_eq!(view.as_flat_samples::<u8>().unwrap().color_hint, None);

    // Names that say nothing are taken by position, as are arrays.
    let quad = ImageView::<Quad>::from_image_buffer(&rgba).unwrap();
    assert_eq!(
        quad.get(1, 0),
        Some(Quad {
            c0: 11,
            c1: 20,
            c2: 30,
            c3: 255
        })
    );
    assert_eq!(
        ImageView::<[u8; 4]>::from_image_buffer(&rgba)
            .unwrap()
            .get(0, 0),
        Some([10, 20, 30, 255])
    );
    // Names in image's order are accepted, `v` included as luma.
    let gray: ImageBuffer<typed_layout::ext::image::LumaA<u8>, Vec<u8>> =
        ImageBuffer::from_pixel(1, 1, typed_layout::ext::image::LumaA([9, 200]));
    assert_eq!(
        ImageView::<GrayAlpha8>::from_image_buffer(&gray)
            .unwrap()
            .get(0, 0),
        Some(GrayAlpha8 { v: 9, a: 200 })
    );
    let message = ImageView::<Bgrx8>::from_image_buffer(&rgba)
        .unwrap_err()
        .to_string();
    assert!(
        message.starts_with("`Bgrx8` stores channels as b, g, r, _x but the image stores RGBA"),
        "{message}"
    );
}

/// Zero-sized sample types are refused with a typed error everywhere image
/// counts in samples (they used to divide by zero).
#[test]
fn zero_sized_samples_are_refused() {
    let bytes = [0u8; 16];
    let view = ImageView::<[u8; 0]>::from_bytes_strided(&bytes, 0, 2, 2, 1, 3).unwrap();
    let error = view.as_flat_samples::<[u8; 0]>().unwrap_err();
    assert_eq!(error, InteropError::ZeroSizedSample { sample: "[u8; 0]" });
    assert!(
        error.to_string().starts_with("`[u8; 0]` is zero-sized"),
        "{error}"
    );
    let mut bytes = [0u8; 16];
    let mut view =
        ImageViewMut::<[u8; 0]>::from_bytes_strided_mut(&mut bytes, 0, 2, 2, 1, 3).unwrap();
    assert!(matches!(
        view.as_flat_samples_mut::<[u8; 0]>(),
        Err(InteropError::ZeroSizedSample { .. })
    ));
    let samples = [[0u8; 0]; 4];
    let flat = FlatSamples {
        samples: &samples[..],
        layout: SampleLayout {
            channels: 1,
            channel_stride: 1,
            width: 2,
            width_stride: 1,
            height: 2,
            height_stride: 2,
        },
        color_hint: None,
    };
    assert!(matches!(
        ImageView::<[u8; 0]>::from_flat_samples(flat),
        Err(InteropError::ZeroSizedSample { .. })
    ));
    // A stride of zero-sized elements is never a whole number of them, and
    // the message says so without dividing by zero.
    let error = InteropError::StrideNotWholeElements {
        stride: 3,
        elem_size: 0,
    };
    assert!(
        error
            .to_string()
            .starts_with("stride of 3 bytes is not a whole number of 0-byte elements,"),
        "{error}"
    );
}

/// A `FlatSamples` stride that is more than `isize::MAX` bytes is reported
/// as that stride, with its true numbers (not as a too-large image).
#[test]
fn flat_strides_too_large_name_the_stride() {
    let bytes = [0u8; 64];
    let layout = SampleLayout {
        channels: 4,
        channel_stride: 1,
        width: 2,
        width_stride: 4,
        height: 3,
        height_stride: usize::MAX,
    };
    let flat = FlatSamples {
        samples: &bytes[..],
        layout,
        color_hint: None,
    };
    let error = ImageView::<Rgba8>::from_flat_samples(flat).unwrap_err();
    assert_eq!(
        error,
        InteropError::StrideTooLarge {
            axis: "row",
            stride: usize::MAX,
            sample_size: 1
        }
    );
    let wide = [0u16; 8];
    let layout = SampleLayout {
        channels: 1,
        channel_stride: 1,
        width: 2,
        width_stride: usize::MAX / 2 + 1,
        height: 1,
        height_stride: 2,
    };
    let flat = FlatSamples {
        samples: &wide[..],
        layout,
        color_hint: None,
    };
    let error = ImageView::<u16>::from_flat_samples(flat).unwrap_err();
    assert_eq!(
        error,
        InteropError::StrideTooLarge {
            axis: "pixel",
            stride: usize::MAX / 2 + 1,
            sample_size: 2
        }
    );
    assert!(
        error
            .to_string()
            .contains(&format!("{} samples of 2 bytes", usize::MAX / 2 + 1)),
        "{error}"
    );
}
