/// The aligned record with its padding made an explicit `_pad` field.
#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
pub struct Employee {
    pub name: [u8; 32],
    pub age: i32,
    _pad: [u8; 4],
    pub salary: f64,
}
