//! The F1 overlay listing every shortcut, generated from the same table the
//! input handler reads: one row per action, with all of its keys.

use super::shortcuts::Shortcut;

/// The groups in the order a curator needs them, split over three columns
/// so that the whole list fits a 1280x720 window.
const COLUMNS: [&[&str]; 3] = [
    &["Fields"],
    &["Review", "Evidence"],
    &["Edit", "File", "View", "Help"],
];

/// One line of the help: an action and every key that does it.
#[derive(Debug, Clone, PartialEq)]
pub struct HelpRow {
    pub keys: String,
    pub description: String,
}

/// The rows of `group`, one per action (Ctrl+Shift+Z and Ctrl+Y share the
/// "Redo" row).
pub fn help_rows(ctx: &egui::Context, table: &[Shortcut], group: &str) -> Vec<HelpRow> {
    let mut rows: Vec<HelpRow> = Vec::new();
    let mut in_order: Vec<&Shortcut> = table.iter().filter(|s| s.group == group).collect();
    // The table is sorted for matching; the help reads as it was written.
    in_order.sort_by_key(|s| s.order);
    for s in in_order {
        let keys = ctx.format_shortcut(&s.keys);
        // One row per action: the same description is the same action, even
        // where its keys give different values (1-4 for the judgement).
        match rows.iter_mut().find(|r| r.description == s.description) {
            Some(row) => {
                row.keys.push_str(" / ");
                row.keys.push_str(&keys);
            }
            None => rows.push(HelpRow {
                keys,
                description: s.description.to_string(),
            }),
        }
    }
    rows
}

pub fn help_overlay_ui(ctx: &egui::Context, open: &mut bool, table: &[Shortcut]) {
    if !*open {
        return;
    }
    let max_height = (ctx.content_rect().height() - 120.0).max(200.0);
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.weak(
                "Letter keys act when you are not typing in a field. Select words in the \
                 article first for the evidence keys.",
            );
            ui.add_space(4.0);
            egui::ScrollArea::vertical()
                .max_height(max_height)
                .min_scrolled_height(max_height)
                .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
                .show(ui, |ui| {
                    ui.horizontal_top(|ui| {
                        for (c, groups) in COLUMNS.iter().enumerate() {
                            ui.vertical(|ui| {
                                ui.set_width(370.0);
                                for group in *groups {
                                    group_ui(ui, ctx, table, group, c);
                                }
                            });
                        }
                    });
                });
        });
}

fn group_ui(
    ui: &mut egui::Ui,
    ctx: &egui::Context,
    table: &[Shortcut],
    group: &str,
    column: usize,
) {
    let rows = help_rows(ctx, table, group);
    if rows.is_empty() {
        return;
    }
    ui.strong(group);
    egui::Grid::new(("help", group, column))
        .num_columns(2)
        .striped(true)
        .spacing([10.0, 3.0])
        .show(ui, |ui| {
            for row in rows {
                ui.monospace(row.keys);
                ui.add(egui::Label::new(row.description).wrap());
                ui.end_row();
            }
        });
    ui.add_space(6.0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::shortcuts::shortcuts;

    #[test]
    fn every_shortcut_is_listed_once_in_a_column() {
        let table = shortcuts();
        let shown: Vec<&str> = COLUMNS.iter().flat_map(|c| c.iter().copied()).collect();
        for s in &table {
            assert!(shown.contains(&s.group), "{} is not shown", s.group);
        }
        let ctx = egui::Context::default();
        for group in shown {
            let rows = help_rows(&ctx, &table, group);
            for (i, row) in rows.iter().enumerate() {
                assert!(
                    rows[i + 1..]
                        .iter()
                        .all(|r| r.description != row.description),
                    "{} is listed twice",
                    row.description
                );
            }
        }
    }

    #[test]
    fn an_action_with_two_keys_shows_both_on_one_row() {
        let table = shortcuts();
        let ctx = egui::Context::default();
        let rows = help_rows(&ctx, &table, "Edit");
        let redo = rows
            .iter()
            .find(|r| r.description == "Redo")
            .expect("a redo row");
        assert!(redo.keys.contains(" / "), "{}", redo.keys);
        let judgement = help_rows(&ctx, &table, "Fields")
            .into_iter()
            .filter(|r| r.description.starts_with("Judgement"))
            .count();
        assert_eq!(judgement, 1, "the five judgement keys share a row");
    }
}
