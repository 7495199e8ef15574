//! Raw identifiers: one rule, strip `r#`, wherever the derive emits a name
//! (the field table, channel names, the dtype); the generated view structs
//! keep the Rust identifier.
#![forbid(unsafe_code)]

use typed_layout::{ConvertFrom, HasDtype, PixelLayout, Records};

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct K {
    r#type: u8,
    r#match: [u8; 3],
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Renamed {
    r#match: [u8; 3],
    r#type: u8,
}

/// A padding field first: `type` still matches by name.
#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Plain {
    _pad: u8,
    r#type: u8,
}

fn main() {
    let names: Vec<&str> = K::LAYOUT.fields().iter().map(|f| f.name).collect();
    assert_eq!(names, ["type", "match"]);
    assert_eq!(K::LAYOUT.field("type").map(|f| f.offset), Some(0));
    assert_eq!(K::LAYOUT.field("match").map(|f| f.offset), Some(1));
    assert!(K::LAYOUT.field("r#type").is_none());
    assert!(!K::LAYOUT.field("type").is_some_and(|f| f.padding));

    // The dtype uses the same names as the table.
    let dtype = K::dtype();
    assert_eq!(dtype.to_string(), "[('type', '|u1'), ('match', '|u1', (3,))]");

    // The column struct keeps the Rust identifiers.
    let records = [K { r#type: 7, r#match: [1, 2, 3] }, K { r#type: 8, r#match: [4, 5, 6] }];
    let columns = Records::from_slice(&records).columns();
    assert_eq!(columns.r#type.iter().collect::<Vec<u8>>(), [7, 8]);
    assert_eq!(columns.r#match.get(1), Some([4, 5, 6]));

    // Channels are named without `r#`, so they match across structs.
    let renamed = <Renamed as ConvertFrom<K>>::convert_from(&records[1]);
    assert_eq!((renamed.r#type, renamed.r#match), (8, [4, 5, 6]));
    let plain = <Plain as ConvertFrom<K>>::convert_from(&records[0]);
    assert_eq!((plain._pad, plain.r#type), (0, 7));
}
