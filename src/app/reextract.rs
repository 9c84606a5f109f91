//! Re-extract: the open article, or every article, is read and extracted
//! again off the UI thread and the new machine record merged into the
//! record as it is in the app ([`crate::merge`]). The changes are shown as
//! a diff before anything is applied; applying puts each merged record in
//! place as one undo step of its own.

use super::CuratorApp;
use super::document::{ReadDocument, read_document};
use super::workspace::DocState;
use crate::merge::{ChangeKind, Merged, merge_extraction};
use crate::model::Record;
use crate::text::LoadOptions;
use std::path::PathBuf;

/// One article to extract again, with its record as it was when asked.
#[derive(Debug, Clone)]
pub struct ReextractItem {
    pub doc: usize,
    pub article: PathBuf,
    pub sidecar: PathBuf,
    /// The record as it is in the app; `None` for a parked document, whose
    /// record is the one on disk.
    pub record: Option<Record>,
    /// The document's revision when asked: a record edited since is not
    /// overwritten by a merge of its older self.
    pub revision: u64,
}

/// What came of one article.
#[derive(Debug)]
pub struct ReextractResult {
    pub doc: usize,
    /// The article's file name.
    pub name: String,
    pub revision: u64,
    /// The merge and the new machine record (for reverts), or why not.
    pub outcome: Result<(Merged, Record), String>,
    /// A parked document whose record the merge changes, read again so that
    /// applying needs no file access on the UI thread.
    pub reopened: Option<Box<ReadDocument>>,
}

/// Where a re-extraction is.
#[derive(Debug, Default)]
pub enum ReextractState {
    #[default]
    Idle,
    Running {
        job: u64,
        total: usize,
        /// The documents being extracted again, kept open until then.
        docs: Vec<usize>,
    },
    /// The diff is on screen, waiting for Apply or Cancel.
    Ready { results: Vec<ReextractResult> },
}

impl ReextractState {
    /// The diff window (or its progress) is on screen.
    pub fn is_open(&self) -> bool {
        !matches!(self, ReextractState::Idle)
    }

    /// The documents it is about, which must not be parked meanwhile: a
    /// merge is applied to the record it was made from.
    pub fn documents(&self) -> Vec<usize> {
        match self {
            ReextractState::Idle => Vec::new(),
            ReextractState::Running { docs, .. } => docs.clone(),
            ReextractState::Ready { results } => results.iter().map(|r| r.doc).collect(),
        }
    }
}

/// Reads, extracts and merges each item (on a worker thread). Never panics
/// on a strange article: a failing extractor is reported for that article.
pub fn reextract_all(items: Vec<ReextractItem>, options: &LoadOptions) -> Vec<ReextractResult> {
    items
        .into_iter()
        .map(|item| {
            let name = item
                .article
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let (outcome, reopened) = match reextract_one(&item, &name, options) {
                Ok((merged, machine, reopened)) => (Ok((merged, machine)), reopened),
                Err(e) => (Err(e), None),
            };
            ReextractResult {
                doc: item.doc,
                name,
                revision: item.revision,
                outcome,
                reopened,
            }
        })
        .collect()
}

/// The merge, the new machine record and, for a parked document whose
/// record changes, the document read again.
type Reextracted = (Merged, Record, Option<Box<ReadDocument>>);

/// Reads and extracts the article through the shared pipeline (which
/// guards the extractor), and merges the machine record into the item's.
fn reextract_one(
    item: &ReextractItem,
    name: &str,
    options: &LoadOptions,
) -> Result<Reextracted, String> {
    let read = read_document(&item.article, item.sidecar.clone(), None, options)?;
    let machine = read
        .machine()
        .cloned()
        .ok_or_else(|| format!("{name}: the extractor failed on this text"))?;
    match &item.record {
        Some(record) => {
            let merged = merge_extraction(record, &machine).map_err(|e| e.to_string())?;
            Ok((merged, machine, None))
        }
        None => {
            if read.read_only().is_some() {
                return Err(format!("{name}: its record cannot be edited"));
            }
            let merged = merge_extraction(read.record(), &machine).map_err(|e| e.to_string())?;
            let reopened = merged.changed.then(|| Box::new(read));
            Ok((merged, machine, reopened))
        }
    }
}

impl CuratorApp {
    /// Starts extracting the open article (or, with `all`, every loaded
    /// article that can be edited) again.
    pub(super) fn start_reextract(&mut self, all: bool) {
        if self.reextract.is_open() {
            return;
        }
        let docs: Vec<usize> = if all {
            (0..self.workspace.docs.len()).collect()
        } else {
            self.workspace.current.into_iter().collect()
        };
        let items: Vec<ReextractItem> = docs
            .into_iter()
            .filter_map(|i| {
                let doc = &self.workspace.docs[i];
                let (sidecar, record, revision) = match &doc.state {
                    DocState::Ready(d) if d.read_only.is_none() => {
                        (d.sidecar.clone(), Some(d.record.clone()), d.revision)
                    }
                    DocState::Parked(p) => (p.sidecar.clone(), None, 0),
                    _ => return None,
                };
                Some(ReextractItem {
                    doc: i,
                    article: doc.path.clone(),
                    sidecar,
                    record,
                    revision,
                })
            })
            .collect();
        if items.is_empty() {
            self.dialogs
                .info("Nothing to re-extract: open an article whose record can be edited");
            return;
        }
        let total = items.len();
        let docs = items.iter().map(|item| item.doc).collect();
        match self.workers.reextract(items) {
            Ok(job) => self.reextract = ReextractState::Running { job, total, docs },
            Err(e) => self.dialogs.error(format!("Cannot re-extract: {e}")),
        }
    }

    /// The worker's results: show them as a diff (if still wanted).
    pub(super) fn take_reextract_results(&mut self, job: u64, results: Vec<ReextractResult>) {
        if matches!(self.reextract, ReextractState::Running { job: j, .. } if j == job) {
            self.reextract = ReextractState::Ready { results };
        }
    }

    /// Puts every changed merge in place, one undo step per record; a
    /// record edited since it was sent is left as it is and named.
    pub(super) fn apply_reextract(&mut self) {
        let ReextractState::Ready { results } = std::mem::take(&mut self.reextract) else {
            return;
        };
        let (mut applied, mut skipped) = (0, Vec::new());
        for result in results {
            let Ok((merged, machine)) = result.outcome else {
                continue;
            };
            let Some(state) = self
                .workspace
                .docs
                .get_mut(result.doc)
                .map(|d| &mut d.state)
            else {
                continue;
            };
            if let (DocState::Parked(_), Some(read)) = (&*state, result.reopened) {
                *state = DocState::Ready(Box::new(read.into_loaded()));
            }
            let DocState::Ready(doc) = state else {
                continue;
            };
            if doc.revision != result.revision {
                skipped.push(result.name);
                continue;
            }
            doc.machine = Some(machine);
            if merged.changed {
                doc.replace_record(merged.record);
                applied += 1;
            }
        }
        if let (Some(path), Some(doc)) = (self.selected, self.workspace.current_loaded())
            && path.evidence(&doc.record).is_none()
        {
            self.selected = None;
        }
        self.accepted.clear();
        self.dialogs.info(format!(
            "Re-extracted: {} updated (Ctrl+Z undoes each one)",
            crate::words::count(applied, "record")
        ));
        if !skipped.is_empty() {
            self.dialogs.error(format!(
                "Not updated, edited while re-extracting: {}. Re-extract again.",
                skipped.join(", ")
            ));
        }
        self.workspace.touch();
    }

    /// Closes the diff (or stops waiting for it) without changing anything.
    pub(super) fn cancel_reextract(&mut self) {
        self.reextract = ReextractState::Idle;
    }
}

/// Counts over every result, for the diff's heading.
pub fn totals(results: &[ReextractResult]) -> [(ChangeKind, usize); 5] {
    let mut out = [
        (ChangeKind::Updated, 0),
        (ChangeKind::Added, 0),
        (ChangeKind::Removed, 0),
        (ChangeKind::Kept, 0),
        (ChangeKind::Conflict, 0),
    ];
    for (merged, _) in results.iter().filter_map(|r| r.outcome.as_ref().ok()) {
        for (kind, n) in &mut out {
            *n += merged.summary.count(*kind);
        }
    }
    out
}
