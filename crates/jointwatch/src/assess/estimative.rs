//! Estimative language (ICD 203): the words analysts use for probabilities.
//!
//! | term | probability |
//! |---|---|
//! | almost no chance | below 5 % |
//! | very unlikely | 5 % to below 20 % |
//! | unlikely | 20 % to below 45 % |
//! | roughly even chance | 45 % to 55 % |
//! | likely | above 55 % to 80 % |
//! | very likely | above 80 % to 95 % |
//! | almost certain | above 95 % |
//!
//! ICD 203 gives the bands as 01–05, 05–20, 20–45, 45–55, 55–80, 80–95 and
//! 95–99 %, sharing their edges. This crate gives each shared edge to the band
//! nearer to even chance, so the bands are symmetric: 5 % is "very unlikely"
//! and 95 % is "very likely"; 45 % and 55 % are "roughly even chance".

use std::fmt;

use serde::{Deserialize, Serialize};

/// An ICD 203 expression of likelihood.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Term {
    /// Below 5 %.
    AlmostNoChance,
    /// 5 % to below 20 %.
    VeryUnlikely,
    /// 20 % to below 45 %.
    Unlikely,
    /// 45 % to 55 %.
    RoughlyEvenChance,
    /// Above 55 % to 80 %.
    Likely,
    /// Above 80 % to 95 %.
    VeryLikely,
    /// Above 95 %.
    AlmostCertain,
}

impl Term {
    /// The term for a probability (0–1); `None` for a value outside 0–1 or NaN.
    ///
    /// # Example
    /// ```
    /// use jointwatch::assess::estimative::Term;
    /// assert_eq!(Term::of(0.62), Some(Term::Likely));
    /// assert_eq!(Term::of(0.55), Some(Term::RoughlyEvenChance));
    /// assert_eq!(Term::of(0.5501), Some(Term::Likely));
    /// assert_eq!(Term::of(1.2), None);
    /// ```
    pub fn of(p: f64) -> Option<Term> {
        if !(0.0..=1.0).contains(&p) {
            return None;
        }
        Some(if p < 0.05 {
            Term::AlmostNoChance
        } else if p < 0.20 {
            Term::VeryUnlikely
        } else if p < 0.45 {
            Term::Unlikely
        } else if p <= 0.55 {
            Term::RoughlyEvenChance
        } else if p <= 0.80 {
            Term::Likely
        } else if p <= 0.95 {
            Term::VeryLikely
        } else {
            Term::AlmostCertain
        })
    }

    /// The words, as an analyst writes them.
    pub fn words(&self) -> &'static str {
        match self {
            Term::AlmostNoChance => "almost no chance",
            Term::VeryUnlikely => "very unlikely",
            Term::Unlikely => "unlikely",
            Term::RoughlyEvenChance => "roughly even chance",
            Term::Likely => "likely",
            Term::VeryLikely => "very likely",
            Term::AlmostCertain => "almost certain",
        }
    }

    /// The band of probabilities the term covers, as ICD 203 states it (percent).
    pub fn band(&self) -> (u8, u8) {
        match self {
            Term::AlmostNoChance => (1, 5),
            Term::VeryUnlikely => (5, 20),
            Term::Unlikely => (20, 45),
            Term::RoughlyEvenChance => (45, 55),
            Term::Likely => (55, 80),
            Term::VeryLikely => (80, 95),
            Term::AlmostCertain => (95, 99),
        }
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.words())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const JUST: f64 = 1e-9;

    #[test]
    fn each_edge_is_tested_on_both_sides() {
        let edges = [
            (
                0.05,
                Term::AlmostNoChance,
                Term::VeryUnlikely,
                Term::VeryUnlikely,
            ),
            (0.20, Term::VeryUnlikely, Term::Unlikely, Term::Unlikely),
            (
                0.45,
                Term::Unlikely,
                Term::RoughlyEvenChance,
                Term::RoughlyEvenChance,
            ),
            (
                0.55,
                Term::RoughlyEvenChance,
                Term::RoughlyEvenChance,
                Term::Likely,
            ),
            (0.80, Term::Likely, Term::Likely, Term::VeryLikely),
            (
                0.95,
                Term::VeryLikely,
                Term::VeryLikely,
                Term::AlmostCertain,
            ),
        ];
        for (edge, below, at, above) in edges {
            assert_eq!(Term::of(edge - JUST), Some(below), "just below {edge}");
            assert_eq!(Term::of(edge), Some(at), "at {edge}");
            assert_eq!(Term::of(edge + JUST), Some(above), "just above {edge}");
        }
    }

    #[test]
    fn the_ends_and_outside() {
        assert_eq!(Term::of(0.0), Some(Term::AlmostNoChance));
        assert_eq!(Term::of(1.0), Some(Term::AlmostCertain));
        assert_eq!(Term::of(-0.01), None);
        assert_eq!(Term::of(1.01), None);
        assert_eq!(Term::of(f64::NAN), None);
    }

    #[test]
    fn bands_are_symmetric_about_even_chance() {
        let bands: Vec<(u8, u8)> = [
            Term::VeryUnlikely,
            Term::Unlikely,
            Term::Likely,
            Term::VeryLikely,
        ]
        .iter()
        .map(|t| t.band())
        .collect();
        assert_eq!(bands[0].0 + bands[3].1, 100);
        assert_eq!(bands[1].1 + bands[2].0, 100);
    }
}
