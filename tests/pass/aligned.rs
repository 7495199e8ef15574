use typed_layout::{PixelLayout, Records};

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Person {
    name: [u8; 32],
    age: i32,
    _pad: [u8; 4],
    salary: f64,
}

fn main() {
    assert_eq!(Person::LAYOUT.size, 48);
    assert_eq!(Person::LAYOUT.align, 8);
    assert_eq!(Person::LAYOUT.field("salary").map(|f| f.offset), Some(40));
    let people = [Person { name: [0; 32], age: 1, _pad: [0; 4], salary: 2.0 }; 3];
    let salary = Records::from_slice(&people).columns().salary;
    assert_eq!(salary.as_slice(), None); // 48 bytes apart: a strided column
    assert_eq!(salary.get_ref(2), Some(&2.0)); // but aligned, so references work
}
