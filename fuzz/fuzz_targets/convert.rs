//! Channel conversion between fuzzed source and target views, checked
//! against a per-pixel oracle.
#![no_main]

use libfuzzer_sys::fuzz_target;
use typed_layout::{convert, ImageView, ImageViewMut, PixelLayout};

#[path = "params.rs"]
mod params;

#[derive(Clone, Copy, PartialEq, Debug, PixelLayout)]
#[repr(C)]
struct Bgra8 {
    b: u8,
    g: u8,
    r: u8,
    a: u8,
}

#[derive(Clone, Copy, PartialEq, Debug, PixelLayout)]
#[repr(C)]
struct Rgb8 {
    r: u8,
    g: u8,
    b: u8,
}

fuzz_target!(|data: &[u8]| {
    let mut params = params::Params::new(data);
    let (start, width, height) = (params.size(), params.size(), params.size());
    let (x_stride, y_stride) = (params.stride(), params.stride());
    let (target_start, target_x, target_y) = (params.size(), params.stride(), params.stride());
    let source_bytes = params.rest().to_vec();
    let Ok(source) = ImageView::<Bgra8>::from_bytes_strided(&source_bytes, start, width, height, x_stride, y_stride) else {
        return;
    };
    if width.saturating_mul(height) > 1 << 16 {
        return;
    }
    let mut target_bytes = vec![0u8; 4096];
    let Ok(mut target) = ImageViewMut::<Rgb8>::from_bytes_strided_mut(
        &mut target_bytes, target_start, width, height, target_x, target_y,
    ) else {
        return;
    };
    convert(&source, &mut target).expect("same size");
    // A 0-wide image has no pixels, however many rows it claims.
    for y in 0..if width == 0 { 0 } else { height } {
        for x in 0..width {
            let p = source.get(x, y).expect("inside");
            assert_eq!(target.get(x, y), Some(Rgb8 { r: p.r, g: p.g, b: p.b }));
        }
    }
});
