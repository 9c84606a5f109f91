use super::*;
use crate::model::{Judgement, Status};
use crate::store::save_record_atomically;

fn save(dir: &Path, name: &str, record: &Record) {
    save_record_atomically(&dir.join(format!("{name}.curation.json")), record).expect("save");
}

fn two_folders() -> (tempfile::TempDir, tempfile::TempDir) {
    (
        tempfile::tempdir().expect("tmp"),
        tempfile::tempdir().expect("tmp"),
    )
}

#[test]
fn folders_sharing_no_curated_article_are_an_error_naming_both() {
    let (a, b) = two_folders();
    save(a.path(), "kent.txt", &diff::tests::record());
    let mut other = diff::tests::record();
    other.source.text_sha256 = "cd".repeat(32);
    save(b.path(), "surrey.txt", &other);
    let err = agree_folders(a.path(), b.path()).expect_err("nothing shared");
    let text = err.to_string();
    assert!(text.contains("share no curated article"), "{text}");
    assert!(text.contains(&a.path().display().to_string()), "{text}");
}

#[test]
fn a_broken_record_is_an_error_naming_its_file() {
    let (a, b) = two_folders();
    std::fs::write(a.path().join("kent.txt.curation.json"), "{ not json").expect("write");
    let err = agree_folders(a.path(), b.path()).expect_err("broken");
    assert!(err.to_string().contains("kent.txt.curation.json"), "{err}");
}

#[test]
fn records_are_matched_by_text_hash_and_scored_b_against_a() {
    let (a, b) = two_folders();
    let record_a = diff::tests::record();
    let mut record_b = diff::tests::record();
    record_b.inspections[0].judgement = Some(Judgement::Inadequate);
    record_b.people.clear();
    save(a.path(), "kent.txt", &record_a);
    save(b.path(), "renamed.txt", &record_b);
    let result = agree_folders(a.path(), b.path()).expect("shared");
    let agreement = &result.agreement;
    assert_eq!(agreement.articles.len(), 1);
    assert_eq!(agreement.disagreement_count(), 2);
    // One judgement fact each, and they differ: tp 0, fp 1, fn 1.
    let judgements = agreement.counts["judgements"];
    assert_eq!((judgements.tp, judgements.fp, judgements.fn_), (0, 1, 1));
    // A lists one person B lacks: a false negative of B.
    assert_eq!(agreement.counts["people"].fn_, 1);
    let kappas = agreement.kappas();
    let (_, judgement) = kappas.iter().find(|(f, _)| *f == "judgement").expect("row");
    assert_eq!((judgement.pairs, judgement.agreed), (1, 0));
    let table = result.to_table();
    assert!(table.contains("1 article compared"), "{table}");
    assert!(table.contains("kent.txt"), "{table}");
    assert!(result.to_csv().expect("csv").contains("judgement,kappa,"));
}

#[test]
fn a_missing_record_makes_every_item_a_difference_and_machine_records_are_apart() {
    let (a, b) = two_folders();
    save(a.path(), "kent.txt", &diff::tests::record());
    std::fs::write(b.path().join("kent.txt"), "the article").expect("write");
    let mut machine = diff::tests::record();
    machine.source.text_sha256 = "ef".repeat(32);
    save(a.path(), "surrey.txt", &machine);
    let mut machine_b = machine.clone();
    machine_b.status = Status::Unreviewed;
    machine_b.curator = None;
    save(b.path(), "surrey.txt", &machine_b);
    let result = agree_folders(a.path(), b.path()).expect("kent is shared");
    let article = &result.agreement.articles[0];
    assert_eq!(article.missing, Some(Side::B));
    // Status, headline, the inspection (with its finding) and the person.
    assert_eq!(article.differences.len(), 4, "{:?}", article.differences);
    assert_eq!(result.coded_once, 1, "surrey was left to the machine in B");
}
