//! The contract's JSON layout: serde_json's pretty style with two-space
//! indent, except that arrays of numbers (an evidence span) and arrays of such
//! arrays (an evidence list) are written on one line, so that a record stays
//! short and a curator's change to one span is a one-line diff.

use serde_json::Value;

/// Writes `value` in the contract's layout, without a trailing newline.
pub fn to_contract_json(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, 0);
    out
}

fn write_value(out: &mut String, value: &Value, indent: usize) {
    match value {
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Array(items) if is_inline_array(items) => write_inline(out, value),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                push_indent(out, indent + 1);
                write_value(out, item, indent + 1);
            }
            out.push('\n');
            push_indent(out, indent);
            out.push(']');
        }
        Value::Object(map) if map.is_empty() => out.push_str("{}"),
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                push_indent(out, indent + 1);
                write_scalar(out, &Value::String(key.clone()));
                out.push_str(": ");
                write_value(out, item, indent + 1);
            }
            out.push('\n');
            push_indent(out, indent);
            out.push('}');
        }
        scalar => write_scalar(out, scalar),
    }
}

/// An array written on one line: all numbers, or all arrays of numbers.
fn is_inline_array(items: &[Value]) -> bool {
    let all_numbers = |items: &[Value]| items.iter().all(Value::is_number);
    all_numbers(items)
        || items
            .iter()
            .all(|item| item.as_array().is_some_and(|inner| all_numbers(inner)))
}

fn write_inline(out: &mut String, value: &Value) {
    match value {
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_inline(out, item);
            }
            out.push(']');
        }
        scalar => write_scalar(out, scalar),
    }
}

/// Scalars exactly as serde_json writes them (same escapes, same numbers).
fn write_scalar(out: &mut String, value: &Value) {
    out.push_str(&value.to_string());
}

fn push_indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str("  ");
    }
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
        let v = json!({"a": [{"b": null, "c": "x\"y"}], "d": {}, "e": ["s", 1], "f": 41.0});
        let ours = to_contract_json(&v);
        let theirs = serde_json::to_string_pretty(&v).expect("serialise");
        assert_eq!(ours, theirs);
    }

    #[test]
    fn a_mixed_array_is_not_inlined() {
        let v = json!([[1, 2], "x"]);
        assert_eq!(to_contract_json(&v), "[\n  [1, 2],\n  \"x\"\n]");
    }
}
