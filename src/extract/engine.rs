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
//!
//! Where only the first row (in order) that matches somewhere matters, not
//! where (the theme of a sentence is its first theme with a keyword
//! anywhere in it), a `RowSet` (`row_set`) finds it.
//!
//! Where every match of a table ends with one of a few literals that are
//! longer than the ones every match starts with (which the regex engine
//! skips ahead by), the engine derives those literals from the patterns,
//! finds them in one search of the text, and searches only the buckets
//! that hold one ("the visit" ends with "visit", and "the" starts most
//! sentences).

mod row_set;

pub use row_set::{RowMatches, RowSet};

use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::{Input, Match};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
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
    /// Literals one of which ends every match, where they are worth
    /// looking for (`ending_literals`).
    endings: Option<Regex>,
}

/// Literals one of which every match of `pattern` ends with, where the
/// shortest of them is longer than the shortest literal every match starts
/// with (which the regex engine skips ahead by), and long enough to be
/// seldom met by chance. None where no such literals are to be had.
fn ending_literals(pattern: &str) -> Option<Regex> {
    /// Shorter endings ("ment", "ting") are met in most sentences.
    const SHORTEST_WORTH_LOOKING_FOR: usize = 5;
    let hir = regex_syntax::parse(pattern).ok()?;
    let mut starts = Extractor::new().kind(ExtractKind::Prefix).extract(&hir);
    starts.optimize_for_prefix_by_preference();
    let mut ends = Extractor::new().kind(ExtractKind::Suffix).extract(&hir);
    ends.optimize_for_suffix_by_preference();
    let shortest = ends.min_literal_len()?;
    if shortest < SHORTEST_WORTH_LOOKING_FOR || shortest <= starts.min_literal_len().unwrap_or(0) {
        return None;
    }
    // A search for the literals alone: the regex engine's literal searcher.
    let literals: Vec<String> = ends
        .literals()?
        .iter()
        .map(|l| std::str::from_utf8(l.as_bytes()).map(regex_syntax::escape))
        .collect::<Result<_, _>>()
        .ok()?;
    Regex::new(&literals.join("|")).ok()
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
        let endings = ending_literals(&pattern);
        Table {
            rows,
            pattern,
            yields,
            endings,
        }
    }

    /// Which of `buckets` (ascending, disjoint byte ranges of `hay`) may
    /// hold a match: those that hold one of the literals every match ends
    /// with, from one search of the stretches of `hay` the buckets cover;
    /// none where the table has no such literals.
    fn buckets_with_an_ending(&self, hay: &str, buckets: &[Range<usize>]) -> Option<Vec<bool>> {
        /// Buckets closer than this are searched as one stretch of text.
        const NEAR: usize = 256;
        let endings = self.endings.as_ref()?;
        let mut may = vec![false; buckets.len()];
        let mut stretches: Vec<Range<usize>> = Vec::new();
        for b in buckets {
            match stretches.last_mut() {
                Some(last) if b.start <= last.end + NEAR => last.end = b.end,
                _ => stretches.push(b.clone()),
            }
        }
        let found = stretches
            .into_iter()
            .flat_map(|s| endings.find_iter(Input::new(hay).range(s)));
        for m in found {
            let b = buckets.partition_point(|r| r.end < m.end());
            if buckets.get(b).is_some_and(|r| r.start <= m.start()) {
                may[b] = true;
                continue;
            }
            // Across a bucket's edge: a literal that the search passed over
            // may start inside this one, so each bucket it touches is
            // looked at alone.
            let first = buckets.partition_point(|r| r.end <= m.start());
            for (bucket, may) in buckets[first..].iter().zip(&mut may[first..]) {
                if bucket.start >= m.end() {
                    break;
                }
                *may = *may || endings.is_match(Input::new(hay).range(bucket.clone()));
            }
        }
        Some(may)
    }

    /// The matches in `bucket` of `hay`, as `find_iter` on its text alone
    /// finds them (see `in_buckets`).
    fn in_bucket(&self, hay: &str, bucket: &Range<usize>, out: &mut Vec<Hit<Y>>) {
        let mut at = bucket.start;
        while at <= bucket.end {
            let Some(m) = self.rows.search(&Input::new(hay).range(at..bucket.end)) else {
                break;
            };
            out.push(self.hit(m));
            at = if m.is_empty() { m.end() + 1 } else { m.end() };
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

    /// Whether each of `buckets` (byte ranges of `hay`) holds a match, as
    /// `find_iter` on the bucket's text alone would find one. The text just
    /// outside each bucket must not be part of a word (see `in_buckets`).
    /// Each bucket's search stops at the first place a match is certain,
    /// without finding where the match starts or ends.
    pub fn matches_in_buckets(&self, hay: &str, buckets: &[Range<usize>]) -> Vec<bool> {
        let may = self.buckets_with_an_ending(hay, buckets);
        buckets
            .iter()
            .enumerate()
            .map(|(i, b)| {
                may.as_ref().is_none_or(|may| may[i])
                    && self.rows.is_match(Input::new(hay).range(b.clone()))
            })
            .collect()
    }

    /// The first match of the table in each of `buckets` (byte ranges of
    /// `hay`), as `find_iter` on the bucket's text alone finds it. The text
    /// just outside each bucket must not be part of a word (see
    /// `in_buckets`).
    pub fn first_in_buckets(&self, hay: &str, buckets: &[Range<usize>]) -> Vec<Option<Hit<Y>>> {
        let may = self.buckets_with_an_ending(hay, buckets);
        buckets
            .iter()
            .enumerate()
            .map(|(i, b)| {
                if may.as_ref().is_some_and(|may| !may[i]) {
                    return None;
                }
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
        if let Some(may) = self.buckets_with_an_ending(hay, buckets) {
            // Only the buckets that may hold a match, each on its own.
            for ((bucket, out), may) in buckets.iter().zip(&mut out).zip(may) {
                if may {
                    self.in_bucket(hay, bucket, out);
                }
            }
            return out;
        }
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
                self.in_bucket(hay, &(m.start()..bucket.end), &mut out[b]);
                b += 1;
                at = buckets.get(b).map_or(hay.len(), |r| r.start);
            }
        }
        out
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// What the test tables' rows yield (`row_set`'s tests too).
    #[derive(Debug, Clone, Copy, PartialEq)]
    pub(in crate::extract::engine) enum Word {
        Visit,
        Inspection,
        Spanning,
    }

    fn table() -> Table<Word> {
        table_with("(?i)")
    }

    fn table_with(flags: &str) -> Table<Word> {
        Table::new(
            flags,
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
    fn an_ending_found_across_a_buckets_edge_hides_none_inside_the_next() {
        // "c d" crosses from the first bucket into the second, and the
        // search for the literals then passes over "dxe", which starts
        // inside it.
        let mut t = table_with("");
        t.endings = Some(Regex::new_many(&["c d", "dxe"]).expect("literals"));
        let buckets = [0..4, 5..8];
        assert_eq!(
            t.buckets_with_an_ending("ab c dxe", &buckets),
            Some(vec![false, true])
        );
    }

    #[test]
    fn bucketed_matches_are_those_of_each_bucket_alone() {
        // The table's matches end with "visit", "visits" or "inspection",
        // and it searches only the buckets that hold one; its twin without
        // them searches the whole text once.
        let with_endings = table_with("");
        assert!(with_endings.endings.is_some());
        let mut without = table_with("");
        without.endings = None;
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
                    without
                        .find_iter(&text[r.clone()])
                        .map(|h| Hit {
                            range: r.start + h.range.start..r.start + h.range.end,
                            yields: h.yields,
                        })
                        .collect()
                })
                .collect();
            let firsts: Vec<Option<Hit<Word>>> =
                expected.iter().map(|hits| hits.first().cloned()).collect();
            let any: Vec<bool> = expected.iter().map(|hits| !hits.is_empty()).collect();
            for t in [&with_endings, &without] {
                assert_eq!(t.in_buckets(text, &buckets), expected, "{buckets:?}");
                assert_eq!(t.first_in_buckets(text, &buckets), firsts, "{buckets:?}");
                assert_eq!(t.matches_in_buckets(text, &buckets), any, "{buckets:?}");
            }
        }
    }
}
