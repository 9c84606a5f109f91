//! The menu bar: every menu item is a command, labelled with its shortcut.

use super::command::Command;
use super::settings::Settings;
use super::workspace::Workspace;
use egui::{Key, KeyboardShortcut, Modifiers};

fn item(ui: &mut egui::Ui, label: &str, shortcut: Option<KeyboardShortcut>, enabled: bool) -> bool {
    let mut button = egui::Button::new(label);
    if let Some(s) = shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(&s));
    }
    ui.add_enabled(enabled, button).clicked()
}

fn ctrl(key: Key) -> Option<KeyboardShortcut> {
    Some(KeyboardShortcut::new(Modifiers::COMMAND, key))
}

fn ctrl_shift(key: Key) -> Option<KeyboardShortcut> {
    Some(KeyboardShortcut::new(
        Modifiers {
            shift: true,
            ..Modifiers::COMMAND
        },
        key,
    ))
}

pub fn menu_bar_ui(ui: &mut egui::Ui, workspace: &Workspace, settings: &Settings) -> Vec<Command> {
    let mut out = Vec::new();
    let loaded = workspace.current_loaded();
    let has_doc = loaded.is_some();
    egui::Panel::top("menu-bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if item(ui, "Open folder…", ctrl(Key::O), true) {
                    out.push(Command::OpenFolderDialog);
                }
                if item(ui, "Open files…", ctrl_shift(Key::O), true) {
                    out.push(Command::OpenFilesDialog);
                }
                if item(ui, "Open path…", ctrl(Key::L), true) {
                    out.push(Command::ShowOpenPath);
                }
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
                if item(ui, "Open the samples", None, true) {
                    out.push(Command::OpenSamples);
                }
                ui.separator();
                if item(ui, "Save", ctrl(Key::S), has_doc) {
                    out.push(Command::Save);
                }
                if item(ui, "Save as… (to another folder)", None, has_doc) {
                    out.push(Command::Safety(super::safety::SafetyCommand::SaveAsDialog));
                }
                if item(
                    ui,
                    "Save all",
                    ctrl_shift(Key::S),
                    workspace.dirty_count() > 0,
                ) {
                    out.push(Command::SaveAll);
                }
                ui.separator();
                ui.menu_button("Export", |ui| {
                    let any = workspace.docs.iter().any(|d| d.listed_record().is_some());
                    for format in crate::export::ExportFormat::ALL {
                        if item(ui, &format!("Export {}…", format.label()), None, any) {
                            out.push(Command::Export(format));
                        }
                    }
                });
                ui.separator();
                if item(ui, "Settings…", None, true) {
                    out.push(Command::ShowSettings);
                }
                if item(ui, "Quit", ctrl(Key::Q), true) {
                    out.push(Command::Quit);
                }
            });
            ui.menu_button("Edit", |ui| {
                let can_undo = loaded.is_some_and(|d| d.history.can_undo());
                let can_redo = loaded.is_some_and(|d| d.history.can_redo());
                if item(ui, "Undo", ctrl(Key::Z), can_undo) {
                    out.push(Command::Undo);
                }
                if item(ui, "Redo", ctrl_shift(Key::Z), can_redo) {
                    out.push(Command::Redo);
                }
                ui.separator();
                if item(ui, "Revert field to machine value", ctrl(Key::R), has_doc) {
                    out.push(Command::RevertSelected);
                }
                if item(ui, "Selection becomes evidence", None, has_doc) {
                    out.push(Command::EvidenceFromSelection { add: false });
                }
            });
            ui.menu_button("Review", |ui| {
                if item(
                    ui,
                    "Mark reviewed and go to next",
                    ctrl(Key::Enter),
                    has_doc,
                ) {
                    out.push(Command::MarkReviewedAndNext);
                }
                if item(
                    ui,
                    "Mark off-topic and go to next",
                    ctrl_shift(Key::Enter),
                    has_doc,
                ) {
                    out.push(Command::MarkOffTopicAndNext);
                }
                ui.separator();
                let alt = |k| Some(KeyboardShortcut::new(Modifiers::ALT, k));
                if item(ui, "Next article", alt(Key::ArrowDown), true) {
                    out.push(Command::NextDocument);
                }
                if item(ui, "Previous article", alt(Key::ArrowUp), true) {
                    out.push(Command::PreviousDocument);
                }
                if item(ui, "Search the queue", ctrl(Key::F), true) {
                    out.push(Command::FocusSearch);
                }
            });
            ui.menu_button("View", |ui| {
                if item(ui, "Review tab", ctrl(Key::Num1), true) {
                    out.push(Command::ShowTab(super::Tab::Review));
                }
                if item(ui, "Corpus tab", ctrl(Key::Num2), true) {
                    out.push(Command::ShowTab(super::Tab::Corpus));
                }
                ui.separator();
                let dark = settings.dark_mode;
                if item(
                    ui,
                    if dark { "Light theme" } else { "Dark theme" },
                    None,
                    true,
                ) {
                    out.push(Command::SetDarkMode(!dark));
                }
                if item(ui, "Larger text", ctrl(Key::Plus), true) {
                    out.push(Command::ZoomText(1.0));
                }
                if item(ui, "Smaller text", ctrl(Key::Minus), true) {
                    out.push(Command::ZoomText(-1.0));
                }
            });
            ui.menu_button("Help", |ui| {
                let f1 = Some(KeyboardShortcut::new(Modifiers::NONE, Key::F1));
                if item(ui, "Keyboard shortcuts", f1, true) {
                    out.push(Command::ToggleHelp);
                }
            });
        });
    });
    out
}
