//! Slow work off the UI thread: a loader that discovers, reads and extracts
//! articles (or reads their sidecars), and a saver that writes records.
//! Both report over one channel and wake the UI with `request_repaint`.

pub use super::saver::{SafetyMsg, SaveJob, SaverJob};
use super::workspace::{DocState, History, LoadedDoc};
use crate::model::Record;
use crate::text::{LoadOptions, OffsetMap};
use crate::{discover, extract, store, text};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

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
    /// Articles extracted again and merged (`reextract`).
    Reextracted {
        job: u64,
        results: Vec<super::reextract::ReextractResult>,
    },
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

    /// Extracts `items` again on a thread of their own; the merges arrive
    /// as `WorkerMsg::Reextracted` with the returned job number.
    pub fn reextract(
        &mut self,
        items: Vec<super::reextract::ReextractItem>,
    ) -> Result<u64, String> {
        self.next_job += 1;
        let job = self.next_job;
        let (tx, waker, options) = (self.tx.clone(), self.waker.clone(), self.load_options);
        std::thread::Builder::new()
            .name("re-extract".into())
            .spawn(move || {
                let results = super::reextract::reextract_all(items, &options);
                let _ = tx.send(WorkerMsg::Reextracted { job, results });
                waker();
            })
            .map_err(|e| format!("cannot start the extractor thread: {e}"))?;
        Ok(job)
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
    wake: &dyn Fn(),
    cancel: &AtomicBool,
) {
    let found = discover::discover_articles(paths);
    let errors = found.errors.iter().map(|e| e.to_string()).collect();
    let articles = found.articles;
    let _ = tx.send(WorkerMsg::Discovered {
        job,
        paths: articles.clone(),
        errors,
    });
    wake();
    let mut batch = Vec::new();
    let mut last_send = Instant::now();
    for (i, path) in articles.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            return;
        }
        batch.push((i, load_document_with(path, options)));
        // The first article goes at once so it can be shown; then batches.
        if i == 0 || batch.len() >= 256 || last_send.elapsed() > Duration::from_millis(50) {
            let _ = tx.send(WorkerMsg::Loaded {
                job,
                batch: std::mem::take(&mut batch),
            });
            wake();
            last_send = Instant::now();
        }
    }
    if !batch.is_empty() {
        let _ = tx.send(WorkerMsg::Loaded { job, batch });
    }
    let _ = tx.send(WorkerMsg::Finished { job });
    wake();
}

/// Reads one article and its record: the sidecar when there is one (noting
/// when it was made for another version of the text), else a fresh
/// extraction. Never panics on a strange file.
pub fn load_document(path: &Path) -> DocState {
    load_document_with(path, &LoadOptions::default())
}

/// [`load_document`] with the given reading options.
pub fn load_document_with(path: &Path, options: &LoadOptions) -> DocState {
    let article = match text::load_article(path, options) {
        Ok(a) => a,
        Err(e) => return DocState::Failed(e.to_string()),
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text: Arc<str> = Arc::from(article.text.as_str());
    let machine = {
        let text = text.clone();
        let name = file_name.clone();
        std::panic::catch_unwind(move || extract::extract_record(&text, &name)).ok()
    };
    let mut notices: Vec<String> = article
        .notices
        .iter()
        .map(|n| format!("{}: {n}", path.display()))
        .collect();
    let sidecar = store::sidecar_path(path, None);
    let opened = open_sidecar(&sidecar, &article, &file_name);
    notices.extend(opened.notices);
    let (record, saved_revision) = match opened.record {
        Some(r) => (r, Some(0)),
        None => (fresh_record(machine.as_ref(), &text, &file_name), None),
    };
    if machine.is_none() {
        notices.push(format!(
            "{}: the extractor failed on this text; fill the record by hand",
            path.display()
        ));
    }
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
        read_only_details: opened.read_only_details,
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
    /// The full error behind `read_only`, for the banner's hover.
    read_only_details: Option<String>,
    disk: store::DiskState,
}

/// Reads the sidecar of `article`. A record this version cannot read, or
/// one that does not fit the article, opens read-only so that saving can
/// never replace it unasked; one made for another version of the text opens
/// with a warning listing the evidence that no longer fits.
fn open_sidecar(sidecar: &Path, article: &text::Article, file_name: &str) -> OpenedSidecar {
    let mut opened = OpenedSidecar {
        record: None,
        notices: Vec::new(),
        read_only: None,
        read_only_details: None,
        disk: store::DiskState::Missing,
    };
    let present = std::fs::symlink_metadata(sidecar).is_ok();
    if !present {
        return opened;
    }
    opened.disk = match store::disk_state(sidecar) {
        Ok(d) => d,
        Err(e) => {
            opened.read_only = Some(read_only_banner(sidecar, &e.reason()));
            opened.read_only_details = Some(e.to_string());
            return opened;
        }
    };
    let read = match store::read_record_with_warnings(sidecar) {
        Ok(read) => read,
        Err(e) => {
            opened.read_only = Some(read_only_banner(sidecar, &e.reason()));
            opened.read_only_details = Some(e.to_string());
            return opened;
        }
    };
    for warning in &read.warnings {
        opened.notices.push(format!(
            "{}: {warning} (saving will drop it)",
            sidecar.display()
        ));
    }
    let fit = store::check_fit(&read.record, &article.text, file_name);
    if !fit.blocking.is_empty() {
        let why = fit.blocking.join("; ");
        opened.read_only = Some(read_only_banner(sidecar, &why));
        opened.read_only_details = Some(format!("{}: {why}", sidecar.display()));
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
    opened.record = Some(read.record);
    opened
}

/// The banner names the record file, not its folder: the status bar shows
/// where the article is, and the full path is in the banner's hover.
fn read_only_banner(sidecar: &Path, why: &str) -> String {
    let name = sidecar
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| sidecar.display().to_string());
    format!(
        "Read-only: {name} is kept as it is because {why}. Showing a fresh \
         extraction; \"Replace with a new record\" saves it (the old file is kept as .bak)."
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
