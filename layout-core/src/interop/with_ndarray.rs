//! `ndarray` feature: columns, records and images (and so planes) as
//! `ndarray` views of the same memory.
//!
//! ndarray counts strides in whole elements and hands out references, so a
//! view converts when its strides are whole elements and its elements are
//! aligned; otherwise the error says which stride does not fit (a packed
//! record's `f64` field 44 bytes apart, say). Negative strides convert
//! (ndarray views may run backwards); stride-0 views convert read-only.
//! Zero-sized elements (`[u8; 0]`) have no bytes, so no strides: their
//! ndarray view has the view's shape and strides 0, whatever the view's
//! strides in bytes (so a mutable one of more than one element is refused
//! as overlapping, by ndarray's rule).

use super::{parts_of, InteropError};
use crate::column::{Column, ColumnMut};
use crate::error::ViewError;
use crate::image::{ImageView, ImageViewMut};
use crate::layout::PixelLayout;
use crate::raw::{zero_sized, Access, Dim, Exclusive, NdPlan, RawView, Shared};
use crate::records::{Records, RecordsMut};
use ::ndarray::{
    ArrayView, ArrayView1, ArrayView2, ArrayView3, ArrayViewMut, ArrayViewMut1, ArrayViewMut2,
    ArrayViewMut3, Dimension, ShapeBuilder,
};
use core::mem::{align_of, size_of};

/// Plans how ndarray is to see the `E`s at `address + Σ i_k·axes[k].stride`
/// bytes: checks what ndarray needs beyond our bounds rule (at most
/// `isize::MAX` elements, strides that are whole elements, an aligned
/// start, and for a mutable view ndarray's own overlap rule, stricter than
/// ours) and says which rule failed, with the numbers.
fn plan<E, D: Dimension>(
    address: usize,
    axes: &[Dim],
    parts: Option<usize>,
    exclusive: bool,
) -> Result<Planned<D>, InteropError> {
    let (size, align) = (size_of::<E>(), align_of::<E>());
    let mut count = 1usize;
    for axis in axes.iter().filter(|axis| axis.len > 0) {
        count = count
            .checked_mul(axis.len)
            .filter(|&count| count <= isize::MAX as usize)
            .ok_or(InteropError::TooManyElements { len: axis.len })?;
    }
    if axes.iter().any(|axis| axis.len == 0) {
        return Ok(Planned::Empty);
    }
    let shape = shape_of::<D>(axes);
    let mut strides = D::zeros(axes.len());
    if size == 0 {
        // Zero-sized elements have no bytes: every stride is 0 for
        // ndarray (a mutable view of more than one then overlaps by
        // ndarray's rule and is refused by `nested_axes`).
        if exclusive {
            nested_axes(&shape, &strides)?;
        }
        return Ok(Planned::ZeroSized(count));
    }
    let mut reversed = [false; 4];
    let mut low = 0isize;
    for (k, axis) in axes.iter().enumerate().filter(|(_, axis)| axis.len > 1) {
        let magnitude = axis.stride.unsigned_abs();
        if !magnitude.is_multiple_of(size) {
            return Err(InteropError::StrideNotWholeElements {
                stride: axis.stride,
                elem_size: size,
            });
        }
        strides[k] = magnitude / size;
        if axis.stride < 0 {
            reversed[k] = true;
            // An offset inside the viewed buffer: no overflow.
            low += (axis.len - 1) as isize * axis.stride;
        }
    }
    if exclusive {
        nested_axes(&shape, &strides)?;
    }
    // Strides are multiples of size_of::<E>(), hence of its alignment:
    // every element is aligned exactly when the first is.
    if !address.is_multiple_of(align) {
        return Err(InteropError::View(ViewError::Misaligned {
            required: align,
            address_remainder: address % align,
            stride_remainder: 0,
        }));
    }
    Ok(Planned::View(NdPlan {
        low,
        shape,
        strides,
        reversed,
        parts,
    }))
}

/// What ndarray is to see of a view.
enum Planned<D> {
    /// No elements: an empty slice.
    Empty,
    /// This many elements of a zero-sized type, all at stride 0: given
    /// ndarray as zero-sized values that borrow nothing (there are no
    /// bytes to point into, and the view's own may be misaligned for them).
    ZeroSized(usize),
    /// The elements at the view's addresses.
    View(NdPlan<D>),
}

/// ndarray's rule for mutable views (it asserts it in debug builds):
/// taken from the smallest stride up, each axis's stride must exceed
/// everything the smaller axes reach. Our aliasing check is exact and
/// also accepts interleaved axes (pixels 4 bytes apart, rows 6 apart),
/// which ndarray cannot take; refuse those here instead of panicking.
fn nested_axes<D: Dimension>(shape: &D, strides: &D) -> Result<(), InteropError> {
    let mut order: [usize; 4] = [0, 1, 2, 3];
    let order = &mut order[..shape.ndim()];
    order.sort_unstable_by_key(|&k| strides[k]);
    let mut reach = 0usize;
    for &k in order.iter().filter(|&&k| shape[k] > 1) {
        if strides[k] <= reach {
            return Err(InteropError::InterleavedAxes {
                stride: strides[k],
                reach,
            });
        }
        // Elements lie in one buffer, so these sums stay below its size.
        reach = reach.saturating_add((shape[k] - 1).saturating_mul(strides[k]));
    }
    Ok(())
}

/// The lengths of `axes` as an ndarray shape.
fn shape_of<D: Dimension>(axes: &[Dim]) -> D {
    let mut shape = D::zeros(axes.len());
    for (k, axis) in axes.iter().enumerate() {
        shape[k] = axis.len;
    }
    shape
}

/// Refuses `parts` `E`s that do not fit in a `T` (or zero of them).
fn check_parts<T, E>(parts: usize) -> Result<(), InteropError> {
    let fits = parts
        .checked_mul(size_of::<E>())
        .is_some_and(|bytes| bytes <= size_of::<T>());
    if !fits || parts == 0 {
        return Err(InteropError::PartsDoNotFit {
            parts,
            part_size: size_of::<E>(),
            whole_size: size_of::<T>(),
        });
    }
    Ok(())
}

/// The plan for ndarray's view of a core view's elements (or of `parts`
/// `E`s in each), and the shape.
fn prepare<T, E, D, const N: usize, A>(
    raw: &RawView<'_, T, N, A>,
    parts: Option<usize>,
    exclusive: bool,
) -> Result<(D, Planned<D>), InteropError>
where
    T: PixelLayout,
    E: PixelLayout,
    D: Dimension,
    A: Access,
{
    if let Some(parts) = parts {
        check_parts::<T, E>(parts)?;
    }
    let (axes, count) = raw.nd_axes::<E>(parts);
    let axes = &axes[..count];
    let plan = plan::<E, D>(raw.base() as usize, axes, parts, exclusive)?;
    Ok((shape_of::<D>(axes), plan))
}

const PLANNED: &str = "the plan describes the view's elements";

/// `count` values for a view without bytes to point into: none for an
/// empty view, else `count` zero-sized values.
fn without_bytes<'a, E: PixelLayout>(count: usize) -> &'a mut [E] {
    zero_sized(count).unwrap_or(&mut [])
}

/// ndarray's shared view of a core view's elements (or of `parts` `E`s in
/// each).
fn shared<'a, T, E, D, const N: usize>(
    raw: RawView<'a, T, N, Shared>,
    parts: Option<usize>,
) -> Result<ArrayView<'a, E, D>, InteropError>
where
    T: PixelLayout,
    E: PixelLayout,
    D: Dimension,
{
    let (shape, planned) = prepare::<T, E, D, N, Shared>(&raw, parts, false)?;
    let count = match planned {
        Planned::View(plan) => return Ok(raw.ndarray(plan).expect(PLANNED)),
        Planned::Empty => 0,
        Planned::ZeroSized(count) => count,
    };
    // `plan` checked that the shape has at most isize::MAX elements, the
    // only rule left for ndarray to check over `count` values.
    let len = too_many(&shape);
    let strides = D::zeros(shape.ndim());
    ArrayView::from_shape(shape.strides(strides), &*without_bytes(count)).map_err(|_| len)
}

/// Mutable form of [`shared`].
fn exclusive<'a, T, E, D, const N: usize>(
    raw: RawView<'a, T, N, Exclusive>,
    parts: Option<usize>,
) -> Result<ArrayViewMut<'a, E, D>, InteropError>
where
    T: PixelLayout,
    E: PixelLayout,
    D: Dimension,
{
    let (shape, planned) = prepare::<T, E, D, N, Exclusive>(&raw, parts, true)?;
    let count = match planned {
        Planned::View(plan) => return Ok(raw.into_ndarray(plan).expect(PLANNED)),
        Planned::Empty => 0,
        Planned::ZeroSized(count) => count,
    };
    // Zero strides: `plan` let through at most one zero-sized element.
    let len = too_many(&shape);
    let strides = D::zeros(shape.ndim());
    ArrayViewMut::from_shape(shape.strides(strides), without_bytes(count)).map_err(|_| len)
}

/// The error ndarray's refusal of `shape` would be: too many elements,
/// named by its longest axis.
fn too_many<D: Dimension>(shape: &D) -> InteropError {
    InteropError::TooManyElements {
        len: shape.slice().iter().copied().max().unwrap_or(0),
    }
}

#[cfg(feature = "ndarray")]
impl<'a, F: PixelLayout> Column<'a, F> {
    /// The column as an `ndarray::ArrayView1` of the same memory: strides
    /// must be whole elements and the values aligned.
    ///
    /// ```
    /// use typed_layout::{PixelLayout, Records};
    ///
    /// #[derive(Clone, Copy, PixelLayout)]
    /// #[repr(C)]
    /// struct Person { name: [u8; 32], age: i32, _pad: [u8; 4], salary: f64 } // NumPy align=True
    ///
    /// let people = [Person { name: [0; 32], age: 40, _pad: [0; 4], salary: 10.0 }; 3];
    /// let salary = Records::from_slice(&people).columns().salary.as_ndarray()?;
    /// assert_eq!(salary.strides(), &[6]); // 48 bytes = 6 f64
    /// assert_eq!(salary.sum(), 30.0);
    /// # Ok::<(), typed_layout::InteropError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`InteropError::StrideNotWholeElements`] if the column has more
    ///   than one value and its stride in bytes is not a multiple of
    ///   `size_of::<F>()` (the `f64` field of packed 44-byte records);
    /// - [`InteropError::View`] with [`ViewError::Misaligned`] if the first
    ///   value is not aligned for `F`;
    /// - [`InteropError::TooManyElements`] if the column has more than
    ///   `isize::MAX` values (only a stride-0 column can).
    #[cfg(feature = "ndarray")]
    pub fn as_ndarray(&self) -> Result<ArrayView1<'a, F>, InteropError> {
        shared(self.raw(), None)
    }

    /// Each value split into the `S` scalars it is made of, as a
    /// `(len, parts)` array: a `[f32; 3]` column as `(len, 3)` of `f32`.
    ///
    /// ```
    /// use typed_layout::Column;
    ///
    /// let points = [[1.0f32, 2.0, 3.0], [4.0, 5.0, 6.0]];
    /// let table = Column::from_slice(&points).as_ndarray_of::<f32>()?;
    /// assert_eq!(table.shape(), &[2, 3]);
    /// assert_eq!(table[[1, 0]], 4.0);
    /// # Ok::<(), typed_layout::InteropError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`InteropError::NotMadeOf`] if `F` is not made only of `S` values
    ///   (a scalar, an array of them, or a record whose fields are);
    /// - [`InteropError::PartsDoNotFit`] if `F` is zero-sized and `S` is not
    ///   (no parts);
    /// - as [`Column::as_ndarray`], with `S` in place of `F`: the stride
    ///   must be a whole number of `S`, the first value aligned for `S`,
    ///   and `len * parts` at most `isize::MAX`.
    #[cfg(feature = "ndarray")]
    pub fn as_ndarray_of<S: PixelLayout>(&self) -> Result<ArrayView2<'a, S>, InteropError> {
        shared(self.raw(), Some(parts_of::<F, S>()?))
    }
}

#[cfg(feature = "ndarray")]
impl<'a, F: PixelLayout> ColumnMut<'a, F> {
    /// The column as an `ndarray::ArrayViewMut1` of the same memory, for
    /// as long as `self` is borrowed.
    ///
    /// ```
    /// use typed_layout::{PixelLayout, RecordsMut};
    ///
    /// #[derive(Clone, Copy, PixelLayout)]
    /// #[repr(C)]
    /// struct Sample { id: u32, weight: f32 }
    ///
    /// let mut samples = [Sample { id: 1, weight: 1.0 }, Sample { id: 2, weight: 3.0 }];
    /// let mut records = RecordsMut::from_slice_mut(&mut samples);
    /// let mut weight = records.columns_mut().weight;
    /// weight.as_ndarray_mut()?.mapv_inplace(|w| w * 2.0);
    /// assert_eq!(samples[1].weight, 6.0);
    /// # Ok::<(), typed_layout::InteropError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Column::as_ndarray`]. (A mutable column's values never share
    /// bytes, which is also ndarray's rule for mutable views.)
    #[cfg(feature = "ndarray")]
    pub fn as_ndarray_mut(&mut self) -> Result<ArrayViewMut1<'_, F>, InteropError> {
        self.reborrow().into_ndarray()
    }

    /// [`ColumnMut::as_ndarray_mut`] for the whole lifetime of the column.
    ///
    /// # Errors
    ///
    /// As [`Column::as_ndarray`].
    #[cfg(feature = "ndarray")]
    pub fn into_ndarray(self) -> Result<ArrayViewMut1<'a, F>, InteropError> {
        exclusive(self.into_raw(), None)
    }

    /// Mutable form of [`Column::as_ndarray_of`].
    ///
    /// # Errors
    ///
    /// As [`Column::as_ndarray_of`].
    #[cfg(feature = "ndarray")]
    pub fn into_ndarray_of<S: PixelLayout>(self) -> Result<ArrayViewMut2<'a, S>, InteropError> {
        let parts = parts_of::<F, S>()?;
        exclusive(self.into_raw(), Some(parts))
    }
}

#[cfg(feature = "ndarray")]
impl<'a, T: PixelLayout> Records<'a, T> {
    /// The records as an `ndarray::ArrayView1<T>` of the same memory.
    ///
    /// ```
    /// use typed_layout::Records;
    ///
    /// let values = [1u32, 2, 3, 4, 5, 6];
    /// let odd = Records::from_slice(&values).step_by(2)?.as_ndarray()?;
    /// assert_eq!(odd.strides(), &[2]); // 8 bytes = 2 u32
    /// assert_eq!(odd.sum(), 1 + 3 + 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`InteropError::StrideNotWholeElements`] if there is more than one
    ///   record and the stride in bytes is not a multiple of
    ///   `size_of::<T>()` (records embedded in larger records);
    /// - [`InteropError::TooManyElements`] if there are more than
    ///   `isize::MAX` records (only a stride-0 view can have that many).
    ///
    /// Records are aligned by construction, so there is no alignment error.
    #[cfg(feature = "ndarray")]
    pub fn as_ndarray(&self) -> Result<ArrayView1<'a, T>, InteropError> {
        shared(self.raw(), None)
    }

    /// Records made of one scalar type as a `(len, parts)` array of it —
    /// NumPy's `a.view((S, k))`: `Bgra8` records as `(n, 4)` of `u8`.
    ///
    /// ```
    /// use typed_layout::{PixelLayout, Records};
    ///
    /// #[derive(Clone, Copy, PixelLayout)]
    /// #[repr(C)]
    /// struct Point { x: f32, y: f32, z: f32 }
    ///
    /// let points = [Point { x: 1.0, y: 2.0, z: 3.0 }, Point { x: 4.0, y: 5.0, z: 6.0 }];
    /// let table = Records::from_slice(&points).as_ndarray_of::<f32>()?;
    /// assert_eq!(table.shape(), &[2, 3]);
    /// assert_eq!(table[[1, 2]], 6.0);
    /// assert!(Records::from_slice(&points).as_ndarray_of::<f64>().is_err());
    /// # Ok::<(), typed_layout::InteropError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`InteropError::NotMadeOf`] if `T` is not made only of `S` values;
    /// - [`InteropError::PartsDoNotFit`] if `T` is zero-sized and `S` is not
    ///   (no parts);
    /// - [`InteropError::StrideNotWholeElements`] if there is more than one
    ///   record and the stride in bytes is not a multiple of
    ///   `size_of::<S>()`;
    /// - [`InteropError::View`] with [`ViewError::Misaligned`] if the first
    ///   record is not aligned for `S` (possible when `T` is packed, so
    ///   less aligned than `S`);
    /// - [`InteropError::TooManyElements`] if `len * parts` exceeds
    ///   `isize::MAX`.
    #[cfg(feature = "ndarray")]
    pub fn as_ndarray_of<S: PixelLayout>(&self) -> Result<ArrayView2<'a, S>, InteropError> {
        shared(self.raw(), Some(parts_of::<T, S>()?))
    }
}

#[cfg(feature = "ndarray")]
impl<'a, T: PixelLayout> RecordsMut<'a, T> {
    /// The records as an `ndarray::ArrayViewMut1<T>` of the same memory,
    /// for the whole lifetime of the view.
    ///
    /// ```
    /// use typed_layout::RecordsMut;
    ///
    /// let mut values = [1i32, 2, 3, 4];
    /// RecordsMut::from_slice_mut(&mut values).into_ndarray()?.mapv_inplace(|v| -v);
    /// assert_eq!(values, [-1, -2, -3, -4]);
    /// # Ok::<(), typed_layout::InteropError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Records::as_ndarray`].
    #[cfg(feature = "ndarray")]
    pub fn into_ndarray(self) -> Result<ArrayViewMut1<'a, T>, InteropError> {
        exclusive(self.into_raw(), None)
    }

    /// Mutable form of [`Records::as_ndarray_of`].
    ///
    /// # Errors
    ///
    /// As [`Records::as_ndarray_of`].
    #[cfg(feature = "ndarray")]
    pub fn into_ndarray_of<S: PixelLayout>(self) -> Result<ArrayViewMut2<'a, S>, InteropError> {
        let parts = parts_of::<T, S>()?;
        exclusive(self.into_raw(), Some(parts))
    }
}

#[cfg(feature = "ndarray")]
impl<'a, P: PixelLayout> ImageView<'a, P> {
    /// The image as a `(height, width)` `ndarray::ArrayView2<P>`; a plane
    /// (`image.planes().r`) gives one channel as a 2-D array.
    ///
    /// ```
    /// use typed_layout::{ImageView, PixelLayout};
    ///
    /// #[derive(Clone, Copy, PixelLayout)]
    /// #[repr(C)]
    /// struct Bgra8 { b: u8, g: u8, r: u8, a: u8 }
    ///
    /// let bytes: Vec<u8> = (0..2 * 16).map(|i| i as u8).collect(); // 3x2, rows of 16 bytes
    /// let image = ImageView::<Bgra8>::from_bytes(&bytes, 3, 2, 16)?;
    /// let red = image.planes().r.as_ndarray()?;
    /// assert_eq!(red.shape(), &[2, 3]);
    /// assert_eq!(red.strides(), &[16, 4]);
    /// assert_eq!(red[[1, 2]], 16 + 2 * 4 + 2);
    ///
    /// let hwc = image.as_ndarray_of::<u8>()?; // NumPy's (h, w, 4) view
    /// assert_eq!(hwc.shape(), &[2, 3, 4]);
    /// assert_eq!(hwc[[1, 2, 2]], red[[1, 2]]);
    /// # Ok::<(), typed_layout::InteropError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`InteropError::StrideNotWholeElements`] if the pixel stride (with
    ///   more than one column) or the row stride (with more than one row),
    ///   in bytes, is not a multiple of `size_of::<P>()`: a plane of a
    ///   packed pixel type, or rows padded to a pitch that is not a whole
    ///   number of pixels;
    /// - [`InteropError::View`] with [`ViewError::Misaligned`] if pixel
    ///   `(0, 0)` is not aligned for `P`;
    /// - [`InteropError::TooManyElements`] if `width * height` exceeds
    ///   `isize::MAX` (only a broadcast view, [`ImageView::repeat`], can).
    #[cfg(feature = "ndarray")]
    pub fn as_ndarray(&self) -> Result<ArrayView2<'a, P>, InteropError> {
        shared(self.raw(), None)
    }

    /// Pixels made of one scalar type as a `(height, width, parts)` array of
    /// it: a `Bgra8` image as NumPy's `(h, w, 4)` `u8` array (see the
    /// example of [`ImageView::as_ndarray`]).
    ///
    /// # Errors
    ///
    /// - [`InteropError::NotMadeOf`] if `P` is not made only of `S` values;
    /// - [`InteropError::PartsDoNotFit`] if `P` is zero-sized and `S` is not
    ///   (no parts);
    /// - as [`ImageView::as_ndarray`], with `S` in place of `P`: strides
    ///   must be whole numbers of `S`, pixel `(0, 0)` aligned for `S`, and
    ///   `width * height * parts` at most `isize::MAX`.
    #[cfg(feature = "ndarray")]
    pub fn as_ndarray_of<S: PixelLayout>(&self) -> Result<ArrayView3<'a, S>, InteropError> {
        shared(self.raw(), Some(parts_of::<P, S>()?))
    }
}

#[cfg(feature = "ndarray")]
impl<'a, P: PixelLayout> ImageViewMut<'a, P> {
    /// The image as a `(height, width)` `ndarray::ArrayViewMut2<P>`, for as
    /// long as `self` is borrowed.
    ///
    /// ```
    /// use typed_layout::ImageBuf;
    ///
    /// let mut image = ImageBuf::<u16>::with_row_alignment(3, 2, 8)?; // rows of 8 bytes
    /// let mut view = image.as_view_mut();
    /// view.as_ndarray_mut()?.row_mut(1).fill(7);
    /// assert_eq!(image.as_view().get(2, 1), Some(7));
    /// assert_eq!(image.as_view().get(2, 0), Some(0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`ImageView::as_ndarray`], and
    /// [`InteropError::InterleavedAxes`] if the axes interleave (pixels 4
    /// bytes apart, rows 6 apart): ndarray requires each stride of a
    /// mutable view to skip everything the smaller axes reach.
    #[cfg(feature = "ndarray")]
    pub fn as_ndarray_mut(&mut self) -> Result<ArrayViewMut2<'_, P>, InteropError> {
        self.reborrow().into_ndarray()
    }

    /// [`ImageViewMut::as_ndarray_mut`] for the whole lifetime of the view.
    ///
    /// # Errors
    ///
    /// As [`ImageViewMut::as_ndarray_mut`].
    #[cfg(feature = "ndarray")]
    pub fn into_ndarray(self) -> Result<ArrayViewMut2<'a, P>, InteropError> {
        exclusive(self.into_raw(), None)
    }

    /// Mutable form of [`ImageView::as_ndarray_of`].
    ///
    /// # Errors
    ///
    /// As [`ImageView::as_ndarray_of`], and
    /// [`InteropError::InterleavedAxes`] as for
    /// [`ImageViewMut::as_ndarray_mut`].
    #[cfg(feature = "ndarray")]
    pub fn into_ndarray_of<S: PixelLayout>(self) -> Result<ArrayViewMut3<'a, S>, InteropError> {
        let parts = parts_of::<P, S>()?;
        exclusive(self.into_raw(), Some(parts))
    }
}
