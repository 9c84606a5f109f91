//! The review screen's keyboard shortcuts, pressed as a real keyboard sends
//! them (the key with its text event): J/K, Ctrl+Enter, Delete, Ctrl+R, F1,
//! Ctrl+1/Ctrl+2 and Ctrl+F. Each test checks what the key is for, as the
//! help (F1) describes it.

use crate::app_support::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ofsted_curator::app::fields::{ArticleKey, FieldPath, all_paths};
use ofsted_curator::app::{CuratorApp, Tab};
use ofsted_curator::model::{FieldName, Origin, Record, Status};
use ofsted_curator::store::read_record;

const FIRST: &str = "Ashdown council told to improve after monitoring visit\n\n\
By Lee Carter\n\n\
4 May 2022\n\n\
Ofsted inspectors found that social workers in Ashdown still carried caseloads of up to 30 children.\n\n\
Director Ruth Okafor said: \"We know there is much more to do and we will keep going.\"\n";

const SECOND: &str = "Brookfield fostering service praised\n\n\
By Amira Jones\n\n\
9 September 2021\n\n\
The council's fostering service was judged good, with 85 per cent of carers saying they felt supported.\n";

fn articles() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a_ashdown.txt"), FIRST).expect("write");
    std::fs::write(dir.path().join("b_brookfield.txt"), SECOND).expect("write");
    dir
}

fn record(harness: &Harness<'_, CuratorApp>) -> Record {
    harness
        .state()
        .workspace
        .current_loaded()
        .expect("a loaded document")
        .record
        .clone()
}

fn press(harness: &mut Harness<'_, CuratorApp>, key: Key) {
    press_key(harness, Modifiers::NONE, key);
}

fn ctrl(harness: &mut Harness<'_, CuratorApp>, key: Key) {
    press_key(harness, Modifiers::COMMAND, key);
}

const HEADLINE: FieldPath = FieldPath::Article(ArticleKey::Headline);

#[test]
fn j_and_k_step_through_the_fields_in_form_order_and_wrap() {
    let dir = articles();
    let mut harness = harness(dir.path());
    let paths = all_paths(&record(&harness));
    assert!(paths.len() >= 3, "{paths:?}");
    let last = *paths.last().expect("a field");

    for (key, expected) in [
        (Key::J, paths[0]),
        (Key::J, paths[1]),
        (Key::K, paths[0]),
        (Key::K, last),
        (Key::J, paths[0]),
    ] {
        press(&mut harness, key);
        assert_eq!(harness.state().selected, Some(expected), "after {key:?}");
    }
    assert!(
        harness.state().highlight_spans().iter().any(|s| s.emphasis),
        "the selected field's evidence is highlighted"
    );
}

#[test]
fn j_typed_in_a_text_field_is_text_not_next_field() {
    let dir = articles();
    let mut harness = harness(dir.path());
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Headline")
        .click();
    harness.run_steps(2);
    let selected = harness.state().selected;
    press(&mut harness, Key::End);
    type_text(&mut harness, " jk");
    assert_eq!(harness.state().selected, selected, "J and K moved nothing");
    let headline = record(&harness).article.headline.expect("headline");
    assert_eq!(
        headline.value,
        "Ashdown council told to improve after monitoring visit jk"
    );
}

#[test]
fn ctrl_enter_marks_the_article_reviewed_saves_it_and_opens_the_next() {
    let dir = articles();
    let mut harness = harness(dir.path());
    assert_eq!(harness.state().workspace.current, Some(0));
    ctrl(&mut harness, Key::Enter);
    wait_until(&mut harness, "saved", |app| {
        app.is_idle() && app.workspace.dirty_count() == 0
    });
    assert_eq!(
        harness.state().workspace.current,
        Some(1),
        "the next article"
    );
    let first = harness.state().workspace.docs[0]
        .loaded()
        .expect("loaded")
        .record
        .status;
    assert_eq!(first, Status::Reviewed);
    let saved = read_record(&dir.path().join("a_ashdown.txt.curation.json")).expect("saved");
    assert_eq!(saved.status, Status::Reviewed);
    assert_eq!(saved.curator.as_deref(), Some("Test Curator"));
    assert!(
        !dir.path().join("b_brookfield.txt.curation.json").exists(),
        "the next article is only opened"
    );
}

#[test]
fn delete_rejects_the_selected_item_and_keeps_the_place() {
    let dir = articles();
    let mut harness = harness(dir.path());
    let before = record(&harness);
    let paths = all_paths(&before);
    let person = paths
        .iter()
        .position(|p| *p == FieldPath::Person(0))
        .expect("Ruth Okafor is found");
    for _ in 0..=person {
        press(&mut harness, Key::J);
    }
    assert_eq!(harness.state().selected, Some(FieldPath::Person(0)));

    press(&mut harness, Key::Delete);
    let after = record(&harness);
    assert_eq!(after.people.len(), before.people.len() - 1);
    assert!(after.people.iter().all(|p| p.name != before.people[0].name));
    assert_eq!(
        harness.state().selected,
        all_paths(&after).get(person).copied(),
        "the field that took its place is selected, ready for the next key"
    );
    assert!(harness.state().workspace.docs[0].is_dirty());

    // The record remembers what was rejected, so that extracting the
    // article again does not bring it back; undo takes that back too.
    let removed = &before.people[0];
    assert_eq!(after.rejected.len(), 1, "{:?}", after.rejected);
    assert_eq!(after.rejected[0].field, FieldName::Person);
    assert_eq!(after.rejected[0].value["name"], removed.name.as_str());
    assert_eq!(after.rejected[0].evidence, removed.evidence);
    ctrl(&mut harness, Key::Z);
    let undone = record(&harness);
    assert!(undone.rejected.is_empty(), "{:?}", undone.rejected);
    assert_eq!(undone.people, before.people);
}

#[test]
fn the_clear_button_rejects_the_machine_value_and_the_save_keeps_it() {
    let dir = articles();
    let mut harness = harness(dir.path());
    let byline = record(&harness)
        .article
        .byline
        .expect("the byline is found");
    assert_eq!(byline.value, "Lee Carter");
    let clear = harness.get_all_by_label("Clear: the article does not say this");
    clear
        .into_iter()
        .nth(1)
        .expect("the byline's clear button")
        .click();
    harness.run_steps(2);
    assert!(record(&harness).article.byline.is_none());
    ctrl(&mut harness, Key::S);
    wait_until(&mut harness, "saved", |app| {
        app.is_idle() && app.workspace.dirty_count() == 0
    });
    let saved = read_record(&dir.path().join("a_ashdown.txt.curation.json")).expect("saved");
    assert!(saved.article.byline.is_none());
    assert_eq!(saved.rejected.len(), 1);
    assert_eq!(saved.rejected[0].field, FieldName::Byline);
    assert_eq!(saved.rejected[0].value, "Lee Carter");
    assert_eq!(saved.rejected[0].evidence, byline.evidence);
}

#[test]
fn ctrl_r_reverts_the_selected_field_to_the_machine_value() {
    let dir = articles();
    let mut harness = harness(dir.path());
    let machine = record(&harness).article.headline.expect("headline");

    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Headline")
        .click();
    harness.run_steps(2);
    ctrl(&mut harness, Key::A);
    type_text(&mut harness, "Ashdown must improve");
    press(&mut harness, Key::Escape);
    let edited = record(&harness).article.headline.expect("headline");
    assert_eq!(edited.value, "Ashdown must improve");
    assert_eq!(edited.origin, Origin::Edited);
    assert_eq!(harness.state().selected, Some(HEADLINE));

    ctrl(&mut harness, Key::R);
    let reverted = record(&harness).article.headline.expect("headline");
    assert_eq!(reverted, machine);
}

#[test]
fn f1_shows_and_hides_the_list_of_shortcuts() {
    let dir = articles();
    let mut harness = harness(dir.path());
    assert!(harness.query_by_label("Keyboard shortcuts").is_none());
    press(&mut harness, Key::F1);
    harness.step();
    harness.get_by_label("Keyboard shortcuts");
    harness.get_by_label("Mark reviewed, save, open the next article");
    press(&mut harness, Key::F1);
    harness.step();
    assert!(harness.query_by_label("Keyboard shortcuts").is_none());
}

#[test]
fn ctrl_2_shows_the_corpus_and_ctrl_1_the_review_screen() {
    let dir = articles();
    let mut harness = harness(dir.path());
    ctrl(&mut harness, Key::Num2);
    assert_eq!(harness.state().tab, Tab::Corpus);
    wait_until(&mut harness, "corpus built", CuratorApp::corpus_ready);
    harness.get_by_label_contains("inspections in 2 articles");
    assert!(
        harness
            .query_by_role_and_label(Role::MultilineTextInput, "Headline")
            .is_none()
    );

    ctrl(&mut harness, Key::Num1);
    harness.step();
    assert_eq!(harness.state().tab, Tab::Review);
    harness.get_by_role_and_label(Role::MultilineTextInput, "Headline");
}

#[test]
fn ctrl_f_sends_what_is_typed_to_the_queue_search() {
    let dir = articles();
    let mut harness = harness(dir.path());
    harness.get_by_role_and_label(Role::Button, "a_ashdown.txt");
    ctrl(&mut harness, Key::F);
    harness.step();
    // "brook" holds K, which is "previous field" when not typing.
    type_text(&mut harness, "brook");
    harness.step();
    assert_eq!(harness.state().selected, None, "K went into the search box");
    harness.get_by_role_and_label(Role::Button, "b_brookfield.txt");
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "a_ashdown.txt")
            .is_none(),
        "the queue shows only what matches"
    );
}
