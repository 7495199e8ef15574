//! Pillow images: the pixel type against the image mode, the pixels
//! through the Arrow C data interface (`Image.__arrow_c_array__`, Pillow
//! 11.2 and later).
//!
//! Facts (Pillow 13): an image is one Arrow array of `width * height`
//! pixels when Pillow holds it in one block (images up to
//! `PIL.Image.core.get_block_size()` bytes, 16 MiB by default); larger ones
//! are split into blocks of rows and the export raises `ValueError`. Modes
//! of 2 to 4 bands store 4 bytes a pixel (format `+w:4` of `C`): `RGB` is
//! R, G, B and an unused byte (255), `LA` is L, L, L, A; one-band modes
//! store one number (`L`, `P`, `1`: `C`; `I`: `i`; `F`: `f`; `I;16`: `s`).

use super::channels;
use crate::dtype::{Dtype, HasDtype};
use crate::layout::{ByteOrder, PixelLayout};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// The name of each of the 4 bytes of a multi-band mode's pixel; `None`
/// for unused bytes.
fn bands(mode: &str) -> Option<[Option<&'static str>; 4]> {
    Some(match mode {
        "RGB" => [Some("r"), Some("g"), Some("b"), None],
        "RGBA" | "RGBa" => [Some("r"), Some("g"), Some("b"), Some("a")],
        "RGBX" => [Some("r"), Some("g"), Some("b"), None],
        "CMYK" => [Some("c"), Some("m"), Some("y"), Some("k")],
        "YCbCr" => [Some("y"), Some("cb"), Some("cr"), None],
        "LAB" => [Some("l"), Some("a"), Some("b"), None],
        "HSV" => [Some("h"), Some("s"), Some("v"), None],
        "LA" | "La" => [Some("l"), None, None, Some("a")],
        "PA" => [Some("p"), None, None, Some("a")],
        _ => return None,
    })
}

/// The number one pixel of a one-band mode holds.
fn scalar(mode: &str) -> Option<(crate::dtype::DtypeKind, usize, ByteOrder)> {
    use crate::dtype::DtypeKind::{Float, Int, Uint};
    Some(match mode {
        "L" | "P" | "1" => (Uint, 1, ByteOrder::NotApplicable),
        "I" => (Int, 4, ByteOrder::NATIVE),
        "F" => (Float, 4, ByteOrder::NATIVE),
        "I;16" | "I;16L" => (Uint, 2, ByteOrder::Little),
        "I;16B" => (Uint, 2, ByteOrder::Big),
        "I;16N" => (Uint, 2, ByteOrder::NATIVE),
        _ => return None,
    })
}

/// Checks `P` against a Pillow mode: for multi-band modes, `P` is 4 bytes
/// whose named fields sit at their band's byte (`Rgbx8 { r, g, b, x }` for
/// `RGB`; `x` and `_`-names are unused bytes; a type without fields, such
/// as `[u8; 4]`, has no names to check); for one-band modes, `P` is the
/// mode's number (`u8` for `L`, `i32` for `I`, `f32` for `F`, ...).
pub(crate) fn check_pixel<P: PixelLayout>(mode: &str) -> Result<(), String> {
    if let Some((kind, size, order)) = scalar(mode) {
        let expected = Dtype::scalar(kind, size, order).map_err(|err| format!("{err}"))?;
        return P::dtype().check(&expected).map_err(|err| {
            format!(
                "`{}` does not hold a mode {mode} pixel ({}): {err}",
                P::LAYOUT.name,
                expected.typestr()
            )
        });
    }
    let Some(names) = bands(mode) else {
        return Err(format!(
            "Pillow mode {mode:?} is not one this library reads"
        ));
    };
    let describe = || {
        let list: Vec<String> = names
            .iter()
            .enumerate()
            .map(|(byte, name)| format!("{}: {}", byte, name.unwrap_or("unused")))
            .collect();
        format!("mode {mode} stores 4 bytes a pixel ({})", list.join(", "))
    };
    for field in channels::named_fields::<P>(4, &describe)? {
        let name = field.name;
        let at = names
            .iter()
            .position(|band| band.is_some_and(|band| band.eq_ignore_ascii_case(name)));
        match at {
            Some(byte) if field.offset == byte && field.layout.size == 1 => {}
            Some(byte) => {
                return Err(format!(
                    "field `{name}` of `{}` is {} byte(s) at byte {} but band `{name}` is byte \
                     {byte}: {}",
                    P::LAYOUT.name,
                    field.layout.size,
                    field.offset,
                    describe()
                ))
            }
            None => {
                return Err(format!(
                    "field `{name}` of `{}` is not a band of mode {mode}; name unused bytes x or \
                     _pad: {}",
                    P::LAYOUT.name,
                    describe()
                ))
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_band_modes_are_numbers() {
        assert_eq!(check_pixel::<u8>("L"), Ok(()));
        assert_eq!(check_pixel::<i32>("I"), Ok(()));
        assert_eq!(check_pixel::<f32>("F"), Ok(()));
        assert_eq!(check_pixel::<crate::Be<u16>>("I;16B"), Ok(()));
        let err = check_pixel::<u16>("F").unwrap_err();
        assert!(err.contains("does not hold a mode F pixel"), "{err}");
    }

    #[test]
    fn multi_band_modes_are_four_bytes() {
        assert_eq!(check_pixel::<[u8; 4]>("RGB"), Ok(()));
        let err = check_pixel::<[u8; 3]>("RGB").unwrap_err();
        assert!(
            err.contains(
                "is 3 bytes but mode RGB stores 4 bytes a pixel (0: r, 1: g, 2: b, 3: unused)"
            ),
            "{err}"
        );
        assert!(check_pixel::<u8>("BGR;24").is_err());
    }
}
