//! Per-field views of records and images: a column (rank 1) or a plane
//! (rank 2) for each field, shared or all at once and disjoint for
//! writing. The derive implements the two traits; the projection itself is
//! the core view's (`RawView::project`, `FieldSplit::take`).

use crate::image::{ImageView, ImageViewMut};
use crate::layout::PixelLayout;
use crate::records::{Records, RecordsMut};

/// Per-field column views of a record type; implemented by
/// `#[derive(PixelLayout)]`, which generates the two view structs.
///
/// Use it through [`Records::columns`] and [`RecordsMut::columns_mut`].
pub trait Columnar: PixelLayout {
    /// `<Name>Columns<'a>`: one read-only [`Column`](crate::Column) per field.
    type Columns<'a>;
    /// `<Name>ColumnsMut<'a>`: one [`ColumnMut`](crate::ColumnMut) per field,
    /// all usable at once because fields never share a byte.
    type ColumnsMut<'a>;
    /// Splits read-only records into columns.
    fn columns(records: Records<'_, Self>) -> Self::Columns<'_>;
    /// Splits mutable records into disjoint mutable columns.
    fn columns_mut(records: RecordsMut<'_, Self>) -> Self::ColumnsMut<'_>;
}

/// Per-field planes of a pixel type; implemented by `#[derive(PixelLayout)]`,
/// which generates the two plane structs.
///
/// Use it through [`ImageView::planes`] and [`ImageViewMut::planes_mut`].
pub trait Planar: PixelLayout {
    /// `<Name>Planes<'a>`: one read-only [`ImageView`] per field.
    type Planes<'a>;
    /// `<Name>PlanesMut<'a>`: one [`ImageViewMut`] per field, all usable at
    /// once because fields never share a byte.
    type PlanesMut<'a>;
    /// Splits an image into per-field planes.
    fn planes(image: ImageView<'_, Self>) -> Self::Planes<'_>;
    /// Splits a mutable image into disjoint mutable planes.
    fn planes_mut(image: ImageViewMut<'_, Self>) -> Self::PlanesMut<'_>;
}

impl<'a, T: Columnar> Records<'a, T> {
    /// One read-only column per field (generated `<Name>Columns`).
    pub fn columns(&self) -> T::Columns<'a> {
        T::columns(*self)
    }
}

impl<T: Columnar> RecordsMut<'_, T> {
    /// One mutable column per field (generated `<Name>ColumnsMut`), all
    /// usable at once.
    pub fn columns_mut(&mut self) -> T::ColumnsMut<'_> {
        T::columns_mut(self.reborrow())
    }

    /// Read-only columns for as long as `self` is borrowed.
    pub fn columns(&self) -> T::Columns<'_> {
        T::columns(self.as_records())
    }
}

impl<'a, P: Planar> ImageView<'a, P> {
    /// One plane per channel (generated `<Name>Planes`).
    pub fn planes(&self) -> P::Planes<'a> {
        P::planes(*self)
    }
}

impl<P: Planar> ImageViewMut<'_, P> {
    /// One mutable plane per channel (generated `<Name>PlanesMut`), all
    /// usable at once.
    pub fn planes_mut(&mut self) -> P::PlanesMut<'_> {
        P::planes_mut(self.reborrow())
    }
}
