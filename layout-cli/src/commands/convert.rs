//! `typed-layout convert`: a `.npy` file to Parquet or an Arrow IPC file,
//! streamed in batches of rows (typed-layout's `arrow` feature).
//!
//! The input is read through `io::Read` by default, in bounded memory;
//! `--map` memory-maps it instead, on the user's promise that nobody
//! changes the file meanwhile (see `raw.rs`). The output is written to a
//! temporary file beside it and renamed at the end, so a failed conversion
//! leaves no half-written file (and an existing file untouched).

use std::fs::File;
use std::io::{BufReader, BufWriter, IsTerminal};
use std::path::{Path, PathBuf};
use std::time::Instant;
use typed_layout_core::arrow::{
    self, ArrowConvertError, ConvertOptions, ConvertSummary, OutputFormat, ParquetCompression,
    Progress,
};

/// Files at least this large get a progress bar (when stderr is a
/// terminal): smaller ones convert in well under a second.
const PROGRESS_BAR_BYTES: u64 = 64 << 20;

/// Arguments of `typed-layout convert`.
#[derive(clap::Args, Debug)]
#[command(after_help = "\
The input is read through io::Read in batches: memory stays at about one batch and \
one Parquet row group (64 MiB of input), whatever the file's size. Rows are the \
first axis of the array; further axes become a fixed-size list in each row.")]
pub(crate) struct Args {
    /// The .npy file to convert
    pub(crate) input: PathBuf,
    /// The output: .parquet (or .pq) for Parquet, .arrow (.ipc, .feather) for
    /// an Arrow IPC file
    #[arg(value_parser = output_path)]
    output: PathBuf,
    /// Parquet compression: none, snappy, lz4, zstd or zstd:LEVEL (1 to 22)
    /// [default: snappy]
    #[arg(long, short, value_parser = compression)]
    compression: Option<ParquetCompression>,
    /// Rows per record batch (and per Parquet page run) [default: 8 MiB of
    /// input]
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    batch_rows: Option<u64>,
    /// Memory-map the input instead of reading it. You promise that no
    /// process modifies or truncates the file until the command ends; if one
    /// does, the conversion may read changing bytes or the process may be
    /// killed (SIGBUS). Without --map the file is read, which is safe
    #[arg(long)]
    pub(crate) map: bool,
    /// Print nothing on success (no progress bar, no summary)
    #[arg(long, short)]
    quiet: bool,
}

/// Parses the output path: its extension names the format.
fn output_path(text: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(text);
    match OutputFormat::from_path(&path) {
        Some(_) => Ok(path),
        None => Err(format!(
            "{text}: unknown output format {}; use .parquet (or .pq) for Parquet, .arrow \
             (.ipc, .feather) for Arrow IPC",
            match path.extension() {
                Some(ext) => format!("`.{}`", ext.to_string_lossy()),
                None => "(no extension)".to_string(),
            }
        )),
    }
}

/// Parses `--compression`.
fn compression(text: &str) -> Result<ParquetCompression, String> {
    let usage = "use none, snappy, lz4, zstd or zstd:LEVEL (LEVEL 1 to 22)";
    match ParquetCompression::parse(text) {
        Some(ParquetCompression::Zstd(level)) if !(1..=22).contains(&level) => {
            Err(format!("zstd level {level} is out of range; {usage}"))
        }
        Some(compression) => Ok(compression),
        None => Err(format!("unknown compression `{text}`; {usage}")),
    }
}

pub(crate) fn run(args: Args) -> Result<(), String> {
    let input = args.input.display().to_string();
    let output = args.output.display().to_string();
    let format = OutputFormat::from_path(&args.output).ok_or_else(|| {
        // Checked by the argument parser already.
        format!("{output}: unknown output format")
    })?;
    if format == OutputFormat::ArrowIpc && args.compression.is_some() {
        return Err(format!(
            "--compression applies to Parquet; {output} is an Arrow IPC file, written \
             uncompressed"
        ));
    }
    let mut options = ConvertOptions::new(format);
    if let Some(compression) = args.compression {
        options = options.compression(compression);
    }
    if let Some(rows) = args.batch_rows {
        options = options.batch_rows(usize::try_from(rows).unwrap_or(usize::MAX));
    }
    let size = std::fs::metadata(&args.input)
        .map_err(|e| format!("could not open {input}: {e}"))?
        .len();
    if same_file::is_same_file(&args.input, &args.output).unwrap_or(false) {
        return Err(format!(
            "{output} is the input file; write the output to another file"
        ));
    }

    let started = Instant::now();
    let bar = progress_bar(size, args.quiet);
    let on_batch = |progress: &Progress| {
        if let Some(bar) = &bar {
            bar.set_length(progress.bytes);
            bar.set_position(progress.bytes_done);
        }
    };
    let summary = with_temporary_output(&args.output, |writer| {
        if let Some(mapped) = crate::raw::map_if_promised(&args) {
            let file = mapped.map_err(|e| Failure::Input(e.to_string()))?;
            arrow::convert_npy_data(&file.as_npy(), writer, &options, on_batch)
                .map_err(Failure::from)
        } else {
            let file = File::open(&args.input)
                .map_err(|e| Failure::Input(format!("could not open {input}: {e}")))?;
            arrow::convert_npy(BufReader::new(file), writer, &options, on_batch)
                .map_err(Failure::from)
        }
    });
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let summary = summary.map_err(|failure| match failure {
        Failure::Input(message) if message.contains(&input) => message,
        Failure::Input(message) => format!("could not convert {input}: {message}"),
        Failure::Output(message) => format!("could not write {output}: {message}"),
    })?;
    if !args.quiet {
        eprintln!(
            "{input} -> {output}: {}, {:.2} s",
            describe(&summary, &options),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

/// A conversion failure, on the input's side or the output's.
enum Failure {
    Input(String),
    Output(String),
}

impl From<ArrowConvertError> for Failure {
    fn from(error: ArrowConvertError) -> Failure {
        match error {
            // The Parquet and Arrow writers fail on the output (a full disk,
            // or a value they refuse to encode).
            ArrowConvertError::Parquet(_) | ArrowConvertError::Arrow(_) => {
                Failure::Output(error.to_string())
            }
            // Everything else is about the input: its header, its dtype,
            // its data or reading it.
            _ => Failure::Input(error.to_string()),
        }
    }
}

/// Runs `convert` with a writer to a temporary file beside `path`, then
/// renames it to `path`; on failure the temporary file is removed.
fn with_temporary_output(
    path: &Path,
    convert: impl FnOnce(&mut BufWriter<File>) -> Result<ConvertSummary, Failure>,
) -> Result<ConvertSummary, Failure> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temporary = path.with_file_name(format!(".{name}.{}.partial", std::process::id()));
    let file = File::create(&temporary).map_err(|e| {
        Failure::Output(format!(
            "could not create {} (beside it, renamed at the end): {e}",
            temporary.display()
        ))
    })?;
    let mut writer = BufWriter::new(file);
    let result = convert(&mut writer).and_then(|summary| {
        writer
            .into_inner()
            .map_err(|e| Failure::Output(e.error().to_string()))?;
        std::fs::rename(&temporary, path).map_err(|e| {
            Failure::Output(format!("could not rename {}: {e}", temporary.display()))
        })?;
        Ok(summary)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

/// A progress bar on stderr for a large file, when stderr is a terminal.
fn progress_bar(size: u64, quiet: bool) -> Option<indicatif::ProgressBar> {
    if quiet || size < PROGRESS_BAR_BYTES || !std::io::stderr().is_terminal() {
        return None;
    }
    let style = indicatif::ProgressStyle::with_template(
        "{bar:40} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec}, {eta} left",
    )
    .ok()?;
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(size),
        indicatif::ProgressDrawTarget::stderr(),
    );
    bar.set_style(style);
    Some(bar)
}

/// "3 rows of 3 columns (name, age, salary) in 1 batch, Parquet (snappy)".
fn describe(summary: &ConvertSummary, options: &ConvertOptions) -> String {
    let names: Vec<&str> = summary
        .schema
        .fields()
        .iter()
        .map(|field| field.name().as_str())
        .collect();
    let format = match options.format {
        OutputFormat::Parquet => format!(
            "Parquet ({})",
            match options.compression {
                ParquetCompression::None => "uncompressed".to_string(),
                ParquetCompression::Snappy => "snappy".to_string(),
                ParquetCompression::Lz4 => "lz4".to_string(),
                ParquetCompression::Zstd(level) => format!("zstd level {level}"),
                other => format!("{other:?}"),
            }
        ),
        _ => "Arrow IPC".to_string(),
    };
    format!(
        "{} rows of {} column{} ({}) in {} batch{}, {format}",
        summary.rows,
        names.len(),
        if names.len() == 1 { "" } else { "s" },
        names.join(", "),
        summary.batches,
        if summary.batches == 1 { "" } else { "es" },
    )
}
