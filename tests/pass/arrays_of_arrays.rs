use typed_layout::{PixelLayout, Records};

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Tile {
    pixels: [[[u8; 4]; 8]; 8],
    matrix: [[f32; 3]; 3],
}

fn main() {
    assert_eq!(Tile::LAYOUT.size, 256 + 36);
    let pixels = Tile::LAYOUT.field("pixels").expect("field pixels");
    assert_eq!(pixels.array_len(), Some(8));
    let matrix = Tile::LAYOUT.field("matrix").expect("field matrix");
    assert_eq!(matrix.offset, 256);
    assert_eq!(matrix.elem_kind(), Some(typed_layout::ElemKind::Float));
    let tiles = [Tile { pixels: [[[1; 4]; 8]; 8], matrix: [[2.0; 3]; 3] }; 2];
    let columns = Records::from_slice(&tiles).columns();
    assert_eq!(columns.matrix.get(1).map(|m| m[2][2]), Some(2.0));
}
