//! Iterators over the elements and rows of core views. The preconditions
//! (V1)–(V4) and consequences (C1), (C2) cited below are those of view.rs.

use super::view::{Access, Exclusive, RawView, Shared};
use crate::layout::PixelLayout;

impl<'a, T: PixelLayout> RawView<'a, T, 1, Shared> {
    /// The elements by value, front to back.
    #[inline(always)]
    pub(crate) fn values(self) -> Values<'a, T> {
        Values {
            cursor: Cursor::new(self),
        }
    }

    /// The elements by reference; `None` when not aligned.
    pub(crate) fn refs(self) -> Option<Refs<'a, T>> {
        self.is_aligned().then(|| Refs {
            cursor: Cursor::new(self),
        })
    }
}

impl<'a, T: PixelLayout> RawView<'a, T, 1, Exclusive> {
    /// The elements by mutable reference, each once; `None` when not
    /// aligned.
    pub(crate) fn into_refs_mut(self) -> Option<RefsMut<'a, T>> {
        self.is_aligned().then(|| RefsMut {
            cursor: Cursor::new(self),
        })
    }
}

/// The elements of a rank-1 view not visited yet, from either end.
///
/// Invariant: the `remaining` addresses `view.base() + offset + k·stride`
/// (`k < remaining`) are elements of `view` (C2), and each element of
/// `view` is visited (handed to the caller of `front`/`back`) at most once.
/// Built only by `new` (all elements), changed only by `front`/`back`.
struct Cursor<'a, T, A> {
    view: RawView<'a, T, 1, A>,
    offset: isize,
    remaining: usize,
}

impl<'a, T: PixelLayout, A: Access> Cursor<'a, T, A> {
    #[inline(always)]
    fn new(view: RawView<'a, T, 1, A>) -> Self {
        Cursor {
            remaining: view.len(0),
            offset: 0,
            view,
        }
    }

    /// The first remaining element's address, now visited.
    #[inline(always)]
    fn front(&mut self) -> Option<*mut u8> {
        if self.remaining == 0 {
            return None;
        }
        let at = self.view.base().wrapping_offset(self.offset);
        self.remaining -= 1;
        // The next element's offset; after the last one it is never used.
        self.offset = self.offset.wrapping_add(self.view.stride(0));
        Some(at)
    }

    /// The last remaining element's address, now visited.
    #[inline(always)]
    fn back(&mut self) -> Option<*mut u8> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let last = (self.remaining as isize).wrapping_mul(self.view.stride(0));
        Some(
            self.view
                .base()
                .wrapping_offset(self.offset.wrapping_add(last)),
        )
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl<T> Clone for Cursor<'_, T, Shared> {
    fn clone(&self) -> Self {
        // Visiting an element of a shared view twice is fine: it is read.
        Cursor { ..*self }
    }
}

/// Iterator over the elements of a rank-1 view, by value.
pub(crate) struct Values<'a, T> {
    cursor: Cursor<'a, T, Shared>,
}

impl<T> Clone for Values<'_, T> {
    fn clone(&self) -> Self {
        Values {
            cursor: self.cursor.clone(),
        }
    }
}

/// Reads the element at `at`, which a `Cursor` of a shared view returned.
#[inline(always)]
fn read_at<T: PixelLayout>(at: *mut u8) -> T {
    // SAFETY: `at` is an element of the cursor's view (`Cursor` invariant):
    // in bounds and initialized (V1), not written for 'a (V2); any bytes
    // are a valid `T` (PixelLayout); `read_unaligned` needs no alignment.
    unsafe { at.cast::<T>().read_unaligned() }
}

impl<T: PixelLayout> Iterator for Values<'_, T> {
    type Item = T;

    #[inline(always)]
    fn next(&mut self) -> Option<T> {
        self.cursor.front().map(read_at)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.cursor.size_hint()
    }
}

impl<T: PixelLayout> DoubleEndedIterator for Values<'_, T> {
    #[inline(always)]
    fn next_back(&mut self) -> Option<T> {
        self.cursor.back().map(read_at)
    }
}

impl<T: PixelLayout> ExactSizeIterator for Values<'_, T> {}
impl<T: PixelLayout> core::iter::FusedIterator for Values<'_, T> {}

/// Iterator over the elements of an aligned rank-1 view, by reference.
///
/// Invariant: the cursor's view is aligned (`refs` checks it).
pub(crate) struct Refs<'a, T> {
    cursor: Cursor<'a, T, Shared>,
}

impl<T> Clone for Refs<'_, T> {
    fn clone(&self) -> Self {
        Refs {
            cursor: self.cursor.clone(),
        }
    }
}

impl<'a, T: PixelLayout> Refs<'a, T> {
    /// The element at `at` by reference, for `'a`.
    ///
    /// # Safety
    ///
    /// 1. `at` was returned by `self.cursor`.
    #[inline(always)]
    unsafe fn get(at: *mut u8) -> &'a T {
        // SAFETY: an element of the view (precondition 1, `Cursor`
        // invariant): in bounds and initialized (V1), not written for 'a
        // (V2), aligned (type invariant); a valid `T` without cells
        // (PixelLayout).
        unsafe { &*at.cast::<T>() }
    }
}

impl<'a, T: PixelLayout> Iterator for Refs<'a, T> {
    type Item = &'a T;

    #[inline(always)]
    fn next(&mut self) -> Option<&'a T> {
        let at = self.cursor.front()?;
        // SAFETY: `at` came from the cursor.
        Some(unsafe { Self::get(at) })
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.cursor.size_hint()
    }
}

impl<'a, T: PixelLayout> DoubleEndedIterator for Refs<'a, T> {
    #[inline(always)]
    fn next_back(&mut self) -> Option<&'a T> {
        let at = self.cursor.back()?;
        // SAFETY: `at` came from the cursor.
        Some(unsafe { Self::get(at) })
    }
}

impl<T: PixelLayout> ExactSizeIterator for Refs<'_, T> {}
impl<T: PixelLayout> core::iter::FusedIterator for Refs<'_, T> {}

/// Iterator over the elements of an aligned exclusive rank-1 view, by
/// mutable reference.
///
/// Invariant: the cursor's view is aligned (`into_refs_mut` checks it).
pub(crate) struct RefsMut<'a, T> {
    cursor: Cursor<'a, T, Exclusive>,
}

impl<'a, T: PixelLayout> RefsMut<'a, T> {
    /// The element at `at` by mutable reference, for `'a`.
    ///
    /// # Safety
    ///
    /// 1. `at` was returned by `self.cursor` (which visits each element
    ///    once and is not `Clone`).
    #[inline(always)]
    unsafe fn take(at: *mut u8) -> &'a mut T {
        // SAFETY: an element of the view (precondition 1, `Cursor`
        // invariant), in bounds and initialized (V1), reached only through
        // this view for 'a (V2), sharing no byte with other elements (V3),
        // aligned (type invariant); visited once, so the `&mut`s never alias.
        unsafe { &mut *at.cast::<T>() }
    }
}

impl<'a, T: PixelLayout> Iterator for RefsMut<'a, T> {
    type Item = &'a mut T;

    #[inline(always)]
    fn next(&mut self) -> Option<&'a mut T> {
        let at = self.cursor.front()?;
        // SAFETY: `at` came from the cursor.
        Some(unsafe { Self::take(at) })
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.cursor.size_hint()
    }
}

impl<'a, T: PixelLayout> DoubleEndedIterator for RefsMut<'a, T> {
    #[inline(always)]
    fn next_back(&mut self) -> Option<&'a mut T> {
        let at = self.cursor.back()?;
        // SAFETY: `at` came from the cursor.
        Some(unsafe { Self::take(at) })
    }
}

impl<T: PixelLayout> ExactSizeIterator for RefsMut<'_, T> {}
impl<T: PixelLayout> core::iter::FusedIterator for RefsMut<'_, T> {}

impl<'a, T: PixelLayout, A: Access> RawView<'a, T, 2, A> {
    /// Every row, each handed out once, first to last.
    pub(crate) fn into_rows(self) -> Rows<'a, T, A> {
        Rows {
            view: self,
            next: 0,
        }
    }
}

/// The rows of a rank-2 view, each handed out once, first to last.
///
/// Invariant: rows `next..` of `view` have not been handed out.
pub(crate) struct Rows<'a, T, A> {
    view: RawView<'a, T, 2, A>,
    next: usize,
}

impl<T> Clone for Rows<'_, T, Shared> {
    fn clone(&self) -> Self {
        Rows { ..*self }
    }
}

impl<'a, T: PixelLayout, A: Access> Iterator for Rows<'a, T, A> {
    type Item = RawView<'a, T, 1, A>;

    #[inline]
    fn next(&mut self) -> Option<RawView<'a, T, 1, A>> {
        let y = self.next;
        let [x_axis, _] = self.view.dims();
        let start = self.view.row_start(y)?;
        self.next += 1;
        // SAFETY: the pixels `(x, y)`, `x < width`, are elements of the view
        // (C2: V1, and V2 for 'a); row `y` is handed out once (type
        // invariant, now advanced past it) and rows of an exclusive view
        // share no byte (V3), while the iterator itself never reads, so an
        // exclusive row is reached only through the view returned. Shared
        // rows keep the span (V4) of a shared view; exclusive ones do not
        // own theirs.
        Some(unsafe { RawView::new(start, [x_axis], self.view.whole_span() && !A::EXCLUSIVE) })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.view.len(1).saturating_sub(self.next);
        (left, Some(left))
    }
}

impl<T: PixelLayout, A: Access> ExactSizeIterator for Rows<'_, T, A> {}
