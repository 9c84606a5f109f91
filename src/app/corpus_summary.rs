//! Summary figures of the whole corpus: articles by status, inspections by
//! service, kind and judgement, councils and providers covered, and review
//! progress over time.

use super::palette;
use super::timeline_panel::{Swatch, swatch_ui};
use crate::corpus::{Summary, service_label};
use egui_plot::{Line, Plot};

pub fn corpus_summary_ui(ui: &mut egui::Ui, summary: &Summary, conflicts: usize) {
    let dark = ui.visuals().dark_mode;
    ui.heading("Summary");
    ui.add(
        egui::ProgressBar::new(summary.reviewed_fraction())
            .desired_width(ui.available_width())
            .text(summary.reviewed_label()),
    );
    ui.add_space(6.0);
    egui::Grid::new("summary-articles")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            ui.strong("Articles");
            ui.strong(summary.articles.to_string());
            ui.end_row();
            for (status, n) in &summary.articles_by_status {
                ui.colored_label(palette::status_color(*status, dark), status.label());
                ui.label(n.to_string());
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    egui::Grid::new("summary-services")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            ui.strong("Inspections");
            ui.strong(summary.inspections.to_string());
            ui.end_row();
            for (service, n) in &summary.inspections_by_service {
                ui.label(service_label(*service));
                ui.label(n.to_string());
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    egui::Grid::new("summary-kinds")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            ui.strong("By kind");
            ui.label("");
            ui.end_row();
            for (kind, n) in &summary.inspections_by_kind {
                ui.label(palette::kind_label(*kind));
                ui.label(n.to_string());
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    egui::Grid::new("summary-judgements")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            ui.strong("Judgements");
            ui.label("");
            ui.end_row();
            for (judgement, n) in &summary.inspections_by_judgement {
                ui.horizontal(|ui| {
                    let swatch = match judgement {
                        Some(_) => Swatch::Circle,
                        None => Swatch::Tick,
                    };
                    swatch_ui(ui, palette::judgement_color(*judgement, dark), swatch);
                    ui.label(palette::judgement_label(*judgement));
                });
                ui.label(n.to_string());
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.label(format!(
        "{} of {} councils covered, in {} regions",
        summary.councils, summary.councils_in_gazetteer, summary.regions
    ));
    if summary.providers > 0 {
        ui.label(format!(
            "{} provider{} named (homes, agencies)",
            summary.providers,
            if summary.providers == 1 { "" } else { "s" }
        ));
    }
    if summary.unknown_councils > 0 {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!(
                "{} council names not in the gazetteer",
                summary.unknown_councils
            ),
        );
    }
    if conflicts > 0 {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!(
                "⚠ {conflicts} conflict{} to look at (marked in the table)",
                if conflicts == 1 { "" } else { "s" }
            ),
        );
    }
    ui.add_space(6.0);
    ui.strong("Reviewed over time");
    if summary.progress.is_empty() {
        ui.weak("Nothing reviewed yet.");
        return;
    }
    let points: Vec<[f64; 2]> = summary
        .progress
        .iter()
        .map(|p| [p.day.fractional_year(), p.reviewed as f64])
        .collect();
    Plot::new("summary-progress")
        .height(120.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .show_x(false)
        .include_y(0.0)
        .x_axis_formatter(|mark, _| format!("{:.1}", mark.value))
        .show(ui, |plot_ui| {
            plot_ui.line(
                Line::new("reviewed", points)
                    .color(palette::status_color(crate::model::Status::Reviewed, dark))
                    .width(2.0),
            );
        });
}
