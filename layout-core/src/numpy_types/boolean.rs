//! `Bool`: NumPy's one-byte boolean.

use core::fmt;

/// NumPy's `bool` (`|b1`, PEP 3118 `?`): one byte, zero is false and any
/// other value true, as NumPy reads it. Every byte is a valid `Bool`, which
/// is why Rust's `bool` (only 0 and 1 are valid) cannot be viewed in
/// foreign bytes and this type can. Its dtype is `|b1`, so a struct with a
/// `Bool` field writes back the dtype NumPy wrote (a `u8` field would write
/// `|u1`).
///
/// ```
/// use typed_layout::{Bool, HasDtype, Records};
/// let flags = [7u8, 0, 1];
/// let values: Vec<bool> = Records::<Bool>::from_bytes(&flags)?.iter().map(|b| b.get()).collect();
/// assert_eq!(values, [true, false, true]);
/// assert_eq!(Bool::dtype().typestr(), "|b1");
/// assert_eq!(Bool::from(true).to_byte(), 1);
/// # Ok::<(), typed_layout::ViewError>(())
/// ```
#[derive(Clone, Copy, Default)]
#[repr(transparent)]
pub struct Bool(u8);

impl Bool {
    /// `true` stored as 1, `false` as 0 (what NumPy writes).
    pub const fn new(value: bool) -> Bool {
        Bool(value as u8)
    }

    /// Whether the byte is non-zero.
    pub const fn get(self) -> bool {
        self.0 != 0
    }

    /// The stored byte as it is (foreign data may hold any value).
    pub const fn to_byte(self) -> u8 {
        self.0
    }

    /// Wraps a byte as it is.
    pub const fn from_byte(byte: u8) -> Bool {
        Bool(byte)
    }
}

impl From<bool> for Bool {
    fn from(value: bool) -> Bool {
        Bool::new(value)
    }
}

impl From<Bool> for bool {
    fn from(value: Bool) -> bool {
        value.get()
    }
}

impl PartialEq for Bool {
    /// Compares truth values (2 == 1: both true), as NumPy does.
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Eq for Bool {}

impl core::hash::Hash for Bool {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.get().hash(state);
    }
}

impl fmt::Debug for Bool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.get(), f)
    }
}
