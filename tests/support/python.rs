//! Finding a Python interpreter with the modules a test needs.
//!
//! Interop tests compare against the real libraries (NumPy, pyarrow, ...),
//! which a fresh machine may not have. [`require`] returns the interpreter
//! when every module imports; otherwise it prints a skip notice naming what
//! is missing and how to install it, and the test returns early and passes.
//! With `TYPED_LAYOUT_REQUIRE_NUMPY=1` (set by `.ci/run`) a missing
//! interpreter or module fails the test instead, so CI never skips silently.
//!
//! ```ignore
//! #[path = "support/python.rs"]
//! mod python;
//!
//! #[test]
//! fn round_trip() {
//!     let Some(py) = python::require(&["numpy"]) else { return };
//!     let out = py.command().args(["-c", "import numpy"]).output().unwrap();
//! }
//! ```
//!
//! `PYTHON` overrides the interpreter (default `python3`). Each test binary
//! includes this file with `#[path]`.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::Write as _;
use std::process::Command;
use std::sync::{Mutex, OnceLock};

/// Set to `1` to make a missing interpreter or module a test failure.
pub const REQUIRE_VAR: &str = "TYPED_LAYOUT_REQUIRE_NUMPY";

/// An interpreter that imports every module a test asked for.
#[derive(Clone, Debug)]
pub struct Python {
    /// The program to run (`python3`, or `$PYTHON`).
    pub program: String,
}

impl Python {
    /// A `Command` running this interpreter.
    pub fn command(&self) -> Command {
        Command::new(&self.program)
    }
}

/// The interpreter to probe: `$PYTHON`, else `python3`.
pub fn program() -> String {
    std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_string())
}

/// Whether a missing module must fail the test (`TYPED_LAYOUT_REQUIRE_NUMPY=1`).
pub fn required() -> bool {
    std::env::var(REQUIRE_VAR).is_ok_and(|value| value == "1")
}

/// The pip package that provides `module`, where the names differ.
fn package_of(module: &str) -> &str {
    match module {
        "PIL" => "Pillow",
        "cv2" => "opencv-python-headless",
        other => other,
    }
}

/// Why the probe failed: the interpreter is missing, or these modules.
#[derive(Clone, Debug)]
enum Missing {
    Interpreter(String),
    Modules(Vec<String>),
}

/// Probes once per process and module list.
type ProbeCache = Mutex<BTreeMap<Vec<String>, Result<(), Missing>>>;

fn probe(modules: &[&str]) -> Result<(), Missing> {
    static CACHE: OnceLock<ProbeCache> = OnceLock::new();
    let key: Vec<String> = modules.iter().map(|m| m.to_string()).collect();
    let cache = CACHE.get_or_init(|| Mutex::new(BTreeMap::new()));
    if let Some(found) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return found.clone();
    }
    // One import per module, so the report names each missing one.
    let script = "import importlib, sys\n\
                  missing = []\n\
                  for name in sys.argv[1:]:\n\
                  \x20   try:\n\
                  \x20       importlib.import_module(name)\n\
                  \x20   except Exception:\n\
                  \x20       missing.append(name)\n\
                  print(' '.join(missing))\n";
    let result = match Command::new(program())
        .arg("-c")
        .arg(script)
        .args(modules)
        .output()
    {
        Err(error) => Err(Missing::Interpreter(format!(
            "`{}` could not be started: {error}",
            program()
        ))),
        Ok(out) if !out.status.success() => Err(Missing::Interpreter(format!(
            "`{}` failed: {}",
            program(),
            String::from_utf8_lossy(&out.stderr).trim()
        ))),
        Ok(out) => {
            let missing: Vec<String> = String::from_utf8_lossy(&out.stdout)
                .split_whitespace()
                .map(str::to_string)
                .collect();
            if missing.is_empty() {
                Ok(())
            } else {
                Err(Missing::Modules(missing))
            }
        }
    };
    cache
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(key, result.clone());
    result
}

/// The interpreter, if it imports every one of `modules`. Otherwise prints
/// a skip notice (to the real stderr, so it shows even when the test
/// harness captures output) and returns `None`, or panics with the same
/// text when `TYPED_LAYOUT_REQUIRE_NUMPY=1`.
pub fn require(modules: &[&str]) -> Option<Python> {
    let missing = match probe(modules) {
        Ok(()) => return Some(Python { program: program() }),
        Err(missing) => missing,
    };
    let packages: Vec<&str> = modules.iter().map(|m| package_of(m)).collect();
    let what = match &missing {
        Missing::Interpreter(why) => format!("no Python interpreter ({why})"),
        Missing::Modules(names) => format!("`{}` cannot import {}", program(), names.join(", ")),
    };
    let install = format!(
        "`python3 -m pip install {}` (or set PYTHON to an interpreter that has them)",
        packages.join(" ")
    );
    let test = std::thread::current()
        .name()
        .unwrap_or("this test")
        .to_string();
    if required() {
        panic!(
            "{test} needs Python with {}, but {what}; install with {install} \
             ({REQUIRE_VAR}=1 makes a missing module a failure)",
            modules.join(", ")
        );
    }
    let notice = format!(
        "skipped {test}: needs Python with {}, but {what}; enable with {install}\n",
        modules.join(", ")
    );
    // Not `eprintln!`: the harness captures that, and a skip must be seen.
    let _ = std::io::stderr().write_all(notice.as_bytes());
    None
}
