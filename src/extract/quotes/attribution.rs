//! Who said a quotation: the attribution after it (",” the letter said",
//! ", said Jane Doe"), before it ("Jane Doe, the trust's chief executive,
//! said:") or earlier in its sentence ("Jane Doe told a meeting that ...").
//!
//! Each rule is a pattern over the verbs of saying of `lexicon`
//! (`after_attribution`, `before_attribution`, `speaker_in_sentence_pattern`);
//! the speaker is its capture group. Capturing it with the regex engine
//! runs a slow engine over a pattern of hundreds of states: on the
//! benchmark's mixed set these captures took over 8% of all extraction
//! instructions, so the readers below stand in for them, and the tests
//! compare the two on tricky and random text.

use crate::extract::lexicon::{self, says};
use std::sync::LazyLock;

/// The verbs that attribute a quotation, by their length in bytes (a
/// word is looked up at every white space of a sentence: comparing it
/// with the few verbs of its length costs less than hashing it).
static VERBS_BY_LENGTH: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut by_length: Vec<Vec<&'static str>> = Vec::new();
    for verb in lexicon::saying_verbs(says::QUOTE) {
        if by_length.len() <= verb.len() {
            by_length.resize(verb.len() + 1, Vec::new());
        }
        by_length[verb.len()].push(verb);
    }
    by_length
});

fn is_verb(word: &str) -> bool {
    VERBS_BY_LENGTH
        .get(word.len())
        .is_some_and(|verbs| verbs.contains(&word))
}

/// The verbs as one alternation, for the patterns.
#[cfg_attr(not(test), allow(dead_code))]
fn verbs_alternation() -> String {
    lexicon::alternation(lexicon::saying_verbs(says::QUOTE))
}

/// The attribution opening the text after a quotation: a phrase then a
/// verb (",” the letter said"), or a verb then a phrase (", said Jane Doe").
#[cfg_attr(not(test), allow(dead_code))]
fn after_attribution() -> String {
    let verbs = verbs_alternation();
    format!(
        r"^[\s,.;:!?—–-]*(?:(?P<speaker1>[^.!?“”]{{1,120}}?)\s+{verbs}(?-u:\b)|{verbs}\s+(?P<speaker2>[^.!?“”,]{{1,120}}))"
    )
}

/// The attribution closing the text before a quotation.
#[cfg_attr(not(test), allow(dead_code))]
fn before_attribution() -> String {
    let verbs = verbs_alternation();
    format!(r"(?P<speaker>[^.!?“”]{{1,160}}?)\s+{verbs}(?-u:\b)[^.!?“”:]{{0,60}}[:,]?\s*$")
}

/// A speaker before a verb of saying anywhere in a sentence.
#[cfg_attr(not(test), allow(dead_code))]
fn speaker_in_sentence_pattern() -> String {
    let verbs = verbs_alternation();
    format!(r"(?P<speaker>[^.!?“”]{{1,160}}?)\s+{verbs}(?-u:\b)")
}

/// The speaker in an attribution closing `before` ("Jane Doe, the trust's
/// chief executive, said:"): `before_attribution`'s speaker group.
pub(super) fn speaker_before(before: &str) -> Option<&str> {
    leftmost_shortest_phrase(before, |at| {
        verb_after_space(before, at).is_some_and(|v| ends_attribution(&before[v..]))
    })
}

/// The speaker named before a verb of attribution in `s` ("Jane Doe told a
/// meeting"): `speaker_in_sentence_pattern`'s speaker group.
pub(super) fn speaker_in_sentence(s: &str) -> Option<&str> {
    leftmost_shortest_phrase(s, |at| verb_after_space(s, at).is_some())
}

/// The group `(?P<speaker>[^.!?“”]{1,160}?)` of a pattern whose rest
/// matches at the white space where `rest_matches` holds: leftmost, then
/// shortest. Capturing it with the regex runs a slow engine over a pattern
/// of hundreds of states; this is one pass over the characters.
///
/// A phrase starting at `start` ends at the first such place after
/// `start` (a later one only lengthens it), so the places split the starts
/// into spans; the first span with a start close enough to its end (at most
/// 160 characters) and after every sentence or quotation mark gives the
/// phrase.
fn leftmost_shortest_phrase(s: &str, rest_matches: impl Fn(usize) -> bool) -> Option<&str> {
    let mut span_start = 0;
    let mut after_mark = 0;
    for (at, c) in s.char_indices() {
        if c.is_whitespace() && rest_matches(at) {
            let start = span_start.max(after_mark).max(start_within_160(s, at));
            if start < at {
                return Some(&s[start..at]);
            }
            span_start = at;
        }
        if is_sentence_or_quote_mark(c) {
            after_mark = at + c.len_utf8();
        }
    }
    None
}

/// The earliest start of a phrase of at most 160 characters ending at `end`.
fn start_within_160(s: &str, end: usize) -> usize {
    if end <= 160 {
        return 0;
    }
    s[..end].char_indices().rev().nth(159).map_or(0, |(i, _)| i)
}

/// Where a verb of attribution ends if `s[at..]` is white space then the
/// verb then a word boundary (`\s+VERBS(?-u:\b)`). The white space runs to
/// the verb (a verb does not start with white space), and the boundary
/// makes the verb the whole ASCII word there.
fn verb_after_space(s: &str, at: usize) -> Option<usize> {
    let rest = &s[at..];
    let verb_start = at + rest.len() - rest.trim_start().len();
    if verb_start == at {
        return None;
    }
    let verb_end = ascii_word_end(s, verb_start);
    is_verb(&s[verb_start..verb_end]).then_some(verb_end)
}

/// Whether `s` opens with white space then a verb of attribution ("
/// said the failures showed").
pub(super) fn verb_follows(s: &str) -> bool {
    verb_after_space(s, 0).is_some()
}

/// Whether an attribution found after a quotation by `speaker_after`
/// belongs to it. After a sentence has ended (a full stop closing the
/// quotation or following it), a capital opens a new sentence: "It found
/// that ..." reports something else, and only a short "Jane Doe said."
/// still attributes the words before it.
pub(super) fn attribution_belongs(after: &str, quote: &str, phrase: &str, from_end: bool) -> bool {
    let lead_len = after.len() - after.trim_start_matches(is_lead_char).len();
    let lead = &after[..lead_len];
    let sentence_ended = quote.ends_with(['.', '!', '?']) || lead.contains(['.', '!', '?']);
    let capital = after[lead_len..].starts_with(|c: char| c.is_uppercase());
    if !(sentence_ended && capital) {
        return true;
    }
    if !from_end || phrase.split_whitespace().count() > 4 {
        return false;
    }
    let phrase_end = phrase.as_ptr() as usize - after.as_ptr() as usize + phrase.len();
    let Some(verb_end) = verb_after_space(after, phrase_end) else {
        return false;
    };
    let rest = after[verb_end..].trim_start();
    rest.is_empty() || rest.starts_with(['.', ',', ';', ':'])
}

/// The end of the run of ASCII word bytes starting at `at`.
fn ascii_word_end(s: &str, at: usize) -> usize {
    at + s.as_bytes()[at..]
        .iter()
        .take_while(|&&b| crate::ascii::is_word_byte(b))
        .count()
}

/// Characters `after_attribution` lets come before its phrase.
fn is_lead_char(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '—' | '–' | '-')
}

/// Characters a speaker phrase cannot hold.
fn is_sentence_or_quote_mark(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '“' | '”')
}

/// The attribution opening `after` (",” the letter said", ", said Jane
/// Doe"), with whether the phrase came before its verb: the speaker group
/// `after_attribution` would capture, read by hand because capturing runs a
/// slow engine over a pattern with hundreds of states.
///
/// It follows the pattern's order of preference: the greedy lead of
/// punctuation and white space, longest first, then giving back one
/// character at a time; at each lead, a phrase before the verb (shortest
/// first), then a phrase after it.
pub(super) fn speaker_after(after: &str) -> Option<(&str, bool)> {
    let mut lead = after.len() - after.trim_start_matches(is_lead_char).len();
    loop {
        if let Some(end) = phrase_end_before_verb(after, lead) {
            return Some((&after[lead..end], true));
        }
        if let Some(phrase) = phrase_after_verb(after, lead) {
            return Some((phrase, false));
        }
        lead = after[..lead].char_indices().next_back()?.0;
    }
}

/// `(?P<speaker1>[^.!?“”]{1,120}?)\s+VERBS(?-u:\b)` at `start`: where the
/// shortest phrase followed by a verb ends.
fn phrase_end_before_verb(s: &str, start: usize) -> Option<usize> {
    for (count, (i, c)) in s[start..].char_indices().enumerate() {
        let at = start + i;
        if count > 0 && verb_after_space(s, at).is_some() {
            return Some(at);
        }
        if count == 120 || is_sentence_or_quote_mark(c) {
            return None;
        }
    }
    None
}

/// `VERBS\s+(?P<speaker2>[^.!?“”,]{1,120})` at `start`: the phrase after
/// the verb, as long as it goes.
fn phrase_after_verb(s: &str, start: usize) -> Option<&str> {
    let verb_end = ascii_word_end(s, start);
    if !is_verb(&s[start..verb_end]) {
        return None;
    }
    let rest = &s[verb_end..];
    let spaces = &rest[..rest.len() - rest.trim_start().len()];
    let mut space_chars = spaces.char_indices();
    space_chars.next()?;
    let phrase_start = verb_end + spaces.len();
    let phrase_len: usize = s[phrase_start..]
        .chars()
        .take(120)
        .take_while(|&c| !is_sentence_or_quote_mark(c) && c != ',')
        .map(char::len_utf8)
        .sum();
    if phrase_len > 0 {
        return Some(&s[phrase_start..phrase_start + phrase_len]);
    }
    // With nothing to take after the white space, the white space gives
    // its last character to the phrase if it keeps one for itself.
    let (last, _) = space_chars.next_back()?;
    Some(&spaces[last..])
}

/// Whether the rest of an attribution after its verb matches
/// `[^.!?“”:]{0,60}[:,]?\s*$`: trailing white space and one colon or comma
/// aside, at most 60 characters free of sentence and quotation marks.
fn ends_attribution(rest: &str) -> bool {
    let rest = rest.trim_end();
    let words = rest.strip_suffix([':', ',']).unwrap_or(rest);
    !words.contains(['.', '!', '?', '“', '”', ':']) && words.chars().count() <= 60
}

#[cfg(test)]
mod tests;
