//! The status bar: loading progress, unsaved count, the current file.

use super::LoadState;
use super::workspace::Workspace;

pub fn status_bar_ui(ui: &mut egui::Ui, workspace: &Workspace, load: &LoadState) {
    egui::Panel::bottom("status-bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            match load {
                LoadState::Idle => {}
                // A bar the loader's progress moves, and no spinner: a
                // spinner redraws the window every frame, which on a
                // software renderer took a third of the cores the loader
                // was using.
                LoadState::Running { done, total } => {
                    let fraction = if *total == 0 {
                        0.0
                    } else {
                        *done as f32 / *total as f32
                    };
                    ui.add(
                        egui::ProgressBar::new(fraction)
                            .desired_width(160.0)
                            .text(format!("Reading {done} of {total}")),
                    );
                }
                LoadState::Failed(e) => {
                    ui.colored_label(ui.visuals().warn_fg_color, format!("⚠ {e}"));
                }
            }
            let unsaved = workspace.dirty_count();
            if unsaved > 0 {
                ui.separator();
                ui.label(format!("• {unsaved} unsaved"));
            }
            if let Some(doc) = workspace.current_doc() {
                ui.separator();
                ui.label(doc.path.display().to_string());
                if let Some(d) = doc.loaded() {
                    if d.saving.is_some() {
                        ui.label("saving…");
                    } else if let Some(e) = &d.save_error {
                        ui.colored_label(ui.visuals().error_fg_color, format!("Not saved: {e}"));
                    }
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.weak("F1: shortcuts");
            });
        });
    });
}
