//! `Datetime64<U>` and `Timedelta64<U>`: NumPy's 64-bit times, with the
//! unit in the type.

use core::fmt;
use core::marker::PhantomData;

/// The units, each once: the [`TimeUnit`] variants with their text in
/// NumPy's brackets, [`TimeUnit::ALL`], and a marker type of the same name
/// per unit.
macro_rules! time_units {
    ($($(#[$doc:meta])* $name:ident => $text:literal,)*) => {
        /// A unit of NumPy's `datetime64` / `timedelta64` (the text in brackets of
        /// `<M8[ns]`). `Generic` is the unit-less `<M8`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum TimeUnit {
            $($(#[$doc])* $name,)*
        }

        impl TimeUnit {
            /// Every unit, in order of decreasing length (generic last).
            pub const ALL: [TimeUnit; 14] = [$(TimeUnit::$name),*];

            /// The unit as NumPy writes it in brackets (`"ns"`); empty for generic.
            ///
            /// ```
            /// use typed_layout::TimeUnit;
            /// assert_eq!(TimeUnit::Microseconds.as_str(), "us");
            /// assert_eq!(TimeUnit::parse("μs"), Some(TimeUnit::Microseconds));
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(TimeUnit::$name => $text,)*
                }
            }

            /// The unit written `text` (`"ns"`, `"μs"`, `""` for generic), or
            /// `None` for text NumPy does not know.
            pub fn parse(text: &str) -> Option<TimeUnit> {
                if text == "μs" {
                    return Some(TimeUnit::Microseconds);
                }
                TimeUnit::ALL.into_iter().find(|unit| unit.as_str() == text)
            }

            /// The name of the marker type for this unit (`"Nanoseconds"`).
            pub const fn type_name(self) -> &'static str {
                match self {
                    $(TimeUnit::$name => stringify!($name),)*
                }
            }
        }

        $(
            #[doc = concat!("The time unit [`TimeUnit::", stringify!($name), "`] as a type.")]
            #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
            pub struct $name;
            impl sealed::Sealed for $name {}
            impl Unit for $name {
                const UNIT: TimeUnit = TimeUnit::$name;
            }
        )*
    };
}

time_units! {
    /// `Y`
    Years => "Y",
    /// `M`
    Months => "M",
    /// `W`
    Weeks => "W",
    /// `D`
    Days => "D",
    /// `h`
    Hours => "h",
    /// `m`
    Minutes => "m",
    /// `s`
    Seconds => "s",
    /// `ms`
    Milliseconds => "ms",
    /// `us` (NumPy also reads `μs`)
    Microseconds => "us",
    /// `ns`
    Nanoseconds => "ns",
    /// `ps`
    Picoseconds => "ps",
    /// `fs`
    Femtoseconds => "fs",
    /// `as`
    Attoseconds => "as",
    /// No unit (`<M8`): NumPy's generic time, which takes the unit of what
    /// it is combined with.
    Generic => "",
}

impl fmt::Display for TimeUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

mod sealed {
    pub trait Sealed {}
}

/// A time unit as a type, for [`Datetime64<U>`](Datetime64) and
/// [`Timedelta64<U>`](Timedelta64). Sealed: the unit types of this module.
pub trait Unit: Copy + Default + fmt::Debug + Send + Sync + 'static + sealed::Sealed {
    /// The unit.
    const UNIT: TimeUnit;
}

macro_rules! time_type {
    ($(#[$doc:meta])* $name:ident, $numpy:literal) => {
        $(#[$doc])*
        #[repr(transparent)]
        pub struct $name<U: Unit> {
            value: i64,
            unit: PhantomData<U>,
        }

        impl<U: Unit> $name<U> {
            /// The unit.
            pub const UNIT: TimeUnit = U::UNIT;

            #[doc = concat!("A ", $numpy, " of `count` units.")]
            pub const fn new(count: i64) -> Self {
                $name { value: count, unit: PhantomData }
            }

            /// The count of units (`i64::MIN` is NumPy's `NaT`, not a time).
            pub const fn get(self) -> i64 {
                self.value
            }

            /// Whether this is NumPy's `NaT` ("not a time", `i64::MIN`).
            pub const fn is_nat(self) -> bool {
                self.value == i64::MIN
            }
        }

        impl<U: Unit> Clone for $name<U> {
            fn clone(&self) -> Self {
                *self
            }
        }

        impl<U: Unit> Copy for $name<U> {}

        impl<U: Unit> Default for $name<U> {
            fn default() -> Self {
                Self::new(0)
            }
        }

        impl<U: Unit> PartialEq for $name<U> {
            fn eq(&self, other: &Self) -> bool {
                self.value == other.value
            }
        }

        impl<U: Unit> Eq for $name<U> {}

        impl<U: Unit> core::hash::Hash for $name<U> {
            fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
                self.value.hash(state);
            }
        }

        impl<U: Unit> PartialOrd for $name<U> {
            fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl<U: Unit> Ord for $name<U> {
            fn cmp(&self, other: &Self) -> core::cmp::Ordering {
                self.value.cmp(&other.value)
            }
        }

        impl<U: Unit> fmt::Debug for $name<U> {
            /// `1700000000[s]`, or `NaT`.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                if self.is_nat() {
                    f.write_str("NaT")
                } else {
                    write!(f, "{}[{}]", self.value, U::UNIT)
                }
            }
        }
    };
}

time_type!(
    /// NumPy's `datetime64[U]` (`<M8[ns]` for [`Nanoseconds`]): an `i64`
    /// count of units since 1970-01-01T00:00, with the unit in the type so
    /// a struct writes back the unit NumPy wrote. Not expressible in PEP
    /// 3118 (NumPy refuses to export it through a buffer).
    ///
    /// ```
    /// use typed_layout::{Be, HasDtype};
    /// use typed_layout::numpy_types::{Datetime64, Nanoseconds, Seconds};
    /// let t = Datetime64::<Seconds>::new(1_700_000_000);
    /// assert_eq!(t.get(), 1_700_000_000);
    /// # #[cfg(target_endian = "little")]
    /// assert_eq!(Datetime64::<Nanoseconds>::dtype().typestr(), "<M8[ns]");
    /// assert_eq!(<Be<Datetime64<Seconds>>>::dtype().typestr(), ">M8[s]");
    /// assert!(Datetime64::<Seconds>::dtype().pep3118().is_err());
    /// ```
    Datetime64, "time"
);

time_type!(
    /// NumPy's `timedelta64[U]` (`<m8[s]` for [`Seconds`]): an `i64` count
    /// of units, with the unit in the type. Not expressible in PEP 3118.
    ///
    /// ```
    /// use typed_layout::HasDtype;
    /// use typed_layout::numpy_types::{Milliseconds, Timedelta64};
    /// let d = Timedelta64::<Milliseconds>::new(-1500);
    /// assert_eq!(format!("{d:?}"), "-1500[ms]");
    /// # #[cfg(target_endian = "little")]
    /// assert_eq!(Timedelta64::<Milliseconds>::dtype().typestr(), "<m8[ms]");
    /// ```
    Timedelta64, "duration"
);
