//! Stable sorting compiled once.
//!
//! `slice::sort_by` is generic over the element and the comparison, so every
//! call site compiles its own copy of the standard library's sort, about
//! 4 KB of WebAssembly each. The analytics sort small lists in several
//! places, so they sort through here instead: lists of up to [`SMALL`]
//! elements by insertion, which is tiny and fast; longer ones by sorting
//! their positions with one copy of the standard sort, the comparison behind
//! a `dyn` call, and then moving the elements into that order.
//!
//! The result is exactly that of `slice::sort_by`: a stable sort.

use std::cmp::Ordering;

/// Lists up to this long are sorted by insertion.
const SMALL: usize = 16;

/// Sorts `v` stably by `compare`, as `v.sort_by(compare)` does.
pub(crate) fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let n = v.len();
    if n <= SMALL {
        for i in 1..n {
            let mut j = i;
            while j > 0 && compare(&v[j - 1], &v[j]) == Ordering::Greater {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mut order = sorted_positions(n, &mut |a, b| compare(&v[a], &v[b]));
    // Position `i` takes the element now at `order[i]`: follow each cycle of
    // the permutation, marking the positions done.
    for start in 0..n {
        let mut at = start;
        while order[at] != usize::MAX {
            let next = order[at];
            order[at] = usize::MAX;
            if next == start {
                break;
            }
            v.swap(at, next);
            at = next;
        }
    }
}

/// Sorts `v` stably, as `v.sort()` does.
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts `v` stably by a key, as `v.sort_by_key(key)` does (the key is
/// computed for each comparison, as there).
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..n` in the order `compare` sorts them, stably.
#[inline(never)]
fn sorted_positions(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so that failures reproduce.
    fn numbers(seed: u64, n: usize, range: u64) -> Vec<u64> {
        let mut x = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % range
            })
            .collect()
    }

    #[test]
    fn sorts_stably_like_the_standard_library() {
        for n in [0, 1, 2, 3, 15, 16, 17, 40, 100, 1000] {
            for seed in 0..20 {
                // Pairs of (key, original position): stability shows in the positions.
                let v: Vec<(u64, usize)> = numbers(seed, n, 7)
                    .into_iter()
                    .enumerate()
                    .map(|(i, k)| (k, i))
                    .collect();
                let mut want = v.clone();
                want.sort_by_key(|a| a.0);
                let mut got = v.clone();
                sort_by(&mut got, |a, b| a.0.cmp(&b.0));
                assert_eq!(got, want, "n = {n}, seed = {seed}");
                let mut got = v.clone();
                sort_by_key(&mut got, |x| x.0);
                assert_eq!(got, want, "n = {n}, seed = {seed}");
                let mut want = v.clone();
                want.sort();
                let mut got = v;
                sort(&mut got);
                assert_eq!(got, want, "n = {n}, seed = {seed}");
            }
        }
    }
}
