//! The `rgb` crate's pixel types as layout types (feature `rgb`): a
//! [`Channel`] per field, named as the field, and [`ConvertFrom`] any pixel
//! type that has the same channels, so [`convert`](crate::convert) works
//! between them and derived types in both directions. Their `PixelLayout`
//! impls (the field tables) are in `raw/rgb.rs`.
//!
//! | `rgb` type | Channels in memory order |
//! |---|---|
//! | `Rgb<T>` (`RGB8`, `RGB16`) | `r, g, b` |
//! | `Bgr<T>` (`BGR8`) | `b, g, r` |
//! | `Grb<T>` | `g, r, b` |
//! | `Rgba<T>` (`RGBA8`, `RGBA16`) | `r, g, b, a` |
//! | `Bgra<T>` (`BGRA8`) | `b, g, r, a` |
//! | `Argb<T>` | `a, r, g, b` |
//! | `Abgr<T>` | `a, b, g, r` |
//! | `Gray<T>` (`alt::Gray`, `GRAY8`) | `v` (its field `.0`) |
//! | `GrayAlpha<T>` (`alt::GrayAlpha`) | `v, a` (its fields `.0`, `.1`) |
//! | `GrayA<T>` | `v, a` |
//!
//! The alpha types are layout types when the alpha has the channels' type
//! (`Rgba<T>` is `Rgba<T, T>`): other combinations may have padding.

use crate::convert::{Ch, Channel, ConvertFrom};
use crate::layout::PixelLayout;
use rgb::alt::{Gray as GrayV08, GrayAlpha as GrayAlphaV08};
use rgb::{Abgr, Argb, Bgr, Bgra, GrayA, Grb, Rgb, Rgba};

/// A `Channel<(Ch<'c'>,)>` per `field => 'c'`, and `ConvertFrom<S>` for
/// every `S` with all of them, each of type `T`.
macro_rules! rgb_channels {
    ($ty:ident, [$($field:tt => $name:literal),+ $(,)?]) => {
        $(
            // The legacy gray types' fields `.0`/`.1` are deprecated in
            // `rgb` in favour of the names `v`/`a` used here.
            #[allow(deprecated)]
            impl<T: PixelLayout> Channel<(Ch<$name>,)> for $ty<T> {
                type Value = T;
                const OFFSET: usize = core::mem::offset_of!($ty<T>, $field);
            }
        )+

        impl<T: PixelLayout, S> ConvertFrom<S> for $ty<T>
        where
            S: PixelLayout $(+ Channel<(Ch<$name>,), Value = T>)+,
        {
        }
    };
}

rgb_channels!(Rgb, [r => 'r', g => 'g', b => 'b']);
rgb_channels!(Bgr, [b => 'b', g => 'g', r => 'r']);
rgb_channels!(Grb, [g => 'g', r => 'r', b => 'b']);
rgb_channels!(Rgba, [r => 'r', g => 'g', b => 'b', a => 'a']);
rgb_channels!(Bgra, [b => 'b', g => 'g', r => 'r', a => 'a']);
rgb_channels!(Argb, [a => 'a', r => 'r', g => 'g', b => 'b']);
rgb_channels!(Abgr, [a => 'a', b => 'b', g => 'g', r => 'r']);
rgb_channels!(GrayV08, [0 => 'v']);
rgb_channels!(GrayAlphaV08, [0 => 'v', 1 => 'a']);
rgb_channels!(GrayA, [v => 'v', a => 'a']);
