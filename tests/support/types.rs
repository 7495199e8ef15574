//! Layout types shared by the integration tests (each test binary includes
//! this file with `#[path]` and uses what it needs).
#![allow(dead_code)]

use typed_layout::PixelLayout;

/// NumPy's default (packed) record: 44 bytes, `salary` at offset 36.
#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C, packed)]
pub struct Person {
    pub name: [u8; 32],
    pub age: i32,
    pub salary: f64,
}

/// NumPy's `align=True` record: 48 bytes, the gap spelled out.
#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
pub struct AlignedPerson {
    pub name: [u8; 32],
    pub age: i32,
    pub _pad: [u8; 4],
    pub salary: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
pub struct Bgra8 {
    pub b: u8,
    pub g: u8,
    pub r: u8,
    pub a: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
pub struct Rgba8 {
    pub r: u8,
    pub g: u8,
    pub b: u8,
    pub a: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
pub struct Rgb8 {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}
