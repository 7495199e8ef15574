//! The `fast_image_resize` feature: a typed view as a resize source, rows
//! lent in place. Oracles: `fast_image_resize` itself on a packed copy of
//! the same pixels (the result must be identical byte for byte), and the
//! arithmetic 2x2 box average (within rounding).
//! `cargo test --features fast_image_resize --test with_fast_image_resize`.
#![cfg(feature = "fast_image_resize")]
#![forbid(unsafe_code)]

use fast_image_resize::images::Image;
use fast_image_resize::{
    FilterType, ImageError, IntoImageView, PixelType, ResizeAlg, ResizeError, ResizeOptions,
    Resizer,
};
use proptest::prelude::*;
use typed_layout::ext::fast_image_resize;
use typed_layout::pixels::{Bgra8, Gray16, Rgb8, Rgba32F};
use typed_layout::{ImageView, PixelLayout, RecordBuf};

fn box_filter() -> ResizeOptions {
    ResizeOptions::new()
        .resize_alg(ResizeAlg::Convolution(FilterType::Box))
        .use_alpha(false)
}

/// Resizes `source` to `width x height` pixels of `pixel_type` and returns
/// the packed result bytes.
fn resize(
    source: &impl IntoImageView,
    (width, height): (u32, u32),
    pixel_type: PixelType,
) -> Result<Vec<u8>, ResizeError> {
    let mut target = Image::new(width, height, pixel_type);
    Resizer::new().resize(source, &mut target, &box_filter())?;
    Ok(target.into_vec())
}

/// The pixels of `view`, packed row after row, as `fast_image_resize`'s
/// own image: the copy the view spares.
fn packed_copy<P: PixelLayout>(view: &ImageView<'_, P>, pixel_type: PixelType) -> Image<'static> {
    let mut packed = RecordBuf::<P>::zeroed(view.width() * view.height()).expect("fits");
    for (to, from) in packed.as_mut_slice().iter_mut().zip(view.pixels()) {
        *to = from;
    }
    let bytes = packed.as_bytes().to_vec();
    Image::from_vec_u8(view.width() as u32, view.height() as u32, bytes, pixel_type).expect("size")
}

/// Random bytes for an image with `pad` bytes after each row, in a buffer
/// aligned for any pixel type; returns (bytes, width, height, pitch).
fn surface(
    pixel: usize,
    max: usize,
) -> impl Strategy<Value = (RecordBuf<u8>, usize, usize, usize)> {
    (1..max, 1..max, 0..3usize).prop_flat_map(move |(w, h, pad)| {
        let (width, height) = (2 * w, 2 * h);
        let pitch = width * pixel + pad * 16;
        proptest::collection::vec(any::<u8>(), pitch * height).prop_map(move |bytes| {
            let mut buf = RecordBuf::<u8>::zeroed(bytes.len()).unwrap();
            buf.as_mut_slice().copy_from_slice(&bytes);
            (buf, width, height, pitch)
        })
    })
}

proptest! {
    #[test]
    fn padded_bgra_resizes_like_a_packed_copy((bytes, width, height, pitch) in surface(4, 24)) {
        let view = ImageView::<Bgra8>::from_bytes(bytes.as_slice(), width, height, pitch).unwrap();
        prop_assert_eq!(IntoImageView::pixel_type(&view), Some(PixelType::U8x4));
        let half = ((width / 2) as u32, (height / 2) as u32);
        let in_place = resize(&view, half, PixelType::U8x4).unwrap();
        let copied = resize(&packed_copy(&view, PixelType::U8x4), half, PixelType::U8x4).unwrap();
        prop_assert_eq!(&in_place, &copied);
        // And it is the 2x2 box average, up to rounding.
        for y in 0..height / 2 {
            for x in 0..width / 2 {
                for c in 0..4 {
                    let at = |dx: usize, dy: usize| {
                        u32::from(bytes.as_slice()[(2 * y + dy) * pitch + (2 * x + dx) * 4 + c])
                    };
                    let mean = f64::from(at(0, 0) + at(1, 0) + at(0, 1) + at(1, 1)) / 4.0;
                    let got = f64::from(in_place[(y * (width / 2) + x) * 4 + c]);
                    prop_assert!((got - mean).abs() <= 1.0, "({}, {}) channel {}: {} vs {}", x, y, c, got, mean);
                }
            }
        }
    }

    #[test]
    fn bottom_up_and_cropped_views_resize_like_their_copies((bytes, width, height, pitch) in surface(3, 16)) {
        let view = ImageView::<Rgb8>::from_bytes(bytes.as_slice(), width, height, pitch).unwrap();
        let crop = view.crop(width / 2, 1, width / 2, height - 1).unwrap();
        for view in [view.flip_vertical(), crop, crop.flip_vertical()] {
            let half = ((view.width() / 2).max(1) as u32, (view.height() / 2).max(1) as u32);
            let in_place = resize(&view, half, PixelType::U8x3).unwrap();
            let copied = resize(&packed_copy(&view, PixelType::U8x3), half, PixelType::U8x3).unwrap();
            prop_assert_eq!(in_place, copied);
        }
    }

    #[test]
    fn sixteen_bit_and_float_pixels_resize_like_copies(
        (bytes, width, height, pitch) in surface(16, 12),
    ) {
        let half = ((width / 2) as u32, (height / 2) as u32);
        let hdr = ImageView::<Rgba32F>::from_bytes(bytes.as_slice(), width, height, pitch).unwrap();
        let in_place = resize(&hdr, half, PixelType::F32x4).unwrap();
        let copied = resize(&packed_copy(&hdr, PixelType::F32x4), half, PixelType::F32x4).unwrap();
        // Compare the bits: NaN payloads from random bytes are not equal as floats.
        prop_assert_eq!(in_place, copied);
        let depth = ImageView::<Gray16>::from_bytes(bytes.as_slice(), width * 8, height, pitch).unwrap();
        let half = ((width * 4) as u32, (height / 2) as u32);
        let in_place = resize(&depth, half, PixelType::U16).unwrap();
        let copied = resize(&packed_copy(&depth, PixelType::U16), half, PixelType::U16).unwrap();
        prop_assert_eq!(in_place, copied);
    }
}

#[test]
fn views_without_slice_rows_are_refused() {
    let bytes = vec![7u8; 16 * 16 * 4];
    let view = ImageView::<Bgra8>::from_bytes(&bytes, 16, 16, 64).unwrap();
    // Transposed, horizontally flipped and stepped rows are not slices, nor
    // are the rows of a plane (u8 pixels 4 bytes apart): no pixel type, so
    // fast_image_resize reports them as unsupported.
    let red = view.planes().r;
    assert_eq!(IntoImageView::pixel_type(&red), None);
    let refused = [
        resize(&view.transpose(), (4, 4), PixelType::U8x4),
        resize(&view.flip_horizontal(), (4, 4), PixelType::U8x4),
        resize(&view.step(2, 1).unwrap(), (4, 4), PixelType::U8x4),
        resize(&red, (4, 4), PixelType::U8),
    ];
    for result in refused {
        assert!(
            matches!(
                result,
                Err(ResizeError::ImageError(ImageError::UnsupportedPixelType))
            ),
            "{result:?}"
        );
    }
    // The same view with slice rows is accepted.
    assert_eq!(IntoImageView::pixel_type(&view), Some(PixelType::U8x4));
    assert!(resize(&view, (4, 4), PixelType::U8x4).is_ok());
    // Pixel types without a counterpart have no pixel type at all.
    let odd = ImageView::<[u8; 5]>::from_bytes(&bytes[..5 * 4], 2, 2, 10).unwrap();
    assert_eq!(IntoImageView::pixel_type(&odd), None);
}

/// The alpha rule: fast_image_resize reads 2 and 4 components with the
/// alpha last and by default multiplies the others by it. Pixel types whose
/// names say the last component is not the alpha are refused (a typed
/// error says why; `resize` reports them unsupported); names that say
/// nothing keep fast_image_resize's reading; an alpha last resizes with
/// alpha handling, as a packed copy does.
#[test]
fn pixel_types_are_refused_when_the_alpha_is_not_last() {
    use typed_layout::pixels::{Bgrx8, GrayAlpha8, Rgbx8};
    use typed_layout::InteropError;

    #[derive(Clone, Copy, PixelLayout)]
    #[repr(C)]
    struct Argb8 {
        a: u8,
        r: u8,
        g: u8,
        b: u8,
    }
    #[derive(Clone, Copy, PixelLayout)]
    #[repr(C)]
    struct RedGreen {
        r: u16,
        g: u16,
    }
    #[derive(Clone, Copy, PixelLayout)]
    #[repr(C)]
    struct Quad {
        c0: u8,
        c1: u8,
        c2: u8,
        c3: u8,
    }
    #[derive(Clone, Copy, PixelLayout)]
    #[repr(C)]
    struct RgbPad {
        r: u8,
        g: u8,
        _pad: u8,
    }

    fn refused<P: PixelLayout + Sync>(pixel: P, pixel_type: PixelType) {
        let pixels = vec![pixel; 16 * 16];
        let view = ImageView::from_slice(&pixels, 16, 16).unwrap();
        assert_eq!(
            view.fast_image_resize_pixel_type(),
            Err(InteropError::AlphaNotLast { pixel: &P::LAYOUT })
        );
        assert_eq!(IntoImageView::pixel_type(&view), None);
        let mut target = Image::new(8, 8, pixel_type);
        let result = Resizer::new().resize(&view, &mut target, &ResizeOptions::new());
        assert!(
            matches!(
                result,
                Err(ResizeError::ImageError(ImageError::UnsupportedPixelType))
            ),
            "{result:?}"
        );
    }
    refused(
        Bgrx8 {
            b: 200,
            g: 100,
            r: 50,
            _x: 0,
        },
        PixelType::U8x4,
    );
    refused(
        Rgbx8 {
            r: 200,
            g: 100,
            b: 50,
            _x: 0,
        },
        PixelType::U8x4,
    );
    refused(
        Argb8 {
            a: 255,
            r: 10,
            g: 20,
            b: 0,
        },
        PixelType::U8x4,
    );
    refused(RedGreen { r: 1, g: 2 }, PixelType::U16x2);
    let message = ImageView::from_slice(&[Bgrx8::default()], 1, 1)
        .unwrap()
        .fast_image_resize_pixel_type()
        .unwrap_err()
        .to_string();
    assert!(message.contains("but `_x` is padding"), "{message}");
    assert!(message.contains("use_alpha(false)"), "{message}");

    // Accepted: the alpha last (resized with alpha handling by default,
    // exactly as fast_image_resize resizes its own packed copy), names that
    // say nothing, and 3 components whatever their names.
    let gray = vec![GrayAlpha8 { v: 90, a: 128 }; 16 * 16];
    let view = ImageView::from_slice(&gray, 16, 16).unwrap();
    assert_eq!(view.fast_image_resize_pixel_type(), Ok(PixelType::U8x2));
    let mut in_place = Image::new(8, 8, PixelType::U8x2);
    Resizer::new()
        .resize(&view, &mut in_place, &ResizeOptions::new())
        .unwrap();
    let mut copied = Image::new(8, 8, PixelType::U8x2);
    let source = packed_copy(&view, PixelType::U8x2);
    Resizer::new()
        .resize(&source, &mut copied, &ResizeOptions::new())
        .unwrap();
    assert_eq!(in_place.buffer(), copied.buffer());
    let quad = vec![
        Quad {
            c0: 1,
            c1: 2,
            c2: 3,
            c3: 4
        };
        4
    ];
    let view = ImageView::from_slice(&quad, 2, 2).unwrap();
    assert_eq!(view.fast_image_resize_pixel_type(), Ok(PixelType::U8x4));
    let padded = vec![
        RgbPad {
            r: 1,
            g: 2,
            _pad: 0
        };
        4
    ];
    let view = ImageView::from_slice(&padded, 2, 2).unwrap();
    assert_eq!(view.fast_image_resize_pixel_type(), Ok(PixelType::U8x3));

    // The documented way for padded pixels: the same bytes as arrays,
    // resized without alpha handling, keep their values.
    let bgrx = vec![
        Bgrx8 {
            b: 200,
            g: 100,
            r: 50,
            _x: 0
        };
        16 * 16
    ];
    let bytes: Vec<u8> = bgrx.iter().flat_map(|p| [p.b, p.g, p.r, p._x]).collect();
    let arrays = ImageView::<[u8; 4]>::from_bytes(&bytes, 16, 16, 64).unwrap();
    let mut target = Image::new(8, 8, PixelType::U8x4);
    Resizer::new()
        .resize(&arrays, &mut target, &box_filter())
        .unwrap();
    assert_eq!(&target.buffer()[..4], &[200, 100, 50, 0]);
}

/// Every refusal has a typed reason with its numbers: a flipped row (its
/// pixel stride is negative), pixels not adjacent, a pixel type without a
/// counterpart; copying into an ImageBuf gives an accepted source.
#[test]
fn refusals_say_why() {
    use typed_layout::{ImageBuf, InteropError};

    let bytes = vec![7u8; 16 * 16 * 4];
    let view = ImageView::<Bgra8>::from_bytes(&bytes, 16, 16, 64).unwrap();
    let flipped = view.flip_horizontal();
    assert_eq!(
        flipped.fast_image_resize_pixel_type(),
        Err(InteropError::NegativeStride {
            axis: "pixel",
            stride: -4
        })
    );
    let message = flipped
        .fast_image_resize_pixel_type()
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("pixel stride is -4 bytes") && message.contains("ImageBuf"),
        "{message}"
    );
    let mut copy = ImageBuf::<Bgra8>::new(16, 16).unwrap();
    copy.as_view_mut().copy_from(&flipped).unwrap();
    assert_eq!(
        copy.as_view().fast_image_resize_pixel_type(),
        Ok(PixelType::U8x4)
    );
    assert!(resize(&copy.as_view(), (4, 4), PixelType::U8x4).is_ok());

    assert_eq!(
        view.step(2, 1).unwrap().fast_image_resize_pixel_type(),
        Err(InteropError::PixelsNotAdjacent {
            pixel_stride: 8,
            pixel_size: 4
        })
    );
    assert_eq!(
        view.transpose().fast_image_resize_pixel_type(),
        Err(InteropError::PixelsNotAdjacent {
            pixel_stride: 64,
            pixel_size: 4
        })
    );
    assert_eq!(
        view.planes().r.fast_image_resize_pixel_type(),
        Err(InteropError::PixelsNotAdjacent {
            pixel_stride: 4,
            pixel_size: 1
        })
    );
    // One column: its pixel stride is never used, so a flip is fine.
    let column = view.crop(3, 0, 1, 16).unwrap().flip_horizontal();
    assert_eq!(column.fast_image_resize_pixel_type(), Ok(PixelType::U8x4));
    let odd = ImageView::<[u8; 5]>::from_bytes(&bytes[..5 * 4], 2, 2, 10).unwrap();
    assert_eq!(
        odd.fast_image_resize_pixel_type(),
        Err(InteropError::UnsupportedPixel {
            type_name: "[u8; 5]"
        })
    );
    // Misaligned rows: u16 pixels starting at an odd address.
    let words = RecordBuf::<u16>::zeroed(64).unwrap();
    let unaligned =
        ImageView::<u16>::from_bytes_strided(&words.as_bytes()[1..], 0, 4, 4, 2, 16).unwrap();
    assert!(matches!(
        unaligned.fast_image_resize_pixel_type(),
        Err(InteropError::View(typed_layout::ViewError::Misaligned {
            required: 2,
            address_remainder: 1,
            ..
        }))
    ));
}
