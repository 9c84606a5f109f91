//! The few pieces of Python's semantics that `score.py` leans on, so that
//! the Rust scorer counts the same facts: `str()` and `repr()` of JSON
//! values, truthiness, `float()`, `round(x, 1)`, `str.isspace()` and the
//! comparisons of mixed ints and floats.
//!
//! Known gaps, all far from real records: Unicode tables are this build's
//! rather than Python's (characters added after Unicode 14), `float()` of a
//! string does not accept non-ASCII digits, and `str.isprintable()` (only
//! used when printing differences) knows the common format characters but
//! not unassigned code points.

use serde_json::Value;
use std::cmp::Ordering;
use unicode_normalization::UnicodeNormalization as _;

/// Python's `bool(v)` for a value that came from `json.load`.
pub fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(map) => !map.is_empty(),
    }
}

/// Python's `str.isspace()` (and what `\s` matches in a `str` pattern):
/// Unicode White_Space plus the four ASCII separators U+001C..U+001F.
pub fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `score.py`'s `norm()`: `None` stays `None`; anything else becomes
/// `str(v)`, NFKC, curly quotes straightened, runs of white space made one
/// space, stripped and lower-cased.
pub fn norm(value: Option<&Value>) -> Option<String> {
    match value {
        None | Some(Value::Null) => None,
        Some(v) => Some(norm_str(&py_str(v))),
    }
}

/// `norm()` of a string.
pub fn norm_str(s: &str) -> String {
    let normalized: String = s.nfkc().collect();
    let straight: String = normalized
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            other => other,
        })
        .collect();
    let mut collapsed = String::with_capacity(straight.len());
    let mut in_space = false;
    for c in straight.chars() {
        if is_python_space(c) {
            in_space = true;
            continue;
        }
        // Leading white space collapses to nothing: Python's strip() would
        // remove the single space it became.
        if in_space && !collapsed.is_empty() {
            collapsed.push(' ');
        }
        in_space = false;
        collapsed.push(c);
    }
    // Rust and Python both lower-case with the full Unicode mapping,
    // final sigma included.
    collapsed.to_lowercase()
}

/// Python's `str(v)` of a JSON value.
pub fn py_str(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => py_repr(other),
    }
}

/// Python's `repr(v)` of a JSON value (what `str()` of a list or dict
/// shows for its members).
pub fn py_repr(value: &Value) -> String {
    match value {
        Value::Null => "None".to_string(),
        Value::Bool(true) => "True".to_string(),
        Value::Bool(false) => "False".to_string(),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.to_string(),
            (None, Some(u)) => u.to_string(),
            (None, None) => float_repr(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => repr_str(s),
        Value::Array(items) => {
            let inner: Vec<String> = items.iter().map(py_repr).collect();
            format!("[{}]", inner.join(", "))
        }
        Value::Object(map) => {
            let inner: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}: {}", repr_str(k), py_repr(v)))
                .collect();
            format!("{{{}}}", inner.join(", "))
        }
    }
}

/// Python's `repr(x)` of a float: the shortest digits that read back as
/// `x`, in positional notation for exponents -4..=15 and scientific
/// (`1e+16`, `1.5e-05`) outside them.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    // Rust's `{:e}` gives the same shortest round-trip digits as Python's
    // repr; only the layout differs.
    let scientific = format!("{x:e}");
    let (mantissa, exponent) = scientific
        .split_once('e')
        .unwrap_or((scientific.as_str(), "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    if (-4..16).contains(&exponent) {
        let point = exponent + 1;
        let body = if point <= 0 {
            format!("0.{}{digits}", "0".repeat(point.unsigned_abs() as usize))
        } else {
            let point = point as usize;
            if digits.len() <= point {
                format!("{digits}{}.0", "0".repeat(point - digits.len()))
            } else {
                format!("{}.{}", &digits[..point], &digits[point..])
            }
        };
        format!("{sign}{body}")
    } else {
        let exp_sign = if exponent < 0 { '-' } else { '+' };
        format!("{sign}{mantissa}e{exp_sign}{:02}", exponent.unsigned_abs())
    }
}

/// Python's `repr()` of a string: single quotes unless the text holds a
/// single quote and no double quote, with escapes for what does not print.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            c if c == quote || c == '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c < ' ' || c == '\u{7f}' => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if c.is_ascii() || is_printable(c) => out.push(c),
            c if (c as u32) <= 0xff => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// Python's `str.isprintable()` for one non-ASCII character: not a control,
/// format, private-use or non-character, and not a separator.
fn is_printable(c: char) -> bool {
    let u = c as u32;
    let format_chars: &[(u32, u32)] = &[
        (0x00ad, 0x00ad),
        (0x0600, 0x0605),
        (0x061c, 0x061c),
        (0x06dd, 0x06dd),
        (0x070f, 0x070f),
        (0x0890, 0x0891),
        (0x08e2, 0x08e2),
        (0x180e, 0x180e),
        (0x200b, 0x200f),
        (0x202a, 0x202e),
        (0x2060, 0x2064),
        (0x2066, 0x206f),
        (0xfeff, 0xfeff),
        (0xfff9, 0xfffb),
        (0x110bd, 0x110bd),
        (0x110cd, 0x110cd),
        (0x13430, 0x1343f),
        (0x1bca0, 0x1bca3),
        (0x1d173, 0x1d17a),
        (0xe0001, 0xe0001),
        (0xe0020, 0xe007f),
    ];
    let private_use = (0xe000..=0xf8ff).contains(&u) || u >= 0xf0000;
    let non_character = (0xfdd0..=0xfdef).contains(&u) || (u & 0xfffe) == 0xfffe;
    !(c.is_control()
        || is_python_space(c)
        || private_use
        || non_character
        || format_chars.iter().any(|&(lo, hi)| (lo..=hi).contains(&u)))
}

/// Python's `float(v)`; `None` where it raises `TypeError` or `ValueError`
/// (which `score.py` catches).
pub fn py_float(value: Option<&Value>) -> Option<f64> {
    match value? {
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        Value::Number(n) => n.as_f64(),
        Value::String(s) => parse_float_str(s),
        Value::Null | Value::Array(_) | Value::Object(_) => None,
    }
}

/// `float(s)` of a string: surrounding white space ignored, underscores
/// allowed between digits, `inf`/`infinity`/`nan` in any case.
fn parse_float_str(s: &str) -> Option<f64> {
    let trimmed = s.trim_matches(is_python_space);
    let chars: Vec<char> = trimmed.chars().collect();
    let mut plain = String::with_capacity(trimmed.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' {
            let between_digits = i > 0
                && chars[i - 1].is_ascii_digit()
                && chars.get(i + 1).is_some_and(char::is_ascii_digit);
            if !between_digits {
                return None;
            }
        } else {
            plain.push(c);
        }
    }
    let valid = plain
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !valid {
        return None;
    }
    plain.parse::<f64>().ok()
}

/// Python's `round(x, 1)`: correctly rounded on the exact binary value,
/// ties to even. Rust's fixed-precision formatting rounds the same way.
pub fn round1(x: f64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    format!("{x:.1}").parse().unwrap_or(x)
}

/// A number as Python holds it after `json.load`, for comparisons.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PyNumber {
    Int(i128),
    Float(f64),
}

impl PyNumber {
    /// The number in `value` (bools are ints in Python); `None` for
    /// anything that cannot be compared with an int.
    pub fn from_value(value: &Value) -> Option<PyNumber> {
        match value {
            Value::Bool(b) => Some(PyNumber::Int(i128::from(*b))),
            Value::Number(n) => Some(match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => PyNumber::Int(i128::from(i)),
                (None, Some(u)) => PyNumber::Int(i128::from(u)),
                (None, None) => PyNumber::Float(n.as_f64().unwrap_or(f64::NAN)),
            }),
            _ => None,
        }
    }

    /// Python's exact comparison of ints and floats (no rounding of the int
    /// to a float); `None` when a NaN is involved.
    pub fn compare(self, other: PyNumber) -> Option<Ordering> {
        match (self, other) {
            (PyNumber::Int(a), PyNumber::Int(b)) => Some(a.cmp(&b)),
            (PyNumber::Float(a), PyNumber::Float(b)) => a.partial_cmp(&b),
            (PyNumber::Int(a), PyNumber::Float(b)) => compare_int_float(a, b),
            (PyNumber::Float(a), PyNumber::Int(b)) => {
                compare_int_float(b, a).map(Ordering::reverse)
            }
        }
    }

    pub fn lt(self, other: PyNumber) -> bool {
        self.compare(other) == Some(Ordering::Less)
    }

    pub fn le(self, other: PyNumber) -> bool {
        matches!(self.compare(other), Some(Ordering::Less | Ordering::Equal))
    }
}

fn compare_int_float(int: i128, float: f64) -> Option<Ordering> {
    if float.is_nan() {
        return None;
    }
    // 2^100 is beyond any int JSON gives us, so the sign decides.
    if float.abs() >= 1e30 {
        return Some(if float > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let whole = float.floor();
    let whole_int = whole as i128;
    Some(match int.cmp(&whole_int) {
        Ordering::Equal if float > whole => Ordering::Less,
        ordering => ordering,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn norm_matches_python_on_quotes_space_and_case() {
        assert_eq!(
            norm_str("  Council\u{2019}s \u{201c}Plan\u{201d} "),
            "council's \"plan\""
        );
        assert_eq!(norm_str("a\u{a0}\u{2003}b\tc\n\nd"), "a b c d");
        // U+001C..U+001F are white space to Python, not to Rust.
        assert_eq!(norm_str("a\u{1c}\u{1f}b"), "a b");
        assert_eq!(norm_str("\u{fb01}le \u{ff2b}ent"), "file kent");
        assert_eq!(norm_str("ΟΔΟΣ"), "οδος");
        assert_eq!(norm_str("   "), "");
    }

    #[test]
    fn norm_of_non_strings_uses_python_str() {
        assert_eq!(norm(Some(&json!(2018))), Some("2018".to_string()));
        assert_eq!(norm(Some(&json!(41.0))), Some("41.0".to_string()));
        assert_eq!(norm(Some(&json!(true))), Some("true".to_string()));
        assert_eq!(
            norm(Some(&json!(["A", 1, null]))),
            Some("['a', 1, none]".to_string())
        );
        assert_eq!(
            norm(Some(&json!({"k": false}))),
            Some("{'k': false}".to_string())
        );
        assert_eq!(norm(Some(&Value::Null)), None);
        assert_eq!(norm(None), None);
    }

    #[test]
    fn float_repr_follows_python_layout() {
        assert_eq!(float_repr(41.0), "41.0");
        assert_eq!(float_repr(0.1), "0.1");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1e15), "1000000000000000.0");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(0.00001), "1e-05");
        assert_eq!(float_repr(-0.0), "-0.0");
        assert_eq!(float_repr(1.5e300), "1.5e+300");
        assert_eq!(float_repr(123456789012345678.0), "1.2345678901234568e+17");
        assert_eq!(float_repr(2.0 / 3.0), "0.6666666666666666");
    }

    #[test]
    fn round1_is_correctly_rounded_with_ties_to_even() {
        for (x, want) in [
            (0.25, 0.2),
            (0.35, 0.3),
            (0.45, 0.5),
            (2.675, 2.7),
            (0.05, 0.1),
            (-0.05, -0.1),
            (0.15, 0.1),
            (41.25, 41.2),
            (6_000_000.0, 6_000_000.0),
        ] {
            assert_eq!(round1(x), want, "round({x}, 1)");
        }
        assert!(round1(f64::NAN).is_nan());
    }

    #[test]
    fn py_float_accepts_what_python_accepts() {
        assert_eq!(py_float(Some(&json!(" 41.5\n"))), Some(41.5));
        assert_eq!(py_float(Some(&json!("1_000"))), Some(1000.0));
        assert_eq!(py_float(Some(&json!("1__000"))), None);
        assert_eq!(py_float(Some(&json!("_1"))), None);
        assert_eq!(py_float(Some(&json!("£5"))), None);
        assert_eq!(py_float(Some(&json!(true))), Some(1.0));
        assert_eq!(py_float(Some(&json!(7))), Some(7.0));
        assert_eq!(py_float(Some(&json!(null))), None);
        assert_eq!(py_float(Some(&json!([1]))), None);
        assert_eq!(py_float(None), None);
        assert!(py_float(Some(&json!("NaN"))).is_some_and(f64::is_nan));
        assert_eq!(py_float(Some(&json!("-Infinity"))), Some(f64::NEG_INFINITY));
    }

    #[test]
    fn repr_str_picks_quotes_and_escapes_like_python() {
        assert_eq!(repr_str("kent"), "'kent'");
        assert_eq!(repr_str("children's"), "\"children's\"");
        assert_eq!(repr_str("it's \"x\""), "'it\\'s \"x\"'");
        assert_eq!(repr_str("a\\b\tc"), "'a\\\\b\\tc'");
        assert_eq!(repr_str("caf\u{e9}"), "'caf\u{e9}'");
        assert_eq!(repr_str("soft\u{ad}hyphen"), "'soft\\xadhyphen'");
        assert_eq!(repr_str("zero\u{200b}width"), "'zero\\u200bwidth'");
    }

    #[test]
    fn truthiness_follows_python() {
        for falsy in [
            json!(null),
            json!(false),
            json!(0),
            json!(0.0),
            json!(""),
            json!([]),
            json!({}),
        ] {
            assert!(!truthy(&falsy), "{falsy}");
        }
        for true_ in [
            json!(true),
            json!(-1),
            json!(0.5),
            json!(" "),
            json!([0]),
            json!({"a": 0}),
        ] {
            assert!(truthy(&true_), "{true_}");
        }
    }

    #[test]
    fn ints_and_floats_compare_exactly() {
        let int = |i| PyNumber::Int(i);
        let float = |f| PyNumber::Float(f);
        assert!(int(0).le(float(0.0)));
        assert!(float(2.5).lt(int(3)));
        assert!(!int(3).lt(float(2.5)));
        assert!(int(9_007_199_254_740_993).lt(float(9_007_199_254_740_994.0)));
        assert!(!int(9_007_199_254_740_993).le(float(9_007_199_254_740_992.0)));
        assert!(int(10_i128.pow(12)).lt(float(1e300)));
        assert!(!float(f64::NAN).le(int(1)));
    }
}
