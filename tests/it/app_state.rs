//! What the review screen shows about its own state: messages that never
//! move the layout, the status of a record a person has started on, and a
//! read-only record that looks and acts read-only.

use crate::app_support::*;
use crate::common::{INSPECTION_ARTICLE, write};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use ofsted_curator::app::Command;
use ofsted_curator::model::Status;

fn one_article() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "a.txt", INSPECTION_ARTICLE);
    dir
}

#[test]
fn messages_do_not_move_the_panels_and_information_fades_while_errors_stay() {
    let dir = one_article();
    let mut harness = harness(dir.path());
    let search = |h: &egui_kittest::Harness<'_, _>| {
        h.get_by_role_and_label(Role::TextInput, "Search").rect()
    };
    let before = search(&harness);

    // Ctrl+R with nothing selected says so; an error stays on top of it.
    press_key(&mut harness, Modifiers::COMMAND, Key::R);
    harness
        .state_mut()
        .apply_command(Command::Open(vec!["/no/such/folder".into()]));
    harness.run_steps(2);
    assert_eq!(
        harness.state().messages().len(),
        2,
        "{:?}",
        harness.state().messages()
    );
    harness.get_by_label_contains("Select an edited field");
    assert_eq!(search(&harness), before, "the queue did not move");

    // Information fades after a few seconds; the error waits to be read.
    harness.run_steps(600);
    let left = harness.state().messages();
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(left[0].contains("no such file or folder"), "{left:?}");
    harness
        .get_by_role_and_label(Role::Button, "Dismiss")
        .click();
    harness.run_steps(2);
    assert!(harness.state().messages().is_empty());
}

#[test]
fn the_status_shows_in_progress_as_soon_as_a_person_edits() {
    let dir = one_article();
    let mut harness = harness(dir.path());
    let status = |h: &egui_kittest::Harness<'_, ofsted_curator::app::CuratorApp>| {
        h.state()
            .workspace
            .current_loaded()
            .expect("doc")
            .record
            .status
    };
    assert_eq!(status(&harness), Status::Unreviewed);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Headline")
        .click();
    harness.run_steps(2);
    type_text(&mut harness, " today");
    assert_eq!(status(&harness), Status::InProgress, "before any save");
    assert!(
        harness
            .get_by_label("in progress")
            .accesskit_node()
            .toggled()
            == Some(egui::accesskit::Toggled::True),
        "the status pill says so"
    );
    // Undo takes the edit and the status back together.
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Headline")
        .hover();
    press_key(&mut harness, Modifiers::NONE, Key::Escape);
    press_key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(status(&harness), Status::Unreviewed);
}

#[test]
fn a_read_only_record_shows_a_disabled_form_and_a_short_banner() {
    let dir = one_article();
    let sidecar = dir.path().join("a.txt.curation.json");
    std::fs::write(
        &sidecar,
        "{\"format\": \"ofsted-article/1\",\n  \"source\": [oops\n",
    )
    .expect("write");
    let harness = harness(dir.path());
    let banner = harness.state().read_only_banner().expect("read-only");
    assert!(banner.contains("a.txt.curation.json"), "{banner}");
    assert!(banner.contains("not valid JSON (line 2)"), "{banner}");
    assert!(
        !banner.contains(&dir.path().display().to_string()),
        "the banner does not repeat the folder: {banner}"
    );
    let headline = harness.get_by_role_and_label(Role::MultilineTextInput, "Headline");
    assert!(
        headline.accesskit_node().is_disabled(),
        "the form is disabled"
    );
    let next = harness.get_by_label_contains("Reviewed, next");
    assert!(
        next.accesskit_node().is_disabled(),
        "Reviewed, next is disabled"
    );
}

#[test]
fn tab_skips_the_queue_rows_and_reaches_the_record_form() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt"] {
        write(dir.path(), name, INSPECTION_ARTICLE);
    }
    let mut harness = harness(dir.path());
    let mut presses = 0;
    while !harness
        .get_by_role_and_label(Role::MultilineTextInput, "Headline")
        .is_focused()
    {
        press_key(&mut harness, Modifiers::NONE, Key::Tab);
        presses += 1;
        let focused = harness.ctx.memory(|m| m.focused());
        assert!(
            focused.is_some(),
            "Tab {presses} left nothing with the keyboard"
        );
        for name in ["a.txt", "b.txt", "c.txt"] {
            assert!(
                harness.get_all_by_label(name).all(|n| !n.is_focused()),
                "Tab {presses} landed on the queue row {name}"
            );
        }
        // Menus, tabs, search, filter, the status and the record's buttons
        // come first; each queue row would have added one more.
        assert!(presses <= 25, "the headline field is not reached by Tab");
    }
}

#[test]
fn the_search_says_how_many_articles_match() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "kent.txt", INSPECTION_ARTICLE);
    write(
        dir.path(),
        "other.txt",
        "Council budget agreed\n\nThe council agreed its budget.\n",
    );
    let mut harness = harness(dir.path());
    press_key(&mut harness, Modifiers::COMMAND, Key::F);
    type_text(&mut harness, "budget");
    harness.get_by_label("1 of 2 articles match");
}

#[test]
fn the_record_panel_keeps_its_width_from_one_article_to_the_next() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "a.txt", INSPECTION_ARTICLE);
    write(
        dir.path(),
        "b.txt",
        "Council told to improve\n\nOfsted rated Kent County Council's children's services \
         inadequate in March 2019.\n\nProfessor Dame Alexandra Montgomery-Fitzwilliam-Smythe-\
         Carrington-Worthington, the independent chair of the Kent Safeguarding Children \
         Partnership, said: \"We accept every word of this report and will act on it now.\"\n",
    );
    let mut harness = harness(dir.path());
    let button = |h: &egui_kittest::Harness<'_, ofsted_curator::app::CuratorApp>| {
        h.get_by_label_contains("Reviewed, next").rect()
    };
    harness.run_steps(3);
    let first = button(&harness);
    press_key(&mut harness, Modifiers::ALT, Key::ArrowDown);
    harness.run_steps(3);
    assert_eq!(harness.state().workspace.current, Some(1));
    assert!(
        harness
            .state()
            .workspace
            .current_loaded()
            .expect("doc")
            .record
            .people
            .iter()
            .any(|p| p.name.contains("Montgomery")),
        "the long name is in the record"
    );
    assert_eq!(button(&harness), first, "the buttons did not move");
}

#[test]
fn a_choice_list_closes_once_a_value_is_chosen() {
    let dir = one_article();
    let mut harness = harness(dir.path());
    harness
        .get_all_by_role(Role::ComboBox)
        .find(|n| n.accesskit_node().label().as_deref() == Some("Judgement"))
        .expect("the judgement list")
        .click();
    harness.run_steps(2);
    harness.get_by_label("requires improvement").click();
    harness.run_steps(3);
    assert!(
        harness.query_by_label("requires improvement").is_none(),
        "the list closed"
    );
    let record = &harness
        .state()
        .workspace
        .current_loaded()
        .expect("doc")
        .record;
    assert_eq!(
        record.inspections[0].judgement,
        Some(ofsted_curator::model::Judgement::RequiresImprovement)
    );
}
