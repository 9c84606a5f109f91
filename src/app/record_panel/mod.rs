//! The record form (right): status, article values, inspections with their
//! findings, people, quotes, figures and notes. Every change is returned as
//! a command carrying the edited value; provenance is shown per value.

mod article;
mod inspections;
mod items;
mod widgets;

use super::command::Command;
use super::edit::Edit;
use super::fields::FieldPath;
use super::palette;
use super::workspace::{LoadedDoc, Workspace};
use crate::app::choices::Picker;
use crate::model::Status;
use std::collections::HashSet;
use widgets::CardLook;

#[derive(Default)]
pub struct RecordPanel {
    /// The field under the pointer this frame (its evidence is emphasised).
    hovered: Option<FieldPath>,
    /// The selection the form last scrolled to.
    scrolled_to: Option<FieldPath>,
    /// Enter was pressed on this field: its first input takes the keyboard
    /// when it is next drawn.
    entering: Option<FieldPath>,
}

/// The keyboard state of the review that the form shows.
#[derive(Clone, Copy)]
pub struct FormKeys<'a> {
    pub selected: Option<FieldPath>,
    /// Fields the curator accepted as they are (A).
    pub accepted: &'a HashSet<FieldPath>,
    /// A field's choices waiting for a key (T, N, S).
    pub picker: Option<Picker>,
}

/// What a section needs to draw itself.
pub struct FormCtx<'a> {
    pub doc: &'a LoadedDoc,
    pub selected: Option<FieldPath>,
    pub accepted: &'a HashSet<FieldPath>,
    pub picker: Option<Picker>,
    pub entering: Option<FieldPath>,
    /// Scroll the form to this field this frame.
    pub scroll_to: Option<FieldPath>,
    pub hovered: Option<FieldPath>,
    pub out: Vec<Command>,
}

impl FormCtx<'_> {
    /// Wires a card's response: click selects, hover links, scrolls into view.
    pub fn card_response(&mut self, path: FieldPath, response: &egui::Response) {
        if response.clicked() {
            self.out.push(Command::SelectField(Some(path)));
        }
        if response.hovered() {
            self.hovered = Some(path);
        }
        if self.scroll_to == Some(path) {
            // The top of the card: a long one would otherwise show its middle.
            response.scroll_to_me(Some(egui::Align::TOP));
        }
    }

    /// How the card of `path` is drawn; `keys` lists what acts on it.
    pub fn look(&self, path: FieldPath, keys: &'static str) -> CardLook {
        CardLook {
            selected: self.selected == Some(path),
            entering: self.entering == Some(path),
            accepted: self.accepted.contains(&path),
            keys,
        }
    }

    pub fn can_revert(&self, path: FieldPath) -> bool {
        super::edit::can_revert(&self.doc.record, self.doc.machine.as_ref(), path)
    }
}

impl RecordPanel {
    pub fn hovered(&self) -> Option<FieldPath> {
        self.hovered
    }

    /// Puts the keyboard in `path`'s first input when it is next drawn.
    pub fn enter(&mut self, path: FieldPath) {
        self.entering = Some(path);
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        workspace: &Workspace,
        keys: FormKeys<'_>,
    ) -> Vec<Command> {
        let selected = keys.selected;
        let mut out = Vec::new();
        let scroll_to = (self.scrolled_to != selected).then_some(selected).flatten();
        self.scrolled_to = selected;
        egui::Panel::right("record")
            .resizable(true)
            .default_size(430.0)
            .size_range(320.0..=760.0)
            .show(ui, |ui| {
                // egui sizes a panel to its content each frame: filling the
                // width it was given keeps it as wide as the curator left it,
                // so that its buttons stay put from one article to the next.
                ui.set_min_width(ui.available_width());
                // Labels pass clicks to the card they are on (selecting it).
                ui.style_mut().interaction.selectable_labels = false;
                let Some(doc) = workspace.current_loaded() else {
                    ui.add_space(8.0);
                    ui.weak("No record to show.");
                    self.hovered = None;
                    return;
                };
                let mut form = FormCtx {
                    doc,
                    selected,
                    accepted: keys.accepted,
                    picker: keys.picker,
                    entering: self.entering.take(),
                    scroll_to,
                    hovered: None,
                    out: Vec::new(),
                };
                // A read-only record (kept as it is on disk) shows its values
                // but offers no way to change them.
                let editable = doc.read_only.is_none();
                ui.add_enabled_ui(editable, |ui| header_ui(ui, &mut form));
                ui.separator();
                egui::ScrollArea::vertical()
                    .id_salt("record-scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        ui.add_enabled_ui(editable, |ui| {
                            article::article_ui(ui, &mut form);
                            inspections::inspections_ui(ui, &mut form);
                            items::people_ui(ui, &mut form);
                            items::quotes_ui(ui, &mut form);
                            items::figures_ui(ui, &mut form);
                            notes_ui(ui, &mut form);
                        });
                    });
                self.hovered = form.hovered;
                out = form.out;
            });
        out
    }
}

fn header_ui(ui: &mut egui::Ui, form: &mut FormCtx<'_>) {
    let record = &form.doc.record;
    let dark = ui.visuals().dark_mode;
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.heading("Record");
        for s in Status::ALL {
            let text = egui::RichText::new(s.label()).color(palette::status_color(s, dark));
            if ui.selectable_label(record.status == s, text).clicked() {
                form.out.push(Command::Edit(Edit::Status(s)));
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("✔ Reviewed, next")
            .on_hover_text("Mark reviewed, save, and go to the next article (Ctrl+Enter)")
            .clicked()
        {
            form.out.push(Command::MarkReviewedAndNext);
        }
        let dirty = form.doc.is_dirty();
        if ui
            .add_enabled(dirty, egui::Button::new("Save"))
            .on_hover_text("Save this record (Ctrl+S)")
            .clicked()
        {
            form.out.push(Command::Save);
        }
        if dirty {
            ui.label("• unsaved");
        } else if form.doc.saved_revision.is_some() {
            ui.weak("saved");
        }
        if let Some(who) = &record.curator {
            ui.weak(format!("by {who}"));
        }
    });
    if let Some(e) = &form.doc.save_error {
        ui.colored_label(
            ui.visuals().error_fg_color,
            format!("⚠ Not saved: {e}. Your edits are kept."),
        );
    }
}

fn notes_ui(ui: &mut egui::Ui, form: &mut FormCtx<'_>) {
    ui.add_space(8.0);
    ui.strong("Notes");
    let mut notes = form.doc.record.notes.clone();
    let label = ui.label("Notes for other curators");
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut notes)
                .id_salt("record-notes")
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if response.changed() {
        form.out.push(Command::Edit(Edit::Notes(notes)));
    }
}
