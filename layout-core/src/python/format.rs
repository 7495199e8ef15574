//! Checking a buffer's PEP 3118 format against a layout type, with the
//! outcome cached per (type, itemsize, channels, format string), so a call
//! that passes the same kind of array again costs one lookup instead of a
//! parse and a dtype comparison.

use crate::dtype::{Dtype, DtypeField, HasDtype};
use crate::layout::PixelLayout;
use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::any::TypeId;
use std::sync::{Mutex, PoisonError};

/// What the buffer's elements must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Expect {
    /// One buffer element is one `T` (records, columns, 2-D images).
    Element,
    /// `channels` buffer elements (the last axis) make one `T`: a `(h, w,
    /// C)` array of a scalar format viewed as pixels.
    Channels(usize),
}

type Key = (TypeId, usize, Expect);
/// Formats seen for one key, newest last; a few at most in practice.
type Seen = Vec<(Box<[u8]>, Result<(), String>)>;

/// Formats remembered per key before the oldest is forgotten (a bound for
/// programs that pass many different dtypes to one function).
const PER_KEY: usize = 16;
/// Keys remembered before the cache starts over.
const KEYS: usize = 256;

/// One entry per (type, itemsize, expectation): a program has a few, so a
/// scan beats hashing.
static CACHE: Mutex<Vec<(Key, Seen)>> = Mutex::new(Vec::new());

/// Whether `format` (with this `itemsize`) describes `T` as `expect` says;
/// the error is the reason, field by field. Cached.
pub(crate) fn check<T: PixelLayout>(
    format: &[u8],
    itemsize: usize,
    expect: Expect,
) -> Result<(), String> {
    let key = (TypeId::of::<T>(), itemsize, expect);
    {
        let cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, seen)) = cache.iter().find(|(k, _)| *k == key) {
            if let Some((_, outcome)) = seen.iter().find(|(f, _)| **f == *format) {
                return outcome.clone();
            }
        }
    }
    let outcome = check_uncached::<T>(format, itemsize, expect);
    let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
    let index = match cache.iter().position(|(k, _)| *k == key) {
        Some(index) => index,
        None => {
            if cache.len() >= KEYS {
                cache.clear();
            }
            cache.push((key, Vec::new()));
            cache.len() - 1
        }
    };
    let seen = &mut cache[index].1;
    if seen.len() >= PER_KEY {
        drop(seen.remove(0));
    }
    seen.push((format.into(), outcome.clone()));
    outcome
}

fn check_uncached<T: PixelLayout>(
    format: &[u8],
    itemsize: usize,
    expect: Expect,
) -> Result<(), String> {
    let text = core::str::from_utf8(format)
        .map_err(|_| String::from("the buffer's format is not UTF-8"))?;
    let found = Dtype::from_pep3118(text)
        .map_err(|err| format!("cannot read the buffer's PEP 3118 format {text:?}: {err}"))?;
    let found = with_itemsize(found, itemsize).map_err(|declared| {
        format!(
            "the buffer's format {text:?} describes {declared}-byte elements but its itemsize \
             is {itemsize}"
        )
    })?;
    let expected = T::dtype();
    match expect {
        Expect::Element => expected.check(&found).map_err(|err| {
            format!(
                "the buffer's format {text:?} does not match `{}`: {err}",
                T::LAYOUT.name
            )
        }),
        Expect::Channels(channels) => check_channels(&expected, &found, channels).map_err(|why| {
            format!(
                "a buffer of {channels} channels of format {text:?} cannot hold `{}` pixels: \
                 {why}",
                T::LAYOUT.name
            )
        }),
    }
}

/// NumPy's PEP 3118 export leaves out trailing padding (the itemsize
/// travels separately): a record that is shorter than `itemsize` gets the
/// rest as a trailing gap. Fails with the format's own size when that is
/// larger, or when a non-record is shorter.
fn with_itemsize(found: Dtype, itemsize: usize) -> Result<Dtype, usize> {
    let declared = found.itemsize();
    if declared == itemsize {
        return Ok(found);
    }
    if declared < itemsize && found.is_record() {
        return Dtype::record(found.fields().to_vec(), itemsize).map_err(|_| declared);
    }
    Err(declared)
}

/// One scalar of a pixel type at a byte offset.
struct Leaf {
    offset: usize,
    size: usize,
    scalar: Dtype,
    name: String,
}

/// The scalars of `dtype` in offset order, sub-arrays unrolled.
fn leaves(dtype: &Dtype, offset: usize, name: &str, out: &mut Vec<Leaf>) {
    if dtype.is_scalar() {
        out.push(Leaf {
            offset,
            size: dtype.itemsize(),
            scalar: dtype.clone(),
            name: name.into(),
        });
    } else if dtype.is_sub_array() {
        let base = dtype.base();
        let count: usize = dtype.shape().iter().product();
        for i in 0..count {
            leaves(base, offset + i * base.itemsize(), name, out);
        }
    } else {
        for field in dtype.fields() {
            leaf_of_field(field, offset, out);
        }
    }
}

fn leaf_of_field(field: &DtypeField, offset: usize, out: &mut Vec<Leaf>) {
    // Padding fields are not in a dtype (their bytes are gaps), so every
    // field is data.
    leaves(field.dtype(), offset + field.offset(), field.name(), out);
}

/// Whether `pixel` is `channels` scalars of `channel` side by side (in any
/// names; gaps, such as `_pad` fields, are bytes of unused channels).
fn check_channels(pixel: &Dtype, channel: &Dtype, channels: usize) -> Result<(), String> {
    if !channel.is_scalar() {
        return Err(String::from(
            "channels must be scalars (a record or sub-array format cannot be split into channels)",
        ));
    }
    let size = channel.itemsize();
    if size.checked_mul(channels) != Some(pixel.itemsize()) {
        return Err(format!(
            "{channels} channels of {size} bytes are {} bytes, the pixel type has {}",
            channels.saturating_mul(size),
            pixel.itemsize()
        ));
    }
    let mut found = Vec::new();
    leaves(pixel, 0, "", &mut found);
    for leaf in &found {
        let scalar = &leaf.scalar;
        if leaf.offset % size != 0 || leaf.size != size {
            return Err(format!(
                "field `{}` ({} bytes at byte {}) is not one {size}-byte channel",
                leaf.name, leaf.size, leaf.offset
            ));
        }
        scalar.check(channel).map_err(|err| {
            format!(
                "field `{}` at byte {} is `{}` but the channels are `{}` ({err})",
                leaf.name,
                leaf.offset,
                scalar.typestr(),
                channel.typestr()
            )
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Be;

    // Records with names are tested end to end (python/tests), where the
    // derive is available; here: scalars, arrays and the itemsize rule.

    #[test]
    fn scalars_and_arrays() {
        assert_eq!(check::<f64>(b"=d", 8, Expect::Element), Ok(()));
        // Cached: the same answer again.
        assert_eq!(check::<f64>(b"=d", 8, Expect::Element), Ok(()));
        assert_eq!(check::<Be<f64>>(b">d", 8, Expect::Element), Ok(()));
        let err = check::<Be<f64>>(b"=d", 8, Expect::Element).unwrap_err();
        assert!(err.contains("the byte orders differ"), "{err}");
        assert_eq!(check::<[u8; 3]>(b"3B", 3, Expect::Element), Ok(()));
        let err = check::<f64>(b"d", 4, Expect::Element).unwrap_err();
        assert!(
            err.contains("describes 8-byte elements but its itemsize is 4"),
            "{err}"
        );
        let err = check::<f64>(b"T{", 8, Expect::Element).unwrap_err();
        assert!(
            err.contains("cannot read the buffer's PEP 3118 format"),
            "{err}"
        );
    }

    #[test]
    fn trailing_padding_travels_in_the_itemsize() {
        // `=`: no alignment, so the record is 9 bytes as written (NumPy's
        // `@` form rounds up to the alignment by itself).
        let found = Dtype::from_pep3118("T{=d:x:B:y:}").unwrap();
        assert_eq!(Dtype::from_pep3118("T{d:x:B:y:}").unwrap().itemsize(), 16);
        let padded = with_itemsize(found.clone(), 16).unwrap();
        assert_eq!((padded.itemsize(), padded.fields().len()), (16, 2));
        assert_eq!(with_itemsize(found, 8).unwrap_err(), 9);
        assert_eq!(
            with_itemsize(Dtype::from_pep3118("d").unwrap(), 16).unwrap_err(),
            8
        );
    }

    #[test]
    fn channels() {
        assert_eq!(check::<[u8; 4]>(b"B", 1, Expect::Channels(4)), Ok(()));
        assert_eq!(check::<[[u8; 2]; 2]>(b"B", 1, Expect::Channels(4)), Ok(()));
        let err = check::<[u8; 4]>(b"B", 1, Expect::Channels(3)).unwrap_err();
        assert!(
            err.contains("3 channels of 1 bytes are 3 bytes, the pixel type has 4"),
            "{err}"
        );
        let err = check::<[u8; 4]>(b"b", 1, Expect::Channels(4)).unwrap_err();
        assert!(err.contains("is `|u1` but the channels are `|i1`"), "{err}");
        assert_eq!(check::<[f32; 2]>(b"f", 4, Expect::Channels(2)), Ok(()));
        let err = check::<[u16; 2]>(b"B", 1, Expect::Channels(4)).unwrap_err();
        assert!(err.contains("is not one 1-byte channel"), "{err}");
        let err = check::<[u8; 4]>(b"T{B:b:}", 1, Expect::Channels(4)).unwrap_err();
        assert!(err.contains("channels must be scalars"), "{err}");
    }
}
