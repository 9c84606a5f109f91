//! Inspections as cards: council picked from the gazetteer, provider,
//! service, kind, visit number, date, judgement, inspector, and findings.

use super::FormCtx;
use super::widgets::{
    card_ui, choice_ui, evidence_summary_ui, form_grid, item_buttons_ui, origin_ui, picker_ui,
    take_enter, text_ui, warning_ui,
};
use crate::app::choices::{JUDGEMENTS, KINDS, POLARITIES, SERVICES, THEMES};
use crate::app::command::Command;
use crate::app::edit::{Edit, NewItem};
use crate::app::fields::FieldPath;
use crate::gazetteer::Gazetteer;
use crate::model::{
    Finding, Inspection, InspectionKind, Origin, Polarity, Service, Theme, is_valid_date,
};

pub fn blank_inspection() -> Inspection {
    Inspection {
        local_authority: None,
        provider: None,
        service: Service::ChildrensServices,
        kind: InspectionKind::FullInspection,
        visit_number: None,
        date: None,
        judgement: None,
        inspector: None,
        findings: Vec::new(),
        evidence: Vec::new(),
        origin: Origin::Added,
    }
}

pub fn inspections_ui(ui: &mut egui::Ui, form: &mut FormCtx<'_>) {
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        ui.strong(format!(
            "Inspections ({})",
            form.doc.record.inspections.len()
        ));
        if ui
            .small_button("+ Add")
            .on_hover_text("Add an inspection (or select text and press I)")
            .clicked()
        {
            form.out.push(Command::Edit(Edit::Add(NewItem::Inspection(
                blank_inspection(),
            ))));
        }
    });
    let len = form.doc.record.inspections.len();
    for i in 0..len {
        inspection_ui(ui, form, i, len);
    }
}

fn inspection_ui(ui: &mut egui::Ui, form: &mut FormCtx<'_>, i: usize, len: usize) {
    let path = FieldPath::Inspection(i);
    let doc = form.doc;
    let original = &doc.record.inspections[i];
    let mut x = original.clone();
    let look = form.look(
        path,
        "0-4 judgement · N kind · S service · Enter edit · A accept · Del reject",
    );
    let picker = form.picker.filter(|p| p.path == path);
    let can_revert = form.can_revert(path);
    let mut out = Vec::new();
    let response = card_ui(ui, path, look, |ui| {
        ui.horizontal(|ui| {
            ui.strong(format!("Inspection {}", i + 1));
            origin_ui(ui, path, x.origin, can_revert, &mut out);
            evidence_summary_ui(ui, &x.evidence);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                item_buttons_ui(ui, path, i, len, &mut out);
            });
        });
        if let Some(p) = picker {
            picker_ui(ui, p.field, &mut out);
        }
        form_grid(ui, ("inspection-grid", i)).show(ui, |ui| {
            council_ui(ui, i, &mut x.local_authority);
            ui.end_row();
            ui.label("Provider");
            let mut provider = x.provider.clone();
            // An empty provider means the council only for a council's
            // own children's services; a home or agency is just unnamed.
            let hint = if x.service == Service::ChildrensServices {
                "the council itself"
            } else {
                "not named"
            };
            optional_text_response(ui, ("provider", i), &mut provider, hint);
            x.provider = provider;
            ui.end_row();
            choice_ui(ui, "Service", ("service", i), &mut x.service, SERVICES);
            ui.end_row();
            choice_ui(ui, "Kind", ("kind", i), &mut x.kind, KINDS);
            ui.end_row();
            ui.label("Visit number");
            let mut visit = x.visit_number.map(|n| n.to_string()).unwrap_or_default();
            let r = ui.add(
                egui::TextEdit::singleline(&mut visit)
                    .id_salt(("visit", i))
                    .hint_text("none")
                    .desired_width(60.0),
            );
            if r.changed() {
                let t = visit.trim();
                if t.is_empty() {
                    x.visit_number = None;
                } else if let Ok(n) = t.parse() {
                    x.visit_number = Some(n);
                }
            }
            ui.end_row();
            ui.label("Date");
            ui.vertical(|ui| {
                let mut date = x.date.clone();
                optional_text_response(ui, ("date", i), &mut date, "YYYY-MM-DD, YYYY-MM or YYYY");
                if let Some(d) = &date
                    && !is_valid_date(d)
                {
                    warning_ui(ui, "not a date: use YYYY, YYYY-MM or YYYY-MM-DD");
                }
                x.date = date;
            });
            ui.end_row();
            choice_ui(
                ui,
                "Judgement",
                ("judgement", i),
                &mut x.judgement,
                JUDGEMENTS,
            );
            ui.end_row();
            ui.label("Inspector");
            let mut inspector = x.inspector.clone();
            optional_text_response(ui, ("inspector", i), &mut inspector, "none named");
            x.inspector = inspector;
            ui.end_row();
        });
        findings_ui(ui, form, i, &mut out);
    });
    form.out.extend(out);
    form.card_response(path, &response);
    if x != *original {
        form.out.push(Command::Edit(Edit::Inspection(i, x)));
    }
}

fn optional_text_response(
    ui: &mut egui::Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    value: &mut Option<String>,
    hint: &str,
) {
    let mut text = value.clone().unwrap_or_default();
    let r = ui.add(
        egui::TextEdit::singleline(&mut text)
            .id_salt(id)
            .hint_text(hint)
            .desired_width(f32::INFINITY),
    );
    take_enter(ui, &r, &text);
    if r.changed() {
        *value = (!text.trim().is_empty()).then_some(text);
    }
}

/// Council with type-to-search over the gazetteer.
fn council_ui(ui: &mut egui::Ui, i: usize, value: &mut Option<String>) {
    let label = ui.label("Council");
    ui.vertical(|ui| {
        let mut text = value.clone().unwrap_or_default();
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .id_salt(("council", i))
                    .hint_text("type to search councils")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        take_enter(ui, &edit, &text);
        if edit.changed() {
            *value = (!text.trim().is_empty()).then_some(text.clone());
        }
        let gazetteer = Gazetteer::get();
        if edit.has_focus() || edit.lost_focus() {
            let matches = gazetteer.search(&text);
            let exact = matches.first().is_some_and(|c| c.name == text);
            if !exact {
                for c in matches.iter().take(6) {
                    if ui
                        .add(egui::Button::new(egui::RichText::new(&c.name).small()).frame(false))
                        .on_hover_text(&c.region)
                        .clicked()
                    {
                        *value = Some(c.name.clone());
                    }
                }
            }
        } else if let Some(v) = value.as_deref()
            && gazetteer.canonical_name(v) != Some(v)
        {
            match gazetteer.canonical_name(v) {
                Some(canon) => {
                    let canon = canon.to_string();
                    ui.horizontal(|ui| {
                        warning_ui(ui, &format!("records use \"{canon}\""));
                        if ui.small_button("use it").clicked() {
                            *value = Some(canon);
                        }
                    });
                }
                None => warning_ui(ui, "not a council in the gazetteer"),
            }
        }
    });
}

fn findings_ui(ui: &mut egui::Ui, form: &mut FormCtx<'_>, i: usize, out: &mut Vec<Command>) {
    let doc = form.doc;
    let findings = &doc.record.inspections[i].findings;
    ui.horizontal(|ui| {
        ui.label(format!("Findings ({})", findings.len()));
        if ui
            .small_button("+ Add")
            .on_hover_text("Add a finding (or select text and press F)")
            .clicked()
        {
            let blank = Finding {
                theme: Theme::Other,
                polarity: Polarity::Concern,
                text: String::new(),
                evidence: Vec::new(),
                origin: Origin::Added,
            };
            out.push(Command::Edit(Edit::Add(NewItem::Finding(i, blank))));
        }
    });
    let len = findings.len();
    for (j, original) in findings.iter().enumerate() {
        let path = FieldPath::Finding(i, j);
        let mut f = original.clone();
        let look = form.look(
            path,
            "P flip polarity · T theme · Enter edit · A accept · Del reject",
        );
        let picker = form.picker.filter(|p| p.path == path);
        let can_revert = form.can_revert(path);
        let response = card_ui(ui, path, look, |ui| {
            ui.horizontal(|ui| {
                ui.label(format!("{}.{}", i + 1, j + 1));
                origin_ui(ui, path, f.origin, can_revert, out);
                evidence_summary_ui(ui, &f.evidence);
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    item_buttons_ui(ui, path, j, len, out);
                });
            });
            if let Some(p) = picker {
                picker_ui(ui, p.field, out);
            }
            // Wrapped, so that a long theme name never widens the panel.
            ui.horizontal_wrapped(|ui| {
                choice_ui(ui, "Theme", ("theme", i, j), &mut f.theme, THEMES);
                choice_ui(
                    ui,
                    "Polarity",
                    ("polarity", i, j),
                    &mut f.polarity,
                    POLARITIES,
                );
            });
            text_ui(ui, "Text", ("finding-text", i, j), &mut f.text, true);
        });
        form.card_response(path, &response);
        if f != *original {
            out.push(Command::Edit(Edit::Finding(i, j, f)));
        }
    }
}
