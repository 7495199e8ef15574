//! The `image` feature: image::ImageBuffer and FlatSamples to and from
//! typed views, without copies where the layout allows.
//!
//! `cargo run --example with_image --features image`
#![forbid(unsafe_code)]

use typed_layout::ext::image::{imageops, ImageBuffer, Rgba};
use typed_layout::{convert, ImageBuf, ImageView, ImageViewMut, PixelLayout};

/// How `image` stores RGBA.
#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
struct Rgba8 {
    r: u8,
    g: u8,
    b: u8,
    a: u8,
}

/// How a camera, a window surface or a GPU readback often stores it.
#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
struct Bgra8 {
    b: u8,
    g: u8,
    r: u8,
    a: u8,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // A BGRA frame with a 256-byte-aligned pitch, as a GPU readback gives.
    let (width, height) = (100, 60);
    let mut frame = ImageBuf::<Bgra8>::with_row_alignment(width, height, 256)?;
    let mut view = frame.as_view_mut();
    for y in 0..height {
        for x in 0..width {
            let pixel = Bgra8 {
                b: (x * 2) as u8,
                g: (y * 4) as u8,
                r: 200,
                a: 255,
            };
            view.set(x, y, pixel)?;
        }
    }
    println!(
        "frame {width}x{height} BGRA, pitch {} bytes",
        frame.row_pitch()
    );

    // Viewing BGRA memory as image's Rgba<u8> is refused, not silently swapped.
    if let Err(error) = frame.as_view().as_image_buffer::<Rgba<u8>>() {
        println!("as Rgba<u8> directly: {error}");
    }

    // Convert by channel name straight into an ImageBuffer's memory.
    let mut rgba = ImageBuffer::<Rgba<u8>, Vec<u8>>::new(width as u32, height as u32);
    convert(
        &frame.as_view(),
        &mut ImageViewMut::<Rgba8>::from_image_buffer_mut(&mut rgba)?,
    )?;
    println!(
        "pixel (10, 5) in the ImageBuffer: {:?}",
        rgba.get_pixel(10, 5).0
    );

    // image's functions work on it, and the result is viewed back in place.
    let thumbnail = imageops::thumbnail(&rgba, 25, 15);
    let thumb_view = ImageView::<Rgba8>::from_image_buffer(&thumbnail)?;
    let mean_green = thumb_view.planes().g.pixels().map(u32::from).sum::<u32>() / (25 * 15);
    println!("25x15 thumbnail, mean green {mean_green}");

    // Padded rows travel as FlatSamples (strides in samples).
    let mut padded = ImageBuf::<Rgba8>::with_row_alignment(width, height, 256)?;
    convert(&frame.as_view(), &mut padded.as_view_mut())?;
    let flat = padded.as_view().as_flat_samples::<u8>()?;
    println!(
        "padded frame as FlatSamples: {} channels, strides (c, x, y) = {:?}, color {:?}",
        flat.layout.channels,
        flat.layout.strides_cwh(),
        flat.color_hint
    );
    let gray = imageops::grayscale(&flat.as_view::<Rgba<u8>>()?);
    let gray_view = ImageView::<u8>::from_image_buffer(&gray)?;
    let (min, max) = gray_view
        .pixels()
        .fold((u8::MAX, u8::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    println!("grayscale through image, read back as ImageView<u8>: values {min}..={max}");
    Ok(())
}
