//! The Re-extract window: progress while the articles are extracted again,
//! then the changes each record would get, as a diff, with Apply and
//! Cancel. Nothing changes until Apply.

use super::command::Command;
use super::reextract::{ReextractResult, ReextractState, totals};
use crate::merge::{Change, ChangeKind};
use crate::words::{agree, count};

/// Draws the window for `state`; returns Apply or Cancel when pressed.
pub fn reextract_ui(ctx: &egui::Context, state: &ReextractState) -> Vec<Command> {
    let mut out = Vec::new();
    if !state.is_open() {
        return out;
    }
    egui::Modal::new(egui::Id::unique("reextract-dialog")).show(ctx, |ui| {
        ui.set_width(ctx.content_rect().width().min(900.0) - 80.0);
        ui.heading("Re-extract");
        match state {
            ReextractState::Idle => {}
            ReextractState::Running { total, .. } => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(format!("Extracting {} again…", count(*total, "article")));
                });
            }
            ReextractState::Ready { results } => results_ui(ui, results),
        }
        ui.separator();
        ui.horizontal(|ui| {
            let ready = matches!(state, ReextractState::Ready { results }
                if results.iter().any(|r| r.outcome.as_ref().is_ok_and(|(m, _)| m.changed)));
            if ui
                .add_enabled(ready, egui::Button::new("Apply"))
                .on_hover_text("Put the merged records in place (Ctrl+Z undoes each)")
                .clicked()
            {
                out.push(Command::ApplyReextract);
            }
            if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                out.push(Command::CancelReextract);
            }
        });
    });
    out
}

fn results_ui(ui: &mut egui::Ui, results: &[ReextractResult]) {
    ui.label(
        "The articles were extracted again and merged into their records: values a \
         person edited or added are kept, values a person removed stay out, machine \
         values are replaced by the new ones. In a reviewed record a machine value \
         the extractor no longer finds stays, marked as a conflict.",
    );
    let counts: Vec<String> = totals(results)
        .iter()
        .map(|(kind, n)| format!("{n} {}", kind.label()))
        .collect();
    let changed = results
        .iter()
        .filter(|r| r.outcome.as_ref().is_ok_and(|(m, _)| m.changed))
        .count();
    ui.strong(format!(
        "{changed} of {} {}: {}",
        count(results.len(), "record"),
        agree(results.len(), "changes", "change"),
        counts.join(", ")
    ));
    egui::ScrollArea::vertical()
        .max_height(ui.ctx().content_rect().height() * 0.6)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for result in results {
                result_ui(ui, result);
            }
        });
}

fn result_ui(ui: &mut egui::Ui, result: &ReextractResult) {
    let (merged, _) = match &result.outcome {
        Ok(ok) => ok,
        Err(e) => {
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("{}: not merged: {e}", result.name),
            );
            return;
        }
    };
    let s = &merged.summary;
    if !merged.changed && s.count(ChangeKind::Conflict) == 0 {
        ui.weak(format!("{}: unchanged", result.name));
        return;
    }
    ui.add_space(4.0);
    ui.strong(&result.name);
    if let Some((old, new)) = &s.status {
        ui.label(format!("status: {} -> {}", old.label(), new.label()));
    }
    if let Some((old, new)) = &s.extractor {
        ui.weak(format!("extractor: {old} -> {new}"));
    }
    for change in s.changes.iter().filter(|c| c.kind != ChangeKind::Kept) {
        change_ui(ui, change);
    }
    let kept = s.count(ChangeKind::Kept);
    if kept > 0 {
        ui.weak(format!(
            "{} a person edited or added: kept",
            count(kept, "value")
        ));
    }
}

/// One line of the diff: `-` removed, `+` added, `~` updated, `⚠` conflict.
fn change_ui(ui: &mut egui::Ui, change: &Change) {
    let visuals = ui.visuals();
    let (mark, color, note) = match change.kind {
        ChangeKind::Updated => ("~", visuals.text_color(), ""),
        ChangeKind::Added => ("+", egui::Color32::from_rgb(60, 160, 80), ""),
        ChangeKind::Removed => ("-", visuals.error_fg_color, ""),
        ChangeKind::Conflict => (
            "⚠",
            visuals.warn_fg_color,
            " — no longer found; kept for you to decide",
        ),
        ChangeKind::StillRejected => (
            "·",
            visuals.weak_text_color(),
            " — rejected by a person; left out",
        ),
        ChangeKind::Kept => ("=", visuals.weak_text_color(), ""),
    };
    ui.label(egui::RichText::new(format!("{mark} {change}{note}")).color(color));
}
