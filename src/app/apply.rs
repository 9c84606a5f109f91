//! The one place commands act: on the workspace, the workers, the settings
//! and the view state. Panels, menus, shortcuts and tests all come here.

use super::choices;
use super::command::{Command, GuardChoice};
use super::dialogs::Pending;
use super::edit::{Edit, NewItem, moved_path};
use super::fields::{FieldPath, ItemKind, all_paths, step_field};
use super::queue::queue_rows;
use super::worker::SaveJob;
use super::{CuratorApp, LoadState};
use crate::model::{Span, Status, now_rfc3339};
use std::path::PathBuf;

impl CuratorApp {
    pub fn apply_command(&mut self, command: Command) {
        let saves = matches!(
            command,
            Command::Save
                | Command::SaveAll
                | Command::MarkReviewedAndNext
                | Command::MarkOffTopicAndNext
        );
        if saves && !self.settings.asked_name && self.settings.curator_name().is_none() {
            // Ask once who is curating, then carry on.
            self.dialogs.name_prompt = Some(command);
            return;
        }
        // Choices on screen wait for one key: anything else puts them away,
        // and an Escape does nothing more.
        if !matches!(command, Command::Pick(_) | Command::ShowChoices(_))
            && self.picker.take().is_some()
            && command == Command::Escape
        {
            return;
        }
        match command {
            Command::Open(paths) => self.open_guarded(paths),
            Command::OpenSamples => match super::install_bundled_samples() {
                Ok(dir) => self.open_guarded(vec![dir]),
                Err(e) => self.dialogs.error(e),
            },
            Command::OpenFilesDialog | Command::OpenFolderDialog => {
                let folder = command == Command::OpenFolderDialog;
                if let Err(e) = self.dialogs.open.start_native(folder) {
                    self.dialogs.open.show_path_box(String::new());
                    self.dialogs.open.path_error = Some(e);
                }
            }
            Command::ShowImport => self.import.show(),
            Command::ShowOpenPath => {
                let start = self
                    .settings
                    .recent
                    .first()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                self.dialogs.open.show_path_box(start);
            }
            Command::SelectDocument(i) => self.select_document(i),
            Command::NextDocument => self.step_document(true),
            Command::PreviousDocument => self.step_document(false),
            Command::SelectField(p) => self.selected = p,
            Command::NextField | Command::PreviousField => {
                if let Some(doc) = self.workspace.current_loaded() {
                    let forward = command == Command::NextField;
                    self.selected = step_field(&doc.record, self.selected, forward);
                }
            }
            Command::FocusSearch => self.queue.focus_search(),
            Command::SetStatusFilter(f) => self.queue.filter.status = f,
            Command::Edit(edit) => {
                self.edit(edit);
            }
            // Once the selected words are in the record the selection is
            // done, so that the next letter key acts on the field (P flips a
            // polarity rather than making a second person of the same words).
            Command::EvidenceFromSelection { add } => {
                if self.evidence_from_selection(add) {
                    self.set_source_selection(None);
                }
            }
            Command::NewItemFromSelection(kind) => {
                if self.new_item_from_selection(kind) {
                    self.set_source_selection(None);
                }
            }
            Command::RemoveSelected => self.reject_selected(),
            Command::EnterField => self.enter_field(),
            Command::AcceptSelected => self.accept_selected(),
            Command::SetJudgement(judgement) => {
                let edit = self
                    .selected
                    .zip(self.workspace.current_loaded())
                    .and_then(|(path, doc)| choices::judgement_edit(&doc.record, path, judgement));
                match edit {
                    Some(edit) => {
                        self.edit(edit);
                    }
                    None => self.dialogs.info(
                        "Select an inspection (J/K), then press 1-4 for its judgement, 0 for none",
                    ),
                }
            }
            Command::ShowChoices(field) => {
                match self.selected.and_then(|p| choices::picker_for(p, field)) {
                    Some(picker) => self.picker = Some(picker),
                    None => self.dialogs.info(format!(
                        "Select {} (J/K) first, then press the key for its {}",
                        if field == choices::PickField::Theme {
                            "a finding"
                        } else {
                            "an inspection"
                        },
                        field.label().to_lowercase()
                    )),
                }
            }
            Command::Pick(index) => {
                let edit = self
                    .picker
                    .take()
                    .zip(self.workspace.current_loaded())
                    .and_then(|(picker, doc)| choices::pick_edit(&doc.record, picker, index));
                if let Some(edit) = edit {
                    self.edit(edit);
                }
            }
            Command::RevertSelected => match self.selected {
                Some(p) => {
                    self.edit(Edit::Revert(p));
                }
                None => self.dialogs.info("Select an edited field to revert it"),
            },
            Command::Reextract { all } => self.start_reextract(all),
            Command::ApplyReextract => self.apply_reextract(),
            Command::CancelReextract => self.cancel_reextract(),
            Command::Undo => self.undo_redo(true),
            Command::Redo => self.undo_redo(false),
            Command::MarkReviewedAndNext => self.mark_and_next(Status::Reviewed),
            Command::MarkOffTopicAndNext => self.mark_and_next(Status::OffTopic),
            Command::Save => {
                if let Some(i) = self.workspace.current {
                    self.save(i);
                }
            }
            Command::SaveAll => self.save_all(),
            Command::Quit => {
                if self.workspace.dirty_count() > 0 {
                    self.dialogs.ask(Pending::Close);
                } else {
                    self.close_now();
                }
            }
            Command::Guard(choice) => self.answer_guard(choice),
            Command::ToggleHelp => self.dialogs.help_open = !self.dialogs.help_open,
            Command::ShowSettings => self.dialogs.settings_open = true,
            Command::SetCuratorName(name) => {
                self.settings.curator = name;
                self.settings.asked_name = true;
            }
            Command::SetTheme(theme) => self.settings.set_theme(theme),
            Command::ZoomText(delta) => self.settings.zoom(delta),
            Command::Escape => self.escape(),
            Command::Safety(c) => self.apply_safety(c),
            Command::Compare(c) => self.apply_compare(c),
            Command::ShowTab(tab) => self.tab = tab,
            Command::OpenInspection { doc, inspection } => {
                self.tab = super::Tab::Review;
                self.select_document(doc);
                self.selected = Some(FieldPath::Inspection(inspection));
            }
            Command::OpenCase { doc, field } => self.open_case(doc, field),
            Command::Export(format) => self.export_dialog(format),
            Command::ExportTo {
                format,
                path,
                overwrite,
            } => self.export_to(format, path, overwrite),
        }
        self.workspace.touch();
    }

    /// A case of the report: its article in Review, its field selected
    /// (if it is still there).
    fn open_case(&mut self, doc: usize, field: Option<FieldPath>) {
        self.tab = super::Tab::Review;
        self.select_document(doc);
        let record = self.workspace.current_loaded().map(|d| &d.record);
        self.selected = field.filter(|p| record.is_some_and(|r| p.evidence(r).is_some()));
    }

    fn escape(&mut self) {
        if self.dialogs.help_open {
            self.dialogs.help_open = false;
        } else if self.dialogs.settings_open {
            self.dialogs.settings_open = false;
        } else if let Some(then) = self.dialogs.name_prompt.take() {
            self.settings.asked_name = true;
            self.apply_command(then);
        } else if self.ctx.memory(|m| m.focused()).is_some() {
            self.ctx.memory_mut(|m| {
                if let Some(id) = m.focused() {
                    m.surrender_focus(id);
                }
            });
        } else {
            self.selected = None;
        }
    }

    /// Opens `paths`, asking first when there are unsaved changes.
    fn open_guarded(&mut self, paths: Vec<PathBuf>) {
        if self.workspace.dirty_count() > 0 {
            self.dialogs.ask(Pending::Open(paths));
        } else {
            self.open_now(paths);
        }
    }

    /// Replaces the workspace with `paths`, loaded in the background.
    pub(super) fn open_now(&mut self, paths: Vec<PathBuf>) {
        let missing: Vec<String> = paths
            .iter()
            .filter(|p| !p.exists())
            .map(|p| format!("{}: no such file or folder", p.display()))
            .collect();
        for m in &missing {
            self.dialogs.error(m.clone());
        }
        if missing.len() == paths.len() && !paths.is_empty() {
            return;
        }
        self.workspace = Default::default();
        self.residency = Default::default();
        self.workspace.title = match paths.as_slice() {
            [one] => one.display().to_string(),
            many => format!("{} paths", many.len()),
        };
        self.settings.remember(&paths);
        self.selected = None;
        self.reextract = Default::default();
        self.load = LoadState::Running { done: 0, total: 0 };
        self.job = self.workers.open(paths);
    }

    fn select_document(&mut self, i: usize) {
        if i < self.workspace.docs.len() && self.workspace.current != Some(i) {
            self.workspace.current = Some(i);
            self.selected = None;
            self.accepted.clear();
        }
    }

    /// Moves to the next (or previous) article in the queue as filtered.
    fn step_document(&mut self, forward: bool) {
        let rows = queue_rows(&self.workspace, &self.queue.filter);
        let current = self.workspace.current;
        let target = if forward {
            rows.iter().find(|r| current.is_none_or(|c| r.doc > c))
        } else {
            rows.iter()
                .rev()
                .find(|r| current.is_none_or(|c| r.doc < c))
        };
        match target {
            Some(r) => self.select_document(r.doc),
            None if forward => self.dialogs.info("That was the last article in the queue"),
            None => {}
        }
    }

    /// Applies `edit` to the current record; true when it changed something.
    fn edit(&mut self, edit: Edit) -> bool {
        let selected = self.selected;
        let Some(doc) = self.workspace.current_loaded_mut() else {
            return false;
        };
        if doc.read_only.is_some() {
            self.dialogs.info(
                "This record is read-only: its file is kept as it is. \
                 Use \"Replace with a new record\" to edit and save a new one",
            );
            return false;
        }
        // Where the selection goes after a structural change.
        let new_selection = match &edit {
            Edit::Remove(p) if Some(*p) == selected => Some(None),
            Edit::Move(p, d) if Some(*p) == selected => Some(moved_path(&doc.record, *p, *d)),
            Edit::Add(item) => Some(Some(added_path(&doc.record, item))),
            _ => None,
        };
        if let Edit::Revert(p) = &edit
            && !super::edit::can_revert(&doc.record, doc.machine.as_ref(), *p)
        {
            self.dialogs
                .info(format!("{} has no machine value to revert to", p.label()));
            return false;
        }
        if !doc.edit(edit) {
            return false;
        }
        if let Some(sel) = new_selection {
            self.selected = sel;
        }
        true
    }

    fn undo_redo(&mut self, undo: bool) {
        let Some(doc) = self.workspace.current_loaded_mut() else {
            return;
        };
        let done = if undo { doc.undo() } else { doc.redo() };
        if done {
            // The selected field may no longer exist.
            if let Some(p) = self.selected
                && p.evidence(&doc.record).is_none()
            {
                self.selected = None;
            }
        }
    }

    fn evidence_from_selection(&mut self, add: bool) -> bool {
        let Some(path) = self.selected else {
            self.dialogs
                .info("Select a field first (click it in the record, or press J/K), then press E");
            return false;
        };
        let Some(range) = self.source.selection.clone() else {
            self.dialogs
                .info("Select the words in the article first, then press E");
            return false;
        };
        let Some(doc) = self.workspace.current_loaded() else {
            return false;
        };
        let mut spans = if add {
            path.evidence(&doc.record)
                .map(<[Span]>::to_vec)
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        spans.push(Span(range.start, range.end));
        self.edit(Edit::Evidence(path, spans))
    }

    fn new_item_from_selection(&mut self, kind: ItemKind) -> bool {
        let Some(doc) = self.workspace.current_loaded() else {
            return false;
        };
        // P with no words selected acts on the selected finding instead.
        if kind == ItemKind::Person
            && self.source.selection.is_none()
            && let Some(edit) = self
                .selected
                .and_then(|p| choices::polarity_flip_edit(&doc.record, p))
        {
            self.edit(edit);
            return false; // the words, if any, are still to be used
        }
        let Some((text, range)) = self.source.selected_text(doc) else {
            self.dialogs.info(format!(
                "Select the words in the article first, then press the key for a new {}",
                kind.label()
            ));
            return false;
        };
        let inspection = match self.selected {
            Some(FieldPath::Inspection(i) | FieldPath::Finding(i, _)) => Some(i),
            _ => (!doc.record.inspections.is_empty()).then_some(0),
        };
        let evidence = vec![Span(range.start, range.end)];
        match NewItem::from_selection(kind, inspection, text, evidence) {
            Some(item) => self.edit(Edit::Add(item)),
            None => {
                self.dialogs
                    .info("Add an inspection first: a finding belongs to one");
                false
            }
        }
    }

    /// Delete: the selected value or item is wrong. The selection stays at
    /// the same place in the form, so that the next Delete or A goes on.
    fn reject_selected(&mut self) {
        let Some(path) = self.selected else {
            self.dialogs
                .info("Select a field (J/K) first, then press Delete to reject it");
            return;
        };
        let Some(doc) = self.workspace.current_loaded() else {
            return;
        };
        let place = all_paths(&doc.record).iter().position(|p| *p == path);
        self.edit(Edit::Remove(path));
        if let (Some(place), Some(doc)) = (place, self.workspace.current_loaded()) {
            let paths = all_paths(&doc.record);
            self.selected = paths.get(place.min(paths.len().saturating_sub(1))).copied();
        }
        self.accepted.clear();
    }

    /// Enter: the keyboard goes into the selected field (the first field
    /// when none is selected).
    pub(super) fn enter_field(&mut self) {
        let Some(doc) = self.workspace.current_loaded() else {
            return;
        };
        if doc.read_only.is_some() {
            return;
        }
        let Some(path) = self
            .selected
            .or_else(|| step_field(&doc.record, None, true))
        else {
            return;
        };
        self.selected = Some(path);
        self.record.enter(path);
    }

    /// A: the selected field is right as it is; on to the next one.
    fn accept_selected(&mut self) {
        let Some(doc) = self.workspace.current_loaded() else {
            return;
        };
        let Some(path) = self.selected else {
            self.selected = step_field(&doc.record, None, true);
            return;
        };
        self.accepted.insert(path);
        let paths = all_paths(&doc.record);
        if paths.iter().all(|p| self.accepted.contains(p)) {
            self.dialogs.info(
                "Every field is accepted: Ctrl+Enter marks the article reviewed and opens the next",
            );
        }
        self.selected = step_field(&doc.record, Some(path), true);
    }

    fn mark_and_next(&mut self, status: Status) {
        let Some(i) = self.workspace.current else {
            return;
        };
        if self.workspace.current_loaded().is_none() {
            return;
        }
        self.edit(Edit::Status(status));
        self.save(i);
        self.step_document(true);
    }

    /// Sends document `i` to the saver, stamped with the curator and time.
    fn save(&mut self, i: usize) {
        let curator = self.settings.curator_name();
        let draft = self.draft_file(i);
        let Some(doc) = self.workspace.docs.get_mut(i) else {
            return;
        };
        let article = doc.path.clone();
        let Some(loaded) = doc.loaded_mut() else {
            return;
        };
        if loaded.saving == Some(loaded.revision) || loaded.read_only.is_some() {
            return;
        }
        // Only a person's work carries their name: an untouched machine
        // record saved as it is stays a machine record, which a later
        // `extract --overwrite` may replace.
        if loaded.record.is_curated() {
            if loaded.record.status == Status::Unreviewed {
                loaded.record.status = Status::InProgress;
            }
            if curator.is_some() {
                loaded.record.curator = curator;
            }
        }
        loaded.record.updated = now_rfc3339();
        loaded.saving = Some(loaded.revision);
        let job = SaveJob {
            article,
            sidecar: loaded.sidecar.clone(),
            record: loaded.record.clone(),
            revision: loaded.revision,
            expected: Some(loaded.disk.clone()),
            backup: false,
            draft,
        };
        if let Err(e) = self.workers.save(job) {
            loaded.saving = None;
            loaded.save_error = Some(e.clone());
            self.dialogs
                .error(format!("Not saved: {e}. Your edits are kept."));
        }
    }

    fn save_all(&mut self) {
        let dirty: Vec<usize> = (0..self.workspace.docs.len())
            .filter(|&i| self.workspace.docs[i].is_dirty())
            .collect();
        for i in dirty {
            self.save(i);
        }
    }

    fn answer_guard(&mut self, choice: GuardChoice) {
        let Some(pending) = self.dialogs.pending.take() else {
            return;
        };
        match choice {
            GuardChoice::Cancel => {}
            GuardChoice::Discard => self.carry_out(pending),
            GuardChoice::SaveAll => {
                self.dialogs.after_save = Some(pending);
                self.save_all();
                self.continue_after_save();
            }
        }
    }

    /// After "Save all": once every save has landed without error, do what
    /// was waiting.
    pub(super) fn continue_after_save(&mut self) {
        if self.dialogs.after_save.is_none() {
            return;
        }
        let busy = self
            .workspace
            .docs
            .iter()
            .filter_map(|d| d.loaded())
            .any(|d| d.saving.is_some());
        if busy {
            return;
        }
        if self.workspace.dirty_count() > 0 {
            self.dialogs.after_save = None;
            return;
        }
        if let Some(pending) = self.dialogs.after_save.take() {
            self.carry_out(pending);
        }
    }

    fn carry_out(&mut self, pending: Pending) {
        match pending {
            Pending::Close => self.close_now(),
            Pending::Open(paths) => self.open_now(paths),
        }
    }

    fn close_now(&mut self) {
        self.allow_close = true;
        self.ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

/// Where an item lands when `item` is appended.
fn added_path(record: &crate::model::Record, item: &NewItem) -> FieldPath {
    match item {
        NewItem::Inspection(_) => FieldPath::Inspection(record.inspections.len()),
        NewItem::Finding(i, _) => FieldPath::Finding(
            *i,
            record.inspections.get(*i).map_or(0, |x| x.findings.len()),
        ),
        NewItem::Person(_) => FieldPath::Person(record.people.len()),
        NewItem::Quote(_) => FieldPath::Quote(record.quotes.len()),
        NewItem::Figure(_) => FieldPath::Figure(record.figures.len()),
    }
}
