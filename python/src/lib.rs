//! `typed_layout_test`: the test extension of typed-layout's `pyo3`
//! feature. Every function takes Python buffers through the feature's
//! checked views; no `unsafe`, no ctypes. python/tests runs it against real
//! NumPy, pygame, OpenCV and Pillow; python/bench.py times it.
#![forbid(unsafe_code)]

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use typed_layout::ext::bytemuck;
use typed_layout::ext::rayon::prelude::*;
use typed_layout::python::{PyColumn, PyColumnMut, PyImage, PyImageMut, PyRecords, PyRecordsMut};
use typed_layout::{convert, Be, ImageBuf, ImageView, ImageViewMut, PixelLayout, RecordBuf, Row};

/// NumPy's `[('name', 'S32'), ('age', '<i4'), ('salary', '<f8')]`: packed,
/// 44 bytes, `salary` at offset 36 (unaligned).
#[derive(Clone, Copy, PixelLayout)]
#[repr(C, packed)]
struct Person {
    name: [u8; 32],
    age: i32,
    salary: f64,
}

/// The same dtype with `align=True`: 48 bytes, `salary` at offset 40.
#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct PersonAligned {
    name: [u8; 32],
    age: i32,
    _pad: [u8; 4],
    salary: f64,
}

/// A big-endian copy: `a.astype(a.dtype.newbyteorder('>'))`.
#[derive(Clone, Copy, PixelLayout)]
#[repr(C, packed)]
struct PersonBe {
    name: [u8; 32],
    age: Be<i32>,
    salary: Be<f64>,
}

/// A pygame 32-bit surface pixel on a little-endian machine.
#[derive(Clone, Copy, PartialEq, PixelLayout)]
#[repr(C)]
struct Bgra8 {
    b: u8,
    g: u8,
    r: u8,
    a: u8,
}

/// The bytes pygame's `pixels3d` reaches of a BGRA pixel, in memory order.
#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Bgr8 {
    b: u8,
    g: u8,
    r: u8,
}

/// Pillow's `RGB` pixel: 4 bytes, the last unused.
#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Rgbx8 {
    r: u8,
    g: u8,
    b: u8,
    x: u8,
}

/// Packed RGB, as NumPy's `(h, w, 3)` arrays hold it.
#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Rgb8 {
    r: u8,
    g: u8,
    b: u8,
}

/// Opaque RGBA.
#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Rgba8 {
    r: u8,
    g: u8,
    b: u8,
    a: u8,
}

// ---------------------------------------------------------------------------
// Seed 001: records.

#[pyfunction]
fn mean_salary(people: PyRecords<'_, Person>) -> f64 {
    let people = people.records();
    people.columns().salary.sum() / people.len() as f64
}

/// The same on rayon's threads: chunks of 64 Ki records summed in parallel.
#[pyfunction]
fn mean_salary_threads(people: PyRecords<'_, Person>) -> PyResult<f64> {
    let people = people.records();
    let total: f64 = people
        .par_chunks(1 << 16)?
        .map(|chunk| chunk.columns().salary.sum())
        .sum();
    Ok(total / people.len() as f64)
}

#[pyfunction]
fn mean_salary_aligned(people: PyRecords<'_, PersonAligned>) -> f64 {
    let people = people.records();
    people.columns().salary.sum() / people.len() as f64
}

#[pyfunction]
fn mean_salary_be(people: PyRecords<'_, PersonBe>) -> f64 {
    let people = people.records();
    people.columns().salary.iter().map(|s| s.get()).sum::<f64>() / people.len() as f64
}

#[pyfunction]
fn raise_salary(mut people: PyRecordsMut<'_, Person>, factor: f64) {
    people
        .records_mut()
        .columns_mut()
        .salary
        .update(|s| s * factor);
}

#[pyfunction]
fn raise_salary_aligned(mut people: PyRecordsMut<'_, PersonAligned>, factor: f64) {
    people
        .records_mut()
        .columns_mut()
        .salary
        .update(|s| s * factor);
}

#[pyfunction]
fn raise_salary_be(mut people: PyRecordsMut<'_, PersonBe>, factor: f64) {
    people
        .records_mut()
        .columns_mut()
        .salary
        .update(|s| Be::new(s.get() * factor));
}

/// Ages, in record order, as a list (checks the order of strided views).
#[pyfunction]
fn ages(people: PyRecords<'_, Person>) -> Vec<i32> {
    people.records().columns().age.iter().collect()
}

/// Copies `source` into `target` record by record (same length).
#[pyfunction]
fn copy_people(
    source: PyRecords<'_, Person>,
    mut target: PyRecordsMut<'_, Person>,
) -> PyResult<()> {
    target.records_mut().copy_from(&source.records())?;
    Ok(())
}

/// Mean salary of two read-only arguments (they may share memory).
#[pyfunction]
fn mean_salary_of_both(first: PyRecords<'_, Person>, second: PyRecords<'_, Person>) -> f64 {
    let sum = |p: &PyRecords<'_, Person>| p.records().columns().salary.sum();
    (sum(&first) + sum(&second)) / (first.len() + second.len()) as f64
}

/// How many records: the cheapest use of a taken buffer (per-call cost).
#[pyfunction]
fn count_people(people: PyRecords<'_, Person>) -> usize {
    people.len()
}

/// The baseline for `count_people`: a function that takes any object.
#[pyfunction]
fn count_nothing(_object: &Bound<'_, PyAny>) -> usize {
    0
}

/// Mean of a one-field view such as `a['salary']`.
#[pyfunction]
fn mean_column(values: PyColumn<'_, f64>) -> f64 {
    values.column().sum() / values.len() as f64
}

#[pyfunction]
fn scale_column(mut values: PyColumnMut<'_, f64>, factor: f64) {
    values.column_mut().update(|v| v * factor);
}

/// Sum of the bytes of any buffer (bytes, bytearray, memoryview, ...).
#[pyfunction]
fn sum_bytes(bytes: PyRecords<'_, u8>) -> u64 {
    bytes.records().iter().map(|&b| u64::from(b)).sum()
}

/// Adds 1 (wrapping) to every byte.
#[pyfunction]
fn increment_bytes(mut bytes: PyRecordsMut<'_, u8>) {
    for byte in bytes.records_mut().iter_mut() {
        *byte = byte.wrapping_add(1);
    }
}

/// `n` records for Python: `numpy.asarray(make_people(n))` views them.
#[pyfunction]
fn make_people(n: usize) -> PyResult<RecordBuf<Person>> {
    let mut people = RecordBuf::<Person>::zeroed(n)?;
    for (i, person) in people.as_mut_slice().iter_mut().enumerate() {
        let name = format!("person {i}");
        person.name[..name.len()].copy_from_slice(name.as_bytes());
        person.age = 20 + (i % 50) as i32;
        person.salary = 1000.0 + i as f64;
    }
    Ok(people)
}

/// The same records with `align=True` padding.
#[pyfunction]
fn make_people_aligned(n: usize) -> PyResult<RecordBuf<PersonAligned>> {
    let mut people = RecordBuf::<PersonAligned>::zeroed(n)?;
    for (i, person) in people.as_mut_slice().iter_mut().enumerate() {
        person.age = i as i32;
        person.salary = 0.5 * i as f64;
    }
    Ok(people)
}

/// Holds a view of `buffer` while calling `callback()`: what Python can do
/// to the exporter meanwhile (resize, lock state) is what the test checks.
#[pyfunction]
fn hold_bytes_and_call(
    bytes: PyRecords<'_, u8>,
    callback: &Bound<'_, PyAny>,
) -> PyResult<Py<PyAny>> {
    let _held = &bytes;
    Ok(callback.call0()?.unbind())
}

#[pyfunction]
fn hold_image_and_call(
    image: PyImage<'_, Bgra8>,
    callback: &Bound<'_, PyAny>,
) -> PyResult<Py<PyAny>> {
    let _held = &image;
    Ok(callback.call0()?.unbind())
}

// ---------------------------------------------------------------------------
// Seed 000: images and pygame surfaces.

/// 2x box filter of two source rows into one output row (bytes B, G, R, A;
/// the same rounding as OpenCV's INTER_AREA for a factor of 2). Blocks of
/// 4 output pixels over fixed-size arrays, so the compiler vectorizes the
/// vertical sums and the pairwise horizontal ones.
fn downscale_row(top: &[Bgra8], bottom: &[Bgra8], out: &mut [Bgra8]) {
    let top: &[u8] = bytemuck::cast_slice(top);
    let bottom: &[u8] = bytemuck::cast_slice(bottom);
    let out: &mut [u8] = bytemuck::cast_slice_mut(out);
    let (blocks, rest) = out.as_chunks_mut::<16>();
    let done = 32 * blocks.len();
    let (top_blocks, _) = top.as_chunks::<32>();
    let (bottom_blocks, _) = bottom.as_chunks::<32>();
    for ((out, top), bottom) in blocks.iter_mut().zip(top_blocks).zip(bottom_blocks) {
        let mut vertical = [0u16; 32];
        for (v, (&t, &b)) in vertical.iter_mut().zip(top.iter().zip(bottom)) {
            *v = u16::from(t) + u16::from(b);
        }
        for (pixel, pair) in out.chunks_exact_mut(4).zip(vertical.chunks_exact(8)) {
            for c in 0..4 {
                pixel[c] = ((pair[c] + pair[c + 4] + 2) >> 2) as u8;
            }
        }
    }
    for ((out, top), bottom) in rest
        .chunks_exact_mut(4)
        .zip(top[done..].chunks_exact(8))
        .zip(bottom[done..].chunks_exact(8))
    {
        for c in 0..4 {
            let sum = u16::from(top[c])
                + u16::from(top[c + 4])
                + u16::from(bottom[c])
                + u16::from(bottom[c + 4]);
            out[c] = ((sum + 2) >> 2) as u8;
        }
    }
}

/// The same kernel on any strides (a row that is not contiguous).
fn downscale_row_strided(source: &ImageView<'_, Bgra8>, y: usize, out: &mut [Bgra8]) {
    for (x, out) in out.iter_mut().enumerate() {
        let at = |dx: usize, dy: usize| source.get(2 * x + dx, 2 * y + dy).unwrap_or(*out);
        let [p, q, r, s] = [at(0, 0), at(1, 0), at(0, 1), at(1, 1)];
        let average = |f: fn(&Bgra8) -> u8| {
            ((u16::from(f(&p)) + u16::from(f(&q)) + u16::from(f(&r)) + u16::from(f(&s)) + 2) >> 2)
                as u8
        };
        *out = Bgra8 {
            b: average(|p| p.b),
            g: average(|p| p.g),
            r: average(|p| p.r),
            a: average(|p| p.a),
        };
    }
}

fn downscale_band(
    source: &ImageView<'_, Bgra8>,
    first_row: usize,
    mut band: ImageViewMut<'_, Bgra8>,
) {
    for (k, mut row) in band.rows_mut().enumerate() {
        let y = first_row + k;
        let Some(out) = row.as_mut_slice() else {
            // A target whose rows are not contiguous: one pixel at a time.
            let mut pixels: Vec<Bgra8> = row.iter().collect();
            downscale_row_strided(source, y, &mut pixels);
            for (x, pixel) in pixels.into_iter().enumerate() {
                let _ = row.set(x, pixel);
            }
            continue;
        };
        match (source.row(2 * y), source.row(2 * y + 1)) {
            (Some(Row::Contiguous(top)), Some(Row::Contiguous(bottom))) => {
                downscale_row(top, bottom, out);
            }
            _ => downscale_row_strided(source, y, out),
        }
    }
}

/// Seed 000: `target` becomes `source` downscaled 2x with a box filter;
/// both may be pygame surfaces (any pitch) or `(h, w, 4)` arrays.
/// `threads`: split the target into row bands on rayon's pool.
#[pyfunction]
#[pyo3(signature = (source, target, threads = false))]
fn downscale_2x(
    source: PyImage<'_, Bgra8>,
    mut target: PyImageMut<'_, Bgra8>,
    threads: bool,
) -> PyResult<()> {
    let source = source.view();
    let target = target.view_mut();
    let (w, h) = (target.width(), target.height());
    if source.width() / 2 != w || source.height() / 2 != h {
        return Err(PyValueError::new_err(format!(
            "downscale_2x: the target is {w}x{h} but half the source is {}x{}",
            source.width() / 2,
            source.height() / 2
        )));
    }
    if threads {
        const BAND: usize = 32;
        target
            .par_row_bands(BAND)?
            .enumerate()
            .for_each(|(i, band)| downscale_band(&source, i * BAND, band));
    } else {
        downscale_band(&source, 0, target);
    }
    Ok(())
}

/// What a view of an image sees: width, height, pixel stride, row stride,
/// and pixel (x, y) as (b, g, r, a).
type Seen = (usize, usize, isize, isize, (u8, u8, u8, u8));

/// What a `Bgra8` view of `image` sees at (x, y).
#[pyfunction]
fn bgra_at(image: PyImage<'_, Bgra8>, x: usize, y: usize) -> PyResult<Seen> {
    let view = image.view();
    let p = view
        .get(x, y)
        .ok_or_else(|| PyValueError::new_err(format!("({x}, {y}) is outside the image")))?;
    Ok((
        view.width(),
        view.height(),
        view.pixel_stride(),
        view.row_stride(),
        (p.b, p.g, p.r, p.a),
    ))
}

/// The same for `Rgba8` pixels (refused on a BGRA surface).
#[pyfunction]
fn rgba_at(image: PyImage<'_, Rgba8>, x: usize, y: usize) -> Option<(u8, u8, u8, u8)> {
    image.view().get(x, y).map(|p| (p.r, p.g, p.b, p.a))
}

/// The same for the 3-byte pixels of pygame's `pixels3d`.
#[pyfunction]
fn bgr_at(image: PyImage<'_, Bgr8>, x: usize, y: usize) -> Option<(usize, usize, (u8, u8, u8))> {
    let view = image.view();
    view.get(x, y)
        .map(|p| (view.width(), view.height(), (p.b, p.g, p.r)))
}

/// Fills every pixel of a mutable image.
#[pyfunction]
fn fill_bgra(mut image: PyImageMut<'_, Bgra8>, b: u8, g: u8, r: u8, a: u8) {
    image.view_mut().fill(Bgra8 { b, g, r, a });
}

/// An image for Python: pixel (x, y) is (x, y, x + y, 255) as B, G, R, A,
/// rows padded to 64 bytes.
#[pyfunction]
fn make_image(width: usize, height: usize) -> PyResult<ImageBuf<Bgra8>> {
    let mut image = ImageBuf::<Bgra8>::with_row_alignment(width, height, 64)?;
    let mut view = image.as_view_mut();
    for y in 0..height {
        for x in 0..width {
            view.set(
                x,
                y,
                Bgra8 {
                    b: x as u8,
                    g: y as u8,
                    r: (x + y) as u8,
                    a: 255,
                },
            )?;
        }
    }
    Ok(image)
}

/// An RGB image as `[u8; 3]` pixels: `numpy.asarray` gives `(h, w, 3)`.
#[pyfunction]
fn make_rgb(width: usize, height: usize) -> PyResult<ImageBuf<[u8; 3]>> {
    let mut image = ImageBuf::<[u8; 3]>::new(width, height)?;
    let mut view = image.as_view_mut();
    for y in 0..height {
        for x in 0..width {
            view.set(x, y, [x as u8, y as u8, 7])?;
        }
    }
    Ok(image)
}

// ---------------------------------------------------------------------------
// Seed 002: Pillow images.

/// Seed 002: a Pillow `RGB` image to a `(h, w, 3)` NumPy array in one pass
/// (`numpy.asarray(pillow_to_rgb(image))`): the image is viewed in place
/// through its Arrow export, and each pixel converted once into the
/// exported buffer.
#[pyfunction]
fn pillow_to_rgb(image: PyImage<'_, Rgbx8>) -> PyResult<ImageBuf<[u8; 3]>> {
    let source = image.view();
    let (w, h) = (source.width(), source.height());
    let mut out = ImageBuf::<[u8; 3]>::new(w, h)?;
    let pitch = out.row_pitch();
    let mut target = ImageViewMut::<Rgb8>::from_bytes_mut(out.as_bytes_mut(), w, h, pitch)?;
    convert(&source, &mut target)?;
    Ok(out)
}

/// Pixel (x, y) of an `RGB` image as its 4 stored bytes (r, g, b, x).
#[pyfunction]
fn rgbx_at(image: PyImage<'_, Rgbx8>, x: usize, y: usize) -> Option<(u8, u8, u8, u8)> {
    image.view().get(x, y).map(|p| (p.r, p.g, p.b, p.x))
}

/// Sum of a one-byte-per-pixel image (Pillow `L`, or a 2-D uint8 array).
#[pyfunction]
fn gray_sum(image: PyImage<'_, u8>) -> u64 {
    image.view().pixels().map(u64::from).sum()
}

/// Sum of a Pillow `F` image (or a 2-D float32 array).
#[pyfunction]
fn float_sum(image: PyImage<'_, f32>) -> f64 {
    image.view().pixels().map(f64::from).sum()
}

#[pymodule]
fn typed_layout_test(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(mean_salary, m)?)?;
    m.add_function(wrap_pyfunction!(mean_salary_threads, m)?)?;
    m.add_function(wrap_pyfunction!(mean_salary_aligned, m)?)?;
    m.add_function(wrap_pyfunction!(mean_salary_be, m)?)?;
    m.add_function(wrap_pyfunction!(raise_salary, m)?)?;
    m.add_function(wrap_pyfunction!(raise_salary_aligned, m)?)?;
    m.add_function(wrap_pyfunction!(raise_salary_be, m)?)?;
    m.add_function(wrap_pyfunction!(ages, m)?)?;
    m.add_function(wrap_pyfunction!(copy_people, m)?)?;
    m.add_function(wrap_pyfunction!(mean_salary_of_both, m)?)?;
    m.add_function(wrap_pyfunction!(count_people, m)?)?;
    m.add_function(wrap_pyfunction!(count_nothing, m)?)?;
    m.add_function(wrap_pyfunction!(mean_column, m)?)?;
    m.add_function(wrap_pyfunction!(scale_column, m)?)?;
    m.add_function(wrap_pyfunction!(sum_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(increment_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(make_people, m)?)?;
    m.add_function(wrap_pyfunction!(make_people_aligned, m)?)?;
    m.add_function(wrap_pyfunction!(hold_bytes_and_call, m)?)?;
    m.add_function(wrap_pyfunction!(hold_image_and_call, m)?)?;
    m.add_function(wrap_pyfunction!(downscale_2x, m)?)?;
    m.add_function(wrap_pyfunction!(bgra_at, m)?)?;
    m.add_function(wrap_pyfunction!(rgba_at, m)?)?;
    m.add_function(wrap_pyfunction!(bgr_at, m)?)?;
    m.add_function(wrap_pyfunction!(fill_bgra, m)?)?;
    m.add_function(wrap_pyfunction!(make_image, m)?)?;
    m.add_function(wrap_pyfunction!(make_rgb, m)?)?;
    m.add_function(wrap_pyfunction!(pillow_to_rgb, m)?)?;
    m.add_function(wrap_pyfunction!(rgbx_at, m)?)?;
    m.add_function(wrap_pyfunction!(gray_sum, m)?)?;
    m.add_function(wrap_pyfunction!(float_sum, m)?)?;
    Ok(())
}
