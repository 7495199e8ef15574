//! `repr(transparent)` with zero-sized fields before and after the data
//! field: the compiler may place them anywhere (`offset_of!` says where), so
//! the proof is by size, and the mutable views are taken in offset order.
#![forbid(unsafe_code)]

use core::mem::offset_of;
use typed_layout::{ImageViewMut, PixelLayout, Records, RecordsMut};

#[derive(Clone, Copy, PixelLayout)]
#[repr(transparent)]
struct Before {
    _m: [u8; 0],
    v: u32,
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(transparent)]
struct After {
    v: u32,
    _m: [u8; 0],
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(transparent)]
struct Both {
    _a: [u8; 0],
    v: [u16; 3],
    _b: [u8; 0],
    _c: [u8; 0],
}

fn main() {
    assert_eq!((Before::LAYOUT.size, After::LAYOUT.size, Both::LAYOUT.size), (4, 4, 6));
    for (name, offset) in [("_m", offset_of!(Before, _m)), ("v", offset_of!(Before, v))] {
        assert_eq!(Before::LAYOUT.field(name).map(|f| f.offset), Some(offset));
    }
    assert_eq!(After::LAYOUT.field("_m").map(|f| f.offset), Some(offset_of!(After, _m)));

    let mut records = [Before { _m: [], v: 1 }, Before { _m: [], v: 2 }];
    let mut view = RecordsMut::from_slice_mut(&mut records);
    let columns = view.columns_mut();
    let (mut v, _m) = (columns.v, columns._m);
    v.update(|x| x * 10);
    assert_eq!(_m.len(), 2);
    assert_eq!(records.map(|r| r.v), [10, 20]);

    let mut records = [After { v: 3, _m: [] }];
    RecordsMut::from_slice_mut(&mut records).reborrow().columns_mut().v.fill(7);
    assert_eq!(Records::from_slice(&records).columns().v.get(0), Some(7));

    let mut pixels = [Both { _a: [], v: [1, 2, 3], _b: [], _c: [] }; 4];
    let mut image = ImageViewMut::from_slice_mut(&mut pixels, 2, 2).expect("2x2 pixels");
    image.planes_mut().v.fill([9, 9, 9]);
    assert_eq!(pixels[3].v, [9, 9, 9]);
}
