//! The queue of articles (left): filter, search, counts, and one row per
//! article with its status. Rows are computed by `queue::queue_rows` and
//! cached until the workspace changes; only visible rows are drawn.

use super::command::Command;
use super::palette;
use super::queue::{QueueFilter, QueueRow, RowState, StatusFilter, queue_counts, queue_rows};
use super::workspace::Workspace;
use crate::model::Status;

#[derive(Default)]
pub struct QueuePanel {
    pub filter: QueueFilter,
    focus_search: bool,
    cache: Option<(u64, QueueFilter, Vec<QueueRow>)>,
    /// The current document when we last scrolled to it.
    scrolled_to: Option<usize>,
}

const ROW_HEIGHT: f32 = 44.0;

impl QueuePanel {
    pub fn focus_search(&mut self) {
        self.focus_search = true;
    }

    /// The rows for the current filter, recomputed only when needed.
    pub fn rows(&mut self, workspace: &Workspace) -> &[QueueRow] {
        let fresh = matches!(&self.cache, Some((g, f, _)) if *g == workspace.generation && *f == self.filter);
        if !fresh {
            let rows = queue_rows(workspace, &self.filter);
            self.cache = Some((workspace.generation, self.filter.clone(), rows));
        }
        self.cache
            .as_ref()
            .map(|(_, _, r)| r.as_slice())
            .unwrap_or_default()
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, workspace: &Workspace) -> Vec<Command> {
        let mut out = Vec::new();
        egui::Panel::left("queue")
            .resizable(true)
            .default_size(280.0)
            .size_range(180.0..=520.0)
            .show(ui, |ui| {
                ui.add_space(4.0);
                let counts = queue_counts(workspace);
                ui.horizontal(|ui| {
                    ui.heading("Articles");
                    ui.label(format!("{} of {} reviewed", counts.reviewed, counts.total));
                });
                if counts.unsaved > 0 || counts.failed > 0 {
                    ui.horizontal(|ui| {
                        if counts.unsaved > 0 {
                            ui.label(format!("● {} unsaved", counts.unsaved));
                        }
                        if counts.failed > 0 {
                            ui.colored_label(
                                ui.visuals().error_fg_color,
                                format!("{} unreadable", counts.failed),
                            );
                        }
                    });
                }
                ui.horizontal(|ui| {
                    let search = ui.add(
                        egui::TextEdit::singleline(&mut self.filter.search)
                            .id_salt("queue-search")
                            .hint_text("Search name, headline, council (Ctrl+F)")
                            .desired_width(f32::INFINITY),
                    );
                    if std::mem::take(&mut self.focus_search) {
                        search.request_focus();
                    }
                });
                ui.horizontal(|ui| {
                    ui.label("Show");
                    egui::ComboBox::from_id_salt("queue-status-filter")
                        .selected_text(self.filter.status.label())
                        .show_ui(ui, |ui| {
                            for choice in StatusFilter::CHOICES {
                                ui.selectable_value(
                                    &mut self.filter.status,
                                    choice,
                                    choice.label(),
                                );
                            }
                        });
                });
                ui.separator();
                let dark = ui.visuals().dark_mode;
                let current = workspace.current;
                let scroll_needed = current != self.scrolled_to;
                self.scrolled_to = current;
                let rows = self.rows(workspace).to_vec();
                if rows.is_empty() {
                    ui.weak(if workspace.docs.is_empty() {
                        "No articles open. Use File ▸ Open, or drop a folder here."
                    } else {
                        "No article matches the filter."
                    });
                }
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
                        for row in &rows[range] {
                            let selected = current == Some(row.doc);
                            let response = row_ui(ui, row, selected, dark);
                            if response.clicked() {
                                out.push(Command::SelectDocument(row.doc));
                            }
                            if selected && scroll_needed {
                                response.scroll_to_me(None);
                            }
                        }
                    });
            });
        out
    }
}

fn row_ui(ui: &mut egui::Ui, row: &QueueRow, selected: bool, dark: bool) -> egui::Response {
    let (icon, color, status_text) = match &row.state {
        RowState::Loading => ("…", ui.visuals().weak_text_color(), "loading".to_string()),
        RowState::Failed(e) => ("⚠", ui.visuals().error_fg_color, e.clone()),
        RowState::Ready(s) => {
            let icon = match s {
                Status::Unreviewed => "○",
                Status::InProgress => "◐",
                Status::Reviewed => "✔",
                Status::OffTopic => "⊘",
            };
            (icon, palette::status_color(*s, dark), s.label().to_string())
        }
    };
    let dirty = if row.dirty { "● " } else { "" };
    let warn = if row.warning { " ⚠" } else { "" };
    let headline = if row.headline.is_empty() {
        match &row.state {
            RowState::Failed(e) => e.clone(),
            _ => "(no headline)".to_string(),
        }
    } else {
        row.headline.clone()
    };
    let mut job = egui::text::LayoutJob::default();
    let body = egui::TextStyle::Body.resolve(ui.style());
    let small = egui::TextStyle::Small.resolve(ui.style());
    let text_color = ui.visuals().text_color();
    job.append(
        &format!("{icon} "),
        0.0,
        egui::TextFormat::simple(body.clone(), color),
    );
    job.append(
        &format!("{dirty}{}{warn}\n", row.name),
        0.0,
        egui::TextFormat::simple(body, text_color),
    );
    job.append(
        &headline,
        0.0,
        egui::TextFormat::simple(small, ui.visuals().weak_text_color()),
    );
    job.wrap = egui::text::TextWrapping::truncate_at_width(ui.available_width());
    job.wrap.max_rows = 2;
    let response = ui.add_sized(
        [
            ui.available_width(),
            ROW_HEIGHT - ui.spacing().item_spacing.y,
        ],
        egui::Button::selectable(selected, job),
    );
    response.on_hover_text(format!("{}\n{status_text}", row.name))
}
