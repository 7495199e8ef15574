//! `ndarray` feature: columns, records and images (and so planes) as
//! `ndarray` views of the same memory.
//!
//! ndarray counts strides in whole elements and hands out references, so a
//! view converts when its strides are whole elements and its elements are
//! aligned; otherwise the error says which stride does not fit (a packed
//! record's `f64` field 44 bytes apart, say). Negative strides convert
//! (ndarray views may run backwards); stride-0 views convert read-only.

use super::{parts_of, InteropError};
use crate::column::{Column, ColumnMut};
use crate::image::{ImageView, ImageViewMut};
use crate::layout::PixelLayout;
use crate::records::{Records, RecordsMut};
use ::ndarray::{ArrayView1, ArrayView2, ArrayView3, ArrayViewMut1, ArrayViewMut2, ArrayViewMut3};

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
    pub fn as_ndarray(&self) -> Result<ArrayView1<'a, F>, InteropError> {
        self.raw.ndarray()
    }

    /// Each value split into the `S` scalars it is made of, as a
    /// `(len, parts)` array: a `[f32; 3]` column as `(len, 3)` of `f32`.
    pub fn as_ndarray_of<S: PixelLayout>(&self) -> Result<ArrayView2<'a, S>, InteropError> {
        self.raw.ndarray_parts(parts_of::<F, S>()?)
    }
}

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
    pub fn as_ndarray_mut(&mut self) -> Result<ArrayViewMut1<'_, F>, InteropError> {
        self.reborrow().into_ndarray()
    }

    /// [`ColumnMut::as_ndarray_mut`] for the whole lifetime of the column.
    pub fn into_ndarray(self) -> Result<ArrayViewMut1<'a, F>, InteropError> {
        self.raw.into_ndarray()
    }

    /// Mutable form of [`Column::as_ndarray_of`].
    pub fn into_ndarray_of<S: PixelLayout>(self) -> Result<ArrayViewMut2<'a, S>, InteropError> {
        let parts = parts_of::<F, S>()?;
        self.raw.into_ndarray_parts(parts)
    }
}

impl<'a, T: PixelLayout> Records<'a, T> {
    /// The records as an `ndarray::ArrayView1<T>`.
    pub fn as_ndarray(&self) -> Result<ArrayView1<'a, T>, InteropError> {
        self.raw.ndarray()
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
    pub fn as_ndarray_of<S: PixelLayout>(&self) -> Result<ArrayView2<'a, S>, InteropError> {
        self.raw.ndarray_parts(parts_of::<T, S>()?)
    }
}

impl<'a, T: PixelLayout> RecordsMut<'a, T> {
    /// The records as an `ndarray::ArrayViewMut1<T>`.
    pub fn into_ndarray(self) -> Result<ArrayViewMut1<'a, T>, InteropError> {
        self.raw.into_ndarray()
    }

    /// Mutable form of [`Records::as_ndarray_of`].
    pub fn into_ndarray_of<S: PixelLayout>(self) -> Result<ArrayViewMut2<'a, S>, InteropError> {
        let parts = parts_of::<T, S>()?;
        self.raw.into_ndarray_parts(parts)
    }
}

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
    pub fn as_ndarray(&self) -> Result<ArrayView2<'a, P>, InteropError> {
        self.raw.ndarray()
    }

    /// Pixels made of one scalar type as a `(height, width, parts)` array of
    /// it: a `Bgra8` image as NumPy's `(h, w, 4)` `u8` array.
    pub fn as_ndarray_of<S: PixelLayout>(&self) -> Result<ArrayView3<'a, S>, InteropError> {
        self.raw.ndarray_parts(parts_of::<P, S>()?)
    }
}

impl<'a, P: PixelLayout> ImageViewMut<'a, P> {
    /// The image as an `ndarray::ArrayViewMut2<P>`, for as long as `self`
    /// is borrowed.
    pub fn as_ndarray_mut(&mut self) -> Result<ArrayViewMut2<'_, P>, InteropError> {
        self.reborrow().into_ndarray()
    }

    /// [`ImageViewMut::as_ndarray_mut`] for the whole lifetime of the view.
    pub fn into_ndarray(self) -> Result<ArrayViewMut2<'a, P>, InteropError> {
        self.raw.into_ndarray()
    }

    /// Mutable form of [`ImageView::as_ndarray_of`].
    pub fn into_ndarray_of<S: PixelLayout>(self) -> Result<ArrayViewMut3<'a, S>, InteropError> {
        let parts = parts_of::<P, S>()?;
        self.raw.into_ndarray_parts(parts)
    }
}
