//! What the command says about a file or a dtype (the information block),
//! and which calls read it (the advice), each a Rust expression that works.

use crate::codegen::Generated;
use std::collections::BTreeSet;
use std::fmt::Write;
use typed_layout_core::{ByteOrder, Dtype, DtypeField, NpyHeader};

/// One line saying which byte orders the dtype's scalars use.
pub fn byte_order_summary(dtype: &Dtype) -> String {
    fn collect(dtype: &Dtype, out: &mut BTreeSet<&'static str>) {
        let base = dtype.innermost();
        if base.is_record() {
            for field in base.fields() {
                collect(field.dtype(), out);
            }
        } else {
            out.insert(match base.byte_order() {
                Some(ByteOrder::Little) => "little-endian",
                Some(ByteOrder::Big) => "big-endian",
                _ => "none",
            });
        }
    }
    let mut orders = BTreeSet::new();
    collect(dtype, &mut orders);
    orders.remove("none");
    let native = dtype.is_native_order();
    let host = if cfg!(target_endian = "little") {
        "little-endian"
    } else {
        "big-endian"
    };
    match orders.len() {
        0 => "not applicable (single-byte elements)".to_string(),
        1 => {
            let order = orders.into_iter().next().unwrap_or("none");
            if native {
                format!("{order} (native on this {host} host)")
            } else {
                format!("{order} (not native on this {host} host: fields use Be<T>/Le<T>)")
            }
        }
        _ => format!("mixed little- and big-endian fields (this host is {host})"),
    }
}

fn field_rows(fields: &[DtypeField], base: usize, prefix: &str, out: &mut String) {
    for field in fields {
        let offset = base.saturating_add(field.offset());
        let name = format!("{prefix}{}", field.name());
        let inner = field.dtype().innermost();
        let shape = field.dtype().full_shape();
        let shape = if shape.is_empty() {
            String::new()
        } else {
            format!(" {shape:?}")
        };
        let ty = if inner.is_record() {
            format!("record{shape}")
        } else {
            format!("{}{shape}", inner.typestr())
        };
        let _ = writeln!(out, "  {offset:>8}  {:>8}  {ty:<14} {name}", field.size());
        if field.dtype().is_record() {
            field_rows(field.dtype().fields(), offset, &format!("{name}."), out);
        }
    }
}

/// The dtype part of a report: itemsize, descr, PEP 3118, byte order and
/// the field table.
///
/// ```
/// let dtype = typed_layout_core::Dtype::parse("[('x', '<f4'), ('y', '<f4')]")?;
/// let text = typed_layout_cli::describe_dtype(&dtype);
/// assert!(text.contains("PEP 3118:   T{f:x:f:y:}"));
/// # Ok::<(), typed_layout_core::DtypeError>(())
/// ```
pub fn describe_dtype(dtype: &Dtype) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "itemsize:   {} bytes (alignment {})",
        dtype.itemsize(),
        dtype.align()
    );
    let _ = writeln!(out, "descr:      {}", dtype.descr());
    match dtype.pep3118() {
        Ok(format) => {
            let _ = writeln!(out, "PEP 3118:   {format}");
        }
        Err(error) => {
            let _ = writeln!(out, "PEP 3118:   none ({error})");
        }
    }
    let _ = writeln!(out, "byte order: {}", byte_order_summary(dtype));
    if dtype.is_record() {
        out.push_str("fields:\n    offset      size  type           name\n");
        field_rows(dtype.fields(), 0, "", &mut out);
    }
    out
}

/// The report of a `.npy` header: file, format, shape and the dtype.
pub fn describe_header(path: &str, header: &NpyHeader) -> String {
    let mut out = String::new();
    let (major, minor) = header.version();
    let _ = writeln!(out, "file:       {path}");
    let _ = writeln!(
        out,
        "format:     .npy {major}.{minor}, data at byte {} ({} bytes)",
        header.data_offset(),
        header.data_len()
    );
    let order = if header.fortran_order() {
        "Fortran order"
    } else {
        "C order"
    };
    let _ = writeln!(
        out,
        "shape:      {:?} = {} elements, {order}",
        header.shape(),
        header.len()
    );
    out.push_str(&describe_dtype(header.dtype()));
    out
}

/// The calls that read a file as the generated types, each a Rust
/// expression over a `path` (`NpyFile::read(path)?.records::<Person>()`);
/// every one of them works on the file they were made for. None when no
/// call would: an element of zero bytes, or fields renamed by the code
/// generator ([`Generated::renamed`]); a note says why.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Advice {
    /// Safe calls (`NpyFile::read`), the first the main one.
    pub reads: Vec<String>,
    /// The O(1) mapped call, when the data offset suits the type's
    /// alignment (it needs `unsafe`: see `NpyFile::map`'s `# Safety`).
    pub map: Option<String>,
    /// Sentences for the reader: why a call is missing, what to do instead.
    pub notes: Vec<String>,
}

/// The calls that read the file of `header` as `generated`'s types
/// (`unaligned`: generated with [`Options::unaligned`](crate::Options)).
///
/// ```
/// use typed_layout_core::{npy, Dtype, NpyHeader};
/// let dtype = Dtype::parse("[('x', '<f8')]")?;
/// let bytes = npy::header_bytes(&dtype, &[3], false)?;
/// let header = NpyHeader::parse(&bytes)?;
/// let code = typed_layout_cli::rust_definition(&dtype, "P")?;
/// let advice = typed_layout_cli::advice(&header, &code, false);
/// assert_eq!(advice.reads, ["NpyFile::read(path)?.records::<P>()"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn advice(header: &NpyHeader, generated: &Generated, unaligned: bool) -> Advice {
    let name = &generated.name;
    let shape = header.shape();
    let mut advice = Advice::default();
    // No call is printed that would fail: every view refuses an element of
    // zero bytes, and the dtype check refuses a type whose names differ.
    if header.dtype().itemsize() == 0 {
        advice.notes.push(format!(
            "no read call: the element {} has zero bytes, and every view refuses a \
             zero-sized element (ZeroSizedElement); the file holds its shape {shape:?} and no \
             data",
            header.dtype().descr()
        ));
        return advice;
    }
    if !generated.renamed.is_empty() {
        let fields: Vec<String> = generated
            .renamed
            .iter()
            .map(|field| format!("{field:?}"))
            .collect();
        advice.notes.push(format!(
            "no read call: the field(s) {} have no Rust name of their own (see the warnings), \
             so `{name}`'s dtype names them differently from the file and records::<{name}>() \
             refuses it; rename them in NumPy (arr.dtype.names = [...]) and inspect the new \
             file",
            fields.join(", ")
        ));
        return advice;
    }
    let fortran = header.fortran_order() && shape.iter().filter(|&&d| d > 1).count() > 1;
    let view = if fortran {
        match shape.len() {
            2 => {
                advice.notes.push(
                    "Fortran order: records and columns are refused; the image view reads \
                     the array with x-major strides"
                        .to_string(),
                );
                format!("image::<{name}>()")
            }
            3 => {
                advice.notes.push(
                    "Fortran order: each channel is a plane; channel_planes gives one image \
                     per channel"
                        .to_string(),
                );
                format!("channel_planes::<{name}>()")
            }
            _ => {
                advice.notes.push(
                    "Fortran order of rank > 3: no view; data() holds the column-major bytes, \
                     or re-save with numpy.ascontiguousarray"
                        .to_string(),
                );
                "data()".to_string()
            }
        }
    } else {
        format!("records::<{name}>()")
    };
    advice.reads.push(format!("NpyFile::read(path)?.{view}"));
    if !fortran {
        if let Some(pixel) = &generated.pixel {
            advice
                .reads
                .push(format!("NpyFile::read(path)?.image::<{pixel}>()"));
        } else if shape.len() == 2 && !header.dtype().is_record() {
            advice
                .reads
                .push(format!("NpyFile::read(path)?.image::<{name}>()"));
        }
    }
    let align = if unaligned {
        1
    } else {
        header.dtype().align().max(1)
    };
    if header.data_offset().is_multiple_of(align) {
        advice.map = Some(format!("unsafe {{ NpyFile::map(path)? }}.{view}"));
    } else {
        advice.notes.push(format!(
            "the data starts at byte {}, not a multiple of {align}: NpyFile::map cannot view it \
             as `{name}` (NpyFile::read aligns it); for a mapped view, generate with --unaligned \
             (Le<T> fields, alignment 1)",
            header.data_offset()
        ));
    }
    if !generated.features.is_empty() {
        advice.notes.push(format!(
            "the types need typed-layout's feature(s) {}: typed-layout = {{ version = \"0.1\", \
             features = [{}] }}",
            generated.features.join(", "),
            generated
                .features
                .iter()
                .map(|f| format!("\"{f}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    advice
}

/// The advice as the command prints it (on stderr).
pub fn render_advice(advice: &Advice, generated: &Generated) -> String {
    let mut out = String::new();
    for warning in &generated.warnings {
        let _ = writeln!(out, "warning:    {warning}");
    }
    for read in &advice.reads {
        let _ = writeln!(out, "read with:  {read}");
    }
    if let Some(map) = &advice.map {
        let _ = writeln!(out, "or, O(1):   {map}  (see NpyFile::map: # Safety)");
    }
    for note in &advice.notes {
        let _ = writeln!(out, "note:       {note}");
    }
    out
}
