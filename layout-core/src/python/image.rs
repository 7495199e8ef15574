//! Images of Python buffers and pygame surfaces.

use super::error::{self, Target};
use super::format::{self, Expect};
use super::pygame::{self, SurfaceFormat};
use crate::image::{ImageView, ImageViewMut};
use crate::layout::PixelLayout;
use crate::raw::python::{ExclusiveBuffer, SharedBuffer, TakeError};
use alloc::format;
use core::fmt;
use core::marker::PhantomData;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyString;

/// Where the pixels are in a held buffer.
#[derive(Clone, Copy, Debug)]
struct Geometry {
    start: usize,
    width: usize,
    height: usize,
    pixel_stride: isize,
    row_stride: isize,
}

/// The geometry of a NumPy-style image buffer: `(h, w)` of pixels, or
/// `(h, w, C)` of scalars whose last axis makes one pixel.
fn array_geometry<P: PixelLayout>(
    obj: &Bound<'_, PyAny>,
    target: Target,
    format: &[u8],
    start: usize,
    shape: &[usize],
    strides: &[isize],
    itemsize: usize,
) -> PyResult<Geometry> {
    let context = || error::context(obj, target);
    let geometry = || error::geometry(shape, strides, itemsize);
    let format_error = |why: alloc::string::String| error::format_error(&context(), &why);
    match (shape, strides) {
        (&[height, width], &[row_stride, pixel_stride]) => {
            format::check::<P>(format, itemsize, Expect::Element).map_err(format_error)?;
            Ok(Geometry {
                start,
                width,
                height,
                pixel_stride,
                row_stride,
            })
        }
        (&[height, width, channels], &[row_stride, pixel_stride, channel_stride]) => {
            format::check::<P>(format, itemsize, Expect::Channels(channels))
                .map_err(format_error)?;
            let step = isize::try_from(itemsize).unwrap_or(isize::MAX);
            let start = if channels <= 1 || channel_stride == step {
                start
            } else if channel_stride == -step {
                // Channels run backwards (pygame's pixels3d of a BGRA
                // surface): the pixel's first byte is the last channel.
                start - (channels - 1) * itemsize
            } else {
                return Err(error::shape_error(
                    &context(),
                    &geometry(),
                    &format!(
                        "the channels of a pixel are {channel_stride} bytes apart, not \
                         adjacent ({itemsize} or -{itemsize}), so a pixel is not one `{}` \
                         (a Fortran-ordered or channel-first array); pass \
                         numpy.ascontiguousarray(a)",
                        P::LAYOUT.name
                    ),
                ));
            };
            Ok(Geometry {
                start,
                width,
                height,
                pixel_stride,
                row_stride,
            })
        }
        _ => Err(error::shape_error(
            &context(),
            &geometry(),
            &format!(
                "an image is a 2-D (h, w) buffer of `{}` pixels or a 3-D (h, w, channels) \
                 buffer of its scalars, not {}-D",
                P::LAYOUT.name,
                shape.len()
            ),
        )),
    }
}

/// The geometry of a pygame surface's `get_view('2')` buffer: x-major
/// `(w, h)` with strides `(bytes_per_pixel, pitch)`.
fn surface_geometry(
    obj: &Bound<'_, PyAny>,
    target: Target,
    start: usize,
    shape: &[usize],
    strides: &[isize],
    itemsize: usize,
) -> PyResult<Geometry> {
    match (shape, strides) {
        (&[width, height], &[pixel_stride, row_stride]) => Ok(Geometry {
            start,
            width,
            height,
            pixel_stride,
            row_stride,
        }),
        _ => Err(error::shape_error(
            &error::context(obj, target),
            &error::geometry(shape, strides, itemsize),
            "a surface's get_view('2') should be 2-D (w, h)",
        )),
    }
}

fn surface_view<'py, P: PixelLayout>(
    surface: &Bound<'py, PyAny>,
    target: Target,
) -> PyResult<Bound<'py, PyAny>> {
    let format = SurfaceFormat::of(surface)?;
    pygame::check_pixel::<P>(&format)
        .map_err(|why| error::format_error(&error::context(surface, target), &why))?;
    surface.call_method1("get_view", (PyString::new(surface.py(), "2"),))
}

/// Is this a `TypeError` from an object without the buffer protocol that
/// is a pygame surface?
fn is_surface(err: &TakeError, obj: &Bound<'_, PyAny>) -> bool {
    matches!(err, TakeError::Python(e) if e.is_instance_of::<PyTypeError>(obj.py()))
        && error::is_instance_of_class(obj, "pygame.surface", "Surface")
}

macro_rules! image_docs {
    () => {
        "\n\nAccepted objects:\n\n\
         - a `(h, w)` buffer whose PEP 3118 format describes `P` (a structured \
           NumPy array, or `=I` for `P = u32`), any strides;\n\
         - a `(h, w, C)` buffer of one scalar format whose last axis makes a \
           pixel: `P` must be `C` of those scalars side by side, in any field \
           names (NumPy's `(h, w, 4)` `uint8` image as `Bgra8` or `Rgba8`: the \
           array does not name its channels, so the order is yours to know); \
           the channel stride must be `itemsize` or `-itemsize` (then the \
           pixel starts at the last channel: pygame's `pixels3d` of a BGRA \
           surface, `(w, h, 3)` with strides `(4, pitch, -1)`, holds `Bgr`-ordered \
           pixels, x-major);\n\
         - a pygame `Surface`: its bytes per pixel and masks are read and `P`'s \
           field names (`r`, `g`, `b`, `a`; `x` or `_pad` for unused bytes) must \
           sit at the bytes the masks select — `Bgra8` on a 32-bit `SRCALPHA` \
           surface on little-endian machines; the pixels come from \
           `get_view('2')`, x-major, so `(x, y)` is the surface's `(x, y)`, and \
           a padded pitch is fine.\n\n\
         The buffer stays exported while `self` lives (a surface stays locked, \
         an array cannot be resized). `self` is `!Send`: it cannot cross \
         `Python::detach`.\n\n\
         # Errors\n\n\
         - `TypeError`: no buffer protocol; a format, or surface masks, that do \
           not describe `P` (the message says which field and byte);\n\
         - `ValueError`: not 2-D or 3-D, channels not adjacent (a \
           Fortran-ordered array), strides the view refuses (mutable pixels \
           sharing bytes), bytes that overlap another view when either is \
           mutable;\n\
         - `BufferError`: a read-only buffer for a mutable view;\n\
         - `RuntimeError`: free-threaded Python with the GIL disabled."
    };
}

/// A read-only image of a Python buffer or a pygame surface.
#[doc = image_docs!()]
///
/// ```no_run
/// use pyo3::prelude::*;
/// use typed_layout::python::PyImage;
/// use typed_layout::PixelLayout;
///
/// #[derive(Clone, Copy, PixelLayout)]
/// #[repr(C)]
/// struct Bgra8 { b: u8, g: u8, r: u8, a: u8 }
///
/// #[pyfunction]
/// fn mean_red(image: PyImage<'_, Bgra8>) -> f64 {
///     let view = image.view();
///     let total: u64 = view.pixels().map(|p| u64::from(p.r)).sum();
///     total as f64 / (view.width() * view.height()) as f64
/// }
/// ```
pub struct PyImage<'py, P: PixelLayout> {
    buffer: SharedBuffer<'py>,
    geometry: Geometry,
    pixels: PhantomData<P>,
}

impl<'py, P: PixelLayout> PyImage<'py, P> {
    const TARGET: Target = Target {
        view: "ImageView",
        element: P::LAYOUT.name,
    };

    /// Takes `obj` (a buffer or a pygame surface) as an image of `P`. See
    /// the type's docs for what is accepted and the `# Errors`.
    pub fn new(obj: &Bound<'py, PyAny>) -> PyResult<Self> {
        let (buffer, geometry) = match SharedBuffer::take(obj) {
            Ok(buffer) => {
                let geometry = array_geometry::<P>(
                    obj,
                    Self::TARGET,
                    buffer.format().to_bytes(),
                    buffer.start(),
                    buffer.shape(),
                    buffer.strides(),
                    buffer.itemsize(),
                )?;
                (buffer, geometry)
            }
            Err(err) if is_surface(&err, obj) => return Self::from_surface(obj),
            Err(err) => return Err(error::take_error(err, obj, Self::TARGET)),
        };
        Self::build(obj, buffer, geometry)
    }

    /// Takes a pygame `Surface` as an image of `P`, after checking `P`'s
    /// channel names against the surface's masks (see the type's docs).
    ///
    /// # Errors
    ///
    /// As for [`PyImage::new`]; `AttributeError` if `surface` is not a
    /// surface.
    pub fn from_surface(surface: &Bound<'py, PyAny>) -> PyResult<Self> {
        let view = surface_view::<P>(surface, Self::TARGET)?;
        let buffer = SharedBuffer::take(&view)
            .map_err(|err| error::take_error(err, surface, Self::TARGET))?;
        let geometry = surface_geometry(
            surface,
            Self::TARGET,
            buffer.start(),
            buffer.shape(),
            buffer.strides(),
            buffer.itemsize(),
        )?;
        Self::build(surface, buffer, geometry)
    }

    fn build(
        obj: &Bound<'py, PyAny>,
        buffer: SharedBuffer<'py>,
        geometry: Geometry,
    ) -> PyResult<Self> {
        let g = geometry;
        ImageView::<P>::from_bytes_strided(
            buffer.bytes(),
            g.start,
            g.width,
            g.height,
            g.pixel_stride,
            g.row_stride,
        )
        .map_err(|err| {
            error::view_error(
                &error::context(obj, Self::TARGET),
                &error::geometry(buffer.shape(), buffer.strides(), buffer.itemsize()),
                err,
            )
        })?;
        Ok(PyImage {
            buffer,
            geometry,
            pixels: PhantomData,
        })
    }

    /// The image, borrowed from `self`.
    pub fn view(&self) -> ImageView<'_, P> {
        let g = self.geometry;
        ImageView::from_bytes_strided(
            self.buffer.bytes(),
            g.start,
            g.width,
            g.height,
            g.pixel_stride,
            g.row_stride,
        )
        .expect("the same checks passed in PyImage::new")
    }
}

/// A mutable image of a writable Python buffer or a pygame surface; no
/// other view may reach its bytes while it lives.
#[doc = image_docs!()]
///
/// ```no_run
/// use pyo3::prelude::*;
/// use typed_layout::python::{PyImage, PyImageMut};
/// use typed_layout::PixelLayout;
///
/// #[derive(Clone, Copy, PixelLayout)]
/// #[repr(C)]
/// struct Bgra8 { b: u8, g: u8, r: u8, a: u8 }
///
/// #[pyfunction]
/// fn copy_into(source: PyImage<'_, Bgra8>, mut target: PyImageMut<'_, Bgra8>) -> PyResult<()> {
///     target.view_mut().copy_from(&source.view())
///         .map_err(|err| pyo3::exceptions::PyValueError::new_err(err.to_string()))
/// }
/// ```
pub struct PyImageMut<'py, P: PixelLayout> {
    buffer: ExclusiveBuffer<'py>,
    geometry: Geometry,
    pixels: PhantomData<P>,
}

impl<'py, P: PixelLayout> PyImageMut<'py, P> {
    const TARGET: Target = Target {
        view: "ImageViewMut",
        element: P::LAYOUT.name,
    };

    /// Takes `obj` (a writable buffer or a pygame surface) as a mutable
    /// image of `P`. See the type's docs for what is accepted and the
    /// `# Errors`.
    pub fn new(obj: &Bound<'py, PyAny>) -> PyResult<Self> {
        let (buffer, geometry) = match ExclusiveBuffer::take(obj) {
            Ok(buffer) => {
                let geometry = array_geometry::<P>(
                    obj,
                    Self::TARGET,
                    buffer.format().to_bytes(),
                    buffer.start(),
                    buffer.shape(),
                    buffer.strides(),
                    buffer.itemsize(),
                )?;
                (buffer, geometry)
            }
            Err(err) if is_surface(&err, obj) => return Self::from_surface(obj),
            Err(err) => return Err(error::take_error(err, obj, Self::TARGET)),
        };
        Self::build(obj, buffer, geometry)
    }

    /// Takes a pygame `Surface` as a mutable image of `P` (see
    /// [`PyImage::from_surface`]).
    ///
    /// # Errors
    ///
    /// As for [`PyImageMut::new`]; `AttributeError` if `surface` is not a
    /// surface.
    pub fn from_surface(surface: &Bound<'py, PyAny>) -> PyResult<Self> {
        let view = surface_view::<P>(surface, Self::TARGET)?;
        let buffer = ExclusiveBuffer::take(&view)
            .map_err(|err| error::take_error(err, surface, Self::TARGET))?;
        let geometry = surface_geometry(
            surface,
            Self::TARGET,
            buffer.start(),
            buffer.shape(),
            buffer.strides(),
            buffer.itemsize(),
        )?;
        Self::build(surface, buffer, geometry)
    }

    fn build(
        obj: &Bound<'py, PyAny>,
        mut buffer: ExclusiveBuffer<'py>,
        geometry: Geometry,
    ) -> PyResult<Self> {
        let g = geometry;
        let described = error::geometry(buffer.shape(), buffer.strides(), buffer.itemsize());
        ImageViewMut::<P>::from_bytes_strided_mut(
            buffer.bytes_mut(),
            g.start,
            g.width,
            g.height,
            g.pixel_stride,
            g.row_stride,
        )
        .map_err(|err| error::view_error(&error::context(obj, Self::TARGET), &described, err))?;
        Ok(PyImageMut {
            buffer,
            geometry,
            pixels: PhantomData,
        })
    }

    /// The image, read-only.
    pub fn view(&self) -> ImageView<'_, P> {
        let g = self.geometry;
        ImageView::from_bytes_strided(
            self.buffer.bytes(),
            g.start,
            g.width,
            g.height,
            g.pixel_stride,
            g.row_stride,
        )
        .expect("the same checks passed in PyImageMut::new")
    }

    /// The image, for writing.
    pub fn view_mut(&mut self) -> ImageViewMut<'_, P> {
        let g = self.geometry;
        ImageViewMut::from_bytes_strided_mut(
            self.buffer.bytes_mut(),
            g.start,
            g.width,
            g.height,
            g.pixel_stride,
            g.row_stride,
        )
        .expect("the same checks passed in PyImageMut::new")
    }
}

macro_rules! extract {
    ($($name:ident),*) => {$(
        impl<'a, 'py, P: PixelLayout> FromPyObject<'a, 'py> for $name<'py, P> {
            type Error = PyErr;

            fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
                Self::new(&obj)
            }
        }

        impl<P: PixelLayout> fmt::Debug for $name<'_, P> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let g = self.geometry;
                f.debug_struct(stringify!($name))
                    .field("pixel", &P::LAYOUT.name)
                    .field("width", &g.width)
                    .field("height", &g.height)
                    .field("pixel_stride", &g.pixel_stride)
                    .field("row_stride", &g.row_stride)
                    .finish_non_exhaustive()
            }
        }
    )*};
}
extract!(PyImage, PyImageMut);
