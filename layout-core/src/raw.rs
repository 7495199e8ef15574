//! Every `unsafe` operation of this crate, and the checks they rest on.
//!
//! The views elsewhere are built from three types defined here:
//!
//! * [`Strided`]: `len` elements of `T` at `base + i * stride` bytes, shared;
//! * [`StridedMut`]: the same, exclusive, with no two elements sharing a byte;
//! * [`FieldSplit`]: hands out disjoint mutable field views of a `StridedMut`.
//!
//! Their constructors are the only way to make one, and each either derives
//! the bounds from a Rust slice or calls [`check_reach`] (and, for mutable
//! views, [`check_no_alias`]). The invariants they establish are written on
//! each type as "Invariant" and cited by every `// SAFETY:` comment below.

use crate::byte_order::{Be, Le, Scalar};
use crate::error::ViewError;
use crate::layout::{ByteOrder, ElemKind, Layout, PixelLayout, Shape};
use core::marker::PhantomData;
use core::mem::{align_of, size_of};

// ---------------------------------------------------------------------------
// Trait implementations for the built-in layout types.

macro_rules! native_scalar {
    ($($ty:ident => $kind:ident),* $(,)?) => {$(
        // The table takes size and alignment from the compiler and the byte
        // order from the target.
        // SAFETY: a primitive integer or float has no padding, every bit
        // pattern is a value (floats: a number or NaN), and no pointer or cell.
        unsafe impl PixelLayout for $ty {
            type __Fields = ();
            const __PROOF: () = ();
            const LAYOUT: Layout = Layout {
                name: stringify!($ty),
                size: size_of::<$ty>(),
                align: align_of::<$ty>(),
                shape: Shape::Scalar {
                    kind: ElemKind::$kind,
                    order: if size_of::<$ty>() == 1 {
                        ByteOrder::NotApplicable
                    } else {
                        ByteOrder::NATIVE
                    },
                },
            };
        }
    )*};
}

native_scalar!(
    u8 => Uint, u16 => Uint, u32 => Uint, u64 => Uint, u128 => Uint,
    i8 => Int, i16 => Int, i32 => Int, i64 => Int, i128 => Int,
    f32 => Float, f64 => Float,
);

// SAFETY: an array is `N` values of `T` one after another with no gaps (its
// size is `N * size_of::<T>()`), so it has padding, invalid bit patterns,
// pointers or cells only if `T` has, and `T: PixelLayout` promises it has not.
unsafe impl<T: PixelLayout, const N: usize> PixelLayout for [T; N] {
    type __Fields = ();
    const __PROOF: () = T::__PROOF;
    const LAYOUT: Layout = Layout {
        name: "array",
        size: size_of::<[T; N]>(),
        align: align_of::<[T; N]>(),
        shape: Shape::Array {
            elem: &T::LAYOUT,
            len: N,
        },
    };
}

// SAFETY: `Be<T>` is `repr(transparent)` over `T::Bytes`, which the sealed
// `Scalar` impls in byte_order.rs fix to `[u8; size_of::<T>()]`: no padding,
// every byte value valid, no pointers, alignment 1.
unsafe impl<T: Scalar> PixelLayout for Be<T> {
    type __Fields = ();
    const __PROOF: () = ();
    const LAYOUT: Layout = Layout {
        name: T::BE_NAME,
        size: size_of::<Self>(),
        align: align_of::<Self>(),
        shape: Shape::Scalar {
            kind: T::KIND,
            order: ByteOrder::Big,
        },
    };
}

// SAFETY: as for `Be<T>` above: `repr(transparent)` over `[u8; size_of::<T>()]`.
unsafe impl<T: Scalar> PixelLayout for Le<T> {
    type __Fields = ();
    const __PROOF: () = ();
    const LAYOUT: Layout = Layout {
        name: T::LE_NAME,
        size: size_of::<Self>(),
        align: align_of::<Self>(),
        shape: Shape::Scalar {
            kind: T::KIND,
            order: ByteOrder::Little,
        },
    };
}

// ---------------------------------------------------------------------------
// bytemuck: `Pod` and `Zeroable` for the byte-order wrappers and, through
// the macro below, for every derived type.

#[cfg(feature = "bytemuck")]
mod bytemuck_impls {
    use super::{Be, Le, Scalar};

    // SAFETY: `Be<T>` is `repr(transparent)` over `[u8; size_of::<T>()]`
    // (byte_order.rs, sealed `Scalar`): all zeroes is a valid value.
    unsafe impl<T: Scalar> bytemuck::Zeroable for Be<T> {}
    // SAFETY: as above: plain bytes, no padding, any bit pattern valid,
    // `Copy + 'static`, `repr(transparent)`.
    unsafe impl<T: Scalar> bytemuck::Pod for Be<T> {}
    // SAFETY: as for `Be<T>`: `repr(transparent)` over a byte array.
    unsafe impl<T: Scalar> bytemuck::Zeroable for Le<T> {}
    // SAFETY: as for `Be<T>`: `repr(transparent)` over a byte array.
    unsafe impl<T: Scalar> bytemuck::Pod for Le<T> {}
}

/// Called by `#[derive(PixelLayout)]` inside its `const _: () = { .. };`
/// block, after the compile-time layout proofs. With the `bytemuck` feature
/// it implements `bytemuck::Zeroable` and `bytemuck::Pod` for the type;
/// without it, it expands to nothing. A `macro_rules!` of this crate rather
/// than derive output, because a proc macro cannot see this crate's features.
#[cfg(feature = "bytemuck")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_bytemuck {
    ($ty:ty) => {
        // The trait's own proof, which no `crate = ...` path can redirect:
        // this fails to compile unless `$ty: PixelLayout` and its field
        // sizes add up to its size (no padding, not zero-sized).
        const _: () = <$ty as $crate::PixelLayout>::__PROOF;
        // SAFETY: `$ty: PixelLayout`, and `__PROOF` just above holds, so it
        // has no padding (every byte is initialized and all zeroes is a
        // value) and every field is a layout type (any bit pattern valid, no
        // pointers or cells); the derive accepted only `repr(C)`/`packed`/
        // `transparent`; `Copy + 'static` are supertraits. That is
        // bytemuck's contract for both traits.
        unsafe impl $crate::__private::bytemuck::Zeroable for $ty {}
        // SAFETY: as above.
        unsafe impl $crate::__private::bytemuck::Pod for $ty {}
    };
}

/// Without the `bytemuck` feature: nothing.
#[cfg(not(feature = "bytemuck"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_bytemuck {
    ($ty:ty) => {};
}

/// Evaluates `T`'s layout proof ([`PixelLayout::__PROOF`]) wherever this
/// is instantiated for `T`. Every constructor below calls it first, so no
/// code that reaches `T`'s bytes compiles for a type whose derive checks were
/// skipped.
#[inline(always)]
fn proven<T: PixelLayout>() {
    let () = T::__PROOF;
}

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
fn is_aligned<T>(base: *const u8, len: usize, stride: isize) -> bool {
    let align = align_of::<T>();
    (base as usize).is_multiple_of(align)
        && (len <= 1 || stride.unsigned_abs().is_multiple_of(align))
}

/// Element `index`'s address. Wrapping arithmetic: callers dereference only
/// indices below `len`, whose addresses the view's invariant places in bounds.
#[inline(always)]
fn element(base: *const u8, index: usize, stride: isize) -> *const u8 {
    base.wrapping_offset((index as isize).wrapping_mul(stride))
}

/// New `(base, len, stride)` for elements `start..end` taken every `step`.
/// Requires `start <= end <= len` and `step >= 1`.
fn subview(
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

// ---------------------------------------------------------------------------
// Shared strided view.

/// `len` values of `T` at `base + i * stride` bytes.
///
/// Invariant (established by `new`/`from_slice`, kept by every method that
/// returns a new `Strided`):
/// * `base` is non-null; when `len == 0` it is never used to reach memory or
///   to build a slice (an empty view's stride is unchecked);
/// * for every `i < len`, the `size_of::<T>()` bytes at `base + i * stride`
///   lie inside one buffer that is borrowed shared for `'a` and are
///   initialized;
/// * `i * stride` fits in `isize` for every `i < len`;
/// * if `aligned`, every such address is a multiple of `align_of::<T>()`.
///
/// `T: PixelLayout` makes any initialized bytes a valid `T` and rules out
/// interior mutability, so reading through a shared borrow is sound.
pub(crate) struct Strided<'a, T> {
    base: *const u8,
    len: usize,
    stride: isize,
    aligned: bool,
    borrow: PhantomData<&'a [T]>,
}

impl<T> Clone for Strided<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Strided<'_, T> {}

// SAFETY: a `Strided` is a shared borrow of `T`s; `T: PixelLayout` has no
// interior mutability, so sharing it across threads is like sharing `&[T]`.
unsafe impl<T: PixelLayout + Sync> Send for Strided<'_, T> {}
// SAFETY: as for `Send` above.
unsafe impl<T: PixelLayout + Sync> Sync for Strided<'_, T> {}

impl<'a, T: PixelLayout> Strided<'a, T> {
    /// `len` elements starting at byte `start` of `bytes`, `stride` bytes apart.
    pub(crate) fn new(
        bytes: &'a [u8],
        start: usize,
        len: usize,
        stride: isize,
    ) -> Result<Self, ViewError> {
        proven::<T>();
        check_reach(bytes.len(), start, size_of::<T>(), &[Dim { len, stride }])?;
        // check_reach proved start <= bytes.len(), so this stays in bounds.
        let base = bytes.as_ptr().wrapping_add(start);
        Ok(Strided {
            base,
            len,
            stride,
            aligned: is_aligned::<T>(base, len, stride),
            borrow: PhantomData,
        })
    }

    /// All elements of a slice.
    pub(crate) fn from_slice(slice: &'a [T]) -> Self {
        proven::<T>();
        Strided {
            base: slice.as_ptr().cast(),
            len: slice.len(),
            stride: size_of::<T>() as isize,
            aligned: true,
            borrow: PhantomData,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn stride(&self) -> isize {
        self.stride
    }

    pub(crate) fn is_aligned(&self) -> bool {
        self.aligned
    }

    /// Address of element 0 (for alignment reports).
    pub(crate) fn base_addr(&self) -> usize {
        self.base as usize
    }

    /// Element `index` by value (unaligned read).
    #[inline(always)]
    pub(crate) fn read(&self, index: usize) -> Option<T> {
        if index < self.len {
            let at = element(self.base, index, self.stride);
            // SAFETY: index < len: in bounds, initialized, borrowed for 'a
            // (type invariant); any bytes are a valid T (PixelLayout); an
            // unaligned read needs no alignment.
            Some(unsafe { at.cast::<T>().read_unaligned() })
        } else {
            None
        }
    }

    /// Element `index` by reference; `None` when out of range or unaligned.
    #[inline(always)]
    pub(crate) fn get_ref(&self, index: usize) -> Option<&'a T> {
        if index < self.len && self.aligned {
            let at = element(self.base, index, self.stride);
            // SAFETY: in bounds, initialized and shared-borrowed for 'a, and
            // aligned because `aligned` holds (type invariant); any bytes are
            // a valid T without interior mutability (PixelLayout).
            Some(unsafe { &*at.cast::<T>() })
        } else {
            None
        }
    }

    /// The elements as a slice, when they are contiguous and aligned.
    pub(crate) fn as_slice(&self) -> Option<&'a [T]> {
        if self.len == 0 {
            return Some(&[]);
        }
        let contiguous = self.len == 1 || self.stride == size_of::<T>() as isize;
        if contiguous && self.aligned {
            // len >= 1 adjacent elements are exactly the bytes
            // `base .. base + len * size_of::<T>()`.
            // SAFETY: those bytes are in bounds, initialized, aligned
            // (`aligned`) and borrowed for 'a (type invariant).
            Some(unsafe { core::slice::from_raw_parts(self.base.cast::<T>(), self.len) })
        } else {
            None
        }
    }

    /// Elements `start..end`, every `step`-th. Requires `start <= end <= len`
    /// and `step >= 1` (checked by callers, asserted here).
    pub(crate) fn subview(&self, start: usize, end: usize, step: usize) -> Self {
        assert!(start <= end && end <= self.len && step >= 1);
        let (base, len, stride) = subview(self.base, self.stride, start, end, step);
        // Every new element is an old element, so the invariant carries over.
        Strided {
            base,
            len,
            stride,
            aligned: is_aligned::<T>(base, len, stride),
            borrow: PhantomData,
        }
    }

    /// A view of at most one element repeated `len` times (stride zero).
    pub(crate) fn repeated(&self, len: usize) -> Self {
        if self.len == 0 {
            return *self;
        }
        // Every element is element 0, which is in bounds (and aligned if
        // `aligned` held for it).
        Strided {
            base: self.base,
            len,
            stride: 0,
            aligned: is_aligned::<T>(self.base, 1, 0),
            borrow: PhantomData,
        }
    }

    /// The same elements in reverse order.
    pub(crate) fn reversed(&self) -> Self {
        if self.len <= 1 {
            return *self;
        }
        // len > 1, so |stride| <= isize::MAX and its negation exists.
        Strided {
            base: element(self.base, self.len - 1, self.stride),
            len: self.len,
            stride: -self.stride,
            aligned: self.aligned,
            borrow: PhantomData,
        }
    }

    /// The `G` at byte `offset` inside each element.
    pub(crate) fn project<G: PixelLayout>(
        &self,
        offset: usize,
    ) -> Result<Strided<'a, G>, ViewError> {
        proven::<G>();
        let fits = offset
            .checked_add(size_of::<G>())
            .is_some_and(|end| end <= size_of::<T>());
        if !fits {
            return Err(ViewError::FieldOutOfRecord {
                offset,
                field_size: size_of::<G>(),
                record_size: size_of::<T>(),
            });
        }
        // The G at `offset` lies inside each T's bytes, which are in bounds
        // and initialized (T has no padding), so the invariant holds for G.
        let base = self.base.wrapping_add(offset);
        Ok(Strided {
            base,
            len: self.len,
            stride: self.stride,
            aligned: is_aligned::<G>(base, self.len, self.stride),
            borrow: PhantomData,
        })
    }

    /// By-value iterator.
    pub(crate) fn values(&self) -> Values<'a, T> {
        Values {
            next: self.base,
            remaining: self.len,
            stride: self.stride,
            borrow: PhantomData,
        }
    }

    /// By-reference iterator; `None` when the elements are not aligned.
    pub(crate) fn refs(&self) -> Option<Refs<'a, T>> {
        self.aligned.then_some(Refs {
            values: self.values(),
        })
    }
}

/// By-value iterator over a [`Strided`].
///
/// Invariant: the `remaining` elements at `next + k * stride` are elements of
/// the `Strided` it came from, so its invariant covers them.
pub(crate) struct Values<'a, T> {
    next: *const u8,
    remaining: usize,
    stride: isize,
    borrow: PhantomData<&'a [T]>,
}

impl<T> Clone for Values<'_, T> {
    fn clone(&self) -> Self {
        Values {
            next: self.next,
            remaining: self.remaining,
            stride: self.stride,
            borrow: PhantomData,
        }
    }
}

// SAFETY: a `Values` reads `T`s through a shared borrow, like `Strided`.
unsafe impl<T: PixelLayout + Sync> Send for Values<'_, T> {}
// SAFETY: as for `Send` above.
unsafe impl<T: PixelLayout + Sync> Sync for Values<'_, T> {}

impl<'a, T: PixelLayout> Values<'a, T> {
    /// Address of the next element, advancing past it.
    #[inline(always)]
    fn advance(&mut self) -> Option<*const u8> {
        if self.remaining == 0 {
            return None;
        }
        let at = self.next;
        self.remaining -= 1;
        self.next = self.next.wrapping_offset(self.stride);
        Some(at)
    }

    /// Address of the last element, dropping it from the back.
    #[inline(always)]
    fn retreat(&mut self) -> Option<*const u8> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        Some(element(self.next, self.remaining, self.stride))
    }
}

impl<T: PixelLayout> Iterator for Values<'_, T> {
    type Item = T;

    #[inline(always)]
    fn next(&mut self) -> Option<T> {
        let at = self.advance()?;
        // SAFETY: `at` is one of the remaining elements (type invariant), so
        // its bytes are in bounds, initialized and borrowed; any bytes are a
        // valid T; read_unaligned needs no alignment.
        Some(unsafe { at.cast::<T>().read_unaligned() })
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl<T: PixelLayout> DoubleEndedIterator for Values<'_, T> {
    #[inline(always)]
    fn next_back(&mut self) -> Option<T> {
        let at = self.retreat()?;
        // SAFETY: as in `next`: `at` is one of the remaining elements.
        Some(unsafe { at.cast::<T>().read_unaligned() })
    }
}

impl<T: PixelLayout> ExactSizeIterator for Values<'_, T> {}
impl<T: PixelLayout> core::iter::FusedIterator for Values<'_, T> {}

/// By-reference iterator over an aligned [`Strided`].
///
/// Invariant: as for [`Values`], and every element address is aligned
/// (built only by `Strided::refs` when `aligned` holds).
pub(crate) struct Refs<'a, T> {
    values: Values<'a, T>,
}

impl<T> Clone for Refs<'_, T> {
    fn clone(&self) -> Self {
        Refs {
            values: self.values.clone(),
        }
    }
}

impl<'a, T: PixelLayout> Iterator for Refs<'a, T> {
    type Item = &'a T;

    #[inline(always)]
    fn next(&mut self) -> Option<&'a T> {
        let at = self.values.advance()?;
        // SAFETY: in bounds, initialized, shared-borrowed for 'a and aligned
        // (type invariant); any bytes are a valid T (PixelLayout).
        Some(unsafe { &*at.cast::<T>() })
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.values.size_hint()
    }
}

impl<'a, T: PixelLayout> DoubleEndedIterator for Refs<'a, T> {
    #[inline(always)]
    fn next_back(&mut self) -> Option<&'a T> {
        let at = self.values.retreat()?;
        // SAFETY: as in `next`.
        Some(unsafe { &*at.cast::<T>() })
    }
}

impl<T: PixelLayout> ExactSizeIterator for Refs<'_, T> {}
impl<T: PixelLayout> core::iter::FusedIterator for Refs<'_, T> {}

// ---------------------------------------------------------------------------
// Exclusive strided view.

/// `len` values of `T` at `base + i * stride` bytes, borrowed exclusively.
///
/// Invariant: as for [`Strided`], with the bytes borrowed exclusively for
/// `'a`, and no two elements sharing a byte.
pub(crate) struct StridedMut<'a, T> {
    base: *mut u8,
    len: usize,
    stride: isize,
    aligned: bool,
    borrow: PhantomData<&'a mut [T]>,
}

// SAFETY: a `StridedMut` is an exclusive borrow of `T`s, like `&mut [T]`,
// which is Send when T is; T: PixelLayout holds no pointers or cells.
unsafe impl<T: PixelLayout + Send> Send for StridedMut<'_, T> {}
// SAFETY: shared access to a `StridedMut` only reads, like `&&mut [T]`.
unsafe impl<T: PixelLayout + Sync> Sync for StridedMut<'_, T> {}

impl<'a, T: PixelLayout> StridedMut<'a, T> {
    /// `len` elements starting at byte `start` of `bytes`, `stride` bytes
    /// apart, none sharing a byte with another.
    pub(crate) fn new(
        bytes: &'a mut [u8],
        start: usize,
        len: usize,
        stride: isize,
    ) -> Result<Self, ViewError> {
        proven::<T>();
        let dims = [Dim { len, stride }];
        check_reach(bytes.len(), start, size_of::<T>(), &dims)?;
        check_no_alias(size_of::<T>(), &dims)?;
        let base = bytes.as_mut_ptr().wrapping_add(start);
        Ok(StridedMut {
            base,
            len,
            stride,
            aligned: is_aligned::<T>(base, len, stride),
            borrow: PhantomData,
        })
    }

    /// All elements of a mutable slice.
    pub(crate) fn from_slice(slice: &'a mut [T]) -> Self {
        proven::<T>();
        StridedMut {
            base: slice.as_mut_ptr().cast(),
            len: slice.len(),
            stride: size_of::<T>() as isize,
            aligned: true,
            borrow: PhantomData,
        }
    }

    /// A shared view for as long as `self` is borrowed.
    pub(crate) fn as_shared(&self) -> Strided<'_, T> {
        // The exclusive borrow is frozen while the shared view lives.
        Strided {
            base: self.base,
            len: self.len,
            stride: self.stride,
            aligned: self.aligned,
            borrow: PhantomData,
        }
    }

    /// Gives up exclusivity for the rest of `'a`.
    pub(crate) fn into_shared(self) -> Strided<'a, T> {
        Strided {
            base: self.base,
            len: self.len,
            stride: self.stride,
            aligned: self.aligned,
            borrow: PhantomData,
        }
    }

    /// An exclusive view for as long as `self` is borrowed.
    pub(crate) fn reborrow(&mut self) -> StridedMut<'_, T> {
        StridedMut {
            base: self.base,
            len: self.len,
            stride: self.stride,
            aligned: self.aligned,
            borrow: PhantomData,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Stores `value` at `index`; `false` when out of range.
    #[inline(always)]
    pub(crate) fn write(&mut self, index: usize, value: T) -> bool {
        if index < self.len {
            let at = element(self.base, index, self.stride).cast_mut();
            // SAFETY: index < len, so the bytes are in bounds and exclusively
            // borrowed (type invariant); T has no padding, so every byte
            // written is initialized; write_unaligned needs no alignment.
            unsafe { at.cast::<T>().write_unaligned(value) };
            true
        } else {
            false
        }
    }

    /// Element `index` by mutable reference; `None` when out of range or
    /// unaligned.
    pub(crate) fn get_mut(&mut self, index: usize) -> Option<&mut T> {
        if index < self.len && self.aligned {
            let at = element(self.base, index, self.stride).cast_mut();
            // SAFETY: in bounds, exclusively borrowed (and `&mut self` keeps
            // it so for the result's lifetime), aligned (`aligned`), valid T.
            Some(unsafe { &mut *at.cast::<T>() })
        } else {
            None
        }
    }

    /// The elements as a mutable slice, when contiguous and aligned.
    pub(crate) fn into_mut_slice(self) -> Option<&'a mut [T]> {
        if self.len == 0 {
            return Some(&mut []);
        }
        let contiguous = self.len == 1 || self.stride == size_of::<T>() as isize;
        if contiguous && self.aligned {
            // SAFETY: len >= 1 adjacent elements are exactly `len * size_of::<T>()`
            // bytes from `base`: in bounds, initialized, aligned and
            // exclusively borrowed for 'a, which `self` gives up here.
            Some(unsafe { core::slice::from_raw_parts_mut(self.base.cast::<T>(), self.len) })
        } else {
            None
        }
    }

    /// Replaces every element with `f(element)`, reading and writing unaligned.
    #[inline]
    pub(crate) fn update_each(&mut self, mut f: impl FnMut(T) -> T) {
        let mut at = self.base;
        for _ in 0..self.len {
            let element = at.cast::<T>();
            // `at` walks exactly the `len` elements (base + i * stride).
            // SAFETY: each is in bounds, initialized and exclusively borrowed
            // (type invariant); unaligned accesses need no alignment; T has no
            // padding, so every written byte is initialized.
            unsafe { element.write_unaligned(f(element.read_unaligned())) };
            at = at.wrapping_offset(self.stride);
        }
    }

    /// Elements `start..end`, every `step`-th (callers check the range).
    pub(crate) fn subview(self, start: usize, end: usize, step: usize) -> Self {
        assert!(start <= end && end <= self.len && step >= 1);
        let (base, len, stride) = subview(self.base, self.stride, start, end, step);
        // A subset of the old elements: in bounds and still pairwise disjoint.
        StridedMut {
            base: base.cast_mut(),
            len,
            stride,
            aligned: is_aligned::<T>(base, len, stride),
            borrow: PhantomData,
        }
    }

    /// Splits into elements `..mid` and `mid..` (callers check `mid <= len`).
    pub(crate) fn split_at(self, mid: usize) -> (Self, Self) {
        assert!(mid <= self.len);
        let (base, len, stride) = (self.base, self.len, self.stride);
        let make = |start: usize, end: usize| {
            let (base, len, stride) = subview(base, stride, start, end, 1);
            StridedMut {
                base: base.cast_mut(),
                len,
                stride,
                aligned: is_aligned::<T>(base, len, stride),
                borrow: PhantomData,
            }
        };
        // The two halves hold different elements, which share no byte.
        (make(0, mid), make(mid, len))
    }

    /// Mutable by-reference iterator; `None` when not aligned.
    pub(crate) fn into_refs_mut(self) -> Option<RefsMut<'a, T>> {
        self.aligned.then_some(RefsMut {
            next: self.base,
            remaining: self.len,
            stride: self.stride,
            borrow: PhantomData,
        })
    }

    /// Starts handing out disjoint per-field views.
    pub(crate) fn into_fields(self) -> FieldSplit<'a, T> {
        FieldSplit {
            records: self,
            next_free: 0,
        }
    }
}

/// Mutable by-reference iterator.
///
/// Invariant: the `remaining` elements at `next + k * stride` belong to the
/// `StridedMut` it was made from (aligned, disjoint, exclusively borrowed for
/// `'a`), and each is handed out at most once.
pub(crate) struct RefsMut<'a, T> {
    next: *mut u8,
    remaining: usize,
    stride: isize,
    borrow: PhantomData<&'a mut [T]>,
}

// SAFETY: like `StridedMut`: hands out `&mut T` to disjoint elements.
unsafe impl<T: PixelLayout + Send> Send for RefsMut<'_, T> {}
// SAFETY: `&RefsMut` allows nothing but reading its counters.
unsafe impl<T: PixelLayout + Sync> Sync for RefsMut<'_, T> {}

impl<'a, T: PixelLayout> Iterator for RefsMut<'a, T> {
    type Item = &'a mut T;

    #[inline(always)]
    fn next(&mut self) -> Option<&'a mut T> {
        if self.remaining == 0 {
            return None;
        }
        let at = self.next;
        self.remaining -= 1;
        self.next = self.next.wrapping_offset(self.stride);
        // SAFETY: `at` is a remaining element (in bounds, aligned, valid T,
        // exclusively borrowed for 'a) and is never handed out again; elements
        // are disjoint, so the references do not alias.
        Some(unsafe { &mut *at.cast::<T>() })
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl<'a, T: PixelLayout> DoubleEndedIterator for RefsMut<'a, T> {
    #[inline(always)]
    fn next_back(&mut self) -> Option<&'a mut T> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let at = element(self.next, self.remaining, self.stride).cast_mut();
        // SAFETY: as in `next`: the last remaining element, handed out once.
        Some(unsafe { &mut *at.cast::<T>() })
    }
}

impl<T: PixelLayout> ExactSizeIterator for RefsMut<'_, T> {}
impl<T: PixelLayout> core::iter::FusedIterator for RefsMut<'_, T> {}

/// Hands out mutable views of fields of every record, disjoint because each
/// field must start at or after the end of the previous one.
///
/// Invariant: bytes `next_free..size_of::<T>()` of every record have not been
/// handed out.
pub(crate) struct FieldSplit<'a, T> {
    records: StridedMut<'a, T>,
    next_free: usize,
}

impl<'a, T: PixelLayout> FieldSplit<'a, T> {
    /// The `G` at byte `offset` of every record.
    pub(crate) fn take<G: PixelLayout>(
        &mut self,
        offset: usize,
    ) -> Result<StridedMut<'a, G>, ViewError> {
        proven::<G>();
        if offset < self.next_free {
            return Err(ViewError::FieldOverlap {
                offset,
                next_free: self.next_free,
            });
        }
        let end = offset
            .checked_add(size_of::<G>())
            .filter(|&end| end <= size_of::<T>())
            .ok_or(ViewError::FieldOutOfRecord {
                offset,
                field_size: size_of::<G>(),
                record_size: size_of::<T>(),
            })?;
        self.next_free = end;
        let base = self.records.base.wrapping_add(offset);
        let (len, stride) = (self.records.len, self.records.stride);
        // Bytes offset..end of each record: in bounds and initialized (inside
        // the record, which has no padding), not handed out before (invariant,
        // now advanced past them), and records are pairwise disjoint, so the
        // new elements are too.
        Ok(StridedMut {
            base,
            len,
            stride,
            aligned: is_aligned::<G>(base, len, stride),
            borrow: PhantomData,
        })
    }
}

// ---------------------------------------------------------------------------
// Two-dimensional strided views.

/// Geometry of a 2-D view: pixel `(x, y)` starts at
/// `base + x * x_stride + y * y_stride` bytes.
#[derive(Clone, Copy, Debug)]
struct Geometry {
    base: *const u8,
    width: usize,
    height: usize,
    x_stride: isize,
    y_stride: isize,
}

impl Geometry {
    fn dims(&self) -> [Dim; 2] {
        [
            Dim {
                len: self.width,
                stride: self.x_stride,
            },
            Dim {
                len: self.height,
                stride: self.y_stride,
            },
        ]
    }

    #[inline(always)]
    fn pixel(&self, x: usize, y: usize) -> *const u8 {
        element(element(self.base, x, self.x_stride), y, self.y_stride)
    }

    /// Start of row `y < height`. A row of width 0 starts at `base`: the
    /// bounds check skips empty grids, so `y_stride` may be wild then.
    #[inline(always)]
    fn row_start(&self, y: usize) -> *const u8 {
        if self.width == 0 {
            self.base
        } else {
            self.pixel(0, y)
        }
    }

    fn is_aligned<T>(&self) -> bool {
        let align = align_of::<T>();
        (self.base as usize).is_multiple_of(align)
            && (self.width <= 1 || self.x_stride.unsigned_abs().is_multiple_of(align))
            && (self.height <= 1 || self.y_stride.unsigned_abs().is_multiple_of(align))
    }

    /// Pixels `x0..x1` every `step_x`, rows `y0..y1` every `step_y`: a
    /// subset of the old pixels. Callers check the ranges (asserted).
    fn sub(
        &self,
        x0: usize,
        x1: usize,
        step_x: usize,
        y0: usize,
        y1: usize,
        step_y: usize,
    ) -> Self {
        assert!(x0 <= x1 && x1 <= self.width && y0 <= y1 && y1 <= self.height);
        assert!(step_x >= 1 && step_y >= 1);
        let (base, width, x_stride) = subview(self.base, self.x_stride, x0, x1, step_x);
        let (base, height, y_stride) = subview(base, self.y_stride, y0, y1, step_y);
        Geometry {
            // An empty result keeps the old base: with no pixels, the strides
            // were never checked and `base` above may be wild.
            base: if width == 0 || height == 0 {
                self.base
            } else {
                base
            },
            width,
            height,
            x_stride,
            y_stride,
        }
    }

    /// The same pixels with x reversed.
    fn flipped_x(&self) -> Self {
        if self.width <= 1 || self.height == 0 {
            return *self;
        }
        // width > 1, so |x_stride| fits in isize and can be negated.
        Geometry {
            base: element(self.base, self.width - 1, self.x_stride),
            x_stride: -self.x_stride,
            ..*self
        }
    }

    /// The same pixels with y reversed.
    fn flipped_y(&self) -> Self {
        if self.height <= 1 || self.width == 0 {
            return *self;
        }
        Geometry {
            base: element(self.base, self.height - 1, self.y_stride),
            y_stride: -self.y_stride,
            ..*self
        }
    }

    /// Row-major `width x height` pixels of `T` starting at `base`, where
    /// `base` is the start of a slice of `len` elements: checks that the
    /// sizes agree. The caller passes the pointer with the permission the
    /// view needs (`as_mut_ptr` for mutable views).
    fn packed<T>(
        base: *const u8,
        len: usize,
        width: usize,
        height: usize,
    ) -> Result<Self, ViewError> {
        let expected = width.checked_mul(height).ok_or(ViewError::Overflow {
            len: height,
            stride: width as isize,
        })?;
        if expected != len {
            return Err(ViewError::LengthMismatch {
                expected,
                given: len,
            });
        }
        // width * size_of::<T>() <= the slice's byte length, which fits isize
        // (or height is 0 and the stride is unused).
        let row = if height > 0 {
            width * size_of::<T>()
        } else {
            0
        };
        Ok(Geometry {
            base,
            width,
            height,
            x_stride: size_of::<T>() as isize,
            y_stride: row as isize,
        })
    }

    /// Offsets from `base` of the lowest byte any pixel reaches and of one
    /// past the highest, for pixels of `size` bytes; `None` for an empty
    /// grid. Both are offsets of bytes of corner pixels, which the bounds
    /// check placed in the buffer, so the arithmetic cannot overflow (it is
    /// checked regardless).
    #[cfg(feature = "image")]
    fn span_offsets(&self, size: usize) -> Option<(isize, isize)> {
        if self.width == 0 || self.height == 0 {
            return None;
        }
        let reach = |len: usize, stride: isize| isize::try_from(len - 1).ok()?.checked_mul(stride);
        let (x, y) = (
            reach(self.width, self.x_stride)?,
            reach(self.height, self.y_stride)?,
        );
        let low = x.min(0).checked_add(y.min(0))?;
        let high = x
            .max(0)
            .checked_add(y.max(0))?
            .checked_add(isize::try_from(size).ok()?)?;
        Some((low, high))
    }

    /// The same pixels with x and y swapped.
    fn transposed(&self) -> Self {
        Geometry {
            base: self.base,
            width: self.height,
            height: self.width,
            x_stride: self.y_stride,
            y_stride: self.x_stride,
        }
    }
}

/// A shared 2-D view: `width * height` values of `T`.
///
/// Invariant: for every `x < width`, `y < height`, the `size_of::<T>()`
/// bytes at `geometry.pixel(x, y)` lie inside one buffer borrowed shared for
/// `'a` and are initialized; every such offset fits in `isize`; if
/// `aligned`, every such address is aligned for `T`. `geometry.base` is
/// non-null, and an empty grid (width or height 0) never uses it to reach
/// memory (its strides are unchecked).
///
/// If `whole_span`, the bytes between the lowest and the highest byte any
/// pixel reaches (the span) also all lie inside that buffer, borrowed shared
/// for `'a` and initialized, so they may be handed out as one `&[u8]`.
pub(crate) struct Grid<'a, T> {
    geometry: Geometry,
    aligned: bool,
    whole_span: bool,
    borrow: PhantomData<&'a [T]>,
}

impl<T> Clone for Grid<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Grid<'_, T> {}

// SAFETY: a `Grid` is a shared borrow of `T`s without interior mutability
// (PixelLayout), like `&[T]`.
unsafe impl<T: PixelLayout + Sync> Send for Grid<'_, T> {}
// SAFETY: as for `Send` above.
unsafe impl<T: PixelLayout + Sync> Sync for Grid<'_, T> {}

impl<'a, T: PixelLayout> Grid<'a, T> {
    #[inline]
    fn from_geometry(geometry: Geometry, whole_span: bool) -> Self {
        Grid {
            aligned: geometry.is_aligned::<T>(),
            geometry,
            whole_span,
            borrow: PhantomData,
        }
    }

    /// A view of some of this grid's pixels: aligned if every pixel of this
    /// one is (the alignment check is skipped then).
    #[inline]
    fn subset(&self, geometry: Geometry) -> Self {
        Grid {
            aligned: self.aligned || geometry.is_aligned::<T>(),
            geometry,
            whole_span: self.whole_span,
            borrow: PhantomData,
        }
    }

    /// `width * height` pixels, pixel `(0, 0)` at byte `start` of `bytes`.
    pub(crate) fn new(
        bytes: &'a [u8],
        start: usize,
        width: usize,
        height: usize,
        x_stride: isize,
        y_stride: isize,
    ) -> Result<Self, ViewError> {
        proven::<T>();
        let geometry = Geometry {
            base: bytes.as_ptr().wrapping_add(start.min(bytes.len())),
            width,
            height,
            x_stride,
            y_stride,
        };
        check_reach(bytes.len(), start, size_of::<T>(), &geometry.dims())?;
        // The span lies between in-bounds bytes of `bytes`, all borrowed.
        Ok(Self::from_geometry(geometry, true))
    }

    /// A packed row-major image over a slice of exactly `width * height`.
    pub(crate) fn from_slice(
        pixels: &'a [T],
        width: usize,
        height: usize,
    ) -> Result<Self, ViewError> {
        proven::<T>();
        let geometry = Geometry::packed::<T>(pixels.as_ptr().cast(), pixels.len(), width, height)?;
        // The span is the slice itself (T has no padding: all initialized).
        Ok(Self::from_geometry(geometry, true))
    }

    /// `width * height` copies of one value (both strides zero).
    pub(crate) fn broadcast(value: &'a T, width: usize, height: usize) -> Self {
        proven::<T>();
        // Every pixel is `value` itself: in bounds, initialized, aligned.
        Self::from_geometry(
            Geometry {
                base: (value as *const T).cast(),
                width,
                height,
                x_stride: 0,
                y_stride: 0,
            },
            true,
        )
    }

    pub(crate) fn width(&self) -> usize {
        self.geometry.width
    }
    pub(crate) fn height(&self) -> usize {
        self.geometry.height
    }
    pub(crate) fn x_stride(&self) -> isize {
        self.geometry.x_stride
    }
    pub(crate) fn y_stride(&self) -> isize {
        self.geometry.y_stride
    }
    pub(crate) fn is_aligned(&self) -> bool {
        self.aligned
    }

    /// Pixel `(x, y)` by value.
    #[inline(always)]
    pub(crate) fn read(&self, x: usize, y: usize) -> Option<T> {
        if x < self.geometry.width && y < self.geometry.height {
            let at = self.geometry.pixel(x, y);
            // SAFETY: x < width and y < height: in bounds, initialized and
            // borrowed for 'a (type invariant); any bytes are a valid T.
            Some(unsafe { at.cast::<T>().read_unaligned() })
        } else {
            None
        }
    }

    /// Pixel `(x, y)` by reference, when aligned.
    pub(crate) fn get_ref(&self, x: usize, y: usize) -> Option<&'a T> {
        if x < self.geometry.width && y < self.geometry.height && self.aligned {
            let at = self.geometry.pixel(x, y);
            // SAFETY: in bounds, initialized, borrowed for 'a and aligned
            // (type invariant with `aligned`); any bytes are a valid T.
            Some(unsafe { &*at.cast::<T>() })
        } else {
            None
        }
    }

    /// The `W x H` pixels whose top-left one is `(x, y)`, row by row, by
    /// value; `None` if any of them lies outside the grid.
    #[inline]
    pub(crate) fn read_block<const W: usize, const H: usize>(
        &self,
        x: usize,
        y: usize,
    ) -> Option<[[T; W]; H]> {
        let inside = |start: usize, len: usize, limit: usize| {
            start.checked_add(len).is_some_and(|end| end <= limit)
        };
        if !inside(x, W, self.geometry.width) || !inside(y, H, self.geometry.height) {
            return None;
        }
        let (x_stride, y_stride) = (self.geometry.x_stride, self.geometry.y_stride);
        let corner = element(element(self.geometry.base, x, x_stride), y, y_stride);
        Some(core::array::from_fn(|dy| {
            let row = element(corner, dy, y_stride);
            core::array::from_fn(|dx| {
                let at = element(row, dx, x_stride);
                // SAFETY: x + dx < width and y + dy < height (checked above),
                // so this is pixel (x + dx, y + dy): in bounds, initialized
                // and borrowed for 'a (type invariant); any bytes are a T.
                unsafe { at.cast::<T>().read_unaligned() }
            })
        }))
    }

    /// Row `y` as a 1-D view (its pixels are pixels of this grid, aligned
    /// if all of the grid's are).
    #[inline]
    pub(crate) fn row(&self, y: usize) -> Option<Strided<'a, T>> {
        (y < self.geometry.height).then(|| {
            let base = self.geometry.row_start(y);
            let (len, stride) = (self.geometry.width, self.geometry.x_stride);
            Strided {
                base,
                len,
                stride,
                aligned: self.aligned || is_aligned::<T>(base, len, stride),
                borrow: PhantomData,
            }
        })
    }

    pub(crate) fn sub(
        &self,
        x0: usize,
        x1: usize,
        step_x: usize,
        y0: usize,
        y1: usize,
        step_y: usize,
    ) -> Self {
        // Fewer pixels, same bytes: the span can only shrink.
        self.subset(self.geometry.sub(x0, x1, step_x, y0, y1, step_y))
    }
    pub(crate) fn flipped_x(&self) -> Self {
        self.subset(self.geometry.flipped_x())
    }
    pub(crate) fn flipped_y(&self) -> Self {
        self.subset(self.geometry.flipped_y())
    }
    pub(crate) fn transposed(&self) -> Self {
        self.subset(self.geometry.transposed())
    }

    /// The span (every byte from the lowest to the highest one a pixel
    /// reaches) as one slice, with the offset of pixel `(0, 0)` in it.
    /// `None` for an empty grid or one whose span may not be borrowed whole
    /// (a split part or a plane of a mutable image).
    #[cfg(feature = "image")]
    pub(crate) fn span(&self) -> Option<(&'a [u8], usize)> {
        if !self.whole_span {
            return None;
        }
        let (low, high) = self.geometry.span_offsets(size_of::<T>())?;
        let start = self.geometry.base.wrapping_offset(low);
        // low <= 0 < high, so both conversions are exact.
        let (len, origin) = ((high - low) as usize, low.unsigned_abs());
        // SAFETY: `whole_span` (type invariant) places bytes `start..start +
        // len` inside one buffer borrowed shared for 'a and initialized: they
        // run from the lowest to one past the highest byte of corner pixels.
        Some((unsafe { core::slice::from_raw_parts(start, len) }, origin))
    }

    /// The `G` at byte `offset` inside each pixel.
    pub(crate) fn project<G: PixelLayout>(&self, offset: usize) -> Result<Grid<'a, G>, ViewError> {
        proven::<G>();
        check_field_fits::<T, G>(offset)?;
        // Inside each pixel's initialized bytes (T has no padding); the
        // span is inside the pixels' span.
        Ok(Grid::from_geometry(
            Geometry {
                base: self.geometry.base.wrapping_add(offset),
                ..self.geometry
            },
            self.whole_span,
        ))
    }
}

/// Refuses a `G` at `offset` that would not lie inside a `T`.
fn check_field_fits<T, G>(offset: usize) -> Result<usize, ViewError> {
    offset
        .checked_add(size_of::<G>())
        .filter(|&end| end <= size_of::<T>())
        .ok_or(ViewError::FieldOutOfRecord {
            offset,
            field_size: size_of::<G>(),
            record_size: size_of::<T>(),
        })
}

/// An exclusive 2-D view.
///
/// Invariant: as for [`Grid`], with the bytes borrowed exclusively for `'a`
/// and no two pixels sharing a byte; if `whole_span`, the whole span is
/// borrowed exclusively for `'a` (no other view reaches any of its bytes).
pub(crate) struct GridMut<'a, T> {
    geometry: Geometry,
    aligned: bool,
    whole_span: bool,
    borrow: PhantomData<&'a mut [T]>,
}

// SAFETY: like `&mut [T]`: exclusive access to plain-data `T`s.
unsafe impl<T: PixelLayout + Send> Send for GridMut<'_, T> {}
// SAFETY: `&GridMut` only reads, like `&&mut [T]`.
unsafe impl<T: PixelLayout + Sync> Sync for GridMut<'_, T> {}

impl<'a, T: PixelLayout> GridMut<'a, T> {
    fn from_geometry(geometry: Geometry, whole_span: bool) -> Self {
        GridMut {
            aligned: geometry.is_aligned::<T>(),
            geometry,
            whole_span,
            borrow: PhantomData,
        }
    }

    /// Mutable form of [`Grid::new`]; also proves no two pixels share a byte.
    pub(crate) fn new(
        bytes: &'a mut [u8],
        start: usize,
        width: usize,
        height: usize,
        x_stride: isize,
        y_stride: isize,
    ) -> Result<Self, ViewError> {
        proven::<T>();
        let geometry = Geometry {
            base: bytes.as_mut_ptr().wrapping_add(start.min(bytes.len())),
            width,
            height,
            x_stride,
            y_stride,
        };
        check_reach(bytes.len(), start, size_of::<T>(), &geometry.dims())?;
        check_no_alias(size_of::<T>(), &geometry.dims())?;
        // All of `bytes` is borrowed exclusively, the span included.
        Ok(Self::from_geometry(geometry, true))
    }

    /// A packed row-major image over a mutable slice of `width * height`.
    pub(crate) fn from_slice(
        pixels: &'a mut [T],
        width: usize,
        height: usize,
    ) -> Result<Self, ViewError> {
        proven::<T>();
        // Distinct slice elements never share a byte, and the slice is
        // borrowed exclusively. The base comes from `as_mut_ptr`, so writes
        // through it are allowed (a pointer from a shared `&[T]` is not).
        let base = pixels.as_mut_ptr().cast::<u8>().cast_const();
        let geometry = Geometry::packed::<T>(base, pixels.len(), width, height)?;
        Ok(Self::from_geometry(geometry, true))
    }

    // An exclusively borrowed span may be lent shared or reborrowed.
    pub(crate) fn as_shared(&self) -> Grid<'_, T> {
        Grid::from_geometry(self.geometry, self.whole_span)
    }
    pub(crate) fn into_shared(self) -> Grid<'a, T> {
        Grid::from_geometry(self.geometry, self.whole_span)
    }
    pub(crate) fn reborrow(&mut self) -> GridMut<'_, T> {
        GridMut::from_geometry(self.geometry, self.whole_span)
    }

    /// Mutable form of [`Grid::span`]: the span for writing, while `self`
    /// is borrowed.
    #[cfg(feature = "image")]
    pub(crate) fn span_mut(&mut self) -> Option<(&mut [u8], usize)> {
        if !self.whole_span {
            return None;
        }
        let (low, high) = self.geometry.span_offsets(size_of::<T>())?;
        let start = self.geometry.base.wrapping_offset(low).cast_mut();
        let (len, origin) = ((high - low) as usize, low.unsigned_abs());
        // SAFETY: `whole_span` (type invariant): the span lies in one buffer,
        // initialized and borrowed exclusively for 'a, and no other view
        // reaches it; `&mut self` passes that exclusivity on.
        Some((
            unsafe { core::slice::from_raw_parts_mut(start, len) },
            origin,
        ))
    }

    /// Stores `value` at `(x, y)`; `false` when out of range.
    #[inline(always)]
    pub(crate) fn write(&mut self, x: usize, y: usize, value: T) -> bool {
        if x < self.geometry.width && y < self.geometry.height {
            let at = self.geometry.pixel(x, y).cast_mut();
            // SAFETY: in bounds and exclusively borrowed (type invariant); T
            // has no padding, so the written bytes are initialized.
            unsafe { at.cast::<T>().write_unaligned(value) };
            true
        } else {
            false
        }
    }

    /// Pixel `(x, y)` by mutable reference, when aligned.
    pub(crate) fn get_mut(&mut self, x: usize, y: usize) -> Option<&mut T> {
        if x < self.geometry.width && y < self.geometry.height && self.aligned {
            let at = self.geometry.pixel(x, y).cast_mut();
            // SAFETY: in bounds, exclusively borrowed through `&mut self`,
            // aligned (`aligned`), and any bytes are a valid T.
            Some(unsafe { &mut *at.cast::<T>() })
        } else {
            None
        }
    }

    /// Row `y`, for writing, while `self` is borrowed.
    pub(crate) fn row_mut(&mut self, y: usize) -> Option<StridedMut<'_, T>> {
        (y < self.geometry.height).then(|| self.row_unchecked(y))
    }

    /// Row `y` (callers check `y < height`): its pixels are pixels of this
    /// grid, so they are in bounds and pairwise disjoint.
    fn row_unchecked<'b>(&mut self, y: usize) -> StridedMut<'b, T> {
        let base = self.geometry.row_start(y).cast_mut();
        let (len, stride) = (self.geometry.width, self.geometry.x_stride);
        StridedMut {
            base,
            len,
            stride,
            aligned: is_aligned::<T>(base, len, stride),
            borrow: PhantomData,
        }
    }

    /// Every row, for writing, each handed out once.
    pub(crate) fn into_rows(self) -> RowsMut<'a, T> {
        RowsMut {
            grid: self,
            next: 0,
        }
    }

    pub(crate) fn sub(
        self,
        x0: usize,
        x1: usize,
        step_x: usize,
        y0: usize,
        y1: usize,
        step_y: usize,
    ) -> Self {
        // A subset of the pixels: still in bounds and pairwise disjoint,
        // and the span shrinks inside the old one.
        Self::from_geometry(
            self.geometry.sub(x0, x1, step_x, y0, y1, step_y),
            self.whole_span,
        )
    }
    pub(crate) fn flipped_x(self) -> Self {
        Self::from_geometry(self.geometry.flipped_x(), self.whole_span)
    }
    pub(crate) fn flipped_y(self) -> Self {
        Self::from_geometry(self.geometry.flipped_y(), self.whole_span)
    }
    pub(crate) fn transposed(self) -> Self {
        Self::from_geometry(self.geometry.transposed(), self.whole_span)
    }

    /// Rows `..mid` and rows `mid..` (callers check `mid <= height`):
    /// different pixels, so they share no byte. Their spans may interleave
    /// (strides of any sign), so neither keeps `whole_span`.
    pub(crate) fn split_rows(self, mid: usize) -> (Self, Self) {
        let (width, height) = (self.geometry.width, self.geometry.height);
        let top = self.geometry.sub(0, width, 1, 0, mid, 1);
        let bottom = self.geometry.sub(0, width, 1, mid, height, 1);
        (
            Self::from_geometry(top, false),
            Self::from_geometry(bottom, false),
        )
    }

    /// Columns `..mid` and `mid..` (callers check `mid <= width`).
    pub(crate) fn split_columns(self, mid: usize) -> (Self, Self) {
        let (width, height) = (self.geometry.width, self.geometry.height);
        let left = self.geometry.sub(0, mid, 1, 0, height, 1);
        let right = self.geometry.sub(mid, width, 1, 0, height, 1);
        (
            Self::from_geometry(left, false),
            Self::from_geometry(right, false),
        )
    }

    /// Starts handing out disjoint per-field planes.
    pub(crate) fn into_fields(self) -> GridFieldSplit<'a, T> {
        GridFieldSplit {
            grid: self,
            next_free: 0,
        }
    }
}

/// Iterator over the rows of a [`GridMut`].
///
/// Invariant: rows `next..height` of `grid` have not been handed out; rows
/// are disjoint (no two pixels of the grid share a byte).
pub(crate) struct RowsMut<'a, T> {
    grid: GridMut<'a, T>,
    next: usize,
}

impl<'a, T: PixelLayout> Iterator for RowsMut<'a, T> {
    type Item = StridedMut<'a, T>;

    fn next(&mut self) -> Option<StridedMut<'a, T>> {
        if self.next >= self.grid.geometry.height {
            return None;
        }
        let row = self.grid.row_unchecked(self.next);
        self.next += 1;
        Some(row)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.grid.geometry.height - self.next;
        (left, Some(left))
    }
}

impl<T: PixelLayout> ExactSizeIterator for RowsMut<'_, T> {}

/// Hands out disjoint mutable planes (one field of every pixel).
///
/// Invariant: bytes `next_free..size_of::<T>()` of every pixel have not been
/// handed out.
pub(crate) struct GridFieldSplit<'a, T> {
    grid: GridMut<'a, T>,
    next_free: usize,
}

impl<'a, T: PixelLayout> GridFieldSplit<'a, T> {
    /// The `G` at byte `offset` of every pixel.
    pub(crate) fn take<G: PixelLayout>(
        &mut self,
        offset: usize,
    ) -> Result<GridMut<'a, G>, ViewError> {
        proven::<G>();
        if offset < self.next_free {
            return Err(ViewError::FieldOverlap {
                offset,
                next_free: self.next_free,
            });
        }
        self.next_free = check_field_fits::<T, G>(offset)?;
        // Bytes offset..end of each pixel: inside the pixel, not handed out
        // before, and pixels are pairwise disjoint. Other planes lie inside
        // this plane's span, so it does not own its span.
        Ok(GridMut::from_geometry(
            Geometry {
                base: self.grid.geometry.base.wrapping_add(offset),
                ..self.grid.geometry
            },
            false,
        ))
    }
}

// ---------------------------------------------------------------------------
// ndarray views of strided views.

#[cfg(feature = "ndarray")]
mod ndarray_views {
    use super::{element, proven, Dim, Grid, GridMut, Strided, StridedMut};
    use crate::error::ViewError;
    use crate::interop::InteropError;
    use crate::layout::PixelLayout;
    use core::mem::{align_of, size_of};
    use ndarray::{ArrayView, ArrayViewMut, Axis, Dimension, ShapeBuilder};

    /// How ndarray is to see elements `E` at `base + sum(i_k * stride_k)`
    /// bytes: from the lowest-addressed element, with strides in elements
    /// and non-negative (as `from_shape_ptr` requires), then with the axes
    /// marked `reversed` inverted.
    struct Plan<D> {
        low: *const u8,
        shape: D,
        strides: D,
        reversed: [bool; 4],
    }

    /// Checks what ndarray needs beyond our bounds rule: strides that are
    /// whole elements, an aligned start, at most `isize::MAX` elements, and
    /// for a mutable view (`exclusive`) ndarray's own overlap rule, which is
    /// stricter than ours. `Ok(None)` for an empty view.
    fn plan<E, D: Dimension>(
        base: *const u8,
        axes: &[Dim],
        exclusive: bool,
    ) -> Result<Option<Plan<D>>, InteropError> {
        debug_assert!(axes.len() <= 4 && D::NDIM == Some(axes.len()));
        let (size, align) = (size_of::<E>(), align_of::<E>());
        let mut count = 1usize;
        for axis in axes.iter().filter(|axis| axis.len > 0) {
            count = count
                .checked_mul(axis.len)
                .filter(|&count| count <= isize::MAX as usize)
                .ok_or(InteropError::TooManyElements { len: axis.len })?;
        }
        if axes.iter().any(|axis| axis.len == 0) {
            return Ok(None);
        }
        let shape = shape_of::<D>(axes);
        let mut strides = D::zeros(axes.len());
        let mut reversed = [false; 4];
        let mut low = base;
        for (k, axis) in axes.iter().enumerate().filter(|(_, axis)| axis.len > 1) {
            let magnitude = axis.stride.unsigned_abs();
            if size == 0 {
                // Zero-sized elements have no bytes: every stride is 0 for
                // ndarray (a mutable view of more than one then overlaps by
                // ndarray's rule and is refused by `nested_axes`).
                continue;
            }
            if !magnitude.is_multiple_of(size) {
                return Err(InteropError::StrideNotWholeElements {
                    stride: axis.stride,
                    elem_size: size,
                });
            }
            strides[k] = magnitude / size;
            if axis.stride < 0 {
                reversed[k] = true;
                low = element(low, axis.len - 1, axis.stride);
            }
        }
        if exclusive {
            nested_axes(&shape, &strides)?;
        }
        // Strides are multiples of size_of::<E>(), hence of its alignment:
        // every element is aligned exactly when the start is.
        if !(base as usize).is_multiple_of(align) {
            return Err(InteropError::View(ViewError::Misaligned {
                required: align,
                address_remainder: base as usize % align,
                stride_remainder: 0,
            }));
        }
        Ok(Some(Plan {
            low,
            shape,
            strides,
            reversed,
        }))
    }

    /// ndarray's rule for mutable views (it asserts it in debug builds):
    /// taken from the smallest stride up, each axis's stride must exceed
    /// everything the smaller axes reach. Our aliasing check is exact and
    /// also accepts interleaved axes (pixels 4 bytes apart, rows 6 apart),
    /// which ndarray cannot take; refuse those here instead of panicking.
    fn nested_axes<D: Dimension>(shape: &D, strides: &D) -> Result<(), InteropError> {
        let mut order: [usize; 4] = [0, 1, 2, 3];
        let order = &mut order[..shape.ndim()];
        order.sort_unstable_by_key(|&k| strides[k]);
        let mut reach = 0usize;
        for &k in order.iter().filter(|&&k| shape[k] > 1) {
            if strides[k] <= reach {
                return Err(InteropError::InterleavedAxes {
                    stride: strides[k],
                    reach,
                });
            }
            // Elements lie in one buffer, so these sums stay below its size.
            reach = reach.saturating_add((shape[k] - 1).saturating_mul(strides[k]));
        }
        Ok(())
    }

    /// The lengths of `axes` as an ndarray shape.
    fn shape_of<D: Dimension>(axes: &[Dim]) -> D {
        let mut shape = D::zeros(axes.len());
        for (k, axis) in axes.iter().enumerate() {
            shape[k] = axis.len;
        }
        shape
    }

    /// ndarray's view of elements `E` at `base + sum(i_k * stride_k)`.
    ///
    /// # Safety
    ///
    /// Every such `E` (`i_k < len_k`) lies inside one buffer borrowed shared
    /// for `'a`, initialized, at an offset from `base` that fits `isize`.
    unsafe fn shared<'a, E: PixelLayout, D: Dimension>(
        base: *const u8,
        axes: &[Dim],
    ) -> Result<ArrayView<'a, E, D>, InteropError> {
        let Some(plan) = plan::<E, D>(base, axes, false)? else {
            // Empty: no element to point at, so no pointer at all.
            return ArrayView::from_shape(shape_of::<D>(axes), &[])
                .map_err(|_| InteropError::TooManyElements { len: 0 });
        };
        // SAFETY: `plan` started at the lowest element and made every stride
        // a non-negative whole number of elements, so the pointers ndarray
        // forms are exactly the elements' addresses: in one buffer borrowed
        // shared for 'a and initialized (caller's contract), which any bytes
        // are a valid `E` (PixelLayout). `plan` checked the alignment and
        // `count <= isize::MAX`; the byte distance between elements fits
        // isize because they lie in one buffer.
        let mut view = unsafe {
            ArrayView::from_shape_ptr(plan.shape.strides(plan.strides), plan.low.cast::<E>())
        };
        for (k, &reversed) in plan.reversed.iter().enumerate().take(axes.len()) {
            if reversed {
                view.invert_axis(Axis(k));
            }
        }
        Ok(view)
    }

    /// Mutable form of [`shared`].
    ///
    /// # Safety
    ///
    /// As for [`shared`], with the buffer borrowed exclusively for `'a` and
    /// no two of the elements sharing a byte.
    unsafe fn exclusive<'a, E: PixelLayout, D: Dimension>(
        base: *mut u8,
        axes: &[Dim],
    ) -> Result<ArrayViewMut<'a, E, D>, InteropError> {
        let Some(plan) = plan::<E, D>(base, axes, true)? else {
            return ArrayViewMut::from_shape(shape_of::<D>(axes), &mut [])
                .map_err(|_| InteropError::TooManyElements { len: 0 });
        };
        // SAFETY: as in `shared`; in addition the elements are borrowed
        // exclusively for 'a and pairwise disjoint (caller's contract), so
        // the mutable view aliases nothing (and `plan` checked ndarray's own,
        // stricter, overlap rule).
        let mut view = unsafe {
            ArrayViewMut::from_shape_ptr(
                plan.shape.strides(plan.strides),
                plan.low.cast_mut().cast::<E>(),
            )
        };
        for (k, &reversed) in plan.reversed.iter().enumerate().take(axes.len()) {
            if reversed {
                view.invert_axis(Axis(k));
            }
        }
        Ok(view)
    }

    /// The axis that splits each `T` into `parts` consecutive `E`s, after
    /// checking they fit inside it (so each `E` lies in a `T`'s bytes).
    fn parts_axis<T, E: PixelLayout>(parts: usize) -> Result<Dim, InteropError> {
        proven::<E>();
        let fits = parts
            .checked_mul(size_of::<E>())
            .is_some_and(|bytes| bytes <= size_of::<T>());
        if !fits || parts == 0 {
            return Err(InteropError::PartsDoNotFit {
                parts,
                part_size: size_of::<E>(),
                whole_size: size_of::<T>(),
            });
        }
        Ok(Dim {
            len: parts,
            stride: size_of::<E>() as isize,
        })
    }

    impl<'a, T: PixelLayout> Strided<'a, T> {
        fn axis(&self) -> Dim {
            Dim {
                len: self.len,
                stride: self.stride,
            }
        }

        /// The elements as a 1-D ndarray view.
        pub(crate) fn ndarray(&self) -> Result<ArrayView<'a, T, ndarray::Ix1>, InteropError> {
            // SAFETY: these are the view's own elements: in one buffer
            // borrowed shared for 'a (type invariant).
            unsafe { shared(self.base, &[self.axis()]) }
        }

        /// Each element as `parts` consecutive `E`s: `(len, parts)`.
        pub(crate) fn ndarray_parts<E: PixelLayout>(
            &self,
            parts: usize,
        ) -> Result<ArrayView<'a, E, ndarray::Ix2>, InteropError> {
            let axes = [self.axis(), parts_axis::<T, E>(parts)?];
            // SAFETY: each `E` lies inside an element's bytes (`parts_axis`),
            // which are in one buffer borrowed shared for 'a (type invariant).
            unsafe { shared(self.base, &axes) }
        }
    }

    impl<'a, T: PixelLayout> StridedMut<'a, T> {
        fn axis(&self) -> Dim {
            Dim {
                len: self.len,
                stride: self.stride,
            }
        }

        /// Mutable form of [`Strided::ndarray`].
        pub(crate) fn into_ndarray(
            self,
        ) -> Result<ArrayViewMut<'a, T, ndarray::Ix1>, InteropError> {
            // SAFETY: the view's own elements: exclusively borrowed for 'a
            // and pairwise disjoint (type invariant); `self` is consumed.
            unsafe { exclusive(self.base, &[self.axis()]) }
        }

        /// Mutable form of [`Strided::ndarray_parts`].
        pub(crate) fn into_ndarray_parts<E: PixelLayout>(
            self,
            parts: usize,
        ) -> Result<ArrayViewMut<'a, E, ndarray::Ix2>, InteropError> {
            let axes = [self.axis(), parts_axis::<T, E>(parts)?];
            // SAFETY: the parts of one element are disjoint pieces of its
            // bytes (`parts_axis`); elements are exclusively borrowed and
            // pairwise disjoint (type invariant).
            unsafe { exclusive(self.base, &axes) }
        }
    }

    impl<'a, T: PixelLayout> Grid<'a, T> {
        fn axes(&self) -> [Dim; 2] {
            let [x, y] = self.geometry.dims();
            [y, x]
        }

        /// The pixels as a `(height, width)` ndarray view.
        pub(crate) fn ndarray(&self) -> Result<ArrayView<'a, T, ndarray::Ix2>, InteropError> {
            // SAFETY: the grid's own pixels: in one buffer borrowed shared for
            // 'a (type invariant).
            unsafe { shared(self.geometry.base, &self.axes()) }
        }

        /// Each pixel as `parts` consecutive `E`s: `(height, width, parts)`.
        pub(crate) fn ndarray_parts<E: PixelLayout>(
            &self,
            parts: usize,
        ) -> Result<ArrayView<'a, E, ndarray::Ix3>, InteropError> {
            let [y, x] = self.axes();
            let axes = [y, x, parts_axis::<T, E>(parts)?];
            // SAFETY: each `E` lies inside a pixel's bytes (`parts_axis`),
            // which are in one buffer borrowed shared for 'a (type invariant).
            unsafe { shared(self.geometry.base, &axes) }
        }
    }

    impl<'a, T: PixelLayout> GridMut<'a, T> {
        /// Mutable form of [`Grid::ndarray`].
        pub(crate) fn into_ndarray(
            self,
        ) -> Result<ArrayViewMut<'a, T, ndarray::Ix2>, InteropError> {
            let [x, y] = self.geometry.dims();
            // SAFETY: the grid's own pixels: exclusively borrowed for 'a and
            // pairwise disjoint (type invariant); `self` is consumed.
            unsafe { exclusive(self.geometry.base.cast_mut(), &[y, x]) }
        }

        /// Mutable form of [`Grid::ndarray_parts`].
        pub(crate) fn into_ndarray_parts<E: PixelLayout>(
            self,
            parts: usize,
        ) -> Result<ArrayViewMut<'a, E, ndarray::Ix3>, InteropError> {
            let [x, y] = self.geometry.dims();
            let axes = [y, x, parts_axis::<T, E>(parts)?];
            // SAFETY: disjoint parts of disjoint, exclusively borrowed pixels
            // (`parts_axis`, type invariant); `self` is consumed.
            unsafe { exclusive(self.geometry.base.cast_mut(), &axes) }
        }
    }
}

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

/// Applies a 16-byte shuffle to consecutive 16-byte groups of `source`,
/// ORs in `fill`, and stores each result at `out_step`-byte intervals in
/// `target` (`out_step <= 16`). Each store writes 16 bytes; bytes past
/// `out_step` are overwritten by the next group or by the caller's scalar
/// tail. Returns the number of groups done (0 without SSSE3).
#[cfg(all(feature = "std", target_arch = "x86_64"))]
pub(crate) fn shuffle_groups(
    source: &[u8],
    target: &mut [u8],
    mask: &[u8; 16],
    fill: &[u8; 16],
    out_step: usize,
) -> usize {
    if out_step == 0 || out_step > 16 || !std::is_x86_feature_detected!("ssse3") {
        return 0;
    }
    // Pairs of groups in 32-byte registers first, when the compacted pair
    // is whole 4-byte words (the cross-lane permute moves words).
    let pairs = if out_step.is_multiple_of(4) && std::is_x86_feature_detected!("avx2") {
        // SAFETY: AVX2 was detected at run time just above.
        unsafe { shuffle_pairs_avx2(source, target, mask, fill, out_step) }
    } else {
        0
    };
    let done = 2 * pairs;
    // The groups after the pairs (at most one when AVX2 ran).
    let (Some(source), Some(target)) = (source.get(16 * done..), target.get_mut(out_step * done..))
    else {
        return done;
    };
    // SAFETY: SSSE3 was detected at run time above.
    done + unsafe { shuffle_groups_ssse3(source, target, mask, fill, out_step) }
}

/// Two groups per 32-byte register: the same 16-byte shuffle in each lane
/// (`vpshufb` works within lanes), then, when `out_step < 16`, a word
/// permute that packs the two lanes' `out_step` bytes together; each store
/// writes 32 bytes, of which `2 * out_step` are results (the rest is
/// rewritten by the next store or the caller). Returns the number of pairs
/// done.
#[cfg(all(feature = "std", target_arch = "x86_64"))]
#[target_feature(enable = "avx2")]
fn shuffle_pairs_avx2(
    source: &[u8],
    target: &mut [u8],
    mask: &[u8; 16],
    fill: &[u8; 16],
    out_step: usize,
) -> usize {
    use core::arch::x86_64::{
        __m128i, __m256i, _mm256_broadcastsi128_si256, _mm256_loadu_si256, _mm256_or_si256,
        _mm256_permutevar8x32_epi32, _mm256_setr_epi32, _mm256_shuffle_epi8, _mm256_storeu_si256,
        _mm_loadu_si128,
    };
    let out_pair = 2 * out_step;
    // Pair p reads source[32p..32p + 32] and writes target[p * out_pair..][..32].
    let pairs = (source.len() / 32).min(target.len().saturating_sub(32 - out_pair) / out_pair);
    // SAFETY: `mask` and `fill` are 16 readable bytes; loadu needs no alignment.
    let (mask, fill) = unsafe {
        (
            _mm256_broadcastsi128_si256(_mm_loadu_si128(mask.as_ptr().cast::<__m128i>())),
            _mm256_broadcastsi128_si256(_mm_loadu_si128(fill.as_ptr().cast::<__m128i>())),
        )
    };
    // Words 0..w of the low lane, then words 4..4 + w of the high lane.
    let w = (out_step / 4) as i32;
    let word = |k: i32| if k < w { k } else { 4 + (k - w).min(3) };
    let pack = _mm256_setr_epi32(
        word(0),
        word(1),
        word(2),
        word(3),
        word(4),
        word(5),
        word(6),
        word(7),
    );
    let compact = out_step < 16;
    let (from, to) = (source.as_ptr(), target.as_mut_ptr());
    for pair in 0..pairs {
        // SAFETY: 32 * pair + 32 <= source.len() and pair * out_pair + 32 <=
        // target.len() by the choice of `pairs`; unaligned loads/stores.
        unsafe {
            let pixels = _mm256_loadu_si256(from.add(32 * pair).cast::<__m256i>());
            let mut shuffled = _mm256_or_si256(_mm256_shuffle_epi8(pixels, mask), fill);
            if compact {
                shuffled = _mm256_permutevar8x32_epi32(shuffled, pack);
            }
            _mm256_storeu_si256(to.add(pair * out_pair).cast::<__m256i>(), shuffled);
        }
    }
    pairs
}

#[cfg(all(feature = "std", target_arch = "x86_64"))]
#[target_feature(enable = "ssse3")]
fn shuffle_groups_ssse3(
    source: &[u8],
    target: &mut [u8],
    mask: &[u8; 16],
    fill: &[u8; 16],
    out_step: usize,
) -> usize {
    use core::arch::x86_64::{
        __m128i, _mm_loadu_si128, _mm_or_si128, _mm_shuffle_epi8, _mm_storeu_si128,
    };
    // Group g reads source[16g..16g + 16] and writes target[g * out_step..][..16].
    let groups = (source.len() / 16).min(target.len().saturating_sub(16 - out_step) / out_step);
    // SAFETY: `mask` and `fill` are 16 readable bytes; loadu needs no alignment.
    let (mask, fill) = unsafe {
        (
            _mm_loadu_si128(mask.as_ptr().cast::<__m128i>()),
            _mm_loadu_si128(fill.as_ptr().cast::<__m128i>()),
        )
    };
    let (from, to) = (source.as_ptr(), target.as_mut_ptr());
    for group in 0..groups {
        // SAFETY: 16 * group + 16 <= source.len() and group * out_step + 16
        // <= target.len() by the choice of `groups`; unaligned loads/stores.
        unsafe {
            let pixels = _mm_loadu_si128(from.add(16 * group).cast::<__m128i>());
            let shuffled = _mm_or_si128(_mm_shuffle_epi8(pixels, mask), fill);
            _mm_storeu_si128(to.add(group * out_step).cast::<__m128i>(), shuffled);
        }
    }
    groups
}

// ---------------------------------------------------------------------------
// Owned aligned allocation.

/// Zeroed bytes with a chosen alignment.
///
/// Invariant: `ptr` is valid for reads and writes of `len` initialized bytes
/// and aligned to `align`, owned by this value (allocated with `layout` when
/// `len > 0`, a dangling aligned pointer otherwise).
#[cfg(feature = "alloc")]
pub(crate) struct AlignedBytes {
    ptr: *mut u8,
    len: usize,
    align: usize,
}

// SAFETY: owns its bytes like `Vec<u8>`, which is Send and Sync.
#[cfg(feature = "alloc")]
unsafe impl Send for AlignedBytes {}
// SAFETY: as above.
#[cfg(feature = "alloc")]
unsafe impl Sync for AlignedBytes {}

#[cfg(feature = "alloc")]
impl AlignedBytes {
    /// `len` zero bytes aligned to `align` (a power of two).
    pub(crate) fn zeroed(len: usize, align: usize) -> Result<Self, ViewError> {
        let layout = alloc::alloc::Layout::from_size_align(len, align)
            .map_err(|_| ViewError::Overflow { len, stride: 1 })?;
        let ptr = if len == 0 {
            core::ptr::without_provenance_mut(align)
        } else {
            // SAFETY: `layout` has a non-zero size (len > 0).
            let ptr = unsafe { alloc::alloc::alloc_zeroed(layout) };
            if ptr.is_null() {
                alloc::alloc::handle_alloc_error(layout);
            }
            ptr
        };
        Ok(AlignedBytes { ptr, len, align })
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        // SAFETY: `len` initialized bytes, valid and aligned (type invariant),
        // borrowed through `&self`.
        unsafe { core::slice::from_raw_parts(self.ptr, self.len) }
    }

    pub(crate) fn as_bytes_mut(&mut self) -> &mut [u8] {
        // SAFETY: as in `as_bytes`, exclusively through `&mut self`.
        unsafe { core::slice::from_raw_parts_mut(self.ptr, self.len) }
    }

    pub(crate) fn align(&self) -> usize {
        self.align
    }
}

#[cfg(feature = "alloc")]
impl Drop for AlignedBytes {
    fn drop(&mut self) {
        if self.len > 0 {
            // The layout was valid when allocating, so it still is.
            if let Ok(layout) = alloc::alloc::Layout::from_size_align(self.len, self.align) {
                // SAFETY: `ptr` was returned by `alloc_zeroed(layout)` with this
                // same layout (type invariant) and is freed only here.
                unsafe { alloc::alloc::dealloc(self.ptr, layout) };
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Memory-mapped files.

/// Maps `file` read-only.
///
/// The mapping is valid for the returned value's lifetime, on one
/// assumption this library cannot check: nobody modifies or truncates the
/// file while it is mapped. Bytes changing behind the `&[u8]` handed out would
/// break Rust's rule that shared bytes do not change (undefined behaviour,
/// even though every bit pattern is a valid `PixelLayout` value), and
/// touching truncated pages raises SIGBUS. Every public API that maps states
/// the assumption, and SAFETY.md lists it; `NpyFile::read_from` copies
/// instead, for files that may change.
#[cfg(feature = "std")]
pub(crate) fn map_read_only(file: &std::fs::File) -> std::io::Result<memmap2::Mmap> {
    // SAFETY: memmap2 requires that the file not change while mapped: the
    // documented assumption of every mapping API (see above and SAFETY.md).
    unsafe { memmap2::Mmap::map(file) }
}
