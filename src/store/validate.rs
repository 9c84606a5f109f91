//! Checks a record against the contract and against its article's text:
//! the things serde cannot check (enum spellings it does).

use crate::model::{FORMAT, FigureKind, Record, Span, is_valid_date};
use crate::text::text_sha256;
use std::fmt;

/// Fewer words than this in quotation marks is a scare quote, not a quote.
pub const MIN_QUOTE_WORDS: usize = 5;

/// One thing wrong with a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the record, e.g. `inspections[1].findings[0].evidence[0]`.
    pub location: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// Checks `record` against the contract and the article `text` its offsets
/// refer to.
pub fn validate_record(record: &Record, text: &str) -> Vec<Problem> {
    let chars = text.chars().count();
    let mut problems = Problems::default();
    if record.source.text_sha256 != text_sha256(text) {
        problems.add(
            "source.text_sha256",
            "does not match the article text: the article changed since the record was made, \
             so its evidence offsets may point at the wrong words",
        );
    }
    if record.source.chars != chars {
        problems.add(
            "source.chars",
            format!(
                "is {} but the article text has {chars} characters",
                record.source.chars
            ),
        );
    }
    check_record(record, chars, &mut problems);
    problems.0
}

/// Checks `record` when its article cannot be read: spans are checked
/// against the length the record itself states.
pub fn validate_record_without_text(record: &Record) -> Vec<Problem> {
    let mut problems = Problems::default();
    check_record(record, record.source.chars, &mut problems);
    problems.0
}

#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, location: impl Into<String>, message: impl Into<String>) {
        self.0.push(Problem {
            location: location.into(),
            message: message.into(),
        });
    }

    fn spans(&mut self, location: &str, spans: &[Span], chars: usize) {
        for (i, span) in spans.iter().enumerate() {
            let here = format!("{location}.evidence[{i}]");
            if span.start() >= span.end() {
                self.add(
                    here,
                    format!(
                        "span [{}, {}] is empty or reversed (start must be before end)",
                        span.start(),
                        span.end()
                    ),
                );
            } else if span.end() > chars {
                self.add(
                    here,
                    format!(
                        "span [{}, {}] ends past the end of the text ({chars} characters)",
                        span.start(),
                        span.end()
                    ),
                );
            }
        }
    }

    fn date(&mut self, location: String, date: &str) {
        if !is_valid_date(date) {
            self.add(
                location,
                format!("{date:?} is not a date as YYYY, YYYY-MM or YYYY-MM-DD"),
            );
        }
    }
}

fn check_record(record: &Record, chars: usize, problems: &mut Problems) {
    if record.format != FORMAT {
        problems.add(
            "format",
            format!("is {:?}, expected {FORMAT:?}", record.format),
        );
    }
    check_source_path(&record.source.path, problems);
    if chrono::DateTime::parse_from_rfc3339(&record.updated).is_err() {
        problems.add(
            "updated",
            format!("{:?} is not an RFC 3339 time", record.updated),
        );
    }

    let a = &record.article;
    for (name, field) in [
        ("headline", &a.headline),
        ("byline", &a.byline),
        ("published", &a.published),
        ("outlet", &a.outlet),
    ] {
        let Some(field) = field else { continue };
        let location = format!("article.{name}");
        problems.spans(&location, &field.evidence, chars);
        if name == "published" {
            problems.date(format!("{location}.value"), &field.value);
        }
    }

    for (i, inspection) in record.inspections.iter().enumerate() {
        let location = format!("inspections[{i}]");
        if let Some(date) = &inspection.date {
            problems.date(format!("{location}.date"), date);
        }
        if inspection.visit_number == Some(0) {
            problems.add(
                format!("{location}.visit_number"),
                "is 0; visits are counted from 1",
            );
        }
        problems.spans(&location, &inspection.evidence, chars);
        for (j, finding) in inspection.findings.iter().enumerate() {
            problems.spans(
                &format!("{location}.findings[{j}]"),
                &finding.evidence,
                chars,
            );
        }
    }

    for (i, person) in record.people.iter().enumerate() {
        let location = format!("people[{i}]");
        if person.name.trim().is_empty() {
            problems.add(format!("{location}.name"), "is empty");
        }
        problems.spans(&location, &person.evidence, chars);
    }

    for (i, quote) in record.quotes.iter().enumerate() {
        let location = format!("quotes[{i}]");
        let words = quote.text.split_whitespace().count();
        if words < MIN_QUOTE_WORDS {
            problems.add(
                format!("{location}.text"),
                format!(
                    "has {words} words; a quote has at least {MIN_QUOTE_WORDS} \
                     (shorter quoted phrases are not quotes)"
                ),
            );
        }
        problems.spans(&location, &quote.evidence, chars);
    }

    for (i, figure) in record.figures.iter().enumerate() {
        let location = format!("figures[{i}]");
        let (kind, expected) = match figure.kind {
            FigureKind::Money => ("money", Some("GBP")),
            FigureKind::Percent => ("percent", Some("%")),
            FigureKind::Count => ("count", None),
        };
        if figure.unit.as_deref() != expected {
            let want = expected.map_or("null".to_string(), |u| format!("{u:?}"));
            let got = figure
                .unit
                .as_ref()
                .map_or("null".to_string(), |u| format!("{u:?}"));
            problems.add(
                format!("{location}.unit"),
                format!("is {got} but a {kind} figure has unit {want}"),
            );
        }
        if !figure.value.is_finite() {
            problems.add(format!("{location}.value"), "is not a finite number");
        }
        problems.spans(&location, &figure.evidence, chars);
    }

    for (i, rejection) in record.rejected.iter().enumerate() {
        problems.spans(&format!("rejected[{i}]"), &rejection.evidence, chars);
    }
}

/// `source.path` must be relative and stay inside the record's folder, so
/// that a corpus can be moved and a record can never point elsewhere.
fn check_source_path(path: &str, problems: &mut Problems) {
    let looks_absolute = path.starts_with('/')
        || path.starts_with('\\')
        || path.as_bytes().get(1) == Some(&b':')
        || std::path::Path::new(path).is_absolute();
    if path.is_empty() {
        problems.add("source.path", "is empty");
    } else if looks_absolute {
        problems.add(
            "source.path",
            format!("{path:?} is absolute; it must be relative to the record"),
        );
    } else if path.split(['/', '\\']).any(|part| part == "..") {
        problems.add(
            "source.path",
            format!("{path:?} contains \"..\"; it must not leave the record's folder"),
        );
    }
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
