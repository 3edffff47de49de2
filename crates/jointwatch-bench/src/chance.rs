//! The generator's source of chance: PCG64 (the MCG variant) seeded
//! explicitly, plus the few draws the generator needs. Everything is derived
//! from `next_u64`, so a seed gives the same dataset on every platform.

use rand_pcg::rand_core::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;

#[derive(Clone)]
pub(crate) struct Chance(Pcg64Mcg);

impl Chance {
    pub(crate) fn new(seed: u64) -> Chance {
        Chance(Pcg64Mcg::seed_from_u64(seed))
    }

    /// A uniform float in `[0, 1)` with 53 random bits.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Whether an event of probability `p` happens.
    pub(crate) fn odds(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A uniform integer in `lo..=hi` (`lo` when the range is empty).
    pub(crate) fn int(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = (hi - lo) as u64 + 1;
        // Lemire's multiply-shift; the bias is below 2^-64 per draw for these spans.
        lo + ((u128::from(self.0.next_u64()) * u128::from(span)) >> 64) as i64
    }

    /// A uniform index below `n` (`0` when `n` is 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.int(0, n as i64 - 1) as usize
    }

    /// A uniform float in `[lo, hi)`.
    pub(crate) fn float(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// One element, uniformly.
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One element, with probability proportional to its weight.
    pub(crate) fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut x = self.int(0, i64::from(total) - 1) as u32;
        for (item, w) in items {
            if x < *w {
                return item;
            }
            x -= w;
        }
        &items[items.len() - 1].0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_stream() {
        let (mut a, mut b) = (Chance::new(42), Chance::new(42));
        for _ in 0..100 {
            assert_eq!(a.int(-5, 1000), b.int(-5, 1000));
        }
        assert_ne!(
            (0..8).map(|_| Chance::new(1).unit()).collect::<Vec<_>>()[0],
            Chance::new(2).unit()
        );
    }

    #[test]
    fn draws_stay_in_their_ranges() {
        let mut c = Chance::new(7);
        for _ in 0..10_000 {
            let i = c.int(3, 9);
            assert!((3..=9).contains(&i));
            let u = c.unit();
            assert!((0.0..1.0).contains(&u));
            assert!(c.below(4) < 4);
        }
        assert_eq!(c.int(5, 5), 5);
        assert_eq!(c.below(0), 0);
    }
}
