//! The `bytemuck` feature: derived types are `bytemuck::Pod` and
//! `Zeroable`, in a crate that forbids unsafe code.
#![cfg(feature = "bytemuck")]
#![forbid(unsafe_code)]

use typed_layout::ext::bytemuck;
use typed_layout::{Be, Le, PixelLayout, Records};

#[path = "support/types.rs"]
mod types;
use types::{Bgra8, Person};

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
struct Tagged {
    pixel: Bgra8,
    id: Be<u32>,
    weight: Le<f32>,
}

fn requires_pod<T: bytemuck::Pod>() {}

#[test]
fn derived_types_are_pod_and_zeroable() {
    requires_pod::<Bgra8>();
    requires_pod::<Person>();
    requires_pod::<Tagged>();
    requires_pod::<Be<f64>>();
    requires_pod::<Le<i16>>();
    let zero: Tagged = bytemuck::Zeroable::zeroed();
    assert_eq!(
        zero.pixel,
        Bgra8 {
            b: 0,
            g: 0,
            r: 0,
            a: 0
        }
    );
    assert_eq!(zero.id.get(), 0);
}

#[test]
fn bytemuck_casts_agree_with_the_views() {
    let pixels = [
        Bgra8 {
            b: 1,
            g: 2,
            r: 3,
            a: 4,
        },
        Bgra8 {
            b: 5,
            g: 6,
            r: 7,
            a: 8,
        },
    ];
    let bytes: &[u8] = bytemuck::cast_slice(&pixels);
    assert_eq!(bytes, &[1, 2, 3, 4, 5, 6, 7, 8]);
    let back: &[Bgra8] = bytemuck::cast_slice(bytes);
    let records = Records::<Bgra8>::from_bytes(bytes).expect("view");
    assert_eq!(records.iter().copied().collect::<Vec<_>>(), back);

    let mut raw = vec![0u8; 44];
    raw[32..36].copy_from_slice(&41i32.to_ne_bytes());
    raw[36..44].copy_from_slice(&2500.5f64.to_ne_bytes());
    let person: Person = bytemuck::pod_read_unaligned(&raw);
    let column = Records::<Person>::from_bytes(&raw)
        .expect("view")
        .columns()
        .salary;
    assert_eq!({ person.salary }, column.get(0).expect("one record"));
    assert_eq!({ person.age }, 41);

    let tagged = Tagged {
        pixel: pixels[1],
        id: Be::new(0x0102_0304),
        weight: Le::new(1.5),
    };
    assert_eq!(&bytemuck::bytes_of(&tagged)[4..8], &[1, 2, 3, 4]);
}
