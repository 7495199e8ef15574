//! Owned aligned allocation.

use crate::error::ViewError;

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
    ///
    /// # Errors
    ///
    /// `AllocationFailed` when the allocator refuses, or when `len`
    /// rounded up to `align` exceeds `isize::MAX` (no allocation can hold
    /// it). Never aborts the process.
    pub(crate) fn zeroed(len: usize, align: usize) -> Result<Self, ViewError> {
        let failed = ViewError::AllocationFailed { bytes: len, align };
        let layout = alloc::alloc::Layout::from_size_align(len, align).map_err(|_| failed)?;
        let ptr = if len == 0 {
            core::ptr::without_provenance_mut(align)
        } else {
            // SAFETY: `layout` has a non-zero size (len > 0), as
            // `alloc_zeroed` requires.
            let ptr = unsafe { alloc::alloc::alloc_zeroed(layout) };
            if ptr.is_null() {
                return Err(failed);
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
