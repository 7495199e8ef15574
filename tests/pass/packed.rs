use typed_layout::{PixelLayout, Records, Shape};

#[derive(Clone, Copy, PixelLayout)]
#[repr(C, packed)]
struct Person {
    name: [u8; 32],
    age: i32,
    salary: f64,
}

fn main() {
    assert_eq!(Person::LAYOUT.size, 44);
    assert_eq!(Person::LAYOUT.field("salary").map(|f| f.offset), Some(36));
    assert!(matches!(Person::LAYOUT.shape, Shape::Record { packed: true, .. }));
    let people = [Person { name: [b'a'; 32], age: 30, salary: 1.5 }; 2];
    let columns = Records::from_slice(&people).columns();
    assert_eq!(columns.salary.iter().sum::<f64>(), 3.0);
    assert_eq!(columns.age.get(1), Some(30));
}
