//! Images of Python buffers and pygame surfaces.

use super::error::{self, Target};
use super::format::{self, Expect};
use super::pillow;
use super::pygame::{self, SurfaceFormat};
use super::take::{self, Buffer, Taken};
use crate::error::ViewError;
use crate::image::{ImageView, ImageViewMut};
use crate::layout::PixelLayout;
use crate::raw::python::{ArrowBuffer, ArrowError, ExclusiveBuffer, SharedBuffer, TakeError};
use alloc::format;
use core::fmt;
use core::marker::PhantomData;
use pyo3::exceptions::{PyAttributeError, PyTypeError, PyValueError};
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

impl Geometry {
    /// The read-only image of `bytes` these numbers describe.
    fn view<P: PixelLayout>(self, bytes: &[u8]) -> Result<ImageView<'_, P>, ViewError> {
        ImageView::from_bytes_strided(
            bytes,
            self.start,
            self.width,
            self.height,
            self.pixel_stride,
            self.row_stride,
        )
    }

    /// The mutable image of `bytes` these numbers describe.
    fn view_mut<P: PixelLayout>(self, bytes: &mut [u8]) -> Result<ImageViewMut<'_, P>, ViewError> {
        ImageViewMut::from_bytes_strided_mut(
            bytes,
            self.start,
            self.width,
            self.height,
            self.pixel_stride,
            self.row_stride,
        )
    }
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

/// Takes `obj`'s buffer as a NumPy-style image. The outer error is the
/// buffer's refusal, which the caller may answer by trying `obj` as a
/// surface or a Pillow image; the inner one is the Python exception for a
/// buffer that is not an image of `P`.
fn take_array<'py, B: Buffer<'py>, P: PixelLayout>(
    obj: &Bound<'py, PyAny>,
    target: Target,
) -> Result<PyResult<(B, Geometry)>, TakeError> {
    let Taken { buffer, format } = take::take::<B>(obj)?;
    let geometry = array_geometry::<P>(
        obj,
        target,
        &format,
        buffer.start(),
        buffer.shape(),
        buffer.strides(),
        buffer.itemsize(),
    );
    Ok(geometry.map(|geometry| (buffer, geometry)))
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

/// Takes a pygame surface's pixels through `get_view('2')`, after checking
/// `P` against its masks.
fn take_surface<'py, B: Buffer<'py>, P: PixelLayout>(
    surface: &Bound<'py, PyAny>,
    target: Target,
) -> PyResult<(B, Geometry)> {
    let format = SurfaceFormat::of(surface)?;
    pygame::check_pixel::<P>(&format)
        .map_err(|why| error::format_error(&error::context(surface, target), &why))?;
    let view = surface.call_method1("get_view", (PyString::new(surface.py(), "2"),))?;
    let buffer = B::take(&view, false).map_err(|err| error::take_error(err, surface, target))?;
    let geometry = surface_geometry(
        surface,
        target,
        buffer.start(),
        buffer.shape(),
        buffer.strides(),
        buffer.itemsize(),
    )?;
    Ok((buffer, geometry))
}

/// Objects without the buffer protocol that images are taken from.
enum Other {
    Surface,
    Pillow,
}

/// Is this a `TypeError` from an object without the buffer protocol that
/// is a pygame surface or a Pillow image?
fn other_kind(err: &TakeError, obj: &Bound<'_, PyAny>) -> Option<Other> {
    if !matches!(err, TakeError::Python(e) if e.is_instance_of::<PyTypeError>(obj.py())) {
        return None;
    }
    if error::is_instance_of_class(obj, "pygame.surface", "Surface") {
        Some(Other::Surface)
    } else if error::is_instance_of_class(obj, "PIL.Image", "Image") {
        Some(Other::Pillow)
    } else {
        None
    }
}

/// Takes a Pillow image's pixels through its Arrow export.
fn pillow_source<'py, P: PixelLayout>(
    image: &Bound<'py, PyAny>,
    target: Target,
) -> PyResult<(ArrowBuffer<'py>, Geometry)> {
    let context = || error::context(image, target);
    let (width, height): (usize, usize) = image.getattr("size")?.extract()?;
    let mode: alloc::string::String = image.getattr("mode")?.extract()?;
    pillow::check_pixel::<P>(&mode).map_err(|why| error::format_error(&context(), &why))?;
    let arrow = ArrowBuffer::take(image).map_err(|err| match err {
        ArrowError::Python(err) if err.is_instance_of::<PyAttributeError>(image.py()) => {
            PyTypeError::new_err(format!(
                "{}: the image has no Arrow export ({err}); Pillow 11.2 or later is needed",
                context()
            ))
        }
        ArrowError::Python(err) if err.is_instance_of::<PyValueError>(image.py()) => {
            PyValueError::new_err(format!(
                "{}: Pillow refused to export the {width}x{height} {mode} image as one array                  ({}): it keeps images larger than its block size (PIL.Image.core.\
                 get_block_size(), 16 MiB by default) in several blocks of rows; raise it with \
                 PIL.Image.core.set_block_size(n) before the image is created, or copy with \
                 numpy.asarray(image)",
                context(),
                err.value(image.py())
            ))
        }
        ArrowError::Python(err) => err,
        ArrowError::Conflict(_) => PyValueError::new_err(format!("{}: {}", context(), err.text())),
        ArrowError::Unsupported(_) => {
            PyTypeError::new_err(format!("{}: its Arrow export: {}", context(), err.text()))
        }
    })?;
    let pixels = width.checked_mul(height);
    if arrow.element_size != P::LAYOUT.size || pixels != Some(arrow.length) {
        return Err(PyValueError::new_err(format!(
            "{}: the Arrow export holds {} elements of {} bytes, the {width}x{height} image \
             needs {} pixels of {} bytes",
            context(),
            arrow.length,
            arrow.element_size,
            width.saturating_mul(height),
            P::LAYOUT.size
        )));
    }
    let step = P::LAYOUT.size;
    let geometry = Geometry {
        start: 0,
        width,
        height,
        pixel_stride: step as isize,
        row_stride: width.saturating_mul(step) as isize,
    };
    Ok((arrow, geometry))
}

/// The bytes a read-only image holds.
enum Source<'py> {
    Buffer(SharedBuffer<'py>),
    Arrow(ArrowBuffer<'py>),
}

impl Source<'_> {
    fn bytes(&self) -> &[u8] {
        match self {
            Source::Buffer(buffer) => buffer.bytes(),
            Source::Arrow(arrow) => arrow.bytes(),
        }
    }

    fn describe(&self) -> alloc::string::String {
        match self {
            Source::Buffer(b) => error::geometry(b.shape(), b.strides(), b.itemsize()),
            Source::Arrow(a) => format!(
                "Arrow format {:?}, {} elements of {} bytes",
                a.format.format, a.length, a.element_size
            ),
        }
    }
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
           a padded pitch is fine;\n\
         - (read-only) a Pillow `Image` held in one block, through its Arrow \
           export: see [`PyImage::from_pillow`].\n\n\
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
    source: Source<'py>,
    geometry: Geometry,
    pixels: PhantomData<P>,
}

impl<'py, P: PixelLayout> PyImage<'py, P> {
    const TARGET: Target = Target {
        view: "ImageView",
        element: P::LAYOUT.name,
    };

    /// Takes `obj` (a buffer, a pygame surface or a Pillow image) as an
    /// image of `P`. See the type's docs for what is accepted.
    ///
    /// # Errors
    ///
    /// The Python exceptions listed on [`PyImage`] (`TypeError`,
    /// `ValueError`, `BufferError`, `RuntimeError`), and for a Pillow image
    /// those of [`PyImage::from_pillow`].
    pub fn new(obj: &Bound<'py, PyAny>) -> PyResult<Self> {
        let (buffer, geometry) = match take_array::<SharedBuffer<'py>, P>(obj, Self::TARGET) {
            Ok(taken) => taken?,
            Err(err) => {
                return match other_kind(&err, obj) {
                    Some(Other::Surface) => Self::from_surface(obj),
                    Some(Other::Pillow) => Self::from_pillow(obj),
                    None => Err(error::take_error(err, obj, Self::TARGET)),
                }
            }
        };
        Self::build(obj, Source::Buffer(buffer), geometry)
    }

    /// Takes a Pillow `Image` as an image of `P` without copying, through
    /// its Arrow export (`__arrow_c_array__`, Pillow 11.2 or later), after
    /// checking `P` against the mode: `RGB` pixels are 4 bytes (R, G, B and
    /// an unused byte), so `Rgbx8 { r, g, b, x }`; `RGBA` is `Rgba8`; `L` is
    /// `u8`, `I` `i32`, `F` `f32`.
    ///
    /// ```no_run
    /// use pyo3::prelude::*;
    /// use typed_layout::python::PyImage;
    /// use typed_layout::{convert, ImageBuf, ImageViewMut, PixelLayout};
    ///
    /// #[derive(Clone, Copy, PixelLayout)]
    /// #[repr(C)]
    /// struct Rgbx8 { r: u8, g: u8, b: u8, x: u8 }
    ///
    /// #[derive(Clone, Copy, PixelLayout)]
    /// #[repr(C)]
    /// struct Rgb8 { r: u8, g: u8, b: u8 }
    ///
    /// /// `numpy.asarray(to_rgb(image))` is the (h, w, 3) array, made in one pass.
    /// #[pyfunction]
    /// fn to_rgb(image: PyImage<'_, Rgbx8>) -> PyResult<ImageBuf<[u8; 3]>> {
    ///     let source = image.view();
    ///     let (w, h) = (source.width(), source.height());
    ///     let mut out = ImageBuf::<[u8; 3]>::new(w, h)?;
    ///     let pitch = out.row_pitch();
    ///     convert(&source, &mut ImageViewMut::<Rgb8>::from_bytes_mut(out.as_bytes_mut(), w, h, pitch)?)?;
    ///     Ok(out)
    /// }
    /// ```
    ///
    /// # Errors
    ///
    /// `TypeError` when `P` does not fit the mode (the message lists the
    /// mode's bytes) or the image has no Arrow export (Pillow before 11.2);
    /// `ValueError` when Pillow keeps the image in several blocks (larger
    /// than `PIL.Image.core.get_block_size()`, 16 MiB by default: raise it
    /// with `set_block_size` before creating the image, or copy), or when
    /// its bytes overlap a mutable view.
    pub fn from_pillow(image: &Bound<'py, PyAny>) -> PyResult<Self> {
        let (arrow, geometry) = pillow_source::<P>(image, Self::TARGET)?;
        Self::build(image, Source::Arrow(arrow), geometry)
    }

    /// Takes a pygame `Surface` as an image of `P`, after checking `P`'s
    /// channel names against the surface's masks (see the type's docs).
    ///
    /// # Errors
    ///
    /// As for [`PyImage::new`]; `AttributeError` if `surface` is not a
    /// surface.
    pub fn from_surface(surface: &Bound<'py, PyAny>) -> PyResult<Self> {
        let (buffer, geometry) = take_surface::<SharedBuffer<'py>, P>(surface, Self::TARGET)?;
        Self::build(surface, Source::Buffer(buffer), geometry)
    }

    fn build(obj: &Bound<'py, PyAny>, source: Source<'py>, geometry: Geometry) -> PyResult<Self> {
        geometry.view::<P>(source.bytes()).map_err(|err| {
            error::view_error(&error::context(obj, Self::TARGET), &source.describe(), err)
        })?;
        Ok(PyImage {
            source,
            geometry,
            pixels: PhantomData,
        })
    }

    /// The image, borrowed from `self`.
    #[allow(
        clippy::missing_panics_doc,
        reason = "the checks of `new` passed on the same buffer"
    )]
    pub fn view(&self) -> ImageView<'_, P> {
        self.geometry
            .view(self.source.bytes())
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
    /// image of `P`. See the type's docs for what is accepted.
    ///
    /// # Errors
    ///
    /// The Python exceptions listed on [`PyImageMut`] (`TypeError`,
    /// `ValueError`, `BufferError`, `RuntimeError`); `TypeError` for a
    /// Pillow image, which is viewed read-only ([`PyImage::from_pillow`]).
    pub fn new(obj: &Bound<'py, PyAny>) -> PyResult<Self> {
        let (buffer, geometry) = match take_array::<ExclusiveBuffer<'py>, P>(obj, Self::TARGET) {
            Ok(taken) => taken?,
            Err(err) => {
                return match other_kind(&err, obj) {
                    Some(Other::Surface) => Self::from_surface(obj),
                    Some(Other::Pillow) => Err(PyTypeError::new_err(format!(
                        "{}: Pillow images are viewed read-only (their Arrow export is \
                         immutable); take a PyImage, or copy into a NumPy array",
                        error::context(obj, Self::TARGET)
                    ))),
                    None => Err(error::take_error(err, obj, Self::TARGET)),
                }
            }
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
        let (buffer, geometry) = take_surface::<ExclusiveBuffer<'py>, P>(surface, Self::TARGET)?;
        Self::build(surface, buffer, geometry)
    }

    fn build(
        obj: &Bound<'py, PyAny>,
        mut buffer: ExclusiveBuffer<'py>,
        geometry: Geometry,
    ) -> PyResult<Self> {
        let checked = geometry.view_mut::<P>(buffer.bytes_mut()).map(drop);
        checked.map_err(|err| error::buffer_view_error(obj, Self::TARGET, &buffer, err))?;
        Ok(PyImageMut {
            buffer,
            geometry,
            pixels: PhantomData,
        })
    }

    /// The image, read-only.
    #[allow(
        clippy::missing_panics_doc,
        reason = "the checks of `new` passed on the same buffer"
    )]
    pub fn view(&self) -> ImageView<'_, P> {
        self.geometry
            .view(self.buffer.bytes())
            .expect("the same checks passed in PyImageMut::new")
    }

    /// The image, for writing.
    #[allow(
        clippy::missing_panics_doc,
        reason = "the checks of `new` passed on the same buffer"
    )]
    pub fn view_mut(&mut self) -> ImageViewMut<'_, P> {
        self.geometry
            .view_mut(self.buffer.bytes_mut())
            .expect("the same checks passed in PyImageMut::new")
    }
}

extract_with_new!(P: PyImage, PyImageMut);

macro_rules! debug {
    ($($name:ident),*) => {$(
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
debug!(PyImage, PyImageMut);
