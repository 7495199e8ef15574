//! `rayon` feature: parallel iteration over row bands of images and chunks
//! of records, and parallel channel conversion.
//!
//! Every parallel iterator here splits a view the way the sequential
//! `split_at_row` / `split_at_mut` do: O(1), into parts that share no byte,
//! so mutable parts can go to different threads. No new unsafe code.

use crate::column::ColumnMut;
use crate::convert::{convert, convert_with, ConvertFrom};
use crate::error::ViewError;
use crate::image::{ImageView, ImageViewMut, Row};
use crate::layout::PixelLayout;
use crate::records::{Records, RecordsMut};
use core::mem::size_of;
use rayon::iter::plumbing::{bridge, Consumer, Producer, ProducerCallback, UnindexedConsumer};
use rayon::iter::{IndexedParallelIterator, ParallelIterator};

mod sealed {
    pub trait Sealed {}
}

/// A view that splits into parts along its outer axis (rows of an image,
/// records of a record view). Implemented by [`ImageView`],
/// [`ImageViewMut`], [`Records`] and [`RecordsMut`]; sealed.
#[cfg_attr(docsrs, doc(cfg(feature = "rayon")))]
pub trait Splittable: Sized + sealed::Sealed {
    /// What one unit is called in errors (`"row"`, `"record"`).
    #[doc(hidden)]
    const UNIT: &'static str;
    /// Units along the outer axis (rows or records).
    #[doc(hidden)]
    fn units(&self) -> usize;
    /// Units `..at` and `at..`, sharing no byte; `at` is clamped to
    /// `units()`.
    #[doc(hidden)]
    fn split_units(self, at: usize) -> (Self, Self);
}

/// Splits by the view's own checked method, with `at` clamped to the
/// units (so the split never fails).
macro_rules! splittable {
    ($view:ident, $unit:literal, $units:ident, $split:ident) => {
        impl<T: PixelLayout> sealed::Sealed for $view<'_, T> {}
        impl<T: PixelLayout> Splittable for $view<'_, T> {
            const UNIT: &'static str = $unit;
            fn units(&self) -> usize {
                self.$units()
            }
            fn split_units(self, at: usize) -> (Self, Self) {
                let at = at.min(self.$units());
                self.$split(at)
                    .expect("a split at most at the last unit is inside the view")
            }
        }
    };
}

splittable!(ImageView, "row", height, split_at_row);
splittable!(ImageViewMut, "row", height, split_at_row);
splittable!(Records, "record", len, split_at);
splittable!(RecordsMut, "record", len, into_split_at);

/// A parallel iterator over consecutive parts of `chunk` units (row bands
/// of `chunk` rows, chunks of `chunk` records); the last may be shorter.
/// From `par_row_bands`, `par_chunks` and `par_chunks_mut`.
#[cfg_attr(docsrs, doc(cfg(feature = "rayon")))]
pub struct ParChunks<V> {
    view: V,
    chunk: usize,
}

impl<V: Splittable> ParChunks<V> {
    fn new(view: V, chunk: usize) -> Result<Self, ViewError> {
        if chunk == 0 {
            return Err(ViewError::ZeroChunk { unit: V::UNIT });
        }
        Ok(ParChunks { view, chunk })
    }
}

impl<V: Splittable + Send> ParallelIterator for ParChunks<V> {
    type Item = V;

    fn drive_unindexed<C: UnindexedConsumer<V>>(self, consumer: C) -> C::Result {
        bridge(self, consumer)
    }

    fn opt_len(&self) -> Option<usize> {
        Some(self.view.units().div_ceil(self.chunk))
    }
}

impl<V: Splittable + Send> IndexedParallelIterator for ParChunks<V> {
    fn len(&self) -> usize {
        self.view.units().div_ceil(self.chunk)
    }

    fn drive<C: Consumer<V>>(self, consumer: C) -> C::Result {
        bridge(self, consumer)
    }

    fn with_producer<CB: ProducerCallback<V>>(self, callback: CB) -> CB::Output {
        callback.callback(self)
    }
}

impl<V: Splittable + Send> Producer for ParChunks<V> {
    type Item = V;
    type IntoIter = Chunks<V>;

    fn into_iter(self) -> Chunks<V> {
        Chunks {
            rest: Some(self.view),
            chunk: self.chunk,
        }
    }

    fn split_at(self, index: usize) -> (Self, Self) {
        let at = index.saturating_mul(self.chunk).min(self.view.units());
        let (left, right) = self.view.split_units(at);
        (
            ParChunks {
                view: left,
                chunk: self.chunk,
            },
            ParChunks {
                view: right,
                chunk: self.chunk,
            },
        )
    }
}

/// The sequential side of [`ParChunks`]: parts of `chunk` units, from
/// either end.
#[cfg_attr(docsrs, doc(cfg(feature = "rayon")))]
pub struct Chunks<V> {
    rest: Option<V>,
    chunk: usize,
}

impl<V: Splittable> Iterator for Chunks<V> {
    type Item = V;

    fn next(&mut self) -> Option<V> {
        let rest = self.rest.take()?;
        let units = rest.units();
        if units == 0 {
            return None;
        }
        let (part, rest) = rest.split_units(self.chunk.min(units));
        self.rest = Some(rest);
        Some(part)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let parts = self
            .rest
            .as_ref()
            .map_or(0, |rest| rest.units().div_ceil(self.chunk));
        (parts, Some(parts))
    }
}

impl<V: Splittable> DoubleEndedIterator for Chunks<V> {
    fn next_back(&mut self) -> Option<V> {
        let rest = self.rest.take()?;
        let units = rest.units();
        if units == 0 {
            return None;
        }
        // Parts start at multiples of `chunk` from the front, so the last
        // one holds what is left over (or a whole chunk).
        let last = match units % self.chunk {
            0 => self.chunk,
            left => left,
        };
        let (rest, part) = rest.split_units(units - last);
        self.rest = Some(rest);
        Some(part)
    }
}

impl<V: Splittable> ExactSizeIterator for Chunks<V> {}

#[cfg_attr(docsrs, doc(cfg(feature = "rayon")))]
impl<'a, P: PixelLayout + Sync> ImageView<'a, P> {
    /// Bands of `band_height` rows (the last may be shorter) as a rayon
    /// parallel iterator.
    ///
    /// ```
    /// use typed_layout_core::ext::rayon::prelude::*;
    /// use typed_layout::ImageView;
    ///
    /// let pixels: Vec<u32> = (0..100 * 50).collect(); // 100x50
    /// let image = ImageView::from_slice(&pixels, 100, 50)?;
    /// let bands = image.par_row_bands(16)?;
    /// assert_eq!(bands.len(), 4); // 16 + 16 + 16 + 2 rows
    /// let total: u64 = bands.map(|band| band.pixels().map(u64::from).sum::<u64>()).sum();
    /// assert_eq!(total, (0..5000u64).sum());
    /// # Ok::<(), typed_layout::ViewError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ViewError::ZeroChunk`] if `band_height == 0`.
    #[cfg_attr(docsrs, doc(cfg(feature = "rayon")))]
    pub fn par_row_bands(&self, band_height: usize) -> Result<ParChunks<Self>, ViewError> {
        ParChunks::new(*self, band_height)
    }

    /// Every row as a rayon parallel iterator (`Row::Contiguous(&[P])`
    /// where the row is a slice, as in [`ImageView::rows`]).
    ///
    /// ```
    /// use typed_layout_core::ext::rayon::prelude::*;
    /// use typed_layout::ImageView;
    ///
    /// let pixels = [1u8, 2, 3, 4, 5, 6];
    /// let image = ImageView::from_slice(&pixels, 3, 2)?;
    /// let sums: Vec<u32> = image
    ///     .par_rows()
    ///     .map(|row| row.iter().map(u32::from).sum())
    ///     .collect();
    /// assert_eq!(sums, [6, 15]);
    /// # Ok::<(), typed_layout::ViewError>(())
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "rayon")))]
    pub fn par_rows(&self) -> impl ParallelIterator<Item = Row<'a, P>> {
        ParChunks {
            view: *self,
            chunk: 1,
        }
        .flat_map_iter(|band| band.rows())
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "rayon")))]
impl<'a, P: PixelLayout + Send> ImageViewMut<'a, P> {
    /// Disjoint bands of `band_height` rows as a rayon parallel iterator,
    /// each band writable on its own thread. Takes the view (like
    /// [`ImageViewMut::into_row_bands`]); call it on `view.reborrow()` to
    /// keep using `view` afterwards.
    ///
    /// ```
    /// use typed_layout_core::ext::rayon::prelude::*;
    /// use typed_layout::ImageBuf;
    ///
    /// let mut image = ImageBuf::<u16>::new(640, 480)?;
    /// image.as_view_mut().par_row_bands(16)?.enumerate().for_each(|(i, mut band)| {
    ///     band.fill(i as u16);
    /// });
    /// assert_eq!(image.as_view().get(0, 479), Some(29));
    /// # Ok::<(), typed_layout::ViewError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ViewError::ZeroChunk`] if `band_height == 0`.
    #[cfg_attr(docsrs, doc(cfg(feature = "rayon")))]
    pub fn par_row_bands(self, band_height: usize) -> Result<ParChunks<Self>, ViewError> {
        ParChunks::new(self, band_height)
    }

    /// Every row, writable, as a rayon parallel iterator. Takes the view,
    /// as [`ImageViewMut::par_row_bands`] does.
    ///
    /// ```
    /// use typed_layout_core::ext::rayon::prelude::*;
    /// use typed_layout::ImageBuf;
    ///
    /// let mut image = ImageBuf::<u8>::new(4, 3)?;
    /// image.as_view_mut().par_rows_mut().for_each(|mut row| row.fill(7));
    /// assert!(image.as_view().pixels().all(|p| p == 7));
    /// # Ok::<(), typed_layout::ViewError>(())
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "rayon")))]
    pub fn par_rows_mut(self) -> impl ParallelIterator<Item = ColumnMut<'a, P>> {
        ParChunks {
            view: self,
            chunk: 1,
        }
        .flat_map_iter(ImageViewMut::into_rows_mut)
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "rayon")))]
impl<'a, T: PixelLayout + Sync> Records<'a, T> {
    /// Chunks of `chunk_len` records (the last may be shorter) as a rayon
    /// parallel iterator.
    ///
    /// ```
    /// use typed_layout_core::ext::rayon::prelude::*;
    /// use typed_layout::Records;
    ///
    /// let values: Vec<u64> = (1..=1000).collect();
    /// let total: u64 = Records::from_slice(&values)
    ///     .par_chunks(64)?
    ///     .map(|chunk| chunk.iter().sum::<u64>())
    ///     .sum();
    /// assert_eq!(total, 500_500);
    /// # Ok::<(), typed_layout::ViewError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ViewError::ZeroChunk`] if `chunk_len == 0`.
    #[cfg_attr(docsrs, doc(cfg(feature = "rayon")))]
    pub fn par_chunks(&self, chunk_len: usize) -> Result<ParChunks<Self>, ViewError> {
        ParChunks::new(*self, chunk_len)
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "rayon")))]
impl<T: PixelLayout + Send> RecordsMut<'_, T> {
    /// Disjoint chunks of `chunk_len` records as a rayon parallel iterator,
    /// each writable on its own thread (columns included). Takes the view;
    /// call it on `records.reborrow()` to keep using `records`.
    ///
    /// ```
    /// use typed_layout_core::ext::rayon::prelude::*;
    /// use typed_layout::{PixelLayout, RecordBuf};
    ///
    /// #[derive(Clone, Copy, PixelLayout)]
    /// #[repr(C, packed)]
    /// struct Person { name: [u8; 32], age: i32, salary: f64 }
    ///
    /// let mut people = RecordBuf::<Person>::zeroed(100_000)?;
    /// people.records_mut().par_chunks_mut(8192)?.for_each(|mut chunk| {
    ///     chunk.columns_mut().salary.fill(1000.0);
    /// });
    /// assert_eq!(people.records().columns().salary.get(99_999), Some(1000.0));
    /// # Ok::<(), typed_layout::ViewError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ViewError::ZeroChunk`] if `chunk_len == 0`.
    #[cfg_attr(docsrs, doc(cfg(feature = "rayon")))]
    pub fn par_chunks_mut(self, chunk_len: usize) -> Result<ParChunks<Self>, ViewError> {
        ParChunks::new(self, chunk_len)
    }
}

/// Rows per band for parallel work: about 64 KiB of pixels per band, so
/// bands are large enough to amortize scheduling and small enough to
/// balance across threads.
fn band_rows<P>(width: usize) -> usize {
    const BAND_BYTES: usize = 64 * 1024;
    let row_bytes = width.saturating_mul(size_of::<P>()).max(1);
    (BAND_BYTES / row_bytes).max(1)
}

/// Refuses images of different sizes, like [`convert`] does.
fn same_shape<S: PixelLayout, D: PixelLayout>(
    source: &ImageView<'_, S>,
    target: &ImageViewMut<'_, D>,
) -> Result<(), ViewError> {
    let (given, expected) = (
        (source.width(), source.height()),
        (target.width(), target.height()),
    );
    if given != expected {
        return Err(ViewError::ShapeMismatch { expected, given });
    }
    Ok(())
}

/// [`convert`] on all threads of rayon's pool: the images are split into
/// bands of rows, each converted by the sequential kernel.
///
/// ```
/// use typed_layout::{par_convert, ImageBuf, PixelLayout};
///
/// #[derive(Clone, Copy, PixelLayout)]
/// #[repr(C)]
/// struct Bgra8 { b: u8, g: u8, r: u8, a: u8 }
/// #[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
/// #[repr(C)]
/// struct Rgba8 { r: u8, g: u8, b: u8, a: u8 }
///
/// let mut source = ImageBuf::<Bgra8>::new(1920, 1080)?;
/// source.as_view_mut().fill(Bgra8 { b: 1, g: 2, r: 3, a: 4 });
/// let mut target = ImageBuf::<Rgba8>::new(1920, 1080)?;
/// par_convert(&source.as_view(), &mut target.as_view_mut())?;
/// assert_eq!(target.as_view().get(1919, 1079), Some(Rgba8 { r: 3, g: 2, b: 1, a: 4 }));
/// # Ok::<(), typed_layout::ViewError>(())
/// ```
///
/// # Errors
///
/// [`ViewError::ShapeMismatch`] if the images differ in width or height.
#[cfg_attr(docsrs, doc(cfg(feature = "rayon")))]
pub fn par_convert<S, D>(
    source: &ImageView<'_, S>,
    target: &mut ImageViewMut<'_, D>,
) -> Result<(), ViewError>
where
    S: PixelLayout + Sync,
    D: ConvertFrom<S> + Send,
{
    same_shape(source, target)?;
    let rows = band_rows::<S>(source.width());
    source
        .par_row_bands(rows)?
        .zip(target.reborrow().par_row_bands(rows)?)
        .try_for_each(|(from, mut to)| convert(&from, &mut to))
}

/// [`convert_with`] on all threads of rayon's pool: channels of `D` that
/// `S` lacks take their value from `fill`.
///
/// ```
/// use typed_layout::{par_convert_with, ImageBuf, PixelLayout};
///
/// #[derive(Clone, Copy, PixelLayout)]
/// #[repr(C)]
/// struct Rgb8 { r: u8, g: u8, b: u8 }
/// #[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
/// #[repr(C)]
/// struct Rgba8 { r: u8, g: u8, b: u8, a: u8 }
///
/// let mut source = ImageBuf::<Rgb8>::new(64, 64)?;
/// source.as_view_mut().fill(Rgb8 { r: 1, g: 2, b: 3 });
/// let mut target = ImageBuf::<Rgba8>::new(64, 64)?;
/// let opaque = Rgba8 { r: 0, g: 0, b: 0, a: 255 };
/// par_convert_with(&source.as_view(), &mut target.as_view_mut(), opaque)?;
/// assert_eq!(target.as_view().get(63, 63), Some(Rgba8 { r: 1, g: 2, b: 3, a: 255 }));
/// # Ok::<(), typed_layout::ViewError>(())
/// ```
///
/// # Errors
///
/// [`ViewError::ShapeMismatch`] if the images differ in width or height.
#[cfg_attr(docsrs, doc(cfg(feature = "rayon")))]
pub fn par_convert_with<S, D>(
    source: &ImageView<'_, S>,
    target: &mut ImageViewMut<'_, D>,
    fill: D,
) -> Result<(), ViewError>
where
    S: PixelLayout + Sync,
    D: PixelLayout + Send + Sync,
{
    same_shape(source, target)?;
    let rows = band_rows::<S>(source.width());
    source
        .par_row_bands(rows)?
        .zip(target.reborrow().par_row_bands(rows)?)
        .try_for_each(|(from, mut to)| convert_with(&from, &mut to, fill))
}
