//! `extract --update` end to end: a curated record meets a newer
//! extractor's output. The older extractor is simulated by changing the
//! machine values of a record the built binary made, so that the binary's
//! own extraction is the "new" output.

use crate::common::{run, write};
use ofsted_curator::model::*;
use ofsted_curator::rejection::reject_finding;
use ofsted_curator::store::{read_record, save_record_atomically};
use std::path::{Path, PathBuf};

/// An article written for these tests.
const ARTICLE: &str = "\
Ofsted finds council's children's services inadequate

By Sam Example

Children's services at Kent County Council have been rated inadequate by \
Ofsted following a full inspection in March 2019.

Inspectors said social workers carried caseloads that were too high and that \
managers did not have enough oversight of practice.

\"We accept the findings and are determined to put things right for \
children,\" said Sarah Hammond, the council's director of children's services.
";

const EDITED_HEADLINE: &str = "Kent children's services rated inadequate";
const NOTES: &str = "Judgement checked against the Ofsted letter";

/// Code point span of the first `needle` in the article (it is ASCII).
fn span_of(needle: &str) -> Span {
    let start = ARTICLE.find(needle).expect("the words are in the article");
    Span(start, start + needle.len())
}

/// The article and the record an older extractor would have written: the
/// byline cut short, the director missed, a council taken for a person.
fn older_extraction(dir: &Path) -> (PathBuf, PathBuf, Record) {
    let article = write(dir, "kent.txt", ARTICLE);
    let first = run(["extract".as_ref(), article.as_os_str()]);
    assert_eq!(first.code, Some(0), "{first:?}");
    let sidecar = dir.join("kent.txt.curation.json");
    let mut old = read_record(&sidecar).expect("the machine record");
    assert_eq!(old.people.len(), 1, "premise: the director is found");
    assert_eq!(old.inspections[0].findings.len(), 1, "premise: a finding");
    old.extractor = "ofsted-curator 0.0.1".into();
    old.updated = "2020-01-01T00:00:00Z".into();
    let byline = old.article.byline.as_mut().expect("premise: a byline");
    byline.value = "Sam".into();
    byline.evidence = vec![span_of("Sam")];
    old.people = vec![Person {
        name: "Kent County".into(),
        role: None,
        organisation: None,
        evidence: vec![span_of("Kent County")],
        origin: Origin::Extracted,
    }];
    (article, sidecar, old)
}

/// A person's review of `old`: the headline edited, a person added, the
/// finding rejected, the judgement edited, notes written, marked reviewed.
fn curate(mut old: Record) -> Record {
    let headline = old.article.headline.as_mut().expect("headline");
    headline.value = EDITED_HEADLINE.into();
    headline.origin = Origin::Edited;
    old.people.push(Person {
        name: "Jo Bloggs".into(),
        role: Some("chair of the improvement board".into()),
        organisation: None,
        evidence: vec![],
        origin: Origin::Added,
    });
    let finding = old.inspections[0].findings.remove(0);
    old.rejected.push(reject_finding(&finding));
    old.inspections[0].judgement = Some(Judgement::RequiresImprovement);
    old.inspections[0].origin = Origin::Edited;
    old.notes = NOTES.into();
    old.status = Status::Reviewed;
    old.curator = Some("A Curator".into());
    old
}

#[test]
fn a_reviewed_record_survives_extract_update_and_a_second_run_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (article, sidecar, old) = older_extraction(dir.path());
    let curated = curate(old);
    save_record_atomically(&sidecar, &curated).expect("save");

    let update = run(["extract".as_ref(), "--update".as_ref(), article.as_os_str()]);
    assert_eq!(update.code, Some(0), "{update:?}");
    let r = read_record(&sidecar).expect("the merged record");
    let headline = r.article.headline.as_ref().expect("headline");
    assert_eq!(
        (headline.value.as_str(), headline.origin),
        (EDITED_HEADLINE, Origin::Edited)
    );
    assert_eq!(
        r.inspections[0].judgement,
        Some(Judgement::RequiresImprovement)
    );
    assert!(
        r.inspections[0].findings.is_empty(),
        "the rejected finding is not brought back: {:?}",
        r.inspections[0].findings
    );
    let people: Vec<(&str, Origin)> = r
        .people
        .iter()
        .map(|p| (p.name.as_str(), p.origin))
        .collect();
    assert_eq!(
        people,
        [
            ("Kent County", Origin::Extracted),
            ("Jo Bloggs", Origin::Added),
            ("Sarah Hammond", Origin::Extracted),
        ]
    );
    assert_eq!(r.people[1], curated.people[1], "the added person, whole");
    assert_eq!(
        r.article.byline.as_ref().map(|b| b.value.as_str()),
        Some("Sam Example"),
        "the machine value is the new extractor's"
    );
    assert_eq!(r.notes, NOTES);
    assert_eq!(r.status, Status::Reviewed);
    assert_eq!(r.curator.as_deref(), Some("A Curator"));
    assert_eq!(r.rejected, curated.rejected);
    assert_eq!(r.extractor, EXTRACTOR);

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
    let (article, sidecar, old) = older_extraction(dir.path());
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
    let (article, sidecar, old) = older_extraction(dir.path());
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
