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
                // Always one line, so that the list below never moves.
                {
                    ui.horizontal(|ui| {
                        if counts.unsaved > 0 {
                            ui.label(format!("• {} unsaved", counts.unsaved));
                        } else {
                            ui.weak("all saved");
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
                    let label = ui
                        .label("Search")
                        .on_hover_text("Search the articles (Ctrl+F)");
                    let search = ui
                        .add(
                            egui::TextEdit::singleline(&mut self.filter.search)
                                .id_salt("queue-search")
                                .hint_text("name, headline, council (Ctrl+F)")
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(label.id);
                    if std::mem::take(&mut self.focus_search) {
                        search.request_focus();
                    }
                });
                let searching = !self.filter.search.trim().is_empty();
                ui.horizontal(|ui| {
                    let label = ui.label("Show");
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
                        })
                        .response
                        .labelled_by(label.id);
                });
                ui.separator();
                let dark = ui.visuals().dark_mode;
                let current = workspace.current;
                let scroll_needed = current != self.scrolled_to;
                self.scrolled_to = current;
                self.rows(workspace);
                let rows = self.cache.take().unwrap_or_default();
                if searching {
                    ui.weak(format!(
                        "{} of {} articles match",
                        rows.2.len(),
                        workspace.docs.len()
                    ));
                }
                if rows.2.is_empty() {
                    ui.weak(if workspace.docs.is_empty() {
                        "No articles open. Use File > Open, or drop a folder here."
                    } else {
                        "No article matches the filter."
                    });
                }
                let mut scroll = egui::ScrollArea::vertical().auto_shrink([false, false]);
                if scroll_needed
                    && let Some(pos) = rows.2.iter().position(|r| Some(r.doc) == current)
                {
                    scroll =
                        scroll.vertical_scroll_offset((pos as f32 - 3.0).max(0.0) * ROW_HEIGHT);
                }
                let row_height = ROW_HEIGHT - ui.spacing().item_spacing.y;
                scroll.show_rows(ui, row_height, rows.2.len(), |ui, range| {
                    for row in &rows.2[range] {
                        let selected = current == Some(row.doc);
                        if row_ui(ui, row, selected, dark).clicked() {
                            out.push(Command::SelectDocument(row.doc));
                        }
                    }
                });
                self.cache = Some(rows);
            });
        out
    }
}

fn row_ui(ui: &mut egui::Ui, row: &QueueRow, selected: bool, dark: bool) -> egui::Response {
    let visuals = ui.visuals().clone();
    let (status, color, status_text) = match &row.state {
        RowState::Loading => (None, visuals.weak_text_color(), "loading".to_string()),
        RowState::Failed(e) => (None, visuals.error_fg_color, e.clone()),
        RowState::Ready(s) => (
            Some(*s),
            palette::status_color(*s, dark),
            s.label().to_string(),
        ),
    };
    let headline = if row.headline.is_empty() {
        match &row.state {
            RowState::Failed(e) => reason_after_name(e, &row.name).to_string(),
            RowState::Loading => "reading…".to_string(),
            RowState::Ready(_) => "(no headline)".to_string(),
        }
    } else {
        row.headline.clone()
    };
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(width, ROW_HEIGHT - ui.spacing().item_spacing.y),
        // Not in the Tab order: Alt+Up/Down move through the queue.
        egui::Sense::CLICK,
    );
    let label = format!("{}{}", if row.dirty { "• " } else { "" }, row.name);
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label));
    if ui.is_rect_visible(rect) {
        let painter = ui.painter_at(rect);
        let fill = if selected {
            Some(visuals.selection.bg_fill)
        } else if response.hovered() {
            Some(visuals.widgets.hovered.weak_bg_fill)
        } else {
            None
        };
        if let Some(fill) = fill {
            painter.rect_filled(rect, 4.0, fill);
        }
        let text_color = if selected {
            visuals.selection.stroke.color
        } else {
            visuals.text_color()
        };
        let body = egui::TextStyle::Body.resolve(ui.style());
        let small = egui::TextStyle::Small.resolve(ui.style());
        let left = rect.left() + 6.0;
        // Status as a dot: hollow to do, half in progress, full when done.
        let centre = egui::pos2(left + 6.0, rect.top() + 12.0);
        match status {
            Some(Status::Reviewed) => {
                painter.circle_filled(centre, 5.5, color);
            }
            Some(Status::OffTopic) => {
                painter.circle_stroke(centre, 5.0, egui::Stroke::new(1.5, color));
                painter.line_segment(
                    [
                        centre + egui::vec2(-3.5, 3.5),
                        centre + egui::vec2(3.5, -3.5),
                    ],
                    egui::Stroke::new(1.5, color),
                );
            }
            Some(Status::InProgress) => {
                painter.circle_stroke(centre, 5.0, egui::Stroke::new(1.5, color));
                painter.circle_filled(centre, 2.5, color);
            }
            Some(Status::Unreviewed) => {
                painter.circle_stroke(centre, 5.0, egui::Stroke::new(1.5, color));
            }
            None => {
                painter.circle_filled(centre, 2.0, color);
            }
        }
        let text_left = left + 20.0;
        let max = (rect.right() - text_left - 4.0).max(10.0);
        let name = format!("{label}{}", if row.warning { "  ⚠" } else { "" });
        let galley = ui.fonts_mut(|f| {
            let fits = |s: &str| {
                f.layout_no_wrap(s.to_string(), body.clone(), text_color)
                    .size()
                    .x
                    <= max
            };
            let name = middle_ellipsis(&name, fits);
            f.layout_no_wrap(name, body, text_color)
        });
        painter.galley(egui::pos2(text_left, rect.top() + 3.0), galley, text_color);
        let weak = if selected {
            text_color
        } else {
            visuals.weak_text_color()
        };
        let galley = ui.fonts_mut(|f| {
            let mut job = egui::text::LayoutJob::simple_singleline(headline, small, weak);
            job.wrap = egui::text::TextWrapping::truncate_at_width(max);
            f.layout_job(job)
        });
        painter.galley(egui::pos2(text_left, rect.top() + 22.0), galley, weak);
    }
    response.on_hover_text(format!("{}\n{status_text}", row.name))
}

/// `text` shortened in the middle until `fits` says it does: file names
/// differ at their ends ("…_visit.md", "…_visit.txt") as often as at their
/// starts, so both are kept.
pub fn middle_ellipsis(text: &str, mut fits: impl FnMut(&str) -> bool) -> String {
    if fits(text) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let shortened = |keep: usize| {
        let head = keep.div_ceil(2);
        let tail = keep / 2;
        let mut s: String = chars[..head].iter().collect();
        s.push('…');
        s.extend(&chars[chars.len() - tail..]);
        s
    };
    // The most characters kept that still fit, found by halving.
    let (mut lo, mut hi) = (0, chars.len().saturating_sub(1));
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(&shortened(mid)) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    shortened(lo)
}

/// An error about a file says the file first ("/a/b/c.txt: not UTF-8");
/// under the file's own name in the queue, only the reason is news.
pub fn reason_after_name<'a>(error: &'a str, name: &str) -> &'a str {
    error
        .find(name)
        .and_then(|at| error[at + name.len()..].strip_prefix(": "))
        .unwrap_or(error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_name_keeps_its_start_and_its_end() {
        let name = "02_sandwell_trust_third_monitoring_visit.txt";
        let short = middle_ellipsis(name, |s| s.chars().count() <= 20);
        assert_eq!(short.chars().count(), 20);
        assert!(short.starts_with("02_sandwel"), "{short}");
        assert!(short.ends_with("visit.txt"), "{short}");
        assert_eq!(middle_ellipsis("a.txt", |_| true), "a.txt");
    }

    #[test]
    fn the_queue_shows_the_reason_without_the_path() {
        let e = "/home/jo/articles/c.txt: the file is empty";
        assert_eq!(reason_after_name(e, "c.txt"), "the file is empty");
        assert_eq!(reason_after_name("odd", "c.txt"), "odd");
    }
}
