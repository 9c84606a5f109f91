//! What the case-insensitive cue patterns run on: the ASCII-lower-cased
//! text with patterns written in lower case (several times faster than
//! `(?i)`), or the text itself with their `(?i)` twins where it holds a
//! character that `(?i)` equates with an ASCII letter.

use std::borrow::Cow;

/// Whether `text` holds a character that `(?i)` equates with an ASCII
/// letter: KELVIN SIGN ("k") or LONG S ("s").
fn folds_to_ascii(text: &str) -> bool {
    !text.is_ascii() && (text.contains('\u{212A}') || text.contains('\u{17F}'))
}

/// A sentence and what case-insensitive patterns are matched against: its
/// ASCII-lower-cased copy, or the sentence itself (with the patterns'
/// `(?i)` twins) where it holds a character that `(?i)` equates with an
/// ASCII letter (KELVIN SIGN with "k", LONG S with "s"), which lower-casing
/// ASCII would miss.
pub struct Folded<'a> {
    pub(super) text: &'a str,
    lower: Option<Cow<'a, str>>,
}

impl<'a> Folded<'a> {
    pub fn new(text: &'a str) -> Self {
        Self::with_lower(text, None)
    }

    /// `lower` is `text` ASCII-lower-cased, where it is at hand (a slice of
    /// `lower_cased` of the whole text); it spares a copy.
    pub fn with_lower(text: &'a str, lower: Option<&'a str>) -> Self {
        let lower = match lower {
            Some(lower) => Some(Cow::Borrowed(lower)),
            None => lower_cased(text).map(Cow::Owned),
        };
        Folded { text, lower }
    }

    /// `lower_case` (a pattern written in lower case, without `(?i)`) or
    /// else `any_case` (the same with `(?i)`), with the haystack to run it on.
    pub(crate) fn pick<'r, T>(&'r self, lower_case: &'r T, any_case: &'r T) -> (&'r T, &'r str) {
        match &self.lower {
            Some(lower) => (lower_case, lower),
            None => (any_case, self.text),
        }
    }
}

/// `text` ASCII-lower-cased (same byte offsets), for the lower-case tables; none
/// where it holds a character that `(?i)` equates with an ASCII letter.
pub fn lower_cased(text: &str) -> Option<String> {
    (!folds_to_ascii(text)).then(|| text.to_ascii_lowercase())
}

/// `lower_cased(text)` from `lower`, `text` already in lower case.
pub fn lower_cased_from<'l>(text: &str, lower: &'l str) -> Option<&'l str> {
    (!folds_to_ascii(text)).then_some(lower)
}
