//! `ViewError`: why a view could not be built, with the numbers.

use core::fmt;

/// Why a view could not be constructed or an access was refused.
///
/// Every variant carries the numbers needed to see what went wrong; `Display`
/// says what to change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ViewError {
    /// The element type has size zero, so a byte length says nothing about
    /// how many elements there are.
    ZeroSizedElement {
        /// The element type's name.
        type_name: &'static str,
    },
    /// The byte length is not a whole number of records.
    LengthNotMultiple {
        /// Length of the buffer, in bytes.
        len: usize,
        /// Size of one element, in bytes.
        elem_size: usize,
    },
    /// The start address or the stride does not fit the element's alignment.
    Misaligned {
        /// Alignment the element type requires.
        required: usize,
        /// The start address modulo `required`.
        address_remainder: usize,
        /// The stride in bytes, modulo `required`.
        stride_remainder: usize,
    },
    /// The view would reach bytes past the end of the buffer.
    OutOfBounds {
        /// Bytes the view needs (one past the highest byte it reaches).
        needed: u128,
        /// Bytes the buffer has.
        available: usize,
    },
    /// The view would reach bytes before the start of the buffer (negative
    /// strides).
    BeforeStart {
        /// How many bytes before the buffer's start the lowest element begins.
        bytes_before: u128,
    },
    /// Computing the view's extent overflowed: `(len - 1) * stride`, or
    /// its sum with the other axes' extents, does not fit in 128 bits.
    Overflow {
        /// The element count of the axis whose extent overflowed.
        len: usize,
        /// Its stride in bytes.
        stride: isize,
    },
    /// A byte stride given as `usize` is larger than `isize::MAX`, the
    /// largest distance between two bytes of one buffer.
    StrideTooLarge {
        /// The stride asked for, in bytes.
        stride: usize,
    },
    /// A padded-rows image whose row stride (pitch) is shorter than a row
    /// of pixels, so rows would overlap (a pitch given in pixels instead of
    /// bytes, or zero).
    PitchTooSmall {
        /// The pitch given, in bytes.
        pitch: usize,
        /// The bytes one row of pixels needs: `width * size_of::<P>()`.
        row_bytes: u128,
    },
    /// `width * height` overflows `usize`.
    ShapeOverflow {
        /// Width in pixels.
        width: usize,
        /// Height in pixels.
        height: usize,
    },
    /// Owned storage for `len` records of `elem_size` bytes would exceed
    /// `isize::MAX` bytes.
    TooLarge {
        /// Number of records asked for.
        len: usize,
        /// Size of one record, in bytes.
        elem_size: usize,
    },
    /// An owned image whose rows or whole size would exceed `isize::MAX`
    /// bytes.
    ImageTooLarge {
        /// Width in pixels.
        width: usize,
        /// Height in pixels.
        height: usize,
        /// Size of one pixel, in bytes.
        pixel_size: usize,
        /// The row alignment asked for, in bytes.
        row_align: usize,
    },
    /// The allocator could not provide the memory.
    AllocationFailed {
        /// Bytes asked for.
        bytes: usize,
        /// Their alignment.
        align: usize,
    },
    /// A chunk (row band, group of records) of size zero.
    ZeroChunk {
        /// What the chunk counts: `"row"` or `"record"`.
        unit: &'static str,
    },
    /// Two elements of a mutable view would share bytes.
    Aliasing {
        /// The stride, in bytes, that is too small.
        stride: isize,
        /// The number of bytes that one step must at least skip.
        needed: usize,
    },
    /// A range or index lies outside the view.
    IndexOutOfBounds {
        /// Index, or end of the range, that was asked for.
        index: usize,
        /// The view's length.
        len: usize,
    },
    /// `len` elements from `start` would end past `usize::MAX`.
    RangeOverflow {
        /// First element of the range.
        start: usize,
        /// Number of elements asked for.
        len: usize,
    },
    /// A range whose start is after its end.
    InvalidRange {
        /// Start of the range.
        start: usize,
        /// End of the range.
        end: usize,
    },
    /// A step of zero.
    ZeroStep,
    /// Source and destination lengths differ.
    LengthMismatch {
        /// Length of the view.
        expected: usize,
        /// Length of the slice given.
        given: usize,
    },
    /// Two images that must have the same size do not.
    ShapeMismatch {
        /// Width and height of the destination.
        expected: (usize, usize),
        /// Width and height of the source.
        given: (usize, usize),
    },
    /// A row of a row table has a different length than the first row.
    RowLengthMismatch {
        /// Index of the row.
        row: usize,
        /// Its length, in pixels.
        len: usize,
        /// The length of row 0.
        expected: usize,
    },
    /// A window with no pixels (a width or height of zero).
    InvalidWindow {
        /// Requested width (or length).
        width: usize,
        /// Requested height (1 for 1-D views).
        height: usize,
    },
    /// An alignment that is not a power of two.
    InvalidAlignment {
        /// The alignment asked for.
        align: usize,
    },
    /// A field does not fit inside the record it is projected from.
    FieldOutOfRecord {
        /// Field offset in bytes.
        offset: usize,
        /// Field size in bytes.
        field_size: usize,
        /// Record size in bytes.
        record_size: usize,
    },
    /// Mutable fields were taken out of order, so they could overlap.
    FieldOverlap {
        /// Offset asked for.
        offset: usize,
        /// First byte not yet handed out.
        next_free: usize,
    },
}

impl fmt::Display for ViewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ViewError::ZeroSizedElement { type_name } => write!(
                f,
                "element type `{type_name}` is zero-sized; views need elements of at least one byte"
            ),
            // A user may build the variant with any numbers: no division
            // by zero while displaying it.
            ViewError::LengthNotMultiple { len, elem_size } => match (
                len.checked_div(elem_size),
                len.checked_rem(elem_size),
            ) {
                (Some(records), Some(left)) => write!(
                    f,
                    "buffer of {len} bytes is not a whole number of {elem_size}-byte records \
                     ({records} records and {left} bytes left over); pass a buffer whose length \
                     is a multiple of {elem_size}"
                ),
                _ => write!(
                    f,
                    "buffer of {len} bytes cannot hold records of 0 bytes; records need at \
                     least one byte"
                ),
            },
            ViewError::Misaligned {
                required,
                address_remainder,
                stride_remainder,
            } => write!(
                f,
                "data is misaligned: the element type needs {required}-byte alignment, but the start \
                 address is {address_remainder} bytes past a multiple of {required} and the stride \
                 {stride_remainder} bytes past one; allocate with RecordBuf (64-byte aligned), copy \
                 into an aligned buffer, or use a #[repr(C, packed)] type"
            ),
            ViewError::OutOfBounds { needed, available } => write!(
                f,
                "view needs {needed} bytes but the buffer has {available}; check the length, \
                 offset and strides"
            ),
            ViewError::BeforeStart { bytes_before } => write!(
                f,
                "view reaches {bytes_before} bytes before the start of the buffer; a negative \
                 stride needs a start offset at least (len - 1) * |stride|"
            ),
            ViewError::Overflow { len, stride } => write!(
                f,
                "extent of {len} elements with stride {stride} bytes overflows the address space"
            ),
            ViewError::StrideTooLarge { stride } => write!(
                f,
                "stride of {stride} bytes is larger than isize::MAX ({}), the largest distance \
                 between two bytes of one buffer",
                isize::MAX
            ),
            ViewError::PitchTooSmall { pitch, row_bytes } => write!(
                f,
                "row stride (pitch) of {pitch} bytes is shorter than a row of pixels \
                 ({row_bytes} bytes), so rows would overlap; give the pitch in bytes (at least \
                 width * pixel size), or use from_bytes_strided for rows that overlap on purpose"
            ),
            ViewError::ShapeOverflow { width, height } => write!(
                f,
                "a {width}x{height} image has more pixels than usize can count"
            ),
            ViewError::TooLarge { len, elem_size } => write!(
                f,
                "{len} records of {elem_size} bytes need {} bytes, more than a buffer can hold \
                 (isize::MAX bytes)",
                len as u128 * elem_size as u128
            ),
            ViewError::ImageTooLarge {
                width,
                height,
                pixel_size,
                row_align,
            } => write!(
                f,
                "a {width}x{height} image of {pixel_size}-byte pixels with rows aligned to \
                 {row_align} bytes needs more than a buffer can hold (isize::MAX bytes)"
            ),
            ViewError::AllocationFailed { bytes, align } => write!(
                f,
                "could not allocate {bytes} bytes aligned to {align}: the allocator refused \
                 (out of memory)"
            ),
            ViewError::ZeroChunk { unit } => write!(
                f,
                "a chunk of 0 {unit}s has nothing in it; give a chunk size of at least 1"
            ),
            ViewError::Aliasing { stride, needed } => write!(
                f,
                "mutable view would alias: stride {stride} bytes is smaller than the {needed} bytes \
                 each step must skip, so two elements would share bytes"
            ),
            ViewError::IndexOutOfBounds { index, len } => {
                write!(f, "index {index} is out of bounds for a view of length {len}")
            }
            ViewError::RangeOverflow { start, len } => write!(
                f,
                "a range of {len} elements from index {start} ends past usize::MAX"
            ),
            ViewError::InvalidRange { start, end } => {
                write!(f, "range start {start} is greater than its end {end}")
            }
            ViewError::ZeroStep => write!(f, "step must be at least 1"),
            ViewError::LengthMismatch { expected, given } => write!(
                f,
                "length mismatch: the view has {expected} elements but the slice has {given}"
            ),
            ViewError::ShapeMismatch { expected, given } => write!(
                f,
                "image sizes differ: the destination is {}x{} but the source is {}x{}; crop one of them",
                expected.0, expected.1, given.0, given.1
            ),
            ViewError::RowLengthMismatch { row, len, expected } => write!(
                f,
                "row {row} has {len} pixels but row 0 has {expected}; every row of a row table must have the same width"
            ),
            ViewError::InvalidWindow { width, height } => write!(
                f,
                "window {width}x{height} is empty; windows need a size of at least 1"
            ),
            ViewError::InvalidAlignment { align } => {
                write!(f, "alignment {align} is not a power of two")
            }
            ViewError::FieldOutOfRecord {
                offset,
                field_size,
                record_size,
            } => write!(
                f,
                "field at offset {offset} of size {field_size} does not fit in a {record_size}-byte record"
            ),
            ViewError::FieldOverlap { offset, next_free } => write!(
                f,
                "mutable field at offset {offset} would overlap a field already taken (bytes below \
                 {next_free}); take fields in increasing offset order"
            ),
        }
    }
}

impl core::error::Error for ViewError {}
