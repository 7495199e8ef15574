//! The bounds, aliasing and alignment arithmetic of views: numbers in,
//! verdicts out. No `unsafe` here (the module forbids it); the core view
//! (view.rs) cites these functions as the checks that establish its
//! preconditions.
#![forbid(unsafe_code)]

use crate::error::ViewError;

/// One axis of a strided view: element count and distance in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Dim {
    pub len: usize,
    pub stride: isize,
}

impl Dim {
    /// An axis of `len` elements `stride` bytes apart.
    pub(crate) const fn new(len: usize, stride: isize) -> Self {
        Dim { len, stride }
    }
}

/// Whether a view with these axes has no elements.
#[inline(always)]
pub(crate) fn is_empty(dims: &[Dim]) -> bool {
    dims.iter().any(|dim| dim.len == 0)
}

/// The one bounds rule. With element `(0, .., 0)` at byte `start` of a
/// buffer of `buf_len` bytes, proves that every byte of every element
/// (`start + Σ i_k·stride_k .. + elem_size`, `i_k < len_k`) lies in
/// `0..buf_len`. Arithmetic is in `i128` and checked, so no input
/// overflows; the errors carry the numbers that failed.
///
/// As a consequence every element offset, and every partial sum of
/// `i_k·stride_k` over the axes, fits in `isize`: each is the distance
/// between two bytes of one buffer, and a buffer is at most `isize::MAX`
/// bytes. A view with an empty axis has no elements: only `start <= buf_len`
/// is checked, and its strides are never used to reach memory.
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
    if is_empty(dims) {
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
        let side = if extent < 0 { &mut low } else { &mut high };
        *side = side.checked_add(extent).ok_or(overflow)?;
    }
    if low < 0 {
        return Err(ViewError::BeforeStart {
            bytes_before: low.unsigned_abs(),
        });
    }
    // high >= low >= 0 here, and both fit i128, so the end fits u128.
    let end = high as u128 + elem_size as u128;
    if end > buf_len as u128 {
        return Err(ViewError::OutOfBounds {
            needed: end,
            available: buf_len,
        });
    }
    Ok(())
}

/// Proves that no two elements of a view share a byte (run after
/// [`check_reach`], so the extents below fit in `usize`). Axes are taken
/// from the smallest |stride| up; each step along an axis must skip every
/// byte the smaller axes reach from one position. This is sufficient: two
/// different index tuples differ first (from the largest axis down) on some
/// axis, and that axis's step is larger than everything below it can cover.
/// Two interleaved axes that fail this quick rule are decided exactly by
/// [`axes_overlap`].
pub(crate) fn check_no_alias(elem_size: usize, dims: &[Dim]) -> Result<(), ViewError> {
    if is_empty(dims) {
        return Ok(()); // no elements, nothing to share
    }
    const MAX_AXES: usize = 4;
    assert!(dims.len() <= MAX_AXES, "views have at most four axes");
    let mut sorted = [Dim::new(1, 0); MAX_AXES];
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
/// `|dx·a.stride + dy·b.stride| < elem_size`. By symmetry only `dy >= 0`
/// (and `dx >= 1` when `dy == 0`) needs checking; for each `dy` the valid
/// `dx` form an interval. Loops over the shorter axis: when nothing
/// overlaps, all `a.len·b.len` elements are disjoint inside the buffer, so
/// that is at most √(buffer size) steps; when something does, the loop may
/// run up to the shorter length, which `check_reach` bounds by the buffer
/// size.
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
                // Solve -size < dx·stride + t < size for dx, with a
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

/// Whether every element address `address + Σ i_k·stride_k` is a multiple
/// of `align` (a power of two). A view without elements is trivially
/// aligned; strides of axes with at most one element are never used.
/// Inlined, so `align == 1` (bytes, packed records) costs nothing.
#[inline(always)]
pub(crate) fn is_aligned<const N: usize>(address: usize, align: usize, dims: &[Dim; N]) -> bool {
    if align == 1 || is_empty(dims) {
        return true;
    }
    let mask = align - 1;
    let mut bits = address;
    for dim in dims {
        if dim.len > 1 {
            bits |= dim.stride.unsigned_abs();
        }
    }
    bits & mask == 0
}

/// The byte offset of element `index` from element `(0, .., 0)`. Wrapping
/// arithmetic: for an index inside the view the true value fits `isize`
/// (see [`check_reach`]), so wrapping changes nothing; other indices are
/// never dereferenced.
#[inline(always)]
pub(crate) fn offset_of<const N: usize>(dims: &[Dim; N], index: [usize; N]) -> isize {
    let mut offset = 0isize;
    for k in 0..N {
        offset = offset.wrapping_add((index[k] as isize).wrapping_mul(dims[k].stride));
    }
    offset
}

/// Whether `index` lies inside the view.
#[inline(always)]
pub(crate) fn contains<const N: usize>(dims: &[Dim; N], index: [usize; N]) -> bool {
    let mut k = 0;
    while k < N {
        if index[k] >= dims[k].len {
            return false;
        }
        k += 1;
    }
    true
}

/// Elements `start..end` of an axis, every `step`-th: the offset of the
/// first from the old first element, and the new axis. Requires `start <=
/// end <= dim.len` and `step >= 1`. An empty result keeps offset 0, since
/// the old base is the one pointer known to be in (or one past) the
/// buffer.
pub(crate) fn sub_axis(dim: Dim, start: usize, end: usize, step: usize) -> (isize, Dim) {
    assert!(start <= end && end <= dim.len && step >= 1);
    // Windows and crops take step 1: skip the division for them.
    let len = if step == 1 {
        end - start
    } else {
        (end - start).div_ceil(step)
    };
    if len == 0 {
        return (0, Dim::new(0, dim.stride));
    }
    // When the view has elements, `start` is an element index, so its
    // offset fits isize, and for len > 1 the new stride `stride·step` is at
    // most the old extent. Wrapping keeps an empty view along another axis
    // (whose strides were never checked) panic-free; it reaches no memory.
    let offset = (start as isize).wrapping_mul(dim.stride);
    let stride = if len > 1 {
        dim.stride.wrapping_mul(step as isize)
    } else {
        dim.stride
    };
    (offset, Dim::new(len, stride))
}

/// The same axis walked backwards: the offset of the old last element and
/// the negated stride. Axes of at most one element are unchanged (their
/// stride is unchecked and may be `isize::MIN`).
pub(crate) fn reverse_axis(dim: Dim) -> (isize, Dim) {
    if dim.len <= 1 {
        return (0, dim);
    }
    // len > 1 and the axis was bounds-checked, so |stride| <= isize::MAX.
    let offset = ((dim.len - 1) as isize).wrapping_mul(dim.stride);
    (offset, Dim::new(dim.len, dim.stride.wrapping_neg()))
}

/// Offsets from element `(0, .., 0)` of the lowest byte any element
/// reaches and of one past the highest, for elements of `size` bytes;
/// `None` for a view without elements. Both are offsets of bytes of
/// elements, which the bounds check placed in the buffer, so they fit
/// `isize` (checked regardless).
#[cfg_attr(not(feature = "image"), allow(dead_code))]
pub(crate) fn span_offsets(dims: &[Dim], size: usize) -> Option<(isize, isize)> {
    if is_empty(dims) {
        return None;
    }
    let (mut low, mut high) = (0isize, 0isize);
    for dim in dims {
        let extent = isize::try_from(dim.len - 1).ok()?.checked_mul(dim.stride)?;
        if extent < 0 {
            low = low.checked_add(extent)?;
        } else {
            high = high.checked_add(extent)?;
        }
    }
    Some((low, high.checked_add(isize::try_from(size).ok()?)?))
}

/// The `G` at byte `offset` of a `record_size`-byte element: its end, or
/// `FieldOutOfRecord` if it would not lie inside the element.
pub(crate) fn field_end(
    offset: usize,
    field_size: usize,
    record_size: usize,
) -> Result<usize, ViewError> {
    offset
        .checked_add(field_size)
        .filter(|&end| end <= record_size)
        .ok_or(ViewError::FieldOutOfRecord {
            offset,
            field_size,
            record_size,
        })
}

/// Resolves a range against a length, with a typed error.
pub(crate) fn resolve(
    range: impl core::ops::RangeBounds<usize>,
    len: usize,
) -> Result<(usize, usize), ViewError> {
    use core::ops::Bound;
    let start = match range.start_bound() {
        Bound::Included(&start) => start,
        Bound::Excluded(&start) => start
            .checked_add(1)
            .ok_or(ViewError::IndexOutOfBounds { index: start, len })?,
        Bound::Unbounded => 0,
    };
    let end = match range.end_bound() {
        Bound::Included(&end) => end
            .checked_add(1)
            .ok_or(ViewError::IndexOutOfBounds { index: end, len })?,
        Bound::Excluded(&end) => end,
        Bound::Unbounded => len,
    };
    if start > end {
        return Err(ViewError::InvalidRange { start, end });
    }
    if end > len {
        return Err(ViewError::IndexOutOfBounds { index: end, len });
    }
    Ok((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reach_reports_true_numbers() {
        // 3 elements of 4 bytes, 8 apart, from byte 2: needs 2 + 16 + 4.
        assert_eq!(
            check_reach(21, 2, 4, &[Dim::new(3, 8)]),
            Err(ViewError::OutOfBounds {
                needed: 22,
                available: 21
            })
        );
        assert_eq!(
            check_reach(100, 0, 1, &[Dim::new(2, -3)]),
            Err(ViewError::BeforeStart { bytes_before: 3 })
        );
        let huge = Dim::new(usize::MAX, isize::MAX);
        assert_eq!(
            check_reach(100, 0, 1, &[huge, huge, huge]),
            Err(ViewError::Overflow {
                len: usize::MAX,
                stride: isize::MAX
            })
        );
    }

    #[test]
    fn interleaved_axes_are_exact() {
        // 2-byte elements, 4 apart in x, rows 6 apart: disjoint.
        assert!(check_no_alias(2, &[Dim::new(3, 4), Dim::new(3, 6)]).is_ok());
        // 2-byte elements 1 apart overlap.
        assert!(check_no_alias(2, &[Dim::new(2, 1)]).is_err());
    }
}
