//! Capitalised words, and name candidates made of them: two to five
//! capitalised words separated by white space.
//!
//! The candidates are the matches of the pattern `CANDIDATE` (in the
//! tests), read off the words so that the text is searched once: a word
//! can only end where its run of `[\p{L}'’-]` characters ends, because the
//! next word (or nothing) must follow after `\s`, which is not in the run;
//! the greedy repetitions then make every word reach the end of its run,
//! and a candidate take as many words as it can (up to five).

use crate::extract::engine::Table;
use std::ops::Range;
use std::sync::LazyLock;

/// Most words of a name candidate: the first and up to four more.
const MAX_CANDIDATE_WORDS: usize = 5;

/// A capitalised word: a capital, then letters, apostrophes or hyphens,
/// with a lower-case letter after the first.
static WORD: LazyLock<Table<()>> =
    LazyLock::new(|| Table::new("", [(r"(?-u:\b)[A-Z][\p{L}'’-]*\p{Ll}[\p{L}'’-]*", ())]));

/// The capitalised words of each of `blocks` (ascending byte ranges of
/// `text`), as ranges in `text`, from one search of the text.
pub(super) fn words_by_block(text: &str, blocks: &[Range<usize>]) -> Vec<Vec<Range<usize>>> {
    WORD.in_buckets(text, blocks)
        .into_iter()
        .map(|hits| hits.into_iter().map(|h| h.range).collect())
        .collect()
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
    fn candidates_are_the_matches_of_the_candidate_pattern() {
        let joined = [TRICKY.join(" "), TRICKY.join("-"), TRICKY.join("’")];
        for s in TRICKY
            .iter()
            .copied()
            .chain(joined.iter().map(String::as_str))
        {
            let all = 0..s.len();
            let words = words_by_block(s, std::slice::from_ref(&all)).remove(0);
            assert_eq!(
                candidates(s, &words)
                    .map(|c| c[0].start..c[c.len() - 1].end)
                    .collect::<Vec<_>>(),
                regex_matches(CANDIDATE, s),
                "{s}"
            );
        }
    }
}
