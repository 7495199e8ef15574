//! The `ndarray` feature: columns, planes and records as ndarray views of
//! the same memory, and a clear error where ndarray cannot describe them.
//!
//! `cargo run --example with_ndarray --features ndarray`
#![forbid(unsafe_code)]

use typed_layout::ext::ndarray::Axis;
use typed_layout::{ImageBuf, PixelLayout, RecordBuf, Records};

/// NumPy's `align=True` Person: 48 bytes, `salary` 8-byte aligned.
#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Person {
    name: [u8; 32],
    age: i32,
    _pad: [u8; 4],
    salary: f64,
}

/// NumPy's default (packed) Person: 44 bytes, `salary` unaligned.
#[derive(Clone, Copy, PixelLayout)]
#[repr(C, packed)]
struct PackedPerson {
    name: [u8; 32],
    age: i32,
    salary: f64,
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Bgra8 {
    b: u8,
    g: u8,
    r: u8,
    a: u8,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut people = RecordBuf::<Person>::zeroed(1000)?;
    {
        let mut records = people.records_mut();
        let mut columns = records.columns_mut();
        for i in 0..1000 {
            columns.age.set(i, 20 + (i % 50) as i32)?;
            columns.salary.set(i, 1000.0 + i as f64)?;
        }
    }
    let records = people.records();
    let salary = records.columns().salary.as_ndarray()?; // stride 6 f64 = 48 bytes
    let max = salary.fold(f64::MIN, |max, &s| max.max(s));
    println!(
        "salary: {} values, stride {:?} elements, mean {:.1}, max {max:.1}",
        salary.len(),
        salary.strides(),
        salary.mean().unwrap_or(0.0),
    );

    // Raise in place through a mutable ndarray view of the column.
    let mut records = people.records_mut();
    records
        .columns_mut()
        .salary
        .as_ndarray_mut()?
        .mapv_inplace(|s| s * 1.1);
    println!(
        "after a 10% raise: {:.1}",
        people.records().columns().salary.get(0).unwrap_or(0.0)
    );

    // The packed layout: the salary column is 44 bytes apart, not a whole
    // number of f64, so ndarray cannot describe it. The error says so.
    let packed_bytes = vec![0u8; 44 * 10];
    let packed = Records::<PackedPerson>::from_bytes(&packed_bytes)?;
    if let Err(error) = packed.columns().salary.as_ndarray() {
        println!("packed salary column: {error}");
    }

    // Images: a BGRA surface with a 256-byte pitch as (h, w, 4) and planes.
    let mut surface = ImageBuf::<Bgra8>::with_row_alignment(60, 40, 256)?;
    surface.as_view_mut().update(|_| Bgra8 {
        b: 10,
        g: 20,
        r: 30,
        a: 255,
    });
    let view = surface.as_view();
    let hwc = view.as_ndarray_of::<u8>()?;
    println!(
        "surface as ndarray: shape {:?}, strides {:?}",
        hwc.shape(),
        hwc.strides()
    );
    let red = view.planes().r.as_ndarray()?;
    let mean_per_row = red.map(|&v| f64::from(v)).mean_axis(Axis(1)).expect("rows");
    println!(
        "red plane: shape {:?}, row means {:?}...",
        red.shape(),
        &mean_per_row.to_vec()[..3]
    );
    Ok(())
}
