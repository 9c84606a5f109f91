//! The corpus table: one row per inspection across the open folder, sortable
//! by clicking a heading. Only the rows in view are drawn.

use super::palette;
use crate::corpus::{Column, Corpus};
use egui_extras::{Column as Width, TableBuilder};

/// The columns shown, in order, with their initial widths; the headline
/// takes what is left (its file name shows on hover).
const COLUMNS: [(Column, f32); 9] = [
    (Column::Council, 130.0),
    (Column::Region, 120.0),
    (Column::Provider, 110.0),
    (Column::Kind, 120.0),
    (Column::Date, 76.0),
    (Column::Judgement, 130.0),
    (Column::Status, 84.0),
    (Column::Outlet, 100.0),
    (Column::Headline, 0.0),
];

const ROW_HEIGHT: f32 = 22.0;

/// What the user did in the table.
pub enum TableAction {
    Sort(Column),
    /// Open corpus row `usize` in the review tab.
    Open(usize),
}

/// Draws `rows` (indices into the corpus rows) and returns what was clicked.
/// `selected` is marked.
pub fn corpus_table_ui(
    ui: &mut egui::Ui,
    corpus: &Corpus,
    rows: &[usize],
    sort: (Column, bool),
    selected: Option<usize>,
) -> Option<TableAction> {
    let mut action = None;
    let dark = ui.visuals().dark_mode;
    let mut table = TableBuilder::new(ui)
        .id_salt("corpus-table")
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Width::exact(24.0));
    for (column, width) in COLUMNS {
        table = table.column(if column == Column::Headline {
            Width::remainder().at_least(160.0).clip(true)
        } else {
            Width::initial(width).at_least(40.0).clip(true)
        });
    }
    table
        .header(24.0, |mut header| {
            header.col(|ui| {
                ui.strong("⚠")
                    .on_hover_text("Conflicts: hover a row's mark for the reason");
            });
            for (column, _) in COLUMNS {
                header.col(|ui| {
                    let arrow = match sort {
                        (c, true) if c == column => " ⬆",
                        (c, false) if c == column => " ⬇",
                        _ => "",
                    };
                    let heading = egui::Button::new(
                        egui::RichText::new(format!("{}{arrow}", column.label())).strong(),
                    )
                    .frame(false);
                    if ui
                        .add(heading)
                        .on_hover_text(format!("Sort by {}", column.label().to_lowercase()))
                        .clicked()
                    {
                        action = Some(TableAction::Sort(column));
                    }
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, rows.len(), |mut row| {
                let Some(&index) = rows.get(row.index()) else {
                    return;
                };
                let Some(r) = corpus.rows().get(index) else {
                    return;
                };
                row.set_selected(selected == Some(index));
                row.col(|ui| {
                    if corpus.has_conflict(index) {
                        let reasons: Vec<String> = corpus
                            .row_conflicts(index)
                            .map(|c| format!("{}: {}", c.kind.label(), c.reason))
                            .collect();
                        ui.colored_label(ui.visuals().warn_fg_color, "⚠")
                            .on_hover_text(reasons.join("\n"));
                    }
                });
                let text = |ui: &mut egui::Ui, s: Option<&str>| {
                    match s {
                        Some(s) => ui.add(egui::Label::new(s).selectable(false).truncate()),
                        None => ui.add(
                            egui::Label::new(egui::RichText::new("—").weak()).selectable(false),
                        ),
                    };
                };
                row.col(|ui| {
                    let council = r.council.as_deref();
                    if r.in_gazetteer || council.is_none() {
                        text(ui, council);
                    } else {
                        let name = egui::RichText::new(council.unwrap_or_default())
                            .color(ui.visuals().warn_fg_color);
                        ui.add(egui::Label::new(name).selectable(false).truncate())
                            .on_hover_text("Not in the gazetteer of councils");
                    }
                });
                row.col(|ui| text(ui, r.region));
                row.col(|ui| text(ui, r.provider.as_deref()));
                row.col(|ui| {
                    let kind = palette::kind_label(r.kind);
                    match r.visit_number {
                        Some(n) => text(ui, Some(&format!("{kind} #{n}"))),
                        None => text(ui, Some(kind)),
                    }
                });
                row.col(|ui| text(ui, r.date.as_deref()));
                row.col(|ui| {
                    let color = palette::judgement_color(r.judgement, dark);
                    if r.judgement.is_some() {
                        let label =
                            egui::RichText::new(palette::judgement_label(r.judgement)).color(color);
                        ui.add(egui::Label::new(label).selectable(false).truncate());
                    } else {
                        text(ui, None);
                    }
                });
                row.col(|ui| {
                    let status = egui::RichText::new(r.status.label())
                        .color(palette::status_color(r.status, dark));
                    ui.add(egui::Label::new(status).selectable(false));
                });
                row.col(|ui| text(ui, r.outlet.as_deref()));
                row.col(|ui| {
                    let headline = r.headline.as_deref().unwrap_or(&r.file_name);
                    ui.add(egui::Label::new(headline).selectable(false).truncate())
                        .on_hover_text(format!("{headline}\n{}", r.file_name));
                });
                let response = row.response();
                if response.clicked() || response.double_clicked() {
                    action = Some(TableAction::Open(index));
                }
            });
        });
    action
}
