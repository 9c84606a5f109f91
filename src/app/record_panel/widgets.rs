//! Small form pieces shared by the record form's sections.

use crate::app::a11y::icon_button;
use crate::app::choices::{PickField, option_key_label};
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
        && icon_button(
            ui,
            "↩",
            &format!("Revert {} to the machine's value (Ctrl+R)", path.label()),
            true,
        )
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
    let label = path.label();
    if icon_button(ui, "×", &format!("Remove {label} (Delete)"), true).clicked() {
        out.push(Command::Edit(Edit::Remove(path)));
    }
    if icon_button(ui, "⬇", &format!("Move {label} down"), index + 1 < len).clicked() {
        out.push(Command::Edit(Edit::Move(path, 1)));
    }
    if icon_button(ui, "⬆", &format!("Move {label} up"), index > 0).clicked() {
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
    take_enter(ui, &response, &text);
    if response.changed() {
        *value = (!text.trim().is_empty()).then_some(text);
    }
    response
}

/// A labelled text field over a string; `wrapping` fields show long text on
/// several lines, and Enter still leaves them (Shift+Enter breaks a line).
pub fn text_ui(
    ui: &mut egui::Ui,
    label: &str,
    id: impl std::hash::Hash + std::fmt::Debug,
    value: &mut String,
    wrapping: bool,
) -> egui::Response {
    let label = ui.label(label);
    let edit = if wrapping {
        wrapping_edit(value)
    } else {
        egui::TextEdit::singleline(value)
    };
    let response = ui
        .add(edit.id_salt(id).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    take_enter(ui, &response, value);
    leave_on_enter(ui, &response, wrapping);
    response
}

/// A text field that wraps long text instead of cutting it.
pub fn wrapping_edit(value: &mut dyn egui::TextBuffer) -> egui::TextEdit<'_> {
    egui::TextEdit::multiline(value)
        .desired_rows(1)
        .return_key(egui::KeyboardShortcut::new(
            egui::Modifiers::SHIFT,
            egui::Key::Enter,
        ))
}

/// Enter leaves a wrapping field as it leaves a one-line one.
pub fn leave_on_enter(ui: &egui::Ui, response: &egui::Response, wrapping: bool) {
    if wrapping
        && response.has_focus()
        && ui.input(|i| i.key_pressed(egui::Key::Enter) && i.modifiers.is_none())
    {
        response.surrender_focus();
    }
}

fn enter_request_id() -> egui::Id {
    egui::Id::unique("record-enter-request")
}

/// The card about to be drawn was entered (Enter on the selected field): its
/// first text input takes the keyboard.
pub fn request_enter(ui: &egui::Ui) {
    ui.data_mut(|d| d.insert_temp(enter_request_id(), true));
}

/// Drops an enter request no input took.
pub fn cancel_enter(ui: &egui::Ui) {
    ui.data_mut(|d| d.remove_temp::<bool>(enter_request_id()));
}

/// Gives `response`'s text input the keyboard, with all of `text` selected
/// so that typing replaces it, when its card was just entered.
pub fn take_enter(ui: &egui::Ui, response: &egui::Response, text: &str) {
    if ui
        .data_mut(|d| d.remove_temp::<bool>(enter_request_id()))
        .is_none()
    {
        return;
    }
    response.request_focus();
    let mut state = egui::text_edit::TextEditState::load(ui.ctx(), response.id).unwrap_or_default();
    state
        .cursor
        .set_char_range(Some(egui::text_selection::CCursorRange::two(
            egui::text::CCursor::new(0),
            egui::text::CCursor::new(text.chars().count()),
        )));
    state.store(ui.ctx(), response.id);
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
                // Chosen by keyboard too, the list closes at once.
                if ui.selectable_value(value, *c, *l).clicked() {
                    ui.close();
                }
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

/// How a card is drawn.
#[derive(Debug, Clone, Copy, Default)]
pub struct CardLook {
    pub selected: bool,
    /// Enter was pressed on it: its first input takes the keyboard.
    pub entering: bool,
    /// The curator accepted it as it is (A).
    pub accepted: bool,
    /// The keys that act on it, shown while it is selected.
    pub keys: &'static str,
}

/// A card around one item, outlined in its family colour when selected.
/// Returns the card's response (click selects, hover links the evidence).
pub fn card_ui(
    ui: &mut egui::Ui,
    path: FieldPath,
    look: CardLook,
    add_contents: impl FnOnce(&mut egui::Ui),
) -> egui::Response {
    let dark = ui.visuals().dark_mode;
    let stroke = if look.selected {
        egui::Stroke::new(2.0, palette::family_solid(path.family(), dark))
    } else {
        egui::Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color)
    };
    let fill = if look.selected {
        palette::family_fill(path.family(), dark, false).gamma_multiply(0.35)
    } else {
        egui::Color32::TRANSPARENT
    };
    // The card takes clicks below its fields, so that fields stay usable;
    // it is not in the Tab order (J/K select cards).
    ui.scope_builder(egui::UiBuilder::new().sense(egui::Sense::CLICK), |ui| {
        egui::Frame::group(ui.style())
            .stroke(stroke)
            .fill(fill)
            .inner_margin(6.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                if look.entering {
                    request_enter(ui);
                }
                add_contents(ui);
                if look.entering {
                    cancel_enter(ui);
                }
                if look.accepted {
                    ui.label(
                        egui::RichText::new("✔ accepted")
                            .small()
                            .color(palette::status_color(crate::model::Status::Reviewed, dark)),
                    );
                }
                if look.selected && !look.keys.is_empty() {
                    ui.label(egui::RichText::new(look.keys).small().weak());
                }
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

/// A field's choices, each with the key that picks it, shown in the card
/// after T, N or S; a click picks too.
pub fn picker_ui(ui: &mut egui::Ui, field: PickField, out: &mut Vec<Command>) {
    let stroke = egui::Stroke::new(1.0, ui.visuals().selection.stroke.color);
    egui::Frame::new()
        .stroke(stroke)
        .inner_margin(4.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.strong(format!("{}: press a key", field.label()));
                for (i, option) in field.options().into_iter().enumerate() {
                    let text = format!("{} {option}", option_key_label(i));
                    if ui.small_button(text).clicked() {
                        out.push(Command::Pick(i));
                    }
                }
                ui.weak("(Esc cancels)");
            });
        });
}

/// A two-column form (labels, fields) whose field column never outgrows the
/// card: a grid met for the first time lays out with all the room it can
/// find, and a wide field would widen the whole panel for good.
pub fn form_grid(ui: &egui::Ui, id: impl std::hash::Hash + std::fmt::Debug) -> egui::Grid {
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([8.0, 4.0])
        .max_col_width((ui.available_width() - 110.0).max(120.0))
}
