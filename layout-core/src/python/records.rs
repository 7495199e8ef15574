//! Records and columns of Python buffers.

use super::error::{self, Target};
use super::format::{self, Expect};
use super::take::{self, Buffer, Taken};
use crate::column::{Column, ColumnMut};
use crate::layout::PixelLayout;
use crate::raw::python::{ExclusiveBuffer, SharedBuffer};
use crate::records::{Records, RecordsMut};
use core::fmt;
use core::marker::PhantomData;
use pyo3::prelude::*;

/// Where the elements of a buffer are as one strided run: `len` elements,
/// `stride` bytes apart. A 0-d buffer is one element; an n-D buffer is
/// flattened in C order when its axes are evenly nested (each stride is the
/// next axis's stride times its length; axes of length 1 do not count),
/// which C-ordered arrays and their slices along the first axis are.
pub(crate) fn flatten(
    shape: &[usize],
    strides: &[isize],
    itemsize: usize,
) -> Result<(usize, isize), &'static str> {
    let mut axes = shape
        .iter()
        .zip(strides)
        .filter(|&(&n, _)| n != 1)
        .map(|(&n, &s)| (n, s));
    if shape.contains(&0) {
        return Ok((0, isize::try_from(itemsize).unwrap_or(isize::MAX)));
    }
    let Some((mut len, mut stride)) = axes.next() else {
        return Ok((1, isize::try_from(itemsize).unwrap_or(isize::MAX)));
    };
    for (n, s) in axes {
        // The previous axis must step exactly over this one.
        let nested = isize::try_from(n).ok().and_then(|n| s.checked_mul(n)) == Some(stride);
        if !nested {
            return Err(
                "its axes are not nested in C order, so its elements are not one strided run \
                 (a Fortran-ordered or transposed array); pass a 1-D array, or \
                 numpy.ascontiguousarray(a)",
            );
        }
        len = len.checked_mul(n).ok_or("its element count overflows")?;
        stride = s;
    }
    Ok((len, stride))
}

/// Takes `obj`'s buffer as one strided run of `T`: the format checked,
/// the axes flattened; the error is the Python exception.
fn take_run<'py, B: Buffer<'py>, T: PixelLayout>(
    obj: &Bound<'py, PyAny>,
    target: Target,
) -> PyResult<(B, usize, isize)> {
    let Taken { buffer, format } =
        take::take::<B>(obj).map_err(|err| error::take_error(err, obj, target))?;
    let (shape, strides, itemsize) = (buffer.shape(), buffer.strides(), buffer.itemsize());
    format::check::<T>(&format, itemsize, Expect::Element)
        .map_err(|why| error::format_error(&error::context(obj, target), &why))?;
    let (len, stride) = flatten(shape, strides, itemsize).map_err(|why| {
        error::shape_error(
            &error::context(obj, target),
            &error::geometry(shape, strides, itemsize),
            why,
        )
    })?;
    Ok((buffer, len, stride))
}

macro_rules! view_docs {
    () => {
        "\n\nThe buffer's PEP 3118 format must describe the element type field \
         by field ([`Dtype::check`](crate::Dtype::check) against \
         `T::dtype()`), with its itemsize. A 1-D buffer may have any stride \
         (`a[::3]`, `a[::-1]`); an n-D buffer is flattened in C order when its \
         axes nest (a Fortran-ordered array of rank > 1 does not).\n\n\
         The buffer stays exported while `self` lives (`PyBuffer_Release` on \
         drop): NumPy refuses to resize the array, pygame keeps the surface \
         locked. `self` is `!Send`, so it cannot cross `Python::detach`.\n\n\
         # Errors\n\n\
         - `TypeError`: no buffer protocol, or the format does not describe \
           the element type (the message names the first field that differs);\n\
         - `ValueError`: axes that do not flatten, a view the buffer cannot \
           hold (`Misaligned` for records, with the numbers), or bytes that \
           overlap another view when either is mutable;\n\
         - `BufferError`: a read-only buffer for a mutable view, or an \
           indirect (suboffsets) buffer;\n\
         - `RuntimeError`: free-threaded Python with the GIL disabled."
    };
}

/// Read-only records of a Python buffer: a NumPy structured array (also
/// sliced, reversed, big-endian when `T` uses `Be` fields), a `bytearray`,
/// a `memoryview`, an `array.array`.
#[doc = view_docs!()]
///
/// ```no_run
/// use pyo3::prelude::*;
/// use typed_layout::python::PyRecords;
/// use typed_layout::PixelLayout;
///
/// #[derive(Clone, Copy, PixelLayout)]
/// #[repr(C, packed)] // numpy.dtype([('name', 'S32'), ('age', '<i4'), ('salary', '<f8')])
/// struct Person { name: [u8; 32], age: i32, salary: f64 }
///
/// #[pyfunction]
/// fn mean_salary(people: PyRecords<'_, Person>) -> f64 {
///     let people = people.records();
///     people.columns().salary.sum() / people.len() as f64
/// }
/// ```
pub struct PyRecords<'py, T: PixelLayout> {
    buffer: SharedBuffer<'py>,
    len: usize,
    stride: isize,
    records: PhantomData<T>,
}

impl<'py, T: PixelLayout> PyRecords<'py, T> {
    const TARGET: Target = Target {
        view: "Records",
        element: T::LAYOUT.name,
    };

    /// Takes `obj`'s buffer as records of `T`. See the type's docs for the
    /// checks.
    ///
    /// # Errors
    ///
    /// The Python exceptions listed on [`PyRecords`]: `TypeError`, `ValueError`,
    /// `BufferError` or `RuntimeError`, each with a message naming what
    /// does not fit.
    pub fn new(obj: &Bound<'py, PyAny>) -> PyResult<Self> {
        let (buffer, len, stride) = take_run::<SharedBuffer<'py>, T>(obj, Self::TARGET)?;
        // Validate once here; `records()` repeats the same O(1) checks.
        Records::<T>::from_bytes_strided(buffer.bytes(), buffer.start(), len, stride)
            .map_err(|err| error::buffer_view_error(obj, Self::TARGET, &buffer, err))?;
        Ok(PyRecords {
            buffer,
            len,
            stride,
            records: PhantomData,
        })
    }

    /// The records, borrowed from `self`.
    #[allow(
        clippy::missing_panics_doc,
        reason = "the checks of `new` passed on the same buffer"
    )]
    pub fn records(&self) -> Records<'_, T> {
        Records::from_bytes_strided(
            self.buffer.bytes(),
            self.buffer.start(),
            self.len,
            self.stride,
        )
        .expect("the same checks passed in PyRecords::new")
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no records.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Mutable records of a writable Python buffer (see [`PyRecords`]); the
/// buffer's bytes may not be reached by any other view while this lives.
#[doc = view_docs!()]
///
/// ```no_run
/// use pyo3::prelude::*;
/// use typed_layout::python::PyRecordsMut;
/// use typed_layout::PixelLayout;
///
/// #[derive(Clone, Copy, PixelLayout)]
/// #[repr(C, packed)]
/// struct Person { name: [u8; 32], age: i32, salary: f64 }
///
/// #[pyfunction]
/// fn give_raise(mut people: PyRecordsMut<'_, Person>, factor: f64) {
///     let mut people = people.records_mut();
///     people.columns_mut().salary.update(|s| s * factor);
/// }
/// ```
pub struct PyRecordsMut<'py, T: PixelLayout> {
    buffer: ExclusiveBuffer<'py>,
    len: usize,
    stride: isize,
    records: PhantomData<T>,
}

impl<'py, T: PixelLayout> PyRecordsMut<'py, T> {
    const TARGET: Target = Target {
        view: "RecordsMut",
        element: T::LAYOUT.name,
    };

    /// Takes `obj`'s buffer as mutable records of `T`. See the type's docs
    /// for the checks.
    ///
    /// # Errors
    ///
    /// The Python exceptions listed on [`PyRecordsMut`]: `TypeError`, `ValueError`,
    /// `BufferError` or `RuntimeError`, each with a message naming what
    /// does not fit.
    pub fn new(obj: &Bound<'py, PyAny>) -> PyResult<Self> {
        let (mut buffer, len, stride) = take_run::<ExclusiveBuffer<'py>, T>(obj, Self::TARGET)?;
        let start = buffer.start();
        let checked =
            RecordsMut::<T>::from_bytes_strided_mut(buffer.bytes_mut(), start, len, stride)
                .map(drop);
        checked.map_err(|err| error::buffer_view_error(obj, Self::TARGET, &buffer, err))?;
        Ok(PyRecordsMut {
            buffer,
            len,
            stride,
            records: PhantomData,
        })
    }

    /// The records, read-only.
    #[allow(
        clippy::missing_panics_doc,
        reason = "the checks of `new` passed on the same buffer"
    )]
    pub fn records(&self) -> Records<'_, T> {
        Records::from_bytes_strided(
            self.buffer.bytes(),
            self.buffer.start(),
            self.len,
            self.stride,
        )
        .expect("the same checks passed in PyRecordsMut::new")
    }

    /// The records, for writing.
    #[allow(
        clippy::missing_panics_doc,
        reason = "the checks of `new` passed on the same buffer"
    )]
    pub fn records_mut(&mut self) -> RecordsMut<'_, T> {
        let start = self.buffer.start();
        RecordsMut::from_bytes_strided_mut(self.buffer.bytes_mut(), start, self.len, self.stride)
            .expect("the same checks passed in PyRecordsMut::new")
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no records.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Read-only values of a one-field buffer, such as NumPy's `a['salary']`
/// (format `d`, stride 44 in packed records): read by value, so unaligned
/// fields are fine.
#[doc = view_docs!()]
///
/// ```no_run
/// use pyo3::prelude::*;
/// use typed_layout::python::PyColumn;
///
/// #[pyfunction]
/// fn total(values: PyColumn<'_, f64>) -> f64 {
///     values.column().sum()
/// }
/// ```
pub struct PyColumn<'py, F: PixelLayout> {
    buffer: SharedBuffer<'py>,
    len: usize,
    stride: isize,
    values: PhantomData<F>,
}

impl<'py, F: PixelLayout> PyColumn<'py, F> {
    const TARGET: Target = Target {
        view: "Column",
        element: F::LAYOUT.name,
    };

    /// Takes `obj`'s buffer as a column of `F`. See the type's docs for the
    /// checks.
    ///
    /// # Errors
    ///
    /// The Python exceptions listed on [`PyColumn`]: `TypeError`, `ValueError`,
    /// `BufferError` or `RuntimeError`, each with a message naming what
    /// does not fit.
    pub fn new(obj: &Bound<'py, PyAny>) -> PyResult<Self> {
        let (buffer, len, stride) = take_run::<SharedBuffer<'py>, F>(obj, Self::TARGET)?;
        Column::<F>::from_bytes(buffer.bytes(), buffer.start(), len, stride)
            .map_err(|err| error::buffer_view_error(obj, Self::TARGET, &buffer, err))?;
        Ok(PyColumn {
            buffer,
            len,
            stride,
            values: PhantomData,
        })
    }

    /// The values, borrowed from `self`.
    #[allow(
        clippy::missing_panics_doc,
        reason = "the checks of `new` passed on the same buffer"
    )]
    pub fn column(&self) -> Column<'_, F> {
        Column::from_bytes(
            self.buffer.bytes(),
            self.buffer.start(),
            self.len,
            self.stride,
        )
        .expect("the same checks passed in PyColumn::new")
    }

    /// Number of values.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no values.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Mutable values of a writable one-field buffer (see [`PyColumn`]).
#[doc = view_docs!()]
///
/// ```no_run
/// use pyo3::prelude::*;
/// use typed_layout::python::PyColumnMut;
///
/// #[pyfunction]
/// fn scale(mut values: PyColumnMut<'_, f64>, factor: f64) {
///     values.column_mut().update(|v| v * factor);
/// }
/// ```
pub struct PyColumnMut<'py, F: PixelLayout> {
    buffer: ExclusiveBuffer<'py>,
    len: usize,
    stride: isize,
    values: PhantomData<F>,
}

impl<'py, F: PixelLayout> PyColumnMut<'py, F> {
    const TARGET: Target = Target {
        view: "ColumnMut",
        element: F::LAYOUT.name,
    };

    /// Takes `obj`'s buffer as a mutable column of `F`. See the type's
    /// docs for the checks.
    ///
    /// # Errors
    ///
    /// The Python exceptions listed on [`PyColumnMut`]: `TypeError`, `ValueError`,
    /// `BufferError` or `RuntimeError`, each with a message naming what
    /// does not fit.
    pub fn new(obj: &Bound<'py, PyAny>) -> PyResult<Self> {
        let (mut buffer, len, stride) = take_run::<ExclusiveBuffer<'py>, F>(obj, Self::TARGET)?;
        let start = buffer.start();
        let checked =
            ColumnMut::<F>::from_bytes_mut(buffer.bytes_mut(), start, len, stride).map(drop);
        checked.map_err(|err| error::buffer_view_error(obj, Self::TARGET, &buffer, err))?;
        Ok(PyColumnMut {
            buffer,
            len,
            stride,
            values: PhantomData,
        })
    }

    /// The values, read-only.
    #[allow(
        clippy::missing_panics_doc,
        reason = "the checks of `new` passed on the same buffer"
    )]
    pub fn column(&self) -> Column<'_, F> {
        Column::from_bytes(
            self.buffer.bytes(),
            self.buffer.start(),
            self.len,
            self.stride,
        )
        .expect("the same checks passed in PyColumnMut::new")
    }

    /// The values, for writing.
    #[allow(
        clippy::missing_panics_doc,
        reason = "the checks of `new` passed on the same buffer"
    )]
    pub fn column_mut(&mut self) -> ColumnMut<'_, F> {
        let start = self.buffer.start();
        ColumnMut::from_bytes_mut(self.buffer.bytes_mut(), start, self.len, self.stride)
            .expect("the same checks passed in PyColumnMut::new")
    }

    /// Number of values.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no values.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

extract_with_new!(T: PyRecords, PyRecordsMut, PyColumn, PyColumnMut);

macro_rules! debug {
    ($($name:ident),*) => {$(
        impl<T: PixelLayout> fmt::Debug for $name<'_, T> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($name))
                    .field("element", &T::LAYOUT.name)
                    .field("len", &self.len)
                    .field("stride", &self.stride)
                    .finish_non_exhaustive()
            }
        }
    )*};
}
debug!(PyRecords, PyRecordsMut, PyColumn, PyColumnMut);

#[cfg(test)]
mod tests {
    use super::flatten;

    #[test]
    fn flattening() {
        assert_eq!(flatten(&[], &[], 44), Ok((1, 44)));
        assert_eq!(flatten(&[5], &[-132], 44), Ok((5, -132)));
        assert_eq!(flatten(&[2, 3], &[132, 44], 44), Ok((6, 44)));
        assert_eq!(flatten(&[2, 1, 3], &[132, 7, 44], 44), Ok((6, 44)));
        // a[::2] of a (4, 3) array: rows 264 apart, 3 records each, not one run.
        assert!(flatten(&[2, 3], &[264, 44], 44).is_err());
        // Fortran order.
        assert!(flatten(&[3, 2], &[44, 132], 44).is_err());
        assert_eq!(flatten(&[0, 3], &[44, 132], 44), Ok((0, 44)));
        assert_eq!(flatten(&[1, 1], &[0, 0], 8), Ok((1, 8)));
    }
}
