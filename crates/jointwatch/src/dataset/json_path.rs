//! The document path at a place in JSON text.
//!
//! Documents are read by serde_json straight into the model types, which is
//! as fast as reading JSON gets. When reading fails, serde_json says where in
//! the text (line and column) but not where in the document. [`path_at`]
//! recovers the path (`exercises[3].dates.start`) by walking the text up to
//! that place, so that no bookkeeping is paid while reading good documents.
//!
//! The walk only needs to know where keys, values and brackets are; the text
//! before an error is well-formed JSON as far as serde_json has read it. Where
//! it is not (the error itself is a syntax error), the walk stops at the
//! place and reports the value it was in.

/// Where the walk is inside the innermost open object or array.
#[derive(Clone, Copy, PartialEq)]
enum State {
    /// In an object, before a key (after `{` or `,`).
    Key,
    /// In an object, after a key, before its `:`.
    AfterKey,
    /// Before a value (after `:`, `[` or `,`, or at the start).
    Value,
    /// Inside a value that runs past the place (an unterminated string).
    InValue,
    /// After a complete value, before `,` or the closing bracket.
    AfterValue,
    /// At something that cannot come here (a syntax error after a complete
    /// value or key): the place is in the container, not in a value.
    Stray,
}

/// An open object (with the byte range of the key being read) or array
/// (with the index of the element being read).
enum Frame {
    Object(Option<(usize, usize)>),
    Array(usize),
}

/// The path of the value that reading had reached at byte `end` of `text`:
/// the value ending there (a scalar, or an object or array just closed), the
/// value about to start there; or, when a key ends there, the path of its
/// object and the key (an unknown or repeated field, or an unknown variant).
fn path_to(text: &str, end: usize) -> (String, Option<String>) {
    let all = text.as_bytes();
    let bytes = &all[..end.min(all.len())];
    let mut stack: Vec<Frame> = Vec::new();
    let mut state = State::Value;
    // Nothing read yet inside the innermost container.
    let mut fresh = false;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match (c, state, stack.last()) {
            (b' ' | b'\t' | b'\n' | b'\r', ..) => {
                i += 1;
                continue;
            }
            (b'{', State::Value, _) => {
                stack.push(Frame::Object(None));
                state = State::Key;
            }
            (b'[', State::Value, _) => {
                stack.push(Frame::Array(0));
                state = State::Value;
            }
            (b'}', State::Key | State::AfterValue, Some(Frame::Object(_)))
            | (b']', State::AfterValue, Some(Frame::Array(_))) => {
                stack.pop();
                state = State::AfterValue;
            }
            (b']', State::Value, Some(Frame::Array(_))) if fresh => {
                stack.pop();
                state = State::AfterValue;
            }
            (b':', State::AfterKey, _) => state = State::Value,
            (b',', State::AfterValue, Some(_)) => match stack.last_mut() {
                Some(Frame::Object(key)) => {
                    *key = None;
                    state = State::Key;
                }
                Some(Frame::Array(index)) => {
                    *index += 1;
                    state = State::Value;
                }
                None => {}
            },
            (b'"', State::Key | State::Value, _) => {
                let start = i + 1;
                let mut j = start;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                if j >= bytes.len() {
                    // The string runs past the place: reading stopped inside it.
                    if state == State::Value {
                        state = State::InValue;
                    }
                    break;
                }
                if state == State::Key {
                    if let Some(Frame::Object(key)) = stack.last_mut() {
                        *key = Some((start, j));
                    }
                    state = State::AfterKey;
                } else {
                    state = State::AfterValue;
                }
                fresh = false;
                i = j + 1;
                continue;
            }
            (_, State::Value, _) if !b"{}[]:,\"".contains(&c) => {
                // A number or a literal (or, in a syntax error, a stray word):
                // one run of characters that cannot end a token.
                let start = i;
                while i < bytes.len() && !b" \t\n\r{}[]:,\"".contains(&bytes[i]) {
                    i += 1;
                }
                let word = &bytes[start..i];
                if word[0].is_ascii_alphabetic() && !matches!(word, b"true" | b"false" | b"null") {
                    // A misspelt literal: reading stopped in it.
                    state = State::InValue;
                    break;
                }
                state = State::AfterValue;
                fresh = false;
                continue;
            }
            // Anything else cannot come here: reading stopped at it. After a
            // complete value or key the place is in the container; before a
            // value (`"a": }`, `[1, ]`) it is where the value should be.
            _ => {
                if matches!(state, State::AfterValue | State::AfterKey) {
                    state = State::Stray;
                }
                break;
            }
        }
        fresh = matches!(c, b'{' | b'[');
        i += 1;
    }

    // Whether the innermost container's current key or index is part of the
    // path. Before an element of an array, when one starts here: an object or
    // array that serde_json looked at and refused without reading (a value of
    // the wrong type), or anything after a comma. Not at the end of the text
    // or at a `]`, nor straight after the `[` before an element that is not
    // an object or array: there the array as a whole was refused.
    let next = all[i.min(all.len())..]
        .iter()
        .find(|b| !b.is_ascii_whitespace());
    let inner = match (state, stack.last(), next) {
        (State::Key | State::Stray | State::AfterKey, ..) => false,
        // The text ends after a complete value: the container was left open.
        (State::AfterValue, _, None) => false,
        (State::Value, Some(Frame::Array(_)), None | Some(b']')) => false,
        (State::Value, Some(Frame::Array(_)), Some(b'[' | b'{')) => true,
        // Straight after `[`, a value serde_json did not start on means the
        // array as a whole was refused; anything else (`[}`) is read as the
        // first element.
        (State::Value, Some(Frame::Array(_)), Some(c)) => {
            !fresh || !matches!(c, b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n')
        }
        _ => true,
    };
    let mut out = String::new();
    let last = stack.len();
    for (n, frame) in stack.iter().enumerate() {
        if n + 1 == last && !inner {
            break;
        }
        match *frame {
            Frame::Object(Some((start, end))) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(&key_text(text, start, end));
            }
            Frame::Object(None) => {}
            Frame::Array(index) => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }
    let key = match (state, stack.last()) {
        (State::AfterKey, Some(&Frame::Object(Some((start, end))))) => {
            Some(key_text(text, start, end))
        }
        _ => None,
    };
    (out, key)
}

/// The key between the quotes at `start..end`, with its escapes decoded.
fn key_text(text: &str, start: usize, end: usize) -> String {
    let raw = &text[start..end];
    if raw.contains('\\') {
        if let Ok(key) = serde_json::from_str::<String>(&text[start - 1..=end]) {
            return key;
        }
    }
    raw.to_string()
}

/// The path at serde_json's error position: `line` is 1-based and `column`
/// counts the bytes of that line read so far. Line 0 (no position) gives
/// the empty path. When the place is just after a key, the path is that of
/// its object, and the key is given beside it.
pub(crate) fn path_at(text: &str, line: usize, column: usize) -> (String, Option<String>) {
    if line == 0 {
        return (String::new(), None);
    }
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(p) => start += p + 1,
            None => break,
        }
    }
    path_to(text, start + column)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The path of the finding when `text` is read as a `T`.
    fn at<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        crate::dataset::read::parse_json::<T>(text)
            .unwrap_err()
            .finding
            .path
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        start: String,
        n: Option<u32>,
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        id: String,
        items: Vec<Inner>,
    }

    #[test]
    fn names_the_value_that_failed() {
        // A scalar of the wrong type, at any depth.
        assert_eq!(at::<Outer>(r#"{"id": 5, "items": []}"#), "id");
        assert_eq!(
            at::<Outer>(r#"{"id": "a", "items": [{"start": "x"}, {"start": "y", "n": -1}]}"#),
            "items[1].n"
        );
        // An object where an array is wanted is found before it is read.
        assert_eq!(at::<Outer>(r#"{"id": "a", "items": {"a": 1}}"#), "items");
        assert_eq!(at::<Outer>(r#"{"id": "a", "items": [[1]]}"#), "items[0]");
        // A missing field is found at the end of its object.
        assert_eq!(
            at::<Outer>("{\"id\": \"a\",\n \"items\": [{\"start\": \"x\"},\n {\"n\": 2}]}"),
            "items[1]"
        );
        // An unknown field is named, escapes decoded.
        assert_eq!(
            at::<Outer>(r#"{"id": "a", "items": [{"start": "x", "colour": 1}]}"#),
            "items[0].colour"
        );
        assert_eq!(at::<Outer>(r#"{"co\u006cour": 1}"#), "colour");
        // Strings with escapes and brackets inside do not confuse the walk.
        assert_eq!(
            at::<Outer>(r#"{"id": "a \" [ { \\", "items": [{"start": "]}", "n": "2"}]}"#),
            "items[0].n"
        );
        // Syntax errors name the value being read.
        assert_eq!(
            at::<Outer>(r#"{"id": "a", "items": [{"start": tru}]}"#),
            "items[0].start"
        );
        assert_eq!(
            at::<Outer>(r#"{"id": "a", "items": [{"start": "x"},]}"#),
            "items"
        );
        assert_eq!(
            at::<Outer>(r#"{"id": "a", "items": [{"start": "x"#),
            "items[0].start"
        );
        assert_eq!(at::<Outer>(""), "");
        assert_eq!(at::<Outer>("{\"id\": \"a\", \"items\": [}"), "items[0]");
    }

    fn path_at_(text: &str, line: usize, column: usize) -> String {
        path_at(text, line, column).0
    }

    #[test]
    fn positions_outside_the_text_are_clamped() {
        assert_eq!(path_at_("{\"a\": 1}", 9, 99), "");
        // Text that ends inside a container: the container was left open.
        assert_eq!(path_at_("{\"a\": {\"b\": 1", 9, 99), "a");
        assert_eq!(path_at_("[[1, 2", 1, 99), "[0]");
        assert_eq!(path_at_("{\"a\": \"unterminated", 1, 99), "a");
        assert_eq!(path_at_("{}", 0, 0), "");
    }
}
