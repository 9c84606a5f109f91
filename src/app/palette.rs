//! Colours: one per evidence family, and per record status.

use super::fields::Family;
use crate::model::{Origin, Status};
use egui::Color32;

/// Background of evidence of `family`; `strong` for the selected field.
pub fn family_fill(family: Family, dark: bool, strong: bool) -> Color32 {
    let (r, g, b) = match family {
        Family::Article => (120, 144, 156),
        Family::Inspection => (66, 133, 244),
        Family::Finding => (251, 140, 0),
        Family::Person => (67, 160, 71),
        Family::Quote => (171, 71, 188),
        Family::Figure => (0, 172, 193),
    };
    let alpha = match (dark, strong) {
        (false, false) => 60,
        (false, true) => 150,
        (true, false) => 70,
        (true, true) => 170,
    };
    Color32::from_rgba_unmultiplied(r, g, b, alpha)
}

/// A solid swatch of the family's colour, for legends and card edges.
pub fn family_solid(family: Family, dark: bool) -> Color32 {
    let c = family_fill(family, dark, true);
    Color32::from_rgb(c.r(), c.g(), c.b())
}

pub fn status_color(status: Status, dark: bool) -> Color32 {
    match (status, dark) {
        (Status::Unreviewed, false) => Color32::from_rgb(110, 110, 110),
        (Status::Unreviewed, true) => Color32::from_rgb(170, 170, 170),
        (Status::InProgress, false) => Color32::from_rgb(190, 120, 0),
        (Status::InProgress, true) => Color32::from_rgb(240, 180, 60),
        (Status::Reviewed, false) => Color32::from_rgb(30, 130, 50),
        (Status::Reviewed, true) => Color32::from_rgb(100, 210, 120),
        (Status::OffTopic, false) => Color32::from_rgb(120, 80, 160),
        (Status::OffTopic, true) => Color32::from_rgb(190, 150, 230),
    }
}

pub fn origin_label(origin: Origin) -> (&'static str, &'static str) {
    match origin {
        Origin::Extracted => ("machine", "Extracted by the machine, unchanged"),
        Origin::Edited => ("edited", "A person changed the machine's value"),
        Origin::Added => ("added", "Added by a person"),
    }
}

pub fn origin_color(origin: Origin, dark: bool) -> Color32 {
    match (origin, dark) {
        (Origin::Extracted, false) => Color32::from_rgb(100, 100, 100),
        (Origin::Extracted, true) => Color32::from_rgb(160, 160, 160),
        (Origin::Edited, false) => Color32::from_rgb(190, 110, 0),
        (Origin::Edited, true) => Color32::from_rgb(240, 170, 60),
        (Origin::Added, false) => Color32::from_rgb(25, 120, 200),
        (Origin::Added, true) => Color32::from_rgb(110, 180, 255),
    }
}

/// Colour of a judgement on the timeline and in the corpus table: green to
/// red, as Ofsted's own reports colour them, with grey for none.
pub fn judgement_color(judgement: Option<crate::model::Judgement>, dark: bool) -> Color32 {
    use crate::model::Judgement;
    match (judgement, dark) {
        (Some(Judgement::Outstanding), false) => Color32::from_rgb(0, 110, 60),
        (Some(Judgement::Outstanding), true) => Color32::from_rgb(60, 200, 130),
        (Some(Judgement::Good), false) => Color32::from_rgb(60, 150, 40),
        (Some(Judgement::Good), true) => Color32::from_rgb(150, 220, 90),
        (Some(Judgement::RequiresImprovement), false) => Color32::from_rgb(200, 120, 0),
        (Some(Judgement::RequiresImprovement), true) => Color32::from_rgb(250, 180, 60),
        (Some(Judgement::Inadequate), false) => Color32::from_rgb(200, 30, 30),
        (Some(Judgement::Inadequate), true) => Color32::from_rgb(255, 100, 100),
        (None, false) => Color32::from_rgb(110, 110, 110),
        (None, true) => Color32::from_rgb(170, 170, 170),
    }
}

/// How a judgement is written for people.
pub fn judgement_label(judgement: Option<crate::model::Judgement>) -> &'static str {
    use crate::model::Judgement;
    match judgement {
        Some(Judgement::Outstanding) => "outstanding",
        Some(Judgement::Good) => "good",
        Some(Judgement::RequiresImprovement) => "requires improvement",
        Some(Judgement::Inadequate) => "inadequate",
        None => "none",
    }
}

/// How an inspection kind is written for people.
pub fn kind_label(kind: crate::model::InspectionKind) -> &'static str {
    use crate::model::InspectionKind;
    match kind {
        InspectionKind::FullInspection => "full inspection",
        InspectionKind::MonitoringVisit => "monitoring visit",
        InspectionKind::FocusedVisit => "focused visit",
        InspectionKind::JointTargetedAreaInspection => "JTAI",
        InspectionKind::Other => "other",
    }
}

/// White on black with strong outlines and a yellow selection, for people
/// who need more contrast than the dark theme gives.
pub fn high_contrast_visuals() -> egui::Visuals {
    let mut v = egui::Visuals::dark();
    let white = Color32::WHITE;
    let yellow = Color32::from_rgb(255, 221, 0);
    v.override_text_color = Some(white);
    v.panel_fill = Color32::BLACK;
    v.window_fill = Color32::BLACK;
    v.extreme_bg_color = Color32::BLACK;
    v.faint_bg_color = Color32::from_gray(24);
    v.window_stroke = egui::Stroke::new(2.0, white);
    v.hyperlink_color = yellow;
    v.warn_fg_color = yellow;
    v.error_fg_color = Color32::from_rgb(255, 110, 110);
    v.selection.bg_fill = Color32::from_rgb(0, 70, 160);
    v.selection.stroke = egui::Stroke::new(2.0, yellow);
    for w in [
        &mut v.widgets.noninteractive,
        &mut v.widgets.inactive,
        &mut v.widgets.hovered,
        &mut v.widgets.active,
        &mut v.widgets.open,
    ] {
        w.fg_stroke = egui::Stroke::new(1.5, white);
        w.bg_stroke = egui::Stroke::new(1.5, white);
    }
    v.widgets.inactive.bg_fill = Color32::BLACK;
    v.widgets.inactive.weak_bg_fill = Color32::BLACK;
    v.widgets.hovered.bg_stroke = egui::Stroke::new(2.0, yellow);
    v.widgets.active.bg_stroke = egui::Stroke::new(2.5, yellow);
    v
}
