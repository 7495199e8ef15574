// Every padding of a struct is named in one message, reported at the first.
use typed_layout::PixelLayout;

#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Reading {
    flags: u8,
    value: u32,
    channel: u16,
    id: u64,
    last: u8,
}

fn main() {}
