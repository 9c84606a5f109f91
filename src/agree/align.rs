//! Lining up two coders' lists of items (inspections, findings, people,
//! quotes, figures) so that their values can be compared pair by pair.
//!
//! The rule, for every kind of item: each possible pair gets a score from
//! what the two items share; pairs that share nothing cannot be made. The
//! best-scoring pair is made first, both items are taken out, and so on
//! until no pair is left (ties go to the earlier items). Items left over are
//! one-sided: the other coder does not have them.
//!
//! What a pair shares, best first:
//! - inspections: the same council and date (either may be missing, not
//!   both); then the most evidence in common; then the same council and
//!   kind;
//! - findings (only within a pair of inspections): the most evidence in
//!   common; then the same words;
//! - people: the same name; then the most evidence in common;
//! - quotes: the most evidence in common; then the same words;
//! - figures: the most evidence in common; then the same kind and value.
//!
//! Names and words are compared as the evaluation compares strings (NFKC,
//! straight quotes, white space collapsed, lower case).

use crate::eval::python::norm_str;
use crate::model::{Figure, Finding, Inspection, Person, Quote, Span};

/// One line of an alignment: an item of A, of B, or one of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum Pair {
    Both(usize, usize),
    OnlyA(usize),
    OnlyB(usize),
}

impl Pair {
    pub fn a(self) -> Option<usize> {
        match self {
            Pair::Both(a, _) | Pair::OnlyA(a) => Some(a),
            Pair::OnlyB(_) => None,
        }
    }
    pub fn b(self) -> Option<usize> {
        match self {
            Pair::Both(_, b) | Pair::OnlyB(b) => Some(b),
            Pair::OnlyA(_) => None,
        }
    }
}

/// Code points that the two lists of spans have in common.
pub fn overlap(a: &[Span], b: &[Span]) -> usize {
    a.iter()
        .flat_map(|x| {
            b.iter().map(move |y| {
                let start = x.start().max(y.start());
                let end = x.end().min(y.end());
                end.saturating_sub(start)
            })
        })
        .sum()
}

/// Aligns `n_a` items with `n_b` items. `score(i, j)` says what item `i` of
/// A and item `j` of B share (higher is better), or `None` when they cannot
/// be a pair. The result lists A's items in order (paired or not), then B's
/// unpaired items in order.
pub fn align<S: Ord>(
    n_a: usize,
    n_b: usize,
    score: impl Fn(usize, usize) -> Option<S>,
) -> Vec<Pair> {
    let mut candidates: Vec<(S, usize, usize)> = Vec::new();
    for i in 0..n_a {
        for j in 0..n_b {
            if let Some(s) = score(i, j) {
                candidates.push((s, i, j));
            }
        }
    }
    // Best score first; among equals, the earliest items.
    candidates.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut partner_of_a: Vec<Option<usize>> = vec![None; n_a];
    let mut b_taken = vec![false; n_b];
    for (_, i, j) in candidates {
        if partner_of_a[i].is_none() && !b_taken[j] {
            partner_of_a[i] = Some(j);
            b_taken[j] = true;
        }
    }
    let mut out: Vec<Pair> = partner_of_a
        .iter()
        .enumerate()
        .map(|(i, p)| match p {
            Some(j) => Pair::Both(i, *j),
            None => Pair::OnlyA(i),
        })
        .collect();
    out.extend((0..n_b).filter(|&j| !b_taken[j]).map(Pair::OnlyB));
    out
}

fn same_text(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => norm_str(a) == norm_str(b),
        _ => false,
    }
}

/// Inspections by council and date, then evidence, then council and kind.
pub fn align_inspections(a: &[Inspection], b: &[Inspection]) -> Vec<Pair> {
    align(a.len(), b.len(), |i, j| {
        let (x, y) = (&a[i], &b[j]);
        let council = |v: &Inspection| v.local_authority.as_deref().map(norm_str);
        let same_council = council(x).is_some() && council(x) == council(y);
        let same_when = (council(x).is_some() || x.date.is_some())
            && council(x) == council(y)
            && x.date == y.date;
        let shared = overlap(&x.evidence, &y.evidence);
        let same_kind = same_council && x.kind == y.kind;
        (same_when || shared > 0 || same_kind).then_some((same_when, shared, same_kind))
    })
}

/// Findings by evidence, then by their words.
pub fn align_findings(a: &[Finding], b: &[Finding]) -> Vec<Pair> {
    align(a.len(), b.len(), |i, j| {
        let shared = overlap(&a[i].evidence, &b[j].evidence);
        let same = same_text(Some(&a[i].text), Some(&b[j].text));
        (shared > 0 || same).then_some((shared, same))
    })
}

/// People by name, then evidence.
pub fn align_people(a: &[Person], b: &[Person]) -> Vec<Pair> {
    align(a.len(), b.len(), |i, j| {
        let same = same_text(Some(&a[i].name), Some(&b[j].name));
        let shared = overlap(&a[i].evidence, &b[j].evidence);
        (same || shared > 0).then_some((same, shared))
    })
}

/// Quotes by evidence, then by their words.
pub fn align_quotes(a: &[Quote], b: &[Quote]) -> Vec<Pair> {
    align(a.len(), b.len(), |i, j| {
        let shared = overlap(&a[i].evidence, &b[j].evidence);
        let same = same_text(Some(&a[i].text), Some(&b[j].text));
        (shared > 0 || same).then_some((shared, same))
    })
}

/// Figures by evidence, then by kind and value.
pub fn align_figures(a: &[Figure], b: &[Figure]) -> Vec<Pair> {
    align(a.len(), b.len(), |i, j| {
        let shared = overlap(&a[i].evidence, &b[j].evidence);
        let same = a[i].kind == b[j].kind && a[i].value == b[j].value;
        (shared > 0 || same).then_some((shared, same))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{InspectionKind, Judgement, Origin, Service};

    fn inspection(council: Option<&str>, date: Option<&str>, evidence: Vec<Span>) -> Inspection {
        Inspection {
            local_authority: council.map(str::to_string),
            provider: None,
            service: Service::ChildrensServices,
            kind: InspectionKind::FullInspection,
            visit_number: None,
            date: date.map(str::to_string),
            judgement: Some(Judgement::Good),
            inspector: None,
            findings: Vec::new(),
            evidence,
            origin: Origin::Extracted,
        }
    }

    #[test]
    fn overlap_counts_shared_code_points_of_every_span_pair() {
        assert_eq!(overlap(&[Span(0, 10)], &[Span(5, 20)]), 5);
        assert_eq!(overlap(&[Span(0, 10), Span(30, 40)], &[Span(35, 50)]), 5);
        assert_eq!(overlap(&[Span(0, 10)], &[Span(10, 20)]), 0);
        assert_eq!(overlap(&[], &[Span(0, 1)]), 0);
    }

    #[test]
    fn inspections_pair_by_council_and_date_before_evidence() {
        // A's first inspection shares evidence with B's second, but B's
        // first has its council and date: council and date win.
        let a = vec![
            inspection(Some("Kent"), Some("2019-03"), vec![Span(0, 50)]),
            inspection(Some("Kent"), Some("2015-07"), vec![Span(100, 120)]),
        ];
        let b = vec![
            inspection(Some("kent"), Some("2019-03"), vec![Span(60, 70)]),
            inspection(Some("Kent"), Some("2016-01"), vec![Span(0, 50)]),
            inspection(Some("Surrey"), None, vec![Span(300, 310)]),
        ];
        assert_eq!(
            align_inspections(&a, &b),
            vec![Pair::Both(0, 0), Pair::Both(1, 1), Pair::OnlyB(2)]
        );
    }

    #[test]
    fn items_that_share_nothing_stay_one_sided() {
        let a = vec![inspection(None, None, vec![Span(0, 5)])];
        let b = vec![inspection(None, None, vec![Span(10, 15)])];
        assert_eq!(
            align_inspections(&a, &b),
            vec![Pair::OnlyA(0), Pair::OnlyB(0)]
        );
        assert_eq!(
            align(0, 2, |_, _| Some(1)),
            vec![Pair::OnlyB(0), Pair::OnlyB(1)]
        );
    }

    #[test]
    fn the_largest_overlap_is_paired_first() {
        let spans_a = [vec![Span(0, 10)], vec![Span(20, 30)]];
        let spans_b = [vec![Span(5, 25)], vec![Span(0, 10)]];
        let pairs = align(2, 2, |i, j| {
            let s = overlap(&spans_a[i], &spans_b[j]);
            (s > 0).then_some(s)
        });
        // (0, 1) shares 10, the most; then (1, 0) shares 5.
        assert_eq!(pairs, vec![Pair::Both(0, 1), Pair::Both(1, 0)]);
    }
}
