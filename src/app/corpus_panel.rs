//! The corpus tab: filters along the top, the timeline above the table of
//! every inspection, summary figures on the right. The filters are shared
//! by the table and the timeline; choosing a row or a mark opens its
//! article in the review tab with the inspection selected.

use super::command::Command;
use super::corpus_summary::corpus_summary_ui;
use super::corpus_table::{TableAction, column_widths, corpus_table_ui};
use super::corpus_view::CorpusView;
use super::palette;
use super::timeline_panel::timeline_ui;
use super::workspace::Workspace;
use crate::corpus::{
    Corpus, CorpusFilter, JUDGEMENTS, KINDS, SERVICES, Timeline, YearMonth, service_label,
};
use crate::model::Status;

#[derive(Default)]
pub struct CorpusPanel {
    pub view: CorpusView,
    /// The date boxes as typed (`YYYY` or `YYYY-MM`).
    date_from: String,
    date_to: String,
    /// The table's starting column widths, and the corpus they were
    /// measured for.
    widths: Option<(u64, Vec<f32>)>,
}

impl super::CuratorApp {
    /// The corpus as last built for the corpus tab, if any.
    pub fn corpus(&self) -> Option<&Corpus> {
        self.corpus.view.built().map(|b| &b.corpus)
    }

    /// The timeline the corpus tab shows now (for the filter and lane
    /// order as they are), as plain data.
    pub fn corpus_timeline(&self) -> &Timeline {
        &self.corpus.view.derived_cached().timeline
    }
}

impl CorpusPanel {
    pub fn ui(&mut self, ui: &mut egui::Ui, workspace: &Workspace) -> Vec<Command> {
        let mut out = Vec::new();
        let building = self.view.is_building();
        if self.view.built().is_none() {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.add_space(40.0);
                ui.vertical_centered(|ui| {
                    if workspace.docs.is_empty() {
                        ui.label("Open a folder of articles to see them as a corpus.");
                    } else {
                        ui.add(egui::Spinner::new());
                        ui.label("Building the corpus view…");
                    }
                });
            });
            return out;
        }
        let regions: Vec<&'static str> = self
            .view
            .built()
            .map(|b| b.corpus.regions_present())
            .unwrap_or_default();
        egui::Panel::top("corpus-filters").show(ui, |ui| {
            ui.add_space(4.0);
            filters_ui(
                ui,
                &mut self.view.filter,
                &regions,
                &mut self.date_from,
                &mut self.date_to,
            );
            ui.add_space(2.0);
        });

        let (sort, selected, lane_order) = (
            (self.view.sort, self.view.ascending),
            self.view.selected_row,
            self.view.lane_order,
        );
        let mut lanes = lane_order;
        let mut table_action = None;
        let mut open_row = None;
        let version = self.view.built_version();
        let mut reset_widths = false;
        if self.widths.as_ref().is_none_or(|(v, _)| *v != version)
            && let Some(built) = self.view.built()
        {
            let widths = column_widths(ui, &built.longest);
            // Widths the user dragged stay, unless the texts now need others.
            reset_widths = self.widths.as_ref().is_some_and(|(_, w)| *w != widths);
            self.widths = Some((version, widths));
        }
        let widths = self
            .widths
            .as_ref()
            .map(|(_, w)| w.as_slice())
            .unwrap_or(&[]);
        // Borrow the built corpus and the derived rows side by side.
        self.view.derived();
        let view = &self.view;
        let (Some(built), derived) = (view.built(), view.derived_cached()) else {
            return out;
        };
        egui::Panel::right("corpus-summary")
            .resizable(true)
            .default_size(270.0)
            .size_range(200.0..=420.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("corpus-summary-scroll")
                    .show(ui, |ui| {
                        corpus_summary_ui(ui, &built.summary, built.corpus.conflicts().len());
                    });
            });
        egui::Panel::top("corpus-timeline")
            .resizable(true)
            .default_size(300.0)
            .size_range(120.0..=700.0)
            .show(ui, |ui| {
                open_row = timeline_ui(ui, &built.corpus, &derived.timeline, &mut lanes);
            });
        egui::CentralPanel::default().show(ui, |ui| {
            count_line_ui(ui, &built.corpus, derived.rows.len(), building);
            table_action = corpus_table_ui(
                ui,
                &built.corpus,
                &derived.rows,
                sort,
                selected,
                widths,
                reset_widths,
            );
        });

        self.view.lane_order = lanes;
        match table_action {
            Some(TableAction::Sort(column)) => self.view.sort_by(column),
            Some(TableAction::Open(row)) => open_row = Some(row),
            None => {}
        }
        if let Some(row) = open_row
            && let Some((doc, inspection)) = self.view.target_of_row(row)
        {
            self.view.selected_row = Some(row);
            out.push(Command::OpenInspection { doc, inspection });
        }
        out
    }
}

fn count_line_ui(ui: &mut egui::Ui, corpus: &Corpus, shown: usize, building: bool) {
    ui.horizontal(|ui| {
        ui.strong(format!(
            "{shown} of {} inspections in {} articles",
            corpus.rows().len(),
            corpus.articles().len()
        ));
        if building {
            ui.add(egui::Spinner::new());
            ui.weak("updating…");
        }
        ui.weak("Click a row to open it in the review tab.");
    });
}

/// The filter bar; changes `filter` in place.
fn filters_ui(
    ui: &mut egui::Ui,
    filter: &mut CorpusFilter,
    regions: &[&'static str],
    date_from: &mut String,
    date_to: &mut String,
) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Search");
        ui.add(
            egui::TextEdit::singleline(&mut filter.text)
                .id_salt("corpus-search")
                .hint_text("council, provider, headline, outlet, file")
                .desired_width(200.0),
        )
        .labelled_by(label.id);
        let mut region_options: Vec<(Option<String>, String)> = regions
            .iter()
            .map(|r| (Some(r.to_string()), r.to_string()))
            .collect();
        region_options.push((None, "not in the gazetteer".into()));
        toggle_set(ui, "Region", region_options, &mut filter.regions);
        multi_choice(
            ui,
            "Service",
            SERVICES.map(|s| (s, service_label(s))),
            &mut filter.services,
        );
        multi_choice(
            ui,
            "Kind",
            KINDS.map(|k| (k, palette::kind_label(k))),
            &mut filter.kinds,
        );
        multi_choice(
            ui,
            "Judgement",
            JUDGEMENTS.map(|j| (j, palette::judgement_label(j))),
            &mut filter.judgements,
        );
        multi_choice(
            ui,
            "Status",
            Status::ALL.map(|s| (s, s.label())),
            &mut filter.statuses,
        );
        date_box_ui(
            ui,
            "From",
            "corpus-date-from",
            date_from,
            &mut filter.date_from,
            1,
        );
        date_box_ui(ui, "to", "corpus-date-to", date_to, &mut filter.date_to, 12);
        ui.checkbox(&mut filter.only_conflicts, "Only conflicts");
        if ui
            .add_enabled(!filter.is_empty(), egui::Button::new("Clear filters"))
            .clicked()
        {
            *filter = CorpusFilter::default();
            date_from.clear();
            date_to.clear();
        }
    });
}

/// A drop-down of checkboxes over a `HashSet`; an empty set shows all.
fn multi_choice<T: Copy + Eq + std::hash::Hash, const N: usize>(
    ui: &mut egui::Ui,
    title: &str,
    options: [(T, &str); N],
    set: &mut std::collections::HashSet<T>,
) {
    let summary = choice_summary(
        options
            .iter()
            .filter(|(v, _)| set.contains(v))
            .map(|(_, l)| *l),
    );
    let heading = ui.label(title);
    egui::ComboBox::from_id_salt(("corpus-filter", title))
        .selected_text(summary)
        // Several can be ticked: the list stays open until a click outside.
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show_ui(ui, |ui| {
            for (value, label) in options {
                let mut on = set.contains(&value);
                if ui.checkbox(&mut on, label).changed() {
                    if on {
                        set.insert(value);
                    } else {
                        set.remove(&value);
                    }
                }
            }
        })
        .response
        .labelled_by(heading.id);
}

/// A drop-down of checkboxes over a `BTreeSet` of optional names.
fn toggle_set(
    ui: &mut egui::Ui,
    title: &str,
    options: Vec<(Option<String>, String)>,
    set: &mut std::collections::BTreeSet<Option<String>>,
) {
    let summary = choice_summary(
        options
            .iter()
            .filter(|(v, _)| set.contains(v))
            .map(|(_, l)| l.as_str()),
    );
    let heading = ui.label(title);
    egui::ComboBox::from_id_salt(("corpus-filter", title))
        .selected_text(summary)
        // Several can be ticked: the list stays open until a click outside.
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show_ui(ui, |ui| {
            for (value, label) in options {
                let mut on = set.contains(&value);
                if ui.checkbox(&mut on, label).changed() {
                    if on {
                        set.insert(value);
                    } else {
                        set.remove(&value);
                    }
                }
            }
        })
        .response
        .labelled_by(heading.id);
}

fn choice_summary<'a>(mut chosen: impl Iterator<Item = &'a str>) -> String {
    match (chosen.next(), chosen.next()) {
        (None, _) => "all".to_string(),
        (Some(one), None) => one.to_string(),
        (Some(_), Some(_)) => format!("{} chosen", 2 + chosen.count()),
    }
}

/// A `YYYY` or `YYYY-MM` box; a year alone means its first (`month` 1) or
/// last (`month` 12) month. Text that is neither leaves the bound off and
/// says so.
fn date_box_ui(
    ui: &mut egui::Ui,
    label: &str,
    id: &str,
    text: &mut String,
    bound: &mut Option<YearMonth>,
    month: u8,
) {
    let label = ui.label(label);
    let response = ui
        .add(
            egui::TextEdit::singleline(text)
                .id_salt(id)
                .hint_text("YYYY-MM")
                .desired_width(70.0),
        )
        .labelled_by(label.id);
    let trimmed = text.trim();
    let parsed = if trimmed.is_empty() {
        Some(None)
    } else if let Some(ym) = YearMonth::parse(trimmed) {
        Some(Some(ym))
    } else if trimmed.len() == 4 {
        trimmed.parse().ok().map(|y| Some(YearMonth::new(y, month)))
    } else {
        None
    };
    match parsed {
        Some(value) => {
            if *bound != value {
                *bound = value;
            }
        }
        None => {
            response.on_hover_text("Type a year (2019) or a month (2019-03)");
            ui.colored_label(ui.visuals().error_fg_color, "?");
        }
    }
}
