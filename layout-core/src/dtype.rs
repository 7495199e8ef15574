//! NumPy dtype descriptions (work in progress).
