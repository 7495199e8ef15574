//! Channel conversion between pixel types, matched by channel name.

use crate::error::ViewError;
use crate::image::{ImageView, ImageViewMut, Row};
use crate::layout::{Field, Layout, PixelLayout, Shape};
use core::marker::PhantomData;

/// One character of a channel name at the type level; a channel name is a
/// tuple of them, e.g. `(Ch<'r'>,)` for `r`. Generated code uses it so that
/// channel matching happens in the type checker.
pub struct Ch<const C: char>;

/// A pixel type that has a channel called `Name` (a tuple of [`Ch`]).
/// Implemented by `#[derive(PixelLayout)]` for every field.
#[diagnostic::on_unimplemented(
    message = "the source pixel type `{Self}` has no channel named {Name}",
    label = "`{Self}` lacks a channel the destination needs",
    note = "convert() matches channels by name at compile time: every destination channel needs a source channel with the same name and type",
    note = "to supply channels the source lacks (e.g. alpha), use convert_with(&source, &mut target, fill_pixel)"
)]
pub trait Channel<Name>: PixelLayout {
    /// The channel's type.
    type Value: PixelLayout;
    /// The channel's byte offset in `Self` (`offset_of!`).
    const OFFSET: usize;
    /// The channel's value (read by value, so packed fields work).
    ///
    /// ```
    /// use typed_layout::{Ch, Channel, PixelLayout};
    ///
    /// #[derive(Clone, Copy, PixelLayout)]
    /// #[repr(C)]
    /// struct Rgb8 { r: u8, g: u8, b: u8 }
    ///
    /// let pixel = Rgb8 { r: 1, g: 2, b: 3 };
    /// assert_eq!(<Rgb8 as Channel<(Ch<'g'>,)>>::channel(&pixel), 2);
    /// ```
    #[inline(always)]
    fn channel(&self) -> Self::Value {
        let mut value = zeroed::<Self::Value>();
        // In range for every derived type (the offset is `offset_of!` of a
        // field of that type); otherwise nothing is copied.
        crate::raw::copy_bytes(
            self,
            Self::OFFSET,
            &mut value,
            0,
            core::mem::size_of::<Self::Value>(),
        );
        value
    }
}

/// A pixel type that can be built from `S` by taking each of its channels
/// from the channel of `S` with the same name. Implemented by
/// `#[derive(PixelLayout)]` for every `S` that has all the channels (fields
/// whose name starts with `_` are padding: they are not required and become
/// zero), with the trait's own `convert_from`.
pub trait ConvertFrom<S>: PixelLayout {
    /// The pixel with channels taken from `source`. Provided: each field
    /// of `Self` is copied from the field of `S` with the same name and the
    /// same layout (the impl's bounds, `Channel<Name, Value = F>` for every
    /// field, guarantee there is one), padding is zero.
    #[inline(always)]
    fn convert_from(source: &S) -> Self
    where
        S: PixelLayout,
    {
        fill_from(source, zeroed())
    }
}

/// A value whose bytes are all zero (valid for every layout type).
///
/// ```
/// assert_eq!(typed_layout::zeroed::<[f32; 3]>(), [0.0; 3]);
/// ```
pub fn zeroed<T: PixelLayout>() -> T {
    crate::raw::zeroed()
}

fn check_same_size<S: PixelLayout, D: PixelLayout>(
    source: &ImageView<'_, S>,
    target: &ImageViewMut<'_, D>,
) -> Result<(), ViewError> {
    let expected = (target.width(), target.height());
    let given = (source.width(), source.height());
    if expected != given {
        return Err(ViewError::ShapeMismatch { expected, given });
    }
    Ok(())
}

/// Runs `pixel` over every source/target pixel pair, row by row, with a
/// slice loop when both rows are contiguous (so the compiler can vectorize).
#[inline(always)]
fn convert_rows<S: PixelLayout, D: PixelLayout>(
    source: &ImageView<'_, S>,
    target: &mut ImageViewMut<'_, D>,
    (fill, require_complete): (&D, bool),
    pixel: impl Fn(&S) -> D,
) -> Result<(), ViewError> {
    check_same_size(source, target)?;
    if source.width() == 0 {
        return Ok(()); // no pixels, however many (empty) rows
    }
    for (mut target_row, source_row) in target.rows_mut().zip(source.rows()) {
        match (target_row.as_mut_slice(), source_row) {
            (Some(to), Row::Contiguous(from)) => {
                convert_slice(from, to, fill, require_complete, &pixel)
            }
            (_, source_row) => {
                let mut from = source_row.iter();
                target_row.update(|old| from.next().map_or(old, |s| pixel(&s)));
            }
        }
    }
    Ok(())
}

/// Converts every pixel of `source` into `target` (same size, any strides),
/// matching channels by name at compile time: `Bgra8 -> Rgba8` reorders,
/// `Rgbx8 -> Rgb8` drops `x`. A destination channel the source lacks is a
/// compile error; see [`convert_with`] to supply it. Writes into the
/// caller's image; allocates nothing.
///
/// ```
/// use typed_layout::{convert, ImageView, ImageViewMut, PixelLayout};
///
/// #[derive(Clone, Copy, PixelLayout)]
/// #[repr(C)]
/// struct Bgra8 { b: u8, g: u8, r: u8, a: u8 }
///
/// #[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
/// #[repr(C)]
/// struct Rgba8 { r: u8, g: u8, b: u8, a: u8 }
///
/// let source = [Bgra8 { b: 1, g: 2, r: 3, a: 4 }; 6];
/// let mut target = [Rgba8 { r: 0, g: 0, b: 0, a: 0 }; 6];
/// convert(
///     &ImageView::from_slice(&source, 3, 2)?,
///     &mut ImageViewMut::from_slice_mut(&mut target, 3, 2)?,
/// )?;
/// assert_eq!(target[5], Rgba8 { r: 3, g: 2, b: 1, a: 4 });
/// # Ok::<(), typed_layout::ViewError>(())
/// ```
///
/// # Errors
///
/// [`ViewError::ShapeMismatch`] if the images differ in width or height
/// (nothing is written then).
pub fn convert<S: PixelLayout, D: ConvertFrom<S>>(
    source: &ImageView<'_, S>,
    target: &mut ImageViewMut<'_, D>,
) -> Result<(), ViewError> {
    convert_rows(source, target, (&zeroed(), true), D::convert_from)
}

/// Like [`convert`], but channels of `D` that `S` lacks (by name, or with a
/// different layout: another scalar type or byte order, array length, or
/// nested record, by its name and fields) take their value from `fill`,
/// e.g. `Rgb8 -> Rgba8` with an opaque alpha.
///
/// ```
/// use typed_layout::{convert_with, ImageView, ImageViewMut, PixelLayout};
///
/// #[derive(Clone, Copy, PixelLayout)]
/// #[repr(C)]
/// struct Rgb8 { r: u8, g: u8, b: u8 }
///
/// #[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
/// #[repr(C)]
/// struct Rgba8 { r: u8, g: u8, b: u8, a: u8 }
///
/// let source = [Rgb8 { r: 9, g: 8, b: 7 }; 4];
/// let mut target = [Rgba8 { r: 0, g: 0, b: 0, a: 0 }; 4];
/// let opaque = Rgba8 { r: 0, g: 0, b: 0, a: 255 };
/// convert_with(
///     &ImageView::from_slice(&source, 2, 2)?,
///     &mut ImageViewMut::from_slice_mut(&mut target, 2, 2)?,
///     opaque,
/// )?;
/// assert_eq!(target[3], Rgba8 { r: 9, g: 8, b: 7, a: 255 });
/// # Ok::<(), typed_layout::ViewError>(())
/// ```
///
/// # Errors
///
/// [`ViewError::ShapeMismatch`] if the images differ in width or height
/// (nothing is written then).
pub fn convert_with<S: PixelLayout, D: PixelLayout>(
    source: &ImageView<'_, S>,
    target: &mut ImageViewMut<'_, D>,
    fill: D,
) -> Result<(), ViewError> {
    convert_rows(source, target, (&fill, false), |pixel| {
        fill_from(pixel, fill)
    })
}

/// `fill` with every channel that `S` also has copied from `source`.
#[inline(always)]
pub(crate) fn fill_from<S: PixelLayout, D: PixelLayout>(source: &S, fill: D) -> D {
    let plan = &PlanOf::<S, D>::PLAN;
    let mut out = fill;
    let mut i = 0;
    while i < plan.len {
        let (from, to, size) = plan.moves[i];
        // The plan only holds in-range moves, so this never refuses.
        let _ = crate::raw::copy_bytes(source, from, &mut out, to, size);
        i += 1;
    }
    if plan.more {
        // Channels past the first MAX_CHANNELS: matched here, per pixel
        // (slower, but no channel is ever left at the fill value).
        let targets = D::LAYOUT.fields();
        let mut t = MAX_CHANNELS;
        while t < targets.len() {
            if let Some((from, to, size)) = find_move(&S::LAYOUT, &targets[t]) {
                let _ = crate::raw::copy_bytes(source, from, &mut out, to, size);
            }
            t += 1;
        }
    }
    out
}

/// Channels a [`convert_with`] plan holds as precomputed moves; further
/// channels of the destination are matched per pixel.
const MAX_CHANNELS: usize = 64;

/// Byte moves `(source offset, target offset, size)` for the channels two
/// layouts share, for the first `MAX_CHANNELS` fields of the target.
struct Plan {
    moves: [(usize, usize, usize); MAX_CHANNELS],
    len: usize,
    /// The target has more than `MAX_CHANNELS` fields: `fill_from` matches
    /// the rest itself.
    more: bool,
    /// Every non-padding field of the target has a source (so the plan
    /// computes exactly what a derived `ConvertFrom` does).
    complete: bool,
    /// Both layouts are records (scalars have no fields to plan). Read by
    /// the SIMD path, which needs std's run-time CPU feature detection.
    #[cfg_attr(not(feature = "std"), allow(dead_code))]
    records: bool,
}

struct PlanOf<S, D>(PhantomData<(S, D)>);

impl<S: PixelLayout, D: PixelLayout> PlanOf<S, D> {
    const PLAN: Plan = plan(&S::LAYOUT, &D::LAYOUT);
}

const fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether two layouts give the same bytes the same meaning: the same
/// size and, recursively, the same scalar kind and byte order, the same
/// array length and element, or the same record name and fields (names,
/// offsets, layouts). A record's name counts, as it does for `convert`,
/// whose field types must be equal: `Meters { v: f64 }` and
/// `Feet { v: f64 }` do not match; its path does not: two modules'
/// `Point { x: f32, y: f32 }` match. `[u16; 2]` and `u32` do not.
const fn same_layout(a: &Layout, b: &Layout) -> bool {
    if a.size != b.size {
        return false;
    }
    match (&a.shape, &b.shape) {
        (
            Shape::Scalar {
                kind: a_kind,
                order: a_order,
            },
            Shape::Scalar {
                kind: b_kind,
                order: b_order,
            },
        ) => a_kind.same(*b_kind) && *a_order as u8 == *b_order as u8,
        (
            Shape::Array {
                elem: a_elem,
                len: a_len,
            },
            Shape::Array {
                elem: b_elem,
                len: b_len,
            },
        ) => *a_len == *b_len && same_layout(a_elem, b_elem),
        (
            Shape::Record {
                fields: a_fields, ..
            },
            Shape::Record {
                fields: b_fields, ..
            },
        ) => {
            if a_fields.len() != b_fields.len() || !same_name(a.name, b.name) {
                return false;
            }
            let mut i = 0;
            while i < a_fields.len() {
                let (a_field, b_field) = (&a_fields[i], &b_fields[i]);
                if !same_name(a_field.name, b_field.name)
                    || a_field.offset != b_field.offset
                    || !same_layout(a_field.layout, b_field.layout)
                {
                    return false;
                }
                i += 1;
            }
            true
        }
        _ => false,
    }
}

/// The move that fills target field `to` from the source field of the
/// same name and layout, if there is one (never for padding).
const fn find_move(source: &Layout, to: &Field) -> Option<(usize, usize, usize)> {
    if to.padding {
        return None;
    }
    let sources = source.fields();
    let mut s = 0;
    while s < sources.len() {
        let from = &sources[s];
        if same_name(from.name, to.name) && same_layout(from.layout, to.layout) {
            return Some((from.offset, to.offset, to.layout.size));
        }
        s += 1;
    }
    None
}

const fn plan(source: &Layout, target: &Layout) -> Plan {
    let targets = target.fields();
    let mut plan = Plan {
        moves: [(0, 0, 0); MAX_CHANNELS],
        len: 0,
        more: targets.len() > MAX_CHANNELS,
        complete: true,
        records: source.nested().is_some() && target.nested().is_some(),
    };
    let mut t = 0;
    while t < targets.len() {
        let to = &targets[t];
        match find_move(source, to) {
            Some(one) => {
                if t < MAX_CHANNELS {
                    plan.moves[plan.len] = one;
                    plan.len += 1;
                }
            }
            None => {
                if !to.padding {
                    plan.complete = false;
                }
            }
        }
        t += 1;
    }
    plan
}

/// Converts the longest prefix of `from` into `to` that the SIMD byte
/// shuffle can do (pixel sizes dividing 16, target no larger than source,
/// records only); returns how many pixels it converted. Channels come from
/// the name plan; bytes the plan does not write come from `fill`.
#[inline]
fn shuffle_prefix<S: PixelLayout, D: PixelLayout>(
    from: &[S],
    to: &mut [D],
    fill: &D,
    require_complete: bool,
) -> usize {
    #[cfg(all(feature = "std", target_arch = "x86_64"))]
    {
        use core::mem::size_of;
        let plan = &PlanOf::<S, D>::PLAN;
        let (source_size, target_size) = (size_of::<S>(), size_of::<D>());
        if !plan.records
            || plan.more
            || (require_complete && !plan.complete)
            || source_size == 0
            || 16 % source_size != 0
            || target_size > source_size
        {
            return 0;
        }
        let per_group = 16 / source_size;
        let out_step = per_group * target_size;
        let fill_bytes = crate::raw::slice_bytes(core::slice::from_ref(fill));
        let mut mask = [0x80u8; 16];
        let mut fill_group = [0u8; 16];
        for pixel in 0..per_group {
            for byte in 0..target_size {
                fill_group[pixel * target_size + byte] = fill_bytes[byte];
            }
            for &(source_at, target_at, size) in &plan.moves[..plan.len] {
                for byte in 0..size {
                    mask[pixel * target_size + target_at + byte] =
                        (pixel * source_size + source_at + byte) as u8;
                    fill_group[pixel * target_size + target_at + byte] = 0;
                }
            }
        }
        let pixels = from.len().min(to.len());
        let groups = crate::raw::shuffle_groups(
            crate::raw::slice_bytes(&from[..pixels]),
            crate::raw::slice_bytes_mut(&mut to[..pixels]),
            &mask,
            &fill_group,
            out_step,
        );
        groups * per_group
    }
    #[cfg(not(all(feature = "std", target_arch = "x86_64")))]
    {
        let _ = (from, to, fill, require_complete);
        0
    }
}

/// Converts `from` into `to` pixel by pixel with `pixel`, after the SIMD
/// prefix when the layouts allow one.
#[inline]
pub(crate) fn convert_slice<S: PixelLayout, D: PixelLayout>(
    from: &[S],
    to: &mut [D],
    fill: &D,
    require_complete: bool,
    pixel: impl Fn(&S) -> D,
) {
    let done = shuffle_prefix(from, to, fill, require_complete);
    for (to, from) in to[done..].iter_mut().zip(&from[done..]) {
        *to = pixel(from);
    }
}

/// Scalars, arrays and byte-order wrappers convert only to themselves
/// (derived types get their impls from the derive).
macro_rules! convert_to_self {
    ($($ty:ty),* $(,)?) => {$(
        impl ConvertFrom<$ty> for $ty {
            #[inline(always)]
            fn convert_from(source: &$ty) -> Self {
                *source
            }
        }
    )*};
}

convert_to_self!(u8, u16, u32, u64, u128, i8, i16, i32, i64, i128, f32, f64);

impl<T: PixelLayout, const N: usize> ConvertFrom<[T; N]> for [T; N] {
    #[inline(always)]
    fn convert_from(source: &[T; N]) -> Self {
        *source
    }
}

impl<T: crate::Scalar> ConvertFrom<crate::Be<T>> for crate::Be<T> {
    #[inline(always)]
    fn convert_from(source: &crate::Be<T>) -> Self {
        *source
    }
}

impl<T: crate::Scalar> ConvertFrom<crate::Le<T>> for crate::Le<T> {
    #[inline(always)]
    fn convert_from(source: &crate::Le<T>) -> Self {
        *source
    }
}

// NumPy's dtype families (numpy_types) convert only to themselves.
use crate::numpy_types::{Bool, Bytes, Datetime64, Timedelta64, Ucs4, Unit};

impl ConvertFrom<Bool> for Bool {
    fn convert_from(source: &Bool) -> Self {
        *source
    }
}

impl<const N: usize> ConvertFrom<Bytes<N>> for Bytes<N> {
    fn convert_from(source: &Bytes<N>) -> Self {
        *source
    }
}

impl<const N: usize> ConvertFrom<Ucs4<N>> for Ucs4<N> {
    fn convert_from(source: &Ucs4<N>) -> Self {
        *source
    }
}

impl<U: Unit> ConvertFrom<Datetime64<U>> for Datetime64<U> {
    fn convert_from(source: &Datetime64<U>) -> Self {
        *source
    }
}

impl<U: Unit> ConvertFrom<Timedelta64<U>> for Timedelta64<U> {
    fn convert_from(source: &Timedelta64<U>) -> Self {
        *source
    }
}
