//! `RecordBuf`: owned, zeroed, 64-byte-aligned storage for records.

use crate::error::ViewError;
use crate::layout::PixelLayout;
use crate::raw::AlignedBytes;
use crate::records::{Records, RecordsMut};
use core::marker::PhantomData;
use core::mem::align_of;

/// Owned storage for `len` records of `T`, zero-initialized, aligned to 64
/// bytes (or `T`'s alignment if larger): aligned types can always be viewed,
/// and rows start on a cache line.
///
/// ```
/// use typed_layout::RecordBuf;
/// let mut buf = RecordBuf::<f64>::zeroed(4)?;
/// buf.as_mut_slice()[2] = 1.5;
/// assert_eq!(buf.records().iter().sum::<f64>(), 1.5);
/// assert_eq!(buf.as_bytes().as_ptr() as usize % 64, 0);
/// # Ok::<(), typed_layout::ViewError>(())
/// ```
pub struct RecordBuf<T: PixelLayout> {
    bytes: AlignedBytes,
    len: usize,
    records: PhantomData<T>,
}

impl<T: PixelLayout> RecordBuf<T> {
    /// Alignment of every `RecordBuf` allocation, unless `T` needs more.
    pub const ALIGN: usize = 64;

    /// `len` records with every byte zero (a valid value for layout types).
    ///
    /// # Errors
    ///
    /// `ZeroSizedElement` for a zero-sized `T`; `TooLarge` if `len *
    /// size_of::<T>()` exceeds `isize::MAX` bytes; `AllocationFailed` if
    /// the allocator cannot provide the memory (never an abort).
    pub fn zeroed(len: usize) -> Result<Self, ViewError> {
        let elem_size = crate::records::nonzero_size::<T>()?;
        let byte_len = len
            .checked_mul(elem_size)
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or(ViewError::TooLarge { len, elem_size })?;
        Ok(RecordBuf {
            bytes: AlignedBytes::zeroed(byte_len, Self::ALIGN.max(align_of::<T>()))?,
            len,
            records: PhantomData,
        })
    }

    /// A copy of `records` in aligned storage.
    ///
    /// ```
    /// use typed_layout::RecordBuf;
    /// let copy = RecordBuf::from_slice(&[1u16, 2, 3])?;
    /// assert_eq!(copy.as_slice(), [1, 2, 3]);
    /// assert!(RecordBuf::from_slice(&[[0u64; 0]; 5]).is_err()); // zero-sized records
    /// # Ok::<(), typed_layout::ViewError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// `ZeroSizedElement` for a zero-sized `T` (a byte buffer cannot say
    /// how many there were); `AllocationFailed` if the allocator cannot
    /// provide the memory.
    pub fn from_slice(records: &[T]) -> Result<Self, ViewError> {
        let mut buf = Self::zeroed(records.len())?;
        buf.as_mut_slice().copy_from_slice(records);
        Ok(buf)
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no records.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The bytes (length `len * size_of::<T>()`).
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.as_bytes()
    }

    /// The bytes, for writing (any bytes are valid records).
    pub fn as_bytes_mut(&mut self) -> &mut [u8] {
        self.bytes.as_bytes_mut()
    }

    /// A read-only view of the records.
    #[allow(
        clippy::missing_panics_doc,
        reason = "the buffer holds whole, aligned, adjacent records by construction"
    )]
    pub fn records(&self) -> Records<'_, T> {
        Records::from_bytes(self.bytes.as_bytes()).expect("RecordBuf is aligned and whole records")
    }

    /// A mutable view of the records.
    #[allow(
        clippy::missing_panics_doc,
        reason = "the buffer holds whole, aligned, adjacent records by construction"
    )]
    pub fn records_mut(&mut self) -> RecordsMut<'_, T> {
        RecordsMut::from_bytes_mut(self.bytes.as_bytes_mut())
            .expect("RecordBuf is aligned and whole records")
    }

    /// The records as a slice.
    #[allow(
        clippy::missing_panics_doc,
        reason = "the buffer holds whole, aligned, adjacent records by construction"
    )]
    pub fn as_slice(&self) -> &[T] {
        self.records()
            .as_slice()
            .expect("RecordBuf records are adjacent")
    }

    /// The records as a mutable slice.
    #[allow(
        clippy::missing_panics_doc,
        reason = "the buffer holds whole, aligned, adjacent records by construction"
    )]
    pub fn as_mut_slice(&mut self) -> &mut [T] {
        self.records_mut()
            .into_mut_slice()
            .expect("RecordBuf records are adjacent")
    }

    /// Alignment of the allocation, in bytes.
    pub fn alignment(&self) -> usize {
        self.bytes.align()
    }
}

impl<T: PixelLayout> Clone for RecordBuf<T> {
    /// # Panics
    ///
    /// If the allocator cannot provide a second copy (as `Vec::clone`
    /// aborts); use [`RecordBuf::from_slice`] to get an error instead.
    fn clone(&self) -> Self {
        Self::from_slice(self.as_slice())
            .expect("the allocator provides a copy of an existing buffer")
    }
}

impl<T: PixelLayout + core::fmt::Debug> core::fmt::Debug for RecordBuf<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}
