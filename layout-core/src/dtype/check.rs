//! `Dtype::check`: is a foreign dtype the same memory layout as ours?
//!
//! Compared: for records each field in offset order (name, offset, and
//! recursively its dtype), then the itemsize; for scalars the element kind,
//! element size, element count and byte order, and for times the unit.
//! Scalars are compared by what their bytes hold, so different spellings of
//! the same bytes match: `[u8; N]` and `Bytes<N>` match `|SN`, `|VN` and
//! `('|u1', (N,))`; `u8` matches `|b1`; `[f64; 2]` matches `<c16`; `[u32;
//! N]` matches `<UN`; `i64` matches `<M8[..]`/`<m8[..]`. Two times must
//! agree on kind (datetime or timedelta) and unit: a `Datetime64<Seconds>`
//! does not read `<M8[ns]`. Nested sub-arrays match their flat spelling
//! (`(('<f8', (5,)), (2,))` and `('<f8', (2, 5))`).

use super::descr::push_typestr;
use super::literal::push_repr;
use super::{Dtype, DtypeError, DtypeField, DtypeKind, MismatchKind, Repr};
use crate::layout::ByteOrder;
use alloc::format;
use alloc::string::String;

impl Dtype {
    /// Checks that `found` (a file's or a foreign buffer's dtype) lays out
    /// bytes exactly as `self` (usually `T::dtype()`) does. The error names
    /// the first field, in offset order, that differs, and shows both sides.
    ///
    /// ```
    /// use typed_layout::{Be, Dtype, HasDtype, PixelLayout};
    ///
    /// #[derive(Clone, Copy, PixelLayout)]
    /// #[repr(C)]
    /// struct Person { name: [u8; 32], age: i32, _pad: [u8; 4], salary: Be<f64> }
    ///
    /// let file = Dtype::from_descr(
    ///     "[('name', '|S32'), ('age', '<i4'), ('', '|V4'), ('salary', '>f8')]")?;
    /// # #[cfg(target_endian = "little")]
    /// Person::dtype().check(&file)?;
    ///
    /// let other = Dtype::from_descr(
    ///     "[('name', '|S32'), ('age', '<i4'), ('', '|V4'), ('salary', '<f8')]")?;
    /// let err = Person::dtype().check(&other).unwrap_err();
    /// assert_eq!(err.to_string(),
    ///     "dtypes differ at field `salary`: the byte orders differ: expected ('salary', '>f8') \
    ///      at offset 40, found ('salary', '<f8') at offset 40; use Be<T> or Le<T> for fields \
    ///      stored in a non-native byte order");
    /// # Ok::<(), typed_layout::DtypeError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`DtypeError::Mismatch`] naming the first field that differs, which aspect
    /// (`MismatchKind`), both sides, and the Rust type for the found side when the
    /// kind, size, shape or unit differ.
    pub fn check(&self, found: &Dtype) -> Result<(), DtypeError> {
        compare(self, found, "", &short_descr)
    }

    /// Whether [`Dtype::check`] passes.
    pub fn matches(&self, found: &Dtype) -> bool {
        self.check(found).is_ok()
    }
}

/// The scalar view used for comparison: what one element's bytes hold.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Leaf<'a> {
    /// Int, Uint or Float.
    class: DtypeKind,
    elem_size: usize,
    order: ByteOrder,
    /// For `M`/`m`: the kind and the unit as written.
    time: Option<(DtypeKind, &'a str)>,
}

/// Normalizes a scalar to (leaf, elements per scalar).
fn leaf(kind: DtypeKind, size: usize, order: ByteOrder, unit: &str) -> (Leaf<'_>, usize) {
    let (class, elem_size, count) = match kind {
        DtypeKind::Bool => (DtypeKind::Uint, 1, 1),
        DtypeKind::Complex => (DtypeKind::Float, size / 2, 2),
        DtypeKind::Bytes | DtypeKind::Raw => (DtypeKind::Uint, 1, size),
        DtypeKind::Unicode => (DtypeKind::Uint, 4, size / 4),
        DtypeKind::Datetime | DtypeKind::Timedelta => (DtypeKind::Int, 8, 1),
        other => (other, size, 1),
    };
    let order = if elem_size > 1 {
        order
    } else {
        ByteOrder::NotApplicable
    };
    let time = matches!(kind, DtypeKind::Datetime | DtypeKind::Timedelta).then_some((kind, unit));
    (
        Leaf {
            class,
            elem_size,
            order,
            time,
        },
        count,
    )
}

enum Flat<'a> {
    Scalar(Leaf<'a>, usize),
    Records(&'a Dtype, usize),
}

/// Strips every level of sub-array: the innermost scalar or record and how
/// many there are.
fn flatten(dtype: &Dtype) -> Option<Flat<'_>> {
    let mut count = 1usize;
    let mut base = dtype;
    while let Repr::SubArray { base: inner, shape } = &base.repr {
        for &dim in shape {
            count = count.checked_mul(dim)?;
        }
        base = inner;
    }
    match &base.repr {
        Repr::Scalar { kind, order, unit } => {
            let (leaf, per) = leaf(*kind, base.itemsize, *order, unit);
            Some(Flat::Scalar(leaf, count.checked_mul(per)?))
        }
        Repr::Record { .. } => Some(Flat::Records(base, count)),
        Repr::SubArray { .. } => None,
    }
}

/// A whole dtype in a message: its descr, cut short when long.
fn short_descr(dtype: &Dtype) -> String {
    const LIMIT: usize = 160;
    let descr = dtype.descr();
    match descr.char_indices().nth(LIMIT) {
        Some((cut, _)) => format!("{} ...", descr.get(..cut).unwrap_or("")),
        None => descr,
    }
}

/// How a field (or whole dtype) is shown in a mismatch.
fn show_field(field: &DtypeField) -> String {
    let mut out = String::from("(");
    push_repr(&mut out, &field.name);
    out.push_str(", ");
    let dtype = &field.dtype;
    match &dtype.repr {
        Repr::SubArray { base, shape } => {
            push_short(&mut out, base);
            out.push_str(&format!(", {shape:?}"));
        }
        _ => push_short(&mut out, dtype),
    }
    out.push_str(&format!(") at offset {}", field.offset));
    out
}

/// A short type description: the quoted typestr, or `[record of N bytes]`.
fn push_short(out: &mut String, dtype: &Dtype) {
    if dtype.is_record() {
        out.push_str(&format!(
            "[record of {} bytes, {} fields]",
            dtype.itemsize,
            dtype.fields().len()
        ));
    } else {
        let mut typestr = String::new();
        push_typestr(&mut typestr, dtype);
        push_repr(out, &typestr);
    }
}

/// A mismatch at `path`, with the Rust type for the found side when it has
/// one (for the hint).
fn mismatch(
    path: &str,
    kind: MismatchKind,
    expected: String,
    found: String,
    theirs: &Dtype,
) -> DtypeError {
    let rust_type = match kind {
        MismatchKind::Kind | MismatchKind::Size | MismatchKind::Shape | MismatchKind::Unit => {
            theirs.rust_type().ok().map(|t| match t.feature {
                Some(feature) => format!("{} (feature `{feature}`)", t.text),
                None => t.text,
            })
        }
        _ => None,
    };
    DtypeError::Mismatch {
        field: String::from(path),
        kind,
        expected,
        found,
        rust_type,
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        String::from(name)
    } else {
        format!("{path}.{name}")
    }
}

/// Compares two dtypes at `path`; `show` renders a side when the whole
/// value (not a field of it) differs.
fn compare(
    ours: &Dtype,
    theirs: &Dtype,
    path: &str,
    show: &dyn Fn(&Dtype) -> String,
) -> Result<(), DtypeError> {
    let (Some(a), Some(b)) = (flatten(ours), flatten(theirs)) else {
        return Err(DtypeError::too_large(
            "a sub-array's element count",
            format!("the product of {:?} or {:?}", ours.shape(), theirs.shape()),
            usize::MAX,
        ));
    };
    let differ = |kind| mismatch(path, kind, show(ours), show(theirs), theirs);
    match (a, b) {
        (Flat::Scalar(x, n), Flat::Scalar(y, m)) => {
            let kind = if x.class != y.class {
                Some(MismatchKind::Kind)
            } else if x.elem_size != y.elem_size {
                Some(MismatchKind::Size)
            } else if n != m {
                Some(MismatchKind::Shape)
            } else if x.order != y.order {
                Some(MismatchKind::ByteOrder)
            } else {
                match (x.time, y.time) {
                    (Some((k, _)), Some((l, _))) if k != l => Some(MismatchKind::Kind),
                    (Some((_, u)), Some((_, v))) if u != v => Some(MismatchKind::Unit),
                    _ => None,
                }
            };
            kind.map_or(Ok(()), |kind| Err(differ(kind)))
        }
        (Flat::Records(x, n), Flat::Records(y, m)) => {
            // The first differing field says more than the sizes do.
            if n == m {
                compare_records(x, y, path)?;
            }
            if ours.itemsize != theirs.itemsize {
                return Err(mismatch(
                    path,
                    MismatchKind::Itemsize,
                    format!("{} ({} bytes)", show(ours), ours.itemsize),
                    format!("{} ({} bytes)", show(theirs), theirs.itemsize),
                    theirs,
                ));
            }
            if n != m {
                return Err(differ(MismatchKind::Shape));
            }
            Ok(())
        }
        _ => Err(differ(MismatchKind::Kind)),
    }
}

fn compare_records(ours: &Dtype, theirs: &Dtype, path: &str) -> Result<(), DtypeError> {
    let (a, b) = (ours.fields(), theirs.fields());
    let nothing = || String::from("nothing at that offset");
    let (mut i, mut j) = (0, 0);
    loop {
        match (a.get(i), b.get(j)) {
            (None, None) => return Ok(()),
            (Some(x), None) => {
                return Err(mismatch(
                    &join(path, &x.name),
                    MismatchKind::MissingField,
                    show_field(x),
                    nothing(),
                    &x.dtype,
                ))
            }
            (None, Some(y)) => {
                return Err(mismatch(
                    &join(path, &y.name),
                    MismatchKind::ExtraField,
                    nothing(),
                    show_field(y),
                    &y.dtype,
                ))
            }
            (Some(x), Some(y)) => {
                if x.offset == y.offset {
                    if x.name != y.name {
                        return Err(mismatch(
                            &join(path, &x.name),
                            MismatchKind::Name,
                            show_field(x),
                            show_field(y),
                            &y.dtype,
                        ));
                    }
                    let field_path = join(path, &x.name);
                    // Rendered only when they differ: checks that pass
                    // format nothing.
                    compare(&x.dtype, &y.dtype, &field_path, &|d| {
                        // Show the field as a whole when its own dtype differs.
                        if core::ptr::eq(d, &x.dtype) {
                            show_field(x)
                        } else if core::ptr::eq(d, &y.dtype) {
                            show_field(y)
                        } else {
                            short_descr(d)
                        }
                    })?;
                    i += 1;
                    j += 1;
                    continue;
                }
                // Different offsets: report the earlier field.
                let (first, in_ours) = if x.offset < y.offset {
                    (x, true)
                } else {
                    (y, false)
                };
                let other_side = if in_ours { &b } else { &a };
                let kind;
                let (expected, found);
                if let Some(twin) = other_side.iter().find(|f| f.name == first.name) {
                    kind = MismatchKind::Offset;
                    (expected, found) = if in_ours {
                        (show_field(first), show_field(twin))
                    } else {
                        (show_field(twin), show_field(first))
                    };
                } else if in_ours {
                    kind = MismatchKind::MissingField;
                    (expected, found) = (show_field(first), nothing());
                } else {
                    kind = MismatchKind::ExtraField;
                    (expected, found) = (nothing(), show_field(first));
                }
                return Err(mismatch(
                    &join(path, &first.name),
                    kind,
                    expected,
                    found,
                    &first.dtype,
                ));
            }
        }
    }
}
