//! Files on disk, read into aligned memory or (through an `unsafe fn`)
//! memory-mapped: [`MappedFile`] for raw record and image files, the bytes
//! behind [`NpyFile`](crate::NpyFile), and [`FileError`].

use crate::error::ViewError;
use crate::image::ImageView;
use crate::layout::PixelLayout;
use crate::records::Records;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::vec::Vec;

/// The alignment of the memory [`MappedFile::read`] and
/// [`NpyFile::read`](crate::NpyFile::read) read into.
pub const READ_ALIGN: usize = 64;

/// Why a file could not be opened, read or mapped: the operation, the path
/// and the operating system's error.
///
/// `Display` includes the operating system's text ("could not open
/// frame.raw: No such file or directory (os error 2)"); `source()` returns
/// `None`, so error-chain printers such as anyhow's `{:#}` do not repeat
/// it. [`FileError::io_error`] gives the wrapped error.
///
/// ```
/// use typed_layout::MappedFile;
/// let err = MappedFile::read("no/such/file.raw").unwrap_err();
/// assert_eq!(err.io_error().kind(), std::io::ErrorKind::NotFound);
/// assert!(err.to_string().starts_with("could not open no/such/file.raw: "));
/// // `?` turns it into an io::Error that keeps the message.
/// let io: std::io::Error = err.into();
/// assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
/// ```
#[derive(Debug)]
pub struct FileError {
    action: &'static str,
    path: PathBuf,
    source: io::Error,
}

impl FileError {
    pub(crate) fn new(action: &'static str, path: &Path, source: io::Error) -> FileError {
        FileError {
            action,
            path: path.to_path_buf(),
            source,
        }
    }

    /// The operation that failed: `"open"`, `"read"`, `"memory-map"`, ...
    pub fn action(&self) -> &'static str {
        self.action
    }

    /// The file's path, as given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The operating system's error.
    pub fn io_error(&self) -> &io::Error {
        &self.source
    }

    /// The operating system's error, by value.
    pub fn into_io_error(self) -> io::Error {
        self.source
    }
}

impl core::fmt::Display for FileError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "could not {} {}: {}",
            self.action,
            self.path.display(),
            self.source
        )
    }
}

impl std::error::Error for FileError {}

impl From<FileError> for io::Error {
    /// An `io::Error` of the same kind whose message names the path.
    fn from(error: FileError) -> io::Error {
        io::Error::new(error.source.kind(), error)
    }
}

/// A file's bytes: a read-only mapping, or a copy whose byte of interest
/// (`start + align_at`, see [`read_aligned`]) sits at an address that is a
/// multiple of [`READ_ALIGN`].
pub(crate) enum FileBytes {
    Mapped(memmap2::Mmap),
    Read {
        buf: Vec<u8>,
        start: usize,
        len: usize,
    },
}

impl FileBytes {
    pub(crate) fn bytes(&self) -> &[u8] {
        match self {
            FileBytes::Mapped(map) => map,
            FileBytes::Read { buf, start, len } => start
                .checked_add(*len)
                .and_then(|end| buf.get(*start..end))
                .unwrap_or_default(),
        }
    }

    pub(crate) fn is_mapped(&self) -> bool {
        matches!(self, FileBytes::Mapped(_))
    }
}

/// Reads `reader` to its end into fresh memory and keeps `len` bytes of it
/// (fewer if it ends first), with `head` copied in front of them, placed so
/// that byte `align_at` of the result sits at an address that is a multiple
/// of [`READ_ALIGN`]. One copy of the data, as `std::fs::read` makes: given
/// a `File`, `read_to_end` reads all that remains in one call.
///
/// The memory is a `Vec<u8>` with [`READ_ALIGN`] spare bytes, the start
/// chosen from its address, filled by `read_to_end` into its reserved
/// capacity: nothing is zeroed first (zeroing made reading 1.7x slower than
/// `std::fs::read`: a 64-byte aligned `alloc_zeroed` is `memset`, and
/// `calloc` of reused heap memory is too).
pub(crate) fn read_aligned(
    head: &[u8],
    mut reader: impl Read,
    len: usize,
    align_at: usize,
) -> Result<FileBytes, ReadFailure> {
    let overflow = || ReadFailure::View(ViewError::Overflow { len, stride: 1 });
    let used = head.len().checked_add(len).ok_or_else(overflow)?;
    let total = used.checked_add(READ_ALIGN).ok_or_else(overflow)?;
    if isize::try_from(total).is_err() {
        return Err(overflow());
    }
    let mut buf: Vec<u8> = Vec::new();
    buf.try_reserve_exact(total).map_err(|_| overflow())?;
    let start = aligned_start(buf.as_ptr(), align_at);
    buf.resize(start, 0);
    buf.extend_from_slice(head);
    reader.read_to_end(&mut buf).map_err(ReadFailure::Io)?;
    buf.truncate(start.saturating_add(used));
    if aligned_start(buf.as_ptr(), align_at) != start {
        // The vector moved (it never should: the capacity was reserved);
        // copy once more rather than hand out misaligned data.
        let bytes = buf.get(start..).unwrap_or_default();
        return read_aligned(&[], bytes, bytes.len(), align_at);
    }
    let len = buf.len() - start;
    Ok(FileBytes::Read { buf, start, len })
}

/// Reads all of `file` (about `len` bytes) into a fresh `Vec` with one
/// `read_to_end`, as `std::fs::read` does (the same system calls, no
/// zeroing), placed so that its first byte sits at a multiple of
/// [`READ_ALIGN`]; returns the vector and where the file starts in it.
pub(crate) fn read_whole(mut file: File, len: usize) -> Result<(Vec<u8>, usize), ReadFailure> {
    let overflow = || ReadFailure::View(ViewError::Overflow { len, stride: 1 });
    let total = len.checked_add(READ_ALIGN).ok_or_else(overflow)?;
    if isize::try_from(total).is_err() {
        return Err(overflow());
    }
    let mut buf: Vec<u8> = Vec::new();
    buf.try_reserve_exact(total).map_err(|_| overflow())?;
    let start = aligned_start(buf.as_ptr(), 0);
    buf.resize(start, 0);
    file.read_to_end(&mut buf).map_err(ReadFailure::Io)?;
    Ok((buf, start))
}

/// Moves the bytes of `buf` from `start` on so that byte `align_at` of
/// them sits at a multiple of [`READ_ALIGN`] (a second pass over the bytes,
/// only for data at an offset that is not a multiple of 64); returns the
/// new start.
pub(crate) fn realign(
    buf: &mut Vec<u8>,
    start: usize,
    align_at: usize,
) -> Result<usize, ReadFailure> {
    if aligned_start(buf.as_ptr(), start.wrapping_add(align_at)) == 0 {
        return Ok(start);
    }
    let wanted = aligned_start(buf.as_ptr(), align_at);
    let len = buf.len().saturating_sub(start);
    if wanted.saturating_add(len) > buf.capacity() {
        // No room to move in place: one fresh aligned copy.
        let FileBytes::Read {
            buf: fresh, start, ..
        } = read_aligned(&[], buf.get(start..).unwrap_or_default(), len, align_at)?
        else {
            return Ok(start);
        };
        *buf = fresh;
        return Ok(start);
    }
    if wanted > start {
        buf.resize(wanted + len, 0);
    }
    buf.copy_within(start..start + len, wanted);
    buf.truncate(wanted + len);
    Ok(wanted)
}

/// The offset from `base` at which byte `align_at` lands on a multiple of
/// [`READ_ALIGN`].
fn aligned_start(base: *const u8, align_at: usize) -> usize {
    let target = (base as usize).wrapping_add(align_at);
    (READ_ALIGN - target % READ_ALIGN) % READ_ALIGN
}

/// Why [`read_aligned`] failed.
pub(crate) enum ReadFailure {
    Io(io::Error),
    View(ViewError),
}

/// The length of an open regular file, for sizing the read; a device or a
/// pipe is refused: it has no length, and reading it to its end might
/// never stop (`/dev/zero`) and take all memory first.
pub(crate) fn file_len(file: &File) -> io::Result<usize> {
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file: a device or a pipe has no length to read up to; \
             read a known number of bytes from it and view them with from_bytes",
        ));
    }
    let len = metadata.len();
    usize::try_from(len).map_err(|_| {
        io::Error::new(
            io::ErrorKind::OutOfMemory,
            "the file is larger than the address space",
        )
    })
}

/// A whole file in memory, for zero-copy views of raw records or image
/// rows (a `.npy` file has its own type, [`NpyFile`]).
///
/// Two ways to get one:
///
/// * [`MappedFile::read`] (safe) reads the file into 64-byte aligned memory
///   it owns, in one copy, as fast as `std::fs::read`;
/// * [`MappedFile::map`] (`unsafe`) memory-maps it: O(1), nothing is read
///   until a view touches it, but the caller must promise that nobody
///   modifies or truncates the file while it is mapped.
///
/// Either way the bytes start aligned (64 bytes, or a page), so records of
/// any aligned type fit at offset 0.
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
/// let file = MappedFile::read(&path)?;
/// let ticks = file.records::<Tick>()?; // 12-byte records, checked, zero-copy
/// assert_eq!(ticks.len(), 100);
/// assert_eq!(ticks.columns().price.iter().sum::<f32>(), 2475.0);
/// # drop(file);
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct MappedFile {
    bytes: FileBytes,
}

impl MappedFile {
    crate::raw::map_fn! {
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
        error: FileError,
        io_error: |action, path, source| FileError::new(action, path, source),
        from_mapping: |map| Ok(MappedFile::from_mapping(map)),
    }

    /// Reads the whole file at `path` into 64-byte aligned memory. Safe:
    /// the bytes are a copy, so other processes may change the file.
    ///
    /// ```
    /// # let path = std::env::temp_dir().join(format!("doc-read-{}.bin", std::process::id()));
    /// # std::fs::write(&path, [1u8, 2, 3, 4])?;
    /// let file = typed_layout::MappedFile::read(&path)?;
    /// assert_eq!(file.bytes(), [1, 2, 3, 4]);
    /// assert_eq!(file.bytes().as_ptr() as usize % 64, 0);
    /// # std::fs::remove_file(&path)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`FileError`] naming the path and the operation (`open`, `read`)
    /// when the file cannot be opened or read, is larger than memory can
    /// hold, or is not a regular file (a device or a pipe, which has no
    /// length to read up to).
    pub fn read(path: impl AsRef<Path>) -> Result<MappedFile, FileError> {
        let path = path.as_ref();
        let file = File::open(path).map_err(|e| FileError::new("open", path, e))?;
        let len = file_len(&file).map_err(|e| FileError::new("read", path, e))?;
        let bytes = read_aligned(&[], file, len, 0).map_err(|failure| match failure {
            ReadFailure::Io(e) => FileError::new("read", path, e),
            ReadFailure::View(e) => FileError::new(
                "read",
                path,
                io::Error::new(io::ErrorKind::OutOfMemory, std::format!("{e}")),
            ),
        })?;
        Ok(MappedFile { bytes })
    }

    /// Wraps a mapping made by [`MappedFile::map`] (in the `raw` module).
    pub(crate) fn from_mapping(map: memmap2::Mmap) -> MappedFile {
        MappedFile {
            bytes: FileBytes::Mapped(map),
        }
    }

    /// Whether the bytes are a memory mapping ([`MappedFile::map`]) rather
    /// than a copy ([`MappedFile::read`]).
    pub fn is_mapped(&self) -> bool {
        self.bytes.is_mapped()
    }

    /// The file's bytes.
    pub fn bytes(&self) -> &[u8] {
        self.bytes.bytes()
    }

    /// Length of the file in bytes.
    pub fn len(&self) -> usize {
        self.bytes().len()
    }

    /// Whether the file is empty.
    pub fn is_empty(&self) -> bool {
        self.bytes().is_empty()
    }

    /// The whole file as records of `T` (length and alignment checked, as
    /// by [`Records::from_bytes`]). For a file with a header, view
    /// `&file.bytes()[header_len..]` instead.
    ///
    /// # Errors
    ///
    /// As [`Records::from_bytes`]: [`ViewError::LengthNotMultiple`] when
    /// the file is not a whole number of records, [`ViewError::ZeroSizedElement`].
    pub fn records<T: PixelLayout>(&self) -> Result<Records<'_, T>, ViewError> {
        Records::from_bytes(self.bytes())
    }

    /// The file as a row-major image with rows `row_stride` bytes apart
    /// starting at byte 0 (as [`ImageView::from_bytes`]).
    ///
    /// # Errors
    ///
    /// As [`ImageView::from_bytes`]: [`ViewError::OutOfBounds`] when the
    /// rows do not fit in the file, [`ViewError::Overflow`].
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
            .field("len", &self.len())
            .field("mapped", &self.is_mapped())
            .finish_non_exhaustive()
    }
}
