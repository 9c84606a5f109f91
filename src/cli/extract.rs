//! `ofsted-curator extract`: discover articles, extract and save their
//! records in parallel, report what happened.

use crate::discover::{Listing, discover_articles};
use crate::pipeline::{
    ArticleReport, ExtractOptions, Outcome, extract_articles, without_sidecar_clashes,
};
use crate::store::{KeepReason, remove_abandoned_temp_files, write_atomically};
use crate::text::{DEFAULT_MAX_BYTES, LoadOptions};
use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal as _;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Extract a record from each article (.txt, .md, .html, .htm, .pdf, .docx,
/// .rtf) and save it
/// beside the article as `<name>.curation.json`.
///
/// Existing records are protected: one is replaced only with --overwrite, a
/// record a person has worked on only with --force (the old one is then kept
/// as `<record>.bak`), and a file that cannot be read as a record never.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Existing records are protected: one is replaced only with --overwrite, a record a \
person has worked on (reviewed, in progress, off-topic, edited or added values, notes, a \
curator) only with --force, which keeps the old one as <record>.bak, and a file \
that cannot be read as a record of this version never.

Prints \"N written, N skipped, N failed\"; exits with 1 if anything failed.

With --update, each article is extracted again and the new machine values are merged \
into its record: edited and added values are kept, values a person removed stay \
out, machine values are replaced, new machine items are added, and machine items no \
longer proposed are removed (in a reviewed record they stay and are listed as \
conflicts). Status, curator and notes are kept. A record made for another version \
of the text is reported and left alone. --dry-run prints the changes without \
writing.")]
pub struct ExtractArgs {
    /// Article files, or folders searched recursively.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Write the records into this folder (created if missing) instead of
    /// beside each article.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Replace existing machine records.
    #[arg(long, conflicts_with = "update")]
    pub overwrite: bool,

    /// Replace records even when a person has curated them (implies
    /// --overwrite); each replaced record is kept as `<record>.bak`.
    #[arg(long, conflicts_with = "update")]
    pub force: bool,

    /// Extract again and merge the new machine values into the existing
    /// records, keeping every human decision (see below).
    #[arg(long)]
    pub update: bool,

    /// With --update: print what would change, write nothing.
    #[arg(long, requires = "update")]
    pub dry_run: bool,

    /// Number of articles processed at once [default: all cores].
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<NonZeroUsize>,

    /// List every record left alone because it already exists, not only
    /// how many.
    #[arg(long, short = 'v')]
    pub verbose: bool,

    /// Also write every extracted record, one JSON object per line, to FILE.
    #[arg(long, value_name = "FILE", conflicts_with = "update")]
    pub jsonl: Option<PathBuf>,

    /// Refuse article files larger than this many bytes (suffixes k, M and
    /// G allowed, e.g. 20M).
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BYTES, value_parser = parse_size)]
    pub max_size: u64,
}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    if args.update {
        return super::update::run(&args);
    }
    let mut found = discover_articles(&args.paths);
    let mut failed = found.errors.len();
    for err in &found.errors {
        eprintln!("error: {err}");
    }
    if let Some(out) = &args.out {
        std::fs::create_dir_all(out)
            .with_context(|| format!("{}: cannot create the output folder", out.display()))?;
        let listed = Listing::of_folder(out)
            .with_context(|| format!("{}: cannot list the output folder", out.display()))?;
        found.listing.extend(listed);
    }
    clean_up_after_interrupted_runs(&found.listing);
    let options = ExtractOptions {
        out_dir: args.out.clone(),
        overwrite: args.overwrite,
        force: args.force,
        machine_records: args.jsonl.is_some(),
        load: LoadOptions {
            max_bytes: args.max_size,
        },
    };

    let (articles, clashes) = without_sidecar_clashes(&found.articles, args.out.as_deref());
    failed += clashes.len();
    for clash in &clashes {
        eprintln!("error: {clash}");
    }
    let reports = extract_all(&articles, &found.listing, &options, args.jobs)?;

    let mut written = 0;
    let mut skipped = 0;
    let mut existing = Vec::new();
    for report in &reports {
        for notice in &report.notices {
            eprintln!("warning: {}: {notice}", report.article.display());
        }
        match &report.outcome {
            Ok(Outcome::Written { backup, .. }) => {
                written += 1;
                if let Some(backup) = backup {
                    eprintln!("kept the old record as {}", backup.display());
                }
            }
            Ok(Outcome::Skipped {
                sidecar, reason, ..
            }) => {
                skipped += 1;
                // A re-run over a folder meets a record for every article:
                // those are counted, and only the ones that need a person's
                // attention are named.
                if *reason == KeepReason::Exists && !args.verbose {
                    existing.push(sidecar);
                } else {
                    eprintln!("skipped {}: {reason}", sidecar.display());
                }
            }
            Err(err) => {
                failed += 1;
                eprintln!("error: {err}");
            }
        }
    }
    if let Some(first) = existing.first() {
        eprintln!("{}", existing_summary(existing.len(), first));
    }
    if let Some(jsonl) = &args.jsonl
        && let Err(err) = write_jsonl(jsonl, &reports)
    {
        failed += 1;
        eprintln!("error: {err:#}");
    }
    if found.articles.is_empty() && found.errors.is_empty() {
        eprintln!(
            "warning: no article files found (looked for .{})",
            crate::discover::ARTICLE_EXTENSIONS.join(", .")
        );
    }
    println!("{written} written, {skipped} skipped, {failed} failed");
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Removes the temporary files that killed runs (or app sessions) left in
/// the folders listed, whose writers are gone; says what it did on stderr.
fn clean_up_after_interrupted_runs(listing: &Listing) {
    let cleanup = remove_abandoned_temp_files(&listing.temp_files);
    if !cleanup.removed.is_empty() {
        eprintln!(
            "removed {} left by an interrupted run",
            crate::words::count(cleanup.removed.len(), "temporary file")
        );
    }
    for err in &cleanup.errors {
        eprintln!("warning: cannot remove a temporary file left by an interrupted run: {err}");
    }
}

/// Runs the pipeline over `articles` on a pool of `jobs` threads; reports
/// come back in the order of `articles`.
fn extract_all(
    articles: &[PathBuf],
    listing: &Listing,
    options: &ExtractOptions,
    jobs: Option<NonZeroUsize>,
) -> anyhow::Result<Vec<ArticleReport>> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.map_or(0, NonZeroUsize::get))
        .thread_name(|i| format!("extract-{i}"))
        .build()
        .context("cannot start the worker threads")?;
    let progress = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(articles.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}") {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let reports =
        pool.install(|| extract_articles(articles, listing, options, &|| progress.inc(1)));
    progress.finish_and_clear();
    Ok(reports)
}

/// Every extracted record as one JSON line, whether its sidecar was written
/// or protected, in discovery order.
fn write_jsonl(path: &std::path::Path, reports: &[ArticleReport]) -> anyhow::Result<()> {
    let mut out = String::new();
    for report in reports {
        // With `--jsonl`, every article read is extracted.
        if let Some(record) = report.outcome.as_ref().ok().and_then(Outcome::record) {
            let line = serde_json::to_string(record).with_context(|| {
                format!("{}: cannot serialise the record", report.article.display())
            })?;
            out.push_str(&line);
            out.push('\n');
        }
    }
    write_atomically(path, out.as_bytes())?;
    Ok(())
}

/// Parses a byte count such as `8388608`, `500k`, `20M` or `1G`
/// (binary multiples).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (digits, multiplier) = match s.char_indices().last() {
        Some((i, 'k' | 'K')) => (&s[..i], 1u64 << 10),
        Some((i, 'm' | 'M')) => (&s[..i], 1 << 20),
        Some((i, 'g' | 'G')) => (&s[..i], 1 << 30),
        _ => (s, 1),
    };
    digits
        .trim()
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(multiplier))
        .ok_or_else(|| format!("{s:?} is not a size in bytes (e.g. 8388608, 500k, 20M)"))
}

/// One line for the records left alone because they exist.
fn existing_summary(count: usize, first: &Path) -> String {
    let what = if count == 1 {
        format!("skipped {}", first.display())
    } else {
        format!(
            "skipped {count} existing records, such as {}",
            first.display()
        )
    };
    format!("{what}: a record already exists (use --overwrite to replace; --verbose lists each)")
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes_accept_plain_numbers_and_suffixes() {
        assert_eq!(parse_size("100"), Ok(100));
        assert_eq!(parse_size("2k"), Ok(2048));
        assert_eq!(parse_size("20M"), Ok(20 * 1024 * 1024));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("-1").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
    }
}
