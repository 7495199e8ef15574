/// A record holding another derived record.
#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Labeled {
    label: u32,
    point: Point,
}
