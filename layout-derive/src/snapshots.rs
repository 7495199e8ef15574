//! Expansion snapshots: the derive's output for a few representative structs
//! (`layout-derive/snapshots/NAME.rs`), pretty-printed and compared with
//! `NAME.expanded.rs` next to it, so every change to the generated code
//! shows in review. After a deliberate change, re-bless and read the diff:
//!
//! ```text
//! TYPED_LAYOUT_BLESS=1 cargo test -p typed-layout-derive snapshots
//! ```

use std::fs;
use std::path::{Path, PathBuf};

/// The variable that rewrites the `.expanded.rs` files instead of comparing.
const BLESS: &str = "TYPED_LAYOUT_BLESS";

fn samples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots");
    let mut samples: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| {
            let name = path.file_name().and_then(|name| name.to_str());
            name.is_some_and(|name| name.ends_with(".rs") && !name.ends_with(".expanded.rs"))
        })
        .collect();
    samples.sort();
    samples
}

/// The derive's output for the one `#[derive(PixelLayout)]` struct in
/// `source`, pretty-printed.
fn expand(source: &str) -> String {
    let file = syn::parse_file(source).expect("the sample parses");
    let item = file
        .items
        .into_iter()
        .find_map(|item| match item {
            syn::Item::Struct(item) => Some(item),
            _ => None,
        })
        .expect("the sample has a struct");
    let output = crate::derive(&syn::DeriveInput::from(item));
    let output = syn::parse2::<syn::File>(output).expect("the expansion parses as items");
    prettyplease::unparse(&output)
}

/// The first line (1-based) where `old` and `new` differ.
fn first_difference(old: &str, new: &str) -> Option<usize> {
    let (mut old_lines, mut new_lines) = (old.lines(), new.lines());
    (1..).find_map(|line| match (old_lines.next(), new_lines.next()) {
        (None, None) => Some(None),
        (a, b) if a == b => None,
        _ => Some(Some(line)),
    })?
}

#[test]
fn snapshots() {
    let bless = std::env::var_os(BLESS).is_some_and(|value| value == "1");
    let samples = samples();
    assert!(
        samples.len() >= 5,
        "expected the sample structs, found {samples:?}"
    );
    let mut stale = Vec::new();
    for sample in samples {
        let source = fs::read_to_string(&sample).expect("the sample is readable");
        let expanded = format!(
            "// The expansion of {} (generated: {BLESS}=1 cargo test -p typed-layout-derive snapshots).\n{}",
            sample.file_name().and_then(|name| name.to_str()).unwrap_or_default(),
            expand(&source)
        );
        let snapshot = sample.with_extension("expanded.rs");
        if bless {
            fs::write(&snapshot, &expanded).expect("the snapshot is writable");
        } else {
            let old = fs::read_to_string(&snapshot).unwrap_or_default();
            if let Some(line) = first_difference(&old, &expanded) {
                stale.push(format!("{} (from line {line})", snapshot.display()));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "the derive's output changed for {stale:?}: review the change, then re-bless with \
         {BLESS}=1 cargo test -p typed-layout-derive snapshots and read the diff"
    );
}
