//! Arrow buffers filled from record fields, each byte written once
//! (feature `arrow`).
//!
//! A conversion's output is as large as its input. Zeroing the buffers
//! before copying the values in would write every output byte twice, so
//! here each buffer's capacity is written value by value and only then
//! given its length. All the columns are gathered in one pass over the
//! records, so each record is read from memory once.

use arrow_buffer::{MutableBuffer, MutableBufferError};
use std::vec::Vec;

/// `size` bytes at byte `offset` of each record: one column's values.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FieldBytes {
    pub(crate) offset: usize,
    pub(crate) size: usize,
}

/// `count` records `stride` bytes apart in `bytes`, the first at byte
/// `start`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RecordBytes<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) start: usize,
    pub(crate) count: usize,
    pub(crate) stride: usize,
}

/// Why [`gather_fields`] wrote nothing.
#[derive(Debug)]
pub(crate) enum GatherError {
    /// A field of the last record ends at byte `needed` (or past
    /// `u128::MAX` when `None`), past the `available` bytes.
    OutOfBounds {
        needed: Option<u128>,
        available: usize,
    },
    /// A buffer of `count · size` bytes is larger than memory can be.
    TooLarge { count: usize, size: usize },
    /// The allocator refused a buffer of `bytes` bytes.
    Alloc {
        bytes: usize,
        error: MutableBufferError,
    },
}

/// Rows are copied in blocks of about this many bytes of records.
const BLOCK_BYTES: usize = 4 << 10;

/// Outputs of at least this many bytes in all are written with streaming
/// (non-temporal) stores where a column's values are whole 16-byte units.
/// Such an output cannot stay in the cache until it is read anyway, and a
/// streaming store does not first read the line it writes, which saves a
/// third of the memory traffic of the copy.
const STREAM_BYTES: usize = 16 << 20;

/// One buffer per field, holding that field of every record, in order
/// (`count · size` bytes each, 64-byte aligned, as Arrow allocates).
///
/// Checks itself that every field of every record lies inside the bytes
/// (G1); every output byte is written before the buffer gets its length
/// (G2).
pub(crate) fn gather_fields(
    records: &RecordBytes<'_>,
    fields: &[FieldBytes],
) -> Result<Vec<MutableBuffer>, GatherError> {
    let (outs, targets) = prepare(records, fields)?;
    // SAFETY: `targets` were made by `prepare` for these records and point
    // into `outs`, alive and not otherwise used until `finish`; one call
    // covers every row.
    unsafe { fill(&targets, records, 0, records.count) };
    // SAFETY: (G2) the call above wrote rows `0..count` of every target.
    Ok(unsafe { finish(outs, records.count, fields) })
}

/// As [`gather_fields`], with the rows split among rayon's threads: each
/// thread reads its own records and writes its own part of every buffer.
#[cfg(feature = "rayon")]
pub(crate) fn par_gather_fields(
    records: &RecordBytes<'_>,
    fields: &[FieldBytes],
) -> Result<Vec<MutableBuffer>, GatherError> {
    use rayon::iter::{IntoParallelIterator, ParallelIterator};
    let (outs, targets) = prepare(records, fields)?;
    let count = records.count;
    // A few parts a thread, so that a slow thread does not hold up the end.
    let parts = rayon::current_num_threads().saturating_mul(4).max(1);
    let rows = count.div_ceil(parts).max(1);
    let shared = Shared(&targets);
    (0..count.div_ceil(rows)).into_par_iter().for_each(|part| {
        let first = part * rows;
        let shared = &shared;
        // SAFETY: as in `gather_fields`; the parts `first .. first + rows`
        // are disjoint, so no two threads write the same bytes, and
        // together they cover every row (`part < count.div_ceil(rows)`).
        unsafe { fill(shared.0, records, first, rows.min(count - first)) };
    });
    // SAFETY: (G2) the parts above wrote rows `0..count` of every target;
    // rayon's `for_each` returns after every part finished (each fenced
    // its own streaming stores), which orders those writes before this.
    Ok(unsafe { finish(outs, count, fields) })
}

/// Targets shared by the threads of [`par_gather_fields`].
#[cfg(feature = "rayon")]
struct Shared<'a>(&'a [Target]);

// SAFETY: the pointers are only written through by `fill`, whose callers
// give each thread a disjoint range of rows (`par_gather_fields`).
#[cfg(feature = "rayon")]
unsafe impl Sync for Shared<'_> {}

/// Checks (G1), allocates one buffer per field and the targets pointing
/// into them.
fn prepare(
    records: &RecordBytes<'_>,
    fields: &[FieldBytes],
) -> Result<(Vec<MutableBuffer>, Vec<Target>), GatherError> {
    check_reach(records, fields)?;
    let mut outs = Vec::with_capacity(fields.len());
    for field in fields {
        let bytes = records
            .count
            .checked_mul(field.size)
            .ok_or(GatherError::TooLarge {
                count: records.count,
                size: field.size,
            })?;
        let out = MutableBuffer::try_with_capacity(bytes)
            .map_err(|error| GatherError::Alloc { bytes, error })?;
        outs.push(out);
    }
    let total: usize = outs.iter().map(MutableBuffer::capacity).sum();
    let targets = fields
        .iter()
        .zip(&mut outs)
        .map(|(field, out)| {
            let dst = out.as_mut_ptr();
            Target {
                offset: field.offset,
                size: field.size,
                dst,
                stream: total >= STREAM_BYTES
                    && field.size.is_multiple_of(16)
                    && (dst as usize).is_multiple_of(16),
            }
        })
        .collect();
    Ok((outs, targets))
}

/// Copies every target's field of records `first .. first + rows`.
///
/// # Safety
///
/// `targets` were made by [`prepare`] for `records` (so (G1) holds and
/// each target points to a buffer of capacity `count · size`), those
/// buffers are alive and not otherwise referenced, `first + rows <=
/// count`, and no other call writes the same rows at the same time.
unsafe fn fill(targets: &[Target], records: &RecordBytes<'_>, first: usize, rows: usize) {
    if targets.iter().all(|target| target.size == 0) {
        // Nothing to copy (and with no field, `check_reach` had nothing to
        // bound the rows with); zero-sized records may be any number.
        return;
    }
    let src = records.bytes.as_ptr();
    // Blocks of rows small enough to stay in the first-level cache while
    // each field is copied out of them, so the records are read from
    // memory once, and each field's copy loop is specialised for its size.
    let block = (BLOCK_BYTES / records.stride.max(1)).max(1);
    let end = first + rows;
    let mut at_row = first;
    while at_row < end {
        let rows = block.min(end - at_row);
        // No overflow: `check_reach` computed the last record's end.
        let at = records.start + at_row * records.stride;
        for target in targets {
            // SAFETY: (G1) `check_reach` showed that bytes
            // `start + i · stride + offset .. + size` of `records.bytes`
            // exist for every `i < count`, here `at_row <= i < at_row +
            // rows <= count`; each output has capacity `count · size`, so
            // its bytes `i · size .. + size` exist, and only this call
            // refers to them (the contract); a streaming target's
            // destination is 16-byte aligned with `size` a multiple of 16.
            unsafe { copy_rows(target, src.add(at), records.stride, at_row, rows) };
        }
        at_row += rows;
    }
    if targets.iter().any(|target| target.stream) {
        fence();
    }
}

/// The buffers, each given its length `count · size`.
///
/// # Safety
///
/// Rows `0..count` of every target of `outs` were written by [`fill`],
/// whose streaming stores were fenced, and `outs` were made by [`prepare`]
/// for `count` records of these `fields`.
unsafe fn finish(
    mut outs: Vec<MutableBuffer>,
    count: usize,
    fields: &[FieldBytes],
) -> Vec<MutableBuffer> {
    for (out, field) in outs.iter_mut().zip(fields) {
        // SAFETY: (G2) bytes `i · size .. + size` were written for every
        // `i < count` (the contract), so all `count · size` bytes are
        // initialized, and `count · size` is the capacity asked for.
        unsafe { out.set_len(count * field.size) };
    }
    outs
}

/// (G1): the last record's every field ends inside the bytes; records are
/// at increasing offsets, so every earlier one does too.
fn check_reach(records: &RecordBytes<'_>, fields: &[FieldBytes]) -> Result<(), GatherError> {
    if records.count == 0 {
        return Ok(());
    }
    let available = records.bytes.len();
    for field in fields {
        let end = (records.count - 1)
            .checked_mul(records.stride)
            .and_then(|last| last.checked_add(records.start))
            .and_then(|last| last.checked_add(field.offset))
            .and_then(|last| last.checked_add(field.size));
        match end {
            Some(end) if end <= available => {}
            _ => {
                let needed = (records.count as u128 - 1)
                    .checked_mul(records.stride as u128)
                    .and_then(|last| last.checked_add(records.start as u128))
                    .and_then(|last| last.checked_add(field.offset as u128))
                    .and_then(|last| last.checked_add(field.size as u128));
                return Err(GatherError::OutOfBounds { needed, available });
            }
        }
    }
    Ok(())
}

/// Where one field's values go.
struct Target {
    offset: usize,
    size: usize,
    dst: *mut u8,
    stream: bool,
}

/// Copies the field of `rows` records, the first at `records`, `stride`
/// bytes apart, into places `first ..` of the target.
///
/// # Safety
///
/// For every `k < rows`: bytes `k · stride + offset .. + size` from
/// `records` are readable, and bytes `(first + k) · size .. + size` from
/// `target.dst` are writable and not otherwise referenced; when
/// `target.stream`, `target.dst` is 16-byte aligned and `size` a multiple
/// of 16.
#[inline(always)]
unsafe fn copy_rows(target: &Target, records: *const u8, stride: usize, first: usize, rows: usize) {
    // SAFETY: the offsets stay inside the ranges of this fn's contract.
    let (from, to) = unsafe {
        (
            records.add(target.offset),
            target.dst.add(first * target.size),
        )
    };
    // SAFETY: the contract, in every arm, with `from` and `to` at the
    // first row; `copy_each` and `stream_each` step by `stride` and `size`.
    unsafe {
        match (target.stream, target.size) {
            (true, 16) => stream_each::<16>(from, stride, to, rows),
            (true, 32) => stream_each::<32>(from, stride, to, rows),
            (true, 64) => stream_each::<64>(from, stride, to, rows),
            (false, 1) => copy_each::<1>(from, stride, to, rows),
            (false, 2) => copy_each::<2>(from, stride, to, rows),
            (false, 4) => copy_each::<4>(from, stride, to, rows),
            (false, 8) => copy_each::<8>(from, stride, to, rows),
            (false, 16) => copy_each::<16>(from, stride, to, rows),
            (false, 32) => copy_each::<32>(from, stride, to, rows),
            (_, size) => {
                for k in 0..rows {
                    core::ptr::copy_nonoverlapping(from.add(k * stride), to.add(k * size), size);
                }
            }
        }
    }
}

/// `rows` values of `N` bytes, `stride` apart from `from`, to adjacent
/// places from `to`.
///
/// # Safety
///
/// Those ranges are valid (readable, writable and unreferenced) and do
/// not overlap.
#[inline(always)]
unsafe fn copy_each<const N: usize>(from: *const u8, stride: usize, to: *mut u8, rows: usize) {
    for k in 0..rows {
        // SAFETY: the contract, value `k`.
        unsafe { core::ptr::copy_nonoverlapping(from.add(k * stride), to.add(k * N), N) };
    }
}

/// As [`copy_each`], in streaming stores.
///
/// # Safety
///
/// As [`copy_each`]; `to` is 16-byte aligned and `N` a multiple of 16;
/// [`fence`] runs before the bytes are read.
#[inline(always)]
unsafe fn stream_each<const N: usize>(from: *const u8, stride: usize, to: *mut u8, rows: usize) {
    for k in 0..rows {
        // SAFETY: the contract, value `k`: `to + k · N` stays 16-byte
        // aligned.
        unsafe { stream_copy(from.add(k * stride), to.add(k * N), N) };
    }
}

/// `size` bytes from `from` to `to` in 16-byte streaming stores.
///
/// # Safety
///
/// Both ranges valid for `size` bytes, `to` 16-byte aligned, `size` a
/// multiple of 16; [`fence`] runs before the bytes are read.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
unsafe fn stream_copy(from: *const u8, to: *mut u8, size: usize) {
    use core::arch::x86_64::{__m128i, _mm_loadu_si128, _mm_stream_si128};
    let mut at = 0;
    while at < size {
        // SAFETY: `at + 16 <= size` (size a multiple of 16), so both
        // 16-byte ranges lie inside the contract's; the load is unaligned,
        // the store's address is 16-byte aligned (`to` aligned, `at` a
        // multiple of 16); SSE2 is part of every x86_64 target.
        unsafe {
            let value = _mm_loadu_si128(from.add(at).cast::<__m128i>());
            _mm_stream_si128(to.add(at).cast::<__m128i>(), value);
        }
        at += 16;
    }
}

/// Elsewhere streaming stores are plain copies.
///
/// # Safety
///
/// Both ranges valid for `size` bytes.
#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
unsafe fn stream_copy(from: *const u8, to: *mut u8, size: usize) {
    // SAFETY: the contract.
    unsafe { core::ptr::copy_nonoverlapping(from, to, size) };
}

/// Orders the streaming stores before every later memory access, as the
/// x86 memory model requires before their bytes are read (here or on
/// another thread the buffer is sent to).
fn fence() {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: `sfence` has no precondition; SSE is part of every x86_64
    // target.
    unsafe {
        core::arch::x86_64::_mm_sfence()
    };
}
