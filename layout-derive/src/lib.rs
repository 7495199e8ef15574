//! `#[derive(PixelLayout)]`: proves at compile time that a struct can be
//! viewed in foreign bytes, implements `PixelLayout` with an exact field
//! table, and generates per-field column views.
//!
//! Use it through the `typed-layout` crate (`use typed_layout::PixelLayout`).
//!
//! # Rules
//!
//! The derive accepts a struct with named fields and `#[repr(C)]`,
//! `#[repr(C, packed)]` (or `packed(N)`) or `#[repr(transparent)]`, whose
//! field types are layout types (`u8..u128`, `i8..i128`, `f32`, `f64`,
//! `Be<T>`, `Le<T>`, arrays of them, other derived structs). It refuses, with
//! a spanned error that says what to do:
//!
//! * a missing or other repr (`Rust`, `packed` without `C`, integer reprs);
//! * padding anywhere, including trailing padding added by `align(N)` (the
//!   message gives the byte count and suggests `_pad: [u8; N]` or `packed`);
//! * field types with invalid bit patterns, pointers or interior mutability
//!   (`bool`, `char`, references, raw pointers, `fn` pointers, `String`,
//!   `Vec`, `Box`, `Option`, `NonZero*`, `Cell`, atomics, `usize`, tuples, ...);
//! * enums, unions, generic parameters, tuple and unit structs, zero-sized
//!   structs.
//!
//! Layout facts (offsets, sizes, padding) are checked by constants the
//! derive emits, evaluated by the compiler with `offset_of!` and `size_of`,
//! so they are exact for every target.
//!
//! # Generated items
//!
//! For `struct Person { .. }` the derive emits, next to the struct:
//!
//! * `unsafe impl PixelLayout for Person` with `LAYOUT`, the field table;
//! * `PersonColumns<'a>` / `PersonColumnsMut<'a>`: one `Column` /
//!   `ColumnMut` per field, returned by `Records::columns()` and
//!   `RecordsMut::columns_mut()`, with the fields' names and visibility;
//! * `PersonPlanes<'a>` / `PersonPlanesMut<'a>`: one strided 2-D plane per
//!   field, returned by `ImageView::planes()` and `ImageViewMut::planes_mut()`;
//! * a `Channel` impl per field and `ConvertFrom<S>` for every layout type
//!   `S` that has a field of the same name and type for each of this type's
//!   fields (fields named `_...` are padding and are zeroed), which
//!   `convert` uses to match channels by name at compile time.
//!
//! The NumPy dtype (`Person::dtype()`) comes from the field table, through a
//! blanket impl in the runtime.
//!
//! # Attribute options
//!
//! * `#[pixel_layout(crate = "path::to::typed_layout")]`: where the runtime
//!   is, when the `typed_layout` crate is renamed or re-exported. A path to
//!   anything else cannot weaken the proofs: the trait re-checks each derived
//!   type's field sizes against its size wherever a view of it is built.
//!
//! # With the `bytemuck` feature
//!
//! The derive also implements `bytemuck::Zeroable` and `bytemuck::Pod`
//! (what it proves is exactly their contract). Do not derive them as well:
//! the impls would conflict. The generated code calls a macro of the runtime,
//! which expands to nothing without the feature, because a derive cannot see
//! which features its runtime was built with.

#![deny(missing_docs)]

mod ast;
mod expand;
mod paste;
#[cfg(test)]
mod snapshots;
mod valid;

use proc_macro::TokenStream;
use syn::{parse_macro_input, DeriveInput};

/// Derives `PixelLayout` and the column view types; see the crate docs for
/// the rules and the generated items.
#[proc_macro_derive(PixelLayout, attributes(pixel_layout))]
pub fn derive_pixel_layout(input: TokenStream) -> TokenStream {
    derive(&parse_macro_input!(input as DeriveInput)).into()
}

/// The whole derive as a plain function of its input, so that tests can
/// call it (snapshots.rs): parse, validate, expand, or the errors.
fn derive(input: &DeriveInput) -> proc_macro2::TokenStream {
    ast::Input::from_syn(input)
        .and_then(|model| {
            valid::validate(&model)?;
            Ok(expand::expand(&model))
        })
        .unwrap_or_else(syn::Error::into_compile_error)
}
