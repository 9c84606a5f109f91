//! Exporting records as CSV (inspections, figures, quotes), JSONL and span
//! JSONL for annotation tools. `ofsted-curator export` and the app's export
//! menu are two front-ends over [`export_records`].
//!
//! Rendering is pure ([`render`]); only finding article texts for spans
//! reads files, and [`write_output`] writes the result atomically, refusing
//! to replace an existing file unless asked.

mod spans;
mod write;

pub use spans::{ArticleTextError, SPAN_LABELS, find_article_text, span_document};
pub use write::write_output;

use crate::gazetteer::Gazetteer;
use crate::model::Record;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One record to export, with where it lives.
#[derive(Debug, Clone)]
pub struct ExportRecord {
    /// The sidecar the record was read from (or would be saved to).
    pub sidecar: PathBuf,
    pub record: Record,
    /// The article text when the caller already has it (the app); `None`
    /// to find the article on disk for span export.
    pub text: Option<Arc<str>>,
}

/// What to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// One row per inspection, with its article's fields and gazetteer facts.
    InspectionsCsv,
    /// One row per figure.
    FiguresCsv,
    /// One row per quote.
    QuotesCsv,
    /// One record per line, as stored.
    Jsonl,
    /// `{"text", "spans": [{"start", "end", "label"}], "meta"}` per article.
    SpansJsonl,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 5] = [
        ExportFormat::InspectionsCsv,
        ExportFormat::FiguresCsv,
        ExportFormat::QuotesCsv,
        ExportFormat::Jsonl,
        ExportFormat::SpansJsonl,
    ];

    /// A short name for menus and messages.
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::InspectionsCsv => "inspections CSV",
            ExportFormat::FiguresCsv => "figures CSV",
            ExportFormat::QuotesCsv => "quotes CSV",
            ExportFormat::Jsonl => "JSONL",
            ExportFormat::SpansJsonl => "spans JSONL",
        }
    }

    /// A file name to suggest in a save dialog.
    pub fn default_file_name(self) -> &'static str {
        match self {
            ExportFormat::InspectionsCsv => "inspections.csv",
            ExportFormat::FiguresCsv => "figures.csv",
            ExportFormat::QuotesCsv => "quotes.csv",
            ExportFormat::Jsonl => "records.jsonl",
            ExportFormat::SpansJsonl => "spans.jsonl",
        }
    }

    /// What one line or row stands for.
    pub fn unit(self) -> &'static str {
        match self {
            ExportFormat::InspectionsCsv => "inspections",
            ExportFormat::FiguresCsv => "figures",
            ExportFormat::QuotesCsv => "quotes",
            ExportFormat::Jsonl => "records",
            ExportFormat::SpansJsonl => "articles",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{path}: already exists; not replaced")]
    Exists { path: PathBuf },
    #[error("{path}: cannot write: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: cannot write CSV: {source}")]
    Csv { path: PathBuf, source: csv::Error },
}

impl ExportError {
    /// The output file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            ExportError::Exists { path }
            | ExportError::Write { path, .. }
            | ExportError::Csv { path, .. } => path,
        }
    }
}

/// What an export wrote.
#[derive(Debug, Default)]
pub struct ExportReport {
    /// Rows (CSV) or lines (JSONL) written.
    pub rows: usize,
    /// Articles left out of a span export, and why.
    pub skipped: Vec<ArticleTextError>,
    /// Evidence spans left out of a span export because they fall outside
    /// the article text or are empty.
    pub dropped_spans: usize,
}

/// Where paths in the output are relative to: a record's sidecar is shown
/// relative to `root` when it lies inside it.
fn display_path(sidecar: &Path, root: Option<&Path>) -> String {
    root.and_then(|r| sidecar.strip_prefix(r).ok())
        .unwrap_or(sidecar)
        .to_string_lossy()
        .into_owned()
}

/// The contract's spelling of an enum value (`in_progress`, `full_inspection`).
fn contract_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn opt(value: Option<&str>) -> &str {
    value.unwrap_or("")
}

fn field(f: &Option<crate::model::Field<String>>) -> &str {
    f.as_ref().map_or("", |f| f.value.as_str())
}

/// Column headings of the inspections CSV.
pub const INSPECTION_COLUMNS: [&str; 22] = [
    "file",
    "source_path",
    "headline",
    "byline",
    "published",
    "outlet",
    "status",
    "curator",
    "updated",
    "inspection",
    "local_authority",
    "ons_code",
    "region",
    "council_kind",
    "provider",
    "service",
    "kind",
    "visit_number",
    "date",
    "judgement",
    "inspector",
    "findings",
];

/// Column headings of the figures CSV.
pub const FIGURE_COLUMNS: [&str; 11] = [
    "file",
    "source_path",
    "headline",
    "published",
    "figure",
    "kind",
    "value",
    "unit",
    "text",
    "context",
    "local_authority",
];

/// Column headings of the quotes CSV.
pub const QUOTE_COLUMNS: [&str; 7] = [
    "file",
    "source_path",
    "headline",
    "published",
    "quote",
    "speaker",
    "text",
];

/// Renders `records` as `format`. Span export finds article texts on disk
/// (inside `root` only) for records that carry none.
pub fn render(
    format: ExportFormat,
    records: &[ExportRecord],
    root: Option<&Path>,
) -> Result<(Vec<u8>, ExportReport), csv::Error> {
    let mut report = ExportReport::default();
    let bytes = match format {
        ExportFormat::InspectionsCsv => inspections_csv(records, root, &mut report)?,
        ExportFormat::FiguresCsv => figures_csv(records, root, &mut report)?,
        ExportFormat::QuotesCsv => quotes_csv(records, root, &mut report)?,
        ExportFormat::Jsonl => {
            let mut out = Vec::new();
            for r in records {
                // Our own types always serialise.
                if let Ok(line) = serde_json::to_string(&r.record) {
                    out.extend_from_slice(line.as_bytes());
                    out.push(b'\n');
                    report.rows += 1;
                }
            }
            out
        }
        ExportFormat::SpansJsonl => spans::spans_jsonl(records, root, &mut report),
    };
    Ok((bytes, report))
}

/// Renders `records` as `format` and writes them to `out` atomically;
/// an existing `out` is replaced only when `overwrite` is set.
pub fn export_records(
    format: ExportFormat,
    records: &[ExportRecord],
    root: Option<&Path>,
    out: &Path,
    overwrite: bool,
) -> Result<ExportReport, ExportError> {
    if !overwrite && out.exists() {
        return Err(ExportError::Exists {
            path: out.to_path_buf(),
        });
    }
    let (bytes, report) = render(format, records, root).map_err(|source| ExportError::Csv {
        path: out.to_path_buf(),
        source,
    })?;
    write_output(out, &bytes, overwrite)?;
    Ok(report)
}

fn csv_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new().from_writer(Vec::new())
}

fn finish(writer: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, csv::Error> {
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

fn inspections_csv(
    records: &[ExportRecord],
    root: Option<&Path>,
    report: &mut ExportReport,
) -> Result<Vec<u8>, csv::Error> {
    let gazetteer = Gazetteer::get();
    let mut w = csv_writer();
    w.write_record(INSPECTION_COLUMNS)?;
    for r in records {
        let rec = &r.record;
        let file = display_path(&r.sidecar, root);
        let status = contract_name(&rec.status);
        for (i, insp) in rec.inspections.iter().enumerate() {
            let council = insp
                .local_authority
                .as_deref()
                .and_then(|n| gazetteer.council(n));
            let index = i.to_string();
            let service = contract_name(&insp.service);
            let kind = contract_name(&insp.kind);
            let visit = insp.visit_number.map(|n| n.to_string()).unwrap_or_default();
            let judgement = insp
                .judgement
                .map(|j| contract_name(&j))
                .unwrap_or_default();
            let findings = insp.findings.len().to_string();
            w.write_record([
                file.as_str(),
                &rec.source.path,
                field(&rec.article.headline),
                field(&rec.article.byline),
                field(&rec.article.published),
                field(&rec.article.outlet),
                &status,
                opt(rec.curator.as_deref()),
                &rec.updated,
                &index,
                opt(insp.local_authority.as_deref()),
                council.map_or("", |c| c.ons_code.as_str()),
                council.map_or("", |c| c.region.as_str()),
                council.map_or("", |c| c.kind.as_str()),
                opt(insp.provider.as_deref()),
                &service,
                &kind,
                &visit,
                opt(insp.date.as_deref()),
                &judgement,
                opt(insp.inspector.as_deref()),
                &findings,
            ])?;
            report.rows += 1;
        }
    }
    finish(w)
}

fn figures_csv(
    records: &[ExportRecord],
    root: Option<&Path>,
    report: &mut ExportReport,
) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv_writer();
    w.write_record(FIGURE_COLUMNS)?;
    for r in records {
        let rec = &r.record;
        let file = display_path(&r.sidecar, root);
        for (i, fig) in rec.figures.iter().enumerate() {
            let index = i.to_string();
            let kind = contract_name(&fig.kind);
            let value = fig.value.to_string();
            w.write_record([
                file.as_str(),
                &rec.source.path,
                field(&rec.article.headline),
                field(&rec.article.published),
                &index,
                &kind,
                &value,
                opt(fig.unit.as_deref()),
                &fig.text,
                opt(fig.context.as_deref()),
                opt(fig.local_authority.as_deref()),
            ])?;
            report.rows += 1;
        }
    }
    finish(w)
}

fn quotes_csv(
    records: &[ExportRecord],
    root: Option<&Path>,
    report: &mut ExportReport,
) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv_writer();
    w.write_record(QUOTE_COLUMNS)?;
    for r in records {
        let rec = &r.record;
        let file = display_path(&r.sidecar, root);
        for (i, quote) in rec.quotes.iter().enumerate() {
            let index = i.to_string();
            w.write_record([
                file.as_str(),
                &rec.source.path,
                field(&rec.article.headline),
                field(&rec.article.published),
                &index,
                opt(quote.speaker.as_deref()),
                &quote.text,
            ])?;
            report.rows += 1;
        }
    }
    finish(w)
}

#[cfg(test)]
mod tests;
