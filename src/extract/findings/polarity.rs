//! The polarity of a clause: whether the words that judge in it lean
//! towards concern or strength.

use crate::model::Polarity;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::sync::LazyLock;

/// Words that lean a clause towards concern. A trailing `*` matches any
/// ending ("weak*" also matches "weakness"); other entries are whole
/// words. Phrases that hold a strength word but judge against it ("areas
/// for improvement", "requires improvement") are listed here whole, so
/// that the longest match wins over the strength word inside them.
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
    "deteriorat*",
    "fail*",
    "unsuitable",
    "slow",
    "variable",
    "varied",
    "vague",
    "generic",
    "incomplete",
    "irregular*",
    "infrequent*",
    "fragmented",
    "missed",
    "hamper*",
    "struggl*",
    "shortfall*",
    "gap",
    "gaps",
    "cannot",
    "limited",
    "unassessed",
    "unregistered",
    "unclear",
    "neglect",
    "heavily",
    "relies",
    "rely",
    "barrier*",
    "criticis*",
    "warn*",
    "serious",
    "widespread",
    "without",
    "never",
    "only",
    "low",
    "slipped",
    "as many as",
    "a small number",
    "a minority",
    "a few",
    "sometimes",
    "above",
    "climbed",
    "risen",
    "high number",
    "high caseloads",
    "high turnover",
    "remains too",
    "remain too",
    "remains high",
    "remains weak",
    "remains variable",
    "for improvement",
    "for further improvement",
    "areas for development",
    "area for priority action",
    "areas for priority action",
    "requires improvement",
    "require improvement",
    "required improvement",
    "needs to improve",
    "need to improve",
    "needed to improve",
    "should",
    "unplanned",
    "misleading",
    "little impact",
    "below",
    "n't*",
];

/// Words that lean a clause towards strength.
const STRENGTH_WORDS: &[&str] = &[
    "improv*",
    "progress*",
    "praise*",
    "commend*",
    "singled out",
    "positive*",
    "good",
    "strong*",
    "strength*",
    "effective*",
    "stable",
    "stability",
    "settled",
    "reduc*",
    "fallen",
    "come down",
    "success*",
    "well",
    "welcome*",
    "solid",
    "high quality",
    "encouraging",
    "appropriate",
    "proportionate",
    "better",
    "clear",
    "clearer",
    "committed",
    "robust",
    "decreased",
    "timely",
    "on time",
    "within timescales",
    "quick",
    "quickly",
    "promptly",
    "swift",
    "regularly",
    "manageable",
    "accurate",
    "ambitious",
    "outstanding",
    "exceptional*",
    "warm",
    "nurturing",
    "trusting",
    "thorough",
    "skilled",
    "knowledgeable",
    "valued",
    "visible",
    "evident",
    "sound",
    "thoughtful",
    "tenacious",
    "purposeful",
    "safer",
    "invested",
    "investment",
    "recruited",
    "know them well",
    "cut",
    "lower",
    "fewer",
    "feel safe",
    "liked",
    "listened to",
    "persistent",
    "confident",
    "established",
    "co-ordinated",
    "coordinated",
    "creative",
    "child-centred",
    "realistic",
    "approachable",
    "loving",
    "sustained",
    "very few",
    "grip",
    "firm",
];

/// One automaton for both lists; pattern ids below `CONCERN_WORDS.len()`
/// are concerns.
static POLARITY_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        // Searched clause by clause all through the findings: a DFA reads
        // each byte in one step where the default NFA may follow failures.
        .kind(Some(AhoCorasickKind::DFA))
        .build(
            CONCERN_WORDS
                .iter()
                .chain(STRENGTH_WORDS)
                .map(|w| w.trim_end_matches('*')),
        )
        .expect("polarity words")
});

/// Words that turn a strength word right after them into a concern ("not
/// always timely", "no longer effective" reads as a concern too).
const NEGATIONS: &[&str] = &["not", "n't", "never", "no", "nor", "without", "lack of"];

/// Whether one of the three words before `at` negates what follows. Words
/// are runs of ASCII letters, digits and apostrophes, read backwards from
/// `at`: what lies further back is never looked at.
fn negated_before(s: &str, at: usize) -> bool {
    let before = &s.as_bytes()[..at];
    let in_word = |b: u8| b.is_ascii_alphanumeric() || b == b'\'';
    let negates = |w: &[u8]| {
        NEGATIONS
            .iter()
            .any(|n| w.eq_ignore_ascii_case(n.as_bytes()))
            || (w.len() >= 3 && w[w.len() - 3..].eq_ignore_ascii_case(b"n't"))
            || (w.eq_ignore_ascii_case(b"of")
                && before.len() >= 8
                && before[before.len() - 8..].eq_ignore_ascii_case(b"lack of "))
    };
    let mut end = before.len();
    for _ in 0..3 {
        while end > 0 && !in_word(before[end - 1]) {
            end -= 1;
        }
        if end == 0 {
            return false;
        }
        let mut start = end;
        while start > 0 && in_word(before[start - 1]) {
            start -= 1;
        }
        if negates(&before[start..end]) {
            return true;
        }
        end = start;
    }
    false
}

/// The concern and strength words of `s`, counted.
fn counts(s: &str) -> (usize, usize) {
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
        if !(starts_word && ends_word) {
            continue;
        }
        if id < CONCERN_WORDS.len() || negated_before(s, m.start()) {
            concerns += 1;
        } else {
            strengths += 1;
        }
    }
    (concerns, strengths)
}

/// The polarity the words of `s` lean to, or `None` where they lean to
/// neither (no judging word, or as many of each).
pub(super) fn leaning(s: &str) -> Option<Polarity> {
    let (concerns, strengths) = counts(s);
    match strengths.cmp(&concerns) {
        std::cmp::Ordering::Greater => Some(Polarity::Strength),
        std::cmp::Ordering::Less => Some(Polarity::Concern),
        std::cmp::Ordering::Equal => None,
    }
}

/// Whether `s` holds any judging word at all.
pub(super) fn judges(s: &str) -> bool {
    counts(s) != (0, 0)
}

/// The polarity of a whole sentence: its leaning, concern on a tie.
#[cfg(test)]
pub(super) fn polarity_of(s: &str) -> Polarity {
    leaning(s).unwrap_or(Polarity::Concern)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The first form of `negated_before`: the whole text before `at`
    /// lower-cased and split into words, of which the last three count.
    fn negated_before_by_splitting(s: &str, at: usize) -> bool {
        let before = s[..at].to_ascii_lowercase();
        let words: Vec<&str> = before
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty())
            .collect();
        words.iter().rev().take(3).any(|w| {
            NEGATIONS.contains(w)
                || w.ends_with("n't")
                || (*w == "of" && before.ends_with("lack of "))
        })
    }

    proptest! {
        #[test]
        fn negation_read_backwards_agrees_with_splitting(
            words in proptest::collection::vec(
                prop_oneof![
                    Just("not"), Just("NOT"), Just("isn't"), Just("Won’t"), Just("never"),
                    Just("no"), Just("Lack"), Just("of"), Just("without"), Just("nor"),
                    Just("good"), Just("é"), Just("n't"), Just("x'"), Just("9"),
                ],
                0..8,
            ),
            gaps in proptest::collection::vec(
                prop_oneof![Just(" "), Just(", "), Just("  "), Just("\u{a0}"), Just("-"), Just("")],
                8,
            ),
        ) {
            let mut s = String::new();
            for (w, g) in words.iter().zip(&gaps) {
                s.push_str(w);
                s.push_str(g);
            }
            let at = s.len();
            s.push_str("strong");
            prop_assert_eq!(negated_before(&s, at), negated_before_by_splitting(&s, at), "{:?}", s);
        }
    }

    #[test]
    fn leanings() {
        assert_eq!(
            polarity_of("caseloads are still too high"),
            Polarity::Concern
        );
        assert_eq!(
            polarity_of("staff morale has improved and practice is strong"),
            Polarity::Strength
        );
        assert_eq!(
            polarity_of("plans are not always timely"),
            Polarity::Concern
        );
        assert_eq!(
            polarity_of("the inspectors listed areas for improvement"),
            Polarity::Concern
        );
        assert_eq!(
            polarity_of("managers know their teams well"),
            Polarity::Strength
        );
        assert_eq!(leaning("the visit took two days"), None);
    }
}
