//! The engine that runs rule tables.
//!
//! A table is a list of rows, each a pattern and what a match of it
//! yields. The engine compiles a table once into one pattern (the rows as
//! alternatives, in order, so that at each place the first row that
//! matches wins, as in a hand-written alternation) and a set of the rows,
//! which tells which row a match came from. The literal prefilters are
//! the regex engine's own, derived from the patterns.
//!
//! A pass searches the whole text once per table (`Table::in_buckets`) and
//! gets the matches bucketed by sentence or paragraph: the same matches as
//! searching each bucket on its own, from one search of the text.

use regex::{Regex, RegexSet};
use std::ops::Range;

/// A compiled rule table: rows of (pattern, yield).
pub struct Table<Y> {
    any: Regex,
    /// Which row matched; none where every row yields the same.
    which: Option<RegexSet>,
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
        let (patterns, yields): (Vec<&str>, Vec<Y>) = rows.into_iter().unzip();
        let alternatives: Vec<String> = patterns.iter().map(|p| format!("(?:{p})")).collect();
        let any = Regex::new(&format!("{flags}(?:{})", alternatives.join("|")))
            .unwrap_or_else(|e| panic!("rule table: {e}"));
        let one_yield = yields.windows(2).all(|w| w[0] == w[1]);
        let which = (!one_yield).then(|| {
            RegexSet::new(patterns.iter().map(|p| format!("{flags}^(?:{p})$")))
                .unwrap_or_else(|e| panic!("rule table: {e}"))
        });
        Table { any, which, yields }
    }

    /// The table as one pattern (the rows as alternatives).
    pub fn pattern(&self) -> &str {
        self.any.as_str()
    }

    /// The row a match of the table came from: the first row that matches
    /// all of it (the alternation took the first row that matches there).
    fn hit(&self, hay: &str, range: Range<usize>) -> Hit<Y> {
        let row = self.which.as_ref().map_or(0, |which| {
            which
                .matches(&hay[range.clone()])
                .iter()
                .next()
                .unwrap_or(0)
        });
        Hit {
            range,
            yields: self.yields[row],
        }
    }

    /// Every match in `hay`, leftmost first, not overlapping.
    pub fn find_iter<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = Hit<Y>> + 'h {
        self.any.find_iter(hay).map(|m| self.hit(hay, m.range()))
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
            let Some(m) = self.any.find_at(hay, at) else {
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
                out[b].push(self.hit(hay, m.range()));
                at = if m.is_empty() { m.end() + 1 } else { m.end() };
            } else {
                // Runs past the bucket's end: the rest of the bucket alone.
                let text = &hay[bucket.clone()];
                let mut from = m.start() - bucket.start;
                while let Some(m) = self.any.find_at(text, from) {
                    out[b].push(self.hit(hay, bucket.start + m.start()..bucket.start + m.end()));
                    from = if m.is_empty() { m.end() + 1 } else { m.end() };
                    if from > text.len() {
                        break;
                    }
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
        }
    }
}
