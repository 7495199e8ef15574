//! `Bytes<N>` and `Ucs4<N>`: NumPy's fixed-length strings.

use core::fmt;

/// A value too long for a fixed-length string: `len` bytes or characters
/// for a capacity of `capacity`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooLong {
    /// The length given (bytes for [`Bytes`], characters for [`Ucs4`]).
    pub len: usize,
    /// The most the type holds.
    pub capacity: usize,
}

impl fmt::Display for TooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a value of length {} does not fit in a fixed-length string of {}; NumPy would cut \
             it, this type refuses it",
            self.len, self.capacity
        )
    }
}

impl core::error::Error for TooLong {}

/// NumPy's fixed-length byte string `|S<N>` (PEP 3118 `<N>s`): `N` bytes,
/// NUL-padded, not NUL-terminated when full. Its dtype is `|S<N>`, where a
/// `[u8; N]` field is a sub-array `('|u1', (N,))`.
///
/// [`Bytes::value`] is the string as NumPy reads it (without the trailing
/// NUL padding); [`Bytes::as_bytes`] all `N` bytes.
///
/// ```
/// use typed_layout::{Bytes, HasDtype};
/// let name = Bytes::<8>::from_value(b"ada")?;
/// assert_eq!(name.value(), b"ada");
/// assert_eq!(name.as_bytes(), b"ada\0\0\0\0\0");
/// assert_eq!(Bytes::<8>::dtype().typestr(), "|S8");
/// assert!(Bytes::<2>::from_value(b"ada").is_err());
/// # Ok::<(), typed_layout::numpy_types::TooLong>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Bytes<const N: usize>([u8; N]);

impl<const N: usize> Bytes<N> {
    /// All `N` bytes as stored.
    pub const fn new(bytes: [u8; N]) -> Self {
        Bytes(bytes)
    }

    /// `value` NUL-padded to `N` bytes.
    ///
    /// # Errors
    ///
    /// [`TooLong`] when `value` has more than `N` bytes.
    pub fn from_value(value: &[u8]) -> Result<Self, TooLong> {
        let mut bytes = [0u8; N];
        bytes
            .get_mut(..value.len())
            .ok_or(TooLong {
                len: value.len(),
                capacity: N,
            })?
            .copy_from_slice(value);
        Ok(Bytes(bytes))
    }

    /// All `N` bytes.
    pub const fn as_bytes(&self) -> &[u8; N] {
        &self.0
    }

    /// The string as NumPy reads it: the bytes without the trailing NULs
    /// (a NUL inside the string stays, as in NumPy).
    pub fn value(&self) -> &[u8] {
        let end = self.0.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
        self.0.get(..end).unwrap_or_default()
    }

    /// The bytes up to the first NUL (C's view of the string).
    pub fn until_nul(&self) -> &[u8] {
        let end = self.0.iter().position(|&b| b == 0).unwrap_or(N);
        self.0.get(..end).unwrap_or_default()
    }
}

impl<const N: usize> Default for Bytes<N> {
    fn default() -> Self {
        Bytes([0; N])
    }
}

impl<const N: usize> From<[u8; N]> for Bytes<N> {
    fn from(bytes: [u8; N]) -> Self {
        Bytes(bytes)
    }
}

impl<const N: usize> TryFrom<&[u8]> for Bytes<N> {
    type Error = TooLong;
    /// Same as [`Bytes::from_value`].
    fn try_from(value: &[u8]) -> Result<Self, TooLong> {
        Bytes::from_value(value)
    }
}

impl<const N: usize> fmt::Debug for Bytes<N> {
    /// As a Rust byte string literal of [`Bytes::value`]: `b"ada"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("b\"")?;
        for &b in self.value() {
            for c in core::ascii::escape_default(b) {
                fmt::Write::write_char(f, char::from(c))?;
            }
        }
        f.write_str("\"")
    }
}

/// NumPy's fixed-length unicode string `<U<N>` (PEP 3118 `<N>w`): `N` UCS-4
/// code points (`4 * N` bytes) in native byte order, NUL-padded. Its dtype
/// is `<U<N>` (on a little-endian host), where a `[u32; N]` field is a
/// sub-array `('<u4', (N,))`. A big-endian `>U<N>` file reads as
/// `[Be<u32>; N]`.
///
/// ```
/// use typed_layout::{HasDtype, Ucs4};
/// let word: Ucs4<4> = "añb".parse()?;
/// assert_eq!(word.to_string(), "añb");
/// assert_eq!(word.code_points(), &[0x61, 0xf1, 0x62, 0]);
/// # #[cfg(target_endian = "little")]
/// assert_eq!(Ucs4::<4>::dtype().typestr(), "<U4");
/// assert!("toolong".parse::<Ucs4<4>>().is_err());
/// # Ok::<(), typed_layout::numpy_types::TooLong>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Ucs4<const N: usize>([u32; N]);

impl<const N: usize> Ucs4<N> {
    /// All `N` code points as stored.
    pub const fn new(code_points: [u32; N]) -> Self {
        Ucs4(code_points)
    }

    /// All `N` code points (foreign data may hold values that are not
    /// Unicode scalar values).
    pub const fn code_points(&self) -> &[u32; N] {
        &self.0
    }

    /// The characters as NumPy reads them (without the trailing NULs); a
    /// code point that is not a Unicode scalar value is an `Err` with it.
    pub fn chars(&self) -> impl Iterator<Item = Result<char, u32>> + '_ {
        let end = self.0.iter().rposition(|&c| c != 0).map_or(0, |i| i + 1);
        self.0
            .get(..end)
            .unwrap_or_default()
            .iter()
            .map(|&c| char::from_u32(c).ok_or(c))
    }
}

impl<const N: usize> Default for Ucs4<N> {
    fn default() -> Self {
        Ucs4([0; N])
    }
}

impl<const N: usize> core::str::FromStr for Ucs4<N> {
    type Err = TooLong;
    /// `text` as code points, NUL-padded to `N`.
    fn from_str(text: &str) -> Result<Self, TooLong> {
        let mut code_points = [0u32; N];
        let mut len = 0;
        for c in text.chars() {
            if let Some(slot) = code_points.get_mut(len) {
                *slot = u32::from(c);
            }
            len += 1;
        }
        if len > N {
            return Err(TooLong { len, capacity: N });
        }
        Ok(Ucs4(code_points))
    }
}

impl<const N: usize> fmt::Display for Ucs4<N> {
    /// The characters as NumPy reads them; code points that are not
    /// Unicode scalar values as U+FFFD.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.chars() {
            fmt::Write::write_char(f, c.unwrap_or(char::REPLACEMENT_CHARACTER))?;
        }
        Ok(())
    }
}

impl<const N: usize> fmt::Debug for Ucs4<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for c in self.chars() {
            match c {
                Ok(c) => {
                    for e in c.escape_debug() {
                        fmt::Write::write_char(f, e)?;
                    }
                }
                Err(code) => write!(f, "\\u{{{code:x}}}")?,
            }
        }
        f.write_str("\"")
    }
}
