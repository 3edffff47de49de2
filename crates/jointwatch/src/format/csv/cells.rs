//! The syntax of one cell: items with details (`RUS(navy)`,
//! `H-6K(bomber,CHN)=2`), codes, dates, points, periods and the words of
//! each vocabulary. Quantities are read by
//! [`Quantity::from_cell`](crate::model::quantity::Quantity::from_cell).

use std::str::FromStr;

use serde::Serialize;

use super::columns::norm;
use super::{parse_quantity, Parsed, SyntaxError};
use crate::diagnostics::Code;
use crate::model::activity::ActivityKind;
use crate::model::actor::{CountryCode, Participant, ServiceBranch};
use crate::model::claim::ClaimKind;
use crate::model::date::FuzzyDate;
use crate::model::exercise::{Domain, Equipment};
use crate::model::figure::Stance;
use crate::model::incident::IncidentKind;
use crate::model::link::LinkKind;
use crate::model::patrol::{PatrolKind, PatrolResponse, Platform, PlatformRole, ResponseAction};
use crate::model::period::{FiscalNaming, Period, YearMonth};
use crate::model::place::{builtin_area, Point};
use crate::model::quantity::plain_number;
use crate::model::source::{Credibility, Reliability};
use crate::model::statistic::{BreakdownEntry, Category, Measure, Rate};
use crate::model::time::TimeOfDay;

// ---------------------------------------------------------------------------
// Cell syntax.
// ---------------------------------------------------------------------------

/// An item of a list cell: `head(details)=value`, where the details and the
/// value are optional.
pub(super) struct Item<'a> {
    head: &'a str,
    details: Vec<&'a str>,
    value: Option<&'a str>,
}

pub(super) fn item(s: &str) -> Parsed<Item<'_>> {
    let bad = |m: &str| SyntaxError::new(Code::InvalidValue, format!("{s:?}: {m}"));
    // A name in square brackets may hold `( ) = ; ,`: `[Pechenga (tanker)](auxiliary)`.
    let (head, rest) = match s.trim_start().strip_prefix('[') {
        Some(inner) => {
            let close = matching_bracket(inner).ok_or_else(|| bad("a `[` is never closed"))?;
            (&inner[..close], inner[close + 1..].trim_start())
        }
        None => match s.find(['(', '=']) {
            Some(i) => (&s[..i], &s[i..]),
            None => (s, ""),
        },
    };
    let (details, rest) = match rest.strip_prefix('(') {
        Some(r) => {
            let close = r.find(')').ok_or_else(|| bad("a `(` is never closed"))?;
            let details: Vec<&str> = r[..close]
                .split(',')
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .collect();
            (details, r[close + 1..].trim_start())
        }
        None => (Vec::new(), rest),
    };
    let value = match rest.strip_prefix('=') {
        Some(v) if !v.trim().is_empty() => Some(v.trim()),
        Some(_) => return Err(bad("nothing follows `=`")),
        None if rest.is_empty() => None,
        None => return Err(bad("expected `(details)` or `=value` after the name")),
    };
    let head = head.trim();
    if head.is_empty() {
        return Err(bad("the item has no name"));
    }
    Ok(Item {
        head,
        details,
        value,
    })
}

/// Where the `]` closing an opened `[` is in `s` (brackets nest).
fn matching_bracket(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' if depth == 0 => return Some(i),
            ']' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Whether every `[` in `s` is closed by a later `]` and every `]` closes one.
pub(super) fn balanced(s: &str) -> bool {
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '[' => depth += 1,
            ']' if depth == 0 => return false,
            ']' => depth -= 1,
            _ => {}
        }
    }
    depth == 0
}

/// The items of a list cell: split at `;` outside square brackets, trimmed,
/// empty items left out.
pub(super) fn split_items(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in text.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            ';' if depth == 0 => {
                out.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&text[start..]);
    out.into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// A name as the head of an item: as it is, or in square brackets when it
/// holds `( ) = ; , [ ]`. `None` when no item can hold it (empty,
/// surrounding white space, or square brackets that do not pair up).
pub(super) fn head_cell(name: &str) -> Option<String> {
    if name.is_empty() || name.trim() != name {
        return None;
    }
    if !name.contains(['(', ')', '=', ';', ',', '[', ']']) {
        return Some(name.to_string());
    }
    balanced(name).then(|| format!("[{name}]"))
}

pub(super) fn no_details(it: &Item<'_>, what: &str) -> Parsed<()> {
    if it.details.is_empty() {
        Ok(())
    } else {
        Err(SyntaxError::new(
            Code::InvalidValue,
            format!("{}: {what} takes no details in parentheses", it.head),
        ))
    }
}

pub(super) fn no_value(it: &Item<'_>, what: &str) -> Parsed<()> {
    match it.value {
        None => Ok(()),
        Some(_) => Err(SyntaxError::new(
            Code::InvalidValue,
            format!("{}: {what} takes no `=value`", it.head),
        )),
    }
}

pub(super) fn country(s: &str) -> Parsed<CountryCode> {
    s.trim()
        .to_ascii_uppercase()
        .parse()
        .map_err(|e| SyntaxError::new(Code::InvalidCountryCode, format!("{e}")))
}

pub(super) fn participant(s: &str) -> Parsed<Participant> {
    let it = item(s)?;
    no_value(&it, "a participant")?;
    let c = country(it.head)?;
    let branch = match it.details.as_slice() {
        [] => None,
        [b] => Some(branch(b)?),
        _ => {
            return Err(SyntaxError::new(
                Code::InvalidValue,
                format!("{s:?}: a participant has at most one service branch, as in RUS(navy)"),
            ))
        }
    };
    Ok(Participant { country: c, branch })
}

pub(super) fn area(s: &str) -> Parsed<String> {
    // Built-in names and aliases ("Sea of Japan", "East Sea") become ids;
    // anything else is taken as an id the dataset defines.
    Ok(builtin_area(s)
        .map(|a| a.id)
        .unwrap_or_else(|| s.to_string()))
}

pub(super) fn date(s: &str) -> Parsed<FuzzyDate> {
    s.parse()
        .map_err(|e| SyntaxError::new(Code::InvalidDate, format!("{e}")))
}

pub(super) fn time(s: &str) -> Parsed<TimeOfDay> {
    s.parse()
        .map_err(|e| SyntaxError::new(Code::InvalidTime, format!("{e}")))
}

/// A figure path in `figure-values.csv`: checked against [`FigurePath`].
pub(super) fn figure_path(s: &str) -> Parsed<String> {
    FigurePath::parse(s).map(|_| s.to_string())
}

/// Where a figure sits in a record, as written in `figure-values.csv`:
/// `forces.ships`, `forces.byState.CHN.personnel`,
/// `forces.equipment.0.quantity`, `platforms.0.count`, `responses.1.count`,
/// `rounds`, `sorties` (indexes count from 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum FigurePath {
    /// A figure of a record's forces, or of one state's part of them.
    Forces {
        state: Option<StateKey>,
        what: ForcesField,
    },
    Platform(usize),
    Response(usize),
    Rounds,
    Sorties,
}

/// A state's part of the forces: by country code, or by index in `byState`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum StateKey {
    Country(CountryCode),
    Index(usize),
}

/// One figure of [`Forces`](crate::model::exercise::Forces).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ForcesField {
    Ships,
    Submarines,
    Aircraft,
    Personnel,
    Equipment(usize),
}

const FIGURE_PATHS: &str = "forces.ships, forces.submarines, forces.aircraft, forces.personnel, \
    forces.equipment.N.quantity, forces.byState.CHN.personnel (or any of those after the country), \
    platforms.N.count, responses.N.count, rounds or sorties";

impl FigurePath {
    pub(super) fn parse(s: &str) -> Parsed<FigurePath> {
        let bad = || {
            SyntaxError::new(
                Code::InvalidValue,
                format!("{s:?} is not a figure path; write one of {FIGURE_PATHS}"),
            )
        };
        let index = |p: &str| -> Parsed<usize> {
            if p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let parts: Vec<&str> = s.split('.').collect();
        let forces_field = |rest: &[&str]| -> Parsed<ForcesField> {
            match rest {
                ["ships"] => Ok(ForcesField::Ships),
                ["submarines"] => Ok(ForcesField::Submarines),
                ["aircraft"] => Ok(ForcesField::Aircraft),
                ["personnel"] => Ok(ForcesField::Personnel),
                ["equipment", i, "quantity"] => Ok(ForcesField::Equipment(index(i)?)),
                _ => Err(bad()),
            }
        };
        match parts.as_slice() {
            ["rounds"] => Ok(FigurePath::Rounds),
            ["sorties"] => Ok(FigurePath::Sorties),
            ["platforms", i, "count"] => Ok(FigurePath::Platform(index(i)?)),
            ["responses", i, "count"] => Ok(FigurePath::Response(index(i)?)),
            ["forces", "byState", key, rest @ ..] => {
                let state = if key.bytes().all(|b| b.is_ascii_digit()) {
                    StateKey::Index(index(key)?)
                } else {
                    StateKey::Country(country(key)?)
                };
                Ok(FigurePath::Forces {
                    state: Some(state),
                    what: forces_field(rest)?,
                })
            }
            ["forces", rest @ ..] => Ok(FigurePath::Forces {
                state: None,
                what: forces_field(rest)?,
            }),
            _ => Err(bad()),
        }
    }
}

pub(super) fn whole<T: FromStr>(s: &str, what: &str) -> Parsed<T> {
    s.parse().map_err(|_| {
        SyntaxError::new(
            Code::InvalidValue,
            format!("{s:?} is not {what} (a whole number)"),
        )
    })
}

/// A figure of one value, written as a quantity cell.
pub(super) fn parse_figure(s: &str) -> Parsed<crate::model::figure::Figure> {
    parse_quantity(s).map(Into::into)
}

pub(super) fn equipment(s: &str) -> Parsed<Equipment> {
    let it = item(s)?;
    no_details(&it, "equipment")?;
    Ok(Equipment {
        name: it.head.to_string(),
        quantity: it.value.map(parse_figure).transpose()?,
    })
}

pub(super) fn platform(s: &str) -> Parsed<Platform> {
    let it = item(s)?;
    let mut p = Platform {
        model: it.head.to_string(),
        role: None,
        country: None,
        count: it.value.map(parse_figure).transpose()?,
    };
    for d in &it.details {
        if let Ok(role) = platform_role(d) {
            p.role = Some(role);
        } else if d.len() == 3 && d.chars().all(|c| c.is_ascii_alphabetic()) {
            p.country = Some(country(d)?);
        } else {
            return Err(SyntaxError::new(
                Code::UnknownVariant,
                format!(
                    "{d:?} in {s:?} is neither a platform role ({}) nor a country code",
                    names(PLATFORM_ROLES).join(", ")
                ),
            ));
        }
    }
    Ok(p)
}

pub(super) fn point(s: &str) -> Parsed<Point> {
    let nums: Vec<&str> = s
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|x| !x.is_empty())
        .collect();
    let bad = || {
        SyntaxError::new(
            Code::InvalidValue,
            format!("{s:?} is not a position; write longitude then latitude, as in \"135.5 40.2\""),
        )
    };
    match nums.as_slice() {
        [lon, lat] => Ok(Point {
            lon: plain_number(lon).ok_or_else(bad)?,
            lat: plain_number(lat).ok_or_else(bad)?,
        }),
        _ => Err(bad()),
    }
}

pub(super) fn response(s: &str) -> Parsed<PatrolResponse> {
    let it = item(s)?;
    let by = country(it.head)?;
    let action = match it.details.as_slice() {
        [a] => response_action(a)?,
        _ => {
            return Err(SyntaxError::new(
                Code::MissingField,
                format!(
                    "{s:?}: say what the state did, as in JPN(scramble); one of {}",
                    names(RESPONSE_ACTIONS).join(", ")
                ),
            ))
        }
    };
    Ok(PatrolResponse {
        by,
        action,
        count: it.value.map(parse_figure).transpose()?,
        notes: None,
    })
}

pub(super) fn breakdown(s: &str) -> Parsed<BreakdownEntry> {
    let it = item(s)?;
    let category = match norm(it.head).as_str() {
        "other" => Category::Other,
        "unknown" => Category::Unknown,
        _ => Category::Country(country(it.head)?),
    };
    let qualifier = (!it.details.is_empty()).then(|| it.details.join(", "));
    let quantity = it.value.map(parse_quantity).transpose()?;
    if quantity.is_none() && qualifier.is_none() {
        return Err(SyntaxError::new(
            Code::InvalidValue,
            format!("{s:?}: give a figure (CHN=400) or the source's words (CHN(significant))"),
        ));
    }
    Ok(BreakdownEntry {
        category,
        quantity,
        qualifier,
    })
}

pub(super) fn reliability(s: &str) -> Parsed<Reliability> {
    reliability_word(&s.to_ascii_uppercase()).map_err(|mut e| {
        e.code = Code::InvalidGrade;
        e
    })
}

pub(super) fn credibility(s: &str) -> Parsed<Credibility> {
    s.parse::<u64>()
        .ok()
        .and_then(Credibility::from_number)
        .ok_or_else(|| {
            SyntaxError::new(
                Code::InvalidGrade,
                format!("{s:?} is not a credibility grade 1-6"),
            )
        })
}

/// A month cell `YYYY-MM` (the month two digits).
fn year_month(s: &str) -> Option<YearMonth> {
    let (y, m) = s.split_once('-')?;
    let month = (m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()))
        .then(|| m.parse().ok())
        .flatten()?;
    Some(YearMonth {
        year: year(y)?,
        month,
    })
}

pub(super) fn year(s: &str) -> Option<i16> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// A period cell: `2024`, `2024-Q3`, `2024-09`, `2014-2023`, `FY2023`,
/// `FY2024Q1`, `FY2024H1` or `2024-04..2024-12`.
pub(super) fn period(
    s: &str,
    first_month: Option<u8>,
    named_by: Option<FiscalNaming>,
) -> Parsed<Period> {
    let bad = || {
        SyntaxError::new(
            Code::InvalidPeriod,
            format!(
                "{s:?} is not a period; write 2024, 2024-Q3, 2024-09, 2014-2023, FY2023, \
                 FY2023Q1, FY2023H1 or 2024-04..2024-12"
            ),
        )
    };
    let t = s.trim();
    let upper = t.to_ascii_uppercase();
    if let Some(rest) = upper.strip_prefix("FY") {
        let rest = rest.trim();
        let (y, part) = rest.split_at(rest.len().min(4));
        let y = year(y).ok_or_else(bad)?;
        // What follows the year: nothing, or a quarter or half (`Q1`, ` Q1`, `-Q1`).
        let part = part
            .trim_start()
            .strip_prefix('-')
            .unwrap_or(part)
            .trim_start();
        let number = |digits: &str| -> Parsed<u8> {
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            digits.parse().map_err(|_| bad())
        };
        // Which part of the fiscal year: the whole (0), a quarter or a half.
        let (quarter, half) = if part.is_empty() {
            (None, None)
        } else if let Some(q) = part.strip_prefix('Q') {
            (Some(number(q)?), None)
        } else if let Some(h) = part.strip_prefix('H') {
            (None, Some(number(h)?))
        } else {
            return Err(bad());
        };
        let first_month = first_month.ok_or_else(|| {
            SyntaxError::new(
                Code::MissingField,
                format!(
                    "{s:?} needs the month the fiscal year starts in: fill `fiscalFirstMonth` \
                     (4 for Japan, 10 for the United States)"
                ),
            )
        })?;
        let named_by = named_by.unwrap_or_default();
        return Ok(match (quarter, half) {
            (Some(quarter), _) => Period::FiscalQuarter {
                year: y,
                quarter,
                first_month,
                named_by,
            },
            (None, Some(half)) => Period::FiscalHalf {
                year: y,
                half,
                first_month,
                named_by,
            },
            (None, None) => Period::FiscalYear {
                year: y,
                first_month,
                named_by,
            },
        });
    }
    // A span of months: `2024-04..2024-12`, `2024-04–2024-12`, `2024-04 to 2024-12`.
    for sep in ["..", " TO ", "–"] {
        if let Some((a, b)) = upper.split_once(sep) {
            if let (Some(start), Some(end)) = (year_month(a.trim()), year_month(b.trim())) {
                return Ok(Period::Span { start, end });
            }
            if sep == ".." {
                return Err(bad());
            }
        }
    }
    if let Some(y) = year(t) {
        return Ok(Period::CalendarYear { year: y });
    }
    for sep in [" TO ", "–", "-"] {
        if let Some((a, b)) = upper.split_once(sep) {
            let (a, b) = (a.trim(), b.trim());
            let y = year(a).ok_or_else(bad)?;
            if let Some(q) = b.strip_prefix('Q') {
                let quarter = q.parse().map_err(|_| bad())?;
                return Ok(Period::Quarter { year: y, quarter });
            }
            if b.len() == 2 && b.bytes().all(|c| c.is_ascii_digit()) {
                let month = b.parse().map_err(|_| bad())?;
                return Ok(Period::Month { year: y, month });
            }
            let end = year(b).ok_or_else(bad)?;
            return Ok(Period::Years { start: y, end });
        }
    }
    if let Some((a, q)) = upper.split_once('Q') {
        let y = year(a.trim()).ok_or_else(bad)?;
        let quarter = q.trim().parse().map_err(|_| bad())?;
        return Ok(Period::Quarter { year: y, quarter });
    }
    Err(bad())
}

/// A period as [`period`] reads it: the `period` cell, and the
/// `fiscalFirstMonth` and `fiscalNamedBy` cells when it is a fiscal period.
pub(super) fn period_cell(p: &Period) -> (String, Option<u8>, Option<&'static str>) {
    match *p {
        Period::CalendarYear { year } => (format!("{year:04}"), None, None),
        Period::Quarter { year, quarter } => (format!("{year:04}-Q{quarter}"), None, None),
        Period::Month { year, month } => (format!("{year:04}-{month:02}"), None, None),
        Period::Years { start, end } => (format!("{start:04}-{end:04}"), None, None),
        Period::FiscalYear {
            year,
            first_month,
            named_by,
        } => (
            format!("FY{year:04}"),
            Some(first_month),
            naming_cell(named_by),
        ),
        Period::FiscalQuarter {
            year,
            quarter,
            first_month,
            named_by,
        } => (
            format!("FY{year:04}Q{quarter}"),
            Some(first_month),
            naming_cell(named_by),
        ),
        Period::FiscalHalf {
            year,
            half,
            first_month,
            named_by,
        } => (
            format!("FY{year:04}H{half}"),
            Some(first_month),
            naming_cell(named_by),
        ),
        Period::Span { start, end } => (format!("{start}..{end}"), None, None),
    }
}

fn naming_cell(n: FiscalNaming) -> Option<&'static str> {
    match n {
        FiscalNaming::StartYear => None,
        FiscalNaming::EndYear => Some("end"),
    }
}

// ---------------------------------------------------------------------------
// Words. Each list is matched exhaustively, so a new variant in the model
// fails to compile here until the CSV syntax knows it.
// ---------------------------------------------------------------------------

pub(super) fn names<T: Serialize>(all: &[T]) -> Vec<String> {
    all.iter()
        .map(|v| {
            serde_json::to_value(v)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default()
        })
        .collect()
}

pub(super) fn word<T: Copy + Serialize>(s: &str, all: &[T]) -> Parsed<T> {
    let key = norm(s);
    let names = names(all);
    all.iter()
        .zip(&names)
        .find(|(_, n)| norm(n) == key)
        .map(|(v, _)| *v)
        .ok_or_else(|| {
            SyntaxError::new(
                Code::UnknownVariant,
                format!("{s:?} is not one of {}", names.join(", ")),
            )
        })
}

macro_rules! words {
    ($list:ident, $parse:ident, $ty:ident: $($v:ident),+ $(,)?) => {
        const $list: &[$ty] = &[$($ty::$v),+];
        pub(super) fn $parse(s: &str) -> Parsed<$ty> {
            fn exhaustive(x: $ty) {
                match x {
                    $($ty::$v => {})+
                }
            }
            let _ = exhaustive;
            word(s, $list)
        }
    };
}

words!(DOMAINS, domain, Domain: Naval, Air, Land, Amphibious, AntiSubmarine, MissileDefence,
    Cyber, Space, ElectronicWarfare, CounterTerrorism, Logistics, Command);
words!(BRANCHES, branch, ServiceBranch: Navy, AirForce, Army, Marines, CoastGuard,
    AerospaceForces, RocketForces, SpaceForce, CyberForces, SpecialForces, Other);
words!(PLATFORM_ROLES, platform_role, PlatformRole: Bomber, Fighter, EarlyWarning,
    Reconnaissance, Tanker, Warship, Submarine, Auxiliary, Other);
words!(RESPONSE_ACTIONS, response_action, ResponseAction: Scramble, Intercept, Shadow,
    Protest, Other);
words!(MEASURES, measure, Measure: JointExercises, JointAirPatrols, JointNavalPatrols,
    Scrambles, Exercises, Other);
words!(RELIABILITIES, reliability_word, Reliability: A, B, C, D, E, F);
words!(RATES, rate_word, Rate: Total, PerYear);
words!(NAMINGS, naming_word, FiscalNaming: StartYear, EndYear);
words!(INCIDENT_KINDS, incident_kind, IncidentKind: AirspaceViolation, AdizEntry, Scramble,
    Intercept, UnsafeIntercept, WarningShots, Protest, Shadowing, Other);
words!(ACTIVITY_KINDS, activity_kind, ActivityKind: Transit, Flight, Patrol, Deployment,
    Exercise, Other);
words!(LINK_KINDS, link_kind, LinkKind: PartOf, During, Follows, RespondsTo, SameEvent, Related);
words!(STANCES, stance, Stance: Claimed, Assessed, Reported, Estimated);
words!(CLAIM_KINDS, claim_kind, ClaimKind: Largest, First, Longest, Other);
words!(PATROL_KINDS, patrol_kind_word, PatrolKind: JointAirPatrol, JointNavalPatrol);

pub(super) fn patrol_kind(s: &str) -> Parsed<PatrolKind> {
    match norm(s).as_str() {
        "air" => Ok(PatrolKind::JointAirPatrol),
        "naval" => Ok(PatrolKind::JointNavalPatrol),
        _ => patrol_kind_word(s).map_err(|_| {
            SyntaxError::new(
                Code::UnknownVariant,
                format!("{s:?} is not a patrol kind; write air or naval"),
            )
        }),
    }
}

pub(super) fn rate(s: &str) -> Parsed<Rate> {
    rate_word(s)
}

pub(super) fn fiscal_naming(s: &str) -> Parsed<FiscalNaming> {
    match norm(s).as_str() {
        "start" => Ok(FiscalNaming::StartYear),
        "end" => Ok(FiscalNaming::EndYear),
        _ => naming_word(s),
    }
}
