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

use crate::ascii::next_uppercase;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Most words of a name candidate: the first and up to four more.
const MAX_CANDIDATE_WORDS: usize = 5;

/// Starts and ends of capitalised words in `s` (one word each).
pub(super) fn words(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    matches(s, |start| word_end(s, start))
}

/// Starts and ends of name candidates in `s`: two to five capitalised words
/// separated by white space.
pub(super) fn candidates(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    matches(s, |start| candidate_end(s, start))
}

/// Leftmost-first, non-overlapping matches, given the end of the match (if
/// any) at each upper-case letter that opens an ASCII word.
fn matches<'a>(
    s: &'a str,
    end_at: impl Fn(usize) -> Option<usize> + 'a,
) -> impl Iterator<Item = Range<usize>> + 'a {
    let bytes = s.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(start) = next_uppercase(bytes, from) {
            from = start + 1;
            if start > 0 && is_ascii_word_byte(bytes[start - 1]) {
                continue;
            }
            if let Some(end) = end_at(start) {
                from = end;
                return Some(start..end);
            }
        }
        None
    })
}

/// `(?-u:\b)` looks at ASCII word bytes only; any byte of a multi-byte
/// character counts as a non-word byte.
fn is_ascii_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The end of a candidate of two or more words starting at `start`.
fn candidate_end(s: &str, start: usize) -> Option<usize> {
    let mut end = word_end(s, start)?;
    let mut count = 1;
    while count < MAX_CANDIDATE_WORDS {
        let Some(next) = next_word_end(s, end) else {
            break;
        };
        end = next;
        count += 1;
    }
    (count >= 2).then_some(end)
}

/// The end of a word after white space at `from` (`\s+[A-Z]...`).
fn next_word_end(s: &str, from: usize) -> Option<usize> {
    let space: usize = s[from..]
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(char::len_utf8)
        .sum();
    let start = from + space;
    if space == 0 || !s.as_bytes().get(start).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    word_end(s, start)
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
            assert_eq!(words(s).collect::<Vec<_>>(), regex_matches(WORD, s), "{s}");
            assert_eq!(
                candidates(s).collect::<Vec<_>>(),
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
