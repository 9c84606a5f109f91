//! Bulleted lines of prose ("- 2014: judged to require improvement"): a
//! timeline of past judgements is often written as a list, which the
//! layout counts as furniture rather than body.

use super::super::Doc;
use super::super::layout::{BlockKind, split_sentences};
use std::ops::Range;

const BULLETS: &[char] = &['-', '–', '•', '·', '▪', '*'];

/// The document's sentences and its bulleted lines of three words or
/// more (without the bullet), in text order, each with whether it is one
/// of the layout's sentences.
pub(super) fn with_timeline_lines(doc: &Doc) -> (Vec<Range<usize>>, Vec<bool>) {
    let mut all: Vec<(Range<usize>, bool)> = doc
        .layout
        .sentences
        .iter()
        .map(|s| (s.range.clone(), true))
        .collect();
    for b in &doc.layout.blocks {
        if b.kind != BlockKind::Furniture {
            continue;
        }
        let line = &doc.text[b.range.clone()];
        let Some(rest) = line.strip_prefix(BULLETS) else {
            continue;
        };
        if !rest.starts_with(' ') || rest.split_whitespace().count() < 3 {
            continue;
        }
        let start = b.range.end - rest.trim_start().len();
        for r in split_sentences(doc.text, start..b.range.end) {
            all.push((r, false));
        }
    }
    all.sort_by_key(|(r, _)| r.start);
    all.into_iter().unzip()
}
