//! Taking a buffer together with its PEP 3118 format, cheaply for NumPy.
//!
//! NumPy builds the format string of a structured dtype on every export
//! (about 1.5 µs for a three-field record; the same export without
//! `PyBUF_FORMAT` costs about 50 ns, measured with NumPy 2.4.6). The
//! string depends only on the dtype (its spelling may vary with the data's
//! alignment, `d` or `=d`, but it always reads back as the same dtype), so
//! it is kept per dtype object: an array whose dtype was seen before is
//! exported without the format. A dtype object is mutable in one way,
//! `dtype.names = ...`, which replaces its `names` tuple, so the tuple's
//! identity is part of the key. The cache holds references to both, so
//! neither address can be reused by another object while cached.

use crate::raw::python::{ExclusiveBuffer, SharedBuffer, TakeError};
use alloc::sync::Arc;
use alloc::vec::Vec;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;
use std::sync::{Mutex, PoisonError};

/// Dtypes remembered before the cache starts over.
const CAPACITY: usize = 64;

struct Seen {
    dtype: Py<PyAny>,
    names: Py<PyAny>,
    format: Arc<[u8]>,
}

static FORMATS: Mutex<Vec<Seen>> = Mutex::new(Vec::new());

/// `numpy.ndarray`, once NumPy is imported (no array exists before).
fn ndarray_type(py: Python<'_>) -> Option<&Bound<'_, PyType>> {
    static NDARRAY: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    if let Some(class) = NDARRAY.get(py) {
        return Some(class.bind(py));
    }
    let modules = py.import("sys").ok()?.getattr("modules").ok()?;
    let numpy = modules.get_item("numpy").ok()?;
    let class = numpy.getattr("ndarray").ok()?.cast_into::<PyType>().ok()?;
    let _ = NDARRAY.set(py, class.unbind());
    NDARRAY.get(py).map(|class| class.bind(py))
}

/// The dtype and its `names` of a NumPy array (or subclass); `None` for
/// any other object.
fn numpy_dtype<'py>(obj: &Bound<'py, PyAny>) -> Option<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
    let py = obj.py();
    let ndarray = ndarray_type(py)?;
    if !obj.is_instance(ndarray).unwrap_or(false) {
        return None;
    }
    let dtype = obj.getattr(intern!(py, "dtype")).ok()?;
    let names = dtype.getattr(intern!(py, "names")).ok()?;
    Some((dtype, names))
}

fn cached(dtype: &Bound<'_, PyAny>, names: &Bound<'_, PyAny>) -> Option<Arc<[u8]>> {
    let formats = FORMATS.lock().unwrap_or_else(PoisonError::into_inner);
    formats
        .iter()
        .find(|seen| seen.dtype.as_ptr() == dtype.as_ptr() && seen.names.as_ptr() == names.as_ptr())
        .map(|seen| Arc::clone(&seen.format))
}

fn remember(dtype: Bound<'_, PyAny>, names: Bound<'_, PyAny>, format: &[u8]) -> Arc<[u8]> {
    let format: Arc<[u8]> = Arc::from(format);
    let forgotten = {
        let mut formats = FORMATS.lock().unwrap_or_else(PoisonError::into_inner);
        let forgotten = if formats.len() >= CAPACITY {
            core::mem::take(&mut *formats)
        } else {
            Vec::new()
        };
        formats.push(Seen {
            dtype: dtype.unbind(),
            names: names.unbind(),
            format: Arc::clone(&format),
        });
        forgotten
    };
    // Released after unlocking (a decref may run Python code); the GIL is
    // held.
    drop(forgotten);
    format
}

/// A held buffer and the PEP 3118 format of its elements.
pub(crate) struct Taken<B> {
    pub(crate) buffer: B,
    pub(crate) format: Arc<[u8]>,
}

/// Both kinds of held buffer, for [`take`] and for the constructors that
/// read a buffer's geometry the same way for shared and mutable views.
pub(crate) trait Buffer<'py>: Sized {
    fn take(obj: &Bound<'py, PyAny>, with_format: bool) -> Result<Self, TakeError>;
    fn format_bytes(&self) -> Option<&[u8]>;
    fn shape(&self) -> &[usize];
    fn strides(&self) -> &[isize];
    fn itemsize(&self) -> usize;
    fn start(&self) -> usize;
}

macro_rules! buffer {
    ($($name:ident),*) => {$(
        impl<'py> Buffer<'py> for $name<'py> {
            fn take(obj: &Bound<'py, PyAny>, with_format: bool) -> Result<Self, TakeError> {
                $name::take(obj, with_format)
            }
            fn format_bytes(&self) -> Option<&[u8]> {
                self.format().map(|f| f.to_bytes())
            }
            fn shape(&self) -> &[usize] {
                $name::shape(self)
            }
            fn strides(&self) -> &[isize] {
                $name::strides(self)
            }
            fn itemsize(&self) -> usize {
                $name::itemsize(self)
            }
            fn start(&self) -> usize {
                $name::start(self)
            }
        }
    )*};
}
buffer!(SharedBuffer, ExclusiveBuffer);

/// Takes `obj`'s buffer with its format: from the cache for a NumPy array
/// whose dtype was seen before (the buffer is then exported without one),
/// else from the export.
pub(crate) fn take<'py, B: Buffer<'py>>(obj: &Bound<'py, PyAny>) -> Result<Taken<B>, TakeError> {
    let numpy = numpy_dtype(obj);
    if let Some((dtype, names)) = &numpy {
        if let Some(format) = cached(dtype, names) {
            let buffer = B::take(obj, false)?;
            return Ok(Taken { buffer, format });
        }
    }
    let buffer = B::take(obj, true)?;
    let text = buffer.format_bytes().unwrap_or(b"B");
    let format = match numpy {
        Some((dtype, names)) => remember(dtype, names, text),
        None => Arc::from(text),
    };
    Ok(Taken { buffer, format })
}
