//! A user crate that forbids unsafe code can still derive PixelLayout: the
//! generated `unsafe impl` comes from the derive, not from the user.
#![forbid(unsafe_code)]

use typed_layout::{PixelLayout, Records};

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
struct Bgra8 {
    b: u8,
    g: u8,
    r: u8,
    a: u8,
}

#[test]
fn derive_works_under_forbid_unsafe_code() {
    let pixels = [Bgra8 {
        b: 1,
        g: 2,
        r: 3,
        a: 4,
    }; 3];
    let records = Records::from_slice(&pixels);
    assert_eq!(records.columns().r.iter().collect::<Vec<_>>(), [3, 3, 3]);
    assert_eq!(Bgra8::LAYOUT.size, 4);
}
