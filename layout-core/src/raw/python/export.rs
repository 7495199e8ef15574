//! Owned records and images handed to Python as buffer exporters.

use super::span::{element_span, SpanError};
use alloc::boxed::Box;
use alloc::ffi::CString;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::any::Any;
use core::ffi::c_int;
use pyo3::exceptions::PyBufferError;
use pyo3::ffi;
use pyo3::prelude::*;

/// Owned storage whose bytes can be exported (crate-private: implemented
/// in python/export.rs for `RecordBuf` and `ImageBuf`).
pub(crate) trait Owner: Send + Sync + 'static {
    /// All bytes of the storage.
    fn bytes_mut(&mut self) -> &mut [u8];
}

/// How the exported bytes are described to Python.
pub(crate) struct ExportLayout {
    /// PEP 3118 format of one element.
    pub(crate) format: CString,
    /// Bytes per element.
    pub(crate) itemsize: usize,
    /// Elements per axis.
    pub(crate) shape: Vec<usize>,
    /// Bytes between neighbours along each axis.
    pub(crate) strides: Vec<isize>,
}

/// Why a layout cannot describe an owner's bytes.
#[derive(Debug)]
pub(crate) enum ExportError {
    /// Shape and strides have no span (see `element_span`).
    Span(SpanError),
    /// Some element would lie outside the owner's bytes (or before them).
    OutOfBounds {
        /// Bytes below element 0 that the layout reaches.
        before: usize,
        /// Bytes the layout reaches.
        needed: usize,
        /// Bytes the owner has.
        available: usize,
    },
    /// A length or itemsize that is not a `Py_ssize_t`.
    TooLarge,
    /// Creating the Python object failed.
    Python(PyErr),
}

/// The pointer to an owner's bytes, kept beside the owner.
struct Base(*mut u8);

// SAFETY: `Base` points into the `owner` of the same `LayoutBuffer`, which
// is `Send + Sync` (`Owner` bound); Rust never dereferences it (only Python
// consumers do, through the buffer protocol, under the GIL).
unsafe impl Send for Base {}
// SAFETY: as above.
unsafe impl Sync for Base {}

/// The Python object a [`RecordBuf`](crate::RecordBuf) or [`ImageBuf`](crate::ImageBuf) becomes when returned
/// to Python (`typed_layout.LayoutBuffer`): it owns the buffer and exports
/// its bytes through the buffer protocol, writable, with the element type's
/// PEP 3118 format, so `numpy.asarray(obj)` views them without a copy (and
/// keeps `obj` alive). In Python it also has `format`, `shape` and
/// `strides` attributes and a `repr` showing them.
///
/// ```no_run
/// use pyo3::prelude::*;
/// use typed_layout::python::LayoutBuffer;
/// use typed_layout::RecordBuf;
///
/// #[pyfunction]
/// fn zeros(py: Python<'_>, len: usize) -> PyResult<Bound<'_, LayoutBuffer>> {
///     RecordBuf::<f64>::zeroed(len)?.into_pyobject(py) // numpy.asarray(zeros(3)) == [0., 0., 0.]
/// }
/// ```
///
/// Invariants, cited as X1–X3:
///
/// 1. `base .. base + len` are the bytes of `owner`, taken from
///    `Owner::bytes_mut` once, after `owner` was boxed (so they stay where
///    they are however `self` moves: moving a `Box` does not move what it
///    holds, wherever the owner keeps its bytes); Rust never touches `owner`
///    again except to drop it with `self`, so those bytes stay allocated,
///    initialized and unaliased by Rust references while `self` lives.
/// 2. `shape`, `strides`, `itemsize` describe elements that all lie in
///    `base .. base + len`, element 0 at `base` (checked by `export`); all
///    values fit `Py_ssize_t`.
/// 3. `format`, `shape`, `strides` are never modified (the class is
///    `frozen`), so pointers to them handed to a consumer stay valid while
///    the consumer holds its reference to `self`.
#[pyclass(module = "typed_layout", name = "LayoutBuffer", frozen)]
pub struct LayoutBuffer {
    base: Base,
    len: usize,
    format: CString,
    itemsize: isize,
    shape: Box<[isize]>,
    strides: Box<[isize]>,
    c_contiguous: bool,
    f_contiguous: bool,
    // Last: dropped after everything that points into it.
    _owner: Box<dyn Any + Send + Sync>,
}

/// Whether elements are adjacent with the last axis fastest (`reversed
/// == false`, C order) or the first (Fortran order).
fn contiguous(shape: &[isize], strides: &[isize], itemsize: isize, fortran: bool) -> bool {
    if shape.contains(&0) {
        return true;
    }
    let mut expected = itemsize;
    let axes: Vec<(isize, isize)> = shape.iter().copied().zip(strides.iter().copied()).collect();
    let ordered: Vec<&(isize, isize)> = if fortran {
        axes.iter().collect()
    } else {
        axes.iter().rev().collect()
    };
    for &&(n, stride) in &ordered {
        if n != 1 && stride != expected {
            return false;
        }
        expected = expected.saturating_mul(n);
    }
    true
}

/// Moves `owner` into a new [`LayoutBuffer`] that exports its bytes as
/// `layout` describes, after checking that every element lies in them.
pub(crate) fn export<'py, O: Owner>(
    py: Python<'py>,
    owner: O,
    layout: ExportLayout,
) -> Result<Bound<'py, LayoutBuffer>, ExportError> {
    let span =
        element_span(&layout.shape, &layout.strides, layout.itemsize).map_err(ExportError::Span)?;
    // Boxed first, so the bytes do not move when the box does (X1).
    let mut owner = Box::new(owner);
    let bytes = owner.bytes_mut();
    let (base, len) = (bytes.as_mut_ptr(), bytes.len());
    if span.before != 0 || span.len > len {
        return Err(ExportError::OutOfBounds {
            before: span.before,
            needed: span.len,
            available: len,
        });
    }
    let to_ssize = |n: usize| isize::try_from(n).map_err(|_| ExportError::TooLarge);
    let shape = layout
        .shape
        .iter()
        .map(|&n| to_ssize(n))
        .collect::<Result<Box<[isize]>, _>>()?;
    let itemsize = to_ssize(layout.itemsize)?;
    // `len` in a Py_buffer is product(shape) * itemsize; it must fit too.
    shape
        .iter()
        .try_fold(itemsize, |acc, &n| acc.checked_mul(n))
        .ok_or(ExportError::TooLarge)?;
    let strides: Box<[isize]> = layout.strides.into();
    let object = LayoutBuffer {
        base: Base(base),
        len,
        c_contiguous: contiguous(&shape, &strides, itemsize, false),
        f_contiguous: contiguous(&shape, &strides, itemsize, true),
        format: layout.format,
        itemsize,
        shape,
        strides,
        _owner: owner,
    };
    Bound::new(py, object).map_err(ExportError::Python)
}

impl core::fmt::Display for ExportError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            ExportError::Span(SpanError::RankMismatch { shape, strides }) => {
                write!(f, "{shape} dimensions but {strides} strides")
            }
            ExportError::Span(SpanError::TooLarge) | ExportError::TooLarge => {
                f.write_str("its size exceeds isize::MAX")
            }
            ExportError::OutOfBounds {
                before,
                needed,
                available,
            } => write!(
                f,
                "the layout reaches {before} bytes before the storage and needs {needed} bytes; \
                 the storage has {available}"
            ),
            ExportError::Python(err) => write!(f, "{err}"),
        }
    }
}

fn refuse(what: &str) -> PyErr {
    PyBufferError::new_err(format!(
        "LayoutBuffer: {what}; request a strided buffer (numpy.asarray and memoryview do)"
    ))
}

impl LayoutBuffer {
    fn describe(&self) -> String {
        format!(
            "LayoutBuffer(format={:?}, itemsize={}, shape={:?}, strides={:?})",
            self.format.to_string_lossy(),
            self.itemsize,
            self.shape,
            self.strides
        )
    }
}

#[pymethods]
impl LayoutBuffer {
    /// Fills `view` for a consumer (NumPy, `memoryview`, ...).
    ///
    /// # Safety
    ///
    /// 1. `view` is null or valid for writing one `Py_buffer`.
    /// 2. Called with the GIL held, by the buffer protocol
    ///    (`PyObject_GetBuffer`), which releases the view with
    ///    `PyBuffer_Release` (dropping the reference stored in `obj`).
    unsafe fn __getbuffer__(
        slf: Bound<'_, Self>,
        view: *mut ffi::Py_buffer,
        flags: c_int,
    ) -> PyResult<()> {
        if view.is_null() {
            return Err(PyBufferError::new_err("LayoutBuffer: null Py_buffer"));
        }
        let this = slf.get();
        let wants = |flag: c_int| flags & flag == flag;
        // Without strides a consumer assumes C order (PEP 3118).
        if !wants(ffi::PyBUF_STRIDES) && !this.c_contiguous {
            return Err(refuse("the elements are not C-contiguous"));
        }
        if wants(ffi::PyBUF_C_CONTIGUOUS) && !this.c_contiguous {
            return Err(refuse("a C-contiguous buffer was requested"));
        }
        if wants(ffi::PyBUF_F_CONTIGUOUS) && !this.f_contiguous {
            return Err(refuse("a Fortran-contiguous buffer was requested"));
        }
        if wants(ffi::PyBUF_ANY_CONTIGUOUS) && !(this.c_contiguous || this.f_contiguous) {
            return Err(refuse("a contiguous buffer was requested"));
        }
        let count: isize = this.shape.iter().product();
        let ndim = if wants(ffi::PyBUF_ND) {
            c_int::try_from(this.shape.len()).map_err(|_| refuse("too many dimensions"))?
        } else {
            // PyBUF_SIMPLE: one run of bytes (C-contiguous, checked above).
            0
        };
        let field = |wanted: bool, ptr: *const isize| {
            if wanted {
                ptr.cast_mut()
            } else {
                core::ptr::null_mut()
            }
        };
        let shape = field(ndim > 0, this.shape.as_ptr());
        let strides = field(ndim > 0 && wants(ffi::PyBUF_STRIDES), this.strides.as_ptr());
        let format = if wants(ffi::PyBUF_FORMAT) {
            this.format.as_ptr().cast_mut()
        } else {
            core::ptr::null_mut()
        };
        debug_assert!(this.len >= 1 || count == 0);
        let mut filled = ffi::Py_buffer::new();
        filled.buf = this.base.0.cast();
        filled.obj = slf.clone().into_any().into_ptr();
        filled.len = count * this.itemsize;
        filled.itemsize = this.itemsize;
        filled.readonly = 0;
        filled.ndim = ndim;
        filled.format = format;
        filled.shape = shape;
        filled.strides = strides;
        // SAFETY: precondition 1: `view` is valid for one `Py_buffer` (null
        // was refused above). The values: X1: `base` stays valid for the
        // exported bytes while `self` lives, and `obj` keeps `self` alive
        // until the consumer's `PyBuffer_Release` (precondition 2); X2: every
        // element lies in those bytes and the numbers fit `Py_ssize_t`
        // (`count * itemsize` was checked in `export`); X3: `format`,
        // `shape`, `strides` point into `self`, unchanged while it lives.
        // `readonly = 0`: Rust holds no reference to the bytes (X1).
        unsafe { view.write(filled) };
        Ok(())
    }

    fn __repr__(&self) -> String {
        self.describe()
    }

    /// The PEP 3118 format of one element.
    #[getter]
    fn format(&self) -> String {
        self.format.to_string_lossy().into_owned()
    }

    /// Elements per axis.
    #[getter]
    fn shape(&self) -> Vec<isize> {
        self.shape.to_vec()
    }

    /// Bytes between neighbours along each axis.
    #[getter]
    fn strides(&self) -> Vec<isize> {
        self.strides.to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::contiguous;

    #[test]
    fn contiguity() {
        assert!(contiguous(&[3, 4], &[16, 4], 4, false));
        assert!(!contiguous(&[3, 4], &[32, 4], 4, false)); // padded rows
        assert!(contiguous(&[3, 4], &[4, 12], 4, true));
        assert!(contiguous(&[1, 4], &[999, 4], 4, false)); // length-1 axis
        assert!(contiguous(&[0, 4], &[1, 1], 4, false));
    }
}
