//! The compare view on screen: a panel under the text listing the open
//! differences between the record (A) and the other curator's (B), the
//! current one marked, with the two folders' agreement figures above; its
//! keys; and the box asking which folder to compare with.

use super::command::Command;
use super::compare::{CompareCommand, CompareState, CompareView};
use super::highlight::{A_FAMILY, B_FAMILY, BOTH_FAMILY};
use super::palette;
use crate::agree::{Difference, FolderAgreement};
use crate::words::count;
use egui::{Key, Modifiers};

/// The compare keys, each settling or moving in one press.
const KEYS: [(Modifiers, Key, CompareCommand); 5] = [
    (Modifiers::SHIFT, Key::N, CompareCommand::Step(false)),
    (Modifiers::NONE, Key::A, CompareCommand::TakeA),
    (Modifiers::NONE, Key::B, CompareCommand::TakeB),
    (Modifiers::NONE, Key::E, CompareCommand::Edit),
    (Modifiers::NONE, Key::N, CompareCommand::Step(true)),
];

/// The keys' line in the panel.
const KEYS_HELP: &str = "A keep A · B take B · E edit in the record · N next · Shift+N previous";

/// The commands of the compare keys pressed this frame; they are taken
/// out of the input so that the review keys of the same letters do not act.
pub fn compare_keys(ctx: &egui::Context) -> Vec<Command> {
    let mut out = Vec::new();
    ctx.input_mut(|input| {
        for (modifiers, key, command) in KEYS {
            if input.consume_key(modifiers, key) {
                out.push(Command::Compare(command));
            }
        }
    });
    out
}

/// The panel for `view`, with the open `differences` of the record.
pub fn compare_panel_ui(
    ui: &mut egui::Ui,
    view: &CompareView,
    differences: &[Difference],
) -> Vec<Command> {
    let mut out = Vec::new();
    egui::Panel::bottom("compare")
        .resizable(true)
        .default_size(280.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("Compare");
                ui.label(format!("A: this folder · B: {}", view.folder.display()));
                if ui.button("Close").clicked() {
                    out.push(Command::Compare(CompareCommand::Close));
                }
            });
            figures_ui(ui, &view.figures);
            legend_ui(ui, differences.len(), view.settled_count);
            if differences.is_empty() {
                ui.label("No disagreement left in this article: save (Ctrl+S) to keep the merge.");
                return;
            }
            buttons_ui(ui, &mut out);
            let current = view.current.min(differences.len() - 1);
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| differences_ui(ui, differences, current));
        });
    out
}

/// The folder's agreement, or why there is none.
fn figures_ui(ui: &mut egui::Ui, figures: &Result<FolderAgreement, String>) {
    match figures {
        Ok(result) => {
            let a = &result.agreement;
            let kappas: Vec<String> = a
                .kappas()
                .into_iter()
                .map(|(field, k)| match k.kappa {
                    Some(kappa) => format!("{field} {kappa:.2}"),
                    None => format!("{field} -"),
                })
                .collect();
            ui.label(format!(
                "Folders: {} compared, overall F1 {:.2}, {}. Kappa: {}",
                count(a.articles.len(), "article"),
                a.overall_f1(),
                count(a.disagreement_count(), "disagreement"),
                kappas.join(", ")
            ));
        }
        Err(e) => {
            ui.weak(format!("Folder figures: {e}"));
        }
    }
}

/// The colours of A's and B's evidence in the text, and the counts.
fn legend_ui(ui: &mut egui::Ui, open: usize, settled: usize) {
    let dark = ui.visuals().dark_mode;
    ui.horizontal(|ui| {
        for (family, label) in [
            (A_FAMILY, "A's evidence"),
            (B_FAMILY, "B's evidence"),
            (BOTH_FAMILY, "both"),
        ] {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter()
                .rect_filled(rect, 2.0, palette::family_fill(family, dark, true));
            ui.label(label);
        }
        ui.separator();
        ui.strong(format!(
            "{} open, {settled} settled",
            count(open, "disagreement")
        ));
    });
    ui.weak(KEYS_HELP);
}

fn buttons_ui(ui: &mut egui::Ui, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        for (label, command) in [
            ("Keep A (A)", CompareCommand::TakeA),
            ("Take B (B)", CompareCommand::TakeB),
            ("Edit (E)", CompareCommand::Edit),
            ("Next (N)", CompareCommand::Step(true)),
        ] {
            if ui.button(label).clicked() {
                out.push(Command::Compare(command));
            }
        }
    });
}

/// One row per open difference: what, A's value, B's value.
fn differences_ui(ui: &mut egui::Ui, differences: &[Difference], current: usize) {
    let dark = ui.visuals().dark_mode;
    let width = ((ui.available_width() - 180.0) / 2.0).max(120.0);
    egui::Grid::new("compare-differences")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            ui.strong("");
            ui.colored_label(palette::family_solid(A_FAMILY, dark), "A (this folder)");
            ui.colored_label(palette::family_solid(B_FAMILY, dark), "B (other folder)");
            ui.end_row();
            for (i, d) in differences.iter().enumerate() {
                let what = if i == current {
                    egui::RichText::new(format!("▶ {}", d.what)).strong()
                } else {
                    egui::RichText::new(format!("   {}", d.what))
                };
                let response = ui.label(what);
                if i == current {
                    response.scroll_to_me(None);
                }
                for value in [&d.a, &d.b] {
                    let text = value.clone().unwrap_or_else(|| "(none)".into());
                    // Left-aligned and wrapped at the column's width, short
                    // and long values alike.
                    let layout = egui::Layout::top_down(egui::Align::Min);
                    ui.allocate_ui_with_layout(egui::vec2(width, 0.0), layout, |ui| {
                        ui.set_width(width);
                        ui.add(egui::Label::new(text).wrap());
                    });
                }
                ui.end_row();
            }
        });
}

/// The box asking which folder to compare with; Enter compares.
pub fn folder_box_ui(ctx: &egui::Context, state: &mut CompareState) -> Vec<Command> {
    let mut out = Vec::new();
    match state {
        CompareState::Asking { path, error } => {
            egui::Modal::new(egui::Id::unique("compare-folder")).show(ctx, |ui| {
                ui.heading("Compare with folder");
                ui.label("The other curator's copy of this folder (B):");
                let field = ui.add(egui::TextEdit::singleline(path).desired_width(420.0));
                if !field.has_focus() && !field.lost_focus() {
                    field.request_focus();
                }
                if let Some(e) = error {
                    ui.colored_label(ui.visuals().error_fg_color, e.as_str());
                }
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                ui.horizontal(|ui| {
                    if ui.button("Compare").clicked() || entered {
                        let folder = std::path::PathBuf::from(path.trim());
                        out.push(Command::Compare(CompareCommand::Start(folder)));
                    }
                    if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                        out.push(Command::Compare(CompareCommand::Close));
                    }
                });
            });
        }
        CompareState::Running { .. } => {
            egui::Modal::new(egui::Id::unique("compare-running")).show(ctx, |ui| {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Reading the other folder…");
                });
            });
        }
        CompareState::Idle | CompareState::Open(_) => {}
    }
    out
}
