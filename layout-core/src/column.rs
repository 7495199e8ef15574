//! `Column` / `ColumnMut`: one field of every record, read and written by value.

use crate::error::ViewError;
use crate::layout::PixelLayout;
use crate::raw::{resolve as resolve_range, Dim, Exclusive, FieldSplit, RawView, Shared, Values};
use core::fmt;
use core::ops::RangeBounds;

/// A read-only strided view of one field of every record (or of any values
/// a fixed number of bytes apart).
///
/// Elements are read by value, so fields of `repr(C, packed)` records and
/// other unaligned data work; [`Column::as_slice`] hands out `&[F]` when the
/// values are adjacent and aligned.
///
/// ```
/// use typed_layout::{PixelLayout, Records};
///
/// #[derive(Clone, Copy, PixelLayout)]
/// #[repr(C, packed)]
/// struct Sample { id: u16, value: f32 }
///
/// let samples = [Sample { id: 1, value: 0.5 }, Sample { id: 2, value: 1.5 }];
/// let values = Records::from_slice(&samples).columns().value;
/// assert_eq!(values.len(), 2);
/// assert_eq!(values.get(1), Some(1.5));
/// assert_eq!(values.iter().sum::<f32>(), 2.0);
/// assert!(values.as_slice().is_none()); // 6 bytes apart: not a slice
/// ```
pub struct Column<'a, F> {
    raw: RawView<'a, F, 1, Shared>,
}

impl<F> Clone for Column<'_, F> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<F> Copy for Column<'_, F> {}

impl<'a, F: PixelLayout> Column<'a, F> {
    pub(crate) fn from_raw(raw: RawView<'a, F, 1, Shared>) -> Self {
        Column { raw }
    }

    #[cfg_attr(not(feature = "ndarray"), allow(dead_code))]
    pub(crate) fn raw(&self) -> RawView<'a, F, 1, Shared> {
        self.raw
    }

    /// `len` values starting at byte `start` of `bytes`, `stride` bytes apart.
    /// Any stride is accepted (zero repeats one value; negative walks
    /// backwards) as long as every value lies inside `bytes`.
    ///
    /// ```
    /// use typed_layout::Column;
    /// let bytes = [1u8, 0, 9, 9, 2, 0, 9, 9];
    /// let column = Column::<u8>::from_bytes(&bytes, 0, 2, 4)?;
    /// assert_eq!(column.iter().collect::<Vec<_>>(), [1, 2]);
    /// assert!(Column::<u8>::from_bytes(&bytes, 0, 3, 4).is_err());
    /// # Ok::<(), typed_layout::ViewError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// `OutOfBounds`, `BeforeStart` or `Overflow` if some value would not
    /// lie inside `bytes` (the numbers say how far it reaches).
    pub fn from_bytes(
        bytes: &'a [u8],
        start: usize,
        len: usize,
        stride: isize,
    ) -> Result<Self, ViewError> {
        Ok(Column {
            raw: RawView::from_bytes(bytes, start, [Dim::new(len, stride)])?,
        })
    }

    /// A column over a slice.
    pub fn from_slice(values: &'a [F]) -> Self {
        Column {
            raw: RawView::from_slice(values),
        }
    }

    /// A column of `len` copies of `value` (stride zero, no copies):
    /// broadcasting.
    ///
    /// ```
    /// use typed_layout::Column;
    /// let ones = Column::repeat(&1.0f32, 1000);
    /// assert_eq!(ones.iter().sum::<f32>(), 1000.0);
    /// ```
    pub fn repeat(value: &'a F, len: usize) -> Self {
        Column {
            raw: RawView::repeat(value, [len]),
        }
    }

    /// Every run of `size` adjacent values, as columns (zero-copy; for
    /// moving sums and filters). Fails for `size == 0`.
    ///
    /// ```
    /// use typed_layout::Column;
    /// let values = [1, 2, 3, 4];
    /// let sums: Vec<i32> = Column::from_slice(&values).windows(2)?.map(|w| w.iter().sum()).collect();
    /// assert_eq!(sums, [3, 5, 7]);
    /// # Ok::<(), typed_layout::ViewError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// `InvalidWindow` if `size == 0`.
    pub fn windows(&self, size: usize) -> Result<ColumnWindows<'a, F>, ViewError> {
        if size == 0 {
            return Err(ViewError::InvalidWindow {
                width: size,
                height: 1,
            });
        }
        Ok(ColumnWindows {
            column: *self,
            size,
            next: 0,
        })
    }

    crate::accessors::rank1_accessors!("values");

    /// Value `index`, or `None` past the end.
    #[inline]
    pub fn get(&self, index: usize) -> Option<F> {
        self.raw.read([index])
    }

    /// Value `index` by reference, when it is aligned.
    pub fn get_ref(&self, index: usize) -> Option<&'a F> {
        self.raw.get_ref([index])
    }

    /// Iterates over the values, by value.
    #[inline]
    pub fn iter(&self) -> ColumnIter<'a, F> {
        ColumnIter {
            inner: self.raw.values(),
        }
    }

    /// The values as a slice, when adjacent and aligned.
    pub fn as_slice(&self) -> Option<&'a [F]> {
        self.raw.as_slice()
    }

    /// Copies the values into `out`, which must have the same length.
    ///
    /// # Errors
    ///
    /// `LengthMismatch` if `out.len() != len()`.
    pub fn copy_to_slice(&self, out: &mut [F]) -> Result<(), ViewError> {
        if out.len() != self.len() {
            return Err(ViewError::LengthMismatch {
                expected: self.len(),
                given: out.len(),
            });
        }
        match self.as_slice() {
            Some(values) => out.copy_from_slice(values),
            None => {
                for (to, from) in out.iter_mut().zip(self.iter()) {
                    *to = from;
                }
            }
        }
        Ok(())
    }

    /// Values `range` (O(1)).
    ///
    /// # Errors
    ///
    /// `InvalidRange` if the range starts after its end;
    /// `IndexOutOfBounds` if it ends past `len()`.
    pub fn range(&self, range: impl RangeBounds<usize>) -> Result<Self, ViewError> {
        let (start, end) = resolve_range(range, self.len())?;
        Ok(Column {
            raw: self.raw.sub(0, start, end, 1),
        })
    }

    /// Every `step`-th value (O(1)).
    ///
    /// # Errors
    ///
    /// `ZeroStep` if `step == 0`.
    pub fn step_by(&self, step: usize) -> Result<Self, ViewError> {
        if step == 0 {
            return Err(ViewError::ZeroStep);
        }
        Ok(Column {
            raw: self.raw.sub(0, 0, self.len(), step),
        })
    }

    /// The values in reverse order (O(1)).
    pub fn reversed(&self) -> Self {
        Column {
            raw: self.raw.reversed(0),
        }
    }

    /// The `G` at byte `offset` inside each value (e.g. one element of an
    /// array field, or a field of a nested record).
    ///
    /// # Errors
    ///
    /// `FieldOutOfRecord` if `offset + size_of::<G>() > size_of::<F>()`.
    pub fn column_at<G: PixelLayout>(&self, offset: usize) -> Result<Column<'a, G>, ViewError> {
        Ok(Column {
            raw: self.raw.project(offset)?,
        })
    }

    /// Copies the values into a `Vec`.
    #[cfg(feature = "alloc")]
    pub fn to_vec(&self) -> alloc::vec::Vec<F> {
        self.iter().collect()
    }
}

macro_rules! float_sum {
    ($($ty:ident),*) => {$(
        impl Column<'_, $ty> {
            /// The sum of the values, added in eight interleaved lanes and
            /// then combined pairwise: faster than a sequential `iter().sum()`
            /// (the additions do not wait on each other) and usually more
            /// accurate. The result can differ from the sequential sum in
            /// the last bits, as NumPy's pairwise `sum` does.
            ///
            /// ```
            /// use typed_layout::Column;
            /// let values: Vec<f64> = (1..=1000).map(f64::from).collect();
            /// assert_eq!(Column::from_slice(&values).sum(), 500_500.0);
            /// ```
            pub fn sum(&self) -> $ty {
                let mut lanes = [0.0 as $ty; 8];
                let mut values = self.iter();
                for _ in 0..self.len() / 8 {
                    for lane in lanes.iter_mut() {
                        *lane += values.next().unwrap_or(0.0);
                    }
                }
                let tail: $ty = values.sum();
                let [a, b, c, d, e, f, g, h] = lanes;
                ((a + b) + (c + d)) + ((e + f) + (g + h)) + tail
            }
        }
    )*};
}

float_sum!(f32, f64);

impl<'a, F: PixelLayout> IntoIterator for Column<'a, F> {
    type Item = F;
    type IntoIter = ColumnIter<'a, F>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<F: PixelLayout + fmt::Debug> fmt::Debug for Column<'_, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Iterator over the windows of a [`Column`].
pub struct ColumnWindows<'a, F> {
    column: Column<'a, F>,
    size: usize,
    next: usize,
}

impl<'a, F: PixelLayout> Iterator for ColumnWindows<'a, F> {
    type Item = Column<'a, F>;
    fn next(&mut self) -> Option<Column<'a, F>> {
        let end = self.next.checked_add(self.size)?;
        let window = self.column.range(self.next..end).ok()?;
        self.next += 1;
        Some(window)
    }
}

/// By-value iterator over a [`Column`].
pub struct ColumnIter<'a, F> {
    inner: Values<'a, F>,
}

impl<F> Clone for ColumnIter<'_, F> {
    fn clone(&self) -> Self {
        ColumnIter {
            inner: self.inner.clone(),
        }
    }
}

impl<F: PixelLayout> Iterator for ColumnIter<'_, F> {
    type Item = F;
    #[inline(always)]
    fn next(&mut self) -> Option<F> {
        self.inner.next()
    }
    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<F: PixelLayout> DoubleEndedIterator for ColumnIter<'_, F> {
    #[inline(always)]
    fn next_back(&mut self) -> Option<F> {
        self.inner.next_back()
    }
}

impl<F: PixelLayout> ExactSizeIterator for ColumnIter<'_, F> {}
impl<F: PixelLayout> core::iter::FusedIterator for ColumnIter<'_, F> {}

/// A mutable strided view of one field of every record.
///
/// Generated `<Name>ColumnsMut` holds one per field; they never share a
/// byte, so all can be written at once.
///
/// ```
/// use typed_layout::{PixelLayout, RecordsMut};
///
/// #[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
/// #[repr(C)]
/// struct Point { x: f32, y: f32 }
///
/// let mut points = [Point { x: 1.0, y: 2.0 }, Point { x: 3.0, y: 4.0 }];
/// let mut records = RecordsMut::from_slice_mut(&mut points);
/// let PointColumnsMut { mut x, mut y } = records.columns_mut();
/// x.update(|x| x * 10.0);
/// y.for_each_mut(|y| *y = -*y);
/// assert_eq!(points, [Point { x: 10.0, y: -2.0 }, Point { x: 30.0, y: -4.0 }]);
/// ```
pub struct ColumnMut<'a, F> {
    raw: RawView<'a, F, 1, Exclusive>,
}

impl<'a, F: PixelLayout> ColumnMut<'a, F> {
    pub(crate) fn from_raw(raw: RawView<'a, F, 1, Exclusive>) -> Self {
        ColumnMut { raw }
    }

    /// Mutable form of [`Column::from_bytes`]; also refuses strides that
    /// would make two values share bytes (including zero).
    ///
    /// # Errors
    ///
    /// As [`Column::from_bytes`], and `Aliasing` if two values would share
    /// a byte (`|stride| < size_of::<F>()` with `len > 1`).
    pub fn from_bytes_mut(
        bytes: &'a mut [u8],
        start: usize,
        len: usize,
        stride: isize,
    ) -> Result<Self, ViewError> {
        Ok(ColumnMut {
            raw: RawView::from_bytes_mut(bytes, start, [Dim::new(len, stride)])?,
        })
    }

    /// A mutable column over a slice.
    pub fn from_slice_mut(values: &'a mut [F]) -> Self {
        ColumnMut {
            raw: RawView::from_slice_mut(values),
        }
    }

    #[cfg_attr(not(feature = "ndarray"), allow(dead_code))]
    pub(crate) fn into_raw(self) -> RawView<'a, F, 1, Exclusive> {
        self.raw
    }

    /// A read-only view for as long as `self` is borrowed.
    pub fn as_column(&self) -> Column<'_, F> {
        Column {
            raw: self.raw.as_shared(),
        }
    }

    /// Gives up mutability.
    pub fn into_column(self) -> Column<'a, F> {
        Column {
            raw: self.raw.into_shared(),
        }
    }

    /// A shorter-lived mutable view of the same values.
    pub fn reborrow(&mut self) -> ColumnMut<'_, F> {
        ColumnMut {
            raw: self.raw.reborrow(),
        }
    }

    crate::accessors::rank1_accessors!("values");

    /// Value `index`, or `None` past the end.
    #[inline]
    pub fn get(&self, index: usize) -> Option<F> {
        self.raw.read([index])
    }

    /// Value `index` by mutable reference, when it is aligned.
    pub fn get_mut(&mut self, index: usize) -> Option<&mut F> {
        self.raw.get_mut([index])
    }

    /// Stores `value` at `index`.
    ///
    /// # Errors
    ///
    /// `IndexOutOfBounds` if `index >= len()`.
    #[inline]
    pub fn set(&mut self, index: usize, value: F) -> Result<(), ViewError> {
        if self.raw.write([index], value) {
            Ok(())
        } else {
            Err(ViewError::IndexOutOfBounds {
                index,
                len: self.len(),
            })
        }
    }

    /// Iterates over the values, by value.
    pub fn iter(&self) -> ColumnIter<'_, F> {
        self.as_column().iter()
    }

    /// Replaces every value `v` with `f(v)`.
    #[inline]
    pub fn update(&mut self, f: impl FnMut(F) -> F) {
        self.raw.update_each(f);
    }

    /// Calls `f` on each value through a `&mut` to a copy, then stores the
    /// copy back (so unaligned, packed fields work).
    #[inline]
    pub fn for_each_mut(&mut self, mut f: impl FnMut(&mut F)) {
        self.raw.update_each(|mut value| {
            f(&mut value);
            value
        });
    }

    /// Stores `value` everywhere.
    pub fn fill(&mut self, value: F) {
        self.raw.update_each(|_| value);
    }

    /// Copies `values` in, which must have the same length.
    ///
    /// # Errors
    ///
    /// `LengthMismatch` if `values.len() != len()`.
    pub fn copy_from_slice(&mut self, values: &[F]) -> Result<(), ViewError> {
        if values.len() != self.len() {
            return Err(ViewError::LengthMismatch {
                expected: self.len(),
                given: values.len(),
            });
        }
        let mut source = values.iter();
        self.raw
            .update_each(|old| source.next().copied().unwrap_or(old));
        Ok(())
    }

    /// Copies the values into `out`, which must have the same length.
    ///
    /// # Errors
    ///
    /// `LengthMismatch` if `out.len() != len()`.
    pub fn copy_to_slice(&self, out: &mut [F]) -> Result<(), ViewError> {
        self.as_column().copy_to_slice(out)
    }

    /// The values as a mutable slice, when adjacent and aligned.
    pub fn as_mut_slice(&mut self) -> Option<&mut [F]> {
        self.raw.reborrow().into_mut_slice()
    }

    /// The values as a slice, when adjacent and aligned.
    pub fn as_slice(&self) -> Option<&[F]> {
        self.raw.as_shared().as_slice()
    }

    /// Values `range`, for writing (O(1)).
    ///
    /// # Errors
    ///
    /// As [`Column::range`].
    pub fn range_mut(
        &mut self,
        range: impl RangeBounds<usize>,
    ) -> Result<ColumnMut<'_, F>, ViewError> {
        let (start, end) = resolve_range(range, self.len())?;
        Ok(ColumnMut {
            raw: self.raw.reborrow().sub(0, start, end, 1),
        })
    }

    /// Every `step`-th value, for writing (O(1)).
    ///
    /// # Errors
    ///
    /// `ZeroStep` if `step == 0`.
    pub fn step_by_mut(&mut self, step: usize) -> Result<ColumnMut<'_, F>, ViewError> {
        if step == 0 {
            return Err(ViewError::ZeroStep);
        }
        let len = self.len();
        Ok(ColumnMut {
            raw: self.raw.reborrow().sub(0, 0, len, step),
        })
    }
}

impl<F: PixelLayout + fmt::Debug> fmt::Debug for ColumnMut<'_, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.as_column(), f)
    }
}

/// Hands out mutable columns of records, each field at or after the end of
/// the previous one, so the columns never share a byte. Generated
/// `columns_mut()` uses it with `offset_of!` offsets in declaration order.
///
/// ```
/// use typed_layout::RecordsMut;
/// let mut pairs = [[1u16, 2], [3, 4]];
/// let mut split = RecordsMut::from_slice_mut(&mut pairs).into_column_split();
/// let mut first = split.take::<u16>(0)?;
/// let second = split.take::<u16>(2)?;
/// assert!(split.take::<u16>(0).is_err()); // already handed out
/// first.set(1, second.get(1).unwrap_or(0))?;
/// assert_eq!(pairs, [[1, 2], [4, 4]]);
/// # Ok::<(), typed_layout::ViewError>(())
/// ```
pub struct ColumnSplit<'a, T: PixelLayout> {
    raw: FieldSplit<'a, T, 1, Exclusive>,
}

impl<'a, T: PixelLayout> ColumnSplit<'a, T> {
    pub(crate) fn from_raw(raw: FieldSplit<'a, T, 1, Exclusive>) -> Self {
        ColumnSplit { raw }
    }

    /// The `G` at byte `offset` of every record. Zero-sized fields claim
    /// no bytes and may be taken at any offset inside the record.
    ///
    /// # Errors
    ///
    /// `FieldOverlap` if a non-empty field starts before the end of a field
    /// already taken; `FieldOutOfRecord` if it does not fit in the record.
    pub fn take<G: PixelLayout>(&mut self, offset: usize) -> Result<ColumnMut<'a, G>, ViewError> {
        Ok(ColumnMut {
            raw: self.raw.take(offset)?,
        })
    }
}
