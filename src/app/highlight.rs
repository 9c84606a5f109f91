//! Evidence highlights as plain data: which stretches of the article text
//! support which fields, with overlaps resolved into non-overlapping
//! segments, ready to be drawn and hit-tested.

use super::fields::{Family, FieldPath, all_paths};
use crate::model::Record;
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
