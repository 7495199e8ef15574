//! The `.npy`/`.npz` test files of other projects (NumPy, npyz,
//! ndarray-npy), kept outside the repository in `shared/peer-data` next to
//! the checkout (or where `TYPED_LAYOUT_PEER_DATA` points). Tests that read
//! them print a skip notice and pass when the directory is absent.
#![allow(dead_code)]

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The peer-data directory, if there is one.
pub fn dir() -> Option<PathBuf> {
    if let Ok(dir) = std::env::var("TYPED_LAYOUT_PEER_DATA") {
        return Some(PathBuf::from(dir));
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The checkout sits in the workspace root (`shared/` beside it) or one
    // level deeper (a worktree under `wt/`).
    root.ancestors()
        .skip(1)
        .take(3)
        .map(|up| up.join("shared/peer-data"))
        .find(|dir| dir.is_dir())
}

/// The file at `relative` inside the peer-data directory, or `None` after
/// a skip notice.
pub fn file(relative: &str) -> Option<PathBuf> {
    let path = dir()?.join(relative);
    if path.exists() {
        return Some(path);
    }
    let _ = std::io::stderr().write_all(
        format!(
            "skipped {relative}: not in the peer data (set TYPED_LAYOUT_PEER_DATA to the \
             shared/peer-data directory)\n"
        )
        .as_bytes(),
    );
    None
}
