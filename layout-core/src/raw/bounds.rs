//! The bounds and aliasing arithmetic: safe code only.
#![forbid(unsafe_code)]

use crate::error::ViewError;
use core::mem::align_of;

// ---------------------------------------------------------------------------
// The bounds rule.

/// One axis of a strided view: element count and distance in bytes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Dim {
    pub len: usize,
    pub stride: isize,
}

/// The one bounds rule. With element `(0, .., 0)` at byte `start` of a buffer
/// of `buf_len` bytes, proves that every byte of every element
/// (`start + sum(i_k * stride_k) .. + elem_size`, `i_k < len_k`) lies in
/// `0..buf_len`. Arithmetic is in `i128` and checked, so no input overflows.
///
/// As a consequence every element offset fits in `isize` (`buf_len` does,
/// being a slice length), which the pointer arithmetic below relies on.
pub(crate) fn check_reach(
    buf_len: usize,
    start: usize,
    elem_size: usize,
    dims: &[Dim],
) -> Result<(), ViewError> {
    if start > buf_len {
        return Err(ViewError::OutOfBounds {
            needed: start as u128,
            available: buf_len,
        });
    }
    if dims.iter().any(|dim| dim.len == 0) {
        return Ok(());
    }
    let mut low = start as i128;
    let mut high = start as i128;
    for dim in dims {
        let overflow = ViewError::Overflow {
            len: dim.len,
            stride: dim.stride,
        };
        let extent = ((dim.len - 1) as i128)
            .checked_mul(dim.stride as i128)
            .ok_or(overflow)?;
        if extent < 0 {
            low = low.checked_add(extent).ok_or(overflow)?;
        } else {
            high = high.checked_add(extent).ok_or(overflow)?;
        }
    }
    let end = high
        .checked_add(elem_size as i128)
        .ok_or(ViewError::Overflow { len: 1, stride: 0 })?;
    if low < 0 {
        return Err(ViewError::BeforeStart {
            bytes_before: low.unsigned_abs(),
        });
    }
    if end > buf_len as i128 {
        return Err(ViewError::OutOfBounds {
            needed: end as u128,
            available: buf_len,
        });
    }
    Ok(())
}

/// Proves that no two elements of a view share a byte (run after
/// [`check_reach`], so the extents below fit in `usize`). Axes are taken from
/// the smallest |stride| up; each step along an axis must skip every byte the
/// smaller axes reach from one position. This is sufficient: two different
/// index tuples differ first (from the largest axis down) on some axis, and
/// that axis's step is larger than everything below it can cover.
pub(crate) fn check_no_alias(elem_size: usize, dims: &[Dim]) -> Result<(), ViewError> {
    if dims.iter().any(|dim| dim.len == 0) {
        return Ok(()); // no elements, nothing to share
    }
    debug_assert!(dims.len() <= 4, "views have at most four axes");
    let mut sorted = [Dim { len: 1, stride: 0 }; 4];
    let mut count = 0;
    for dim in dims.iter().filter(|dim| dim.len > 1) {
        sorted[count] = *dim;
        count += 1;
    }
    let sorted = &mut sorted[..count];
    sorted.sort_unstable_by_key(|dim| dim.stride.unsigned_abs());
    let mut reach = elem_size;
    for dim in sorted.iter() {
        let step = dim.stride.unsigned_abs();
        if step < reach {
            // Two interleaved axes (e.g. 2-byte pixels 4 apart, rows 6
            // apart) can fail the quick rule yet never overlap: decide
            // exactly before refusing.
            if let [small, large] = *sorted {
                if !axes_overlap(elem_size, small, large) {
                    return Ok(());
                }
            }
            return Err(ViewError::Aliasing {
                stride: dim.stride,
                needed: reach,
            });
        }
        reach += step * (dim.len - 1);
    }
    Ok(())
}

/// Exactly whether two elements of a 2-D view share a byte: whether some
/// `(dx, dy) != (0, 0)` with `|dx| < a.len`, `|dy| < b.len` has
/// `|dx * a.stride + dy * b.stride| < elem_size`. By symmetry only `dy >= 0`
/// (and `dx >= 1` when `dy == 0`) needs checking; for each `dy` the valid `dx`
/// form an interval. Loops over the shorter axis: when nothing overlaps, all
/// `a.len * b.len` elements are disjoint inside the buffer, so that is at
/// most √(buffer size) steps; when something does, the loop may run up to
/// the shorter length, which `check_reach` bounds by the buffer size.
fn axes_overlap(elem_size: usize, a: Dim, b: Dim) -> bool {
    let (a, b) = if a.len >= b.len { (a, b) } else { (b, a) };
    let size = elem_size as i128;
    let a_max = a.len as i128 - 1;
    for dy in 0..b.len as i128 {
        let t = dy * b.stride as i128;
        let (lo, hi) = (if dy == 0 { 1 } else { -a_max }, a_max);
        let hit = match (a.stride as i128).signum() {
            0 => t.abs() < size && lo <= hi,
            sign => {
                // Solve -size < dx * stride + t < size for dx, with a
                // positive stride (flip the interval for a negative one).
                let stride = (a.stride as i128).abs();
                let (lo, hi) = if sign > 0 { (lo, hi) } else { (-hi, -lo) };
                let first = (-size - t).div_euclid(stride) + 1;
                let last = (size - t + stride - 1).div_euclid(stride) - 1;
                first.max(lo) <= last.min(hi)
            }
        };
        if hit {
            return true;
        }
    }
    false
}

/// Whether every element address `base + i * stride` is aligned for `T`.
pub(super) fn is_aligned<T>(base: *const u8, len: usize, stride: isize) -> bool {
    let align = align_of::<T>();
    (base as usize).is_multiple_of(align)
        && (len <= 1 || stride.unsigned_abs().is_multiple_of(align))
}

/// Element `index`'s address. Wrapping arithmetic: callers dereference only
/// indices below `len`, whose addresses the view's invariant places in bounds.
#[inline(always)]
pub(super) fn element(base: *const u8, index: usize, stride: isize) -> *const u8 {
    base.wrapping_offset((index as isize).wrapping_mul(stride))
}

/// New `(base, len, stride)` for elements `start..end` taken every `step`.
/// Requires `start <= end <= len` and `step >= 1`.
pub(super) fn subview(
    base: *const u8,
    stride: isize,
    start: usize,
    end: usize,
    step: usize,
) -> (*const u8, usize, isize) {
    // Windows and crops take step 1: skip the division for them.
    let new_len = if step == 1 {
        end - start
    } else {
        (end - start).div_ceil(step)
    };
    if new_len == 0 {
        // No elements: keep the old base, a pointer into (or one past) the
        // buffer. `element(base, start, stride)` could be wild here, since an
        // empty view's stride was never checked.
        return (base, 0, stride);
    }
    let new_base = element(base, start, stride);
    // When the view has elements and new_len > 1, (new_len - 1) * step *
    // |stride| is at most the old extent, which fits in isize (check_reach),
    // so the product does not overflow. An empty 2-D view (the other axis has
    // length 0) was never bounds-checked along this axis; wrapping keeps that
    // case panic-free, and its stride is never used to reach memory.
    let new_stride = if new_len > 1 {
        stride.wrapping_mul(step as isize)
    } else {
        stride
    };
    (new_base, new_len, new_stride)
}
