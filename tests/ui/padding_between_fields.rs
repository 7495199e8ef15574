use typed_layout::PixelLayout;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Person {
    name: [u8; 30],
    age: i32,
    salary: f64,
}

fn main() {}
