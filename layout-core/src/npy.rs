//! NumPy .npy files (work in progress).

#[allow(dead_code)]
fn _map(file: &std::fs::File) -> std::io::Result<memmap2::Mmap> {
    crate::raw::map_read_only(file)
}
