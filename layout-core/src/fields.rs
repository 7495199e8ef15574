//! Per-field views of records and images: one view of each field, read-only
//! or all at once and disjoint for writing, as columns (rank 1) or planes
//! (rank 2). It is one operation at any rank and access: the derive writes
//! one generic struct per type, `<Name>Fields<'a, K>`, and one `Fields`
//! impl that takes each field at its offset; the [`FieldKind`] `K` says
//! which view (a [`Column`], [`ColumnMut`], [`ImageView`] or
//! [`ImageViewMut`] of the field) and where it comes from. The projection
//! itself is the core view's (`RawView::project`, `FieldSplit::take`).

use crate::column::{Column, ColumnMut, ColumnSplit};
use crate::image::{ImageView, ImageViewMut, PlaneSplit};
use crate::layout::PixelLayout;
use crate::records::{Records, RecordsMut};

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::kind::Columns {}
    impl Sealed for super::kind::ColumnsMut {}
    impl Sealed for super::kind::Planes {}
    impl Sealed for super::kind::PlanesMut {}
}

/// Which view of each field a generated `<Name>Fields<'a, K>` holds. The
/// four kinds are in [`kind`]; the derive's `<Name>Columns<'a>` is
/// `<Name>Fields<'a, kind::Columns>`, and so on.
///
/// ```
/// use typed_layout::{kind, Column, PixelLayout, Records};
///
/// #[derive(Clone, Copy, PixelLayout)]
/// #[repr(C)]
/// struct Point { x: f32, y: f32 }
///
/// let points = [Point { x: 1.0, y: 2.0 }];
/// // The same struct, spelled through its kind:
/// let columns: PointFields<'_, kind::Columns> = Records::from_slice(&points).columns();
/// let x: Column<'_, f32> = columns.x;
/// assert_eq!(x.get(0), Some(1.0));
/// ```
pub trait FieldKind: sealed::Sealed + 'static {
    /// The view of one field of type `F`.
    type View<'a, F: PixelLayout>;
    /// What the views are taken from. Not a public API.
    #[doc(hidden)]
    type Source<'a, T: PixelLayout>;
    /// The view of the `F` at byte `offset` of every element. Not a public
    /// API: the derive calls it with `offset_of!` offsets in declaration
    /// order.
    ///
    /// # Panics
    ///
    /// If the field does not lie inside `T`, or (for mutable views) a field
    /// with bytes starts before the end of one taken before: never for the
    /// offsets the derive passes.
    #[doc(hidden)]
    fn take<'a, T, F: PixelLayout>(
        source: &mut Self::Source<'a, T>,
        offset: usize,
    ) -> Self::View<'a, F>
    where
        T: PixelLayout + 'a;
}

const INSIDE: &str = "a derived type's fields lie inside it, in increasing offset order";

/// The four [`FieldKind`]s.
pub mod kind {
    /// Read-only columns: a [`Column`](crate::Column) per field.
    pub enum Columns {}
    /// Mutable columns, all usable at once: a
    /// [`ColumnMut`](crate::ColumnMut) per field.
    pub enum ColumnsMut {}
    /// Read-only planes: an [`ImageView`](crate::ImageView) per field.
    pub enum Planes {}
    /// Mutable planes, all usable at once: an
    /// [`ImageViewMut`](crate::ImageViewMut) per field.
    pub enum PlanesMut {}
}

impl FieldKind for kind::Columns {
    type View<'a, F: PixelLayout> = Column<'a, F>;
    type Source<'a, T: PixelLayout> = Records<'a, T>;
    #[inline]
    fn take<'a, T, F: PixelLayout>(source: &mut Records<'a, T>, offset: usize) -> Column<'a, F>
    where
        T: PixelLayout + 'a,
    {
        source.column_at(offset).expect(INSIDE)
    }
}

impl FieldKind for kind::ColumnsMut {
    type View<'a, F: PixelLayout> = ColumnMut<'a, F>;
    type Source<'a, T: PixelLayout> = ColumnSplit<'a, T>;
    #[inline]
    fn take<'a, T, F: PixelLayout>(
        source: &mut ColumnSplit<'a, T>,
        offset: usize,
    ) -> ColumnMut<'a, F>
    where
        T: PixelLayout + 'a,
    {
        source.take(offset).expect(INSIDE)
    }
}

impl FieldKind for kind::Planes {
    type View<'a, F: PixelLayout> = ImageView<'a, F>;
    type Source<'a, T: PixelLayout> = ImageView<'a, T>;
    #[inline]
    fn take<'a, T, F: PixelLayout>(source: &mut ImageView<'a, T>, offset: usize) -> ImageView<'a, F>
    where
        T: PixelLayout + 'a,
    {
        source.plane_at(offset).expect(INSIDE)
    }
}

impl FieldKind for kind::PlanesMut {
    type View<'a, F: PixelLayout> = ImageViewMut<'a, F>;
    type Source<'a, T: PixelLayout> = PlaneSplit<'a, T>;
    #[inline]
    fn take<'a, T, F: PixelLayout>(
        source: &mut PlaneSplit<'a, T>,
        offset: usize,
    ) -> ImageViewMut<'a, F>
    where
        T: PixelLayout + 'a,
    {
        source.take(offset).expect(INSIDE)
    }
}

/// A record or pixel type with a view per field; implemented by
/// `#[derive(PixelLayout)]`, which generates `<Name>Fields<'a, K>` (one
/// `K::View<'a, F>` per field `F`) and the aliases `<Name>Columns`,
/// `<Name>ColumnsMut`, `<Name>Planes`, `<Name>PlanesMut`. Use it through
/// [`Records::columns`], [`RecordsMut::columns_mut`], [`ImageView::planes`]
/// and [`ImageViewMut::planes_mut`].
pub trait Fields: PixelLayout {
    /// `<Name>Fields<'a, K>`.
    type Of<'a, K: FieldKind>;
    /// Every field's view, taken from `source` in declaration order. Not a
    /// public API: use `columns()`, `columns_mut()`, `planes()`,
    /// `planes_mut()`.
    #[doc(hidden)]
    fn fields<'a, K: FieldKind>(source: K::Source<'a, Self>) -> Self::Of<'a, K>;
}

/// Per-field column views of a record type: every [`Fields`] type (so every
/// derived type) is one.
///
/// Use it through [`Records::columns`] and [`RecordsMut::columns_mut`].
pub trait Columnar: PixelLayout {
    /// `<Name>Columns<'a>`: one read-only [`Column`] per field.
    type Columns<'a>;
    /// `<Name>ColumnsMut<'a>`: one [`ColumnMut`] per field, all usable at
    /// once because fields never share a byte.
    type ColumnsMut<'a>;
    /// Splits read-only records into columns.
    fn columns(records: Records<'_, Self>) -> Self::Columns<'_>;
    /// Splits mutable records into disjoint mutable columns.
    fn columns_mut(records: RecordsMut<'_, Self>) -> Self::ColumnsMut<'_>;
}

/// Per-field planes of a pixel type: every [`Fields`] type (so every
/// derived type) is one.
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

impl<T: Fields> Columnar for T {
    type Columns<'a> = T::Of<'a, kind::Columns>;
    type ColumnsMut<'a> = T::Of<'a, kind::ColumnsMut>;
    #[inline]
    fn columns(records: Records<'_, Self>) -> Self::Columns<'_> {
        T::fields::<kind::Columns>(records)
    }
    #[inline]
    fn columns_mut(records: RecordsMut<'_, Self>) -> Self::ColumnsMut<'_> {
        T::fields::<kind::ColumnsMut>(records.into_column_split())
    }
}

impl<T: Fields> Planar for T {
    type Planes<'a> = T::Of<'a, kind::Planes>;
    type PlanesMut<'a> = T::Of<'a, kind::PlanesMut>;
    #[inline]
    fn planes(image: ImageView<'_, Self>) -> Self::Planes<'_> {
        T::fields::<kind::Planes>(image)
    }
    #[inline]
    fn planes_mut(image: ImageViewMut<'_, Self>) -> Self::PlanesMut<'_> {
        T::fields::<kind::PlanesMut>(image.into_plane_split())
    }
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
