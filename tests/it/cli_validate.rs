//! `ofsted-curator validate` end to end, on temporary folders.

use crate::common::*;
use ofsted_curator::model::{Field, Span};
use ofsted_curator::store::{read_record, save_record_atomically};
use std::path::{Path, PathBuf};

/// A folder with one article and the record `extract` made of it.
fn extracted(dir: &Path) -> (PathBuf, PathBuf) {
    let article = write(dir, "a.txt", INSPECTION_ARTICLE);
    let run = run([Path::new("extract"), article.as_path()]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let sidecar = sidecar_of(&article);
    (article, sidecar)
}

fn validate(path: &Path) -> Run {
    run([Path::new("validate"), path])
}

/// Changes the record at `sidecar` with `change`.
fn edit(sidecar: &Path, change: impl FnOnce(&mut ofsted_curator::model::Record)) {
    let mut record = read_record(sidecar).expect("parses");
    change(&mut record);
    save_record_atomically(sidecar, &record).expect("save");
}

#[test]
fn a_fresh_record_passes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, sidecar) = extracted(dir.path());
    for target in [dir.path(), sidecar.as_path()] {
        let run = validate(target);
        assert_eq!(run.code, Some(0), "{run:?}");
        assert!(run.stdout.contains("1 records checked: 1 ok"), "{run:?}");
    }
}

#[test]
fn a_span_past_the_end_is_reported_with_its_location() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, sidecar) = extracted(dir.path());
    let chars = INSPECTION_ARTICLE.chars().count();
    edit(&sidecar, |r| {
        r.article.headline = Some(Field::extracted(
            "Headline".to_string(),
            vec![Span(0, 8), Span(10, chars + 5)],
        ));
    });
    let run = validate(dir.path());
    assert_eq!(run.code, Some(1), "{run:?}");
    let expected = format!("{}: article.headline.evidence[1]: ", sidecar.display());
    assert!(
        run.stdout
            .lines()
            .any(|l| l.starts_with(&expected) && l.contains("past the end")),
        "{run:?}"
    );
}

#[test]
fn a_bad_date_is_reported_with_its_location() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, sidecar) = extracted(dir.path());
    edit(&sidecar, |r| {
        r.inspections[0].date = Some("2019-02-29".into());
    });
    let run = validate(&sidecar);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stdout
            .contains("inspections[0].date: \"2019-02-29\" is not a date"),
        "{run:?}"
    );
}

#[test]
fn a_changed_article_is_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (article, sidecar) = extracted(dir.path());
    std::fs::write(&article, INSPECTION_ARTICLE.replace("Kent", "Kemt")).expect("write");
    let run = validate(&sidecar);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stdout
            .contains(&format!("{}: source.text_sha256: ", sidecar.display())),
        "{run:?}"
    );
}

#[test]
fn a_missing_article_is_a_problem_but_the_record_is_still_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (article, sidecar) = extracted(dir.path());
    std::fs::remove_file(&article).expect("remove");
    edit(&sidecar, |r| r.inspections[0].date = Some("someday".into()));
    let run = validate(dir.path());
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stdout.contains("source: cannot check"), "{run:?}");
    assert!(run.stdout.contains("inspections[0].date"), "{run:?}");
}

#[test]
fn unreadable_records_fail_and_unknown_fields_only_warn() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, sidecar) = extracted(dir.path());
    let json = std::fs::read_to_string(&sidecar).expect("read");
    std::fs::write(
        &sidecar,
        json.replace("\"notes\": \"\"", "\"notes\": \"\",\n  \"colour\": \"red\""),
    )
    .expect("write");
    let warned = validate(&sidecar);
    assert_eq!(warned.code, Some(0), "{warned:?}");
    assert!(warned.stderr.contains("colour"), "{warned:?}");

    let broken = write(
        dir.path(),
        "b.txt.curation.json",
        "{\n  \"format\": oops\n}",
    );
    let run = validate(dir.path());
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stdout
            .contains(&format!("{}: line 2", broken.display())),
        "{run:?}"
    );
    assert!(run.stdout.contains("1 unreadable"), "{run:?}");
}

#[test]
fn a_path_that_is_not_a_record_is_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = write(dir.path(), "a.txt", INSPECTION_ARTICLE);
    let run = validate(&article);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stderr.contains("a.txt"), "{run:?}");
}

#[test]
fn records_extracted_from_the_seed_articles_validate() {
    let Some(seeds) = require_shared("seeds") else {
        return;
    };
    let seeds = txt_files(&seeds);
    let dir = tempfile::tempdir().expect("tempdir");
    for path in &seeds {
        let name = path.file_name().expect("name");
        std::fs::copy(path, dir.path().join(name)).expect("copy");
    }
    let copied = seeds.len();
    let extract = run([Path::new("extract"), dir.path()]);
    assert_eq!(extract.code, Some(0), "{extract:?}");
    assert_eq!(
        extract.stdout.trim(),
        format!("{copied} written, 0 skipped, 0 failed")
    );
    let checked = validate(dir.path());
    assert_eq!(checked.code, Some(0), "{checked:?}");
    assert!(
        checked
            .stdout
            .contains(&format!("{copied} records checked: {copied} ok")),
        "{checked:?}"
    );
}
