//! The contract's JSON layout: serde_json's pretty style with two-space
//! indent, except that arrays of numbers (an evidence span) and arrays of such
//! arrays (an evidence list) are written on one line, so that a record stays
//! short and a curator's change to one span is a one-line diff.
//!
//! serde_json writes the compact text straight from the value (no
//! intermediate tree), and one pass over it adds the layout: every record
//! the command line writes goes through here, so this is on the path of
//! every article extracted.

use serde::Serialize;

/// Writes `value` in the contract's layout, without a trailing newline.
pub fn to_contract_json<T: Serialize + ?Sized>(value: &T) -> String {
    // Serialising the model's types cannot fail: every map key is a string
    // and serde_json writes any float as a number or null.
    let compact = serde_json::to_vec(value).unwrap_or_else(|_| b"null".to_vec());
    let out = lay_out(&compact);
    // Only bytes of serde_json's text (valid UTF-8) and ASCII were written,
    // so this never falls back.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// serde_json's compact text laid out as its pretty printer would, with
/// each array of numbers, or of arrays of numbers, on one line.
fn lay_out(compact: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(compact.len() * 2);
    let mut depth = 0;
    let mut at = 0;
    while let Some(&b) = compact.get(at) {
        match b {
            b'"' => {
                let end = string_end(compact, at);
                out.extend_from_slice(&compact[at..end]);
                at = end;
            }
            b'{' | b'[' => {
                if matches!(compact.get(at + 1), Some(b'}' | b']')) {
                    out.extend_from_slice(&compact[at..at + 2]);
                    at += 2;
                } else if b == b'['
                    && let Some(end) = one_line_end(compact, at, true)
                {
                    for &c in &compact[at..end] {
                        out.extend_from_slice(if c == b',' {
                            b", "
                        } else {
                            std::slice::from_ref(&c)
                        });
                    }
                    at = end;
                } else {
                    depth += 1;
                    out.push(b);
                    new_line(&mut out, depth);
                    at += 1;
                }
            }
            b'}' | b']' => {
                depth -= 1;
                new_line(&mut out, depth);
                out.push(b);
                at += 1;
            }
            b',' => {
                out.push(b',');
                new_line(&mut out, depth);
                at += 1;
            }
            b':' => {
                out.extend_from_slice(b": ");
                at += 1;
            }
            _ => {
                out.push(b);
                at += 1;
            }
        }
    }
    out
}

fn new_line(out: &mut Vec<u8>, depth: usize) {
    out.push(b'\n');
    out.resize(out.len() + 2 * depth, b' ');
}

/// Where the string that opens at `s[open]` (a `"`) ends, just past its
/// closing quote.
fn string_end(s: &[u8], open: usize) -> usize {
    let mut at = open + 1;
    while let Some(found) = memchr::memchr2(b'"', b'\\', &s[at..]) {
        let here = at + found;
        if s[here] == b'"' {
            return here + 1;
        }
        // An escape: the next byte is part of it, whatever it is.
        at = here + 2;
        if at >= s.len() {
            break;
        }
    }
    s.len()
}

/// What an array that goes on one line holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Number,
    NumberArray,
}

/// Where the array that opens at `s[open]` ends, if it goes on one line:
/// it holds only numbers or (when `nested`) only arrays of numbers.
fn one_line_end(s: &[u8], open: usize, nested: bool) -> Option<usize> {
    let mut at = open + 1;
    if s.get(at) == Some(&b']') {
        return Some(at + 1);
    }
    let mut held = None;
    loop {
        let item = match *s.get(at)? {
            b'[' if nested => {
                at = one_line_end(s, at, false)?;
                Item::NumberArray
            }
            b'-' | b'0'..=b'9' => {
                at = number_end(s, at);
                Item::Number
            }
            _ => return None,
        };
        if held.is_some_and(|h| h != item) {
            return None;
        }
        held = Some(item);
        match *s.get(at)? {
            b',' => at += 1,
            b']' => return Some(at + 1),
            _ => return None,
        }
    }
}

fn number_end(s: &[u8], from: usize) -> usize {
    from + s[from..]
        .iter()
        .take_while(|b| matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn spans_and_span_lists_go_on_one_line() {
        let v = json!({"evidence": [[0, 61], [70, 80]], "span": [1, 2], "empty": []});
        assert_eq!(
            to_contract_json(&v),
            "{\n  \"evidence\": [[0, 61], [70, 80]],\n  \"span\": [1, 2],\n  \"empty\": []\n}"
        );
    }

    #[test]
    fn other_arrays_and_objects_are_pretty_printed_like_serde_json() {
        let v = json!({"a": [{"b": null, "c": "x\"y"}], "d": {}, "e": ["s", 1], "f": 41.0, "g\u{1}é": "café\u{7}\\ ✓", "h": -0.5e-7});
        let ours = to_contract_json(&v);
        let theirs = serde_json::to_string_pretty(&v).expect("serialise");
        assert_eq!(ours, theirs);
    }

    #[test]
    fn a_mixed_array_is_not_inlined() {
        let v = json!([[1, 2], "x"]);
        assert_eq!(to_contract_json(&v), "[\n  [1, 2],\n  \"x\"\n]");
    }

    #[test]
    fn brackets_and_numbers_inside_strings_are_left_alone() {
        let v = json!({
            "q": "[1, 2]",
            "r": ["\\", "[3,\n4]", "\"[5]\""],
            "s": [-1.5, 2e30, 0],
            "t": [[], [7], [-8, 9.25]],
            "u": [[[1]]],
            "w": [1, [2]],
        });
        assert_eq!(to_contract_json(&v), reference_layout(&v));
        let text = to_contract_json(&v);
        assert!(text.contains("\"q\": \"[1, 2]\""), "{text}");
        assert!(text.contains("\"s\": [-1.5, 2e+30, 0]"), "{text}");
        assert!(text.contains("\"t\": [[], [7], [-8, 9.25]]"), "{text}");
        assert!(text.contains("[[1]]"), "{text}");
    }

    /// The layout as written before, from a `Value`: what the faster pass
    /// must match byte for byte.
    fn reference_layout(value: &serde_json::Value) -> String {
        use serde_json::Value;
        fn numbers(items: &[Value]) -> bool {
            items.iter().all(Value::is_number)
        }
        fn inline(v: &Value) -> String {
            match v {
                Value::Array(items) => {
                    let parts: Vec<String> = items.iter().map(inline).collect();
                    format!("[{}]", parts.join(", "))
                }
                scalar => scalar.to_string(),
            }
        }
        fn write(out: &mut String, v: &Value, indent: usize) {
            let pad = |n: usize| "  ".repeat(n);
            match v {
                Value::Array(items) if items.is_empty() => out.push_str("[]"),
                Value::Array(items)
                    if numbers(items)
                        || items
                            .iter()
                            .all(|i| i.as_array().is_some_and(|a| numbers(a))) =>
                {
                    out.push_str(&inline(v))
                }
                Value::Array(items) => {
                    out.push('[');
                    for (i, item) in items.iter().enumerate() {
                        out.push_str(if i == 0 { "\n" } else { ",\n" });
                        out.push_str(&pad(indent + 1));
                        write(out, item, indent + 1);
                    }
                    out.push('\n');
                    out.push_str(&pad(indent));
                    out.push(']');
                }
                Value::Object(map) if map.is_empty() => out.push_str("{}"),
                Value::Object(map) => {
                    out.push('{');
                    for (i, (key, item)) in map.iter().enumerate() {
                        out.push_str(if i == 0 { "\n" } else { ",\n" });
                        out.push_str(&pad(indent + 1));
                        out.push_str(&Value::String(key.clone()).to_string());
                        out.push_str(": ");
                        write(out, item, indent + 1);
                    }
                    out.push('\n');
                    out.push_str(&pad(indent));
                    out.push('}');
                }
                scalar => out.push_str(&scalar.to_string()),
            }
        }
        let mut out = String::new();
        write(&mut out, value, 0);
        out
    }

    fn any_value() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        use serde_json::Value;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            (-1e9f64..1e9).prop_map(Value::from),
            "[\\[\\]\",\\\\0-9a-z \\n\u{e9}]{0,8}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::vec(any::<u16>().prop_map(Value::from), 0..4)
                    .prop_map(Value::Array),
                proptest::collection::vec(("[a-z\\[\"]{0,4}", inner), 0..5)
                    .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn any_value_is_laid_out_as_before(v in any_value()) {
            proptest::prop_assert_eq!(to_contract_json(&v), reference_layout(&v));
        }
    }
}
