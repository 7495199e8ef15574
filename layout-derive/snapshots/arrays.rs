/// Arrays, arrays of arrays and an array of derived pixels.
#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
pub struct Frame {
    pub gains: [f32; 4],
    pub pixels: [[Bgra8; 2]; 2],
    pub lut: [[u8; 3]; 2],
    pub _reserved: [u8; 2],
}
