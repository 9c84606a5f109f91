//! The article values: headline, byline, published, outlet.

use super::FormCtx;
use super::widgets::{evidence_summary_ui, origin_ui, warning_ui};
use crate::app::command::Command;
use crate::app::edit::Edit;
use crate::app::fields::{ArticleKey, FieldPath};
use crate::model::is_valid_date;

pub fn article_ui(ui: &mut egui::Ui, form: &mut FormCtx<'_>) {
    ui.strong("Article");
    for key in ArticleKey::ALL {
        let path = FieldPath::Article(key);
        let field = key.get(&form.doc.record);
        let selected = form.selected == Some(path);
        let response = super::widgets::card_ui(ui, path, selected, |ui| {
            let label = ui
                .horizontal(|ui| {
                    let label = ui.strong(key.label());
                    if let Some(f) = field {
                        origin_ui(ui, path, f.origin, form.can_revert(path), &mut form.out);
                        evidence_summary_ui(ui, &f.evidence);
                        if ui
                            .small_button("×")
                            .on_hover_text("Clear: the article does not say this")
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
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut text)
                        .id_salt(("article", key))
                        .hint_text(hint)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
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
