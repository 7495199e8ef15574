//! Memory-mapped files: the one `unsafe` block that maps a file, written
//! here once and placed by [`map_fn!`] into the public `unsafe fn`s that map
//! (`NpyFile::map`, `MappedFile::map`), so this module names no type above
//! it.
//!
//! Mapping is `unsafe` because the library cannot check memmap2's contract:
//! nobody modifies or truncates the file while it is mapped. Bytes changing
//! behind the `&[u8]` handed out would break Rust's rule that shared bytes
//! do not change (undefined behaviour, even though every bit pattern is a
//! valid `PixelLayout` value), and touching truncated pages raises SIGBUS.
//! So the caller of `NpyFile::map` or `MappedFile::map` promises it, in an
//! `unsafe` block of their own; the safe `read` functions copy instead.

/// Defines `pub unsafe fn map(path: impl AsRef<Path>) -> Result<Self,
/// $error>` in an `impl` block of a type that owns a read-only mapping:
/// opens the file, maps it, and builds the value with `$from_mapping`
/// (which takes the `memmap2::Mmap`); `$io_error` turns an operation
/// (`"open"`, `"memory-map"`), the path and the I/O error into `$error`.
/// The invoker writes the docs, whose `# Safety` section must state
/// memmap2's contract.
macro_rules! map_fn {
    (
        $(#[$doc:meta])*
        error: $error:ty,
        io_error: |$action:ident, $path:ident, $source:ident| $io_error:expr,
        from_mapping: $from_mapping:expr $(,)?
    ) => {
        $(#[$doc])*
        // Declares the caller's duty; the one unsafe operation is the block
        // below, written in raw/map.rs.
        #[allow(unsafe_code)]
        pub unsafe fn map(path: impl AsRef<std::path::Path>) -> Result<Self, $error> {
            let $path = path.as_ref();
            let fail = |$action: &'static str, $source: std::io::Error| -> $error { $io_error };
            let file = std::fs::File::open($path).map_err(|source| fail("open", source))?;
            // SAFETY: memmap2's `Mmap::map` requires that the file is not
            // modified or truncated while the mapping lives. This function's
            // `# Safety` section makes exactly that its caller's promise, for
            // as long as the value built here (which owns the mapping) and
            // every view borrowed from it live.
            let map = unsafe { memmap2::Mmap::map(&file) }
                .map_err(|source| fail("memory-map", source))?;
            ($from_mapping)(map)
        }
    };
}

pub(crate) use map_fn;
