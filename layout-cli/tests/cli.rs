//! The `typed-layout` binary as a user runs it: help per subcommand,
//! `--version`, errors for unknown commands and options, `--name`
//! validation, code on stdout and everything else on stderr (or the code in
//! `--output FILE`), I/O errors that name the path, and the README's example
//! exactly as written.
#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};
use typed_layout::{npy, Bytes, PixelLayout};

#[path = "support/command.rs"]
mod command;
use command::{run, text};

/// This file's test directory `name`.
fn temp_dir(name: &str) -> PathBuf {
    command::temp_dir(&format!("cli-{name}"))
}

#[test]
fn help_and_version() {
    let dir = temp_dir("help");
    let out = run(&["--help"], &dir);
    assert!(out.status.success());
    let help = text(&out.stdout);
    assert!(help.contains("inspect") && help.contains("dtype"), "{help}");
    for command in ["inspect", "dtype"] {
        let out = run(&[command, "--help"], &dir);
        assert!(out.status.success(), "{command} --help");
        let help = text(&out.stdout);
        assert!(
            help.contains("--name") && help.contains("--output"),
            "{help}"
        );
    }
    let out = run(&["--version"], &dir);
    assert!(out.status.success());
    assert_eq!(
        text(&out.stdout).trim(),
        format!("typed-layout {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn unknown_commands_and_options_are_errors() {
    let dir = temp_dir("errors");
    let out = run(&["frobnicate"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("unrecognized subcommand 'frobnicate'"),
        "{}",
        text(&out.stderr)
    );
    let out = run(&["dtype", "<f8", "--frobnicate"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unexpected argument '--frobnicate'"));
    let out = run(&["inspect"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("<FILE>"));
    assert!(out.stdout.is_empty());
}

#[test]
fn names_are_rust_type_names() {
    let dir = temp_dir("names");
    for bad in ["9bad", "my type", "struct", ""] {
        let out = run(&["dtype", "<f8", "--name", bad], &dir);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(text(&out.stderr).contains("invalid value"), "{bad:?}");
        assert!(out.stdout.is_empty(), "{bad:?}");
    }
    let out = run(&["dtype", "<f8", "--name", "9bad"], &dir);
    assert!(text(&out.stderr).contains("try `Npy9bad`"));
    // File names become UpperCamelCase type names.
    let path = dir.join("2d sensor-log.npy");
    npy::write_slice(std::fs::File::create(&path).expect("create"), &[1.0f64]).expect("write");
    let out = run(&["inspect", "2d sensor-log.npy"], &dir);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("pub type Npy2dSensorLog = f64;"));
}

#[derive(Clone, Copy, PixelLayout)]
#[repr(C, packed)]
struct Person {
    name: Bytes<32>,
    age: i32,
    salary: f64,
}

/// The file the README's example names, as this crate writes it.
fn people_npy() -> Vec<u8> {
    let people: Vec<Person> = [
        ("ada", 36, 1000.0),
        ("grace", 45, 1250.5),
        ("alan", 41, 990.0),
    ]
    .iter()
    .map(|&(name, age, salary)| Person {
        name: Bytes::from_value(name.as_bytes()).expect("short"),
        age,
        salary,
    })
    .collect();
    let mut bytes = Vec::new();
    npy::write_slice(&mut bytes, &people).expect("write");
    bytes
}

/// The README's command, run in the repository with the file it names;
/// its output is the README's code block.
#[test]
fn the_readme_example_works_as_written() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace")
        .to_path_buf();
    let shipped = root.join("layout-cli/data/people.npy");
    assert_eq!(
        std::fs::read(&shipped).expect("layout-cli/data/people.npy"),
        people_npy(),
        "layout-cli/data/people.npy is not what this crate writes for the README's records"
    );
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let command =
        "cargo run -p typed-layout-cli -- inspect layout-cli/data/people.npy --name Person";
    assert!(
        readme.contains(command),
        "the README lost its example command"
    );
    let out = run(
        &["inspect", "layout-cli/data/people.npy", "--name", "Person"],
        &root,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let code = text(&out.stdout);
    assert!(
        readme.contains(&format!("```rust\n{code}```")),
        "the README's code block is not what the command prints:\n{code}"
    );
    // The information block and the advice go to stderr.
    let info = text(&out.stderr);
    assert!(info.contains("shape:      [3] = 3 elements"), "{info}");
    assert!(
        info.contains("read with:  NpyFile::read(path)?.records::<Person>()"),
        "{info}"
    );
    assert!(!code.contains("shape:"));
}

#[test]
fn output_file_and_error_messages() {
    let dir = temp_dir("output");
    std::fs::write(dir.join("people.npy"), people_npy()).expect("write");
    let out = run(
        &[
            "inspect",
            "people.npy",
            "--output",
            "person.rs",
            "--name",
            "Person",
        ],
        &dir,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    let code = std::fs::read_to_string(dir.join("person.rs")).expect("the output file");
    assert!(code.contains("pub struct Person {"), "{code}");
    assert!(code.contains("#[derive(Clone, Copy, Debug, PixelLayout)]"));

    // I/O errors name the path and the operation, once.
    let out = run(&["inspect", "missing.npy"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.starts_with("error: could not open missing.npy: "),
        "{err}"
    );
    assert_eq!(err.matches("No such file").count(), 1, "{err}");
    let out = run(
        &["inspect", "people.npy", "--output", "no/such/dir/x.rs"],
        &dir,
    );
    assert!(text(&out.stderr).contains("could not write no/such/dir/x.rs"));
    // A malformed file: the path and what is wrong.
    std::fs::write(dir.join("bad.npy"), b"\x93NUMPY\x09\x00").expect("write");
    let out = run(&["inspect", "bad.npy"], &dir);
    let err = text(&out.stderr);
    assert!(
        err.contains("bad.npy") && err.contains("version 9.0"),
        "{err}"
    );
    // A dtype the command cannot type.
    let out = run(&["dtype", "<f16"], &dir);
    let err = text(&out.stderr);
    #[cfg(all(target_arch = "x86_64", not(windows)))]
    assert!(err.contains("long double"), "{err}");
    let _ = err;
}

#[test]
fn dtype_command_prints_the_families() {
    let dir = temp_dir("dtype");
    let out = run(
        &[
            "dtype",
            "[('h', '<f2'), ('b', '?'), ('s', 'S4'), ('t', '>M8[ms]'), ('z', '<c16')]",
            "--name",
            "Reading",
        ],
        &dir,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let code = text(&out.stdout);
    for line in [
        "pub h: f16,",
        "pub b: Bool,",
        "pub s: Bytes<4>,",
        "pub t: Be<Datetime64<Milliseconds>>,",
        "pub z: Complex<f64>,",
        "use typed_layout::ext::half::f16;",
        "// needs typed-layout's feature(s): half, num-complex",
    ] {
        assert!(code.contains(line), "{line} in\n{code}");
    }
    assert!(text(&out.stderr).contains("half, num-complex"));
    // --unaligned: every multi-byte number at alignment 1.
    let out = run(
        &["dtype", "[('x', '<f8'), ('u', '<U2')]", "--unaligned"],
        &dir,
    );
    let code = text(&out.stdout);
    #[cfg(target_endian = "little")]
    assert!(
        code.contains("pub x: Le<f64>,") && code.contains("pub u: [Le<u32>; 2],"),
        "{code}"
    );
    let _ = code;
}

/// The field names of the struct `name` in generated code: (the Rust
/// identifier without `r#`, the NumPy name of its doc comment if any).
fn struct_fields(code: &str, name: &str) -> Vec<(String, Option<String>)> {
    let body = code
        .split(&format!("pub struct {name} {{\n"))
        .nth(1)
        .and_then(|rest| rest.split("\n}").next())
        .unwrap_or_else(|| panic!("no struct {name} in\n{code}"));
    let mut fields = Vec::new();
    let mut doc = None;
    for line in body.lines().map(str::trim) {
        if let Some(numpy) = line.strip_prefix("/// NumPy name ") {
            doc = Some(numpy.trim_end_matches('.').trim_matches('"').to_string());
        } else if let Some(field) = line.strip_prefix("pub ") {
            let ident = field.split(':').next().unwrap_or_default();
            fields.push((ident.trim_start_matches("r#").to_string(), doc.take()));
        }
    }
    fields
}

/// Whatever the NumPy names, the generated fields are distinct, the ones
/// that keep no NumPy name are plain ASCII identifiers, none starts with
/// `_` (the derive would make it padding) but the generated gaps, and
/// every renamed field is named on stderr and in its doc comment.
#[test]
fn generated_field_names_are_distinct_data_identifiers() {
    let dir = temp_dir("field-names");
    let cases: &[(&str, &[&str])] = &[
        ("[('a-b', '<f8'), ('a_b', '<f8')]", &["a-b"]),
        (
            "[('a_b', '<f8'), ('a-b', '<f8'), ('a b', 'u1')]",
            &["a-b", "a b"],
        ),
        (
            "[('½', '<f8'), ('x²', 'u1'), ('1st', 'u1')]",
            &["½", "x²", "1st"],
        ),
        (
            "[('_', 'u1'), ('__', 'u1'), ('_x', 'u1'), ('x', 'u1')]",
            &["_", "__", "_x"],
        ),
        (
            "[('field', 'u1'), ('_', 'u1'), ('_pad', 'u1')]",
            &["_", "_pad"],
        ),
        (
            "[('self', 'u1'), ('type', 'u1'), ('日本', 'u1')]",
            &["self"],
        ),
        ("[('a', 'u1'), ('-', '<i4')]", &["-"]),
    ];
    for &(dtype, renamed) in cases {
        let out = run(&["dtype", dtype], &dir);
        assert!(out.status.success(), "{dtype}: {}", text(&out.stderr));
        let (code, info) = (text(&out.stdout), text(&out.stderr));
        let fields = struct_fields(&code, "Record");
        let mut seen = std::collections::BTreeSet::new();
        for (ident, numpy) in &fields {
            assert!(
                seen.insert(ident.clone()),
                "{dtype}: `{ident}` twice in\n{code}"
            );
            let is_gap = ident.starts_with("_pad") && numpy.is_none();
            if numpy.is_some() || is_gap {
                let mut chars = ident.chars();
                assert!(
                    chars
                        .next()
                        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_'),
                    "{dtype}: `{ident}` is not an ASCII identifier"
                );
            }
            assert_eq!(
                ident.starts_with('_'),
                is_gap,
                "{dtype}: `{ident}` and the padding rule in\n{code}"
            );
        }
        let mut documented: Vec<&str> = fields.iter().filter_map(|(_, n)| n.as_deref()).collect();
        documented.sort_unstable();
        let mut want = renamed.to_vec();
        want.sort_unstable();
        assert_eq!(documented, want, "{dtype}: renamed fields in\n{code}");
        for name in renamed {
            assert!(
                info.contains(&format!("warning:    field {name:?}")),
                "{dtype}: no warning for {name:?} in\n{info}"
            );
        }
        // Every other name is kept as written.
        for (ident, _) in fields
            .iter()
            .filter(|(i, n)| n.is_none() && !i.starts_with("_pad"))
        {
            assert!(
                dtype.contains(&format!("'{ident}'")),
                "{dtype}: `{ident}` invented"
            );
        }
    }
}

/// A struct as the generator writes it for `[('a-b', '<f8'), ('a_b', '<f8')]`.
#[derive(Clone, Copy, PixelLayout)]
#[repr(C)]
struct Renamed {
    a_b_2: f64,
    a_b: f64,
}

/// `inspect` prints a read call only when it works: none for an element
/// of zero bytes (every view refuses it) or for renamed fields (the dtype
/// check refuses the file), and a note that says why.
#[test]
fn inspect_prints_no_call_that_would_fail() {
    let dir = temp_dir("no-failing-call");
    let write = |name: &str, descr: &str, len: usize| {
        let dtype = typed_layout::Dtype::parse(descr).expect("a dtype");
        let mut bytes = npy::header_bytes(&dtype, &[len], false).expect("a header");
        bytes.resize(bytes.len() + len * dtype.itemsize(), 0);
        let path = dir.join(name);
        std::fs::write(&path, &bytes).expect("write the file");
        (path, bytes)
    };
    for (file, descr, why) in [
        ("void0.npy", "|V0", "zero bytes"),
        ("unicode0.npy", "<U0", "zero bytes"),
        ("renamed.npy", "[('a-b', '<f8'), ('a_b', '<f8')]", "\"a-b\""),
        ("underscore.npy", "[('_', 'u1'), ('v', 'u1')]", "\"_\""),
    ] {
        let (path, bytes) = write(file, descr, 3);
        let out = run(&["inspect", path.to_str().expect("a UTF-8 path")], &dir);
        assert!(out.status.success(), "{file}: {}", text(&out.stderr));
        let info = text(&out.stderr);
        assert!(!info.contains("read with:"), "{file}: {info}");
        assert!(!info.contains("or, O(1):"), "{file}: {info}");
        let note = info
            .lines()
            .find(|line| line.starts_with("note:       no read call"))
            .unwrap_or_else(|| panic!("{file}: no note in\n{info}"));
        assert!(note.contains(why), "{file}: {note}");
        if file == "renamed.npy" {
            // The call it would have printed fails: the names differ.
            let code = text(&out.stdout);
            let fields: Vec<String> = struct_fields(&code, "Renamed")
                .into_iter()
                .map(|(ident, _)| ident)
                .collect();
            assert_eq!(fields, ["a_b_2", "a_b"], "{code}");
            let npy = typed_layout::Npy::from_bytes(&bytes).expect("the file parses");
            let error = npy.records::<Renamed>().map(|r| r.len());
            assert!(
                matches!(error, Err(typed_layout::NpyError::Dtype { .. })),
                "{error:?}"
            );
        }
    }
    // Names that are identifiers: the call is printed (and works:
    // codegen_compiles runs the printed calls over the NumPy corpus).
    let (path, _) = write("kept.npy", "[('a_b', '<f8'), ('日本', '<f8')]", 3);
    let out = run(&["inspect", path.to_str().expect("a UTF-8 path")], &dir);
    let info = text(&out.stderr);
    assert!(
        info.contains("read with:  NpyFile::read(path)?.records::<Kept>()"),
        "{info}"
    );
    assert!(!info.contains("no read call"), "{info}");
}
