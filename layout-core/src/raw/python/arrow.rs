//! Arrow arrays from the Arrow PyCapsule interface (`__arrow_c_array__`):
//! the fixed-width data of a Pillow image, held until dropped.
//!
//! The two structs are the Arrow C data interface's ABI
//! (<https://arrow.apache.org/docs/format/CDataInterface.html>); only the
//! fixed-width layouts an image uses are read: a primitive array
//! (`C`, `i`, `f`, ...) or a fixed-size list (`+w:N`) of one.
//!
//! A1, the outside fact every block here rests on (the interface's
//! contract): a capsule named `"arrow_schema"` / `"arrow_array"` holds a
//! valid, unreleased struct of that type for as long as the capsule lives;
//! in it, `format`/`name` are null or NUL-terminated strings, `buffers`
//! points to `n_buffers` pointers and `children` to `n_children` valid
//! children, owned by the struct until its `release` is called (once, by
//! whoever owns it: moving it out means copying it and setting the
//! source's `release` to null); buffers are large enough for `offset +
//! length` elements and are not modified while the array is shared.

use super::registry::{self, Conflict, Registration};
use alloc::format;
use alloc::string::{String, ToString};
use core::ffi::{c_char, c_void, CStr};
use core::marker::PhantomData;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyCapsuleMethods};

/// `struct ArrowSchema` of the C data interface.
#[repr(C)]
struct ArrowSchema {
    format: *const c_char,
    name: *const c_char,
    metadata: *const c_char,
    flags: i64,
    n_children: i64,
    children: *mut *mut ArrowSchema,
    dictionary: *mut ArrowSchema,
    release: Option<unsafe extern "C" fn(*mut ArrowSchema)>,
    private_data: *mut c_void,
}

/// `struct ArrowArray` of the C data interface.
#[repr(C)]
struct ArrowArray {
    length: i64,
    null_count: i64,
    offset: i64,
    n_buffers: i64,
    n_children: i64,
    buffers: *mut *const c_void,
    children: *mut *mut ArrowArray,
    dictionary: *mut ArrowArray,
    release: Option<unsafe extern "C" fn(*mut ArrowArray)>,
    private_data: *mut c_void,
}

/// Why an object's Arrow array cannot be held.
#[derive(Debug)]
pub(crate) enum ArrowError {
    /// Calling `__arrow_c_array__`, or reading the capsules, raised.
    Python(PyErr),
    /// The array is not a fixed-width layout this module reads, or breaks
    /// the interface; the text says how.
    Unsupported(String),
    /// The data overlaps a span lent to a mutable view.
    Conflict(Conflict),
}

impl From<PyErr> for ArrowError {
    fn from(err: PyErr) -> Self {
        ArrowError::Python(err)
    }
}

fn unsupported(what: impl Into<String>) -> ArrowError {
    ArrowError::Unsupported(what.into())
}

/// The formats of a schema and of its first child, copied out of the
/// schema.
#[derive(Clone, Debug)]
pub(crate) struct ArrowFormat {
    pub(crate) format: String,
    pub(crate) child_format: Option<String>,
}

/// Reads an `"arrow_schema"` capsule without taking it (its destructor
/// releases the schema).
fn read_schema(capsule: &Bound<'_, PyCapsule>) -> Result<ArrowFormat, ArrowError> {
    let schema = capsule
        .pointer_checked(Some(c"arrow_schema"))?
        .cast::<ArrowSchema>();
    // SAFETY: A1: a capsule named "arrow_schema" holds a valid
    // `ArrowSchema` for as long as the capsule lives, and `capsule` is
    // borrowed for this whole function; only reads follow.
    let schema = unsafe { schema.as_ref() };
    if schema.release.is_none() {
        return Err(unsupported("its schema was already released"));
    }
    let text = |ptr: *const c_char| -> Option<String> {
        if ptr.is_null() {
            return None;
        }
        // SAFETY: A1: `format` is null or a NUL-terminated
        // string owned by the (unreleased, borrowed) schema.
        Some(
            unsafe { CStr::from_ptr(ptr) }
                .to_string_lossy()
                .into_owned(),
        )
    };
    let format = text(schema.format).ok_or_else(|| unsupported("its schema has no format"))?;
    let child_format = if schema.n_children >= 1 && !schema.children.is_null() {
        // SAFETY: A1: `children` points to `n_children` (here >= 1) valid
        // child schemas, owned by the borrowed schema.
        let child = unsafe { (*schema.children).as_ref() };
        match child {
            Some(child) => text(child.format),
            None => return Err(unsupported("its schema has a null child")),
        }
    } else {
        None
    };
    Ok(ArrowFormat {
        format,
        child_format,
    })
}

/// An `ArrowArray` moved out of its capsule: released (once) on drop.
///
/// Invariant (A2): `array` was produced by an Arrow producer and has not
/// been released; by the C data interface (A1), `buffers` points to
/// `n_buffers` pointers and `children` to `n_children` valid arrays, all
/// owned by this array until its `release` runs.
struct OwnedArray {
    array: ArrowArray,
}

impl OwnedArray {
    /// Moves the array out of an `"arrow_array"` capsule, leaving the
    /// capsule's copy marked released (the interface's "move").
    fn take(capsule: &Bound<'_, PyCapsule>) -> Result<Self, ArrowError> {
        let ptr = capsule
            .pointer_checked(Some(c"arrow_array"))?
            .cast::<ArrowArray>();
        // SAFETY: A1: the capsule holds a valid `ArrowArray`, readable and
        // writable, for as long as it lives (borrowed here). Moving it out
        // is the interface's documented way to take ownership: the struct is
        // copied and the source's `release` set to null, so the capsule's
        // destructor does not release it again.
        let array = unsafe {
            let array = ptr.as_ptr().read();
            (*ptr.as_ptr()).release = None;
            array
        };
        if array.release.is_none() {
            return Err(unsupported("its array was already released"));
        }
        Ok(OwnedArray { array })
    }

    /// Buffer pointer `index`, if there is such a buffer.
    fn buffer(array: &ArrowArray, index: usize) -> Option<*const u8> {
        let count = usize::try_from(array.n_buffers).ok()?;
        if index >= count || array.buffers.is_null() {
            return None;
        }
        // SAFETY: A2 (or, for a child, A2 of the owning array): `buffers`
        // holds `n_buffers` pointers; `index` is below it.
        Some(unsafe { array.buffers.add(index).read() }.cast::<u8>())
    }

    /// Child `index`, if there is such a child.
    fn child(array: &ArrowArray, index: usize) -> Option<&ArrowArray> {
        let count = usize::try_from(array.n_children).ok()?;
        if index >= count || array.children.is_null() {
            return None;
        }
        // SAFETY: A2: `children` holds `n_children` pointers to valid arrays
        // owned by the parent, which `array`'s borrow keeps alive; `index`
        // is below the count.
        unsafe { array.children.add(index).read().as_ref() }
    }
}

impl Drop for OwnedArray {
    fn drop(&mut self) {
        if let Some(release) = self.array.release {
            // SAFETY: A2: not yet released (moved out with a release
            // callback, released only here, once); the interface lets the
            // consumer call `release` from any thread.
            unsafe { release(&mut self.array) };
        }
    }
}

/// Bytes per element of a primitive Arrow format.
fn primitive_width(format: &str) -> Option<usize> {
    Some(match format {
        "C" | "c" => 1,
        "S" | "s" | "e" => 2,
        "I" | "i" | "f" => 4,
        "L" | "l" | "g" => 8,
        _ => return None,
    })
}

fn checked_len(value: i64, what: &str) -> Result<usize, ArrowError> {
    usize::try_from(value).map_err(|_| unsupported(format!("its {what} is negative ({value})")))
}

/// Where a primitive array's values are: the data pointer of element
/// `offset`, and the element width.
fn values(
    array: &ArrowArray,
    format: &str,
    what: &str,
) -> Result<(*const u8, usize, usize), ArrowError> {
    let width = primitive_width(format).ok_or_else(|| {
        unsupported(format!(
            "its {what} format `{format}` is not a fixed-width number (C, c, S, s, I, i, L, l, e, f, g)"
        ))
    })?;
    if array.null_count != 0 && OwnedArray::buffer(array, 0).is_some_and(|b| !b.is_null()) {
        return Err(unsupported(format!(
            "its {what} has nulls (null count {})",
            array.null_count
        )));
    }
    let data = OwnedArray::buffer(array, 1)
        .filter(|data| !data.is_null())
        .ok_or_else(|| unsupported(format!("its {what} has no data buffer")))?;
    let offset = checked_len(array.offset, "offset")?;
    Ok((data, width, offset))
}

/// The data of an Arrow array held for reading: `length` elements of
/// `element_size` bytes, adjacent.
///
/// Invariants, cited as A3–A4:
///
/// 3. `data .. data + len` are the elements' bytes in the buffers of
///    `array` (`len = length · element_size <= isize::MAX`, `data` non-null
///    when `len > 0`), which stay allocated and unchanged until `array` is
///    released (A1: an Arrow array is immutable while shared).
/// 4. `!Send` through `PhantomData<Python<'py>>` and the pointer; the span
///    is registered shared, so no mutable view of this module overlaps it.
pub(crate) struct ArrowBuffer<'py> {
    // Dropped before the registration; the registration only records the
    // span, so the order does not matter for soundness.
    array: OwnedArray,
    _registration: Option<Registration>,
    data: *const u8,
    len: usize,
    /// Number of elements.
    pub(crate) length: usize,
    /// Bytes per element (the list size times the child's width for
    /// `+w:N`).
    pub(crate) element_size: usize,
    /// What the schema says.
    pub(crate) format: ArrowFormat,
    gil: PhantomData<Python<'py>>,
}

impl<'py> ArrowBuffer<'py> {
    /// Calls `obj.__arrow_c_array__()`, reads the schema, takes the array.
    pub(crate) fn take(obj: &Bound<'py, PyAny>) -> Result<Self, ArrowError> {
        let pair = obj.call_method0("__arrow_c_array__")?;
        let (schema, array): (Bound<'py, PyAny>, Bound<'py, PyAny>) = pair.extract()?;
        let schema = schema.cast_into::<PyCapsule>().map_err(PyErr::from)?;
        let array = array.cast_into::<PyCapsule>().map_err(PyErr::from)?;
        let format = read_schema(&schema)?;
        let owned = OwnedArray::take(&array)?;
        let top = &owned.array;
        if !top.dictionary.is_null() {
            return Err(unsupported("it is dictionary-encoded"));
        }
        let length = checked_len(top.length, "length")?;
        let (data, element_size, first) = if let Some(list) = format.format.strip_prefix("+w:") {
            let per_item: usize = list
                .parse()
                .map_err(|_| unsupported(format!("its format `{}` is malformed", format.format)))?;
            if top.null_count != 0 && OwnedArray::buffer(top, 0).is_some_and(|b| !b.is_null()) {
                return Err(unsupported(format!(
                    "it has nulls (null count {})",
                    top.null_count
                )));
            }
            let child = OwnedArray::child(top, 0)
                .ok_or_else(|| unsupported("its fixed-size list has no child array"))?;
            let child_format = format.child_format.as_deref().unwrap_or("");
            let (data, width, child_offset) = values(child, child_format, "child")?;
            let offset = checked_len(top.offset, "offset")?;
            // The list reads child values `offset·N .. (offset + length)·N`
            // (after the child's own offset): the child must hold them, as
            // A1 promises only the child's own `length` values.
            let child_length = checked_len(child.length, "child length")?;
            let needed = offset
                .checked_add(length)
                .and_then(|items| items.checked_mul(per_item))
                .ok_or_else(|| unsupported("its offsets overflow"))?;
            if needed > child_length {
                return Err(unsupported(format!(
                    "its child array has {child_length} values but the list needs {needed}"
                )));
            }
            let first = offset
                .checked_mul(per_item)
                .and_then(|first| first.checked_add(child_offset))
                .ok_or_else(|| unsupported("its offsets overflow"))?;
            let element_size = per_item
                .checked_mul(width)
                .filter(|&size| size > 0)
                .ok_or_else(|| unsupported("its element size overflows or is zero"))?;
            (data, element_size, first.checked_mul(width))
        } else {
            let (data, width, offset) = values(top, &format.format, "array")?;
            (data, width, offset.checked_mul(width))
        };
        let first = first.ok_or_else(|| unsupported("its offsets overflow"))?;
        let len = length
            .checked_mul(element_size)
            .filter(|&len| len <= isize::MAX as usize && first.checked_add(len).is_some())
            .ok_or_else(|| unsupported("its data exceeds isize::MAX bytes"))?;
        let data = data.wrapping_add(first);
        let registration = if len == 0 {
            None
        } else {
            let low = data as usize;
            let high = low
                .checked_add(len)
                .ok_or_else(|| unsupported("its data wraps around the address space"))?;
            Some(registry::register(low, high, false).map_err(ArrowError::Conflict)?)
        };
        Ok(ArrowBuffer {
            array: owned,
            _registration: registration,
            data,
            len,
            length,
            element_size,
            format,
            gil: PhantomData,
        })
    }

    /// The elements' bytes.
    pub(crate) fn bytes(&self) -> &[u8] {
        let _ = &self.array;
        if self.len == 0 {
            return &[];
        }
        // SAFETY: A3: `data .. data + len` lie in the buffers of the held,
        // unreleased array, allocated and unchanged while it is held (A1),
        // `len <= isize::MAX`, `data` non-null; A4: no mutable view of this
        // module overlaps them; G1 (SAFETY.md §8) for other writers.
        unsafe { core::slice::from_raw_parts(self.data, self.len) }
    }
}

impl core::fmt::Display for ArrowError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            ArrowError::Python(err) => write!(f, "{err}"),
            ArrowError::Unsupported(why) => f.write_str(why),
            ArrowError::Conflict(c) => write!(
                f,
                "its bytes {:#x}..{:#x} overlap bytes already lent to a mutable view",
                c.wanted.0, c.wanted.1
            ),
        }
    }
}

impl ArrowError {
    /// The error's text, for messages.
    pub(crate) fn text(&self) -> String {
        self.to_string()
    }
}
