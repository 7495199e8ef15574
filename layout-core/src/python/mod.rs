//! Python buffers as checked views, and owned buffers back to Python
//! (feature `pyo3`), for PyO3 extension modules.
//!
//! Take any object with the buffer protocol — NumPy arrays (structured,
//! sliced, reversed, big-endian), `bytearray`, `memoryview`, `array.array`,
//! pygame surfaces, Pillow images — as [`PyRecords`]/[`PyRecordsMut`], [`PyColumn`]/
//! [`PyColumnMut`] or [`PyImage`]/[`PyImageMut`]: function arguments of
//! those types are checked when PyO3 extracts them, and each hands out the
//! ordinary view ([`Records`](crate::Records), [`Column`](crate::Column),
//! [`ImageView`](crate::ImageView), ...) borrowed from it. Return a
//! [`RecordBuf`](crate::RecordBuf) or [`ImageBuf`](crate::ImageBuf) and
//! Python gets an object exporting the buffer protocol with the type's PEP
//! 3118 format: `numpy.asarray(obj)` views it without a copy.
//!
//! ```no_run
//! use pyo3::prelude::*;
//! use typed_layout::python::{PyRecords, PyRecordsMut};
//! use typed_layout::PixelLayout;
//!
//! #[derive(Clone, Copy, PixelLayout)]
//! #[repr(C, packed)] // numpy.dtype([('name', 'S32'), ('age', '<i4'), ('salary', '<f8')])
//! struct Person { name: [u8; 32], age: i32, salary: f64 }
//!
//! #[pyfunction]
//! fn mean_salary(people: PyRecords<'_, Person>) -> f64 {
//!     let people = people.records();
//!     people.columns().salary.sum() / people.len() as f64
//! }
//!
//! #[pyfunction]
//! fn give_raise(mut people: PyRecordsMut<'_, Person>, factor: f64) {
//!     people.records_mut().columns_mut().salary.update(|s| s * factor);
//! }
//!
//! #[pymodule]
//! fn payroll(m: &Bound<'_, PyModule>) -> PyResult<()> {
//!     m.add_function(wrap_pyfunction!(mean_salary, m)?)?;
//!     m.add_function(wrap_pyfunction!(give_raise, m)?)
//! }
//! ```
//!
//! | Python object | taken as |
//! |---|---|
//! | structured array `(n,)`, any stride (`a[::3]`, `a[::-1]`); C-ordered n-D arrays, flattened; 0-d arrays | `PyRecords<T>` / `PyRecordsMut<T>` when its format matches `T::dtype()` field by field |
//! | one-field view `a['salary']` (format `d`, stride 44), `array.array('d')`, any 1-D scalar buffer | `PyColumn<F>` / `PyColumnMut<F>` |
//! | `(h, w)` array of pixel records; `(h, w, C)` array of scalars (an OpenCV image) | `PyImage<P>` / `PyImageMut<P>` |
//! | pygame `Surface` (masks checked against `P`'s channel names) | `PyImage<P>` / `PyImageMut<P>`, `(x, y)` as the surface's, padded pitch fine |
//! | Pillow `Image` in one block (mode checked against `P`: `RGB` is `Rgbx8`) | `PyImage<P>`, read-only, through `__arrow_c_array__` ([`PyImage::from_pillow`]) |
//! | `bytearray`, `memoryview`, `bytes` (read-only), `array.array` | records or columns of their element (`u8`, `f64`, ...); `memoryview(b).cast('B', (h, w, 4))` as an image |
//!
//! # Errors
//!
//! Extraction raises `TypeError` when the format does not describe the
//! element type (the message is [`Dtype::check`](crate::Dtype::check)'s,
//! naming the first field that differs), `BufferError` for a read-only
//! buffer asked to be mutable, and `ValueError` for shapes, strides or
//! alignment a view cannot hold, with the numbers.
//! [`ViewError`](crate::ViewError) converts into `ValueError` and
//! [`DtypeError`](crate::DtypeError) into `TypeError`, so `?` works in
//! functions returning `PyResult`.
//!
//! # Aliasing and the GIL
//!
//! Two arguments can be the same memory (`f(a, a[::2])`, a surface passed
//! twice). Every view registers the bytes it lends in a process-wide
//! registry for as long as it lives: read-only views may overlap each
//! other, a mutable view may overlap nothing, else `ValueError`. The views
//! hold the buffer (`PyBuffer_Release` on drop) and are `!Send`, so they
//! cannot cross [`Python::detach`](pyo3::Python::detach). What the library
//! cannot check, and assumes (SAFETY.md, §Python): while a view lives and
//! the GIL is held, no other code writes its bytes — do not call back into
//! Python code that writes the same array while holding a view, and do not
//! move a borrowed [`Records`](crate::Records) (which is `Send`) into
//! `detach` while other threads may write the array. Free-threaded Python
//! with the GIL disabled is refused at run time (`RuntimeError`).

/// `FromPyObject` for view types taken by their `new(obj)`, so a
/// `#[pyfunction]` can take them as arguments; `$param` is the element
/// type's parameter.
macro_rules! extract_with_new {
    ($param:ident: $($name:ident),*) => {$(
        impl<'a, 'py, $param: crate::layout::PixelLayout> pyo3::FromPyObject<'a, 'py>
            for $name<'py, $param>
        {
            type Error = pyo3::PyErr;

            fn extract(obj: pyo3::Borrowed<'a, 'py, pyo3::PyAny>) -> pyo3::PyResult<Self> {
                Self::new(&obj)
            }
        }
    )*};
}

mod channels;
mod error;
mod export;
mod format;
mod image;
mod pillow;
mod pygame;
mod records;
mod take;

pub use crate::raw::python::LayoutBuffer;
pub use image::{PyImage, PyImageMut};
pub use records::{PyColumn, PyColumnMut, PyRecords, PyRecordsMut};
