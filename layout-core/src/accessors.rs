//! The size and stride accessors every view type shares, written once:
//! each view wraps a core view in a field `raw`, and these read it.

/// `len`, `is_empty`, `stride` and `is_aligned` of a rank-1 view whose
/// elements are called `$noun` in the docs.
macro_rules! rank1_accessors {
    ($noun:literal) => {
        #[doc = concat!("Number of ", $noun, ".")]
        pub fn len(&self) -> usize {
            self.raw.len(0)
        }

        #[doc = concat!("Whether there are no ", $noun, ".")]
        pub fn is_empty(&self) -> bool {
            self.len() == 0
        }

        #[doc = concat!("Distance between consecutive ", $noun, ", in bytes.")]
        pub fn stride(&self) -> isize {
            self.raw.stride(0)
        }

        #[doc = concat!("Whether all ", $noun, " are aligned for their type (references can be handed out).")]
        pub fn is_aligned(&self) -> bool {
            self.raw.is_aligned()
        }
    };
}

/// `width`, `height`, `pixel_stride`, `row_stride` and `is_aligned` of an
/// image view.
macro_rules! rank2_accessors {
    () => {
        /// Width in pixels.
        pub fn width(&self) -> usize {
            self.raw.len(0)
        }

        /// Height in pixels.
        pub fn height(&self) -> usize {
            self.raw.len(1)
        }

        /// Bytes from one pixel to the next in x.
        pub fn pixel_stride(&self) -> isize {
            self.raw.stride(0)
        }

        /// Bytes from one row to the next.
        pub fn row_stride(&self) -> isize {
            self.raw.stride(1)
        }

        /// Whether every pixel is aligned for `P` (references can be
        /// handed out).
        pub fn is_aligned(&self) -> bool {
            self.raw.is_aligned()
        }
    };
}

pub(crate) use {rank1_accessors, rank2_accessors};
