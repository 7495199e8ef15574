//! Memory-mapped files.

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
