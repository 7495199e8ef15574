//! PEP 3118 format strings (the Python buffer protocol), read with NumPy's
//! rules and written the way NumPy writes them.
//!
//! Reading follows `numpy/_core/_internal.py`: the byte-order character
//! stays in force until the next one, also across `T{...}` boundaries;
//! only `@` aligns fields (and rounds the record up to the common
//! alignment); unnamed `x` bytes are padding; unnamed other fields are
//! named `f0`, `f1`, ...
//!
//! Writing follows NumPy's buffer export for a C-contiguous array of many
//! elements: `@` and native codes for native fields that are naturally
//! aligned in every element, `=` for other native fields, `<`/`>` for the
//! rest; one `x` per gap byte; no trailing padding. When that text would
//! not read back as the same dtype (NumPy's form loses trailing padding that
//! alignment does not imply), the explicit form is written instead: no
//! `@`, every gap and trailing byte as `x`.

use super::descr::round_up;
use super::{
    checked_product, checked_sum, Dtype, DtypeError, DtypeField, DtypeKind, Repr, MAX_ITEMSIZE,
    MAX_NESTING,
};
use crate::layout::ByteOrder;
use alloc::collections::BTreeSet;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

const SYNTAX: &str = "PEP 3118";

/// Size of C `long`, which `l`/`L` mean with native sizes.
#[cfg(all(target_pointer_width = "64", not(windows)))]
const C_LONG: usize = 8;
#[cfg(not(all(target_pointer_width = "64", not(windows))))]
const C_LONG: usize = 4;

impl Dtype {
    /// Parses a PEP 3118 format string as NumPy does (`T{...}` structs,
    /// `:name:`, `x` padding, `@ = < > ! ^` byte orders, `(n,m)` sub-array
    /// prefixes, repeat counts, `Ns` bytes, `Nw` UCS-4).
    ///
    /// ```
    /// use typed_layout::Dtype;
    /// let packed = Dtype::from_pep3118("T{32s:name:i:age:=d:salary:}")?;
    /// assert_eq!((packed.itemsize(), packed.field("salary").map(|f| f.offset())), (44, Some(36)));
    /// let aligned = Dtype::from_pep3118("T{32s:name:i:age:xxxxd:salary:}")?;
    /// assert_eq!((aligned.itemsize(), aligned.field("salary").map(|f| f.offset())), (48, Some(40)));
    /// # Ok::<(), typed_layout::DtypeError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`DtypeError::Syntax`] with the position, [`DtypeError::Unsupported`] for
    /// codes that hold pointers or have no NumPy dtype (`O`, `&`, `u`, `t`),
    /// [`DtypeError::TooLarge`], [`DtypeError::TooDeep`],
    /// [`DtypeError::DuplicateField`].
    pub fn from_pep3118(text: &str) -> Result<Dtype, DtypeError> {
        let mut stream = Stream {
            src: text.as_bytes(),
            text,
            pos: 0,
            order: b'@',
        };
        if text.is_empty() {
            return Err(stream.error("a type code"));
        }
        let (dtype, _) = stream.structure(false, 0)?;
        Ok(dtype)
    }

    /// The PEP 3118 format string, as NumPy's buffer export writes it for
    /// an array of these elements (`T{32s:name:i:age:=d:salary:}`). Falls
    /// back to an explicit form when NumPy's would not read back as the
    /// same dtype (see the module notes). Fails for datetimes, 16-byte
    /// integers and `:` in field names, which PEP 3118 cannot express.
    ///
    /// ```
    /// use typed_layout::{Dtype, HasDtype, PixelLayout};
    ///
    /// #[derive(Clone, Copy, PixelLayout)]
    /// #[repr(C)]
    /// struct Bgra8 { b: u8, g: u8, r: u8, a: u8 }
    ///
    /// assert_eq!(Bgra8::dtype().pep3118()?, "T{B:b:B:g:B:r:B:a:}");
    /// let sub = Dtype::from_descr("[('rgb', '|u1', (3,)), ('a', '|u1')]")?;
    /// assert_eq!(sub.pep3118()?, "T{(3)B:rgb:B:a:}");
    /// # Ok::<(), typed_layout::DtypeError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`DtypeError::NotRepresentable`] for what PEP 3118 cannot express:
    /// datetimes and timedeltas (NumPy refuses to export them too), 16-byte
    /// integers, `:` in a field name.
    pub fn pep3118(&self) -> Result<String, DtypeError> {
        let numpy_style = Emitter::run(self, false)?;
        if Dtype::from_pep3118(&numpy_style).ok().as_ref() == Some(self) {
            return Ok(numpy_style);
        }
        let explicit = Emitter::run(self, true)?;
        if Dtype::from_pep3118(&explicit).ok().as_ref() == Some(self) {
            return Ok(explicit);
        }
        Err(DtypeError::NotRepresentable {
            syntax: SYNTAX,
            what: format!("the dtype {}", self.descr()),
        })
    }
}

// ---------------------------------------------------------------------------
// Writing.

struct Emitter {
    out: String,
    /// The byte order character in force.
    active: u8,
    /// Absolute offset of the next byte to describe.
    offset: usize,
    /// Distance between array elements (the top-level itemsize).
    stride: usize,
    /// Explicit form: no `@`, all padding written.
    explicit: bool,
}

fn not_representable(what: String) -> DtypeError {
    DtypeError::NotRepresentable {
        syntax: SYNTAX,
        what,
    }
}

/// An offset of a dtype too large to describe (only dtypes built from
/// huge Rust types reach this; parsed ones are within [`MAX_ITEMSIZE`]).
fn overflow(value: String) -> DtypeError {
    DtypeError::too_large("a PEP 3118 offset", value, usize::MAX)
}

impl Emitter {
    fn run(dtype: &Dtype, explicit: bool) -> Result<String, DtypeError> {
        let mut emitter = Emitter {
            out: String::new(),
            active: b'@',
            offset: 0,
            stride: dtype.itemsize,
            explicit,
        };
        emitter.emit(dtype, 0)?;
        Ok(emitter.out)
    }

    /// Padding up to `target`: `xxxx` as NumPy writes it for short gaps, a
    /// counted `Nx` for long ones (a gap of gigabytes must not become a
    /// string of gigabytes; found by fuzzing).
    fn pad_to(&mut self, target: usize) {
        let gap = target.saturating_sub(self.offset);
        if gap > Self::SPELLED_OUT_PADDING {
            let _ = write!(self.out, "{gap}x");
        } else {
            self.out.extend(core::iter::repeat_n('x', gap));
        }
        self.offset = self.offset.max(target);
    }

    const SPELLED_OUT_PADDING: usize = 64;

    fn set_order(&mut self, want: u8) {
        if self.active != want {
            self.out.push(char::from(want));
            self.active = want;
        }
    }

    fn emit(&mut self, dtype: &Dtype, depth: usize) -> Result<(), DtypeError> {
        if depth > MAX_NESTING {
            return Err(DtypeError::TooDeep { limit: MAX_NESTING });
        }
        match &dtype.repr {
            Repr::SubArray { base, shape } => {
                self.out.push('(');
                for (i, dim) in shape.iter().enumerate() {
                    if i > 0 {
                        self.out.push(',');
                    }
                    let _ = write!(self.out, "{dim}");
                }
                self.out.push(')');
                let start = self.offset;
                self.emit(base, depth + 1)?;
                // The base is written once and stands for every element.
                let count = checked_product("a sub-array's element count", 1, shape, usize::MAX)?;
                let extent = if self.explicit {
                    base.itemsize
                } else {
                    self.offset.saturating_sub(start)
                };
                self.offset = extent
                    .checked_mul(count)
                    .and_then(|n| n.checked_add(start))
                    .ok_or_else(|| overflow(format!("{start} + {extent} * {count}")))?;
                Ok(())
            }
            Repr::Record { fields } => {
                let base = self.offset;
                self.out.push_str("T{");
                for field in fields {
                    let target = checked_sum("a field's offset", base, field.offset, usize::MAX)?;
                    self.pad_to(target);
                    self.emit(&field.dtype, depth + 1)?;
                    if field.name.contains(':') {
                        return Err(not_representable(format!(
                            "field name `{}` (PEP 3118 names cannot contain `:`)",
                            field.name
                        )));
                    }
                    self.out.push(':');
                    self.out.push_str(&field.name);
                    self.out.push(':');
                }
                if self.explicit {
                    self.pad_to(checked_sum(
                        "a record's end",
                        base,
                        dtype.itemsize,
                        usize::MAX,
                    )?);
                }
                self.out.push('}');
                Ok(())
            }
            Repr::Scalar { kind, order, .. } => self.scalar(*kind, dtype.itemsize, *order),
        }
    }

    fn scalar(&mut self, kind: DtypeKind, size: usize, order: ByteOrder) -> Result<(), DtypeError> {
        let align = kind.natural_align(size);
        self.offset = self
            .offset
            .checked_add(size)
            .ok_or_else(|| overflow(format!("{} + {size}", self.offset)))?;
        // NumPy tests the element's end offset, the element size and the
        // array stride against the alignment.
        let aligned = self.offset.is_multiple_of(align)
            && size.is_multiple_of(align)
            && self.stride.is_multiple_of(align);
        let native = order == ByteOrder::NATIVE;
        let native_only = matches!(
            (kind, size),
            (DtypeKind::Float, 16) | (DtypeKind::Complex, 32)
        );
        if order != ByteOrder::NotApplicable {
            let want = if native && aligned && !self.explicit {
                b'@'
            } else if native && native_only {
                b'^'
            } else if native {
                b'='
            } else if order == ByteOrder::Little {
                b'<'
            } else {
                b'>'
            };
            self.set_order(want);
        } else if self.explicit && self.active == b'@' {
            // Leave `@` so nothing after this is aligned on reading.
            self.set_order(b'=');
        }
        let standard = !matches!(self.active, b'@' | b'^');
        let signed = kind == DtypeKind::Int;
        let code: &str = match (kind, size) {
            (DtypeKind::Bool, _) => "?",
            (DtypeKind::Int | DtypeKind::Uint, 1) => pick(signed, "b", "B"),
            (DtypeKind::Int | DtypeKind::Uint, 2) => pick(signed, "h", "H"),
            (DtypeKind::Int | DtypeKind::Uint, s) if s == C_LONG && !(standard && s == 8) => {
                pick(signed, "l", "L")
            }
            (DtypeKind::Int | DtypeKind::Uint, 4) => pick(signed, "i", "I"),
            (DtypeKind::Int | DtypeKind::Uint, 8) => pick(signed, "q", "Q"),
            (DtypeKind::Float, 2) => "e",
            (DtypeKind::Float, 4) => "f",
            (DtypeKind::Float, 8) => "d",
            (DtypeKind::Float, 16) if !standard => "g",
            (DtypeKind::Complex, 8) => "Zf",
            (DtypeKind::Complex, 16) => "Zd",
            (DtypeKind::Complex, 32) if !standard => "Zg",
            (DtypeKind::Bytes, n) => {
                let _ = write!(self.out, "{n}s");
                return Ok(());
            }
            (DtypeKind::Unicode, n) => {
                let _ = write!(self.out, "{}w", n / 4);
                return Ok(());
            }
            (DtypeKind::Raw, n) => {
                let _ = write!(self.out, "{n}x");
                return Ok(());
            }
            (DtypeKind::Datetime | DtypeKind::Timedelta, _) => {
                return Err(not_representable(format!(
                    "a `{}8` element: PEP 3118 has no code for datetime64 or timedelta64, and \
                     NumPy refuses to export them through a buffer (\"cannot include dtype '{}' \
                     in a buffer\"); use a .npy file, whose descr has them",
                    kind.typestr_char(),
                    kind.typestr_char()
                )))
            }
            (kind, size) => {
                return Err(not_representable(format!(
                    "a `{}{size}` element (PEP 3118 has no code for it)",
                    kind.typestr_char()
                )))
            }
        };
        self.out.push_str(code);
        Ok(())
    }
}

fn pick(signed: bool, yes: &'static str, no: &'static str) -> &'static str {
    if signed {
        yes
    } else {
        no
    }
}

// ---------------------------------------------------------------------------
// Reading.

struct Stream<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
    /// The byte order character in force; shared by nested structs.
    order: u8,
}

fn lcm(a: usize, b: usize) -> Result<usize, DtypeError> {
    let (mut x, mut y) = (a, b);
    while y != 0 {
        (x, y) = (y, x % y);
    }
    if x == 0 {
        return Ok(0);
    }
    checked_product("the common alignment", a / x, &[b], MAX_ITEMSIZE)
}

/// `value` followed by `padding` bytes, as one element (NumPy's
/// `_add_trailing_padding`).
fn add_trailing_padding(value: Dtype, padding: usize) -> Result<Dtype, DtypeError> {
    let itemsize = checked_sum(
        "a padded element size",
        value.itemsize,
        padding,
        MAX_ITEMSIZE,
    )?;
    match value.repr {
        Repr::Record { fields } => Dtype::record(fields, itemsize),
        repr => {
            let inner = Dtype {
                itemsize: value.itemsize,
                align: value.align,
                repr,
            };
            Dtype::record(alloc::vec![DtypeField::new("f0", 0, inner)], itemsize)
        }
    }
}

impl Stream<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn error(&self, expected: &'static str) -> DtypeError {
        let found = match self.text.get(self.pos..) {
            None | Some("") => String::from("end of input"),
            Some(rest) => {
                let excerpt: String = rest.chars().take(16).collect();
                format!("`{excerpt}`")
            }
        };
        DtypeError::Syntax {
            syntax: SYNTAX,
            position: self.pos,
            expected,
            found,
        }
    }

    fn number(&mut self) -> Result<Option<usize>, DtypeError> {
        let start = self.pos;
        let mut value: Option<usize> = None;
        while let Some(c @ b'0'..=b'9') = self.peek() {
            value = Some(
                value
                    .unwrap_or(0)
                    .checked_mul(10)
                    .and_then(|n| n.checked_add(usize::from(c - b'0')))
                    .filter(|&n| n <= MAX_ITEMSIZE)
                    .ok_or_else(|| {
                        let digits: String = self
                            .text
                            .get(start..)
                            .unwrap_or("")
                            .chars()
                            .take_while(char::is_ascii_digit)
                            .collect();
                        DtypeError::too_large("a PEP 3118 count", digits, MAX_ITEMSIZE)
                    })?,
            );
            self.pos += 1;
        }
        Ok(value)
    }

    /// `(n,m,...)` after the opening parenthesis.
    fn shape(&mut self) -> Result<Vec<usize>, DtypeError> {
        let mut shape = Vec::new();
        loop {
            while self.eat(b' ') {}
            let Some(dim) = self.number()? else {
                return Err(self.error("a sub-array dimension"));
            };
            shape.push(dim);
            while self.eat(b' ') {}
            if self.eat(b')') {
                return Ok(shape);
            }
            if !self.eat(b',') {
                return Err(self.error("`,` or `)` in a sub-array shape"));
            }
        }
    }

    /// A field name after the opening `:`, up to the closing `:`.
    fn name(&mut self) -> Result<String, DtypeError> {
        let rest = self.text.get(self.pos..).unwrap_or("");
        match rest.find(':') {
            Some(end) => {
                self.pos += end + 1;
                Ok(String::from(rest.get(..end).unwrap_or("")))
            }
            None => Err(self.error("a field name closed by `:`")),
        }
    }

    /// The items up to a closing `}` (for nested structs) or the end.
    /// Returns the dtype and its alignment (the common alignment of the
    /// fields read under `@`).
    fn structure(&mut self, nested: bool, depth: usize) -> Result<(Dtype, usize), DtypeError> {
        if depth > MAX_NESTING {
            return Err(DtypeError::TooDeep { limit: MAX_NESTING });
        }
        // Explicit field names, for duplicates and for naming unnamed items.
        let mut taken: BTreeSet<String> = BTreeSet::new();
        let mut fields: Vec<(Option<String>, usize, Dtype)> = Vec::new();
        let mut offset = 0usize;
        let mut common = 1usize;
        let mut closed = false;
        while self.pos < self.src.len() {
            if self.eat(b'}') {
                if !nested {
                    self.pos -= 1;
                    return Err(self.error("a type code (this `}` closes nothing)"));
                }
                closed = true;
                break;
            }
            // `(2)(5)d` is a sub-array of sub-arrays, as NumPy writes one
            // (NumPy's own reader does not read it back; this one does).
            let mut shapes: Vec<Vec<usize>> = Vec::new();
            while self.eat(b'(') {
                if shapes.len() >= MAX_NESTING {
                    return Err(DtypeError::TooDeep { limit: MAX_NESTING });
                }
                shapes.push(self.shape()?);
            }
            if let Some(c @ (b'@' | b'=' | b'<' | b'>' | b'^' | b'!')) = self.peek() {
                self.order = if c == b'!' { b'>' } else { c };
                self.pos += 1;
            }
            let native_sizes = matches!(self.order, b'@' | b'^');
            let mut count = self.number()?.unwrap_or(1);
            let byte_order = match self.order {
                b'<' => ByteOrder::Little,
                b'>' => ByteOrder::Big,
                _ => ByteOrder::NATIVE,
            };
            let mut is_padding = false;
            let (mut value, align) = if self.src.get(self.pos..self.pos + 2) == Some(b"T{") {
                self.pos += 2;
                self.structure(true, depth + 1)?
            } else {
                let Some(code) = self.peek() else {
                    return Err(self.error("a type code"));
                };
                let scalar = |kind, size| Dtype::scalar(kind, size, byte_order);
                let value = match code {
                    b'?' => scalar(DtypeKind::Bool, 1)?,
                    b'c' => scalar(DtypeKind::Bytes, 1)?,
                    b'b' => scalar(DtypeKind::Int, 1)?,
                    b'B' => scalar(DtypeKind::Uint, 1)?,
                    b'h' => scalar(DtypeKind::Int, 2)?,
                    b'H' => scalar(DtypeKind::Uint, 2)?,
                    b'i' => scalar(DtypeKind::Int, 4)?,
                    b'I' => scalar(DtypeKind::Uint, 4)?,
                    b'l' => scalar(DtypeKind::Int, if native_sizes { C_LONG } else { 4 })?,
                    b'L' => scalar(DtypeKind::Uint, if native_sizes { C_LONG } else { 4 })?,
                    b'q' => scalar(DtypeKind::Int, 8)?,
                    b'Q' => scalar(DtypeKind::Uint, 8)?,
                    b'e' => scalar(DtypeKind::Float, 2)?,
                    b'f' => scalar(DtypeKind::Float, 4)?,
                    b'd' => scalar(DtypeKind::Float, 8)?,
                    b'g' if native_sizes => scalar(DtypeKind::Float, 16)?,
                    b'Z' => {
                        let size = match (self.src.get(self.pos + 1), native_sizes) {
                            (Some(b'f'), _) => 8,
                            (Some(b'd'), _) => 16,
                            (Some(b'g'), true) => 32,
                            _ => {
                                self.pos += 1;
                                return Err(self.error("`f`, `d` or (native) `g` after `Z`"));
                            }
                        };
                        self.pos += 1;
                        scalar(DtypeKind::Complex, size)?
                    }
                    b's' => {
                        let size = core::mem::replace(&mut count, 1);
                        scalar(DtypeKind::Bytes, size)?
                    }
                    b'w' => {
                        let chars = core::mem::replace(&mut count, 1);
                        let size = checked_product(
                            "a PEP 3118 string's size in bytes",
                            chars,
                            &[4],
                            MAX_ITEMSIZE,
                        )?;
                        scalar(DtypeKind::Unicode, size)?
                    }
                    b'x' => {
                        is_padding = true;
                        let size = core::mem::replace(&mut count, 1);
                        scalar(DtypeKind::Raw, size)?
                    }
                    b'O' => {
                        return Err(DtypeError::Unsupported {
                            code: String::from("O"),
                            reason: "Python objects are pointers, never plain data",
                        })
                    }
                    b'u' | b'&' | b't' | b'X' => {
                        return Err(DtypeError::Unsupported {
                            code: String::from(char::from(code)),
                            reason: match code {
                                b'u' => "UCS-2 strings have no NumPy dtype",
                                b'&' => "pointers are never plain data",
                                b't' => "bit fields have no byte layout",
                                _ => "function pointers are never plain data",
                            },
                        })
                    }
                    _ => return Err(self.error("a PEP 3118 type code")),
                };
                self.pos += 1;
                let align = value.align;
                (value, align)
            };
            // Only native alignment (`@`) pads, as NumPy reads it.
            let mut extra = 0usize;
            if self.order == b'@' {
                let align = align.max(1);
                offset = round_up(offset, align)?;
                let intra = (align - value.itemsize % align) % align;
                if intra != 0 {
                    let elements = shapes
                        .iter()
                        .flatten()
                        .try_fold(1usize, |acc, &d| acc.checked_mul(d));
                    if count > 1 || elements.is_none_or(|n| n > 1) {
                        value = add_trailing_padding(value, intra)?;
                    } else {
                        extra = intra;
                    }
                }
                common = lcm(common, align)?;
            }
            if count != 1 {
                value = Dtype::sub_array(value, &[count])?;
            }
            for shape in shapes.iter().rev() {
                value = Dtype::sub_array(value, shape)?;
            }
            let name = if self.eat(b':') {
                Some(self.name()?)
            } else {
                None
            };
            let size = value.itemsize;
            if !(is_padding && name.is_none()) {
                if let Some(name) = &name {
                    // A set, not a scan of `fields`: a format of n items
                    // must parse in O(n log n) (found by fuzzing: 16000
                    // items took 0.2 s, a megabyte of them minutes).
                    if !taken.insert(name.clone()) {
                        return Err(DtypeError::DuplicateField { name: name.clone() });
                    }
                }
                fields.push((name, offset, value));
            }
            offset = checked_sum("the record's size", offset, size, MAX_ITEMSIZE)
                .and_then(|n| checked_sum("the record's size", n, extra, MAX_ITEMSIZE))?;
        }
        if nested && !closed {
            return Err(self.error("`}` closing a `T{` struct"));
        }
        let itemsize = if self.order == b'@' {
            round_up(offset, common)?
        } else {
            offset
        };
        // A lone unnamed item is that item, not a record of one field.
        if !nested
            && fields.len() == 1
            && fields[0].0.is_none()
            && fields[0].1 == 0
            && fields[0].2.itemsize == itemsize
        {
            if let Some((_, _, only)) = fields.pop() {
                return Ok((only, common));
            }
        }
        // Unnamed items get the first free name f0, f1, ... (NumPy's
        // `_fix_names`); `taken` holds every explicit name.
        let mut named: Vec<DtypeField> = Vec::with_capacity(fields.len());
        let mut next = 0usize;
        for (name, offset, dtype) in fields {
            let name = match name {
                Some(name) => name,
                None => loop {
                    let candidate = format!("f{next}");
                    next += 1;
                    if !taken.contains(&candidate) {
                        break candidate;
                    }
                },
            };
            named.push(DtypeField::new(name, offset, dtype));
        }
        Ok((Dtype::record(named, itemsize)?, common))
    }
}
