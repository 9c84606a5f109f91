//! Who said a quotation: the attribution after it (",” the letter said",
//! ", said Jane Doe"), before it ("Jane Doe, the trust's chief executive,
//! said:") or earlier in its sentence ("Jane Doe told a meeting that ...").
//! Each is one pattern over the verbs of saying of `lexicon`; the speaker
//! is its capture group.

use crate::extract::lexicon::{self, says};
use regex::Regex;
use std::sync::LazyLock;

/// The verbs that attribute a quotation, as one alternation.
static VERBS: LazyLock<String> =
    LazyLock::new(|| lexicon::alternation(lexicon::saying_verbs(says::QUOTE)));

/// The attribution opening the text after a quotation: a phrase then a
/// verb (",” the letter said"), or a verb then a phrase (", said Jane Doe").
static AFTER_ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = VERBS.as_str();
    Regex::new(&format!(
        r"^[\s,.;:!?—–-]*(?:(?P<speaker1>[^.!?“”]{{1,120}}?)\s+{verbs}(?-u:\b)|{verbs}\s+(?P<speaker2>[^.!?“”,]{{1,120}}))"
    ))
    .expect("attribution regex")
});

/// The attribution closing the text before a quotation.
static BEFORE_ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = VERBS.as_str();
    Regex::new(&format!(
        r"(?P<speaker>[^.!?“”]{{1,160}}?)\s+{verbs}(?-u:\b)[^.!?“”:]{{0,60}}[:,]?\s*$"
    ))
    .expect("attribution regex")
});

/// A speaker before a verb of saying anywhere in a sentence.
static SPEAKER_IN_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = VERBS.as_str();
    Regex::new(&format!(
        r"(?P<speaker>[^.!?“”]{{1,160}}?)\s+{verbs}(?-u:\b)"
    ))
    .expect("attribution regex")
});

/// The speaker in an attribution closing `before` ("Jane Doe, the trust's
/// chief executive, said:").
pub(super) fn speaker_before(before: &str) -> Option<&str> {
    captured(&BEFORE_ATTRIBUTION, before)
}

/// The speaker named before a verb of attribution in `s` ("Jane Doe told a
/// meeting").
pub(super) fn speaker_in_sentence(s: &str) -> Option<&str> {
    captured(&SPEAKER_IN_SENTENCE, s)
}

/// The attribution opening `after`, with whether the phrase came before its
/// verb.
pub(super) fn speaker_after(after: &str) -> Option<(&str, bool)> {
    let c = AFTER_ATTRIBUTION.captures(after)?;
    c.name("speaker1")
        .map(|m| (m.as_str(), true))
        .or_else(|| c.name("speaker2").map(|m| (m.as_str(), false)))
}

fn captured<'a>(re: &Regex, s: &'a str) -> Option<&'a str> {
    re.captures(s)
        .and_then(|c| c.name("speaker"))
        .map(|m| m.as_str())
}
