//! A field's type is pasted into several generated items: the padding
//! proofs, the field table, the column and plane types, the channel impls.
//! Each paste is resolved on its own, so the derive refuses whatever could
//! name a different type at each paste: a macro invocation (a proc macro may
//! expand differently at every call) and `Self` (it means the item it is
//! pasted in). What remains is plain paths, arrays, and constants, which name
//! the same thing wherever the derive pastes them in the struct's module.
//!
//! The check reads tokens, not syn's syntax tree: syn is built here without
//! its "full" feature, so an array length such as `[u8; { n!() }]` is kept
//! as verbatim tokens, and a token scan sees inside it all the same.

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};
use quote::ToTokens;
use syn::Type;

/// Something in a field type that may name a different type at each paste.
pub enum Finding {
    /// `path!(...)`: the tokens of the invocation (for the span), the
    /// macro's name, and whether it stands in an array length.
    Macro {
        tokens: TokenStream,
        name: String,
        in_array_len: bool,
    },
    /// The `Self` keyword.
    SelfType(TokenStream),
}

/// Every macro invocation and every `Self` in `ty`, however deeply nested
/// (array elements and lengths, generic arguments, `Be<..>`, qualified
/// paths, verbatim expressions).
pub fn findings(ty: &Type) -> Vec<Finding> {
    let mut found = Vec::new();
    scan(ty.to_token_stream(), false, &mut found);
    found
}

fn scan(tokens: TokenStream, in_array_len: bool, found: &mut Vec<Finding>) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    // In `[T; N]`, what follows the `;` is the length, groups in it included.
    let mut in_len = in_array_len;
    for (at, token) in tokens.iter().enumerate() {
        match token {
            TokenTree::Group(group) => scan(group.stream(), in_len, found),
            TokenTree::Punct(punct) if punct.as_char() == ';' => in_len = true,
            TokenTree::Punct(punct) if punct.as_char() == '!' => {
                if let Some(invocation) = invocation(&tokens, at) {
                    found.push(Finding::Macro {
                        tokens: invocation.0,
                        name: invocation.1,
                        in_array_len: in_len,
                    });
                }
            }
            TokenTree::Ident(ident) if ident == "Self" => {
                found.push(Finding::SelfType(token.to_token_stream()));
            }
            _ => {}
        }
    }
}

/// If the `!` at `tokens[bang]` invokes a macro (`name ! (...)`, with `name`
/// the last segment of a path), the invocation's tokens and the name.
/// Conservative: a keyword before the `!` (`if !(x)`) is an operator, any
/// other name or a captured fragment (an invisible group) is a macro.
fn invocation(tokens: &[TokenTree], bang: usize) -> Option<(TokenStream, String)> {
    let TokenTree::Punct(punct) = &tokens[bang] else {
        return None;
    };
    // `!=` is joint with its `=`.
    if punct.spacing() == Spacing::Joint {
        if let Some(TokenTree::Punct(next)) = tokens.get(bang + 1) {
            if next.as_char() == '=' {
                return None;
            }
        }
    }
    let body = match tokens.get(bang + 1) {
        Some(TokenTree::Group(group)) if group.delimiter() != Delimiter::None => group,
        _ => return None,
    };
    let name = match bang.checked_sub(1).map(|before| &tokens[before]) {
        Some(TokenTree::Ident(ident)) => {
            let text = ident.to_string();
            if is_keyword(&text) {
                return None;
            }
            text
        }
        Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::None => {
            group.stream().to_string()
        }
        _ => return None,
    };
    let start = bang - 1;
    let invocation: TokenStream = tokens[start..bang + 1]
        .iter()
        .cloned()
        .chain(std::iter::once(TokenTree::Group(body.clone())))
        .collect();
    Some((invocation, name))
}

/// Rust's strict and reserved keywords (2015–2024 editions), which can stand
/// before a `!` operator but never name a macro (a raw `r#if` keeps `r#`).
fn is_keyword(word: &str) -> bool {
    matches!(
        word,
        "as" | "async"
            | "await"
            | "break"
            | "const"
            | "continue"
            | "crate"
            | "dyn"
            | "else"
            | "enum"
            | "extern"
            | "false"
            | "fn"
            | "for"
            | "gen"
            | "if"
            | "impl"
            | "in"
            | "let"
            | "loop"
            | "match"
            | "mod"
            | "move"
            | "mut"
            | "pub"
            | "ref"
            | "return"
            | "self"
            | "Self"
            | "static"
            | "struct"
            | "super"
            | "trait"
            | "true"
            | "type"
            | "unsafe"
            | "use"
            | "where"
            | "while"
            | "abstract"
            | "become"
            | "box"
            | "do"
            | "final"
            | "macro"
            | "override"
            | "priv"
            | "typeof"
            | "unsized"
            | "virtual"
            | "yield"
            | "try"
    )
}

#[cfg(test)]
mod tests {
    use super::{findings, Finding};

    /// (macro name, in an array length) per macro finding; "Self" for `Self`.
    fn found(ty: &str) -> Vec<(String, bool)> {
        let ty: syn::Type = syn::parse_str(ty).expect("a type");
        findings(&ty)
            .into_iter()
            .map(|finding| match finding {
                Finding::Macro {
                    name, in_array_len, ..
                } => (name, in_array_len),
                Finding::SelfType(_) => ("Self".to_owned(), false),
            })
            .collect()
    }

    #[test]
    fn macros_anywhere_are_found() {
        let m = |name: &str, len: bool| (name.to_owned(), len);
        assert_eq!(found("m!()"), [m("m", false)]);
        assert_eq!(found("a::b::m![]"), [m("m", false)]);
        assert_eq!(found("[u8; m!()]"), [m("m", true)]);
        assert_eq!(found("[[m!{}; 2]; n!()]"), [m("m", false), m("n", true)]);
        assert_eq!(found("[[u8; m!()]; 2]"), [m("m", true)]);
        assert_eq!(found("[u8; { m!() }]"), [m("m", true)]);
        assert_eq!(found("Be<m!()>"), [m("m", false)]);
        assert_eq!(found("Wrap<[u8; 2], { m!() }>"), [m("m", false)]);
        assert_eq!(found("<m!() as Tr>::Out"), [m("m", false)]);
        assert_eq!(found("[u8; r#if!()]"), [m("r#if", true)]);
        assert_eq!(found("<Self as Tr>::Out"), [m("Self", false)]);
        assert_eq!(found("[u8; Self::N]"), [m("Self", false)]);
    }

    #[test]
    fn operators_and_plain_types_are_not_macros() {
        for ty in [
            "u8",
            "[u8; 4]",
            "[u8; N]",
            "[u8; (!0u8 & 3) as usize]",
            "[u8; !(0usize) & 3]",
            "[u8; (1 != 2) as usize]",
            "fn() -> !",
            "a::self_::B<[u8; 2]>",
        ] {
            assert_eq!(found(ty), [], "{ty}");
        }
    }
}
