//! Moving the scenarios' odds: the evidence bearing on each scenario (with
//! dependent indicators pooled), the binary update of a scenario against its
//! own negation, and the joint update of a set of exclusive scenarios with
//! its remainder.

use crate::assess::{Contribution, ContributionKind, IndicatorResult, Skipped, State};
use crate::dataset::Dataset;
use crate::model::scenario::Relation;

/// The evidence bearing on one scenario.
pub(crate) struct Evidence {
    /// One entry per bearing indicator, pooled (not yet sorted).
    pub contributions: Vec<Contribution>,
    /// The sum of the counted log likelihood ratios.
    pub log_lr: f64,
    /// Indices (into the dataset's indicators) of bearing indicators observed.
    pub observed: Vec<usize>,
    /// Indices of every bearing indicator with valid ratios.
    pub bearing: Vec<usize>,
    /// Indices of the indicators whose contribution counted.
    pub counted: Vec<usize>,
    /// Unknown bearing indicators: (index, ln ratio if fired, ln ratio if not).
    pub unknown: Vec<(usize, f64, f64)>,
    /// Whether a counted, non-zero contribution rests on an illustrative ratio.
    pub illustrative: bool,
}

/// Whether two indicators are declared together in a group of `relation`;
/// the group's id.
fn grouped<'a>(ds: &'a Dataset, a: &str, b: &str, relation: Relation) -> Option<&'a str> {
    ds.indicator_groups
        .iter()
        .find(|g| {
            g.relation == relation
                && g.indicators.iter().any(|i| i == a)
                && g.indicators.iter().any(|i| i == b)
        })
        .map(|g| g.id.as_str())
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// The evidence bearing on scenario `id`: each bearing indicator's ratio
/// for its state, with dependent indicators pooled (see `docs/method.md`):
/// indicators in a `correlated` group, or whose evidence shares a record
/// (unless declared `independent` together), count once, through the
/// member whose log ratio has the largest magnitude.
pub(crate) fn evidence(
    ds: &Dataset,
    results: &[IndicatorResult],
    id: &str,
    skipped: &mut Vec<Skipped>,
) -> Evidence {
    let mut ev = Evidence {
        contributions: Vec::new(),
        log_lr: 0.0,
        observed: Vec::new(),
        bearing: Vec::new(),
        counted: Vec::new(),
        unknown: Vec::new(),
        illustrative: false,
    };
    // (indicator index, ratio applied)
    let mut bs: Vec<(usize, f64)> = Vec::new();
    for (k, (ind, res)) in ds.indicators.iter().zip(results).enumerate() {
        for b in ind.bears_on.iter().filter(|b| b.scenario == id) {
            let valid = |x: f64| x.is_finite() && x > 0.0;
            if !valid(b.if_fired) || !valid(b.if_not_fired) {
                skipped.push(Skipped {
                    id: ind.id.clone(),
                    reason: format!("invalid likelihood ratio for {id}"),
                });
                continue;
            }
            ev.bearing.push(k);
            let lr = match res.state {
                State::Fired => b.if_fired,
                State::NotFired => b.if_not_fired,
                State::Unknown => 1.0,
            };
            if res.state == State::Unknown {
                ev.unknown.push((k, b.if_fired.ln(), b.if_not_fired.ln()));
            } else {
                ev.observed.push(k);
            }
            bs.push((k, lr));
        }
    }
    // Pool dependent evidence: link pairs, then take connected clusters.
    let n = bs.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut links: Vec<(usize, String)> = Vec::new();
    for a in 0..n {
        for b in a + 1..n {
            let (ra, rb) = (&results[bs[a].0], &results[bs[b].0]);
            if ra.state == State::Unknown || rb.state == State::Unknown {
                continue;
            }
            let (ia, ib) = (ra.id.as_str(), rb.id.as_str());
            let label = match grouped(ds, ia, ib, Relation::Correlated) {
                Some(g) => Some(g.to_string()),
                None if grouped(ds, ia, ib, Relation::Independent).is_none() => ra
                    .evidence
                    .iter()
                    .find(|e| rb.evidence.contains(e))
                    .map(|e| format!("record:{e}")),
                None => None,
            };
            if let Some(label) = label {
                let (x, y) = (root(&mut parent, a), root(&mut parent, b));
                parent[y] = x;
                links.push((a, label));
            }
        }
    }
    let roots: Vec<usize> = (0..n).map(|i| root(&mut parent, i)).collect();
    for (i, &(k, lr)) in bs.iter().enumerate() {
        let res = &results[k];
        let members: Vec<usize> = (0..n).filter(|j| roots[*j] == roots[i]).collect();
        let (group, counted) = if members.len() > 1 {
            let label = links
                .iter()
                .find(|(a, _)| roots[*a] == roots[i])
                .map(|(_, l)| l.clone());
            // The member with the strongest log ratio counts; the first on a tie.
            let strongest = members.iter().copied().fold(members[0], |best, j| {
                if bs[j].1.ln().abs() > bs[best].1.ln().abs() {
                    j
                } else {
                    best
                }
            });
            (label, strongest == i)
        } else {
            (None, res.state != State::Unknown)
        };
        let counted = counted && res.state != State::Unknown;
        let log_odds = if counted { lr.ln() } else { 0.0 };
        if counted {
            ev.counted.push(k);
            ev.log_lr += log_odds;
            ev.illustrative |= res.illustrative && log_odds != 0.0;
        }
        ev.contributions.push(Contribution {
            indicator: res.id.clone(),
            kind: ContributionKind::Indicator,
            state: Some(res.state),
            likelihood_ratio: lr,
            log_odds,
            counted,
            group,
            illustrative: res.illustrative,
        });
    }
    ev
}

/// ln(Σ exp(x)) over finite or −∞ terms; −∞ when there are none.
pub(crate) fn log_sum_exp(xs: impl Iterator<Item = f64> + Clone) -> f64 {
    let m = xs.clone().fold(f64::NEG_INFINITY, f64::max);
    if m == f64::NEG_INFINITY {
        return m;
    }
    m + xs.map(|x| (x - m).exp()).sum::<f64>().ln()
}

/// The joint update of a set: given each member's log prior, the log of the
/// remainder's prior (−∞ when none) and each member's summed log likelihood
/// ratio against the remainder, each member's posterior probability, each
/// member's alternatives term (the change in its log-odds that the evidence
/// on the other members and the remainder makes:
/// ln[(Σ_{j≠i} p_j + r) / (Σ_{j≠i} p_j·Λ_j + r)]), and the remainder's
/// posterior.
pub(crate) fn set_posteriors(
    log_priors: &[f64],
    log_remainder: f64,
    log_lr: &[f64],
) -> (Vec<f64>, Vec<f64>, f64) {
    let a: Vec<f64> = log_priors.iter().zip(log_lr).map(|(p, l)| p + l).collect();
    let total = log_sum_exp(a.iter().copied().chain([log_remainder]));
    let probabilities = a.iter().map(|x| (x - total).exp()).collect();
    let others = |xs: &[f64], i: usize| {
        log_sum_exp(
            xs.iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, x)| *x)
                .chain([log_remainder]),
        )
    };
    let alternatives = (0..a.len())
        .map(|i| {
            let (before, after) = (others(log_priors, i), others(&a, i));
            if before.is_finite() && after.is_finite() {
                before - after
            } else {
                0.0
            }
        })
        .collect();
    (probabilities, alternatives, (log_remainder - total).exp())
}
