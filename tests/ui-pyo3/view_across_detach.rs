// A view of a Python buffer holds the buffer under the GIL: it cannot be
// moved into `Python::detach`, where other threads may run Python code.
use typed_layout::ext::pyo3::prelude::*;
use typed_layout::python::PyRecords;

fn total(py: Python<'_>, values: PyRecords<'_, f64>) -> f64 {
    py.detach(move || values.len() as f64)
}

fn main() {
    let _ = total;
}
