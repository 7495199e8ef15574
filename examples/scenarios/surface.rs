//! Seed 000: a pygame-style BGRA surface, downscaled 2x with a box filter,
//! through a typed view and through per-channel strided views.

use std::time::Instant;
// A pygame 32-bit surface pixel on a little-endian machine: b, g, r, a.
use typed_layout::pixels::{Bgra8, Bgra8PlanesMut};
use typed_layout::{ImageBuf, ImageView, Row, ViewError};

/// A surface's bytes: `height` rows of `pitch` bytes (pitch > width * 4).
fn make_surface(width: usize, height: usize, pitch: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; pitch * height];
    for y in 0..height {
        for x in 0..width {
            let at = y * pitch + x * 4;
            bytes[at..at + 4].copy_from_slice(&[
                (x % 256) as u8,
                (y % 256) as u8,
                ((x + y) % 256) as u8,
                255,
            ]);
        }
    }
    bytes
}

/// 2x box filter of source rows `2y` and `2y + 1` into one output row.
fn downscale_row(source: &ImageView<'_, Bgra8>, y: usize, out: &mut [Bgra8]) {
    let (Some(Row::Contiguous(top)), Some(Row::Contiguous(bottom))) =
        (source.row(2 * y), source.row(2 * y + 1))
    else {
        unreachable!("a surface with a pitch has contiguous rows");
    };
    for ((out, top), bottom) in out
        .iter_mut()
        .zip(top.chunks_exact(2))
        .zip(bottom.chunks_exact(2))
    {
        let average = |channel: fn(&Bgra8) -> u8| {
            let sum = u16::from(channel(&top[0]))
                + u16::from(channel(&top[1]))
                + u16::from(channel(&bottom[0]))
                + u16::from(channel(&bottom[1]));
            ((sum + 2) / 4) as u8
        };
        *out = Bgra8 {
            b: average(|p| p.b),
            g: average(|p| p.g),
            r: average(|p| p.r),
            a: average(|p| p.a),
        };
    }
}

/// 2x box filter over contiguous rows of a typed view.
fn downscale_typed(source: &ImageView<'_, Bgra8>, target: &mut ImageBuf<Bgra8>) {
    let mut target = target.as_view_mut();
    for (y, mut out) in target.rows_mut().enumerate() {
        let out = out.as_mut_slice().expect("ImageBuf rows are contiguous");
        downscale_row(source, y, out);
    }
}

/// The same kernel on every thread: disjoint bands of output rows.
#[cfg(feature = "rayon")]
fn downscale_parallel(source: &ImageView<'_, Bgra8>, target: &mut ImageBuf<Bgra8>) {
    use typed_layout::ext::rayon::prelude::*;
    const BAND: usize = 16;
    target
        .as_view_mut()
        .par_row_bands(BAND)
        .expect("a band height of 16 is valid")
        .enumerate()
        .for_each(|(band, mut rows)| {
            for (k, mut out) in rows.rows_mut().enumerate() {
                let out = out.as_mut_slice().expect("ImageBuf rows are contiguous");
                downscale_row(source, band * BAND + k, out);
            }
        });
}

/// The same kernel driven channel by channel through strided `u8` views,
/// the way pygame's `pixels3d` (x, y, channel) array is walked.
fn downscale_per_channel(channels: &[ImageView<'_, u8>; 4], target: &mut ImageBuf<Bgra8>) {
    let mut target = target.as_view_mut();
    let mut planes: Vec<_> = {
        let typed_layout_planes = target.planes_mut();
        let Bgra8PlanesMut { b, g, r, a } = typed_layout_planes;
        vec![b, g, r, a]
    };
    for (plane, channel) in planes.iter_mut().zip(channels) {
        for y in 0..plane.height() {
            for x in 0..plane.width() {
                let at = |dx, dy| u16::from(channel.get(2 * x + dx, 2 * y + dy).unwrap_or(0));
                let sum = at(0, 0) + at(1, 0) + at(0, 1) + at(1, 1);
                let _ = plane.set(x, y, ((sum + 2) / 4) as u8);
            }
        }
    }
}

/// Runs the scenario at `width x height`; returns (typed ms, per-channel ms).
pub fn run(width: usize, height: usize) -> Result<(f64, f64), ViewError> {
    let pitch = width * 4 + 64; // pygame pitch: rows padded
    let bytes = make_surface(width, height, pitch);
    println!("  surface {width}x{height} BGRA, pitch {pitch} bytes");

    // The row-major description: (h, w, 4) with strides (pitch, 4, 1).
    let surface = ImageView::<Bgra8>::from_bytes(&bytes, width, height, pitch)?;
    // pygame's pixels3d: shape (w, h, 3), strides (4, pitch, -1), start at R
    // (+2). Each channel is a strided u8 plane of the same bytes.
    let r = ImageView::<u8>::from_bytes_strided(&bytes, 2, width, height, 4, pitch as isize)?;
    let channel = |c: usize| {
        ImageView::<u8>::from_bytes_strided(&bytes, 2 - c, width, height, 4, pitch as isize)
    };
    assert_eq!(channel(0)?, r);
    assert_eq!(
        channel(2)?,
        surface.planes().b,
        "pixels3d[.., .., 2] is the b plane"
    );
    assert_eq!(
        surface.transpose().get(7, 3),
        surface.get(3, 7),
        "x-major is a transpose"
    );
    let per_channel = [
        surface.planes().b,
        surface.planes().g,
        surface.planes().r,
        surface.planes().a,
    ];

    // Each run is about a millisecond: the best of many hides scheduler noise.
    let best_of = |work: &mut dyn FnMut()| {
        (0..20)
            .map(|_| {
                let start = Instant::now();
                work();
                start.elapsed().as_secs_f64() * 1e3
            })
            .fold(f64::INFINITY, f64::min)
    };
    let mut typed = ImageBuf::<Bgra8>::new(width / 2, height / 2)?;
    let typed_ms = best_of(&mut || downscale_typed(&surface, &mut typed));
    let mut strided = ImageBuf::<Bgra8>::new(width / 2, height / 2)?;
    let strided_ms = best_of(&mut || downscale_per_channel(&per_channel, &mut strided));

    assert!(
        typed.as_view() == strided.as_view(),
        "both paths compute the same image"
    );
    println!("  2x box downscale, typed ImageView<Bgra8> rows   {typed_ms:>9.3} ms");
    #[cfg(feature = "rayon")]
    {
        let mut parallel = ImageBuf::<Bgra8>::new(width / 2, height / 2)?;
        let parallel_ms = best_of(&mut || downscale_parallel(&surface, &mut parallel));
        assert!(parallel.as_view() == typed.as_view());
        println!(
            "  ... on {} threads, bands of 16 rows (rayon)   {parallel_ms:>9.3} ms  ({:.2}x faster)",
            typed_layout::ext::rayon::current_num_threads(),
            typed_ms / parallel_ms
        );
    }
    println!(
        "  2x box downscale, per-channel strided u8 views {strided_ms:>9.3} ms  ({:.1}x slower)",
        strided_ms / typed_ms
    );
    Ok((typed_ms, strided_ms))
}
