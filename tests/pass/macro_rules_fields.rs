//! Structs written by `macro_rules!` with the struct name, the field names
//! and the field types passed in as macro arguments: those names carry the
//! hygiene of the macro's caller, not of the macro, and the derive's own
//! locals must not be resolved with it.
#![forbid(unsafe_code)]

use typed_layout::{ConvertFrom, HasDtype, PixelLayout, Records};

macro_rules! pixel {
    ($name:ident { $($field:ident: $ty:ty),* $(,)? }) => {
        #[derive(Clone, Copy, PixelLayout)]
        #[repr(C)]
        pub struct $name { $(pub $field: $ty),* }
    };
}

/// The struct name is the macro's own; only the fields come in.
macro_rules! fixed_name {
    ($($field:ident: $ty:ty),*) => {
        #[derive(Clone, Copy, PixelLayout)]
        #[repr(C, align(4))]
        pub struct Fixed { $(pub $field: $ty),* }
    };
}

pixel!(Rgb8 { r: u8, g: u8, b: u8 });
pixel!(Bgrx8 { b: u8, g: u8, r: u8, _x: u8 });
pixel!(Sample { id: u16, _pad: [u8; 2], value: f32, tags: [u8; 4] });
fixed_name!(a: u16, b: u16);

fn main() {
    assert_eq!(Rgb8::LAYOUT.size, 3);
    let names: Vec<&str> = Sample::LAYOUT.fields().iter().map(|f| f.name).collect();
    assert_eq!(names, ["id", "_pad", "value", "tags"]);
    assert_eq!(Sample::LAYOUT.field("value").map(|f| f.offset), Some(4));
    assert_eq!(Fixed::LAYOUT.align, 4);

    // Channels by name: the `_x` padding passed in is zeroed, not copied.
    let rgb = <Rgb8 as ConvertFrom<Bgrx8>>::convert_from(&Bgrx8 { b: 3, g: 2, r: 1, _x: 9 });
    assert_eq!((rgb.r, rgb.g, rgb.b), (1, 2, 3));
    let bgrx = <Bgrx8 as ConvertFrom<Rgb8>>::convert_from(&rgb);
    assert_eq!((bgrx.b, bgrx.g, bgrx.r, bgrx._x), (3, 2, 1, 0));

    // Records and columns work on the macro-made struct.
    let bytes: Vec<u8> = (0u8..24).collect();
    let records = Records::<Sample>::from_bytes(&bytes).expect("12-byte records");
    assert_eq!(records.len(), 2);
    let columns = records.columns();
    assert_eq!(columns.id.get(1), Some(u16::from_ne_bytes([12, 13])));
    assert_eq!(columns.tags.get(0), Some([8, 9, 10, 11]));
    assert_eq!(
        Rgb8::dtype().to_string(),
        "[('r', '|u1'), ('g', '|u1'), ('b', '|u1')]"
    );
}
