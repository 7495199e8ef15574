//! Whole values and byte views of whole slices.

use super::proven;
use crate::layout::PixelLayout;
use core::mem::size_of;

// ---------------------------------------------------------------------------
// Whole values.

/// A value whose bytes are all zero.
pub(crate) fn zeroed<T: PixelLayout>() -> T {
    proven::<T>();
    // SAFETY: every bit pattern of a PixelLayout type is a valid value
    // (trait contract), the all-zero pattern included.
    unsafe { core::mem::zeroed() }
}

/// Copies `size` bytes from `source` at `from` into `target` at `to`; `false`
/// (and nothing copied) if either range leaves its value.
#[inline(always)]
pub(crate) fn copy_bytes<S: PixelLayout, D: PixelLayout>(
    source: &S,
    from: usize,
    target: &mut D,
    to: usize,
    size: usize,
) -> bool {
    proven::<S>();
    proven::<D>();
    let fits = |at: usize, total: usize| at.checked_add(size).is_some_and(|end| end <= total);
    if !fits(from, size_of::<S>()) || !fits(to, size_of::<D>()) {
        return false;
    }
    let from_ptr = (source as *const S).cast::<u8>().wrapping_add(from);
    let to_ptr = (target as *mut D).cast::<u8>().wrapping_add(to);
    // SAFETY: both ranges lie inside their values (checked above); `source`'s
    // bytes are initialized (S has no padding); any bytes are valid for D;
    // `&S` and `&mut D` cannot overlap.
    unsafe { core::ptr::copy_nonoverlapping(from_ptr, to_ptr, size) };
    true
}

// ---------------------------------------------------------------------------
// Byte views of whole slices, and the SIMD byte shuffle used by conversion.

/// The bytes of a slice of layout values.
// Used by the SIMD conversion and .npy writing, both of which need std.
#[cfg_attr(not(feature = "std"), allow(dead_code))]
pub(crate) fn slice_bytes<T: PixelLayout>(values: &[T]) -> &[u8] {
    proven::<T>();
    // SAFETY: `values` covers `size_of_val(values)` initialized bytes (T has
    // no padding, PixelLayout), borrowed for the same lifetime; u8 needs no
    // alignment.
    unsafe {
        core::slice::from_raw_parts(values.as_ptr().cast::<u8>(), core::mem::size_of_val(values))
    }
}

/// The bytes of a mutable slice of layout values.
// Used by the SIMD conversion and .npy writing, both of which need std.
#[cfg_attr(not(feature = "std"), allow(dead_code))]
pub(crate) fn slice_bytes_mut<T: PixelLayout>(values: &mut [T]) -> &mut [u8] {
    proven::<T>();
    let len = core::mem::size_of_val(values);
    // SAFETY: as in `slice_bytes`, exclusively; any bytes written are a
    // valid T (PixelLayout), so the slice stays valid.
    unsafe { core::slice::from_raw_parts_mut(values.as_mut_ptr().cast::<u8>(), len) }
}
