//! The library behind the `typed-layout` command: describe a `.npy` file or
//! a dtype string, and generate the `#[derive(PixelLayout)]` struct that
//! matches it, with the calls that read the file as that struct.
//!
//! ```
//! use typed_layout_core::Dtype;
//!
//! // A native `f64` at offset 36 is unaligned: the struct must be packed.
//! let dtype = Dtype::parse("[('name', '|S32'), ('age', '<i4'), ('salary', '<f8')]")?;
//! let code = typed_layout_cli::rust_definition(&dtype, "Person")?;
//! assert!(code.source.contains("#[repr(C, packed)]"));
//! assert!(code.source.contains("pub name: Bytes<32>,"));
//! assert!(code.source.contains("pub salary: f64,"));
//! assert!(code.warnings.is_empty());
//!
//! // `Be<f64>` has alignment 1, so the big-endian file fits plain `repr(C)`.
//! let dtype = Dtype::parse("[('name', '|S32'), ('age', '<i4'), ('salary', '>f8')]")?;
//! let code = typed_layout_cli::rust_definition(&dtype, "Person")?;
//! assert!(code.source.contains("#[repr(C)]"));
//! assert!(code.source.contains("pub salary: Be<f64>,"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod codegen;
mod names;
mod report;

pub use codegen::{
    rust_definition, rust_definition_with, use_lines, CodegenError, Generated, Options,
};
pub use names::{camel_case, check_type_name};
pub use report::{
    advice, byte_order_summary, describe_dtype, describe_header, render_advice, Advice,
};
