//! `RecordBuf` and `ImageBuf` returned to Python as buffer exporters.

use crate::dtype::HasDtype;
use crate::image_buf::ImageBuf;
use crate::layout::PixelLayout;
use crate::raw::python::{export, ExportError, ExportLayout, LayoutBuffer, Owner};
use crate::record_buf::RecordBuf;
use alloc::ffi::CString;
use alloc::format;
use alloc::vec;
use core::mem::size_of;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;

impl<T: PixelLayout + Send + Sync> Owner for RecordBuf<T> {
    fn bytes_mut(&mut self) -> &mut [u8] {
        self.as_bytes_mut()
    }
}

impl<P: PixelLayout + Send + Sync> Owner for ImageBuf<P> {
    fn bytes_mut(&mut self) -> &mut [u8] {
        self.as_bytes_mut()
    }
}

fn format_of<T: PixelLayout>() -> PyResult<CString> {
    let text = T::dtype().pep3118().map_err(|err| {
        PyTypeError::new_err(format!(
            "`{}` has no PEP 3118 format, so it cannot be exported to Python: {err}",
            T::LAYOUT.name
        ))
    })?;
    CString::new(text).map_err(|_| {
        PyTypeError::new_err(format!(
            "the PEP 3118 format of `{}` contains a NUL byte (a field name?)",
            T::LAYOUT.name
        ))
    })
}

fn export_error(what: &str, err: ExportError) -> PyErr {
    match err {
        ExportError::Python(err) => err,
        other => PyValueError::new_err(format!("cannot export {what}: {other}")),
    }
}

fn stride<T>() -> isize {
    // size_of of a type with a value is at most isize::MAX.
    size_of::<T>() as isize
}

/// A `RecordBuf<T>` becomes a `typed_layout.LayoutBuffer` that owns the
/// records and exports them through the buffer protocol: 1-D, `len`
/// elements of `T::dtype()`'s PEP 3118 format (field names, offsets, gaps
/// as padding), writable. `numpy.asarray(obj)` is then a structured array
/// over the same memory, which keeps `obj` (and so the records) alive.
///
/// ```no_run
/// use pyo3::prelude::*;
/// use typed_layout::{PixelLayout, RecordBuf};
///
/// #[derive(Clone, Copy, PixelLayout)]
/// #[repr(C, packed)]
/// struct Person { name: [u8; 32], age: i32, salary: f64 }
///
/// /// `numpy.asarray(people(3))` is a (3,) array of
/// /// `[('name', 'u1', (32,)), ('age', '<i4'), ('salary', '<f8')]`.
/// #[pyfunction]
/// fn people(len: usize) -> PyResult<RecordBuf<Person>> {
///     let mut records = RecordBuf::<Person>::zeroed(len)?;
///     records.records_mut().columns_mut().salary.fill(1000.0);
///     Ok(records)
/// }
/// ```
///
/// # Errors
///
/// `TypeError` when `T` has no PEP 3118 format (16-byte integers, `:` in
/// a field name); `ValueError` when the layout does not fit (never for
/// records the buffer made itself).
impl<'py, T: PixelLayout + Send + Sync> IntoPyObject<'py> for RecordBuf<T> {
    type Target = LayoutBuffer;
    type Output = Bound<'py, LayoutBuffer>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, LayoutBuffer>> {
        let layout = ExportLayout {
            format: format_of::<T>()?,
            itemsize: size_of::<T>(),
            shape: vec![self.len()],
            strides: vec![stride::<T>()],
        };
        export(py, self, layout).map_err(|err| export_error("records", err))
    }
}

/// An `ImageBuf<P>` becomes a `typed_layout.LayoutBuffer` that owns the
/// pixels and exports them: 2-D `(height, width)` of `P::dtype()`'s PEP
/// 3118 format, strides `(row_pitch, size_of::<P>())`, writable.
/// `numpy.asarray(obj)` is a `(h, w)` structured array over the same
/// memory for a pixel struct, and a `(h, w, N)` array of scalars for a
/// pixel array type `[u8; N]` (NumPy expands sub-array formats into axes):
/// the usual OpenCV image.
///
/// ```no_run
/// use pyo3::prelude::*;
/// use typed_layout::ImageBuf;
///
/// /// `numpy.asarray(gray_ramp(4, 2))` is a (2, 4, 3) uint8 array.
/// #[pyfunction]
/// fn gray_ramp(width: usize, height: usize) -> PyResult<ImageBuf<[u8; 3]>> {
///     let mut image = ImageBuf::<[u8; 3]>::new(width, height)?; // ViewError -> ValueError
///     let mut view = image.as_view_mut();
///     for y in 0..height {
///         for x in 0..width {
///             view.set(x, y, [x as u8; 3])?;
///         }
///     }
///     Ok(image)
/// }
/// ```
///
/// # Errors
///
/// As for `RecordBuf`.
impl<'py, P: PixelLayout + Send + Sync> IntoPyObject<'py> for ImageBuf<P> {
    type Target = LayoutBuffer;
    type Output = Bound<'py, LayoutBuffer>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, LayoutBuffer>> {
        let pitch = isize::try_from(self.row_pitch())
            .map_err(|_| PyValueError::new_err("row pitch exceeds isize::MAX"))?;
        let layout = ExportLayout {
            format: format_of::<P>()?,
            itemsize: size_of::<P>(),
            shape: vec![self.height(), self.width()],
            strides: vec![pitch, stride::<P>()],
        };
        export(py, self, layout).map_err(|err| export_error("image", err))
    }
}
