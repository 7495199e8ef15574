//! `typed-layout inspect`: the struct for a `.npy` file, or for each array
//! of a `.npz` archive.

use super::output::{inform, write_code};
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use typed_layout_cli::{
    advice, camel_case, describe_header, render_advice, rust_definition_with, use_lines, Options,
};
use typed_layout_core::npz::NpzFile;
use typed_layout_core::NpyHeader;

/// Arguments of `typed-layout inspect`.
#[derive(clap::Args, Debug)]
pub(crate) struct Args {
    /// The .npy file (or .npz archive)
    file: PathBuf,
    /// The Rust type's name (default: the file name in UpperCamelCase)
    #[arg(long, value_parser = super::type_name)]
    name: Option<String>,
    /// Write the code to this file instead of stdout
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Every multi-byte number as Le<T>/Be<T> (alignment 1), so a mapped
    /// file whose data is not aligned can be viewed
    #[arg(long)]
    unaligned: bool,
}

pub(crate) fn run(args: Args) -> Result<(), String> {
    let shown = args.file.display().to_string();
    let is_npz = args
        .file
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("npz"));
    let headers: Vec<(String, NpyHeader)> = if is_npz {
        let archive = NpzFile::read(&args.file).map_err(|e| e.to_string())?;
        let npz = archive.npz().map_err(|e| e.to_string())?;
        let mut headers = Vec::new();
        for key in npz.keys() {
            let entry = npz.get(key).map_err(|e| e.to_string())?;
            headers.push((key.to_string(), entry.header().clone()));
        }
        headers
    } else {
        let file = File::open(&args.file).map_err(|e| format!("could not open {shown}: {e}"))?;
        let header =
            NpyHeader::read_from(BufReader::new(file)).map_err(|e| format!("{shown}: {e}"))?;
        vec![(stem(&args.file), header)]
    };
    let (mut items, mut imports, mut features) = (Vec::new(), Vec::new(), Vec::new());
    for (key, header) in &headers {
        let name = match (&args.name, is_npz) {
            (Some(name), false) => name.clone(),
            (Some(name), true) => format!("{name}{}", camel_case(key)),
            (None, _) => camel_case(key),
        };
        let mut options = Options::default();
        options.unaligned = args.unaligned;
        options.shape = Some(header.shape().to_vec());
        let generated = rust_definition_with(header.dtype(), &name, &options)
            .map_err(|e| format!("{shown}: {e}"))?;
        let what = if is_npz {
            format!("{shown} [{key}]")
        } else {
            shown.clone()
        };
        let mut info = describe_header(&what, header);
        let mut advice = advice(header, &generated, args.unaligned);
        if is_npz {
            for read in advice.reads.iter_mut() {
                *read = read.replace(
                    "NpyFile::read(path)?.",
                    &format!("NpzFile::read(path)?.npz()?.get({key:?})?."),
                );
            }
            advice.map = None;
        }
        info.push_str(&render_advice(&advice, &generated));
        info.push('\n');
        inform(&info);
        items.push(generated.items);
        imports.extend(generated.imports);
        features.extend(generated.features);
    }
    // One `use` block for every array's definitions.
    imports.sort();
    imports.dedup();
    features.sort_unstable();
    features.dedup();
    let mut code = use_lines(&imports);
    if !features.is_empty() {
        code.push_str(&format!(
            "// needs typed-layout's feature(s): {}\n",
            features.join(", ")
        ));
    }
    if !code.is_empty() {
        code.push('\n');
    }
    code.push_str(&items.join("\n"));
    write_code(&code, args.output.as_deref())
}

/// The file name without its extension.
fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}
