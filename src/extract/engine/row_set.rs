//! Rule rows of which only the first row (in order) that matches somewhere
//! matters, not where: the theme of a sentence is its first theme with a
//! keyword anywhere in it.

use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::{Input, Match};
use std::ops::Range;

/// Rule rows of which only the first yield (in the order the rows first
/// yield it) that matches somewhere in a text matters: the rows that yield
/// the same are joined as one pattern, listed in that order.
pub struct RowSet<Y> {
    patterns: Regex,
    /// What each pattern yields, in the order the rows first yield it.
    yields: Vec<Y>,
}

impl<Y: Copy + PartialEq> RowSet<Y> {
    /// Compiles `rows`; `flags` (such as `(?i)`) apply to every row.
    pub fn new<'r>(flags: &str, rows: impl IntoIterator<Item = (&'r str, Y)>) -> Self {
        let mut yields: Vec<Y> = Vec::new();
        let mut groups: Vec<Vec<String>> = Vec::new();
        for (pattern, y) in rows {
            let alternative = format!("(?:{pattern})");
            match yields.iter().position(|&known| known == y) {
                Some(i) => groups[i].push(alternative),
                None => {
                    yields.push(y);
                    groups.push(vec![alternative]);
                }
            }
        }
        let patterns: Vec<String> = groups
            .iter()
            .map(|g| format!("{flags}(?:{})", g.join("|")))
            .collect();
        let config = meta::Config::new().which_captures(WhichCaptures::Implicit);
        let patterns = Regex::builder()
            .configure(config)
            .build_many(&patterns)
            .unwrap_or_else(|e| panic!("rule set: {e}"));
        RowSet { patterns, yields }
    }

    /// The first yield, in the order the rows first yield it, of a row
    /// that matches somewhere in `hay`.
    ///
    /// A leftmost-first search reports, at the leftmost place where any
    /// pattern matches, the first pattern that matches there; searching
    /// again from just after each match's start visits every place a match
    /// starts, so the smallest pattern seen is the first that matches
    /// anywhere. That is a few searches of the text, each with the regex
    /// engine's literal prefilter, where one overlapping search for every
    /// pattern at once reads the text far more slowly.
    pub fn first_yield_in(&self, hay: &str) -> Option<Y> {
        let mut first: Option<usize> = None;
        for m in self.match_at_each_start(hay) {
            let pattern = m.pattern().as_usize();
            first = Some(first.map_or(pattern, |f| f.min(pattern)));
            if pattern == 0 {
                break;
            }
        }
        first.map(|p| self.yields[p])
    }

    /// Where the rows match in `hay`: at each place a match starts, the
    /// match of the first pattern that matches there (see
    /// [`RowSet::first_yield_in`]).
    pub fn matches_in(&self, hay: &str) -> RowMatches<'_, Y> {
        RowMatches {
            set: self,
            matches: self
                .match_at_each_start(hay)
                .map(|m| (m.range(), m.pattern().as_usize()))
                .collect(),
        }
    }

    fn match_at_each_start<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = Match> + 'h {
        let mut at = 0;
        std::iter::from_fn(move || {
            if at > hay.len() {
                return None;
            }
            let m = self.patterns.search(&Input::new(hay).range(at..))?;
            // Just past the match's start; past the end where it starts at
            // the end (an empty match), so that it is not found again.
            at = if m.start() < hay.len() {
                hay.ceil_char_boundary(m.start() + 1)
            } else {
                hay.len() + 1
            };
            Some(m)
        })
    }
}

/// The matches of a [`RowSet`] in a text: at each place one starts, the
/// first pattern matching there and where its match ends.
pub struct RowMatches<'s, Y> {
    set: &'s RowSet<Y>,
    matches: Vec<(Range<usize>, usize)>,
}

impl<Y: Copy + PartialEq> RowMatches<'_, Y> {
    /// What [`RowSet::first_yield_in`] finds in the whole text.
    pub fn first_yield(&self) -> Option<Y> {
        let first = self.matches.iter().map(|(_, p)| *p).min()?;
        Some(self.set.yields[first])
    }

    /// What [`RowSet::first_yield_in`] finds in `range` of the text
    /// searched alone, where these matches tell: none where a match that
    /// starts inside `range` runs past its end (a shorter match there, or
    /// another row's, might end inside). The characters just outside
    /// `range` must not be part of a word, so that `\b` at its edges sees
    /// what it sees when `range` is searched alone.
    ///
    /// At a place inside `range`, the first pattern matching there in the
    /// whole text, where its match ends inside `range`, is also the first
    /// matching there in `range` alone: the text it reads is the same.
    pub fn first_yield_within(&self, range: &Range<usize>) -> Option<Option<Y>> {
        let mut first: Option<usize> = None;
        for (m, pattern) in &self.matches {
            if m.start < range.start || m.start >= range.end {
                continue;
            }
            if m.end > range.end {
                return None;
            }
            first = Some(first.map_or(*pattern, |f| f.min(*pattern)));
        }
        Some(first.map(|p| self.set.yields[p]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::engine::tests::Word;

    const SET_ROWS: [(&str, Word); 4] = [
        (r"(?-u:\b)monitoring\s+visits?(?-u:\b)", Word::Visit),
        (r"(?-u:\b)(?:full\s+)?inspection(?-u:\b)", Word::Inspection),
        (r"(?-u:\b)revisit(?-u:\b)", Word::Visit),
        (r"(?-u:\b)visit[^.]{0,30}?inspection", Word::Spanning),
    ];

    #[test]
    fn a_row_set_finds_the_first_yield_matching_anywhere() {
        let set = RowSet::new("(?i)", SET_ROWS);
        // "revisit" holds no word "visit" for the spanning row.
        assert_eq!(
            set.first_yield_in("A revisit, then an INSPECTION"),
            Some(Word::Visit)
        );
        // The spanning row matches first in the text, and the inspection
        // row, listed before it, inside that match: it is the one found.
        assert_eq!(
            set.first_yield_in("a visit then an inspection"),
            Some(Word::Inspection)
        );
        assert_eq!(set.first_yield_in("visit, thén visit then"), None);
        assert_eq!(set.first_yield_in("visitors"), None);
        assert_eq!(set.first_yield_in(""), None);
    }

    proptest::proptest! {
        /// The first yield is that of the first row, in the order the rows
        /// first yield it, that matches the text when searched alone.
        #[test]
        fn a_row_set_agrees_with_each_row_searched_alone(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "visit", "Visits", "revisit", "inspection", "INSPECTION", "full",
                    "monitoring", "then", "é", ".", " ", "  ", "x",
                ]),
                0..14,
            )
        ) {
            let hay = words.concat();
            for flags in ["", "(?i)"] {
                let set = RowSet::new(flags, SET_ROWS);
                let order = [Word::Visit, Word::Inspection, Word::Spanning];
                let expected = order.into_iter().find(|&y| {
                    SET_ROWS.iter().any(|&(p, row_yield)| {
                        row_yield == y
                            && regex::Regex::new(&format!("{flags}{p}"))
                                .expect("a row")
                                .is_match(&hay)
                    })
                });
                proptest::prop_assert_eq!(set.first_yield_in(&hay), expected, "{:?} {}", hay, flags);
            }
        }
    }

    #[test]
    fn row_matches_tell_the_first_yield_of_a_part_where_they_can() {
        let set = RowSet::new("(?i)", SET_ROWS);
        let text = "a visit then an inspection, and a revisit";
        let matches = set.matches_in(text);
        assert_eq!(matches.first_yield(), Some(Word::Visit));
        let clause = |part: &str| {
            let start = text.find(part).expect("a part of the text");
            start..start + part.len()
        };
        assert_eq!(
            matches.first_yield_within(&clause("and a revisit")),
            Some(Some(Word::Visit))
        );
        assert_eq!(matches.first_yield_within(&clause("a")), Some(None));
        // The spanning row's match starts in "a visit then" and runs on.
        assert_eq!(matches.first_yield_within(&clause("a visit then")), None);
    }

    proptest::proptest! {
        /// Where the matches in a text tell the first yield of a part of
        /// it (between characters that are not part of a word), it is
        /// the one found by searching the part alone.
        #[test]
        fn row_matches_agree_with_searching_a_part_alone(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "visit", "Visits", "revisit", "inspection", "full", "monitoring",
                    "then", "é", ".", " ", " ", ", ", "x",
                ]),
                0..16,
            ),
            from in 0usize..64,
            to in 0usize..64,
        ) {
            let hay = words.concat();
            let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
            let boundaries = (0..=hay.len()).filter(|&i| hay.is_char_boundary(i));
            let starts: Vec<usize> = boundaries
                .clone()
                .filter(|&i| hay[..i].chars().next_back().is_none_or(|c| !is_word(c)))
                .collect();
            let ends: Vec<usize> = boundaries
                .filter(|&i| hay[i..].chars().next().is_none_or(|c| !is_word(c)))
                .collect();
            let a = starts[from % starts.len()];
            let b = ends[to % ends.len()];
            proptest::prop_assume!(a <= b);
            let range = a..b;
            let set = RowSet::new("(?i)", SET_ROWS);
            let matches = set.matches_in(&hay);
            proptest::prop_assert_eq!(matches.first_yield(), set.first_yield_in(&hay));
            if let Some(within) = matches.first_yield_within(&range) {
                proptest::prop_assert_eq!(
                    within,
                    set.first_yield_in(&hay[range.clone()]),
                    "{:?} {:?}", hay, range
                );
            }
        }
    }
}
