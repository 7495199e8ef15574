//! Runtime of `typed-layout`: the [`PixelLayout`] trait, its implementations for
//! scalars, arrays and byte-order wrappers, and checked zero-copy views
//! ([`Records`], [`Column`]) over borrowed bytes.
//!
//! Use it through the `typed-layout` facade crate, which also re-exports
//! `#[derive(PixelLayout)]`.
//!
//! # Safety model, in short
//!
//! * `PixelLayout` is an `unsafe trait`: an implementor promises no padding,
//!   every bit pattern valid, no pointers or interior mutability, and an exact
//!   field table. Only this crate (for scalars) and the derive (after proving
//!   the rules at compile time) implement it.
//! * Every view checks once, at construction, with checked arithmetic, that
//!   each byte it can reach lies inside the borrowed buffer, that references it
//!   hands out are aligned, and (for mutable views) that no two elements share
//!   a byte. After that, access checks only the index.
//! * All `unsafe` code of this crate lives in one private module, `raw`.
#![no_std]
#![deny(unsafe_code)]
#![deny(missing_docs)]
// docs.rs: label every item that needs a feature with that feature.
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod accessors;
// Records to and from Arrow, .npy to Parquet and Arrow IPC.
#[cfg(feature = "arrow")]
pub mod arrow;
mod byte_order;
mod column;
mod convert;
mod error;
mod fields;
mod image;
#[cfg(feature = "alloc")]
mod image_buf;
#[cfg(any(feature = "ndarray", feature = "image", feature = "fast_image_resize"))]
mod interop;
// Channels and conversion for the `rgb` crate's pixel types (their field
// tables are in raw/rgb.rs). Beside `interop` rather than in it: it has no
// use for `InteropError`.
mod layout;
#[cfg(feature = "std")]
mod mapped;
#[cfg(feature = "rayon")]
mod par;
#[allow(unsafe_code)]
mod raw;
#[cfg(feature = "alloc")]
mod record_buf;
#[cfg(feature = "rgb")]
#[path = "interop/with_rgb.rs"]
mod with_rgb;
// NumPy interop (dtype model, descr / PEP 3118, .npy files).
#[cfg(feature = "alloc")]
pub mod dtype;
#[cfg(feature = "std")]
pub mod npy;
pub mod numpy_types;
// NumPy .npz archives.
#[cfg(feature = "npz")]
pub mod npz;
// Python buffers through PyO3.
#[cfg(feature = "pyo3")]
pub mod python;
mod records;
mod row_table;

pub use byte_order::{Be, Le, Scalar};
pub use column::{Column, ColumnIter, ColumnMut, ColumnSplit, ColumnWindows};
pub use convert::{convert, convert_with, zeroed, Ch, Channel, ConvertFrom};
pub use error::ViewError;
pub use fields::{kind, Columnar, FieldKind, Fields, Planar};
pub use image::{
    ArrayWindows, ImageRowsMut, ImageView, ImageViewMut, Pixels, PlaneSplit, Row, RowBands, Rows,
    Windows,
};
#[cfg(feature = "alloc")]
pub use image_buf::ImageBuf;
#[cfg(any(feature = "ndarray", feature = "image", feature = "fast_image_resize"))]
pub use interop::InteropError;
pub use layout::{ByteOrder, ElemKind, Field, Layout, PixelLayout, Shape};
#[cfg(feature = "std")]
pub use mapped::{FileError, MappedFile, READ_ALIGN};
pub use numpy_types::{Bool, Bytes, Datetime64, TimeUnit, Timedelta64, Ucs4};
#[cfg(feature = "rayon")]
pub use par::{par_convert, par_convert_with, Chunks, ParChunks, Splittable};
#[cfg(feature = "alloc")]
pub use record_buf::RecordBuf;
pub use records::{Records, RecordsIter, RecordsIterMut, RecordsMut};
pub use row_table::{convert_rows, RowTable};

// NumPy interop
#[cfg(feature = "alloc")]
pub use dtype::{Dtype, DtypeError, DtypeField, DtypeKind, HasDtype, MismatchKind};
#[cfg(feature = "std")]
pub use npy::{Npy, NpyError, NpyFile, NpyHeader};

/// The optional interop crates, re-exported at the versions this crate
/// was built against, so a program can name their types without a second,
/// possibly mismatched, dependency line. Each is present with its feature.
pub mod ext {
    #[cfg(feature = "arrow")]
    pub use arrow_array;
    #[cfg(feature = "arrow")]
    pub use arrow_buffer;
    #[cfg(feature = "arrow")]
    pub use arrow_ipc;
    #[cfg(feature = "arrow")]
    pub use arrow_schema;
    #[cfg(feature = "bytemuck")]
    pub use bytemuck;
    #[cfg(feature = "fast_image_resize")]
    pub use fast_image_resize;
    #[cfg(feature = "half")]
    pub use half;
    #[cfg(feature = "image")]
    pub use image;
    #[cfg(feature = "ndarray")]
    pub use ndarray;
    #[cfg(feature = "num-complex")]
    pub use num_complex;
    #[cfg(feature = "arrow")]
    pub use parquet;
    #[cfg(feature = "pyo3")]
    pub use pyo3;
    #[cfg(feature = "rayon")]
    pub use rayon;
    #[cfg(feature = "rgb")]
    pub use rgb;
}

/// Items used by code that `#[derive(PixelLayout)]` generates. Not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::__impl_bytemuck as impl_bytemuck;
    pub use crate::layout::check::check_record;
    #[cfg(feature = "bytemuck")]
    pub use bytemuck;
    pub use core;
}
