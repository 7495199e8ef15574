//! `MappedFile`: raw record and image files on disk, viewed in place.

use crate::error::ViewError;
use crate::image::ImageView;
use crate::layout::PixelLayout;
use crate::records::Records;
use std::fs::File;
use std::io;
use std::path::Path;

/// A whole file memory-mapped read-only, for zero-copy views of raw
/// records or image rows (a `.npy` file has its own type, [`NpyFile`]).
/// Opening is O(1): nothing is read until a view touches it, and the
/// mapping is page-aligned, so records of any aligned type fit at offset 0.
///
/// Like every memory-mapped reader this relies on one thing no library can
/// check: nobody modifies or truncates the file while it is mapped (bytes
/// changing behind a shared view are undefined behaviour; touching
/// truncated pages raises `SIGBUS`). See SAFETY.md; read files that may
/// change into a [`RecordBuf`](crate::RecordBuf) instead.
///
/// [`NpyFile`]: crate::NpyFile
///
/// ```
/// use typed_layout::{MappedFile, PixelLayout};
///
/// #[derive(Clone, Copy, PixelLayout)]
/// #[repr(C, packed)]
/// struct Tick { time: u64, price: f32 }
///
/// let path = std::env::temp_dir().join(format!("doc-ticks-{}.bin", std::process::id()));
/// let mut bytes = Vec::new();
/// for i in 0..100u64 {
///     bytes.extend_from_slice(&i.to_ne_bytes());
///     bytes.extend_from_slice(&(i as f32 * 0.5).to_ne_bytes());
/// }
/// std::fs::write(&path, &bytes)?;
///
/// let file = MappedFile::open(&path)?;
/// let ticks = file.records::<Tick>()?; // 12-byte records, checked, zero-copy
/// assert_eq!(ticks.len(), 100);
/// assert_eq!(ticks.columns().price.iter().sum::<f32>(), 2475.0);
/// # drop(file);
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct MappedFile {
    map: memmap2::Mmap,
}

impl MappedFile {
    /// Maps the file at `path` read-only.
    pub fn open(path: impl AsRef<Path>) -> io::Result<MappedFile> {
        MappedFile::map(&File::open(path)?)
    }

    /// Maps an open file read-only.
    pub fn map(file: &File) -> io::Result<MappedFile> {
        Ok(MappedFile {
            map: crate::raw::map_read_only(file)?,
        })
    }

    /// The file's bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.map
    }

    /// Length of the file in bytes.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the file is empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The whole file as records of `T` (length and alignment checked, as
    /// by [`Records::from_bytes`]). For a file with a header, view
    /// `&file.bytes()[header_len..]` instead.
    pub fn records<T: PixelLayout>(&self) -> Result<Records<'_, T>, ViewError> {
        Records::from_bytes(self.bytes())
    }

    /// The file as a row-major image with rows `row_stride` bytes apart
    /// starting at byte 0 (as [`ImageView::from_bytes`]).
    pub fn image<P: PixelLayout>(
        &self,
        width: usize,
        height: usize,
        row_stride: usize,
    ) -> Result<ImageView<'_, P>, ViewError> {
        ImageView::from_bytes(self.bytes(), width, height, row_stride)
    }
}

impl core::fmt::Debug for MappedFile {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("MappedFile")
            .field("len", &self.map.len())
            .finish_non_exhaustive()
    }
}
