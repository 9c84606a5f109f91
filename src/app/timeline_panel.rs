//! The timeline: a lane per council with its providers' lanes under it,
//! grouped under region headings; judgements of councils as round markers,
//! of providers as diamonds, and visits without a judgement as ticks.
//! Hovering a mark says who was inspected, how and when; clicking opens it.
//! Lanes and points come precomputed from `corpus::Timeline`; this only
//! draws them, with the lane names in a column of their own so that they
//! are never cut by the plot's axis.

use super::palette;
use crate::corpus::{
    Corpus, Lane, LaneKind, LaneOrder, PointShape, Timeline, TimelinePoint, service_label,
};
use crate::model::Judgement;
use egui_plot::{AxisHints, GridMark, MarkerShape, Plot, PlotPoint, PlotTransform, Points};

const LANE_HEIGHT: f32 = 22.0;
/// Room above the lanes for the years.
const AXIS_HEIGHT: f32 = 40.0;
/// How near (in points) the pointer must be to a mark to hover it.
const HOVER_DISTANCE: f32 = 9.0;
/// How far lane names are indented under a heading, and a provider's
/// under its council.
const COUNCIL_INDENT: f32 = 8.0;
const PROVIDER_INDENT: f32 = 22.0;

const JUDGEMENTS: [Judgement; 4] = [
    Judgement::Outstanding,
    Judgement::Good,
    Judgement::RequiresImprovement,
    Judgement::Inadequate,
];

/// How a legend swatch is drawn.
#[derive(Clone, Copy)]
pub(super) enum Swatch {
    Circle,
    Diamond,
    Tick,
}

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
        ui.weak("No dated inspections with a council or provider in the current filter.");
        return None;
    };
    let lanes = timeline.lanes.len().max(1);
    let height = lanes as f32 * LANE_HEIGHT + AXIS_HEIGHT;
    let y_bounds = -(lanes as f64) + 0.4..=0.6;
    let mut open = None;
    egui::ScrollArea::vertical()
        .id_salt("timeline-scroll")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            let label_width = lane_label_width(ui, timeline);
            ui.horizontal_top(|ui| {
                let (label_rect, label_response) =
                    ui.allocate_exact_size(egui::vec2(label_width, height), egui::Sense::hover());
                let plot = timeline_plot(height, (lo, hi), &y_bounds);
                let response = plot.show(ui, |plot_ui| {
                    // The lanes fill the height whatever the plot remembers
                    // from a filter or lane order with more or fewer lanes.
                    plot_ui.set_plot_bounds_y(y_bounds.clone());
                    marks_ui(plot_ui, timeline, dark);
                });
                let transform = response.transform;
                ui.ctx()
                    .data_mut(|d| d.insert_temp(transform_id(), transform));
                headings_and_ticks_ui(ui, timeline, &transform, dark);
                lane_labels_ui(ui, timeline, &transform, label_rect, label_response);
                open = hovered_mark_ui(response, corpus, timeline);
            });
        });
    open
}

/// The plot the lanes are drawn in: zoom and drag along time only, years
/// on top, one grid line per lane.
fn timeline_plot(
    height: f32,
    (lo, hi): (f64, f64),
    y_bounds: &std::ops::RangeInclusive<f64>,
) -> Plot<'static> {
    Plot::new("corpus-timeline")
        .height(height)
        .allow_zoom([true, false])
        .allow_drag([true, false])
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_x(false)
        .show_y(false)
        .show_axes([true, false])
        .default_x_bounds(lo.floor() - 0.25, hi.ceil() + 0.25)
        .default_y_bounds(*y_bounds.start(), *y_bounds.end())
        // Years on top, so they stay in view when the lanes scroll; a
        // year's label needs only about 40 points.
        .custom_x_axes(vec![
            AxisHints::new_x()
                .placement(egui_plot::VPlacement::Top)
                .label_spacing(36.0..=44.0)
                .formatter(|mark, _| {
                    if (mark.value - mark.value.round()).abs() < 1e-6 {
                        format!("{:.0}", mark.value)
                    } else {
                        String::new()
                    }
                }),
        ])
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
}

/// One series of marks per judgement and shape: circles for councils,
/// diamonds for providers.
fn marks_ui(plot_ui: &mut egui_plot::PlotUi<'_>, timeline: &Timeline, dark: bool) {
    for judgement in JUDGEMENTS {
        for (shape, marker, radius) in [
            (PointShape::Marker, MarkerShape::Circle, 5.0),
            (PointShape::ProviderMarker, MarkerShape::Diamond, 6.5),
        ] {
            let points: Vec<[f64; 2]> = timeline
                .points
                .iter()
                .filter(|p| p.shape == shape && p.judgement == Some(judgement))
                .map(|p| [p.x, -(p.lane as f64)])
                .collect();
            if points.is_empty() {
                continue;
            }
            let label = palette::judgement_label(Some(judgement));
            let name = match shape {
                PointShape::ProviderMarker => format!("{label} (provider)"),
                _ => label.to_string(),
            };
            plot_ui.points(
                Points::new(name, points)
                    .shape(marker)
                    .radius(radius)
                    .filled(true)
                    .allow_hover(false)
                    .color(palette::judgement_color(Some(judgement), dark)),
            );
        }
    }
}

/// The mark under the pointer, described in a tooltip; the row to open
/// when it is clicked.
fn hovered_mark_ui(
    response: egui_plot::PlotResponse<()>,
    corpus: &Corpus,
    timeline: &Timeline,
) -> Option<usize> {
    let transform = response.transform;
    let hovered = response.response.hover_pos().and_then(|pointer| {
        timeline
            .points
            .iter()
            .map(|p| {
                let pos = transform.position_from_point(&PlotPoint::new(p.x, -(p.lane as f64)));
                (p, pos.distance(pointer))
            })
            .filter(|(_, d)| *d <= HOVER_DISTANCE)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(p, _)| p)
    })?;
    let row = corpus.rows().get(hovered.row)?;
    let clicked = response.response.clicked();
    response.response.on_hover_ui_at_pointer(|ui| {
        ui.strong(row.headline.as_deref().unwrap_or(&row.file_name));
        ui.label(row.describe());
        ui.weak("Click to open it in the review tab");
    });
    clicked.then_some(hovered.row)
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

/// The lane of `y` (a screen position), if it is on one.
fn lane_at(transform: &PlotTransform, y: f32, lanes: usize) -> Option<usize> {
    let value = transform.value_from_position(egui::pos2(transform.frame().left(), y));
    let lane = (-value.y).round();
    (lane >= 0.0 && (lane as usize) < lanes).then_some(lane as usize)
}

/// The screen height of lane `lane`'s middle.
fn lane_y(transform: &PlotTransform, lane: usize) -> f32 {
    let x = transform.bounds().min()[0];
    transform
        .position_from_point(&PlotPoint::new(x, -(lane as f64)))
        .y
}

/// A band behind each heading's lane, and the ticks of visits.
fn headings_and_ticks_ui(
    ui: &egui::Ui,
    timeline: &Timeline,
    transform: &PlotTransform,
    dark: bool,
) {
    let rect = *transform.frame();
    let painter = ui.painter_at(rect);
    let half = (lane_y(transform, 1) - lane_y(transform, 0)).abs() / 2.0;
    let band = ui.visuals().text_color().gamma_multiply(0.07);
    for (i, lane) in timeline.lanes.iter().enumerate() {
        if lane.kind == LaneKind::Heading {
            let y = lane_y(transform, i);
            painter.rect_filled(
                egui::Rect::from_x_y_ranges(rect.x_range(), (y - half)..=(y + half)),
                0.0,
                band,
            );
        }
    }
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
}

/// The indent and look of a lane's name.
fn label_style(ui: &egui::Ui, lane: &Lane) -> (f32, egui::FontId, egui::Color32) {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let visuals = ui.visuals();
    match lane.kind {
        LaneKind::Heading => (0.0, font, visuals.strong_text_color()),
        LaneKind::Provider if lane.council.is_some() => {
            (PROVIDER_INDENT, font, visuals.text_color())
        }
        LaneKind::Council | LaneKind::Provider => (COUNCIL_INDENT, font, visuals.text_color()),
    }
}

/// Names the lanes in the column left of the plot, level with their marks:
/// headings in strong text, councils under them, providers indented under
/// their council. A name too long for the column is cut with "…", and
/// hovering any name says what the lane holds.
fn lane_labels_ui(
    ui: &egui::Ui,
    timeline: &Timeline,
    transform: &PlotTransform,
    rect: egui::Rect,
    response: egui::Response,
) {
    let painter = ui.painter_at(rect);
    let frame = transform.frame();
    for (i, lane) in timeline.lanes.iter().enumerate() {
        let y = lane_y(transform, i);
        if y < frame.top() || y > frame.bottom() {
            continue;
        }
        let (indent, font, color) = label_style(ui, lane);
        let galley = fitted_label(ui, &lane.label, font, color, rect.width() - indent);
        let pos = egui::pos2(rect.left() + indent, y - galley.size().y / 2.0);
        if lane.kind == LaneKind::Provider && lane.council.is_some() {
            // A small diamond ahead of a provider's name, as its marks are.
            let c = egui::pos2(rect.left() + PROVIDER_INDENT - 8.0, y);
            diamond(&painter, c, 3.5, ui.visuals().weak_text_color());
        }
        painter.galley(pos, galley, color);
    }
    if let Some(pointer) = response.hover_pos()
        && let Some(lane) = lane_at(transform, pointer.y, timeline.lanes.len())
        && let Some(lane) = timeline.lanes.get(lane)
    {
        response.on_hover_text_at_pointer(lane_description(lane));
    }
}

/// `text` in one line, cut with "…" to fit `width`.
fn fitted_label(
    ui: &egui::Ui,
    text: &str,
    font: egui::FontId,
    color: egui::Color32,
    width: f32,
) -> std::sync::Arc<egui::Galley> {
    let mut job = egui::text::LayoutJob::simple_singleline(text.to_string(), font, color);
    job.wrap = egui::text::TextWrapping::truncate_at_width(width.max(10.0));
    ui.painter().layout_job(job)
}

/// What a lane's name says on hover.
fn lane_description(lane: &Lane) -> String {
    let events = |n: usize| format!("{n} inspection{}", if n == 1 { "" } else { "s" });
    match lane.kind {
        LaneKind::Heading => format!("{}: {} shown", lane.label, events(lane.events)),
        LaneKind::Council => {
            let region = lane.region.unwrap_or("not in the gazetteer");
            format!(
                "{} ({region}): {} of its children's services",
                lane.label,
                events(lane.events)
            )
        }
        LaneKind::Provider => {
            let services: Vec<&str> = lane.services.iter().map(|&s| service_label(s)).collect();
            let under = match &lane.council {
                Some(council) => format!("in {council}"),
                None => "independent of a council".to_string(),
            };
            format!(
                "{}: {}, {under}; {}",
                lane.label,
                services.join(", "),
                events(lane.events)
            )
        }
    }
}

/// The width the lane names need, up to a third of the room.
fn lane_label_width(ui: &egui::Ui, timeline: &Timeline) -> f32 {
    let widest = timeline
        .lanes
        .iter()
        .map(|lane| {
            let (indent, font, color) = label_style(ui, lane);
            let galley = ui.painter().layout_no_wrap(lane.label.clone(), font, color);
            indent + galley.size().x
        })
        .fold(0.0, f32::max);
    let most = (ui.available_width() / 3.0).clamp(120.0, 320.0);
    (widest + 8.0).clamp(80.0, most)
}

fn legend_ui(ui: &mut egui::Ui, timeline: &Timeline, lane_order: &mut LaneOrder, dark: bool) {
    ui.horizontal_wrapped(|ui| {
        ui.strong("Timeline");
        for judgement in JUDGEMENTS {
            swatch_ui(
                ui,
                palette::judgement_color(Some(judgement), dark),
                Swatch::Circle,
            );
            ui.label(palette::judgement_label(Some(judgement)));
        }
        ui.separator();
        let grey = palette::judgement_color(None, dark);
        swatch_ui(ui, grey, Swatch::Circle);
        ui.label("council");
        swatch_ui(ui, grey, Swatch::Diamond);
        ui.label("provider");
        swatch_ui(ui, grey, Swatch::Tick);
        ui.label("visit");
        ui.separator();
        let label = ui.label("Lanes:");
        egui::ComboBox::from_id_salt("timeline-lane-order")
            .selected_text(match lane_order {
                LaneOrder::RegionThenName => "by region",
                LaneOrder::MostEvents => "most events first",
            })
            .show_ui(ui, |ui| {
                ui.selectable_value(lane_order, LaneOrder::RegionThenName, "by region");
                ui.selectable_value(lane_order, LaneOrder::MostEvents, "most events first");
            })
            .response
            .labelled_by(label.id);
        let left_out = timeline.undated + timeline.without_council;
        if left_out > 0 {
            ui.weak(format!("{left_out} without a date or council not shown"));
        }
    });
}

fn diamond(painter: &egui::Painter, c: egui::Pos2, r: f32, color: egui::Color32) {
    painter.add(egui::Shape::convex_polygon(
        vec![
            c + egui::vec2(0.0, -r),
            c + egui::vec2(r, 0.0),
            c + egui::vec2(0.0, r),
            c + egui::vec2(-r, 0.0),
        ],
        color,
        egui::Stroke::NONE,
    ));
}

/// A legend swatch: a filled circle or diamond, or a vertical tick.
pub(super) fn swatch_ui(ui: &mut egui::Ui, color: egui::Color32, swatch: Swatch) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
    let c = rect.center();
    match swatch {
        Swatch::Tick => {
            ui.painter().line_segment(
                [c - egui::vec2(0.0, 6.0), c + egui::vec2(0.0, 6.0)],
                egui::Stroke::new(2.0, color),
            );
        }
        Swatch::Circle => {
            ui.painter().circle_filled(c, 5.0, color);
        }
        Swatch::Diamond => diamond(ui.painter(), c, 6.0, color),
    }
}
