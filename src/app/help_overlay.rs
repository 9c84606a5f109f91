//! The F1 overlay listing every shortcut, generated from the same table the
//! input handler reads.

use super::command::Command;
use super::shortcuts::{Scope, Shortcut};

pub fn help_overlay_ui(ctx: &egui::Context, open: &mut bool, table: &[Shortcut]) -> Vec<Command> {
    if !*open {
        return Vec::new();
    }
    let mut groups: Vec<&str> = Vec::new();
    for s in table {
        if !groups.contains(&s.group) {
            groups.push(s.group);
        }
    }
    groups.sort_by_key(|g| {
        ["File", "Review", "Evidence", "Edit", "View", "Help"]
            .iter()
            .position(|x| x == g)
    });
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .default_width(520.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().max_height(560.0).show(ui, |ui| {
                for group in groups {
                    ui.strong(group);
                    egui::Grid::new(("help", group)).num_columns(2).striped(true).show(ui, |ui| {
                        for s in table.iter().filter(|s| s.group == group) {
                            ui.monospace(ctx.format_shortcut(&s.keys));
                            let note = if s.scope == Scope::NotTyping {
                                format!("{} (when not typing)", s.description)
                            } else {
                                s.description.to_string()
                            };
                            ui.label(note);
                            ui.end_row();
                        }
                    });
                    ui.add_space(6.0);
                }
                ui.weak("Select text in the article, then press a key above to use it. Click highlighted text to select the field it supports.");
            });
        });
    Vec::new()
}
