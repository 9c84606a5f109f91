//! `ofsted-curator export`: a folder of records as CSV and JSONL files.

use crate::discover::discover_sidecars;
use crate::export::{ExportError, ExportFormat, ExportRecord, export_records};
use crate::store::read_record_with_warnings;
use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;

/// Export every record (`*.curation.json`) under DIR as CSV or JSONL.
///
/// Give at least one output. Records that cannot be read are named on
/// stderr and left out; the others are still exported, and the exit code is
/// then 1.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Records are read from DIR recursively, in a stable order. A record that cannot be \
read is named on stderr and left out; the rest are exported and the exit code is 1.

Span JSONL needs each article's text: the file beside the record named like it \
without .curation.json, else the record's source.path taken relative to the \
record's folder when that stays inside DIR. An article that is missing, or whose \
text no longer matches the record's text_sha256, is left out with a warning.

Outputs are written atomically (a temporary file, then renamed into place), and an \
existing file is never replaced without --overwrite.")]
pub struct ExportArgs {
    /// Folder searched recursively for records.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// Inspections CSV: one row per inspection, with the article's file,
    /// headline, byline, published, outlet, status, curator and updated,
    /// and the inspection's council (with its ONS code, region and kind
    /// from the gazetteer), provider, service, kind, visit number, date,
    /// judgement, inspector and number of findings.
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,

    /// Figures CSV: one row per figure (kind, value, unit, text, context,
    /// council) with its article's file, headline and published date.
    #[arg(long, value_name = "FILE")]
    pub figures_csv: Option<PathBuf>,

    /// Quotes CSV: one row per quote (speaker, text) with its article's
    /// file, headline and published date.
    #[arg(long, value_name = "FILE")]
    pub quotes_csv: Option<PathBuf>,

    /// JSONL: each record as stored, one compact JSON object per line.
    #[arg(long, value_name = "FILE")]
    pub jsonl: Option<PathBuf>,

    /// Span JSONL for annotation tools, one article per line:
    /// {"text", "spans": [{"start", "end", "label"}], "meta": {path,
    /// source_path, headline, status}}. Offsets are Unicode code points;
    /// labels are HEADLINE, BYLINE, PUBLISHED, OUTLET, INSPECTION,
    /// FINDING_<THEME>, PERSON, QUOTE, FIGURE.
    #[arg(long, value_name = "FILE")]
    pub spans_jsonl: Option<PathBuf>,

    /// Replace output files that already exist.
    #[arg(long)]
    pub overwrite: bool,
}

impl ExportArgs {
    fn outputs(&self) -> Vec<(ExportFormat, PathBuf)> {
        [
            (ExportFormat::InspectionsCsv, &self.csv),
            (ExportFormat::FiguresCsv, &self.figures_csv),
            (ExportFormat::QuotesCsv, &self.quotes_csv),
            (ExportFormat::Jsonl, &self.jsonl),
            (ExportFormat::SpansJsonl, &self.spans_jsonl),
        ]
        .into_iter()
        .filter_map(|(f, p)| p.clone().map(|p| (f, p)))
        .collect()
    }
}

pub fn run(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let outputs = args.outputs();
    if outputs.is_empty() {
        anyhow::bail!(
            "nothing to export: give at least one of --csv, --figures-csv, --quotes-csv, \
             --jsonl, --spans-jsonl"
        );
    }
    for (i, (_, path)) in outputs.iter().enumerate() {
        if outputs[..i].iter().any(|(_, p)| p == path) {
            anyhow::bail!("{}: given for two outputs", path.display());
        }
    }
    if !args.dir.is_dir() {
        anyhow::bail!("{}: not a folder", args.dir.display());
    }
    // Refuse before reading anything, so nothing is half done.
    if !args.overwrite {
        for (_, path) in &outputs {
            if path.symlink_metadata().is_ok() {
                anyhow::bail!(
                    "{}: already exists; not replaced (use --overwrite to replace it)",
                    path.display()
                );
            }
        }
    }

    let found = discover_sidecars(std::slice::from_ref(&args.dir));
    let mut failed = found.errors.len();
    for err in &found.errors {
        eprintln!("error: {err}");
    }
    let read: Vec<_> = found
        .sidecars
        .par_iter()
        .map(|path| (path, read_record_with_warnings(path)))
        .collect();
    let mut records = Vec::with_capacity(read.len());
    for (path, result) in read {
        match result {
            Ok(r) => {
                for w in &r.warnings {
                    eprintln!("warning: {}: {w}", path.display());
                }
                records.push(ExportRecord {
                    sidecar: path.clone(),
                    record: r.record,
                    text: None,
                });
            }
            Err(e) => {
                failed += 1;
                eprintln!("error: {e}");
            }
        }
    }

    for (format, path) in &outputs {
        match export_records(*format, &records, Some(&args.dir), path, args.overwrite) {
            Ok(report) => {
                for skipped in &report.skipped {
                    eprintln!("warning: {skipped}; left out of {}", path.display());
                }
                if report.dropped_spans > 0 {
                    eprintln!(
                        "warning: {} outside their article text left out of {}",
                        crate::words::count(report.dropped_spans, "evidence span"),
                        path.display()
                    );
                }
                println!(
                    "{}: {} {} from {} records",
                    path.display(),
                    report.rows,
                    format.unit(),
                    records.len()
                );
            }
            Err(e @ ExportError::Exists { .. }) => {
                failed += 1;
                eprintln!("error: {e} (use --overwrite to replace it)");
            }
            Err(e) => {
                failed += 1;
                eprintln!("error: {e}");
            }
        }
    }
    if failed > 0 {
        eprintln!("{} failed", crate::words::count(failed, "file"));
        Ok(ExitCode::FAILURE)
    } else {
        Ok(ExitCode::SUCCESS)
    }
}
