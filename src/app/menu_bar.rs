//! The menu bar: every menu item is a command, labelled with its shortcut.

use super::Tab;
use super::command::Command;
use super::safety::SafetyCommand;
use super::settings::{Settings, ThemeChoice};
use super::shortcuts::{Shortcut, shortcut_of};
use super::workspace::Workspace;

/// Adds menu items, each labelled with its key from the shortcut table,
/// and collects the commands of those clicked.
struct Items<'a> {
    table: &'a [Shortcut],
    out: Vec<Command>,
}

impl Items<'_> {
    /// An item that can always be chosen.
    fn add(&mut self, ui: &mut egui::Ui, label: &str, command: Command) {
        self.add_if(ui, label, command, true);
    }

    /// An item that can be chosen only when `enabled`.
    fn add_if(&mut self, ui: &mut egui::Ui, label: &str, command: Command, enabled: bool) {
        let mut button = egui::Button::new(label);
        if let Some(keys) = shortcut_of(self.table, &command) {
            button = button.shortcut_text(ui.ctx().format_shortcut(keys));
        }
        if ui.add_enabled(enabled, button).clicked() {
            self.out.push(command);
        }
    }
}

pub fn menu_bar_ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    settings: &Settings,
    table: &[Shortcut],
) -> Vec<Command> {
    let mut items = Items {
        table,
        out: Vec::new(),
    };
    egui::Panel::top("menu-bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                file_menu_ui(ui, workspace, settings, &mut items)
            });
            ui.menu_button("Edit", |ui| edit_menu_ui(ui, workspace, &mut items));
            ui.menu_button("Review", |ui| review_menu_ui(ui, workspace, &mut items));
            ui.menu_button("View", |ui| view_menu_ui(ui, settings, &mut items));
            ui.menu_button("Help", |ui| {
                items.add(ui, "Keyboard shortcuts", Command::ToggleHelp);
            });
        });
    });
    items.out
}

/// The File menu: opening, importing, saving, exporting, settings.
fn file_menu_ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    settings: &Settings,
    items: &mut Items<'_>,
) {
    let has_doc = workspace.current_loaded().is_some();
    items.add(ui, "Open folder…", Command::OpenFolderDialog);
    items.add(ui, "Open files…", Command::OpenFilesDialog);
    items.add(ui, "Open path…", Command::ShowOpenPath);
    ui.menu_button("Open recent", |ui| {
        if settings.recent.is_empty() {
            ui.label("Nothing yet");
        }
        for p in &settings.recent {
            if ui.button(p.display().to_string()).clicked() {
                items.out.push(Command::Open(vec![p.clone()]));
            }
        }
    });
    items.add(ui, "Open the samples", Command::OpenSamples);
    items.add(ui, "Import…", Command::ShowImport);
    let compare = Command::Compare(super::compare::CompareCommand::Ask);
    items.add_if(ui, "Compare with folder…", compare, has_doc);
    ui.separator();
    items.add_if(ui, "Save", Command::Save, has_doc);
    let save_as = Command::Safety(SafetyCommand::SaveAsDialog);
    items.add_if(ui, "Save as… (to another folder)", save_as, has_doc);
    let dirty = workspace.dirty_count() > 0;
    items.add_if(ui, "Save all", Command::SaveAll, dirty);
    ui.separator();
    ui.menu_button("Export", |ui| {
        let any = workspace.docs.iter().any(|d| d.listed_record().is_some());
        for format in crate::export::ExportFormat::ALL {
            let label = format!("Export {}…", format.label());
            items.add_if(ui, &label, Command::Export(format), any);
        }
    });
    ui.separator();
    items.add(ui, "Settings…", Command::ShowSettings);
    items.add(ui, "Quit", Command::Quit);
}

/// The Edit menu: undo, redo, and the selected field.
fn edit_menu_ui(ui: &mut egui::Ui, workspace: &Workspace, items: &mut Items<'_>) {
    let loaded = workspace.current_loaded();
    let can_undo = loaded.is_some_and(|d| d.history.can_undo());
    let can_redo = loaded.is_some_and(|d| d.history.can_redo());
    items.add_if(ui, "Undo", Command::Undo, can_undo);
    items.add_if(ui, "Redo", Command::Redo, can_redo);
    ui.separator();
    let has_doc = loaded.is_some();
    items.add_if(
        ui,
        "Revert field to machine value",
        Command::RevertSelected,
        has_doc,
    );
    let from_selection = Command::EvidenceFromSelection { add: false };
    items.add_if(ui, "Selection becomes evidence", from_selection, has_doc);
}

/// The Review menu: marking, moving between articles, re-extracting.
fn review_menu_ui(ui: &mut egui::Ui, workspace: &Workspace, items: &mut Items<'_>) {
    let loaded = workspace.current_loaded();
    let has_doc = loaded.is_some();
    items.add_if(
        ui,
        "Mark reviewed and go to next",
        Command::MarkReviewedAndNext,
        has_doc,
    );
    items.add_if(
        ui,
        "Mark off-topic and go to next",
        Command::MarkOffTopicAndNext,
        has_doc,
    );
    ui.separator();
    items.add(ui, "Next article", Command::NextDocument);
    items.add(ui, "Previous article", Command::PreviousDocument);
    items.add(ui, "Search the queue", Command::FocusSearch);
    ui.separator();
    let editable = loaded.is_some_and(|d| d.read_only.is_none());
    let this_one = Command::Reextract { all: false };
    items.add_if(ui, "Re-extract this article…", this_one, editable);
    let every_one = Command::Reextract { all: true };
    items.add_if(
        ui,
        "Re-extract all articles…",
        every_one,
        !workspace.docs.is_empty(),
    );
}

/// The View menu: tabs, theme and text size.
fn view_menu_ui(ui: &mut egui::Ui, settings: &Settings, items: &mut Items<'_>) {
    items.add(ui, "Review tab", Command::ShowTab(Tab::Review));
    items.add(ui, "Corpus tab", Command::ShowTab(Tab::Corpus));
    items.add(ui, "Report tab", Command::ShowTab(Tab::Report));
    ui.separator();
    for theme in ThemeChoice::ALL {
        let label = format!("{} theme", theme.label());
        if ui.radio(settings.theme() == theme, label).clicked() {
            items.out.push(Command::SetTheme(theme));
        }
    }
    items.add(ui, "Larger text", Command::ZoomText(1.0));
    items.add(ui, "Smaller text", Command::ZoomText(-1.0));
}
