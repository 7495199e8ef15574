//! `typed-layout dtype`: the struct for a dtype given as text.

use super::output::{inform, write_code};
use std::path::PathBuf;
use typed_layout_cli::{describe_dtype, rust_definition_with, Options};
use typed_layout_core::Dtype;

/// Arguments of `typed-layout dtype`.
#[derive(clap::Args, Debug)]
pub(crate) struct Args {
    /// The dtype: a descr literal ("[('x', '<f8')]"), a NumPy dtype string
    /// ('<f8', 'float64', 'i4, f8') or a PEP 3118 format ('T{d:x:}')
    dtype: String,
    /// The Rust type's name
    #[arg(long, default_value = "Record", value_parser = super::type_name)]
    name: String,
    /// Write the code to this file instead of stdout
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Every multi-byte number as Le<T>/Be<T> (alignment 1): views data at any offset
    #[arg(long)]
    unaligned: bool,
}

pub(crate) fn run(args: Args) -> Result<(), String> {
    let dtype = Dtype::parse(&args.dtype).map_err(|e| e.to_string())?;
    let mut options = Options::default();
    options.unaligned = args.unaligned;
    let generated =
        rust_definition_with(&dtype, &args.name, &options).map_err(|e| e.to_string())?;
    let mut info = describe_dtype(&dtype);
    for warning in &generated.warnings {
        info.push_str(&format!("warning:    {warning}\n"));
    }
    if !generated.features.is_empty() {
        info.push_str(&format!(
            "note:       the types need typed-layout's feature(s) {}\n",
            generated.features.join(", ")
        ));
    }
    inform(&info);
    write_code(&generated.source, args.output.as_deref())
}
