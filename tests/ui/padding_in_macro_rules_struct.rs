//! A struct written by `macro_rules!` from field names passed in: the
//! padding error still points at the field, in the macro's caller.
use typed_layout::PixelLayout;

macro_rules! record {
    ($name:ident { $($field:ident: $ty:ty),* }) => {
        #[derive(Clone, Copy, PixelLayout)]
        #[repr(C)]
        struct $name { $($field: $ty),* }
    };
}

record!(Person { id: u8, age: u32 });

fn main() {}
