//! Span export: each article's text with its evidence spans labelled by
//! field family, in the shape span annotation tools read
//! (`{"text", "spans": [{"start", "end", "label"}], "meta"}`).

use super::{ExportRecord, ExportReport, contract_name, display_path};
use crate::model::{Record, Span};
use crate::store::article_path_for_sidecar;
use crate::text::{LoadOptions, TextError, load_article, text_sha256};
use serde::Serialize;
use std::path::{Component, Path, PathBuf};

/// Every label a span can carry (findings have one per theme).
pub const SPAN_LABELS: [&str; 9] = [
    "HEADLINE",
    "BYLINE",
    "PUBLISHED",
    "OUTLET",
    "INSPECTION",
    "FINDING_<THEME>",
    "PERSON",
    "QUOTE",
    "FIGURE",
];

/// Why an article was left out of a span export.
#[derive(Debug, thiserror::Error)]
pub enum ArticleTextError {
    #[error("{sidecar}: no article found for this record (looked for {looked})")]
    Missing { sidecar: PathBuf, looked: String },
    #[error(
        "{sidecar}: source.path {source_path:?} points outside the exported folder; not followed"
    )]
    OutsideRoot {
        sidecar: PathBuf,
        source_path: String,
    },
    #[error(
        "{article}: the article text has changed since the record was made \
         (its SHA-256 differs from the record's text_sha256)"
    )]
    Changed { article: PathBuf },
    #[error(transparent)]
    Text(#[from] TextError),
}

#[derive(Serialize)]
struct SpanOut {
    start: usize,
    end: usize,
    label: String,
}

#[derive(Serialize)]
struct Meta<'a> {
    path: String,
    source_path: &'a str,
    headline: Option<&'a str>,
    status: String,
}

#[derive(Serialize)]
struct SpanDocument<'a> {
    text: &'a str,
    spans: Vec<SpanOut>,
    meta: Meta<'a>,
}

/// Every evidence span of `record` with its label, ordered by start, end
/// and label. Spans outside `chars` code points or empty are dropped and
/// counted in the second value.
pub fn labelled_spans(record: &Record, chars: usize) -> (Vec<(Span, String)>, usize) {
    let mut out: Vec<(Span, String)> = Vec::new();
    let mut push = |spans: &[Span], label: &str| {
        for &s in spans {
            out.push((s, label.to_string()));
        }
    };
    let a = &record.article;
    for (f, label) in [
        (&a.headline, "HEADLINE"),
        (&a.byline, "BYLINE"),
        (&a.published, "PUBLISHED"),
        (&a.outlet, "OUTLET"),
    ] {
        if let Some(f) = f {
            push(&f.evidence, label);
        }
    }
    for insp in &record.inspections {
        push(&insp.evidence, "INSPECTION");
        for finding in &insp.findings {
            let theme = contract_name(&finding.theme).to_uppercase();
            push(&finding.evidence, &format!("FINDING_{theme}"));
        }
    }
    for p in &record.people {
        push(&p.evidence, "PERSON");
    }
    for q in &record.quotes {
        push(&q.evidence, "QUOTE");
    }
    for f in &record.figures {
        push(&f.evidence, "FIGURE");
    }
    let before = out.len();
    out.retain(|(s, _)| s.start() < s.end() && s.end() <= chars);
    let dropped = before - out.len();
    out.sort();
    out.dedup();
    (out, dropped)
}

/// The span document of one record and its article text, as one JSON line
/// (no newline), and the number of spans dropped.
pub fn span_document(record: &Record, text: &str, path: String) -> (String, usize) {
    let (spans, dropped) = labelled_spans(record, text.chars().count());
    let doc = SpanDocument {
        text,
        spans: spans
            .into_iter()
            .map(|(s, label)| SpanOut {
                start: s.start(),
                end: s.end(),
                label,
            })
            .collect(),
        meta: Meta {
            path,
            source_path: &record.source.path,
            headline: record.article.headline.as_ref().map(|h| h.value.as_str()),
            status: contract_name(&record.status),
        },
    };
    // Strings, numbers and plain structs always serialise.
    (serde_json::to_string(&doc).unwrap_or_default(), dropped)
}

pub(super) fn spans_jsonl(
    records: &[ExportRecord],
    root: Option<&Path>,
    report: &mut ExportReport,
) -> Vec<u8> {
    let mut out = Vec::new();
    for r in records {
        let text = match &r.text {
            Some(t) if text_sha256(t) == r.record.source.text_sha256 => t.to_string(),
            Some(_) => {
                report.skipped.push(ArticleTextError::Changed {
                    article: article_path_for_sidecar(&r.sidecar)
                        .unwrap_or_else(|| r.sidecar.clone()),
                });
                continue;
            }
            None => match find_article_text(&r.sidecar, &r.record, root) {
                Ok(t) => t,
                Err(e) => {
                    report.skipped.push(e);
                    continue;
                }
            },
        };
        let (line, dropped) = span_document(&r.record, &text, display_path(&r.sidecar, root));
        report.dropped_spans += dropped;
        out.extend_from_slice(line.as_bytes());
        out.push(b'\n');
        report.rows += 1;
    }
    out
}

/// Finds and loads the article of the record at `sidecar`: the file beside
/// it named like the sidecar without `.curation.json`, else the record's
/// `source.path` taken relative to the sidecar's folder, but only when that
/// stays inside `root` (never `..` out of it, never an absolute path). The
/// text must match the record's `text_sha256`.
pub fn find_article_text(
    sidecar: &Path,
    record: &Record,
    root: Option<&Path>,
) -> Result<String, ArticleTextError> {
    let mut candidates: Vec<PathBuf> = article_path_for_sidecar(sidecar).into_iter().collect();
    let folder = sidecar.parent().unwrap_or(Path::new(""));
    let source = Path::new(&record.source.path);
    if !record.source.path.is_empty() {
        match (root, inside(folder, source, root)) {
            (Some(_), Some(path)) => candidates.push(path),
            (Some(_), None) => {
                if candidates.iter().all(|c| !c.is_file()) {
                    return Err(ArticleTextError::OutsideRoot {
                        sidecar: sidecar.to_path_buf(),
                        source_path: record.source.path.clone(),
                    });
                }
            }
            (None, _) => {}
        }
    }
    candidates.dedup();
    let mut changed = None;
    let mut first_error = None;
    for path in &candidates {
        if !path.is_file() {
            continue;
        }
        match load_article(path, &LoadOptions::default()) {
            Ok(article) if article.sha256 == record.source.text_sha256 => {
                return Ok(article.text);
            }
            Ok(_) => {
                changed.get_or_insert_with(|| path.clone());
            }
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    if let Some(article) = changed {
        return Err(ArticleTextError::Changed { article });
    }
    if let Some(e) = first_error {
        return Err(e.into());
    }
    Err(ArticleTextError::Missing {
        sidecar: sidecar.to_path_buf(),
        looked: candidates
            .iter()
            .map(|c| c.display().to_string())
            .collect::<Vec<_>>()
            .join(", "),
    })
}

/// `folder/relative`, when `relative` is a plain relative path that stays
/// inside `root` both as written and after resolving links.
fn inside(folder: &Path, relative: &Path, root: Option<&Path>) -> Option<PathBuf> {
    let root = root?;
    let mut joined = folder.to_path_buf();
    for c in relative.components() {
        match c {
            Component::Normal(part) => joined.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                if !joined.pop() {
                    return None;
                }
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    if !joined.starts_with(root) {
        return None;
    }
    // A link inside the folder may still point out of it.
    if let (Ok(real), Ok(real_root)) = (joined.canonicalize(), root.canonicalize())
        && !real.starts_with(real_root)
    {
        return None;
    }
    Some(joined)
}
