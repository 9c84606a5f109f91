//! Drawing the safety banners and dialogs (`safety`): the read-only and
//! failed-save banners, the on-disk conflict question with its side-by-side
//! view, the drafts offer and the Save As path box. Only draws and returns
//! commands.

use super::command::Command;
use super::safety::{SafetyCommand, SafetyState};
use super::workspace::{LoadedDoc, Workspace};
use crate::store::record_changes;

fn push(out: &mut Vec<Command>, c: SafetyCommand) {
    out.push(Command::Safety(c));
}

/// Read-only and failed-save banners for the current article.
pub fn banner_ui(ui: &mut egui::Ui, doc: &LoadedDoc, out: &mut Vec<Command>) {
    if doc.read_only.is_none() && doc.save_error.is_none() {
        return;
    }
    egui::Panel::top("safety-banner").show(ui, |ui| {
        let error = ui.visuals().error_fg_color;
        if let Some(why) = &doc.read_only {
            ui.horizontal_wrapped(|ui| {
                let banner = ui.colored_label(error, why);
                if let Some(details) = &doc.read_only_details {
                    banner.on_hover_text(details);
                }
                if ui
                    .button("Replace with a new record")
                    .on_hover_text("Save the record shown; the old file is kept as .bak")
                    .clicked()
                {
                    push(out, SafetyCommand::ReplaceRecord);
                }
            });
        }
        if let Some(e) = &doc.save_error {
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(error, format!("Not saved: {e}. Your edits are kept."));
                if ui.button("Save As…").clicked() {
                    push(out, SafetyCommand::SaveAsDialog);
                }
            });
        }
    });
}

/// The conflict question, the drafts offer and the Save As path box.
pub fn dialogs_ui(
    ctx: &egui::Context,
    state: &mut SafetyState,
    workspace: &Workspace,
    out: &mut Vec<Command>,
) {
    if let Some(conflict) = &state.conflict {
        let name = conflict
            .article
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mine = workspace
            .docs
            .iter()
            .find(|d| d.path == conflict.article)
            .and_then(|d| d.loaded());
        egui::Modal::new(egui::Id::unique("safety-conflict")).show(ctx, |ui| {
            ui.set_max_width(720.0);
            ui.heading("The record changed on disk");
            ui.label(format!(
                "The record of {name} was changed by someone else since you opened it. \
                 Nothing was saved."
            ));
            if conflict.show_both {
                match (&conflict.theirs, mine) {
                    (Ok(theirs), Some(mine)) => both_ui(ui, theirs, &mine.record),
                    (Err(e), _) => {
                        ui.label(format!("Their file cannot be read as a record: {e}"));
                    }
                    _ => {}
                }
            }
            ui.horizontal(|ui| {
                if ui
                    .button("Keep mine")
                    .on_hover_text("Save my record; theirs is kept as .bak")
                    .clicked()
                {
                    push(out, SafetyCommand::KeepMine);
                }
                if ui
                    .button("Take theirs")
                    .on_hover_text("Drop my edits and read their record")
                    .clicked()
                {
                    push(out, SafetyCommand::TakeTheirs);
                }
                if !conflict.show_both && ui.button("Show both").clicked() {
                    push(out, SafetyCommand::ShowBoth);
                }
            });
        });
    } else if !state.drafts_offer.is_empty() {
        egui::Modal::new(egui::Id::unique("safety-drafts")).show(ctx, |ui| {
            ui.set_max_width(720.0);
            ui.heading("Restore unsaved edits?");
            ui.label("These edits were not saved when the app last closed:");
            egui::ScrollArea::vertical()
                .max_height(400.0)
                .show(ui, |ui| {
                    for offer in &state.drafts_offer {
                        let name = offer
                            .draft
                            .article
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        ui.strong(name);
                        for change in &offer.changes {
                            ui.label(format!("  {change}"));
                        }
                    }
                });
            ui.horizontal(|ui| {
                if ui.button("Restore").clicked() {
                    push(out, SafetyCommand::RestoreDrafts);
                }
                if ui.button("Discard").clicked() {
                    push(out, SafetyCommand::DiscardDrafts);
                }
            });
        });
    } else if let Some((text, error)) = &mut state.save_as {
        egui::Modal::new(egui::Id::unique("safety-save-as")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading("Save As");
            ui.label("A folder to save the record in:");
            ui.add(
                egui::TextEdit::singleline(text)
                    .id_salt("save-as-path")
                    .desired_width(f32::INFINITY),
            );
            if let Some(e) = error {
                ui.colored_label(ui.visuals().error_fg_color, e.as_str());
            }
            ui.horizontal(|ui| {
                if ui.button("Save here").clicked() {
                    let folder = std::path::PathBuf::from(text.trim());
                    push(out, SafetyCommand::SaveAsTo(folder));
                }
                if ui.button("Cancel").clicked() {
                    push(out, SafetyCommand::CloseSaveAs);
                }
            });
        });
    }
}

/// Their record and mine, field by field where they differ.
fn both_ui(ui: &mut egui::Ui, theirs: &crate::model::Record, mine: &crate::model::Record) {
    let changes = record_changes(theirs, mine);
    egui::ScrollArea::vertical()
        .max_height(360.0)
        .show(ui, |ui| {
            egui::Grid::new("safety-both").striped(true).show(ui, |ui| {
                ui.strong("Field");
                ui.strong("Theirs (on disk)");
                ui.strong("Mine");
                ui.end_row();
                for c in &changes {
                    ui.label(&c.location);
                    ui.label(c.before.as_deref().unwrap_or("(none)"));
                    ui.label(c.after.as_deref().unwrap_or("(none)"));
                    ui.end_row();
                }
            });
        });
}
