//! TypeScript declarations that cannot be derived: the JavaScript errors and
//! aliases. Every result type is derived (tsify) from the core's types or, for
//! the few shapes this crate writes, from its own structs.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const ERRORS: &'static str = r#"
/**
 * The stable code of an error: a finding code for documents, or a call code: `"invalid-argument"`
 * for bad arguments, the code of a call that cannot be carried out for its arguments, `"freed"`
 * for a call on a `Dataset` after `free()` (or after its `using` block), `"not-loaded"` for a
 * call of the module's second part in the browser before it is loaded (after
 * `init({ lazy: true })` or `initSync({ module })`, until `loadAll()`), or `"internal"` for a
 * bug in this package (please report it).
 */
export type ErrorCode = Code | CallCode;

/**
 * Every error this package throws. Check with `isJointwatchError(e)`, then switch on `e.name`
 * or `e.code`. The module stays usable after any error.
 */
export interface JointwatchError extends Error {
  /** `"JointwatchError"` for bad arguments and failed calls; the other names are the more specific errors below. */
  name: "JointwatchError" | "ParseError" | "ValidationError";
  /** Stable, machine-readable code. */
  code: ErrorCode;
  /** Where the problem is: a path into the document (`exercises[0].id`) or the argument (`filter.kinds[0]`). */
  path: string;
  /** The findings behind the error; empty for bad arguments. */
  findings: Finding[];
}

/** A document could not be read: malformed JSON, a wrong type, an unknown field, an invalid date… */
export interface ParseError extends JointwatchError {
  name: "ParseError";
  code: Code;
  /** The one finding, with its code, path and message. */
  findings: [Finding];
  /** Line in the JSON text (1-based); absent when the document was given as an object. */
  line?: number;
  /** Column in the JSON text (1-based); absent when the document was given as an object. */
  column?: number;
}

/** A document was read but validation found errors (or, in strict mode, warnings). */
export interface ValidationError extends JointwatchError {
  name: "ValidationError";
  /** The code of the first rejected finding. */
  code: Code;
  /** Every finding, warnings included. */
  findings: Finding[];
}
"#;

#[wasm_bindgen(typescript_custom_section)]
const FORMAT_1: &'static str = r#"
/**
 * Format 1.0 fields that documents may still hold: read, never written (the derived declarations
 * leave them out, since the package never returns them).
 */
export interface Patrol {
  /**
   * Format 1.0's number in the series. Read from 1.0 documents only: on reading it becomes an
   * unattributed `numbering` entry (`[{ number: sequence }]`), so `toJSON()` and every result show
   * `numbering` instead. New documents use `numbering`, which says who counts.
   * @deprecated since format 2.0; use `numbering`.
   */
  sequence?: number;
}
"#;

#[wasm_bindgen(typescript_custom_section)]
const RESULTS: &'static str = r#"
/**
 * Options of `Dataset.fromJSON` and `Dataset.fromObject`: how to validate, and the limits the
 * document is read within. Limits left out keep their defaults (256 MiB, 2,000,000 records, strings
 * of 1 MiB, nesting 64 deep); `maxDepth` can only be lowered.
 */
export interface LoadOptions extends ValidateOptions {
  /** Raise the limits on purpose, for documents you trust (or lower them). */
  limits?: Limits;
}

/** Observations in time order; `null` and `NaN` mark missing ones. */
export type Values = ArrayLike<number | null>;

/**
 * How many items of each kind `Dataset.merge` added. Sources and areas
 * identical to ones already held are not added again, so they do not count.
 */
export type MergeSummary = DatasetCounts;
"#;
