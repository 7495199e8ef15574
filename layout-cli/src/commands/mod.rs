//! The subcommands, one module each: a clap `Args` struct and a `run`.
//! A new subcommand is a module here, a variant of [`Command`] and an arm
//! of [`run`].

#[cfg(feature = "arrow")]
pub(crate) mod convert;
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
    /// Convert a .npy file to Parquet or an Arrow IPC file, streamed in
    /// batches of rows
    #[cfg(feature = "arrow")]
    Convert(convert::Args),
    /// Convert a .npy file to Parquet or Arrow IPC (needs the `arrow` feature)
    #[cfg(not(feature = "arrow"))]
    #[command(hide = true)]
    Convert {
        /// Whatever was given
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
}

/// Runs a subcommand; the error is the message to print.
pub(crate) fn run(command: Command) -> Result<(), String> {
    match command {
        Command::Inspect(args) => inspect::run(args),
        Command::Dtype(args) => dtype::run(args),
        #[cfg(feature = "arrow")]
        Command::Convert(args) => convert::run(args),
        #[cfg(not(feature = "arrow"))]
        Command::Convert { .. } => Err(
            "this typed-layout was built without `convert`; install it with \
             `cargo install typed-layout-cli --features arrow` (in this repository: \
             `cargo run -p typed-layout-cli --features arrow -- convert ...`)"
                .to_string(),
        ),
    }
}

/// Parses `--name`: a Rust type name.
pub(crate) fn type_name(text: &str) -> Result<String, String> {
    typed_layout_cli::check_type_name(text).map(|()| text.to_string())
}
