//! Which documents are open in memory. A folder of thousands of articles
//! keeps, for most of them, only what the queue and the corpus show (a
//! [`ParkedDoc`]); the article on screen and its neighbours in the queue
//! are read again on the article reader when they are parked, and past the
//! memory budget the open documents viewed longest ago are parked again.
//! A document with anything unsaved, or that a dialog is about, is never
//! parked.

use super::CuratorApp;
use super::workspace::{DocState, ParkedDoc};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

/// What the app knows about which documents to keep open.
#[derive(Debug, Default)]
pub struct Residency {
    /// When each document was last on screen (a count of changes of the
    /// current document); never-viewed documents are parked first.
    viewed: HashMap<usize, u64>,
    tick: u64,
    last_current: Option<usize>,
    /// Documents being read again.
    requested: HashSet<usize>,
}

impl CuratorApp {
    /// Keeps at most about `bytes` of open documents in memory (the default
    /// is [`RESIDENT_BUDGET`](super::worker::RESIDENT_BUDGET)); applies to
    /// the folders opened from now on.
    pub fn with_memory_budget(mut self, bytes: usize) -> Self {
        self.workers.resident_budget = bytes;
        self
    }

    /// How many bytes the open documents hold (roughly), and how many
    /// documents are parked.
    pub fn memory_in_use(&self) -> (usize, usize) {
        let docs = &self.workspace.docs;
        let open = docs
            .iter()
            .filter_map(|d| d.loaded())
            .map(|l| l.approx_bytes())
            .sum();
        (open, docs.iter().filter(|d| d.is_parked()).count())
    }

    /// Once per frame: asks for the current document and its neighbours to
    /// be read again if they are parked.
    pub(super) fn keep_viewed_documents_open(&mut self) {
        let Some(current) = self.workspace.current else {
            return;
        };
        if self.residency.last_current != Some(current) {
            self.residency.last_current = Some(current);
            self.residency.tick += 1;
            self.residency.viewed.insert(current, self.residency.tick);
        }
        let neighbours = [
            Some(current),
            current.checked_sub(1),
            current.checked_add(1),
        ];
        for i in neighbours.into_iter().flatten() {
            self.read_again_if_parked(i);
        }
    }

    /// Asks the article reader for parked document `i`, once.
    pub(super) fn read_again_if_parked(&mut self, i: usize) {
        let Some(doc) = self.workspace.docs.get(i) else {
            return;
        };
        let DocState::Parked(parked) = &doc.state else {
            return;
        };
        if !self.residency.requested.insert(i) {
            return;
        }
        let (article, sidecar) = (doc.path.clone(), parked.sidecar.clone());
        if let Err(e) = self.workers.read_again(self.job, i, article, sidecar) {
            self.residency.requested.remove(&i);
            self.dialogs.error(e);
        }
    }

    /// A parked document read again: it is open from now on (unless it
    /// changed state meanwhile, e.g. the folder was opened again).
    pub(super) fn take_read_again(&mut self, index: usize, article: PathBuf, state: DocState) {
        self.residency.requested.remove(&index);
        let Some(doc) = self.workspace.docs.get_mut(index) else {
            return;
        };
        if doc.path != article || !doc.is_parked() {
            return;
        }
        doc.state = state;
        self.workspace.touch();
        self.offer_waiting_drafts();
        self.park_past_budget();
    }

    /// Parks open documents, those viewed longest ago first, until the open
    /// ones fit in the budget. The current document, its neighbours, and
    /// any with unsaved changes or a dialog about them stay open.
    pub(super) fn park_past_budget(&mut self) {
        let budget = self.workers.resident_budget;
        let sizes: Vec<(usize, usize)> = self
            .workspace
            .docs
            .iter()
            .enumerate()
            .filter_map(|(i, d)| d.loaded().map(|l| (i, l.approx_bytes())))
            .collect();
        let mut total: usize = sizes.iter().map(|(_, bytes)| bytes).sum();
        if total <= budget {
            return;
        }
        let pinned = self.pinned_documents();
        let mut candidates: Vec<(u64, usize, usize)> = sizes
            .into_iter()
            .filter(|(i, _)| !pinned.contains(i))
            .filter(|(i, _)| {
                self.workspace.docs[*i]
                    .loaded()
                    .is_some_and(|l| l.can_park())
            })
            .map(|(i, bytes)| {
                (
                    self.residency.viewed.get(&i).copied().unwrap_or(0),
                    i,
                    bytes,
                )
            })
            .collect();
        candidates.sort_unstable();
        for (_, i, bytes) in candidates {
            if total <= budget {
                break;
            }
            let doc = &mut self.workspace.docs[i];
            if let DocState::Ready(loaded) = &doc.state {
                let sha = crate::text::text_sha256(&loaded.text);
                doc.state = DocState::Parked(Box::new(ParkedDoc::of(loaded, &doc.name, sha)));
                total -= bytes;
            }
        }
        self.workspace.touch();
    }

    /// Documents that must stay open: on screen or next to it, or the
    /// subject of a conflict or a draft offer.
    fn pinned_documents(&self) -> HashSet<usize> {
        let mut pinned: HashSet<usize> = self.reextract.documents().into_iter().collect();
        if let Some(c) = self.workspace.current {
            pinned.extend(
                [Some(c), c.checked_sub(1), c.checked_add(1)]
                    .into_iter()
                    .flatten(),
            );
        }
        let articles: HashSet<&std::path::Path> = self
            .safety
            .conflict
            .iter()
            .map(|c| c.article.as_path())
            .chain(
                self.safety
                    .drafts_offer
                    .iter()
                    .map(|o| o.draft.article.as_path()),
            )
            .chain(
                self.safety
                    .drafts_waiting
                    .iter()
                    .map(|d| d.article.as_path()),
            )
            .collect();
        if !articles.is_empty() {
            pinned.extend(
                self.workspace
                    .docs
                    .iter()
                    .enumerate()
                    .filter(|(_, d)| articles.contains(d.path.as_path()))
                    .map(|(i, _)| i),
            );
        }
        pinned
    }
}
