//! Extracting many articles: read and extract in parallel on the current
//! rayon pool, while one committer thread lands the records in durable
//! batches, so that the disk is flushed a few times a run rather than twice
//! an article.

use super::{
    ArticleReport, ExtractOptions, Outcome, PipelineError, Planned, ReadArticle, kept_unread,
    plan_write, read_unextracted,
};
use crate::discover::Listing;
use crate::store::{BatchEntry, CommitError, Folders, KeepReason, commit_batch, sidecar_path};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, sync_channel};
use std::time::Duration;

/// Records made durable together. Each waits with its temporary file
/// open, so with the queue in front of the committer (as many again) and
/// the chunks being prepared, about twice this many files are open at
/// once.
pub const BATCH_SIZE: usize = 256;

/// Most articles prepared one after another on a thread and sent to the
/// committer together: a message per article woke the committer (a futex
/// call and two context switches) once per article.
const MOST_SENT_TOGETHER: usize = 32;

/// How many articles of `count` to send to the committer together: up to
/// `MOST_SENT_TOGETHER`, and few enough that every thread of the pool has
/// several chunks to take, so that a small folder is still shared out.
fn send_chunk(count: usize) -> usize {
    const CHUNKS_PER_THREAD: usize = 16;
    (count / (rayon::current_num_threads() * CHUNKS_PER_THREAD)).clamp(1, MOST_SENT_TOGETHER)
}

/// How long a partial batch waits for more before it is committed anyway,
/// so that a slow article does not hold back the others' progress.
const BATCH_WAIT: Duration = Duration::from_millis(100);

/// One article on its way to the committer.
struct Prepared {
    index: usize,
    report: ArticleReport,
    /// The write to commit; `report.outcome` is then the outcome once it lands.
    entry: Option<BatchEntry>,
}

/// Extracts `articles` and saves their records as the protection rules
/// allow, reading and extracting on the current rayon pool. `listing` says
/// which records exist already (folders it does not cover are looked at).
/// `done` is called once per article as its outcome becomes final. Reports
/// come back in the order of `articles`; a record reported written is on
/// disk.
pub fn extract_articles(
    articles: &[PathBuf],
    listing: &Listing,
    options: &ExtractOptions,
    done: &(dyn Fn() + Sync),
) -> Vec<ArticleReport> {
    let chunk_size = send_chunk(articles.len());
    let (tx, rx) = sync_channel::<Vec<Prepared>>(BATCH_SIZE.div_ceil(chunk_size));
    std::thread::scope(|scope| {
        let committer = std::thread::Builder::new()
            .name("record-committer".into())
            .spawn_scoped(scope, || commit_all(rx, articles.len(), done));
        let committer = match committer {
            Ok(handle) => handle,
            // No thread to spare: prepare and commit one at a time here.
            Err(_) => {
                return articles
                    .iter()
                    .enumerate()
                    .map(|(index, path)| {
                        let prepared = prepare(index, path, listing, options);
                        let mut reports = vec![None];
                        commit(
                            vec![Prepared {
                                index: 0,
                                ..prepared
                            }],
                            &mut reports,
                            &mut Folders::default(),
                        );
                        done();
                        reports.pop().flatten().unwrap_or_else(|| lost(path))
                    })
                    .collect();
            }
        };
        if any_to_extract(articles, listing, options) {
            crate::extract::warm_up();
        }
        articles
            .par_chunks(chunk_size)
            .enumerate()
            .for_each_with(tx, |tx, (chunk, paths)| {
                let first = chunk * chunk_size;
                let prepared = (first..)
                    .zip(paths)
                    .map(|(index, path)| prepare(index, path, listing, options))
                    .collect();
                // The committer only stops early by panicking, which the
                // join below passes on.
                let _ = tx.send(prepared);
            });
        let reports = match committer.join() {
            Ok(reports) => reports,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        reports
            .into_iter()
            .zip(articles)
            .map(|(report, path)| report.unwrap_or_else(|| lost(path)))
            .collect()
    })
}

/// Extracts one article and saves its record (see [`extract_articles`]).
pub fn extract_article(path: &Path, options: &ExtractOptions) -> ArticleReport {
    let mut reports = extract_articles(&[path.to_path_buf()], &Listing::default(), options, &|| {});
    reports.pop().unwrap_or_else(|| lost(path))
}

/// A report that never came back: only a bug in this module can cause it.
fn lost(path: &Path) -> ArticleReport {
    ArticleReport {
        article: path.to_path_buf(),
        notices: Vec::new(),
        outcome: Err(PipelineError::ExtractorPanicked {
            path: path.to_path_buf(),
            message: "the article's result was lost".to_string(),
        }),
    }
}

/// Whether any of `articles` may be extracted: all but those whose record
/// the listing saw and that is kept whatever the extractor says
/// (`kept_unread`). A run over a curated folder then compiles no rules.
fn any_to_extract(articles: &[PathBuf], listing: &Listing, options: &ExtractOptions) -> bool {
    options.extracts_every_article()
        || articles.iter().any(|path| {
            listing.has_sidecar(&sidecar_path(path, options.out_dir.as_deref())) != Some(true)
        })
}

/// Reads one article, and extracts and stages its record unless the
/// record there is kept whatever the extractor says.
fn prepare(index: usize, path: &Path, listing: &Listing, options: &ExtractOptions) -> Prepared {
    let sidecar = sidecar_path(path, options.out_dir.as_deref());
    let listed = listing.has_sidecar(&sidecar);
    let mut notices = Vec::new();
    let mut entry = None;
    let outcome = read_unextracted(path, &sidecar, listed, &options.load)
        .and_then(|(article, existing)| {
            notices = article.notices.clone();
            if let Some(reason) = kept_unread(&existing, options) {
                return Ok(Planned::Keep {
                    reason,
                    record: None,
                });
            }
            plan_write(
                ReadArticle::extracted(article, sidecar.clone(), existing),
                options,
            )
        })
        .map(|planned| match planned {
            Planned::Keep { reason, record } => Outcome::Skipped {
                sidecar,
                reason,
                record: record.filter(|_| options.machine_records),
            },
            Planned::Write {
                entry: staged,
                record,
                backup,
            } => {
                entry = Some(staged);
                Outcome::Written {
                    sidecar,
                    record: Some(record).filter(|_| options.machine_records),
                    backup,
                }
            }
        });
    Prepared {
        index,
        report: ArticleReport {
            article: path.to_path_buf(),
            notices,
            outcome,
        },
        entry,
    }
}

/// The committer: gathers prepared articles into batches and lands them.
fn commit_all(
    rx: Receiver<Vec<Prepared>>,
    count: usize,
    done: &(dyn Fn() + Sync),
) -> Vec<Option<ArticleReport>> {
    let mut reports: Vec<Option<ArticleReport>> = (0..count).map(|_| None).collect();
    let mut folders = Folders::default();
    let mut batch = Vec::with_capacity(BATCH_SIZE);
    let mut open = true;
    while open {
        let first = if batch.is_empty() {
            rx.recv().map_err(|_| RecvTimeoutError::Disconnected)
        } else {
            rx.recv_timeout(BATCH_WAIT)
        };
        let mut waited_long_enough = false;
        match first {
            Ok(prepared) => batch.extend(prepared),
            Err(RecvTimeoutError::Timeout) => waited_long_enough = true,
            Err(RecvTimeoutError::Disconnected) => open = false,
        }
        if batch.len() >= BATCH_SIZE || !open || waited_long_enough {
            let landed = batch.len();
            commit(std::mem::take(&mut batch), &mut reports, &mut folders);
            for _ in 0..landed {
                done();
            }
        }
    }
    reports
}

/// Lands one batch and puts each article's final report in its place.
fn commit(batch: Vec<Prepared>, reports: &mut [Option<ArticleReport>], folders: &mut Folders) {
    let mut waiting = Vec::new();
    let mut entries = Vec::new();
    for prepared in batch {
        match prepared.entry {
            Some(entry) => {
                entries.push(entry);
                waiting.push((prepared.index, prepared.report));
            }
            None => put(reports, prepared.index, prepared.report),
        }
    }
    let results = commit_batch(entries, folders);
    for ((index, mut report), result) in waiting.into_iter().zip(results) {
        match result {
            Ok(()) => {}
            Err(CommitError::Appeared(_)) => {
                if let Ok(Outcome::Written {
                    sidecar, record, ..
                }) = report.outcome
                {
                    report.outcome = Ok(Outcome::Skipped {
                        sidecar,
                        reason: KeepReason::Appeared,
                        record,
                    });
                }
            }
            Err(CommitError::Store(e)) => report.outcome = Err(e.into()),
        }
        put(reports, index, report);
    }
}

fn put(reports: &mut [Option<ArticleReport>], index: usize, report: ArticleReport) {
    if let Some(slot) = reports.get_mut(index) {
        *slot = Some(report);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discover::discover_articles;

    #[test]
    fn small_folders_are_shared_out_and_large_ones_sent_in_chunks() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .expect("a pool");
        pool.install(|| {
            assert_eq!(send_chunk(0), 1);
            assert_eq!(send_chunk(10), 1);
            assert_eq!(send_chunk(100), 3);
            assert_eq!(send_chunk(2_000), MOST_SENT_TOGETHER);
            assert_eq!(send_chunk(1_000_000), MOST_SENT_TOGETHER);
        });
    }

    #[test]
    fn rules_are_warmed_up_only_where_an_article_may_be_extracted() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        for name in ["a.txt", "b.txt"] {
            std::fs::write(dir.path().join(name), "Some article text.\n").expect("an article");
        }
        let folder = vec![dir.path().to_path_buf()];
        let options = ExtractOptions::default();
        let found = discover_articles(&folder);
        assert!(any_to_extract(&found.articles, &found.listing, &options));

        // Every record there: a re-run keeps them all and extracts none.
        for name in ["a.txt", "b.txt"] {
            let sidecar = sidecar_path(&dir.path().join(name), None);
            std::fs::write(sidecar, "{}").expect("a record");
        }
        let found = discover_articles(&folder);
        assert_eq!(found.articles.len(), 2);
        assert!(!any_to_extract(&found.articles, &found.listing, &options));
        let overwrite = ExtractOptions {
            overwrite: true,
            ..ExtractOptions::default()
        };
        assert!(any_to_extract(&found.articles, &found.listing, &overwrite));
        // Files named outside a listed folder may be extracted.
        let files: Vec<PathBuf> = found.articles.clone();
        assert!(any_to_extract(&files, &Listing::default(), &options));
    }
}
