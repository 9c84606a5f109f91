//! The timeline: one lane per council, judgements as coloured markers and
//! visits without a judgement as small ticks. Hovering a mark shows its
//! article; clicking opens it. Lanes and points come precomputed from
//! `corpus::Timeline`; this only draws them.

use super::palette;
use crate::corpus::{Corpus, LaneOrder, PointShape, Timeline, TimelinePoint};
use crate::model::Judgement;
use egui_plot::{GridMark, MarkerShape, Plot, PlotPoint, PlotTransform, Points};

const LANE_HEIGHT: f32 = 22.0;
/// How near (in points) the pointer must be to a mark to hover it.
const HOVER_DISTANCE: f32 = 9.0;

const JUDGEMENTS: [Judgement; 4] = [
    Judgement::Outstanding,
    Judgement::Good,
    Judgement::RequiresImprovement,
    Judgement::Inadequate,
];

/// Draws the timeline of the filtered rows; returns a corpus row to open.
pub fn timeline_ui(
    ui: &mut egui::Ui,
    corpus: &Corpus,
    timeline: &Timeline,
    lane_order: &mut LaneOrder,
) -> Option<usize> {
    let dark = ui.visuals().dark_mode;
    legend_ui(ui, timeline, lane_order, dark);
    let Some((lo, hi)) = timeline.x_range else {
        ui.weak("No dated inspections with a council in the current filter.");
        return None;
    };
    let lanes = timeline.lanes.len().max(1);
    let height = lanes as f32 * LANE_HEIGHT + 40.0;
    let mut open = None;
    egui::ScrollArea::vertical()
        .id_salt("timeline-scroll")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            let names: Vec<&str> = timeline.lanes.iter().map(|l| l.council.as_str()).collect();
            let width = lane_label_width(ui, &names);
            let plot = Plot::new("corpus-timeline")
                .height(height)
                .allow_zoom([true, false])
                .allow_drag([true, false])
                .allow_scroll(false)
                .allow_boxed_zoom(false)
                .show_x(false)
                .show_y(false)
                .default_x_bounds(lo.floor() - 0.25, hi.ceil() + 0.25)
                .default_y_bounds(-(lanes as f64) + 0.4, 0.6)
                .y_axis_min_width(width)
                // Years on top, so they stay in view when the lanes scroll.
                .x_axis_position(egui_plot::VPlacement::Top)
                .y_grid_spacer(|input| {
                    let (min, max) = input.bounds;
                    let first = max.floor().min(0.0) as i64;
                    let last = min.ceil() as i64;
                    (last..=first)
                        .map(|v| GridMark {
                            value: v as f64,
                            step_size: 1.0,
                        })
                        .collect()
                })
                .y_axis_formatter(move |mark, _| {
                    let lane = -mark.value.round();
                    if (mark.value - mark.value.round()).abs() > 1e-6 || lane < 0.0 {
                        return String::new();
                    }
                    names
                        .get(lane as usize)
                        .map(|s| s.to_string())
                        .unwrap_or_default()
                })
                .x_axis_formatter(|mark, _| {
                    if (mark.value - mark.value.round()).abs() < 1e-6 {
                        format!("{:.0}", mark.value)
                    } else {
                        String::new()
                    }
                });
            let response = plot.show(ui, |plot_ui| {
                for judgement in JUDGEMENTS {
                    let points: Vec<[f64; 2]> = timeline
                        .points
                        .iter()
                        .filter(|p| p.shape == PointShape::Marker && p.judgement == Some(judgement))
                        .map(|p| [p.x, -(p.lane as f64)])
                        .collect();
                    if points.is_empty() {
                        continue;
                    }
                    plot_ui.points(
                        Points::new(palette::judgement_label(Some(judgement)), points)
                            .shape(MarkerShape::Circle)
                            .radius(5.0)
                            .filled(true)
                            .allow_hover(false)
                            .color(palette::judgement_color(Some(judgement), dark)),
                    );
                }
            });
            let transform = response.transform;
            ui.ctx()
                .data_mut(|d| d.insert_temp(transform_id(), transform));
            let rect = *transform.frame();
            let painter = ui.painter_at(rect);
            let tick = egui::Stroke::new(2.0, palette::judgement_color(None, dark));
            for p in timeline
                .points
                .iter()
                .filter(|p| p.shape == PointShape::Tick)
            {
                let pos = transform.position_from_point(&PlotPoint::new(p.x, -(p.lane as f64)));
                if rect.contains(pos) {
                    painter.line_segment(
                        [pos - egui::vec2(0.0, 6.0), pos + egui::vec2(0.0, 6.0)],
                        tick,
                    );
                }
            }
            let hovered = response.response.hover_pos().and_then(|pointer| {
                timeline
                    .points
                    .iter()
                    .map(|p| {
                        let pos =
                            transform.position_from_point(&PlotPoint::new(p.x, -(p.lane as f64)));
                        (p, pos.distance(pointer))
                    })
                    .filter(|(_, d)| *d <= HOVER_DISTANCE)
                    .min_by(|a, b| a.1.total_cmp(&b.1))
                    .map(|(p, _)| p)
            });
            if let Some(point) = hovered
                && let Some(row) = corpus.rows().get(point.row)
            {
                let clicked = response.response.clicked();
                response.response.on_hover_ui_at_pointer(|ui| {
                    ui.strong(row.headline.as_deref().unwrap_or(&row.file_name));
                    ui.label(format!(
                        "{} · {} · {}",
                        row.council.as_deref().unwrap_or("?"),
                        row.date.as_deref().unwrap_or("?"),
                        match row.judgement {
                            Some(_) => palette::judgement_label(row.judgement),
                            None => palette::kind_label(row.kind),
                        }
                    ));
                    ui.weak("Click to open it in the review tab");
                });
                if clicked {
                    open = Some(point.row);
                }
            }
        });
    open
}

fn transform_id() -> egui::Id {
    egui::Id::unique("corpus-timeline-transform")
}

/// Where the timeline drew `point` in the last frame, if it is in view:
/// for tests that click a mark as a mouse does.
pub(super) fn drawn_at(ctx: &egui::Context, point: &TimelinePoint) -> Option<egui::Pos2> {
    let transform: PlotTransform = ctx.data(|d| d.get_temp(transform_id()))?;
    let pos = transform.position_from_point(&PlotPoint::new(point.x, -(point.lane as f64)));
    transform.frame().contains(pos).then_some(pos)
}

/// The width the lane names need, capped so the plot keeps its room.
fn lane_label_width(ui: &egui::Ui, names: &[&str]) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let longest = names.iter().map(|n| n.chars().count()).max().unwrap_or(8);
    (longest as f32 * font.size * 0.55 + 12.0).clamp(60.0, 220.0)
}

fn legend_ui(ui: &mut egui::Ui, timeline: &Timeline, lane_order: &mut LaneOrder, dark: bool) {
    ui.horizontal_wrapped(|ui| {
        ui.strong("Timeline");
        for judgement in JUDGEMENTS {
            marker_ui(ui, palette::judgement_color(Some(judgement), dark), false);
            ui.label(palette::judgement_label(Some(judgement)));
        }
        marker_ui(ui, palette::judgement_color(None, dark), true);
        ui.label("visit");
        ui.separator();
        ui.label("Lanes:");
        egui::ComboBox::from_id_salt("timeline-lane-order")
            .selected_text(match lane_order {
                LaneOrder::RegionThenName => "by region",
                LaneOrder::MostEvents => "most events first",
            })
            .show_ui(ui, |ui| {
                ui.selectable_value(lane_order, LaneOrder::RegionThenName, "by region");
                ui.selectable_value(lane_order, LaneOrder::MostEvents, "most events first");
            });
        let left_out = timeline.undated + timeline.without_council;
        if left_out > 0 {
            ui.weak(format!("{left_out} without a date or council not shown"));
        }
    });
}

/// A legend swatch: a filled circle, or a vertical tick.
pub(super) fn marker_ui(ui: &mut egui::Ui, color: egui::Color32, tick: bool) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
    let c = rect.center();
    if tick {
        ui.painter().line_segment(
            [c - egui::vec2(0.0, 6.0), c + egui::vec2(0.0, 6.0)],
            egui::Stroke::new(2.0, color),
        );
    } else {
        ui.painter().circle_filled(c, 5.0, color);
    }
}
