//! The `#[derive(PixelLayout)]` struct (or type alias) that has a dtype.

use crate::names::{camel_case, field_name};
use std::collections::BTreeSet;
use std::fmt::{self, Write};
use typed_layout_core::dtype::NoRustType;
use typed_layout_core::{ByteOrder, Dtype};

/// Why no Rust definition could be generated.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CodegenError {
    /// A scalar with no Rust layout type (long doubles: `<f16`, `<c32`).
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
                    "`{typestr}`{at} has no Rust layout type: it is a C long double, which Rust \
                     has no type for; convert the data with numpy first (astype('<f8') or \
                     astype('<c16'))"
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

/// How to generate.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Every multi-byte number as `Le<T>`/`Be<T>` (alignment 1), so the
    /// struct views data at any offset, as a mapped file whose data is not
    /// aligned needs.
    pub unaligned: bool,
    /// The array's shape, when known (a file): a plain dtype over `(h, w,
    /// C)` with 2 to 4 channels also gets a pixel struct.
    pub shape: Option<Vec<usize>>,
}

/// A generated Rust definition.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Generated {
    /// The code: `use` lines, then one struct per record (nested ones
    /// first) or a type alias for a plain dtype, then the pixel struct.
    pub source: String,
    /// The definitions alone, without the `use` lines.
    pub items: String,
    /// The paths the definitions import (`typed_layout::PixelLayout`), for
    /// merging several definitions into one file (see [`use_lines`]).
    pub imports: Vec<String>,
    /// The name of the top-level type.
    pub name: String,
    /// The pixel struct for an image-shaped plain file (`(h, w, C)`, C in
    /// 2..=4): C channels of the element type, viewed with `image::<P>()`.
    pub pixel: Option<String>,
    /// The `typed-layout` features the code needs (`half`, `num-complex`).
    pub features: Vec<&'static str>,
    /// Things the user must know: names that are not Rust identifiers or
    /// that start with `_` (see `renamed`), times whose unit has a
    /// multiplier (read as `i64`).
    pub warnings: Vec<String>,
    /// The fields (dotted paths, nested ones as `outer.inner`) whose Rust
    /// name differs from the dtype's: a name that is not a Rust identifier,
    /// or that starts with `_` (the derive's padding rule). The generated
    /// type's dtype then has other names than the file's, and the dtype
    /// check of `records::<T>()` refuses the file.
    pub renamed: Vec<String>,
}

struct Gen {
    options: Options,
    /// Finished definitions, nested ones first.
    items: Vec<String>,
    taken: BTreeSet<String>,
    imports: BTreeSet<&'static str>,
    features: BTreeSet<&'static str>,
    warnings: Vec<String>,
    renamed: Vec<String>,
}

/// One field of a generated struct.
struct Line {
    /// The file's name, when the Rust name differs (written as a doc
    /// comment: the derive reads the identifier, not the doc).
    numpy_name: Option<String>,
    ident: String,
    ty: String,
    /// What the type alone does not say (title, time unit, raw bytes).
    comment: Option<String>,
}

impl Line {
    /// A gap of `len` bytes, under a name the derive treats as padding.
    fn pad(ident: String, len: usize) -> Line {
        Line {
            numpy_name: None,
            ident,
            ty: format!("[u8; {len}]"),
            comment: None,
        }
    }
}

/// A field's Rust type and its alignment in Rust.
struct FieldType {
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

    /// The Rust type of a scalar or sub-array of scalars.
    fn value_type(&mut self, dtype: &Dtype, path: &str) -> Result<FieldType, CodegenError> {
        let no_type = || CodegenError::NoRustType {
            field: path.to_string(),
            typestr: dtype.innermost().typestr(),
        };
        let inner = dtype.innermost();
        let scalar = match inner.rust_type() {
            Ok(scalar) => scalar,
            Err(NoRustType::UnitMultiple) => {
                self.warnings.push(format!(
                    "`{path}` is `{}`, a time unit with a multiplier: it is generated as i64 \
                     counts, written back as '<i8' (write_as with the file's dtype keeps it)",
                    inner.typestr()
                ));
                Dtype::from_typestr(if inner.byte_order() == Some(ByteOrder::Big) {
                    ">i8"
                } else {
                    "<i8"
                })
                .ok()
                .and_then(|i8| i8.rust_type().ok())
                .ok_or_else(no_type)?
            }
            Err(_) => return Err(no_type()),
        };
        let (mut text, mut align) = (scalar.text, scalar.align);
        self.imports.extend(scalar.imports);
        self.features.extend(scalar.feature);
        if self.options.unaligned && align > 1 {
            let wrapper = if ByteOrder::NATIVE == ByteOrder::Little {
                ("Le", "typed_layout::Le")
            } else {
                ("Be", "typed_layout::Be")
            };
            self.imports.insert(wrapper.1);
            text = match text.strip_prefix("Ucs4<").and_then(|t| t.strip_suffix('>')) {
                Some(chars) => format!("[{}<u32>; {chars}]", wrapper.0),
                None => format!("{}<{text}>", wrapper.0),
            };
            align = 1;
        }
        for dim in dtype.full_shape().iter().rev() {
            text = format!("[{text}; {dim}]");
        }
        Ok(FieldType { text, align })
    }

    /// The Rust type for `dtype`; records become new structs named `name`.
    fn field_type(
        &mut self,
        dtype: &Dtype,
        name: &str,
        path: &str,
    ) -> Result<FieldType, CodegenError> {
        let inner = dtype.innermost();
        if !inner.is_record() {
            return self.value_type(dtype, path);
        }
        let mut ty = self.record(inner, name, path)?;
        for dim in dtype.full_shape().iter().rev() {
            ty.text = format!("[{}; {dim}]", ty.text);
        }
        Ok(ty)
    }

    fn comment(dtype: &Dtype, title: Option<&str>) -> Option<String> {
        let title = title.map(|t| format!("title {t:?}"));
        let kind = match dtype.innermost().typestr().as_bytes().get(1) {
            Some(b'M') => Some(format!("datetime64 ({})", dtype.innermost().typestr())),
            Some(b'm') => Some(format!("timedelta64 ({})", dtype.innermost().typestr())),
            Some(b'V') if !dtype.innermost().is_record() => {
                Some(format!("raw bytes ({})", dtype.innermost().typestr()))
            }
            _ => None,
        };
        match (title, kind) {
            (None, None) => None,
            (Some(a), None) | (None, Some(a)) => Some(a),
            (Some(a), Some(b)) => Some(format!("{a}; {b}")),
        }
    }

    /// Emits a struct for the record `dtype`; returns its name as a type.
    fn record(&mut self, dtype: &Dtype, name: &str, path: &str) -> Result<FieldType, CodegenError> {
        let name = self.unique(name);
        if dtype.itemsize() == 0 {
            return Err(CodegenError::ZeroSized { name });
        }
        // Data fields never start with `_` (field_name), so the gap names
        // (`_pad`, `_pad1`, ...) are the only ones that do: no collision.
        let mut pad_index = 0usize;
        let mut next_pad = || {
            let pad = if pad_index == 0 {
                "_pad".to_string()
            } else {
                format!("_pad{pad_index}")
            };
            pad_index += 1;
            pad
        };
        // The exact names first, so a renamed field never takes the name
        // of a field that has it in the file (`a-b` beside `a_b`).
        let names: Vec<_> = dtype
            .fields()
            .iter()
            .map(|f| field_name(f.name()))
            .collect();
        let mut taken: BTreeSet<String> = names
            .iter()
            .filter(|n| n.exact)
            .map(|n| n.ident.trim_start_matches("r#").to_string())
            .collect();
        let mut lines: Vec<Line> = Vec::new();
        let mut placed: Vec<(usize, usize)> = Vec::new(); // offset, Rust alignment
        let mut offset = 0usize;
        for (field, field_name) in dtype.fields().iter().zip(names) {
            if field.offset() > offset {
                let gap = field.offset() - offset;
                lines.push(Line::pad(next_pad(), gap));
                placed.push((offset, 1));
            }
            let field_path = if path.is_empty() {
                field.name().to_string()
            } else {
                format!("{path}.{}", field.name())
            };
            let mut ident = field_name.ident;
            if !field_name.exact {
                let base = ident.clone();
                let mut n = 2;
                while !taken.insert(ident.clone()) {
                    ident = format!("{base}_{n}");
                    n += 1;
                }
                let why = if field.name().starts_with('_') {
                    "starts with `_`, which marks padding in a derived struct"
                } else {
                    "is not a Rust identifier"
                };
                let taken_note = if ident != base {
                    format!(", as `{base}` is another field's name")
                } else {
                    String::new()
                };
                self.warnings.push(format!(
                    "field {field_path:?} {why}: it is generated as `{ident}`{taken_note}, with \
                     its NumPy name in a doc comment; the generated type's dtype names it \
                     `{ident}`, not as the file does, so records::<T>() refuses the file"
                ));
                self.renamed.push(field_path.clone());
            }
            let nested_name = format!("{name}{}", camel_case(field.name()));
            let ty = self.field_type(field.dtype(), &nested_name, &field_path)?;
            placed.push((field.offset(), ty.align));
            lines.push(Line {
                numpy_name: (!field_name.exact).then(|| field.name().to_string()),
                ident,
                ty: ty.text,
                comment: Gen::comment(field.dtype(), field.title()),
            });
            offset = field.offset().saturating_add(field.size());
        }
        if dtype.itemsize() > offset {
            let gap = dtype.itemsize() - offset;
            lines.push(Line::pad(next_pad(), gap));
        }
        // repr(C) reproduces the offsets when every field is aligned and
        // the size is a multiple of the alignment; otherwise pack.
        let max_align = placed.iter().map(|&(_, a)| a).max().unwrap_or(1).max(1);
        let aligned = dtype.itemsize().is_multiple_of(max_align)
            && placed
                .iter()
                .all(|&(at, align)| at.is_multiple_of(align.max(1)));
        let mut text = String::new();
        let _ = writeln!(
            text,
            "/// NumPy dtype {} ({} bytes).",
            short(&dtype.descr(), 200),
            dtype.itemsize()
        );
        text.push_str("#[derive(Clone, Copy, Debug, PixelLayout)]\n");
        // Field names are NumPy's, so they keep their case.
        if lines
            .iter()
            .any(|line| line.ident.chars().any(char::is_uppercase))
        {
            text.push_str("#[allow(non_snake_case)]\n");
        }
        text.push_str(if aligned {
            "#[repr(C)]\n"
        } else {
            "#[repr(C, packed)]\n"
        });
        let _ = writeln!(text, "pub struct {name} {{");
        for line in lines {
            if let Some(numpy_name) = &line.numpy_name {
                let _ = writeln!(text, "    /// NumPy name {numpy_name:?}.");
            }
            let (ident, ty) = (&line.ident, &line.ty);
            match &line.comment {
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
        self.imports.insert("typed_layout::PixelLayout");
        Ok(FieldType {
            text: name,
            align: if aligned { max_align } else { 1 },
        })
    }

    /// The pixel struct of an image-shaped plain dtype: `channels` fields
    /// of the element type.
    fn pixel(&mut self, element: &str, name: &str, channels: usize) -> String {
        let name = self.unique(name);
        let names: Vec<String> = match channels {
            3 => ["r", "g", "b"].map(String::from).to_vec(),
            4 => ["r", "g", "b", "a"].map(String::from).to_vec(),
            n => (0..n).map(|i| format!("c{i}")).collect(),
        };
        let mut text = String::new();
        let _ = writeln!(
            text,
            "/// One pixel of the (height, width, {channels}) array; rename the channels to the \
             file's order (b, g, r, a for BGRA)."
        );
        text.push_str("#[derive(Clone, Copy, Debug, PixelLayout)]\n#[repr(C)]\n");
        let _ = writeln!(text, "pub struct {name} {{");
        for channel in names {
            let _ = writeln!(text, "    pub {channel}: {element},");
        }
        text.push_str("}\n");
        self.items.push(text);
        self.imports.insert("typed_layout::PixelLayout");
        name
    }
}

fn short(text: &str, limit: usize) -> String {
    match text.char_indices().nth(limit) {
        Some((cut, _)) => format!("{} ...", &text[..cut]),
        None => text.to_string(),
    }
}

/// The Rust definition matching `dtype`, named `name`, with default
/// options (see [`rust_definition_with`]).
///
/// ```
/// use typed_layout_core::Dtype;
/// let dtype = Dtype::parse("[('name', '|S32'), ('age', '<i4'), ('salary', '<f8')]")?;
/// let code = typed_layout_cli::rust_definition(&dtype, "Person")?;
/// assert!(code.source.contains("#[repr(C, packed)]"));
/// assert!(code.source.contains("pub name: Bytes<32>,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`CodegenError::NoRustType`] for long doubles, [`CodegenError::ZeroSized`]
/// for an empty record.
pub fn rust_definition(dtype: &Dtype, name: &str) -> Result<Generated, CodegenError> {
    rust_definition_with(dtype, name, &Options::default())
}

/// The Rust definition matching `dtype`, named `name`: for a record, a
/// `#[derive(Clone, Copy, Debug, PixelLayout)]` struct (nested records as
/// their own structs) with `#[repr(C)]` when every field is naturally
/// aligned, else `#[repr(C, packed)]`, padding fields `_pad: [u8; N]` for
/// gaps, `Be<T>`/`Le<T>` for fields in the other byte order, and the dtype
/// family types ([`Dtype::rust_type`]: `Bool`, `Bytes<N>`, `Ucs4<N>`,
/// `Datetime64<Unit>`, `f16`, `Complex<f64>`); for a plain dtype, a type
/// alias (and a pixel struct for image-shaped files, see [`Options`]).
///
/// ```
/// use typed_layout_core::Dtype;
/// use typed_layout_cli::{rust_definition_with, Options};
/// let mut options = Options::default();
/// options.shape = Some(vec![480, 640, 4]);
/// let code = rust_definition_with(&Dtype::parse("|u1")?, "Frame", &options)?;
/// assert_eq!(code.pixel.as_deref(), Some("FramePixel"));
/// assert!(code.source.contains("pub type Frame = u8;"));
///
/// options.unaligned = true;
/// options.shape = None;
/// let code = rust_definition_with(&Dtype::parse("[('x', '<f8')]")?, "P", &options)?;
/// # #[cfg(target_endian = "little")]
/// assert!(code.source.contains("pub x: Le<f64>,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// As [`rust_definition`].
pub fn rust_definition_with(
    dtype: &Dtype,
    name: &str,
    options: &Options,
) -> Result<Generated, CodegenError> {
    let mut gen = Gen {
        options: options.clone(),
        items: Vec::new(),
        taken: BTreeSet::new(),
        imports: BTreeSet::new(),
        features: BTreeSet::new(),
        warnings: Vec::new(),
        renamed: Vec::new(),
    };
    let mut pixel = None;
    let top = if dtype.innermost().is_record() && !dtype.is_sub_array() {
        gen.record(dtype, name, "")?.text
    } else {
        gen.taken.insert(name.to_string());
        let ty = gen.field_type(dtype, &format!("{name}Element"), "")?;
        let mut alias = String::new();
        let _ = writeln!(
            alias,
            "/// NumPy dtype {} ({} bytes).",
            short(&dtype.descr(), 200),
            dtype.itemsize()
        );
        let _ = writeln!(alias, "pub type {name} = {};", ty.text);
        gen.items.push(alias);
        if let (Some([_, _, channels]), false) = (options.shape.as_deref(), dtype.is_sub_array()) {
            if (2..=4).contains(channels) {
                pixel = Some(gen.pixel(&ty.text, &format!("{name}Pixel"), *channels));
            }
        }
        name.to_string()
    };
    let imports: Vec<String> = gen.imports.iter().map(|p| p.to_string()).collect();
    let mut source = use_lines(&imports);
    if !gen.features.is_empty() {
        let features: Vec<&str> = gen.features.iter().copied().collect();
        let _ = writeln!(
            source,
            "// needs typed-layout's feature(s): {}",
            features.join(", ")
        );
    }
    if !source.is_empty() {
        source.push('\n');
    }
    let items = gen.items.join("\n");
    source.push_str(&items);
    Ok(Generated {
        source,
        items,
        imports,
        name: top,
        pixel,
        features: gen.features.into_iter().collect(),
        warnings: gen.warnings,
        renamed: gen.renamed,
    })
}

/// The `use` lines for `paths` (`typed_layout::Be`,
/// `typed_layout::ext::half::f16`): one line per module, items in braces.
///
/// ```
/// let lines = typed_layout_cli::use_lines(&[
///     "typed_layout::PixelLayout".to_string(),
///     "typed_layout::Be".to_string(),
///     "typed_layout::numpy_types::Seconds".to_string(),
/// ]);
/// assert_eq!(lines, "use typed_layout::{Be, PixelLayout};\nuse typed_layout::numpy_types::Seconds;\n");
/// ```
pub fn use_lines(paths: &[String]) -> String {
    let mut modules: Vec<(&str, BTreeSet<&str>)> = Vec::new();
    for path in paths {
        let (module, item) = path.rsplit_once("::").unwrap_or((path, ""));
        match modules.iter_mut().find(|(m, _)| *m == module) {
            Some((_, items)) => {
                items.insert(item);
            }
            None => modules.push((module, BTreeSet::from([item]))),
        }
    }
    // `typed_layout` itself first, then the deeper modules in order.
    modules.sort_by_key(|(module, _)| (module.matches("::").count(), *module));
    let mut out = String::new();
    for (module, items) in modules {
        let items: Vec<&str> = items.into_iter().collect();
        match items.as_slice() {
            [one] => {
                let _ = writeln!(out, "use {module}::{one};");
            }
            many => {
                let _ = writeln!(out, "use {module}::{{{}}};", many.join(", "));
            }
        }
    }
    out
}
