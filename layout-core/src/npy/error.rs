//! `NpyError`: why a `.npy` file could not be read, viewed or written.

use crate::dtype::DtypeError;
use crate::error::ViewError;
use alloc::boxed::Box;
use std::fmt;
use std::path::{Path, PathBuf};
use std::string::String;
use std::vec::Vec;

/// Where the data of an [`Npy`](crate::Npy) lives, which decides what
/// works when it is not aligned for a type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DataOrigin {
    /// Bytes the caller gave ([`Npy::from_bytes`](crate::Npy::from_bytes)).
    Bytes,
    /// A memory mapping ([`NpyFile::map`](crate::NpyFile::map)): the data is
    /// where the file puts it.
    Mapped,
    /// A copy with the data 64-byte aligned ([`NpyFile::read`](crate::NpyFile::read)).
    Read,
}

/// The view asked of a Fortran-ordered file, for [`NpyError::FortranOrder`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FortranView {
    /// `records` (the elements in C order).
    Records,
    /// `column` (a field of every element in C order).
    Column,
    /// `image` of a shape other than `(h, w)`.
    Image,
}

/// Why a `.npy` file could not be read, viewed or written.
///
/// Every variant carries the numbers (offsets, lengths, versions, shapes)
/// needed to see what is wrong; `Display` says what to do about it.
#[derive(Debug)]
#[non_exhaustive]
pub enum NpyError {
    /// Reading or writing failed in the operating system.
    Io {
        /// What was being done: `"open"`, `"read"`, `"memory-map"` (with a
        /// path), `"read the stream"`, `"write the header"`, ...
        action: &'static str,
        /// The file, when there is one (not for streams).
        path: Option<PathBuf>,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file ends before the fixed-size start of a `.npy` file (magic,
    /// version, header length).
    Truncated {
        /// Bytes needed for the part being read.
        needed: usize,
        /// Bytes the file has.
        available: usize,
    },
    /// The file does not start with `\x93NUMPY`.
    BadMagic {
        /// The first (up to six) bytes of the file.
        found: Vec<u8>,
    },
    /// A format version other than 1.0, 2.0 and 3.0.
    UnsupportedVersion {
        /// Major version byte.
        major: u8,
        /// Minor version byte.
        minor: u8,
    },
    /// The header length field points past the end of the file.
    HeaderPastEnd {
        /// The header length the file declares.
        header_len: usize,
        /// Where the header starts.
        header_start: usize,
        /// Bytes the file has.
        available: usize,
    },
    /// A version 3.0 header that is not valid UTF-8.
    HeaderEncoding {
        /// Byte offset, within the header, of the first invalid byte.
        position: usize,
    },
    /// The header is not a valid Python literal.
    HeaderSyntax {
        /// Byte offset within the header text.
        position: usize,
        /// What the parser expected there.
        expected: &'static str,
        /// What it found.
        found: String,
    },
    /// The header is a Python literal, but not a dict.
    HeaderNotDict {
        /// What it is instead (`"a list"`, ...).
        found: &'static str,
    },
    /// The header dict does not have exactly the keys `'descr'`,
    /// `'fortran_order'` and `'shape'`.
    HeaderKeys {
        /// The keys found, as Python writes them.
        found: Vec<String>,
    },
    /// `'shape'` is not a tuple of non-negative ints.
    BadShape {
        /// What is wrong with it.
        problem: String,
    },
    /// `'fortran_order'` is not `True` or `False`.
    BadFortranOrder {
        /// What it is instead.
        found: &'static str,
    },
    /// `'descr'` is not a dtype this crate can describe (including object
    /// dtypes, which hold pointers).
    Descr {
        /// Why.
        source: Box<DtypeError>,
    },
    /// The shape is larger than NumPy allows: an axis, or the itemsize
    /// times the product of the non-zero axes, over `isize::MAX` (NumPy's
    /// `npy_intp`).
    ShapeOverflow {
        /// The shape, as written in the header.
        shape: String,
        /// Size of one element in bytes.
        itemsize: usize,
    },
    /// The file has fewer data bytes than the shape and dtype need.
    DataTooShort {
        /// Bytes needed: the product of the shape times the itemsize.
        needed: usize,
        /// Bytes after the header.
        available: usize,
        /// The shape from the header.
        shape: Vec<usize>,
        /// Size of one element in bytes.
        itemsize: usize,
    },
    /// An image needs a shape `(height, width, ...)` with one pixel per
    /// `(y, x)`; this shape has fewer axes or another pixel count.
    NotAnImage {
        /// The shape from the header.
        shape: Vec<usize>,
        /// How many pixels of the requested type the data holds.
        pixels: usize,
        /// The requested pixel type.
        type_name: &'static str,
    },
    /// The data is in Fortran (column-major) order with more than one axis
    /// longer than 1, so the elements are not in C order. The message says
    /// which view works for the shape: `image` for `(h, w)`,
    /// `channel_planes` for `(h, w, C)`, else the raw `data()`.
    FortranOrder {
        /// The shape from the header.
        shape: Vec<usize>,
        /// The view that was asked for.
        wanted: FortranView,
    },
    /// The Rust type is made of the file's (plain) elements, `per_record`
    /// of them, but no trailing axes of the shape hold that many (`[u8; 3]`
    /// or `Rgb8` over an `(h, w, 4)` `|u1` file).
    TrailingAxes {
        /// The Rust type asked for.
        type_name: &'static str,
        /// How many of the file's elements one value of it holds.
        per_record: usize,
        /// The file's element typestr.
        element: String,
        /// The shape from the header.
        shape: Vec<usize>,
    },
    /// The file's dtype does not match the requested Rust type.
    Dtype {
        /// The Rust type asked for.
        type_name: &'static str,
        /// The first difference.
        source: Box<DtypeError>,
    },
    /// The data does not start at an address aligned for the Rust type.
    Misaligned {
        /// The Rust type asked for.
        type_name: &'static str,
        /// The alignment it needs.
        required: usize,
        /// Where the data starts in the file.
        data_offset: usize,
        /// The data's address modulo `required`.
        address_remainder: usize,
        /// Where the data lives (decides what works instead).
        origin: DataOrigin,
    },
    /// The data could not be viewed (see the wrapped error).
    View {
        /// Why.
        source: ViewError,
    },
    /// No field of that name.
    NoSuchField {
        /// The name asked for.
        name: String,
        /// The fields there are.
        fields: Vec<String>,
    },
    /// A field's dtype does not match the requested column type.
    FieldType {
        /// The field.
        field: String,
        /// The Rust type asked for.
        type_name: &'static str,
        /// The difference.
        source: Box<DtypeError>,
    },
    /// The header would not fit in a `.npy` header length field.
    HeaderTooLong {
        /// The header's length in bytes.
        len: usize,
    },
    /// Data to write does not have the length the shape and dtype imply.
    DataLength {
        /// Bytes the shape and dtype imply.
        expected: usize,
        /// Bytes given.
        given: usize,
    },
}

fn list(items: &[String]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if i == 12 {
            out.push_str(&std::format!("... ({} more)", items.len() - 12));
            break;
        }
        out.push_str(item);
    }
    out
}

impl fmt::Display for NpyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NpyError::Io {
                action,
                path: Some(path),
                source,
            } => write!(f, "could not {action} {}: {source}", path.display()),
            NpyError::Io {
                action,
                path: None,
                source,
            } => write!(f, "could not {action}: {source}"),
            NpyError::Truncated { needed, available } => write!(
                f,
                "file of {available} bytes is too short for a .npy file, whose fixed start needs \
                 {needed} bytes; the file is truncated or not a .npy file"
            ),
            NpyError::BadMagic { found } => write!(
                f,
                "not a .npy file: it starts with {found:02x?} instead of the magic \\x93NUMPY \
                 (93 4e 55 4d 50 59)"
            ),
            NpyError::UnsupportedVersion { major, minor } => write!(
                f,
                ".npy format version {major}.{minor} is not supported; versions 1.0, 2.0 and 3.0 \
                 are (re-save the file with numpy.save)"
            ),
            NpyError::HeaderPastEnd {
                header_len,
                header_start,
                available,
            } => write!(
                f,
                "the header claims {header_len} bytes from byte {header_start}, ending at byte {}, \
                 but the file has {available} bytes; the file is truncated or corrupt",
                header_start.saturating_add(*header_len)
            ),
            NpyError::HeaderEncoding { position } => write!(
                f,
                "the version 3.0 header is not valid UTF-8 (first bad byte at header offset \
                 {position}); the file is corrupt"
            ),
            NpyError::HeaderSyntax {
                position,
                expected,
                found,
            } => write!(
                f,
                "the header is not a valid Python literal: at byte {position} expected {expected}, \
                 found {found}"
            ),
            NpyError::HeaderNotDict { found } => write!(
                f,
                "the header is {found}, not a dict with 'descr', 'fortran_order' and 'shape'"
            ),
            NpyError::HeaderKeys { found } => write!(
                f,
                "the header dict has the keys [{}]; a .npy header has exactly 'descr', \
                 'fortran_order' and 'shape'",
                list(found)
            ),
            NpyError::BadShape { problem } => write!(
                f,
                "the header's 'shape' must be a tuple of non-negative ints: {problem}"
            ),
            NpyError::BadFortranOrder { found } => write!(
                f,
                "the header's 'fortran_order' must be True or False, found {found}"
            ),
            NpyError::Descr { source } => write!(f, "the header's 'descr' is not usable: {source}"),
            NpyError::ShapeOverflow { shape, itemsize } => write!(
                f,
                "shape {shape} with {itemsize}-byte elements is larger than NumPy allows (each \
                 axis, and the size in bytes of the non-empty axes, at most {}); the header is \
                 corrupt",
                isize::MAX
            ),
            NpyError::DataTooShort {
                needed,
                available,
                shape,
                itemsize,
            } => write!(
                f,
                "shape {shape:?} of {itemsize}-byte elements needs {needed} data bytes but the file \
                 has {available} after the header; the file is truncated"
            ),
            NpyError::NotAnImage {
                shape,
                pixels,
                type_name,
            } => write!(
                f,
                "an image of `{type_name}` needs a shape (height, width, ...) with one pixel per \
                 (y, x), but the shape is {shape:?} and the data holds {pixels} pixel(s); choose \
                 a pixel type covering every axis after the second"
            ),
            NpyError::FortranOrder { shape, wanted } => {
                write!(
                    f,
                    "the data of shape {shape:?} is in Fortran (column-major) order, so the \
                     elements are not in C order; "
                )?;
                match (shape.len(), wanted) {
                    (2, FortranView::Records | FortranView::Column) => f.write_str(
                        "view it as an image with image::<T>() (x-major strides, zero-copy)",
                    ),
                    (3, _) => f.write_str(
                        "view each channel as an image with channel_planes::<T>() (zero-copy)",
                    ),
                    _ => f.write_str(
                        "read the raw bytes with data() (column-major), or re-save it in C \
                         order with numpy.save(path, numpy.ascontiguousarray(a))",
                    ),
                }
            }
            NpyError::TrailingAxes {
                type_name,
                per_record,
                element,
                shape,
            } => {
                let fits = shape.last().map_or(String::new(), |last| {
                    std::format!(" (for shape {shape:?}, a type of {last} '{element}' elements)")
                });
                write!(
                    f,
                    "`{type_name}` holds {per_record} '{element}' element(s), but no trailing \
                     axes of shape {shape:?} hold {per_record}; choose a type covering whole \
                     trailing axes{fits}"
                )
            }
            NpyError::Dtype { type_name, source } => {
                write!(f, "the file's dtype does not match `{type_name}`: {source}")
            }
            NpyError::Misaligned {
                type_name,
                required,
                data_offset,
                address_remainder,
                origin,
            } => {
                write!(
                    f,
                    "the data starts at byte {data_offset} of the file, at an address \
                     {address_remainder} bytes past a multiple of {required}, but `{type_name}` \
                     needs {required}-byte alignment; "
                )?;
                match origin {
                    DataOrigin::Mapped => f.write_str(
                        "a mapping cannot move the data: read the file with NpyFile::read \
                         (which places the data at an aligned address), or use a type of \
                         alignment 1 (Le<T>/Be<T> fields, or #[repr(C, packed)])",
                    ),
                    DataOrigin::Bytes => f.write_str(
                        "read the file with NpyFile::read or the bytes with NpyFile::read_from \
                         (which place the data at an aligned address), or use a type of \
                         alignment 1 (Le<T>/Be<T> fields, or #[repr(C, packed)])",
                    ),
                    DataOrigin::Read => f.write_str(
                        "read data is 64-byte aligned, so use a type whose alignment is at \
                         most 64",
                    ),
                }
            }
            NpyError::View { source } => write!(f, "the data cannot be viewed: {source}"),
            NpyError::NoSuchField { name, fields } => write!(
                f,
                "there is no field `{name}`; the fields are [{}] (nested fields as `outer.inner`)",
                list(fields)
            ),
            NpyError::FieldType {
                field,
                type_name,
                source,
            } => write!(
                f,
                "field `{field}` cannot be read as `{type_name}`: {source}"
            ),
            NpyError::HeaderTooLong { len } => write!(
                f,
                "the header would be {len} bytes, more than a .npy header length field holds \
                 (4294967295)"
            ),
            NpyError::DataLength { expected, given } => write!(
                f,
                "the shape and dtype need {expected} data bytes but {given} were given; pass data \
                 (or a shape) whose sizes agree"
            ),
        }
    }
}

/// `Display` includes the text of the wrapped error (an I/O error, a dtype
/// mismatch), so `source()` returns `None`: chain printers such as
/// anyhow's `{:#}` print each cause once.
impl std::error::Error for NpyError {}

impl NpyError {
    /// An I/O error while doing `action` (to `path`, if any).
    pub(crate) fn io(action: &'static str, path: Option<&Path>, source: std::io::Error) -> Self {
        NpyError::Io {
            action,
            path: path.map(Path::to_path_buf),
            source,
        }
    }
}

impl From<std::io::Error> for NpyError {
    fn from(source: std::io::Error) -> Self {
        NpyError::io("read or write the stream", None, source)
    }
}
