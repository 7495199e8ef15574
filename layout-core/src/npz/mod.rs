//! NumPy `.npz` archives (feature `npz`): the zip files `np.savez` (stored
//! members) and `np.savez_compressed` (deflated members) write, one `.npy`
//! file per key.
//!
//! [`Npz`] lists an archive's keys and opens a member as an [`NpzEntry`]:
//! a stored member is viewed in place, in the archive's bytes, when its data
//! sits at an address aligned for the type asked for (a member's data
//! starts at an arbitrary offset inside the zip, so often it does not), and
//! otherwise read once into 64-byte aligned memory; a compressed member is
//! inflated into aligned memory. [`NpzWriter`] writes archives `np.load`
//! reads. The zip format is read and written by the `zip` crate.
//!
//! ```
//! use typed_layout::npz::{Compression, Npz, NpzWriter};
//! use typed_layout::Records;
//!
//! let mut writer = NpzWriter::new(std::io::Cursor::new(Vec::new()), Compression::Stored);
//! writer.add("x", &Records::from_slice(&[1.0f64, 2.0, 3.0]))?;
//! writer.add("ids", &Records::from_slice(&[7u32, 8]))?;
//! let bytes = writer.finish()?.into_inner();
//!
//! let npz = Npz::from_bytes(&bytes)?;
//! assert_eq!(npz.keys(), ["x", "ids"]);
//! let x = npz.get("x")?;
//! assert_eq!(x.records::<f64>()?.iter().sum::<f64>(), 6.0);
//! assert_eq!(npz.get("ids.npy")?.records::<u32>()?.to_vec(), [7, 8]);
//! # Ok::<(), typed_layout::npz::NpzError>(())
//! ```

mod error;

pub use error::NpzError;

use crate::column::Column;
use crate::dtype::{Dtype, HasDtype};
use crate::image::ImageView;
use crate::layout::PixelLayout;
use crate::mapped::{file_len, read_aligned, FileBytes, ReadFailure};
use crate::npy::{self, Npy, NpyFile, NpyHeader};
use crate::records::Records;
use std::collections::BTreeSet;
use std::fs::File;
use std::io::{Cursor, Seek, Write};
use std::path::Path;
use std::string::String;
use std::sync::OnceLock;
use std::vec::Vec;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// The suffix of the member that holds a key (`np.savez` writes
/// `<key>.npy`).
const SUFFIX: &str = ".npy";

/// A `.npz` archive in borrowed bytes (read or mapped by the caller, or by
/// [`NpzFile`]). Parsing reads the zip's central directory, not the members.
pub struct Npz<'a> {
    bytes: &'a [u8],
    zip: ZipArchive<Cursor<&'a [u8]>>,
    members: Vec<String>,
}

impl<'a> Npz<'a> {
    /// Reads the zip directory of the archive in `bytes`.
    ///
    /// ```
    /// # use typed_layout::npz::{Compression, Npz, NpzWriter};
    /// # let mut w = NpzWriter::new(std::io::Cursor::new(Vec::new()), Compression::Deflated);
    /// # w.add("a", &typed_layout::Records::from_slice(&[1u8]))?;
    /// # let bytes = w.finish()?.into_inner();
    /// let npz = Npz::from_bytes(&bytes)?;
    /// assert_eq!(npz.member_names(), ["a.npy"]);
    /// # Ok::<(), typed_layout::npz::NpzError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`NpzError::Zip`] when the bytes are not a zip archive the reader
    /// understands (truncated, corrupt, names that are not UTF-8).
    pub fn from_bytes(bytes: &'a [u8]) -> Result<Npz<'a>, NpzError> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(NpzError::zip)?;
        let members = zip
            .file_names()
            .map(|name| name.map(|name| String::from(&*name)))
            .collect::<Result<Vec<String>, _>>()
            .map_err(NpzError::zip)?;
        Ok(Npz {
            bytes,
            zip,
            members,
        })
    }

    /// The member names as stored (`"x.npy"`), in archive order.
    pub fn member_names(&self) -> &[String] {
        &self.members
    }

    /// The keys, as `np.load(...).files` lists them: member names without
    /// the `.npy` suffix, in archive order.
    pub fn keys(&self) -> Vec<&str> {
        self.members
            .iter()
            .map(|name| name.strip_suffix(SUFFIX).unwrap_or(name))
            .collect()
    }

    /// The member for `key` (`"x"` or `"x.npy"`): its header parsed, its
    /// data checked to be all there. A stored member is not copied (see
    /// [`NpzEntry`]); a deflated one is inflated into aligned memory.
    ///
    /// # Errors
    ///
    /// [`NpzError::NoSuchMember`] listing the keys; [`NpzError::NotNpy`]
    /// for members that are not `.npy` files; [`NpzError::Zip`] for a
    /// member the zip reader cannot read (a bad local header, an
    /// unsupported compression method, a CRC that does not match when
    /// inflating); [`NpzError::BadMember`]; [`NpzError::Npy`] with the
    /// member's header error.
    pub fn get(&self, key: &str) -> Result<NpzEntry<'a>, NpzError> {
        let member = self
            .members
            .iter()
            .find(|name| name.as_str() == key)
            .or_else(|| {
                self.members
                    .iter()
                    .find(|name| name.strip_suffix(SUFFIX) == Some(key))
            })
            .ok_or_else(|| NpzError::NoSuchMember {
                name: String::from(key),
                keys: self.keys().into_iter().map(String::from).collect(),
            })?
            .clone();
        if !member.ends_with(SUFFIX) {
            return Err(NpzError::NotNpy { member });
        }
        let npy_error = |source| NpzError::Npy {
            member: member.clone(),
            source,
        };
        // `by_name` needs `&mut`; the archive's clone shares its directory.
        let mut zip = self.zip.clone();
        let mut file = zip.by_name(&member).map_err(NpzError::zip)?;
        match file.compression() {
            CompressionMethod::Stored => {
                let size = file.size();
                let bad = || NpzError::BadMember {
                    member: member.clone(),
                    data_start: file.data_start().unwrap_or(0),
                    size,
                    archive_len: self.bytes.len(),
                };
                let start = file.data_start().ok_or_else(bad)?;
                let raw = usize::try_from(start)
                    .ok()
                    .zip(usize::try_from(size).ok())
                    .filter(|_| file.compressed_size() == size)
                    .and_then(|(start, size)| self.bytes.get(start..start.checked_add(size)?))
                    .ok_or_else(bad)?;
                if !raw.starts_with(npy::MAGIC) {
                    return Err(NpzError::NotNpy { member });
                }
                let npy = Npy::from_bytes(raw).map_err(npy_error)?;
                Ok(NpzEntry {
                    member,
                    content: Content::Stored {
                        raw,
                        npy,
                        copy: OnceLock::new(),
                    },
                })
            }
            _ => {
                let file = NpyFile::read_from(&mut file).map_err(|source| match source {
                    // The inflater's errors (CRC, corrupt stream) come as I/O.
                    npy::NpyError::Io { source, .. } => NpzError::Zip {
                        message: std::format!("{source}"),
                    },
                    npy::NpyError::BadMagic { .. } => NpzError::NotNpy {
                        member: member.clone(),
                    },
                    other => npy_error(other),
                })?;
                Ok(NpzEntry {
                    member,
                    content: Content::Inflated(file),
                })
            }
        }
    }
}

impl core::fmt::Debug for Npz<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Npz")
            .field("members", &self.members)
            .finish_non_exhaustive()
    }
}

/// One `.npy` member of an [`Npz`] archive.
///
/// A stored member is viewed in place when its data is aligned for the
/// type asked for, and otherwise copied once, on first need, into 64-byte
/// aligned memory (member data sits at arbitrary offsets in a zip, e.g. byte
/// 55 plus the header); [`NpzEntry::is_in_place`] says which. A compressed
/// member is always in aligned memory. The in-place view does not check the
/// zip's CRC (it reads nothing of the data); copies and inflating do.
pub struct NpzEntry<'a> {
    member: String,
    content: Content<'a>,
}

enum Content<'a> {
    /// A stored member: its bytes in the archive, viewed in place, and the
    /// aligned copy once one is needed.
    Stored {
        raw: &'a [u8],
        npy: Npy<'a>,
        copy: OnceLock<NpyFile>,
    },
    /// A deflated member, inflated into aligned memory.
    Inflated(NpyFile),
}

impl<'a> NpzEntry<'a> {
    /// The member's name in the archive (`"x.npy"`).
    pub fn member(&self) -> &str {
        &self.member
    }

    /// The member's `.npy` header.
    pub fn header(&self) -> &NpyHeader {
        match &self.content {
            Content::Stored { npy, .. } => npy.header(),
            Content::Inflated(file) => file.header(),
        }
    }

    /// The element dtype.
    pub fn dtype(&self) -> &Dtype {
        self.header().dtype()
    }

    /// The array shape.
    pub fn shape(&self) -> &[usize] {
        self.header().shape()
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.header().len()
    }

    /// Whether there are no elements.
    pub fn is_empty(&self) -> bool {
        self.header().is_empty()
    }

    /// Whether views of this entry have so far read the archive's bytes in
    /// place (a stored member not yet copied).
    pub fn is_in_place(&self) -> bool {
        matches!(&self.content, Content::Stored { copy, .. } if copy.get().is_none())
    }

    /// The member as an [`Npy`] whose data is aligned to `align` bytes: in
    /// place when it already is, else the aligned copy (made once).
    ///
    /// # Errors
    ///
    /// [`NpzError::Npy`] when the copy cannot be allocated.
    pub fn npy_aligned(&self, align: usize) -> Result<Npy<'_>, NpzError> {
        let (raw, npy, copy) = match &self.content {
            Content::Inflated(file) => return Ok(file.as_npy()),
            Content::Stored { raw, npy, copy } => (raw, npy, copy),
        };
        if (npy.data().as_ptr() as usize).is_multiple_of(align.max(1)) {
            return Ok(npy.clone());
        }
        if let Some(file) = copy.get() {
            return Ok(file.as_npy());
        }
        let file = NpyFile::read_from(*raw).map_err(|source| NpzError::Npy {
            member: self.member.clone(),
            source,
        })?;
        // Another thread may have set it meanwhile: either copy is the same.
        Ok(copy.get_or_init(|| file).as_npy())
    }

    fn npy_error(&self, source: npy::NpyError) -> NpzError {
        NpzError::Npy {
            member: self.member.clone(),
            source,
        }
    }

    /// The data as records of `T` (see [`Npy::records`]), in place when
    /// aligned for `T`.
    ///
    /// # Errors
    ///
    /// [`NpzError::Npy`] with [`Npy::records`]' errors.
    pub fn records<T: PixelLayout>(&self) -> Result<Records<'_, T>, NpzError> {
        self.npy_aligned(core::mem::align_of::<T>())?
            .records()
            .map_err(|e| self.npy_error(e))
    }

    /// One field as a column of `F` (see [`Npy::column`]).
    ///
    /// # Errors
    ///
    /// [`NpzError::Npy`] with [`Npy::column`]'s errors.
    pub fn column<F: PixelLayout>(&self, name: &str) -> Result<Column<'_, F>, NpzError> {
        self.npy_aligned(core::mem::align_of::<F>())?
            .column(name)
            .map_err(|e| self.npy_error(e))
    }

    /// The data as an image of `P` (see [`Npy::image`]).
    ///
    /// # Errors
    ///
    /// [`NpzError::Npy`] with [`Npy::image`]'s errors.
    pub fn image<P: PixelLayout>(&self) -> Result<ImageView<'_, P>, NpzError> {
        self.npy_aligned(core::mem::align_of::<P>())?
            .image()
            .map_err(|e| self.npy_error(e))
    }

    /// Each channel as an image of `T` (see [`Npy::channel_planes`]).
    ///
    /// # Errors
    ///
    /// [`NpzError::Npy`] with [`Npy::channel_planes`]' errors.
    pub fn channel_planes<T: PixelLayout>(&self) -> Result<Vec<ImageView<'_, T>>, NpzError> {
        self.npy_aligned(core::mem::align_of::<T>())?
            .channel_planes()
            .map_err(|e| self.npy_error(e))
    }
}

impl core::fmt::Debug for NpzEntry<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("NpzEntry")
            .field("member", &self.member)
            .field("in_place", &self.is_in_place())
            .field("header", self.header())
            .finish()
    }
}

/// A `.npz` archive in memory it owns: read ([`NpzFile::read`], safe) or
/// memory-mapped ([`NpzFile::map`], `unsafe`). [`NpzFile::npz`] gives the
/// [`Npz`] view of it.
///
/// ```
/// use typed_layout::npz::{Compression, NpzFile, NpzWriter};
/// use typed_layout::Records;
/// let path = std::env::temp_dir().join(format!("doc-npz-{}.npz", std::process::id()));
/// let mut writer = NpzWriter::new(std::fs::File::create(&path)?, Compression::Deflated);
/// writer.add("x", &Records::from_slice(&[0.5f32; 10]))?;
/// writer.finish()?;
/// let file = NpzFile::read(&path)?;
/// assert_eq!(file.npz()?.get("x")?.records::<f32>()?.len(), 10);
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct NpzFile {
    bytes: FileBytes,
}

impl NpzFile {
    crate::raw::map_fn! {
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
        /// [`NpzError::Io`] naming the path and the
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
        error: NpzError,
        io_error: |action, path, source| NpzError::Io {
            action,
            path: Some(path.to_path_buf()),
            source,
        },
        from_mapping: |map| Ok(NpzFile::from_mapping(map)),
    }

    /// Reads the archive at `path` into memory (one copy).
    ///
    /// # Errors
    ///
    /// [`NpzError::Io`] naming the path and the operation; a device or a
    /// pipe (no length to read up to) is refused.
    pub fn read(path: impl AsRef<Path>) -> Result<NpzFile, NpzError> {
        let path = path.as_ref();
        let io = |action| {
            move |source| NpzError::Io {
                action,
                path: Some(path.to_path_buf()),
                source,
            }
        };
        let file = File::open(path).map_err(io("open"))?;
        let len = file_len(&file).map_err(io("read"))?;
        let bytes = read_aligned(&[], file, len, 0).map_err(|failure| match failure {
            ReadFailure::Io(source) => io("read")(source),
            ReadFailure::View(view) => io("read")(std::io::Error::new(
                std::io::ErrorKind::OutOfMemory,
                std::format!("{view}"),
            )),
        })?;
        Ok(NpzFile { bytes })
    }

    /// Wraps a mapping made by [`NpzFile::map`] (in the `raw` module).
    pub(crate) fn from_mapping(map: memmap2::Mmap) -> NpzFile {
        NpzFile {
            bytes: FileBytes::Mapped(map),
        }
    }

    /// The archive's bytes.
    pub fn bytes(&self) -> &[u8] {
        self.bytes.bytes()
    }

    /// Whether the bytes are a memory mapping ([`NpzFile::map`]).
    pub fn is_mapped(&self) -> bool {
        self.bytes.is_mapped()
    }

    /// The archive's directory, to list keys and open members.
    ///
    /// # Errors
    ///
    /// As [`Npz::from_bytes`].
    pub fn npz(&self) -> Result<Npz<'_>, NpzError> {
        Npz::from_bytes(self.bytes())
    }
}

impl core::fmt::Debug for NpzFile {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("NpzFile")
            .field("len", &self.bytes().len())
            .field("mapped", &self.is_mapped())
            .finish()
    }
}

/// How [`NpzWriter`] stores members.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Compression {
    /// Stored as they are, as `np.savez` writes them (members can then be
    /// viewed in place).
    Stored,
    /// Deflated, as `np.savez_compressed` writes them.
    Deflated,
}

/// Writes a `.npz` archive `np.load` reads: one `<key>.npy` member per
/// array, stored or deflated, each with a zip64 extra field as NumPy writes
/// them.
///
/// ```
/// use typed_layout::npz::{Compression, NpzWriter};
/// use typed_layout::{Dtype, Records};
/// let mut writer = NpzWriter::new(std::io::Cursor::new(Vec::new()), Compression::Stored);
/// writer.add_as("image", &Records::from_slice(&[[0u8; 4]; 6]), &Dtype::from_typestr("|u1")?, &[2, 3, 4])?;
/// assert!(writer.add("image", &Records::from_slice(&[1u8])).is_err()); // keys are unique
/// let archive = writer.finish()?.into_inner();
/// assert!(archive.starts_with(b"PK"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct NpzWriter<W: Write + Seek> {
    zip: ZipWriter<W>,
    compression: Compression,
    names: BTreeSet<String>,
}

impl<W: Write + Seek> NpzWriter<W> {
    /// An archive written to `out`.
    pub fn new(out: W, compression: Compression) -> NpzWriter<W> {
        NpzWriter {
            zip: ZipWriter::new(out),
            compression,
            names: BTreeSet::new(),
        }
    }

    fn start(&mut self, key: &str) -> Result<(), NpzError> {
        let name = std::format!("{key}{SUFFIX}");
        if !self.names.insert(name.clone()) {
            return Err(NpzError::DuplicateMember { name });
        }
        let method = match self.compression {
            Compression::Stored => CompressionMethod::Stored,
            Compression::Deflated => CompressionMethod::Deflated,
        };
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(method)
            .large_file(true);
        self.zip.start_file(name, options).map_err(NpzError::zip)
    }

    fn member_error(key: &str, source: npy::NpyError) -> NpzError {
        NpzError::Npy {
            member: std::format!("{key}{SUFFIX}"),
            source,
        }
    }

    /// Adds records under `key` with `T::dtype()`, as a one-axis array.
    ///
    /// # Errors
    ///
    /// [`NpzError::DuplicateMember`], [`NpzError::Npy`] with the writer's
    /// errors, [`NpzError::Zip`].
    pub fn add<T: PixelLayout>(
        &mut self,
        key: &str,
        records: &Records<'_, T>,
    ) -> Result<(), NpzError> {
        self.add_as(key, records, &T::dtype(), &[records.len()])
    }

    /// Adds records under `key` with a given dtype and shape (see
    /// [`npy::write_as`]).
    ///
    /// # Errors
    ///
    /// As [`NpzWriter::add`].
    pub fn add_as<T: PixelLayout>(
        &mut self,
        key: &str,
        records: &Records<'_, T>,
        dtype: &Dtype,
        shape: &[usize],
    ) -> Result<(), NpzError> {
        self.start(key)?;
        npy::write_as(&mut self.zip, records, dtype, shape)
            .map_err(|source| Self::member_error(key, source))
    }

    /// Adds raw C-order data under `key` (see [`npy::write_bytes`]).
    ///
    /// # Errors
    ///
    /// As [`NpzWriter::add`].
    pub fn add_bytes(
        &mut self,
        key: &str,
        data: &[u8],
        dtype: &Dtype,
        shape: &[usize],
    ) -> Result<(), NpzError> {
        self.start(key)?;
        npy::write_bytes(&mut self.zip, data, dtype, shape)
            .map_err(|source| Self::member_error(key, source))
    }

    /// Writes the zip directory and returns the output.
    ///
    /// # Errors
    ///
    /// [`NpzError::Zip`] when writing fails.
    pub fn finish(self) -> Result<W, NpzError> {
        self.zip.finish().map_err(NpzError::zip)
    }
}

impl<W: Write + Seek> core::fmt::Debug for NpzWriter<W> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("NpzWriter")
            .field("compression", &self.compression)
            .field("members", &self.names)
            .finish_non_exhaustive()
    }
}
