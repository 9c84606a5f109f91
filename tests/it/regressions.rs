//! One test per bug fixed, named after the bug (`bug_…`: what went wrong),
//! asserting that it no longer does. A test here is never removed: the bug
//! it pins must stay fixed.

use crate::app_support::*;
use crate::common::{INSPECTION_ARTICLE, run, sidecar_of, write};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ofsted_curator::app::fields::{ArticleKey, FieldPath};
use ofsted_curator::store::read_record;
use std::path::Path;

/// Escape in a text field left the field and, with the same press, cleared
/// the selected field: egui drops the keyboard focus before the app reads
/// the key, so the app saw nothing focused and took the Escape for "clear
/// the selection". Leaving the field is the first Escape's whole job.
#[test]
fn bug_escape_in_a_text_field_also_cleared_the_selected_field() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "a.txt", INSPECTION_ARTICLE);
    let mut harness = harness(dir.path());
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Headline")
        .click();
    harness.run_steps(2);
    let headline = Some(FieldPath::Article(ArticleKey::Headline));
    assert_eq!(harness.state().selected, headline, "the field is selected");

    press_key(&mut harness, Modifiers::NONE, Key::Escape);
    let typing = harness
        .get_by_role_and_label(Role::MultilineTextInput, "Headline")
        .is_focused();
    assert!(!typing, "the first Escape leaves the field");
    assert_eq!(
        harness.state().selected,
        headline,
        "and keeps the selection"
    );

    press_key(&mut harness, Modifiers::NONE, Key::Escape);
    assert_eq!(harness.state().selected, None, "the second clears it");
}

/// An article whose name is long but legal (a record name of up to 255
/// bytes) got no record: the temporary file written first was named after
/// the record with a dot, the process id and `.tmp` around it, which passed
/// the file system's limit, so every save failed with "File name too long".
#[test]
fn bug_an_article_with_a_long_name_could_not_be_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = format!("{}.txt", "a".repeat(255 - ".txt.curation.json".len()));
    let article = write(dir.path(), &name, INSPECTION_ARTICLE);
    let sidecar = sidecar_of(&article);
    assert_eq!(
        file_name_len(&sidecar),
        255,
        "the longest legal record name"
    );

    let extracted = run([Path::new("extract"), article.as_path()]);
    assert_eq!(extracted.code, Some(0), "{extracted:?}");
    let record = read_record(&sidecar).expect("the record was written");
    assert_eq!(record.source.path, name);
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(left.len(), 2, "no temporary file left: {left:?}");
}

fn file_name_len(path: &Path) -> usize {
    path.file_name().map_or(0, |n| n.len())
}

/// Ctrl+S on an article nobody had touched wrote the machine's record with
/// the curator's name on it, and `extract --overwrite` then kept that record
/// as a person's work. A save now names the curator only when the record
/// holds a person's work.
#[test]
fn bug_saving_an_untouched_article_stamped_it_as_a_persons_work() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = write(dir.path(), "a.txt", INSPECTION_ARTICLE);
    let mut harness = harness(dir.path());
    press_key(&mut harness, Modifiers::COMMAND, Key::S);
    wait_until(&mut harness, "saved", |app| {
        app.is_idle() && sidecar_of(&article).exists()
    });
    let saved = read_record(&sidecar_of(&article)).expect("a record");
    assert_eq!(saved.curator, None, "no name on an untouched record");
    assert!(!saved.is_curated(), "it is still a machine record");

    // A person's edit then saved does carry the name and the status.
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Headline")
        .click();
    harness.run_steps(2);
    press_key(&mut harness, Modifiers::COMMAND, Key::A);
    type_text(&mut harness, "Kent told to improve");
    press_key(&mut harness, Modifiers::COMMAND, Key::S);
    wait_until(&mut harness, "saved again", |app| {
        app.is_idle() && app.workspace.dirty_count() == 0
    });
    let saved = read_record(&sidecar_of(&article)).expect("a record");
    assert_eq!(saved.curator.as_deref(), Some("Test Curator"));
    assert_eq!(saved.status, ofsted_curator::model::Status::InProgress);
}

/// The PDF reader took a doubled narrow letter ("ll" in "Sandwell") for
/// text drawn twice to look bold and kept one: the test for an overprint
/// allowed a third of an em, more than an "l" is wide.
#[test]
fn bug_doubled_letters_in_a_pdf_were_read_once() {
    let article = "Sandwell will follow the Ofsted report\n\nAll staff in Hartlepool's children's services were told.\n";
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = write(
        dir.path(),
        "a.pdf",
        crate::doc_fixtures::pdf_of_article(article),
    );
    let text = ofsted_curator::text::load_article(&pdf, &Default::default())
        .expect("the PDF reads")
        .text;
    assert_eq!(text, article);
}

/// Importing an export whose header had a line starting with a multi-byte
/// character ("a€ ...") panicked: the check for a "By " line sliced the
/// line's first three bytes, inside the character.
#[test]
fn bug_an_export_line_starting_with_a_multibyte_character_panicked_the_import() {
    let dir = tempfile::tempdir().expect("tempdir");
    let export = write(
        dir.path(),
        "export.txt",
        "a€ headline\n\nBy €uro Writer\n\n12 March 2019\n\nInspectors found that leaders \
         in Kent had a firm grip on practice, the report published today said.\n",
    );
    let out = dir.path().join("out");
    let result = run([
        "import".as_ref(),
        export.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(result.code, Some(0), "{result:?}");
    assert!(result.stdout.contains("1 written"), "{result:?}");
}

/// The import window's "remove this file" button was drawn as "✕", which no
/// font the app ships has: egui stopped the app on the first frame that
/// listed a chosen file.
#[test]
fn bug_the_import_window_stopped_the_app_once_a_file_was_chosen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let library = dir.path().join("library");
    write(&library, "a.txt", INSPECTION_ARTICLE);
    let export = write(dir.path(), "export.txt", INSPECTION_ARTICLE);
    let mut harness = harness(&library);
    harness.get_by_label("File").click();
    harness.run_steps(3);
    harness.get_by_label("Import…").click();
    harness.run_steps(3);
    harness
        .get_by_role_and_label(Role::TextInput, "Add a file:")
        .focus();
    harness.step();
    type_text(&mut harness, &export.display().to_string());
    press_key(&mut harness, Modifiers::NONE, Key::Enter);
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label_contains(&export.display().to_string())
            .is_some(),
        "the chosen file is listed"
    );
}

/// Cutting a clause at the last dash before a judgement stepped one byte
/// past the start of a three-byte dash and panicked the extractor.
#[test]
fn bug_a_dash_before_a_judgement_panicked_the_extractor() {
    for dash in ['–', '—'] {
        let text = format!(
            "Council told to improve\n\nChildren's services in Derby were rated inadequate by Ofsted {dash} \
             one of few councils given the lowest grade {dash} and judged good in 2016.\n"
        );
        let record = ofsted_curator::extract::extract_record(&text, "dash.txt");
        assert!(
            record
                .inspections
                .iter()
                .any(|i| i.local_authority.as_deref() == Some("Derby")),
            "{dash}: {:?}",
            record.inspections
        );
    }
}
