use typed_layout::{PixelLayout, Records};

use typed_layout::{Be, ByteOrder, Le};

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Header {
    magic: Be<u32>,
    length: Le<u64>,
    scale: Be<f64>,
}

fn main() {
    assert_eq!(Header::LAYOUT.size, 20);
    assert_eq!(Header::LAYOUT.align, 1);
    let scale = Header::LAYOUT.field("scale").expect("field scale");
    assert_eq!(scale.byte_order(), Some(ByteOrder::Big));
    let mut bytes = Vec::new();
    bytes.extend_from_slice(&0xCAFE_F00Du32.to_be_bytes());
    bytes.extend_from_slice(&99u64.to_le_bytes());
    bytes.extend_from_slice(&2.5f64.to_be_bytes());
    let headers = Records::<Header>::from_bytes(&bytes).expect("20 bytes, align 1");
    let header = headers.get(0).expect("one record");
    assert_eq!(header.magic.get(), 0xCAFE_F00D);
    assert_eq!(header.length.get(), 99);
    assert_eq!(headers.columns().scale.get(0).map(Be::get), Some(2.5));
}
