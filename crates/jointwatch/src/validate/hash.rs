//! The hasher of validation's maps and sets keyed by the document's own
//! strings (ids, cited source ids, area ids), which are short and hashed
//! hundreds of thousands of times per load.
//!
//! Natively [`foldhash`]'s fast hasher, several times quicker than std's
//! SipHash on short keys and, like it, randomly seeded per process, so a
//! document cannot be written against a fixed hash function. The `.wasm`,
//! whose size is budgeted, keeps std's hasher. No output depends on the
//! order of a map: with either hasher it changes from one run to the next.

use std::collections::{HashMap, HashSet};

/// Builds the hashers of [`Map`] and [`Set`].
#[cfg(not(target_arch = "wasm32"))]
pub(super) type State = foldhash::fast::RandomState;

/// Builds the hashers of [`Map`] and [`Set`].
#[cfg(target_arch = "wasm32")]
pub(super) type State = std::hash::RandomState;

/// A map keyed by the document's strings.
pub(super) type Map<K, V> = HashMap<K, V, State>;

/// A set of the document's strings.
pub(super) type Set<T> = HashSet<T, State>;

/// An empty map with room for `n` entries.
pub(super) fn map_with_capacity<K, V>(n: usize) -> Map<K, V> {
    Map::with_capacity_and_hasher(n, State::default())
}
