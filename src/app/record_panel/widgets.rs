//! Small form pieces shared by the record form's sections.

use crate::app::command::Command;
use crate::app::edit::Edit;
use crate::app::fields::FieldPath;
use crate::app::palette;
use crate::model::Origin;

/// A provenance badge ("machine", "edited", "added"), with a revert button
/// when the value was edited and the machine's value is known.
pub fn origin_ui(
    ui: &mut egui::Ui,
    path: FieldPath,
    origin: Origin,
    can_revert: bool,
    out: &mut Vec<Command>,
) {
    let (label, tip) = palette::origin_label(origin);
    let color = palette::origin_color(origin, ui.visuals().dark_mode);
    ui.label(egui::RichText::new(label).small().color(color))
        .on_hover_text(tip);
    if can_revert
        && ui
            .small_button("↩")
            .on_hover_text("Revert to the machine's value (Ctrl+R)")
            .clicked()
    {
        out.push(Command::Edit(Edit::Revert(path)));
    }
}

/// Move up / move down / remove buttons of an item.
pub fn item_buttons_ui(
    ui: &mut egui::Ui,
    path: FieldPath,
    index: usize,
    len: usize,
    out: &mut Vec<Command>,
) {
    if ui
        .small_button("×")
        .on_hover_text("Remove (Delete)")
        .clicked()
    {
        out.push(Command::Edit(Edit::Remove(path)));
    }
    if ui
        .add_enabled(index + 1 < len, egui::Button::new("⬇").small())
        .on_hover_text("Move down")
        .clicked()
    {
        out.push(Command::Edit(Edit::Move(path, 1)));
    }
    if ui
        .add_enabled(index > 0, egui::Button::new("⬆").small())
        .on_hover_text("Move up")
        .clicked()
    {
        out.push(Command::Edit(Edit::Move(path, -1)));
    }
}

/// A labelled single-line text field over an optional value; returns the
/// new value when the user changed it (empty means `None`).
pub fn optional_text_ui(
    ui: &mut egui::Ui,
    label: &str,
    id: impl std::hash::Hash + std::fmt::Debug,
    value: &mut Option<String>,
    hint: &str,
) -> egui::Response {
    let label = ui.label(label);
    let mut text = value.clone().unwrap_or_default();
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .id_salt(id)
                .hint_text(hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if response.changed() {
        *value = (!text.trim().is_empty()).then_some(text);
    }
    response
}

/// A labelled single-line text field over a string.
pub fn text_ui(
    ui: &mut egui::Ui,
    label: &str,
    id: impl std::hash::Hash + std::fmt::Debug,
    value: &mut String,
    multiline: bool,
) -> egui::Response {
    let label = ui.label(label);
    let edit = if multiline {
        egui::TextEdit::multiline(value).desired_rows(2)
    } else {
        egui::TextEdit::singleline(value)
    };
    ui.add(edit.id_salt(id).desired_width(f32::INFINITY))
        .labelled_by(label.id)
}

/// A combo box over the choices of an enum.
pub fn choice_ui<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    id: impl std::hash::Hash + std::fmt::Debug,
    value: &mut T,
    choices: &[(T, &str)],
) {
    let label = ui.label(label);
    let current = choices
        .iter()
        .find(|(c, _)| c == value)
        .map(|(_, l)| *l)
        .unwrap_or("?");
    egui::ComboBox::from_id_salt(id)
        .selected_text(current)
        .show_ui(ui, |ui| {
            for (c, l) in choices {
                ui.selectable_value(value, *c, *l);
            }
        })
        .response
        .labelled_by(label.id);
}

/// A warning under a field.
pub fn warning_ui(ui: &mut egui::Ui, text: &str) {
    ui.label(
        egui::RichText::new(format!("⚠ {text}"))
            .small()
            .color(ui.visuals().warn_fg_color),
    );
}

/// A card around one item, outlined in its family colour when selected.
/// Returns the card's response (click selects, hover links the evidence).
pub fn card_ui(
    ui: &mut egui::Ui,
    path: FieldPath,
    selected: bool,
    add_contents: impl FnOnce(&mut egui::Ui),
) -> egui::Response {
    let dark = ui.visuals().dark_mode;
    let stroke = if selected {
        egui::Stroke::new(2.0, palette::family_solid(path.family(), dark))
    } else {
        egui::Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color)
    };
    let fill = if selected {
        palette::family_fill(path.family(), dark, false).gamma_multiply(0.35)
    } else {
        egui::Color32::TRANSPARENT
    };
    // The card senses clicks below its fields, so that fields stay usable.
    ui.scope_builder(egui::UiBuilder::new().sense(egui::Sense::click()), |ui| {
        egui::Frame::group(ui.style())
            .stroke(stroke)
            .fill(fill)
            .inner_margin(6.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                add_contents(ui);
            });
    })
    .response
}

/// "N spans" label that shows what the field's evidence is.
pub fn evidence_summary_ui(ui: &mut egui::Ui, evidence: &[crate::model::Span]) {
    let text = match evidence.len() {
        0 => "no evidence".to_string(),
        1 => format!("evidence {}–{}", evidence[0].start(), evidence[0].end()),
        n => format!("{n} evidence spans"),
    };
    let color = if evidence.is_empty() {
        ui.visuals().warn_fg_color
    } else {
        ui.visuals().weak_text_color()
    };
    ui.label(egui::RichText::new(text).small().color(color))
        .on_hover_text("Select text in the article and press E to set the evidence");
}
