//! `#[derive(PixelLayout)]` for typed-layout: proves at compile time that a
//! struct can be viewed in foreign bytes, implements `PixelLayout` with an
//! exact field table, and generates per-field column and plane views and
//! channels for conversion by name.
//!
//! Use it through the `typed-layout` crate (`use typed_layout::PixelLayout`);
//! the [`PixelLayout`](derive@PixelLayout) derive's page is the reference:
//! what it accepts, generates and refuses, its option and the padding rule.
//!
//! Inside: `ast.rs` parses the input, `valid.rs` (with `paste.rs`) refuses
//! what the syntax decides, `expand.rs` emits the code; `snapshots.rs` pins
//! the expansion of representative structs.

#![deny(missing_docs)]

mod ast;
mod expand;
mod paste;
#[cfg(test)]
mod snapshots;
mod valid;

use proc_macro::TokenStream;
use syn::{parse_macro_input, DeriveInput};

/// Derives `PixelLayout` for a struct: proves at compile time that its
/// bytes can be viewed in foreign memory, and generates its field table, its
/// column and plane views, and its channels for conversion by name.
///
/// Use it through the `typed-layout` crate: `use typed_layout::PixelLayout;`.
///
/// # Example
///
/// ```
/// use typed_layout::{convert, ImageView, ImageViewMut, PixelLayout, Records};
///
/// #[derive(Clone, Copy, PixelLayout)]
/// #[repr(C)]
/// pub struct Rgba8 {
///     pub r: u8,
///     pub g: u8,
///     pub b: u8,
///     pub a: u8,
/// }
///
/// #[derive(Clone, Copy, PixelLayout)]
/// #[repr(C)]
/// pub struct Bgrx8 {
///     pub b: u8,
///     pub g: u8,
///     pub r: u8,
///     _x: u8, // padding: the name starts with `_`
/// }
///
/// # fn main() -> Result<(), typed_layout::ViewError> {
/// // The field table, as constants.
/// let g = Rgba8::LAYOUT.field("g").expect("a field named g");
/// assert_eq!((g.offset, g.size(), g.padding), (1, 1, false));
/// assert!(Bgrx8::LAYOUT.field("_x").is_some_and(|x| x.padding));
///
/// // Columns: one view per field, over any records.
/// let pixels = [Rgba8 { r: 10, g: 20, b: 30, a: 255 }; 4];
/// let Rgba8Columns { r, a, .. } = Records::from_slice(&pixels).columns();
/// assert_eq!(r.iter().map(u32::from).sum::<u32>(), 40);
/// assert_eq!(a.get(3), Some(255));
///
/// // Planes: one strided image per field.
/// let image = ImageView::from_slice(&pixels, 2, 2)?;
/// assert_eq!(image.planes().b.get(1, 1), Some(30));
///
/// // Conversion matches channels by name; padding is zeroed.
/// let mut out = [Bgrx8 { b: 0, g: 0, r: 0, _x: 9 }; 4];
/// convert(&image, &mut ImageViewMut::from_slice_mut(&mut out, 2, 2)?)?;
/// assert_eq!((out[0].b, out[0].g, out[0].r, out[0]._x), (30, 20, 10, 0));
/// # Ok(())
/// # }
/// ```
///
/// # What it accepts
///
/// A struct with named fields and `#[repr(C)]`, `#[repr(C, packed)]` (or
/// `packed(N)`) or `#[repr(transparent)]`, optionally with `align(N)` when
/// that adds no padding, whose field types are layout types: `u8..u128`,
/// `i8..i128`, `f32`, `f64`, `Be<T>`, `Le<T>`, arrays of them and other
/// derived structs. It must be `Copy` and have no padding: make every gap an
/// explicit field (`_pad: [u8; N]`) or use `packed`.
///
/// # What it generates
///
/// For `pub struct Person { .. }`, next to the struct, with the struct's
/// visibility:
///
/// | Item | What it is |
/// |---|---|
/// | `unsafe impl PixelLayout for Person` | `Person::LAYOUT`, the field table: name, size, alignment, whether packed, and per field, in declaration order, a `Field` with its name, byte offset (`offset_of!`), layout and padding flag. `Person::dtype()` (NumPy) is built from it. |
/// | `PersonColumns<'a>` (`Copy`) / `PersonColumnsMut<'a>` | one `Column<'a, F>` / `ColumnMut<'a, F>` per field, each field with the struct field's name and visibility; from `Records::columns()` / `RecordsMut::columns_mut()` (the `Columnar` impl). The mutable columns are all usable at once: fields never share a byte. |
/// | `PersonPlanes<'a>` (`Copy`) / `PersonPlanesMut<'a>` | one strided `ImageView<'a, F>` / `ImageViewMut<'a, F>` per field; from `ImageView::planes()` / `ImageViewMut::planes_mut()` (the `Planar` impl). |
/// | `impl Channel<name> for Person`, one per field | the field's value by its name, as a type: field `age` is `Channel<(Ch<'a'>, Ch<'g'>, Ch<'e'>)>` with `Value` the field's type. |
/// | `impl<S> ConvertFrom<S> for Person` | for every layout type `S` that has, for each non-padding field of `Person`, a channel of the same name and type; padding fields are zeroed. `convert` uses it to match channels by name at compile time. |
/// | with layout-core's `bytemuck` feature: `Zeroable`, `Pod` | what the derive proves is exactly their contract; do not derive them as well (the impls would conflict). |
///
/// The checks are constants the compiler evaluates (so they are exact for
/// every target) and a function that is never called: the layout proof's
/// field list taken from the struct by value, so the compiler checks that it
/// lists the struct's real field types.
///
/// # The padding rule
///
/// A field whose name starts with `_` (after `r#`, as in `r#_x`) is padding:
/// it is a real field whose bytes are initialized and viewable, but the
/// field table flags it (`Field::padding`), NumPy sees an unnamed gap in its
/// place, conversion zeroes it, and it is never a channel. Names are written
/// without `r#` everywhere the derive emits one (the field table, channel
/// names, dtypes, messages); the generated view structs keep the Rust
/// identifier (`columns.r#type`).
///
/// # The option
///
/// `#[pixel_layout(crate = "path::to::typed_layout")]` says where the
/// runtime is, when the `typed_layout` crate is renamed or re-exported; it
/// must be a plain path. A path to anything else cannot weaken the proofs:
/// the trait re-checks each derived type's field sizes against its size
/// wherever a view of it is built. It is the only option.
///
/// # What it refuses
///
/// Each refusal is a compile error at the offending field or attribute that
/// says what is wrong and what to write instead. The [safety table] of the
/// README lists each with its message and the compile-fail test that pins
/// it:
///
/// | Refused | Because |
/// |---|---|
/// | no `repr`, `repr(Rust)`, integer reprs, `packed` without `C` | the compiler may reorder the fields |
/// | padding between fields, trailing padding (also when `align(N)` adds it), padding before a nested struct, `packed(N)` that pads | padding bytes are uninitialized; every padding is named, with the `_pad` field that fills it |
/// | zero-sized structs (unit, empty, only zero-sized fields) | there are no bytes to view |
/// | `bool`, `char`, `usize`/`isize`, references, raw and `fn` pointers, `String`, `Vec`, `Box`, `Option`, `NonZero*`, cells, atomics, tuples, slices, `str`, `PhantomData`, also inside arrays and `Be`/`Le` | invalid bit patterns, pointers, interior mutability, a target-dependent or unspecified layout, or no data |
/// | any other type that is not a layout type | the `PixelLayout` bound, with a note listing the layout types |
/// | a macro invocation anywhere in a field type (array lengths, generic arguments, `Be<..>`), `Self` in a field type | the derive pastes a field's type into several items and a macro may expand differently at each; define the type or length once (`type T = m!();`, `const N: usize = m!();`) |
/// | enums, unions, generic structs, tuple structs | invalid discriminants, an unrecorded active field, no single layout to prove, no names for columns |
/// | a missing `Copy`, an unknown `pixel_layout` option, a crate path with generic arguments | |
///
/// [safety table]: https://example.invalid/typed-layout#safety-rules
///
/// # With the `bytemuck` feature
///
/// The generated code calls a macro of the runtime that expands to nothing,
/// or, when layout-core is built with its `bytemuck` feature, to the
/// `Zeroable` and `Pod` impls behind the same proof: a derive cannot see
/// which features its runtime was built with.
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
