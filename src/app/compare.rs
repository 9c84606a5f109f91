//! Compare with folder: the open article's record beside another
//! curator's record of the same article (matched by the hash of its text)
//! from another folder, one difference at a time, each settled in one key:
//! keep A (the record being worked on), take B, or edit it by hand. Taking
//! B replaces the record through the workspace history, so Ctrl+Z undoes
//! it; the result is saved as the article's record like any edit.
//!
//! The other folder is read on a worker thread, with the agreement figures
//! of the two folders, shown as a summary above the differences.

use super::CuratorApp;
use super::fields::{ArticleKey, FieldPath};
use crate::agree::{Difference, FolderAgreement, Place, agree_folders, differences, read_folder};
use crate::model::Record;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// What the compare view can be asked to do.
#[derive(Debug, Clone, PartialEq)]
pub enum CompareCommand {
    /// Show the box asking which folder to compare with.
    Ask,
    /// Compare the open article with its record in this folder.
    Start(PathBuf),
    /// Keep the record's own value (A) for the current difference.
    TakeA,
    /// Take the other curator's value (B) for the current difference.
    TakeB,
    /// Settle the current difference by editing the record's field.
    Edit,
    /// Move to the next (or, `false`, the previous) open difference.
    Step(bool),
    Close,
}

/// What a worker found in the other folder.
#[derive(Debug)]
pub struct CompareLoaded {
    pub doc: usize,
    pub folder: PathBuf,
    /// The other curator's record of the article, or why there is none.
    pub other: Result<Record, String>,
    /// The agreement of the two folders, or why it could not be worked out.
    pub figures: Result<FolderAgreement, String>,
}

/// The compare view of one article.
#[derive(Debug)]
pub struct CompareView {
    pub doc: usize,
    pub folder: PathBuf,
    pub other: Record,
    pub figures: Result<FolderAgreement, String>,
    /// Differences settled without taking B (kept or edited), by key.
    pub settled: HashSet<String>,
    /// How many differences the view has settled, for the summary.
    pub settled_count: usize,
    /// Which open difference is current.
    pub current: usize,
    /// The merge note is in the record.
    pub noted: bool,
}

/// Where the compare feature is.
#[derive(Debug, Default)]
pub enum CompareState {
    #[default]
    Idle,
    /// The folder box is on screen.
    Asking {
        path: String,
        error: Option<String>,
    },
    Running {
        job: u64,
        doc: usize,
    },
    Open(Box<CompareView>),
}

impl CompareState {
    pub fn view(&self) -> Option<&CompareView> {
        match self {
            CompareState::Open(view) => Some(view),
            _ => None,
        }
    }

    /// A window that takes the keyboard is on screen.
    pub fn is_modal(&self) -> bool {
        matches!(
            self,
            CompareState::Asking { .. } | CompareState::Running { .. }
        )
    }
}

impl CompareView {
    /// The differences between `record` (A) and the other record that are
    /// not settled yet.
    pub fn open_differences(&self, record: &Record) -> Vec<Difference> {
        differences(record, &self.other)
            .into_iter()
            .filter(|d| !self.settled.contains(&d.key()))
            .collect()
    }
}

/// Reads the other folder (on a worker thread): the record of the article
/// whose text hash is `hash`, and the two folders' agreement.
pub fn load_other(doc: usize, hash: &str, this_folder: &Path, folder: PathBuf) -> CompareLoaded {
    let other = read_folder(&folder)
        .map_err(|e| e.to_string())
        .and_then(|records| {
            records
                .curated
                .get(hash)
                .map(|(_, record)| record.clone())
                .ok_or_else(|| {
                    format!(
                        "{} holds no curated record of this article (records are matched by the hash of their text)",
                        folder.display()
                    )
                })
        });
    let figures = agree_folders(this_folder, &folder).map_err(|e| e.to_string());
    CompareLoaded {
        doc,
        folder,
        other,
        figures,
    }
}

/// The record's field a difference is about, where the record has it.
pub fn field_of(place: Place) -> Option<FieldPath> {
    match place {
        Place::Status => None,
        Place::Article(name) => ArticleKey::of_field_name(name).map(FieldPath::Article),
        Place::Inspection(pair) => pair.a().map(FieldPath::Inspection),
        Place::Finding {
            inspections,
            finding,
        } => Some(FieldPath::Finding(inspections.a()?, finding.a()?)),
        Place::Person(pair) => pair.a().map(FieldPath::Person),
        Place::Quote(pair) => pair.a().map(FieldPath::Quote),
        Place::Figure(pair) => pair.a().map(FieldPath::Figure),
    }
}

/// The line the merged record's notes get, once.
pub fn merge_note(curator: &str, folder: &Path, other: &Record) -> String {
    let theirs = other.curator.as_deref().unwrap_or("another curator");
    format!(
        "Merged by {curator} with the record of {theirs} in {}",
        folder.display()
    )
}

impl CuratorApp {
    /// Whether the compare view is on screen for the open article.
    pub fn compare_shown(&self) -> bool {
        self.compare
            .view()
            .is_some_and(|v| Some(v.doc) == self.workspace.current)
    }

    /// The compare view's open differences for the open article.
    pub fn compare_differences(&self) -> Vec<Difference> {
        match (self.compare.view(), self.workspace.current_loaded()) {
            (Some(view), Some(doc)) if Some(view.doc) == self.workspace.current => {
                view.open_differences(&doc.record)
            }
            _ => Vec::new(),
        }
    }
}

impl CuratorApp {
    /// The compare panel for the open article (nothing when it is not
    /// being compared), and the current difference's evidence for the text.
    pub(super) fn compare_ui(&mut self, ui: &mut egui::Ui) -> Vec<super::command::Command> {
        let shown = self.compare_shown();
        let differences = self.compare_differences();
        let (Some(view), true) = (self.compare.view(), shown) else {
            self.source.compare_marks = None;
            return Vec::new();
        };
        let current = differences.get(view.current.min(differences.len().saturating_sub(1)));
        self.source.compare_marks = current.map(|d| super::highlight::CompareMarks {
            a: d.a_evidence.clone(),
            b: d.b_evidence.clone(),
        });
        super::compare_panel::compare_panel_ui(ui, view, &differences)
    }
}
