//! Byte-level helpers for "plain" sentences: text on which the Unicode
//! features of the findings regexes (`(?i)` case folding, `\s`, `\w`) give
//! the same answers as their ASCII counterparts, so that hand-written
//! scanners can stand in for the regexes there.

use std::ops::Range;

/// Non-ASCII characters common in news text that are neither word
/// characters nor whitespace and fold to no ASCII letter: a regex treats
/// them like ASCII punctuation.
const INERT_NON_ASCII: &[char] = &['“', '”', '‘', '’', '£', '–', '—', '…', '€'];

/// Byte offsets of the characters of a text that are neither ASCII nor
/// inert, found once so that whether a part of the text is plain is asked
/// without reading it again.
pub(super) struct UnplainChars(Vec<usize>);

impl UnplainChars {
    pub(super) fn of(text: &str) -> Self {
        // Blocks of ASCII are skipped at once (`is_ascii` is fast); in other
        // blocks each non-ASCII character is decoded. `at` only ever moves
        // past ASCII bytes or whole characters, so it stays on a character
        // boundary.
        const BLOCK: usize = 32;
        let bytes = text.as_bytes();
        let mut offsets = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            let block = &bytes[at..(at + BLOCK).min(bytes.len())];
            if block.is_ascii() {
                at += block.len();
                continue;
            }
            at += block.iter().position(|b| !b.is_ascii()).unwrap_or(0);
            let Some(c) = text[at..].chars().next() else {
                break;
            };
            if !INERT_NON_ASCII.contains(&c) {
                offsets.push(at);
            }
            at += c.len_utf8();
        }
        UnplainChars(offsets)
    }

    /// True if every character of the text in `range` (on character
    /// boundaries) is ASCII or inert. Only then is `(?i)` plain ASCII case
    /// folding (it also folds 'ſ' to "s" and KELVIN SIGN to "k"), `\s`
    /// ASCII whitespace (it also takes NBSP and other spaces) and `\w` an
    /// ASCII word byte (it also takes non-ASCII letters).
    pub(super) fn is_plain(&self, range: Range<usize>) -> bool {
        let first_at_or_after = self.0.partition_point(|&at| at < range.start);
        self.0
            .get(first_at_or_after)
            .is_none_or(|&at| at >= range.end)
    }
}

/// `\s` on plain text. Unlike `u8::is_ascii_whitespace` it takes the
/// vertical tab, as Unicode `White_Space` does.
pub(super) fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// What `(?-u:\b)` counts as a word byte; on plain text also `\w`.
pub(super) fn is_word(b: u8) -> bool {
    WORD_BYTES[usize::from(b)]
}

/// `is_word` as a table: the word scanners ask it for every byte.
static WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = byte.is_ascii_alphanumeric() || byte == b'_';
        b += 1;
    }
    table
};

/// `(?-u:\b)` at byte offset `at`; the haystack's edges count as non-word.
pub(super) fn is_boundary(hay: &[u8], at: usize) -> bool {
    let before = at > 0 && is_word(hay[at - 1]);
    let after = hay.get(at).is_some_and(|&b| is_word(b));
    before != after
}

/// Byte ranges of the maximal runs of word bytes: the only places where a
/// keyword that starts and ends with `(?-u:\b)` and a letter can be.
pub(super) fn word_runs(hay: &[u8]) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < hay.len() && !is_word(hay[at]) {
            at += 1;
        }
        let start = at;
        while at < hay.len() && is_word(hay[at]) {
            at += 1;
        }
        (start < at).then_some(start..at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The inert characters really are inert for the regex engine.
    #[test]
    fn inert_characters_are_not_words_spaces_or_letters() {
        let special = Regex::new(r"(?i)^(?:\w|\s|[a-z])$").expect("class regex");
        for c in INERT_NON_ASCII {
            assert!(!special.is_match(&c.to_string()), "{c:?}");
        }
    }

    fn is_plain(s: &str) -> bool {
        UnplainChars::of(s).is_plain(0..s.len())
    }

    #[test]
    fn plain_text() {
        assert!(is_plain("Inspectors said “good” – £5"));
        assert!(!is_plain("inſpectors found"));
        assert!(!is_plain("\u{212A}ent"));
        assert!(!is_plain("care\u{A0}leavers"));
        assert!(!is_plain("café"));
        let long = "a".repeat(31);
        assert!(is_plain(&format!("{long}“{long}’{long}")));
        assert!(!is_plain(&format!("{long}“{long}ſ{long}")));
        assert!(!is_plain(&format!("{long}{long}{long}ſ")));
        let text = format!("{long}ſ{long}");
        let unplain = UnplainChars::of(&text);
        assert!(unplain.is_plain(0..31) && unplain.is_plain(33..64));
        assert!(!unplain.is_plain(0..33) && !unplain.is_plain(31..64));
    }

    #[test]
    fn spaces_and_boundaries_match_the_regex() {
        let space = Regex::new(r"^\s$").expect("space regex");
        for b in 0u8..0x80 {
            let s = char::from(b).to_string();
            assert_eq!(is_space(b), space.is_match(&s), "{b:#x}");
        }
        let boundary = Regex::new(r"(?-u:\b)").expect("boundary regex");
        for hay in ["", "a", " a_1 ", "x“y", "a-b,c"] {
            let expected: Vec<usize> = boundary.find_iter(hay).map(|m| m.start()).collect();
            let found: Vec<usize> = (0..=hay.len())
                .filter(|&at| is_boundary(hay.as_bytes(), at))
                .collect();
            assert_eq!(found, expected, "{hay:?}");
        }
    }

    #[test]
    fn word_runs_are_maximal() {
        let runs: Vec<_> = word_runs(" ab_1, c“d ".as_bytes()).collect();
        assert_eq!(runs, [1..5, 7..8, 11..12]);
        assert_eq!(word_runs(b"").count(), 0);
        assert_eq!(
            word_runs(b"word").collect::<Vec<_>>(),
            [Range { start: 0, end: 4 }]
        );
    }
}
