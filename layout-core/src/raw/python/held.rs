//! A Python buffer held for the life of a view, and the byte slice over it.

use super::registry::{self, Conflict, Registration};
use super::span::{element_span, Span, SpanError};
use alloc::boxed::Box;
use core::ffi::CStr;
use core::marker::PhantomData;
use core::mem::MaybeUninit;
use core::sync::atomic::{AtomicBool, Ordering};
use pyo3::ffi;
use pyo3::prelude::*;

/// Why a buffer could not be held.
#[derive(Debug)]
pub(crate) enum TakeError {
    /// The object has no buffer (`PyObject_GetBuffer` raised), or Python
    /// raised while checking the GIL.
    Python(PyErr),
    /// A mutable view was asked of a read-only buffer.
    ReadOnly,
    /// The buffer needs pointer dereferencing (PIL-style `suboffsets`).
    Indirect,
    /// Shape and strides describe no span that fits the address space.
    Span(SpanError),
    /// A non-empty buffer with a null data pointer, shape or strides, or a
    /// span that would wrap around the address space: the exporter broke
    /// the protocol.
    BadPointer,
    /// The span overlaps one lent to another view (see `registry`).
    Conflict(Conflict),
    /// Free-threaded Python with the GIL disabled: G1 of SAFETY.md §8
    /// cannot hold.
    GilDisabled,
}

impl From<PyErr> for TakeError {
    fn from(err: PyErr) -> Self {
        TakeError::Python(err)
    }
}

/// Whether the interpreter runs with a GIL. Once true it stays true (a
/// free-threaded interpreter may enable the GIL at an import, never
/// disables it again), so a `true` is cached.
fn gil_enabled(py: Python<'_>) -> PyResult<bool> {
    static ENABLED: AtomicBool = AtomicBool::new(false);
    if ENABLED.load(Ordering::Relaxed) {
        return Ok(true);
    }
    // `sys._is_gil_enabled` exists from 3.13, the first version that can
    // run without a GIL.
    let enabled = if py.version_info() >= (3, 13) {
        py.import("sys")?
            .call_method0("_is_gil_enabled")?
            .extract::<bool>()?
    } else {
        true
    };
    if enabled {
        ENABLED.store(true, Ordering::Relaxed);
    }
    Ok(enabled)
}

/// A `Py_buffer` filled by `PyObject_GetBuffer`, released on drop.
///
/// Invariants, cited as B1–B4:
///
/// 1. `view` was filled by a successful `PyObject_GetBuffer` and is
///    released exactly once, by `Drop`; it is boxed, so its address stays
///    put (exporters may point fields into the struct itself).
/// 2. `ndim >= 0`; when `ndim > 0`, `shape` and `strides` are non-null and
///    point to `ndim` values each (we request `PyBUF_STRIDES`, and `get`
///    checks the pointers), valid until release.
/// 3. `format` is null or a NUL-terminated string valid until release.
/// 4. Dropped only while attached to the interpreter: `RawBuffer` is
///    `!Send` (its raw pointers) and lives inside views tied to `'py`.
struct RawBuffer {
    view: Box<ffi::Py_buffer>,
}

impl RawBuffer {
    fn get(obj: &Bound<'_, PyAny>, with_format: bool) -> PyResult<Self> {
        let flags = if with_format {
            ffi::PyBUF_RECORDS_RO
        } else {
            ffi::PyBUF_STRIDES
        };
        let mut view = Box::new(MaybeUninit::<ffi::Py_buffer>::uninit());
        // SAFETY: `obj` is a live object (borrowed `Bound`, so attached to
        // the interpreter); `view` is valid for writing one `Py_buffer`.
        let status = unsafe { ffi::PyObject_GetBuffer(obj.as_ptr(), view.as_mut_ptr(), flags) };
        if status != 0 {
            return Err(PyErr::fetch(obj.py()));
        }
        // SAFETY: a successful `PyObject_GetBuffer` filled every field.
        let view = unsafe { view.assume_init() };
        // Released on every path from here (B1).
        let buffer = RawBuffer { view };
        let v = &*buffer.view;
        if v.ndim < 0 || (v.ndim > 0 && (v.shape.is_null() || v.strides.is_null())) {
            return Err(pyo3::exceptions::PyBufferError::new_err(
                "the exporter gave no shape or strides for a strided request",
            ));
        }
        Ok(buffer)
    }

    fn ndim(&self) -> usize {
        // B2: ndim >= 0.
        usize::try_from(self.view.ndim).unwrap_or(0)
    }

    fn shape(&self) -> &[usize] {
        if self.ndim() == 0 {
            return &[];
        }
        // SAFETY: B2: `shape` points to `ndim` `Py_ssize_t` values, valid
        // while `self` is; `usize` has the layout of `Py_ssize_t`
        // (`isize`). A negative length (an exporter's bug) reads as a huge
        // one: still sound, as every element a view reaches is checked
        // against the span.
        unsafe { core::slice::from_raw_parts(self.view.shape.cast::<usize>(), self.ndim()) }
    }

    fn strides(&self) -> &[isize] {
        if self.ndim() == 0 {
            return &[];
        }
        // SAFETY: B2: `strides` points to `ndim` `Py_ssize_t` (= `isize`)
        // values, valid while `self` is.
        unsafe { core::slice::from_raw_parts(self.view.strides, self.ndim()) }
    }

    fn format(&self) -> Option<&CStr> {
        if self.view.format.is_null() {
            return None;
        }
        // SAFETY: B3: a non-null `format` is a NUL-terminated string valid
        // while `self` is.
        Some(unsafe { CStr::from_ptr(self.view.format) })
    }
}

impl Drop for RawBuffer {
    fn drop(&mut self) {
        // SAFETY: B1: filled by a successful `PyObject_GetBuffer`, released
        // only here; B4: attached to the interpreter.
        unsafe { ffi::PyBuffer_Release(&mut *self.view) };
    }
}

/// A buffer obtained with `PyObject_GetBuffer` (flags `PyBUF_STRIDES`, with
/// `PyBUF_FORMAT` when asked) and the byte span of its elements.
///
/// Invariants, cited as H1–H5 by the `// SAFETY:` comments:
///
/// 1. `buffer` is held: `PyBuffer_Release` runs only when `buffer` is
///    dropped, after every borrow of `self`.
/// 2. `span` is `element_span(shape, strides, itemsize)` of `buffer`, so
///    every byte of every element lies in `low .. low + span.len`, and
///    `span.len <= isize::MAX`; when `span.len > 0`, `low` is `buf -
///    span.before` (computed without wrapping) and `buf` is not null.
/// 3. When `span.len > 0`, `registration` holds the span in the registry,
///    exclusively iff this is an [`ExclusiveBuffer`]; an exclusive one
///    also has `readonly == 0`.
/// 4. The GIL is enabled (checked by `take`) and held for `'py`: the
///    `PhantomData<Python<'py>>` makes this type `!Send` (and not PyO3's
///    `Ungil`), so it cannot leave the thread or cross `Python::detach`.
/// 5. (Outside fact E1 of SAFETY.md §8, the buffer protocol's contract)
///    while the buffer is held, the exporter keeps the span allocated,
///    initialized and, when `readonly == 0`, writable, inside one
///    allocation; (G1) while the GIL is held, no other code writes it
///    except through views of this module.
struct Held<'py> {
    buffer: RawBuffer,
    _registration: Option<Registration>,
    low: *mut u8,
    span: Span,
    gil: PhantomData<Python<'py>>,
}

impl<'py> Held<'py> {
    fn take(
        obj: &Bound<'py, PyAny>,
        exclusive: bool,
        with_format: bool,
    ) -> Result<Self, TakeError> {
        if !gil_enabled(obj.py())? {
            return Err(TakeError::GilDisabled);
        }
        let buffer = RawBuffer::get(obj, with_format)?;
        if !buffer.view.suboffsets.is_null() {
            return Err(TakeError::Indirect);
        }
        if exclusive && buffer.view.readonly != 0 {
            return Err(TakeError::ReadOnly);
        }
        let itemsize = usize::try_from(buffer.view.itemsize).map_err(|_| TakeError::BadPointer)?;
        let span =
            element_span(buffer.shape(), buffer.strides(), itemsize).map_err(TakeError::Span)?;
        let buf = buffer.view.buf.cast::<u8>();
        let (low, registration) = if span.len == 0 {
            (buf, None)
        } else {
            let start = (buf as usize)
                .checked_sub(span.before)
                .filter(|start| start.checked_add(span.len).is_some() && !buf.is_null())
                .ok_or(TakeError::BadPointer)?;
            let registration = registry::register(start, start + span.len, exclusive)
                .map_err(TakeError::Conflict)?;
            // Same provenance as `buf`; in bounds of the exporter's
            // allocation by E1 (nothing is dereferenced here).
            (buf.wrapping_sub(span.before), Some(registration))
        };
        Ok(Held {
            buffer,
            _registration: registration,
            low,
            span,
            gil: PhantomData,
        })
    }

    fn bytes(&self) -> &[u8] {
        if self.span.len == 0 {
            return &[];
        }
        // SAFETY: H2: `low .. low + len` is the elements' span, non-null,
        // `len <= isize::MAX`; H1 + H5 (E1): allocated and initialized for as
        // long as `self` is borrowed; H3 + H4 + H5 (G1): no exclusive view of
        // this module overlaps it, and nothing else writes it while the GIL
        // is held. `u8` has alignment 1.
        unsafe { core::slice::from_raw_parts(self.low, self.span.len) }
    }
}

/// A buffer held for a read-only view: [`Held`] with a shared registration.
pub(crate) struct SharedBuffer<'py> {
    held: Held<'py>,
    with_format: bool,
}

/// A buffer held for a mutable view: [`Held`] with an exclusive
/// registration of a writable buffer.
pub(crate) struct ExclusiveBuffer<'py> {
    held: Held<'py>,
    with_format: bool,
}

/// What both kinds of held buffer tell about their geometry.
macro_rules! geometry {
    ($name:ident) => {
        impl<'py> $name<'py> {
            /// The buffer's shape (empty for a 0-d buffer).
            pub(crate) fn shape(&self) -> &[usize] {
                self.held.buffer.shape()
            }
            /// The buffer's strides, in bytes.
            pub(crate) fn strides(&self) -> &[isize] {
                self.held.buffer.strides()
            }
            /// Bytes per element.
            pub(crate) fn itemsize(&self) -> usize {
                // Checked non-negative in `take`.
                self.held.buffer.view.itemsize.unsigned_abs()
            }
            /// The PEP 3118 format, when it was asked for (`"B"` when the
            /// exporter gave none, as PEP 3118 says).
            pub(crate) fn format(&self) -> Option<&CStr> {
                if !self.with_format {
                    return None;
                }
                Some(self.held.buffer.format().unwrap_or(c"B"))
            }
            /// Offset of element 0 in [`Self::bytes`].
            pub(crate) fn start(&self) -> usize {
                self.held.span.before
            }
            /// The elements' span: from the lowest byte of any element to
            /// one past the highest (empty when there are no elements).
            pub(crate) fn bytes(&self) -> &[u8] {
                self.held.bytes()
            }
        }
    };
}
geometry!(SharedBuffer);
geometry!(ExclusiveBuffer);

impl<'py> SharedBuffer<'py> {
    /// Holds `obj`'s buffer for reading; asks for its format when
    /// `with_format`.
    pub(crate) fn take(obj: &Bound<'py, PyAny>, with_format: bool) -> Result<Self, TakeError> {
        Ok(SharedBuffer {
            held: Held::take(obj, false, with_format)?,
            with_format,
        })
    }
}

impl<'py> ExclusiveBuffer<'py> {
    /// Holds `obj`'s buffer for writing: refused when read-only or when
    /// any byte of its span is lent to another view.
    pub(crate) fn take(obj: &Bound<'py, PyAny>, with_format: bool) -> Result<Self, TakeError> {
        Ok(ExclusiveBuffer {
            held: Held::take(obj, true, with_format)?,
            with_format,
        })
    }

    /// The elements' span, for writing.
    pub(crate) fn bytes_mut(&mut self) -> &mut [u8] {
        let held = &mut self.held;
        if held.span.len == 0 {
            return &mut [];
        }
        // SAFETY: as in `Held::bytes` (H1, H2, H5: allocated, initialized,
        // in one allocation), and for writing: H3: this span is registered
        // exclusively, so no other view of this module reaches any of its
        // bytes, and the buffer is writable (`readonly == 0`, checked in
        // `take`); H4 + H5 (G1): no other code writes or reads it while the
        // GIL is held; `&mut self` makes this the only slice from `self`.
        unsafe { core::slice::from_raw_parts_mut(held.low, held.span.len) }
    }
}
