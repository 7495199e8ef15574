// The same for mutable views: another thread could take the same buffer.
use typed_layout::ext::pyo3::prelude::*;
use typed_layout::python::PyImageMut;

fn clear(py: Python<'_>, mut image: PyImageMut<'_, [u8; 4]>) {
    py.detach(move || image.view_mut().fill([0; 4]))
}

fn main() {
    let _ = clear;
}
