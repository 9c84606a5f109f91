use super::*;
use crate::model::{
    Finding, Inspection, InspectionKind, Judgement, Person, Polarity, Service, Source, Span, Theme,
};
use crate::rejection::{reject_finding, reject_person};

fn source() -> Source {
    Source {
        path: "a.txt".into(),
        text_sha256: "ab".repeat(32),
        chars: 1000,
    }
}

fn finding(text: &str, at: usize, origin: Origin) -> Finding {
    Finding {
        theme: Theme::Workforce,
        polarity: Polarity::Concern,
        text: text.into(),
        evidence: vec![Span(at, at + 20)],
        origin,
    }
}

fn inspection(judgement: Option<Judgement>, findings: Vec<Finding>) -> Inspection {
    Inspection {
        local_authority: Some("Kent".into()),
        provider: None,
        service: Service::ChildrensServices,
        kind: InspectionKind::FullInspection,
        visit_number: None,
        date: Some("2019-03".into()),
        judgement,
        inspector: None,
        findings,
        evidence: vec![Span(100, 150)],
        origin: Origin::Extracted,
    }
}

fn person(name: &str, at: usize, origin: Origin) -> Person {
    Person {
        name: name.into(),
        role: None,
        organisation: None,
        evidence: vec![Span(at, at + name.chars().count())],
        origin,
    }
}

/// What an older extractor made of the article.
fn old_machine() -> Record {
    let mut r = Record::empty(source());
    r.extractor = "ofsted-curator 0.0.9".into();
    r.updated = "2020-01-01T00:00:00Z".into();
    r.article.headline = Some(Field::extracted(
        "Kent told to improve".into(),
        vec![Span(0, 20)],
    ));
    r.article.byline = Some(Field::extracted("Sam".into(), vec![Span(25, 28)]));
    r.inspections.push(inspection(
        Some(Judgement::Good),
        vec![
            finding("caseloads were too high", 200, Origin::Extracted),
            finding("leaders had a firm grip", 300, Origin::Extracted),
        ],
    ));
    r.people.push(person("Ruth Okafor", 400, Origin::Extracted));
    r.people.push(person("Kent County", 500, Origin::Extracted));
    r
}

/// What the new extractor makes of the same article: a better byline, the
/// rejected finding proposed again, a new finding and a new person, and the
/// false person gone.
fn new_machine() -> Record {
    let mut r = Record::empty(source());
    r.extractor = "ofsted-curator 0.2.0".into();
    r.updated = "2026-01-01T00:00:00Z".into();
    r.article.headline = Some(Field::extracted(
        "Kent told to improve".into(),
        vec![Span(0, 20)],
    ));
    r.article.byline = Some(Field::extracted("Sam Example".into(), vec![Span(25, 36)]));
    r.inspections.push(inspection(
        Some(Judgement::Good),
        vec![
            finding("caseloads were too high", 200, Origin::Extracted),
            finding("Leaders had a  firm grip", 300, Origin::Extracted),
            finding("managers lacked oversight", 350, Origin::Extracted),
        ],
    ));
    r.people.push(person("Ruth Okafor", 400, Origin::Extracted));
    r.people.push(person("Lee Carter", 600, Origin::Extracted));
    r
}

/// The old machine record after a person's review: headline edited, a
/// person added, a finding rejected, the judgement edited, notes written.
fn curated() -> Record {
    let mut r = old_machine();
    let headline = r.article.headline.as_mut().expect("headline");
    headline.value = "Kent children's services told to improve".into();
    headline.origin = Origin::Edited;
    r.people.push(person("Jo Bloggs", 700, Origin::Added));
    let rejected = r.inspections[0].findings.remove(1);
    r.rejected.push(reject_finding(&rejected));
    r.inspections[0].judgement = Some(Judgement::RequiresImprovement);
    r.inspections[0].origin = Origin::Edited;
    r.notes = "Judgement checked against the report".into();
    r.status = Status::Reviewed;
    r.curator = Some("A Curator".into());
    r
}

fn merge(old: &Record, new: &Record) -> Merged {
    merge_extraction(old, new).expect("same text")
}

#[test]
fn a_reviewed_record_keeps_every_human_decision_and_merging_twice_changes_nothing() {
    let old = curated();
    let first = merge(&old, &new_machine());
    let r = &first.record;
    assert!(first.changed);
    let headline = r.article.headline.as_ref().expect("headline");
    assert_eq!(headline.value, "Kent children's services told to improve");
    assert_eq!(headline.origin, Origin::Edited);
    assert_eq!(r.inspections.len(), 1);
    assert_eq!(
        r.inspections[0].judgement,
        Some(Judgement::RequiresImprovement)
    );
    assert_eq!(r.inspections[0].origin, Origin::Edited);
    let findings: Vec<&str> = r.inspections[0]
        .findings
        .iter()
        .map(|f| f.text.as_str())
        .collect();
    assert_eq!(
        findings,
        ["caseloads were too high", "managers lacked oversight"],
        "the rejected finding stays out, the new one comes in"
    );
    let people: Vec<(&str, Origin)> = r
        .people
        .iter()
        .map(|p| (p.name.as_str(), p.origin))
        .collect();
    assert_eq!(
        people,
        [
            ("Ruth Okafor", Origin::Extracted),
            ("Kent County", Origin::Extracted),
            ("Jo Bloggs", Origin::Added),
            ("Lee Carter", Origin::Extracted),
        ],
        "a machine person no longer proposed stays in a reviewed record"
    );
    let byline = r.article.byline.as_ref().expect("byline");
    assert_eq!(byline.value, "Sam Example", "a machine value is updated");
    assert_eq!(r.status, Status::Reviewed);
    assert_eq!(r.curator.as_deref(), Some("A Curator"));
    assert_eq!(r.notes, old.notes);
    assert_eq!(r.rejected, old.rejected);
    assert_eq!(r.extractor, "ofsted-curator 0.2.0");
    assert_eq!(r.updated, "2026-01-01T00:00:00Z");

    let s = &first.summary;
    assert_eq!(s.count(ChangeKind::Updated), 1, "{:#?}", s.changes);
    assert_eq!(s.count(ChangeKind::Added), 2, "{:#?}", s.changes);
    assert_eq!(s.count(ChangeKind::Removed), 0);
    assert_eq!(s.count(ChangeKind::StillRejected), 1);
    assert_eq!(s.count(ChangeKind::Kept), 3, "headline, inspection, person");
    let conflicts: Vec<String> = s
        .of_kind(ChangeKind::Conflict)
        .map(|c| c.to_string())
        .collect();
    assert_eq!(conflicts, ["person conflict: Kent County"]);

    let second = merge(&first.record, &new_machine());
    assert!(!second.changed, "{:#?}", second.summary.changes);
    assert_eq!(second.record, first.record);
    for kind in [ChangeKind::Updated, ChangeKind::Added, ChangeKind::Removed] {
        assert_eq!(second.summary.count(kind), 0, "{kind:?}");
    }
}

#[test]
fn in_a_record_not_reviewed_a_vanished_machine_item_is_removed() {
    let mut old = curated();
    old.status = Status::InProgress;
    let merged = merge(&old, &new_machine());
    assert!(merged.record.people.iter().all(|p| p.name != "Kent County"));
    let removed: Vec<String> = merged
        .summary
        .of_kind(ChangeKind::Removed)
        .map(|c| c.to_string())
        .collect();
    assert_eq!(removed, ["person removed: Kent County"]);
    assert_eq!(merged.summary.count(ChangeKind::Conflict), 0);
}

#[test]
fn a_machine_record_follows_the_new_extraction_whole() {
    let mut old = old_machine();
    old.status = Status::OffTopic;
    let new = new_machine();
    let merged = merge(&old, &new);
    let mut expected = new.clone();
    expected.source = old.source.clone();
    assert_eq!(merged.record, expected, "no person's work: the new record");
    assert_eq!(
        merged.summary.status,
        Some((Status::OffTopic, Status::Unreviewed))
    );
}

#[test]
fn a_changed_article_is_not_merged() {
    let old = curated();
    let mut new = new_machine();
    new.source.text_sha256 = "cd".repeat(32);
    let err = merge_extraction(&old, &new).expect_err("another text");
    assert!(matches!(err, MergeError::TextChanged { .. }));
    let message = err.to_string();
    assert!(message.starts_with("a.txt: "), "{message}");
    assert!(message.contains("not merged"), "{message}");
}

#[test]
fn a_rejected_person_is_not_proposed_again_even_spelt_differently() {
    let mut old = old_machine();
    let gone = old.people.remove(1);
    old.rejected.push(reject_person(&gone));
    let mut new = new_machine();
    new.people
        .push(person("KENT  county", 500, Origin::Extracted));
    let merged = merge(&old, &new);
    assert!(
        merged
            .record
            .people
            .iter()
            .all(|p| norm_str_of(&p.name) != "kent county"),
        "{:?}",
        merged.record.people
    );
}

fn norm_str_of(s: &str) -> String {
    crate::eval::python::norm_str(s)
}

#[test]
fn a_person_a_curator_added_is_not_added_again_by_the_machine() {
    let mut old = old_machine();
    old.people.push(person("Lee Carter", 900, Origin::Added));
    let merged = merge(&old, &new_machine());
    let lees = merged
        .record
        .people
        .iter()
        .filter(|p| p.name == "Lee Carter")
        .count();
    assert_eq!(lees, 1, "{:?}", merged.record.people);
}

#[test]
fn an_inspection_the_machine_dropped_stays_while_it_holds_a_persons_finding() {
    let mut old = old_machine();
    old.status = Status::InProgress;
    old.inspections[0]
        .findings
        .push(finding("no grip on drift", 800, Origin::Added));
    let mut new = new_machine();
    new.inspections.clear();
    let merged = merge(&old, &new);
    assert_eq!(merged.record.inspections.len(), 1);
    let kept: Vec<&str> = merged.record.inspections[0]
        .findings
        .iter()
        .map(|f| f.text.as_str())
        .collect();
    assert_eq!(kept, ["no grip on drift"], "its machine findings go");
    assert_eq!(merged.summary.count(ChangeKind::Conflict), 1);
}

#[test]
fn a_value_a_person_cleared_is_not_filled_in_again() {
    let mut old = old_machine();
    let byline = old.article.byline.take().expect("byline");
    old.rejected
        .push(crate::rejection::reject_value(FieldName::Byline, &byline));
    let mut new = new_machine();
    new.article.byline = Some(Field::extracted("sam".into(), vec![Span(25, 28)]));
    let merged = merge(&old, &new);
    assert!(merged.record.article.byline.is_none());
    assert_eq!(merged.summary.count(ChangeKind::StillRejected), 1);
}
