//! The `rgb` feature: the `rgb` crate's pixel types (used by ravif, imgref,
//! resize, lodepng and others) are layout types, so memory in their layout
//! is viewed and converted without redeclaring anything.
//!
//! `cargo run --example with_rgb --features rgb`
#![forbid(unsafe_code)]

use typed_layout::ext::rgb::{self, alt::BGRA8, RGB8, RGBA8};
use typed_layout::pixels::Gray8;
use typed_layout::{convert, convert_with, ImageBuf, ImageView, ImageViewMut, Records};

fn main() -> Result<(), typed_layout::ViewError> {
    // A BGRA window surface with padded rows (pitch 3 * 4 + 4 bytes).
    let (width, height, pitch) = (3, 2, 16);
    let mut surface = vec![0u8; pitch * height];
    for y in 0..height {
        for x in 0..width {
            let at = y * pitch + 4 * x;
            surface[at..at + 4].copy_from_slice(&[10 * x as u8, 20, 30 * y as u8, 255]);
        }
    }
    let bgra = ImageView::<BGRA8>::from_bytes(&surface, width, height, pitch)?;
    println!("surface pixel (2, 1): {:?}", bgra.get(2, 1));

    // To the contiguous Vec<RGBA8> an encoder such as ravif takes: channels
    // matched by name (b, g, r, a -> r, g, b, a) in one pass.
    let mut rgba = vec![RGBA8::default(); width * height];
    convert(
        &bgra,
        &mut ImageViewMut::from_slice_mut(&mut rgba, width, height)?,
    )?;
    assert_eq!(rgba[width + 2], RGBA8::new(30, 20, 20, 255));
    println!("as rgb::RGBA8:        {:?}", rgba[width + 2]);

    // rgb's types and the stock pixel types mix, matched by channel name.
    let rgb_pixels: Vec<RGB8> = rgba.iter().map(|p| p.rgb()).collect();
    let mut stock = ImageBuf::<typed_layout::pixels::Bgr8>::new(width, height)?;
    convert(
        &ImageView::from_slice(&rgb_pixels, width, height)?,
        &mut stock.as_view_mut(),
    )?;
    println!("as pixels::Bgr8:      {:?}", stock.as_view().get(2, 1));

    // Records of rgb pixels straight from bytes, e.g. a PPM body.
    let ppm_body = [255u8, 0, 0, 0, 255, 0, 0, 0, 255];
    let palette = Records::<RGB8>::from_bytes(&ppm_body)?;
    println!(
        "palette from bytes:   {:?}",
        palette.iter().collect::<Vec<_>>()
    );

    // Gray with a fill: rgb's GrayAlpha from our Gray8, opaque.
    let gray = [Gray8 { v: 128 }; 4];
    let mut gray_alpha = [rgb::alt::GrayAlpha::<u8>::default(); 4];
    #[allow(deprecated)] // rgb's legacy GrayAlpha is a tuple: (v, a)
    let opaque = rgb::alt::GrayAlpha(0u8, 255u8);
    convert_with(
        &ImageView::from_slice(&gray, 2, 2)?,
        &mut ImageViewMut::from_slice_mut(&mut gray_alpha, 2, 2)?,
        opaque,
    )?;
    println!("gray + opaque alpha:  {:?}", gray_alpha[0]);
    Ok(())
}
