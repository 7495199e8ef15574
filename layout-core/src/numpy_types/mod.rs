//! Layout types for NumPy's dtype families that Rust has no plain type for:
//! [`Bool`] (`|b1`), [`Bytes<N>`](Bytes) (`|S<n>`), [`Ucs4<N>`](Ucs4)
//! (`<U<n>`), [`Datetime64<U>`](Datetime64) and
//! [`Timedelta64<U>`](Timedelta64) (`<M8[ns]`, `<m8[s]`) with their unit in
//! the type. With features: `half::f16` (`<f2`, feature `half`) and
//! `num_complex::Complex<f32>` / `Complex<f64>` (`<c8`, `<c16`, feature
//! `num-complex`) are layout types too.
//!
//! Each describes its bytes exactly, so a struct built from them has the
//! dtype NumPy wrote: a generated struct writes back the same `descr`.
//!
//! ```
//! use typed_layout::{Bool, Bytes, HasDtype, PixelLayout, Ucs4};
//! use typed_layout::numpy_types::{Datetime64, Nanoseconds};
//!
//! #[derive(Clone, Copy, PixelLayout)]
//! #[repr(C, packed)]
//! struct Event {
//!     name: Bytes<8>,
//!     label: Ucs4<4>,
//!     seen: Bool,
//!     at: Datetime64<Nanoseconds>,
//! }
//!
//! # #[cfg(target_endian = "little")]
//! assert_eq!(
//!     Event::dtype().descr(),
//!     "[('name', '|S8'), ('label', '<U4'), ('seen', '|b1'), ('at', '<M8[ns]')]"
//! );
//! let event = Event {
//!     name: Bytes::from_value(b"launch").unwrap(),
//!     label: "go".parse().unwrap(),
//!     seen: Bool::new(true),
//!     at: Datetime64::new(1_700_000_000_000_000_000),
//! };
//! let (name, label) = (event.name, event.label); // packed fields: copy out
//! assert_eq!(name.value(), b"launch");
//! assert_eq!(label.to_string(), "go");
//! assert!(event.seen.get());
//! ```

mod boolean;
mod strings;
mod time;

pub use boolean::Bool;
pub use strings::{Bytes, TooLong, Ucs4};
pub use time::{
    Attoseconds, Datetime64, Days, Femtoseconds, Generic, Hours, Microseconds, Milliseconds,
    Minutes, Months, Nanoseconds, Picoseconds, Seconds, TimeUnit, Timedelta64, Unit, Weeks, Years,
};
