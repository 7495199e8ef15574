//! The field table the derive generates matches the compiler's layout.
#![forbid(unsafe_code)]

use std::mem::{align_of, offset_of, size_of};
use typed_layout::{Be, ByteOrder, ElemKind, PixelLayout, Shape};

#[derive(Clone, Copy, PixelLayout)]
#[repr(C, packed)]
struct Person {
    name: [u8; 32],
    age: i32,
    salary: f64,
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Bgra8 {
    b: u8,
    g: u8,
    r: u8,
    a: u8,
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Frame {
    id: Be<u64>,
    pixels: [[Bgra8; 2]; 2],
    gain: f32,
    _pad: [u8; 4],
}

#[test]
fn person_table_is_exact() {
    let layout = Person::LAYOUT;
    assert_eq!((layout.name, layout.size, layout.align), ("Person", 44, 1));
    assert_eq!(
        (layout.size, layout.align),
        (size_of::<Person>(), align_of::<Person>())
    );
    let names: Vec<&str> = layout.fields().iter().map(|f| f.name).collect();
    assert_eq!(names, ["name", "age", "salary"]);
    let offsets: Vec<usize> = layout.fields().iter().map(|f| f.offset).collect();
    assert_eq!(
        offsets,
        [
            offset_of!(Person, name),
            offset_of!(Person, age),
            offset_of!(Person, salary)
        ]
    );
    assert_eq!(offsets, [0, 32, 36]);
    let salary = layout.field("salary").unwrap();
    assert_eq!(salary.size(), 8);
    assert_eq!(salary.elem_kind(), Some(ElemKind::Float));
    assert_eq!(salary.byte_order(), Some(ByteOrder::NATIVE));
    let name = layout.field("name").unwrap();
    assert_eq!(name.array_len(), Some(32));
    assert_eq!(name.elem_kind(), Some(ElemKind::Uint));
    assert_eq!(name.byte_order(), Some(ByteOrder::NotApplicable));
    assert_eq!(
        layout.field("age").unwrap().elem_kind(),
        Some(ElemKind::Int)
    );
    assert!(matches!(layout.shape, Shape::Record { packed: true, .. }));
}

#[test]
fn nested_and_byte_order_fields_are_described() {
    let layout = Frame::LAYOUT;
    assert_eq!(layout.size, size_of::<Frame>());
    assert_eq!(layout.size, 8 + 16 + 4 + 4);
    let id = layout.field("id").unwrap();
    assert_eq!(id.layout.name, "Be<u64>");
    assert_eq!(id.byte_order(), Some(ByteOrder::Big));
    assert_eq!(id.layout.align, 1);
    let pixels = layout.field("pixels").unwrap();
    assert_eq!(pixels.offset, offset_of!(Frame, pixels));
    assert_eq!(pixels.array_len(), Some(2));
    let Shape::Array { elem: row, len: 2 } = pixels.layout.shape else {
        panic!("pixels is an array of rows");
    };
    let Shape::Array {
        elem: pixel,
        len: 2,
    } = row.shape
    else {
        panic!("a row is an array of pixels");
    };
    assert_eq!(pixel.name, "Bgra8");
    let channels: Vec<(&str, usize)> = pixel.fields().iter().map(|f| (f.name, f.offset)).collect();
    assert_eq!(channels, [("b", 0), ("g", 1), ("r", 2), ("a", 3)]);
    assert_eq!(
        pixels.elem_kind(),
        None,
        "records have no single element kind"
    );
    assert_eq!(Bgra8::LAYOUT.nested().map(<[_]>::len), Some(4));
}

#[test]
fn scalar_tables() {
    assert_eq!(u8::LAYOUT.byte_order(), Some(ByteOrder::NotApplicable));
    assert_eq!(i128::LAYOUT.size, 16);
    assert_eq!(f32::LAYOUT.elem_kind(), Some(ElemKind::Float));
    assert_eq!(<Be<f64>>::LAYOUT.name, "Be<f64>");
    assert_eq!(
        <typed_layout::Le<i16>>::LAYOUT.byte_order(),
        Some(ByteOrder::Little)
    );
    assert_eq!(<[[u16; 3]; 2]>::LAYOUT.size, 12);
    assert_eq!(format!("{:?}", Be::new(2.5f64)), "2.5");
}
