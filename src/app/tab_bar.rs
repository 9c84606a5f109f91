//! The tabs under the menu bar: Review, Corpus, Report.

use super::command::{Command, Tab};

/// The Review | Corpus | Report switch under the menu bar.
pub fn tab_bar_ui(ui: &mut egui::Ui, tab: Tab) -> Vec<Command> {
    let mut out = Vec::new();
    egui::Panel::top("tab-bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            for (t, label, hint) in [
                (Tab::Review, "Review", "One article at a time"),
                (
                    Tab::Corpus,
                    "Corpus",
                    "Every inspection across the open folder",
                ),
                (
                    Tab::Report,
                    "Report",
                    "How the extractor did on the records people worked on",
                ),
            ] {
                if ui
                    .selectable_label(tab == t, label)
                    .on_hover_text(hint)
                    .clicked()
                    && tab != t
                {
                    out.push(Command::ShowTab(t));
                }
            }
        });
    });
    out
}
