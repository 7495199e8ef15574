//! The `rayon` feature: channel conversion, record updates and a 2x
//! downscale on every core, against the same work on one.
//!
//! `cargo run --release --example with_rayon --features rayon`
#![forbid(unsafe_code)]

use std::time::Instant;
use typed_layout::ext::rayon::prelude::*;
use typed_layout::{convert, par_convert, ImageBuf, PixelLayout, RecordBuf};

#[path = "scenarios/surface.rs"]
mod surface;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Bgra8 {
    b: u8,
    g: u8,
    r: u8,
    a: u8,
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Rgba8 {
    r: u8,
    g: u8,
    b: u8,
    a: u8,
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C, packed)]
struct Person {
    name: [u8; 32],
    age: i32,
    salary: f64,
}

/// Best of `runs` timings of `work`, in milliseconds.
fn best_ms(runs: usize, mut work: impl FnMut()) -> f64 {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let threads = typed_layout::ext::rayon::current_num_threads();
    println!("rayon with {threads} threads");

    let (width, height) = (3840, 2160);
    let mut source = ImageBuf::<Bgra8>::new(width, height)?;
    source.as_view_mut().fill(Bgra8 {
        b: 1,
        g: 2,
        r: 3,
        a: 4,
    });
    let mut target = ImageBuf::<Rgba8>::new(width, height)?;
    let one = best_ms(10, || {
        convert(&source.as_view(), &mut target.as_view_mut()).expect("same size")
    });
    let all = best_ms(10, || {
        par_convert(&source.as_view(), &mut target.as_view_mut()).expect("same size")
    });
    println!(
        "  convert Bgra8 -> Rgba8 {width}x{height}: {one:.3} ms, par_convert {all:.3} ms ({:.2}x)",
        one / all
    );

    let mut people = RecordBuf::<Person>::zeroed(10_000_000)?;
    people.records_mut().columns_mut().salary.fill(1000.0);
    let one = best_ms(3, || {
        people
            .records_mut()
            .columns_mut()
            .salary
            .update(|s| s * 1.1)
    });
    let all = best_ms(3, || {
        people
            .records_mut()
            .par_chunks_mut(1 << 16)
            .expect("chunk length > 0")
            .for_each(|mut chunk| chunk.columns_mut().salary.update(|s| s * 1.1))
    });
    println!(
        "  10% raise over 10 M packed records: {one:.3} ms, par_chunks_mut {all:.3} ms ({:.2}x)",
        one / all
    );

    println!("surface resize (seed 000) with the parallel variant");
    surface::run(1920, 1080)?;
    Ok(())
}
