use typed_layout::{PixelLayout, Records};

#[derive(Clone, Copy, PixelLayout)]
#[repr(transparent)]
struct Meters {
    value: f64,
}

fn main() {
    assert_eq!(Meters::LAYOUT.size, 8);
    let values = [Meters { value: 1.0 }, Meters { value: 2.0 }];
    assert_eq!(Records::from_slice(&values).columns().value.as_slice(), Some(&[1.0, 2.0][..]));
}
