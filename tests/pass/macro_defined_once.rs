//! A macro's expansion used through a type alias or a constant is defined
//! once, so the derive accepts it (the refusals of a macro inside a field
//! type say to write exactly this); a `!` operator in a length is no macro.
#![forbid(unsafe_code)]

use typed_layout::{PixelLayout, Records};
use typed_layout_counter_macro::{counter_len, counter_type};

type Tail = counter_type!();
const LEN: usize = counter_len!();

#[derive(Clone, Copy, PixelLayout)]
#[repr(C, packed)]
struct Defined {
    id: u32,
    tail: Tail,
    bytes: [u8; LEN],
    masked: [u8; (!0u8 & 3) as usize],
}

fn main() {
    let size = 4 + core::mem::size_of::<Tail>() + LEN + 3;
    assert_eq!(Defined::LAYOUT.size, size);
    let field = Defined::LAYOUT.field("tail").map(|f| f.size());
    assert_eq!(field, Some(core::mem::size_of::<Tail>()));
    let bytes = vec![0u8; size * 2];
    assert_eq!(Records::<Defined>::from_bytes(&bytes).map(|r| r.len()), Ok(2));
}
