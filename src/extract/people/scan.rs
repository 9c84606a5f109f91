//! Capitalised words, and name candidates made of them: two to five
//! capitalised words separated by white space.
//!
//! A word is a match of `WORD`. Searching for it with the regex engine took
//! over 6% of all extraction instructions on the benchmark's mixed set (it
//! has no literal to skip ahead with), so `words` reads the same matches by
//! hand, looking only at capitals, and the tests compare the two.
//!
//! The candidates are the matches of the pattern `CANDIDATE` (in the
//! tests), read off the words so that the text is scanned once: a word
//! can only end where its run of `[\p{L}'’-]` characters ends, because the
//! next word (or nothing) must follow after `\s`, which is not in the run;
//! the greedy repetitions then make every word reach the end of its run,
//! and a candidate take as many words as it can (up to five). Where no
//! word starts at an upper-case letter, the search goes on from the next
//! byte, as the regex engine would.

use crate::ascii::{is_word_byte, next_uppercase};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Most words of a name candidate: the first and up to four more.
const MAX_CANDIDATE_WORDS: usize = 5;

/// A capitalised word: a capital, then letters, apostrophes or hyphens,
/// with a lower-case letter after the first.
#[cfg_attr(not(test), allow(dead_code))]
const WORD: &str = r"(?-u:\b)[A-Z][\p{L}'’-]*\p{Ll}[\p{L}'’-]*";

/// The capitalised words of each of `blocks` (byte ranges of `text`), as
/// ranges in `text`.
pub(super) fn words_by_block(text: &str, blocks: &[Range<usize>]) -> Vec<Vec<Range<usize>>> {
    blocks
        .iter()
        .map(|b| {
            words(&text[b.clone()])
                .map(|w| b.start + w.start..b.start + w.end)
                .collect()
        })
        .collect()
}

/// Starts and ends of capitalised words in `s` (one word each): leftmost
/// first, non-overlapping, tried at each upper-case letter that opens an
/// ASCII word.
fn words(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
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
    use regex::Regex;

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
    fn words_and_candidates_are_the_matches_of_their_patterns() {
        let joined = [TRICKY.join(" "), TRICKY.join("-"), TRICKY.join("’")];
        for s in TRICKY
            .iter()
            .copied()
            .chain(joined.iter().map(String::as_str))
        {
            let all = 0..s.len();
            let words = words_by_block(s, std::slice::from_ref(&all)).remove(0);
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
