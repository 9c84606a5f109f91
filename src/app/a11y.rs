//! Names a screen reader can speak for controls drawn as symbols: a button
//! showing "×" is announced as "Dismiss", not "multiplication sign".

use egui::{Response, Ui, WidgetInfo};

/// A small button showing `icon`, named `name` for screen readers and in its
/// hover text.
pub fn icon_button(ui: &mut Ui, icon: &str, name: &str, enabled: bool) -> Response {
    let response = ui
        .add_enabled(enabled, egui::Button::new(icon).small())
        .on_hover_text(name);
    name_widget(&response, egui::accesskit::Role::Button, name);
    response
}

/// Gives `response` the accessible `name` (its role kept as `role`).
pub fn name_widget(response: &Response, role: egui::accesskit::Role, name: &str) {
    let enabled = response.enabled();
    response.widget_info(|| WidgetInfo::labeled(role, enabled, name));
}

/// A visible ring around the control that has the keyboard, so that moving
/// with Tab shows where the keyboard is. Text fields show their own cursor,
/// and the article text its selection.
pub fn focus_ring_ui(ctx: &egui::Context, article: egui::Id) {
    let Some(id) = ctx.memory(|m| m.focused()) else {
        return;
    };
    if id == article || ctx.text_edit_focused() {
        return;
    }
    let Some(response) = ctx.read_response(id) else {
        return;
    };
    let stroke = egui::Stroke::new(2.0, ctx.global_style().visuals.selection.stroke.color);
    ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("focus-ring"),
    ))
    .rect_stroke(
        response.rect.expand(2.0),
        3.0,
        stroke,
        egui::StrokeKind::Outside,
    );
}
