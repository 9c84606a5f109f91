//! The extractor report: how the machine did on the records people worked
//! on. Every `extracted` value a person left is a value kept, every `edited`
//! one a machine error, every rejection a false alarm and every `added`
//! value a miss; per field, precision and recall are estimated from those
//! counts:
//!
//! - precision = kept / (kept + edited + rejected): of the machine's
//!   proposals, the share a person left as they were;
//! - recall = kept / (kept + edited + added): of the values the records
//!   hold, the share the machine proposed right.
//!
//! Records no person has worked on (see [`Record::is_curated`]) say nothing
//! about the machine and are left out.

mod output;

pub use output::{to_csv, to_json, to_table};

use crate::model::{FieldName, Origin, Record};
use crate::rejection::proposal_value;
use serde_json::Value;

/// The counts of one field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FieldCounts {
    /// Machine values a person left as they were.
    pub kept: usize,
    /// Machine values a person changed.
    pub edited: usize,
    /// Machine values a person removed.
    pub rejected: usize,
    /// Values a person added: the machine's misses.
    pub added: usize,
}

impl FieldCounts {
    /// kept / (kept + edited + rejected); `None` when the machine proposed
    /// nothing.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.kept, self.kept + self.edited + self.rejected)
    }

    /// kept / (kept + edited + added); `None` when the records hold nothing.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.kept, self.kept + self.edited + self.added)
    }

    fn add(&mut self, other: FieldCounts) {
        self.kept += other.kept;
        self.edited += other.edited;
        self.rejected += other.rejected;
        self.added += other.added;
    }
}

fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// What a person did to a machine value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExampleKind {
    Edited,
    Rejected,
    Added,
}

impl ExampleKind {
    pub fn label(self) -> &'static str {
        match self {
            ExampleKind::Edited => "edited",
            ExampleKind::Rejected => "rejected",
            ExampleKind::Added => "added",
        }
    }
}

/// Where in a record an example is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Location {
    Article(FieldName),
    Inspection(usize),
    /// (inspection, finding)
    Finding(usize, usize),
    Person(usize),
    Quote(usize),
    Figure(usize),
    /// An entry of the record's `rejected` list: the value is gone.
    Rejected(usize),
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::Article(name) => write!(f, "article.{name}"),
            Location::Inspection(i) => write!(f, "inspections[{i}]"),
            Location::Finding(i, j) => write!(f, "inspections[{i}].findings[{j}]"),
            Location::Person(i) => write!(f, "people[{i}]"),
            Location::Quote(i) => write!(f, "quotes[{i}]"),
            Location::Figure(i) => write!(f, "figures[{i}]"),
            Location::Rejected(i) => write!(f, "rejected[{i}]"),
        }
    }
}

/// One value a person changed, added or rejected.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// Index of the record in the order given to [`build_report`].
    pub record: usize,
    /// The record's file, as given.
    pub file: String,
    pub field: FieldName,
    pub kind: ExampleKind,
    pub location: Location,
    /// The value as the record holds it (for a rejection, as proposed).
    pub value: String,
}

/// The report over a set of records.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExtractorReport {
    /// Records a person worked on, which the counts come from.
    pub curated: usize,
    /// Records left out because no person worked on them.
    pub not_curated: usize,
    /// Counts per field, in [`FieldName::ALL`]'s order.
    pub fields: Vec<(FieldName, FieldCounts)>,
    /// Every edited, rejected and added value, record by record.
    pub examples: Vec<Example>,
}

impl ExtractorReport {
    pub fn counts(&self, field: FieldName) -> FieldCounts {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, c)| *c)
            .unwrap_or_default()
    }

    /// All fields' counts added up.
    pub fn total(&self) -> FieldCounts {
        let mut total = FieldCounts::default();
        for (_, c) in &self.fields {
            total.add(*c);
        }
        total
    }
}

/// The report over `records` (each with the name its examples show).
pub fn build_report<'a>(
    records: impl IntoIterator<Item = (String, &'a Record)>,
) -> ExtractorReport {
    let mut report = ExtractorReport {
        fields: FieldName::ALL
            .iter()
            .map(|f| (*f, FieldCounts::default()))
            .collect(),
        ..ExtractorReport::default()
    };
    for (index, (file, record)) in records.into_iter().enumerate() {
        if !record.is_curated() {
            report.not_curated += 1;
            continue;
        }
        report.curated += 1;
        for (field, location, origin, value) in values(record) {
            let kind = match origin {
                Origin::Extracted => None,
                Origin::Edited => Some(ExampleKind::Edited),
                Origin::Added => Some(ExampleKind::Added),
            };
            tally(&mut report, field, kind);
            if let Some(kind) = kind {
                report.examples.push(Example {
                    record: index,
                    file: file.clone(),
                    field,
                    kind,
                    location,
                    value: brief(&value),
                });
            }
        }
        for (i, rejection) in record.rejected.iter().enumerate() {
            tally(&mut report, rejection.field, Some(ExampleKind::Rejected));
            report.examples.push(Example {
                record: index,
                file: file.clone(),
                field: rejection.field,
                kind: ExampleKind::Rejected,
                location: Location::Rejected(i),
                value: brief(&rejection.value),
            });
        }
    }
    report
}

/// The report over the records whose reports are `parts`, in order: what
/// [`build_report`] gives over those records when each part was built from
/// one record. Lets a caller keep one small report per record instead of
/// the record.
pub fn combine_reports<'a>(
    parts: impl IntoIterator<Item = &'a ExtractorReport>,
) -> ExtractorReport {
    let mut report = build_report(std::iter::empty());
    for (index, part) in parts.into_iter().enumerate() {
        report.curated += part.curated;
        report.not_curated += part.not_curated;
        for (field, counts) in &part.fields {
            if let Some((_, c)) = report.fields.iter_mut().find(|(f, _)| f == field) {
                c.add(*counts);
            }
        }
        report
            .examples
            .extend(part.examples.iter().map(|e| Example {
                record: index,
                ..e.clone()
            }));
    }
    report
}

fn tally(report: &mut ExtractorReport, field: FieldName, kind: Option<ExampleKind>) {
    if let Some((_, c)) = report.fields.iter_mut().find(|(f, _)| *f == field) {
        match kind {
            None => c.kept += 1,
            Some(ExampleKind::Edited) => c.edited += 1,
            Some(ExampleKind::Rejected) => c.rejected += 1,
            Some(ExampleKind::Added) => c.added += 1,
        }
    }
}

/// Every value and item of `record` with where it is, its origin and its
/// value as a rejection would hold it.
fn values(record: &Record) -> Vec<(FieldName, Location, Origin, Value)> {
    let mut out = Vec::new();
    let a = &record.article;
    for (name, f) in [
        (FieldName::Headline, &a.headline),
        (FieldName::Byline, &a.byline),
        (FieldName::Published, &a.published),
        (FieldName::Outlet, &a.outlet),
    ] {
        if let Some(f) = f {
            let value = Value::from(f.value.as_str());
            out.push((name, Location::Article(name), f.origin, value));
        }
    }
    for (i, x) in record.inspections.iter().enumerate() {
        let at = Location::Inspection(i);
        out.push((FieldName::Inspection, at, x.origin, proposal_value(x)));
        for (j, f) in x.findings.iter().enumerate() {
            let at = Location::Finding(i, j);
            out.push((FieldName::Finding, at, f.origin, proposal_value(f)));
        }
    }
    for (i, x) in record.people.iter().enumerate() {
        out.push((
            FieldName::Person,
            Location::Person(i),
            x.origin,
            proposal_value(x),
        ));
    }
    for (i, x) in record.quotes.iter().enumerate() {
        out.push((
            FieldName::Quote,
            Location::Quote(i),
            x.origin,
            proposal_value(x),
        ));
    }
    for (i, x) in record.figures.iter().enumerate() {
        out.push((
            FieldName::Figure,
            Location::Figure(i),
            x.origin,
            proposal_value(x),
        ));
    }
    out
}

/// A value in a few words: a string as it is, an item as its set values
/// joined ("Kent, full_inspection, 2019-03"), cut at 100 characters.
pub fn brief(value: &Value) -> String {
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Object(map) => map
            .values()
            .filter_map(|v| match v {
                Value::Null => None,
                Value::String(s) => Some(s.clone()),
                other => Some(other.to_string()),
            })
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    };
    if text.chars().count() > 100 {
        let mut cut: String = text.chars().take(100).collect();
        cut.push('…');
        cut
    } else {
        text
    }
}

#[cfg(test)]
mod tests;
