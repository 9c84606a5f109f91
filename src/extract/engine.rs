//! The engine that runs rule tables.
//!
//! A table is a list of rows, each a pattern and what a match of it
//! yields. The engine compiles a table once into one multi-pattern regex
//! (`regex_automata::meta::Regex::new_many`): it matches as the rows joined
//! as alternatives would, in order, so that at each place the first row
//! that matches wins, and each match says which row it came from. The
//! literal prefilters are the regex engine's own, derived from the
//! patterns.
//!
//! A pass searches the whole text once per table (`Table::in_buckets`) and
//! gets the matches bucketed by sentence or paragraph: the same matches as
//! searching each bucket on its own, from one search of the text.

use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::{Input, Match};
use std::ops::Range;

/// A compiled rule table: rows of (pattern, yield).
pub struct Table<Y> {
    /// One pattern per row; or, where every row yields the same, the rows
    /// as the alternatives of one pattern (one pattern opens the regex
    /// engine's single-pattern strategies).
    rows: Regex,
    /// The rows as alternatives of one pattern, with the flags.
    pattern: String,
    yields: Vec<Y>,
}

/// A match of a table: where, and what its row yields.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit<Y> {
    pub range: Range<usize>,
    pub yields: Y,
}

impl<Y: Copy + PartialEq> Table<Y> {
    /// Compiles `rows`; `flags` (such as `(?i)`) apply to every row. A row
    /// must not use `^` or `$`: a table finds matches anywhere.
    pub fn new<'r>(flags: &str, rows: impl IntoIterator<Item = (&'r str, Y)>) -> Self {
        let (patterns, mut yields): (Vec<&str>, Vec<Y>) = rows.into_iter().unzip();
        let alternatives: Vec<String> = patterns.iter().map(|p| format!("(?:{p})")).collect();
        let pattern = format!("{flags}(?:{})", alternatives.join("|"));
        let config = meta::Config::new().which_captures(WhichCaptures::Implicit);
        let one_yield = yields.windows(2).all(|w| w[0] == w[1]);
        let rows = if one_yield {
            yields.truncate(1);
            Regex::builder().configure(config).build(&pattern)
        } else {
            let rows: Vec<String> = patterns.iter().map(|p| format!("{flags}{p}")).collect();
            Regex::builder().configure(config).build_many(&rows)
        }
        .unwrap_or_else(|e| panic!("rule table: {e}"));
        Table {
            rows,
            pattern,
            yields,
        }
    }

    /// The table as one pattern (the rows as alternatives).
    pub fn pattern(&self) -> &str {
        &self.pattern
    }

    /// A match and what its row yields.
    fn hit(&self, m: Match) -> Hit<Y> {
        Hit {
            range: m.range(),
            yields: self.yields[m.pattern().as_usize()],
        }
    }

    /// The leftmost match in `hay` starting at or after `at` (the text
    /// before `at` still counts as context, for `\b`).
    fn find_at(&self, hay: &str, at: usize) -> Option<Match> {
        if at > hay.len() {
            return None;
        }
        self.rows.search(&Input::new(hay).range(at..))
    }

    /// Every match in `hay`, leftmost first, not overlapping.
    pub fn find_iter<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = Hit<Y>> + 'h {
        self.rows.find_iter(hay).map(|m| self.hit(m))
    }

    /// For each place in `hay` where a match of some row starts, in order,
    /// the match the table finds there (of the first row that matches
    /// there): the matches of `find_iter`, and those that start inside them.
    pub fn at_each_start<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = Hit<Y>> + 'h {
        let mut at = 0;
        std::iter::from_fn(move || {
            let m = self.find_at(hay, at)?;
            at = m.start() + hay[m.start()..].chars().next().map_or(1, char::len_utf8);
            Some(self.hit(m))
        })
    }

    /// Whether each of `buckets` (byte ranges of `hay`) holds a match, as
    /// `find_iter` on the bucket's text alone would find one. The text just
    /// outside each bucket must not be part of a word (see `in_buckets`).
    /// Each bucket's search stops at the first place a match is certain,
    /// without finding where the match starts or ends.
    pub fn matches_in_buckets(&self, hay: &str, buckets: &[Range<usize>]) -> Vec<bool> {
        buckets
            .iter()
            .map(|b| self.rows.is_match(Input::new(hay).range(b.clone())))
            .collect()
    }

    /// The first match of the table in each of `buckets` (byte ranges of
    /// `hay`), as `find_iter` on the bucket's text alone finds it. The text
    /// just outside each bucket must not be part of a word (see
    /// `in_buckets`).
    pub fn first_in_buckets(&self, hay: &str, buckets: &[Range<usize>]) -> Vec<Option<Hit<Y>>> {
        buckets
            .iter()
            .map(|b| {
                self.rows
                    .search(&Input::new(hay).range(b.clone()))
                    .map(|m| self.hit(m))
            })
            .collect()
    }

    /// The matches of the table in each of `buckets` (ascending, disjoint
    /// byte ranges of `hay`), as `find_iter` on each bucket's text alone
    /// finds them, from one search of `hay`. The text just outside each
    /// bucket must not be part of a word (white space, as around sentences
    /// and lines), so that `\b` sees the same at its edges.
    pub fn in_buckets(&self, hay: &str, buckets: &[Range<usize>]) -> Vec<Vec<Hit<Y>>> {
        let mut out: Vec<Vec<Hit<Y>>> = buckets.iter().map(|_| Vec::new()).collect();
        let mut b = 0;
        let mut at = buckets.first().map_or(0, |r| r.start);
        while b < buckets.len() {
            let Some(m) = self.find_at(hay, at) else {
                break;
            };
            while b < buckets.len() && buckets[b].end <= m.start() {
                b += 1;
            }
            let Some(bucket) = buckets.get(b) else {
                break;
            };
            if m.start() < bucket.start {
                // Begun before the bucket: it may hide a match inside it.
                at = bucket.start;
            } else if m.end() <= bucket.end {
                out[b].push(self.hit(m));
                at = if m.is_empty() { m.end() + 1 } else { m.end() };
            } else {
                // Runs past the bucket's end: the rest of the bucket alone.
                let text = &hay[bucket.clone()];
                let mut from = m.start() - bucket.start;
                while let Some(m) = self.find_at(text, from) {
                    let mut hit = self.hit(m);
                    hit.range = bucket.start + m.start()..bucket.start + m.end();
                    out[b].push(hit);
                    from = if m.is_empty() { m.end() + 1 } else { m.end() };
                }
                b += 1;
                at = buckets.get(b).map_or(hay.len(), |r| r.start);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Word {
        Visit,
        Inspection,
        Spanning,
    }

    fn table() -> Table<Word> {
        Table::new(
            "(?i)",
            [
                (r"(?-u:\b)monitoring\s+visits?(?-u:\b)", Word::Visit),
                (r"(?-u:\b)(?:full\s+)?inspection(?-u:\b)", Word::Inspection),
                (r"(?-u:\b)visit[^.]{0,30}?inspection", Word::Spanning),
            ],
        )
    }

    #[test]
    fn each_match_says_its_row() {
        let t = table();
        let hits: Vec<Word> = t
            .find_iter("A full inspection and a MONITORING visit. Visit, then inspection")
            .map(|h| h.yields)
            .collect();
        assert_eq!(hits, [Word::Inspection, Word::Visit, Word::Spanning]);
    }

    #[test]
    fn a_match_says_the_row_that_matched_there_in_context() {
        // At "abx" the first row fails (no word boundary after "ab") and the
        // second matches "ab", which the first row would match if "ab" were
        // read alone: the match is the second row's all the same.
        let t = Table::new("", [(r"ab(?-u:\b)", 'A'), (r"abc?", 'B')]);
        let hits: Vec<(Range<usize>, char)> =
            t.find_iter("abx ab").map(|h| (h.range, h.yields)).collect();
        assert_eq!(hits, [(0..2, 'B'), (4..6, 'A')]);
    }

    #[test]
    fn a_match_starts_at_each_place_a_row_matches() {
        let t = table();
        let text = "visit inspection, monitoring visits";
        let starts: Vec<(Range<usize>, Word)> =
            t.at_each_start(text).map(|h| (h.range, h.yields)).collect();
        assert_eq!(
            starts,
            [
                (0..16, Word::Spanning),
                (6..16, Word::Inspection),
                (18..35, Word::Visit)
            ]
        );
    }

    #[test]
    fn bucketed_matches_are_those_of_each_bucket_alone() {
        let t = table();
        let text = "visit then! inspection here. A monitoring visit? An inspection x visit and \
                    more inspection. visit. inspection visit inspection";
        // Every choice of sentence-like buckets: split at each white space.
        let spaces: Vec<usize> = text.match_indices(' ').map(|(i, _)| i).collect();
        for mask in 0..(1u32 << spaces.len().min(12)) {
            let mut buckets = Vec::new();
            let mut start = 0;
            for (k, &sp) in spaces.iter().take(12).enumerate() {
                if mask & (1 << k) != 0 {
                    buckets.push(start..sp);
                    start = sp + 1;
                }
            }
            buckets.push(start..text.len());
            // Leave every third bucket out, as non-body lines are.
            let buckets: Vec<Range<usize>> = buckets
                .into_iter()
                .enumerate()
                .filter(|(i, _)| i % 3 != 2)
                .map(|(_, r)| r)
                .collect();
            let expected: Vec<Vec<Hit<Word>>> = buckets
                .iter()
                .map(|r| {
                    t.find_iter(&text[r.clone()])
                        .map(|h| Hit {
                            range: r.start + h.range.start..r.start + h.range.end,
                            yields: h.yields,
                        })
                        .collect()
                })
                .collect();
            assert_eq!(t.in_buckets(text, &buckets), expected, "{buckets:?}");
            let firsts: Vec<Option<Hit<Word>>> =
                expected.iter().map(|hits| hits.first().cloned()).collect();
            assert_eq!(t.first_in_buckets(text, &buckets), firsts, "{buckets:?}");
            let any: Vec<bool> = expected.iter().map(|hits| !hits.is_empty()).collect();
            assert_eq!(t.matches_in_buckets(text, &buckets), any, "{buckets:?}");
        }
    }
}
