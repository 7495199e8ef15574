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

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod byte_order;
mod column;
mod convert;
mod error;
mod image;
#[cfg(feature = "alloc")]
mod image_buf;
#[cfg(any(feature = "ndarray", feature = "image"))]
mod interop;
mod layout;
#[cfg(feature = "std")]
mod mapped;
#[cfg(feature = "rayon")]
mod par;
#[allow(unsafe_code)]
mod raw;
#[cfg(feature = "alloc")]
mod record_buf;
// NumPy interop (dtype model, descr / PEP 3118, .npy files).
#[cfg(feature = "alloc")]
pub mod dtype;
#[cfg(feature = "std")]
pub mod npy;
mod records;
mod row_table;

pub use byte_order::{Be, Le, Scalar};
pub use column::{Column, ColumnIter, ColumnMut, ColumnSplit, ColumnWindows};
pub use convert::{convert, convert_with, zeroed, Ch, Channel, ConvertFrom};
pub use error::ViewError;
pub use image::{
    ArrayWindows, ImageRowsMut, ImageView, ImageViewMut, Pixels, PlaneSplit, Row, RowBands, Rows,
    Windows,
};
#[cfg(feature = "alloc")]
pub use image_buf::ImageBuf;
#[cfg(any(feature = "ndarray", feature = "image"))]
pub use interop::InteropError;
pub use layout::{ByteOrder, Columnar, ElemKind, Field, Layout, PixelLayout, Planar, Shape};
#[cfg(feature = "std")]
pub use mapped::MappedFile;
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
    #[cfg(feature = "bytemuck")]
    pub use bytemuck;
    #[cfg(feature = "image")]
    pub use image;
    #[cfg(feature = "ndarray")]
    pub use ndarray;
    #[cfg(feature = "rayon")]
    pub use rayon;
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
