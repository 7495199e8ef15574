//! The process-wide record of byte spans lent to views of Python buffers
//! (no `unsafe` here; `held.rs` builds `&mut [u8]` only for a span this
//! registry granted exclusively).
//!
//! Rust's borrow rules cannot see that two Python objects (`a` and
//! `a[::2]`, or the same surface passed twice) share memory, so every view
//! registers the address range it lends out: shared ranges may overlap each
//! other; an exclusive range may overlap nothing. A registration lasts until
//! the view is dropped. Ranges are compared by address, so two different
//! exporters of the same memory (a NumPy array and a `memoryview` of it)
//! conflict as they should.

use std::sync::{Mutex, PoisonError};
use std::vec::Vec;

struct Borrow {
    id: u64,
    low: usize,
    high: usize,
    exclusive: bool,
}

struct Registry {
    next_id: u64,
    borrows: Vec<Borrow>,
}

static REGISTRY: Mutex<Registry> = Mutex::new(Registry {
    next_id: 0,
    borrows: Vec::new(),
});

fn lock() -> std::sync::MutexGuard<'static, Registry> {
    // The registry's state is consistent after every statement (a push or
    // a swap_remove), so a panic elsewhere while locked leaves it usable.
    REGISTRY.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A range already lent out that a new one would overlap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Conflict {
    /// The range asked for, `[low, high)`.
    pub(crate) wanted: (usize, usize),
    /// Whether it was asked for exclusively.
    pub(crate) wanted_exclusive: bool,
    /// The range already lent.
    pub(crate) held: (usize, usize),
    /// Whether that one is exclusive.
    pub(crate) held_exclusive: bool,
}

/// A granted range; dropping it gives the range back.
#[derive(Debug)]
pub(crate) struct Registration {
    id: u64,
}

/// Lends `[low, high)` (non-empty), exclusively or shared, unless it
/// overlaps a range already lent where either side is exclusive.
pub(crate) fn register(low: usize, high: usize, exclusive: bool) -> Result<Registration, Conflict> {
    debug_assert!(low < high);
    let mut registry = lock();
    if let Some(held) = registry
        .borrows
        .iter()
        .find(|b| (exclusive || b.exclusive) && b.low < high && low < b.high)
    {
        return Err(Conflict {
            wanted: (low, high),
            wanted_exclusive: exclusive,
            held: (held.low, held.high),
            held_exclusive: held.exclusive,
        });
    }
    let id = registry.next_id;
    registry.next_id += 1;
    registry.borrows.push(Borrow {
        id,
        low,
        high,
        exclusive,
    });
    Ok(Registration { id })
}

impl Drop for Registration {
    fn drop(&mut self) {
        let mut registry = lock();
        if let Some(index) = registry.borrows.iter().position(|b| b.id == self.id) {
            registry.borrows.swap_remove(index);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Addresses far from any real allocation and from each other test, so
    // tests running in parallel never see each other's ranges.
    const BASE: usize = usize::MAX / 2;

    #[test]
    fn shared_ranges_overlap_exclusive_ones_do_not() {
        let base = BASE;
        let a = register(base, base + 100, false).unwrap();
        let b = register(base + 50, base + 150, false).unwrap();
        let err = register(base + 99, base + 101, true).unwrap_err();
        assert_eq!(err.held, (base, base + 100));
        assert!(!err.held_exclusive && err.wanted_exclusive);
        // Touching ranges do not overlap.
        let c = register(base + 150, base + 160, true).unwrap();
        assert!(register(base + 155, base + 156, false).is_err());
        drop((a, b));
        let d = register(base, base + 150, true).unwrap();
        drop((c, d));
        let _e = register(base, base + 160, true).unwrap();
    }
}
