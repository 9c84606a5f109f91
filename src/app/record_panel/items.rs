//! People, quotes and figures as cards.

use super::FormCtx;
use super::widgets::{
    card_ui, choice_ui, evidence_summary_ui, form_grid, item_buttons_ui, optional_text_ui,
    origin_ui, take_enter, text_ui,
};
use crate::app::choices::FIGURE_KINDS;
use crate::app::command::Command;
use crate::app::edit::{Edit, NewItem};
use crate::app::fields::FieldPath;
use crate::model::{Figure, FigureKind, Origin, Person, Quote};

/// The keys that act on a selected person, quote or figure.
const ITEM_KEYS: &str = "Enter edit · A accept · Del reject · E set evidence";

/// The header of an item card: title, provenance, evidence, buttons.
fn item_header_ui(
    ui: &mut egui::Ui,
    form: &mut FormCtx<'_>,
    title: String,
    path: FieldPath,
    index: usize,
    len: usize,
) {
    let can_revert = form.can_revert(path);
    let record = &form.doc.record;
    let origin = path.origin(record).unwrap_or_default();
    let evidence = path.evidence(record).unwrap_or_default();
    // Laid out from the right: the buttons, the evidence and the provenance
    // keep their size and the title gets what is left, cut if need be, so
    // that a long name never widens the panel.
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        item_buttons_ui(ui, path, index, len, &mut form.out);
        evidence_summary_ui(ui, evidence);
        origin_ui(ui, path, origin, can_revert, &mut form.out);
        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
            ui.add(egui::Label::new(egui::RichText::new(title).strong()).truncate());
        });
    });
}

fn section_header_ui(
    ui: &mut egui::Ui,
    form: &mut FormCtx<'_>,
    title: &str,
    len: usize,
    key: &str,
    add: NewItem,
) {
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        ui.strong(format!("{title} ({len})"));
        if ui
            .small_button("+ Add")
            .on_hover_text(format!("Add one (or select text and press {key})"))
            .clicked()
        {
            form.out.push(Command::Edit(Edit::Add(add)));
        }
    });
}

pub fn people_ui(ui: &mut egui::Ui, form: &mut FormCtx<'_>) {
    let doc = form.doc;
    let people = &doc.record.people;
    let blank = Person {
        name: String::new(),
        role: None,
        organisation: None,
        evidence: Vec::new(),
        origin: Origin::Added,
    };
    section_header_ui(
        ui,
        form,
        "People",
        people.len(),
        "P",
        NewItem::Person(blank),
    );
    for (i, original) in people.iter().enumerate() {
        let path = FieldPath::Person(i);
        let mut p = original.clone();
        let look = form.look(path, ITEM_KEYS);
        let response = card_ui(ui, path, look, |ui| {
            let title = if p.name.is_empty() {
                format!("Person {}", i + 1)
            } else {
                p.name.clone()
            };
            item_header_ui(ui, form, title, path, i, people.len());
            form_grid(ui, ("person", i)).show(ui, |ui| {
                text_ui(ui, "Name", ("person-name", i), &mut p.name, false);
                ui.end_row();
                optional_text_ui(ui, "Role", ("person-role", i), &mut p.role, "not given");
                ui.end_row();
                optional_text_ui(
                    ui,
                    "Organisation",
                    ("person-org", i),
                    &mut p.organisation,
                    "not given",
                );
                ui.end_row();
            });
        });
        form.card_response(path, &response);
        if p != *original {
            form.out.push(Command::Edit(Edit::Person(i, p)));
        }
    }
}

pub fn quotes_ui(ui: &mut egui::Ui, form: &mut FormCtx<'_>) {
    let doc = form.doc;
    let quotes = &doc.record.quotes;
    let blank = Quote {
        speaker: None,
        text: String::new(),
        evidence: Vec::new(),
        origin: Origin::Added,
    };
    section_header_ui(ui, form, "Quotes", quotes.len(), "Q", NewItem::Quote(blank));
    let speakers: Vec<&str> = doc.record.people.iter().map(|p| p.name.as_str()).collect();
    for (i, original) in quotes.iter().enumerate() {
        let path = FieldPath::Quote(i);
        let mut q = original.clone();
        let look = form.look(path, ITEM_KEYS);
        let response = card_ui(ui, path, look, |ui| {
            item_header_ui(ui, form, format!("Quote {}", i + 1), path, i, quotes.len());
            ui.horizontal(|ui| {
                let label = ui.label("Speaker");
                let mut text = q.speaker.clone().unwrap_or_default();
                let r = ui
                    .add(
                        egui::TextEdit::singleline(&mut text)
                            .id_salt(("quote-speaker", i))
                            .hint_text("person or body")
                            .desired_width(180.0),
                    )
                    .labelled_by(label.id);
                take_enter(ui, &r, &text);
                if r.changed() {
                    q.speaker = (!text.trim().is_empty()).then_some(text);
                }
                let pick = egui::ComboBox::from_id_salt(("quote-speaker-pick", i))
                    .selected_text("people…")
                    .show_ui(ui, |ui| {
                        for name in &speakers {
                            if ui
                                .selectable_label(q.speaker.as_deref() == Some(name), *name)
                                .clicked()
                            {
                                q.speaker = Some(name.to_string());
                            }
                        }
                        for body in ["Ofsted"] {
                            if ui
                                .selectable_label(q.speaker.as_deref() == Some(body), body)
                                .clicked()
                            {
                                q.speaker = Some(body.to_string());
                            }
                        }
                    });
                pick.response
                    .labelled_by(label.id)
                    .on_hover_text("Pick a speaker");
            });
            text_ui(ui, "Text", ("quote-text", i), &mut q.text, true);
        });
        form.card_response(path, &response);
        if q != *original {
            form.out.push(Command::Edit(Edit::Quote(i, q)));
        }
    }
}

pub fn figures_ui(ui: &mut egui::Ui, form: &mut FormCtx<'_>) {
    let doc = form.doc;
    let figures = &doc.record.figures;
    let blank = Figure {
        kind: FigureKind::Count,
        value: 0.0,
        unit: None,
        text: String::new(),
        context: None,
        local_authority: None,
        evidence: Vec::new(),
        origin: Origin::Added,
    };
    section_header_ui(
        ui,
        form,
        "Figures",
        figures.len(),
        "G",
        NewItem::Figure(blank),
    );
    for (i, original) in figures.iter().enumerate() {
        let path = FieldPath::Figure(i);
        let mut f = original.clone();
        let look = form.look(path, ITEM_KEYS);
        let response = card_ui(ui, path, look, |ui| {
            let title = if f.text.is_empty() {
                format!("Figure {}", i + 1)
            } else {
                f.text.clone()
            };
            item_header_ui(ui, form, title, path, i, figures.len());
            form_grid(ui, ("figure", i)).show(ui, |ui| {
                let before = f.kind;
                choice_ui(ui, "Kind", ("figure-kind", i), &mut f.kind, FIGURE_KINDS);
                if f.kind != before {
                    f.unit = match f.kind {
                        FigureKind::Money => Some("GBP".into()),
                        FigureKind::Percent => Some("%".into()),
                        FigureKind::Count => None,
                    };
                }
                ui.end_row();
                let label = ui.label("Value");
                ui.horizontal(|ui| {
                    ui.add(egui::DragValue::new(&mut f.value).speed(1.0))
                        .labelled_by(label.id);
                    if let Some(unit) = &f.unit {
                        ui.weak(unit);
                    }
                });
                ui.end_row();
                text_ui(ui, "Text", ("figure-text", i), &mut f.text, false);
                ui.end_row();
                optional_text_ui(
                    ui,
                    "Context",
                    ("figure-context", i),
                    &mut f.context,
                    "what it measures",
                );
                ui.end_row();
                optional_text_ui(
                    ui,
                    "Council",
                    ("figure-council", i),
                    &mut f.local_authority,
                    "none",
                );
                ui.end_row();
            });
        });
        form.card_response(path, &response);
        if f != *original {
            form.out.push(Command::Edit(Edit::Figure(i, f)));
        }
    }
}
