//! The menu bar: every menu item is a command, labelled with its shortcut.

use super::command::Command;
use super::settings::{Settings, ThemeChoice};
use super::shortcuts::{Shortcut, shortcut_of};
use super::workspace::Workspace;

/// A menu item for `command`, labelled with its key from the shortcut
/// table; clicking it queues the command.
fn item(
    ui: &mut egui::Ui,
    table: &[Shortcut],
    label: &str,
    command: Command,
    enabled: bool,
    out: &mut Vec<Command>,
) {
    let mut button = egui::Button::new(label);
    if let Some(keys) = shortcut_of(table, &command) {
        button = button.shortcut_text(ui.ctx().format_shortcut(keys));
    }
    if ui.add_enabled(enabled, button).clicked() {
        out.push(command);
    }
}

pub fn menu_bar_ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    settings: &Settings,
    table: &[Shortcut],
) -> Vec<Command> {
    let mut out = Vec::new();
    let loaded = workspace.current_loaded();
    let has_doc = loaded.is_some();
    egui::Panel::top("menu-bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                item(
                    ui,
                    table,
                    "Open folder…",
                    Command::OpenFolderDialog,
                    true,
                    &mut out,
                );
                item(
                    ui,
                    table,
                    "Open files…",
                    Command::OpenFilesDialog,
                    true,
                    &mut out,
                );
                item(
                    ui,
                    table,
                    "Open path…",
                    Command::ShowOpenPath,
                    true,
                    &mut out,
                );
                ui.menu_button("Open recent", |ui| {
                    if settings.recent.is_empty() {
                        ui.label("Nothing yet");
                    }
                    for p in &settings.recent {
                        if ui.button(p.display().to_string()).clicked() {
                            out.push(Command::Open(vec![p.clone()]));
                        }
                    }
                });
                item(
                    ui,
                    table,
                    "Open the samples",
                    Command::OpenSamples,
                    true,
                    &mut out,
                );
                item(ui, table, "Import…", Command::ShowImport, true, &mut out);
                ui.separator();
                item(ui, table, "Save", Command::Save, has_doc, &mut out);
                item(
                    ui,
                    table,
                    "Save as… (to another folder)",
                    Command::Safety(super::safety::SafetyCommand::SaveAsDialog),
                    has_doc,
                    &mut out,
                );
                item(
                    ui,
                    table,
                    "Save all",
                    Command::SaveAll,
                    workspace.dirty_count() > 0,
                    &mut out,
                );
                ui.separator();
                ui.menu_button("Export", |ui| {
                    let any = workspace.docs.iter().any(|d| d.listed_record().is_some());
                    for format in crate::export::ExportFormat::ALL {
                        item(
                            ui,
                            table,
                            &format!("Export {}…", format.label()),
                            Command::Export(format),
                            any,
                            &mut out,
                        );
                    }
                });
                ui.separator();
                item(
                    ui,
                    table,
                    "Settings…",
                    Command::ShowSettings,
                    true,
                    &mut out,
                );
                item(ui, table, "Quit", Command::Quit, true, &mut out);
            });
            ui.menu_button("Edit", |ui| {
                let can_undo = loaded.is_some_and(|d| d.history.can_undo());
                let can_redo = loaded.is_some_and(|d| d.history.can_redo());
                item(ui, table, "Undo", Command::Undo, can_undo, &mut out);
                item(ui, table, "Redo", Command::Redo, can_redo, &mut out);
                ui.separator();
                item(
                    ui,
                    table,
                    "Revert field to machine value",
                    Command::RevertSelected,
                    has_doc,
                    &mut out,
                );
                item(
                    ui,
                    table,
                    "Selection becomes evidence",
                    Command::EvidenceFromSelection { add: false },
                    has_doc,
                    &mut out,
                );
            });
            ui.menu_button("Review", |ui| {
                review_menu_ui(ui, table, workspace, &mut out);
            });
            ui.menu_button("View", |ui| {
                item(
                    ui,
                    table,
                    "Review tab",
                    Command::ShowTab(super::Tab::Review),
                    true,
                    &mut out,
                );
                item(
                    ui,
                    table,
                    "Corpus tab",
                    Command::ShowTab(super::Tab::Corpus),
                    true,
                    &mut out,
                );
                item(
                    ui,
                    table,
                    "Report tab",
                    Command::ShowTab(super::Tab::Report),
                    true,
                    &mut out,
                );
                ui.separator();
                for theme in ThemeChoice::ALL {
                    let label = format!("{} theme", theme.label());
                    if ui.radio(settings.theme() == theme, label).clicked() {
                        out.push(Command::SetTheme(theme));
                    }
                }
                item(
                    ui,
                    table,
                    "Larger text",
                    Command::ZoomText(1.0),
                    true,
                    &mut out,
                );
                item(
                    ui,
                    table,
                    "Smaller text",
                    Command::ZoomText(-1.0),
                    true,
                    &mut out,
                );
            });
            ui.menu_button("Help", |ui| {
                item(
                    ui,
                    table,
                    "Keyboard shortcuts",
                    Command::ToggleHelp,
                    true,
                    &mut out,
                );
            });
        });
    });
    out
}

/// The Review menu: marking, moving between articles, re-extracting.
fn review_menu_ui(
    ui: &mut egui::Ui,
    table: &[Shortcut],
    workspace: &Workspace,
    out: &mut Vec<Command>,
) {
    let loaded = workspace.current_loaded();
    let has_doc = loaded.is_some();
    item(
        ui,
        table,
        "Mark reviewed and go to next",
        Command::MarkReviewedAndNext,
        has_doc,
        out,
    );
    item(
        ui,
        table,
        "Mark off-topic and go to next",
        Command::MarkOffTopicAndNext,
        has_doc,
        out,
    );
    ui.separator();
    item(ui, table, "Next article", Command::NextDocument, true, out);
    item(
        ui,
        table,
        "Previous article",
        Command::PreviousDocument,
        true,
        out,
    );
    item(
        ui,
        table,
        "Search the queue",
        Command::FocusSearch,
        true,
        out,
    );
    ui.separator();
    let editable = loaded.is_some_and(|d| d.read_only.is_none());
    item(
        ui,
        table,
        "Re-extract this article…",
        Command::Reextract { all: false },
        editable,
        out,
    );
    item(
        ui,
        table,
        "Re-extract all articles…",
        Command::Reextract { all: true },
        !workspace.docs.is_empty(),
        out,
    );
}
