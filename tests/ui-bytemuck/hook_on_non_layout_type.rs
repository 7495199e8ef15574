//! The derive's bytemuck hook cannot be pointed at a type that is not a
//! layout type (a `bool` field has invalid bit patterns).
#![forbid(unsafe_code)]

#[derive(Clone, Copy)]
#[repr(C)]
struct HasBool {
    flag: bool,
}

typed_layout::__private::impl_bytemuck!(HasBool);

fn main() {}
