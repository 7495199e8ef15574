//! Python buffers (feature `pyo3`): the `unsafe` code that lends a Python
//! object's buffer to views as a byte slice, and exports owned buffers to
//! Python. SAFETY.md §Python lists every block and the facts it rests on.

mod arrow;
mod export;
mod held;
mod registry;
mod span;

pub(crate) use arrow::{ArrowBuffer, ArrowError};
pub use export::LayoutBuffer;
pub(crate) use export::{export, ExportError, ExportLayout, Owner};
pub(crate) use held::{ExclusiveBuffer, SharedBuffer, TakeError};
pub(crate) use registry::Conflict;
pub(crate) use span::SpanError;
