//! The article values: headline, byline, published, outlet.

use super::FormCtx;
use super::widgets::{
    evidence_summary_ui, leave_on_enter, origin_ui, take_enter, warning_ui, wrapping_edit,
};
use crate::app::a11y::icon_button;
use crate::app::command::Command;
use crate::app::edit::Edit;
use crate::app::fields::{ArticleKey, FieldPath};
use crate::model::is_valid_date;

pub fn article_ui(ui: &mut egui::Ui, form: &mut FormCtx<'_>) {
    ui.strong("Article");
    for key in ArticleKey::ALL {
        let path = FieldPath::Article(key);
        let field = key.get(&form.doc.record);
        let look = form.look(path, "Enter edit · A accept · Del clear · E set evidence");
        let response = super::widgets::card_ui(ui, path, look, |ui| {
            let label = ui
                .horizontal(|ui| {
                    let label = ui.strong(key.label());
                    if let Some(f) = field {
                        origin_ui(ui, path, f.origin, form.can_revert(path), &mut form.out);
                        evidence_summary_ui(ui, &f.evidence);
                        if icon_button(ui, "×", "Clear: the article does not say this", true)
                            .clicked()
                        {
                            form.out
                                .push(Command::Edit(Edit::ArticleValue { key, value: None }));
                        }
                    } else {
                        ui.weak("not stated");
                    }
                    label
                })
                .inner;
            let mut text = field.as_ref().map(|f| f.value.clone()).unwrap_or_default();
            let hint = if key == ArticleKey::Published {
                "YYYY-MM-DD"
            } else {
                "not stated"
            };
            // A headline is long: it wraps rather than being cut.
            let wrapping = key == ArticleKey::Headline;
            let edit = if wrapping {
                wrapping_edit(&mut text)
            } else {
                egui::TextEdit::singleline(&mut text)
            };
            let edit = ui
                .add(
                    edit.id_salt(("article", key))
                        .hint_text(hint)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            take_enter(ui, &edit, &text);
            leave_on_enter(ui, &edit, wrapping);
            if edit.changed() {
                let value = (!text.is_empty()).then_some(text);
                form.out
                    .push(Command::Edit(Edit::ArticleValue { key, value }));
            }
            if edit.gained_focus() {
                form.out.push(Command::SelectField(Some(path)));
            }
            if key == ArticleKey::Published
                && let Some(f) = field
                && !is_valid_date(&f.value)
            {
                warning_ui(ui, "not a date: use YYYY, YYYY-MM or YYYY-MM-DD");
            }
        });
        form.card_response(path, &response);
    }
}
