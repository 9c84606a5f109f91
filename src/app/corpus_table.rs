//! The corpus table: one row per inspection across the open folder, sortable
//! by clicking a heading, with resizable columns that scroll sideways when
//! they do not fit. Only the rows in view are drawn.

use super::palette;
use crate::corpus::{Column, Corpus, InspectionRow};
use egui_extras::{Column as Width, TableBuilder};

/// The columns shown, in order: who and what first, then the headline
/// while it is still in view; the last column takes what room is left.
pub const COLUMNS: [Column; 10] = [
    Column::Council,
    Column::Provider,
    Column::Service,
    Column::Kind,
    Column::Date,
    Column::Judgement,
    Column::Headline,
    Column::Status,
    Column::Region,
    Column::Outlet,
];

/// The widths a column starts at: wide enough for its longest text up to
/// `max`, at least `min` (which also holds its heading).
fn width_range(column: Column) -> (f32, f32) {
    match column {
        Column::Council | Column::Provider => (90.0, 280.0),
        Column::Region => (80.0, 200.0),
        Column::Outlet => (70.0, 180.0),
        Column::Date => (60.0, 100.0),
        Column::Headline => (240.0, 420.0),
        _ => (70.0, 180.0),
    }
}

const ROW_HEIGHT: f32 = 22.0;
/// Room beside a cell's text: the cell's margins and the sort arrow.
const CELL_PADDING: f32 = 24.0;

/// What the user did in the table.
pub enum TableAction {
    Sort(Column),
    /// Open corpus row `usize` in the review tab.
    Open(usize),
}

/// Initial column widths for `longest` (per [`COLUMNS`], the longest text
/// each has in the corpus), measured in the table's font.
pub fn column_widths(ui: &egui::Ui, longest: &[Option<String>]) -> Vec<f32> {
    let font = egui::TextStyle::Body.resolve(ui.style());
    COLUMNS
        .iter()
        .enumerate()
        .map(|(i, &column)| {
            let (min, max) = width_range(column);
            let text_width = |s: &str| {
                ui.painter()
                    .layout_no_wrap(s.to_string(), font.clone(), egui::Color32::WHITE)
                    .size()
                    .x
            };
            let widest = longest
                .get(i)
                .and_then(Option::as_deref)
                .map_or(0.0, text_width)
                .max(text_width(column.label()));
            (widest + CELL_PADDING).clamp(min, max)
        })
        .collect()
}

/// Draws `rows` (indices into the corpus rows) and returns what was clicked.
/// `selected` is marked; `widths` (per [`COLUMNS`]) are where the columns
/// start, until the user drags them; `reset` puts them back there.
pub fn corpus_table_ui(
    ui: &mut egui::Ui,
    corpus: &Corpus,
    rows: &[usize],
    sort: (Column, bool),
    selected: Option<usize>,
    widths: &[f32],
    reset: bool,
) -> Option<TableAction> {
    let mut action = None;
    ui.scope(|ui| {
        // Thin bars that are always drawn: they say that more columns lie
        // to the right, which bars that appear only on hover do not.
        ui.spacing_mut().scroll = egui::style::ScrollStyle::thin();
        egui::ScrollArea::horizontal()
            .id_salt("corpus-table-sideways")
            .show(ui, |ui| {
                action = table_ui(ui, corpus, rows, sort, selected, widths, reset);
            });
    });
    action
}

fn table_ui(
    ui: &mut egui::Ui,
    corpus: &Corpus,
    rows: &[usize],
    sort: (Column, bool),
    selected: Option<usize>,
    widths: &[f32],
    reset: bool,
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
    for (i, column) in COLUMNS.into_iter().enumerate() {
        let width = widths
            .get(i)
            .copied()
            .unwrap_or_else(|| width_range(column).0);
        table = table.column(if i + 1 == COLUMNS.len() {
            Width::remainder().at_least(width).clip(true)
        } else {
            Width::initial(width).at_least(40.0).clip(true)
        });
    }
    if reset {
        table.reset();
    }
    table
        .header(24.0, |mut header| {
            header.col(|ui| {
                ui.strong("⚠")
                    .on_hover_text("Conflicts: hover a row's mark for the reason");
            });
            for column in COLUMNS {
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
                for column in COLUMNS {
                    row.col(|ui| cell_ui(ui, r, column, dark));
                }
                let response = row.response();
                if response.clicked() || response.double_clicked() {
                    action = Some(TableAction::Open(index));
                }
            });
        });
    action
}

/// One cell: its text cut with "…" when the column is too narrow, the whole
/// text on hover.
fn cell_ui(ui: &mut egui::Ui, r: &InspectionRow, column: Column, dark: bool) {
    let Some(text) = r.cell(column) else {
        let (dash, hover) = match column {
            Column::Headline => (r.file_name.to_string(), None),
            Column::Provider => ("—".to_string(), Some("No provider named in the record")),
            _ => ("—".to_string(), None),
        };
        let label = ui.add(
            egui::Label::new(egui::RichText::new(dash).weak())
                .selectable(false)
                .truncate(),
        );
        if let Some(hover) = hover {
            label.on_hover_text(hover);
        }
        return;
    };
    let mut rich = egui::RichText::new(text.as_ref());
    let mut hover: Option<String> = None;
    match column {
        Column::Council if !r.in_gazetteer => {
            rich = rich.color(ui.visuals().warn_fg_color);
            hover = Some(format!("{text}\nNot in the gazetteer of councils"));
        }
        Column::Provider if r.provider.is_none() => {
            rich = rich.italics();
            hover = Some(format!("{text}: the council itself (no provider named)"));
        }
        Column::Provider if r.is_provider() => {
            hover = Some(r.inspected());
        }
        Column::Judgement => rich = rich.color(palette::judgement_color(r.judgement, dark)),
        Column::Status => rich = rich.color(palette::status_color(r.status, dark)),
        Column::Headline => hover = Some(format!("{text}\n{}", r.file_name)),
        _ => {}
    }
    // A label cut short shows its whole text on hover by itself.
    let response = ui.add(egui::Label::new(rich).selectable(false).truncate());
    if let Some(hover) = hover {
        response.on_hover_text(hover);
    }
}
