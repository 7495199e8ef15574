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
//! The safety model: [`PixelLayout`] is an `unsafe trait` implemented only by
//! this library for scalars and by the derive after its compile-time proofs;
//! every view checks bounds, alignment and (for mutable views) aliasing once
//! at construction; a view borrows its buffer, so it cannot outlive it.
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub use typed_layout_core::*;
pub use typed_layout_derive::PixelLayout;

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
