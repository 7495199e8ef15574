//! The `rgb` feature: the `rgb` crate's pixel types are layout types. Their
//! field tables against tables written out by hand, views of them against
//! pixels decoded from the bytes by hand, and conversion to and from the
//! stock pixel types against a byte-copy oracle.
//! `cargo test --features rgb --test with_rgb`.
#![cfg(feature = "rgb")]
#![forbid(unsafe_code)]

use proptest::prelude::*;
use typed_layout::ext::rgb;
use typed_layout::pixels::{Bgra8, Gray16, Gray8, GrayAlpha8, Rgb16, Rgb8, Rgba8};
use typed_layout::{convert, ConvertFrom, ImageBuf, ImageView, PixelLayout, RecordBuf, Records};

/// A channel as the oracle sees it: name, byte offset, size in bytes.
type Table = &'static [(&'static str, usize, usize)];

fn table_of<P: PixelLayout>() -> Vec<(&'static str, usize, usize)> {
    P::LAYOUT
        .fields()
        .iter()
        .map(|f| (f.name, f.offset, f.size()))
        .collect()
}

#[test]
fn field_tables_are_exact() {
    let rgb8: Table = &[("r", 0, 1), ("g", 1, 1), ("b", 2, 1)];
    let bgra8: Table = &[("b", 0, 1), ("g", 1, 1), ("r", 2, 1), ("a", 3, 1)];
    let argb8: Table = &[("a", 0, 1), ("r", 1, 1), ("g", 2, 1), ("b", 3, 1)];
    let abgr16: Table = &[("a", 0, 2), ("b", 2, 2), ("g", 4, 2), ("r", 6, 2)];
    let grb8: Table = &[("g", 0, 1), ("r", 1, 1), ("b", 2, 1)];
    let rgba16: Table = &[("r", 0, 2), ("g", 2, 2), ("b", 4, 2), ("a", 6, 2)];
    let bgr32: Table = &[("b", 0, 4), ("g", 4, 4), ("r", 8, 4)];
    let gray16: Table = &[("v", 0, 2)];
    let gray_alpha8: Table = &[("v", 0, 1), ("a", 1, 1)];
    assert_eq!(table_of::<rgb::RGB8>(), rgb8);
    assert_eq!(table_of::<rgb::alt::BGRA8>(), bgra8);
    assert_eq!(table_of::<rgb::Argb<u8>>(), argb8);
    assert_eq!(table_of::<rgb::Abgr<u16>>(), abgr16);
    assert_eq!(table_of::<rgb::Grb<u8>>(), grb8);
    assert_eq!(table_of::<rgb::RGBA16>(), rgba16);
    assert_eq!(table_of::<rgb::Bgr<f32>>(), bgr32);
    assert_eq!(table_of::<rgb::alt::Gray<u16>>(), gray16);
    assert_eq!(table_of::<rgb::alt::GrayAlpha<u8>>(), gray_alpha8);
    assert_eq!(table_of::<rgb::GrayA<u8>>(), gray_alpha8);
    assert_eq!(<rgb::RGBA16 as PixelLayout>::LAYOUT.size, 8);
    assert_eq!(<rgb::RGBA16 as PixelLayout>::LAYOUT.align, 2);
}

#[test]
fn records_of_rgb8_read_the_bytes() {
    let bytes: Vec<u8> = (0..30).collect();
    let pixels = Records::<rgb::RGB8>::from_bytes(&bytes).unwrap();
    assert_eq!(pixels.len(), 10);
    for (i, pixel) in pixels.iter().enumerate() {
        let at = 3 * i as u8;
        assert_eq!(*pixel, rgb::RGB8::new(at, at + 1, at + 2));
    }
}

/// Oracle of `convert`: every non-padding channel of the destination gets
/// the source's bytes of the channel of the same name.
fn convert_oracle(
    source: &[u8],
    from: &[(&str, usize, usize)],
    to: &[(&str, usize, usize)],
) -> Vec<u8> {
    let size: usize = to.iter().map(|&(_, _, size)| size).sum();
    let mut out = vec![0u8; size];
    for &(name, offset, len) in to {
        let &(_, at, _) = from.iter().find(|&&(n, _, _)| n == name).unwrap();
        out[offset..offset + len].copy_from_slice(&source[at..at + len]);
    }
    out
}

/// Converts an image of `S` read from `bytes` at `pitch` to `D` and
/// compares each output pixel's bytes with the oracle's, whose tables are
/// the hand-checked ones above (so the field tables are not trusted here).
fn check_convert<S: PixelLayout, D: ConvertFrom<S>>(
    bytes: &[u8],
    (width, height, pitch): (usize, usize, usize),
) -> Result<(), TestCaseError> {
    let source = ImageView::<S>::from_bytes(bytes, width, height, pitch).unwrap();
    let mut target = ImageBuf::<D>::new(width, height).unwrap();
    convert(&source, &mut target.as_view_mut()).unwrap();
    let (from, to) = (table_of::<S>(), table_of::<D>());
    let (s, d) = (S::LAYOUT.size, D::LAYOUT.size);
    for y in 0..height {
        for x in 0..width {
            let expected = convert_oracle(&bytes[y * pitch + x * s..][..s], &from, &to);
            let got = &target.as_bytes()[y * target.row_pitch() + x * d..][..d];
            prop_assert_eq!(
                got,
                &expected[..],
                "{} -> {} at ({}, {})",
                S::LAYOUT.name,
                D::LAYOUT.name,
                x,
                y
            );
        }
    }
    Ok(())
}

/// Random bytes for a `width x height` image of `size`-byte pixels with
/// whole pixels of padding at the end of each row, copied to an aligned
/// buffer.
fn image(size: usize) -> impl Strategy<Value = (RecordBuf<u8>, (usize, usize, usize))> {
    (1..20usize, 1..20usize, 0..5usize).prop_flat_map(move |(width, height, pad)| {
        let pitch = (width + pad) * size;
        proptest::collection::vec(any::<u8>(), pitch * height).prop_map(move |bytes| {
            let mut buf = RecordBuf::<u8>::zeroed(bytes.len()).unwrap();
            buf.as_mut_slice().copy_from_slice(&bytes);
            (buf, (width, height, pitch))
        })
    })
}

proptest! {
    #[test]
    fn views_of_bgra8_decode_like_the_bytes((bytes, (width, height, pitch)) in image(4)) {
        let bytes = bytes.as_slice();
        let view = ImageView::<rgb::alt::BGRA8>::from_bytes(bytes, width, height, pitch).unwrap();
        for y in 0..height {
            for x in 0..width {
                let p = &bytes[y * pitch + 4 * x..][..4];
                let expected = rgb::alt::BGRA8 { b: p[0], g: p[1], r: p[2], a: p[3] };
                prop_assert_eq!(view.get(x, y), Some(expected));
            }
        }
    }

    #[test]
    fn four_byte_pixels_convert_by_name((bytes, geometry) in image(4)) {
        let bytes = bytes.as_slice();
        // rgb -> ours, ours -> rgb, rgb -> rgb.
        check_convert::<rgb::alt::BGRA8, Rgba8>(bytes, geometry)?;
        check_convert::<rgb::alt::BGRA8, Rgb8>(bytes, geometry)?;
        check_convert::<Bgra8, rgb::RGBA8>(bytes, geometry)?;
        check_convert::<Bgra8, rgb::RGB8>(bytes, geometry)?;
        check_convert::<rgb::Argb<u8>, rgb::Abgr<u8>>(bytes, geometry)?;
        check_convert::<rgb::RGBA8, rgb::Grb<u8>>(bytes, geometry)?;
    }

    #[test]
    fn gray_converts_by_name((bytes, geometry) in image(2)) {
        let bytes = bytes.as_slice();
        check_convert::<rgb::alt::GrayAlpha<u8>, Gray8>(bytes, geometry)?;
        check_convert::<rgb::GrayA<u8>, GrayAlpha8>(bytes, geometry)?;
        check_convert::<GrayAlpha8, rgb::alt::GrayAlpha<u8>>(bytes, geometry)?;
        check_convert::<GrayAlpha8, rgb::alt::Gray<u8>>(bytes, geometry)?;
        check_convert::<rgb::alt::Gray<u16>, Gray16>(bytes, geometry)?;
    }

    #[test]
    fn sixteen_bit_pixels_convert_by_name((bytes, geometry) in image(8)) {
        let bytes = bytes.as_slice();
        check_convert::<rgb::RGBA16, Rgb16>(bytes, geometry)?;
        check_convert::<rgb::RGBA16, rgb::alt::BGRA16>(bytes, geometry)?;
    }
}

#[test]
fn convert_fills_every_channel_by_value() {
    // One pixel, values written by hand, through ConvertFrom directly.
    let ours = Bgra8 {
        b: 1,
        g: 2,
        r: 3,
        a: 4,
    };
    assert_eq!(rgb::RGBA8::convert_from(&ours), rgb::RGBA8::new(3, 2, 1, 4));
    assert_eq!(
        Rgba8::convert_from(&rgb::alt::BGRA8 {
            b: 1,
            g: 2,
            r: 3,
            a: 4
        }),
        Rgba8 {
            r: 3,
            g: 2,
            b: 1,
            a: 4
        }
    );
    #[allow(deprecated)] // rgb's legacy Gray: its field `.0` is our channel `v`
    let gray = rgb::alt::Gray(9u8);
    assert_eq!(Gray8::convert_from(&gray), Gray8 { v: 9 });
}
