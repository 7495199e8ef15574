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
    let proofs = layout_proofs(input, fields);
    let layout_impl = layout_impl(input, fields);
    let columns = columns(input, fields);
    quote! {
        #columns
        const _: () = {
            #proofs
            #layout_impl
        };
    }
}

/// Constants the compiler evaluates: each fails the build with an
/// explanation if the struct has padding or no size. Because every byte of a
/// `repr(C)` struct belongs to a field or to padding, "each field starts where
/// the previous one ends, and the last one ends at `size_of`" proves there is
/// no padding at all.
fn layout_proofs(input: &Input, fields: &[FieldDef]) -> TokenStream {
    let krate = &input.krate;
    let ident = input.ident;
    let name = ident.to_string();
    let private = quote!(#krate::__private);
    let mut proofs = Vec::new();
    let mut previous: Option<&FieldDef> = None;
    for field in fields {
        let field_ident = field.ident;
        let field_name = field_ident.to_string();
        let (previous_name, previous_end) = match previous {
            None => ("the start of the struct".to_owned(), quote!(0usize)),
            Some(previous) => {
                let previous_ident = previous.ident;
                let previous_ty = previous.ty;
                (
                    previous_ident.to_string(),
                    quote! {
                        #private::core::mem::offset_of!(#ident, #previous_ident)
                            + #private::core::mem::size_of::<#previous_ty>()
                    },
                )
            }
        };
        let check = quote! {
            #private::check_field_gap(
                #name,
                #field_name,
                #previous_name,
                #previous_end,
                #private::core::mem::offset_of!(#ident, #field_ident),
            )
        };
        proofs.push(fail_on_problem(check, field_ident.span(), &private));
        previous = Some(field);
    }
    if let Some(last) = previous {
        let last_ident = last.ident;
        let last_ty = last.ty;
        let last_name = last_ident.to_string();
        let has_align = input.repr.align.is_some();
        let span = input.repr.align.map_or(ident.span(), |(span, _)| span);
        let check = quote! {
            #private::check_trailing(
                #name,
                #last_name,
                #private::core::mem::offset_of!(#ident, #last_ident)
                    + #private::core::mem::size_of::<#last_ty>(),
                #private::core::mem::size_of::<#ident>(),
                #private::core::mem::align_of::<#ident>(),
                #has_align,
            )
        };
        proofs.push(fail_on_problem(check, span, &private));
    }
    let check = quote!(#private::check_size(#name, #private::core::mem::size_of::<#ident>()));
    proofs.push(fail_on_problem(check, ident.span(), &private));
    quote!(#(#proofs)*)
}

/// `const _: () = if problem { panic!(message) };` with every token spanned
/// at `span`, so the compiler's "evaluation panicked" error points at the
/// offending field (or attribute) with the check's message.
fn fail_on_problem(check: TokenStream, span: Span, private: &TokenStream) -> TokenStream {
    let tokens = quote! {
        const _: () = {
            let problem = #check;
            if problem.found() {
                #private::core::panic!("{}", problem.as_str());
            }
        };
    };
    respan(tokens, span)
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

/// The `unsafe impl` with the exact field table. Sound because the proofs
/// above rule out padding and the `PixelLayout` bound on every field type
/// (checked right here, spanned at the field) gives the rest of the contract.
fn layout_impl(input: &Input, fields: &[FieldDef]) -> TokenStream {
    let krate = &input.krate;
    let ident = input.ident;
    let name = ident.to_string();
    let packed = input.repr.packed.is_some();
    let entries = fields.iter().map(|field| {
        let field_ident = field.ident;
        let field_name = field_ident.to_string();
        let ty = field.ty;
        let layout = quote_spanned!(ty.span()=> &<#ty as #krate::PixelLayout>::LAYOUT);
        quote! {
            #krate::Field {
                name: #field_name,
                offset: #krate::__private::core::mem::offset_of!(#ident, #field_ident),
                layout: #layout,
            }
        }
    });
    quote! {
        // The constants above prove no padding and a non-zero size; valid.rs
        // checked the repr; offsets and sizes come from offset_of!/size_of.
        // SAFETY: no padding, fixed field order, and every field type is a
        // `PixelLayout` (bound required by the table below): the contract holds.
        unsafe impl #krate::PixelLayout for #ident {
            const LAYOUT: #krate::Layout = #krate::Layout {
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
}

/// `<Name>Columns<'a>` / `<Name>ColumnsMut<'a>` and the `Columnar` impl.
/// Mutable columns are taken in declaration order, which is increasing
/// offset order for `repr(C)`, so the checked splitter never refuses them.
fn columns(input: &Input, fields: &[FieldDef]) -> TokenStream {
    let krate = &input.krate;
    let ident = input.ident;
    let vis = input.vis;
    let columns_ident = format_ident!("{}Columns", ident);
    let columns_mut_ident = format_ident!("{}ColumnsMut", ident);
    let columns_doc = format!(
        "Read-only columns of [`{ident}`] records, one per field; from `Records::columns()`."
    );
    let columns_mut_doc = format!(
        "Mutable columns of [`{ident}`] records, one per field, all usable at once (fields never \
         share a byte); from `RecordsMut::columns_mut()`."
    );
    let read_fields = fields.iter().map(|field| {
        let (field_vis, field_ident, ty) = (field.vis, field.ident, field.ty);
        let doc = format!("The `{field_ident}` field of every record.");
        quote!(#[doc = #doc] #field_vis #field_ident: #krate::Column<'a, #ty>)
    });
    let write_fields = fields.iter().map(|field| {
        let (field_vis, field_ident, ty) = (field.vis, field.ident, field.ty);
        let doc = format!("The `{field_ident}` field of every record.");
        quote!(#[doc = #doc] #field_vis #field_ident: #krate::ColumnMut<'a, #ty>)
    });
    let read_inits = fields.iter().map(|field| {
        let (field_ident, ty) = (field.ident, field.ty);
        let message = format!("field `{field_ident}` lies inside `{ident}`");
        quote! {
            #field_ident: records
                .column_at::<#ty>(#krate::__private::core::mem::offset_of!(#ident, #field_ident))
                .expect(#message)
        }
    });
    let write_inits = fields.iter().map(|field| {
        let (field_ident, ty) = (field.ident, field.ty);
        let message = format!("fields of `{ident}` are in increasing offset order");
        quote! {
            #field_ident: split
                .take::<#ty>(#krate::__private::core::mem::offset_of!(#ident, #field_ident))
                .expect(#message)
        }
    });
    quote! {
        #[doc = #columns_doc]
        #[derive(Clone, Copy)]
        #vis struct #columns_ident<'a> {
            #(#read_fields,)*
        }

        #[doc = #columns_mut_doc]
        #vis struct #columns_mut_ident<'a> {
            #(#write_fields,)*
        }

        impl #krate::Columnar for #ident {
            type Columns<'a> = #columns_ident<'a>;
            type ColumnsMut<'a> = #columns_mut_ident<'a>;

            fn columns(records: #krate::Records<'_, Self>) -> #columns_ident<'_> {
                #columns_ident { #(#read_inits,)* }
            }

            fn columns_mut(records: #krate::RecordsMut<'_, Self>) -> #columns_mut_ident<'_> {
                let mut split = records.into_column_split();
                #columns_mut_ident { #(#write_inits,)* }
            }
        }
    }
}
