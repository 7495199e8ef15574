/// Fixed byte order fields, as in a network header or a `'>u4'` dtype.
#[derive(Clone, Copy, PixelLayout)]
#[repr(C, packed)]
pub(crate) struct Header {
    magic: Be<u32>,
    length: Le<u64>,
    version: u8,
}
