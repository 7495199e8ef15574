//! `RecordBuf`: owned, zeroed, 64-byte-aligned storage for records.

use crate::error::ViewError;
use crate::layout::PixelLayout;
use crate::raw::AlignedBytes;
use crate::records::{Records, RecordsMut};
use core::marker::PhantomData;
use core::mem::{align_of, size_of};

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
    pub fn zeroed(len: usize) -> Result<Self, ViewError> {
        if size_of::<T>() == 0 {
            return Err(ViewError::ZeroSizedElement {
                type_name: T::LAYOUT.name,
            });
        }
        let byte_len = len
            .checked_mul(size_of::<T>())
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or(ViewError::Overflow {
                len,
                stride: size_of::<T>() as isize,
            })?;
        Ok(RecordBuf {
            bytes: AlignedBytes::zeroed(byte_len, Self::ALIGN.max(align_of::<T>()))?,
            len,
            records: PhantomData,
        })
    }

    /// A copy of `records` in aligned storage.
    ///
    /// # Panics
    ///
    /// Never for slices: a slice's byte size always fits (only
    /// zero-sized `T`, which `PixelLayout` types built by the derive are not,
    /// is refused, by panicking).
    pub fn from_slice(records: &[T]) -> Self {
        let mut buf = Self::zeroed(records.len()).expect("a slice's byte size fits in isize");
        buf.as_mut_slice().copy_from_slice(records);
        buf
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
    pub fn records(&self) -> Records<'_, T> {
        Records::from_bytes(self.bytes.as_bytes()).expect("RecordBuf is aligned and whole records")
    }

    /// A mutable view of the records.
    pub fn records_mut(&mut self) -> RecordsMut<'_, T> {
        RecordsMut::from_bytes_mut(self.bytes.as_bytes_mut())
            .expect("RecordBuf is aligned and whole records")
    }

    /// The records as a slice.
    pub fn as_slice(&self) -> &[T] {
        self.records()
            .as_slice()
            .expect("RecordBuf records are adjacent")
    }

    /// The records as a mutable slice.
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
    fn clone(&self) -> Self {
        Self::from_slice(self.as_slice())
    }
}

impl<T: PixelLayout + core::fmt::Debug> core::fmt::Debug for RecordBuf<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}
