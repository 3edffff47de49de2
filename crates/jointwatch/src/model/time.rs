//! Times of day, always in UTC.
//!
//! Sources give local times ("00:25 KST"); a document holds them converted to
//! UTC, and says so in the record's notes when it converted.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Time;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::de::tagged;

/// A time of day in UTC, to the minute or the second: `"15:25"`,
/// `"15:25:30"`.
///
/// # Example
/// ```
/// use jointwatch::model::time::TimeOfDay;
/// let t: TimeOfDay = "00:25".parse().unwrap();
/// assert_eq!(t.to_string(), "00:25");
/// assert!("24:00".parse::<TimeOfDay>().is_err());
/// assert!("9:5".parse::<TimeOfDay>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay {
    time: Time,
    seconds: bool,
}

/// Text that is not a time of day (the error of `str::parse::<TimeOfDay>`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a time of day in UTC (HH:MM or HH:MM:SS, 00:00 to 23:59:59)")]
pub struct InvalidTime(pub String);

impl TimeOfDay {
    /// The time as a `jiff` civil time.
    pub fn time(&self) -> Time {
        self.time
    }
}

fn two_digits(s: &str, max: i8) -> Option<i8> {
    let b = s.as_bytes();
    if b.len() != 2 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let v = ((b[0] - b'0') * 10 + (b[1] - b'0')) as i8;
    (v <= max).then_some(v)
}

impl FromStr for TimeOfDay {
    type Err = InvalidTime;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || InvalidTime(s.to_string());
        let mut parts = s.split(':');
        let h = parts
            .next()
            .and_then(|p| two_digits(p, 23))
            .ok_or_else(bad)?;
        let m = parts
            .next()
            .and_then(|p| two_digits(p, 59))
            .ok_or_else(bad)?;
        let sec = match parts.next() {
            None => None,
            Some(p) => Some(two_digits(p, 59).ok_or_else(bad)?),
        };
        if parts.next().is_some() {
            return Err(bad());
        }
        let time = Time::new(h, m, sec.unwrap_or(0), 0).map_err(|_| bad())?;
        Ok(TimeOfDay {
            time,
            seconds: sec.is_some(),
        })
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.time.hour(), self.time.minute())?;
        if self.seconds {
            write!(f, ":{:02}", self.time.second())?;
        }
        Ok(())
    }
}

impl Serialize for TimeOfDay {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TimeOfDay {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = TimeOfDay;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a time of day in UTC such as \"15:25\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<TimeOfDay, E> {
                v.parse()
                    .map_err(|e: InvalidTime| E::custom(tagged("invalid-time", e)))
            }
        }
        d.deserialize_str(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_and_seconds_round_trip() {
        for t in ["00:00", "23:59", "15:25:30", "07:05:00"] {
            let v: TimeOfDay = serde_json::from_str(&format!("\"{t}\"")).unwrap();
            assert_eq!(serde_json::to_string(&v).unwrap(), format!("\"{t}\""));
        }
    }

    #[test]
    fn malformed_times_are_refused() {
        for t in [
            "",
            "24:00",
            "12:60",
            "12:00:60",
            "1:00",
            "12:00:00:00",
            "12-00",
            "１２:00",
        ] {
            assert!(t.parse::<TimeOfDay>().is_err(), "{t}");
        }
        let e = serde_json::from_str::<TimeOfDay>("\"25:00\"").unwrap_err();
        assert!(e.to_string().starts_with("[invalid-time]"), "{e}");
    }
}
