//! Whether a sentence reports what inspectors (or their report, letter...)
//! said or found.

use super::plain::{UnplainChars, is_space, is_word, word_runs};
use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A reporting subject, then within 80 characters and no full stop a
/// reporting verb; or "according to" a source; or a subject right before
/// one of the most common verbs.
static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:inspectors?|ofsted|the\s+(?:report|letter|inspectorate|watchdog|regulator|visit)|hmi)(?-u:\b)[^.]{0,80}?(?-u:\b)(?:found|find|finds|said|say|says|noted|notes|praised|identified|highlighted|raised|concluded|stated|states|warned|criticised|observed|reported|discovered|saw|concerned|want|wanted|also|added|acknowledged|recognised|judged|considered|described)(?-u:\b)|(?-u:\b)(?:according\s+to\s+(?:ofsted|inspectors|the\s+report|the\s+letter))|(?-u:\b)(?:inspectors|ofsted)\s+(?:found|said|noted|praised)(?-u:\b)")
        .expect("reported regex")
});

/// What a word can be in `REPORTED`.
#[derive(Clone, Copy)]
enum Role {
    /// A subject; `near` ones may also stand right before a `near` verb.
    Subject {
        near: bool,
    },
    /// What may follow "the" as a subject.
    Document,
    Verb {
        near: bool,
    },
    According,
    Other,
}

/// The longest word of `REPORTED`, in bytes.
const LONGEST_WORD: usize = 12;
/// The most characters `REPORTED` allows between a subject and a verb.
const MAX_GAP_CHARS: usize = 80;

/// The role of a word of plain text in `REPORTED`, ignoring case.
fn role_of(word: &[u8]) -> Role {
    let mut buffer = [0u8; LONGEST_WORD];
    let Some(lower) = buffer.get_mut(..word.len()) else {
        return Role::Other;
    };
    for (l, b) in lower.iter_mut().zip(word) {
        *l = b.to_ascii_lowercase();
    }
    match &*lower {
        b"inspectors" | b"ofsted" => Role::Subject { near: true },
        b"inspector" | b"hmi" => Role::Subject { near: false },
        b"report" | b"letter" | b"inspectorate" | b"watchdog" | b"regulator" | b"visit" => {
            Role::Document
        }
        b"found" | b"said" | b"noted" | b"praised" => Role::Verb { near: true },
        b"find" | b"finds" | b"say" | b"says" | b"notes" | b"identified" | b"highlighted"
        | b"raised" | b"concluded" | b"stated" | b"states" | b"warned" | b"criticised"
        | b"observed" | b"reported" | b"discovered" | b"saw" | b"concerned" | b"want"
        | b"wanted" | b"also" | b"added" | b"acknowledged" | b"recognised" | b"judged"
        | b"considered" | b"described" => Role::Verb { near: false },
        b"according" => Role::According,
        _ => Role::Other,
    }
}

/// Stems that every word able to open a `REPORTED` match starts with
/// ("inspector" also starts "inspectors" and "inspectorate").
const OPENING_STEMS: &[&str] = &[
    "inspector",
    "ofsted",
    "hmi",
    "report",
    "letter",
    "watchdog",
    "regulator",
    "visit",
    "according",
];

/// Exact (lower-case) leftmost search: that is what lets the searcher skip
/// ahead with a SIMD prefilter.
static OPENERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(OPENING_STEMS)
        .expect("opening stems")
});

/// Tells which sentences of one text report what inspectors found.
pub(super) struct ReportedSentences<'t> {
    text: &'t str,
    /// `text` with ASCII letters in lower case: the same byte offsets, and
    /// the same answers from a scanner that ignores ASCII case.
    lowered: &'t str,
    unplain: UnplainChars,
}

impl<'t> ReportedSentences<'t> {
    /// `lowered` is `text` with ASCII letters in lower case.
    pub(super) fn new(text: &'t str, lowered: &'t str) -> Self {
        ReportedSentences {
            text,
            lowered,
            unplain: UnplainChars::of(text),
        }
    }

    /// The text with ASCII letters in lower case, at the same offsets.
    pub(super) fn lowered(&self) -> &[u8] {
        self.lowered.as_bytes()
    }

    /// Whether the text at `range` is plain (see `UnplainChars`).
    pub(super) fn is_plain(&self, range: Range<usize>) -> bool {
        self.unplain.is_plain(range)
    }

    /// Whether `REPORTED` matches the sentence at `range`.
    pub(super) fn contains(&self, range: Range<usize>) -> bool {
        if self.is_plain(range.clone()) {
            is_reported_plain(&self.lowered.as_bytes()[range])
        } else {
            REPORTED.is_match(&self.text[range])
        }
    }
}

/// `REPORTED` on plain lower-case text. Every word of the pattern sits
/// between word boundaries (only the source after "according to" may run
/// on), so it is a whole run of word bytes, and `\s+` between two words
/// means only whitespace between their runs. A match opens with a word
/// that starts with an opening stem; such a word is preceded by a non-word
/// byte, so no earlier (all-letter) stem match can overlap its start and
/// the search reports a match there.
fn is_reported_plain(hay: &[u8]) -> bool {
    OPENERS.find_iter(hay).any(|stem| {
        let start = stem.start();
        if start > 0 && is_word(hay[start - 1]) {
            return false;
        }
        let end = start + hay[start..].iter().take_while(|&&b| is_word(b)).count();
        match role_of(&hay[start..end]) {
            Role::According => according_to_source(hay, end),
            Role::Subject { near } => verb_follows(hay, end, near),
            Role::Document => follows_the(hay, start) && verb_follows(hay, end, false),
            _ => false,
        }
    })
}

/// `the\s+` right before `start`, "the" being a whole word.
fn follows_the(hay: &[u8], start: usize) -> bool {
    let spaces = hay[..start]
        .iter()
        .rev()
        .take_while(|&&b| is_space(b))
        .count();
    let Some(the_start) = start.checked_sub(spaces + 3) else {
        return false;
    };
    spaces > 0
        && hay[the_start..start - spaces].eq_ignore_ascii_case(b"the")
        && (the_start == 0 || !is_word(hay[the_start - 1]))
}

/// Whether a verb follows a subject ending at `from` within
/// `[^.]{0,80}`, or, after a `near` subject, right after whitespace of any
/// length if it is a `near` verb.
fn verb_follows(hay: &[u8], from: usize, near: bool) -> bool {
    let mut gap_chars = Some(0);
    let mut end = from;
    for (i, run) in word_runs(&hay[from..]).enumerate() {
        let gap = &hay[end..from + run.start];
        end = from + run.end;
        let role = role_of(&hay[from + run.start..end]);
        if i == 0 && near && matches!(role, Role::Verb { near: true }) && is_space_only(gap) {
            return true;
        }
        gap_chars = gap_chars.and_then(|chars| extend_gap(chars, gap));
        let Some(chars) = gap_chars else {
            return false;
        };
        if matches!(role, Role::Verb { .. }) {
            return true;
        }
        // Word bytes are ASCII: one character each.
        gap_chars = Some(chars + run.len());
    }
    false
}

/// `[^.]{0,80}`: the characters between a subject and a verb after `chars`
/// of them are followed by `gap`; `None` once they can no longer match.
fn extend_gap(mut chars: usize, gap: &[u8]) -> Option<usize> {
    for &b in gap {
        if b == b'.' {
            return None;
        }
        // Count characters by their UTF-8 lead bytes.
        chars += usize::from(b & 0xC0 != 0x80);
    }
    (chars <= MAX_GAP_CHARS).then_some(chars)
}

/// `\s+` between two word runs (never empty: runs are maximal).
fn is_space_only(gap: &[u8]) -> bool {
    gap.iter().all(|&b| is_space(b))
}

/// After "according" ending at `from`: " to ofsted...", " to inspectors...",
/// " to the report..." or " to the letter..."; the source needs no word
/// boundary after it.
fn according_to_source(hay: &[u8], from: usize) -> bool {
    let mut end = from;
    // The next word, if only whitespace comes before it.
    let mut next_word = || {
        let run = word_runs(&hay[end..]).next()?;
        let gap = &hay[end..end + run.start];
        let word = &hay[end + run.start..end + run.end];
        end += run.end;
        is_space_only(gap).then_some(word)
    };
    let starts = |word: &[u8], prefix: &str| {
        word.get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    if !next_word().is_some_and(|w| w.eq_ignore_ascii_case(b"to")) {
        return false;
    }
    match next_word() {
        Some(w) if w.eq_ignore_ascii_case(b"the") => {
            next_word().is_some_and(|w| starts(w, "report") || starts(w, "letter"))
        }
        Some(w) => starts(w, "ofsted") || starts(w, "inspectors"),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scanner agrees with the regex on tricky plain text (and the
    /// regex is used on the rest).
    #[test]
    fn scanner_matches_the_regex() {
        let gaps = (14..=17).flat_map(|n| {
            [
                format!("Inspectors {} said", "word ".repeat(n)),
                format!("Inspectors {} said", "w “ ".repeat(n + 6)),
                format!("Ofsted{}found", " ".repeat(n * 5)),
            ]
        });
        let cases = [
            "Caseloads remain too high, inspectors found.",
            "The inspectors said so",
            "INSPECTORATE said",
            "the inspectorate said",
            "the\n\x0Breport noted",
            "the report. It noted",
            "the reporter noted",
            "Inspector_ found",
            "inspectors found_",
            "inspectorsfound",
            "ofsted2 found",
            "according to ofstedish sources",
            "According  to\tthe letters",
            "according to the, report",
            "according to them",
            "according to inspector",
            "hmi: staff also want more",
            "found by inspectors",
            "the watchdog “has” described",
            "the visit, too, saw",
            "",
        ];
        // Every word of the pattern in every place of it.
        let words = Regex::new("[a-z]+").expect("word regex");
        let places = words.find_iter(REPORTED.as_str()).flat_map(|w| {
            let w = w.as_str();
            [
                format!("Inspectors, in short, {w}"),
                format!("the report {w}"),
                format!("the {w} found"),
                format!("{w} said"),
                format!("OFSTED {w}"),
                format!("according to {w}x"),
                format!("according to the {w}s"),
                format!("{w} to ofsted"),
                format!("{w} {}", w.to_uppercase()),
            ]
        });
        let cases = cases
            .map(String::from)
            .into_iter()
            .chain(gaps)
            .chain(places);
        for case in cases {
            let case = case.as_str();
            let expected = REPORTED.is_match(case);
            let lowered = case.to_ascii_lowercase();
            let found = ReportedSentences::new(case, &lowered).contains(0..case.len());
            assert_eq!(found, expected, "{case:?}");
        }
    }
}
