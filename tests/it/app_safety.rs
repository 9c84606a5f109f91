//! Never losing an edit, driven through the real app with egui_kittest:
//! read-only records and their explicit replacement, failed saves and Save
//! As, a sidecar changed on disk while open, and drafts restored after a
//! crash.

use crate::app_support::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ofsted_curator::app::edit::Edit;
use ofsted_curator::app::fields::ArticleKey;
use ofsted_curator::app::workspace::LoadedDoc;
use ofsted_curator::app::{Command, CuratorApp};
use ofsted_curator::model::Record;
use ofsted_curator::store::{read_record, record_to_json};
use std::path::{Path, PathBuf};

const ARTICLE: &str = "Ashdown council told to improve after monitoring visit\n\n\
Ofsted inspectors found that social workers in Ashdown still carried caseloads of up to 30 children.\n";

fn folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).expect("mkdir");
    std::fs::write(articles.join("a.txt"), ARTICLE).expect("write");
    (dir, articles)
}

fn doc<'a>(harness: &'a Harness<'_, CuratorApp>) -> &'a LoadedDoc {
    harness
        .state()
        .workspace
        .current_loaded()
        .expect("a loaded document")
}

fn set_headline(harness: &mut Harness<'_, CuratorApp>, value: &str) {
    harness
        .state_mut()
        .apply_command(Command::Edit(Edit::ArticleValue {
            key: ArticleKey::Headline,
            value: Some(value.into()),
        }));
    harness.step();
}

fn headline(record: &Record) -> Option<String> {
    record.article.headline.as_ref().map(|h| h.value.clone())
}

fn save_and_settle(harness: &mut Harness<'_, CuratorApp>) {
    harness.state_mut().apply_command(Command::Save);
    wait_until(harness, "the save settled", |app| app.is_idle());
}

#[test]
fn a_record_of_a_newer_version_opens_read_only_and_is_replaced_only_on_request() {
    let (_dir, articles) = folder();
    let sidecar = articles.join("a.txt.curation.json");
    let newer = b"{\"format\": \"ofsted-article/9\", \"future\": true}\n";
    std::fs::write(&sidecar, newer).expect("write");
    let mut harness = harness(&articles);

    let banner = harness
        .state()
        .read_only_banner()
        .expect("a read-only banner");
    assert!(
        banner.contains("a.txt.curation.json") && banner.contains("ofsted-article/9"),
        "{banner}"
    );
    harness.get_by_label("Replace with a new record");

    // Edits and saves leave the file alone.
    set_headline(&mut harness, "Edited headline");
    save_and_settle(&mut harness);
    assert_ne!(
        headline(&doc(&harness).record).as_deref(),
        Some("Edited headline")
    );
    assert_eq!(std::fs::read(&sidecar).expect("read"), newer);

    // Replacing is explicit and keeps the old file.
    harness.get_by_label("Replace with a new record").click();
    wait_until(&mut harness, "replaced", |app| {
        app.is_idle() && app.read_only_banner().is_none()
    });
    let bak = articles.join("a.txt.curation.json.bak");
    assert_eq!(std::fs::read(&bak).expect("backup kept"), newer);
    assert!(read_record(&sidecar).is_ok(), "a new record was written");
    // Now it can be edited and saved.
    set_headline(&mut harness, "Edited headline");
    save_and_settle(&mut harness);
    let saved = read_record(&sidecar).expect("record");
    assert_eq!(headline(&saved).as_deref(), Some("Edited headline"));
}

#[test]
fn a_failed_save_keeps_the_edits_says_why_and_offers_save_as() {
    let (dir, articles) = folder();
    let mut harness = harness(&articles);
    set_headline(&mut harness, "Edited headline");
    // The folder is removed under the app.
    std::fs::remove_dir_all(&articles).expect("remove");
    save_and_settle(&mut harness);

    let d = doc(&harness);
    assert!(d.is_dirty(), "the article is still unsaved");
    assert_eq!(headline(&d.record).as_deref(), Some("Edited headline"));
    let error = d.save_error.clone().expect("the error is kept");
    assert!(error.contains("a.txt.curation.json"), "{error}");
    assert!(
        harness
            .state()
            .messages()
            .iter()
            .any(|m| m.contains("a.txt.curation.json") && m.contains("edits are kept")),
        "{:?}",
        harness.state().messages()
    );
    harness.get_by_label("Save As…");

    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).expect("mkdir");
    harness.state_mut().apply_command(Command::Safety(
        ofsted_curator::app::safety::SafetyCommand::SaveAsTo(elsewhere.clone()),
    ));
    wait_until(&mut harness, "saved elsewhere", |app| app.is_idle());
    let saved = read_record(&elsewhere.join("a.txt.curation.json")).expect("saved elsewhere");
    assert_eq!(headline(&saved).as_deref(), Some("Edited headline"));
    assert!(!doc(&harness).is_dirty());
}

/// A save that cannot write leaves what is on disk as it was. The record's
/// path is taken by a folder, which stops the save for root too (a
/// read-only folder does not: root writes into it).
#[test]
fn a_save_blocked_by_a_folder_at_the_records_path_keeps_the_edits_and_the_folder() {
    let (_dir, articles) = folder();
    let mut harness = harness(&articles);
    set_headline(&mut harness, "Edited headline");
    let in_the_way = articles.join("a.txt.curation.json");
    std::fs::create_dir(&in_the_way).expect("mkdir");
    std::fs::write(in_the_way.join("keep.txt"), "kept").expect("write");
    save_and_settle(&mut harness);

    let d = doc(&harness);
    assert!(d.is_dirty(), "the article is still unsaved");
    assert_eq!(headline(&d.record).as_deref(), Some("Edited headline"));
    let error = d.save_error.clone().expect("the error is kept");
    assert!(error.contains("a.txt.curation.json"), "{error}");
    assert!(
        harness
            .state()
            .messages()
            .iter()
            .any(|m| m.contains("a.txt.curation.json") && m.contains("edits are kept")),
        "{:?}",
        harness.state().messages()
    );
    harness.get_by_label("Save As…");
    assert_eq!(
        std::fs::read_to_string(in_the_way.join("keep.txt")).expect("still there"),
        "kept"
    );
    let mut left: Vec<String> = std::fs::read_dir(&articles)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(
        left,
        ["a.txt", "a.txt.curation.json"],
        "nothing else written"
    );
}

fn their_record(articles: &Path, value: &str) -> Vec<u8> {
    let mut theirs = read_record(&articles.join("a.txt.curation.json")).expect("record");
    if let Some(h) = theirs.article.headline.as_mut() {
        h.value = value.into();
    }
    theirs.curator = Some("Another Curator".into());
    record_to_json(&theirs).into_bytes()
}

#[test]
fn a_record_changed_on_disk_is_never_overwritten_silently() {
    let (_dir, articles) = folder();
    let sidecar = articles.join("a.txt.curation.json");
    let mut harness = harness(&articles);
    set_headline(&mut harness, "Mine");
    save_and_settle(&mut harness);

    // Someone else saves the record; I edit and save again.
    let theirs = their_record(&articles, "Theirs");
    std::fs::write(&sidecar, &theirs).expect("write");
    set_headline(&mut harness, "Mine again");
    save_and_settle(&mut harness);
    assert!(harness.state().conflict_article().is_some(), "asked");
    assert_eq!(std::fs::read(&sidecar).expect("read"), theirs);
    assert!(doc(&harness).is_dirty());

    harness.get_by_label("Show both").click();
    harness.run_steps(3);
    harness.get_by_label("Theirs (on disk)");
    harness.get_by_label("\"Theirs\"");
    harness.get_by_label("\"Mine again\"");

    harness.get_by_label("Keep mine").click();
    wait_until(&mut harness, "kept mine", |app| {
        app.is_idle() && app.conflict_article().is_none()
    });
    let saved = read_record(&sidecar).expect("record");
    assert_eq!(headline(&saved).as_deref(), Some("Mine again"));
    let bak = articles.join("a.txt.curation.json.bak");
    assert_eq!(std::fs::read(&bak).expect("theirs kept"), theirs);

    // Again, and this time take theirs.
    let theirs = their_record(&articles, "Theirs again");
    std::fs::write(&sidecar, &theirs).expect("write");
    set_headline(&mut harness, "Mine a third time");
    save_and_settle(&mut harness);
    harness.get_by_label("Take theirs").click();
    wait_until(&mut harness, "took theirs", |app| {
        app.workspace
            .current_loaded()
            .is_some_and(|d| headline(&d.record).as_deref() == Some("Theirs again"))
    });
    assert!(!doc(&harness).is_dirty());
    assert_eq!(std::fs::read(&sidecar).expect("read"), theirs);
}

#[test]
fn unsaved_edits_are_drafted_when_idle_and_offered_back_after_a_crash() {
    let (dir, articles) = folder();
    let drafts = dir.path().join("drafts");
    let mut app = harness_with_drafts(&articles, Some(drafts.clone()));
    set_headline(&mut app, "Draft headline");
    wait_until(&mut app, "a draft written", |_| {
        std::fs::read_dir(&drafts).is_ok_and(|d| {
            d.flatten()
                .any(|e| e.file_name().to_string_lossy().ends_with(".draft.json"))
        })
    });
    drop(app); // the app is killed: nothing saved

    let mut harness = harness_with_drafts(&articles, Some(drafts.clone()));
    wait_until(&mut harness, "drafts offered", |app| {
        !app.offered_drafts().is_empty()
    });
    let offered = harness.state().offered_drafts();
    assert_eq!(offered.len(), 1);
    assert!(offered[0].0.ends_with("a.txt"));
    assert!(
        offered[0]
            .1
            .iter()
            .any(|c| c.contains("article.headline.value") && c.contains("Draft headline")),
        "{offered:?}"
    );
    harness.get_by_label("Restore").click();
    harness.step();
    assert_eq!(
        headline(&doc(&harness).record).as_deref(),
        Some("Draft headline")
    );
    assert!(doc(&harness).is_dirty(), "restored as an unsaved edit");

    save_and_settle(&mut harness);
    assert!(
        std::fs::read_dir(&drafts).is_ok_and(|mut d| d.next().is_none()),
        "saving removes the draft"
    );
}
