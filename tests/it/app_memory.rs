//! A folder larger than the app's memory budget: most documents are parked
//! (only what the queue and the corpus show is kept), the one viewed is read
//! again in full, and nothing a list, an export, a draft or an edit needs
//! is lost to parking.

use crate::app_support::{all_loaded, settings, wait_until};
use egui_kittest::Harness;
use ofsted_curator::app::queue::{QueueFilter, queue_rows};
use ofsted_curator::app::workspace::DocState;
use ofsted_curator::app::{Command, CuratorApp, Tab};
use ofsted_curator::export::ExportFormat;
use ofsted_curator::extract::extract_record;
use ofsted_curator::model::{FieldName, Origin, Record, Status};
use ofsted_curator::store::{Draft, save_record_atomically, write_draft};
use ofsted_curator::text::text_sha256;
use std::path::{Path, PathBuf};

const COUNCILS: &[&str] = &[
    "Kent County Council",
    "Norfolk County Council",
    "Leeds City Council",
    "Wirral Council",
    "Suffolk County Council",
    "Bristol City Council",
];
const COUNT: usize = 30;
/// Room for a few open documents (each holds about 4 KB).
const BUDGET: usize = 20_000;

/// Article `i`, written for this test: an inspection of one of the councils.
fn article(i: usize) -> String {
    let council = COUNCILS[i % COUNCILS.len()];
    format!(
        "Ofsted rates children's services at {council} inadequate (report {i})\n\n\
         By Sam Example\n\n\
         Children's services at {council} have been rated inadequate by Ofsted \
         following a full inspection in March 2019.\n\n\
         Inspectors said social workers carried caseloads that were too high and that \
         managers did not have enough oversight of practice.\n\n\
         \"We accept the findings and are determined to put things right for children,\" \
         said the council's director of children's services.\n"
    )
}

/// The folder of articles, and each one's path and machine record.
fn folder() -> (tempfile::TempDir, Vec<(PathBuf, Record)>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let articles = (0..COUNT)
        .map(|i| {
            let name = format!("article-{i:02}.txt");
            let text = article(i);
            let path = dir.path().join(&name);
            std::fs::write(&path, &text).expect("write article");
            (path, extract_record(&text, &name))
        })
        .collect();
    (dir, articles)
}

fn open(folder: &Path, drafts: Option<PathBuf>) -> Harness<'static, CuratorApp> {
    let folder = folder.to_path_buf();
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(move |cc| {
            let app =
                CuratorApp::new(&cc.egui_ctx, settings(), Vec::new()).with_memory_budget(BUDGET);
            match drafts {
                Some(dir) => app.with_drafts_dir(dir),
                None => app,
            }
        });
    harness
        .state_mut()
        .apply_command(Command::Open(vec![folder]));
    wait_until(&mut harness, "articles loaded", |app| {
        app.workspace.docs.len() == COUNT && all_loaded(app)
    });
    harness
}

fn index_of(app: &CuratorApp, path: &Path) -> usize {
    app.workspace
        .docs
        .iter()
        .position(|d| d.path == path)
        .expect("the article is open")
}

#[test]
fn past_the_budget_documents_are_parked_and_lists_still_show_every_one() {
    let (dir, articles) = folder();
    let mut harness = open(dir.path(), None);
    let app = harness.state();
    let (open_bytes, parked) = app.memory_in_use();
    assert!(parked >= COUNT / 2, "only {parked} of {COUNT} parked");
    assert!(
        open_bytes <= BUDGET,
        "{open_bytes} bytes open, over the budget of {BUDGET}"
    );
    // The queue: a row for every article, headline and all.
    let rows = queue_rows(&app.workspace, &QueueFilter::default());
    assert_eq!(rows.len(), COUNT);
    for (path, record) in &articles {
        let row = &rows[index_of(app, path)];
        let headline = record.article.headline.as_ref().map(|h| h.value.clone());
        assert_eq!(Some(row.headline.clone()), headline, "{}", path.display());
    }
    // The corpus: every inspection of every article.
    let inspections: usize = articles.iter().map(|(_, r)| r.inspections.len()).sum();
    assert!(
        inspections >= COUNT,
        "premise: each article has an inspection"
    );
    harness
        .state_mut()
        .apply_command(Command::ShowTab(Tab::Corpus));
    wait_until(&mut harness, "corpus built", CuratorApp::corpus_ready);
    assert_eq!(harness.state().corpus_rows_shown().len(), inspections);
}

#[test]
fn a_parked_document_viewed_is_read_again_in_full() {
    let (dir, articles) = folder();
    let mut harness = open(dir.path(), None);
    let (path, record) = &articles[COUNT - 1];
    let i = index_of(harness.state(), path);
    assert!(
        harness.state().workspace.docs[i].is_parked(),
        "premise: the last article is parked"
    );
    harness
        .state_mut()
        .apply_command(Command::SelectDocument(i));
    wait_until(&mut harness, "the article read again", |app| {
        app.workspace.current_loaded().is_some()
    });
    let app = harness.state();
    let doc = app.workspace.current_loaded().expect("open");
    assert_eq!(
        ofsted_curator::store::record_changes(record, &doc.record),
        Vec::new()
    );
    assert_eq!(&*doc.text, article(COUNT - 1));
    assert!(!app.highlight_spans().is_empty(), "its evidence is shown");
}

#[test]
fn an_edited_document_is_never_parked_and_exports_include_parked_ones() {
    let (dir, articles) = folder();
    let mut harness = open(dir.path(), None);
    let edited = index_of(harness.state(), &articles[5].0);
    harness
        .state_mut()
        .apply_command(Command::SelectDocument(edited));
    wait_until(&mut harness, "the article open", |app| {
        app.workspace.current_loaded().is_some()
    });
    harness
        .state_mut()
        .apply_command(Command::Edit(ofsted_curator::app::edit::Edit::Status(
            Status::Reviewed,
        )));
    // View every other article, which parks the ones viewed before.
    for (path, _) in articles.iter().skip(6) {
        let i = index_of(harness.state(), path);
        harness
            .state_mut()
            .apply_command(Command::SelectDocument(i));
        wait_until(&mut harness, "the article open", |app| {
            app.workspace.current_loaded().is_some()
        });
    }
    let app = harness.state();
    let DocState::Ready(doc) = &app.workspace.docs[edited].state else {
        panic!("the edited article was parked");
    };
    assert!(doc.is_dirty());
    assert_eq!(doc.record.status, Status::Reviewed);
    assert!(app.memory_in_use().1 > COUNT / 2, "others were parked");

    let out = dir.path().join("records.jsonl");
    harness.state_mut().apply_command(Command::ExportTo {
        format: ExportFormat::Jsonl,
        path: out.clone(),
        overwrite: false,
    });
    wait_until(&mut harness, "export written", |app| {
        app.exports_running() == 0
    });
    let lines = std::fs::read_to_string(&out).expect("export written");
    let exported: Vec<Record> = lines
        .lines()
        .map(|l| serde_json::from_str(l).expect("a record per line"))
        .collect();
    assert_eq!(exported.len(), COUNT, "{:?}", harness.state().messages());
    for record in &exported {
        let name = &record.source.path;
        let (_, machine) = articles
            .iter()
            .find(|(p, _)| p.ends_with(name))
            .expect("an article of the folder");
        assert_eq!(
            record.quotes.len(),
            machine.quotes.len(),
            "{name}: exported whole, not as a summary"
        );
        let reviewed = record.status == Status::Reviewed;
        assert_eq!(
            reviewed,
            name == "article-05.txt",
            "{name}: the unsaved edit is exported"
        );
    }
}

#[test]
fn a_draft_of_a_parked_document_is_offered_back() {
    let (dir, articles) = folder();
    let drafts = dir.path().join("drafts");
    let (path, machine) = &articles[COUNT - 2];
    let mut record = machine.clone();
    record.notes = "Checked the date with the council.".into();
    write_draft(
        &drafts,
        &Draft {
            article: path.clone(),
            text_sha256: text_sha256(&article(COUNT - 2)),
            record,
        },
    )
    .expect("write the draft");
    let mut harness = open(dir.path(), Some(drafts));
    wait_until(&mut harness, "the draft offered", |app| {
        !app.offered_drafts().is_empty()
    });
    let offered = harness.state().offered_drafts();
    assert_eq!(offered.len(), 1);
    assert_eq!(&offered[0].0, path);
    assert!(
        offered[0].1.iter().any(|c| c.contains("notes")),
        "{:?}",
        offered[0].1
    );
}

/// Saves beside the last `n` articles a record a person worked on (a note
/// and an edited headline) made by an older extractor (its headline cut
/// short); returns their paths.
fn curate_last(articles: &[(PathBuf, Record)], n: usize) -> Vec<PathBuf> {
    articles[COUNT - n..]
        .iter()
        .map(|(path, machine)| {
            let mut record = machine.clone();
            record.extractor = "ofsted-curator 0.0.1".into();
            record.notes = "Checked against the inspection letter.".into();
            let headline = record.article.headline.as_mut().expect("a headline");
            headline.value = "Children's services inadequate".into();
            headline.origin = Origin::Edited;
            // Only the machine's own value changes under re-extraction.
            record.article.byline.as_mut().expect("a byline").value = "Sam".into();
            let sidecar = ofsted_curator::store::sidecar_path(path, None);
            save_record_atomically(&sidecar, &record).expect("save the record");
            path.clone()
        })
        .collect()
}

#[test]
fn the_report_and_reextract_all_include_parked_documents() {
    let (dir, articles) = folder();
    let curated = curate_last(&articles, 3);
    let mut harness = open(dir.path(), None);
    let docs: Vec<usize> = curated
        .iter()
        .map(|p| index_of(harness.state(), p))
        .collect();
    assert!(
        docs.iter()
            .all(|&i| harness.state().workspace.docs[i].is_parked()),
        "premise: the curated articles are parked"
    );

    let report = harness.state_mut().extractor_report();
    assert_eq!((report.curated, report.not_curated), (3, COUNT - 3));
    assert_eq!(report.counts(FieldName::Headline).edited, 3);
    let named: Vec<&str> = report.examples.iter().map(|e| e.file.as_str()).collect();
    assert_eq!(
        named,
        ["article-27.txt", "article-28.txt", "article-29.txt"]
    );

    harness
        .state_mut()
        .apply_command(Command::Reextract { all: true });
    wait_until(&mut harness, "the diff", CuratorApp::reextract_diff_shown);
    harness.state_mut().apply_command(Command::ApplyReextract);
    harness.run_steps(2);
    for (&i, path) in docs.iter().zip(&curated) {
        let DocState::Ready(doc) = &harness.state().workspace.docs[i].state else {
            panic!("{}: a merged document stays open", path.display());
        };
        assert!(doc.is_dirty(), "{}: the merge is applied", path.display());
        let byline = doc.record.article.byline.as_ref().expect("a byline");
        assert_eq!(byline.value, "Sam Example", "the machine's value is new");
        let headline = doc.record.article.headline.as_ref().expect("a headline");
        assert_eq!(
            headline.value, "Children's services inadequate",
            "the edit is kept"
        );
        assert_eq!(doc.record.notes, "Checked against the inspection letter.");
    }
    // The untouched parked documents had nothing to change and stay parked.
    let (_, parked) = harness.state().memory_in_use();
    assert!(parked >= COUNT / 2, "only {parked} parked after the merge");
}
