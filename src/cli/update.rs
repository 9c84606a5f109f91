//! `ofsted-curator extract --update`: extract articles again and merge the
//! new machine values into their records, keeping every human decision;
//! print what changed.

use super::extract::ExtractArgs;
use crate::discover::discover_articles;
use crate::merge::{ChangeKind, MergeSummary};
use crate::update::{UpdateOptions, UpdateOutcome, UpdateReport, update_article};
use anyhow::Context as _;
use rayon::prelude::*;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The totals printed at the end.
#[derive(Debug, Default)]
struct Totals {
    changed: usize,
    unchanged: usize,
    created: usize,
    failed: usize,
    updated: usize,
    kept: usize,
    added: usize,
    removed: usize,
    conflicts: usize,
}

pub fn run(args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    let found = discover_articles(&args.paths);
    let mut totals = Totals {
        failed: found.errors.len(),
        ..Totals::default()
    };
    for err in &found.errors {
        eprintln!("error: {err}");
    }
    let options = UpdateOptions {
        out_dir: args.out.clone(),
        dry_run: args.dry_run,
        load: crate::text::LoadOptions {
            max_bytes: args.max_size,
        },
    };
    let (articles, clashes) =
        crate::pipeline::without_sidecar_clashes(&found.articles, args.out.as_deref());
    totals.failed += clashes.len();
    for clash in &clashes {
        eprintln!("error: {clash}");
    }
    for report in update_all(&articles, &options, args.jobs)? {
        print_report(&report, options.dry_run, &mut totals);
    }
    if found.articles.is_empty() && found.errors.is_empty() {
        eprintln!("warning: no article files found");
    }
    let t = &totals;
    println!(
        "{}{} records changed, {} unchanged, {} new; values: {} updated, {} kept, {} added, \
         {} removed, {} conflicts; {} failed",
        if options.dry_run {
            "dry run, nothing written: "
        } else {
            ""
        },
        t.changed,
        t.unchanged,
        t.created,
        t.updated,
        t.kept,
        t.added,
        t.removed,
        t.conflicts,
        t.failed
    );
    Ok(if t.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Updates `articles` on a pool of `jobs` threads; reports come back in
/// the order of `articles`.
fn update_all(
    articles: &[PathBuf],
    options: &UpdateOptions,
    jobs: Option<NonZeroUsize>,
) -> anyhow::Result<Vec<UpdateReport>> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.map_or(0, NonZeroUsize::get))
        .thread_name(|i| format!("update-{i}"))
        .build()
        .context("cannot start the worker threads")?;
    Ok(pool.install(|| {
        articles
            .par_iter()
            .map(|path| update_article(path, options))
            .collect()
    }))
}

fn print_report(report: &UpdateReport, dry_run: bool, totals: &mut Totals) {
    for notice in &report.notices {
        eprintln!("warning: {}: {notice}", report.article.display());
    }
    match &report.outcome {
        Err(err) => {
            totals.failed += 1;
            eprintln!("error: {err}");
        }
        Ok(UpdateOutcome::Created { sidecar, .. }) => {
            totals.created += 1;
            let verb = if dry_run { "would write" } else { "wrote" };
            println!("{}: no record yet; {verb} a new one", sidecar.display());
        }
        Ok(UpdateOutcome::Merged {
            sidecar,
            merged,
            backup,
        }) => {
            let s = &merged.summary;
            totals.updated += s.count(ChangeKind::Updated);
            totals.kept += s.count(ChangeKind::Kept);
            totals.added += s.count(ChangeKind::Added);
            totals.removed += s.count(ChangeKind::Removed);
            totals.conflicts += s.count(ChangeKind::Conflict);
            if merged.changed {
                totals.changed += 1;
            } else {
                totals.unchanged += 1;
            }
            if merged.changed || s.count(ChangeKind::Conflict) > 0 {
                print_summary(sidecar, s);
            }
            if let Some(backup) = backup {
                eprintln!(
                    "{}: holds fields this version does not know; the old file is kept as {}",
                    sidecar.display(),
                    backup.display()
                );
            }
        }
    }
}

/// One record's changes: a line of counts, then each change but those kept.
fn print_summary(sidecar: &Path, s: &MergeSummary) {
    println!(
        "{}: {} updated, {} added, {} removed, {} kept, {} conflicts",
        sidecar.display(),
        s.count(ChangeKind::Updated),
        s.count(ChangeKind::Added),
        s.count(ChangeKind::Removed),
        s.count(ChangeKind::Kept),
        s.count(ChangeKind::Conflict),
    );
    if let Some((old, new)) = &s.status {
        println!("  status: {} -> {}", old.label(), new.label());
    }
    for change in s.changes.iter().filter(|c| c.kind != ChangeKind::Kept) {
        let note = match change.kind {
            ChangeKind::Conflict => " (no longer proposed; kept for a decision)",
            ChangeKind::StillRejected => " (rejected by a person; left out)",
            _ => "",
        };
        println!("  {change}{note}");
    }
}
