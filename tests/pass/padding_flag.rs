//! The padding rule is recorded in the field table: a field whose name
//! (without `r#`) starts with `_` is padding; every other field is not.
#![forbid(unsafe_code)]

use typed_layout::{ConvertFrom, PixelLayout};

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Person {
    name: [u8; 32],
    age: i32,
    _pad: [u8; 4],
    salary: f64,
    _tail: [u8; 2],
    r#_raw: [u8; 2],
    under_score_inside: [u8; 4],
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Outer {
    inner: Person,
    _gap: u64,
}

fn flags<T: PixelLayout>() -> Vec<(&'static str, bool)> {
    T::LAYOUT.fields().iter().map(|f| (f.name, f.padding)).collect()
}

fn main() {
    assert_eq!(
        flags::<Person>(),
        [
            ("name", false),
            ("age", false),
            ("_pad", true),
            ("salary", false),
            ("_tail", true),
            ("_raw", true),
            ("under_score_inside", false),
        ]
    );
    assert_eq!(flags::<Outer>(), [("inner", false), ("_gap", true)]);
    assert!(Person::LAYOUT.field("_pad").is_some_and(|f| f.is_padding()));
    assert!(!Person::LAYOUT.field("salary").is_some_and(|f| f.is_padding()));
    // Built-in layout types have no fields, so nothing to flag.
    assert!(<[u8; 4]>::LAYOUT.fields().is_empty());

    // Conversion zeroes exactly the fields the table flags.
    let source = Person {
        name: [7; 32],
        age: 3,
        _pad: [9; 4],
        salary: 2.5,
        _tail: [9; 2],
        r#_raw: [9; 2],
        under_score_inside: [5; 4],
    };
    let p = <Person as ConvertFrom<Person>>::convert_from(&source);
    assert_eq!((p.name, p.age, p.salary, p.under_score_inside), ([7; 32], 3, 2.5, [5; 4]));
    assert_eq!((p._pad, p._tail, p.r#_raw), ([0; 4], [0; 2], [0; 2]));
}
