//! Seed 000 with the resizer Rust users reach for: a pygame-style BGRA
//! surface with a padded pitch, viewed as `ImageView<Bgra8>` and resized 2x
//! with a box (area) filter by `fast_image_resize`, which reads the view's
//! rows in place: the surface is never copied. The result lands in the
//! packed rows of an `ImageBuf<Bgra8>`, again without a copy.
//!
//! `cargo run --release --example with_fast_image_resize --features fast_image_resize`
#![forbid(unsafe_code)]

use std::time::Instant;
use typed_layout::ext::fast_image_resize::images::{Image, ImageRef};
use typed_layout::ext::fast_image_resize::{
    FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer,
};
use typed_layout::pixels::Bgra8;
use typed_layout::{ImageBuf, ImageView, Row};

/// Best of `runs`, in ms.
fn best_of(runs: usize, mut work: impl FnMut()) -> f64 {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (width, height) = (1920, 1080);
    let pitch = width * 4 + 64; // pygame pads each row
    let mut bytes = vec![0u8; pitch * height];
    for (y, row) in bytes.chunks_exact_mut(pitch).enumerate() {
        for (x, pixel) in row[..width * 4].chunks_exact_mut(4).enumerate() {
            pixel.copy_from_slice(&[(x % 256) as u8, (y % 256) as u8, ((x ^ y) % 256) as u8, 255]);
        }
    }
    let surface = ImageView::<Bgra8>::from_bytes(&bytes, width, height, pitch)?;
    println!("surface {width}x{height} BGRA, pitch {pitch} bytes, viewed as ImageView<Bgra8>");

    // Box filter, no alpha premultiplication: the same arithmetic as
    // OpenCV's INTER_AREA at 2x.
    let options = ResizeOptions::new()
        .resize_alg(ResizeAlg::Convolution(FilterType::Box))
        .use_alpha(false);
    let mut resizer = Resizer::new();
    let (half_w, half_h) = (width / 2, height / 2);
    let mut half = ImageBuf::<Bgra8>::new(half_w, half_h)?;
    let resize_in_place = |resizer: &mut Resizer,
                           half: &mut ImageBuf<Bgra8>|
     -> Result<(), Box<dyn std::error::Error>> {
        let mut target = Image::from_slice_u8(
            half_w as u32,
            half_h as u32,
            half.as_bytes_mut(),
            PixelType::U8x4,
        )?;
        resizer.resize(&surface, &mut target, &options)?;
        Ok(())
    };
    resize_in_place(&mut resizer, &mut half)?;

    // Check against the arithmetic 2x2 average, read through the view.
    let mut worst = 0u8;
    for y in 0..half_h {
        let (Some(Row::Contiguous(top)), Some(Row::Contiguous(bottom))) =
            (surface.row(2 * y), surface.row(2 * y + 1))
        else {
            unreachable!("a padded surface has contiguous rows");
        };
        for x in 0..half_w {
            let got = half.as_view().get(x, y).expect("inside");
            let quad = [top[2 * x], top[2 * x + 1], bottom[2 * x], bottom[2 * x + 1]];
            let mean = |c: fn(&Bgra8) -> u8| {
                let sum: u16 = quad.iter().map(|p| u16::from(c(p))).sum();
                ((sum + 2) / 4) as u8
            };
            for (ours, theirs) in [
                (mean(|p| p.b), got.b),
                (mean(|p| p.g), got.g),
                (mean(|p| p.r), got.r),
                (mean(|p| p.a), got.a),
            ] {
                worst = worst.max(ours.abs_diff(theirs));
            }
        }
    }
    println!("  fast_image_resize result vs the 2x2 mean: largest difference {worst} (rounding)");
    assert!(worst <= 1);

    let in_place = best_of(20, || {
        resize_in_place(&mut resizer, &mut half).expect("same pixel type");
    });
    // Without the view: pack the rows into a contiguous buffer first.
    let mut packed = vec![0u8; width * height * 4];
    let with_copy = best_of(20, || {
        for (to, from) in packed
            .chunks_exact_mut(width * 4)
            .zip(bytes.chunks_exact(pitch))
        {
            to.copy_from_slice(&from[..width * 4]);
        }
        let source = ImageRef::new(width as u32, height as u32, &packed, PixelType::U8x4)
            .expect("whole pixels");
        let mut target = Image::from_slice_u8(
            half_w as u32,
            half_h as u32,
            half.as_bytes_mut(),
            PixelType::U8x4,
        )
        .expect("packed rows");
        resizer
            .resize(&source, &mut target, &options)
            .expect("same pixel type");
    });
    println!("  2x box, fast_image_resize reading the view in place {in_place:>8.3} ms");
    println!(
        "  2x box, fast_image_resize after packing the rows    {with_copy:>8.3} ms  ({:.2}x)",
        with_copy / in_place
    );
    Ok(())
}
