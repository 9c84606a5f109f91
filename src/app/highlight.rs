//! Evidence highlights as plain data: which stretches of the article text
//! support which fields, with overlaps resolved into non-overlapping
//! segments, ready to be drawn and hit-tested.

use super::fields::{Family, FieldPath, all_paths};
use crate::model::{Record, Span};
use std::ops::Range;

/// One stretch of text drawn in one colour.
#[derive(Debug, Clone, PartialEq)]
pub struct HighlightSpan {
    /// Code point range into the article text.
    pub range: Range<usize>,
    /// The colour family: the selected field's when it covers this
    /// stretch, else the innermost (shortest) span's.
    pub family: Family,
    /// Every field whose evidence covers this stretch, innermost first.
    pub fields: Vec<FieldPath>,
    /// The selected field covers this stretch.
    pub emphasis: bool,
}

/// The record's evidence as non-overlapping, sorted segments; `chars` is the
/// text's length in code points (spans beyond it are clipped).
pub fn evidence_spans(
    record: &Record,
    selection: Option<FieldPath>,
    chars: usize,
) -> Vec<HighlightSpan> {
    // (start, end, field) for every evidence span inside the text.
    let mut spans: Vec<(usize, usize, FieldPath)> = Vec::new();
    for path in all_paths(record) {
        for s in path.evidence(record).unwrap_or_default() {
            let (start, end) = (s.start().min(chars), s.end().min(chars));
            if start < end {
                spans.push((start, end, path));
            }
        }
    }
    let mut bounds: Vec<usize> = spans.iter().flat_map(|&(s, e, _)| [s, e]).collect();
    bounds.sort_unstable();
    bounds.dedup();

    let mut out: Vec<HighlightSpan> = Vec::new();
    for pair in bounds.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let mut covering: Vec<(usize, FieldPath)> = spans
            .iter()
            .filter(|&&(s, e, _)| s <= a && b <= e)
            .map(|&(s, e, p)| (e - s, p))
            .collect();
        if covering.is_empty() {
            continue;
        }
        covering.sort();
        let mut fields: Vec<FieldPath> = Vec::with_capacity(covering.len());
        for (_, p) in covering {
            if !fields.contains(&p) {
                fields.push(p);
            }
        }
        let emphasis = selection.is_some_and(|sel| fields.contains(&sel));
        let family = match selection {
            Some(sel) if emphasis => sel.family(),
            _ => fields[0].family(),
        };
        // Merge with the previous segment when nothing differs.
        if let Some(last) = out.last_mut()
            && last.range.end == a
            && last.fields == fields
            && last.emphasis == emphasis
        {
            last.range.end = b;
            continue;
        }
        out.push(HighlightSpan {
            range: a..b,
            family,
            fields,
            emphasis,
        });
    }
    out
}

/// The evidence of one difference in the compare view: A's, B's.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CompareMarks {
    pub a: Vec<Span>,
    pub b: Vec<Span>,
}

/// The colours of the compare view borrow two families' (and a third for
/// words both curators marked), so that the legend and the high-contrast
/// theme need nothing new.
pub const A_FAMILY: Family = Family::Inspection;
pub const B_FAMILY: Family = Family::Finding;
pub const BOTH_FAMILY: Family = Family::Person;

/// A's and B's evidence as non-overlapping, sorted segments, all drawn
/// strong: the compare view shows only the difference at hand.
pub fn compare_spans(marks: &CompareMarks, chars: usize) -> Vec<HighlightSpan> {
    let clip = |spans: &[Span]| -> Vec<Range<usize>> {
        spans
            .iter()
            .map(|s| s.start().min(chars)..s.end().min(chars))
            .filter(|r| r.start < r.end)
            .collect()
    };
    let (a, b) = (clip(&marks.a), clip(&marks.b));
    let mut bounds: Vec<usize> = a.iter().chain(&b).flat_map(|r| [r.start, r.end]).collect();
    bounds.sort_unstable();
    bounds.dedup();
    let covers = |ranges: &[Range<usize>], x: usize, y: usize| {
        ranges.iter().any(|r| r.start <= x && y <= r.end)
    };
    bounds
        .windows(2)
        .filter_map(|w| {
            let family = match (covers(&a, w[0], w[1]), covers(&b, w[0], w[1])) {
                (true, true) => BOTH_FAMILY,
                (true, false) => A_FAMILY,
                (false, true) => B_FAMILY,
                (false, false) => return None,
            };
            Some(HighlightSpan {
                range: w[0]..w[1],
                family,
                fields: Vec::new(),
                emphasis: true,
            })
        })
        .collect()
}

/// The fields supported by the text at code point `offset`, innermost first.
pub fn fields_at(spans: &[HighlightSpan], offset: usize) -> Vec<FieldPath> {
    let i = spans.partition_point(|s| s.range.end <= offset);
    match spans.get(i) {
        Some(s) if s.range.contains(&offset) => s.fields.clone(),
        _ => Vec::new(),
    }
}

/// The code point range the text view should scroll to for `path`: from
/// its first evidence start to its last evidence end.
pub fn evidence_extent(record: &Record, path: FieldPath) -> Option<Range<usize>> {
    let ev = path.evidence(record)?;
    let start = ev.iter().map(|s| s.start()).min()?;
    let end = ev.iter().map(|s| s.end()).max()?;
    Some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fields::ArticleKey;
    use crate::model::{Field, Origin, Person, Quote, Source};

    fn record() -> Record {
        let mut r = Record::empty(Source {
            path: "a.txt".into(),
            text_sha256: String::new(),
            chars: 100,
        });
        r.article.headline = Some(Field::extracted("Head".into(), vec![Span(0, 10)]));
        // A quote containing a person's name: the name is inside the quote.
        r.quotes.push(Quote {
            speaker: Some("Sam Patel".into()),
            text: "we will act".into(),
            evidence: vec![Span(20, 60)],
            origin: Origin::Extracted,
        });
        r.people.push(Person {
            name: "Sam Patel".into(),
            role: None,
            organisation: None,
            evidence: vec![Span(30, 39)],
            origin: Origin::Extracted,
        });
        r
    }

    #[test]
    fn overlapping_spans_become_disjoint_segments_innermost_colour_first() {
        let spans = evidence_spans(&record(), None, 100);
        let ranges: Vec<_> = spans.iter().map(|s| s.range.clone()).collect();
        assert_eq!(ranges, vec![0..10, 20..30, 30..39, 39..60]);
        assert_eq!(spans[0].family, Family::Article);
        assert_eq!(spans[1].family, Family::Quote);
        // The name inside the quote is drawn as a person and supports both.
        assert_eq!(spans[2].family, Family::Person);
        assert_eq!(
            spans[2].fields,
            vec![FieldPath::Person(0), FieldPath::Quote(0)]
        );
        assert!(spans.iter().all(|s| !s.emphasis));
    }

    #[test]
    fn the_selected_field_wins_the_colour_where_it_overlaps() {
        let spans = evidence_spans(&record(), Some(FieldPath::Quote(0)), 100);
        let inner = spans
            .iter()
            .find(|s| s.range == (30..39))
            .expect("inner segment");
        assert_eq!(inner.family, Family::Quote);
        assert!(inner.emphasis);
        let head = &spans[0];
        assert!(!head.emphasis);
        assert_eq!(head.fields, vec![FieldPath::Article(ArticleKey::Headline)]);
    }

    #[test]
    fn spans_past_the_end_of_the_text_are_clipped_or_dropped() {
        let mut r = record();
        r.figures.push(crate::model::Figure {
            kind: Default::default(),
            value: 1.0,
            unit: None,
            text: "1".into(),
            context: None,
            local_authority: None,
            evidence: vec![Span(95, 400), Span(500, 510)],
            origin: Origin::Added,
        });
        let spans = evidence_spans(&r, None, 100);
        let last = spans.last().expect("segments");
        assert_eq!(last.range, 95..100);
        assert_eq!(last.family, Family::Figure);
    }

    #[test]
    fn compare_marks_colour_a_b_and_the_words_both_marked() {
        let marks = CompareMarks {
            a: vec![Span(0, 10)],
            b: vec![Span(5, 20), Span(150, 160)],
        };
        let spans = compare_spans(&marks, 100);
        let shown: Vec<_> = spans.iter().map(|s| (s.range.clone(), s.family)).collect();
        assert_eq!(
            shown,
            vec![(0..5, A_FAMILY), (5..10, BOTH_FAMILY), (10..20, B_FAMILY)]
        );
    }

    #[test]
    fn fields_at_finds_the_fields_under_an_offset() {
        let spans = evidence_spans(&record(), None, 100);
        assert_eq!(
            fields_at(&spans, 5),
            vec![FieldPath::Article(ArticleKey::Headline)]
        );
        assert_eq!(fields_at(&spans, 35)[0], FieldPath::Person(0));
        assert!(fields_at(&spans, 15).is_empty());
        assert!(fields_at(&spans, 99).is_empty());
        assert_eq!(
            evidence_extent(&record(), FieldPath::Quote(0)),
            Some(20..60)
        );
    }
}
