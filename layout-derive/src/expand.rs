//! Expand: the `PixelLayout` impl with its field table, the compile-time
//! layout proofs, and the column view types.

use crate::ast::{Body, FieldDef, Input};
use proc_macro2::{Group, Ident, Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

pub fn expand(input: &Input) -> TokenStream {
    let Body::NamedStruct(fields) = &input.body else {
        unreachable!("valid.rs accepts only structs with named fields");
    };
    let table = layout_table(input, fields);
    let proof = record_proof(input, fields);
    let layout_impl = layout_impl(input, fields);
    let (views, fields_impl) = field_views(input, fields);
    let channels = channels(input, fields);
    let (krate, ident) = (&input.krate, input.ident);
    let offsets = offsets_name();
    let count = fields.len();
    let each = fields.iter().map(|field| {
        let field_ident = field.ident;
        quote!(#krate::__private::core::mem::offset_of!(#ident, #field_ident))
    });
    quote! {
        #views
        const _: () = {
            const #offsets: [usize; #count] = [#(#each),*];
            #fields_impl
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
    // The derive's own local, resolved where the derive is (mixed site):
    // a field or struct name passed in through `macro_rules!` has the
    // macro caller's hygiene, under which a call-site local is not found.
    let problem = format_ident!("problem", span = Span::mixed_site());
    // The `panic!` is the user's code at `at` (so the error shows the field
    // alone, not a backtrace into the derive); only `problem` keeps the
    // derive's resolution, moved to `at`.
    let fail = |at: Span| {
        let panic = respan(quote!(#private::core::panic!), at);
        let problem = Ident::new("problem", problem.span().located_at(at));
        quote_spanned!(at=> #panic("{}", #problem.as_str()))
    };
    let at_fields = fields.iter().enumerate().map(|(index, field)| {
        let fail = fail(field.ident.span());
        quote!(if #problem.at(#index) { #fail; })
    });
    let at_struct = fail(input.repr.align.map_or(ident.span(), |(span, _)| span));
    let tie = fields_tie(input, fields);
    let table = table_name();
    quote! {
        #tie
        const _: () = {
            let #problem = #private::check_record(
                &#table,
                #has_align,
                #transparent,
            );
            #(#at_fields)*
            if #problem.found() { #at_struct; }
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

/// The fields' offsets (`offset_of!`, in declaration order), a constant
/// the table, the channels and the field views read, so each offset is
/// computed once. A constant, not a type: no pasted field type can resolve
/// to it.
fn offsets_name() -> syn::Ident {
    format_ident!("__PIXEL_LAYOUT_OFFSETS")
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
    let offsets = offsets_name();
    let entries = fields.iter().enumerate().map(|(index, field)| {
        let field_name = &field.name;
        let padding = field.is_padding();
        let ty = &field.tokens;
        let layout = quote_spanned!(field.ty.span()=> &<#ty as #krate::PixelLayout>::LAYOUT);
        quote! {
            #krate::Field {
                name: #field_name,
                offset: #offsets[#index],
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

/// `<Name>Fields<'a, K>`: one `K::View<'a, F>` per field `F`, the four
/// aliases `<Name>Columns`, `<Name>ColumnsMut`, `<Name>Planes` and
/// `<Name>PlanesMut` (`K` = `kind::Columns`, ...), `Clone`/`Copy` for the
/// read-only ones, and the `Fields` impl that takes every field at its
/// offset. One struct and one generic function serve columns and planes,
/// read-only and mutable: layout-core's `FieldKind` does the rest. Fields
/// are taken in declaration order, which is increasing offset order for
/// `repr(C)`; zero-sized fields (which `repr(transparent)` may place
/// anywhere) claim no bytes, so the checked splitters never refuse them.
fn field_views(input: &Input, fields: &[FieldDef]) -> (TokenStream, TokenStream) {
    let (krate, ident, vis) = (&input.krate, input.ident, input.vis);
    let name = &input.name;
    let fields_ident = format_ident!("{}Fields", ident);
    let view_fields = fields.iter().map(|field| {
        let (field_vis, field_ident, ty) = (field.vis, field.ident, &field.tokens);
        let doc = format!("The `{}` field.", field.name);
        quote!(#[doc = #doc] #field_vis #field_ident: __K::View<'a, #ty>)
    });
    let offsets = offsets_name();
    // The derive's own parameter, resolved where the derive is (see
    // `problem` in `record_proof`).
    let source = format_ident!("source", span = Span::mixed_site());
    let takes = fields.iter().enumerate().map(|(index, field)| {
        let (field_ident, ty) = (field.ident, &field.tokens);
        quote!(#field_ident: __K::take::<Self, #ty>(&mut #source, #offsets[#index]))
    });
    let doc = format!(
        "A view of each field of [`{name}`]; `K` says which (see `FieldKind`): \
         `{ident}Columns`, `{ident}ColumnsMut`, `{ident}Planes`, `{ident}PlanesMut`."
    );
    let alias = |suffix: &str, kind: &str, what: &str| {
        let alias = format_ident!("{}{}", ident, suffix);
        let kind = format_ident!("{}", kind);
        let doc = format!("{what} of [`{name}`], one per field.");
        quote! {
            #[doc = #doc]
            #vis type #alias<'a> = #fields_ident<'a, #krate::kind::#kind>;
        }
    };
    let aliases = [
        alias(
            "Columns",
            "Columns",
            "Read-only columns (`Records::columns()`)",
        ),
        alias(
            "ColumnsMut",
            "ColumnsMut",
            "Mutable columns, all usable at once (`RecordsMut::columns_mut()`)",
        ),
        alias(
            "Planes",
            "Planes",
            "Read-only planes (`ImageView::planes()`)",
        ),
        alias(
            "PlanesMut",
            "PlanesMut",
            "Mutable planes, all usable at once (`ImageViewMut::planes_mut()`)",
        ),
    ];
    let copy = |kind: &str| {
        let kind = format_ident!("{}", kind);
        quote! {
            impl #krate::__private::core::clone::Clone for #fields_ident<'_, #krate::kind::#kind> {
                #[inline]
                fn clone(&self) -> Self {
                    *self
                }
            }
            impl #krate::__private::core::marker::Copy for #fields_ident<'_, #krate::kind::#kind> {}
        }
    };
    let (copy_columns, copy_planes) = (copy("Columns"), copy("Planes"));
    let views = quote! {
        #[doc = #doc]
        #vis struct #fields_ident<'a, __K: #krate::FieldKind> {
            #(#view_fields,)*
        }

        #(#aliases)*
        #copy_columns
        #copy_planes
    };
    let fields_impl = quote! {
        impl #krate::Fields for #ident {
            type Of<'a, __K: #krate::FieldKind> = #fields_ident<'a, __K>;

            #[inline]
            fn fields<'a, __K: #krate::FieldKind>(
                mut #source: __K::Source<'a, Self>,
            ) -> #fields_ident<'a, __K> {
                #fields_ident { #(#takes,)* }
            }
        }
    };
    (views, fields_impl)
}

/// The channel name `r` as the type `(Ch<'r'>,)`.
fn channel_name(krate: &TokenStream, field: &FieldDef) -> TokenStream {
    let chars = field.name.chars().map(proc_macro2::Literal::character);
    quote!((#(#krate::Ch<#chars>,)*))
}

/// A `Channel` impl per field (its type and offset; the trait reads the
/// value), and `ConvertFrom<S>` for every `S` that has all of this type's
/// channels with the same types (fields named `_...` are padding: zeroed).
/// The conversion itself is the trait's provided method, which copies each
/// field from the same-named field of `S`: nothing is generated per field
/// but the bounds.
fn channels(input: &Input, fields: &[FieldDef]) -> TokenStream {
    let krate = &input.krate;
    let ident = input.ident;
    // Each name is pasted twice: render it once.
    let names: Vec<TokenStream> = fields
        .iter()
        .map(|field| channel_name(krate, field))
        .collect();
    let offsets = offsets_name();
    let channel_impls = fields
        .iter()
        .zip(&names)
        .enumerate()
        .map(|(index, (field, name))| {
            let ty = &field.tokens;
            quote! {
                impl #krate::Channel<#name> for #ident {
                    type Value = #ty;
                    const OFFSET: usize = #offsets[#index];
                }
            }
        });
    let bounds = fields
        .iter()
        .zip(&names)
        .filter(|(field, _)| !field.is_padding())
        .map(|(field, name)| {
            let ty = &field.tokens;
            quote!(#krate::Channel<#name, Value = #ty>)
        });
    quote! {
        #(#channel_impls)*

        impl<__Source> #krate::ConvertFrom<__Source> for #ident
        where
            __Source: #krate::PixelLayout #(+ #bounds)*
        {
        }
    }
}
