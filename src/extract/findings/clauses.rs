//! A finding sentence cut into the clauses that judge one thing each: at
//! a contrast ("but", "although", "however", "while", "yet") and at a
//! second thing reported ("..., and that ...", "...; ...").

use crate::extract::engine::Table;
use std::ops::Range;
use std::sync::LazyLock;

/// How a clause is joined to the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Joint {
    /// The first clause of its sentence.
    Start,
    /// Goes on in the same vein ("and that").
    And,
    /// Turns against the clause before ("but", "although").
    Contrast,
    /// A comparison with the past ("compared with", "up from"): not a
    /// judgement of its own.
    Aside,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Clause {
    pub range: Range<usize>,
    pub joint: Joint,
}

/// Where a sentence is cut, and how the clause after the cut is joined:
/// a contrast, a second thing reported, or a comparison with the past. A
/// "while" or "yet" cuts only after a comma: without one it is more often
/// time ("while they wait") or "not yet". Rows are tried in order where
/// more than one matches at the same place, as alternatives would be.
static CUTS: LazyLock<Table<Joint>> = LazyLock::new(|| {
    Table::new(
        "(?i)",
        [
            (
                r",?\s+but\s+(?:that\s+|also\s+)?|,?\s+(?:although|though|whereas)\s+|,\s+(?:while|yet)\s+|[,;]\s+however,?\s+",
                Joint::Contrast,
            ),
            (
                r",?\s+and\s+that\s+|,?\s+and\s+(?:said|found|noted|warned|added)\s+(?:that\s+)?|;\s+|,\s+and\s+",
                Joint::And,
            ),
            (
                r",\s+(?:compared\s+(?:with|to)|up\s+from|down\s+from)\s+",
                Joint::Aside,
            ),
        ],
    )
});

/// Characters trimmed off a clause's ends.
fn is_edge(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '-' | '–' | '—')
}

/// `range` of `text` trimmed of white space and punctuation at its ends.
fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start_matches(is_edge).len());
    let end = range.start + s.trim_end_matches(is_edge).len();
    start..end.max(start)
}

/// The clauses of the sentence `range` of `text`, in order.
pub(super) fn clauses(text: &str, range: Range<usize>) -> Vec<Clause> {
    let s = &text[range.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    let mut joint = Joint::Start;
    for cut in CUTS.find_iter(s) {
        if cut.range.start > start {
            out.push(Clause {
                range: trimmed(text, range.start + start..range.start + cut.range.start),
                joint,
            });
        }
        joint = cut.yields;
        start = cut.range.end;
    }
    out.push(Clause {
        range: trimmed(text, range.start + start..range.end),
        joint,
    });
    out.retain(|c| !c.range.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The cuts as one regex with a group per joint, as they were first
    /// written.
    fn cuts_by_groups(s: &str) -> Vec<(Range<usize>, Joint)> {
        let groups = regex::Regex::new(
            r"(?i)(,?\s+but\s+(?:that\s+|also\s+)?|,?\s+(?:although|though|whereas)\s+|,\s+(?:while|yet)\s+|[,;]\s+however,?\s+)|(,?\s+and\s+that\s+|,?\s+and\s+(?:said|found|noted|warned|added)\s+(?:that\s+)?|;\s+|,\s+and\s+)|(,\s+(?:compared\s+(?:with|to)|up\s+from|down\s+from)\s+)",
        )
        .expect("the cuts as groups");
        groups
            .captures_iter(s)
            .map(|c| {
                let joint = if c.get(1).is_some() {
                    Joint::Contrast
                } else if c.get(2).is_some() {
                    Joint::And
                } else {
                    Joint::Aside
                };
                (c.get(0).expect("match").range(), joint)
            })
            .collect()
    }

    proptest! {
        #[test]
        fn the_cut_table_cuts_as_the_groups_did(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "plans", "But", "but", "and", "that", "said", "also", "while", "yet",
                    "however", "Although", "compared", "with", "up", "from", "ſaid", ",", ";",
                    " ", " ", " ", "  ", "\n",
                ]),
                0..24,
            )
        ) {
            let s = words.concat();
            let table: Vec<(Range<usize>, Joint)> =
                CUTS.find_iter(&s).map(|h| (h.range, h.yields)).collect();
            prop_assert_eq!(table, cuts_by_groups(&s), "{:?}", s);
        }
    }

    fn cut(s: &str) -> Vec<(&str, Joint)> {
        clauses(s, 0..s.len())
            .into_iter()
            .map(|c| (&s[c.range], c.joint))
            .collect()
    }

    #[test]
    fn cuts_at_contrasts_and_second_findings() {
        assert_eq!(
            cut("Teams are settled, but plans are weak."),
            vec![
                ("Teams are settled", Joint::Start),
                ("plans are weak", Joint::Contrast)
            ]
        );
        assert_eq!(
            cut("They said visits were regular and that records were thin"),
            vec![
                ("They said visits were regular", Joint::Start),
                ("records were thin", Joint::And)
            ]
        );
        assert_eq!(
            cut("Staff wait while cases are not yet allocated"),
            vec![("Staff wait while cases are not yet allocated", Joint::Start)]
        );
        assert_eq!(
            cut("Help is quick; however, plans drift"),
            vec![
                ("Help is quick", Joint::Start),
                ("plans drift", Joint::Contrast)
            ]
        );
    }
}
