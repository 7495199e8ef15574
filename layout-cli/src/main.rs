//! `typed-layout`: describe `.npy` files and dtype strings, and print the
//! matching `#[derive(PixelLayout)]` struct.
//!
//! ```text
//! cargo run -p typed-layout-cli -- inspect people.npy [--name Person]
//! cargo run -p typed-layout-cli -- dtype "[('x', '<f4'), ('y', '>f8')]" [--name Point]
//! cargo run -p typed-layout-cli -- dtype "T{32s:name:i:age:=d:salary:}"
//! ```
#![forbid(unsafe_code)]

use std::path::Path;
use std::process::ExitCode;
use typed_layout_cli::{camel_case, describe_dtype, describe_header, render, rust_definition};
use typed_layout_core::{Dtype, NpyHeader};

const USAGE: &str = "usage:
  typed-layout inspect FILE.npy [--name NAME]   shape, dtype, byte order and the Rust struct of a .npy file
  typed-layout dtype DTYPE [--name NAME]        the same for a dtype: a descr literal (\"[('x', '<f8')]\"),
                                                a typestr ('<f8') or a PEP 3118 format ('T{d:x:}')";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(report) => {
            print!("{report}");
            ExitCode::SUCCESS
        }
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Error(message)) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

enum Failure {
    Usage(String),
    Error(String),
}

fn error(e: impl std::fmt::Display) -> Failure {
    Failure::Error(e.to_string())
}

fn run(args: &[String]) -> Result<String, Failure> {
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (command.as_str(), rest),
        None => return Err(Failure::Usage("no command given".into())),
    };
    if matches!(command, "-h" | "--help" | "help") {
        return Ok(format!("{USAGE}\n"));
    }
    let mut target = None;
    let mut name = None;
    let mut rest = rest.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--name" => match rest.next() {
                Some(value) => name = Some(value.clone()),
                None => return Err(Failure::Usage("--name needs a value".into())),
            },
            _ if target.is_none() => target = Some(arg.clone()),
            other => return Err(Failure::Usage(format!("unexpected argument `{other}`"))),
        }
    }
    let Some(target) = target else {
        return Err(Failure::Usage(format!("`{command}` needs an argument")));
    };
    match command {
        "inspect" => {
            let header = std::fs::File::open(&target)
                .map_err(|e| error(format!("could not open {target}: {e}")))
                .and_then(|file| {
                    NpyHeader::read_from(std::io::BufReader::new(file)).map_err(error)
                })?;
            let name = name.unwrap_or_else(|| {
                let stem = Path::new(&target)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                camel_case(&stem)
            });
            let generated = rust_definition(header.dtype(), &name).map_err(error)?;
            let mut report = describe_header(&target, &header);
            report.push_str(&render(&generated, header.dtype()));
            Ok(report)
        }
        "dtype" => {
            let dtype = Dtype::parse(&target).map_err(error)?;
            let name = name.unwrap_or_else(|| "Record".to_string());
            let generated = rust_definition(&dtype, &name).map_err(error)?;
            let mut report = describe_dtype(&dtype);
            report.push_str(&render(&generated, &dtype));
            Ok(report)
        }
        other => Err(Failure::Usage(format!("unknown command `{other}`"))),
    }
}
