//! Image views, planes, conversion, windows and row tables against slow
//! oracles that work on bytes and coordinates.
#![forbid(unsafe_code)]

use proptest::prelude::*;
use typed_layout::{
    convert, convert_with, ImageBuf, ImageView, ImageViewMut, PixelLayout, RecordBuf, Row,
    RowTable, ViewError,
};

#[path = "support/types.rs"]
mod types;
use types::{Bgra8, Bgra8PlanesMut, Rgb8, Rgba8};

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
struct Rgbx8 {
    r: u8,
    g: u8,
    b: u8,
    _x: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
struct Gray16 {
    value: u16,
}

fn filled(len: usize) -> RecordBuf<u8> {
    let mut buf = RecordBuf::<u8>::zeroed(len).unwrap();
    for (i, byte) in buf.as_mut_slice().iter_mut().enumerate() {
        *byte = (i * 7 % 253) as u8;
    }
    buf
}

/// Oracle: the byte offset of every pixel in row-major order, or `None` if
/// any pixel's bytes leave `0..buf_len`.
fn pixel_offsets(
    buf_len: usize,
    start: usize,
    (width, height): (usize, usize),
    (x_stride, y_stride): (isize, isize),
    size: usize,
) -> Option<Vec<usize>> {
    if start > buf_len {
        return None;
    }
    let mut offsets = Vec::new();
    for y in 0..height {
        for x in 0..width {
            let at = start as i128 + x as i128 * x_stride as i128 + y as i128 * y_stride as i128;
            if at < 0 || at + size as i128 > buf_len as i128 {
                return None;
            }
            offsets.push(at as usize);
        }
    }
    Some(offsets)
}

fn read_u16(bytes: &[u8], at: usize) -> u16 {
    u16::from_ne_bytes([bytes[at], bytes[at + 1]])
}

proptest! {
    #[test]
    fn accepted_images_reach_only_in_bounds_bytes(
        (buf_len, start) in (0usize..400).prop_flat_map(|len| (Just(len), 0..=len + 8)),
        width in 0usize..12,
        height in 0usize..12,
        x_stride in prop_oneof![-8isize..8, -24isize..24],
        y_stride in prop_oneof![-40isize..40, -120isize..120],
    ) {
        let buf = filled(buf_len);
        let bytes = buf.as_bytes();
        let oracle = pixel_offsets(buf_len, start, (width, height), (x_stride, y_stride), 2);
        match ImageView::<Gray16>::from_bytes_strided(bytes, start, width, height, x_stride, y_stride) {
            Ok(image) => {
                let offsets = oracle.expect("accepted image must be in bounds");
                let got: Vec<u16> = image.pixels().map(|p| p.value).collect();
                let want: Vec<u16> = offsets.iter().map(|&at| read_u16(bytes, at)).collect();
                prop_assert_eq!(got, want);
                for y in 0..height {
                    for x in 0..width {
                        prop_assert_eq!(image.get(x, y).map(|p| p.value), Some(read_u16(bytes, offsets[y * width + x])));
                    }
                }
                prop_assert_eq!(image.get(width, 0), None);
                prop_assert_eq!(image.get(0, height), None);
            }
            Err(ViewError::OutOfBounds { needed, available }) => {
                prop_assert!(oracle.is_none());
                prop_assert!(needed > available as u128);
            }
            Err(ViewError::BeforeStart { .. }) => prop_assert!(oracle.is_none()),
            Err(other) => prop_assert!(false, "unexpected error {other}"),
        }
    }

    #[test]
    fn mutable_images_never_alias(
        (buf_len, start) in (0usize..300).prop_flat_map(|len| (Just(len), 0..=len + 4)),
        width in 0usize..8,
        height in 0usize..8,
        x_stride in -10isize..10,
        y_stride in -40isize..40,
    ) {
        let mut buf = filled(buf_len);
        let before = buf.as_bytes().to_vec();
        let oracle = pixel_offsets(buf_len, start, (width, height), (x_stride, y_stride), 2);
        let disjoint = oracle.as_ref().map(|offsets| {
            let mut owner = vec![usize::MAX; buf_len];
            offsets.iter().enumerate().all(|(i, &at)| {
                (at..at + 2).all(|b| std::mem::replace(&mut owner[b], i) == usize::MAX)
            })
        });
        match ImageViewMut::<Gray16>::from_bytes_strided_mut(buf.as_bytes_mut(), start, width, height, x_stride, y_stride) {
            Ok(mut image) => {
                prop_assert_eq!(disjoint, Some(true));
                for y in 0..height {
                    for x in 0..width {
                        image.set(x, y, Gray16 { value: (y * width + x) as u16 }).unwrap();
                    }
                }
                let offsets = oracle.unwrap();
                let after = buf.as_bytes();
                for (i, &at) in offsets.iter().enumerate() {
                    prop_assert_eq!(read_u16(after, at), i as u16);
                }
                for b in 0..buf_len {
                    if !offsets.iter().any(|&at| (at..at + 2).contains(&b)) {
                        prop_assert_eq!(after[b], before[b]);
                    }
                }
            }
            Err(ViewError::Aliasing { .. }) => prop_assert_eq!(disjoint, Some(false)),
            Err(ViewError::OutOfBounds { .. } | ViewError::BeforeStart { .. }) => prop_assert!(oracle.is_none()),
            Err(other) => prop_assert!(false, "unexpected error {other}"),
        }
    }

    #[test]
    fn extreme_parameters_never_panic(
        start in any::<usize>(),
        width in any::<usize>(),
        height in prop_oneof![Just(0usize), Just(1), any::<usize>()],
        x_stride in any::<isize>(),
        y_stride in any::<isize>(),
        step in 1usize..4,
    ) {
        let mut buf = filled(256);
        if let Ok(image) = ImageView::<u32>::from_bytes_strided(buf.as_bytes(), start, width, height, x_stride, y_stride) {
            prop_assert!(width.saturating_mul(height) <= 256 || x_stride == 0 || y_stride == 0 || width == 0 || height == 0);
            let _ = image.step(step, step).map(|v| v.flip_horizontal().flip_vertical().transpose());
            let _ = image.crop(0, 0, width.min(2), height.min(2)).map(|c| c.get(0, 0));
        }
        if let Ok(mut image) = ImageViewMut::<u32>::from_bytes_strided_mut(buf.as_bytes_mut(), start, width, height, x_stride, y_stride) {
            let _ = image.step_mut(step, step).map(|mut v| v.fill(1));
        }
    }

    #[test]
    fn reshaping_matches_coordinate_oracle(
        width in 1usize..9,
        height in 1usize..9,
        pitch_pad in 0usize..5,
        cx in 0usize..9, cy in 0usize..9, cw in 0usize..9, ch in 0usize..9,
        sx in 1usize..4, sy in 1usize..4,
    ) {
        let pitch = width * 2 + pitch_pad;
        let buf = filled(pitch * height);
        let image = ImageView::<Gray16>::from_bytes(buf.as_bytes(), width, height, pitch).unwrap();
        let at = |x: usize, y: usize| image.get(x, y).unwrap();
        let flipped = image.flip_horizontal();
        let upside = image.flip_vertical();
        let transposed = image.transpose();
        prop_assert_eq!((transposed.width(), transposed.height()), (height, width));
        for y in 0..height {
            for x in 0..width {
                prop_assert_eq!(flipped.get(x, y), Some(at(width - 1 - x, y)));
                prop_assert_eq!(upside.get(x, y), Some(at(x, height - 1 - y)));
                prop_assert_eq!(transposed.get(y, x), Some(at(x, y)));
            }
        }
        match image.crop(cx, cy, cw, ch) {
            Ok(crop) => {
                prop_assert!(cx + cw <= width && cy + ch <= height);
                for y in 0..ch {
                    for x in 0..cw {
                        prop_assert_eq!(crop.get(x, y), Some(at(cx + x, cy + y)));
                    }
                }
            }
            Err(ViewError::IndexOutOfBounds { .. }) => prop_assert!(cx + cw > width || cy + ch > height),
            Err(other) => prop_assert!(false, "unexpected error {other}"),
        }
        let stepped = image.step(sx, sy).unwrap();
        prop_assert_eq!((stepped.width(), stepped.height()), (width.div_ceil(sx), height.div_ceil(sy)));
        for y in 0..stepped.height() {
            for x in 0..stepped.width() {
                prop_assert_eq!(stepped.get(x, y), Some(at(x * sx, y * sy)));
            }
        }
    }

    #[test]
    fn windows_are_every_sub_image(width in 0usize..7, height in 0usize..7, ww in 1usize..4, wh in 1usize..4) {
        let pixels: Vec<u8> = (0..(width * height) as u8).collect();
        let image = ImageView::from_slice(&pixels, width, height).unwrap();
        let windows: Vec<_> = image.windows(ww, wh).unwrap().collect();
        let across = (width + 1).saturating_sub(ww);
        let down = (height + 1).saturating_sub(wh);
        prop_assert_eq!(windows.len(), across * down);
        for (i, window) in windows.iter().enumerate() {
            let (x0, y0) = (i % across, i / across);
            for y in 0..wh {
                for x in 0..ww {
                    prop_assert_eq!(window.get(x, y), Some(pixels[(y0 + y) * width + x0 + x]));
                }
            }
        }
    }

    /// Array windows of any strided view (flipped, transposed, stepped,
    /// padded) hold the same pixels as the sub-image windows, in order.
    #[test]
    fn array_windows_match_sub_image_windows(
        width in 0usize..8,
        height in 0usize..8,
        pad in 0usize..3,
        flip in any::<bool>(),
        transpose in any::<bool>(),
    ) {
        let pitch = width * 2 + pad;
        let bytes: Vec<u8> = (0..pitch * height).map(|i| (i * 7 % 251) as u8).collect();
        // Odd pitches leave u16 pixels unaligned: fine, they are read by value.
        let mut image =
            ImageView::<u16>::from_bytes_strided(&bytes, 0, width, height, 2, pitch as isize).unwrap();
        if flip {
            image = image.flip_vertical();
        }
        if transpose {
            image = image.transpose();
        }
        fn check<const W: usize, const H: usize>(image: &ImageView<'_, u16>) -> Result<(), TestCaseError> {
            let arrays: Vec<[[u16; W]; H]> = image.array_windows::<W, H>().collect();
            let views: Vec<_> = image.windows(W, H).unwrap().collect();
            prop_assert_eq!(arrays.len(), views.len());
            prop_assert_eq!(image.array_windows::<W, H>().size_hint(), (arrays.len(), Some(arrays.len())));
            for (array, view) in arrays.iter().zip(&views) {
                for (y, row) in array.iter().enumerate() {
                    for (x, &pixel) in row.iter().enumerate() {
                        prop_assert_eq!(Some(pixel), view.get(x, y));
                    }
                }
            }
            Ok(())
        }
        check::<1, 1>(&image)?;
        check::<3, 3>(&image)?;
        check::<2, 4>(&image)?;
    }

    #[test]
    fn conversion_matches_channels_by_name(pixels in proptest::collection::vec(any::<[u8; 4]>(), 0..40), pad in 0usize..3) {
        let width = pixels.len().clamp(1, 5);
        let height = pixels.len() / width;
        let pixels = &pixels[..width * height];
        let source: Vec<Bgra8> = pixels.iter().map(|&[b, g, r, a]| Bgra8 { b, g, r, a }).collect();
        // Destination rows padded by `pad` pixels: a strided target.
        let pitch = (width + pad) * 4;
        let mut target_bytes = vec![0u8; pitch * height];
        let mut target = ImageViewMut::<Rgba8>::from_bytes_mut(&mut target_bytes, width, height, pitch).unwrap();
        convert(&ImageView::from_slice(&source, width, height).unwrap(), &mut target).unwrap();
        for y in 0..height {
            for x in 0..width {
                let s = source[y * width + x];
                prop_assert_eq!(target.get(x, y), Some(Rgba8 { r: s.r, g: s.g, b: s.b, a: s.a }));
            }
        }
        let mut packed = vec![Rgb8 { r: 0, g: 0, b: 0 }; width * height];
        let rgbx: Vec<Rgbx8> = pixels.iter().map(|&[r, g, b, x]| Rgbx8 { r, g, b, _x: x }).collect();
        convert(
            &ImageView::from_slice(&rgbx, width, height).unwrap().flip_vertical(),
            &mut ImageViewMut::from_slice_mut(&mut packed, width, height).unwrap(),
        ).unwrap();
        for y in 0..height {
            for x in 0..width {
                let s = rgbx[(height - 1 - y) * width + x];
                prop_assert_eq!(packed[y * width + x], Rgb8 { r: s.r, g: s.g, b: s.b });
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
struct Rgba16 {
    r: u16,
    g: u16,
    b: u16,
    a: u16,
}

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
struct Bgr16 {
    b: u16,
    g: u16,
    r: u16,
}

proptest! {
    /// Long rows take the SIMD shuffle path for most pixels and the scalar
    /// path for the tail; both must equal the per-pixel oracle.
    #[test]
    fn long_row_conversion_equals_per_pixel_oracle(bytes in proptest::collection::vec(any::<u8>(), 0..2048), width in 1usize..70) {
        let count = bytes.len() / 8 / width * width;
        let height = count / width;
        let bgra: Vec<Bgra8> = bytes.chunks_exact(4).take(count).map(|c| Bgra8 { b: c[0], g: c[1], r: c[2], a: c[3] }).collect();
        let bgra = &bgra[..count.min(bgra.len())];
        let mut rgba = vec![Rgba8 { r: 0, g: 0, b: 0, a: 0 }; bgra.len()];
        let mut rgb = vec![Rgb8 { r: 0, g: 0, b: 0 }; bgra.len()];
        let mut opaque = vec![Rgba8 { r: 0, g: 0, b: 0, a: 0 }; bgra.len()];
        let source = ImageView::from_slice(bgra, width, height).unwrap();
        convert(&source, &mut ImageViewMut::from_slice_mut(&mut rgba, width, height).unwrap()).unwrap();
        let as_rgbx: Vec<Rgbx8> = bgra.iter().map(|p| Rgbx8 { r: p.r, g: p.g, b: p.b, _x: p.a }).collect();
        convert(
            &ImageView::from_slice(&as_rgbx, width, height).unwrap(),
            &mut ImageViewMut::from_slice_mut(&mut rgb, width, height).unwrap(),
        ).unwrap();
        let fill = Rgba8 { r: 1, g: 2, b: 3, a: 255 };
        convert_with(
            &ImageView::from_slice(&rgb, width, height).unwrap(),
            &mut ImageViewMut::from_slice_mut(&mut opaque, width, height).unwrap(),
            fill,
        ).unwrap();
        for (i, p) in bgra.iter().enumerate() {
            prop_assert_eq!(rgba[i], Rgba8 { r: p.r, g: p.g, b: p.b, a: p.a });
            prop_assert_eq!(rgb[i], Rgb8 { r: p.r, g: p.g, b: p.b });
            prop_assert_eq!(opaque[i], Rgba8 { r: p.r, g: p.g, b: p.b, a: 255 });
        }
        // 16-bit channels, 8-byte source pixels to 6-byte targets.
        let wide: Vec<Rgba16> = bytes.chunks_exact(8).take(count).map(|c| Rgba16 {
            r: u16::from_ne_bytes([c[0], c[1]]), g: u16::from_ne_bytes([c[2], c[3]]),
            b: u16::from_ne_bytes([c[4], c[5]]), a: u16::from_ne_bytes([c[6], c[7]]),
        }).collect();
        let wide = &wide[..count.min(wide.len())];
        let height = wide.len() / width;
        let mut bgr = vec![Bgr16 { b: 0, g: 0, r: 0 }; width * height];
        convert(
            &ImageView::from_slice(&wide[..width * height], width, height).unwrap(),
            &mut ImageViewMut::from_slice_mut(&mut bgr, width, height).unwrap(),
        ).unwrap();
        for (i, p) in wide[..width * height].iter().enumerate() {
            prop_assert_eq!(bgr[i], Bgr16 { b: p.b, g: p.g, r: p.r });
        }
    }
}

#[test]
fn planes_are_strided_channels_and_disjoint_when_mutable() {
    let mut pixels: Vec<Bgra8> = (0..12u8)
        .map(|i| Bgra8 {
            b: i,
            g: i + 100,
            r: i + 200,
            a: 255,
        })
        .collect();
    let image = ImageView::from_slice(&pixels, 4, 3).unwrap();
    let planes = image.planes();
    assert_eq!(planes.r.get(1, 2), Some(209));
    assert_eq!(planes.g.pixel_stride(), 4);
    assert!(matches!(planes.b.row(0), Some(Row::Strided(_))));
    let mut image = ImageViewMut::from_slice_mut(&mut pixels, 4, 3).unwrap();
    let Bgra8PlanesMut { mut r, mut b, .. } = image.planes_mut();
    r.fill(1);
    b.update(|v| v * 2);
    assert!(pixels
        .iter()
        .enumerate()
        .all(|(i, p)| p.r == 1 && p.b == 2 * i as u8 && p.a == 255));
}

#[test]
fn rows_are_slices_only_when_contiguous() {
    let buf = filled(10 * 16);
    let padded = ImageView::<[u8; 4]>::from_bytes(buf.as_bytes(), 3, 10, 16).unwrap();
    let row = padded.row(2).unwrap();
    assert_eq!(row.as_slice().map(<[_]>::len), Some(3));
    assert_eq!(row.get(0), Some(buf.as_bytes()[32..36].try_into().unwrap()));
    let transposed = padded.transpose();
    assert!(transposed.row(0).unwrap().as_slice().is_none());
    assert_eq!(transposed.rows().count(), 3);
    let odd = ImageView::<u16>::from_bytes(&buf.as_bytes()[1..], 4, 2, 8).unwrap();
    assert!(
        odd.row(0).unwrap().as_slice().is_none(),
        "misaligned rows are strided"
    );
    assert!(odd.get_ref(0, 0).is_none());
    assert_eq!(
        odd.get(0, 0),
        Some(u16::from_ne_bytes([buf.as_bytes()[1], buf.as_bytes()[2]]))
    );
}

#[test]
fn copy_to_any_strides_and_size_checks() {
    let source: Vec<u16> = (0..20).collect();
    let source = ImageView::from_slice(&source, 5, 4).unwrap();
    let mut target_bytes = vec![0u8; 4 * 12];
    let mut target =
        ImageViewMut::<u16>::from_bytes_strided_mut(&mut target_bytes, 36, 5, 4, 2, -12).unwrap();
    source.copy_to(&mut target).unwrap();
    assert_eq!(target.as_view(), source);
    let mut small = vec![0u16; 4];
    let mut small = ImageViewMut::from_slice_mut(&mut small, 2, 2).unwrap();
    assert_eq!(
        source.copy_to(&mut small),
        Err(ViewError::ShapeMismatch {
            expected: (2, 2),
            given: (5, 4)
        })
    );
}

#[test]
fn convert_with_fills_missing_channels() {
    let source = vec![Rgb8 { r: 1, g: 2, b: 3 }; 6];
    let mut target = vec![
        Rgba8 {
            r: 0,
            g: 0,
            b: 0,
            a: 0
        };
        6
    ];
    convert_with(
        &ImageView::from_slice(&source, 3, 2).unwrap(),
        &mut ImageViewMut::from_slice_mut(&mut target, 3, 2).unwrap(),
        Rgba8 {
            r: 9,
            g: 9,
            b: 9,
            a: 255,
        },
    )
    .unwrap();
    assert!(target.iter().all(|p| *p
        == Rgba8 {
            r: 1,
            g: 2,
            b: 3,
            a: 255
        }));
}

#[test]
fn row_tables_copy_in_one_pass() {
    let block_a: Vec<Rgbx8> = (0..6u8)
        .map(|i| Rgbx8 {
            r: i,
            g: i,
            b: i,
            _x: 0,
        })
        .collect();
    let block_b: Vec<Rgbx8> = (6..9u8)
        .map(|i| Rgbx8 {
            r: i,
            g: i,
            b: i,
            _x: 0,
        })
        .collect();
    let rows = [&block_a[0..3], &block_a[3..6], &block_b[..]];
    let table = RowTable::new(&rows).unwrap();
    assert_eq!((table.width(), table.height()), (3, 3));
    let mut rgb = ImageBuf::<Rgb8>::new(3, 3).unwrap();
    table.convert_to(&mut rgb.as_view_mut()).unwrap();
    let got: Vec<u8> = rgb.as_view().pixels().map(|p| p.g).collect();
    assert_eq!(got, (0..9).collect::<Vec<u8>>());
    let mut copy = ImageBuf::<Rgbx8>::with_row_alignment(3, 3, 64).unwrap();
    table.copy_to(&mut copy.as_view_mut()).unwrap();
    assert_eq!(copy.row_pitch(), 64);
    assert_eq!(copy.as_view().get(2, 2), Some(block_b[2]));
    let ragged = [&block_a[0..3], &block_a[3..5]];
    assert_eq!(
        RowTable::new(&ragged).err(),
        Some(ViewError::RowLengthMismatch {
            row: 1,
            len: 2,
            expected: 3
        })
    );
}

#[test]
fn row_bands_are_disjoint_and_cover_the_image() {
    let mut pixels = vec![0u32; 7 * 10];
    let image = ImageViewMut::from_slice_mut(&mut pixels, 7, 10).unwrap();
    let bands: Vec<_> = image.into_row_bands(3).unwrap().collect();
    assert_eq!(
        bands.iter().map(ImageViewMut::height).collect::<Vec<_>>(),
        [3, 3, 3, 1]
    );
    std::thread::scope(|scope| {
        for (i, mut band) in bands.into_iter().enumerate() {
            scope.spawn(move || band.fill(i as u32 + 1));
        }
    });
    assert_eq!(pixels[0], 1);
    assert_eq!(pixels[7 * 9], 4);
    let mut pixels = vec![0u8; 4];
    let image = ImageViewMut::from_slice_mut(&mut pixels, 2, 2).unwrap();
    assert!(matches!(
        image.into_row_bands(0),
        Err(ViewError::ZeroChunk { unit: "row" })
    ));
}

#[test]
fn broadcasting_and_image_buffers() {
    let pixel = Bgra8 {
        b: 1,
        g: 2,
        r: 3,
        a: 4,
    };
    let repeated = ImageView::repeat(&pixel, 1920, 1080);
    assert_eq!(
        repeated.pixels().filter(|p| *p == pixel).count(),
        1920 * 1080
    );
    assert_eq!(repeated.pixel_stride(), 0);
    let image = ImageBuf::<Bgra8>::with_row_alignment(1919, 3, 256).unwrap();
    assert_eq!(image.row_pitch(), 7680);
    assert_eq!(image.as_bytes().as_ptr() as usize % 64, 0);
    assert_eq!(
        ImageBuf::<Bgra8>::with_row_alignment(4, 4, 3).err(),
        Some(ViewError::InvalidAlignment { align: 3 })
    );
    assert_eq!(
        ImageBuf::<Bgra8>::new(usize::MAX, 2).err(),
        Some(ViewError::ImageTooLarge {
            width: usize::MAX,
            height: 2,
            pixel_size: 4,
            row_align: 1
        })
    );
}

/// Rows of an image with no columns start at the image's base, whatever the
/// (unchecked) row stride says. (Found in review: row 1 of a 0-wide image
/// with row stride `-addr` used to start at address 0.)
#[test]
fn rows_of_zero_width_images_are_empty() -> Result<(), ViewError> {
    let bytes = [0u8; 8];
    let addr = bytes.as_ptr() as usize;
    let image = ImageView::<u8>::from_bytes_strided(&bytes, 0, 0, 2, 1, -(addr as isize))?;
    let row = image.row(1).expect("row 1 exists");
    assert_eq!(row.as_slice(), Some(&[][..]));
    assert_eq!(row.column().iter().count(), 0);
    let transposed = image.transpose();
    assert_eq!((transposed.width(), transposed.height()), (2, 0));
    let cropped = image.crop(0, 1, 0, 1)?;
    assert_eq!(cropped.rows().count(), 1);
    assert_eq!(cropped.pixels().count(), 0);

    let mut buffer = [0u8; 8];
    let addr = buffer.as_ptr() as usize;
    let mut image =
        ImageViewMut::<u8>::from_bytes_strided_mut(&mut buffer, 0, 0, 2, 1, -(addr as isize))?;
    image.fill(9);
    assert_eq!(image.rows_mut().count(), 2);
    Ok(())
}

/// A row pitch above `isize::MAX` is refused even with no rows, so the
/// views of the buffer can be made.
#[test]
fn image_buf_refuses_pitches_views_cannot_take() {
    let refused = ImageBuf::<u8>::new(1 << 63, 0);
    assert!(
        matches!(refused, Err(ViewError::ImageTooLarge { width, .. }) if width == 1 << 63),
        "{refused:?}"
    );
    let empty = ImageBuf::<u8>::new(1 << 20, 0).expect("no rows, nothing allocated");
    assert_eq!(empty.as_view().height(), 0);
}

proptest! {
    /// Planes of any accepted image read exactly their field of every pixel;
    /// mutable planes write only their field.
    #[test]
    fn planes_are_fields_of_every_pixel(
        (buf_len, start) in (0usize..300).prop_flat_map(|len| (Just(len), 0..=len + 4)),
        width in 0usize..7,
        height in 0usize..7,
        x_stride in prop_oneof![-12isize..12, Just(4isize)],
        y_stride in -60isize..60,
    ) {
        let mut buf = filled(buf_len);
        let before = buf.as_bytes().to_vec();
        let Ok(image) = ImageView::<Bgra8>::from_bytes_strided(&before, start, width, height, x_stride, y_stride) else {
            return Ok(());
        };
        let offsets = pixel_offsets(buf_len, start, (width, height), (x_stride, y_stride), 4).unwrap();
        let planes = image.planes();
        for y in 0..height {
            for x in 0..width {
                let at = offsets[y * width + x];
                prop_assert_eq!(planes.b.get(x, y), Some(before[at]));
                prop_assert_eq!(planes.g.get(x, y), Some(before[at + 1]));
                prop_assert_eq!(planes.r.get(x, y), Some(before[at + 2]));
                prop_assert_eq!(planes.a.get(x, y), Some(before[at + 3]));
            }
        }
        if let Ok(mut image) = ImageViewMut::<Bgra8>::from_bytes_strided_mut(buf.as_bytes_mut(), start, width, height, x_stride, y_stride) {
            let Bgra8PlanesMut { mut g, mut a, .. } = image.planes_mut();
            g.update(|v| v ^ 0xff);
            a.fill(7);
            let after = buf.as_bytes();
            for b in 0..buf_len {
                let field = offsets.iter().find_map(|&at| (at..at + 4).contains(&b).then(|| b - at));
                let want = match field {
                    Some(1) => before[b] ^ 0xff,
                    Some(3) => 7,
                    _ => before[b],
                };
                prop_assert_eq!(after[b], want, "byte {}", b);
            }
        }
    }

    /// A row table of rows that live anywhere copies and converts into any
    /// destination exactly like a per-pixel loop; rows of different lengths
    /// and a wrong destination size are refused with the numbers.
    #[test]
    fn row_tables_copy_and_convert_like_the_oracle(
        rows in proptest::collection::vec(proptest::collection::vec(any::<[u8; 4]>(), 0..9), 0..7),
        pitch_pad in 0usize..3,
        flip in any::<bool>(),
    ) {
        let rows: Vec<Vec<Rgbx8>> = rows
            .into_iter()
            .map(|row| row.into_iter().map(|[r, g, b, x]| Rgbx8 { r, g, b, _x: x }).collect())
            .collect();
        let slices: Vec<&[Rgbx8]> = rows.iter().map(Vec::as_slice).collect();
        let width = slices.first().map_or(0, |row| row.len());
        match RowTable::new(&slices) {
            Err(ViewError::RowLengthMismatch { row, len, expected }) => {
                prop_assert_eq!(expected, width);
                prop_assert_eq!(slices[row].len(), len);
                prop_assert!(len != width);
                prop_assert!(slices[..row].iter().all(|r| r.len() == width));
            }
            Err(other) => prop_assert!(false, "unexpected error {other}"),
            Ok(table) => {
                prop_assert!(slices.iter().all(|r| r.len() == width));
                let height = slices.len();
                let mut copy = ImageBuf::<Rgbx8>::new(width, height).unwrap();
                table.copy_to(&mut copy.as_view_mut()).unwrap();
                let mut packed = ImageBuf::<Rgb8>::with_row_alignment(width + pitch_pad, height, 1).unwrap();
                let mut view = packed.as_view_mut();
                let mut target = view.crop_mut(0, 0, width, height).unwrap();
                let mut target = if flip { target.flip_vertical_mut() } else { target.reborrow() };
                table.convert_to(&mut target).unwrap();
                let target = target.as_view();
                for (y, row) in slices.iter().enumerate() {
                    for (x, p) in row.iter().enumerate() {
                        prop_assert_eq!(copy.as_view().get(x, y), Some(*p));
                        prop_assert_eq!(target.get(x, y), Some(Rgb8 { r: p.r, g: p.g, b: p.b }));
                    }
                }
                let mut wrong = ImageBuf::<Rgbx8>::new(width + 1, height).unwrap();
                prop_assert_eq!(
                    table.copy_to(&mut wrong.as_view_mut()),
                    Err(ViewError::ShapeMismatch { expected: (width + 1, height), given: (width, height) })
                );
            }
        }
    }
}

/// Stride-0 images may be as large as `usize` counts: windows, pixels and
/// whole-image operations neither overflow nor walk empty rows one by one.
#[test]
fn huge_repeated_and_empty_images_stay_quick() -> Result<(), ViewError> {
    let one = Gray16 { value: 3 };
    let huge = ImageView::repeat(&one, usize::MAX, usize::MAX);
    let mut windows = huge.windows(2, 2)?;
    assert_eq!(windows.size_hint(), (usize::MAX, None));
    assert_eq!(
        windows.next().map(|w| (w.width(), w.height())),
        Some((2, 2))
    );
    assert_eq!(huge.pixels().take(3).count(), 3);
    let tall_and_empty = huge.crop(0, 0, 0, usize::MAX)?;
    assert_eq!(tall_and_empty.pixels().count(), 0);
    assert_eq!(tall_and_empty.windows(1, 1)?.count(), 0);

    let mut bytes = [0u8; 4];
    let mut empty =
        ImageViewMut::<u16>::from_bytes_strided_mut(&mut bytes, 0, 0, usize::MAX, 2, 0)?;
    empty.fill(1);
    empty.update(|v| v + 1);
    let source = ImageView::<Gray16>::repeat(&one, 0, usize::MAX);
    let mut target_bytes = [0u8; 2];
    let mut target =
        ImageViewMut::<Gray16>::from_bytes_strided_mut(&mut target_bytes, 0, 0, usize::MAX, 2, 0)?;
    convert(&source, &mut target)?;
    source.copy_to(&mut target)?;
    assert_eq!(target_bytes, [0, 0]);

    let records = typed_layout::Records::<u8>::from_bytes_strided(&bytes, 0, usize::MAX, 0)?;
    assert_eq!(records.windows(usize::MAX)?.count(), 1);
    Ok(())
}
