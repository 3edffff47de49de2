//! The date, period and quantity parsers, and quantity arithmetic, on arbitrary text.
#![no_main]

use jointwatch::{FuzzyDate, Granularity, Period, Quantity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(d) = text.parse::<FuzzyDate>() {
        assert_eq!(d.to_string().parse::<FuzzyDate>(), Ok(d));
        assert!(d.first_day() <= d.last_day());
    }
    if let Ok(p) = serde_json::from_str::<Period>(text) {
        let _ = (p.first_day(), p.last_day(), p.to_string(), p.years());
        if let Some(first) = p.first_day() {
            for g in [Granularity::Year, Granularity::Quarter, Granularity::Month] {
                if let Some(q) = g.period_of(first) {
                    let _ = g.next(&q);
                }
            }
        }
    }
    if let Ok(g) = serde_json::from_str::<Granularity>(text) {
        let _ = g.period_of(jiff::civil::date(2024, 2, 29));
    }
    if let Ok(q) = serde_json::from_str::<Quantity>(text) {
        let _ = (q.to_string(), q.point(), q.is_ordered());
        let _ = q.add(&q).max(&Quantity::Exact(1.0));
        let _ = serde_json::to_string(&q);
    }
});
