//! Every workload beside its baseline, in one criterion group each, so each
//! figure is a ratio from one run. `cargo bench --bench workloads`.
//!
//! The hand-written baselines use raw pointers on purpose: they are what a
//! user writes today without this library, and the target is to match them.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;
use typed_layout::{
    convert, Be, ImageBuf, ImageView, PixelLayout, Records, RecordsMut, Row, RowTable,
};

#[derive(
    Clone,
    Copy,
    PixelLayout,
    zerocopy::FromBytes,
    zerocopy::KnownLayout,
    zerocopy::Immutable,
    zerocopy::Unaligned,
)]
// With the `bytemuck` feature the PixelLayout derive implements these itself.
#[cfg_attr(not(feature = "bytemuck"), derive(bytemuck::Pod, bytemuck::Zeroable))]
#[repr(C, packed)]
struct Person {
    name: [u8; 32],
    age: i32,
    salary: f64,
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct AlignedPerson {
    name: [u8; 32],
    age: i32,
    _pad: [u8; 4],
    salary: f64,
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C, packed)]
struct PersonBe {
    name: [u8; 32],
    age: Be<i32>,
    salary: Be<f64>,
}

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
#[repr(C)]
struct Rgbx8 {
    r: u8,
    g: u8,
    b: u8,
    _x: u8,
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Rgb8 {
    r: u8,
    g: u8,
    b: u8,
}

/// Pseudo-random bytes (xorshift), so no workload sees constant data.
fn noise(len: usize) -> typed_layout::RecordBuf<u8> {
    let mut buf = typed_layout::RecordBuf::<u8>::zeroed(len).expect("buffer fits");
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    for chunk in buf.as_mut_slice().chunks_mut(8) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        chunk.copy_from_slice(&state.to_le_bytes()[..chunk.len()]);
    }
    // Keep salaries finite-ish: the sums only need to be computed, not meaningful.
    buf
}

/// Sum of the f64 at `offset` of every `stride`-byte record, the way it is
/// written by hand today.
fn raw_sum(bytes: &[u8], offset: usize, stride: usize) -> f64 {
    let count = bytes.len() / stride;
    let mut at = bytes.as_ptr().wrapping_add(offset);
    let mut sum = 0.0;
    for _ in 0..count {
        // SAFETY: record i's field lies at offset + i * stride + 0..8, inside
        // `bytes` because i < len / stride and offset + 8 <= stride.
        sum += unsafe { at.cast::<f64>().read_unaligned() };
        at = at.wrapping_add(stride);
    }
    sum
}

/// [`raw_sum`] in eight interleaved lanes, as `Column::sum` adds: the
/// hand-written baseline for the lane sum.
fn raw_sum_lanes(bytes: &[u8], offset: usize, stride: usize) -> f64 {
    let count = bytes.len() / stride;
    let mut at = bytes.as_ptr().wrapping_add(offset);
    let mut lanes = [0.0f64; 8];
    for _ in 0..count / 8 {
        for lane in lanes.iter_mut() {
            // SAFETY: as in `raw_sum`: at most `count` fields are read.
            *lane += unsafe { at.cast::<f64>().read_unaligned() };
            at = at.wrapping_add(stride);
        }
    }
    let mut tail = 0.0;
    for _ in 0..count % 8 {
        // SAFETY: as above; these are the last `count % 8` fields.
        tail += unsafe { at.cast::<f64>().read_unaligned() };
        at = at.wrapping_add(stride);
    }
    let [a, b, c, d, e, f, g, h] = lanes;
    ((a + b) + (c + d)) + ((e + f) + (g + h)) + tail
}

fn column_scan(c: &mut Criterion) {
    for count in [100_000usize, 10_000_000] {
        let buf = noise(count * 44);
        let bytes = buf.as_bytes();
        let mut group = c.benchmark_group(format!("column_scan_packed_{count}"));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.sample_size(if count > 1_000_000 { 20 } else { 100 });
        group.bench_function("typed_column", |b| {
            b.iter(|| {
                let people =
                    Records::<Person>::from_bytes(black_box(bytes)).expect("whole records");
                people.columns().salary.iter().sum::<f64>()
            })
        });
        group.bench_function("typed_column_lane_sum", |b| {
            b.iter(|| {
                let people =
                    Records::<Person>::from_bytes(black_box(bytes)).expect("whole records");
                people.columns().salary.sum()
            })
        });
        group.bench_function("raw_read_unaligned", |b| {
            b.iter(|| raw_sum(black_box(bytes), 36, 44))
        });
        group.bench_function("raw_read_unaligned_8_lanes", |b| {
            b.iter(|| raw_sum_lanes(black_box(bytes), 36, 44))
        });
        group.bench_function("bytemuck_pod_read_unaligned", |b| {
            b.iter(|| {
                black_box(bytes)
                    .chunks_exact(44)
                    .map(|record| bytemuck::pod_read_unaligned::<Person>(record).salary)
                    .sum::<f64>()
            })
        });
        group.bench_function("zerocopy_slice", |b| {
            b.iter(|| {
                use zerocopy::FromBytes;
                let people = <[Person]>::ref_from_bytes(black_box(bytes)).expect("whole records");
                people.iter().map(|p| p.salary).sum::<f64>()
            })
        });
        group.finish();
    }

    let count = 10_000_000;
    let buf = noise(count * 48);
    let bytes = buf.as_bytes();
    let mut group = c.benchmark_group("column_scan_aligned_10000000");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.sample_size(20);
    group.bench_function("typed_column", |b| {
        b.iter(|| {
            let people = Records::<AlignedPerson>::from_bytes(black_box(bytes)).expect("aligned");
            people.columns().salary.iter().sum::<f64>()
        })
    });
    group.bench_function("raw_read_unaligned", |b| {
        b.iter(|| raw_sum(black_box(bytes), 40, 48))
    });
    group.finish();

    let buf = noise(count * 44);
    let bytes = buf.as_bytes();
    let mut group = c.benchmark_group("column_scan_big_endian_10000000");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.sample_size(20);
    group.bench_function("typed_be_column", |b| {
        b.iter(|| {
            let people = Records::<PersonBe>::from_bytes(black_box(bytes)).expect("whole records");
            people.columns().salary.iter().map(Be::get).sum::<f64>()
        })
    });
    group.bench_function("raw_from_be_bytes", |b| {
        b.iter(|| {
            black_box(bytes)
                .chunks_exact(44)
                .map(|record| f64::from_be_bytes(record[36..44].try_into().expect("8 bytes")))
                .sum::<f64>()
        })
    });
    group.finish();
}

fn column_update(c: &mut Criterion) {
    let count = 10_000_000;
    let mut buf = noise(count * 44);
    let mut group = c.benchmark_group("column_update_packed_10000000");
    group.throughput(Throughput::Bytes((count * 44) as u64));
    group.sample_size(20);
    group.bench_function("typed_column_mut", |b| {
        b.iter(|| {
            let mut people =
                RecordsMut::<Person>::from_bytes_mut(buf.as_bytes_mut()).expect("whole records");
            people.columns_mut().salary.update(|s| s * 1.1);
        })
    });
    group.bench_function("raw_pointer_loop", |b| {
        b.iter(|| {
            let bytes = buf.as_bytes_mut();
            let mut at = bytes.as_mut_ptr().wrapping_add(36);
            for _ in 0..bytes.len() / 44 {
                // SAFETY: as in raw_sum: the field lies inside `bytes`, which
                // is borrowed exclusively here.
                unsafe {
                    at.cast::<f64>()
                        .write_unaligned(at.cast::<f64>().read_unaligned() * 1.1)
                };
                at = at.wrapping_add(44);
            }
        })
    });
    group.finish();
}

fn from_bytes(c: &mut Criterion) {
    // Zeroed allocations are mapped lazily, so even 1 GiB costs no memory
    // until touched; the views must not touch it.
    let sizes = [1usize << 10, 1 << 20, 100 << 20, 1 << 30];
    let buffers: Vec<_> = sizes
        .iter()
        .map(|&size| typed_layout::RecordBuf::<u8>::zeroed(size).expect("fits"))
        .collect();
    let mut group = c.benchmark_group("from_bytes");
    for buf in &buffers {
        let bytes = buf.as_bytes();
        let label = match bytes.len() {
            n if n >= 1 << 30 => "1GiB".to_owned(),
            n if n >= 1 << 20 => format!("{}MiB", n >> 20),
            n => format!("{}KiB", n >> 10),
        };
        group.bench_with_input(
            BenchmarkId::new("records_u64", &label),
            bytes,
            |b, bytes| b.iter(|| Records::<u64>::from_bytes(black_box(bytes)).map(|r| r.len())),
        );
        group.bench_with_input(
            BenchmarkId::new("image_bgra8", &label),
            bytes,
            |b, bytes| {
                b.iter(|| {
                    let width = 1024;
                    let height = bytes.len() / (width * 4);
                    ImageView::<Bgra8>::from_bytes(black_box(bytes), width, height, width * 4)
                        .map(|v| v.height())
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("bytemuck_cast_slice", &label),
            bytes,
            |b, bytes| {
                b.iter(|| bytemuck::try_cast_slice::<u8, u64>(black_box(bytes)).map(<[u64]>::len))
            },
        );
    }
    group.finish();
}

fn conversion(c: &mut Criterion) {
    {
        let (name, width, height) = ("bgra_to_rgba_1920x1080", 1920usize, 1080usize);
        let source = noise(width * height * 4);
        let source_pixels = Records::<Bgra8>::from_bytes(source.as_bytes()).expect("whole pixels");
        let source_pixels = source_pixels.as_slice().expect("contiguous");
        let mut target = ImageBuf::<Rgba8>::new(width, height).expect("fits");
        let mut copy_target = vec![0u8; width * height * 4];
        let mut group = c.benchmark_group(format!("convert_{name}"));
        group.throughput(Throughput::Bytes((width * height * 4) as u64));
        group.bench_function("typed_convert", |b| {
            let view = ImageView::from_slice(source_pixels, width, height).expect("size");
            b.iter(|| convert(black_box(&view), &mut target.as_view_mut()))
        });
        group.bench_function("copy_from_slice_same_bytes", |b| {
            b.iter(|| copy_target.copy_from_slice(black_box(source.as_bytes())))
        });
        group.bench_function("naive_byte_loop", |b| {
            b.iter(|| {
                let from = black_box(source.as_bytes());
                for i in 0..width * height {
                    copy_target[4 * i] = from[4 * i + 2];
                    copy_target[4 * i + 1] = from[4 * i + 1];
                    copy_target[4 * i + 2] = from[4 * i];
                    copy_target[4 * i + 3] = from[4 * i + 3];
                }
            })
        });
        group.finish();
    }

    let size = 8192;
    let source = noise(size * size * 4);
    let source_pixels = Records::<Rgbx8>::from_bytes(source.as_bytes()).expect("whole pixels");
    let source_pixels = source_pixels.as_slice().expect("contiguous");
    let mut target = ImageBuf::<Rgb8>::new(size, size).expect("fits");
    let mut copy_target = vec![0u8; size * size * 3];
    let mut group = c.benchmark_group("convert_rgbx_to_rgb_8192x8192");
    group.throughput(Throughput::Bytes((size * size * 3) as u64));
    group.sample_size(10);
    group.bench_function("typed_convert", |b| {
        let view = ImageView::from_slice(source_pixels, size, size).expect("size");
        b.iter(|| convert(black_box(&view), &mut target.as_view_mut()))
    });
    group.bench_function("copy_from_slice_output_bytes", |b| {
        b.iter(|| copy_target.copy_from_slice(black_box(&source.as_bytes()[..size * size * 3])))
    });
    group.bench_function("naive_byte_loop", |b| {
        b.iter(|| {
            let from = black_box(source.as_bytes());
            for i in 0..size * size {
                copy_target[3 * i] = from[4 * i];
                copy_target[3 * i + 1] = from[4 * i + 1];
                copy_target[3 * i + 2] = from[4 * i + 2];
            }
        })
    });
    group.finish();

    // Row table: the same RGBX pixels as blocks of 512 rows.
    let rows: Vec<&[Rgbx8]> = source_pixels.chunks_exact(size).collect();
    let mut group = c.benchmark_group("row_table_rgbx_to_rgb_8192x8192");
    group.throughput(Throughput::Bytes((size * size * 3) as u64));
    group.sample_size(10);
    group.bench_function("row_table_convert_to", |b| {
        let table = RowTable::new(&rows).expect("equal rows");
        b.iter(|| table.convert_to(&mut target.as_view_mut()))
    });
    group.bench_function("memcpy_output_size", |b| {
        b.iter(|| copy_target.copy_from_slice(black_box(&source.as_bytes()[..size * size * 3])))
    });
    group.bench_function("pack_chunks_join_copy", |b| {
        b.iter(|| {
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
            copy_target.copy_from_slice(&chunks.concat());
        })
    });
    group.finish();
}

/// 2x box filter of one channel sum, shared by the contiguous baselines.
#[inline(always)]
fn average4(a: u8, b: u8, c: u8, d: u8) -> u8 {
    ((u16::from(a) + u16::from(b) + u16::from(c) + u16::from(d) + 2) / 4) as u8
}

fn downscale(c: &mut Criterion) {
    let (width, height, pitch) = (1920usize, 1080usize, 1920 * 4 + 64);
    let bytes = noise(pitch * height);
    let mut target = ImageBuf::<Bgra8>::new(width / 2, height / 2).expect("fits");
    let mut plain = vec![0u8; (width / 2) * (height / 2) * 4];
    let mut group = c.benchmark_group("downscale_2x_bgra_1920x1080");
    group.throughput(Throughput::Bytes((width * height * 4) as u64));
    group.bench_function("typed_view_rows", |b| {
        let surface =
            ImageView::<Bgra8>::from_bytes(bytes.as_bytes(), width, height, pitch).expect("fits");
        b.iter(|| {
            for (y, mut out) in target.as_view_mut().rows_mut().enumerate() {
                downscale_row(&surface, y, out.as_mut_slice().expect("contiguous"));
            }
        })
    });
    group.bench_function("contiguous_byte_slices", |b| {
        let source = bytes.as_bytes();
        b.iter(|| {
            for (y, out) in plain.chunks_exact_mut((width / 2) * 4).enumerate() {
                let top = &source[2 * y * pitch..2 * y * pitch + width * 4];
                let bottom = &source[(2 * y + 1) * pitch..(2 * y + 1) * pitch + width * 4];
                for ((o, t), d) in out
                    .chunks_exact_mut(4)
                    .zip(top.chunks_exact(8))
                    .zip(bottom.chunks_exact(8))
                {
                    for channel in 0..4 {
                        o[channel] =
                            average4(t[channel], t[4 + channel], d[channel], d[4 + channel]);
                    }
                }
            }
            black_box(&plain);
        })
    });
    fast_image_resize_benches(
        &mut group,
        bytes.as_bytes(),
        (width, height, pitch),
        &mut target,
    );
    group.bench_function("per_channel_strided_views", |b| {
        let surface =
            ImageView::<Bgra8>::from_bytes(bytes.as_bytes(), width, height, pitch).expect("fits");
        let planes = surface.planes();
        let channels = [planes.b, planes.g, planes.r, planes.a];
        b.iter(|| {
            let mut view = target.as_view_mut();
            let typed_layout_planes = view.planes_mut();
            let Bgra8PlanesMut {
                b: pb,
                g: pg,
                r: pr,
                a: pa,
            } = typed_layout_planes;
            for (mut plane, channel) in [pb, pg, pr, pa].into_iter().zip(&channels) {
                for y in 0..height / 2 {
                    for x in 0..width / 2 {
                        let at = |dx, dy| channel.get(2 * x + dx, 2 * y + dy).unwrap_or(0);
                        let _ = plane.set(x, y, average4(at(0, 0), at(1, 0), at(0, 1), at(1, 1)));
                    }
                }
            }
        })
    });
    group.finish();
}

/// The Rust resizer users reach for, fed the padded surface in place (its
/// rows lent as slices), writing into our buffer's packed rows; and the same
/// after packing the rows into a buffer first.
#[cfg(feature = "fast_image_resize")]
fn fast_image_resize_benches(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    bytes: &[u8],
    (width, height, pitch): (usize, usize, usize),
    target: &mut ImageBuf<Bgra8>,
) {
    use typed_layout::ext::fast_image_resize::images::{Image, ImageRef};
    use typed_layout::ext::fast_image_resize::{
        FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer,
    };
    let options = ResizeOptions::new()
        .resize_alg(ResizeAlg::Convolution(FilterType::Box))
        .use_alpha(false);
    let mut resizer = Resizer::new();
    let (w, h) = ((width / 2) as u32, (height / 2) as u32);
    group.bench_function("fast_image_resize_view", |b| {
        let surface = ImageView::<Bgra8>::from_bytes(bytes, width, height, pitch).expect("fits");
        b.iter(|| {
            let mut out = Image::from_slice_u8(w, h, target.as_bytes_mut(), PixelType::U8x4)
                .expect("packed rows");
            resizer
                .resize(black_box(&surface), &mut out, &options)
                .expect("same pixel type")
        })
    });
    group.bench_function("fast_image_resize_packed_copy", |b| {
        let mut packed = vec![0u8; width * height * 4];
        b.iter(|| {
            for (to, from) in packed
                .chunks_exact_mut(width * 4)
                .zip(black_box(bytes).chunks_exact(pitch))
            {
                to.copy_from_slice(&from[..width * 4]);
            }
            let source =
                ImageRef::new(width as u32, height as u32, &packed, PixelType::U8x4).expect("size");
            let mut out = Image::from_slice_u8(w, h, target.as_bytes_mut(), PixelType::U8x4)
                .expect("packed rows");
            resizer
                .resize(&source, &mut out, &options)
                .expect("same pixel type")
        })
    });
}

#[cfg(not(feature = "fast_image_resize"))]
fn fast_image_resize_benches(
    _: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    _: &[u8],
    _: (usize, usize, usize),
    _: &mut ImageBuf<Bgra8>,
) {
}

fn box_blur(c: &mut Criterion) {
    let (width, height) = (640usize, 480usize);
    let pixels = noise(width * height);
    let mut out = vec![0u8; (width - 2) * (height - 2)];
    let mut group = c.benchmark_group("box_blur_3x3_gray_640x480");
    group.throughput(Throughput::Bytes((width * height) as u64));
    group.bench_function("windows_over_view", |b| {
        let image = ImageView::from_slice(pixels.as_slice(), width, height).expect("size");
        b.iter(|| {
            for (o, window) in out.iter_mut().zip(image.windows(3, 3).expect("3x3")) {
                let sum: u16 = window
                    .rows()
                    .map(|row| row.iter().map(u16::from).sum::<u16>())
                    .sum();
                *o = (sum / 9) as u8;
            }
            black_box(&out);
        })
    });
    group.bench_function("array_windows_over_view", |b| {
        let image = ImageView::from_slice(pixels.as_slice(), width, height).expect("size");
        b.iter(|| {
            for (o, window) in out.iter_mut().zip(image.array_windows::<3, 3>()) {
                let sum: u16 = window.iter().flatten().map(|&v| u16::from(v)).sum();
                *o = (sum / 9) as u8;
            }
            black_box(&out);
        })
    });
    group.bench_function("windows_over_view_row_slices", |b| {
        let image = ImageView::from_slice(pixels.as_slice(), width, height).expect("size");
        b.iter(|| {
            for (o, window) in out.iter_mut().zip(image.windows(3, 3).expect("3x3")) {
                let mut sum = 0u16;
                for row in window.rows() {
                    if let Row::Contiguous(row) = row {
                        sum += row.iter().map(|&v| u16::from(v)).sum::<u16>();
                    }
                }
                *o = (sum / 9) as u8;
            }
            black_box(&out);
        })
    });
    group.bench_function("contiguous_slice", |b| {
        let source = pixels.as_slice();
        b.iter(|| {
            for y in 0..height - 2 {
                for x in 0..width - 2 {
                    let mut sum = 0u16;
                    for dy in 0..3 {
                        let row = &source[(y + dy) * width + x..(y + dy) * width + x + 3];
                        sum += row.iter().map(|&v| u16::from(v)).sum::<u16>();
                    }
                    out[y * (width - 2) + x] = (sum / 9) as u8;
                }
            }
            black_box(&out);
        })
    });
    group.finish();
}

/// One output row of the 2x box filter, shared by the sequential and the
/// parallel downscale.
fn downscale_row(surface: &ImageView<'_, Bgra8>, y: usize, out: &mut [Bgra8]) {
    let (Some(Row::Contiguous(top)), Some(Row::Contiguous(bottom))) =
        (surface.row(2 * y), surface.row(2 * y + 1))
    else {
        return;
    };
    for ((o, t), d) in out
        .iter_mut()
        .zip(top.chunks_exact(2))
        .zip(bottom.chunks_exact(2))
    {
        *o = Bgra8 {
            b: average4(t[0].b, t[1].b, d[0].b, d[1].b),
            g: average4(t[0].g, t[1].g, d[0].g, d[1].g),
            r: average4(t[0].r, t[1].r, d[0].r, d[1].r),
            a: average4(t[0].a, t[1].a, d[0].a, d[1].a),
        };
    }
}

/// The `rayon` feature: the same work on one thread and on all of them.
#[cfg(feature = "rayon")]
fn parallel(c: &mut Criterion) {
    use typed_layout::ext::rayon::prelude::*;
    use typed_layout::par_convert;

    let (width, height) = (1920usize, 1080usize);
    let source = noise(width * height * 4);
    let pixels = Records::<Bgra8>::from_bytes(source.as_bytes()).expect("whole pixels");
    let pixels = pixels.as_slice().expect("contiguous");
    let view = ImageView::from_slice(pixels, width, height).expect("size");
    let mut target = ImageBuf::<Rgba8>::new(width, height).expect("fits");
    let mut group = c.benchmark_group("parallel_convert_bgra_to_rgba_1920x1080");
    group.throughput(Throughput::Bytes((width * height * 4) as u64));
    group.bench_function("convert", |b| {
        b.iter(|| convert(black_box(&view), &mut target.as_view_mut()))
    });
    group.bench_function("par_convert", |b| {
        b.iter(|| par_convert(black_box(&view), &mut target.as_view_mut()))
    });
    group.finish();

    let pitch = width * 4 + 64;
    let bytes = noise(pitch * height);
    let surface =
        ImageView::<Bgra8>::from_bytes(bytes.as_bytes(), width, height, pitch).expect("fits");
    let mut small = ImageBuf::<Bgra8>::new(width / 2, height / 2).expect("fits");
    let mut group = c.benchmark_group("parallel_downscale_2x_bgra_1920x1080");
    group.throughput(Throughput::Bytes((width * height * 4) as u64));
    group.bench_function("rows", |b| {
        b.iter(|| {
            for (y, mut out) in small.as_view_mut().rows_mut().enumerate() {
                downscale_row(&surface, y, out.as_mut_slice().expect("contiguous"));
            }
        })
    });
    group.bench_function("par_row_bands", |b| {
        const BAND: usize = 16;
        b.iter(|| {
            small
                .as_view_mut()
                .par_row_bands(BAND)
                .expect("band height")
                .enumerate()
                .for_each(|(band, mut rows)| {
                    for (k, mut out) in rows.rows_mut().enumerate() {
                        let out = out.as_mut_slice().expect("contiguous");
                        downscale_row(&surface, band * BAND + k, out);
                    }
                })
        })
    });
    group.finish();
}

#[cfg(not(feature = "rayon"))]
fn parallel(_: &mut Criterion) {}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));
    targets = column_scan, column_update, from_bytes, conversion, downscale, box_blur, parallel
}
criterion_main!(benches);
