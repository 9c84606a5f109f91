//! Slow work off the UI thread: a loader that discovers, reads and extracts
//! articles (or reads their sidecars), and a saver that writes records.
//! Both report over one channel and wake the UI with `request_repaint`.

pub use super::saver::{SafetyMsg, SaveJob, SaverJob};
use super::workspace::{DocState, History, LoadedDoc};
use crate::model::Record;
use crate::text::{LoadOptions, OffsetMap};
use crate::{discover, pipeline, store, text};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

/// What the workers tell the UI.
#[derive(Debug)]
pub enum WorkerMsg {
    /// The article files under the opened paths, in queue order.
    Discovered {
        job: u64,
        paths: Vec<PathBuf>,
        errors: Vec<String>,
    },
    /// Documents read, by index into the discovered paths.
    Loaded {
        job: u64,
        batch: Vec<(usize, DocState)>,
    },
    Finished {
        job: u64,
    },
    Saved {
        article: PathBuf,
        revision: u64,
        result: Result<(), String>,
    },
    /// Conflicts, drafts, backups and reloads (`saver`).
    Safety(SafetyMsg),
}

/// Something that can be woken when a message is sent (the egui context in
/// the app; nothing in tests of the worker alone).
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// The two worker threads and the channel they report on.
pub struct Workers {
    pub rx: Receiver<WorkerMsg>,
    tx: Sender<WorkerMsg>,
    save_tx: Option<Sender<SaverJob>>,
    waker: Waker,
    cancel: Arc<AtomicBool>,
    next_job: u64,
    /// How articles are read (the size cap can be raised with `--max-size`).
    pub load_options: LoadOptions,
}

impl Workers {
    pub fn new(waker: Waker) -> Self {
        let (tx, rx) = channel();
        let (save_tx, save_rx) = channel::<SaverJob>();
        let saver_tx = tx.clone();
        let saver_waker = waker.clone();
        let spawned = std::thread::Builder::new()
            .name("record-saver".into())
            .spawn(move || {
                for job in save_rx {
                    super::saver::run_job(job, &saver_tx);
                    saver_waker();
                }
            });
        Workers {
            rx,
            tx,
            save_tx: spawned.is_ok().then_some(save_tx),
            waker,
            cancel: Arc::new(AtomicBool::new(false)),
            next_job: 0,
            load_options: LoadOptions::default(),
        }
    }

    /// Starts loading `paths`, cancelling any load under way. Returns the
    /// job number its messages carry.
    pub fn open(&mut self, paths: Vec<PathBuf>) -> u64 {
        self.cancel.store(true, Ordering::Relaxed);
        self.cancel = Arc::new(AtomicBool::new(false));
        self.next_job += 1;
        let job = self.next_job;
        let (tx, waker, cancel) = (self.tx.clone(), self.waker.clone(), self.cancel.clone());
        let options = self.load_options;
        let spawned = std::thread::Builder::new()
            .name("article-loader".into())
            .spawn(move || load_all(job, &paths, &options, &tx, &*waker, &cancel));
        if let Err(e) = spawned {
            let _ = self.tx.send(WorkerMsg::Discovered {
                job,
                paths: Vec::new(),
                errors: vec![format!("cannot start the loader: {e}")],
            });
            let _ = self.tx.send(WorkerMsg::Finished { job });
        }
        job
    }

    /// Queues a save; the result arrives as `WorkerMsg::Saved`.
    pub fn save(&self, job: SaveJob) -> Result<(), String> {
        let article = job.article.clone();
        self.send_to_saver(SaverJob::Save(Box::new(job)))
            .map_err(|e| format!("{}: {e}", article.display()))
    }

    /// Queues other work for the saver thread (drafts, reloads).
    pub fn send_to_saver(&self, job: SaverJob) -> Result<(), String> {
        match &self.save_tx {
            Some(tx) => tx
                .send(job)
                .map_err(|_| "the saver has stopped".to_string()),
            None => Err("the saver could not start".to_string()),
        }
    }
}

fn load_all(
    job: u64,
    paths: &[PathBuf],
    options: &LoadOptions,
    tx: &Sender<WorkerMsg>,
    wake: &(dyn Fn() + Sync),
    cancel: &AtomicBool,
) {
    let found = discover::discover_articles(paths);
    let mut errors: Vec<String> = found.errors.iter().map(|e| e.to_string()).collect();
    let cleanup = store::remove_abandoned_temp_files(&found.listing.temp_files);
    errors.extend(
        cleanup
            .errors
            .iter()
            .map(|e| format!("Cannot remove a temporary file left by an interrupted save: {e}")),
    );
    let articles = found.articles;
    let listing = found.listing;
    let _ = tx.send(WorkerMsg::Discovered {
        job,
        paths: articles.clone(),
        errors,
    });
    wake();
    let load = |i: usize| {
        let path = &articles[i];
        let sidecar = store::sidecar_path(path, None);
        let listed = listing.has_sidecar(&sidecar);
        (i, load_document_listed(path, sidecar, listed, options))
    };
    // The first article goes at once, so that it can be shown.
    if articles.is_empty() || cancel.load(Ordering::Relaxed) {
        let _ = tx.send(WorkerMsg::Finished { job });
        wake();
        return;
    }
    let _ = tx.send(WorkerMsg::Loaded {
        job,
        batch: vec![load(0)],
    });
    wake();
    // The rest on every core, in chunks reported as each is done.
    let indices: Vec<usize> = (1..articles.len()).collect();
    indices.par_chunks(LOAD_CHUNK).for_each(|chunk| {
        if cancel.load(Ordering::Relaxed) {
            return;
        }
        let batch: Vec<(usize, DocState)> = chunk.iter().map(|&i| load(i)).collect();
        let _ = tx.send(WorkerMsg::Loaded { job, batch });
        wake();
    });
    if !cancel.load(Ordering::Relaxed) {
        let _ = tx.send(WorkerMsg::Finished { job });
        wake();
    }
}

/// Articles read and extracted together by one core before they are sent
/// to the UI: small enough for steady progress, large enough that the UI is
/// not woken for every article.
const LOAD_CHUNK: usize = 64;

/// Reads one article and its record: the sidecar when there is one (noting
/// when it was made for another version of the text), else a fresh
/// extraction. Never panics on a strange file.
pub fn load_document(path: &Path) -> DocState {
    load_document_with(path, &LoadOptions::default())
}

/// [`load_document`] with the given reading options.
pub fn load_document_with(path: &Path, options: &LoadOptions) -> DocState {
    load_document_listed(path, store::sidecar_path(path, None), None, options)
}

/// [`load_document_with`], where a folder listing already said whether the
/// sidecar is there (`None`: not known).
fn load_document_listed(
    path: &Path,
    sidecar: PathBuf,
    listed: Option<bool>,
    options: &LoadOptions,
) -> DocState {
    let read = match pipeline::read_article(path, sidecar, listed, options) {
        Ok(read) => read,
        Err(e) => return DocState::Failed(e.to_string()),
    };
    let pipeline::ReadArticle {
        article,
        machine,
        sidecar,
        existing,
    } = read;
    let file_name = pipeline::article_file_name(path);
    let mut notices: Vec<String> = article
        .notices
        .iter()
        .map(|n| format!("{}: {n}", path.display()))
        .collect();
    let machine = match machine {
        Ok(record) => Some(record),
        Err(e) => {
            notices.push(format!("{e}. Fill the record by hand"));
            None
        }
    };
    let opened = open_sidecar(&sidecar, existing, &article, &file_name);
    notices.extend(opened.notices);
    let (record, saved_revision) = match opened.record {
        Some(r) => (r, Some(0)),
        None => (
            fresh_record(machine.as_ref(), &article.text, &file_name),
            None,
        ),
    };
    let text: Arc<str> = Arc::from(article.text);
    DocState::Ready(Box::new(LoadedDoc {
        offsets: Arc::new(OffsetMap::new(&text)),
        text,
        record,
        machine,
        history: History::default(),
        revision: 0,
        saved_revision,
        saving: None,
        notices,
        save_error: None,
        read_only: opened.read_only,
        disk: opened.disk,
        sidecar,
    }))
}

fn fresh_record(machine: Option<&Record>, text: &str, file_name: &str) -> Record {
    match machine {
        Some(m) => m.clone(),
        None => Record::empty(crate::model::Source {
            path: file_name.to_string(),
            text_sha256: text::text_sha256(text),
            chars: text.chars().count(),
        }),
    }
}

/// What was found beside an article.
struct OpenedSidecar {
    /// The record to show; `None`: show a fresh extraction.
    record: Option<Record>,
    notices: Vec<String>,
    /// Why the article must not be edited or saved (the banner's text).
    read_only: Option<String>,
    disk: store::DiskState,
}

/// Takes what was found at the sidecar of `article`. A record this
/// version cannot read, or one that does not fit the article, opens
/// read-only so that saving can never replace it unasked; one made for
/// another version of the text opens with a warning listing the evidence
/// that no longer fits.
fn open_sidecar(
    sidecar: &Path,
    existing: store::ExistingSidecar,
    article: &text::Article,
    file_name: &str,
) -> OpenedSidecar {
    let mut opened = OpenedSidecar {
        record: None,
        notices: Vec::new(),
        read_only: None,
        disk: store::DiskState::Missing,
    };
    let parsed = match existing {
        store::ExistingSidecar::Missing => return opened,
        store::ExistingSidecar::Broken { error, bytes } => {
            if let Some(bytes) = bytes {
                opened.disk = store::DiskState::of_bytes(&bytes);
            }
            opened.read_only = Some(read_only_banner(sidecar, &error.to_string()));
            return opened;
        }
        store::ExistingSidecar::Parsed(parsed) => parsed,
    };
    opened.disk = store::DiskState::of_bytes(&parsed.bytes);
    for warning in &parsed.warnings {
        opened.notices.push(format!(
            "{}: {warning} (saving will drop it)",
            sidecar.display()
        ));
    }
    let fit = store::check_fit(&parsed.record, &article.text, file_name);
    if !fit.blocking.is_empty() {
        opened.read_only = Some(read_only_banner(sidecar, &fit.blocking.join("; ")));
    } else if fit.text_changed {
        let mut notice = format!(
            "{}: the record was made for a different version of this text; \
             its evidence may point at the wrong words",
            sidecar.display()
        );
        if !fit.stale_evidence.is_empty() {
            notice.push_str(". No longer fits: ");
            notice.push_str(&fit.stale_evidence.join("; "));
        }
        opened.notices.push(notice);
    }
    opened.record = Some(parsed.record);
    opened
}

fn read_only_banner(sidecar: &Path, why: &str) -> String {
    format!(
        "Read-only: the record file {} is kept as it is because {why}. \
         Showing a fresh extraction; use \"Replace with a new record\" to save it \
         (the old file is kept as .bak).",
        sidecar.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_size_cap_is_the_one_the_app_was_started_with() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("long.txt");
        let text = "Inspectors rated the council's children's services good.\n".repeat(40);
        std::fs::write(&path, &text).expect("write article");

        let small = LoadOptions { max_bytes: 100 };
        match load_document_with(&path, &small) {
            DocState::Failed(message) => {
                assert!(message.contains("long.txt"), "{message}");
                assert!(message.contains("--max-size"), "{message}");
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
        let raised = LoadOptions {
            max_bytes: text.len() as u64,
        };
        assert!(matches!(
            load_document_with(&path, &raised),
            DocState::Ready(_)
        ));
    }
}
