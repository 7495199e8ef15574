//! `.npy` to Parquet or Arrow IPC in batches of rows: memory stays
//! bounded by one batch and one row group, whatever the file's size.

use super::convert::{npy_rows, source};
use super::error::ArrowConvertError;
use super::gather;
use super::plan::{self, Column};
use crate::dtype::Dtype;
use crate::npy::{Npy, NpyHeader};
use arrow_schema::SchemaRef;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::Arc;
use std::vec::Vec;

/// The file a streamed conversion writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum OutputFormat {
    /// Apache Parquet, compressed with [`ConvertOptions::compression`].
    Parquet,
    /// The Arrow IPC file format (Feather v2), uncompressed.
    ArrowIpc,
}

impl OutputFormat {
    /// The format a file name asks for: `.parquet` / `.pq` for Parquet,
    /// `.arrow` / `.feather` / `.ipc` for Arrow IPC; `None` otherwise.
    ///
    /// ```
    /// use typed_layout::arrow::OutputFormat;
    /// assert_eq!(OutputFormat::from_path("people.parquet"), Some(OutputFormat::Parquet));
    /// assert_eq!(OutputFormat::from_path("people.arrow"), Some(OutputFormat::ArrowIpc));
    /// assert_eq!(OutputFormat::from_path("people.csv"), None);
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Option<OutputFormat> {
        let extension = path.as_ref().extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "parquet" | "pq" => Some(OutputFormat::Parquet),
            "arrow" | "feather" | "ipc" => Some(OutputFormat::ArrowIpc),
            _ => None,
        }
    }
}

/// How Parquet pages are compressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParquetCompression {
    /// No compression.
    None,
    /// Snappy: fast, modest ratio; what pyarrow writes by default.
    Snappy,
    /// Zstandard at a level from 1 (fast) to 22 (small).
    Zstd(i32),
    /// LZ4 (Parquet's `LZ4_RAW`).
    Lz4,
}

impl ParquetCompression {
    /// Parses `none`, `snappy`, `lz4`, `zstd` or `zstd:LEVEL`.
    ///
    /// ```
    /// use typed_layout::arrow::ParquetCompression;
    /// assert_eq!(ParquetCompression::parse("zstd:9"), Some(ParquetCompression::Zstd(9)));
    /// assert_eq!(ParquetCompression::parse("gzip"), None);
    /// ```
    pub fn parse(text: &str) -> Option<ParquetCompression> {
        match text.to_ascii_lowercase().as_str() {
            "none" | "uncompressed" => Some(ParquetCompression::None),
            "snappy" => Some(ParquetCompression::Snappy),
            "lz4" => Some(ParquetCompression::Lz4),
            "zstd" => Some(ParquetCompression::Zstd(3)),
            other => {
                let level = other.strip_prefix("zstd:")?.parse().ok()?;
                Some(ParquetCompression::Zstd(level))
            }
        }
    }

    fn to_parquet(self) -> Result<Compression, ArrowConvertError> {
        Ok(match self {
            ParquetCompression::None => Compression::UNCOMPRESSED,
            ParquetCompression::Snappy => Compression::SNAPPY,
            ParquetCompression::Zstd(level) => Compression::ZSTD(ZstdLevel::try_new(level)?),
            ParquetCompression::Lz4 => Compression::LZ4_RAW,
        })
    }
}

/// Options of a streamed conversion ([`convert_npy`]).
///
/// ```
/// use typed_layout::arrow::{ConvertOptions, OutputFormat, ParquetCompression};
/// let options = ConvertOptions::new(OutputFormat::Parquet).compression(ParquetCompression::Zstd(3));
/// assert_eq!(options.batch_bytes, 8 << 20);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ConvertOptions {
    /// The output file format.
    pub format: OutputFormat,
    /// Parquet compression (ignored for Arrow IPC). Default: Snappy.
    pub compression: ParquetCompression,
    /// Input bytes converted per `RecordBatch` (at least one row).
    /// Default: 8 MiB.
    pub batch_bytes: usize,
    /// Rows per `RecordBatch`, when set: overrides
    /// [`batch_bytes`](Self::batch_bytes). Default: `None`.
    pub batch_rows: Option<usize>,
    /// Input bytes per Parquet row group, which the writer holds in memory
    /// until the group is complete (at least one batch). Default: 64 MiB.
    pub row_group_bytes: usize,
}

impl ConvertOptions {
    /// The defaults for `format`.
    pub fn new(format: OutputFormat) -> ConvertOptions {
        ConvertOptions {
            format,
            compression: ParquetCompression::Snappy,
            batch_bytes: 8 << 20,
            batch_rows: None,
            row_group_bytes: 64 << 20,
        }
    }

    /// The same options with another compression.
    pub fn compression(mut self, compression: ParquetCompression) -> ConvertOptions {
        self.compression = compression;
        self
    }

    /// The same options with another batch size, in input bytes.
    pub fn batch_bytes(mut self, bytes: usize) -> ConvertOptions {
        self.batch_bytes = bytes;
        self
    }

    /// The same options with batches of `rows` rows (at least one),
    /// whatever their size in bytes.
    ///
    /// ```
    /// use typed_layout::{arrow, npy};
    /// use typed_layout::arrow::{ConvertOptions, OutputFormat};
    ///
    /// let mut file = Vec::new();
    /// npy::write_slice(&mut file, &[0.5f64; 1000])?;
    /// let options = ConvertOptions::new(OutputFormat::ArrowIpc).batch_rows(300);
    /// let summary = arrow::convert_npy(&file[..], Vec::new(), &options, |_| {})?;
    /// assert_eq!(summary.batches, 4); // 300 + 300 + 300 + 100
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn batch_rows(mut self, rows: usize) -> ConvertOptions {
        self.batch_rows = Some(rows);
        self
    }
}

/// How far a streamed conversion is, passed to its progress callback
/// after each batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Rows written so far.
    pub rows_done: u64,
    /// Rows in the file.
    pub rows: u64,
    /// Data bytes converted so far.
    pub bytes_done: u64,
    /// Data bytes in the file.
    pub bytes: u64,
}

/// What a streamed conversion wrote.
#[derive(Clone, Debug)]
pub struct ConvertSummary {
    /// The schema of the output.
    pub schema: SchemaRef,
    /// Rows written.
    pub rows: u64,
    /// `RecordBatch`es written.
    pub batches: u64,
}

/// Converts a `.npy` stream to a Parquet or Arrow IPC file, reading and
/// converting `options.batch_bytes` of data at a time: memory stays at
/// about one batch (plus, for Parquet, one row group) for any file size.
/// Rows are the first axis (see
/// [`npy_to_record_batch`](super::npy_to_record_batch)). With the `rayon`
/// feature each batch's columns are gathered in parallel.
///
/// ```
/// use typed_layout::{arrow, npy, PixelLayout};
/// use typed_layout::arrow::{ConvertOptions, OutputFormat};
///
/// #[derive(Clone, Copy, PixelLayout)]
/// #[repr(C, packed)]
/// struct Person { name: [u8; 32], age: i32, salary: f64 }
///
/// let people = vec![Person { name: [b'x'; 32], age: 40, salary: 1.0e5 }; 1000];
/// let mut file = Vec::new();
/// npy::write_slice(&mut file, &people)?;
///
/// let mut parquet = Vec::new();
/// let options = ConvertOptions::new(OutputFormat::Parquet).batch_bytes(10_000);
/// let mut calls = 0;
/// let summary = arrow::convert_npy(&file[..], &mut parquet, &options, |progress| {
///     calls += 1;
///     assert!(progress.rows_done <= progress.rows);
/// })?;
/// assert_eq!((summary.rows, summary.batches, calls), (1000, 5, 5)); // 227 rows a batch
/// assert_eq!(&parquet[..4], b"PAR1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// * [`ArrowConvertError::Npy`]: the header is invalid or could not be read.
/// * [`ArrowConvertError::Truncated`]: the data ends before the header says.
/// * [`ArrowConvertError::FortranOrder`], [`ArrowConvertError::Unsupported`]:
///   the rows cannot be converted (see [`schema`](super::schema)).
/// * [`ArrowConvertError::Parquet`], [`ArrowConvertError::Arrow`],
///   [`ArrowConvertError::Io`]: writing failed.
pub fn convert_npy<R: Read, W: Write + Send>(
    mut reader: R,
    writer: W,
    options: &ConvertOptions,
    mut progress: impl FnMut(&Progress),
) -> Result<ConvertSummary, ArrowConvertError> {
    let header = NpyHeader::read_from(&mut reader)?;
    let (dtype, rows) = npy_rows(&header)?;
    let mut job = Job::start(&dtype, rows, writer, options)?;
    let mut chunk = Vec::new();
    let chunk_len = job.batch_bytes(&dtype)?;
    chunk.try_reserve_exact(chunk_len).map_err(|error| {
        ArrowConvertError::from(arrow_schema::ArrowError::MemoryError(std::format!(
            "a batch of {chunk_len} bytes ({} rows): {error}",
            job.batch_rows
        )))
    })?;
    chunk.resize(chunk_len, 0);
    let total = header.data_len() as u64;
    while job.rows_done < rows {
        let want = (rows - job.rows_done).min(job.batch_rows) * dtype.itemsize();
        let filled = fill(&mut reader, &mut chunk[..want])?;
        if filled < want {
            return Err(ArrowConvertError::Truncated {
                expected: total,
                found: (job.rows_done * dtype.itemsize() + filled) as u64,
            });
        }
        job.write(&chunk[..want], &dtype)?;
        progress(&job.progress(total));
    }
    job.finish()
}

/// [`convert_npy`] for a `.npy` file already in memory or mapped
/// ([`NpyFile::read`](crate::NpyFile::read), or the memory-mapped
/// [`NpyFile::map`](crate::NpyFile::map)): the batches are converted from its data
/// in place, so the only memory used is one batch's columns (and, for
/// Parquet, one row group).
///
/// ```
/// use typed_layout::{arrow, npy, Npy};
/// use typed_layout::arrow::{ConvertOptions, OutputFormat};
///
/// let mut file = Vec::new();
/// npy::write_slice(&mut file, &[1u16, 2, 3])?;
/// let mut ipc = Vec::new();
/// let options = ConvertOptions::new(OutputFormat::ArrowIpc);
/// let summary = arrow::convert_npy_data(&Npy::from_bytes(&file)?, &mut ipc, &options, |_| {})?;
/// assert_eq!(summary.rows, 3);
/// assert_eq!(&ipc[..6], b"ARROW1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// As [`convert_npy`], without the reading errors.
pub fn convert_npy_data<W: Write + Send>(
    npy: &Npy<'_>,
    writer: W,
    options: &ConvertOptions,
    mut progress: impl FnMut(&Progress),
) -> Result<ConvertSummary, ArrowConvertError> {
    let (dtype, rows) = npy_rows(npy.header())?;
    let mut job = Job::start(&dtype, rows, writer, options)?;
    let total = npy.data().len() as u64;
    let step = job.batch_bytes(&dtype)?;
    if step > 0 {
        for chunk in npy.data().chunks(step) {
            job.write(chunk, &dtype)?;
            progress(&job.progress(total));
        }
    }
    job.finish()
}

enum Sink<W: Write + Send> {
    Parquet(ArrowWriter<W>),
    Ipc(arrow_ipc::writer::FileWriter<W>),
}

struct Job<W: Write + Send> {
    columns: Vec<Column>,
    schema: SchemaRef,
    sink: Sink<W>,
    batch_rows: usize,
    rows: usize,
    rows_done: usize,
    batches: u64,
    itemsize: usize,
}

impl<W: Write + Send> Job<W> {
    /// The bytes of one full batch (`batch_rows` records of `dtype`).
    fn batch_bytes(&self, dtype: &Dtype) -> Result<usize, ArrowConvertError> {
        let itemsize = dtype.itemsize();
        Ok(self
            .batch_rows
            .checked_mul(itemsize)
            .ok_or(crate::error::ViewError::Overflow {
                len: self.batch_rows,
                stride: isize::try_from(itemsize).unwrap_or(isize::MAX),
            })?)
    }

    fn start(
        dtype: &Dtype,
        rows: usize,
        writer: W,
        options: &ConvertOptions,
    ) -> Result<Self, ArrowConvertError> {
        let columns = plan::columns(dtype)?;
        let schema = Arc::new(plan::schema(&columns));
        let itemsize = dtype.itemsize();
        if itemsize == 0 && rows > 0 {
            return Err(super::convert::zero_itemsize(dtype));
        }
        // A batch never holds more rows than the file, so a huge
        // `batch_rows` asks for no more memory than the data itself.
        let batch_rows = options
            .batch_rows
            .unwrap_or(options.batch_bytes / itemsize.max(1))
            .clamp(1, rows.max(1));
        let sink = match options.format {
            OutputFormat::Parquet => {
                let group_rows = (options.row_group_bytes / itemsize.max(1)).max(batch_rows);
                let properties = WriterProperties::builder()
                    .set_compression(options.compression.to_parquet()?)
                    .set_max_row_group_row_count(Some(group_rows))
                    .build();
                Sink::Parquet(ArrowWriter::try_new(
                    writer,
                    schema.clone(),
                    Some(properties),
                )?)
            }
            OutputFormat::ArrowIpc => {
                Sink::Ipc(arrow_ipc::writer::FileWriter::try_new(writer, &schema)?)
            }
        };
        Ok(Job {
            columns,
            schema,
            sink,
            batch_rows,
            rows,
            rows_done: 0,
            batches: 0,
            itemsize,
        })
    }

    fn write(&mut self, data: &[u8], dtype: &Dtype) -> Result<(), ArrowConvertError> {
        let source = source(data, dtype, self.rows_done)?;
        #[cfg(feature = "rayon")]
        let batch = gather::par_batch(&self.columns, self.schema.clone(), &source)?;
        #[cfg(not(feature = "rayon"))]
        let batch = gather::batch(&self.columns, self.schema.clone(), &source)?;
        match &mut self.sink {
            Sink::Parquet(writer) => writer.write(&batch)?,
            Sink::Ipc(writer) => writer.write(&batch)?,
        }
        self.rows_done += batch.num_rows();
        self.batches += 1;
        Ok(())
    }

    fn progress(&self, bytes: u64) -> Progress {
        Progress {
            rows_done: self.rows_done as u64,
            rows: self.rows as u64,
            bytes_done: (self.rows_done * self.itemsize) as u64,
            bytes,
        }
    }

    fn finish(self) -> Result<ConvertSummary, ArrowConvertError> {
        match self.sink {
            Sink::Parquet(writer) => {
                writer.close()?;
            }
            Sink::Ipc(mut writer) => writer.finish()?,
        }
        Ok(ConvertSummary {
            schema: self.schema,
            rows: self.rows_done as u64,
            batches: self.batches,
        })
    }
}

/// Reads into `buf` until it is full or the stream ends; returns the bytes
/// read.
fn fill(reader: &mut impl Read, buf: &mut [u8]) -> Result<usize, ArrowConvertError> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(source) => {
                return Err(ArrowConvertError::Io {
                    action: "read the .npy data",
                    source,
                })
            }
        }
    }
    Ok(filled)
}
