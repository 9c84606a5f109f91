//! `ofsted-curator import`: split news-database exports into one article
//! file each, with an index.

use crate::import::{
    Action, INDEX_FILE, ImportOptions, ImportPlan, NEAR_DUPLICATE, plan_import, write_import,
};
use crate::text::DEFAULT_MAX_BYTES;
use std::path::PathBuf;
use std::process::ExitCode;

/// Split news-database exports (.docx, .pdf, .rtf or .txt files holding many
/// articles) into one UTF-8 .txt article each, with an index.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Recognised layouts: articles ending \"End of Document\"; numbered documents \
(\"Document 1 of 12\", \"1 of 12 DOCUMENTS\"); header blocks of title, byline, \
\"1234 words\", date and outlet. A file in none of these is imported as one article.

Each article is written as <date>_<headline>.txt with its headline, byline, date \
and outlet at the top, and listed in index.csv (file, headline, outlet, date, \
byline, words, source file, position, duplicate marks). Importing the same export \
again writes nothing; no existing file is ever replaced (a different article under \
a taken name gets -2, -3, ...).

Exact duplicates (the same words) and near duplicates (word-shingle Jaccard \
similarity >= 0.9) are marked in the index; --skip-duplicates leaves them out.

Prints \"N written, N unchanged, N duplicates skipped, N failed\"; exits with 1 \
if anything failed.")]
pub struct ImportArgs {
    /// Export files (.docx, .pdf, .rtf, .txt).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// The folder to write the articles and index.csv into (created if
    /// missing).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,

    /// Leave out exact and near duplicates of an earlier article.
    #[arg(long)]
    pub skip_duplicates: bool,

    /// Show what would be written without writing anything.
    #[arg(long)]
    pub dry_run: bool,

    /// Refuse export files larger than this many bytes (PDF, Word and RTF
    /// files may be eight times this; suffixes k, M and G allowed).
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BYTES, value_parser = super::extract::parse_size)]
    pub max_size: u64,
}

pub fn run(args: ImportArgs) -> anyhow::Result<ExitCode> {
    let options = ImportOptions {
        skip_duplicates: args.skip_duplicates,
        max_bytes: args.max_size,
    };
    let plan = plan_import(&args.files, &args.out, &options);
    let mut failed = plan.failures.len();
    for failure in &plan.failures {
        eprintln!("error: {failure}");
    }
    print_sources(&plan);
    if args.dry_run {
        print_preview(&plan);
        println!(
            "would write {}, {} unchanged, {} duplicates skipped, {failed} failed",
            plan.count(Action::Write),
            plan.count(Action::Unchanged),
            plan.count(Action::SkipDuplicate),
        );
        return Ok(exit_code(failed));
    }
    let report = write_import(&plan);
    failed += report.errors.len();
    for error in &report.errors {
        eprintln!("error: {error}");
    }
    if report.index_written {
        eprintln!("wrote {}", args.out.join(INDEX_FILE).display());
    }
    println!(
        "{} written, {} unchanged, {} duplicates skipped, {failed} failed",
        report.written.len(),
        report.unchanged,
        report.skipped_duplicates,
    );
    Ok(exit_code(failed))
}

fn exit_code(failed: usize) -> ExitCode {
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// One line per export: how it was read.
fn print_sources(plan: &ImportPlan) {
    for source in &plan.sources {
        eprintln!(
            "{}: {}, read as {}",
            source.path.display(),
            crate::words::count(source.articles, "article"),
            source.layout.label()
        );
        for notice in &source.notices {
            eprintln!("warning: {}: {notice}", source.path.display());
        }
    }
    let duplicates = plan.duplicates();
    if duplicates > 0 {
        eprintln!(
            "{} of an earlier article (same text, or shingle similarity \
             >= {NEAR_DUPLICATE})",
            crate::words::count(duplicates, "duplicate")
        );
    }
}

/// The split as a table: position, date, headline, what will happen.
fn print_preview(plan: &ImportPlan) {
    for a in &plan.articles {
        let source = plan
            .sources
            .get(a.source)
            .map(|s| s.name())
            .unwrap_or_default();
        let duplicate = a
            .duplicate
            .map(|d| format!(" [{} duplicate]", d.kind.label()))
            .unwrap_or_default();
        println!(
            "{source}#{}\t{}\t{}\t{}\t{}{duplicate}",
            a.fields.position,
            a.fields.date.map(|d| d.iso()).unwrap_or_default(),
            a.fields.headline.as_deref().unwrap_or("(no headline)"),
            a.file_name.as_deref().unwrap_or("-"),
            a.action.label(),
        );
    }
}
