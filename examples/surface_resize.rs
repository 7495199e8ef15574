//! Seed 000: a 1920x1080 BGRA surface in pygame's layout, viewed as
//! `ImageView<Bgra8>` and downscaled 2x, against the same kernel driven
//! through per-channel strided views (the slow path of the seed).
//!
//! `cargo run --release --example surface_resize`
#![forbid(unsafe_code)]

#[path = "scenarios/surface.rs"]
mod surface;

fn main() -> Result<(), typed_layout::ViewError> {
    println!("surface resize");
    surface::run(1920, 1080)?;
    Ok(())
}
