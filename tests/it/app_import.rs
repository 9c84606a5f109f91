//! The app with PDF and Word articles, and File > Import…: choosing an
//! export, previewing its split (nothing written yet), importing, and
//! opening the imported articles, driven through kittest by clicks and
//! typing as a person does.

use crate::app_support::{harness, type_text, wait_for_label, wait_until};
use crate::common::{INSPECTION_ARTICLE, MONITORING_ARTICLE, write};
use crate::doc_fixtures::{docx_of_article, paragraphs_of, pdf_of_article};
use crate::export_fixtures::{STORIES, as_text, word_count_paragraphs};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use ofsted_curator::app::workspace::DocState;

#[test]
fn pdf_and_docx_articles_open_in_the_app_with_their_converted_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "a_kent.pdf", pdf_of_article(INSPECTION_ARTICLE));
    write(
        dir.path(),
        "b_kent.docx",
        docx_of_article(MONITORING_ARTICLE),
    );
    let harness = harness(dir.path());
    let docs = &harness.state().workspace.docs;
    assert_eq!(docs.len(), 2, "both files are articles");
    for (doc, source) in docs.iter().zip([INSPECTION_ARTICLE, MONITORING_ARTICLE]) {
        let DocState::Ready(loaded) = &doc.state else {
            panic!("{} did not load: {:?}", doc.path.display(), doc.state);
        };
        let expected = format!("{}\n", paragraphs_of(source).join("\n\n"));
        assert_eq!(&*loaded.text, expected, "{}", doc.path.display());
        assert_eq!(
            loaded.record.source.text_sha256,
            ofsted_curator::text::text_sha256(&expected)
        );
    }
    for name in ["a_kent.pdf", "b_kent.docx"] {
        assert!(
            harness.query_all_by_label(name).next().is_some(),
            "{name} is listed in the queue"
        );
    }
}

#[test]
fn file_import_previews_the_split_then_writes_and_opens_the_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    let library = dir.path().join("library");
    write(&library, "old.txt", INSPECTION_ARTICLE);
    let export = write(dir.path(), "blocks.txt", as_text(&word_count_paragraphs()));
    let out = dir.path().join("blocks-articles");
    let mut harness = harness(&library);

    harness.get_by_label("File").click();
    wait_for_label(&mut harness, "Import…");
    harness.get_by_label("Import…").click();
    wait_for_label(&mut harness, "Import news-database exports");

    harness
        .get_by_role_and_label(Role::TextInput, "Add a file:")
        .focus();
    harness.step();
    type_text(&mut harness, &export.display().to_string());
    let typed = harness
        .get_by_role_and_label(Role::TextInput, "Add a file:")
        .value()
        .unwrap_or_default();
    assert_eq!(
        typed,
        export.display().to_string(),
        "the path typed into the box"
    );
    harness.get_by_label("Add").click();
    wait_for_label(&mut harness, &export.display().to_string());
    // The folder is filled in from the export's name.
    let folder = harness
        .get_by_role_and_label(Role::TextInput, "Into folder:")
        .value()
        .unwrap_or_default();
    assert_eq!(folder, out.display().to_string());

    harness.get_by_label("Preview the split").click();
    wait_for_label(&mut harness, "Import 7 new articles");
    harness.get_by_label_contains("7 articles, read as header blocks with a word count");
    harness.get_by_label_contains(STORIES[1].headline);
    harness.get_by_label_contains("exact duplicate of");
    assert!(!out.exists(), "the preview writes nothing");

    harness.get_by_label("Import 7 new articles").click();
    wait_for_label(&mut harness, "7 written, 0 already there");
    let written = std::fs::read_dir(&out)
        .expect("the folder was made")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".txt"))
        })
        .count();
    assert_eq!(written, 7);
    assert!(out.join("index.csv").exists());

    harness.get_by_label("Open the imported articles").click();
    wait_until(&mut harness, "the imported articles loaded", |app| {
        app.workspace.docs.len() == 7
            && app
                .workspace
                .docs
                .iter()
                .all(|d| matches!(d.state, DocState::Ready(_)))
    });
    assert!(
        harness
            .state()
            .workspace
            .docs
            .iter()
            .all(|d| d.path.starts_with(&out))
    );
}
