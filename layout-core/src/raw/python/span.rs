//! The bytes a strided buffer's elements occupy (no `unsafe` here; the
//! slices built in `held.rs` and the exports in `export.rs` rest on it).

/// The byte span of a strided buffer, relative to the address of element
/// `(0, 0, ...)`: it starts `before` bytes below that address and is `len`
/// bytes long. Every byte of every element lies inside it; for a buffer with
/// no elements (an axis of length 0, or itemsize 0) it is empty
/// (`before == 0 && len == 0`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    /// Bytes from the lowest byte of any element up to element 0.
    pub(crate) before: usize,
    /// Bytes from the lowest byte of any element to one past the highest.
    pub(crate) len: usize,
}

/// Why a buffer's geometry has no span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum SpanError {
    /// `shape` and `strides` have different lengths.
    RankMismatch { shape: usize, strides: usize },
    /// The span does not fit in `isize::MAX` bytes (or the sum overflowed).
    TooLarge,
}

/// The span of `shape` elements `strides` bytes apart, each `itemsize`
/// bytes: `low = Σ (n-1)·s` over negative strides, `high = itemsize +
/// Σ (n-1)·s` over positive ones, in checked `i128` arithmetic;
/// `len = high - low <= isize::MAX`.
pub(crate) fn element_span(
    shape: &[usize],
    strides: &[isize],
    itemsize: usize,
) -> Result<Span, SpanError> {
    if shape.len() != strides.len() {
        return Err(SpanError::RankMismatch {
            shape: shape.len(),
            strides: strides.len(),
        });
    }
    if itemsize == 0 || shape.contains(&0) {
        return Ok(Span { before: 0, len: 0 });
    }
    let (mut low, mut high) = (0i128, 0i128);
    for (&n, &stride) in shape.iter().zip(strides) {
        // n >= 1 here; `n - 1` fits i128 for any usize.
        let reach = (n as i128 - 1)
            .checked_mul(stride as i128)
            .ok_or(SpanError::TooLarge)?;
        if reach < 0 {
            low = low.checked_add(reach).ok_or(SpanError::TooLarge)?;
        } else {
            high = high.checked_add(reach).ok_or(SpanError::TooLarge)?;
        }
    }
    let high = high
        .checked_add(itemsize as i128)
        .ok_or(SpanError::TooLarge)?;
    let len = high.checked_sub(low).ok_or(SpanError::TooLarge)?;
    if len > isize::MAX as i128 {
        return Err(SpanError::TooLarge);
    }
    // 0 <= -low <= len <= isize::MAX: both fit usize.
    Ok(Span {
        before: (-low) as usize,
        len: len as usize,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The oracle: every byte of every element, by enumeration.
    fn oracle(shape: &[usize], strides: &[isize], itemsize: usize) -> Option<(i128, i128)> {
        let count: usize = shape.iter().product();
        if count == 0 || itemsize == 0 {
            return None;
        }
        let (mut low, mut high) = (i128::MAX, i128::MIN);
        for flat in 0..count {
            let (mut rest, mut offset) = (flat, 0i128);
            for (&n, &s) in shape.iter().zip(strides).rev() {
                offset += (rest % n) as i128 * s as i128;
                rest /= n;
            }
            low = low.min(offset);
            high = high.max(offset + itemsize as i128);
        }
        Some((low, high))
    }

    #[test]
    fn spans_match_the_enumerated_bytes() {
        let cases: &[(&[usize], &[isize], usize)] = &[
            (&[5, 3, 3], &[4, 20, -1], 1), // pygame pixels3d
            (&[5, 3], &[4, 36], 4),        // pygame '2' view of a subsurface
            (&[4], &[-44], 44),            // a[::-1]
            (&[3, 2], &[44, 132], 44),     // Fortran order
            (&[7], &[0], 8),               // broadcast
            (&[], &[], 44),                // 0-d
            (&[2, 3, 4], &[-48, 16, -4], 4),
        ];
        for &(shape, strides, itemsize) in cases {
            let span = element_span(shape, strides, itemsize).unwrap();
            let (low, high) = oracle(shape, strides, itemsize).unwrap();
            assert_eq!(span.before as i128, -low, "{shape:?} {strides:?}");
            assert_eq!(span.len as i128, high - low, "{shape:?} {strides:?}");
        }
    }

    #[test]
    fn empty_and_huge_buffers() {
        assert_eq!(
            element_span(&[0, 5], &[isize::MIN, 3], 8),
            Ok(Span { before: 0, len: 0 })
        );
        assert_eq!(
            element_span(&[usize::MAX, 2], &[isize::MAX, isize::MIN], 1),
            Err(SpanError::TooLarge)
        );
        assert_eq!(
            element_span(&[2], &[isize::MAX], 1),
            Err(SpanError::TooLarge)
        );
        assert_eq!(
            element_span(&[2], &[1, 1], 1),
            Err(SpanError::RankMismatch {
                shape: 1,
                strides: 2
            })
        );
    }
}
