//! pygame surfaces: the pixel format from the surface's masks, the pixels
//! through `Surface.get_view('2')`.
//!
//! Facts (pygame 2.6): `get_view('2')` exports shape `(w, h)` with strides
//! `(bytes_per_pixel, pitch)`, x-major, format `=I` for 32-bit surfaces and
//! `3x` for 24-bit ones; the pitch may exceed `w * bytes_per_pixel` (a
//! subsurface shares its parent's rows). `get_masks()` gives the R, G, B, A
//! masks of a pixel read as a native integer: a 32-bit `SRCALPHA` surface
//! has `0xff0000, 0xff00, 0xff, 0xff000000`, which is bytes B, G, R, A in
//! memory on a little-endian machine. Exporting the view locks the surface
//! until the buffer is released.

use super::channels;
use crate::layout::PixelLayout;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use pyo3::prelude::*;

/// The surface's pixel format, read from the surface.
pub(crate) struct SurfaceFormat {
    pub(crate) bytes_per_pixel: usize,
    /// R, G, B, A masks.
    pub(crate) masks: [u32; 4],
}

impl SurfaceFormat {
    pub(crate) fn of(surface: &Bound<'_, PyAny>) -> PyResult<Self> {
        let bytes_per_pixel: usize = surface.call_method0("get_bytesize")?.extract()?;
        let masks: (u32, u32, u32, u32) = surface.call_method0("get_masks")?.extract()?;
        Ok(SurfaceFormat {
            bytes_per_pixel,
            masks: [masks.0, masks.1, masks.2, masks.3],
        })
    }
}

/// The memory byte a channel mask selects, if it selects one whole byte.
fn channel_byte(mask: u32, bytes_per_pixel: usize) -> Option<usize> {
    let shift = mask.trailing_zeros();
    if mask == 0 || !shift.is_multiple_of(8) || mask >> shift != 0xff {
        return None;
    }
    let index = (shift / 8) as usize;
    if index >= bytes_per_pixel {
        return None;
    }
    Some(if cfg!(target_endian = "little") {
        index
    } else {
        bytes_per_pixel - 1 - index
    })
}

const CHANNELS: [(&str, &str); 4] = [("r", "red"), ("g", "green"), ("b", "blue"), ("a", "alpha")];

/// Checks that `P`'s fields name the surface's channels at the bytes its
/// masks select (B, G, R, A order on little-endian 32-bit surfaces). Field
/// names `r`/`red`, `g`/`green`, `b`/`blue`, `a`/`alpha` are channels;
/// `x` and names starting with `_` are unused bytes. A pixel type without
/// fields (`u32`, `[u8; 4]`) has no names to check.
pub(crate) fn check_pixel<P: PixelLayout>(format: &SurfaceFormat) -> Result<(), String> {
    let bytes_per_pixel = format.bytes_per_pixel;
    let describe = || {
        let names: Vec<String> = CHANNELS
            .iter()
            .zip(format.masks)
            .map(
                |((short, _), mask)| match channel_byte(mask, bytes_per_pixel) {
                    Some(byte) => format!("{short} at byte {byte}"),
                    None if mask == 0 => format!("no {short}"),
                    None => format!("{short} mask {mask:#x}"),
                },
            )
            .collect();
        format!(
            "the surface has {bytes_per_pixel}-byte pixels with {}",
            names.join(", ")
        )
    };
    for field in channels::named_fields::<P>(bytes_per_pixel, &describe)? {
        let name = field.name;
        let Some(channel) = CHANNELS.iter().position(|(short, long)| {
            name.eq_ignore_ascii_case(short) || name.eq_ignore_ascii_case(long)
        }) else {
            return Err(format!(
                "field `{name}` of `{}` is not a channel name: name channels r, g, b, a \
                 (or red, green, blue, alpha) and unused bytes x or _pad; {}",
                P::LAYOUT.name,
                describe()
            ));
        };
        let mask = format.masks[channel];
        let Some(byte) = channel_byte(mask, bytes_per_pixel) else {
            return Err(format!(
                "field `{name}` of `{}` needs a channel the surface {}; {}",
                P::LAYOUT.name,
                if mask == 0 {
                    "does not have (its mask is 0)"
                } else {
                    "does not store as one whole byte"
                },
                describe()
            ));
        };
        if field.layout.size != 1 || field.offset != byte {
            return Err(format!(
                "field `{name}` of `{}` is {} byte(s) at byte {} but {}; use a pixel type whose \
                 fields follow the surface's byte order",
                P::LAYOUT.name,
                field.layout.size,
                field.offset,
                describe()
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_to_bytes() {
        assert_eq!(
            channel_byte(0xff0000, 4),
            Some(if cfg!(target_endian = "little") { 2 } else { 1 })
        );
        assert_eq!(
            channel_byte(0xff000000, 4),
            Some(if cfg!(target_endian = "little") { 3 } else { 0 })
        );
        assert_eq!(channel_byte(0, 4), None);
        assert_eq!(channel_byte(0xf800, 2), None); // RGB565
        assert_eq!(channel_byte(0xff000000, 3), None);
    }

    #[test]
    fn unnamed_pixels_check_only_the_size() {
        let format = SurfaceFormat {
            bytes_per_pixel: 4,
            masks: [0xff0000, 0xff00, 0xff, 0xff000000],
        };
        assert_eq!(check_pixel::<u32>(&format), Ok(()));
        assert_eq!(check_pixel::<[u8; 4]>(&format), Ok(()));
        let err = check_pixel::<[u8; 3]>(&format).unwrap_err();
        assert!(
            err.contains("is 3 bytes but the surface has 4-byte pixels with r at byte"),
            "{err}"
        );
    }
}
