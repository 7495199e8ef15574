//! Expand: the `PixelLayout` impl with its field table, the compile-time
//! layout proofs, and the column view types.

use crate::ast::{Body, FieldDef, Input};
use proc_macro2::{Group, Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

pub fn expand(input: &Input) -> TokenStream {
    let Body::NamedStruct(fields) = &input.body else {
        unreachable!("valid.rs accepts only structs with named fields");
    };
    let table = layout_table(input, fields);
    let proof = record_proof(input, fields);
    let layout_impl = layout_impl(input, fields);
    let columns = field_views(input, fields, &COLUMNS);
    let planes = field_views(input, fields, &PLANES);
    let channels = channels(input, fields);
    let (krate, ident) = (&input.krate, input.ident);
    quote! {
        #columns
        #planes
        const _: () = {
            #table
            #proof
            #layout_impl
            #channels
            #krate::__private::impl_bytemuck!(#ident);
        };
    }
}

/// The layout proofs, in one constant the compiler evaluates (one item per
/// struct is cheaper to compile than one per field): the tie of `__Fields`
/// to the real field types, then layout-core's `check_record`, which reads
/// the field table (offsets from `offset_of!`, sizes from each field type's
/// `LAYOUT`) and returns the first problem, with the field it is at, and
/// every other padding after it. Each field has its own `panic!`, spanned at
/// the field, so the compiler's "evaluation panicked" error points there.
/// Problems of the whole struct (trailing padding, zero size) point at the
/// `align` attribute when there is one (it adds the trailing padding), else
/// at the name.
fn record_proof(input: &Input, fields: &[FieldDef]) -> TokenStream {
    let (krate, ident) = (&input.krate, input.ident);
    let private = quote!(#krate::__private);
    let (has_align, transparent) = (input.repr.align.is_some(), input.repr.transparent);
    let fail = |span: Span| {
        let panic = quote!(#private::core::panic!("{}", problem.as_str()));
        respan(panic, span)
    };
    let at_fields = fields.iter().enumerate().map(|(index, field)| {
        let fail = fail(field.ident.span());
        quote!(if problem.at(#index) { #fail; })
    });
    let at_struct = fail(input.repr.align.map_or(ident.span(), |(span, _)| span));
    let tie = fields_tie(input, fields);
    let table = table_name();
    quote! {
        #tie
        const _: () = {
            let problem = #private::check_record(
                &#table,
                #has_align,
                #transparent,
            );
            #(#at_fields)*
            if problem.found() { #at_struct; }
        };
    }
}

/// `tokens` with every token's span set to `span` (groups included).
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut token| {
            if let TokenTree::Group(group) = &token {
                let mut inner = Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                token = TokenTree::Group(inner);
            } else {
                token.set_span(span);
            }
            token
        })
        .collect()
}

/// The field table, as a constant of its own beside the impl, so the proof
/// reads it without naming `PixelLayout` (which would repeat every error of
/// an impl whose bounds fail, e.g. a struct that is not `Copy`).
fn table_name() -> syn::Ident {
    format_ident!("__PIXEL_LAYOUT_TABLE")
}

/// `const __PIXEL_LAYOUT_TABLE: Layout`: name, size, alignment, and per field
/// its name (without `r#`), offset (`offset_of!`), layout (the field type's
/// own `LAYOUT`, spanned at the type) and padding flag.
fn layout_table(input: &Input, fields: &[FieldDef]) -> TokenStream {
    let krate = &input.krate;
    let ident = input.ident;
    let name = &input.name;
    let packed = input.repr.packed.is_some();
    let table = table_name();
    let entries = fields.iter().map(|field| {
        let field_ident = field.ident;
        let field_name = &field.name;
        let padding = field.is_padding();
        let ty = &field.tokens;
        let layout = quote_spanned!(field.ty.span()=> &<#ty as #krate::PixelLayout>::LAYOUT);
        quote! {
            #krate::Field {
                name: #field_name,
                offset: #krate::__private::core::mem::offset_of!(#ident, #field_ident),
                layout: #layout,
                padding: #padding,
            }
        }
    });
    quote! {
        const #table: #krate::Layout = #krate::Layout {
            name: #name,
            size: #krate::__private::core::mem::size_of::<#ident>(),
            align: #krate::__private::core::mem::align_of::<#ident>(),
            shape: #krate::Shape::Record {
                fields: &[#(#entries),*],
                packed: #packed,
            },
        };
    }
}

/// The `unsafe impl` with `__Fields` and the field table. Sound because the
/// proofs rule out padding and the `PixelLayout` bound on every field type
/// (checked by the table, spanned at the field) gives the rest of the
/// contract.
fn layout_impl(input: &Input, fields: &[FieldDef]) -> TokenStream {
    let (krate, ident) = (&input.krate, input.ident);
    // A balanced tree of tuples of the struct's own field types, with no
    // path that `crate = ...` could redirect, for the trait's own proof.
    let field_list = field_tree(fields, &|field: &FieldDef| {
        let ty = &field.tokens;
        quote_spanned!(field.ty.span()=> (#ty,))
    });
    let table = table_name();
    quote! {
        // The constant above proves no padding and a non-zero size; valid.rs
        // checked the repr; offsets and sizes come from offset_of!/size_of.
        // SAFETY: no padding, fixed field order, and every field type is a
        // `PixelLayout` (bound required by the table): the contract holds.
        unsafe impl #krate::PixelLayout for #ident {
            type __Fields = #field_list;
            const LAYOUT: #krate::Layout = #table;
        }
    }
}

/// `(A,)` for one field, `(left, right)` halves for more, `()` for none:
/// nesting grows as log2 of the field count, far below the compiler's
/// recursion limit for any struct (a list would stop at ~128 fields).
/// `leaf` writes one field's `(F,)` (its type for `__Fields`, its value for
/// the tie).
fn field_tree<T>(fields: &[T], leaf: &impl Fn(&T) -> TokenStream) -> TokenStream {
    match fields {
        [] => quote!(()),
        [field] => leaf(field),
        _ => {
            let (left, right) = fields.split_at(fields.len() / 2);
            let (left, right) = (field_tree(left, leaf), field_tree(right, leaf));
            quote!((#left, #right))
        }
    }
}

/// Ties `__Fields` to the struct's real field types, checked by the
/// compiler: a function (never called) that takes the struct apart by value
/// and returns its fields as `<S as PixelLayout>::__Fields`. Each binding has
/// the field's declared type, so if any pasted type of `__Fields` named
/// another type the function would not compile. A closure coerced to a
/// function pointer, so no lint attribute is needed (a user crate may
/// `forbid(dead_code)`). Moving fields out by value is allowed for packed
/// structs too (only references to packed fields are not).
fn fields_tie(input: &Input, fields: &[FieldDef]) -> TokenStream {
    let (krate, ident) = (&input.krate, input.ident);
    let binding = |index: usize| format_ident!("__field{}", index, span = Span::mixed_site());
    let patterns = fields.iter().enumerate().map(|(index, field)| {
        let (field_ident, binding) = (field.ident, binding(index));
        quote!(#field_ident: #binding)
    });
    // A mismatch is reported at the field's type, where the user can see it.
    let values = field_tree(&fields.iter().enumerate().collect::<Vec<_>>(), &|&(
        index,
        field,
    )| {
        let at = field.ty.span();
        let mut value = binding(index);
        value.set_span(value.span().located_at(at));
        quote_spanned!(at=> (#value,))
    });
    let value = format_ident!("__value", span = Span::mixed_site());
    quote! {
        const _: fn(#ident) -> <#ident as #krate::PixelLayout>::__Fields = |#value| {
            let #ident { #(#patterns),* } = #value;
            #values
        };
    }
}

/// What differs between the generated column views and plane views.
struct ViewKind {
    /// Suffix of the generated struct names (`Columns`, `Planes`).
    suffix: &'static str,
    /// The trait implemented (`Columnar`, `Planar`).
    trait_name: &'static str,
    /// Read-only view type, mutable view type (`Column`, `ColumnMut`).
    read_type: &'static str,
    write_type: &'static str,
    /// Container types passed in (`Records`, `RecordsMut`).
    read_source: &'static str,
    write_source: &'static str,
    /// Trait methods (`columns`, `columns_mut`), and the projection and
    /// split methods of the containers.
    read_method: &'static str,
    write_method: &'static str,
    project: &'static str,
    split: &'static str,
    /// What one element is called in docs ("record", "pixel").
    element: &'static str,
}

const COLUMNS: ViewKind = ViewKind {
    suffix: "Columns",
    trait_name: "Columnar",
    read_type: "Column",
    write_type: "ColumnMut",
    read_source: "Records",
    write_source: "RecordsMut",
    read_method: "columns",
    write_method: "columns_mut",
    project: "column_at",
    split: "into_column_split",
    element: "record",
};

const PLANES: ViewKind = ViewKind {
    suffix: "Planes",
    trait_name: "Planar",
    read_type: "ImageView",
    write_type: "ImageViewMut",
    read_source: "ImageView",
    write_source: "ImageViewMut",
    read_method: "planes",
    write_method: "planes_mut",
    project: "plane_at",
    split: "into_plane_split",
    element: "pixel",
};

/// `<Name>Columns<'a>` / `<Name>ColumnsMut<'a>` with the `Columnar` impl,
/// and `<Name>Planes<'a>` / `<Name>PlanesMut<'a>` with the `Planar` impl.
/// Mutable views are taken in declaration order, which is increasing offset
/// order for `repr(C)`, so the checked splitters never refuse them.
fn field_views(input: &Input, fields: &[FieldDef], kind: &ViewKind) -> TokenStream {
    let krate = &input.krate;
    let ident = input.ident;
    let vis = input.vis;
    let read_ident = format_ident!("{}{}", ident, kind.suffix);
    let write_ident = format_ident!("{}{}Mut", ident, kind.suffix);
    let [trait_name, read_type, write_type, read_source, write_source, read_method, write_method, project, split] =
        [
            kind.trait_name,
            kind.read_type,
            kind.write_type,
            kind.read_source,
            kind.write_source,
            kind.read_method,
            kind.write_method,
            kind.project,
            kind.split,
        ]
        .map(|name| format_ident!("{}", name));
    let element = kind.element;
    let read_assoc = format_ident!("{}", kind.suffix);
    let write_assoc = format_ident!("{}Mut", kind.suffix);
    let read_doc = format!(
        "Read-only {} of [`{ident}`], one per field; from `{read_source}::{read_method}()`.",
        kind.suffix.to_lowercase()
    );
    let write_doc = format!(
        "Mutable {} of [`{ident}`], one per field, all usable at once (fields never share a \
         byte); from `{write_source}::{write_method}()`.",
        kind.suffix.to_lowercase()
    );
    let view_fields = |view_type: &syn::Ident| {
        fields
            .iter()
            .map(|field| {
                let (field_vis, field_ident, ty) = (field.vis, field.ident, &field.tokens);
                let doc = format!("The `{}` field of every {element}.", field.name);
                quote!(#[doc = #doc] #field_vis #field_ident: #krate::#view_type<'a, #ty>)
            })
            .collect::<Vec<_>>()
    };
    let read_fields = view_fields(&read_type);
    let write_fields = view_fields(&write_type);
    let offset = |field_ident: &syn::Ident| quote!(#krate::__private::core::mem::offset_of!(#ident, #field_ident));
    let read_inits = fields.iter().map(|field| {
        let (field_ident, ty) = (field.ident, &field.tokens);
        let at = offset(field_ident);
        let message = format!("field `{}` lies inside `{}`", field.name, input.name);
        quote!(#field_ident: source.#project::<#ty>(#at).expect(#message))
    });
    let message = format!("fields of `{}` are in increasing offset order", input.name);
    let write_body = if input.repr.transparent {
        transparent_split(input, fields, &write_ident, &message)
    } else {
        let write_inits = fields.iter().map(|field| {
            let (field_ident, ty) = (field.ident, &field.tokens);
            let at = offset(field_ident);
            quote!(#field_ident: split.take::<#ty>(#at).expect(#message))
        });
        quote!(#write_ident { #(#write_inits,)* })
    };
    quote! {
        #[doc = #read_doc]
        #vis struct #read_ident<'a> {
            #(#read_fields,)*
        }

        // By hand: the built-in derive adds a check per field.
        impl #krate::__private::core::clone::Clone for #read_ident<'_> {
            #[inline]
            fn clone(&self) -> Self {
                *self
            }
        }

        impl #krate::__private::core::marker::Copy for #read_ident<'_> {}

        #[doc = #write_doc]
        #vis struct #write_ident<'a> {
            #(#write_fields,)*
        }

        impl #krate::#trait_name for #ident {
            type #read_assoc<'a> = #read_ident<'a>;
            type #write_assoc<'a> = #write_ident<'a>;

            fn #read_method(source: #krate::#read_source<'_, Self>) -> #read_ident<'_> {
                #read_ident { #(#read_inits,)* }
            }

            fn #write_method(source: #krate::#write_source<'_, Self>) -> #write_ident<'_> {
                let mut split = source.#split();
                #write_body
            }
        }
    }
}

/// The mutable views of a `repr(transparent)` struct, taken in increasing
/// offset order although the compiler may place zero-sized fields before or
/// after the data field: zero-sized fields at offset 0 first, then the
/// fields with data, then the other zero-sized fields (at the end). The
/// conditions are constants, so each take compiles to one call.
fn transparent_split(
    input: &Input,
    fields: &[FieldDef],
    write_ident: &syn::Ident,
    message: &str,
) -> TokenStream {
    let (krate, ident) = (&input.krate, input.ident);
    let mem = quote!(#krate::__private::core::mem);
    let slot = |index: usize| format_ident!("__view{}", index, span = Span::mixed_site());
    let pass = |condition: &dyn Fn(&TokenStream, &TokenStream) -> TokenStream| {
        let takes = fields.iter().enumerate().map(|(index, field)| {
            let (field_ident, ty, slot) = (field.ident, &field.tokens, slot(index));
            let size = quote!(#mem::size_of::<#ty>());
            let at = quote!(#mem::offset_of!(#ident, #field_ident));
            let condition = condition(&size, &at);
            quote! {
                if #slot.is_none() && #condition {
                    #slot = Some(split.take::<#ty>(#at).expect(#message));
                }
            }
        });
        takes.collect::<TokenStream>()
    };
    let slots = (0..fields.len()).map(slot);
    let first = pass(&|size, at| quote!(#size == 0 && #at == 0));
    let data = pass(&|size, _| quote!(#size != 0));
    let rest = pass(&|_, _| quote!(true));
    let inits = fields.iter().enumerate().map(|(index, field)| {
        let (field_ident, slot) = (field.ident, slot(index));
        quote!(#field_ident: #slot.expect(#message))
    });
    quote! {
        #(let mut #slots = None;)*
        #first
        #data
        #rest
        #write_ident { #(#inits,)* }
    }
}

/// The channel name `r` as the type `(Ch<'r'>,)`.
fn channel_name(krate: &TokenStream, field: &FieldDef) -> TokenStream {
    let chars = field.name.chars().map(proc_macro2::Literal::character);
    quote!((#(#krate::Ch<#chars>,)*))
}

/// A `Channel` impl per field, and `ConvertFrom<S>` for every `S` that has
/// all of this type's channels (fields named `_...` are padding: zeroed).
fn channels(input: &Input, fields: &[FieldDef]) -> TokenStream {
    let krate = &input.krate;
    let ident = input.ident;
    // Each name is pasted three times: render it once.
    let names: Vec<TokenStream> = fields
        .iter()
        .map(|field| channel_name(krate, field))
        .collect();
    let channel_impls = fields.iter().zip(&names).map(|(field, name)| {
        let (field_ident, ty) = (field.ident, &field.tokens);
        quote! {
            impl #krate::Channel<#name> for #ident {
                type Value = #ty;
                #[inline(always)]
                fn channel(&self) -> #ty {
                    self.#field_ident
                }
            }
        }
    });
    let data = fields
        .iter()
        .zip(&names)
        .filter(|(field, _)| !field.is_padding());
    let bounds = data.map(|(field, name)| {
        let ty = &field.tokens;
        quote!(#krate::Channel<#name, Value = #ty>)
    });
    let inits = fields.iter().zip(&names).map(|(field, name)| {
        let field_ident = field.ident;
        if field.is_padding() {
            quote!(#field_ident: #krate::zeroed())
        } else {
            quote!(#field_ident: #krate::Channel::<#name>::channel(source))
        }
    });
    quote! {
        #(#channel_impls)*

        impl<__Source> #krate::ConvertFrom<__Source> for #ident
        where
            __Source: #krate::PixelLayout #(+ #bounds)*
        {
            #[inline(always)]
            fn convert_from(source: &__Source) -> Self {
                #ident { #(#inits,)* }
            }
        }
    }
}
