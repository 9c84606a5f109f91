//! The open documents: each article's text, its record, the machine record
//! to revert to, undo history and whether it has unsaved changes. Panels
//! borrow this; only the command applier changes it.

use super::edit::{Edit, apply_edit};
use crate::model::Record;
use crate::text::OffsetMap;
use std::path::PathBuf;
use std::sync::Arc;

/// How many undo steps each document keeps.
const UNDO_LIMIT: usize = 200;

/// Undo history of one record, by snapshots.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Record>,
    redo: Vec<Record>,
    /// Key of the last edit, while consecutive edits may merge into it.
    open_key: Option<String>,
}

impl History {
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
    /// Ends the current run of merged edits (focus moved, another command).
    pub fn break_merge(&mut self) {
        self.open_key = None;
    }
    fn record_before(&mut self, before: &Record, key: Option<String>) {
        self.redo.clear();
        if key.is_some() && key == self.open_key {
            return;
        }
        self.undo.push(before.clone());
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.open_key = key;
    }
}

/// An article that has been read, with its record.
#[derive(Debug)]
pub struct LoadedDoc {
    /// The article text the offsets refer to; shared, never cloned per frame.
    pub text: Arc<str>,
    pub offsets: Arc<OffsetMap>,
    pub record: Record,
    /// The extractor's record of this text, for reverts.
    pub machine: Option<Record>,
    pub history: History,
    /// Bumped by every change to `record`.
    pub revision: u64,
    /// The revision on disk (`None`: never saved since it was extracted).
    pub saved_revision: Option<u64>,
    /// A save is on its way for this revision.
    pub saving: Option<u64>,
    /// How the file was read ("read as Windows-1252", "record is stale", ...).
    pub notices: Vec<String>,
    /// The last save failed with this message; edits are kept.
    pub save_error: Option<String>,
    pub sidecar: PathBuf,
}

impl LoadedDoc {
    /// Unsaved changes: edits since the last save. A fresh machine record is
    /// not "unsaved" (nothing would be lost), unless a person changed it.
    pub fn is_dirty(&self) -> bool {
        match self.saved_revision {
            Some(r) => r != self.revision,
            None => self.revision != 0,
        }
    }

    /// Applies an edit with an undo step; returns whether anything changed.
    pub fn edit(&mut self, edit: Edit) -> bool {
        let key = edit.coalesce_key();
        let before = self.record.clone();
        if !apply_edit(&mut self.record, self.machine.as_ref(), edit) {
            return false;
        }
        self.history.record_before(&before, key);
        self.revision += 1;
        true
    }

    pub fn undo(&mut self) -> bool {
        let Some(previous) = self.history.undo.pop() else {
            return false;
        };
        let current = std::mem::replace(&mut self.record, previous);
        self.history.redo.push(current);
        self.history.open_key = None;
        self.revision += 1;
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some(next) = self.history.redo.pop() else {
            return false;
        };
        let current = std::mem::replace(&mut self.record, next);
        self.history.undo.push(current);
        self.history.open_key = None;
        self.revision += 1;
        true
    }
}

/// Where a document is in loading.
#[derive(Debug)]
pub enum DocState {
    Loading,
    Ready(Box<LoadedDoc>),
    Failed(String),
}

#[derive(Debug)]
pub struct Document {
    pub path: PathBuf,
    /// File name shown in the queue.
    pub name: String,
    pub state: DocState,
}

impl Document {
    pub fn new(path: PathBuf) -> Self {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        Document {
            path,
            name,
            state: DocState::Loading,
        }
    }
    pub fn loaded(&self) -> Option<&LoadedDoc> {
        match &self.state {
            DocState::Ready(d) => Some(d),
            _ => None,
        }
    }
    pub fn loaded_mut(&mut self) -> Option<&mut LoadedDoc> {
        match &mut self.state {
            DocState::Ready(d) => Some(d),
            _ => None,
        }
    }
    pub fn is_dirty(&self) -> bool {
        self.loaded().is_some_and(LoadedDoc::is_dirty)
    }
}

/// All open documents and which one is on screen.
#[derive(Debug, Default)]
pub struct Workspace {
    pub docs: Vec<Document>,
    pub current: Option<usize>,
    /// What was opened, for the title bar ("samples", a folder name).
    pub title: String,
    /// Bumped whenever the list of documents or any record changes, so that
    /// derived data (queue rows) knows when to recompute.
    pub generation: u64,
}

impl Workspace {
    pub fn current_doc(&self) -> Option<&Document> {
        self.docs.get(self.current?)
    }
    pub fn current_doc_mut(&mut self) -> Option<&mut Document> {
        self.docs.get_mut(self.current?)
    }
    pub fn current_loaded(&self) -> Option<&LoadedDoc> {
        self.current_doc()?.loaded()
    }
    pub fn current_loaded_mut(&mut self) -> Option<&mut LoadedDoc> {
        self.current_doc_mut()?.loaded_mut()
    }
    pub fn dirty_count(&self) -> usize {
        self.docs.iter().filter(|d| d.is_dirty()).count()
    }
    pub fn touch(&mut self) {
        self.generation = self.generation.wrapping_add(1);
    }
}
