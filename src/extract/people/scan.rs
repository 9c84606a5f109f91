//! Hand-written scanners for capitalised words, in place of the patterns
//! `(?-u:\b)[A-Z][\p{L}'’-]*\p{Ll}[\p{L}'’-]*` (one word) and the same word
//! followed by one to four more after white space (a name candidate).
//!
//! Why they are exact: a word can only end where the run of `[\p{L}'’-]`
//! characters ends, because the next word (or nothing) must follow after
//! `\s`, and `\s` is not in the run; the greedy repetitions then make every
//! word reach the end of its run, and the candidate take as many words as
//! it can (up to five). A run is a word when it has a lower-case letter
//! after its first. Where no match starts at an upper-case letter, the
//! search goes on from the next byte, as the regex engine would.
//!
//! Candidates are read off the words, so the text is scanned once. Every
//! word of a candidate is a word match: it starts after white space, which
//! is a boundary, and ends where its run ends. Where a candidate fails at a
//! word (no word follows it after white space), it fails as well at every
//! later capital of the same run, since those share the run's end and so
//! its lack of a next word; and the capitals between two words open no
//! word, so none opens a candidate. The next candidate can only start at
//! the next word.

use crate::ascii::{is_word_byte, next_uppercase};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Most words of a name candidate: the first and up to four more.
const MAX_CANDIDATE_WORDS: usize = 5;

/// Starts and ends of capitalised words in `s` (one word each): leftmost
/// first, non-overlapping, tried at each upper-case letter that opens an
/// ASCII word.
pub(super) fn words(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = s.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(start) = next_uppercase(bytes, from) {
            from = start + 1;
            if start > 0 && is_word_byte(bytes[start - 1]) {
                continue;
            }
            if let Some(end) = word_end(s, start) {
                from = end;
                return Some(start..end);
            }
        }
        None
    })
}

/// The words of each name candidate in `s`: two to five capitalised words
/// separated by white space, given the `words` of `s` in order.
pub(super) fn candidates<'a>(
    s: &'a str,
    words: &'a [Range<usize>],
) -> impl Iterator<Item = &'a [Range<usize>]> + 'a {
    let mut first = 0;
    std::iter::from_fn(move || {
        while first < words.len() {
            let mut last = first;
            while last + 1 < words.len()
                && last - first + 1 < MAX_CANDIDATE_WORDS
                && only_space_between(s, &words[last], &words[last + 1])
            {
                last += 1;
            }
            let start = first;
            first = last + 1;
            if last > start {
                return Some(&words[start..=last]);
            }
        }
        None
    })
}

/// Whether white space, and nothing else, separates two words (`\s+`).
fn only_space_between(s: &str, word: &Range<usize>, next: &Range<usize>) -> bool {
    let gap = &s[word.end..next.start];
    !gap.is_empty() && gap.chars().all(char::is_whitespace)
}

/// The end of the run of name characters from the upper-case letter at
/// `start`, if the run holds a lower-case letter after its first.
fn word_end(s: &str, start: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut end = start + 1;
    let mut has_lower = false;
    // ASCII first, byte by byte; characters only from the first non-ASCII one.
    while let Some(&b) = bytes.get(end) {
        if !b.is_ascii() {
            break;
        }
        if !(b.is_ascii_alphabetic() || b == b'\'' || b == b'-') {
            return has_lower.then_some(end);
        }
        has_lower = has_lower || b.is_ascii_lowercase();
        end += 1;
    }
    for c in s[end..].chars().take_while(|&c| is_name_char(c)) {
        has_lower = has_lower || is_lowercase_letter(c);
        end += c.len_utf8();
    }
    has_lower.then_some(end)
}

/// `[\p{L}'’-]`.
fn is_name_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic() || c == '\'' || c == '-'
    } else {
        c == '’' || is_non_ascii_in(&LETTER, c)
    }
}

/// `\p{Ll}`.
fn is_lowercase_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_lowercase()
    } else {
        is_non_ascii_in(&LOWERCASE_LETTER, c)
    }
}

/// Unicode general categories as the regex crate knows them (std's
/// `is_alphabetic`/`is_lowercase` are other properties). Punctuation and
/// spaces of the General Punctuation block, frequent in news text (curly
/// quotes, dashes), hold no letters and skip the pattern.
fn is_non_ascii_in(class: &Regex, c: char) -> bool {
    if ('\u{2000}'..='\u{206F}').contains(&c) {
        return false;
    }
    class.is_match(c.encode_utf8(&mut [0; 4]))
}

static LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{L}$").expect("letter regex"));
static LOWERCASE_LETTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Ll}$").expect("lower-case letter regex"));

#[cfg(test)]
mod tests {
    use super::*;

    const WORD: &str = r"(?-u:\b)[A-Z][\p{L}'’-]*[\p{Ll}][\p{L}'’-]*";
    const CANDIDATE: &str = r"(?-u:\b)[A-Z][\p{L}'’-]*[\p{Ll}][\p{L}'’-]*(?:\s+[A-Z][\p{L}'’-]*[\p{Ll}][\p{L}'’-]*){1,4}";

    const TRICKY: &[&str] = &[
        "Jane Doe said",
        "said Jane Doe",
        "Paula Thomson-Jones and O’Neill Smith's",
        "MASH Team Leader Ann Lee",
        "A B Cd Ef",
        "One Two Three Four Five Six Seven Eight Nine Ten Eleven",
        "éJane Doe, x-Jane Doe, 1Jane Doe, _Jane Doe, Jane_Doe Smith",
        "ABC'Def Ghi",
        "Jane\u{a0}Doe\u{2003}Smith \u{212a}elvin Kelvin Smith",
        "Ann \u{3000}Lee\r\nJo Bloggs\n\nAl Roe",
        "“Jane Doe” – Anne-Marie O'Neill-",
        "Zoë Ångström Éric Çelik Ölaf Ärne",
        "JANE DOE Jane DOE Jane D'oe",
        "Ǆemal Ǳon ǅemal Dže",
        "Jane ⅰDoe Jane ªDoe Ja\u{301}ne Doe",
        "Jane Doe-\u{2010}Smith Mr\u{2019}s Dee\u{2019}s Wee",
        "",
        "J",
        "Jo",
        "Jo Jo",
    ];

    fn regex_matches(pattern: &str, s: &str) -> Vec<Range<usize>> {
        let re = Regex::new(pattern).expect("test regex");
        re.find_iter(s).map(|m| m.range()).collect()
    }

    #[test]
    fn scanners_agree_with_the_patterns_they_replace() {
        let joined = [TRICKY.join(" "), TRICKY.join("-"), TRICKY.join("’")];
        for s in TRICKY
            .iter()
            .copied()
            .chain(joined.iter().map(String::as_str))
        {
            let words: Vec<_> = words(s).collect();
            assert_eq!(words, regex_matches(WORD, s), "{s}");
            assert_eq!(
                candidates(s, &words)
                    .map(|c| c[0].start..c[c.len() - 1].end)
                    .collect::<Vec<_>>(),
                regex_matches(CANDIDATE, s),
                "{s}"
            );
        }
    }

    #[test]
    fn character_classes_agree_with_the_regex_classes() {
        let name_char = Regex::new(r"^[\p{L}'’-]$").expect("test regex");
        let lower = Regex::new(r"^\p{Ll}$").expect("test regex");
        let space = Regex::new(r"^\s$").expect("test regex");
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(c.is_whitespace(), space.is_match(&s), "{c:?}");
            assert_eq!(is_name_char(c), name_char.is_match(&s), "{c:?}");
            assert_eq!(is_lowercase_letter(c), lower.is_match(&s), "{c:?}");
        }
    }
}
