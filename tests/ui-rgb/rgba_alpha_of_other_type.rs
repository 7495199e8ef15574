//! `rgb::Rgba<u8, u16>` (alpha of another type than the colour) has a
//! padding byte after `b`, so it is not a layout type: only `Rgba<T>`
//! (alpha of type `T`) is.
use typed_layout::ext::rgb::Rgba;
use typed_layout::Records;

fn main() {
    let bytes = [0u8; 12];
    let _ = Records::<Rgba<u8, u16>>::from_bytes(&bytes);
}
