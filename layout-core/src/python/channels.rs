//! What pygame surfaces and Pillow images alike ask of a pixel type whose
//! fields name channels: its size, and which fields are channels (`x` and
//! names starting with `_` are unused bytes).

use crate::layout::{Field, PixelLayout};
use alloc::format;
use alloc::string::String;

/// The fields of `P` that name channels, after checking that `P` is `size`
/// bytes (`describe` says what a pixel holds, for the error). A pixel type
/// without fields (`u32`, `[u8; 4]`) has none: no names to check.
pub(crate) fn named_fields<P: PixelLayout>(
    size: usize,
    describe: impl FnOnce() -> String,
) -> Result<impl Iterator<Item = &'static Field>, String> {
    if P::LAYOUT.size != size {
        return Err(format!(
            "`{}` is {} bytes but {}",
            P::LAYOUT.name,
            P::LAYOUT.size,
            describe()
        ));
    }
    Ok(P::LAYOUT
        .fields()
        .iter()
        .filter(|field| field.name != "x" && !field.name.starts_with('_')))
}
