//! NumPy `.npy` files: read zero-copy (over bytes or a memory-mapped file)
//! and write exactly as `numpy.save` does.
//!
//! A `.npy` file is a magic string, a version, a header (a Python dict
//! literal with `'descr'`, `'fortran_order'` and `'shape'`) and the raw
//! data. [`Npy::from_bytes`] and [`NpyFile::open`] parse and validate the
//! header (versions 1.0, 2.0 and 3.0) and check that the data is all
//! there, in O(1) of the data size: the data is never read. Then
//! [`Npy::records`] checks the file's dtype against a Rust type and views
//! the data as [`Records`], and [`Npy::column`] views one field by name.
//!
//! ```
//! use typed_layout::{npy, HasDtype, Npy, PixelLayout, Records};
//!
//! #[derive(Clone, Copy, PixelLayout)]
//! #[repr(C, packed)]
//! struct Person { name: [u8; 32], age: i32, salary: f64 }
//!
//! let people = [Person { name: [b'a'; 32], age: 40, salary: 1.5e5 }; 3];
//! let mut file = Vec::new();
//! npy::write_slice(&mut file, &people)?;
//!
//! let npy = Npy::from_bytes(&file)?;
//! assert_eq!(npy.shape(), &[3]);
//! let records: Records<'_, Person> = npy.records()?;   // zero-copy, dtype checked
//! assert_eq!(records.columns().age.get(2), Some(40));
//! let salary = npy.column::<f64>("salary")?;           // by name, type checked
//! assert_eq!(salary.iter().sum::<f64>(), 4.5e5);
//! assert!(npy.column::<f32>("salary").is_err());
//! # Ok::<(), typed_layout::NpyError>(())
//! ```
//!
//! Plain dtypes open as records of scalars: a `'<f8'` file as
//! `Records<f64>`, an `(h, w, 4)` `'|u1'` image as `Records<u8>` or, one
//! pixel per record, `Records<[u8; 4]>` (a Rust array type matches the
//! trailing axes of the shape). [`Npy::shape`] and [`Npy::data`] give what
//! an image view needs.

mod error;
mod write;

pub use error::NpyError;
pub use write::{header_bytes, write, write_as, write_bytes, write_slice};

use crate::column::Column;
use crate::dtype::{descr, literal, Dtype, DtypeError, DtypeField, HasDtype};
use crate::error::ViewError;
use crate::image::ImageView;
use crate::layout::PixelLayout;
use crate::record_buf::RecordBuf;
use crate::records::Records;
use std::boxed::Box;
use std::collections::BTreeSet;
use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::string::String;
use std::vec::Vec;

/// The six bytes every `.npy` file starts with.
pub const MAGIC: &[u8; 6] = b"\x93NUMPY";

/// A parsed and validated `.npy` header.
#[derive(Clone, Debug, PartialEq)]
pub struct NpyHeader {
    version: (u8, u8),
    dtype: Dtype,
    fortran_order: bool,
    shape: Vec<usize>,
    len: usize,
    data_offset: usize,
    data_len: usize,
}

impl NpyHeader {
    /// Parses and validates the header at the start of `bytes` (the file,
    /// or at least its first [`NpyHeader::data_offset`] bytes): magic,
    /// version, header length, the dict literal and its three keys, the
    /// shape (non-negative, product times itemsize within `usize`), the
    /// descr (no object dtypes). Does not look at the data.
    pub fn parse(bytes: &[u8]) -> Result<NpyHeader, NpyError> {
        parse_header(bytes)
    }

    /// Format version: (1, 0), (2, 0) or (3, 0).
    pub fn version(&self) -> (u8, u8) {
        self.version
    }

    /// The element dtype.
    pub fn dtype(&self) -> &Dtype {
        &self.dtype
    }

    /// Whether the data is in Fortran (column-major) order.
    pub fn fortran_order(&self) -> bool {
        self.fortran_order
    }

    /// The array shape (`[]` for a single element).
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }

    /// Number of elements: the product of the shape.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no elements.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Where the data starts in the file (a multiple of 64 for files NumPy
    /// 1.14 or later wrote, of 16 before).
    pub fn data_offset(&self) -> usize {
        self.data_offset
    }

    /// Length of the data in bytes: `len() * dtype().itemsize()`.
    pub fn data_len(&self) -> usize {
        self.data_len
    }

    /// The data of a file of `file_bytes` bytes, or the error saying how
    /// much is missing.
    fn data_in<'a>(&self, file_bytes: &'a [u8]) -> Result<&'a [u8], NpyError> {
        let end = self.data_offset.saturating_add(self.data_len);
        file_bytes
            .get(self.data_offset..end)
            .ok_or_else(|| NpyError::DataTooShort {
                needed: self.data_len,
                available: file_bytes.len().saturating_sub(self.data_offset),
                shape: self.shape.clone(),
                itemsize: self.dtype.itemsize(),
            })
    }

    fn check_c_order(&self) -> Result<(), NpyError> {
        // With at most one axis longer than 1, both orders are the same bytes.
        if self.fortran_order && self.shape.iter().filter(|&&dim| dim > 1).count() > 1 {
            return Err(NpyError::FortranOrder {
                shape: self.shape.clone(),
            });
        }
        Ok(())
    }

    fn records<'a, T: PixelLayout>(&self, data: &'a [u8]) -> Result<Records<'a, T>, NpyError> {
        self.check_c_order()?;
        let type_name = core::any::type_name::<T>();
        elements_per_record(&T::dtype(), &self.dtype, &self.shape).map_err(|source| {
            NpyError::Dtype {
                type_name,
                source: Box::new(source),
            }
        })?;
        if data.is_empty() {
            // No records: nothing to align.
            return Ok(Records::from_slice(&[]));
        }
        Records::from_bytes(data).map_err(|error| match error {
            ViewError::Misaligned {
                required,
                address_remainder,
                ..
            } => NpyError::Misaligned {
                type_name,
                required,
                data_offset: self.data_offset,
                address_remainder,
            },
            source => NpyError::View { source },
        })
    }

    fn image<'a, P: PixelLayout>(&self, data: &'a [u8]) -> Result<ImageView<'a, P>, NpyError> {
        let records = self.records::<P>(data)?;
        let not_an_image = || NpyError::NotAnImage {
            shape: self.shape.clone(),
            pixels: records.len(),
            type_name: core::any::type_name::<P>(),
        };
        let [height, width, ..] = self.shape[..] else {
            return Err(not_an_image());
        };
        if height.checked_mul(width) != Some(records.len()) {
            return Err(not_an_image());
        }
        // Rows are adjacent: each is `width` pixels of `P`.
        let pitch = width * core::mem::size_of::<P>();
        ImageView::from_bytes(data, width, height, pitch)
            .map_err(|source| NpyError::View { source })
    }

    fn column<'a, F: PixelLayout>(
        &self,
        data: &'a [u8],
        name: &str,
    ) -> Result<Column<'a, F>, NpyError> {
        self.check_c_order()?;
        let (offset, field) =
            find_field(&self.dtype, name).ok_or_else(|| NpyError::NoSuchField {
                name: String::from(name),
                fields: field_paths(&self.dtype),
            })?;
        F::dtype()
            .check(field.dtype())
            .map_err(|source| NpyError::FieldType {
                field: String::from(name),
                type_name: core::any::type_name::<F>(),
                source: Box::new(source),
            })?;
        let stride = isize::try_from(self.dtype.itemsize()).map_err(|_| NpyError::View {
            source: ViewError::Overflow {
                len: self.len,
                stride: isize::MAX,
            },
        })?;
        Column::from_bytes(data, offset, self.len, stride)
            .map_err(|source| NpyError::View { source })
    }
}

/// How many elements of `file` (a dtype over `shape`) one `T` covers: 1 when
/// the dtypes match, or the element count of `T`'s sub-array shape when
/// that shape is the trailing axes of `shape` and its base matches `file`.
pub(crate) fn elements_per_record(
    ours: &Dtype,
    file: &Dtype,
    shape: &[usize],
) -> Result<usize, DtypeError> {
    match ours.check(file) {
        Ok(()) => Ok(1),
        Err(error) => {
            let sub = ours.shape();
            if ours.is_sub_array()
                && shape.ends_with(sub)
                && !file.is_sub_array()
                && ours.base().check(file).is_ok()
            {
                if let Some(count) = sub.iter().try_fold(1usize, |acc, &d| acc.checked_mul(d)) {
                    if count > 0 {
                        return Ok(count);
                    }
                }
            }
            Err(error)
        }
    }
}

/// The field at dotted `path` and its offset from the record start; an
/// exact top-level name wins over a dotted path.
fn find_field<'d>(dtype: &'d Dtype, path: &str) -> Option<(usize, &'d DtypeField)> {
    if let Some(field) = dtype.field(path) {
        return Some((field.offset(), field));
    }
    let (head, rest) = path.split_once('.')?;
    let outer = dtype.field(head)?;
    if outer.dtype().is_sub_array() {
        return None; // an element of a sub-array is not a column of records
    }
    let (offset, inner) = find_field(outer.dtype(), rest)?;
    Some((outer.offset().checked_add(offset)?, inner))
}

fn field_paths(dtype: &Dtype) -> Vec<String> {
    let mut out = Vec::new();
    for field in dtype.fields() {
        out.push(String::from(field.name()));
        if !field.dtype().is_sub_array() {
            for inner in field_paths(field.dtype()) {
                out.push(std::format!("{}.{inner}", field.name()));
            }
        }
    }
    out
}

fn parse_header(bytes: &[u8]) -> Result<NpyHeader, NpyError> {
    let prefix = bytes.get(..MAGIC.len()).unwrap_or(bytes);
    if !MAGIC.starts_with(prefix) || prefix.is_empty() {
        return Err(NpyError::BadMagic {
            found: prefix.to_vec(),
        });
    }
    let (Some(&major), Some(&minor)) = (bytes.get(6), bytes.get(7)) else {
        return Err(NpyError::Truncated {
            needed: 10,
            available: bytes.len(),
        });
    };
    let len_size = match (major, minor) {
        (1, 0) => 2,
        (2, 0) | (3, 0) => 4,
        _ => return Err(NpyError::UnsupportedVersion { major, minor }),
    };
    let header_start = 8 + len_size;
    let Some(len_bytes) = bytes.get(8..header_start) else {
        return Err(NpyError::Truncated {
            needed: header_start,
            available: bytes.len(),
        });
    };
    let header_len = len_bytes
        .iter()
        .rev()
        .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
    let data_offset = header_start
        .checked_add(header_len)
        .filter(|&end| end <= bytes.len())
        .ok_or(NpyError::HeaderPastEnd {
            header_len,
            header_start,
            available: bytes.len(),
        })?;
    let raw = bytes.get(header_start..data_offset).unwrap_or_default();
    // 1.0 and 2.0 headers are latin-1, 3.0 headers UTF-8.
    let text: String = if major == 3 {
        String::from(
            core::str::from_utf8(raw).map_err(|error| NpyError::HeaderEncoding {
                position: error.valid_up_to(),
            })?,
        )
    } else {
        raw.iter().map(|&b| char::from(b)).collect()
    };
    // Python 2 wrote `3L` ints in 1.0 and 2.0 headers; NumPy still reads them.
    let value = literal::parse(&text, major <= 2).map_err(|error| match error {
        literal::LiteralError::Syntax {
            position,
            expected,
            found,
        } => NpyError::HeaderSyntax {
            position,
            expected,
            found,
        },
        literal::LiteralError::TooDeep => NpyError::Descr {
            source: Box::new(DtypeError::TooDeep {
                limit: literal::MAX_DEPTH,
            }),
        },
    })?;
    let literal::Value::Dict(entries) = &value else {
        return Err(NpyError::HeaderNotDict {
            found: value.type_name(),
        });
    };
    // A set, not a scan of a list: a header of n keys must be checked in
    // O(n log n) (found by fuzzing: 64000 keys took 3 s).
    let keys: BTreeSet<String> = entries
        .iter()
        .map(|(key, _)| {
            let mut shown = String::new();
            match key {
                literal::Value::Str(k) => literal::push_repr(&mut shown, k),
                other => shown.push_str(other.type_name()),
            }
            shown
        })
        .collect();
    if !keys.iter().eq(["'descr'", "'fortran_order'", "'shape'"]) {
        return Err(NpyError::HeaderKeys {
            found: keys.into_iter().collect(),
        });
    }
    let fortran_order = match value.get("fortran_order") {
        Some(literal::Value::Bool(b)) => *b,
        other => {
            return Err(NpyError::BadFortranOrder {
                found: other.map_or("nothing", literal::Value::type_name),
            })
        }
    };
    let descr_value = value.get("descr").unwrap_or(&literal::Value::None);
    let dtype = descr::from_value(descr_value, 0).map_err(|source| NpyError::Descr {
        source: Box::new(source),
    })?;
    let shape_value = value.get("shape").unwrap_or(&literal::Value::None);
    let (shape, len) = parse_shape(shape_value, dtype.itemsize())?;
    let overflow = || NpyError::ShapeOverflow {
        shape: shape_text(shape_value),
        itemsize: dtype.itemsize(),
    };
    let data_len = len.checked_mul(dtype.itemsize()).ok_or_else(overflow)?;
    data_offset.checked_add(data_len).ok_or_else(overflow)?;
    Ok(NpyHeader {
        version: (major, minor),
        dtype,
        fortran_order,
        shape,
        len,
        data_offset,
        data_len,
    })
}

fn shape_text(value: &literal::Value) -> String {
    match value {
        literal::Value::Tuple(items) => {
            let dims: Vec<String> = items
                .iter()
                .map(|item| match item {
                    literal::Value::Int(n) => std::format!("{n}"),
                    literal::Value::BigInt(text) => text.clone(),
                    other => String::from(other.type_name()),
                })
                .collect();
            if dims.len() == 1 {
                std::format!("({},)", dims[0])
            } else {
                std::format!("({})", dims.join(", "))
            }
        }
        other => String::from(other.type_name()),
    }
}

fn parse_shape(value: &literal::Value, itemsize: usize) -> Result<(Vec<usize>, usize), NpyError> {
    let literal::Value::Tuple(items) = value else {
        return Err(NpyError::BadShape {
            problem: std::format!("it is {}, not a tuple", value.type_name()),
        });
    };
    let overflow = || NpyError::ShapeOverflow {
        shape: shape_text(value),
        itemsize,
    };
    let mut shape = Vec::with_capacity(items.len());
    let mut len = 1usize;
    for (axis, item) in items.iter().enumerate() {
        let dim = match item {
            literal::Value::Int(n) if *n < 0 => {
                return Err(NpyError::BadShape {
                    problem: std::format!("axis {axis} has length {n}"),
                })
            }
            literal::Value::Int(n) => usize::try_from(*n).map_err(|_| overflow())?,
            literal::Value::BigInt(text) if text.starts_with('-') => {
                return Err(NpyError::BadShape {
                    problem: std::format!("axis {axis} has length {text}"),
                })
            }
            literal::Value::BigInt(_) => return Err(overflow()),
            other => {
                return Err(NpyError::BadShape {
                    problem: std::format!("axis {axis} is {}, not an int", other.type_name()),
                })
            }
        };
        len = len.checked_mul(dim).ok_or_else(overflow)?;
        shape.push(dim);
    }
    Ok((shape, len))
}

/// A `.npy` file in borrowed bytes: the validated header and the data.
///
/// Zero-copy: [`Npy::records`] and [`Npy::column`] view the bytes in place.
/// Records of an aligned type need the data aligned; a `Vec<u8>` read from
/// disk may not be, so prefer [`NpyFile`], whose data is always aligned.
#[derive(Clone, Debug)]
pub struct Npy<'a> {
    header: NpyHeader,
    data: &'a [u8],
}

impl<'a> Npy<'a> {
    /// Parses the header of the `.npy` file in `bytes` and checks that the
    /// data is all there (extra bytes after it are ignored, as NumPy does).
    /// O(1) in the data size.
    pub fn from_bytes(bytes: &'a [u8]) -> Result<Npy<'a>, NpyError> {
        let header = parse_header(bytes)?;
        let data = header.data_in(bytes)?;
        Ok(Npy { header, data })
    }

    /// The header.
    pub fn header(&self) -> &NpyHeader {
        &self.header
    }

    /// The element dtype.
    pub fn dtype(&self) -> &Dtype {
        &self.header.dtype
    }

    /// The fields of a structured dtype (empty for plain dtypes).
    pub fn fields(&self) -> &[DtypeField] {
        self.header.dtype.fields()
    }

    /// The array shape.
    pub fn shape(&self) -> &[usize] {
        &self.header.shape
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.header.len
    }

    /// Whether there are no elements.
    pub fn is_empty(&self) -> bool {
        self.header.len == 0
    }

    /// The data bytes, `len() * dtype().itemsize()` of them, in the file's
    /// order (see [`NpyHeader::fortran_order`]).
    pub fn data(&self) -> &'a [u8] {
        self.data
    }

    /// The data as records of `T`, zero-copy, after checking `T::dtype()`
    /// against the file's dtype: `len()` records, the shape flattened in C
    /// order. A Rust array type also matches a plain dtype's trailing axes
    /// (`[u8; 4]` over an `(h, w, 4)` `'|u1'` file gives `h * w` records).
    /// Refuses Fortran-order data with more than one axis longer than 1.
    pub fn records<T: PixelLayout>(&self) -> Result<Records<'a, T>, NpyError> {
        self.header.records(self.data)
    }

    /// The field `name` (nested fields as `outer.inner`) of every element,
    /// as a column of `F`, after checking `F::dtype()` against the field's.
    pub fn column<F: PixelLayout>(&self, name: &str) -> Result<Column<'a, F>, NpyError> {
        self.header.column(self.data, name)
    }

    /// The data as an image: the first axis is the height, the second the
    /// width, and one pixel `P` covers every further axis (`[u8; 4]` or a
    /// derived `Bgra8` over an `(h, w, 4)` `'|u1'` file), after the same
    /// dtype check as [`Npy::records`].
    ///
    /// ```
    /// use typed_layout::{npy, HasDtype, Npy, NpyError};
    ///
    /// let pixels = [[1u8, 2, 3, 4]; 6]; // 3 x 2 pixels, as numpy.zeros((2, 3, 4), 'u1')
    /// let mut file = Vec::new();
    /// npy::write_bytes(&mut file, pixels.as_flattened(), &u8::dtype(), &[2, 3, 4])?;
    /// let npy = Npy::from_bytes(&file)?;
    /// let image = npy.image::<[u8; 4]>()?;
    /// assert_eq!((image.width(), image.height()), (3, 2));
    /// assert_eq!(image.get(2, 1), Some([1, 2, 3, 4]));
    /// // A pixel must cover every axis after the second.
    /// assert!(matches!(npy.image::<u8>(), Err(NpyError::NotAnImage { pixels: 24, .. })));
    /// # Ok::<(), typed_layout::NpyError>(())
    /// ```
    pub fn image<P: PixelLayout>(&self) -> Result<ImageView<'a, P>, NpyError> {
        self.header.image(self.data)
    }
}

/// Where an [`NpyFile`]'s bytes live.
enum Storage {
    Mapped(memmap2::Mmap),
    Owned(RecordBuf<u8>),
}

/// A `.npy` file in memory it owns: memory-mapped ([`NpyFile::open`]) or
/// copied into 64-byte aligned memory ([`NpyFile::read_from`]).
///
/// Opening parses the header and checks the file is long enough, without
/// reading the data: O(1) for any file size. The mapping is page-aligned,
/// so data NumPy wrote (64-byte aligned in the file) can be viewed as
/// records of any aligned type.
///
/// # The mapping and other processes
///
/// Like every memory-mapped reader, this relies on one thing the library
/// cannot check: nobody modifies or truncates the file while an `NpyFile`
/// maps it. Bytes changing behind the views would break Rust's rule that
/// shared bytes do not change (undefined behaviour, even though every bit
/// pattern is a valid value), and touching truncated pages kills the
/// process with `SIGBUS`. Use [`NpyFile::read_from`], which copies, for files
/// that may change (see SAFETY.md).
///
/// ```
/// use typed_layout::{npy, NpyFile};
///
/// let path = std::env::temp_dir().join(format!("doc-npyfile-{}.npy", std::process::id()));
/// npy::write_slice(std::fs::File::create(&path)?, &[1.5f64, 2.5, 3.0])?;
///
/// let file = NpyFile::open(&path)?;
/// assert_eq!(file.shape(), &[3]);
/// assert_eq!(file.records::<f64>()?.iter().sum::<f64>(), 7.0);
/// # drop(file);
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct NpyFile {
    storage: Storage,
    header: NpyHeader,
}

impl NpyFile {
    /// Memory-maps the file at `path` read-only and parses its header.
    /// See the type's documentation for what must not happen to the file
    /// while it is mapped.
    pub fn open(path: impl AsRef<Path>) -> Result<NpyFile, NpyError> {
        let file = File::open(path).map_err(|source| NpyError::Io {
            action: "open the file",
            source,
        })?;
        NpyFile::map(&file)
    }

    /// Memory-maps an open file read-only and parses its header. The same
    /// caveat as for [`NpyFile::open`]: the file must not be truncated or
    /// modified while mapped.
    pub fn map(file: &File) -> Result<NpyFile, NpyError> {
        let map = crate::raw::map_read_only(file).map_err(|source| NpyError::Io {
            action: "memory-map the file",
            source,
        })?;
        let header = parse_header(&map)?;
        header.data_in(&map)?;
        Ok(NpyFile {
            storage: Storage::Mapped(map),
            header,
        })
    }

    /// Reads a `.npy` stream into 64-byte aligned memory: the header, then
    /// exactly the data it announces (the stream may go on; it is not read
    /// further). Memory grows with the bytes that arrive, so a lying header
    /// cannot make this allocate more than the stream holds.
    pub fn read_from(mut reader: impl Read) -> Result<NpyFile, NpyError> {
        let io = |source| NpyError::Io {
            action: "read the stream",
            source,
        };
        // Magic, version and length field, then the header they announce.
        let mut prefix = Vec::new();
        (&mut reader)
            .take(12)
            .read_to_end(&mut prefix)
            .map_err(io)?;
        let header_start = match prefix.get(6..8) {
            Some([1, 0]) => 10,
            _ => 12,
        };
        let header_len = prefix.get(8..header_start).map(|len| {
            len.iter()
                .rev()
                .fold(0usize, |acc, &b| (acc << 8) | usize::from(b))
        });
        let mut extra = Vec::new();
        if prefix.len() >= 10 && prefix.get(..MAGIC.len()) == Some(&MAGIC[..]) {
            if let Some(header_len) = header_len {
                let want = (header_start + header_len).saturating_sub(prefix.len());
                (&mut reader)
                    .take(want as u64)
                    .read_to_end(&mut extra)
                    .map_err(io)?;
            }
        }
        prefix.extend_from_slice(&extra);
        let header = parse_header(&prefix)?;
        let mut data = Vec::new();
        (&mut reader)
            .take(header.data_len as u64)
            .read_to_end(&mut data)
            .map_err(io)?;
        let total = header.data_offset.saturating_add(data.len());
        let mut buf = RecordBuf::<u8>::zeroed(total).map_err(|source| NpyError::View { source })?;
        // parse_header checked data_offset <= prefix.len(); total is the sum.
        if let (Some(head), Some((to_head, to_data))) = (
            prefix.get(..header.data_offset),
            buf.as_bytes_mut().split_at_mut_checked(header.data_offset),
        ) {
            to_head.copy_from_slice(head);
            to_data.copy_from_slice(&data);
        }
        header.data_in(buf.as_bytes())?;
        Ok(NpyFile {
            storage: Storage::Owned(buf),
            header,
        })
    }

    /// The whole file's bytes.
    pub fn bytes(&self) -> &[u8] {
        match &self.storage {
            Storage::Mapped(map) => map,
            Storage::Owned(buf) => buf.as_bytes(),
        }
    }

    /// A borrowed [`Npy`] view of this file (clones the header).
    pub fn as_npy(&self) -> Npy<'_> {
        Npy {
            header: self.header.clone(),
            data: self.data(),
        }
    }

    /// The header.
    pub fn header(&self) -> &NpyHeader {
        &self.header
    }

    /// The element dtype.
    pub fn dtype(&self) -> &Dtype {
        &self.header.dtype
    }

    /// The fields of a structured dtype (empty for plain dtypes).
    pub fn fields(&self) -> &[DtypeField] {
        self.header.dtype.fields()
    }

    /// The array shape.
    pub fn shape(&self) -> &[usize] {
        &self.header.shape
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.header.len
    }

    /// Whether there are no elements.
    pub fn is_empty(&self) -> bool {
        self.header.len == 0
    }

    /// The data bytes (see [`Npy::data`]).
    pub fn data(&self) -> &[u8] {
        // Checked when the file was opened.
        self.header.data_in(self.bytes()).unwrap_or_default()
    }

    /// The data as records of `T` (see [`Npy::records`]).
    pub fn records<T: PixelLayout>(&self) -> Result<Records<'_, T>, NpyError> {
        self.header.records(self.data())
    }

    /// One field as a column of `F` (see [`Npy::column`]).
    pub fn column<F: PixelLayout>(&self, name: &str) -> Result<Column<'_, F>, NpyError> {
        self.header.column(self.data(), name)
    }

    /// The data as an image of `P` (see [`Npy::image`]).
    pub fn image<P: PixelLayout>(&self) -> Result<ImageView<'_, P>, NpyError> {
        self.header.image(self.data())
    }
}

impl core::fmt::Debug for NpyFile {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("NpyFile")
            .field("mapped", &matches!(self.storage, Storage::Mapped(_)))
            .field("header", &self.header)
            .finish()
    }
}
