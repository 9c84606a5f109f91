//! Compare with folder, driven by key presses: two curators' records of one
//! article differ in three places; each is settled in one key (take B,
//! keep A, take B), Ctrl+Z takes a merge step back, and the merged record
//! is saved beside the article with the merging curator named.

use crate::app_support::*;
use crate::common::write;
use crate::update_fixtures::{ARTICLE, EDITED_HEADLINE};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ofsted_curator::app::CuratorApp;
use ofsted_curator::app::compare::CompareState;
use ofsted_curator::extract::extract_record;
use ofsted_curator::model::{Judgement, Origin, Record, Status};
use ofsted_curator::store::{read_record, save_record_atomically};
use std::path::Path;

/// The first curator's record: the machine's, reviewed, with the
/// judgement set by hand.
fn record_a() -> Record {
    let mut record = extract_record(ARTICLE, "kent.txt");
    assert_eq!(record.people.len(), 1, "premise: the director is found");
    record.status = Status::Reviewed;
    record.curator = Some("Ann".into());
    record.inspections[0].judgement = Some(Judgement::Inadequate);
    record
}

/// The second curator's: another headline, another judgement, and no
/// person.
fn record_b() -> Record {
    let mut record = record_a();
    record.curator = Some("Ben".into());
    let headline = record.article.headline.as_mut().expect("a headline");
    headline.value = EDITED_HEADLINE.into();
    headline.origin = Origin::Edited;
    record.inspections[0].judgement = Some(Judgement::RequiresImprovement);
    record.people.clear();
    record
}

fn folder_with(record: &Record) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "kent.txt", ARTICLE);
    save_record_atomically(&dir.path().join("kent.txt.curation.json"), record).expect("save");
    dir
}

/// File > Compare with folder…, the folder typed in, Enter.
fn compare_with(harness: &mut Harness<'_, CuratorApp>, folder: &Path) {
    let file = harness
        .get_all_by_label("File")
        .min_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .expect("the File menu");
    file.click();
    wait_for_label(harness, "Compare with folder…");
    harness.get_by_label("Compare with folder…").click();
    wait_until(harness, "the folder box", |app| {
        matches!(app.compare, CompareState::Asking { .. })
    });
    harness.step();
    type_text(harness, &folder.display().to_string());
    press_key(harness, Modifiers::NONE, Key::Enter);
    wait_until(harness, "the compare view", CuratorApp::compare_shown);
}

fn current(harness: &Harness<'_, CuratorApp>) -> usize {
    harness.state().compare.view().expect("the view").current
}

#[test]
fn three_disagreements_are_settled_by_keyboard_and_the_merge_is_saved() {
    let dir_a = folder_with(&record_a());
    let dir_b = folder_with(&record_b());
    let mut harness = harness(dir_a.path());
    compare_with(&mut harness, dir_b.path());

    let open = harness.state().compare_differences();
    let what: Vec<&str> = open.iter().map(|d| d.what.as_str()).collect();
    assert_eq!(what, vec!["headline", "inspection", "person"]);
    assert!(
        harness
            .query_by_label_contains("3 disagreements open")
            .is_some(),
        "the panel counts them"
    );
    assert!(
        harness
            .query_by_label_contains("1 article compared")
            .is_some(),
        "the folders' figures are shown"
    );

    // N and Shift+N move between them without settling anything.
    press_key(&mut harness, Modifiers::NONE, Key::N);
    assert_eq!(current(&harness), 1);
    press_key(&mut harness, Modifiers::SHIFT, Key::N);
    assert_eq!(current(&harness), 0);

    press_key(&mut harness, Modifiers::NONE, Key::B); // B's headline
    press_key(&mut harness, Modifiers::NONE, Key::A); // A's judgement
    assert_eq!(harness.state().compare_differences().len(), 1);
    press_key(&mut harness, Modifiers::NONE, Key::B); // B has no person
    assert!(harness.state().compare_differences().is_empty());

    // The last step is undone and redone like any edit.
    press_key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().compare_differences().len(), 1);
    press_key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert!(harness.state().compare_differences().is_empty());

    press_key(&mut harness, Modifiers::COMMAND, Key::S);
    let sidecar = dir_a.path().join("kent.txt.curation.json");
    wait_until(&mut harness, "the merge on disk", |_| {
        read_record(&sidecar).is_ok_and(|r| r.people.is_empty())
    });
    let saved = read_record(&sidecar).expect("the merged record");
    let headline = saved.article.headline.as_ref().expect("a headline");
    assert_eq!(headline.value, EDITED_HEADLINE);
    assert_eq!(headline.origin, Origin::Edited, "B's origin is kept");
    assert_eq!(saved.inspections[0].judgement, Some(Judgement::Inadequate));
    assert_eq!(saved.curator.as_deref(), Some("Test Curator"));
    assert!(
        saved
            .notes
            .contains("Merged by Test Curator with the record of Ben"),
        "{:?}",
        saved.notes
    );
    let other = read_record(&dir_b.path().join("kent.txt.curation.json")).expect("B's record");
    // `record_b()` is built anew here, so its `updated` clock is later
    // than the saved one's whenever the test runs across a second.
    let mut expected = record_b();
    expected.updated = other.updated.clone();
    assert_eq!(other, expected, "the other folder is left alone");
}

#[test]
fn edit_puts_the_keyboard_in_the_field_and_settles_the_difference() {
    let dir_a = folder_with(&record_a());
    let dir_b = folder_with(&record_b());
    let mut harness = harness(dir_a.path());
    compare_with(&mut harness, dir_b.path());
    press_key(&mut harness, Modifiers::NONE, Key::E);
    assert_eq!(harness.state().compare_differences().len(), 2);
    assert!(
        harness.state().selected.is_some(),
        "the headline is selected for editing"
    );
    // Typing goes into the headline, not to the compare keys, and the
    // changed value is marked as a person's edit.
    press_key(&mut harness, Modifiers::NONE, Key::B);
    assert_eq!(harness.state().compare_differences().len(), 2);
    let record = &harness.state().workspace.docs[0]
        .loaded()
        .expect("loaded")
        .record;
    let headline = record.article.headline.as_ref().expect("a headline");
    let before = record_a().article.headline.expect("a headline").value;
    assert_ne!(headline.value, before, "the key typed into the headline");
    assert_eq!(headline.origin, Origin::Edited);
}

#[test]
fn a_folder_without_the_article_says_so_and_leaves_the_record_alone() {
    let dir_a = folder_with(&record_a());
    let empty = tempfile::tempdir().expect("tempdir");
    let mut harness = harness(dir_a.path());
    let file = harness
        .get_all_by_label("File")
        .min_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .expect("the File menu");
    file.click();
    wait_for_label(&mut harness, "Compare with folder…");
    harness.get_by_label("Compare with folder…").click();
    harness.run_steps(2);
    type_text(&mut harness, &empty.path().display().to_string());
    press_key(&mut harness, Modifiers::NONE, Key::Enter);
    wait_until(
        &mut harness,
        "the error",
        |app| matches!(&app.compare, CompareState::Asking { error: Some(e), .. } if e.contains("no curated record")),
    );
    assert!(!harness.state().workspace.docs[0].is_dirty());
}
