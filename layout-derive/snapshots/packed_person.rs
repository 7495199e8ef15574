/// NumPy's default (packed) record: 44 bytes, `salary` unaligned.
#[derive(Clone, Copy, PixelLayout)]
#[repr(C, packed)]
pub struct Person {
    pub name: [u8; 32],
    pub age: i32,
    pub salary: f64,
}
