//! Findings: sentences that report what inspectors found, with a theme and
//! a polarity.

mod reported;
mod themes;

use super::cues::{self, Folded};
use super::doc::Doc;
use super::quotes::QuoteFound;
use crate::model::{Polarity, Theme};
use aho_corasick::{AhoCorasick, MatchKind};
use reported::reported;
use std::ops::Range;
use std::sync::LazyLock;
use themes::theme_of;

#[derive(Debug, Clone, PartialEq)]
pub struct FindingFound {
    pub theme: Theme,
    pub polarity: Polarity,
    pub range: Range<usize>,
}

/// Words that lean a finding towards concern or strength. A trailing `*`
/// matches any ending ("weak*" also matches "weakness"); other entries are
/// whole words.
const CONCERN_WORDS: &[&str] = &[
    "not",
    "too",
    "weak*",
    "poor*",
    "delay*",
    "drift*",
    "concern*",
    "insufficient*",
    "lack*",
    "inconsistent*",
    "still",
    "deteriorat*",
    "fail*",
    "unsuitable",
    "slow",
    "variable",
    "fragmented",
    "missing",
    "hamper*",
    "struggl*",
    "shortfall*",
    "gap",
    "gaps",
    "cannot",
    "limited",
    "unassessed",
    "neglect",
    "risk",
    "heavily",
    "high number",
    "high caseloads",
    "high turnover",
    "remains too",
    "remain too",
    "remains high",
    "remains weak",
    "remains variable",
    "however",
    "but",
    "despite",
    "unplanned",
    "misleading",
    "little impact",
    "below",
    "n't*",
];
const STRENGTH_WORDS: &[&str] = &[
    "improv*",
    "progress*",
    "praise*",
    "positive*",
    "good",
    "strong*",
    "effective*",
    "stable",
    "stability",
    "reduc*",
    "success*",
    "well",
    "welcome*",
    "solid",
    "high quality",
    "encouraging",
    "appropriate",
    "better",
    "clear",
    "committed",
    "robust",
    "decreased",
    "timely",
    "open",
];

/// One automaton for both lists; pattern ids below `CONCERN_WORDS.len()`
/// are concerns.
static POLARITY_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(
            CONCERN_WORDS
                .iter()
                .chain(STRENGTH_WORDS)
                .map(|w| w.trim_end_matches('*')),
        )
        .expect("polarity words")
});

fn polarity_of(s: &str) -> Polarity {
    let bytes = s.as_bytes();
    let (mut concerns, mut strengths) = (0, 0);
    for m in POLARITY_WORDS.find_iter(s) {
        let id = m.pattern().as_usize();
        let word = CONCERN_WORDS
            .get(id)
            .or_else(|| STRENGTH_WORDS.get(id - CONCERN_WORDS.len()))
            .copied()
            .unwrap_or("");
        let starts_word = m.start() == 0
            || !bytes[m.start() - 1].is_ascii_alphanumeric()
            || word.starts_with('n');
        let ends_word = word.ends_with('*')
            || bytes
                .get(m.end())
                .is_none_or(|b| !b.is_ascii_alphanumeric());
        if starts_word && ends_word {
            if id < CONCERN_WORDS.len() {
                concerns += 1;
            } else {
                strengths += 1;
            }
        }
    }
    if strengths > concerns {
        Polarity::Strength
    } else {
        Polarity::Concern
    }
}

/// White space as `\s` and `split_whitespace` see it in ASCII (with the
/// vertical tab, unlike `u8::is_ascii_whitespace`).
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// Whether `s` has fewer than six words split by Unicode whitespace, as
/// `s.split_whitespace().nth(5).is_none()` says, but reading bytes: only
/// non-ASCII characters are decoded.
fn fewer_than_six_words(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        let (space, len) = if b.is_ascii() {
            (is_space(b), 1)
        } else {
            // `at` only moves by whole characters, so it is a boundary.
            let Some(c) = s[at..].chars().next() else {
                break;
            };
            (c.is_whitespace(), c.len_utf8())
        };
        if !space && !in_word {
            words += 1;
            if words == 6 {
                return false;
            }
        }
        in_word = !space;
        at += len;
    }
    true
}

/// Finding sentences: body sentences reporting inspectors' views, and
/// quotations from the report or letter.
pub fn findings(doc: &Doc, quotes: &[QuoteFound]) -> Vec<FindingFound> {
    let text = doc.text;
    let lower = cues::lower_cased_from(text, &doc.lower);
    let mut out: Vec<FindingFound> = Vec::new();
    let mut push = |range: Range<usize>| {
        let s = &text[range.clone()];
        if fewer_than_six_words(s)
            || out
                .iter()
                .any(|f| f.range.start < range.end && range.start < f.range.end)
        {
            return;
        }
        let theme = theme_of(&Folded::with_lower(s, lower.map(|l| &l[range.clone()])));
        if theme == Theme::Other {
            return;
        }
        out.push(FindingFound {
            theme,
            polarity: polarity_of(s),
            range,
        });
    };
    for q in quotes
        .iter()
        .filter(|q| q.speaker.as_deref() == Some("Ofsted"))
    {
        push(q.range.clone());
    }
    let sentences: Vec<Range<usize>> = doc
        .layout
        .body_sentences()
        .map(|s| s.range.clone())
        .collect();
    for (s, is_reported) in sentences.iter().zip(reported(doc, &sentences)) {
        let in_quote = quotes
            .iter()
            .any(|q| q.range.start <= s.start && s.end <= q.range.end + 2);
        if !in_quote && is_reported {
            push(s.clone());
        }
    }
    out.sort_by_key(|f| f.range.start);
    out
}

#[cfg(test)]
mod tests {
    use super::themes::tests::theme_of_sentence as theme_of;
    use super::*;

    #[test]
    fn six_words_counted_as_split_whitespace_counts_them() {
        let cases = [
            "",
            "one two three four five",
            "one two three four five six",
            " one\ttwo\nthree\x0Bfour\x0Cfive\rsix ",
            "one\u{A0}two\u{2003}three\u{85}four\u{3000}five\u{2028}six",
            "one\u{A0}two three four five",
            "“one” – two £3 four… five€ ſix",
            "a\u{200B}b c d e f",
            "  \u{A0}\u{A0} a b c d e  ",
        ];
        for case in cases {
            let expected = case.split_whitespace().nth(5).is_none();
            assert_eq!(fewer_than_six_words(case), expected, "{case:?}");
        }
    }

    #[test]
    fn themes_and_polarities() {
        assert_eq!(
            theme_of("caseloads are still high, inspectors found"),
            Theme::Caseloads
        );
        assert_eq!(
            theme_of("the workforce still relies too heavily on agency staff"),
            Theme::Workforce
        );
        assert_eq!(
            theme_of("health colleagues are not represented at strategy meetings"),
            Theme::Partnership
        );
        assert_eq!(
            polarity_of("caseloads are still too high"),
            Polarity::Concern
        );
        assert_eq!(
            polarity_of("staff morale has improved and practice is strong"),
            Polarity::Strength
        );
    }
}
