//! Re-extract in the app, driven by clicks and key presses: the changes are
//! shown as a diff before anything changes, Apply puts the merged record in
//! place as one undo step, Ctrl+Z takes it back; and the Report tab, whose
//! cases open in the Review tab.

use crate::app_support::*;
use crate::common::{MONITORING_ARTICLE, write};
use crate::update_fixtures::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ofsted_curator::app::fields::{ArticleKey, FieldPath};
use ofsted_curator::app::{CuratorApp, Tab};
use ofsted_curator::extract::extract_record;
use ofsted_curator::model::{FieldName, Record};
use ofsted_curator::store::save_record_atomically;

/// A folder with the Kent article and its curated record made by an older
/// extractor; returns the folder and the record.
fn curated_folder() -> (tempfile::TempDir, Record) {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "kent.txt", ARTICLE);
    let curated = curate(older_extraction(extract_record(ARTICLE, "kent.txt")));
    save_record_atomically(&dir.path().join("kent.txt.curation.json"), &curated)
        .expect("save the record");
    (dir, curated)
}

fn record_of(harness: &Harness<'_, CuratorApp>, doc: usize) -> Record {
    harness.state().workspace.docs[doc]
        .loaded()
        .expect("a loaded document")
        .record
        .clone()
}

/// Opens the menu bar's `menu` (the topmost widget of that name: the tab
/// bar below has a "Review" too) and clicks `entry`.
fn menu_item(harness: &mut Harness<'_, CuratorApp>, menu: &str, entry: &str) {
    let top = harness
        .get_all_by_label(menu)
        .min_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .expect("the menu");
    top.click();
    wait_for_label(harness, entry);
    harness.get_by_label(entry).click();
    harness.step();
}

/// Waits for the diff, and for its window to settle where it is drawn (a
/// modal re-centres itself over a few frames as its content grows), so that
/// a click lands on the button it aims at.
fn wait_for_diff(harness: &mut Harness<'_, CuratorApp>) {
    wait_until(harness, "the diff", CuratorApp::reextract_diff_shown);
    let mut last = None;
    for _ in 0..50 {
        harness.step();
        let now = Some(harness.get_by_label("Apply").rect());
        if now == last {
            return;
        }
        last = now;
    }
    panic!("the diff window never settled");
}

#[test]
fn reextract_shows_a_diff_applies_it_as_one_step_and_undo_takes_it_back() {
    let (dir, curated) = curated_folder();
    let mut harness = harness(dir.path());
    assert_eq!(record_of(&harness, 0), curated, "the record is read");

    menu_item(&mut harness, "Review", "Re-extract this article…");
    wait_for_diff(&mut harness);
    for line in [
        "byline updated: Sam -> Sam Example",
        "person added: Sarah Hammond",
        "person conflict: Kent County",
        "finding still rejected",
        "3 values a person edited or added: kept",
    ] {
        assert!(
            harness.query_by_label_contains(line).is_some(),
            "the diff shows {line:?}"
        );
    }
    assert_eq!(
        record_of(&harness, 0),
        curated,
        "nothing changes before Apply"
    );

    harness.get_by_label("Apply").click();
    harness.run_steps(2);
    assert!(
        !harness.state().reextract_diff_shown(),
        "the diff is closed"
    );
    let merged = record_of(&harness, 0);
    assert_human_decisions_kept(&merged, &curated);
    assert!(harness.state().workspace.docs[0].is_dirty());

    press_key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        record_of(&harness, 0),
        curated,
        "one undo takes the whole merge back"
    );
    press_key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(record_of(&harness, 0), merged, "and redo puts it back");
}

#[test]
fn reextract_all_merges_every_article_and_cancel_changes_nothing() {
    let (dir, curated) = curated_folder();
    // A machine record of the second article from an older extractor that
    // cut its headline short.
    let mut machine = extract_record(MONITORING_ARTICLE, "monitoring.txt");
    let fresh = machine.clone();
    let headline = machine.article.headline.as_mut().expect("a headline");
    headline.value = "Progress at Kent".into();
    machine.extractor = "ofsted-curator 0.0.1".into();
    write(dir.path(), "monitoring.txt", MONITORING_ARTICLE);
    save_record_atomically(&dir.path().join("monitoring.txt.curation.json"), &machine)
        .expect("save");
    let mut harness = harness(dir.path());
    let kent = (0..2)
        .find(|&i| harness.state().workspace.docs[i].name == "kent.txt")
        .expect("kent.txt is open");
    let other = 1 - kent;

    menu_item(&mut harness, "Review", "Re-extract all articles…");
    wait_for_diff(&mut harness);
    assert!(
        harness
            .query_by_label_contains("2 of 2 records change")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("headline updated: Progress at Kent -> Progress at Kent")
            .is_some(),
        "the second article's change is listed"
    );
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(!harness.state().reextract_diff_shown());
    assert_eq!(record_of(&harness, kent), curated, "cancel changes nothing");
    assert_eq!(record_of(&harness, other), machine);

    menu_item(&mut harness, "Review", "Re-extract all articles…");
    wait_for_diff(&mut harness);
    harness.get_by_label("Apply").click();
    harness.run_steps(2);
    assert_human_decisions_kept(&record_of(&harness, kent), &curated);
    let updated = record_of(&harness, other);
    assert_eq!(
        updated.article, fresh.article,
        "a machine record is the new one"
    );
    assert_eq!(updated.extractor, fresh.extractor);
}

#[test]
fn the_report_tab_counts_the_curated_record_and_a_case_opens_in_review() {
    let (dir, _) = curated_folder();
    let mut harness = harness(dir.path());
    harness.get_by_label("Report").click();
    harness.run_steps(2);
    assert_eq!(harness.state().tab, Tab::Report);
    let report = harness.state_mut().extractor_report();
    assert_eq!(report.curated, 1);
    let people = report.counts(FieldName::Person);
    assert_eq!((people.kept, people.added), (1, 1), "{people:?}");
    assert_eq!(report.counts(FieldName::Finding).rejected, 1);
    assert_eq!(report.counts(FieldName::Headline).edited, 1);

    let case = format!("kent.txt · headline · edited · {EDITED_HEADLINE}");
    harness.get_by_label(&case).click();
    harness.run_steps(2);
    assert_eq!(harness.state().tab, Tab::Review);
    assert_eq!(
        harness.state().selected,
        Some(FieldPath::Article(ArticleKey::Headline)),
        "the case's field is selected"
    );
}
