//! The Report tab: how the extractor did on the records people worked on
//! in the open folder (unsaved edits included), per field, with the cases
//! behind the counts; clicking a case opens it in the Review tab.

use super::command::Command;
use super::fields::{ArticleKey, FieldPath};
use super::workspace::{DocState, Workspace};
use crate::model::FieldName;
use crate::report::{
    Example, ExtractorReport, FieldCounts, Location, build_report, combine_reports,
};

/// How many cases the list shows at once.
const CASES_SHOWN: usize = 300;

/// The report of the workspace as it was at `generation`, with the
/// document each of its records is.
struct Built {
    generation: u64,
    report: ExtractorReport,
    docs: Vec<usize>,
}

#[derive(Default)]
pub struct ReportPanel {
    built: Option<Built>,
    /// The cases of this field only; `None`: all.
    field: Option<FieldName>,
}

impl ReportPanel {
    /// The report as the tab shows it now (built if out of date).
    pub fn report(&mut self, workspace: &Workspace) -> &ExtractorReport {
        &self.refresh(workspace).report
    }

    fn refresh(&mut self, workspace: &Workspace) -> &Built {
        if self
            .built
            .as_ref()
            .is_some_and(|b| b.generation != workspace.generation)
        {
            self.built = None;
        }
        self.built.get_or_insert_with(|| build(workspace))
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, workspace: &Workspace) -> Vec<Command> {
        let mut out = Vec::new();
        let field = self.field;
        let mut pick = None;
        let built = self.refresh(workspace);
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Extractor report");
            ui.label(format!(
                "From the {} a person has worked on ({} left out). \
                 Precision: of the machine's values, the share people kept as they were. \
                 Recall: of the values the records hold, the share the machine got right.",
                crate::words::count(built.report.curated, "record"),
                crate::words::count(built.report.not_curated, "machine record")
            ));
            ui.add_space(6.0);
            counts_ui(ui, &built.report, field, &mut pick);
            ui.add_space(8.0);
            cases_ui(ui, built, field, &mut out);
        });
        if let Some(choice) = pick {
            self.field = choice;
        }
        out
    }
}

fn build(workspace: &Workspace) -> Built {
    // One report per record, whether the document is open or parked: a
    // parked document keeps its own instead of its record.
    let mut docs = Vec::new();
    let mut parts = Vec::new();
    for (i, doc) in workspace.docs.iter().enumerate() {
        let part = match &doc.state {
            DocState::Ready(d) => build_report([(doc.name.clone(), &d.record)]),
            DocState::Parked(p) => match &p.report {
                Some(report) => (**report).clone(),
                None => ExtractorReport {
                    not_curated: 1,
                    ..ExtractorReport::default()
                },
            },
            DocState::Loading | DocState::Failed(_) => continue,
        };
        docs.push(i);
        parts.push(part);
    }
    Built {
        generation: workspace.generation,
        report: combine_reports(&parts),
        docs,
    }
}

fn ratio(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_string(), |x| format!("{x:.2}"))
}

/// The table of counts; clicking a field's name shows only its cases.
fn counts_ui(
    ui: &mut egui::Ui,
    report: &ExtractorReport,
    field: Option<FieldName>,
    pick: &mut Option<Option<FieldName>>,
) {
    egui::Grid::new("report-counts")
        .striped(true)
        .num_columns(7)
        .show(ui, |ui| {
            for heading in [
                "field",
                "kept",
                "edited",
                "rejected",
                "added",
                "precision",
                "recall",
            ] {
                ui.strong(heading);
            }
            ui.end_row();
            let row = |ui: &mut egui::Ui, c: &FieldCounts| {
                for n in [c.kept, c.edited, c.rejected, c.added] {
                    ui.label(n.to_string());
                }
                ui.label(ratio(c.precision()));
                ui.label(ratio(c.recall()));
                ui.end_row();
            };
            for (name, counts) in &report.fields {
                let selected = field == Some(*name);
                if ui
                    .selectable_label(selected, name.as_str())
                    .on_hover_text("Show only this field's cases")
                    .clicked()
                {
                    *pick = Some((!selected).then_some(*name));
                }
                row(ui, counts);
            }
            if ui.selectable_label(field.is_none(), "total").clicked() {
                *pick = Some(None);
            }
            row(ui, &report.total());
        });
}

/// The cases behind the counts, each a button opening it in Review.
fn cases_ui(ui: &mut egui::Ui, built: &Built, field: Option<FieldName>, out: &mut Vec<Command>) {
    let cases: Vec<&Example> = built
        .report
        .examples
        .iter()
        .filter(|e| field.is_none_or(|f| e.field == f))
        .collect();
    ui.strong(match field {
        Some(f) => format!("Cases: {f} ({})", cases.len()),
        None => format!("Cases ({})", cases.len()),
    });
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for case in cases.iter().take(CASES_SHOWN) {
                let label = format!(
                    "{} · {} · {} · {}",
                    case.file,
                    case.field,
                    case.kind.label(),
                    case.value
                );
                if ui
                    .link(label)
                    .on_hover_text("Open this case in the Review tab")
                    .clicked()
                    && let Some(&doc) = built.docs.get(case.record)
                {
                    out.push(Command::OpenCase {
                        doc,
                        field: field_path(case.location),
                    });
                }
            }
            if cases.len() > CASES_SHOWN {
                ui.weak(format!(
                    "… and {} more (pick a field above, or use `ofsted-curator report --json`)",
                    cases.len() - CASES_SHOWN
                ));
            }
        });
}

/// The field a case is in; `None` for a rejected value, which is gone.
fn field_path(location: Location) -> Option<FieldPath> {
    Some(match location {
        Location::Article(name) => FieldPath::Article(ArticleKey::of_field_name(name)?),
        Location::Inspection(i) => FieldPath::Inspection(i),
        Location::Finding(i, j) => FieldPath::Finding(i, j),
        Location::Person(i) => FieldPath::Person(i),
        Location::Quote(i) => FieldPath::Quote(i),
        Location::Figure(i) => FieldPath::Figure(i),
        Location::Rejected(_) => return None,
    })
}
