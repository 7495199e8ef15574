//! Why a Python object could not be viewed, as a Python exception with the
//! numbers: `TypeError` for what the elements are (format, dtype, no
//! buffer), `BufferError` for what the exporter allows (read-only,
//! indirect), `ValueError` for where the bytes are (shape, strides,
//! alignment, overlap with another view).

use super::take::Buffer;
use crate::dtype::DtypeError;
use crate::error::ViewError;
use crate::raw::python::{Conflict, SpanError, TakeError};
use alloc::format;
use alloc::string::{String, ToString};
use core::fmt;
use pyo3::exceptions::{PyBufferError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyType;

/// What was asked for: `RecordsMut<Person>`, `ImageView<Bgra8>`.
#[derive(Clone, Copy)]
pub(crate) struct Target {
    pub(crate) view: &'static str,
    pub(crate) element: &'static str,
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}<{}>", self.view, self.element)
    }
}

/// `numpy.ndarray`, `bytearray`, ...
pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .fully_qualified_name()
        .map(|name| name.to_string())
        .unwrap_or_else(|_| String::from("object"))
}

/// The prefix every message starts with.
pub(crate) fn context(obj: &Bound<'_, PyAny>, target: Target) -> String {
    format!("cannot view {} as {target}", type_name(obj))
}

/// A buffer's geometry in a message.
pub(crate) fn geometry(shape: &[usize], strides: &[isize], itemsize: usize) -> String {
    format!("shape {shape:?}, strides {strides:?}, itemsize {itemsize}")
}

pub(crate) fn take_error(err: TakeError, obj: &Bound<'_, PyAny>, target: Target) -> PyErr {
    let context = context(obj, target);
    match err {
        TakeError::Python(err) if err.is_instance_of::<PyTypeError>(obj.py()) => {
            PyTypeError::new_err(format!(
                "{context}: {err}; pass an object with the buffer protocol (a NumPy array, \
                 bytearray, memoryview, array.array){}",
                if target.view.starts_with("Image") {
                    ", a pygame Surface or a Pillow Image"
                } else {
                    ""
                }
            ))
        }
        TakeError::Python(err) if err.is_instance_of::<PyBufferError>(obj.py()) => {
            PyBufferError::new_err(format!("{context}: {}", err.value(obj.py())))
        }
        TakeError::Python(err) => err,
        TakeError::ReadOnly => PyBufferError::new_err(format!(
            "{context}: the buffer is read-only (bytes, or a NumPy array whose \
             flags.writeable is False); a mutable view needs a writable buffer: pass a writable \
             array, e.g. a.copy()"
        )),
        TakeError::Indirect => PyBufferError::new_err(format!(
            "{context}: the buffer needs pointer dereferencing (PEP 3118 suboffsets), which \
             views do not follow; copy it into a NumPy array first"
        )),
        TakeError::Span(SpanError::RankMismatch { shape, strides }) => PyBufferError::new_err(
            format!("{context}: the exporter gave {shape} dimensions but {strides} strides"),
        ),
        TakeError::Span(SpanError::TooLarge) => PyValueError::new_err(format!(
            "{context}: the bytes its shape and strides reach exceed isize::MAX"
        )),
        TakeError::BadPointer => PyBufferError::new_err(format!(
            "{context}: the exporter gave a null data pointer, or one whose elements would \
             wrap around the address space"
        )),
        TakeError::Conflict(conflict) => conflict_error(&context, conflict),
        TakeError::GilDisabled => PyRuntimeError::new_err(format!(
            "{context}: this interpreter runs without the GIL; typed-layout views of Python \
             buffers rely on it (no other thread may write a buffer while a view reads it); \
             run with the GIL enabled (PYTHON_GIL=1)"
        )),
    }
}

fn conflict_error(context: &str, c: Conflict) -> PyErr {
    let mode = |exclusive: bool| {
        if exclusive {
            "a mutable"
        } else {
            "a read-only"
        }
    };
    PyValueError::new_err(format!(
        "{context}: its bytes {:#x}..{:#x} ({} bytes) overlap bytes {:#x}..{:#x} already lent \
         to {} view, and a mutable view must be the only view of its bytes; pass arrays that \
         do not share memory (e.g. b = a.copy()), or take both read-only",
        c.wanted.0,
        c.wanted.1,
        c.wanted.1 - c.wanted.0,
        c.held.0,
        c.held.1,
        mode(c.held_exclusive),
    ))
}

/// The view constructor refused the geometry: `ValueError` with both the
/// buffer's numbers and the constructor's.
pub(crate) fn view_error(context: &str, geometry: &str, err: ViewError) -> PyErr {
    PyValueError::new_err(format!("{context} ({geometry}): {err}"))
}

/// [`view_error`] with `buffer`'s geometry, written only when it fails.
pub(crate) fn buffer_view_error<'py, B: Buffer<'py>>(
    obj: &Bound<'py, PyAny>,
    target: Target,
    buffer: &B,
    err: ViewError,
) -> PyErr {
    view_error(
        &context(obj, target),
        &geometry(buffer.shape(), buffer.strides(), buffer.itemsize()),
        err,
    )
}

/// A `ValueError` about the shape or strides.
pub(crate) fn shape_error(context: &str, geometry: &str, why: &str) -> PyErr {
    PyValueError::new_err(format!("{context} ({geometry}): {why}"))
}

/// The format does not describe the element type: `TypeError`.
pub(crate) fn format_error(context: &str, why: &str) -> PyErr {
    PyTypeError::new_err(format!("{context}: {why}"))
}

/// Whether `obj` is an instance of the class `module.name`, if that module
/// is already imported (an object of that class cannot exist otherwise).
pub(crate) fn is_instance_of_class(obj: &Bound<'_, PyAny>, module: &str, name: &str) -> bool {
    let py = obj.py();
    let class = py
        .import("sys")
        .and_then(|sys| sys.getattr("modules"))
        .and_then(|modules| modules.get_item(module))
        .and_then(|module| module.getattr(name));
    match class.map(|class| class.cast_into::<PyType>()) {
        Ok(Ok(class)) => obj.is_instance(&class).unwrap_or(false),
        _ => false,
    }
}

/// A [`ViewError`] as a Python `ValueError` with the same message, so `?`
/// works in a `#[pyfunction]` returning `PyResult`.
impl From<ViewError> for PyErr {
    fn from(err: ViewError) -> PyErr {
        PyValueError::new_err(err.to_string())
    }
}

/// A [`DtypeError`] as a Python `TypeError` with the same message.
impl From<DtypeError> for PyErr {
    fn from(err: DtypeError) -> PyErr {
        PyTypeError::new_err(err.to_string())
    }
}
