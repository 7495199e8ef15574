//! Memory-mapped files: the two public `unsafe fn`s that map, and the one
//! `unsafe` block they share.
//!
//! Mapping is `unsafe` because the library cannot check memmap2's contract:
//! nobody modifies or truncates the file while it is mapped. Bytes changing
//! behind the `&[u8]` handed out would break Rust's rule that shared bytes
//! do not change (undefined behaviour, even though every bit pattern is a
//! valid `PixelLayout` value), and touching truncated pages raises SIGBUS.
//! So the caller of [`NpyFile::map`] or [`MappedFile::map`] promises it, in
//! an `unsafe` block of their own; the safe `read` functions copy instead.

use crate::mapped::{FileError, MappedFile};
use crate::npy::{NpyError, NpyFile};
use std::fs::File;
use std::path::Path;

/// Maps `file` read-only.
///
/// # Safety
///
/// The file must not be modified or truncated, by this or any other
/// process, while the returned mapping (or anything borrowing it) lives.
unsafe fn map_read_only(file: &File) -> std::io::Result<memmap2::Mmap> {
    // SAFETY: memmap2's `Mmap::map` requires exactly this function's own
    // `# Safety` condition, which its callers promise (their `# Safety`).
    unsafe { memmap2::Mmap::map(file) }
}

impl NpyFile {
    /// Memory-maps the `.npy` file at `path` read-only and parses its
    /// header: O(1) in the file size, nothing of the data is read. The
    /// mapping is page-aligned, so data NumPy wrote (64-byte aligned in the
    /// file) views as records of any aligned type.
    ///
    /// For a safe alternative that copies, see [`NpyFile::read`].
    ///
    /// # Safety
    ///
    /// The file must not be modified or truncated, by this or any other
    /// process, while the returned `NpyFile` (or any view borrowed from it)
    /// lives. This is memmap2's contract: bytes changing behind a shared
    /// view are undefined behaviour, and reading truncated pages raises
    /// `SIGBUS`. The library cannot check it (see SAFETY.md, §5).
    ///
    /// # Errors
    ///
    /// [`NpyError::Io`] naming the path when the file cannot be opened or
    /// mapped; every header error of [`Npy::from_bytes`](crate::Npy::from_bytes)
    /// (bad magic, version, header syntax or keys, shape overflow,
    /// [`NpyError::DataTooShort`] when the file ends before the data does).
    ///
    /// ```
    /// #![deny(unsafe_code)]
    /// use typed_layout::{npy, NpyFile};
    ///
    /// let path = std::env::temp_dir().join(format!("doc-npymap-{}.npy", std::process::id()));
    /// npy::write_slice(std::fs::File::create(&path)?, &[1.5f64, 2.5, 3.0])?;
    ///
    /// #[allow(unsafe_code)]
    /// // SAFETY: this program just wrote the file and nothing else opens it,
    /// // so it is not modified or truncated while mapped.
    /// let file = unsafe { NpyFile::map(&path)? };
    /// assert_eq!(file.records::<f64>()?.iter().sum::<f64>(), 7.0);
    /// # drop(file);
    /// # std::fs::remove_file(&path)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub unsafe fn map(path: impl AsRef<Path>) -> Result<NpyFile, NpyError> {
        let path = path.as_ref();
        let file = File::open(path).map_err(|source| NpyError::io("open", Some(path), source))?;
        // SAFETY: the caller promises this function's `# Safety` condition,
        // which is `map_read_only`'s, for as long as the `NpyFile` that
        // owns the mapping (and views borrowed from it) lives.
        let map = unsafe { map_read_only(&file) }
            .map_err(|source| NpyError::io("memory-map", Some(path), source))?;
        NpyFile::from_mapping(map)
    }
}

impl MappedFile {
    /// Memory-maps the file at `path` read-only: O(1) in the file size,
    /// nothing is read until a view touches it; page-aligned.
    ///
    /// For a safe alternative that copies, see [`MappedFile::read`].
    ///
    /// # Safety
    ///
    /// The file must not be modified or truncated, by this or any other
    /// process, while the returned `MappedFile` (or any view borrowed from
    /// it) lives: memmap2's contract, which the library cannot check (see
    /// SAFETY.md, §5).
    ///
    /// # Errors
    ///
    /// [`FileError`] naming the path and the operation (`open`,
    /// `memory-map`).
    ///
    /// ```
    /// #![deny(unsafe_code)]
    /// use typed_layout::MappedFile;
    ///
    /// let path = std::env::temp_dir().join(format!("doc-map-{}.bin", std::process::id()));
    /// std::fs::write(&path, 7u32.to_ne_bytes().repeat(4))?;
    ///
    /// #[allow(unsafe_code)]
    /// // SAFETY: this program just wrote the file and nothing else opens it.
    /// let file = unsafe { MappedFile::map(&path)? };
    /// assert_eq!(file.records::<u32>()?.to_vec(), [7, 7, 7, 7]);
    /// # drop(file);
    /// # std::fs::remove_file(&path)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub unsafe fn map(path: impl AsRef<Path>) -> Result<MappedFile, FileError> {
        let path = path.as_ref();
        let file = File::open(path).map_err(|e| FileError::new("open", path, e))?;
        // SAFETY: as in `NpyFile::map`: the caller's promise is this
        // function's `# Safety` condition, which is `map_read_only`'s.
        let map =
            unsafe { map_read_only(&file) }.map_err(|e| FileError::new("memory-map", path, e))?;
        Ok(MappedFile::from_mapping(map))
    }
}

#[cfg(feature = "npz")]
impl crate::npz::NpzFile {
    /// Memory-maps the `.npz` archive at `path` read-only: O(1) in the
    /// archive's size; stored members are then viewed in the mapping when
    /// their data is aligned for the type asked for.
    ///
    /// For a safe alternative that copies, see
    /// [`NpzFile::read`](crate::npz::NpzFile::read).
    ///
    /// # Safety
    ///
    /// The file must not be modified or truncated, by this or any other
    /// process, while the returned `NpzFile` (or anything borrowed from it)
    /// lives: memmap2's contract (see SAFETY.md, §5).
    ///
    /// # Errors
    ///
    /// [`NpzError::Io`](crate::npz::NpzError::Io) naming the path and the
    /// operation (`open`, `memory-map`).
    ///
    /// ```
    /// #![deny(unsafe_code)]
    /// use typed_layout::npz::{Compression, NpzFile, NpzWriter};
    /// let path = std::env::temp_dir().join(format!("doc-npzmap-{}.npz", std::process::id()));
    /// let mut writer = NpzWriter::new(std::fs::File::create(&path)?, Compression::Stored);
    /// writer.add("a", &typed_layout::Records::from_slice(&[1u8, 2]))?;
    /// writer.finish()?;
    /// #[allow(unsafe_code)]
    /// // SAFETY: this program just wrote the file and nothing else opens it.
    /// let file = unsafe { NpzFile::map(&path)? };
    /// let npz = file.npz()?;
    /// let a = npz.get("a")?;
    /// assert!(a.is_in_place());
    /// assert_eq!(a.records::<u8>()?.to_vec(), [1, 2]);
    /// # drop(a); drop(npz); drop(file);
    /// # std::fs::remove_file(&path)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub unsafe fn map(path: impl AsRef<Path>) -> Result<crate::npz::NpzFile, crate::npz::NpzError> {
        let path = path.as_ref();
        let io = |action| {
            move |source| crate::npz::NpzError::Io {
                action,
                path: Some(path.to_path_buf()),
                source,
            }
        };
        let file = File::open(path).map_err(io("open"))?;
        // SAFETY: as in `NpyFile::map`: the caller's promise is this
        // function's `# Safety` condition, which is `map_read_only`'s.
        let map = unsafe { map_read_only(&file) }.map_err(io("memory-map"))?;
        Ok(crate::npz::NpzFile::from_mapping(map))
    }
}
