//! A small parser for the Python literals found in `.npy` headers and in
//! `descr` strings: dicts, lists, tuples, strings (with `r`/`u`/`b`
//! prefixes, triple quotes and adjacent-string concatenation), ints
//! (decimal, `0x`, `0o`, `0b`, underscores), `True`, `False`, `None`, and
//! `#` comments: what `ast.literal_eval`, NumPy's header reader, accepts for
//! these types. Hand-written so layout-core needs no parsing dependency;
//! every byte access is bounds-checked and nesting is limited, so hostile
//! input gets an error, never a panic or a stack overflow.

use alloc::string::String;
use alloc::vec::Vec;

/// Containers nested deeper than this are refused.
pub(crate) const MAX_DEPTH: usize = 64;

/// A parsed Python literal.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Str(String),
    /// A `b'...'` literal: not a `str`, so never a name or a dtype.
    Bytes(Vec<u8>),
    Int(i128),
    /// An integer literal too large for `i128`, kept as written.
    BigInt(String),
    Bool(bool),
    None,
    List(Vec<Value>),
    Tuple(Vec<Value>),
    Dict(Vec<(Value, Value)>),
}

impl Value {
    /// The Python type name, for messages.
    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            Value::Str(_) => "a string",
            Value::Bytes(_) => "a bytes literal",
            Value::Int(_) | Value::BigInt(_) => "an int",
            Value::Bool(_) => "a bool",
            Value::None => "None",
            Value::List(_) => "a list",
            Value::Tuple(_) => "a tuple",
            Value::Dict(_) => "a dict",
        }
    }

    /// The value of key `key` in a dict (the last one, as Python keeps).
    pub(crate) fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Dict(entries) => entries
                .iter()
                .rev()
                .find(|(k, _)| matches!(k, Value::Str(s) if s == key))
                .map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Why a literal could not be parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum LiteralError {
    Syntax {
        position: usize,
        expected: &'static str,
        found: String,
    },
    TooDeep,
}

/// Parses one literal filling `src` (surrounding whitespace allowed).
/// `long_suffix` accepts Python 2's `3L` integers (old `.npy` headers).
pub(crate) fn parse(src: &str, long_suffix: bool) -> Result<Value, LiteralError> {
    let mut parser = Parser {
        src: src.as_bytes(),
        text: src,
        pos: 0,
        long_suffix,
    };
    let value = parser.value(0)?;
    parser.skip_ws();
    if parser.pos < parser.src.len() {
        return Err(parser.error("end of input"));
    }
    Ok(value)
}

struct Parser<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
    long_suffix: bool,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    /// Whitespace, `#` comments to the end of the line, and backslash line
    /// continuations.
    fn skip_ws(&mut self) {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') => self.pos += 1,
                Some(b'#') => {
                    while !matches!(self.peek(), None | Some(b'\n' | b'\r')) {
                        self.pos += 1;
                    }
                }
                Some(b'\\') if matches!(self.src.get(self.pos + 1), Some(b'\n' | b'\r')) => {
                    self.pos += 2;
                }
                _ => return,
            }
        }
    }

    /// A short excerpt of the input at the current position.
    fn found(&self) -> String {
        match self.text.get(self.pos..) {
            None | Some("") => String::from("end of input"),
            Some(rest) => {
                let excerpt: String = rest.chars().take(16).collect();
                let mut quoted = String::from("`");
                quoted.push_str(&excerpt);
                quoted.push('`');
                quoted
            }
        }
    }

    fn error(&self, expected: &'static str) -> LiteralError {
        LiteralError::Syntax {
            position: self.pos,
            expected,
            found: self.found(),
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, LiteralError> {
        self.skip_ws();
        match self.peek() {
            Some(b'{') => self.dict(depth + 1),
            Some(b'[') => self
                .sequence(depth + 1, b']')
                .map(|(items, _)| Value::List(items)),
            Some(b'(') => {
                let (items, trailing_comma) = self.sequence(depth + 1, b')')?;
                // `(x)` is a parenthesized value; `(x,)` and `()` are tuples.
                if items.len() == 1 && !trailing_comma {
                    Ok(items.into_iter().next().unwrap_or(Value::None))
                } else {
                    Ok(Value::Tuple(items))
                }
            }
            Some(b'\'' | b'"') => self.strings(),
            Some(b'A'..=b'Z' | b'a'..=b'z') if self.string_prefix().is_some() => self.strings(),
            Some(b'0'..=b'9' | b'-' | b'+') => self.int(),
            Some(b'A'..=b'Z' | b'a'..=b'z' | b'_') => self.name(),
            _ => Err(self.error("a value")),
        }
    }

    /// Items up to `close`; also says whether the last item had a comma.
    fn sequence(&mut self, depth: usize, close: u8) -> Result<(Vec<Value>, bool), LiteralError> {
        if depth > MAX_DEPTH {
            return Err(LiteralError::TooDeep);
        }
        self.pos += 1; // the opening bracket
        let mut items = Vec::new();
        let mut trailing_comma = false;
        loop {
            self.skip_ws();
            if self.peek() == Some(close) {
                self.pos += 1;
                return Ok((items, trailing_comma));
            }
            items.push(self.value(depth)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    trailing_comma = true;
                }
                Some(c) if c == close => {
                    self.pos += 1;
                    return Ok((items, false));
                }
                _ => {
                    return Err(self.error(if close == b']' {
                        "`,` or `]`"
                    } else {
                        "`,` or `)`"
                    }))
                }
            }
        }
    }

    fn dict(&mut self, depth: usize) -> Result<Value, LiteralError> {
        if depth > MAX_DEPTH {
            return Err(LiteralError::TooDeep);
        }
        self.pos += 1;
        let mut entries = Vec::new();
        loop {
            self.skip_ws();
            if self.peek() == Some(b'}') {
                self.pos += 1;
                return Ok(Value::Dict(entries));
            }
            let key = self.value(depth)?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error("`:` after a dict key"));
            }
            self.pos += 1;
            let value = self.value(depth)?;
            entries.push((key, value));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Dict(entries));
                }
                _ => return Err(self.error("`,` or `}`")),
            }
        }
    }

    fn name(&mut self) -> Result<Value, LiteralError> {
        let start = self.pos;
        while let Some(b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_') = self.peek() {
            self.pos += 1;
        }
        match self.src.get(start..self.pos) {
            Some(b"True") => Ok(Value::Bool(true)),
            Some(b"False") => Ok(Value::Bool(false)),
            Some(b"None") => Ok(Value::None),
            _ => {
                self.pos = start;
                Err(self.error("a literal (names other than True, False, None are not literals)"))
            }
        }
    }

    /// `0x1f`, `0o17`, `0b101` (with `_` between digits), after the sign.
    fn radix_int(
        &mut self,
        start: usize,
        negative: bool,
        radix: u32,
    ) -> Result<Value, LiteralError> {
        self.pos += 2; // `0x`
        let digits_start = self.pos;
        let mut value: Option<i128> = Some(0);
        let mut last_was_digit = false;
        while let Some(c) = self.peek() {
            if let Some(digit) = char::from(c).to_digit(radix) {
                let digit = i128::from(digit as u8);
                value = value
                    .and_then(|v| v.checked_mul(i128::from(radix as u8)))
                    .and_then(|v| {
                        if negative {
                            v.checked_sub(digit)
                        } else {
                            v.checked_add(digit)
                        }
                    });
                last_was_digit = true;
            } else if c == b'_'
                && (last_was_digit || self.pos == digits_start)
                && self
                    .src
                    .get(self.pos + 1)
                    .is_some_and(|&d| char::from(d).is_digit(radix))
            {
                last_was_digit = false;
            } else {
                break;
            }
            self.pos += 1;
        }
        if !last_was_digit {
            return Err(self.error("digits after the base prefix"));
        }
        if self.peek().is_some_and(|c| c.is_ascii_alphanumeric()) {
            return Err(self.error("the end of the integer"));
        }
        Ok(match value {
            Some(v) => Value::Int(v),
            None => Value::BigInt(String::from(self.text.get(start..self.pos).unwrap_or("?"))),
        })
    }

    fn int(&mut self) -> Result<Value, LiteralError> {
        let start = self.pos;
        let negative = match self.peek() {
            Some(b'-') => {
                self.pos += 1;
                true
            }
            Some(b'+') => {
                self.pos += 1;
                false
            }
            _ => false,
        };
        self.skip_ws(); // Python allows `- 3`
        let radix = match (self.peek(), self.src.get(self.pos + 1)) {
            (Some(b'0'), Some(b'x' | b'X')) => 16,
            (Some(b'0'), Some(b'o' | b'O')) => 8,
            (Some(b'0'), Some(b'b' | b'B')) => 2,
            _ => 10,
        };
        if radix != 10 {
            return self.radix_int(start, negative, radix);
        }
        let digits_start = self.pos;
        let mut value: Option<i128> = Some(0);
        let mut last_was_digit = false;
        while let Some(c) = self.peek() {
            match c {
                b'0'..=b'9' => {
                    let digit = i128::from(c - b'0');
                    value = value.and_then(|v| v.checked_mul(10)).and_then(|v| {
                        if negative {
                            v.checked_sub(digit)
                        } else {
                            v.checked_add(digit)
                        }
                    });
                    last_was_digit = true;
                }
                // Underscores only between digits, as in Python.
                b'_' if last_was_digit
                    && matches!(self.src.get(self.pos + 1), Some(b'0'..=b'9')) =>
                {
                    last_was_digit = false;
                }
                _ => break,
            }
            self.pos += 1;
        }
        if self.pos == digits_start {
            return Err(self.error("digits"));
        }
        let digits = self.src.get(digits_start..self.pos).unwrap_or_default();
        // Python forbids leading zeros in non-zero decimal literals.
        if digits.len() > 1
            && digits.first() == Some(&b'0')
            && digits.iter().any(|&d| d != b'0' && d != b'_')
        {
            self.pos = digits_start;
            return Err(self.error("a decimal integer without leading zeros"));
        }
        if matches!(
            self.peek(),
            Some(b'.' | b'e' | b'E' | b'x' | b'X' | b'o' | b'b' | b'j')
        ) {
            return Err(self.error("an integer (floats, hex and complex are not valid here)"));
        }
        if self.long_suffix && matches!(self.peek(), Some(b'L' | b'l')) {
            self.pos += 1;
        }
        Ok(match value {
            Some(v) => Value::Int(v),
            None => Value::BigInt(String::from(self.text.get(start..self.pos).unwrap_or("?"))),
        })
    }

    /// The string prefix at the current position (`r`, `u`, `b`, `rb`,
    /// ... in any case) if a quote follows it: (length, raw, bytes).
    fn string_prefix(&self) -> Option<(usize, bool, bool)> {
        let mut len = 0;
        let (mut raw, mut bytes, mut unicode) = (false, false, false);
        while let Some(&c) = self.src.get(self.pos + len) {
            match c {
                b'r' | b'R' if !raw => raw = true,
                b'b' | b'B' if !bytes && !unicode => bytes = true,
                b'u' | b'U' if !bytes && !raw && !unicode && len == 0 => unicode = true,
                b'\'' | b'"' => return Some((len, raw, bytes)),
                _ => return None,
            }
            len += 1;
        }
        None
    }

    /// One or more adjacent string literals, concatenated as Python does
    /// (`'a' "b"` is `'ab'`; str and bytes do not mix).
    fn strings(&mut self) -> Result<Value, LiteralError> {
        let start = self.pos;
        let (mut text, mut is_bytes) = (String::new(), None);
        while let Some((prefix, raw, bytes)) = self.string_prefix() {
            match is_bytes {
                Some(was) if was != bytes => {
                    return Err(self.error("no mixing of bytes and str literals"));
                }
                _ => is_bytes = Some(bytes),
            }
            self.pos += prefix;
            self.string(raw, &mut text)?;
            let before = self.pos;
            self.skip_ws();
            if self.string_prefix().is_none() {
                self.pos = before;
                break;
            }
        }
        if is_bytes.is_none() {
            self.pos = start;
            return Err(self.error("a string"));
        }
        if is_bytes == Some(true) {
            if !text.is_ascii() {
                return Err(self.error("only ASCII characters in a bytes literal"));
            }
            return Ok(Value::Bytes(text.into_bytes()));
        }
        Ok(Value::Str(text))
    }

    /// One quoted string (`'...'`, `"..."`, `'''...'''`), appended to `out`.
    fn string(&mut self, raw: bool, out: &mut String) -> Result<(), LiteralError> {
        let Some(quote) = self.peek() else {
            return Err(self.error("a string"));
        };
        let triple = self.src.get(self.pos..self.pos + 3) == Some(&[quote; 3][..]);
        self.pos += if triple { 3 } else { 1 };
        loop {
            let Some(c) = self.peek() else {
                return Err(self.error("a closing quote"));
            };
            if c == quote {
                if !triple {
                    self.pos += 1;
                    return Ok(());
                }
                if self.src.get(self.pos..self.pos + 3) == Some(&[quote; 3][..]) {
                    self.pos += 3;
                    return Ok(());
                }
            }
            match c {
                b'\n' | b'\r' if !triple => {
                    return Err(self.error("a closing quote before the line ends"))
                }
                b'\\' if raw => {
                    // A raw string keeps the backslash and the next
                    // character (so `\'` does not close it).
                    out.push('\\');
                    self.pos += 1;
                    if let Some(next) = self.text.get(self.pos..).and_then(|r| r.chars().next()) {
                        out.push(next);
                        self.pos += next.len_utf8();
                    }
                }
                b'\\' => {
                    self.pos += 1;
                    self.escape(out)?;
                }
                _ => {
                    // Copy one whole UTF-8 character.
                    let rest = self.text.get(self.pos..).unwrap_or("");
                    let Some(ch) = rest.chars().next() else {
                        return Err(self.error("a character"));
                    };
                    out.push(ch);
                    self.pos += ch.len_utf8();
                }
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), LiteralError> {
        let Some(c) = self.peek() else {
            return Err(self.error("an escape sequence"));
        };
        self.pos += 1;
        let simple = match c {
            b'\\' => Some('\\'),
            b'\'' => Some('\''),
            b'"' => Some('"'),
            b'n' => Some('\n'),
            b'r' => Some('\r'),
            b't' => Some('\t'),
            b'a' => Some('\x07'),
            b'b' => Some('\x08'),
            b'f' => Some('\x0c'),
            b'v' => Some('\x0b'),
            b'\n' => return Ok(()), // line continuation
            _ => None,
        };
        if let Some(ch) = simple {
            out.push(ch);
            return Ok(());
        }
        let code = match c {
            b'x' => self.hex(2)?,
            b'u' => self.hex(4)?,
            b'U' => self.hex(8)?,
            b'0'..=b'7' => {
                let mut code = u32::from(c - b'0');
                for _ in 0..2 {
                    match self.peek() {
                        Some(d @ b'0'..=b'7') => {
                            code = code * 8 + u32::from(d - b'0');
                            self.pos += 1;
                        }
                        _ => break,
                    }
                }
                code
            }
            _ => {
                // Python keeps unknown escapes as written.
                out.push('\\');
                self.pos -= 1;
                return Ok(());
            }
        };
        match char::from_u32(code) {
            Some(ch) => {
                out.push(ch);
                Ok(())
            }
            None => Err(self.error("a valid Unicode scalar value in the escape")),
        }
    }

    fn hex(&mut self, count: usize) -> Result<u32, LiteralError> {
        let mut code = 0u32;
        for _ in 0..count {
            let digit = match self.peek() {
                Some(d @ b'0'..=b'9') => d - b'0',
                Some(d @ b'a'..=b'f') => d - b'a' + 10,
                Some(d @ b'A'..=b'F') => d - b'A' + 10,
                _ => return Err(self.error("a hex digit")),
            };
            // At most 8 digits, so this stays within u32.
            code = (code << 4) | u32::from(digit);
            self.pos += 1;
        }
        Ok(code)
    }
}

/// Appends `s` as Python's `repr` writes it: single quotes unless the text
/// has a single quote and no double quote; backslash escapes for the quote,
/// backslash and control characters; other characters as they are.
pub(crate) fn push_repr(out: &mut String, s: &str) {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..0xa0).contains(&(c as u32)) => {
                push_hex_escape(out, c as u32, 'x', 2);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
}

fn push_hex_escape(out: &mut String, code: u32, letter: char, digits: u32) {
    out.push('\\');
    out.push(letter);
    for i in (0..digits).rev() {
        let nibble = (code >> (4 * i)) & 0xf;
        out.push(char::from_digit(nibble, 16).unwrap_or('0'));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    #[test]
    fn parses_a_numpy_header() {
        let header = "{'descr': [('a', '<f8'), ('b', '|u1', (3,))], 'fortran_order': False, 'shape': (3, 4), }   \n";
        let value = parse(header, false).unwrap();
        assert_eq!(value.get("fortran_order"), Some(&Value::Bool(false)));
        assert_eq!(
            value.get("shape"),
            Some(&Value::Tuple(vec![Value::Int(3), Value::Int(4)]))
        );
    }

    #[test]
    fn tuples_and_parentheses() {
        assert_eq!(parse("()", false).unwrap(), Value::Tuple(vec![]));
        assert_eq!(
            parse("(3,)", false).unwrap(),
            Value::Tuple(vec![Value::Int(3)])
        );
        assert_eq!(parse("(3)", false).unwrap(), Value::Int(3));
    }

    #[test]
    fn strings_and_escapes() {
        assert_eq!(
            parse(r#"'a\'b\x41\u00df\n'"#, false).unwrap(),
            Value::Str("a'bA\u{df}\n".into())
        );
        assert_eq!(parse("\"it's\"", false).unwrap(), Value::Str("it's".into()));
        let mut out = String::new();
        push_repr(&mut out, "it's");
        assert_eq!(out, "\"it's\"");
        let mut out = String::new();
        push_repr(&mut out, "a\u{1}b");
        assert_eq!(out, "'a\\x01b'");
    }

    #[test]
    fn ints() {
        assert_eq!(parse("-12", false).unwrap(), Value::Int(-12));
        assert_eq!(parse("1_000", false).unwrap(), Value::Int(1000));
        assert!(parse("3L", false).is_err());
        assert_eq!(parse("3L", true).unwrap(), Value::Int(3));
        assert!(matches!(
            parse("999999999999999999999999999999999999999999", false).unwrap(),
            Value::BigInt(_)
        ));
        assert!(parse("012", false).is_err());
        assert!(parse("1.5", false).is_err());
    }

    #[test]
    fn depth_is_limited() {
        let deep = "[".repeat(10_000);
        assert_eq!(parse(&deep, false), Err(LiteralError::TooDeep));
    }

    #[test]
    fn errors_never_panic() {
        for input in [
            "", "{", "{'a'", "{'a':", "[1,", "'abc", "'\\", "'\\x4", "(1 2)", "Foo", "\u{e9}",
        ] {
            assert!(parse(input, false).is_err(), "{input:?}");
        }
    }
}
