//! Parse: the derive input as a model of what the layout rules look at.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{
    Attribute, Data, DeriveInput, Fields, Generics, Ident, LitInt, LitStr, Path, Type, Visibility,
};

/// What the derive was applied to.
pub struct Input<'a> {
    pub ident: &'a Ident,
    /// The name the derive emits for the type (the identifier without `r#`).
    pub name: String,
    pub vis: &'a Visibility,
    pub generics: &'a Generics,
    pub repr: Repr,
    /// Path of the runtime crate (`::typed_layout` unless overridden), as
    /// tokens: rendered once, pasted often (a syn `Path` would be rendered
    /// anew at every paste, and the proc macro runs unoptimized in debug
    /// builds).
    pub krate: TokenStream,
    pub body: Body<'a>,
}

/// The kind of item and, for structs, its fields.
pub enum Body<'a> {
    NamedStruct(Vec<FieldDef<'a>>),
    TupleStruct(Span),
    UnitStruct,
    Enum(Span),
    Union(Span),
}

/// One named field.
pub struct FieldDef<'a> {
    /// The Rust identifier, `r#` included: generated code uses it.
    pub ident: &'a Ident,
    /// The name the derive emits (field table, channels, messages): the
    /// identifier without `r#`, the one rule for raw identifiers.
    pub name: String,
    pub vis: &'a Visibility,
    /// The field's type as written, for the checks of valid.rs.
    pub ty: &'a Type,
    /// The same type as tokens, rendered once for the pastes of expand.rs.
    pub tokens: TokenStream,
}

impl FieldDef<'_> {
    /// The padding rule, the only place it is decided: a field whose name
    /// (without `r#`) starts with `_` is padding. The field table records it
    /// (`Field::padding`); conversion zeroes it; it is never a channel.
    pub fn is_padding(&self) -> bool {
        self.name.starts_with('_')
    }
}

/// The `#[repr(...)]` attributes, merged.
#[derive(Default)]
pub struct Repr {
    pub c: bool,
    pub transparent: bool,
    /// `packed` or `packed(N)`: the span and N (1 for bare `packed`).
    pub packed: Option<(Span, u64)>,
    /// `align(N)`: the span and N.
    pub align: Option<(Span, u64)>,
    /// Any other repr (`Rust`, `u8`, ...): its span and name.
    pub other: Vec<(Span, String)>,
}

impl<'a> Input<'a> {
    pub fn from_syn(input: &'a DeriveInput) -> syn::Result<Self> {
        let body = match &input.data {
            Data::Struct(data) => match &data.fields {
                Fields::Named(named) => Body::NamedStruct(
                    named
                        .named
                        .iter()
                        .map(|field| {
                            let ident = field.ident.as_ref().expect("named fields have names");
                            FieldDef {
                                ident,
                                name: ident.unraw().to_string(),
                                vis: &field.vis,
                                ty: &field.ty,
                                tokens: field.ty.to_token_stream(),
                            }
                        })
                        .collect(),
                ),
                Fields::Unnamed(unnamed) => Body::TupleStruct(unnamed.span()),
                Fields::Unit => Body::UnitStruct,
            },
            Data::Enum(data) => Body::Enum(data.enum_token.span),
            Data::Union(data) => Body::Union(data.union_token.span),
        };
        Ok(Input {
            ident: &input.ident,
            name: input.ident.unraw().to_string(),
            vis: &input.vis,
            generics: &input.generics,
            repr: parse_repr(&input.attrs)?,
            krate: parse_crate_path(&input.attrs)?.into_token_stream(),
            body,
        })
    }
}

fn parse_repr(attrs: &[Attribute]) -> syn::Result<Repr> {
    let mut repr = Repr::default();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("repr")) {
        attr.parse_nested_meta(|meta| {
            let span = meta.path.span();
            let name = meta
                .path
                .get_ident()
                .map(Ident::to_string)
                .unwrap_or_default();
            match name.as_str() {
                "C" => repr.c = true,
                "transparent" => repr.transparent = true,
                "packed" => {
                    let n = if meta.input.peek(syn::token::Paren) {
                        let content;
                        syn::parenthesized!(content in meta.input);
                        content.parse::<LitInt>()?.base10_parse()?
                    } else {
                        1
                    };
                    repr.packed = Some((span, n));
                }
                "align" => {
                    let content;
                    syn::parenthesized!(content in meta.input);
                    repr.align = Some((span, content.parse::<LitInt>()?.base10_parse()?));
                }
                _ => repr.other.push((span, name)),
            }
            Ok(())
        })?;
    }
    Ok(repr)
}

fn parse_crate_path(attrs: &[Attribute]) -> syn::Result<Path> {
    let mut krate = None;
    for attr in attrs
        .iter()
        .filter(|attr| attr.path().is_ident("pixel_layout"))
    {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("crate") {
                let literal: LitStr = meta.value()?.parse()?;
                let path = literal.parse::<Path>()?;
                // Pasted into every generated item: a plain path names the
                // same crate everywhere; generic arguments could hold a macro.
                if path
                    .segments
                    .iter()
                    .any(|segment| !segment.arguments.is_none())
                {
                    return Err(syn::Error::new(
                        literal.span(),
                        "the crate path must be a plain path such as `my_crate::typed_layout`, \
                         without generic arguments",
                    ));
                }
                krate = Some(path);
                Ok(())
            } else {
                Err(meta
                    .error("unknown pixel_layout option; the only option is `crate = \"path\"`"))
            }
        })?;
    }
    Ok(krate.unwrap_or_else(|| syn::parse_quote!(::typed_layout)))
}
