//! The polarity of a clause: whether the words that judge in it lean
//! towards concern or strength.

use crate::model::Polarity;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::ops::Range;
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
    let mut tally = (0, 0);
    for m in POLARITY_WORDS.find_iter(s) {
        count(s, &m, 0, &mut tally);
    }
    tally
}

/// Counts the match `m`, at `offset` bytes before the start of `s` (the
/// stretch it is counted in), into `(concerns, strengths)` where it is a
/// whole judging word of `s`.
fn count(s: &str, m: &aho_corasick::Match, offset: usize, tally: &mut (usize, usize)) {
    let bytes = s.as_bytes();
    let (start, end) = (m.start() - offset, m.end() - offset);
    let id = m.pattern().as_usize();
    let word = CONCERN_WORDS
        .get(id)
        .or_else(|| STRENGTH_WORDS.get(id - CONCERN_WORDS.len()))
        .copied()
        .unwrap_or("");
    let starts_word =
        start == 0 || !bytes[start - 1].is_ascii_alphanumeric() || word.starts_with('n');
    let ends_word =
        word.ends_with('*') || bytes.get(end).is_none_or(|b| !b.is_ascii_alphanumeric());
    if !(starts_word && ends_word) {
        return;
    }
    if id < CONCERN_WORDS.len() || negated_before(s, start) {
        tally.0 += 1;
    } else {
        tally.1 += 1;
    }
}

/// The judging words of a whole text, found in one search, so that each
/// sentence, clause and line of it is counted without a search of its own
/// (they are counted one after another, and clauses again within their
/// sentences).
pub(super) struct JudgingWords<'t> {
    text: &'t str,
    /// The matches of `POLARITY_WORDS` in the whole text, in order.
    found: Vec<aho_corasick::Match>,
}

impl<'t> JudgingWords<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        JudgingWords {
            text,
            found: POLARITY_WORDS.find_iter(text).collect(),
        }
    }

    /// `counts(&text[range])`. A search of the whole text finds the same
    /// words inside `range` as a search of `range` alone, unless a word it
    /// found crosses an edge of `range`: then the stretch alone may hold
    /// other words there, and it is searched on its own.
    fn counts(&self, range: Range<usize>) -> (usize, usize) {
        let s = &self.text[range.clone()];
        let first = self.found.partition_point(|m| m.end() <= range.start);
        let mut tally = (0, 0);
        for m in &self.found[first..] {
            if m.start() >= range.end {
                break;
            }
            if m.start() < range.start || m.end() > range.end {
                return counts(s);
            }
            count(s, m, range.start, &mut tally);
        }
        tally
    }

    /// The polarity the words of `text[range]` lean to, or `None` where
    /// they lean to neither (no judging word, or as many of each).
    pub(super) fn leaning(&self, range: Range<usize>) -> Option<Polarity> {
        lean(self.counts(range))
    }

    /// Whether `text[range]` holds any judging word at all.
    pub(super) fn judges(&self, range: Range<usize>) -> bool {
        self.counts(range) != (0, 0)
    }
}

/// The polarity the words of `s` lean to, or `None` where they lean to
/// neither (no judging word, or as many of each).
#[cfg(test)]
pub(super) fn leaning(s: &str) -> Option<Polarity> {
    lean(counts(s))
}

/// The polarity that `(concerns, strengths)` lean to (see `leaning`).
fn lean((concerns, strengths): (usize, usize)) -> Option<Polarity> {
    match strengths.cmp(&concerns) {
        std::cmp::Ordering::Greater => Some(Polarity::Strength),
        std::cmp::Ordering::Less => Some(Polarity::Concern),
        std::cmp::Ordering::Equal => None,
    }
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

    proptest! {
        #[test]
        fn judging_words_of_the_whole_text_count_as_each_stretch_alone(
            words in proptest::collection::vec(
                prop_oneof![
                    Just("not"), Just("good"), Just("goodness"), Just("too"), Just("slow"),
                    Just("weakness"), Just("areas for improvement"), Just("improvement"),
                    Just("requires improvement"), Just("know them well"), Just("them"),
                    Just("well"), Just("isn't"), Just("strong"), Just("Lack"), Just("of"),
                    Just("poorly"), Just("é"), Just("9"), Just("for"), Just("areas"),
                ],
                0..14,
            ),
            gaps in proptest::collection::vec(
                prop_oneof![Just(" "), Just(", "), Just(". "), Just("\u{a0}"), Just("-"), Just("")],
                14,
            ),
            cuts in proptest::collection::vec(0usize..200, 2),
        ) {
            let mut text = String::new();
            for (w, g) in words.iter().zip(&gaps) {
                text.push_str(w);
                text.push_str(g);
            }
            let judging = JudgingWords::new(&text);
            let mut at: Vec<usize> = cuts
                .iter()
                .map(|&c| {
                    let mut i = c.min(text.len());
                    while !text.is_char_boundary(i) {
                        i -= 1;
                    }
                    i
                })
                .collect();
            at.sort();
            let range = at[0]..at[1];
            prop_assert_eq!(
                judging.counts(range.clone()),
                counts(&text[range.clone()]),
                "{:?} in {:?}", range, text
            );
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
