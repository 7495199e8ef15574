//! One-dimensional strided views.

use super::bounds::{check_no_alias, check_reach, element, is_aligned, subview, Dim};
use super::proven;
use crate::error::ViewError;
use crate::layout::PixelLayout;
use core::marker::PhantomData;
use core::mem::size_of;

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
    pub(super) base: *const u8,
    pub(super) len: usize,
    pub(super) stride: isize,
    pub(super) aligned: bool,
    pub(super) borrow: PhantomData<&'a [T]>,
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
    pub(super) next: *const u8,
    pub(super) remaining: usize,
    pub(super) stride: isize,
    pub(super) borrow: PhantomData<&'a [T]>,
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
    pub(super) values: Values<'a, T>,
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
    pub(super) base: *mut u8,
    pub(super) len: usize,
    pub(super) stride: isize,
    pub(super) aligned: bool,
    pub(super) borrow: PhantomData<&'a mut [T]>,
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
    pub(super) next: *mut u8,
    pub(super) remaining: usize,
    pub(super) stride: isize,
    pub(super) borrow: PhantomData<&'a mut [T]>,
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
    pub(super) records: StridedMut<'a, T>,
    pub(super) next_free: usize,
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
