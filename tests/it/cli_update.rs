//! `extract --update` end to end: a curated record meets a newer
//! extractor's output. The older extractor is simulated by changing the
//! machine values of a record the built binary made, so that the binary's
//! own extraction is the "new" output.

use crate::common::{run, write};
use crate::update_fixtures::*;
use ofsted_curator::store::{read_record, save_record_atomically};
use std::path::{Path, PathBuf};

/// The article, its record path and the record an older extractor would
/// have written (today's, from the built binary, changed).
fn older(dir: &Path) -> (PathBuf, PathBuf, ofsted_curator::model::Record) {
    let article = write(dir, "kent.txt", ARTICLE);
    let first = run(["extract".as_ref(), article.as_os_str()]);
    assert_eq!(first.code, Some(0), "{first:?}");
    let sidecar = dir.join("kent.txt.curation.json");
    let machine = read_record(&sidecar).expect("the machine record");
    (article, sidecar, older_extraction(machine))
}

#[test]
fn a_reviewed_record_survives_extract_update_and_a_second_run_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (article, sidecar, old) = older(dir.path());
    let curated = curate(old);
    save_record_atomically(&sidecar, &curated).expect("save");

    let update = run(["extract".as_ref(), "--update".as_ref(), article.as_os_str()]);
    assert_eq!(update.code, Some(0), "{update:?}");
    let r = read_record(&sidecar).expect("the merged record");
    assert_human_decisions_kept(&r, &curated);

    let out = &update.stdout;
    assert!(
        out.contains("kent.txt.curation.json: 1 updated, 1 added, 0 removed, 3 kept, 1 conflicts"),
        "{update:?}"
    );
    assert!(out.contains("person conflict: Kent County"), "{update:?}");
    assert!(out.contains("finding still rejected"), "{update:?}");
    assert!(
        out.contains("1 records changed, 0 unchanged, 0 new; values: 1 updated, 3 kept, 1 added, 0 removed, 1 conflicts; 0 failed"),
        "{update:?}"
    );

    let bytes = std::fs::read(&sidecar).expect("read");
    let again = run(["extract".as_ref(), "--update".as_ref(), article.as_os_str()]);
    assert_eq!(again.code, Some(0), "{again:?}");
    assert_eq!(std::fs::read(&sidecar).expect("read"), bytes, "{again:?}");
    assert!(
        again.stdout.contains("0 records changed, 1 unchanged"),
        "{again:?}"
    );
    assert!(again.stdout.contains("0 updated"), "{again:?}");
}

#[test]
fn a_dry_run_prints_the_changes_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (article, sidecar, old) = older(dir.path());
    save_record_atomically(&sidecar, &old).expect("save");
    let before = std::fs::read(&sidecar).expect("read");
    let dry = run([
        "extract".as_ref(),
        "--update".as_ref(),
        "--dry-run".as_ref(),
        article.as_os_str(),
    ]);
    assert_eq!(dry.code, Some(0), "{dry:?}");
    assert_eq!(std::fs::read(&sidecar).expect("read"), before);
    assert!(
        dry.stdout.contains("byline updated: Sam -> Sam Example"),
        "{dry:?}"
    );
    assert!(
        dry.stdout.contains("person removed: Kent County"),
        "{dry:?}"
    );
    assert!(
        dry.stdout
            .contains("dry run, nothing written: 1 records changed"),
        "{dry:?}"
    );
}

#[test]
fn an_unreadable_record_or_a_changed_article_is_named_and_fails_the_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (article, sidecar, old) = older(dir.path());
    save_record_atomically(&sidecar, &curate(old)).expect("save");
    let other = write(dir.path(), "other.txt", ARTICLE);
    let broken = dir.path().join("other.txt.curation.json");
    std::fs::write(&broken, "{ not json").expect("write");
    std::fs::write(&article, format!("{ARTICLE}\nA correction was added.\n")).expect("write");
    let curated = std::fs::read(&sidecar).expect("read");

    let update = run([
        "extract".as_ref(),
        "--update".as_ref(),
        dir.path().as_os_str(),
    ]);
    assert_eq!(update.code, Some(1), "{update:?}");
    assert!(
        update.stderr.contains("other.txt.curation.json"),
        "{update:?}"
    );
    assert!(
        update.stderr.contains("kent.txt.curation.json"),
        "{update:?}"
    );
    assert!(
        update.stderr.contains("text has changed") && update.stderr.contains("not merged"),
        "{update:?}"
    );
    assert!(update.stdout.contains("2 failed"), "{update:?}");
    assert_eq!(std::fs::read(&sidecar).expect("read"), curated);
    assert_eq!(std::fs::read(&broken).expect("read"), b"{ not json");
    assert!(other.exists());
}

#[test]
fn update_cannot_be_combined_with_overwrite_and_dry_run_needs_update() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = write(dir.path(), "a.txt", ARTICLE);
    let both = run([
        "extract".as_ref(),
        "--update".as_ref(),
        "--force".as_ref(),
        article.as_os_str(),
    ]);
    assert_eq!(both.code, Some(2), "{both:?}");
    let dry = run([
        "extract".as_ref(),
        "--dry-run".as_ref(),
        article.as_os_str(),
    ]);
    assert_eq!(dry.code, Some(2), "{dry:?}");
    assert!(!dir.path().join("a.txt.curation.json").exists());
}
