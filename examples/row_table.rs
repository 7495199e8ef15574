//! Seed 002: an 8192x8192 RGBX image stored in blocks of rows, copied to
//! contiguous RGB in one pass, against the chunk-join-copy path and memcpy.
//!
//! `cargo run --release --example row_table`
#![forbid(unsafe_code)]

#[path = "scenarios/row_table.rs"]
mod row_table;

fn main() -> Result<(), typed_layout::ViewError> {
    println!("row table");
    row_table::run(8192)?;
    Ok(())
}
