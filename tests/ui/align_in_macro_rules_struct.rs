//! A struct written by `macro_rules!` with its name passed in: the error of
//! the whole struct points at the `align` attribute in the macro.
use typed_layout::PixelLayout;

macro_rules! aligned {
    ($name:ident) => {
        #[derive(Clone, Copy, PixelLayout)]
        #[repr(C, align(8))]
        struct $name {
            x: u16,
        }
    };
}

aligned!(Point);

fn main() {}
