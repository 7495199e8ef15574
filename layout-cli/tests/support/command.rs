//! Running the `typed-layout` binary in a test directory of its own.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs the command with `args` in `dir`.
pub fn run(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_typed-layout"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run typed-layout")
}

/// Output bytes as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// An empty directory `name` under the target's test directory (one per
/// test: a directory left by an earlier run is emptied first).
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a test directory");
    dir
}
