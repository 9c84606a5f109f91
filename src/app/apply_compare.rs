//! Applying the compare commands: ask for the folder, read it on a worker,
//! then settle the differences one key each.

use super::CuratorApp;
use super::compare::{
    CompareCommand, CompareLoaded, CompareState, CompareView, field_of, merge_note,
};
use super::fields::FieldPath;
use super::workspace::DocState;
use crate::agree::{Difference, Place, take_b};
use std::collections::HashSet;
use std::path::PathBuf;

impl CuratorApp {
    pub(super) fn apply_compare(&mut self, command: CompareCommand) {
        match command {
            CompareCommand::Ask => self.ask_compare_folder(),
            CompareCommand::Start(folder) => self.start_compare(folder),
            CompareCommand::TakeA => self.settle_compare(false),
            CompareCommand::TakeB => self.settle_compare(true),
            CompareCommand::Edit => self.edit_compare(),
            CompareCommand::Step(forward) => self.step_compare(forward),
            CompareCommand::Close => self.compare = CompareState::Idle,
        }
    }

    fn ask_compare_folder(&mut self) {
        if self.workspace.current_loaded().is_none() {
            self.dialogs
                .info("Open an article first: the compare view shows its two records");
            return;
        }
        let path = match &self.compare {
            CompareState::Open(view) => view.folder.display().to_string(),
            _ => String::new(),
        };
        self.compare = CompareState::Asking { path, error: None };
    }

    /// Reads the other folder on a worker thread.
    fn start_compare(&mut self, folder: PathBuf) {
        let Some(index) = self.workspace.current else {
            return;
        };
        let Some(doc) = self.workspace.docs.get(index) else {
            return;
        };
        let DocState::Ready(loaded) = &doc.state else {
            return;
        };
        if !folder.is_dir() {
            let error = Some(format!("{} is not a folder", folder.display()));
            let path = folder.display().to_string();
            self.compare = CompareState::Asking { path, error };
            return;
        }
        let this_folder = doc.path.parent().map(PathBuf::from).unwrap_or_default();
        let hash = crate::text::text_sha256(&loaded.text);
        match self.workers.compare(index, hash, this_folder, folder) {
            Ok(job) => self.compare = CompareState::Running { job, doc: index },
            Err(e) => self.dialogs.error(format!("Cannot compare: {e}")),
        }
    }

    /// The worker's answer: the view, or why there is none.
    pub(super) fn take_compare_result(&mut self, job: u64, loaded: CompareLoaded) {
        if !matches!(self.compare, CompareState::Running { job: j, .. } if j == job) {
            return;
        }
        match loaded.other {
            Ok(other) => {
                self.compare = CompareState::Open(Box::new(CompareView {
                    doc: loaded.doc,
                    folder: loaded.folder,
                    other,
                    figures: loaded.figures,
                    settled: HashSet::new(),
                    settled_count: 0,
                    current: 0,
                    noted: false,
                }));
            }
            Err(e) => {
                let path = loaded.folder.display().to_string();
                self.compare = CompareState::Asking {
                    path,
                    error: Some(e),
                };
            }
        }
    }

    /// The current open difference, if the view is on the open article.
    fn current_difference(&self) -> Option<Difference> {
        let view = self.compare.view()?;
        let open = self.compare_differences();
        let at = view.current.min(open.len().checked_sub(1)?);
        open.into_iter().nth(at)
    }

    /// Settles the current difference: B's value replaces A's in the
    /// record (one undo step), or A's is kept.
    fn settle_compare(&mut self, take_other: bool) {
        let Some(difference) = self.current_difference() else {
            return;
        };
        if take_other {
            if !self.take_other(&difference) {
                self.dialogs
                    .info("The record changed under this difference: look again");
                return;
            }
        } else if let CompareState::Open(view) = &mut self.compare {
            view.settled.insert(difference.key());
        }
        self.note_merge();
        if let CompareState::Open(view) = &mut self.compare {
            view.settled_count += 1;
        }
        self.after_settle();
    }

    /// Puts B's side of `difference` in the record through the history.
    fn take_other(&mut self, difference: &Difference) -> bool {
        let Some(view) = self.compare.view() else {
            return false;
        };
        let other = view.other.clone();
        let Some(doc) = self.workspace.current_loaded_mut() else {
            return false;
        };
        match take_b(&doc.record, &other, difference) {
            Some(record) => {
                doc.replace_record(record);
                self.workspace.touch();
                true
            }
            None => false,
        }
    }

    /// Writes who merged with whom into the record's notes, once.
    fn note_merge(&mut self) {
        let curator = self
            .settings
            .curator_name()
            .unwrap_or_else(|| "an unnamed curator".into());
        let CompareState::Open(view) = &mut self.compare else {
            return;
        };
        if view.noted {
            return;
        }
        view.noted = true;
        let note = merge_note(&curator, &view.folder, &view.other);
        let Some(doc) = self.workspace.current_loaded_mut() else {
            return;
        };
        if doc.record.notes.contains(&note) {
            return;
        }
        let mut record = doc.record.clone();
        if !record.notes.is_empty() {
            record.notes.push('\n');
        }
        record.notes.push_str(&note);
        doc.replace_record(record);
    }

    /// Tells the curator when everything is settled.
    fn after_settle(&mut self) {
        if self.compare_shown() && self.compare_differences().is_empty() {
            self.dialogs
                .info("Every disagreement is settled: save (Ctrl+S) to keep the merged record");
        }
    }

    /// E: the curator edits the record's field by hand; the difference is
    /// settled as theirs. A one-sided item of B is taken first, so that
    /// there is something to edit.
    fn edit_compare(&mut self) {
        let Some(difference) = self.current_difference() else {
            return;
        };
        let mut path = field_of(difference.place);
        if path.is_none() && self.take_other(&difference) {
            path = self.last_item_path(difference.place);
        }
        self.note_merge();
        if let CompareState::Open(view) = &mut self.compare {
            view.settled.insert(difference.key());
            view.settled_count += 1;
        }
        if let Some(path) = path {
            self.selected = Some(path);
            self.enter_field();
        }
    }

    /// The path of the item a one-sided B item became (the last of its list).
    fn last_item_path(&self, place: Place) -> Option<FieldPath> {
        let record = &self.workspace.current_loaded()?.record;
        let last = |n: usize| n.checked_sub(1);
        match place {
            Place::Inspection(_) => last(record.inspections.len()).map(FieldPath::Inspection),
            Place::Finding { inspections, .. } => {
                let i = inspections.a()?;
                let n = record.inspections.get(i)?.findings.len();
                last(n).map(|f| FieldPath::Finding(i, f))
            }
            Place::Person(_) => last(record.people.len()).map(FieldPath::Person),
            Place::Quote(_) => last(record.quotes.len()).map(FieldPath::Quote),
            Place::Figure(_) => last(record.figures.len()).map(FieldPath::Figure),
            Place::Status | Place::Article(_) => None,
        }
    }

    fn step_compare(&mut self, forward: bool) {
        let open = self.compare_differences().len();
        let CompareState::Open(view) = &mut self.compare else {
            return;
        };
        if open == 0 {
            return;
        }
        let at = view.current.min(open - 1);
        view.current = if forward {
            (at + 1) % open
        } else {
            (at + open - 1) % open
        };
    }
}
