//! The one core view: elements of `T` on an `N`-axis strided grid of
//! borrowed bytes, shared or exclusive.
//!
//! Records and columns are rank 1, images and planes rank 2; windows,
//! rows, crops, steps, flips, transposes and field projections are the
//! same operations at any rank. The public view types are thin wrappers.
//!
//! # The preconditions
//!
//! A [`RawView`] is built only by [`RawView::new`], an `unsafe fn`. Its
//! caller promises, for the view's elements — for every index `i` with
//! `i[k] < dims[k].len` on every axis `k`, the `size_of::<T>()` bytes at
//! `base + Σ i[k]·dims[k].stride`:
//!
//! - **(V1) In bounds.** Every element lies inside one live allocation (the
//!   buffer) and its bytes are initialized.
//! - **(V2) Borrowed.** For `'a`, the elements' bytes are borrowed as `A`
//!   says: `Shared`, nobody writes them; `Exclusive`, nobody reads or
//!   writes them except through this view or views derived from it. `base`
//!   carries that permission (from `as_ptr` for shared, `as_mut_ptr` for
//!   exclusive views).
//! - **(V3) Disjoint.** If `A` is `Exclusive`, no two different elements
//!   share a byte.
//! - **(V4) Whole span.** If `whole_span` holds, every byte from the lowest
//!   to the highest byte of any element also lies in the buffer, is
//!   initialized and is borrowed as in (V2) (for `Exclusive`: by this view
//!   alone), so the span may be lent as one slice.
//!
//! A view without elements (an axis of length 0) promises nothing about
//! `base` or its strides and never uses them to reach memory.
//!
//! Consequences used below: (C1) an element's offset from `base`, and every
//! partial sum of `i[k]·stride[k]`, fits `isize` (two bytes of one
//! allocation, at most `isize::MAX` bytes apart), so the wrapping arithmetic
//! of `bounds::offset_of` gives the true address; (C2) any subset of the
//! elements — a sub-range or step along an axis, a reversed axis, swapped
//! axes, one index fixed — meets (V1)–(V3) again, and (V4) when the parent
//! cannot be used while the subset lives (it was consumed or reborrowed) or
//! the access is shared. With `T: PixelLayout` (its proof evaluated by
//! `new`), any initialized bytes are a valid `T` with no interior
//! mutability (contract promises 1–3, layout.rs).

use super::bounds::{self, Dim};
use super::proven;
use crate::error::ViewError;
use crate::layout::PixelLayout;
use core::mem::size_of;

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::Shared {}
    impl Sealed for super::Exclusive {}
}

/// Access of a view that reads, like `&'a [T]`.
pub(crate) enum Shared {}
/// Access of a view that reads and writes, like `&'a mut [T]`.
pub(crate) enum Exclusive {}

/// `Shared` or `Exclusive`.
pub(crate) trait Access: sealed::Sealed + 'static {
    /// Whether views with this access write (and so must not alias).
    const EXCLUSIVE: bool;
}
impl Access for Shared {
    const EXCLUSIVE: bool = false;
}
impl Access for Exclusive {
    const EXCLUSIVE: bool = true;
}

mod inner {
    //! The fields, private to this module: outside it, a `RawView` comes
    //! only from `new`.
    use super::{bounds, proven, Access, Dim, PixelLayout};
    use core::marker::PhantomData;
    use core::mem::align_of;

    /// `N`-axis strided elements of `T`; see the module docs for the
    /// preconditions (V1)–(V4) every value satisfies.
    pub(crate) struct RawView<'a, T, const N: usize, A> {
        base: *mut u8,
        dims: [Dim; N],
        aligned: bool,
        whole_span: bool,
        // Covariant in 'a and T like `&'a [T]`; the access is the type `A`.
        borrow: PhantomData<(&'a [T], A)>,
    }

    impl<'a, T: PixelLayout, const N: usize, A: Access> RawView<'a, T, N, A> {
        /// The view of the elements at `base + Σ i[k]·dims[k].stride`.
        /// Evaluates `T`'s layout proof and records whether every element is
        /// aligned for `T`.
        ///
        /// # Safety
        ///
        /// (V1)–(V4) of the module docs hold for these elements for `'a`.
        #[inline(always)]
        pub(crate) unsafe fn new(base: *mut u8, dims: [Dim; N], whole_span: bool) -> Self {
            proven::<T>();
            RawView {
                base,
                dims,
                aligned: bounds::is_aligned(base as usize, align_of::<T>(), &dims),
                whole_span,
                borrow: PhantomData,
            }
        }

        /// The address of element `(0, .., 0)` (wild when the view is
        /// empty).
        #[inline(always)]
        pub(crate) fn base(&self) -> *mut u8 {
            self.base
        }

        /// The axes.
        #[inline(always)]
        pub(crate) fn dims(&self) -> [Dim; N] {
            self.dims
        }

        /// Whether every element's address is a multiple of `align_of::<T>()`.
        #[inline(always)]
        pub(crate) fn is_aligned(&self) -> bool {
            self.aligned
        }

        /// Whether (V4) holds.
        #[inline(always)]
        pub(crate) fn whole_span(&self) -> bool {
            self.whole_span
        }
    }
}

pub(crate) use inner::RawView;

impl<T, const N: usize> Clone for RawView<'_, T, N, Shared> {
    #[inline(always)]
    fn clone(&self) -> Self {
        *self
    }
}
impl<T, const N: usize> Copy for RawView<'_, T, N, Shared> {}

// SAFETY: a shared view only reads `T`s through a shared borrow (V2), like
// `&[T]`, which is Send and Sync when `T: Sync`; `T` holds no pointers or
// cells (PixelLayout promise 3).
unsafe impl<T: PixelLayout + Sync, const N: usize> Send for RawView<'_, T, N, Shared> {}
// SAFETY: as for `Send` above.
unsafe impl<T: PixelLayout + Sync, const N: usize> Sync for RawView<'_, T, N, Shared> {}
// SAFETY: an exclusive view is the only way to its elements (V2, V3), like
// `&mut [T]`, which is Send when `T: Send`.
unsafe impl<T: PixelLayout + Send, const N: usize> Send for RawView<'_, T, N, Exclusive> {}
// SAFETY: through `&RawView` an exclusive view only reads (every method
// that writes takes `&mut self` or `self`), like `&&mut [T]`.
unsafe impl<T: PixelLayout + Sync, const N: usize> Sync for RawView<'_, T, N, Exclusive> {}

/// Every view: reads, sub-views, splits. Writes need `Exclusive` below.
impl<'a, T: PixelLayout, const N: usize, A: Access> RawView<'a, T, N, A> {
    /// Length of `axis`.
    #[inline(always)]
    pub(crate) fn len(&self, axis: usize) -> usize {
        self.dims()[axis].len
    }

    /// Stride of `axis` in bytes.
    #[inline(always)]
    pub(crate) fn stride(&self, axis: usize) -> isize {
        self.dims()[axis].stride
    }

    /// Address of element `index`, which must be inside the view for the
    /// result to be an element (wrapping arithmetic otherwise).
    #[inline(always)]
    pub(super) fn address(&self, index: [usize; N]) -> *mut u8 {
        self.base()
            .wrapping_offset(bounds::offset_of(&self.dims(), index))
    }

    /// Element `index` by value (an unaligned read).
    #[inline(always)]
    pub(crate) fn read(&self, index: [usize; N]) -> Option<T> {
        if bounds::contains(&self.dims(), index) {
            // SAFETY: the index is inside the view (just checked).
            Some(unsafe { self.read_unchecked(index) })
        } else {
            None
        }
    }

    /// Element `index` by value, without checking the index.
    ///
    /// # Safety
    ///
    /// 1. `index[k] < self.len(k)` on every axis.
    #[inline(always)]
    pub(crate) unsafe fn read_unchecked(&self, index: [usize; N]) -> T {
        let at = self.address(index).cast::<T>();
        // SAFETY: by precondition 1 `at` is an element's address (C1): its
        // bytes are in bounds and initialized (V1) and nobody writes them
        // during the read (V2: shared, or only through this view, which is
        // borrowed here); any bytes are a valid `T` (PixelLayout);
        // `read_unaligned` needs no alignment.
        unsafe { at.read_unaligned() }
    }

    /// Elements `start..end` of `axis`, every `step`-th. Callers check
    /// `start <= end <= len(axis)` and `step >= 1` (asserted).
    #[inline]
    pub(crate) fn sub(self, axis: usize, start: usize, end: usize, step: usize) -> Self {
        let mut dims = self.dims();
        let (offset, dim) = bounds::sub_axis(dims[axis], start, end, step);
        dims[axis] = dim;
        // SAFETY: the new elements are old ones (C2): element `start` and
        // every `step`-th after it, up to `end`; an empty result keeps the
        // old base and reaches nothing. `self` is consumed (or is a shared
        // copy), so (V4) carries over with the span inside the old one.
        unsafe { Self::new(self.base().wrapping_offset(offset), dims, self.whole_span()) }
    }

    /// The same elements with `axis` reversed.
    #[inline]
    pub(crate) fn reversed(self, axis: usize) -> Self {
        if bounds::is_empty(&self.dims()) {
            return self; // nothing to reverse; the strides are unchecked
        }
        let mut dims = self.dims();
        let (offset, dim) = bounds::reverse_axis(dims[axis]);
        dims[axis] = dim;
        // SAFETY: the same elements in another order (C2): the new base is
        // the old last element along `axis`; same span.
        unsafe { Self::new(self.base().wrapping_offset(offset), dims, self.whole_span()) }
    }

    /// The same elements with axes `a` and `b` swapped (a transpose).
    #[inline]
    pub(crate) fn swap_axes(self, a: usize, b: usize) -> Self {
        let mut dims = self.dims();
        dims.swap(a, b);
        // SAFETY: the same elements, indexed differently (C2); same span.
        unsafe { Self::new(self.base(), dims, self.whole_span()) }
    }

    /// Elements `..mid` and `mid..` of `axis` (callers check `mid <=
    /// len(axis)`, asserted): disjoint subsets, usable at once. Their spans
    /// may interleave (strides of any sign), so exclusive halves give up
    /// (V4); shared ones keep it (shared bytes may be lent twice).
    pub(crate) fn split(self, axis: usize, mid: usize) -> (Self, Self) {
        let (base, mut dims) = (self.base(), self.dims());
        let len = dims[axis].len;
        let (first_offset, first) = bounds::sub_axis(dims[axis], 0, mid, 1);
        let (second_offset, second) = bounds::sub_axis(dims[axis], mid, len, 1);
        let whole_span = self.whole_span() && !A::EXCLUSIVE;
        dims[axis] = first;
        // SAFETY: elements `..mid` are elements of `self` (C2); `self` is
        // consumed, and the other half holds only elements `mid..`, which
        // share no byte with these when exclusive (V3).
        let left = unsafe { Self::new(base.wrapping_offset(first_offset), dims, whole_span) };
        dims[axis] = second;
        // SAFETY: as for the left half, with elements `mid..`.
        let right = unsafe { Self::new(base.wrapping_offset(second_offset), dims, whole_span) };
        (left, right)
    }

    /// A view for as long as `self` is borrowed, with the same access.
    #[inline(always)]
    pub(crate) fn reborrow(&mut self) -> RawView<'_, T, N, A> {
        // SAFETY: the same elements for a shorter lifetime, during which
        // `self` cannot be used (it is mutably borrowed): (V1)–(V4) carry
        // over.
        unsafe { RawView::new(self.base(), self.dims(), self.whole_span()) }
    }

    /// A shared view for as long as `self` is borrowed.
    #[inline(always)]
    pub(crate) fn as_shared(&self) -> RawView<'_, T, N, Shared> {
        // SAFETY: the same elements; while the result lives `self` is
        // borrowed shared, and an exclusive view writes only through
        // `&mut self`, so nobody writes them (V2); (V3) is not required.
        unsafe { RawView::new(self.base(), self.dims(), self.whole_span()) }
    }

    /// Gives up writing for the rest of `'a`.
    #[inline(always)]
    pub(crate) fn into_shared(self) -> RawView<'a, T, N, Shared> {
        // SAFETY: the same elements; `self` is consumed, so nobody writes
        // them for the rest of 'a (V2).
        unsafe { RawView::new(self.base(), self.dims(), self.whole_span()) }
    }

    /// Starts handing out views of fields of every element.
    pub(crate) fn into_fields(self) -> FieldSplit<'a, T, N, A> {
        FieldSplit {
            elements: self,
            next_free: 0,
        }
    }
}

/// Shared views: built from shared bytes, hand out `&'a T`.
impl<'a, T: PixelLayout, const N: usize> RawView<'a, T, N, Shared> {
    /// The elements at `start + Σ i[k]·dims[k].stride` of `bytes`, after
    /// the bounds check.
    ///
    /// # Errors
    ///
    /// `OutOfBounds`, `BeforeStart` or `Overflow` from `bounds::check_reach`.
    pub(crate) fn from_bytes(
        bytes: &'a [u8],
        start: usize,
        dims: [Dim; N],
    ) -> Result<Self, ViewError> {
        bounds::check_reach(bytes.len(), start, size_of::<T>(), &dims)?;
        // `check_reach` proved `start <= bytes.len()`: in (or one past) it.
        let base = bytes.as_ptr().wrapping_add(start).cast_mut();
        // SAFETY: (V1) by `check_reach` just above: every element lies in
        // `bytes`, which is initialized; (V2) `bytes` is borrowed shared for
        // 'a and `base` comes from its `as_ptr`; (V4) the span lies between
        // bytes of elements, so inside `bytes` too.
        Ok(unsafe { Self::new(base, dims, true) })
    }

    /// `value` at every index (all strides zero): broadcasting.
    pub(crate) fn repeat(value: &'a T, lens: [usize; N]) -> Self {
        let dims = lens.map(|len| Dim::new(len, 0));
        let base = core::ptr::from_ref(value).cast::<u8>().cast_mut();
        // SAFETY: every element is `value` itself, a `T` borrowed shared for
        // 'a (V1, V2; its bytes are initialized: PixelLayout promise 1); the
        // span is `value`'s own bytes (V4).
        unsafe { Self::new(base, dims, true) }
    }

    /// Element `index` by reference, when inside the view and aligned.
    #[inline(always)]
    pub(crate) fn get_ref(&self, index: [usize; N]) -> Option<&'a T> {
        if self.is_aligned() && bounds::contains(&self.dims(), index) {
            // SAFETY: an element (C1): in bounds, initialized (V1), not
            // written for 'a (V2) and aligned (`is_aligned`); any bytes are a
            // valid `T` without cells (PixelLayout).
            Some(unsafe { &*self.address(index).cast::<T>() })
        } else {
            None
        }
    }

    /// The `G` at byte `offset` of every element.
    ///
    /// # Errors
    ///
    /// `FieldOutOfRecord` if `offset + size_of::<G>() > size_of::<T>()`.
    pub(crate) fn project<G: PixelLayout>(
        self,
        offset: usize,
    ) -> Result<RawView<'a, G, N, Shared>, ViewError> {
        bounds::field_end(offset, size_of::<G>(), size_of::<T>())?;
        // SAFETY: each new element is bytes `offset..offset + size_of::<G>()`
        // of an old one (just checked), so in bounds and initialized (V1; `T`
        // has no padding, PixelLayout promise 1) and borrowed shared (V2);
        // the span lies inside the old span (V4).
        Ok(unsafe {
            RawView::new(
                self.base().wrapping_add(offset),
                self.dims(),
                self.whole_span(),
            )
        })
    }

    /// The span (every byte from the lowest to the highest one an element
    /// reaches) as one slice, with the offset of element `(0, .., 0)` in
    /// it. `None` for an empty view or one without (V4).
    #[cfg(feature = "image")]
    pub(crate) fn span(&self) -> Option<(&'a [u8], usize)> {
        if !self.whole_span() {
            return None;
        }
        let (low, high) = bounds::span_offsets(&self.dims(), size_of::<T>())?;
        // low <= 0 < high, so both conversions are exact.
        let (len, origin) = ((high - low) as usize, low.unsigned_abs());
        let start = self.base().wrapping_offset(low);
        // SAFETY: (V4): bytes `start..start + len` run from the lowest to
        // one past the highest byte of elements, inside one buffer,
        // initialized and borrowed shared for 'a.
        Some((unsafe { core::slice::from_raw_parts(start, len) }, origin))
    }
}

/// Exclusive views: built from exclusive bytes, write.
impl<'a, T: PixelLayout, const N: usize> RawView<'a, T, N, Exclusive> {
    /// The elements at `start + Σ i[k]·dims[k].stride` of `bytes`, after
    /// the bounds and aliasing checks.
    ///
    /// # Errors
    ///
    /// As [`RawView::from_bytes`], and `Aliasing` from
    /// `bounds::check_no_alias`.
    pub(crate) fn from_bytes_mut(
        bytes: &'a mut [u8],
        start: usize,
        dims: [Dim; N],
    ) -> Result<Self, ViewError> {
        bounds::check_reach(bytes.len(), start, size_of::<T>(), &dims)?;
        bounds::check_no_alias(size_of::<T>(), &dims)?;
        let base = bytes.as_mut_ptr().wrapping_add(start);
        // SAFETY: (V1) by `check_reach` above; (V2) `bytes` is borrowed
        // exclusively for 'a and `base` comes from its `as_mut_ptr`; (V3) by
        // `check_no_alias` above; (V4) all of `bytes`, the span included, is
        // borrowed by this view alone.
        Ok(unsafe { Self::new(base, dims, true) })
    }

    /// Stores `value` at `index`; `false` when outside the view.
    #[inline(always)]
    pub(crate) fn write(&mut self, index: [usize; N], value: T) -> bool {
        if bounds::contains(&self.dims(), index) {
            let at = self.address(index).cast::<T>();
            // SAFETY: an element (C1): in bounds (V1), reached only through
            // this view, borrowed mutably here (V2); `T` has no padding, so
            // every byte written is initialized and any bytes stay valid for
            // whatever the buffer holds (PixelLayout 1–2).
            unsafe { at.write_unaligned(value) };
            true
        } else {
            false
        }
    }

    /// Element `index` by mutable reference, when inside and aligned.
    #[inline(always)]
    pub(crate) fn get_mut(&mut self, index: [usize; N]) -> Option<&mut T> {
        if self.is_aligned() && bounds::contains(&self.dims(), index) {
            // SAFETY: an element (C1), in bounds and initialized (V1),
            // reached only through this view (V2), which `&mut self` lends
            // for the result's lifetime; aligned (`is_aligned`); any bytes
            // are a valid `T` (PixelLayout).
            Some(unsafe { &mut *self.address(index).cast::<T>() })
        } else {
            None
        }
    }

    /// The span as one mutable slice, while `self` is borrowed; see
    /// [`RawView::span`].
    #[cfg(feature = "image")]
    pub(crate) fn span_mut(&mut self) -> Option<(&mut [u8], usize)> {
        if !self.whole_span() {
            return None;
        }
        let (low, high) = bounds::span_offsets(&self.dims(), size_of::<T>())?;
        let (len, origin) = ((high - low) as usize, low.unsigned_abs());
        let start = self.base().wrapping_offset(low);
        // SAFETY: (V4): the span lies in one buffer, initialized and
        // borrowed by this view alone; `&mut self` passes that on. Any bytes
        // written keep the elements valid (PixelLayout 1–2).
        Some((
            unsafe { core::slice::from_raw_parts_mut(start, len) },
            origin,
        ))
    }
}

/// Hands out views of one field of every element, each field starting at
/// or after the end of the previous one, so exclusive field views never
/// share a byte. Zero-sized fields claim no bytes and may sit anywhere.
///
/// Invariant: bytes `next_free..size_of::<T>()` of every element have not
/// been handed out.
pub(crate) struct FieldSplit<'a, T, const N: usize, A> {
    elements: RawView<'a, T, N, A>,
    next_free: usize,
}

impl<'a, T: PixelLayout, const N: usize, A: Access> FieldSplit<'a, T, N, A> {
    /// The `G` at byte `offset` of every element.
    ///
    /// # Errors
    ///
    /// `FieldOutOfRecord` if the field does not fit in `T`;
    /// `FieldOverlap` if a non-empty field starts before the end of one
    /// already taken.
    pub(crate) fn take<G: PixelLayout>(
        &mut self,
        offset: usize,
    ) -> Result<RawView<'a, G, N, A>, ViewError> {
        let end = bounds::field_end(offset, size_of::<G>(), size_of::<T>())?;
        if size_of::<G>() > 0 {
            if offset < self.next_free {
                return Err(ViewError::FieldOverlap {
                    offset,
                    next_free: self.next_free,
                });
            }
            self.next_free = end;
        }
        let (base, dims) = (self.elements.base(), self.elements.dims());
        // SAFETY: each new element is bytes `offset..end` of an element of
        // the consumed view (V1; `T` has no padding); those bytes were not
        // handed out before (type invariant, now advanced past them), and
        // the split itself never reads, so for an exclusive view they are
        // reached only through the new one (V2), and different elements
        // are disjoint (V3). Other fields lie inside an exclusive field's
        // span, so only shared field views keep (V4).
        Ok(unsafe {
            RawView::new(
                base.wrapping_add(offset),
                dims,
                self.elements.whole_span() && !A::EXCLUSIVE,
            )
        })
    }
}
