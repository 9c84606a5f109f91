//! Findings: sentences that report what inspectors found, with a theme and
//! a polarity.

mod clauses;
mod polarity;
mod reported;
mod themes;
mod units;

use super::cues::{self, Folded};
use super::doc::Doc;
use super::quotes::QuoteFound;
use crate::model::{Polarity, Theme};
use clauses::{Joint, clauses};
use polarity::leaning;
use std::ops::Range;
use themes::{keywords_in, theme_of};
use units::{Unit, finding_units};

#[derive(Debug, Clone, PartialEq)]
pub struct FindingFound {
    pub theme: Theme,
    pub polarity: Polarity,
    pub range: Range<usize>,
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

/// The findings of one unit: a finding per clause that has a theme and a
/// leaning, or that carries on the theme of its sentence with a leaning
/// of its own; a clause whose words lean to neither takes the polarity
/// of the clause before it (turned round after a contrast).
fn unit_findings(doc: &Doc, lower: Option<&str>, unit: &Unit) -> Vec<FindingFound> {
    let folded = |range: &Range<usize>| {
        Folded::with_lower(&doc.text[range.clone()], lower.map(|l| &l[range.clone()]))
    };
    let unit_text = folded(&unit.range);
    let keywords = keywords_in(&unit_text);
    let Some(unit_theme) = keywords.theme() else {
        return Vec::new();
    };
    // A clause's theme from the keywords found in its unit where they tell
    // it; searched for in the clause alone where not, or where the unit and
    // the clause might pick different keyword sets (no lower-cased text).
    let theme_of_clause = |clause: &Range<usize>| {
        let within = clause.start - unit.range.start..clause.end - unit.range.start;
        lower
            .and_then(|_| keywords.theme_within(&within))
            .unwrap_or_else(|| theme_of(&folded(clause)))
    };
    let mut out = Vec::new();
    let mut previous = unit.lean;
    let mut previous_theme: Option<Theme> = None;
    for clause in clauses(doc.text, unit.range.clone()) {
        if clause.joint == Joint::Aside {
            continue;
        }
        let s = &doc.text[clause.range.clone()];
        let own = leaning(s);
        let inherited = previous.map(|p| match (clause.joint, p) {
            (Joint::Contrast, Polarity::Strength) => Polarity::Concern,
            (Joint::Contrast, Polarity::Concern) => Polarity::Strength,
            _ => p,
        });
        let Some(polarity) = own.or(inherited) else {
            continue;
        };
        previous = Some(polarity);
        // A unit of one clause has the unit's theme: no second search.
        let clause_theme = if clause.range == unit.range {
            Some(unit_theme)
        } else {
            theme_of_clause(&clause.range)
        };
        let theme = match (clause_theme, previous_theme) {
            // "..., but it does not always ...": the clause judges what the
            // one before it named.
            (_, Some(before)) if starts_with_pronoun(s) => before,
            (None, _) if own.is_some() => unit_theme,
            (None, _) => continue,
            (Some(theme), _) => theme,
        };
        previous_theme = Some(theme);
        if fewer_than_four_words(s) {
            continue;
        }
        out.push(FindingFound {
            theme,
            polarity,
            range: clause.range,
        });
    }
    out
}

/// Whether `s` opens with a pronoun that stands for what the clause
/// before it named.
fn starts_with_pronoun(s: &str) -> bool {
    let first = s.split_whitespace().next().unwrap_or("");
    ["it", "they", "this", "these", "which"]
        .iter()
        .any(|p| first.eq_ignore_ascii_case(p))
}

/// Whether `s` has fewer than four words.
fn fewer_than_four_words(s: &str) -> bool {
    s.split_whitespace().nth(3).is_none()
}

/// Findings: the clauses of the stretches that state what inspectors
/// found (`units`), and quotations from the report or letter.
pub fn findings(doc: &Doc, quotes: &[QuoteFound]) -> Vec<FindingFound> {
    let lower = cues::lower_cased_from(doc.text, &doc.lower);
    let mut out: Vec<FindingFound> = Vec::new();
    for unit in finding_units(doc, quotes) {
        out.extend(unit_findings(doc, lower, &unit));
    }
    for q in quotes
        .iter()
        .filter(|q| q.speaker.as_deref() == Some("Ofsted"))
    {
        let overlaps = out
            .iter()
            .any(|f| f.range.start < q.range.end && q.range.start < f.range.end);
        if overlaps || fewer_than_six_words(&doc.text[q.range.clone()]) {
            continue;
        }
        let unit = Unit {
            range: q.range.clone(),
            lean: None,
        };
        out.extend(unit_findings(doc, lower, &unit));
    }
    out.sort_by_key(|f| f.range.start);
    out
}

#[cfg(test)]
mod tests {
    use super::polarity::polarity_of;
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
    fn a_mixed_sentence_gives_a_finding_per_clause() {
        let text = "Council told to act on caseloads\n\n\
            Inspectors found that leaders have a firm grip on the service, but caseloads \
            remain too high in some teams, and that plans are not always timely.\n";
        let doc = Doc::new(text);
        let found: Vec<(Theme, Polarity)> = findings(&doc, &[])
            .into_iter()
            .map(|f| (f.theme, f.polarity))
            .collect();
        assert_eq!(
            found,
            vec![
                (Theme::Leadership, Polarity::Strength),
                (Theme::Caseloads, Polarity::Concern),
                (Theme::Timeliness, Polarity::Concern),
            ]
        );
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
