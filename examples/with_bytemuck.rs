//! The `bytemuck` feature: a derived type is also `bytemuck::Pod`, so the
//! crates that speak bytemuck (GPU buffer uploads, casts) take it as is.
//!
//! `cargo run --example with_bytemuck --features bytemuck`
#![forbid(unsafe_code)]

use typed_layout::ext::bytemuck;
use typed_layout::{Be, PixelLayout, Records};

/// A vertex as a GPU buffer holds it.
#[derive(Clone, Copy, Debug, PartialEq, PixelLayout)]
#[repr(C)]
struct Vertex {
    position: [f32; 3],
    color: [u8; 4],
}

/// A record from a big-endian network capture.
#[derive(Clone, Copy, Debug, PixelLayout)]
#[repr(C, packed)]
struct Packet {
    sequence: Be<u32>,
    length: Be<u16>,
    flags: u8,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let vertices: Vec<Vertex> = (0..4)
        .map(|i| Vertex {
            position: [i as f32, 0.5 * i as f32, 1.0],
            color: [60 * i as u8, 128, 0, 255],
        })
        .collect();
    // What a GPU upload takes: the vertices' bytes, no copy.
    let upload: &[u8] = bytemuck::cast_slice(&vertices);
    println!(
        "{} vertices -> {} bytes for the GPU",
        vertices.len(),
        upload.len()
    );

    // The same bytes viewed back, with columns per field.
    let records = Records::<Vertex>::from_bytes(upload)?;
    let reds: Vec<u8> = records.columns().color.iter().map(|c| c[0]).collect();
    println!("red channel of every vertex: {reds:?}");
    assert_eq!(bytemuck::cast_slice::<u8, Vertex>(upload), &vertices[..]);

    // Big-endian fields are Pod too: one packet read out of a byte stream.
    let wire = [0, 0, 1, 0, 0, 64, 0b101];
    let packet: Packet = bytemuck::pod_read_unaligned(&wire);
    println!(
        "packet {} of {} bytes, flags {:#05b}",
        packet.sequence.get(),
        packet.length.get(),
        packet.flags
    );
    assert_eq!((packet.sequence.get(), packet.length.get()), (256, 64));
    Ok(())
}
