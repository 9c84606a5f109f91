//! The ordinal of a monitoring visit: "its fifth monitoring visit", "a
//! monitoring visit to the trust, the second since ...".

use crate::extract::lexicon;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static ORDINAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)({})\s+(?:(?:ofsted|such|quarterly|consecutive|successive|and\s+final|and\s+latest)\s+)?$",
        lexicon::ordinal_pattern()
    ))
    .expect("ordinal regex")
});

static ORDINAL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^['’”\x22]?(?:[^.;]{{0,60}}?)?,\s+(?:its|the|which\s+was\s+(?:its|the))\s+({})(?-u:\b)",
        lexicon::ordinal_pattern()
    ))
    .expect("ordinal regex")
});

/// The ordinal of a monitoring visit named at `cue` in `s`: the ordinal
/// before it, else one in an aside after it.
pub fn visit_ordinal(s: &str, cue: &Range<usize>) -> Option<u32> {
    let group = |re: &Regex, hay: &str| {
        re.captures(hay)
            .and_then(|c| c.get(1))
            .and_then(|m| lexicon::ordinal_value(m.as_str()))
    };
    match ORDINAL_BEFORE
        .captures(&s[..cue.start])
        .and_then(|c| c.get(1))
    {
        Some(m) => lexicon::ordinal_value(m.as_str()),
        None => group(&ORDINAL_AFTER, &s[cue.end..]),
    }
}
