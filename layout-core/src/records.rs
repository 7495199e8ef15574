//! `Records` / `RecordsMut`: typed views of records in borrowed bytes, thin
//! wrappers over the rank-1 core view that always hand out `&T`.

use crate::column::{Column, ColumnSplit};
use crate::error::ViewError;
use crate::layout::PixelLayout;
use crate::raw::{resolve, Dim, Exclusive, RawView, Refs, RefsMut, Shared};
use core::fmt;
use core::mem::{align_of, size_of};
use core::ops::RangeBounds;

/// The number of whole records in `bytes`, refusing zero-sized types and
/// lengths that leave bytes over.
fn whole_records<T: PixelLayout>(bytes: &[u8]) -> Result<usize, ViewError> {
    let elem_size = nonzero_size::<T>()?;
    if !bytes.len().is_multiple_of(elem_size) {
        return Err(ViewError::LengthNotMultiple {
            len: bytes.len(),
            elem_size,
        });
    }
    Ok(bytes.len() / elem_size)
}

/// `size_of::<T>()`, or `ZeroSizedElement`: a byte count says nothing
/// about how many zero-sized records there are.
pub(crate) fn nonzero_size<T: PixelLayout>() -> Result<usize, ViewError> {
    match size_of::<T>() {
        0 => Err(ViewError::ZeroSizedElement {
            type_name: T::LAYOUT.name,
        }),
        size => Ok(size),
    }
}

/// Refuses records whose addresses (`address + i·stride`, `i < len`) are
/// not all aligned for `T` (records are handed out as `&T`), and a start
/// address that is not, even with no records.
fn check_aligned<T: PixelLayout>(
    address: usize,
    len: usize,
    stride: isize,
) -> Result<(), ViewError> {
    let required = align_of::<T>();
    let address_remainder = address % required;
    let stride_remainder = if len <= 1 {
        0
    } else {
        stride.unsigned_abs() % required
    };
    if address_remainder != 0 || stride_remainder != 0 {
        return Err(ViewError::Misaligned {
            required,
            address_remainder,
            stride_remainder,
        });
    }
    Ok(())
}

/// A read-only, zero-copy view of `len` records of type `T`.
///
/// Records may be adjacent (from a byte buffer or a slice) or a fixed stride
/// apart (every n-th record, records embedded in larger records). Every
/// record is aligned for `T`, so records come out as `&T`; fields come out
/// per column through [`Records::columns`].
///
/// ```
/// use typed_layout::{PixelLayout, Records};
///
/// #[derive(Clone, Copy, Debug, PixelLayout)]
/// #[repr(C, packed)]
/// struct Person { name: [u8; 32], age: i32, salary: f64 }
///
/// let bytes = vec![0u8; 44 * 3];
/// let people = Records::<Person>::from_bytes(&bytes)?;
/// assert_eq!(people.len(), 3);
/// assert_eq!(people.columns().salary.iter().sum::<f64>(), 0.0);
///
/// let err = Records::<Person>::from_bytes(&bytes[..100]).unwrap_err();
/// assert_eq!(err.to_string(), "buffer of 100 bytes is not a whole number of 44-byte records \
///     (2 records and 12 bytes left over); pass a buffer whose length is a multiple of 44");
/// # Ok::<(), typed_layout::ViewError>(())
/// ```
pub struct Records<'a, T: PixelLayout> {
    /// Every record aligned for `T` (checked by the constructors; sub-views
    /// keep it), so `&T` can always be handed out.
    raw: RawView<'a, T, 1, Shared>,
}

impl<T: PixelLayout> Clone for Records<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: PixelLayout> Copy for Records<'_, T> {}

impl<'a, T: PixelLayout> Records<'a, T> {
    /// Wraps a view whose records are known to be aligned (a sub-view of
    /// aligned records, or a slice).
    fn wrap(raw: RawView<'a, T, 1, Shared>) -> Self {
        debug_assert!(raw.is_aligned());
        Records { raw }
    }

    /// Views `bytes` as records, in O(1): checks that the length is a whole
    /// number of records and that the start is aligned for `T`.
    ///
    /// # Errors
    ///
    /// `ZeroSizedElement` for a zero-sized `T`; `LengthNotMultiple` if
    /// `bytes.len()` is not a multiple of `size_of::<T>()`; `Misaligned` if
    /// `bytes` does not start at a multiple of `align_of::<T>()`.
    pub fn from_bytes(bytes: &'a [u8]) -> Result<Self, ViewError> {
        let len = whole_records::<T>(bytes)?;
        check_aligned::<T>(bytes.as_ptr() as usize, len, size_of::<T>() as isize)?;
        let dims = [Dim::new(len, size_of::<T>() as isize)];
        Ok(Self::wrap(RawView::from_bytes(bytes, 0, dims)?))
    }

    /// Views `len` records starting at byte `start` of `bytes`, `stride` bytes
    /// apart (`stride >= size_of::<T>()` for records embedded in larger
    /// records; any value, even zero or negative, is accepted if every record
    /// lies in `bytes` and is aligned).
    ///
    /// ```
    /// use typed_layout::Records;
    /// // The u16 at offset 2 of each 8-byte row.
    /// let bytes: Vec<u8> = (0..32).collect();
    /// # let bytes = typed_layout::RecordBuf::<u8>::from_slice(&bytes)?;
    /// let picked = Records::<u16>::from_bytes_strided(bytes.as_bytes(), 2, 4, 8)?;
    /// let got: Vec<u16> = picked.iter().copied().collect();
    /// assert_eq!(got, [u16::from_ne_bytes([2, 3]), u16::from_ne_bytes([10, 11]),
    ///                  u16::from_ne_bytes([18, 19]), u16::from_ne_bytes([26, 27])]);
    /// # Ok::<(), typed_layout::ViewError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// `ZeroSizedElement` for a zero-sized `T`; `OutOfBounds`,
    /// `BeforeStart` or `Overflow` if some record would not lie inside
    /// `bytes`; `Misaligned` if a record is not aligned for `T`.
    pub fn from_bytes_strided(
        bytes: &'a [u8],
        start: usize,
        len: usize,
        stride: isize,
    ) -> Result<Self, ViewError> {
        nonzero_size::<T>()?;
        let raw = RawView::from_bytes(bytes, start, [Dim::new(len, stride)])?;
        check_aligned::<T>(raw.base() as usize, len, stride)?;
        Ok(Self::wrap(raw))
    }

    /// Views a slice of records (always valid).
    pub fn from_slice(records: &'a [T]) -> Self {
        Self::wrap(RawView::from_slice(records))
    }

    crate::accessors::rank1_accessors!("records");

    /// Record `index`, or `None` past the end.
    #[inline]
    pub fn get(&self, index: usize) -> Option<&'a T> {
        self.raw.get_ref([index])
    }

    /// Iterates over the records.
    #[allow(
        clippy::missing_panics_doc,
        reason = "records are aligned by construction"
    )]
    pub fn iter(&self) -> RecordsIter<'a, T> {
        RecordsIter {
            inner: self
                .raw
                .refs()
                .expect("Records are aligned by construction"),
        }
    }

    /// The records as a slice when they are adjacent (stride equals
    /// `size_of::<T>()`).
    pub fn as_slice(&self) -> Option<&'a [T]> {
        self.raw.as_slice()
    }

    /// Records `range` (O(1)).
    ///
    /// # Errors
    ///
    /// `InvalidRange` if the range starts after its end;
    /// `IndexOutOfBounds` if it ends past `len()`.
    pub fn range(&self, range: impl RangeBounds<usize>) -> Result<Self, ViewError> {
        let (start, end) = resolve(range, self.len())?;
        Ok(Self::wrap(self.raw.sub(0, start, end, 1)))
    }

    /// Every `step`-th record, starting with the first (O(1)).
    ///
    /// ```
    /// use typed_layout::Records;
    /// let values = [1u32, 2, 3, 4, 5];
    /// let odd = Records::from_slice(&values).step_by(2)?;
    /// assert_eq!(odd.iter().copied().collect::<Vec<_>>(), [1, 3, 5]);
    /// # Ok::<(), typed_layout::ViewError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// `ZeroStep` if `step == 0`.
    pub fn step_by(&self, step: usize) -> Result<Self, ViewError> {
        if step == 0 {
            return Err(ViewError::ZeroStep);
        }
        Ok(Self::wrap(self.raw.sub(0, 0, self.len(), step)))
    }

    /// The records in reverse order (O(1)).
    pub fn reversed(&self) -> Self {
        Self::wrap(self.raw.reversed(0))
    }

    /// Records `..mid` and `mid..` (O(1)).
    ///
    /// ```
    /// use typed_layout::Records;
    /// let (head, tail) = Records::from_slice(&[1u8, 2, 3]).split_at(1)?;
    /// assert_eq!((head.len(), tail.get(0)), (1, Some(&2)));
    /// # Ok::<(), typed_layout::ViewError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// `IndexOutOfBounds` if `mid > len()`.
    pub fn split_at(&self, mid: usize) -> Result<(Self, Self), ViewError> {
        resolve(..mid, self.len())?;
        let (left, right) = self.raw.split(0, mid);
        Ok((Self::wrap(left), Self::wrap(right)))
    }

    /// Every run of `size` adjacent records (zero-copy).
    ///
    /// ```
    /// use typed_layout::Records;
    /// let values = [1u8, 2, 3];
    /// let pairs: Vec<Vec<u8>> = Records::from_slice(&values).windows(2)?.map(|w| w.to_vec()).collect();
    /// assert_eq!(pairs, [vec![1, 2], vec![2, 3]]);
    /// # Ok::<(), typed_layout::ViewError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// `InvalidWindow` if `size == 0`.
    pub fn windows(
        &self,
        size: usize,
    ) -> Result<impl Iterator<Item = Records<'a, T>> + 'a, ViewError> {
        if size == 0 {
            return Err(ViewError::InvalidWindow {
                width: size,
                height: 1,
            });
        }
        let records = *self;
        // `+ 1` cannot overflow: size >= 1 (a stride-0 view may have
        // usize::MAX records).
        let count = records.len().checked_sub(size).map_or(0, |d| d + 1);
        Ok((0..count).map(move |start| Self::wrap(records.raw.sub(0, start, start + size, 1))))
    }

    /// The `G` at byte `offset` of every record, as a column. Generated
    /// `columns()` calls this with `offset_of!` offsets; it is safe for any
    /// offset because `T` has no padding and every bit pattern is a valid
    /// `G`.
    ///
    /// # Errors
    ///
    /// `FieldOutOfRecord` if `offset + size_of::<G>() > size_of::<T>()`.
    pub fn column_at<G: PixelLayout>(&self, offset: usize) -> Result<Column<'a, G>, ViewError> {
        Ok(Column::from_raw(self.raw.project(offset)?))
    }

    #[cfg_attr(not(feature = "ndarray"), allow(dead_code))]
    pub(crate) fn raw(&self) -> RawView<'a, T, 1, Shared> {
        self.raw
    }

    /// Copies the records into a `Vec`.
    #[cfg(feature = "alloc")]
    pub fn to_vec(&self) -> alloc::vec::Vec<T> {
        self.iter().copied().collect()
    }
}

impl<'a, T: PixelLayout> IntoIterator for Records<'a, T> {
    type Item = &'a T;
    type IntoIter = RecordsIter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a, T: PixelLayout> IntoIterator for &Records<'a, T> {
    type Item = &'a T;
    type IntoIter = RecordsIter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T: PixelLayout + fmt::Debug> fmt::Debug for Records<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Iterator over `&T` of [`Records`].
#[derive(Clone)]
pub struct RecordsIter<'a, T: PixelLayout> {
    inner: Refs<'a, T>,
}

impl<'a, T: PixelLayout> Iterator for RecordsIter<'a, T> {
    type Item = &'a T;
    #[inline]
    fn next(&mut self) -> Option<&'a T> {
        self.inner.next()
    }
    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<T: PixelLayout> DoubleEndedIterator for RecordsIter<'_, T> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.inner.next_back()
    }
}

impl<T: PixelLayout> ExactSizeIterator for RecordsIter<'_, T> {}

/// A mutable, zero-copy view of `len` records of type `T`.
///
/// ```
/// use typed_layout::{PixelLayout, RecordsMut};
///
/// #[derive(Clone, Copy, PixelLayout)]
/// #[repr(C, packed)]
/// struct Person { name: [u8; 32], age: i32, salary: f64 }
///
/// let mut bytes = vec![0u8; 44 * 2];
/// let mut people = RecordsMut::<Person>::from_bytes_mut(&mut bytes)?;
/// let PersonColumnsMut { mut age, mut salary, .. } = people.columns_mut();
/// age.fill(30);
/// salary.update(|s| s + 1000.0);
/// assert_eq!(people.get(1).map(|p| p.age), Some(30));
/// # Ok::<(), typed_layout::ViewError>(())
/// ```
pub struct RecordsMut<'a, T: PixelLayout> {
    /// Every record aligned for `T`, as for [`Records`].
    raw: RawView<'a, T, 1, Exclusive>,
}

impl<'a, T: PixelLayout> RecordsMut<'a, T> {
    fn wrap(raw: RawView<'a, T, 1, Exclusive>) -> Self {
        debug_assert!(raw.is_aligned());
        RecordsMut { raw }
    }

    /// Views `bytes` as mutable records, in O(1) (same checks as
    /// [`Records::from_bytes`]).
    ///
    /// # Errors
    ///
    /// As [`Records::from_bytes`].
    pub fn from_bytes_mut(bytes: &'a mut [u8]) -> Result<Self, ViewError> {
        let len = whole_records::<T>(bytes)?;
        check_aligned::<T>(bytes.as_ptr() as usize, len, size_of::<T>() as isize)?;
        let dims = [Dim::new(len, size_of::<T>() as isize)];
        Ok(Self::wrap(RawView::from_bytes_mut(bytes, 0, dims)?))
    }

    /// Mutable form of [`Records::from_bytes_strided`]; also refuses strides
    /// that would make two records share bytes.
    ///
    /// # Errors
    ///
    /// As [`Records::from_bytes_strided`], and `Aliasing` if two records
    /// would share a byte (`|stride| < size_of::<T>()` with `len > 1`).
    pub fn from_bytes_strided_mut(
        bytes: &'a mut [u8],
        start: usize,
        len: usize,
        stride: isize,
    ) -> Result<Self, ViewError> {
        nonzero_size::<T>()?;
        let raw = RawView::from_bytes_mut(bytes, start, [Dim::new(len, stride)])?;
        check_aligned::<T>(raw.base() as usize, len, stride)?;
        Ok(Self::wrap(raw))
    }

    /// Views a mutable slice of records.
    pub fn from_slice_mut(records: &'a mut [T]) -> Self {
        Self::wrap(RawView::from_slice_mut(records))
    }

    #[cfg_attr(not(feature = "ndarray"), allow(dead_code))]
    pub(crate) fn into_raw(self) -> RawView<'a, T, 1, Exclusive> {
        self.raw
    }

    /// A read-only view for as long as `self` is borrowed.
    pub fn as_records(&self) -> Records<'_, T> {
        Records::wrap(self.raw.as_shared())
    }

    /// Gives up mutability.
    pub fn into_records(self) -> Records<'a, T> {
        Records::wrap(self.raw.into_shared())
    }

    /// A shorter-lived mutable view of the same records.
    pub fn reborrow(&mut self) -> RecordsMut<'_, T> {
        RecordsMut::wrap(self.raw.reborrow())
    }

    crate::accessors::rank1_accessors!("records");

    /// Record `index`, or `None` past the end.
    pub fn get(&self, index: usize) -> Option<&T> {
        self.as_records().get(index)
    }

    /// Record `index` for writing, or `None` past the end.
    pub fn get_mut(&mut self, index: usize) -> Option<&mut T> {
        self.raw.get_mut([index])
    }

    /// Stores `record` at `index`.
    ///
    /// # Errors
    ///
    /// `IndexOutOfBounds` if `index >= len()`.
    pub fn set(&mut self, index: usize, record: T) -> Result<(), ViewError> {
        if self.raw.write([index], record) {
            Ok(())
        } else {
            Err(ViewError::IndexOutOfBounds {
                index,
                len: self.len(),
            })
        }
    }

    /// Iterates over the records.
    pub fn iter(&self) -> RecordsIter<'_, T> {
        self.as_records().iter()
    }

    /// Iterates over the records for writing.
    #[allow(
        clippy::missing_panics_doc,
        reason = "records are aligned by construction"
    )]
    pub fn iter_mut(&mut self) -> RecordsIterMut<'_, T> {
        RecordsIterMut {
            inner: self
                .raw
                .reborrow()
                .into_refs_mut()
                .expect("RecordsMut are aligned by construction"),
        }
    }

    /// The records as a mutable slice when they are adjacent.
    pub fn as_mut_slice(&mut self) -> Option<&mut [T]> {
        self.raw.reborrow().into_mut_slice()
    }

    /// The records as a mutable slice for the rest of `'a`, when adjacent.
    pub fn into_mut_slice(self) -> Option<&'a mut [T]> {
        self.raw.into_mut_slice()
    }

    /// Records `range`, for writing (O(1)).
    ///
    /// # Errors
    ///
    /// As [`Records::range`].
    pub fn range_mut(
        &mut self,
        range: impl RangeBounds<usize>,
    ) -> Result<RecordsMut<'_, T>, ViewError> {
        let (start, end) = resolve(range, self.len())?;
        Ok(RecordsMut::wrap(self.raw.reborrow().sub(0, start, end, 1)))
    }

    /// Every `step`-th record, for writing (O(1)).
    ///
    /// # Errors
    ///
    /// `ZeroStep` if `step == 0`.
    pub fn step_by_mut(&mut self, step: usize) -> Result<RecordsMut<'_, T>, ViewError> {
        if step == 0 {
            return Err(ViewError::ZeroStep);
        }
        let len = self.len();
        Ok(RecordsMut::wrap(self.raw.reborrow().sub(0, 0, len, step)))
    }

    /// Splits into records `..mid` and `mid..`, both writable at once.
    ///
    /// ```
    /// use typed_layout::RecordsMut;
    /// let mut values = [0u16; 6];
    /// let mut records = RecordsMut::from_slice_mut(&mut values);
    /// let (mut left, mut right) = records.split_at_mut(2)?;
    /// left.set(0, 1)?;
    /// right.set(0, 2)?;
    /// assert_eq!(values, [1, 0, 2, 0, 0, 0]);
    /// # Ok::<(), typed_layout::ViewError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// `IndexOutOfBounds` if `mid > len()`.
    pub fn split_at_mut(
        &mut self,
        mid: usize,
    ) -> Result<(RecordsMut<'_, T>, RecordsMut<'_, T>), ViewError> {
        self.reborrow().into_split_at(mid)
    }

    /// [`RecordsMut::split_at_mut`] for the whole lifetime of the view.
    ///
    /// # Errors
    ///
    /// `IndexOutOfBounds` if `mid > len()`.
    pub fn into_split_at(self, mid: usize) -> Result<(Self, Self), ViewError> {
        resolve(..mid, self.len())?;
        let (left, right) = self.raw.split(0, mid);
        Ok((Self::wrap(left), Self::wrap(right)))
    }

    /// Starts handing out mutable columns; see [`ColumnSplit`].
    pub fn into_column_split(self) -> ColumnSplit<'a, T> {
        ColumnSplit::from_raw(self.raw.into_fields())
    }

    /// Copies every record from `source` (same length required).
    ///
    /// # Errors
    ///
    /// `LengthMismatch` if the lengths differ.
    pub fn copy_from(&mut self, source: &Records<'_, T>) -> Result<(), ViewError> {
        if source.len() != self.len() {
            return Err(ViewError::LengthMismatch {
                expected: self.len(),
                given: source.len(),
            });
        }
        for (to, from) in self.iter_mut().zip(source.iter()) {
            *to = *from;
        }
        Ok(())
    }
}

impl<T: PixelLayout + fmt::Debug> fmt::Debug for RecordsMut<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.as_records(), f)
    }
}

/// Iterator over `&mut T` of [`RecordsMut`].
pub struct RecordsIterMut<'a, T: PixelLayout> {
    inner: RefsMut<'a, T>,
}

impl<'a, T: PixelLayout> Iterator for RecordsIterMut<'a, T> {
    type Item = &'a mut T;
    #[inline]
    fn next(&mut self) -> Option<&'a mut T> {
        self.inner.next()
    }
    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<T: PixelLayout> DoubleEndedIterator for RecordsIterMut<'_, T> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.inner.next_back()
    }
}

impl<T: PixelLayout> ExactSizeIterator for RecordsIterMut<'_, T> {}
