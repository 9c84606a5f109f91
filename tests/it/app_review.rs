//! The desktop app driven headlessly through egui_kittest: open a folder,
//! select an article, edit, undo/redo, link evidence, create an item from a
//! selection, save with Ctrl+S, and the unsaved-changes guard.

use crate::app_support::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ofsted_curator::app::CuratorApp;
use ofsted_curator::app::fields::{ArticleKey, FieldPath};
use ofsted_curator::model::{Origin, Record};
use std::path::{Path, PathBuf};

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

fn current_record(harness: &Harness<'_, CuratorApp>) -> Record {
    harness
        .state()
        .workspace
        .current_loaded()
        .expect("a loaded document")
        .record
        .clone()
}

fn headline_input<'a>(harness: &'a Harness<'_, CuratorApp>) -> egui_kittest::Node<'a> {
    harness.get_by_role_and_label(Role::MultilineTextInput, "Headline")
}

fn sidecar(folder: &Path, name: &str) -> PathBuf {
    folder.join(format!("{name}.curation.json"))
}

#[test]
fn open_select_edit_undo_redo_and_save_with_ctrl_s() {
    let dir = articles();
    let mut harness = harness(dir.path());
    assert_eq!(harness.state().workspace.docs.len(), 2);
    assert_eq!(
        harness.state().workspace.current,
        Some(0),
        "the first article is shown"
    );

    // Select the second article in the queue.
    harness.get_by_label("b_brookfield.txt").click();
    harness.step();
    harness.step();
    assert_eq!(harness.state().workspace.current, Some(1));

    // Edit the headline through the form.
    let before = current_record(&harness).article.headline.clone();
    headline_input(&harness).focus();
    harness.step();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.step();
    type_text(&mut harness, "Fostering service judged good");
    harness.step();
    let edited = current_record(&harness).article.headline.expect("headline");
    assert_eq!(edited.value, "Fostering service judged good");
    let expected_origin = if before.is_some() {
        Origin::Edited
    } else {
        Origin::Added
    };
    assert_eq!(edited.origin, expected_origin);
    assert!(harness.state().workspace.docs[1].is_dirty());
    // The queue marks the article unsaved.
    harness.get_by_label("• b_brookfield.txt");

    // Undo and redo with the keyboard (focus elsewhere so it is the record's undo).
    harness.key_press(Key::Escape);
    harness.step();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.step();
    assert_eq!(current_record(&harness).article.headline, before);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.step();
    assert_eq!(
        current_record(&harness)
            .article
            .headline
            .expect("headline")
            .value,
        "Fostering service judged good"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.step();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.step();
    assert_eq!(
        current_record(&harness)
            .article
            .headline
            .expect("headline")
            .value,
        "Fostering service judged good"
    );

    // Save with Ctrl+S and find the sidecar on disk.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    wait_until(&mut harness, "save", |app| {
        !app.workspace.docs[1].is_dirty() && app.is_idle()
    });
    let path = sidecar(dir.path(), "b_brookfield.txt");
    let json = std::fs::read_to_string(&path).expect("sidecar written");
    assert!(json.contains("\"Fostering service judged good\""), "{json}");
    let origin = if before.is_some() {
        "\"origin\": \"edited\""
    } else {
        "\"origin\": \"added\""
    };
    assert!(json.contains(origin), "{json}");
    assert!(json.contains("\"curator\": \"Test Curator\""), "{json}");
    assert!(
        !sidecar(dir.path(), "a_ashdown.txt").exists(),
        "only the saved record is written"
    );
}

#[test]
fn selecting_a_field_highlights_its_evidence_and_text_selection_makes_items() {
    let dir = articles();
    let mut harness = harness(dir.path());
    let text = harness
        .state()
        .workspace
        .current_loaded()
        .expect("doc")
        .text
        .to_string();

    // Give the headline evidence as a person does: select the field (J, the
    // first field), select text, press E.
    let start = text.find("Ashdown council").expect("in text");
    let span = start..start + "Ashdown council".len();
    press_key(&mut harness, Modifiers::NONE, Key::J);
    assert_eq!(
        harness.state().selected,
        Some(FieldPath::Article(ArticleKey::Headline))
    );
    drag_over(&mut harness, span.clone());
    press_key(&mut harness, Modifiers::NONE, Key::E);
    // The text event of the key must not collapse the selection before E
    // reads it (the evidence below is set); once used, the words are let go.
    assert_eq!(harness.state().source_selection(), None);
    let record = current_record(&harness);
    let headline = record.article.headline.expect("headline");
    assert_eq!(
        headline.evidence,
        vec![ofsted_curator::model::Span(span.start, span.end)]
    );

    // The selected field's evidence is emphasised in the highlight spans.
    let spans = harness.state().highlight_spans();
    assert!(
        spans.iter().any(|s| s.emphasis && s.range == span),
        "selected field's evidence is emphasised: {spans:?}"
    );

    // Select a name in the text and press P: a new person, prefilled, added.
    let name_at = text.find("Ruth Okafor").expect("name");
    let people_before = current_record(&harness).people.len();
    drag_over(&mut harness, name_at..name_at + "Ruth Okafor".len());
    press_key(&mut harness, Modifiers::NONE, Key::P);
    let record = current_record(&harness);
    assert_eq!(record.people.len(), people_before + 1);
    let person = record.people.last().expect("person");
    assert_eq!(person.name, "Ruth Okafor");
    assert_eq!(person.origin, Origin::Added);
    assert_eq!(
        person.evidence,
        vec![ofsted_curator::model::Span(name_at, name_at + 11)]
    );
    assert_eq!(
        harness.state().selected,
        Some(FieldPath::Person(people_before))
    );

    // Clicking the new person's card in the form selects it; its evidence is
    // emphasised.
    press_key(&mut harness, Modifiers::NONE, Key::Escape);
    assert_eq!(harness.state().selected, None);
    harness
        .get_all_by_role_and_label(Role::Label, "Ruth Okafor")
        .last()
        .expect("the new person's card")
        .click();
    for _ in 0..3 {
        harness.step();
    }
    assert_eq!(
        harness.state().selected,
        Some(FieldPath::Person(people_before))
    );
    assert!(
        harness
            .state()
            .highlight_spans()
            .iter()
            .any(|s| s.emphasis && s.range == (name_at..name_at + 11)),
        "clicking the card emphasises its evidence"
    );
}

#[test]
fn clicking_highlighted_text_selects_the_field_it_supports() {
    let dir = articles();
    let mut harness = harness(dir.path());
    let record = current_record(&harness);
    let person = record
        .people
        .first()
        .expect("Ruth Okafor is found")
        .evidence[0];
    let headline = record
        .article
        .headline
        .as_ref()
        .expect("a headline")
        .evidence[0];
    let click_char = |harness: &mut Harness<'_, CuratorApp>, index: usize| {
        let at = harness
            .state()
            .source_char_pos(index)
            .expect("the character is drawn");
        click_at(harness, at, egui::PointerButton::Primary);
        harness.step();
    };

    click_char(&mut harness, (person.0 + person.1) / 2);
    assert_eq!(harness.state().selected, Some(FieldPath::Person(0)));
    assert!(
        harness
            .state()
            .highlight_spans()
            .iter()
            .any(|s| s.emphasis && s.range == (person.0..person.1)),
        "the person's evidence is emphasised"
    );
    click_char(&mut harness, (headline.0 + headline.1) / 2);
    assert_eq!(
        harness.state().selected,
        Some(FieldPath::Article(ArticleKey::Headline))
    );
    // Text that is no field's evidence leaves the selection as it is.
    let plain = FIRST.find("inspectors found").expect("in the text");
    assert!(
        record.all_spans().iter().all(|s| !s.contains(plain)),
        "the words are not evidence"
    );
    click_char(&mut harness, plain);
    assert_eq!(
        harness.state().selected,
        Some(FieldPath::Article(ArticleKey::Headline))
    );
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let dir = articles();
    let mut harness = harness(dir.path());
    harness
        .state_mut()
        .apply_command(ofsted_curator::app::Command::Edit(
            ofsted_curator::app::edit::Edit::Notes("check the date".into()),
        ));
    harness.step();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.step();
    harness.step();
    assert!(harness.state().is_asking_about_unsaved_changes());
    harness.get_by_label("Unsaved changes");
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.step();
    harness.step();
    assert!(!harness.state().is_asking_about_unsaved_changes());
    assert!(
        harness.state().workspace.docs[0].is_dirty(),
        "cancel keeps the edit"
    );

    // Save all from the guard writes the record.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.step();
    harness.step();
    harness
        .get_by_role_and_label(Role::Button, "Save all")
        .click();
    wait_until(&mut harness, "save all", |app| {
        app.workspace.dirty_count() == 0 && app.is_idle()
    });
    let json = std::fs::read_to_string(sidecar(dir.path(), "a_ashdown.txt")).expect("saved");
    assert!(json.contains("\"notes\": \"check the date\""));
}

#[test]
fn a_sidecar_is_loaded_instead_of_extracting_and_a_stale_one_is_flagged() {
    let dir = articles();
    {
        let mut harness = harness(dir.path());
        harness
            .state_mut()
            .apply_command(ofsted_curator::app::Command::Edit(
                ofsted_curator::app::edit::Edit::Notes("kept".into()),
            ));
        harness
            .state_mut()
            .apply_command(ofsted_curator::app::Command::Save);
        wait_until(&mut harness, "save", |app| {
            app.workspace.dirty_count() == 0 && app.is_idle()
        });
    }
    // The article changes after the record was made.
    std::fs::write(
        dir.path().join("a_ashdown.txt"),
        format!("{FIRST}\nUpdated.\n"),
    )
    .expect("write");
    let harness = harness(dir.path());
    let doc = harness.state().workspace.docs[0].loaded().expect("loaded");
    assert_eq!(doc.record.notes, "kept", "the sidecar was read");
    assert!(
        doc.notices.iter().any(|n| n.contains("different version")),
        "{:?}",
        doc.notices
    );
    harness.get_by_label_contains("different version of this text");
}

#[test]
fn an_unreadable_file_is_reported_and_the_app_keeps_working() {
    let dir = articles();
    std::fs::write(dir.path().join("c_empty.txt"), "").expect("write");
    let mut harness = harness(dir.path());
    assert_eq!(harness.state().workspace.docs.len(), 3);
    harness.get_by_label("c_empty.txt").click();
    harness.step();
    harness.step();
    assert_eq!(harness.state().workspace.current, Some(2));
    // The error, not only the file's name (which the queue always shows).
    harness.get_by_label_contains("c_empty.txt: file is empty");
    harness.get_by_label_contains("1 file could not be read");
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    harness.step();
    assert_eq!(harness.state().workspace.current, Some(1));
}

#[test]
fn right_click_keeps_the_selection_and_its_menu_makes_an_item() {
    let dir = articles();
    let mut harness = harness(dir.path());
    let name_at = FIRST.find("Ruth Okafor").expect("name");
    let span = name_at..name_at + "Ruth Okafor".len();
    drag_over(&mut harness, span.clone());
    let middle = harness.state().source_char_pos(name_at + 3).expect("drawn");
    click_at(&mut harness, middle, egui::PointerButton::Secondary);
    assert_eq!(
        harness.state().source_selection(),
        Some(span.clone()),
        "the right-click kept the selection"
    );
    harness.step();
    let people_before = current_record(&harness).people.len();
    harness
        .get_by_label_contains("New person from selection")
        .click();
    harness.step();
    harness.step();
    let record = current_record(&harness);
    assert_eq!(
        record.people.len(),
        people_before + 1,
        "{:?}",
        harness.state().messages()
    );
    let person = record.people.last().expect("person");
    assert_eq!(person.name, "Ruth Okafor");
    assert_eq!(
        person.evidence,
        vec![ofsted_curator::model::Span(span.start, span.end)]
    );
}
