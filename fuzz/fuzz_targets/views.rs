//! Builds records, columns and images over a buffer from fuzzed parameters
//! and touches every element of every accepted view (AddressSanitizer and
//! the checks below catch any out-of-bounds or aliasing view).
#![no_main]

use libfuzzer_sys::fuzz_target;
use typed_layout::{Column, ColumnMut, ImageView, ImageViewMut, Records, RecordsMut};

#[path = "params.rs"]
mod params;

fuzz_target!(|data: &[u8]| {
    let mut params = params::Params::new(data);
    let (start, width, height) = (params.size(), params.size(), params.size());
    let (x_stride, y_stride) = (params.stride(), params.stride());
    let step = params.size().max(1);
    let mut buffer = params.rest().to_vec();
    let len = buffer.len();

    if let Ok(column) = Column::<u32>::from_bytes(&buffer, start, width, x_stride) {
        assert!(column.len() == 0 || start < len);
        // Stride 0 makes any length valid (one value repeated): bound the
        // walks so the harness, not the library, stays quick.
        let _ = column.iter().take(1 << 16).fold(0u32, |a, v| a ^ v);
        let _ = column.step_by(step).map(|c| c.reversed().iter().take(1 << 16).count());
        let _ = column.range(width.min(1 << 16)..).map(|c| c.as_slice().map(<[u32]>::len));
    }
    if let Ok(records) = Records::<u16>::from_bytes_strided(&buffer, start, width, x_stride) {
        let _ = records.iter().take(1 << 16).fold(0u16, |a, v| a ^ v);
        let _ = records.windows(step).map(|w| w.take(4).count());
    }
    if let Ok(image) = ImageView::<[u8; 3]>::from_bytes_strided(&buffer, start, width, height, x_stride, y_stride) {
        let pixels = image.pixels().take(1 << 16).fold(0u8, |a, p| a ^ p[0] ^ p[2]);
        let _ = pixels;
        let _ = image.transpose().flip_horizontal().flip_vertical().step(step, step).map(|v| v.get(0, 0));
        let _ = image.windows(2, 2).map(|w| w.take(8).count());
        // Array windows read pixels directly: each must equal the sub-view's.
        for (i, block) in image.array_windows::<2, 3>().take(64).enumerate() {
            let across = image.width() - 1;
            let (x, y) = (i % across, i / across);
            assert_eq!(Some(block[2][1]), image.get(x + 1, y + 2), "array window");
        }
    }
    if let Ok(mut image) = ImageViewMut::<u16>::from_bytes_strided_mut(&mut buffer, start, width, height, x_stride, y_stride) {
        // Writing a distinct value into every pixel must be readable back:
        // two pixels sharing a byte would break this.
        let (w, h) = (image.width(), image.height());
        if w.saturating_mul(h) <= 1 << 16 {
            for y in 0..h {
                for x in 0..w {
                    image.set(x, y, (y * w + x) as u16).expect("inside");
                }
            }
            for y in 0..h {
                for x in 0..w {
                    assert_eq!(image.get(x, y), Some((y * w + x) as u16), "pixels alias");
                }
            }
        }
    }
    if let Ok(mut column) = ColumnMut::<u64>::from_bytes_mut(&mut buffer, start, width, x_stride) {
        column.fill(u64::MAX);
    }
    let _ = RecordsMut::<[u8; 5]>::from_bytes_mut(&mut buffer).map(|mut r| r.iter_mut().for_each(|v| v[0] = 1));
});
