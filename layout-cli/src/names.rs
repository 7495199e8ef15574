//! Rust names for NumPy names: field identifiers, type names from file
//! names, and the check that a `--name` is a type name.

/// Strict and reserved keywords of Rust 2021 and 2024 (a field named after
/// one becomes a raw identifier).
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

/// A Rust identifier for a dtype field name, and whether it is exactly
/// that name (keywords become raw identifiers, which the derive records
/// without `r#`); otherwise a sanitized spelling.
pub(crate) fn field_ident(name: &str) -> (String, bool) {
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
        ident.insert(0, 'f');
    }
    if NOT_RAW.contains(&ident.as_str()) || ident == "_" {
        ident.push('_');
    }
    (ident, false)
}

/// `UpperCamelCase` of the alphanumeric runs of `text`, starting with a
/// letter (`Npy` is put in front of names that start with a digit), so a
/// file name becomes a type name: `people.npy` -> `People`,
/// `2d_points` -> `Npy2dPoints`.
///
/// ```
/// use typed_layout_cli::camel_case;
/// assert_eq!(camel_case("sensor_log-v2"), "SensorLogV2");
/// assert_eq!(camel_case("2d points"), "Npy2dPoints");
/// ```
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

/// Checks that `name` can name a Rust type: an identifier that is not a
/// keyword (conventionally UpperCamelCase, which is not required).
///
/// ```
/// use typed_layout_cli::check_type_name;
/// assert!(check_type_name("Person").is_ok());
/// assert!(check_type_name("9bad").unwrap_err().contains("starts with a digit"));
/// assert!(check_type_name("struct").is_err());
/// ```
///
/// # Errors
///
/// A sentence saying what is wrong and what to write instead.
pub fn check_type_name(name: &str) -> Result<(), String> {
    let suggestion = camel_case(name);
    if name.is_empty() {
        return Err("a type name cannot be empty".to_string());
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(format!(
            "`{name}` starts with a digit, so it is not a Rust type name; try `{suggestion}`"
        ));
    }
    if !is_identifier(name) {
        return Err(format!(
            "`{name}` is not a Rust identifier (letters, digits and `_` only); try `{suggestion}`"
        ));
    }
    if KEYWORDS.contains(&name) || NOT_RAW.contains(&name) {
        return Err(format!(
            "`{name}` is a Rust keyword, so it cannot name a type; try `{suggestion}`"
        ));
    }
    Ok(())
}
