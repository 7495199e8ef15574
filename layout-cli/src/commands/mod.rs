//! The subcommands, one module each: a clap `Args` struct and a `run`.
//! A new subcommand (a `convert` for Arrow and Parquet, say) is a module
//! here, a variant of [`Command`] and an arm of [`run`].

mod dtype;
mod inspect;
mod output;

use clap::Subcommand;

/// What to do.
#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Describe a .npy file (or every array of a .npz archive) and print the
    /// Rust struct that views it
    Inspect(inspect::Args),
    /// Describe a dtype (a descr literal, a NumPy dtype string or a PEP
    /// 3118 format) and print the Rust struct that has it
    Dtype(dtype::Args),
}

/// Runs a subcommand; the error is the message to print.
pub(crate) fn run(command: Command) -> Result<(), String> {
    match command {
        Command::Inspect(args) => inspect::run(args),
        Command::Dtype(args) => dtype::run(args),
    }
}

/// Parses `--name`: a Rust type name.
pub(crate) fn type_name(text: &str) -> Result<String, String> {
    typed_layout_cli::check_type_name(text).map(|()| text.to_string())
}
