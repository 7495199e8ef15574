//! The `rayon` feature: parallel row bands, record chunks and conversion
//! agree with their sequential forms.
#![cfg(feature = "rayon")]
#![forbid(unsafe_code)]

use proptest::prelude::*;
use typed_layout::ext::rayon::prelude::*;
use typed_layout::{
    convert, par_convert, par_convert_with, ImageBuf, ImageView, ImageViewMut, RecordBuf, Records,
    RecordsMut, ViewError,
};

#[path = "support/types.rs"]
mod types;
use types::{Bgra8, Person, Rgb8, Rgba8};

fn bgra_image(width: usize, height: usize) -> ImageBuf<Bgra8> {
    let mut image = ImageBuf::<Bgra8>::with_row_alignment(width, height, 64).unwrap();
    let mut view = image.as_view_mut();
    for y in 0..height {
        for x in 0..width {
            let v = (x * 3 + y * 5) as u8;
            view.set(
                x,
                y,
                Bgra8 {
                    b: v,
                    g: v ^ 0x55,
                    r: v.wrapping_add(9),
                    a: 255,
                },
            )
            .unwrap();
        }
    }
    image
}

#[test]
fn every_row_lands_in_exactly_one_band() {
    let mut image = ImageBuf::<u32>::new(37, 101).unwrap();
    let bands = image.as_view_mut().par_row_bands(8).unwrap();
    assert_eq!(bands.len(), 13);
    bands.enumerate().for_each(|(i, mut band)| {
        assert!(band.height() == 8 || (i == 12 && band.height() == 5));
        band.update(|v| v + 1 + i as u32 * 1000);
    });
    for y in 0..101 {
        let row: Vec<u32> = image.as_view().row(y).unwrap().iter().collect();
        assert!(
            row.iter().all(|&v| v == 1 + (y / 8) as u32 * 1000),
            "row {y}"
        );
    }
    assert!(matches!(
        image.as_view_mut().par_row_bands(0),
        Err(ViewError::ZeroChunk { unit: "row" })
    ));

    // Rows, shared and mutable.
    image
        .as_view_mut()
        .par_rows_mut()
        .for_each(|mut row| row.fill(7));
    let total: u64 = image
        .as_view()
        .par_rows()
        .map(|row| row.iter().map(u64::from).sum::<u64>())
        .sum();
    assert_eq!(total, 7 * 37 * 101);
    // Bands of a flipped, strided view are bands of that view.
    let flipped = image.as_view().flip_vertical();
    let heights: Vec<usize> = flipped
        .par_row_bands(40)
        .unwrap()
        .map(|b| b.height())
        .collect();
    assert_eq!(heights, [40, 40, 21]);
}

#[test]
fn record_chunks_cover_every_record_once() {
    let mut people = RecordBuf::<Person>::zeroed(10_001).unwrap();
    people
        .records_mut()
        .par_chunks_mut(1000)
        .unwrap()
        .enumerate()
        .for_each(|(chunk, mut records)| {
            let mut columns = records.columns_mut();
            columns.age.fill(chunk as i32);
            columns.salary.fill(100.0);
        });
    let records = people.records();
    let ages: Vec<i32> = records.columns().age.iter().collect();
    assert!(ages
        .iter()
        .enumerate()
        .all(|(i, &age)| age == (i / 1000) as i32));
    let total: f64 = records
        .par_chunks(333)
        .unwrap()
        .map(|chunk| chunk.columns().salary.iter().sum::<f64>())
        .sum();
    assert_eq!(total, 100.0 * 10_001.0);
    let counts: Vec<usize> = records.par_chunks(4000).unwrap().map(|c| c.len()).collect();
    assert_eq!(counts, [4000, 4000, 2001]);
    // Reversed and stepped record views split the same way.
    let stepped = records.step_by(3).unwrap();
    let seen: usize = stepped.par_chunks(7).unwrap().map(|c| c.len()).sum();
    assert_eq!(seen, stepped.len());

    let mut empty: [u8; 0] = [];
    assert_eq!(
        RecordsMut::from_slice_mut(&mut empty)
            .par_chunks_mut(3)
            .unwrap()
            .count(),
        0
    );
    assert!(Records::from_slice(&[1u8]).par_chunks(0).is_err());
}

#[test]
fn parallel_conversion_equals_sequential() {
    let source = bgra_image(333, 257);
    let mut sequential = ImageBuf::<Rgba8>::new(333, 257).unwrap();
    let mut parallel = ImageBuf::<Rgba8>::with_row_alignment(333, 257, 256).unwrap();
    convert(&source.as_view(), &mut sequential.as_view_mut()).unwrap();
    par_convert(&source.as_view(), &mut parallel.as_view_mut()).unwrap();
    assert!(sequential.as_view() == parallel.as_view());

    // Strided source (bottom-up, cropped), fill for missing channels.
    let view = source
        .as_view()
        .flip_vertical()
        .crop(3, 4, 300, 200)
        .unwrap();
    let mut rgb = ImageBuf::<Rgb8>::new(300, 200).unwrap();
    let mut rgba = ImageBuf::<Rgba8>::new(300, 200).unwrap();
    par_convert(&view, &mut rgb.as_view_mut()).unwrap();
    par_convert_with(
        &rgb.as_view(),
        &mut rgba.as_view_mut(),
        Rgba8 {
            r: 0,
            g: 0,
            b: 0,
            a: 200,
        },
    )
    .unwrap();
    for y in [0, 99, 199] {
        for x in [0, 150, 299] {
            let from = view.get(x, y).unwrap();
            assert_eq!(
                rgba.as_view().get(x, y).unwrap(),
                Rgba8 {
                    r: from.r,
                    g: from.g,
                    b: from.b,
                    a: 200
                }
            );
        }
    }
    let mut wrong = ImageBuf::<Rgba8>::new(10, 10).unwrap();
    assert_eq!(
        par_convert(&source.as_view(), &mut wrong.as_view_mut()),
        Err(ViewError::ShapeMismatch {
            expected: (10, 10),
            given: (333, 257)
        })
    );
}

proptest! {
    /// Any band height over any image: par_convert writes what convert does.
    #[test]
    fn par_convert_matches_convert(width in 0usize..40, height in 0usize..40) {
        let source = bgra_image(width, height);
        let mut expected = vec![Rgba8 { r: 0, g: 0, b: 0, a: 0 }; width * height];
        let mut actual = expected.clone();
        convert(
            &source.as_view(),
            &mut ImageViewMut::from_slice_mut(&mut expected, width, height).unwrap(),
        ).unwrap();
        par_convert(
            &source.as_view(),
            &mut ImageViewMut::from_slice_mut(&mut actual, width, height).unwrap(),
        ).unwrap();
        prop_assert_eq!(expected, actual);
    }

    /// Bands from either end: the sequential side of the producer hands out
    /// the same bands forwards and backwards.
    #[test]
    fn bands_are_the_same_from_both_ends(height in 0usize..50, band in 1usize..9) {
        let values: Vec<u16> = (0..height as u16 * 3).collect();
        let image = ImageView::from_slice(&values, 3, height).unwrap();
        let forward: Vec<Vec<u16>> = image.par_row_bands(band).unwrap()
            .map(|b| b.pixels().collect()).collect();
        let mut backward: Vec<Vec<u16>> = image.par_row_bands(band).unwrap()
            .rev().map(|b| b.pixels().collect()).collect();
        backward.reverse();
        prop_assert_eq!(&forward, &backward);
        prop_assert_eq!(forward.concat(), values);
    }
}
