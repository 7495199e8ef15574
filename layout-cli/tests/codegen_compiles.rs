//! Every line of the command's advice works, over the NumPy corpus
//! (scripts/numpy_corpus.py: files written by real NumPy, or by hand as
//! other writers lay them out). For each file the test runs the binary,
//! `typed-layout inspect FILE`, takes the code it prints on stdout and the
//! read calls it prints on stderr, and puts all of them into ONE temporary
//! cargo project (path dependency on the facade `typed-layout`, features
//! `half`, `num-complex`, `npz`) whose `main`:
//!
//! * evaluates every printed read call (`NpyFile::read(path)?.records::<T>()`,
//!   `.image::<P>()`, `.channel_planes::<T>()`, and the mapped
//!   `unsafe { NpyFile::map(path)? }...` form in its one allowed `unsafe`)
//!   and checks the count of what it returns against the file;
//! * writes the records back with `npy::write_as` twice: with the file's
//!   dtype and with the generated type's own dtype (`T::dtype()`).
//!
//! Then NumPy loads what the program wrote (scripts/numpy_corpus.py check):
//! with the file's dtype it must be the same dtype and bytes (and
//! byte-identical to `np.save`); with the generated type's dtype, the same
//! dtype and bytes too, except for the four spellings Rust types do not have
//! (titles, nested sub-arrays, raw `|V` fields, big-endian unicode), which
//! must give the same bytes. Files whose data is not aligned are also
//! generated with `--unaligned`, whose mapped call must work.
//!
//! The project lives in `CARGO_TARGET_TMPDIR/codegen-compiles` with its own
//! target directory next to it, so later runs rebuild only the generated
//! crate. Without NumPy the test prints a skip notice and passes, unless
//! `TYPED_LAYOUT_REQUIRE_NUMPY=1` (tests/support/python.rs).
#![forbid(unsafe_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "../../tests/support/python.rs"]
mod python;

/// Written back with the generated type's dtype, these cannot have the
/// file's dtype (no Rust spelling): compared by bytes.
const BYTES_ONLY: &[&str] = &["titles", "nested_subarray", "unicode_big", "void_field"];

/// Not compiled: 3000 fields take long to build (read value for value by
/// tests/npy_corpus.rs).
const SKIPPED: &[&str] = &["long_header"];

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("layout-cli sits in the workspace")
        .to_path_buf()
}

struct Case {
    module: String,
    file: PathBuf,
    /// The npz key, for archive members.
    key: Option<String>,
    type_name: String,
    source: String,
    reads: Vec<String>,
    map: Option<String>,
    shape: Vec<usize>,
    fortran: bool,
    bytes_only: bool,
}

/// Runs the binary on `file`; returns (stdout, stderr).
fn inspect(file: &Path, extra: &[&str]) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_typed-layout"))
        .arg("inspect")
        .arg(file)
        .args(extra)
        .output()
        .expect("run typed-layout");
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert!(
        out.status.success(),
        "typed-layout inspect {} failed:\n{stderr}",
        file.display()
    );
    (stdout, stderr)
}

/// The advice lines of one array's block of stderr.
fn advice(block: &str) -> (Vec<String>, Option<String>) {
    let reads = block
        .lines()
        .filter_map(|l| l.strip_prefix("read with:  "))
        .map(str::to_string)
        .collect();
    let map = block
        .lines()
        .find_map(|l| l.strip_prefix("or, O(1):   "))
        .and_then(|l| l.split("  (see").next())
        .map(str::to_string);
    (reads, map)
}

fn shape_of(block: &str) -> (Vec<usize>, bool) {
    let line = block
        .lines()
        .find(|l| l.starts_with("shape:"))
        .expect("a shape line");
    let inside = line
        .split('[')
        .nth(1)
        .and_then(|s| s.split(']').next())
        .unwrap_or("");
    let shape = inside
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().expect("a dimension"))
        .collect();
    (shape, line.contains("Fortran order"))
}

fn cases_for(case: &str, file: &Path, kind: &str, unaligned: bool) -> Vec<Case> {
    let module = if unaligned {
        format!("{case}_unaligned")
    } else {
        case.to_string()
    };
    let extra: &[&str] = if unaligned { &["--unaligned"] } else { &[] };
    let (code, info) = inspect(file, extra);
    assert!(!info.contains("warning:"), "{case}: {info}");
    // Only code on stdout: the information block went to stderr.
    assert!(!code.contains("file:") && info.contains("file:"), "{case}");
    let blocks: Vec<&str> = info.split("\nfile:").collect();
    let names: Vec<String> = code
        .lines()
        .filter_map(|l| {
            l.strip_prefix("pub struct ")
                .or_else(|| l.strip_prefix("pub type "))
        })
        .map(|l| l.split([' ', '{', '=']).next().unwrap_or("").to_string())
        .collect();
    let mut out = Vec::new();
    for block in blocks {
        let (reads, map) = advice(block);
        let (shape, fortran) = shape_of(block);
        let key = if kind == "npz" {
            block
                .lines()
                .next()
                .and_then(|l| l.rsplit('[').next())
                .map(|k| k.trim_end_matches(']').to_string())
        } else {
            None
        };
        // The main type is the one the first read call names.
        let type_name = reads
            .first()
            .filter(|r| r.contains("::<"))
            .and_then(|r| r.rsplit("::<").next())
            .map(|r| r.trim_end_matches(">()").to_string())
            .or_else(|| names.first().cloned().filter(|_| names.len() == 1))
            .unwrap_or_default();
        assert!(
            names.contains(&type_name),
            "{case}: {type_name} not in {names:?}"
        );
        out.push(Case {
            module: module.clone(),
            file: file.to_path_buf(),
            key,
            type_name,
            source: code.clone(),
            reads,
            map,
            shape,
            fortran,
            bytes_only: BYTES_ONLY.contains(&case),
        });
    }
    out
}

fn main_rs(cases: &[Case], ours: &Path) -> String {
    let mut out = String::from(
        "//! Generated by layout-cli/tests/codegen_compiles.rs.\n\
         // The mapped calls are the only `unsafe`, each allowed where it is.\n\
         #![deny(unsafe_code)]\n\
         #![deny(warnings)]\n\
         // Generated types are only read through their dtype here.\n\
         #![allow(dead_code)]\n\
         // NumPy's field names keep their case (`t_Y`); the derive's column\n\
         // and plane structs repeat them without the struct's own allow.\n\
         #![allow(non_snake_case)]\n\n\
         use std::error::Error;\n\
         use std::process::ExitCode;\n\
         use typed_layout::npz::{Compression, NpzFile, NpzWriter};\n\
         use typed_layout::{npy, HasDtype, ImageView, NpyError, NpyFile, PixelLayout, Records};\n\n",
    );
    let mut seen = std::collections::BTreeSet::new();
    for case in cases {
        if !seen.insert(case.module.clone()) {
            continue;
        }
        let _ = writeln!(out, "pub mod {} {{", case.module);
        for line in case.source.lines() {
            if line.is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, "    {line}");
            }
        }
        out.push_str("}\n\n");
    }
    out.push_str(
        r#"/// How many values a read call gave.
trait Size {
    fn size(self) -> Result<usize, Box<dyn Error>>;
}
impl<T: PixelLayout, E: Error + 'static> Size for Result<Records<'_, T>, E> {
    fn size(self) -> Result<usize, Box<dyn Error>> { Ok(self?.len()) }
}
impl<P: PixelLayout, E: Error + 'static> Size for Result<ImageView<'_, P>, E> {
    fn size(self) -> Result<usize, Box<dyn Error>> { let i = self?; Ok(i.width() * i.height()) }
}
impl<P: PixelLayout> Size for Result<Vec<ImageView<'_, P>>, NpyError> {
    fn size(self) -> Result<usize, Box<dyn Error>> { Ok(self?.iter().map(|i| i.width() * i.height()).sum()) }
}
impl Size for &[u8] {
    fn size(self) -> Result<usize, Box<dyn Error>> { Ok(self.len()) }
}

fn check(what: &str, got: Result<usize, Box<dyn Error>>, want: &[usize], failed: &mut usize) {
    match got {
        Ok(n) if want.contains(&n) => println!("ok {what}: {n}"),
        Ok(n) => { *failed += 1; println!("FAILED {what}: {n}, want one of {want:?}"); }
        Err(e) => { *failed += 1; println!("FAILED {what}: {e}"); }
    }
}

fn main() -> ExitCode {
    let mut failed = 0;
"#,
    );
    let stem = |case: &Case| {
        ours.join(
            case.file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
        )
        .display()
        .to_string()
    };
    // Read calls, member by member.
    for case in cases {
        let elements: usize = case.shape.iter().product();
        let last = case.shape.last().copied().unwrap_or(1).max(1);
        let _ = writeln!(
            out,
            "    {{\n        use {}::*;\n        let path = {:?};\n        \
             let want = [{elements}, {}, {elements} * std::mem::size_of::<{}>()];",
            case.module,
            case.file.display().to_string(),
            elements / last,
            case.type_name,
        );
        for read in &case.reads {
            let _ = writeln!(
                out,
                "        check({:?}, (|| Size::size({read}))(), &want, &mut failed);",
                format!("{} {read}", case.module),
            );
        }
        if let Some(map) = &case.map {
            let _ = writeln!(
                out,
                "        #[allow(unsafe_code)]\n        \
                 // SAFETY: the corpus files are written before this program\n        \
                 // runs, and nothing modifies them while it does.\n        \
                 let mapped = (|| Size::size({map}))();\n        \
                 check({:?}, mapped, &want, &mut failed);",
                format!("{} {map}", case.module),
            );
        }
        out.push_str("    }\n");
    }
    // Write back with the file's dtype and with the generated type's.
    let mut archives: Vec<(&Case, Vec<&Case>)> = Vec::new();
    for case in cases.iter().filter(|c| !c.module.ends_with("_unaligned")) {
        if case.key.is_some() {
            match archives
                .iter_mut()
                .find(|(first, _)| first.file == case.file)
            {
                Some((_, members)) => members.push(case),
                None => archives.push((case, vec![case])),
            }
            continue;
        }
        let derived = if case.bytes_only {
            "derived_bytes"
        } else {
            "derived"
        };
        let stem = stem(case);
        let body = if case.fortran {
            format!(
                "let file = NpyFile::read(path)?;\n        \
                 for (variant, dtype) in [(\"write_as\", file.dtype().clone()), ({derived:?}, {t}::dtype())] {{\n            \
                     let mut bytes = npy::header_bytes(&dtype, file.shape(), true)?;\n            \
                     bytes.extend_from_slice(file.data());\n            \
                     std::fs::write(format!(\"{stem}.{{variant}}.npy\"), bytes)?;\n        \
                 }}\n        \
                 Ok(file.len())",
                t = case.type_name,
            )
        } else {
            format!(
                "let file = NpyFile::read(path)?;\n        \
                 let records = file.records::<{t}>()?;\n        \
                 for (variant, dtype) in [(\"write_as\", file.dtype().clone()), ({derived:?}, {t}::dtype())] {{\n            \
                     npy::write_as(std::fs::File::create(format!(\"{stem}.{{variant}}.npy\"))?, &records, &dtype, file.shape())?;\n        \
                 }}\n        \
                 Ok(file.len())",
                t = case.type_name,
            )
        };
        let elements: usize = case.shape.iter().product();
        let _ = writeln!(
            out,
            "    {{\n        use {}::*;\n        let path = {:?};\n        \
             let written = (|| -> Result<usize, Box<dyn Error>> {{\n        {body}\n        }})();\n        \
             check({:?}, written, &[{elements}], &mut failed);\n    }}",
            case.module,
            case.file.display().to_string(),
            format!("{} write back", case.module),
        );
    }
    for (first, members) in archives {
        let stem = stem(first);
        let mut body = String::new();
        for variant in ["write_as", "derived"] {
            let _ = writeln!(
                body,
                "        let mut writer = NpzWriter::new(std::fs::File::create({:?})?, Compression::Stored);",
                format!("{stem}.{variant}.npz")
            );
            for member in &members {
                let key = member.key.as_deref().unwrap_or_default();
                let dtype = if variant == "write_as" {
                    "entry.dtype().clone()".to_string()
                } else {
                    format!("{}::dtype()", member.type_name)
                };
                let _ = writeln!(
                    body,
                    "        {{ let entry = npz.get({key:?})?; let records = entry.records::<{}>()?;\n        \
                     writer.add_as({key:?}, &records, &{dtype}, entry.shape())?; }}",
                    member.type_name
                );
            }
            body.push_str("        writer.finish()?;\n");
        }
        let _ = writeln!(
            out,
            "    {{\n        use {}::*;\n        let path = {:?};\n        \
             let written = (|| -> Result<usize, Box<dyn Error>> {{\n        \
             let archive = NpzFile::read(path)?;\n        let npz = archive.npz()?;\n{body}        \
             Ok({})\n        }})();\n        check({:?}, written, &[{}], &mut failed);\n    }}",
            first.module,
            first.file.display().to_string(),
            members.len(),
            format!("{} write back", first.module),
            members.len(),
        );
    }
    out.push_str("    if failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE }\n}\n");
    out
}

#[test]
fn every_advised_call_works_over_the_corpus() {
    let Some(py) = python::require(&["numpy"]) else {
        return;
    };
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let project = tmp.join("codegen-compiles");
    let corpus = match std::env::var("TYPED_LAYOUT_NUMPY_CORPUS") {
        Ok(dir) => PathBuf::from(dir),
        Err(_) => {
            let dir = project.join("corpus");
            let out = py
                .command()
                .arg(workspace_root().join("scripts/numpy_corpus.py"))
                .arg("write")
                .arg(&dir)
                .output()
                .expect("run the corpus script");
            assert!(
                out.status.success(),
                "the corpus script failed:\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
            dir
        }
    };
    let ours = project.join("written");
    let _ = std::fs::remove_dir_all(&ours);
    std::fs::create_dir_all(project.join("src")).expect("create the project");
    std::fs::create_dir_all(&ours).expect("create the output directory");

    let manifest = std::fs::read_to_string(corpus.join("manifest.tsv")).expect("the manifest");
    let mut cases = Vec::new();
    for row in manifest.lines() {
        let [case, file, kind, notes] = row.split('\t').collect::<Vec<_>>()[..] else {
            panic!("bad manifest row {row:?}");
        };
        if SKIPPED.contains(&case) {
            continue;
        }
        let file = corpus.join(file);
        cases.extend(cases_for(case, &file, kind, false));
        // Data the mapping cannot align: the --unaligned struct maps it.
        if notes.starts_with("data at byte") {
            let unaligned = cases_for(case, &file, kind, true);
            assert!(unaligned.iter().all(|c| c.map.is_some()), "{case}");
            cases.extend(unaligned.into_iter().map(|mut c| {
                c.reads.clear(); // the read calls are tested above
                c
            }));
        }
    }
    assert!(cases.len() >= 40, "{} cases", cases.len());

    let manifest_toml = format!(
        "[package]\nname = \"codegen-compiles\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
         publish = false\n\n[dependencies]\ntyped-layout = {{ path = {:?}, features = [\"half\", \
         \"num-complex\", \"npz\"] }}\n\n# Not part of the typed-layout workspace.\n[workspace]\n",
        workspace_root().display().to_string()
    );
    std::fs::write(project.join("Cargo.toml"), manifest_toml).expect("write Cargo.toml");
    // The workspace's lock file pins the same dependency versions offline.
    std::fs::copy(
        workspace_root().join("Cargo.lock"),
        project.join("Cargo.lock"),
    )
    .expect("copy Cargo.lock");
    std::fs::write(project.join("src/main.rs"), main_rs(&cases, &ours)).expect("write main.rs");

    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let out = Command::new(cargo)
        .args(["run", "--offline", "--quiet", "--manifest-path"])
        .arg(project.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", tmp.join("codegen-compiles-target"))
        // The generated program is an ordinary build: flags meant for this
        // test binary (an ASan run's `-Zsanitizer`) would also reach the
        // derive's proc macro, which then cannot be loaded.
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO_BUILD_RUSTFLAGS")
        .env_remove("CARGO_BUILD_TARGET")
        .output()
        .expect("run cargo");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the generated project failed ({}):\n{stdout}\n{}\nsource: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr),
        project.join("src/main.rs").display()
    );
    let calls = stdout.lines().filter(|l| l.starts_with("ok ")).count();
    let archives: std::collections::BTreeSet<&PathBuf> = cases
        .iter()
        .filter(|c| c.key.is_some())
        .map(|c| &c.file)
        .collect();
    let write_backs = cases
        .iter()
        .filter(|c| c.key.is_none() && !c.module.ends_with("_unaligned"))
        .count()
        + archives.len();
    let advised: usize = cases
        .iter()
        .map(|c| c.reads.len() + usize::from(c.map.is_some()))
        .sum::<usize>()
        + write_backs;
    assert_eq!(calls, advised, "{stdout}");

    // NumPy loads everything the program wrote.
    let out = py
        .command()
        .arg(workspace_root().join("scripts/numpy_corpus.py"))
        .arg("check")
        .arg(&corpus)
        .arg(&ours)
        .output()
        .expect("run the NumPy check");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "NumPy disagrees:\n{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::io::Write::write_all(
        &mut std::io::stderr(),
        format!(
            "codegen: {} cases, {calls} advised calls work; {report}",
            cases.len()
        )
        .as_bytes(),
    );
}
