//! Validate: the rules that can be decided from the syntax, each refused with
//! a spanned error that says what is wrong and what to write instead. Rules
//! that need the compiler's layout facts (padding, size) are emitted as
//! constants by expand.rs.

use crate::ast::{Body, FieldDef, Input};
use crate::paste::{findings, Finding};
use syn::spanned::Spanned;
use syn::{Error, GenericArgument, PathArguments, Type};

/// Collects every violation, so the user sees all of them at once.
#[derive(Default)]
struct Errors(Option<Error>);

impl Errors {
    fn push(&mut self, span: proc_macro2::Span, message: impl std::fmt::Display) {
        self.add(Error::new(span, message));
    }

    /// An error spanning all of `tokens` (first to last).
    fn push_spanned(&mut self, tokens: proc_macro2::TokenStream, message: impl std::fmt::Display) {
        self.add(Error::new_spanned(tokens, message));
    }

    fn add(&mut self, error: Error) {
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    fn finish(self) -> syn::Result<()> {
        self.0.map_or(Ok(()), Err)
    }
}

pub fn validate(input: &Input) -> syn::Result<()> {
    let mut errors = Errors::default();
    let name = &input.name;
    match &input.body {
        Body::Enum(span) => errors.push(
            *span,
            format!(
                "PixelLayout cannot be derived for enum `{name}`: only the listed discriminants are \
                 valid, so most bit patterns would be undefined behaviour; store the tag as an \
                 integer field (e.g. `kind: u8`) in a struct and convert it with TryFrom"
            ),
        ),
        Body::Union(span) => errors.push(
            *span,
            format!(
                "PixelLayout cannot be derived for union `{name}`: which field is active is not \
                 recorded in the bytes; use a struct, or a byte array such as `[u8; N]`, and \
                 decode it explicitly"
            ),
        ),
        Body::TupleStruct(span) => errors.push(
            *span,
            format!(
                "PixelLayout needs named fields: columns and dtypes are named after them; write \
                 `struct {name} {{ a: T, b: U }}` instead of a tuple struct"
            ),
        ),
        Body::UnitStruct => errors.push(
            input.ident.span(),
            format!("`{name}` is zero-sized; a layout type needs at least one byte of data"),
        ),
        Body::NamedStruct(fields) if fields.is_empty() => errors.push(
            input.ident.span(),
            format!("`{name}` is zero-sized; a layout type needs at least one byte of data"),
        ),
        Body::NamedStruct(fields) => {
            for field in fields {
                check_field_type(&mut errors, field, field.ty);
                check_pasted_alike(&mut errors, input, field);
            }
        }
    }
    if !input.generics.params.is_empty() {
        errors.push(
            input.generics.params.span(),
            format!(
                "PixelLayout cannot be derived for generic `{name}`: the layout must be proven for \
                 one concrete type; write a concrete struct (or a type alias per instantiation of \
                 a non-generic struct)"
            ),
        );
    }
    check_repr(&mut errors, input);
    errors.finish()
}

fn check_repr(errors: &mut Errors, input: &Input) {
    let repr = &input.repr;
    let name = &input.name;
    for (span, other) in &repr.other {
        errors.push(
            *span,
            format!(
                "#[repr({other})] is not a layout PixelLayout can prove; use #[repr(C)] (fields in \
                 declaration order) or #[repr(C, packed)] (no alignment, as NumPy's default)"
            ),
        );
    }
    if !repr.c && !repr.transparent {
        match repr.packed {
            Some((span, _)) => errors.push(
                span,
                format!(
                    "#[repr(packed)] without C leaves the field order to the compiler; write \
                     #[repr(C, packed)] on `{name}`"
                ),
            ),
            None if repr.other.is_empty() => errors.push(
                input.ident.span(),
                format!(
                    "`{name}` needs #[repr(C)] or #[repr(C, packed)]: without it Rust may reorder \
                     the fields, so their offsets are not fixed; add #[repr(C)] above the struct"
                ),
            ),
            None => {}
        }
    }
}

/// Refuses field types that are known not to be layout types, with the
/// reason. Anything else is left to the `PixelLayout` bound, whose
/// `on_unimplemented` message explains the rule.
fn check_field_type(errors: &mut Errors, field: &FieldDef, ty: &Type) {
    let field_name = &field.name;
    let mut refuse = |why: &str| {
        errors.push(
            ty.span(),
            format!(
                "field `{field_name}` has type `{}`, which is not a layout type: {why}",
                type_text(ty)
            ),
        )
    };
    match ty {
        Type::Array(array) => check_field_type(errors, field, &array.elem),
        Type::Paren(inner) => check_field_type(errors, field, &inner.elem),
        Type::Group(inner) => check_field_type(errors, field, &inner.elem),
        Type::Reference(_) => refuse(
            "a reference is an address, meaningful only inside this process and never valid in \
             foreign bytes; store an offset or index (e.g. `u32`) instead",
        ),
        Type::Ptr(_) => refuse(
            "a pointer is an address, meaningful only inside this process; store an offset or \
             index (e.g. `u64`) instead",
        ),
        Type::BareFn(_) => refuse(
            "a function pointer must point to code and may not be null; store an index into a \
             table of functions instead",
        ),
        Type::Tuple(tuple) if tuple.elems.is_empty() => {
            refuse("`()` is zero-sized and carries no data; remove the field")
        }
        Type::Tuple(_) => refuse(
            "a tuple's layout is unspecified (it may be reordered and padded); use an array or a \
             #[repr(C)] struct that derives PixelLayout",
        ),
        Type::Slice(_) => refuse("a slice has no fixed size; use an array `[T; N]`"),
        Type::TraitObject(_) | Type::ImplTrait(_) => {
            refuse("a trait object has no fixed layout; use a concrete layout type")
        }
        Type::Never(_) => refuse("`!` has no values; remove the field"),
        Type::Path(path) if path.qself.is_none() => {
            let Some(last) = path.path.segments.last() else {
                return;
            };
            let name = last.ident.to_string();
            let has_args = !matches!(last.arguments, PathArguments::None);
            if let Some(why) = refusal_for(&name, has_args) {
                refuse(why);
            }
            // `[T; N]` inside generic wrappers such as `Be<bool>` is caught by
            // the trait bound; only look into arrays and known wrappers.
            if let PathArguments::AngleBracketed(args) = &last.arguments {
                if name == "Be" || name == "Le" {
                    for arg in &args.args {
                        if let GenericArgument::Type(inner) = arg {
                            check_field_type(errors, field, inner);
                        }
                    }
                }
            }
        }
        _ => {}
    }
}

/// Refuses what could make the field's type mean something different at
/// each place the derive pastes it (see paste.rs): the proof must be about
/// the struct's real field types.
fn check_pasted_alike(errors: &mut Errors, input: &Input, field: &FieldDef) {
    let field_name = &field.name;
    for finding in findings(field.ty) {
        match finding {
            Finding::Macro {
                tokens,
                name,
                in_array_len,
            } => {
                let instead = if in_array_len {
                    format!(
                        "define the length once, `const LEN: usize = {name}!(...);`, and write \
                         `LEN` in the field's type"
                    )
                } else {
                    format!(
                        "define the type once, `type FieldType = {name}!(...);`, and write \
                         `FieldType` in the field's type"
                    )
                };
                errors.push_spanned(
                    tokens,
                    format!(
                        "field `{field_name}` has a macro invocation `{name}!` in its type: the \
                         derive pastes a field's type into several generated items (the \
                         padding proof, the field table, the column types), and a macro may \
                         expand differently at each paste, so the proof could check another \
                         type than the struct holds; {instead} (an alias or constant expands \
                         once)"
                    ),
                );
            }
            Finding::SelfType(tokens) => errors.push_spanned(
                tokens,
                format!(
                    "field `{field_name}` names `Self` in its type: the derive pastes a field's \
                     type into generated items where `Self` means another type; write `{}` \
                     instead",
                    input.name
                ),
            ),
        }
    }
}

/// Why a well-known type is not a layout type, by its last path segment.
fn refusal_for(name: &str, has_args: bool) -> Option<&'static str> {
    Some(match name {
        "bool" if !has_args => {
            "only the bytes 0 and 1 are valid `bool`s, and foreign data may hold any byte; use \
             `u8` and test `!= 0`"
        }
        "char" if !has_args => {
            "a `char` must be a Unicode scalar value (no surrogates, at most 0x10FFFF); use `u32` \
             and convert with `char::from_u32`"
        }
        "usize" | "isize" if !has_args => {
            "its size depends on the target (4 or 8 bytes), while foreign data has a fixed size; \
             use `u64`/`i64` or `u32`/`i32`"
        }
        "str" => "a `str` has no fixed size and must be UTF-8; use a byte array `[u8; N]`",
        "String" | "Vec" | "Box" | "Rc" | "Arc" | "CString" | "OsString" | "PathBuf" => {
            "it owns a pointer to heap memory, which foreign bytes cannot hold; use a fixed-size \
             array such as `[u8; N]`"
        }
        "Option" => {
            "`Option<T>` stores `None` in a tag or in a bit pattern of `T` that is otherwise \
             invalid, so not every byte pattern is a value; use `T` with a sentinel value, or a \
             separate `u8` flag field"
        }
        "NonZero" | "NonZeroU8" | "NonZeroU16" | "NonZeroU32" | "NonZeroU64" | "NonZeroU128"
        | "NonZeroUsize" | "NonZeroI8" | "NonZeroI16" | "NonZeroI32" | "NonZeroI64"
        | "NonZeroI128" | "NonZeroIsize" | "NonNull" => {
            "the all-zero bit pattern is invalid for it, and foreign data may hold zero; use the \
             plain integer and check for zero when reading"
        }
        "Cell" | "RefCell" | "UnsafeCell" | "OnceCell" | "Mutex" | "RwLock" | "AtomicBool"
        | "AtomicU8" | "AtomicU16" | "AtomicU32" | "AtomicU64" | "AtomicUsize" | "AtomicI8"
        | "AtomicI16" | "AtomicI32" | "AtomicI64" | "AtomicIsize" | "AtomicPtr" => {
            "it has interior mutability, so bytes behind a shared view could change under a \
             reader; use the plain value type"
        }
        "PhantomData" | "PhantomPinned" => {
            "a zero-sized marker carries no data to view; remove the field"
        }
        _ => return None,
    })
}

fn type_text(ty: &Type) -> String {
    quote::quote!(#ty)
        .to_string()
        .replace(" < ", "<")
        .replace(" >", ">")
        .replace("& ", "&")
        .replace("* const ", "*const ")
        .replace("* mut ", "*mut ")
}
