/// `repr(transparent)` with a zero-sized marker, and a raw identifier.
#[derive(Clone, Copy, PixelLayout)]
#[repr(transparent)]
pub struct Meters {
    _unit: [u8; 0],
    pub r#type: f64,
}
