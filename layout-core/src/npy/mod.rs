//! NumPy `.npy` files: viewed zero-copy (over bytes, a file read into
//! aligned memory, or a memory-mapped file) and written exactly as
//! `numpy.save` does.
//!
//! A `.npy` file is a magic string, a version, a header (a Python dict
//! literal with `'descr'`, `'fortran_order'` and `'shape'`) and the raw
//! data. [`Npy::from_bytes`], [`NpyFile::read`] and [`NpyFile::map`] parse
//! and validate the header (versions 1.0, 2.0 and 3.0) and check that the
//! data is all there; `from_bytes` and `map` in O(1) of the data size. Then
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

pub use error::{DataOrigin, FortranView, NpyError};
pub use write::{header_bytes, write, write_as, write_bytes, write_slice};

use crate::column::Column;
use crate::dtype::{descr, literal, Dtype, DtypeError, DtypeField, HasDtype};
use crate::error::ViewError;
use crate::image::ImageView;
use crate::layout::PixelLayout;
use crate::mapped::{file_len, read_aligned, read_whole, realign, FileBytes, ReadFailure};
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
    ///
    /// ```
    /// use typed_layout::{npy, HasDtype, NpyHeader};
    /// let bytes = npy::header_bytes(&u16::dtype(), &[4, 2], false)?;
    /// let header = NpyHeader::parse(&bytes)?;
    /// assert_eq!((header.shape(), header.len()), (&[4, 2][..], 8));
    /// # Ok::<(), typed_layout::NpyError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`NpyError::BadMagic`], `Truncated`, `UnsupportedVersion`,
    /// `HeaderPastEnd`, `HeaderEncoding`, `HeaderSyntax`, `HeaderNotDict`,
    /// `HeaderKeys`, `BadShape`, `BadFortranOrder`, `Descr`, `ShapeOverflow`:
    /// each with the numbers (offsets, lengths, the keys found).
    pub fn parse(bytes: &[u8]) -> Result<NpyHeader, NpyError> {
        parse_header(bytes)
    }

    /// Reads and validates just the header from the start of a `.npy`
    /// stream, leaving `reader` at the first data byte: for describing a
    /// file without reading (or mapping) its data.
    ///
    /// ```
    /// use typed_layout::{npy, NpyHeader};
    /// let mut file = Vec::new();
    /// npy::write_slice(&mut file, &[1.0f64; 1000])?;
    /// let mut reader = &file[..];
    /// let header = NpyHeader::read_from(&mut reader)?;
    /// assert_eq!((header.shape(), header.data_offset()), (&[1000][..], 128));
    /// assert_eq!(reader.len(), 8000); // the data is left unread
    /// # Ok::<(), typed_layout::NpyError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`NpyError::Io`] when the stream fails, and the header errors of
    /// [`NpyHeader::parse`].
    pub fn read_from(reader: impl Read) -> Result<NpyHeader, NpyError> {
        let head = read_header_bytes(reader)
            .map_err(|source| NpyError::io("read the stream", None, source))?;
        parse_header(&head)
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
            .ok_or_else(|| self.data_too_short(file_bytes.len().saturating_sub(self.data_offset)))
    }

    fn data_too_short(&self, available: usize) -> NpyError {
        NpyError::DataTooShort {
            needed: self.data_len,
            available,
            shape: self.shape.clone(),
            itemsize: self.dtype.itemsize(),
        }
    }

    /// Whether the data is not in C order: Fortran order with more than
    /// one axis longer than 1 (with at most one, both orders are the same
    /// bytes).
    fn is_fortran(&self) -> bool {
        self.fortran_order && self.shape.iter().filter(|&&dim| dim > 1).count() > 1
    }

    fn fortran_error(&self, wanted: FortranView) -> NpyError {
        NpyError::FortranOrder {
            shape: self.shape.clone(),
            wanted,
        }
    }

    fn records<'a, T: PixelLayout>(
        &self,
        data: &'a [u8],
        origin: DataOrigin,
    ) -> Result<Records<'a, T>, NpyError> {
        if self.is_fortran() {
            return Err(self.fortran_error(FortranView::Records));
        }
        let type_name = core::any::type_name::<T>();
        elements_per_record(&T::dtype(), &self.dtype, &self.shape)
            .map_err(|error| error.into_npy(type_name, &self.dtype, &self.shape))?;
        if data.is_empty() {
            // No records: nothing to align.
            return Ok(Records::from_slice(&[]));
        }
        Records::from_bytes(data).map_err(|error| self.view_error(error, type_name, origin))
    }

    fn view_error(
        &self,
        error: ViewError,
        type_name: &'static str,
        origin: DataOrigin,
    ) -> NpyError {
        match error {
            ViewError::Misaligned {
                required,
                address_remainder,
                ..
            } => NpyError::Misaligned {
                type_name,
                required,
                data_offset: self.data_offset,
                address_remainder,
                origin,
            },
            source => NpyError::View { source },
        }
    }

    fn image<'a, P: PixelLayout>(
        &self,
        data: &'a [u8],
        origin: DataOrigin,
    ) -> Result<ImageView<'a, P>, NpyError> {
        let type_name = core::any::type_name::<P>();
        let size = core::mem::size_of::<P>();
        let overflow = || NpyError::ShapeOverflow {
            shape: std::format!("{:?}", self.shape),
            itemsize: size,
        };
        if self.is_fortran() {
            // A 2-D Fortran array is an image with x-major strides: pixel
            // (x, y) at (x * height + y) elements.
            let [height, width] = self.shape[..] else {
                return Err(self.fortran_error(FortranView::Image));
            };
            P::dtype()
                .check(&self.dtype)
                .map_err(|source| NpyError::Dtype {
                    type_name,
                    source: Box::new(source),
                })?;
            let column = height
                .checked_mul(size)
                .and_then(|n| isize::try_from(n).ok())
                .ok_or_else(overflow)?;
            let element = isize::try_from(size).map_err(|_| overflow())?;
            return ImageView::from_bytes_strided(data, 0, width, height, column, element)
                .map_err(|error| self.view_error(error, type_name, origin));
        }
        let records = self.records::<P>(data, origin)?;
        let not_an_image = || NpyError::NotAnImage {
            shape: self.shape.clone(),
            pixels: records.len(),
            type_name,
        };
        let [height, width, ..] = self.shape[..] else {
            return Err(not_an_image());
        };
        if height.checked_mul(width) != Some(records.len()) {
            return Err(not_an_image());
        }
        // Rows are adjacent: each is `width` pixels of `P`.
        let pitch = width.checked_mul(size).ok_or_else(overflow)?;
        ImageView::from_bytes(data, width, height, pitch)
            .map_err(|error| self.view_error(error, type_name, origin))
    }

    fn channel_planes<'a, T: PixelLayout>(
        &self,
        data: &'a [u8],
        origin: DataOrigin,
    ) -> Result<Vec<ImageView<'a, T>>, NpyError> {
        let type_name = core::any::type_name::<T>();
        T::dtype()
            .check(&self.dtype)
            .map_err(|source| NpyError::Dtype {
                type_name,
                source: Box::new(source),
            })?;
        let (height, width, channels) = match self.shape[..] {
            [height, width] => (height, width, 1),
            [height, width, channels] => (height, width, channels),
            _ => {
                return Err(NpyError::NotAnImage {
                    shape: self.shape.clone(),
                    pixels: self.len,
                    type_name,
                })
            }
        };
        let size = core::mem::size_of::<T>();
        let overflow = || NpyError::ShapeOverflow {
            shape: std::format!("{:?}", self.shape),
            itemsize: size,
        };
        let stride = |elements: usize| -> Result<isize, NpyError> {
            elements
                .checked_mul(size)
                .and_then(|n| isize::try_from(n).ok())
                .ok_or_else(overflow)
        };
        // Element (y, x, c): C order at ((y * w + x) * C + c), Fortran order
        // at ((c * w + x) * h + y).
        let (plane_step, pixel, row) = if self.fortran_order {
            let plane = height.checked_mul(width).ok_or_else(overflow)?;
            (plane, stride(height)?, stride(1)?)
        } else {
            let row = width.checked_mul(channels).ok_or_else(overflow)?;
            (1, stride(channels)?, stride(row)?)
        };
        (0..channels)
            .map(|c| {
                let start = c
                    .checked_mul(plane_step)
                    .and_then(|n| n.checked_mul(size))
                    .ok_or_else(overflow)?;
                ImageView::from_bytes_strided(data, start, width, height, pixel, row)
                    .map_err(|error| self.view_error(error, type_name, origin))
            })
            .collect()
    }

    fn column<'a, F: PixelLayout>(
        &self,
        data: &'a [u8],
        name: &str,
    ) -> Result<Column<'a, F>, NpyError> {
        if self.is_fortran() {
            return Err(self.fortran_error(FortranView::Column));
        }
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

/// Why a Rust type does not view a file's elements.
pub(crate) enum ElementsError {
    /// The dtypes differ.
    Dtype(DtypeError),
    /// The type is `per_record` of the file's (plain) elements, but no
    /// trailing axes of the shape hold that many.
    Trailing { per_record: usize },
}

impl ElementsError {
    pub(crate) fn into_npy(
        self,
        type_name: &'static str,
        file: &Dtype,
        shape: &[usize],
    ) -> NpyError {
        match self {
            ElementsError::Dtype(source) => NpyError::Dtype {
                type_name,
                source: Box::new(source),
            },
            ElementsError::Trailing { per_record } => NpyError::TrailingAxes {
                type_name,
                per_record,
                element: file.typestr(),
                shape: shape.to_vec(),
            },
        }
    }
}

/// How many elements of `file` (a dtype over `shape`) one `T` covers: 1 when
/// the dtypes match; for a plain (scalar) file, the element count of `T` when
/// `T` is made of the file's elements: an array whose shape is the trailing
/// axes of `shape` (`[u8; 4]` over `(h, w, 4)`), or a record whose fields, at
/// multiples of the element size, are all the file's scalar (`Rgb16 { r, g,
/// b: u16 }` over `(h, w, 3)` `<u2`) and whose count is the product of some
/// trailing axes.
pub(crate) fn elements_per_record(
    ours: &Dtype,
    file: &Dtype,
    shape: &[usize],
) -> Result<usize, ElementsError> {
    let error = match ours.check(file) {
        Ok(()) => return Ok(1),
        Err(error) => error,
    };
    if !file.is_scalar() || file.itemsize() == 0 {
        return Err(ElementsError::Dtype(error));
    }
    if ours.is_sub_array() {
        let sub = ours.full_shape();
        if shape.ends_with(&sub) && ours.innermost().check(file).is_ok() {
            if let Some(count) = sub.iter().try_fold(1usize, |acc, &d| acc.checked_mul(d)) {
                if count > 0 {
                    return Ok(count);
                }
            }
        }
        return Err(ElementsError::Dtype(error));
    }
    if !ours.is_record() || !made_of(ours, file, 0) {
        return Err(ElementsError::Dtype(error));
    }
    let per_record = ours.itemsize() / file.itemsize();
    let mut product = 1usize;
    for &dim in shape.iter().rev() {
        product = match product.checked_mul(dim) {
            Some(product) => product,
            None => break,
        };
        if product == per_record {
            return Ok(per_record);
        }
    }
    Err(ElementsError::Trailing { per_record })
}

/// Whether `ours` (starting `at` bytes into a record) is made only of
/// `element`s at multiples of its size: scalars that pass the check, arrays
/// of them, records of them; gaps allowed when they are whole elements.
fn made_of(ours: &Dtype, element: &Dtype, at: usize) -> bool {
    let size = element.itemsize();
    if !at.is_multiple_of(size) || !ours.itemsize().is_multiple_of(size) {
        return false;
    }
    if ours.is_record() {
        return ours
            .fields()
            .iter()
            .all(|field| made_of(field.dtype(), element, at.saturating_add(field.offset())));
    }
    if ours.is_sub_array() {
        return made_of(ours.innermost(), element, 0);
    }
    ours.check(element).is_ok()
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
    let dtype = descr::from_value(descr_value, 0, descr::Context::Header).map_err(|source| {
        NpyError::Descr {
            source: Box::new(source),
        }
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

/// NumPy's limit for a dimension and for an array's size in bytes:
/// `npy_intp`'s maximum.
const NUMPY_MAX_SIZE: usize = isize::MAX as usize;

/// The most axes a NumPy array has (`NPY_MAXDIMS`).
pub const MAX_DIMS: usize = 64;

/// The element count of `shape` (of `itemsize`-byte elements), checked
/// against NumPy's limits (`PyArray_NewFromDescr`): at most [`MAX_DIMS`]
/// axes, each a non-negative `npy_intp`, and the itemsize times the product
/// of the non-zero axes within `npy_intp` (so `(0, 2**62)` of `<f8` is
/// refused, as NumPy refuses it). Used by the header parser and the writers,
/// so no file NumPy would refuse is read or written.
pub(crate) fn check_numpy_shape(shape: &[usize], itemsize: usize) -> Result<usize, NpyError> {
    let overflow = || NpyError::ShapeOverflow {
        shape: write::shape_repr(shape),
        itemsize,
    };
    if shape.len() > MAX_DIMS {
        return Err(NpyError::BadShape {
            problem: std::format!(
                "it has {} axes, and NumPy allows at most {MAX_DIMS}",
                shape.len()
            ),
        });
    }
    let mut bytes = itemsize;
    let mut len = 1usize;
    for &dim in shape {
        if dim > NUMPY_MAX_SIZE {
            return Err(overflow());
        }
        if dim != 0 {
            bytes = bytes
                .checked_mul(dim)
                .filter(|&n| n <= NUMPY_MAX_SIZE)
                .ok_or_else(overflow)?;
        }
        len = len.checked_mul(dim).ok_or_else(overflow)?;
    }
    Ok(len)
}

/// The shape and its element count, with NumPy's rules
/// ([`check_numpy_shape`]).
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
        shape.push(dim);
    }
    let len = check_numpy_shape(&shape, itemsize)?;
    Ok((shape, len))
}

/// What [`Npy`] and [`NpyFile`] read from their header, the same for both.
macro_rules! header_accessors {
    () => {
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
    };
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
    origin: DataOrigin,
}

impl<'a> Npy<'a> {
    /// Parses the header of the `.npy` file in `bytes` and checks that the
    /// data is all there (extra bytes after it are ignored, as NumPy does).
    /// O(1) in the data size. This is the way to view bytes you mapped
    /// yourself (your own `unsafe`, your own promise about the file).
    ///
    /// ```
    /// use typed_layout::{npy, Npy};
    /// let mut file = Vec::new();
    /// npy::write_slice(&mut file, &[1u8, 2, 3])?;
    /// assert_eq!(Npy::from_bytes(&file)?.data(), [1, 2, 3]);
    /// # Ok::<(), typed_layout::NpyError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// The header's errors ([`NpyError::BadMagic`], `UnsupportedVersion`,
    /// `Truncated`, `HeaderPastEnd`, `HeaderEncoding`, `HeaderSyntax`,
    /// `HeaderNotDict`, `HeaderKeys`, `BadShape`, `BadFortranOrder`,
    /// `Descr`, `ShapeOverflow`) and [`NpyError::DataTooShort`].
    pub fn from_bytes(bytes: &'a [u8]) -> Result<Npy<'a>, NpyError> {
        let header = parse_header(bytes)?;
        let data = header.data_in(bytes)?;
        Ok(Npy {
            header,
            data,
            origin: DataOrigin::Bytes,
        })
    }

    header_accessors!();

    /// The data bytes, `len() * dtype().itemsize()` of them, in the file's
    /// order (see [`NpyHeader::fortran_order`]).
    pub fn data(&self) -> &'a [u8] {
        self.data
    }

    /// The data as records of `T`, zero-copy, after checking `T::dtype()`
    /// against the file's dtype: `len()` records, the shape flattened in C
    /// order. A type made of a plain file's elements covers its trailing
    /// axes: `[u8; 4]` or a derived `Bgra8 { b, g, r, a: u8 }` over an `(h,
    /// w, 4)` `'|u1'` file gives `h * w` records, `Xy { x, y: f32 }` over
    /// `(n, 2)` `'<f4'` gives `n`.
    ///
    /// ```
    /// use typed_layout::{npy, HasDtype, Npy, PixelLayout};
    /// #[derive(Clone, Copy, PixelLayout)]
    /// #[repr(C)]
    /// struct Xy { x: f32, y: f32 }
    /// let mut file = Vec::new();
    /// npy::write_bytes(&mut file, &[0u8; 24], &f32::dtype(), &[3, 2])?;
    /// assert_eq!(Npy::from_bytes(&file)?.records::<Xy>()?.len(), 3);
    /// # Ok::<(), typed_layout::NpyError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`NpyError::Dtype`] naming the first difference;
    /// [`NpyError::TrailingAxes`] when `T` is made of the file's elements
    /// but no trailing axes hold as many; [`NpyError::FortranOrder`] for
    /// Fortran-order data with more than one axis longer than 1 (the error
    /// says which view works); [`NpyError::Misaligned`] with the data's
    /// offset and what works instead; [`NpyError::View`].
    pub fn records<T: PixelLayout>(&self) -> Result<Records<'a, T>, NpyError> {
        self.header.records(self.data, self.origin)
    }

    /// The field `name` (nested fields as `outer.inner`) of every element,
    /// as a column of `F`, after checking `F::dtype()` against the field's.
    ///
    /// # Errors
    ///
    /// [`NpyError::NoSuchField`] listing the fields,
    /// [`NpyError::FieldType`] naming the difference,
    /// [`NpyError::FortranOrder`], [`NpyError::View`].
    pub fn column<F: PixelLayout>(&self, name: &str) -> Result<Column<'a, F>, NpyError> {
        self.header.column(self.data, name)
    }

    /// Each channel of an `(h, w, C)` array (or the one of an `(h, w)`
    /// array) as an image of `T`, zero-copy, in C or Fortran order: the
    /// view for Fortran-ordered images, whose channels are planes.
    ///
    /// ```
    /// use typed_layout::{npy, HasDtype, Npy};
    /// // (h, w, C) = (2, 3, 2) in Fortran order: channel 0 is 0..6, channel 1 is 6..12.
    /// let values: Vec<u8> = (0..12).collect();
    /// let mut file = npy::header_bytes(&u8::dtype(), &[2, 3, 2], true)?;
    /// file.extend_from_slice(&values);
    /// let npy = Npy::from_bytes(&file)?;
    /// let planes = npy.channel_planes::<u8>()?;
    /// assert_eq!(planes.len(), 2);
    /// assert_eq!(planes[1].get(2, 1), Some(6 + 2 * 2 + 1)); // (y, x, c) at (c*w + x)*h + y
    /// # Ok::<(), typed_layout::NpyError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`NpyError::Dtype`] when `T` is not the file's element,
    /// [`NpyError::NotAnImage`] for shapes of other ranks,
    /// [`NpyError::Misaligned`], [`NpyError::View`].
    pub fn channel_planes<T: PixelLayout>(&self) -> Result<Vec<ImageView<'a, T>>, NpyError> {
        self.header.channel_planes(self.data, self.origin)
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
    ///
    /// A 2-D Fortran-ordered file is an image too, with x-major strides.
    ///
    /// # Errors
    ///
    /// As [`Npy::records`], and [`NpyError::NotAnImage`] when the shape
    /// has no `(height, width)` with one pixel each; for Fortran order of
    /// rank 3, [`NpyError::FortranOrder`] pointing to
    /// [`Npy::channel_planes`].
    pub fn image<P: PixelLayout>(&self) -> Result<ImageView<'a, P>, NpyError> {
        self.header.image(self.data, self.origin)
    }
}

/// A `.npy` file in memory it owns: read into 64-byte aligned memory
/// ([`NpyFile::read`], safe) or memory-mapped ([`NpyFile::map`], `unsafe`:
/// the caller promises the file does not change while mapped).
///
/// Both parse and validate the header and check the file is long enough.
/// `map` is O(1) in the file size (nothing of the data is read);
/// `read` copies the file once, as `std::fs::read` does, placing the data
/// (wherever it starts in the file) at a 64-byte aligned address, so it
/// views as records of any aligned type.
///
/// ```
/// use typed_layout::{npy, NpyFile};
///
/// let path = std::env::temp_dir().join(format!("doc-npyfile-{}.npy", std::process::id()));
/// npy::write_slice(std::fs::File::create(&path)?, &[1.5f64, 2.5, 3.0])?;
///
/// let file = NpyFile::read(&path)?;
/// assert_eq!(file.shape(), &[3]);
/// assert_eq!(file.records::<f64>()?.iter().sum::<f64>(), 7.0);
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct NpyFile {
    storage: FileBytes,
    header: NpyHeader,
}

/// Reads the magic, version, length field and the header they announce
/// (exactly: the reader is left at the first data byte).
fn read_header_bytes(mut reader: impl Read) -> std::io::Result<Vec<u8>> {
    let mut prefix = Vec::new();
    (&mut reader).take(10).read_to_end(&mut prefix)?;
    if prefix.len() < 10 || prefix.get(..MAGIC.len()) != Some(&MAGIC[..]) {
        return Ok(prefix); // parse_header says what is wrong
    }
    if prefix.get(6..8) != Some(&[1, 0]) {
        (&mut reader).take(2).read_to_end(&mut prefix)?;
    }
    let header_start = prefix.len();
    let header_len = prefix
        .get(8..header_start)
        .unwrap_or_default()
        .iter()
        .rev()
        .fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
    (&mut reader).take(header_len).read_to_end(&mut prefix)?;
    Ok(prefix)
}

impl NpyFile {
    crate::raw::map_fn! {
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
        error: NpyError,
        io_error: |action, path, source| NpyError::io(action, Some(path), source),
        from_mapping: NpyFile::from_mapping,
    }

    /// Reads the `.npy` file at `path` into 64-byte aligned memory it owns:
    /// safe (a copy, so other processes may change the file) and as fast as
    /// `std::fs::read` (one copy). The data is placed at an aligned address
    /// whatever its offset in the file, so it views as records of any
    /// aligned type.
    ///
    /// To view a large file without reading it, see [`NpyFile::map`].
    ///
    /// ```
    /// use typed_layout::{npy, NpyFile};
    /// let path = std::env::temp_dir().join(format!("doc-npyread-{}.npy", std::process::id()));
    /// npy::write_slice(std::fs::File::create(&path)?, &[1u32, 2, 3])?;
    /// let file = NpyFile::read(&path)?;
    /// assert_eq!(file.records::<u32>()?.to_vec(), [1, 2, 3]);
    /// assert_eq!(file.data().as_ptr() as usize % 64, 0);
    /// # std::fs::remove_file(&path)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`NpyError::Io`] naming the path and the operation (`open`, `read`);
    /// every header error of [`Npy::from_bytes`]; [`NpyError::DataTooShort`]
    /// when the file ends before the data does. A device or a pipe is read
    /// as a stream ([`NpyFile::read_from`]): the header, then exactly the
    /// data it announces.
    pub fn read(path: impl AsRef<Path>) -> Result<NpyFile, NpyError> {
        let path = path.as_ref();
        let io = |action| move |source| NpyError::io(action, Some(path), source);
        let failure = |failure| match failure {
            ReadFailure::Io(source) => NpyError::io("read", Some(path), source),
            ReadFailure::View(source) => NpyError::View { source },
        };
        let file = File::open(path).map_err(io("open"))?;
        if !file.metadata().map_err(io("read"))?.is_file() {
            // A device or a pipe has no length to read up to (`/dev/zero`
            // never ends): the header, then exactly the data it announces.
            return NpyFile::read_from(std::io::BufReader::new(file)).map_err(
                |error| match error {
                    NpyError::Io {
                        path: None, source, ..
                    } => NpyError::io("read", Some(path), source),
                    other => other,
                },
            );
        }
        let file_len = file_len(&file).map_err(io("read"))?;
        // The whole file in one read, as std::fs::read does, its start
        // 64-byte aligned: NumPy's data offsets are multiples of 64, so the
        // data is aligned already; other offsets move once.
        let (mut buf, start) = read_whole(file, file_len).map_err(failure)?;
        let header = parse_header(buf.get(start..).unwrap_or_default())?;
        let start = realign(&mut buf, start, header.data_offset).map_err(failure)?;
        let len = buf.len().saturating_sub(start);
        NpyFile::checked(header, FileBytes::Read { buf, start, len })
    }

    /// Reads a `.npy` stream into 64-byte aligned memory: the header, then
    /// exactly the data it announces (the stream may go on; it is not read
    /// further). The data is placed at an aligned address. Memory grows
    /// with the bytes that arrive, so a lying header cannot make this
    /// allocate more than the stream holds.
    ///
    /// ```
    /// use typed_layout::{npy, NpyFile};
    /// let mut bytes = Vec::new();
    /// npy::write_slice(&mut bytes, &[1.0f32, 2.0])?;
    /// let file = NpyFile::read_from(&bytes[..])?;
    /// assert_eq!(file.records::<f32>()?.to_vec(), [1.0, 2.0]);
    /// # Ok::<(), typed_layout::NpyError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`NpyError::Io`] when the stream fails; every header error of
    /// [`Npy::from_bytes`]; [`NpyError::DataTooShort`] when the stream
    /// ends before the data does.
    pub fn read_from(mut reader: impl Read) -> Result<NpyFile, NpyError> {
        let io = |source| NpyError::io("read the stream", None, source);
        let head = read_header_bytes(&mut reader).map_err(io)?;
        let header = parse_header(&head)?;
        // Grows with what arrives (never more than the stream holds), then
        // one more copy to align the data.
        let mut data = Vec::new();
        (&mut reader)
            .take(u64::try_from(header.data_len).unwrap_or(u64::MAX))
            .read_to_end(&mut data)
            .map_err(io)?;
        let available = data.len();
        if available < header.data_len {
            return Err(header.data_too_short(available));
        }
        NpyFile::assemble(header, &head, &data[..], None)
    }

    /// The header bytes and up to `data_len` bytes from `data`, in aligned
    /// memory with the data start at a multiple of 64.
    fn assemble(
        header: NpyHeader,
        head: &[u8],
        data: impl Read,
        path: Option<&Path>,
    ) -> Result<NpyFile, NpyError> {
        let head = head.get(..header.data_offset).unwrap_or(head);
        let storage =
            read_aligned(head, data, header.data_len, header.data_offset).map_err(|failure| {
                match failure {
                    ReadFailure::Io(source) => match path {
                        Some(_) => NpyError::io("read", path, source),
                        None => NpyError::io("read the stream", None, source),
                    },
                    ReadFailure::View(source) => NpyError::View { source },
                }
            })?;
        NpyFile::checked(header, storage)
    }

    /// An `NpyFile` of `storage` once it holds all of the header's data
    /// (bytes after the data are dropped from the view).
    fn checked(header: NpyHeader, storage: FileBytes) -> Result<NpyFile, NpyError> {
        header.data_in(storage.bytes())?;
        Ok(NpyFile { storage, header })
    }

    /// Wraps a mapping made by [`NpyFile::map`] (in the `raw` module).
    pub(crate) fn from_mapping(map: memmap2::Mmap) -> Result<NpyFile, NpyError> {
        let header = parse_header(&map)?;
        header.data_in(&map)?;
        Ok(NpyFile {
            storage: FileBytes::Mapped(map),
            header,
        })
    }

    /// Whether the bytes are a memory mapping ([`NpyFile::map`]) rather
    /// than a copy ([`NpyFile::read`], [`NpyFile::read_from`]).
    pub fn is_mapped(&self) -> bool {
        self.storage.is_mapped()
    }

    /// The file's bytes, from the magic string to the end of the data
    /// (`map` and `read` also hold any bytes after the data).
    pub fn bytes(&self) -> &[u8] {
        self.storage.bytes()
    }

    /// A borrowed [`Npy`] view of this file (clones the header).
    pub fn as_npy(&self) -> Npy<'_> {
        Npy {
            header: self.header.clone(),
            data: self.data(),
            origin: self.origin(),
        }
    }

    fn origin(&self) -> DataOrigin {
        if self.is_mapped() {
            DataOrigin::Mapped
        } else {
            DataOrigin::Read
        }
    }

    header_accessors!();

    /// The data bytes (see [`Npy::data`]).
    pub fn data(&self) -> &[u8] {
        // Checked when the file was opened.
        self.header.data_in(self.bytes()).unwrap_or_default()
    }

    /// The data as records of `T` (see [`Npy::records`]).
    ///
    /// # Errors
    ///
    /// As [`Npy::records`].
    pub fn records<T: PixelLayout>(&self) -> Result<Records<'_, T>, NpyError> {
        self.header.records(self.data(), self.origin())
    }

    /// One field as a column of `F` (see [`Npy::column`]).
    ///
    /// # Errors
    ///
    /// As [`Npy::column`].
    pub fn column<F: PixelLayout>(&self, name: &str) -> Result<Column<'_, F>, NpyError> {
        self.header.column(self.data(), name)
    }

    /// Each channel as an image of `T` (see [`Npy::channel_planes`]).
    ///
    /// # Errors
    ///
    /// As [`Npy::channel_planes`].
    pub fn channel_planes<T: PixelLayout>(&self) -> Result<Vec<ImageView<'_, T>>, NpyError> {
        self.header.channel_planes(self.data(), self.origin())
    }

    /// The data as an image of `P` (see [`Npy::image`]).
    ///
    /// # Errors
    ///
    /// As [`Npy::image`].
    pub fn image<P: PixelLayout>(&self) -> Result<ImageView<'_, P>, NpyError> {
        self.header.image(self.data(), self.origin())
    }
}

impl core::fmt::Debug for NpyFile {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("NpyFile")
            .field("mapped", &self.is_mapped())
            .field("header", &self.header)
            .finish()
    }
}
