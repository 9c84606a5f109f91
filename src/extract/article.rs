//! The article's own fields: headline, byline, publication date, outlet.

mod byline;
mod outlet;

pub use byline::byline;
pub use outlet::outlet;

use byline::word_spans;

use super::dates::{self, PartialDate};
use super::layout::{BlockKind, Layout};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// An extracted value with the byte range it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Found<T> {
    pub value: T,
    pub range: Range<usize>,
}

pub fn headline(text: &str, layout: &Layout) -> Option<Found<String>> {
    let b = layout
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Headline)?;
    let range = without_markup(text, b.range.clone());
    let line = &text[range.clone()];
    // A file that opens with a long paragraph has no headline line.
    if line.is_empty() || line.chars().count() > 220 || !dates::day_dates(line).is_empty() {
        return None;
    }
    Some(Found {
        value: line.to_string(),
        range,
    })
}

/// A line without Markdown heading marks and emphasis around it
/// ("# Headline", "*By Jane Doe*", "**2 May 2019**").
fn without_markup(text: &str, range: Range<usize>) -> Range<usize> {
    let line = &text[range.clone()];
    let after_marks = line.trim_start_matches('#');
    let start_trimmed =
        if after_marks.len() < line.len() && after_marks.starts_with(char::is_whitespace) {
            after_marks
        } else {
            line
        };
    let markup = |c: char| c == '*' || c == '_' || c.is_whitespace();
    let inner = start_trimmed
        .trim_start_matches(markup)
        .trim_end_matches(markup);
    if inner.is_empty() {
        return range;
    }
    let start = range.start + (inner.as_ptr() as usize - line.as_ptr() as usize);
    start..start + inner.len()
}

static PUBLISHED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(published|posted|first published|date)(?-u:\b)").expect("label regex")
});

/// The publication date from the dateline: a short header line that is
/// mostly a date, or a "Published ..." line anywhere.
pub fn published(text: &str, layout: &Layout) -> Option<Found<PartialDate>> {
    let header_lines = layout
        .blocks
        .iter()
        .take_while(|b| b.kind != BlockKind::Body)
        .filter(|b| b.kind != BlockKind::Headline);
    for b in header_lines {
        let line = &text[b.range.clone()];
        if line.chars().count() > 80 {
            continue;
        }
        if let Some(found) = first_day_date(line, b.range.start) {
            return Some(found);
        }
    }
    for b in &layout.blocks {
        let line = &text[b.range.clone()];
        if line.chars().count() <= 100
            && PUBLISHED_LABEL.is_match(line)
            && let Some(found) = first_day_date(line, b.range.start)
        {
            return Some(found);
        }
    }
    date_under_a_label(text, layout)
}

/// A date on the line under a label line of its own ("Published" then
/// "12 May 2023"), outside the footer, where links to other stories carry
/// their own dates.
fn date_under_a_label(text: &str, layout: &Layout) -> Option<Found<PartialDate>> {
    layout.blocks.windows(2).find_map(|pair| {
        let [label, date] = pair else { return None };
        let label_line = text[label.range.clone()].trim_end_matches(':');
        let is_label = PUBLISHED_LABEL
            .find(label_line)
            .is_some_and(|m| m.range() == (0..label_line.len()));
        let date_line = &text[date.range.clone()];
        if !is_label || date.kind == BlockKind::Footer || date_line.chars().count() > 40 {
            return None;
        }
        first_day_date(date_line, date.range.start)
    })
}

/// The first full date in a dateline starting at byte `start`, with month
/// names in capitals read too ("10:32, 18 DEC 2019").
fn first_day_date(line: &str, start: usize) -> Option<Found<PartialDate>> {
    let found = dates::day_dates(line).into_iter().next().or_else(|| {
        let title_cased = month_names_title_cased(line)?;
        dates::day_dates(&title_cased).into_iter().next()
    })?;
    Some(Found {
        value: found.date,
        range: start + found.range.start..start + found.range.end,
    })
}

/// `line` with month names written in capitals ("DEC", "MARCH") in title
/// case, at the same byte offsets; `None` when it has none.
fn month_names_title_cased(line: &str) -> Option<String> {
    let mut out = line.to_string();
    let mut changed = false;
    for (at, word) in word_spans(line) {
        let word = word.trim_end_matches(['.', ',']);
        let capitals = word.len() >= 3 && word.bytes().all(|b| b.is_ascii_uppercase());
        if capitals && dates::month_number(word).is_some() {
            out[at + 1..at + word.len()].make_ascii_lowercase();
            changed = true;
        }
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests;
