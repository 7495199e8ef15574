//! The library behind the `typed-layout` command: describe a `.npy` file or
//! a dtype string, and generate the `#[derive(PixelLayout)]` struct that
//! matches it.
//!
//! ```
//! use typed_layout_core::Dtype;
//!
//! // A native `f64` at offset 36 is unaligned: the struct must be packed.
//! let dtype = Dtype::parse("[('name', '|S32'), ('age', '<i4'), ('salary', '<f8')]")?;
//! let code = typed_layout_cli::rust_definition(&dtype, "Person")?;
//! assert!(code.source.contains("#[repr(C, packed)]"));
//! assert!(code.source.contains("pub salary: f64,"));
//! assert!(code.warnings.is_empty());
//!
//! // `Be<f64>` has alignment 1, so the big-endian file fits plain `repr(C)`.
//! let dtype = Dtype::parse("[('name', '|S32'), ('age', '<i4'), ('salary', '>f8')]")?;
//! let code = typed_layout_cli::rust_definition(&dtype, "Person")?;
//! assert!(code.source.contains("#[repr(C)]"));
//! assert!(code.source.contains("pub salary: Be<f64>,"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use std::collections::BTreeSet;
use std::fmt::{self, Write};
use typed_layout_core::{ByteOrder, Dtype, DtypeField, DtypeKind, NpyHeader};

/// Why no Rust definition could be generated.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CodegenError {
    /// A scalar with no Rust layout type (`<f2`, long doubles).
    NoRustType {
        /// Dotted path of the field (empty for a plain dtype).
        field: String,
        /// Its typestr.
        typestr: String,
    },
    /// A record of zero bytes: a layout type needs at least one.
    ZeroSized {
        /// The struct that would be empty.
        name: String,
    },
}

impl fmt::Display for CodegenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodegenError::NoRustType { field, typestr } => {
                let at = if field.is_empty() {
                    String::new()
                } else {
                    format!(" (field `{field}`)")
                };
                write!(
                    f,
                    "`{typestr}`{at} has no Rust layout type (half and extended floats are not \
                     stable in Rust); convert the data with numpy first (e.g. astype('<f4'))"
                )
            }
            CodegenError::ZeroSized { name } => write!(
                f,
                "`{name}` would have zero bytes; a layout type needs at least one byte"
            ),
        }
    }
}

impl std::error::Error for CodegenError {}

/// A generated Rust definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Generated {
    /// The code: a `use` line, then one struct per record (nested ones
    /// first) or a type alias for a plain dtype.
    pub source: String,
    /// The name of the top-level type.
    pub name: String,
    /// Things the user must know: field names that are not Rust
    /// identifiers (the generated type then does not pass `check`).
    pub warnings: Vec<String>,
}

const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "static", "struct", "trait", "true", "type", "unsafe", "use", "where",
    "while", "abstract", "become", "box", "do", "final", "macro", "override", "priv", "try",
    "typeof", "unsized", "virtual", "yield",
];
/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
        && name != "_"
}

/// A Rust identifier for a dtype field name; `None` when the name has to
/// change (then the returned identifier is a sanitized spelling).
fn field_ident(name: &str) -> (String, bool) {
    if KEYWORDS.contains(&name) {
        return (format!("r#{name}"), true);
    }
    if is_identifier(name) && !NOT_RAW.contains(&name) {
        return (name.to_string(), true);
    }
    let mut ident: String = name
        .chars()
        .map(|c| {
            if c == '_' || c.is_alphanumeric() {
                c
            } else {
                '_'
            }
        })
        .collect();
    if !ident.starts_with(|c: char| c == '_' || c.is_alphabetic()) {
        ident.insert(0, '_');
    }
    if NOT_RAW.contains(&ident.as_str()) || ident == "_" {
        ident.push('_');
    }
    (ident, false)
}

/// `UpperCamelCase` of the alphanumeric runs of `text`.
pub fn camel_case(text: &str) -> String {
    let mut out = String::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    if !out.starts_with(|c: char| c.is_alphabetic()) {
        out.insert_str(0, "Npy");
    }
    out
}

struct Gen {
    /// Finished struct definitions, nested ones first.
    items: Vec<String>,
    taken: BTreeSet<String>,
    warnings: Vec<String>,
    uses_be: bool,
    uses_le: bool,
}

/// A field's Rust type, and its alignment in Rust.
struct RustType {
    text: String,
    align: usize,
}

impl Gen {
    fn unique(&mut self, base: &str) -> String {
        let mut name = base.to_string();
        let mut n = 2;
        while !self.taken.insert(name.clone()) {
            name = format!("{base}{n}");
            n += 1;
        }
        name
    }

    fn scalar(&mut self, dtype: &Dtype, path: &str) -> Result<RustType, CodegenError> {
        let no_type = || CodegenError::NoRustType {
            field: path.to_string(),
            typestr: dtype.typestr(),
        };
        let kind = dtype.kind().ok_or_else(no_type)?;
        let size = dtype.itemsize();
        let (elem, count): (&str, Option<usize>) = match (kind, size) {
            (DtypeKind::Bool, _) => ("u8", None),
            (DtypeKind::Int, 1) => ("i8", None),
            (DtypeKind::Int, 2) => ("i16", None),
            (DtypeKind::Int, 4) => ("i32", None),
            (DtypeKind::Int, 8) => ("i64", None),
            (DtypeKind::Int, 16) => ("i128", None),
            (DtypeKind::Uint, 1) => ("u8", None),
            (DtypeKind::Uint, 2) => ("u16", None),
            (DtypeKind::Uint, 4) => ("u32", None),
            (DtypeKind::Uint, 8) => ("u64", None),
            (DtypeKind::Uint, 16) => ("u128", None),
            (DtypeKind::Float, 4) => ("f32", None),
            (DtypeKind::Float, 8) => ("f64", None),
            (DtypeKind::Complex, 8) => ("f32", Some(2)),
            (DtypeKind::Complex, 16) => ("f64", Some(2)),
            (DtypeKind::Bytes | DtypeKind::Raw, n) => ("u8", Some(n)),
            (DtypeKind::Unicode, n) => ("u32", Some(n / 4)),
            (DtypeKind::Datetime | DtypeKind::Timedelta, _) => ("i64", None),
            _ => return Err(no_type()),
        };
        let elem_size = match elem {
            "u8" | "i8" => 1,
            "i16" | "u16" => 2,
            "i32" | "u32" | "f32" => 4,
            "i64" | "u64" | "f64" => 8,
            _ => 16,
        };
        let order = dtype.byte_order().unwrap_or(ByteOrder::NotApplicable);
        let (elem, align) = if elem_size == 1 || order == ByteOrder::NATIVE {
            (elem.to_string(), elem_size)
        } else if order == ByteOrder::Big {
            self.uses_be = true;
            (format!("Be<{elem}>"), 1)
        } else {
            self.uses_le = true;
            (format!("Le<{elem}>"), 1)
        };
        let text = match count {
            Some(n) => format!("[{elem}; {n}]"),
            None => elem,
        };
        Ok(RustType { text, align })
    }

    /// The Rust type for `dtype`; records become new structs named `name`.
    fn rust_type(
        &mut self,
        dtype: &Dtype,
        name: &str,
        path: &str,
    ) -> Result<RustType, CodegenError> {
        let base = dtype.base();
        let mut inner = if base.is_record() {
            self.record(base, name, path)?
        } else {
            self.scalar(base, path)?
        };
        for dim in dtype.shape().iter().rev() {
            inner.text = format!("[{}; {dim}]", inner.text);
        }
        Ok(inner)
    }

    fn comment(dtype: &Dtype) -> Option<String> {
        let base = dtype.base();
        match base.kind()? {
            DtypeKind::Bool => Some("bool: 0 or 1".to_string()),
            DtypeKind::Complex => Some("complex: [re, im]".to_string()),
            DtypeKind::Bytes => Some(format!("bytes ({})", base.typestr())),
            DtypeKind::Unicode => Some(format!("UCS-4 code points ({})", base.typestr())),
            DtypeKind::Datetime => Some(format!(
                "datetime64[{}] since the epoch",
                base.time_unit().unwrap_or("")
            )),
            DtypeKind::Timedelta => {
                Some(format!("timedelta64[{}]", base.time_unit().unwrap_or("")))
            }
            _ => None,
        }
    }

    /// Emits a struct for the record `dtype`; returns its name as a type.
    fn record(&mut self, dtype: &Dtype, name: &str, path: &str) -> Result<RustType, CodegenError> {
        let name = self.unique(name);
        if dtype.itemsize() == 0 {
            return Err(CodegenError::ZeroSized { name });
        }
        // Field names used, so gap names never collide with them.
        let used: BTreeSet<String> = dtype
            .fields()
            .iter()
            .map(|f| f.name().to_string())
            .collect();
        let mut pad_index = 0usize;
        let mut next_pad = || loop {
            let candidate = if pad_index == 0 {
                "_pad".to_string()
            } else {
                format!("_pad{pad_index}")
            };
            pad_index += 1;
            if !used.contains(&candidate) {
                break candidate;
            }
        };
        let mut lines: Vec<(String, String, Option<String>)> = Vec::new(); // ident, type, comment
        let mut placed: Vec<(usize, usize)> = Vec::new(); // offset, Rust alignment
        let mut offset = 0usize;
        for field in dtype.fields() {
            if field.offset() > offset {
                let gap = field.offset() - offset;
                lines.push((next_pad(), format!("[u8; {gap}]"), None));
                placed.push((offset, 1));
            }
            let field_path = if path.is_empty() {
                field.name().to_string()
            } else {
                format!("{path}.{}", field.name())
            };
            let (ident, exact) = field_ident(field.name());
            if !exact {
                self.warnings.push(format!(
                    "field {:?} is not a Rust identifier; it is generated as `{ident}`, and \
                     `check` will report the different name",
                    field_path
                ));
            }
            let nested_name = format!("{name}{}", camel_case(field.name()));
            let ty = self.rust_type(field.dtype(), &nested_name, &field_path)?;
            placed.push((field.offset(), ty.align));
            lines.push((ident, ty.text, Gen::comment(field.dtype())));
            offset = field.offset().saturating_add(field.size());
        }
        if dtype.itemsize() > offset {
            let gap = dtype.itemsize() - offset;
            lines.push((next_pad(), format!("[u8; {gap}]"), None));
        }
        // repr(C) reproduces the offsets when every field is aligned and
        // the size is a multiple of the alignment; otherwise pack.
        let max_align = placed.iter().map(|&(_, a)| a).max().unwrap_or(1).max(1);
        let aligned = dtype.itemsize().is_multiple_of(max_align)
            && placed.iter().all(|&(at, align)| at % align.max(1) == 0);
        let mut text = String::new();
        let _ = writeln!(
            text,
            "/// NumPy dtype {} ({} bytes).",
            short(&dtype.descr(), 200),
            dtype.itemsize()
        );
        text.push_str("#[derive(Clone, Copy, PixelLayout)]\n");
        text.push_str(if aligned {
            "#[repr(C)]\n"
        } else {
            "#[repr(C, packed)]\n"
        });
        let _ = writeln!(text, "pub struct {name} {{");
        for (ident, ty, comment) in lines {
            match comment {
                Some(comment) => {
                    let _ = writeln!(text, "    pub {ident}: {ty}, // {comment}");
                }
                None => {
                    let _ = writeln!(text, "    pub {ident}: {ty},");
                }
            }
        }
        text.push_str("}\n");
        self.items.push(text);
        Ok(RustType {
            text: name,
            align: if aligned { max_align } else { 1 },
        })
    }
}

fn short(text: &str, limit: usize) -> String {
    match text.char_indices().nth(limit) {
        Some((cut, _)) => format!("{} ...", &text[..cut]),
        None => text.to_string(),
    }
}

/// The Rust definition matching `dtype`, named `name`: for a record, a
/// `#[derive(Clone, Copy, PixelLayout)]` struct (nested records as their
/// own structs) with `#[repr(C)]` when every field is naturally aligned,
/// else `#[repr(C, packed)]`, explicit `_pad: [u8; N]` fields for gaps,
/// and `Be<T>`/`Le<T>` for fields in the non-native byte order; for a
/// plain dtype, a type alias.
///
/// Types: `b1` as `u8`, `S`/`V` as `[u8; N]`, `U` as `[u32; N]`, complex
/// as `[f32; 2]`/`[f64; 2]`, datetimes as `i64`; each with a comment.
pub fn rust_definition(dtype: &Dtype, name: &str) -> Result<Generated, CodegenError> {
    let mut gen = Gen {
        items: Vec::new(),
        taken: BTreeSet::new(),
        warnings: Vec::new(),
        uses_be: false,
        uses_le: false,
    };
    let top = if dtype.base().is_record() && !dtype.is_sub_array() {
        gen.record(dtype, name, "")?.text
    } else {
        let ty = gen.rust_type(dtype, &format!("{name}Element"), "")?;
        let mut alias = String::new();
        let _ = writeln!(
            alias,
            "/// NumPy dtype {} ({} bytes).",
            dtype.descr(),
            dtype.itemsize()
        );
        let _ = writeln!(alias, "pub type {name} = {};", ty.text);
        gen.items.push(alias);
        name.to_string()
    };
    let mut imports = Vec::new();
    if gen.uses_be {
        imports.push("Be");
    }
    if gen.uses_le {
        imports.push("Le");
    }
    if dtype.base().is_record() {
        imports.push("PixelLayout");
    }
    let mut source = String::new();
    match imports.as_slice() {
        [] => {}
        [one] => {
            let _ = writeln!(source, "use typed_layout::{one};\n");
        }
        many => {
            let _ = writeln!(source, "use typed_layout::{{{}}};\n", many.join(", "));
        }
    }
    source.push_str(&gen.items.join("\n"));
    Ok(Generated {
        source,
        name: top,
        warnings: gen.warnings,
    })
}

/// One line saying which byte orders the dtype's scalars use.
pub fn byte_order_summary(dtype: &Dtype) -> String {
    fn collect(dtype: &Dtype, out: &mut BTreeSet<&'static str>) {
        let base = dtype.base();
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
        let ty = if field.dtype().base().is_record() {
            format!("record{}", shape_suffix(field.shape()))
        } else {
            format!(
                "{}{}",
                field.dtype().base().typestr(),
                shape_suffix(field.shape())
            )
        };
        let _ = writeln!(out, "  {offset:>8}  {:>8}  {ty:<14} {name}", field.size());
        if field.dtype().is_record() {
            field_rows(field.dtype().fields(), offset, &format!("{name}."), out);
        }
    }
}

fn shape_suffix(shape: &[usize]) -> String {
    if shape.is_empty() {
        String::new()
    } else {
        format!(" {shape:?}")
    }
}

/// The dtype part of a report: itemsize, descr, PEP 3118, byte order and
/// the field table.
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

/// The report `typed-layout inspect` prints for a `.npy` header.
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

/// The generated code with its warnings, as the command prints it.
pub fn render(generated: &Generated, dtype: &Dtype) -> String {
    let mut out = String::from("\n// Rust definition\n");
    out.push_str(&generated.source);
    for warning in &generated.warnings {
        let _ = writeln!(out, "// warning: {warning}");
    }
    let _ = writeln!(
        out,
        "// read it with NpyFile::read(path)?.records::<{}>()  ({} bytes per record)",
        generated.name,
        dtype.itemsize()
    );
    out
}
