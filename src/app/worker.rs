//! Slow work off the UI thread: a loader that discovers, reads and extracts
//! articles (or reads their sidecars) on every core, a reader that reads a
//! parked article again when it is viewed, and a saver that writes records.
//! All report over one channel and wake the UI with `request_repaint`.

use super::document::read_document;
pub use super::document::{load_document, load_document_listed, load_document_with};
pub use super::saver::{SafetyMsg, SaveJob, SaverJob};
use super::workspace::DocState;
use crate::text::LoadOptions;
use crate::{discover, pipeline, store};
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
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
    /// A parked document read again (`Workers::read_again`).
    ReadAgain {
        job: u64,
        index: usize,
        article: PathBuf,
        state: DocState,
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
    /// The other folder of a compare read (`compare`).
    Compared {
        job: u64,
        loaded: Box<super::compare::CompareLoaded>,
    },
}

/// Something that can be woken when a message is sent (the egui context in
/// the app; nothing in tests of the worker alone).
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// Wakes `ctx` for one frame. egui draws two frames for a repaint asked
/// for at once (to let widgets that answer a frame late settle) and one
/// for a repaint asked for after a delay; a message from a worker needs
/// one, and a second draw of the whole window costs the cores the loader
/// is using.
pub fn waker_for(ctx: &egui::Context) -> Waker {
    let ctx = ctx.clone();
    Arc::new(move || ctx.request_repaint_after(Duration::from_millis(1)))
}

/// The pool the loader and the app's other background work run on, its
/// threads below the UI thread's priority: with two cores, a load would
/// otherwise take turns with the UI thread and the software renderer, and
/// the window would answer a key late while articles stream in. A lower
/// priority takes nothing from the load while the UI is idle.
pub fn background_pool() -> rayon::ThreadPoolBuilder {
    rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("background-{i}"))
        .start_handler(|_| yield_to_the_ui())
}

/// How many steps of niceness background threads sit below the UI thread.
const BACKGROUND_NICENESS: i32 = 10;

/// Lowers the calling thread's priority by [`BACKGROUND_NICENESS`].
#[cfg(target_os = "linux")]
fn yield_to_the_ui() {
    use rustix::process::{getpriority_process, setpriority_process};
    // On Linux the nice value belongs to the calling thread alone (elsewhere
    // it is the whole process's, the UI thread's too). Failing leaves the
    // thread as it was, which is only slower to answer.
    if let Ok(now) = getpriority_process(None) {
        let _ = setpriority_process(None, (now + BACKGROUND_NICENESS).min(19));
    }
}

#[cfg(not(target_os = "linux"))]
fn yield_to_the_ui() {}

/// How many bytes of open documents (text, records, highlights) a load
/// keeps in memory; the documents past it are parked, and read again when
/// they are viewed. Reading one again takes about a millisecond. 8 MB
/// holds a few hundred ordinary articles (16 MB held some 9 MB more
/// resident in a 10,000-article folder, for documents nobody had viewed).
pub const RESIDENT_BUDGET: usize = 8 << 20;

/// The worker threads and the channel they report on.
pub struct Workers {
    pub rx: Receiver<WorkerMsg>,
    tx: Sender<WorkerMsg>,
    save_tx: Option<Sender<SaverJob>>,
    read_tx: Option<Sender<ReadAgain>>,
    waker: Waker,
    cancel: Arc<AtomicBool>,
    next_job: u64,
    /// How articles are read (the size cap can be raised with `--max-size`).
    pub load_options: LoadOptions,
    /// Bytes of open documents a load keeps; see [`RESIDENT_BUDGET`].
    pub resident_budget: usize,
}

/// A parked document to read again.
struct ReadAgain {
    job: u64,
    index: usize,
    article: PathBuf,
    sidecar: PathBuf,
    options: LoadOptions,
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
        let (read_tx, read_rx) = channel::<ReadAgain>();
        let reader_tx = tx.clone();
        let reader_waker = waker.clone();
        let reader = std::thread::Builder::new()
            .name("article-reader".into())
            .spawn(move || {
                for r in read_rx {
                    let state = load_document_listed(&r.article, r.sidecar, None, &r.options);
                    let _ = reader_tx.send(WorkerMsg::ReadAgain {
                        job: r.job,
                        index: r.index,
                        article: r.article,
                        state,
                    });
                    reader_waker();
                }
            });
        Workers {
            rx,
            tx,
            save_tx: spawned.is_ok().then_some(save_tx),
            read_tx: reader.is_ok().then_some(read_tx),
            waker,
            cancel: Arc::new(AtomicBool::new(false)),
            next_job: 0,
            load_options: LoadOptions::default(),
            resident_budget: RESIDENT_BUDGET,
        }
    }

    /// Reads the parked document `index` of load `job` again, with its
    /// record at `sidecar`; it arrives as `WorkerMsg::ReadAgain`.
    pub fn read_again(
        &self,
        job: u64,
        index: usize,
        article: PathBuf,
        sidecar: PathBuf,
    ) -> Result<(), String> {
        let request = ReadAgain {
            job,
            index,
            article,
            sidecar,
            options: self.load_options,
        };
        match &self.read_tx {
            Some(tx) => tx
                .send(request)
                .map_err(|_| "the article reader has stopped".to_string()),
            None => Err("the article reader could not start".to_string()),
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
        let budget = self.resident_budget;
        let spawned = std::thread::Builder::new()
            .name("article-loader".into())
            .spawn(move || {
                let to = Report::new(job, &tx, &*waker);
                load_all(&paths, &options, budget, &to, &cancel);
            });
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

    /// Reads `folder` for the compare view of document `doc` on a thread of
    /// its own; the answer arrives as `WorkerMsg::Compared`.
    pub fn compare(
        &mut self,
        doc: usize,
        hash: String,
        this_folder: PathBuf,
        folder: PathBuf,
    ) -> Result<u64, String> {
        self.next_job += 1;
        let job = self.next_job;
        let (tx, waker) = (self.tx.clone(), self.waker.clone());
        std::thread::Builder::new()
            .name("compare".into())
            .spawn(move || {
                let loaded = super::compare::load_other(doc, &hash, &this_folder, folder);
                let loaded = Box::new(loaded);
                let _ = tx.send(WorkerMsg::Compared { job, loaded });
                waker();
            })
            .map_err(|e| format!("cannot start the compare thread: {e}"))?;
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

/// Where a load reports: its job number, the channel and the waker.
struct Report<'a> {
    job: u64,
    tx: &'a Sender<WorkerMsg>,
    wake: &'a (dyn Fn() + Sync),
    started: Instant,
    /// When the UI was last woken, in milliseconds since `started`.
    last_wake: AtomicU64,
}

/// While articles stream in, the UI is woken at most this often: each
/// frame costs a draw, which takes the cores the loader is using (drawn in
/// software, as under Xvfb, a frame of a 1400×900 window costs some 50 ms of
/// CPU; at four frames a second that was a third of the load's CPU time).
const WAKE_INTERVAL: Duration = Duration::from_millis(500);

impl<'a> Report<'a> {
    fn new(job: u64, tx: &'a Sender<WorkerMsg>, wake: &'a (dyn Fn() + Sync)) -> Self {
        Report {
            job,
            tx,
            wake,
            started: Instant::now(),
            last_wake: AtomicU64::new(0),
        }
    }

    /// Sends `msg` and wakes the UI at once.
    fn send(&self, msg: WorkerMsg) {
        let _ = self.tx.send(msg);
        (self.wake)();
    }

    /// Sends `msg`; wakes the UI only if it has not been woken for a while
    /// (a later message, at the latest `Finished`, wakes it).
    fn send_soon(&self, msg: WorkerMsg) {
        let _ = self.tx.send(msg);
        let now = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        let last = self.last_wake.load(Ordering::Relaxed);
        let interval = WAKE_INTERVAL.as_millis() as u64;
        if now.saturating_sub(last) >= interval
            && self
                .last_wake
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
        {
            (self.wake)();
        }
    }
}

/// Discovers the articles under `paths` and reads every one: the first at
/// once, the rest on every core. Documents are sent open while they fit in
/// `budget` bytes, parked after that.
fn load_all(
    paths: &[PathBuf],
    options: &LoadOptions,
    budget: usize,
    to: &Report<'_>,
    cancel: &AtomicBool,
) {
    let job = to.job;
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
    to.send(WorkerMsg::Discovered {
        job,
        paths: articles.clone(),
        errors,
    });
    let resident = AtomicUsize::new(0);
    let load = |i: usize| {
        let path = &articles[i];
        let sidecar = store::sidecar_path(path, None);
        let listed = listing.has_sidecar(&sidecar);
        let state = match read_document(path, sidecar, listed, options) {
            Ok(doc) => {
                let bytes = doc.approx_bytes();
                let before = resident.fetch_add(bytes, Ordering::Relaxed);
                if i == 0 || before + bytes <= budget {
                    DocState::Ready(Box::new(doc.into_loaded()))
                } else {
                    resident.fetch_sub(bytes, Ordering::Relaxed);
                    DocState::Parked(Box::new(
                        doc.into_parked(&pipeline::article_file_name(path)),
                    ))
                }
            }
            Err(e) => DocState::Failed(e),
        };
        (i, state)
    };
    if articles.is_empty() || cancel.load(Ordering::Relaxed) {
        to.send(WorkerMsg::Finished { job });
        return;
    }
    // The rules are compiled on every core first; then the first article
    // goes at once, so that it can be shown.
    crate::extract::warm_up();
    to.send(WorkerMsg::Loaded {
        job,
        batch: vec![load(0)],
    });
    // The rest on every core, in chunks reported as each is done.
    let indices: Vec<usize> = (1..articles.len()).collect();
    indices.par_chunks(LOAD_CHUNK).for_each(|chunk| {
        if cancel.load(Ordering::Relaxed) {
            return;
        }
        let batch: Vec<(usize, DocState)> = chunk.iter().map(|&i| load(i)).collect();
        to.send_soon(WorkerMsg::Loaded { job, batch });
    });
    if !cancel.load(Ordering::Relaxed) {
        to.send(WorkerMsg::Finished { job });
    }
}

/// Articles read and extracted together by one core before they are sent
/// to the UI: small enough for steady progress, large enough that the UI is
/// not woken for every article.
const LOAD_CHUNK: usize = 64;

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the frame after `wake` asks for yet another frame at once.
    fn frame_after_asks_for_another(wake: impl Fn(&egui::Context)) -> bool {
        let ctx = egui::Context::default();
        let frame = || {
            let mut out = ctx.run_ui(egui::RawInput::default(), |_| {});
            // The font atlas is uploaded by a renderer, and there is none.
            out.textures_delta.clear();
            out
        };
        frame();
        frame();
        wake(&ctx);
        frame()
            .viewport_output
            .get(&egui::ViewportId::ROOT)
            .is_some_and(|v| v.repaint_delay.is_zero())
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn background_threads_run_below_the_ui_thread() {
        use rustix::process::getpriority_process;
        let ui = getpriority_process(None).expect("the test thread's priority");
        assert!(ui < 19, "the tests run at the lowest priority already");
        let pool = background_pool()
            .num_threads(1)
            .build()
            .expect("a one-thread pool");
        let background = pool
            .install(|| getpriority_process(None))
            .expect("a pool thread's priority");
        assert!(
            background > ui,
            "pool thread at nice {background}, UI at {ui}"
        );
        // The thread that built the pool keeps its own.
        assert_eq!(getpriority_process(None).ok(), Some(ui));
    }

    #[test]
    fn a_workers_wake_draws_one_frame_not_two() {
        // A repaint asked for at once is drawn twice: the case the waker
        // avoids, and what shows that the check can fail.
        assert!(frame_after_asks_for_another(|ctx| ctx.request_repaint()));
        assert!(!frame_after_asks_for_another(|ctx| waker_for(ctx)()));
    }
}
