//! Iterators over the elements and rows of core views. The preconditions
//! (V1)–(V4) and consequences (C1), (C2) cited below are those of view.rs.

use super::view::{Access, Exclusive, RawView, Shared};
use crate::layout::PixelLayout;

impl<'a, T: PixelLayout> RawView<'a, T, 1, Shared> {
    /// The elements by value, front to back.
    #[inline(always)]
    pub(crate) fn values(self) -> Values<'a, T> {
        Values {
            back: self.len(0),
            front: 0,
            view: self,
        }
    }

    /// The elements by reference; `None` when not aligned.
    pub(crate) fn refs(self) -> Option<Refs<'a, T>> {
        self.is_aligned().then(|| Refs {
            values: self.values(),
        })
    }
}

impl<'a, T: PixelLayout> RawView<'a, T, 1, Exclusive> {
    /// The elements by mutable reference, each once; `None` when not
    /// aligned.
    pub(crate) fn into_refs_mut(self) -> Option<RefsMut<'a, T>> {
        self.is_aligned().then(|| RefsMut {
            back: self.len(0),
            front: 0,
            view: self,
        })
    }
}

impl<'a, T: PixelLayout, A: Access> RawView<'a, T, 2, A> {
    /// Every row, each handed out once, first to last.
    pub(crate) fn into_rows(self) -> Rows<'a, T, A> {
        Rows { rest: self }
    }
}

/// Iterator over the elements of a rank-1 view, by value.
///
/// Invariant: `front <= back <= view.len(0)`; the elements `front..back`
/// have not been yielded.
pub(crate) struct Values<'a, T> {
    view: RawView<'a, T, 1, Shared>,
    front: usize,
    back: usize,
}

impl<T> Clone for Values<'_, T> {
    fn clone(&self) -> Self {
        Values { ..*self }
    }
}

impl<T: PixelLayout> Iterator for Values<'_, T> {
    type Item = T;

    #[inline(always)]
    fn next(&mut self) -> Option<T> {
        if self.front == self.back {
            return None;
        }
        // SAFETY: front < back <= len (type invariant).
        let value = unsafe { self.view.read_unchecked([self.front]) };
        self.front += 1;
        Some(value)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.back - self.front;
        (left, Some(left))
    }
}

impl<T: PixelLayout> DoubleEndedIterator for Values<'_, T> {
    #[inline(always)]
    fn next_back(&mut self) -> Option<T> {
        if self.front == self.back {
            return None;
        }
        self.back -= 1;
        // SAFETY: front <= back < len (type invariant, before the step).
        Some(unsafe { self.view.read_unchecked([self.back]) })
    }
}

impl<T: PixelLayout> ExactSizeIterator for Values<'_, T> {}
impl<T: PixelLayout> core::iter::FusedIterator for Values<'_, T> {}

/// Iterator over the elements of an aligned rank-1 view, by reference.
///
/// Invariant: as for [`Values`], and the view is aligned.
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

impl<'a, T: PixelLayout> Refs<'a, T> {
    /// Element `index` by reference for `'a`.
    ///
    /// # Safety
    ///
    /// 1. `index < self.values.view.len(0)`.
    #[inline(always)]
    unsafe fn get(&self, index: usize) -> &'a T {
        let view = self.values.view;
        let at = view
            .base()
            .wrapping_offset((index as isize).wrapping_mul(view.stride(0)));
        // SAFETY: an element (precondition 1, C1), in bounds and
        // initialized (V1), not written for 'a (V2), aligned (type
        // invariant); a valid `T` without cells (PixelLayout).
        unsafe { &*at.cast::<T>() }
    }
}

impl<'a, T: PixelLayout> Iterator for Refs<'a, T> {
    type Item = &'a T;

    #[inline(always)]
    fn next(&mut self) -> Option<&'a T> {
        let values = &mut self.values;
        if values.front == values.back {
            return None;
        }
        values.front += 1;
        // SAFETY: front - 1 < back <= len (`Values` invariant).
        Some(unsafe { self.get(self.values.front - 1) })
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.values.size_hint()
    }
}

impl<'a, T: PixelLayout> DoubleEndedIterator for Refs<'a, T> {
    #[inline(always)]
    fn next_back(&mut self) -> Option<&'a T> {
        let values = &mut self.values;
        if values.front == values.back {
            return None;
        }
        values.back -= 1;
        // SAFETY: front <= back < len (`Values` invariant, before the step).
        Some(unsafe { self.get(self.values.back) })
    }
}

impl<T: PixelLayout> ExactSizeIterator for Refs<'_, T> {}
impl<T: PixelLayout> core::iter::FusedIterator for Refs<'_, T> {}

/// Iterator over the elements of an aligned exclusive rank-1 view, by
/// mutable reference.
///
/// Invariant: `front <= back <= view.len(0)`, the view is aligned, and
/// the elements `front..back` have not been handed out; the others have
/// been, each once.
pub(crate) struct RefsMut<'a, T> {
    view: RawView<'a, T, 1, Exclusive>,
    front: usize,
    back: usize,
}

impl<'a, T: PixelLayout> RefsMut<'a, T> {
    /// Hands out element `index` for `'a`.
    ///
    /// # Safety
    ///
    /// 1. `index < self.view.len(0)`;
    /// 2. element `index` has not been handed out before and never will be
    ///    again.
    #[inline(always)]
    unsafe fn take(&mut self, index: usize) -> &'a mut T {
        let at = self
            .view
            .base()
            .wrapping_offset((index as isize).wrapping_mul(self.view.stride(0)));
        // SAFETY: an element (precondition 1, C1), in bounds and
        // initialized (V1), reached only through this view for 'a (V2),
        // sharing no byte with other elements (V3), aligned (type
        // invariant); handed out once (precondition 2), so the `&mut`s never
        // alias.
        unsafe { &mut *at.cast::<T>() }
    }
}

impl<'a, T: PixelLayout> Iterator for RefsMut<'a, T> {
    type Item = &'a mut T;

    #[inline(always)]
    fn next(&mut self) -> Option<&'a mut T> {
        if self.front == self.back {
            return None;
        }
        self.front += 1;
        // SAFETY: front - 1 < back <= len, and `front` only grows, `back`
        // only shrinks past it: never handed out again (type invariant).
        Some(unsafe { self.take(self.front - 1) })
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.back - self.front;
        (left, Some(left))
    }
}

impl<'a, T: PixelLayout> DoubleEndedIterator for RefsMut<'a, T> {
    #[inline(always)]
    fn next_back(&mut self) -> Option<&'a mut T> {
        if self.front == self.back {
            return None;
        }
        self.back -= 1;
        // SAFETY: as in `next`, from the back.
        Some(unsafe { self.take(self.back) })
    }
}

impl<T: PixelLayout> ExactSizeIterator for RefsMut<'_, T> {}
impl<T: PixelLayout> core::iter::FusedIterator for RefsMut<'_, T> {}

/// The rows of a rank-2 view, each handed out once: split off the first
/// row, so no row ever shares a pixel with another (safe code only).
pub(crate) struct Rows<'a, T, A> {
    rest: RawView<'a, T, 2, A>,
}

impl<T: PixelLayout> Clone for Rows<'_, T, Shared> {
    fn clone(&self) -> Self {
        Rows { rest: self.rest }
    }
}

impl<'a, T: PixelLayout, A: Access> Iterator for Rows<'a, T, A> {
    type Item = RawView<'a, T, 1, A>;

    fn next(&mut self) -> Option<RawView<'a, T, 1, A>> {
        if self.rest.len(1) == 0 {
            return None;
        }
        // Take the rest by value through a 0-row placeholder of itself.
        let rest = self.rest.reborrow_empty();
        let (first, rest) = core::mem::replace(&mut self.rest, rest).split(1, 1);
        self.rest = rest;
        first.row(0)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.rest.len(1);
        (left, Some(left))
    }
}

impl<T: PixelLayout, A: Access> ExactSizeIterator for Rows<'_, T, A> {}

impl<'a, T: PixelLayout, const N: usize, A: Access> RawView<'a, T, N, A> {
    /// A view with no elements (axis `N - 1` of length 0) at the same
    /// base, for the same lifetime: a placeholder while `self` is moved.
    fn reborrow_empty(&self) -> Self {
        let mut dims = self.dims();
        if let Some(last) = dims.last_mut() {
            last.len = 0;
        }
        // SAFETY: a view without elements promises nothing about its base
        // and reaches no memory.
        unsafe { Self::new(self.base(), dims, false) }
    }
}
