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
