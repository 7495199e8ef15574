//! The command's one `unsafe` operation: memory-mapping the input of
//! `convert --map`.
//!
//! `NpyFile::map` is an `unsafe fn` because nobody may modify or truncate a
//! file while it is mapped (memmap2's contract), and no program can check
//! that other processes keep away. The command does not promise it on its
//! own: the user does, by passing `--map`, whose help says so. Without the
//! flag the input is read instead, which is safe.

use crate::commands::convert::Args;
use typed_layout_core::{NpyError, NpyFile};

/// The input mapped, when the user passed `--map`; `None` otherwise.
///
/// The mapping is dropped when the conversion ends, before the command
/// exits.
pub(crate) fn map_if_promised(args: &Args) -> Option<Result<NpyFile, NpyError>> {
    if !args.map {
        return None;
    }
    // SAFETY: `NpyFile::map` requires that the file is not modified or
    // truncated while the returned `NpyFile` lives. `args` is the parsed
    // command line and `args.map` is set only by `--map`, whose help makes
    // exactly that the user's promise for as long as the command runs,
    // which covers the mapping's life (it is dropped inside `convert::run`).
    // The command itself never writes the input: it opens it read-only, and
    // `convert::run` refuses an output that is the same file as the input
    // and writes the output to a new temporary file.
    Some(unsafe { NpyFile::map(&args.input) })
}
