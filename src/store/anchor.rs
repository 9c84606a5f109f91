//! Whether a record read from disk fits the article it sits beside.
//!
//! A record that points at another file or has evidence outside the text
//! cannot be shown or saved safely, so the app opens it read-only; one made
//! for another version of the text is opened with a warning listing the
//! evidence that no longer reads as its value.

use super::validate::validate_record;
use crate::model::{Record, Span};
use std::path::Path;

/// What is wrong with a record against its article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fit {
    /// Reasons the record must not be edited or saved over (foreign
    /// `source.path`, evidence outside the text).
    pub blocking: Vec<String>,
    /// The record was made for another version of the text.
    pub text_changed: bool,
    /// Values whose evidence no longer reads as the value, e.g.
    /// `article.headline: [0, 12] now reads "Something else"`.
    pub stale_evidence: Vec<String>,
}

impl Fit {
    pub fn is_clean(&self) -> bool {
        self.blocking.is_empty() && !self.text_changed
    }
}

/// Checks `record` (read from beside the article named `article_name`)
/// against the article's `text`.
pub fn check_fit(record: &Record, text: &str, article_name: &str) -> Fit {
    let mut fit = Fit::default();
    for problem in validate_record(record, text) {
        let location = problem.location.as_str();
        let span_outside = location.contains("evidence[")
            && (problem.message.contains("past the end")
                || problem.message.contains("empty or reversed"));
        if location == "source.path" || span_outside {
            fit.blocking.push(problem.to_string());
        } else if location == "source.text_sha256" {
            fit.text_changed = true;
        }
    }
    let named = Path::new(&record.source.path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    if fit.blocking.iter().all(|b| !b.starts_with("source.path"))
        && named.as_deref() != Some(article_name)
    {
        fit.blocking.push(format!(
            "source.path: {:?} names another article, not {article_name:?}",
            record.source.path
        ));
    }
    if fit.text_changed && fit.blocking.is_empty() {
        fit.stale_evidence = stale_evidence(record, text);
    }
    fit
}

/// Values whose evidence text no longer contains the value.
pub fn stale_evidence(record: &Record, text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (location, value, spans) in valued_evidence(record) {
        if spans.is_empty() || value.trim().is_empty() {
            continue;
        }
        let reads: String = spans
            .iter()
            .map(|s| {
                let end = s.end().min(chars.len());
                let start = s.start().min(end);
                chars[start..end].iter().collect::<String>()
            })
            .collect::<Vec<_>>()
            .join(" … ");
        if !loosely_contains(&reads, value) {
            let shown: String = reads.chars().take(60).collect();
            let first = spans[0];
            out.push(format!(
                "{location}: [{}, {}] now reads {shown:?}, not {:?}",
                first.start(),
                first.end(),
                value.chars().take(60).collect::<String>()
            ));
        }
    }
    out
}

/// `haystack` contains `needle` ignoring case, whitespace and quote style.
fn loosely_contains(haystack: &str, needle: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (h, n) = (norm(haystack), norm(needle));
    h.contains(&n) || n.contains(&h) && !h.is_empty()
}

/// Every value that is text from the article, with its evidence.
fn valued_evidence(record: &Record) -> Vec<(String, &str, &[Span])> {
    let mut out: Vec<(String, &str, &[Span])> = Vec::new();
    let a = &record.article;
    for (key, field) in [
        ("headline", &a.headline),
        ("byline", &a.byline),
        ("outlet", &a.outlet),
    ] {
        if let Some(f) = field {
            out.push((format!("article.{key}"), &f.value, &f.evidence));
        }
    }
    for (i, inspection) in record.inspections.iter().enumerate() {
        for (j, f) in inspection.findings.iter().enumerate() {
            out.push((
                format!("inspections[{i}].findings[{j}]"),
                &f.text,
                &f.evidence,
            ));
        }
    }
    for (i, p) in record.people.iter().enumerate() {
        out.push((format!("people[{i}]"), &p.name, &p.evidence));
    }
    for (i, q) in record.quotes.iter().enumerate() {
        out.push((format!("quotes[{i}]"), &q.text, &q.evidence));
    }
    for (i, f) in record.figures.iter().enumerate() {
        out.push((format!("figures[{i}]"), &f.text, &f.evidence));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Field, Source};
    use crate::text::text_sha256;

    const TEXT: &str = "Kent rated inadequate\n\nMore words follow here.\n";

    fn record(text: &str) -> Record {
        let mut r = Record::empty(Source {
            path: "a.txt".into(),
            text_sha256: text_sha256(text),
            chars: text.chars().count(),
        });
        r.article.headline = Some(Field::extracted(
            "Kent rated inadequate".into(),
            vec![Span(0, 21)],
        ));
        r
    }

    #[test]
    fn a_record_of_this_text_fits() {
        assert!(check_fit(&record(TEXT), TEXT, "a.txt").is_clean());
    }

    #[test]
    fn a_foreign_path_or_a_span_past_the_end_blocks() {
        let mut r = record(TEXT);
        r.source.path = "../../etc/passwd".into();
        let fit = check_fit(&r, TEXT, "a.txt");
        assert_eq!(fit.blocking.len(), 1, "{fit:?}");
        assert!(fit.blocking[0].contains(".."), "{fit:?}");

        let mut r = record(TEXT);
        r.source.path = "b.txt".into();
        assert!(check_fit(&r, TEXT, "a.txt").blocking[0].contains("another article"));

        let mut r = record(TEXT);
        if let Some(h) = r.article.headline.as_mut() {
            h.evidence = vec![Span(5, 5000)];
        }
        let fit = check_fit(&r, TEXT, "a.txt");
        assert!(
            fit.blocking[0].contains("article.headline.evidence[0]"),
            "{fit:?}"
        );
    }

    #[test]
    fn a_changed_text_lists_the_evidence_that_no_longer_fits() {
        let r = record(TEXT);
        let changed = "Surrey rated good now\n\nMore words follow here.\n";
        let fit = check_fit(&r, changed, "a.txt");
        assert!(fit.text_changed && fit.blocking.is_empty(), "{fit:?}");
        assert_eq!(fit.stale_evidence.len(), 1, "{fit:?}");
        assert!(fit.stale_evidence[0].starts_with("article.headline: [0, 21] now reads \"Surrey"));

        let shifted_but_same = "Kent rated inadequate\n\nOther words follow.\n";
        let fit = check_fit(&r, shifted_but_same, "a.txt");
        assert!(fit.text_changed && fit.stale_evidence.is_empty(), "{fit:?}");
    }
}
