//! Seed 002: an RGBX image stored in blocks of rows (as Pillow keeps it),
//! copied to contiguous packed RGB in one pass.

use std::time::Instant;
// Pillow stores an `RGB` image as 4 bytes a pixel (`Rgbx8`, the fourth
// byte padding); packed RGB is 3 (`Rgb8`).
use typed_layout::pixels::{Rgb8, Rgbx8};
use typed_layout::{ImageBuf, RowTable, ViewError};

/// Pillow's block size: rows are allocated in blocks of up to 16 MiB.
const BLOCK_BYTES: usize = 16 << 20;

/// Best of three runs, in ms (the first run also faults the pages in).
fn best_of_three(mut work: impl FnMut()) -> f64 {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

/// Runs the scenario at `size x size`; returns (one pass, two-copy, memcpy) ms.
pub fn run(size: usize) -> Result<(f64, f64, f64), ViewError> {
    let rows_per_block = (BLOCK_BYTES / (size * 4)).max(1);
    let blocks: Vec<Vec<Rgbx8>> = (0..size.div_ceil(rows_per_block))
        .map(|block| {
            let rows = rows_per_block.min(size - block * rows_per_block);
            (0..rows * size)
                .map(|i| {
                    let v = (block * 31 + i) as u8;
                    Rgbx8 {
                        r: v,
                        g: v.wrapping_add(1),
                        b: v.wrapping_add(2),
                        _x: 0,
                    }
                })
                .collect()
        })
        .collect();
    let rows: Vec<&[Rgbx8]> = blocks
        .iter()
        .flat_map(|block| block.chunks_exact(size))
        .collect();
    println!(
        "  {size}x{size} RGBX in {} blocks of up to {rows_per_block} rows",
        blocks.len()
    );
    let table = RowTable::new(&rows)?;

    // One pass: each row converted straight into the destination.
    let mut packed = ImageBuf::<Rgb8>::new(size, size)?;
    let mut result = Ok(());
    let one_pass = best_of_three(|| result = table.convert_to(&mut packed.as_view_mut()));
    result?;

    // What tobytes() + np.array does: pack rows into 64 KiB chunks, join
    // the chunks, then copy into the array.
    let mut array = vec![1u8; packed.as_bytes().len()];
    let two_copy = best_of_three(|| {
        let mut chunks: Vec<Vec<u8>> = Vec::new();
        let mut chunk = Vec::with_capacity(64 << 10);
        for row in &rows {
            for pixel in row.iter() {
                chunk.extend_from_slice(&[pixel.r, pixel.g, pixel.b]);
                if chunk.len() >= 64 << 10 {
                    chunks.push(std::mem::replace(&mut chunk, Vec::with_capacity(64 << 10)));
                }
            }
        }
        chunks.push(chunk);
        let joined = chunks.concat();
        array.copy_from_slice(&joined);
    });
    assert_eq!(
        array,
        packed.as_bytes(),
        "both paths produce the same bytes"
    );

    // The floor: one memcpy of the output size.
    let mut target = vec![1u8; packed.as_bytes().len()];
    let memcpy = best_of_three(|| target.copy_from_slice(std::hint::black_box(packed.as_bytes())));
    std::hint::black_box(&target);

    println!(
        "  RowTable::convert_to, one pass                  {one_pass:>9.3} ms ({:.2}x memcpy)",
        one_pass / memcpy
    );
    println!(
        "  pack chunks, join, copy (tobytes + np.array)    {two_copy:>9.3} ms ({:.2}x memcpy)",
        two_copy / memcpy
    );
    println!(
        "  memcpy of the {} MB output                     {memcpy:>9.3} ms",
        packed.as_bytes().len() >> 20
    );
    Ok((one_pass, two_copy, memcpy))
}
