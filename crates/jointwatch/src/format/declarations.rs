//! Hand-written JSON Schema and TypeScript declarations for the types whose
//! JSON form is written by hand (a code as a string, a quantity as a number
//! or an object, …). Everything else derives its declarations.

#[cfg(feature = "schema")]
mod schema {
    use std::borrow::Cow;

    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

    use crate::diagnostics::Code;
    use crate::model::actor::{CountryCode, Participant, ServiceBranch};
    use crate::model::date::{DateRange, FuzzyDate};
    use crate::model::figure::{Figure, FigureValue};
    use crate::model::period::YearMonth;
    use crate::model::quantity::Quantity;
    use crate::model::source::Credibility;
    use crate::model::statistic::Category;
    use crate::model::time::TimeOfDay;

    impl JsonSchema for CountryCode {
        fn schema_name() -> Cow<'static, str> {
            "CountryCode".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "An ISO 3166-1 alpha-3 country code such as \"CHN\". Whether it is assigned is checked by validation (`unknown-country`).",
                "type": "string",
                "pattern": "^[A-Z]{3}$"
            })
        }
    }

    impl JsonSchema for Participant {
        fn schema_name() -> Cow<'static, str> {
            "Participant".into()
        }
        fn json_schema(g: &mut SchemaGenerator) -> Schema {
            let code = g.subschema_for::<CountryCode>();
            let branch = g.subschema_for::<ServiceBranch>();
            json_schema!({
                "description": "A state, as its code, or a state narrowed to one service.",
                "oneOf": [
                    code,
                    {
                        "type": "object",
                        "properties": { "country": code, "branch": branch },
                        "required": ["country"],
                        "additionalProperties": false
                    }
                ]
            })
        }
    }

    impl JsonSchema for FuzzyDate {
        fn schema_name() -> Cow<'static, str> {
            "FuzzyDate".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "A date known to a year, a month or a day: \"2024\", \"2024-09\" or \"2024-09-10\".",
                "type": "string",
                "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
            })
        }
    }

    impl JsonSchema for YearMonth {
        fn schema_name() -> Cow<'static, str> {
            "YearMonth".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "A calendar month of a year, \"YYYY-MM\" (the ends of a span of months).",
                "type": "string",
                "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"
            })
        }
    }

    impl JsonSchema for DateRange {
        fn schema_name() -> Cow<'static, str> {
            "DateRange".into()
        }
        fn json_schema(g: &mut SchemaGenerator) -> Schema {
            let d = g.subschema_for::<FuzzyDate>();
            json_schema!({
                "description": "A single fuzzy date, or a span from `start` to `end` (both included).",
                "oneOf": [
                    d,
                    {
                        "type": "object",
                        "properties": { "start": d, "end": d },
                        "required": ["start", "end"],
                        "additionalProperties": false
                    }
                ]
            })
        }
    }

    fn one(key: &str) -> serde_json::Value {
        serde_json::json!({
            "type": "object",
            "properties": { key: { "type": "number" } },
            "required": [key],
            "additionalProperties": false
        })
    }

    impl JsonSchema for Quantity {
        fn schema_name() -> Cow<'static, str> {
            "Quantity".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "A figure with its uncertainty: a number (exact), or {\"atLeast\"}, {\"over\"}, {\"atMost\"}, {\"under\"}, {\"min\",\"max\"} or {\"low\",\"best\",\"high\"}.",
                "oneOf": [
                    { "type": "number" },
                    one("exact"), one("atLeast"), one("over"), one("atMost"), one("under"),
                    {
                        "type": "object",
                        "properties": { "min": { "type": "number" }, "max": { "type": "number" } },
                        "required": ["min", "max"],
                        "additionalProperties": false
                    },
                    {
                        "type": "object",
                        "properties": {
                            "low": { "type": "number" }, "best": { "type": "number" }, "high": { "type": "number" }
                        },
                        "required": ["low", "best", "high"],
                        "additionalProperties": false
                    }
                ]
            })
        }
    }

    impl JsonSchema for Figure {
        fn schema_name() -> Cow<'static, str> {
            "Figure".into()
        }
        fn json_schema(g: &mut SchemaGenerator) -> Schema {
            let q = g.subschema_for::<Quantity>();
            let v = g.subschema_for::<FigureValue>();
            json_schema!({
                "description": "A count a record states: a quantity (one value, citing the record's sources), or {\"values\": [...]} with several, each with its stance, state and sources.",
                "oneOf": [
                    q,
                    {
                        "type": "object",
                        "properties": { "values": { "type": "array", "items": v, "minItems": 1 } },
                        "required": ["values"],
                        "additionalProperties": false
                    }
                ]
            })
        }
    }

    impl JsonSchema for TimeOfDay {
        fn schema_name() -> Cow<'static, str> {
            "TimeOfDay".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "A time of day in UTC: \"HH:MM\" or \"HH:MM:SS\".",
                "type": "string",
                "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"
            })
        }
    }

    impl JsonSchema for Category {
        fn schema_name() -> Cow<'static, str> {
            "Category".into()
        }
        fn json_schema(g: &mut SchemaGenerator) -> Schema {
            let code = g.subschema_for::<CountryCode>();
            json_schema!({
                "description": "A country code, \"other\" or \"unknown\".",
                "oneOf": [code, { "type": "string", "enum": ["other", "unknown"] }]
            })
        }
    }

    impl JsonSchema for Credibility {
        fn schema_name() -> Cow<'static, str> {
            "Credibility".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "Admiralty credibility: 1 confirmed, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged.",
                "type": "integer",
                "minimum": 1,
                "maximum": 6
            })
        }
    }

    impl JsonSchema for Code {
        fn schema_name() -> Cow<'static, str> {
            "Code".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            let all: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
            json_schema!({
                "description": "A stable finding code; see docs/validation-codes.md.",
                "type": "string",
                "enum": all
            })
        }
    }
}

#[cfg(feature = "ts")]
mod ts {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen(typescript_custom_section)]
    const HAND_WRITTEN: &'static str = r#"
/** An ISO 3166-1 alpha-3 country code such as "CHN". */
export type CountryCode = string;
/** A state, as its code, or a state narrowed to one service. */
export type Participant = CountryCode | { country: CountryCode; branch?: ServiceBranch };
/** A date known to a year, a month or a day: "2024", "2024-09" or "2024-09-10". */
export type FuzzyDate = string;
/** A calendar month of a year, "YYYY-MM" (the ends of a span of months). */
export type YearMonth = string;
/** A single fuzzy date, or a span from `start` to `end` (both included). */
export type DateRange = FuzzyDate | { start: FuzzyDate; end: FuzzyDate };
/** A figure with its uncertainty: a number is exact; the objects state bounds. */
export type Quantity =
  | number
  | { exact: number }
  | { atLeast: number }
  | { over: number }
  | { atMost: number }
  | { under: number }
  | { min: number; max: number }
  | { low: number; best: number; high: number };
/** A count a record states: a quantity (one value), or several values, each with its sources. */
export type Figure = Quantity | { values: FigureValue[] };
/** A time of day in UTC: "HH:MM" or "HH:MM:SS". */
export type TimeOfDay = string;
/** A breakdown category: a country code, "other" or "unknown". */
export type Category = CountryCode | "other" | "unknown";
/** Admiralty credibility, 1 (confirmed) to 6 (cannot be judged). */
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;
"#;

    #[wasm_bindgen(typescript_custom_section)]
    const CODES: &'static str = crate::diagnostics::TS_CODE_UNION;
}
