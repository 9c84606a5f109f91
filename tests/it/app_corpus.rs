//! The corpus tab driven headlessly through egui_kittest: switch to it,
//! search and filter and see the rows change, open a row in the review tab
//! with its inspection selected, and export from the app.

use crate::app_support::*;
use egui::PointerButton;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ofsted_curator::app::fields::FieldPath;
use ofsted_curator::app::{Command, CuratorApp, Tab};
use ofsted_curator::export::ExportFormat;

const KENT: &str = "Kent children's services rated inadequate by Ofsted\n\n\
By Sam Example\n\n\
Children's services at Kent County Council have been rated inadequate by Ofsted \
following a full inspection in March 2019.\n";

const LEEDS: &str = "Leeds praised for outstanding children's services\n\n\
By Amira Jones\n\n\
Leeds City Council's children's services were rated outstanding by Ofsted after a \
full inspection in January 2018.\n";

const BRADFORD: &str = "Bradford makes progress at monitoring visit\n\n\
By Lee Carter\n\n\
Inspectors found that Bradford Council had made progress during a monitoring visit \
in June 2020, though drift in planning remains.\n";

fn articles() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in [
        ("kent.txt", KENT),
        ("leeds.txt", LEEDS),
        ("bradford.txt", BRADFORD),
    ] {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    dir
}

fn open_corpus_tab(harness: &mut Harness<'_, CuratorApp>) {
    harness.get_by_label("Corpus").click();
    harness.step();
    assert_eq!(harness.state().tab, Tab::Corpus);
    wait_until(harness, "corpus built", CuratorApp::corpus_ready);
}

fn shown_files(harness: &Harness<'_, CuratorApp>) -> Vec<String> {
    let mut files: Vec<String> = harness
        .state()
        .corpus_rows_shown()
        .into_iter()
        .map(|(file, _)| file)
        .collect();
    files.sort();
    files.dedup();
    files
}

#[test]
fn search_and_filters_change_the_rows_shown() {
    let dir = articles();
    let mut harness = harness(dir.path());
    open_corpus_tab(&mut harness);
    assert_eq!(
        shown_files(&harness),
        vec![
            "bradford.txt.curation.json",
            "kent.txt.curation.json",
            "leeds.txt.curation.json"
        ]
    );
    // The table draws the rows: each article's headline is on screen.
    assert!(
        harness
            .query_all_by_label_contains("Kent children's services rated")
            .next()
            .is_some()
    );

    // Typing in the search box narrows the rows.
    harness
        .get_by_role_and_label(Role::TextInput, "Search")
        .focus();
    harness.step();
    harness
        .get_by_role_and_label(Role::TextInput, "Search")
        .type_text("leeds");
    harness.step();
    harness.step();
    assert_eq!(shown_files(&harness), vec!["leeds.txt.curation.json"]);
    assert!(
        harness
            .query_all_by_label_contains("Kent children's services rated")
            .next()
            .is_none(),
        "Kent's row is no longer drawn"
    );

    // Clearing the search and choosing a judgement filters by it.
    harness.get_by_label("Clear filters").click();
    harness.step();
    assert_eq!(shown_files(&harness).len(), 3);
    harness
        .get_by_role_and_label(Role::ComboBox, "Judgement")
        .click();
    harness.step();
    harness.step();
    harness
        .get_by_role_and_label(Role::CheckBox, "inadequate")
        .click();
    harness.step();
    harness.step();
    assert_eq!(shown_files(&harness), vec!["kent.txt.curation.json"]);
}

#[test]
fn clicking_a_row_opens_the_article_with_the_inspection_selected() {
    let dir = articles();
    let mut harness = harness(dir.path());
    open_corpus_tab(&mut harness);
    let leeds_doc = harness
        .state()
        .workspace
        .docs
        .iter()
        .position(|d| d.name == "leeds.txt")
        .expect("leeds is open");
    let (_, inspection) = harness
        .state()
        .corpus_rows_shown()
        .into_iter()
        .find(|(f, _)| f == "leeds.txt.curation.json")
        .expect("a Leeds row");

    harness
        .get_all_by_label_contains("Leeds praised")
        .next()
        .expect("Leeds row drawn")
        .click();
    harness.step();
    harness.step();

    let app = harness.state();
    assert_eq!(app.tab, Tab::Review);
    assert_eq!(app.workspace.current, Some(leeds_doc));
    assert_eq!(app.selected, Some(FieldPath::Inspection(inspection)));
    assert!(
        app.highlight_spans().iter().any(|s| s.emphasis),
        "the inspection's evidence is highlighted"
    );
    // The review screen is drawn again: its record form is on screen.
    harness.get_by_role_and_label(Role::MultilineTextInput, "Headline");
}

#[test]
fn clicking_a_timeline_mark_opens_its_inspection_in_the_review_tab() {
    let dir = articles();
    let mut harness = harness(dir.path());
    open_corpus_tab(&mut harness);
    let leeds_doc = harness
        .state()
        .workspace
        .docs
        .iter()
        .position(|d| d.name == "leeds.txt")
        .expect("leeds is open");
    let marks = harness.state().timeline_marks("leeds.txt.curation.json");
    let &(inspection, mark) = marks.first().expect("Leeds's mark is drawn");

    click_at(&mut harness, mark, PointerButton::Primary);
    harness.step();
    let app = harness.state();
    assert_eq!(app.tab, Tab::Review);
    assert_eq!(app.workspace.current, Some(leeds_doc));
    assert_eq!(app.selected, Some(FieldPath::Inspection(inspection)));
    harness.get_by_role_and_label(Role::MultilineTextInput, "Headline");
}

#[test]
fn unsaved_edits_show_in_the_corpus_and_exports_include_them() {
    let dir = articles();
    let mut harness = harness(dir.path());
    let kent = harness
        .state()
        .workspace
        .docs
        .iter()
        .position(|d| d.name == "kent.txt")
        .expect("kent is open");
    harness
        .state_mut()
        .apply_command(Command::SelectDocument(kent));
    harness
        .state_mut()
        .apply_command(Command::Edit(ofsted_curator::app::edit::Edit::Status(
            ofsted_curator::model::Status::Reviewed,
        )));
    harness.step();
    open_corpus_tab(&mut harness);
    harness
        .get_by_role_and_label(Role::ComboBox, "Status")
        .click();
    harness.step();
    harness.step();
    harness
        .get_by_role_and_label(Role::CheckBox, "reviewed")
        .click();
    harness.step();
    harness.step();
    assert_eq!(shown_files(&harness), vec!["kent.txt.curation.json"]);

    let out = dir.path().join("out.csv");
    harness.state_mut().apply_command(Command::ExportTo {
        format: ExportFormat::InspectionsCsv,
        path: out.clone(),
        overwrite: false,
    });
    wait_until(&mut harness, "export written", |app| {
        app.exports_running() == 0
    });
    let csv = std::fs::read_to_string(&out).expect("export written");
    assert!(csv.starts_with("file,"), "{csv}");
    assert!(csv.contains(",reviewed,"), "{csv}");
    assert!(
        harness
            .state()
            .messages()
            .iter()
            .any(|m| m.contains("out.csv") && m.starts_with("Exported")),
        "{:?}",
        harness.state().messages()
    );

    // A second export to the same file is refused, and says so.
    harness.state_mut().apply_command(Command::ExportTo {
        format: ExportFormat::InspectionsCsv,
        path: out.clone(),
        overwrite: false,
    });
    wait_until(&mut harness, "export refused", |app| {
        app.exports_running() == 0
    });
    assert!(
        harness
            .state()
            .messages()
            .iter()
            .any(|m| m.contains("out.csv") && m.contains("already exists")),
        "{:?}",
        harness.state().messages()
    );
}
