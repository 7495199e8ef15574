// Macro calls are refused wherever they stand in a field type, even a macro
// that always expands alike (the derive cannot know): inside generic
// arguments, `Be<..>`, nested arrays, block lengths, qualified paths, and
// types captured by a `macro_rules!` fragment. `!` as an operator in a
// length is not a macro call and is accepted.
#![allow(unused_braces)]
use typed_layout::{Be, PixelLayout};

type Same<T> = T;

trait Pick {
    type Out;
}

impl Pick for u8 {
    type Out = u16;
}

macro_rules! byte {
    () => { u8 };
}

macro_rules! wide {
    () => { u16 };
}

macro_rules! four {
    () => { 4 };
}

macro_rules! layout_struct {
    ($field:ty) => {
        #[derive(Clone, Copy, PixelLayout)]
        #[repr(C, packed)]
        struct Captured {
            value: $field,
        }
    };
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C, packed)]
struct Everywhere {
    generic: Same<byte!()>,
    be: Be<wide!()>,
    nested: [[u8; four!()]; 2],
    element: [[byte!(); 2]; 2],
    block: [u8; { four!() }],
    qualified: <byte!() as Pick>::Out,
    operator: [u8; (!0u8 & 3) as usize],
}

layout_struct!(byte![]);

fn main() {}
