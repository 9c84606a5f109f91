//! `agree` end to end: two folders of the same article curated by two
//! people, the figures as a table, JSON and CSV, and the clear failure when
//! the folders share nothing.

use crate::common::{run, write};
use crate::update_fixtures::ARTICLE;
use ofsted_curator::extract::extract_record;
use ofsted_curator::model::{Judgement, Record, Status};
use ofsted_curator::store::save_record_atomically;
use serde_json::Value;
use std::path::Path;

fn curated(curator: &str, judgement: Judgement) -> Record {
    let mut record = extract_record(ARTICLE, "kent.txt");
    record.status = Status::Reviewed;
    record.curator = Some(curator.into());
    record.inspections[0].judgement = Some(judgement);
    record
}

fn folder(name: &str, record: &Record) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), name, ARTICLE);
    let sidecar = dir.path().join(format!("{name}.curation.json"));
    save_record_atomically(&sidecar, record).expect("save");
    dir
}

fn arg(path: &Path) -> String {
    path.display().to_string()
}

#[test]
fn agree_prints_kappas_scores_and_each_disagreement() {
    let a = folder("kent.txt", &curated("Ann", Judgement::Inadequate));
    // The same text under another name: matched by its hash.
    let b = folder("copy.txt", &curated("Ben", Judgement::Good));
    let csv = a.path().join("agreement.csv");
    let out = run(["agree", &arg(a.path()), &arg(b.path()), "--csv", &arg(&csv)]);
    assert_eq!(out.code, Some(0), "{out:?}");
    for line in [
        "judgement",
        "1 article compared, 0 articles coded by one curator only",
        "1 disagreement",
        "kent.txt",
        "  inspection: Kent",
    ] {
        assert!(out.stdout.contains(line), "{line:?} in {out:?}");
    }
    let sheet = std::fs::read_to_string(&csv).expect("the CSV");
    assert!(sheet.starts_with("field,measure,value"), "{sheet}");
    assert!(sheet.contains("\njudgements,f1,0.0000,"), "{sheet}");
    assert!(sheet.contains("\noverall,f1,"), "{sheet}");

    let out = run(["agree", &arg(a.path()), &arg(b.path()), "--json"]);
    assert_eq!(out.code, Some(0), "{out:?}");
    let json: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(json["articles"], 1);
    assert_eq!(json["kappa"]["judgement"]["pairs"], 1);
    assert_eq!(json["kappa"]["judgement"]["agreed"], 0);
    assert_eq!(json["fields"]["judgements"]["fp"], 1);
    assert_eq!(json["fields"]["headline"]["f1"], 1.0);
    let differences = &json["disagreements"][0]["differences"];
    assert_eq!(differences.as_array().map(Vec::len), Some(1));
}

#[test]
fn agree_fails_clearly_when_the_folders_share_no_article() {
    let a = folder("kent.txt", &curated("Ann", Judgement::Inadequate));
    let b = tempfile::tempdir().expect("tempdir");
    let out = run(["agree", &arg(a.path()), &arg(b.path())]);
    assert_eq!(out.code, Some(1), "{out:?}");
    assert!(out.stderr.contains("share no curated article"), "{out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
}
