//! The window as a person meets it, driven through egui_kittest: the close
//! button with and without unsaved edits, and the curator-name prompt of a
//! first run.

use crate::app_support::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ofsted_curator::app::CuratorApp;
use ofsted_curator::app::settings::Settings;
use ofsted_curator::store::read_record;
use std::path::Path;

const ARTICLE: &str = "Ashdown council told to improve after monitoring visit\n\n\
By Lee Carter\n\n\
Ofsted inspectors found that social workers in Ashdown still carried caseloads of up to 30 children.\n";

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), ARTICLE).expect("write");
    dir
}

/// Types `text` over the headline in the form, as a person does: a click
/// in the field, Ctrl+A, the keys, then Escape to leave the field.
fn retype_headline(harness: &mut Harness<'_, CuratorApp>, text: &str) {
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Headline")
        .click();
    harness.run_steps(2);
    press_key(harness, Modifiers::COMMAND, Key::A);
    type_text(harness, text);
    press_key(harness, Modifiers::NONE, Key::Escape);
    let headline = harness
        .state()
        .workspace
        .current_loaded()
        .and_then(|d| d.record.article.headline.clone())
        .map(|h| h.value);
    assert_eq!(headline.as_deref(), Some(text), "the headline was typed");
}

fn sidecar(dir: &Path) -> std::path::PathBuf {
    dir.join("a.txt.curation.json")
}

#[test]
fn the_close_button_closes_at_once_when_nothing_is_unsaved() {
    let dir = folder();
    let mut harness = harness(dir.path());
    assert!(click_close_button(&mut harness), "the window closes");
    assert!(!harness.state().is_asking_about_unsaved_changes());
}

#[test]
fn the_close_button_with_unsaved_edits_asks_and_the_window_stays_until_answered() {
    let dir = folder();
    let mut harness = harness(dir.path());
    retype_headline(&mut harness, "Ashdown told to improve");

    assert!(!click_close_button(&mut harness), "the close is cancelled");
    harness.step();
    assert!(harness.state().is_asking_about_unsaved_changes());
    harness.get_by_label("Unsaved changes");

    // Cancel: the window stays, the edit too.
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.run_steps(3);
    assert!(!harness.state().is_asking_about_unsaved_changes());
    assert!(harness.state().workspace.docs[0].is_dirty());

    // Asked again; Save all saves, then the window closes.
    assert!(!click_close_button(&mut harness), "the close is cancelled");
    harness.step();
    harness
        .get_by_role_and_label(Role::Button, "Save all")
        .click();
    wait_for_close(&mut harness, "after Save all");
    assert_eq!(harness.state().workspace.dirty_count(), 0);
    let saved = read_record(&sidecar(dir.path())).expect("saved");
    assert_eq!(
        saved.article.headline.map(|h| h.value).as_deref(),
        Some("Ashdown told to improve")
    );
}

#[test]
fn discard_at_the_close_button_closes_without_saving() {
    let dir = folder();
    let mut harness = harness(dir.path());
    retype_headline(&mut harness, "Ashdown told to improve");
    assert!(!click_close_button(&mut harness), "the close is cancelled");
    harness.step();
    harness
        .get_by_role_and_label(Role::Button, "Discard")
        .click();
    wait_for_close(&mut harness, "after Discard");
    assert!(!sidecar(dir.path()).exists(), "nothing was saved");
}

#[test]
fn the_first_save_asks_for_the_curators_name_and_writes_it_into_the_record() {
    let dir = folder();
    let mut harness = harness_with_settings(dir.path(), Settings::default());
    retype_headline(&mut harness, "Ashdown told to improve");
    press_key(&mut harness, Modifiers::COMMAND, Key::S);
    harness.step();
    harness.get_by_label("Who is curating?");
    assert!(
        !sidecar(dir.path()).exists(),
        "the save waits for the answer"
    );

    type_text(&mut harness, "Jo Bloggs");
    press_key(&mut harness, Modifiers::NONE, Key::Enter);
    wait_until(&mut harness, "saved", |app| {
        app.workspace.dirty_count() == 0 && app.is_idle()
    });
    assert!(harness.query_by_label("Who is curating?").is_none());
    assert_eq!(harness.state().settings.curator, "Jo Bloggs");
    assert!(harness.state().settings.asked_name);
    let saved = read_record(&sidecar(dir.path())).expect("saved");
    assert_eq!(saved.curator.as_deref(), Some("Jo Bloggs"));

    // Asked once: the next save just saves.
    retype_headline(&mut harness, "Ashdown must improve");
    press_key(&mut harness, Modifiers::COMMAND, Key::S);
    harness.step();
    assert!(harness.query_by_label("Who is curating?").is_none());
    wait_until(&mut harness, "saved again", |app| {
        app.workspace.dirty_count() == 0 && app.is_idle()
    });
}

#[test]
fn later_at_the_name_prompt_saves_without_a_name_and_does_not_ask_again() {
    let dir = folder();
    let mut harness = harness_with_settings(dir.path(), Settings::default());
    retype_headline(&mut harness, "Ashdown told to improve");
    press_key(&mut harness, Modifiers::COMMAND, Key::S);
    harness.step();
    harness.get_by_role_and_label(Role::Button, "Later").click();
    wait_until(&mut harness, "saved", |app| {
        app.workspace.dirty_count() == 0 && app.is_idle()
    });
    let saved = read_record(&sidecar(dir.path())).expect("saved");
    assert_eq!(saved.curator, None);
    assert!(harness.state().settings.asked_name);

    retype_headline(&mut harness, "Ashdown must improve");
    press_key(&mut harness, Modifiers::COMMAND, Key::S);
    harness.step();
    assert!(harness.query_by_label("Who is curating?").is_none());
    wait_until(&mut harness, "saved again", |app| {
        app.workspace.dirty_count() == 0 && app.is_idle()
    });
}
