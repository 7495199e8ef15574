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
