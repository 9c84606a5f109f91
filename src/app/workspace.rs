//! The open documents: each article's text, its record, the machine record
//! to revert to, undo history and whether it has unsaved changes. Panels
//! borrow this; only the command applier changes it.

use super::edit::{Edit, apply_edit};
use crate::model::{Record, Status};
use crate::report::{ExtractorReport, build_report};
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
    /// Why this record must not be edited or saved over: its sidecar cannot
    /// be read or does not fit the article. Shown as a banner; cleared only
    /// by an explicit replace (which keeps the old file as `.bak`).
    pub read_only: Option<String>,
    /// The full error behind `read_only` (with the path and the parser's
    /// words), shown on the banner's hover.
    pub read_only_details: Option<String>,
    /// The sidecar as last read or written, to notice changes on disk.
    pub disk: crate::store::DiskState,
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
        let sets_status = matches!(edit, Edit::Status(_));
        let before = self.record.clone();
        if !apply_edit(&mut self.record, self.machine.as_ref(), edit) {
            return false;
        }
        // A person has started on it: the status says so at once, not only
        // after the save, and undo takes both back together.
        if !sets_status && self.record.status == Status::Unreviewed {
            self.record.status = Status::InProgress;
        }
        self.history.record_before(&before, key);
        self.revision += 1;
        true
    }

    /// Puts `record` in place as an unsaved change with an undo step (a
    /// restored draft).
    pub fn replace_record(&mut self, record: Record) {
        if record == self.record {
            return;
        }
        let before = std::mem::replace(&mut self.record, record);
        self.history.record_before(&before, None);
        self.revision += 1;
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

impl LoadedDoc {
    /// Whether the document can be put away ([`ParkedDoc`]) and read again
    /// later without losing anything: nothing unsaved, nothing on its way.
    pub fn can_park(&self) -> bool {
        !self.is_dirty() && self.saving.is_none() && self.save_error.is_none()
    }

    /// A rough count of the bytes this document holds in memory (text,
    /// offsets, records, history), to keep open documents within a budget.
    pub fn approx_bytes(&self) -> usize {
        let records = std::iter::once(&self.record)
            .chain(self.machine.as_ref())
            .chain(&self.history.undo)
            .chain(&self.history.redo);
        std::mem::size_of::<LoadedDoc>()
            + self.text.len()
            + self.offsets.approx_bytes()
            + records.map(approx_record_bytes).sum::<usize>()
            + self.notices.iter().map(String::len).sum::<usize>()
    }
}

/// A rough count of the heap bytes of `record`: its strings and items.
pub fn approx_record_bytes(record: &Record) -> usize {
    use crate::model::{Field, Span};
    let field = |f: &Option<Field<String>>| {
        f.as_ref()
            .map_or(0, |f| f.value.len() + f.evidence.len() * size_of::<Span>())
    };
    let opt = |s: &Option<String>| s.as_ref().map_or(0, String::len);
    let spans = |e: &[Span]| std::mem::size_of_val(e);
    let a = &record.article;
    let mut n = std::mem::size_of::<Record>()
        + record.source.path.len()
        + record.source.text_sha256.len()
        + record.updated.len()
        + record.extractor.len()
        + record.notes.len()
        + opt(&record.curator)
        + field(&a.headline)
        + field(&a.byline)
        + field(&a.published)
        + field(&a.outlet);
    for i in &record.inspections {
        n += std::mem::size_of_val(i)
            + opt(&i.local_authority)
            + opt(&i.provider)
            + opt(&i.date)
            + opt(&i.inspector)
            + spans(&i.evidence);
        for f in &i.findings {
            n += std::mem::size_of_val(f) + f.text.len() + spans(&f.evidence);
        }
    }
    for p in &record.people {
        n += std::mem::size_of_val(p)
            + p.name.len()
            + opt(&p.role)
            + opt(&p.organisation)
            + spans(&p.evidence);
    }
    for q in &record.quotes {
        n += std::mem::size_of_val(q) + opt(&q.speaker) + q.text.len() + spans(&q.evidence);
    }
    for f in &record.figures {
        n += std::mem::size_of_val(f)
            + opt(&f.unit)
            + f.text.len()
            + opt(&f.context)
            + opt(&f.local_authority)
            + spans(&f.evidence);
    }
    n
}

/// A document that was read and extracted, kept only as what the queue and
/// the corpus show: its text and full record are read again (on a worker)
/// when it is viewed. Only a document with nothing unsaved is parked.
#[derive(Debug, Clone)]
pub struct ParkedDoc {
    /// The record as the queue and the corpus read it: article values,
    /// status, curator, stamps, and the inspections without their findings
    /// or evidence ([`summary_record`]).
    pub summary: Record,
    /// The record is on disk (else it is a machine record not yet saved).
    pub saved: bool,
    /// The document had notices: the queue marks it.
    pub warning: bool,
    /// SHA-256 of the article text, which drafts are keyed by.
    pub text_sha256: String,
    pub sidecar: PathBuf,
    /// The extractor report of the record, when a person has worked on it
    /// (the Report tab counts parked records too).
    pub report: Option<Box<ExtractorReport>>,
}

/// The extractor report of `record` alone, kept only when a person has
/// worked on it: otherwise it counts as one record left out.
pub fn curated_report(name: &str, record: &Record) -> Option<Box<ExtractorReport>> {
    record
        .is_curated()
        .then(|| Box::new(build_report([(name.to_string(), record)])))
}

impl ParkedDoc {
    /// What is kept of `doc`, whose text hashes to `text_sha256`.
    pub fn of(doc: &LoadedDoc, name: &str, text_sha256: String) -> ParkedDoc {
        ParkedDoc {
            report: curated_report(name, &doc.record),
            summary: summary_record(&doc.record),
            saved: doc.saved_revision.is_some(),
            warning: !doc.notices.is_empty(),
            text_sha256,
            sidecar: doc.sidecar.clone(),
        }
    }
}

/// The part of `record` that lists show (the queue's rows, the corpus):
/// no evidence, findings, people, quotes, figures or notes.
pub fn summary_record(record: &Record) -> Record {
    let value_only = |f: &Option<crate::model::Field<String>>| {
        f.as_ref().map(|f| crate::model::Field {
            value: f.value.clone(),
            evidence: Vec::new(),
            origin: f.origin,
        })
    };
    let a = &record.article;
    Record {
        format: record.format.clone(),
        source: record.source.clone(),
        status: record.status,
        curator: record.curator.clone(),
        updated: record.updated.clone(),
        extractor: record.extractor.clone(),
        article: crate::model::ArticleFields {
            headline: value_only(&a.headline),
            byline: value_only(&a.byline),
            published: value_only(&a.published),
            outlet: value_only(&a.outlet),
        },
        inspections: record
            .inspections
            .iter()
            .map(|i| crate::model::Inspection {
                local_authority: i.local_authority.clone(),
                provider: i.provider.clone(),
                service: i.service,
                kind: i.kind,
                visit_number: i.visit_number,
                date: i.date.clone(),
                judgement: i.judgement,
                inspector: i.inspector.clone(),
                findings: Vec::new(),
                evidence: Vec::new(),
                origin: i.origin,
            })
            .collect(),
        people: Vec::new(),
        quotes: Vec::new(),
        figures: Vec::new(),
        notes: String::new(),
        rejected: Vec::new(),
    }
}

/// Where a document is in loading.
#[derive(Debug)]
pub enum DocState {
    Loading,
    Ready(Box<LoadedDoc>),
    /// Read, and put away to save memory: read again when viewed.
    Parked(Box<ParkedDoc>),
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
    /// The record as lists show it: the whole record of an open document,
    /// the summary of a parked one.
    pub fn listed_record(&self) -> Option<&Record> {
        match &self.state {
            DocState::Ready(d) => Some(&d.record),
            DocState::Parked(p) => Some(&p.summary),
            DocState::Loading | DocState::Failed(_) => None,
        }
    }
    /// The sidecar the document's record is read from or saved to.
    pub fn sidecar(&self) -> Option<&std::path::Path> {
        match &self.state {
            DocState::Ready(d) => Some(&d.sidecar),
            DocState::Parked(p) => Some(&p.sidecar),
            DocState::Loading | DocState::Failed(_) => None,
        }
    }
    pub fn is_parked(&self) -> bool {
        matches!(self.state, DocState::Parked(_))
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

#[cfg(test)]
mod tests;
