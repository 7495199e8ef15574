//! Where the generated code goes: stdout, or the `--output` file.

use std::io::Write;
use std::path::Path;

/// Writes `code` to `output`, or to stdout.
pub(crate) fn write_code(code: &str, output: Option<&Path>) -> Result<(), String> {
    match output {
        Some(path) => std::fs::write(path, code)
            .map_err(|e| format!("could not write {}: {e}", path.display())),
        None => std::io::stdout()
            .lock()
            .write_all(code.as_bytes())
            .map_err(|e| format!("could not write to stdout: {e}")),
    }
}

/// Writes the information block to stderr.
pub(crate) fn inform(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}
