//! `Dtype::rust_type`: the Rust layout type of a scalar or sub-array dtype,
//! the one mapping behind codegen and the mismatch hints.

use super::{Dtype, DtypeKind, Repr};
use crate::layout::ByteOrder;
use crate::numpy_types::TimeUnit;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// The Rust layout type that has the same dtype as a scalar or sub-array
/// dtype: what a generated struct field is (see [`Dtype::rust_type`]).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RustType {
    /// The type as written in a field, using the names in `imports`
    /// (`"f64"`, `"Be<f64>"`, `"[Bytes<8>; 3]"`, `"Datetime64<Nanoseconds>"`).
    pub text: String,
    /// Its alignment in Rust, in bytes.
    pub align: usize,
    /// The paths the text needs imported (`"typed_layout::Be"`,
    /// `"typed_layout::ext::half::f16"`), sorted.
    pub imports: Vec<&'static str>,
    /// The cargo feature of `typed-layout` it needs (`"half"`,
    /// `"num-complex"`), if any.
    pub feature: Option<&'static str>,
}

/// Why a dtype has no Rust layout type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum NoRustType {
    /// A record: its Rust type is a struct to declare (codegen does).
    Record,
    /// A scalar Rust has no type for (`<f16` long double, `<c32`).
    Unsupported,
    /// A datetime unit with a multiplier (`[25s]`): no unit type; read it
    /// as `i64` counts (written back as `<i8`).
    UnitMultiple,
}

impl Dtype {
    /// The Rust layout type with this dtype, for a scalar or a sub-array of
    /// scalars: native numbers as themselves, the other byte order as
    /// `Be<T>`/`Le<T>`, `|b1` as [`Bool`](crate::Bool), `|S8` as
    /// [`Bytes<8>`](crate::Bytes), `<U4` as [`Ucs4<4>`](crate::Ucs4),
    /// `<f2` as `f16` (feature `half`), `<c16` as `Complex<f64>` (feature
    /// `num-complex`), `<M8[ns]` as `Datetime64<Nanoseconds>`, `|V8` as
    /// `[u8; 8]`, sub-arrays as arrays (`[[f32; 3]; 2]`).
    ///
    /// ```
    /// use typed_layout::Dtype;
    /// let t = Dtype::parse(">f8")?.rust_type().unwrap();
    /// assert_eq!((t.text.as_str(), t.align), ("Be<f64>", 1));
    /// assert_eq!(t.imports, ["typed_layout::Be"]);
    /// let t = Dtype::parse("<f2")?.rust_type().unwrap();
    /// assert_eq!((t.text.as_str(), t.feature), ("f16", Some("half")));
    /// # Ok::<(), typed_layout::DtypeError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`NoRustType`]: a record (declare a struct), a scalar Rust has no
    /// type for, or a datetime unit with a multiplier.
    pub fn rust_type(&self) -> Result<RustType, NoRustType> {
        match &self.repr {
            Repr::Record { .. } => Err(NoRustType::Record),
            Repr::SubArray { base, shape } => {
                let mut inner = base.rust_type()?;
                for dim in shape.iter().rev() {
                    inner.text = format!("[{}; {dim}]", inner.text);
                }
                Ok(inner)
            }
            Repr::Scalar { kind, order, unit } => scalar(*kind, self.itemsize, *order, unit),
        }
    }
}

fn scalar(
    kind: DtypeKind,
    size: usize,
    order: ByteOrder,
    unit: &str,
) -> Result<RustType, NoRustType> {
    let mut imports: Vec<&'static str> = Vec::new();
    let mut feature = None;
    let (text, align, ordered): (String, usize, bool) = match (kind, size) {
        (DtypeKind::Bool, _) => {
            imports.push("typed_layout::Bool");
            (String::from("Bool"), 1, false)
        }
        (DtypeKind::Bytes, n) => {
            imports.push("typed_layout::Bytes");
            (format!("Bytes<{n}>"), 1, false)
        }
        (DtypeKind::Raw, n) => (format!("[u8; {n}]"), 1, false),
        (DtypeKind::Unicode, n) => {
            if order == ByteOrder::NATIVE {
                imports.push("typed_layout::Ucs4");
                (format!("Ucs4<{}>", n / 4), 4, false)
            } else {
                let wrapper = wrapper(order);
                imports.push(wrapper.1);
                (format!("[{}<u32>; {}]", wrapper.0, n / 4), 1, false)
            }
        }
        (DtypeKind::Int | DtypeKind::Uint, 1) => (
            String::from(if kind == DtypeKind::Int { "i8" } else { "u8" }),
            1,
            false,
        ),
        (DtypeKind::Int | DtypeKind::Uint, n @ (2 | 4 | 8 | 16)) => {
            let letter = if kind == DtypeKind::Int { 'i' } else { 'u' };
            (format!("{letter}{}", n * 8), n, true)
        }
        (DtypeKind::Float, 4) => (String::from("f32"), 4, true),
        (DtypeKind::Float, 8) => (String::from("f64"), 8, true),
        (DtypeKind::Float, 2) => {
            imports.push("typed_layout::ext::half::f16");
            feature = Some("half");
            (String::from("f16"), 2, true)
        }
        (DtypeKind::Complex, n @ (8 | 16)) => {
            imports.push("typed_layout::ext::num_complex::Complex");
            feature = Some("num-complex");
            (format!("Complex<f{}>", n * 4), n / 2, true)
        }
        (DtypeKind::Datetime | DtypeKind::Timedelta, 8) => {
            let unit = TimeUnit::parse(unit).ok_or(NoRustType::UnitMultiple)?;
            let (name, path) = if kind == DtypeKind::Datetime {
                ("Datetime64", "typed_layout::Datetime64")
            } else {
                ("Timedelta64", "typed_layout::Timedelta64")
            };
            imports.push(path);
            imports.push(unit_path(unit));
            (format!("{name}<{}>", unit.type_name()), 8, true)
        }
        _ => return Err(NoRustType::Unsupported),
    };
    let (text, align) =
        if ordered && order != ByteOrder::NATIVE && order != ByteOrder::NotApplicable {
            let wrapper = wrapper(order);
            imports.push(wrapper.1);
            (format!("{}<{text}>", wrapper.0), 1)
        } else {
            (text, align)
        };
    imports.sort_unstable();
    imports.dedup();
    Ok(RustType {
        text,
        align,
        imports,
        feature,
    })
}

fn wrapper(order: ByteOrder) -> (&'static str, &'static str) {
    if order == ByteOrder::Big {
        ("Be", "typed_layout::Be")
    } else {
        ("Le", "typed_layout::Le")
    }
}

fn unit_path(unit: TimeUnit) -> &'static str {
    match unit {
        TimeUnit::Years => "typed_layout::numpy_types::Years",
        TimeUnit::Months => "typed_layout::numpy_types::Months",
        TimeUnit::Weeks => "typed_layout::numpy_types::Weeks",
        TimeUnit::Days => "typed_layout::numpy_types::Days",
        TimeUnit::Hours => "typed_layout::numpy_types::Hours",
        TimeUnit::Minutes => "typed_layout::numpy_types::Minutes",
        TimeUnit::Seconds => "typed_layout::numpy_types::Seconds",
        TimeUnit::Milliseconds => "typed_layout::numpy_types::Milliseconds",
        TimeUnit::Microseconds => "typed_layout::numpy_types::Microseconds",
        TimeUnit::Nanoseconds => "typed_layout::numpy_types::Nanoseconds",
        TimeUnit::Picoseconds => "typed_layout::numpy_types::Picoseconds",
        TimeUnit::Femtoseconds => "typed_layout::numpy_types::Femtoseconds",
        TimeUnit::Attoseconds => "typed_layout::numpy_types::Attoseconds",
        TimeUnit::Generic => "typed_layout::numpy_types::Generic",
    }
}
