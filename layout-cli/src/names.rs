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

/// Whether `name` is a Rust identifier as written, other than `_`: `_` or
/// a character of XID_Start, then XID_Continue characters (the Rust
/// Reference, "Identifiers"), in Unicode NFC (the compiler reads every
/// identifier in NFC, so a name in another form would reach the derive,
/// and the derived dtype, spelled differently).
fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c == '_' || unicode_ident::is_xid_start(c))
        && chars.all(unicode_ident::is_xid_continue)
        && name != "_"
        && unicode_normalization::is_nfc(name)
}

/// The Rust field for a dtype field name.
pub(crate) struct FieldName {
    /// The identifier to write (`r#` for keywords).
    pub ident: String,
    /// Whether the derive records exactly the NumPy name (the identifier
    /// without `r#`), so the derived dtype names the field as the file does.
    pub exact: bool,
}

/// A Rust identifier for a dtype field name. The name itself when it is an
/// identifier (keywords as raw identifiers, which the derive records
/// without `r#`), unless it starts with `_`: the derive's padding rule
/// (a field whose name starts with `_` is padding) would make a data field
/// padding. Otherwise an ASCII spelling that never starts with `_`:
/// ASCII letters and digits kept, other ASCII characters as `_`, other
/// characters as their code point (`½` -> `u00bd`), `f` in front of a
/// digit, `field` for a name of underscores only. Two fields may get the
/// same spelling: the caller makes them unique.
pub(crate) fn field_name(name: &str) -> FieldName {
    if !name.starts_with('_') {
        if KEYWORDS.contains(&name) {
            return FieldName {
                ident: format!("r#{name}"),
                exact: true,
            };
        }
        if is_identifier(name) && !NOT_RAW.contains(&name) {
            return FieldName {
                ident: name.to_string(),
                exact: true,
            };
        }
    }
    let mut ident = String::new();
    // A code point is set off by `_` from letters and digits around it.
    let mut after_code_point = false;
    for c in name.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                if after_code_point {
                    ident.push('_');
                }
                ident.push(c);
            } else {
                ident.push('_');
            }
            after_code_point = false;
        } else {
            if !ident.is_empty() && !ident.ends_with('_') {
                ident.push('_');
            }
            ident.push_str(&format!("u{:04x}", u32::from(c)));
            after_code_point = true;
        }
    }
    let mut ident = ident.trim_start_matches('_').to_string();
    if ident.is_empty() {
        ident = "field".to_string();
    }
    if ident.starts_with(|c: char| c.is_ascii_digit()) {
        ident.insert(0, 'f');
    }
    if KEYWORDS.contains(&ident.as_str()) || NOT_RAW.contains(&ident.as_str()) {
        ident.push('_');
    }
    FieldName {
        ident,
        exact: false,
    }
}

/// `UpperCamelCase` of the alphanumeric runs of `text`, starting with a
/// letter (`Npy` is put in front of names that do not), so a
/// file name becomes a type name: `people.npy` -> `People`,
/// `2d_points` -> `Npy2dPoints`.
///
/// ```
/// use typed_layout_cli::camel_case;
/// assert_eq!(camel_case("sensor_log-v2"), "SensorLogV2");
/// assert_eq!(camel_case("2d points"), "Npy2dPoints");
/// assert_eq!(camel_case("½ scale"), "Scale");
/// ```
pub fn camel_case(text: &str) -> String {
    let mut out = String::new();
    // Words are runs of identifier characters (XID_Continue), so the
    // result is an identifier: `½` is a number but no identifier character.
    for word in text.split(|c: char| c == '_' || !unicode_ident::is_xid_continue(c)) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    if !out.starts_with(unicode_ident::is_xid_start) {
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
