//! # typed-layout
//!
//! Compile-time proven memory layouts and safe, checked, zero-copy views over
//! foreign bytes.
//!
//! `#[derive(PixelLayout)]` reads a struct such as
//! `Person { name: [u8; 32], age: i32, salary: f64 }`, proves at compile time
//! that it has no padding and only plain-data fields, and generates typed
//! column views. [`Records`], [`Column`] and friends then view borrowed bytes
//! without copies, after one checked construction.
//!
//! ```
//! use typed_layout::{PixelLayout, Records, RecordsMut};
//!
//! #[derive(Clone, Copy, PixelLayout)]
//! #[repr(C, packed)] // NumPy's default layout: 44 bytes, salary unaligned
//! struct Person { name: [u8; 32], age: i32, salary: f64 }
//!
//! let mut bytes = vec![0u8; 44 * 1000];
//! let mut people = RecordsMut::<Person>::from_bytes_mut(&mut bytes)?;
//! let PersonColumnsMut { mut age, mut salary, .. } = people.columns_mut();
//! age.fill(40);
//! salary.fill(1000.0);
//! salary.update(|s| s * 1.1);
//!
//! let people = Records::<Person>::from_bytes(&bytes)?;
//! let columns = people.columns();
//! let mean = columns.salary.iter().sum::<f64>() / people.len() as f64;
//! assert!((mean - 1100.0).abs() < 1e-9);
//! assert_eq!(columns.age.get(999), Some(40));
//! # Ok::<(), typed_layout::ViewError>(())
//! ```
//!
//! # Safety model, in short
//!
//! [`PixelLayout`] is an `unsafe trait` implemented only by this library
//! (for scalars, arrays and [`Be`]/[`Le`]) and by the derive after its
//! compile-time proofs: no padding, every bit pattern valid, no pointers or
//! interior mutability, an exact field table. Every view checks bounds,
//! alignment and (for mutable views) aliasing once, at construction, with
//! checked arithmetic, and returns a [`ViewError`] with the numbers when the
//! bytes do not fit; a view borrows its buffer, so it cannot outlive it.
//! You never write `unsafe`, except to promise, when you memory-map a file,
//! that nobody changes it while mapped. SAFETY.md in the repository has the
//! details.
//!
//! # Map of the API
//!
//! | What | Items |
//! |---|---|
//! | The contract and the field table | [`PixelLayout`], [`Layout`], [`Field`], `#[derive(PixelLayout)]` |
//! | Records and columns | [`Records`], [`RecordsMut`], [`Column`], [`ColumnMut`], generated `<Name>Columns` / `<Name>ColumnsMut` |
//! | Images and planes | [`ImageView`], [`ImageViewMut`], [`Row`], generated `<Name>Planes` / `<Name>PlanesMut` |
//! | Channel conversion by name | [`convert`], [`convert_with`], [`ConvertFrom`] |
//! | Rows that live anywhere | [`RowTable`], [`convert_rows`] |
//! | Fixed byte order | [`Be`], [`Le`] |
//! | Owned, 64-byte-aligned storage (`alloc`) | `RecordBuf`, `ImageBuf` |
//! | NumPy dtypes, descr and PEP 3118 (`alloc`) | `Dtype`, `HasDtype` (`T::dtype()`), `DtypeError` |
//! | NumPy's dtype families | [`Bool`], [`Bytes`], [`Ucs4`], [`Datetime64`], [`Timedelta64`]; `half::f16`, `num_complex::Complex` with features |
//! | `.npy` files and raw files, read or mapped (`std`) | `NpyFile`, `Npy`, `npy::write`, `MappedFile`; `.npz` archives: `npz::Npz` (feature `npz`) |
//! | Interop (features) | `ext::{bytemuck, image, ndarray, rayon}`, `InteropError`, `par_convert`, `ParChunks` |
//! | Stock pixel types | [`pixels`]: `Rgb8`, `Rgba8`, `Bgr8`, `Bgra8`, `Rgbx8`, `Bgrx8`, `Gray8`, `Gray16`, `GrayAlpha8`, `Rgb16`, `Rgba16`, `Rgb32F`, `Rgba32F` |
//!
//! # Feature flags
//!
//! | Feature | Default | Adds |
//! |---|---|---|
//! | `std` | yes | `.npy` files, memory mapping (memmap2), `MappedFile`; implies `alloc` |
//! | `alloc` | with `std` | `RecordBuf`, `ImageBuf`, dtypes |
//! | `bytemuck` | no | derived types also implement `bytemuck::Pod` and `Zeroable` |
//! | `image` | no | `ImageView` / `ImageBuf` to and from `image::ImageBuffer` and `FlatSamples` |
//! | `ndarray` | no | columns, records, images and planes as `ndarray` views |
//! | `rayon` | no | parallel row bands and record chunks, `par_convert` |
//! | `half` | no | `half::f16` is a layout type (NumPy's `<f2`) |
//! | `num-complex` | no | `num_complex::Complex<f32/f64>` are layout types (`<c8`, `<c16`) |
//! | `npz` | no | `.npz` archives through the `zip` crate |
//!
//! Without default features the crate is `no_std` (views, columns, images,
//! conversion and the derive need only `core`).
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
// docs.rs (and `RUSTDOCFLAGS="--cfg docsrs" cargo +nightly doc --all-features`):
// label every item that needs a feature with that feature.
#![cfg_attr(docsrs, feature(doc_cfg))]

pub use typed_layout_core::*;
pub use typed_layout_derive::PixelLayout;

pub mod pixels;

// The feature-gated items of the runtime, named again under their feature:
// the glob above re-exports them too, but documentation inlined across
// crates loses the runtime's `#[cfg]`, and these lines put it back (the
// labels on the front page of the docs).
#[cfg(feature = "npz")]
pub use typed_layout_core::npz;
#[cfg(any(feature = "image", feature = "ndarray"))]
pub use typed_layout_core::InteropError;
#[cfg(feature = "alloc")]
pub use typed_layout_core::{
    dtype, Dtype, DtypeError, DtypeField, DtypeKind, HasDtype, ImageBuf, MismatchKind, RecordBuf,
};
#[cfg(feature = "std")]
pub use typed_layout_core::{
    npy, FileError, MappedFile, Npy, NpyError, NpyFile, NpyHeader, READ_ALIGN,
};
#[cfg(feature = "rayon")]
pub use typed_layout_core::{par_convert, par_convert_with, Chunks, ParChunks, Splittable};

/// The optional interop crates, re-exported at the versions this crate
/// was built against, so a program can name their types without a second,
/// possibly mismatched, dependency line. Each is present with its feature.
///
/// ```
/// # #[cfg(feature = "ndarray")]
/// use typed_layout::ext::ndarray::ArrayView2;
/// ```
pub mod ext {
    #[cfg(feature = "bytemuck")]
    pub use typed_layout_core::ext::bytemuck;
    #[cfg(feature = "fast_image_resize")]
    pub use typed_layout_core::ext::fast_image_resize;
    #[cfg(feature = "half")]
    pub use typed_layout_core::ext::half;
    #[cfg(feature = "image")]
    pub use typed_layout_core::ext::image;
    #[cfg(feature = "ndarray")]
    pub use typed_layout_core::ext::ndarray;
    #[cfg(feature = "num-complex")]
    pub use typed_layout_core::ext::num_complex;
    #[cfg(feature = "pyo3")]
    pub use typed_layout_core::ext::pyo3;
    #[cfg(feature = "rayon")]
    pub use typed_layout_core::ext::rayon;
    #[cfg(feature = "rgb")]
    pub use typed_layout_core::ext::rgb;
    #[cfg(feature = "arrow")]
    pub use typed_layout_core::ext::{arrow_array, arrow_buffer, arrow_ipc, arrow_schema, parquet};
}

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
