//! `typed-layout`: describe `.npy` files and dtype strings, and print the
//! matching `#[derive(PixelLayout)]` struct.
//!
//! ```text
//! typed-layout inspect people.npy [--name Person] [--output person.rs]
//! typed-layout dtype "[('x', '<f4'), ('y', '>f8')]" [--name Point]
//! typed-layout dtype "T{32s:name:i:age:=d:salary:}"
//! typed-layout convert people.npy people.parquet [--compression zstd]   # feature `arrow`
//! ```
//!
//! The code goes to stdout (or `--output FILE`), everything else to stderr,
//! so `typed-layout inspect f.npy > f.rs` writes only code. Each subcommand
//! is a module of `commands/`: a clap `Args` struct and a `run`. The one
//! `unsafe` operation (mapping the input of `convert --map`) is in `raw.rs`.
#![deny(unsafe_code)]

mod commands;
#[cfg(feature = "arrow")]
#[allow(unsafe_code)]
mod raw;

use clap::Parser;
use std::process::ExitCode;

/// Describe NumPy files and dtypes, and print the Rust struct that views
/// them (`#[derive(PixelLayout)]`, typed-layout).
#[derive(Parser, Debug)]
#[command(name = "typed-layout", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: commands::Command,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match commands::run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // Our errors carry their cause in their message (no `source()`
            // chain to walk).
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
