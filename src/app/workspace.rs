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
mod tests {
    use super::*;
    use crate::app::edit::NewItem;
    use crate::app::fields::{ArticleKey, FieldPath};
    use crate::model::{Field, Origin, Person, Source, Span, Status};

    fn machine() -> Record {
        let mut r = Record::empty(Source {
            path: "a.txt".into(),
            text_sha256: "abc".into(),
            chars: 50,
        });
        r.article.headline = Some(Field::extracted(
            "Machine headline".into(),
            vec![Span(0, 16)],
        ));
        r.people.push(Person {
            name: "Jo Bloggs".into(),
            role: Some("director".into()),
            organisation: None,
            evidence: vec![Span(20, 29)],
            origin: Origin::Extracted,
        });
        r
    }

    fn doc() -> LoadedDoc {
        LoadedDoc {
            text: Arc::from("x"),
            offsets: Arc::new(OffsetMap::new("x")),
            record: machine(),
            machine: Some(machine()),
            history: History::default(),
            revision: 0,
            saved_revision: None,
            saving: None,
            notices: vec![],
            save_error: None,
            read_only: None,
            read_only_details: None,
            disk: crate::store::DiskState::Missing,
            sidecar: PathBuf::from("a.txt.curation.json"),
        }
    }

    fn headline(d: &LoadedDoc) -> (String, Origin) {
        let h = d.record.article.headline.as_ref().expect("headline");
        (h.value.clone(), h.origin)
    }

    fn set_headline(v: &str) -> Edit {
        Edit::ArticleValue {
            key: ArticleKey::Headline,
            value: Some(v.into()),
        }
    }

    #[test]
    fn editing_a_machine_value_marks_it_edited_and_undo_restores_it() {
        let mut d = doc();
        assert!(!d.is_dirty());
        assert!(d.edit(set_headline("Curated headline")));
        assert_eq!(headline(&d), ("Curated headline".into(), Origin::Edited));
        assert!(d.is_dirty());
        assert!(d.undo());
        assert_eq!(headline(&d), ("Machine headline".into(), Origin::Extracted));
        assert!(d.redo());
        assert_eq!(headline(&d), ("Curated headline".into(), Origin::Edited));
        assert!(!d.redo(), "nothing more to redo");
    }

    #[test]
    fn typing_in_one_field_is_one_undo_step_until_the_merge_breaks() {
        let mut d = doc();
        for v in ["C", "Cu", "Cur"] {
            d.edit(set_headline(v));
        }
        d.history.break_merge();
        d.edit(set_headline("Curb"));
        d.undo();
        assert_eq!(headline(&d).0, "Cur");
        d.undo();
        assert_eq!(headline(&d).0, "Machine headline");
        assert!(!d.history.can_undo());
    }

    #[test]
    fn an_edit_that_changes_nothing_is_not_an_undo_step() {
        let mut d = doc();
        let same = d.record.people[0].clone();
        assert!(!d.edit(Edit::Person(0, same)));
        assert!(!d.history.can_undo());
        assert!(!d.is_dirty());
        assert_eq!(d.record.people[0].origin, Origin::Extracted);
    }

    #[test]
    fn added_items_stay_added_when_edited_and_can_be_moved_and_removed() {
        let mut d = doc();
        d.edit(Edit::Add(NewItem::Person(Person {
            name: "New".into(),
            role: None,
            organisation: None,
            evidence: vec![],
            origin: Origin::Added,
        })));
        let mut p = d.record.people[1].clone();
        p.name = "New Person".into();
        d.edit(Edit::Person(1, p));
        assert_eq!(d.record.people[1].origin, Origin::Added);
        d.edit(Edit::Move(FieldPath::Person(1), -1));
        assert_eq!(d.record.people[0].name, "New Person");
        d.edit(Edit::Remove(FieldPath::Person(0)));
        assert_eq!(d.record.people.len(), 1);
        assert_eq!(d.record.people[0].name, "Jo Bloggs");
    }

    #[test]
    fn revert_puts_back_the_machine_value_even_after_reordering() {
        let mut d = doc();
        let mut p = d.record.people[0].clone();
        p.role = Some("chair".into());
        d.edit(Edit::Person(0, p));
        assert_eq!(d.record.people[0].origin, Origin::Edited);
        d.edit(Edit::Add(NewItem::Person(Person {
            name: "Other".into(),
            role: None,
            organisation: None,
            evidence: vec![Span(40, 45)],
            origin: Origin::Added,
        })));
        d.edit(Edit::Move(FieldPath::Person(0), 1));
        assert!(crate::app::edit::can_revert(
            &d.record,
            d.machine.as_ref(),
            FieldPath::Person(1)
        ));
        assert!(!crate::app::edit::can_revert(
            &d.record,
            d.machine.as_ref(),
            FieldPath::Person(0)
        ));
        assert!(d.edit(Edit::Revert(FieldPath::Person(1))));
        assert_eq!(d.record.people[1].role.as_deref(), Some("director"));
        assert_eq!(d.record.people[1].origin, Origin::Extracted);
    }

    #[test]
    fn new_evidence_sorts_spans_and_marks_a_machine_value_edited() {
        let mut d = doc();
        let path = FieldPath::Article(ArticleKey::Headline);
        d.edit(Edit::Evidence(
            path,
            vec![Span(30, 40), Span(0, 5), Span(0, 5)],
        ));
        let h = d.record.article.headline.as_ref().expect("headline");
        assert_eq!(h.evidence, vec![Span(0, 5), Span(30, 40)]);
        assert_eq!(h.origin, Origin::Edited);
    }

    #[test]
    fn a_value_the_machine_missed_is_added_and_clearing_removes_it() {
        let mut d = doc();
        d.edit(Edit::ArticleValue {
            key: ArticleKey::Outlet,
            value: Some("CYP Now".into()),
        });
        let outlet = d.record.article.outlet.as_ref().expect("outlet");
        assert_eq!(outlet.origin, Origin::Added);
        d.edit(Edit::ArticleValue {
            key: ArticleKey::Outlet,
            value: None,
        });
        assert!(d.record.article.outlet.is_none());
        d.edit(Edit::Status(Status::Reviewed));
        assert_eq!(d.record.status, Status::Reviewed);
        assert_eq!(d.revision, 3);
    }

    #[test]
    fn removing_a_machine_item_rejects_it_and_undo_takes_the_rejection_back() {
        let mut d = doc();
        assert!(d.edit(Edit::Remove(FieldPath::Person(0))));
        assert!(d.record.people.is_empty());
        assert_eq!(d.record.rejected.len(), 1);
        let r = &d.record.rejected[0];
        assert_eq!(r.field, crate::model::FieldName::Person);
        assert_eq!(
            r.value,
            serde_json::json!({"name": "Jo Bloggs", "role": "director", "organisation": null})
        );
        assert_eq!(r.evidence, vec![Span(20, 29)]);
        assert!(d.undo());
        assert!(
            d.record.rejected.is_empty(),
            "undo takes the rejection back"
        );
        assert_eq!(d.record.people.len(), 1);
        assert!(d.redo());
        assert_eq!(d.record.rejected.len(), 1);
    }

    #[test]
    fn clearing_an_edited_value_rejects_what_the_machine_proposed() {
        let mut d = doc();
        d.edit(set_headline("Curated headline"));
        d.edit(Edit::ArticleValue {
            key: ArticleKey::Headline,
            value: None,
        });
        assert!(d.record.article.headline.is_none());
        assert_eq!(d.record.rejected.len(), 1);
        assert_eq!(d.record.rejected[0].value, "Machine headline");
        assert_eq!(d.record.rejected[0].evidence, vec![Span(0, 16)]);
    }

    #[test]
    fn removing_what_a_person_added_rejects_nothing() {
        let mut d = doc();
        d.edit(Edit::ArticleValue {
            key: ArticleKey::Outlet,
            value: Some("CYP Now".into()),
        });
        d.edit(Edit::ArticleValue {
            key: ArticleKey::Outlet,
            value: None,
        });
        assert!(d.record.rejected.is_empty());
    }

    #[test]
    fn saved_revision_decides_dirtiness() {
        let mut d = doc();
        d.edit(Edit::Notes("check date".into()));
        d.saved_revision = Some(d.revision);
        assert!(!d.is_dirty());
        d.undo();
        assert!(d.is_dirty(), "undoing past a save is an unsaved change");
    }
}
