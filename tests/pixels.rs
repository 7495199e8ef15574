//! The stock pixel types of `typed_layout::pixels` against oracles written
//! out by hand: their field tables, their planes, and conversion among
//! them on images with a padded pitch, compared byte by byte with a copy
//! of each named channel's bytes.
#![forbid(unsafe_code)]

use proptest::prelude::*;
use typed_layout::pixels::*;
use typed_layout::{convert, ConvertFrom, ImageBuf, ImageView, PixelLayout, RecordBuf};

/// A channel as the oracle sees it: name, byte offset, size in bytes.
type Table = &'static [(&'static str, usize, usize)];

const RGB8: Table = &[("r", 0, 1), ("g", 1, 1), ("b", 2, 1)];
const RGBA8: Table = &[("r", 0, 1), ("g", 1, 1), ("b", 2, 1), ("a", 3, 1)];
const BGR8: Table = &[("b", 0, 1), ("g", 1, 1), ("r", 2, 1)];
const BGRA8: Table = &[("b", 0, 1), ("g", 1, 1), ("r", 2, 1), ("a", 3, 1)];
const RGBX8: Table = &[("r", 0, 1), ("g", 1, 1), ("b", 2, 1), ("_x", 3, 1)];
const BGRX8: Table = &[("b", 0, 1), ("g", 1, 1), ("r", 2, 1), ("_x", 3, 1)];
const GRAY8: Table = &[("v", 0, 1)];
const GRAY16: Table = &[("v", 0, 2)];
const GRAY_ALPHA8: Table = &[("v", 0, 1), ("a", 1, 1)];
const RGB16: Table = &[("r", 0, 2), ("g", 2, 2), ("b", 4, 2)];
const RGBA16: Table = &[("r", 0, 2), ("g", 2, 2), ("b", 4, 2), ("a", 6, 2)];
const RGB32F: Table = &[("r", 0, 4), ("g", 4, 4), ("b", 8, 4)];
const RGBA32F: Table = &[("r", 0, 4), ("g", 4, 4), ("b", 8, 4), ("a", 12, 4)];

fn assert_table<P: PixelLayout>(expected: Table) {
    let layout = P::LAYOUT;
    let size: usize = expected.iter().map(|&(_, _, size)| size).sum();
    assert_eq!(layout.size, size, "{}: size", layout.name);
    assert_eq!(layout.size, std::mem::size_of::<P>());
    let fields: Vec<_> = layout
        .fields()
        .iter()
        .map(|f| (f.name, f.offset, f.size()))
        .collect();
    assert_eq!(fields, expected, "{}: field table", layout.name);
}

#[test]
fn field_tables_are_exact() {
    assert_table::<Rgb8>(RGB8);
    assert_table::<Rgba8>(RGBA8);
    assert_table::<Bgr8>(BGR8);
    assert_table::<Bgra8>(BGRA8);
    assert_table::<Rgbx8>(RGBX8);
    assert_table::<Bgrx8>(BGRX8);
    assert_table::<Gray8>(GRAY8);
    assert_table::<Gray16>(GRAY16);
    assert_table::<GrayAlpha8>(GRAY_ALPHA8);
    assert_table::<Rgb16>(RGB16);
    assert_table::<Rgba16>(RGBA16);
    assert_table::<Rgb32F>(RGB32F);
    assert_table::<Rgba32F>(RGBA32F);
}

/// Oracle of `convert`: every non-padding channel of the destination gets
/// the source's bytes of the channel of the same name; padding is zero.
fn convert_oracle(source: &[u8], from: Table, to: Table) -> Vec<u8> {
    let size: usize = to.iter().map(|&(_, _, size)| size).sum();
    let mut out = vec![0u8; size];
    for &(name, offset, len) in to {
        if name.starts_with('_') {
            continue;
        }
        let &(_, at, from_len) = from
            .iter()
            .find(|&&(n, _, _)| n == name)
            .expect("the destination's channels are in the source");
        assert_eq!(len, from_len);
        out[offset..offset + len].copy_from_slice(&source[at..at + len]);
    }
    out
}

/// Converts a `width x height` image of `S` at `pitch` bytes a row, read
/// from `bytes`, to `D`, and compares every output pixel's bytes with the
/// oracle's.
fn check_convert<S: PixelLayout, D: ConvertFrom<S>>(
    bytes: &[u8],
    (width, height, pitch): (usize, usize, usize),
    (from, to): (Table, Table),
) {
    let source = ImageView::<S>::from_bytes(bytes, width, height, pitch).expect("fits");
    let mut target = ImageBuf::<D>::new(width, height).expect("fits");
    convert(&source, &mut target.as_view_mut()).expect("same size");
    let (s, d) = (S::LAYOUT.size, D::LAYOUT.size);
    let out_pitch = target.row_pitch();
    for y in 0..height {
        for x in 0..width {
            let at = y * pitch + x * s;
            let expected = convert_oracle(&bytes[at..at + s], from, to);
            let got = &target.as_bytes()[y * out_pitch + x * d..][..d];
            assert_eq!(
                got,
                &expected[..],
                "{} -> {} at ({x}, {y})",
                S::LAYOUT.name,
                D::LAYOUT.name
            );
        }
    }
}

/// Random bytes for an image of `P` with `pad` extra bytes a row, and its
/// geometry.
fn image<P: PixelLayout>(
    max_side: usize,
) -> impl Strategy<Value = (Vec<u8>, (usize, usize, usize))> {
    (1..max_side, 1..max_side, 0..9usize).prop_flat_map(|(width, height, pad)| {
        // Whole pixels of padding keep the rows aligned for u16/f32 pixels.
        let pitch = (width + pad) * P::LAYOUT.size;
        proptest::collection::vec(any::<u8>(), pitch * height)
            .prop_map(move |bytes| (bytes, (width, height, pitch)))
    })
}

/// The bytes copied into a buffer aligned for any pixel type.
fn aligned(bytes: &[u8]) -> RecordBuf<u8> {
    let mut buf = RecordBuf::<u8>::zeroed(bytes.len()).expect("fits");
    buf.as_mut_slice().copy_from_slice(bytes);
    buf
}

proptest! {
    #[test]
    fn eight_bit_color_converts_by_name((bytes, geometry) in image::<Bgra8>(24)) {
        let bytes = aligned(&bytes);
        let bytes = bytes.as_slice();
        check_convert::<Bgra8, Rgba8>(bytes, geometry, (BGRA8, RGBA8));
        check_convert::<Bgra8, Rgb8>(bytes, geometry, (BGRA8, RGB8));
        check_convert::<Bgra8, Bgr8>(bytes, geometry, (BGRA8, BGR8));
        check_convert::<Bgra8, Rgbx8>(bytes, geometry, (BGRA8, RGBX8));
        check_convert::<Bgra8, Bgrx8>(bytes, geometry, (BGRA8, BGRX8));
        check_convert::<Rgba8, Bgra8>(bytes, geometry, (RGBA8, BGRA8));
        // The padding byte of the source is never read.
        check_convert::<Rgbx8, Bgr8>(bytes, geometry, (RGBX8, BGR8));
        check_convert::<Bgrx8, Rgbx8>(bytes, geometry, (BGRX8, RGBX8));
    }

    #[test]
    fn three_byte_color_converts_by_name((bytes, geometry) in image::<Rgb8>(24)) {
        let bytes = aligned(&bytes);
        let bytes = bytes.as_slice();
        check_convert::<Rgb8, Bgr8>(bytes, geometry, (RGB8, BGR8));
        check_convert::<Rgb8, Rgbx8>(bytes, geometry, (RGB8, RGBX8));
        check_convert::<Bgr8, Bgrx8>(bytes, geometry, (BGR8, BGRX8));
    }

    #[test]
    fn gray_converts_by_name((bytes, geometry) in image::<GrayAlpha8>(24)) {
        let bytes = aligned(&bytes);
        check_convert::<GrayAlpha8, Gray8>(bytes.as_slice(), geometry, (GRAY_ALPHA8, GRAY8));
    }

    #[test]
    fn sixteen_bit_color_converts_by_name((bytes, geometry) in image::<Rgba16>(16)) {
        let bytes = aligned(&bytes);
        check_convert::<Rgba16, Rgb16>(bytes.as_slice(), geometry, (RGBA16, RGB16));
    }

    #[test]
    fn float_color_converts_bit_for_bit((bytes, geometry) in image::<Rgba32F>(12)) {
        // Any bits, NaN payloads included: conversion copies, never computes.
        let bytes = aligned(&bytes);
        check_convert::<Rgba32F, Rgb32F>(bytes.as_slice(), geometry, (RGBA32F, RGB32F));
    }

    #[test]
    fn planes_read_each_channel_in_place((bytes, (width, height, pitch)) in image::<Rgba16>(16)) {
        let bytes = aligned(&bytes);
        let bytes = bytes.as_slice();
        let image = ImageView::<Rgba16>::from_bytes(bytes, width, height, pitch).unwrap();
        let planes = image.planes();
        for (plane, &(name, offset, _)) in [planes.r, planes.g, planes.b, planes.a].iter().zip(RGBA16) {
            for y in 0..height {
                for x in 0..width {
                    let at = y * pitch + x * 8 + offset;
                    let expected = u16::from_ne_bytes([bytes[at], bytes[at + 1]]);
                    prop_assert_eq!(plane.get(x, y), Some(expected), "plane {} at ({}, {})", name, x, y);
                }
            }
        }
    }

    #[test]
    fn gray16_reads_native_order((bytes, (width, height, pitch)) in image::<Gray16>(24)) {
        let bytes = aligned(&bytes);
        let bytes = bytes.as_slice();
        let image = ImageView::<Gray16>::from_bytes(bytes, width, height, pitch).unwrap();
        for y in 0..height {
            for x in 0..width {
                let at = y * pitch + x * 2;
                let v = u16::from_ne_bytes([bytes[at], bytes[at + 1]]);
                prop_assert_eq!(image.get(x, y), Some(Gray16 { v }));
            }
        }
    }
}

#[test]
fn padding_is_written_as_zero() {
    let source = [Bgra8 {
        b: 1,
        g: 2,
        r: 3,
        a: 0xEE,
    }; 4];
    let mut target = [Rgbx8 {
        r: 0,
        g: 0,
        b: 0,
        _x: 0x55,
    }; 4];
    convert(
        &ImageView::from_slice(&source, 2, 2).unwrap(),
        &mut typed_layout::ImageViewMut::from_slice_mut(&mut target, 2, 2).unwrap(),
    )
    .unwrap();
    assert!(target.iter().all(|p| *p
        == Rgbx8 {
            r: 3,
            g: 2,
            b: 1,
            _x: 0
        }));
}

#[test]
fn defaults_are_zero() {
    assert_eq!(
        Rgba8::default(),
        Rgba8 {
            r: 0,
            g: 0,
            b: 0,
            a: 0
        }
    );
    assert_eq!(Gray16::default(), Gray16 { v: 0 });
    assert_eq!(
        Rgba32F::default(),
        Rgba32F {
            r: 0.0,
            g: 0.0,
            b: 0.0,
            a: 0.0
        }
    );
}
