//! Where the values of one column sit in record bytes, and the two copy
//! loops (records to a contiguous buffer and back) that every conversion
//! is made of.
//!
//! A column's values sit at `start + i0 * stride0 + i1 * stride1 + ...`,
//! outermost axis first: the records, then one axis per sub-array level.
//! Each value is a run of bytes copied whole; an inner axis whose stride is
//! the run length is merged into the run, so a sub-array of numbers is one
//! copy per record.

use std::vec::Vec;

/// The positions of a column's values in record bytes (all in bytes).
#[derive(Clone, Debug)]
pub(crate) struct Places {
    start: usize,
    /// `(count, stride)`, outermost first.
    axes: Vec<(usize, usize)>,
}

impl Places {
    /// `count` records, `stride` bytes apart, the first at `start`.
    pub(crate) fn records(start: usize, count: usize, stride: usize) -> Places {
        Places {
            start,
            axes: std::vec![(count, stride)],
        }
    }

    /// The same places moved `offset` bytes in (a field of each).
    pub(crate) fn field(&self, offset: usize) -> Places {
        Places {
            start: self.start + offset,
            axes: self.axes.clone(),
        }
    }

    /// `len` elements of `elem_size` bytes inside each place.
    pub(crate) fn elements(&self, len: usize, elem_size: usize) -> Places {
        let mut axes = self.axes.clone();
        axes.push((len, elem_size));
        Places {
            start: self.start,
            axes,
        }
    }

    /// How many values.
    pub(crate) fn count(&self) -> usize {
        self.axes.iter().map(|&(count, _)| count).product()
    }

    /// The outermost axis's count and the values per outer unit, for
    /// turning a value index into a row.
    pub(crate) fn per_row(&self) -> usize {
        self.axes.iter().skip(1).map(|&(count, _)| count).product()
    }

    /// Merges inner axes that are adjacent runs; returns the merged run.
    fn merged(&self, run: usize) -> (Places, usize) {
        let mut places = self.clone();
        let mut run = run;
        while let Some(&(count, stride)) = places.axes.last() {
            if stride != run && count != 1 {
                break;
            }
            run *= count;
            places.axes.pop();
        }
        (places, run)
    }
}

/// Copies the `run`-byte value at each place of `src` into `out`, in
/// order. `out.len()` is `places.count() * run`; every place was checked
/// to lie inside `src` (see `check_reach`).
pub(crate) fn gather(src: &[u8], places: &Places, run: usize, out: &mut [u8]) {
    if places.count() == 0 {
        return;
    }
    let (places, run) = places.merged(run);
    each_axis(
        &places.axes,
        places.start,
        run,
        out,
        &mut |start, count, stride, out| gather_axis(src, start, count, stride, run, out),
    );
}

/// Copies consecutive `run`-byte values of `values` to the places in
/// `dst`, in order (the inverse of [`gather`]).
pub(crate) fn scatter(values: &[u8], places: &Places, run: usize, dst: &mut [u8]) {
    if places.count() == 0 {
        return;
    }
    let (places, run) = places.merged(run);
    let mut values = values;
    each_axis_in(
        &places.axes,
        places.start,
        run,
        &mut values,
        &mut |start, count, stride, values| scatter_axis(values, start, count, stride, run, dst),
    );
}

/// Calls `f(start, count, stride, out)` for each run of the innermost
/// axis, handing out consecutive parts of `out`.
fn each_axis(
    axes: &[(usize, usize)],
    start: usize,
    run: usize,
    out: &mut [u8],
    f: &mut impl FnMut(usize, usize, usize, &mut [u8]),
) {
    match axes {
        [] => f(start, 1, run, out),
        [(count, stride)] => f(start, *count, *stride, out),
        [(count, stride), inner @ ..] => {
            let per = inner.iter().map(|&(count, _)| count).product::<usize>() * run;
            for (i, part) in out.chunks_exact_mut(per.max(1)).take(*count).enumerate() {
                each_axis(inner, start + i * stride, run, part, f);
            }
        }
    }
}

/// As [`each_axis`], handing out consecutive parts of a read-only slice.
fn each_axis_in(
    axes: &[(usize, usize)],
    start: usize,
    run: usize,
    values: &mut &[u8],
    f: &mut impl FnMut(usize, usize, usize, &[u8]),
) {
    match axes {
        [] => {
            let (now, rest) = values.split_at(run.min(values.len()));
            f(start, 1, run, now);
            *values = rest;
        }
        [(count, stride)] => {
            let (now, rest) = values.split_at((count * run).min(values.len()));
            f(start, *count, *stride, now);
            *values = rest;
        }
        [(count, stride), inner @ ..] => {
            for i in 0..*count {
                each_axis_in(inner, start + i * stride, run, values, f);
            }
        }
    }
}

/// One axis of records: `count` runs `stride` bytes apart into `out`.
/// Common run lengths get a loop with a constant-size copy.
fn gather_axis(src: &[u8], start: usize, count: usize, stride: usize, run: usize, out: &mut [u8]) {
    match run {
        1 => gather_n::<1>(src, start, stride, out),
        2 => gather_n::<2>(src, start, stride, out),
        4 => gather_n::<4>(src, start, stride, out),
        8 => gather_n::<8>(src, start, stride, out),
        16 => gather_n::<16>(src, start, stride, out),
        32 => gather_n::<32>(src, start, stride, out),
        _ if stride == run => {
            let len = count * run;
            out[..len].copy_from_slice(&src[start..start + len]);
        }
        _ => {
            for (i, to) in out.chunks_exact_mut(run.max(1)).take(count).enumerate() {
                let at = start + i * stride;
                to.copy_from_slice(&src[at..at + run]);
            }
        }
    }
}

#[inline(always)]
fn gather_n<const N: usize>(src: &[u8], start: usize, stride: usize, out: &mut [u8]) {
    if stride == N {
        let len = out.len();
        out.copy_from_slice(&src[start..start + len]);
        return;
    }
    for (i, to) in out.chunks_exact_mut(N).enumerate() {
        let at = start + i * stride;
        to.copy_from_slice(&src[at..at + N]);
    }
}

fn scatter_axis(
    values: &[u8],
    start: usize,
    count: usize,
    stride: usize,
    run: usize,
    dst: &mut [u8],
) {
    match run {
        1 => scatter_n::<1>(values, start, stride, dst),
        2 => scatter_n::<2>(values, start, stride, dst),
        4 => scatter_n::<4>(values, start, stride, dst),
        8 => scatter_n::<8>(values, start, stride, dst),
        16 => scatter_n::<16>(values, start, stride, dst),
        32 => scatter_n::<32>(values, start, stride, dst),
        _ => {
            for (i, from) in values.chunks_exact(run.max(1)).take(count).enumerate() {
                let at = start + i * stride;
                dst[at..at + run].copy_from_slice(from);
            }
        }
    }
}

#[inline(always)]
fn scatter_n<const N: usize>(values: &[u8], start: usize, stride: usize, dst: &mut [u8]) {
    if stride == N {
        let len = values.len();
        dst[start..start + len].copy_from_slice(values);
        return;
    }
    for (i, from) in values.chunks_exact(N).enumerate() {
        let at = start + i * stride;
        dst[at..at + N].copy_from_slice(from);
    }
}

/// Reverses the bytes of each `size`-byte value (byte-order conversion).
pub(crate) fn swap_each(bytes: &mut [u8], size: usize) {
    match size {
        0 | 1 => {}
        2 => swap_n::<2>(bytes),
        4 => swap_n::<4>(bytes),
        8 => swap_n::<8>(bytes),
        _ => bytes.chunks_exact_mut(size).for_each(<[u8]>::reverse),
    }
}

#[inline(always)]
fn swap_n<const N: usize>(bytes: &mut [u8]) {
    for value in bytes.chunks_exact_mut(N) {
        value.reverse();
    }
}
