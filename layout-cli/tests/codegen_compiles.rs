//! The generated code compiles and passes the dtype check, against real
//! files: NumPy writes one `.npy` file per case of
//! `tests/python/npy_roundtrip.py`, and `npy::write_bytes` a few more dtypes
//! NumPy would print in dict form or with keyword field names. For each
//! file the test generates the struct with `rust_definition`, puts all of
//! them in ONE temporary cargo project (`#![forbid(unsafe_code)]`, path
//! dependency on the facade crate `typed-layout`) whose `main` opens every
//! file with `NpyFile::read` and calls `records::<Generated>()`, and runs it
//! with `cargo run --offline`. The test fails if the code does not compile
//! (warnings other than dead code are errors) or a check fails; a few
//! deliberately wrong pairings must be refused, so the check is not vacuous.
//!
//! The project lives in `CARGO_TARGET_TMPDIR/codegen-compiles` with its own
//! target directory next to it, so later runs only rebuild the generated
//! crate. NumPy must be installed for `python3` (`PYTHON` overrides it);
//! without it the test prints a skip notice and passes, unless
//! `TYPED_LAYOUT_REQUIRE_NUMPY=1` (see tests/support/python.rs).
#![forbid(unsafe_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use typed_layout_cli::{camel_case, rust_definition};
use typed_layout_core::{npy, Dtype, NpyFile};

/// NumPy's cases. `long_header` (3000 fields) is left out to keep the
/// compile short; `fortran_f8` is a Fortran-ordered 2-D array, which
/// `records` must refuse whatever the type.
const NUMPY_CASES: &[&str] = &[
    "person_packed",
    "person_aligned",
    "person_big",
    "person_2d",
    "person_empty",
    "subarray",
    "nested",
    "nested_aligned",
    "bgra",
    "unicode_names",
    "plain_f8",
    "plain_empty_2d",
    "scalar_f8",
    "datetime",
    "mixed_kinds",
];

/// Dtypes written here with `npy::write_bytes` (zeroed data, shape `(3,)`).
const RUST_CASES: &[(&str, &str)] = &[
    // Neither packed nor aligned: a leading gap, an unaligned f8, trailing
    // padding (NumPy prints this in dict form).
    (
        "dict_gaps",
        "{'names': ['a', 'b'], 'formats': ['<u2', '<f8'], 'offsets': [2, 4], 'itemsize': 16}",
    ),
    // Keyword field names become raw identifiers; a field called `_pad`
    // pushes the gap's name to `_pad1`.
    (
        "keywords",
        "[('type', '<i4'), ('match', '<f4'), ('_pad', '|u1'), ('', '|V3')]",
    ),
    // The lib.rs doctest's dtype: a native i4 at 32 and a big-endian f8 at
    // 36. `Be<f64>` has alignment 1, so plain repr(C) gives these offsets.
    (
        "mixed_order",
        "[('name', '|S32'), ('age', '<i4'), ('salary', '>f8')]",
    ),
    // Big-endian nested records and a sub-array of records.
    (
        "big_nested",
        "[('hdr', [('len', '>u4'), ('tag', '|S4')]), ('pts', [('x', '>f8'), ('y', '>f8')], (2,))]",
    ),
    // NumPy's align=True layout of a byte and a 2x2 f8 sub-array.
    (
        "aligned_sub",
        "[('flag', '|u1'), ('', '|V7'), ('m', '<f8', (2, 2))]",
    ),
    // A top-level sub-array dtype: a plain f4 array with a trailing axis.
    ("top_sub_array", "('<f4', (3,))"),
];

/// (type case, file case): pairings `records` must refuse.
const MUST_REFUSE: &[(&str, &str)] = &[
    ("person_packed", "person_aligned"),
    ("person_packed", "person_big"),
    ("person_big", "person_packed"),
    ("nested", "nested_aligned"),
    ("plain_f8", "fortran_f8"),
    ("mixed_order", "person_big"),
];

#[path = "../../tests/support/python.rs"]
mod python;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("layout-cli sits in the workspace")
        .to_path_buf()
}

/// Writes NumPy's files into `dir`.
fn write_numpy_files(py: &python::Python, dir: &Path) {
    let script = workspace_root().join("tests/python/npy_roundtrip.py");
    let out = py
        .command()
        .arg(&script)
        .arg("write")
        .arg(dir)
        .output()
        .expect("run the NumPy writer");
    assert!(
        out.status.success(),
        "NumPy writer failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn write_rust_file(path: &Path, descr: &str) {
    let dtype = Dtype::parse(descr).unwrap_or_else(|e| panic!("{descr}: {e}"));
    let shape = [3usize];
    let data = vec![0u8; 3 * dtype.itemsize()];
    let file = std::fs::File::create(path).expect("create the .npy file");
    npy::write_bytes(file, &data, &dtype, &shape).expect("write the .npy file");
}

struct Case {
    module: String,
    /// Whether `records::<Generated>()` must succeed on its own file.
    expect_ok: bool,
    path: PathBuf,
    type_name: String,
    source: String,
}

fn generate(module: &str, path: &Path) -> Case {
    let file = NpyFile::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let generated = rust_definition(file.dtype(), &camel_case(module)).unwrap_or_else(|e| {
        panic!(
            "{module}: no Rust definition for {}: {e}",
            file.dtype().descr()
        )
    });
    assert!(
        generated.warnings.is_empty(),
        "{module}: {:?}",
        generated.warnings
    );
    Case {
        module: module.to_string(),
        expect_ok: module != "fortran_f8",
        path: path.to_path_buf(),
        type_name: generated.name,
        source: generated.source,
    }
}

fn main_rs(cases: &[Case]) -> String {
    let mut out = String::from(
        "//! Generated by layout-cli/tests/codegen_compiles.rs.\n\
         #![forbid(unsafe_code)]\n\
         #![deny(warnings)]\n\
         // The generated structs are only read through their dtype here.\n\
         #![allow(dead_code)]\n\n\
         use std::process::ExitCode;\n\
         use typed_layout::{NpyFile, PixelLayout};\n\n",
    );
    for case in cases {
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
        r#"/// Opens `path` and views it as `T`; Ok(number of records).
fn view<T: PixelLayout>(path: &str) -> Result<usize, String> {
    let file = NpyFile::read(path).map_err(|e| format!("open: {e}"))?;
    let records = file.records::<T>().map_err(|e| e.to_string())?;
    if std::mem::size_of::<T>() != file.dtype().itemsize() {
        return Err(format!("size_of {} != itemsize {}", std::mem::size_of::<T>(), file.dtype().itemsize()));
    }
    if records.len() != file.len() {
        return Err(format!("{} records for {} elements", records.len(), file.len()));
    }
    Ok(records.len())
}

fn main() -> ExitCode {
    let mut failed = 0;
"#,
    );
    for case in cases.iter().filter(|c| c.expect_ok) {
        let _ = writeln!(
            out,
            "    match view::<{}::{}>({:?}) {{\n        \
             Ok(n) => println!(\"ok {}: {{n}} records\"),\n        \
             Err(e) => {{ failed += 1; println!(\"FAILED {}: {{e}}\"); }}\n    }}",
            case.module,
            case.type_name,
            case.path.display().to_string(),
            case.module,
            case.module,
        );
    }
    for (ty, file) in MUST_REFUSE {
        let ty_case = cases.iter().find(|c| c.module == *ty).expect("type case");
        let file_case = cases.iter().find(|c| c.module == *file).expect("file case");
        let _ = writeln!(
            out,
            "    match view::<{}::{}>({:?}) {{\n        \
             Err(e) => println!(\"refused {ty} over {file}: {{e}}\"),\n        \
             Ok(_) => {{ failed += 1; println!(\"FAILED: {ty} over {file} was accepted\"); }}\n    }}",
            ty_case.module,
            ty_case.type_name,
            file_case.path.display().to_string(),
        );
    }
    // Values through the generated fields: NumPy's salaries are
    // 1000 + 12.5 i for i < 37, summing to 45325.
    for (case, read) in [
        ("person_packed", "salary.iter().sum::<f64>()"),
        ("person_aligned", "salary.iter().sum::<f64>()"),
        ("person_big", "salary.iter().map(|s| s.get()).sum::<f64>()"),
    ] {
        let c = cases.iter().find(|c| c.module == case).expect("value case");
        let _ = writeln!(
            out,
            "    {{\n        let file = NpyFile::read({:?}).expect(\"open\");\n        \
             let records = file.records::<{}::{}>().expect(\"records\");\n        \
             let sum = records.columns().{read};\n        \
             if sum == 45325.0 {{ println!(\"values {case}: {{sum}}\"); }} \
             else {{ failed += 1; println!(\"FAILED values {case}: {{sum}}\"); }}\n    }}",
            c.path.display().to_string(),
            c.module,
            c.type_name,
        );
    }
    out.push_str("    if failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE }\n}\n");
    out
}

#[test]
fn generated_definitions_compile_and_pass_the_dtype_check() {
    let Some(py) = python::require(&["numpy"]) else {
        return;
    };
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let project = tmp.join("codegen-compiles");
    let files = project.join("files");
    std::fs::create_dir_all(project.join("src")).expect("create the project");
    std::fs::create_dir_all(&files).expect("create the file directory");

    write_numpy_files(&py, &files);
    for (case, descr) in RUST_CASES {
        write_rust_file(&files.join(format!("{case}.npy")), descr);
    }
    let mut cases: Vec<Case> = NUMPY_CASES
        .iter()
        .chain(["fortran_f8"].iter())
        .map(|case| generate(case, &files.join(format!("{case}.npy"))))
        .collect();
    cases.extend(
        RUST_CASES
            .iter()
            .map(|(case, _)| generate(case, &files.join(format!("{case}.npy")))),
    );

    // What the generator chose, for the layouts whose repr is the point.
    let source = |module: &str| {
        &cases
            .iter()
            .find(|c| c.module == module)
            .expect("case")
            .source
    };
    assert!(source("person_packed").contains("#[repr(C, packed)]"));
    assert!(source("person_aligned").contains("#[repr(C)]"));
    assert!(source("person_aligned").contains("pub _pad: [u8; 4],"));
    assert!(source("person_big").contains("#[repr(C)]"));
    assert!(source("person_big").contains("pub salary: Be<f64>,"));
    assert!(source("mixed_order").contains("#[repr(C)]"));
    assert!(source("mixed_order").contains("pub age: i32,"));
    assert!(source("mixed_order").contains("pub salary: Be<f64>,"));
    assert!(source("dict_gaps").contains("#[repr(C, packed)]"));
    assert!(source("keywords").contains("pub r#type: i32,"));
    assert!(source("keywords").contains("pub _pad1: [u8; 3],"));
    assert!(source("big_nested").contains("pub pts: [BigNestedPts; 2],"));

    // The program: every case must pass, every wrong pairing must fail.
    let manifest = format!(
        "[package]\nname = \"codegen-compiles\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
         publish = false\n\n[dependencies]\ntyped-layout = {{ path = {:?} }}\n\n\
         # Not part of the typed-layout workspace.\n[workspace]\n",
        workspace_root().display().to_string()
    );
    std::fs::write(project.join("Cargo.toml"), manifest).expect("write Cargo.toml");
    // The workspace's lock file pins the same dependency versions offline.
    let lock = project.join("Cargo.lock");
    if !lock.exists() {
        std::fs::copy(workspace_root().join("Cargo.lock"), &lock).expect("copy Cargo.lock");
    }
    let main = main_rs(&cases);
    std::fs::write(project.join("src/main.rs"), &main).expect("write main.rs");

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
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the generated project failed ({}):\n{stdout}\n{stderr}\nsource: {}",
        out.status,
        project.join("src/main.rs").display()
    );
    let ok = stdout.lines().filter(|l| l.starts_with("ok ")).count();
    let refused = stdout.lines().filter(|l| l.starts_with("refused ")).count();
    let expected_ok = cases.iter().filter(|c| c.expect_ok).count();
    assert_eq!(ok, expected_ok, "{stdout}");
    assert_eq!(refused, MUST_REFUSE.len(), "{stdout}");
    let values = stdout.lines().filter(|l| l.starts_with("values ")).count();
    assert_eq!(values, 3, "{stdout}");
}
