//! Quantities with honest uncertainty: exact figures, lower and upper
//! bounds ("over 400 warships"), ranges ("four to ten") and low/best/high
//! estimates, with sums and maxima that carry the bounds through.
//!
//! Quantities here count things (ships, aircraft, people, events), so a
//! quantity with no stated lower bound is taken to start at zero.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::de::{serialize_number, tagged};

/// A figure as the source gave it.
///
/// In JSON: a bare number for an exact figure, or an object with one of the
/// forms `{"atLeast": n}`, `{"over": n}`, `{"atMost": n}`, `{"under": n}`,
/// `{"min": a, "max": b}` or `{"low": a, "best": b, "high": c}`.
///
/// # Example
/// ```
/// use jointwatch::Quantity;
/// let warships = Quantity::MoreThan(400.0);
/// let total = warships.add(&Quantity::Exact(120.0));
/// assert_eq!(total, Quantity::MoreThan(520.0));
/// assert_eq!(total.to_string(), "over 520");
/// let q: Quantity = serde_json::from_str(r#"{"min": 4, "max": 10}"#).unwrap();
/// assert_eq!(q.to_string(), "4–10");
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Quantity {
    /// Exactly this many.
    Exact(f64),
    /// This many or more ("at least nine").
    AtLeast(f64),
    /// Strictly more than this ("over 400").
    MoreThan(f64),
    /// This many or fewer.
    AtMost(f64),
    /// Strictly fewer than this ("under 10").
    LessThan(f64),
    /// Somewhere from `min` to `max`, both included ("four to ten").
    Range {
        /// The smallest value.
        min: f64,
        /// The largest value.
        max: f64,
    },
    /// An estimate with a plausible low and high and a best guess.
    Estimate {
        /// The low end.
        low: f64,
        /// The best estimate.
        best: f64,
        /// The high end.
        high: f64,
    },
}

/// The interval a [`Quantity`] stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// The lower bound.
    pub low: f64,
    /// Whether the lower bound itself is excluded ("over").
    pub low_exclusive: bool,
    /// The upper bound; `None` when unbounded.
    pub high: Option<f64>,
    /// Whether the upper bound itself is excluded ("under").
    pub high_exclusive: bool,
    /// A single best value, when the source gave one.
    pub best: Option<f64>,
}

/// A quantity's interval with the single value to plot, as the npm
/// package's `quantityBounds` returns it.
///
/// # Example
/// ```
/// use jointwatch::Quantity;
/// let b = Quantity::Range { min: 4.0, max: 10.0 }.bounds_with_point();
/// assert_eq!((b.low, b.high, b.point), (4.0, Some(10.0), 7.0));
/// ```
#[cfg_attr(feature = "ts", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuantityBounds {
    /// The lower bound (0 when the source gave none).
    pub low: f64,
    /// Whether the lower bound itself is excluded ("over 400").
    pub low_exclusive: bool,
    /// The upper bound; `null` when unbounded.
    pub high: Option<f64>,
    /// Whether the upper bound itself is excluded ("under 10").
    pub high_exclusive: bool,
    /// The best single value, when the source gave one.
    pub best: Option<f64>,
    /// The value to plot: the exact figure or best estimate, else the middle of a bounded range, else the lower bound.
    pub point: f64,
}

impl Quantity {
    /// The name of the quantity's form, as the document's JSON writes it
    /// (`exact`, `atLeast`, `over`, `atMost`, `under`, `range`, `estimate`).
    ///
    /// ```
    /// use jointwatch::Quantity;
    /// assert_eq!(Quantity::MoreThan(400.0).form(), "over");
    /// assert_eq!(Quantity::Exact(9.0).form(), "exact");
    /// ```
    pub fn form(&self) -> &'static str {
        match self {
            Quantity::Exact(_) => "exact",
            Quantity::AtLeast(_) => "atLeast",
            Quantity::MoreThan(_) => "over",
            Quantity::AtMost(_) => "atMost",
            Quantity::LessThan(_) => "under",
            Quantity::Range { .. } => "range",
            Quantity::Estimate { .. } => "estimate",
        }
    }

    /// The interval the quantity stands for, with [`point`](Quantity::point).
    pub fn bounds_with_point(&self) -> QuantityBounds {
        let b = self.bounds();
        QuantityBounds {
            low: b.low,
            low_exclusive: b.low_exclusive,
            high: b.high,
            high_exclusive: b.high_exclusive,
            best: b.best,
            point: self.point(),
        }
    }

    /// The interval the quantity stands for.
    pub fn bounds(&self) -> Bounds {
        let b = |low, low_exclusive, high, high_exclusive, best| Bounds {
            low,
            low_exclusive,
            high,
            high_exclusive,
            best,
        };
        match *self {
            Quantity::Exact(v) => b(v, false, Some(v), false, Some(v)),
            Quantity::AtLeast(v) => b(v, false, None, false, None),
            Quantity::MoreThan(v) => b(v, true, None, false, None),
            Quantity::AtMost(v) => b(0.0, false, Some(v), false, None),
            Quantity::LessThan(v) => b(0.0, false, Some(v), true, None),
            Quantity::Range { min, max } => b(min, false, Some(max), false, None),
            Quantity::Estimate { low, best, high } => b(low, false, Some(high), false, Some(best)),
        }
    }

    /// The smallest value the quantity allows (the bound itself for "over").
    pub fn low(&self) -> f64 {
        self.bounds().low
    }

    /// The largest value it allows, `None` when unbounded.
    pub fn high(&self) -> Option<f64> {
        self.bounds().high
    }

    /// The single value to plot: the exact figure or best estimate, else the
    /// midpoint of a bounded range, else the lower bound.
    pub fn point(&self) -> f64 {
        let b = self.bounds();
        b.best.unwrap_or(match b.high {
            Some(h) => (b.low + h) / 2.0,
            None => b.low,
        })
    }

    /// Whether this is an exact figure.
    pub fn is_exact(&self) -> bool {
        matches!(self, Quantity::Exact(_))
    }

    /// Every number the quantity holds, for checks such as "no negatives".
    pub fn values(&self) -> Vec<f64> {
        match *self {
            Quantity::Exact(v)
            | Quantity::AtLeast(v)
            | Quantity::MoreThan(v)
            | Quantity::AtMost(v)
            | Quantity::LessThan(v) => vec![v],
            Quantity::Range { min, max } => vec![min, max],
            Quantity::Estimate { low, best, high } => vec![low, best, high],
        }
    }

    /// Whether the bounds are in order (`min <= max`, `low <= best <= high`)
    /// and every number is finite.
    pub fn is_ordered(&self) -> bool {
        self.values().iter().all(|v| v.is_finite())
            && match *self {
                Quantity::Range { min, max } => min <= max,
                Quantity::Estimate { low, best, high } => low <= best && best <= high,
                _ => true,
            }
    }

    /// Rebuilds the simplest quantity that states these bounds.
    pub fn from_bounds(b: Bounds) -> Quantity {
        match b.high {
            None if b.low_exclusive => Quantity::MoreThan(b.low),
            None => Quantity::AtLeast(b.low),
            Some(h) if h == b.low && !b.low_exclusive && !b.high_exclusive => Quantity::Exact(h),
            Some(h) => match b.best {
                Some(best) => Quantity::Estimate {
                    low: b.low,
                    best,
                    high: h,
                },
                None if b.low == 0.0 && !b.low_exclusive && b.high_exclusive => {
                    Quantity::LessThan(h)
                }
                None if b.low == 0.0 && !b.low_exclusive => Quantity::AtMost(h),
                None => Quantity::Range { min: b.low, max: h },
            },
        }
    }

    /// The sum of two quantities, with bounds added end to end: the sum of
    /// "over 400" and "120" is "over 520"; of "4–10" and "at least 1",
    /// "at least 5".
    pub fn add(&self, other: &Quantity) -> Quantity {
        let (a, b) = (self.bounds(), other.bounds());
        Quantity::from_bounds(Bounds {
            low: a.low + b.low,
            low_exclusive: a.low_exclusive || b.low_exclusive,
            high: a.high.zip(b.high).map(|(x, y)| x + y),
            high_exclusive: a.high_exclusive || b.high_exclusive,
            best: a.best.zip(b.best).map(|(x, y)| x + y),
        })
    }

    /// The sum of many quantities; `Exact(0)` for none.
    ///
    /// # Example
    /// ```
    /// use jointwatch::Quantity;
    /// let q = Quantity::sum([Quantity::Exact(2.0), Quantity::Range { min: 1.0, max: 3.0 }].iter());
    /// assert_eq!(q, Quantity::Range { min: 3.0, max: 5.0 });
    /// ```
    pub fn sum<'a>(items: impl IntoIterator<Item = &'a Quantity>) -> Quantity {
        items
            .into_iter()
            .fold(Quantity::Exact(0.0), |acc, q| acc.add(q))
    }

    /// The larger of two quantities, bound by bound: the maximum of "4–10"
    /// and "at least 9" is "at least 9"; of "4–10" and "6", "6–10".
    pub fn max(&self, other: &Quantity) -> Quantity {
        let (a, b) = (self.bounds(), other.bounds());
        let (low, low_exclusive) = if a.low > b.low || (a.low == b.low && a.low_exclusive) {
            (a.low, a.low_exclusive)
        } else {
            (b.low, b.low_exclusive)
        };
        let (high, high_exclusive) = larger_upper(&a, &b);
        Quantity::from_bounds(Bounds {
            low,
            low_exclusive,
            high,
            high_exclusive,
            best: a.best.zip(b.best).map(|(x, y)| x.max(y)),
        })
    }

    /// The smallest quantity holding every one of `qs`: the lowest lower
    /// bound to the highest upper bound (unbounded if any is), with no best
    /// value; `None` for none. What is shown when equally graded sources
    /// disagree.
    ///
    /// # Example
    /// ```
    /// use jointwatch::Quantity;
    /// let s = Quantity::span([Quantity::Exact(669.0), Quantity::Exact(704.0)]).unwrap();
    /// assert_eq!(s, Quantity::Range { min: 669.0, max: 704.0 });
    /// ```
    pub fn span(qs: impl IntoIterator<Item = Quantity>) -> Option<Quantity> {
        let mut out: Option<Bounds> = None;
        for q in qs {
            let b = q.bounds();
            out = Some(match out {
                None => Bounds { best: None, ..b },
                Some(o) => {
                    let (low, low_exclusive) =
                        if b.low < o.low || (b.low == o.low && !b.low_exclusive) {
                            (b.low, b.low_exclusive)
                        } else {
                            (o.low, o.low_exclusive)
                        };
                    let (high, high_exclusive) = larger_upper(&b, &o);
                    Bounds {
                        low,
                        low_exclusive,
                        high,
                        high_exclusive,
                        best: None,
                    }
                }
            });
        }
        out.map(Quantity::from_bounds)
    }
}

/// The larger of two upper bounds, with whether it is excluded: unbounded
/// when either is; of equal bounds, the included one (`a`'s when both are).
fn larger_upper(a: &Bounds, b: &Bounds) -> (Option<f64>, bool) {
    match (a.high, b.high) {
        (Some(x), Some(y)) if x > y || (x == y && !a.high_exclusive) => (Some(x), a.high_exclusive),
        (Some(_), Some(y)) => (Some(y), b.high_exclusive),
        _ => (None, false),
    }
}

struct Num(f64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.fract() == 0.0 && self.0.abs() < 1e15 {
            write!(f, "{}", self.0 as i64)
        } else {
            write!(f, "{}", self.0)
        }
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Quantity::Exact(v) => write!(f, "{}", Num(v)),
            Quantity::AtLeast(v) => write!(f, "at least {}", Num(v)),
            Quantity::MoreThan(v) => write!(f, "over {}", Num(v)),
            Quantity::AtMost(v) => write!(f, "at most {}", Num(v)),
            Quantity::LessThan(v) => write!(f, "under {}", Num(v)),
            Quantity::Range { min, max } => write!(f, "{}–{}", Num(min), Num(max)),
            Quantity::Estimate { low, best, high } => {
                write!(f, "{} (range {}–{})", Num(best), Num(low), Num(high))
            }
        }
    }
}

struct N(f64);
impl Serialize for N {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_number(self.0, s)
    }
}

impl Serialize for Quantity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let one = |s: S, k: &str, v: f64| {
            let mut m = s.serialize_map(Some(1))?;
            m.serialize_entry(k, &N(v))?;
            m.end()
        };
        match *self {
            Quantity::Exact(v) => serialize_number(v, s),
            Quantity::AtLeast(v) => one(s, "atLeast", v),
            Quantity::MoreThan(v) => one(s, "over", v),
            Quantity::AtMost(v) => one(s, "atMost", v),
            Quantity::LessThan(v) => one(s, "under", v),
            Quantity::Range { min, max } => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("min", &N(min))?;
                m.serialize_entry("max", &N(max))?;
                m.end()
            }
            Quantity::Estimate { low, best, high } => {
                let mut m = s.serialize_map(Some(3))?;
                m.serialize_entry("low", &N(low))?;
                m.serialize_entry("best", &N(best))?;
                m.serialize_entry("high", &N(high))?;
                m.end()
            }
        }
    }
}

/// A quantity written as an object, as read. `values` is the form of a
/// [`Figure`](crate::model::figure::Figure) with several values; a plain
/// quantity refuses it (`V` is then [`de::IgnoredAny`]).
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub(crate) struct QuantityObject<V> {
    #[serde(default = "Option::default")]
    values: Option<V>,
    exact: Option<f64>,
    at_least: Option<f64>,
    over: Option<f64>,
    at_most: Option<f64>,
    under: Option<f64>,
    min: Option<f64>,
    max: Option<f64>,
    low: Option<f64>,
    best: Option<f64>,
    high: Option<f64>,
}

impl<V> QuantityObject<V> {
    /// Takes the `values`, and says whether no quantity key was given
    /// beside them.
    pub(crate) fn take_values(&mut self) -> (Option<V>, bool) {
        let alone = [
            self.exact,
            self.at_least,
            self.over,
            self.at_most,
            self.under,
            self.min,
            self.max,
            self.low,
            self.best,
            self.high,
        ]
        .iter()
        .all(Option::is_none);
        (self.values.take(), alone)
    }

    /// The quantity the keys state, or the tagged message saying why none.
    pub(crate) fn into_quantity(self) -> Result<Quantity, String> {
        let q = match self {
            QuantityObject {
                values: _,
                exact: Some(v),
                at_least: None,
                over: None,
                at_most: None,
                under: None,
                min: None,
                max: None,
                low: None,
                best: None,
                high: None,
            } => Quantity::Exact(v),
            QuantityObject {
                values: _,
                exact: None,
                at_least: Some(v),
                over: None,
                at_most: None,
                under: None,
                min: None,
                max: None,
                low: None,
                best: None,
                high: None,
            } => Quantity::AtLeast(v),
            QuantityObject {
                values: _,
                exact: None,
                at_least: None,
                over: Some(v),
                at_most: None,
                under: None,
                min: None,
                max: None,
                low: None,
                best: None,
                high: None,
            } => Quantity::MoreThan(v),
            QuantityObject {
                values: _,
                exact: None,
                at_least: None,
                over: None,
                at_most: Some(v),
                under: None,
                min: None,
                max: None,
                low: None,
                best: None,
                high: None,
            } => Quantity::AtMost(v),
            QuantityObject {
                values: _,
                exact: None,
                at_least: None,
                over: None,
                at_most: None,
                under: Some(v),
                min: None,
                max: None,
                low: None,
                best: None,
                high: None,
            } => Quantity::LessThan(v),
            QuantityObject {
                values: _,
                exact: None,
                at_least: None,
                over: None,
                at_most: None,
                under: None,
                min: Some(min),
                max: Some(max),
                low: None,
                best: None,
                high: None,
            } => Quantity::Range { min, max },
            QuantityObject {
                values: _,
                exact: None,
                at_least: None,
                over: None,
                at_most: None,
                under: None,
                min: None,
                max: None,
                low: Some(low),
                best: Some(best),
                high: Some(high),
            } => Quantity::Estimate { low, best, high },
            _ => return Err(tagged("invalid-quantity", format!("a quantity is {FORMS}"))),
        };
        Ok(q)
    }
}

/// The forms a quantity takes, completing "a quantity is" in the
/// invalid-quantity message and "expected" in serde's invalid-type message.
pub(crate) const FORMS: &str = "a number or one of {\"exact\": n}, {\"atLeast\": n}, {\"over\": n}, {\"atMost\": n}, {\"under\": n}, {\"min\": a, \"max\": b}, {\"low\": a, \"best\": b, \"high\": c}";

impl<'de> Deserialize<'de> for Quantity {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Quantity;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "a quantity ({FORMS})")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Quantity, E> {
                Ok(Quantity::Exact(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Quantity, E> {
                Ok(Quantity::Exact(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Quantity, E> {
                Ok(Quantity::Exact(v as f64))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Quantity, A::Error> {
                let o = QuantityObject::<de::IgnoredAny>::deserialize(
                    de::value::MapAccessDeserializer::new(map),
                )?;
                if o.values.is_some() {
                    return Err(de::Error::custom(tagged(
                        "invalid-quantity",
                        "a statistic's figure has one value; a second reporter's figure is a second statistic",
                    )));
                }
                o.into_quantity().map_err(de::Error::custom)
            }
        }
        d.deserialize_any(V)
    }
}

// ---------------------------------------------------------------------------
// The cell syntax: how people type a quantity in a spreadsheet (`669`,
// `90,000`, `400+`, `>400`, `<=10`, `4-10`, `3/5/8`), read and written.
// ---------------------------------------------------------------------------

/// A cell's text is not a quantity ([`Quantity::from_cell`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{cell:?} is not a quantity; write 669, 400+, >400, <=10, <10, 4-10 or 3/5/8 (low/best/high)"
)]
pub struct QuantityCellError {
    /// The cell as given.
    pub cell: String,
}

/// A plain decimal number: optional `-`, digits, optional fraction. No
/// exponents, no `inf` or `NaN`.
pub(crate) fn plain_number(s: &str) -> Option<f64> {
    let body = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || frac.is_some_and(|f| !digits(f)) {
        return None;
    }
    s.parse().ok()
}

/// A number as people write counts: `90000`, `90,000` (commas only between
/// groups of three digits) or `2.5`.
fn number(s: &str) -> Option<f64> {
    let s = s.trim();
    if s.contains(',') {
        let body = s.strip_prefix('-').unwrap_or(s);
        let int = body.split('.').next().unwrap_or("");
        let groups: Vec<&str> = int.split(',').collect();
        let grouped = (1..=3).contains(&groups[0].len())
            && groups[1..].iter().all(|g| g.len() == 3)
            && !body.split_once('.').is_some_and(|(_, f)| f.contains(','));
        if !grouped {
            return None;
        }
        return plain_number(&s.replace(',', ""));
    }
    plain_number(s)
}

impl Quantity {
    /// Reads a quantity as typed in a spreadsheet cell (the CSV import's
    /// syntax, `docs/csv.md`).
    ///
    /// | Cell | Meaning | JSON |
    /// | --- | --- | --- |
    /// | `669`, `90,000`, `2.5` | exactly | `669` |
    /// | `9+`, `>=9`, `at least 9` | 9 or more | `{"atLeast": 9}` |
    /// | `>400`, `over 400`, `more than 400` | more than 400 | `{"over": 400}` |
    /// | `<=10`, `at most 10`, `up to 10` | 10 or fewer | `{"atMost": 10}` |
    /// | `<10`, `under 10`, `fewer than 10`, `less than 10` | fewer than 10 | `{"under": 10}` |
    /// | `4-10`, `4–10`, `4 to 10` | from 4 to 10 | `{"min": 4, "max": 10}` |
    /// | `3/5/8` | low/best/high | `{"low": 3, "best": 5, "high": 8}` |
    ///
    /// `≥` and `≤` work like `>=` and `<=`. Note that `400+` includes 400 (as
    /// in "18+"); for "over 400" write `>400`.
    ///
    /// # Example
    /// ```
    /// use jointwatch::Quantity;
    /// assert_eq!(Quantity::from_cell(">400").unwrap(), Quantity::MoreThan(400.0));
    /// assert_eq!(Quantity::from_cell("9+").unwrap(), Quantity::AtLeast(9.0));
    /// assert_eq!(Quantity::from_cell("90,000").unwrap(), Quantity::Exact(90000.0));
    /// assert_eq!(
    ///     Quantity::from_cell("lots").unwrap_err().to_string(),
    ///     "\"lots\" is not a quantity; write 669, 400+, >400, <=10, <10, 4-10 or 3/5/8 (low/best/high)"
    /// );
    /// ```
    pub fn from_cell(cell: &str) -> Result<Quantity, QuantityCellError> {
        let s = cell.trim();
        let bad = || QuantityCellError {
            cell: cell.to_string(),
        };
        let num = |t: &str| number(t).ok_or_else(bad);
        let lower = s.to_lowercase();
        type Make = fn(f64) -> Quantity;
        let prefixes: [(&str, Make); 13] = [
            (">=", Quantity::AtLeast),
            ("≥", Quantity::AtLeast),
            ("<=", Quantity::AtMost),
            ("≤", Quantity::AtMost),
            (">", Quantity::MoreThan),
            ("<", Quantity::LessThan),
            ("at least ", Quantity::AtLeast),
            ("over ", Quantity::MoreThan),
            ("more than ", Quantity::MoreThan),
            ("at most ", Quantity::AtMost),
            ("up to ", Quantity::AtMost),
            ("under ", Quantity::LessThan),
            ("fewer than ", Quantity::LessThan),
        ];
        for (p, make) in prefixes {
            if let Some(rest) = lower.strip_prefix(p) {
                return Ok(make(num(rest)?));
            }
        }
        if let Some(rest) = lower.strip_prefix("less than ") {
            return Ok(Quantity::LessThan(num(rest)?));
        }
        if let Some(rest) = s.strip_suffix('+') {
            return Ok(Quantity::AtLeast(num(rest)?));
        }
        if s.contains('/') {
            let parts: Vec<&str> = s.split('/').collect();
            return match parts.as_slice() {
                [low, best, high] => Ok(Quantity::Estimate {
                    low: num(low)?,
                    best: num(best)?,
                    high: num(high)?,
                }),
                _ => Err(bad()),
            };
        }
        if let Some((a, b)) = lower.split_once(" to ") {
            return Ok(Quantity::Range {
                min: num(a)?,
                max: num(b)?,
            });
        }
        // A dash after the first character separates a range ("4-10"); a
        // leading one is a sign.
        if let Some(i) = s
            .char_indices()
            .skip(1)
            .find(|(_, c)| *c == '-' || *c == '–')
            .map(|(i, _)| i)
        {
            let dash = s[i..].chars().next().map(char::len_utf8).unwrap_or(1);
            return Ok(Quantity::Range {
                min: num(&s[..i])?,
                max: num(&s[i + dash..])?,
            });
        }
        Ok(Quantity::Exact(num(s)?))
    }

    /// Writes the quantity in the cell syntax [`Quantity::from_cell`] reads.
    ///
    /// # Example
    /// ```
    /// use jointwatch::Quantity;
    /// let q = Quantity::Estimate { low: 3.0, best: 5.0, high: 8.5 };
    /// assert_eq!(q.to_cell(), "3/5/8.5");
    /// assert_eq!(Quantity::from_cell(&q.to_cell()).unwrap(), q);
    /// ```
    pub fn to_cell(&self) -> String {
        match *self {
            Quantity::Exact(v) => format!("{v}"),
            Quantity::AtLeast(v) => format!(">={v}"),
            Quantity::MoreThan(v) => format!(">{v}"),
            Quantity::AtMost(v) => format!("<={v}"),
            Quantity::LessThan(v) => format!("<{v}"),
            Quantity::Range { min, max } => format!("{min} to {max}"),
            Quantity::Estimate { low, best, high } => format!("{low}/{best}/{high}"),
        }
    }
}

#[cfg(test)]
mod cell_tests {
    use super::*;

    #[test]
    fn every_quantity_form_reads() {
        let cases = [
            ("669", Quantity::Exact(669.0)),
            ("90,000", Quantity::Exact(90000.0)),
            ("1,234,567.5", Quantity::Exact(1234567.5)),
            ("-3", Quantity::Exact(-3.0)),
            ("400+", Quantity::AtLeast(400.0)),
            (">= 9", Quantity::AtLeast(9.0)),
            ("≥9", Quantity::AtLeast(9.0)),
            ("At least 9", Quantity::AtLeast(9.0)),
            (">400", Quantity::MoreThan(400.0)),
            ("over 400", Quantity::MoreThan(400.0)),
            ("more than 400", Quantity::MoreThan(400.0)),
            ("<=10", Quantity::AtMost(10.0)),
            ("≤10", Quantity::AtMost(10.0)),
            ("up to 10", Quantity::AtMost(10.0)),
            ("<10", Quantity::LessThan(10.0)),
            ("fewer than 10", Quantity::LessThan(10.0)),
            ("less than 10", Quantity::LessThan(10.0)),
            (
                "4-10",
                Quantity::Range {
                    min: 4.0,
                    max: 10.0,
                },
            ),
            (
                "4–10",
                Quantity::Range {
                    min: 4.0,
                    max: 10.0,
                },
            ),
            (
                "4 - 10",
                Quantity::Range {
                    min: 4.0,
                    max: 10.0,
                },
            ),
            (
                "-5 to -3",
                Quantity::Range {
                    min: -5.0,
                    max: -3.0,
                },
            ),
            (
                "3/5/8",
                Quantity::Estimate {
                    low: 3.0,
                    best: 5.0,
                    high: 8.0,
                },
            ),
        ];
        for (cell, want) in cases {
            assert_eq!(Quantity::from_cell(cell).unwrap(), want, "{cell}");
        }
    }

    #[test]
    fn malformed_quantities_are_rejected() {
        for cell in [
            "", "lots", "1e5", "inf", "NaN", "4-", "-", "3/5", "1,5", "12,34", "4 to", ">", "+",
            "1/2/3/4", "0x10", "4-10-12",
        ] {
            let err = Quantity::from_cell(cell).unwrap_err();
            assert_eq!(err.cell, cell);
        }
    }

    #[test]
    fn quantity_cells_round_trip() {
        for q in [
            Quantity::Exact(1.5),
            Quantity::AtLeast(9.0),
            Quantity::MoreThan(400.0),
            Quantity::AtMost(10.0),
            Quantity::LessThan(3.0),
            Quantity::Range {
                min: -2.0,
                max: 4.0,
            },
            Quantity::Estimate {
                low: 1.0,
                best: 2.0,
                high: 3.0,
            },
        ] {
            assert_eq!(Quantity::from_cell(&q.to_cell()).unwrap(), q);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn over_plus_exact_stays_over() {
        assert_eq!(
            Quantity::MoreThan(400.0).add(&Quantity::Exact(120.0)),
            Quantity::MoreThan(520.0)
        );
        assert_eq!(
            Quantity::AtLeast(400.0).add(&Quantity::Exact(120.0)),
            Quantity::AtLeast(520.0)
        );
    }

    #[test]
    fn ranges_add_end_to_end() {
        let r = Quantity::Range {
            min: 4.0,
            max: 10.0,
        };
        assert_eq!(
            r.add(&r),
            Quantity::Range {
                min: 8.0,
                max: 20.0
            }
        );
        assert_eq!(r.add(&Quantity::AtLeast(1.0)), Quantity::AtLeast(5.0));
        assert_eq!(
            Quantity::AtMost(10.0).add(&Quantity::AtMost(5.0)),
            Quantity::AtMost(15.0)
        );
        assert_eq!(
            Quantity::AtMost(10.0).add(&Quantity::Exact(3.0)),
            Quantity::Range {
                min: 3.0,
                max: 13.0
            }
        );
        assert_eq!(
            Quantity::Exact(2.0).add(&Quantity::Exact(3.0)),
            Quantity::Exact(5.0)
        );
        let e = Quantity::Estimate {
            low: 1.0,
            best: 2.0,
            high: 4.0,
        };
        assert_eq!(
            e.add(&Quantity::Exact(1.0)),
            Quantity::Estimate {
                low: 2.0,
                best: 3.0,
                high: 5.0
            }
        );
        assert_eq!(
            Quantity::LessThan(10.0).add(&Quantity::Exact(0.0)),
            Quantity::LessThan(10.0)
        );
    }

    #[test]
    fn max_is_taken_bound_by_bound() {
        let r = Quantity::Range {
            min: 4.0,
            max: 10.0,
        };
        assert_eq!(r.max(&Quantity::AtLeast(9.0)), Quantity::AtLeast(9.0));
        assert_eq!(
            r.max(&Quantity::Exact(6.0)),
            Quantity::Range {
                min: 6.0,
                max: 10.0
            }
        );
        assert_eq!(
            Quantity::Exact(669.0).max(&Quantity::Exact(3.0)),
            Quantity::Exact(669.0)
        );
        assert_eq!(
            Quantity::AtLeast(9.0).max(&Quantity::MoreThan(9.0)),
            Quantity::MoreThan(9.0)
        );
    }

    #[test]
    fn json_forms_round_trip() {
        for text in [
            "669",
            r#"{"atLeast":9}"#,
            r#"{"over":400}"#,
            r#"{"atMost":10}"#,
            r#"{"under":3}"#,
            r#"{"min":4,"max":10}"#,
            r#"{"low":1,"best":2.5,"high":4}"#,
        ] {
            let q: Quantity = serde_json::from_str(text).unwrap();
            assert_eq!(serde_json::to_string(&q).unwrap(), text);
        }
        let q: Quantity = serde_json::from_str(r#"{"exact":5}"#).unwrap();
        assert_eq!(q, Quantity::Exact(5.0));
    }

    #[test]
    fn mixed_or_partial_forms_are_rejected() {
        for text in [
            r#"{"min":4}"#,
            r#"{"atLeast":1,"atMost":3}"#,
            r#"{}"#,
            r#"{"low":1,"high":2}"#,
            r#"{"approx":3}"#,
            r#""400""#,
            "true",
        ] {
            assert!(serde_json::from_str::<Quantity>(text).is_err(), "{text}");
        }
    }

    #[test]
    fn order_and_finiteness() {
        assert!(!Quantity::Range {
            min: 10.0,
            max: 4.0
        }
        .is_ordered());
        assert!(!Quantity::Estimate {
            low: 1.0,
            best: 5.0,
            high: 4.0
        }
        .is_ordered());
        assert!(!Quantity::Exact(f64::NAN).is_ordered());
        assert!(Quantity::Range {
            min: 4.0,
            max: 10.0
        }
        .is_ordered());
    }

    #[test]
    fn display_keeps_the_wording() {
        assert_eq!(Quantity::MoreThan(90000.0).to_string(), "over 90000");
        assert_eq!(Quantity::AtLeast(9.0).to_string(), "at least 9");
        assert_eq!(Quantity::Exact(669.0).to_string(), "669");
    }
}
