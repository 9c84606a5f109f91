//! The saver thread's jobs: saves that check the sidecar did not change on
//! disk since it was read, keep a `.bak` when asked, and remove the draft
//! they make obsolete; drafts written and looked up; a sidecar re-read.

use super::worker::{WorkerMsg, load_document};
use super::workspace::DocState;
use crate::model::Record;
use crate::store::{self, DiskState, Draft};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Sender;

/// A record to write to its sidecar.
#[derive(Debug)]
pub struct SaveJob {
    pub article: PathBuf,
    pub sidecar: PathBuf,
    pub record: Record,
    pub revision: u64,
    /// The sidecar as it was read; if it is different now, nothing is
    /// written and a conflict is reported. `None`: write regardless.
    pub expected: Option<DiskState>,
    /// Copy the file being replaced to `<sidecar>.bak` first.
    pub backup: bool,
    /// The draft this save makes obsolete, removed once the save landed.
    pub draft: Option<PathBuf>,
}

/// Work for the saver thread, done in the order it was asked.
#[derive(Debug)]
pub enum SaverJob {
    Save(Box<SaveJob>),
    Draft {
        dir: PathBuf,
        draft: Box<Draft>,
    },
    FindDrafts {
        dir: PathBuf,
        articles: Vec<(PathBuf, ArticleText)>,
    },
    /// Read the article and its sidecar again ("take theirs").
    Reload {
        article: PathBuf,
    },
}

/// What identifies an article's text for its drafts: the text (hashed on
/// the saver thread), or its hash when only that is kept (a parked
/// document).
#[derive(Debug)]
pub enum ArticleText {
    Text(Arc<str>),
    Sha256(String),
}

/// What the saver tells the UI besides `WorkerMsg::Saved`.
#[derive(Debug)]
pub enum SafetyMsg {
    /// Sent just before a successful `Saved`: the sidecar now on disk.
    Stored {
        article: PathBuf,
        sidecar: PathBuf,
        disk: DiskState,
        backup: Option<PathBuf>,
    },
    /// The sidecar changed on disk since it was read: nothing was written.
    Conflict {
        article: PathBuf,
        theirs: Result<Box<Record>, String>,
    },
    DraftsFound(Vec<Draft>),
    DraftFailed(String),
    Reloaded {
        article: PathBuf,
        state: DocState,
    },
}

/// Does one job, reporting on `tx`.
pub fn run_job(job: SaverJob, tx: &Sender<WorkerMsg>) {
    let send = |m: SafetyMsg| {
        let _ = tx.send(WorkerMsg::Safety(m));
    };
    match job {
        SaverJob::Save(job) => save(*job, tx),
        SaverJob::Draft { dir, draft } => {
            if let Err(e) = store::write_draft(&dir, &draft) {
                send(SafetyMsg::DraftFailed(format!(
                    "Could not keep a draft of {}: {e}",
                    draft.article.display()
                )));
            }
        }
        SaverJob::FindDrafts { dir, articles } => {
            let keys: Vec<(PathBuf, String)> = articles
                .into_iter()
                .map(|(p, text)| match text {
                    ArticleText::Text(text) => (p, crate::text::text_sha256(&text)),
                    ArticleText::Sha256(sha) => (p, sha),
                })
                .collect();
            let found = store::find_drafts(&dir, &keys);
            if !found.is_empty() {
                send(SafetyMsg::DraftsFound(found));
            }
        }
        SaverJob::Reload { article } => {
            let state = load_document(&article);
            send(SafetyMsg::Reloaded { article, state });
        }
    }
}

fn save(job: SaveJob, tx: &Sender<WorkerMsg>) {
    let saved = |result: Result<(), String>| {
        let _ = tx.send(WorkerMsg::Saved {
            article: job.article.clone(),
            revision: job.revision,
            result,
        });
    };
    if let Some(expected) = &job.expected {
        match store::disk_state(&job.sidecar) {
            Ok(now) if now != *expected => {
                let theirs = store::read_record(&job.sidecar)
                    .map(Box::new)
                    .map_err(|e| e.to_string());
                let _ = tx.send(WorkerMsg::Safety(SafetyMsg::Conflict {
                    article: job.article.clone(),
                    theirs,
                }));
                return;
            }
            Ok(_) => {}
            Err(e) => return saved(Err(e.to_string())),
        }
    }
    let mut backup = None;
    if job.backup && job.sidecar.exists() {
        let bak = store::backup_path(&job.sidecar);
        if let Err(e) = std::fs::copy(&job.sidecar, &bak) {
            return saved(Err(format!(
                "{}: cannot keep the old record as {}: {e}",
                job.sidecar.display(),
                bak.display()
            )));
        }
        backup = Some(bak);
    }
    let json = store::record_to_json(&job.record);
    if let Err(e) = store::write_atomically(&job.sidecar, json.as_bytes()) {
        return saved(Err(e.to_string()));
    }
    if let Some(draft) = &job.draft {
        // A stale draft is only offered back, never applied unasked.
        let _ = store::remove_draft(draft);
    }
    let _ = tx.send(WorkerMsg::Safety(SafetyMsg::Stored {
        article: job.article.clone(),
        sidecar: job.sidecar.clone(),
        disk: DiskState::of_bytes(json.as_bytes()),
        backup,
    }));
    saved(Ok(()));
}
