use super::*;
use crate::app::edit::NewItem;
use crate::app::fields::{ArticleKey, FieldPath};
use crate::model::{Field, Origin, Person, Source, Span, Status};

fn machine() -> Record {
    let mut r = Record::empty(Source {
        path: "a.txt".into(),
        text_sha256: "abc".into(),
        chars: 50,
    });
    r.article.headline = Some(Field::extracted(
        "Machine headline".into(),
        vec![Span(0, 16)],
    ));
    r.people.push(Person {
        name: "Jo Bloggs".into(),
        role: Some("director".into()),
        organisation: None,
        evidence: vec![Span(20, 29)],
        origin: Origin::Extracted,
    });
    r
}

fn doc() -> LoadedDoc {
    LoadedDoc {
        text: Arc::from("x"),
        offsets: Arc::new(OffsetMap::new("x")),
        record: machine(),
        machine: Some(machine()),
        history: History::default(),
        revision: 0,
        saved_revision: None,
        saving: None,
        notices: vec![],
        save_error: None,
        read_only: None,
        read_only_details: None,
        disk: crate::store::DiskState::Missing,
        sidecar: PathBuf::from("a.txt.curation.json"),
    }
}

fn headline(d: &LoadedDoc) -> (String, Origin) {
    let h = d.record.article.headline.as_ref().expect("headline");
    (h.value.clone(), h.origin)
}

fn set_headline(v: &str) -> Edit {
    Edit::ArticleValue {
        key: ArticleKey::Headline,
        value: Some(v.into()),
    }
}

#[test]
fn editing_a_machine_value_marks_it_edited_and_undo_restores_it() {
    let mut d = doc();
    assert!(!d.is_dirty());
    assert!(d.edit(set_headline("Curated headline")));
    assert_eq!(headline(&d), ("Curated headline".into(), Origin::Edited));
    assert!(d.is_dirty());
    assert!(d.undo());
    assert_eq!(headline(&d), ("Machine headline".into(), Origin::Extracted));
    assert!(d.redo());
    assert_eq!(headline(&d), ("Curated headline".into(), Origin::Edited));
    assert!(!d.redo(), "nothing more to redo");
}

#[test]
fn typing_in_one_field_is_one_undo_step_until_the_merge_breaks() {
    let mut d = doc();
    for v in ["C", "Cu", "Cur"] {
        d.edit(set_headline(v));
    }
    d.history.break_merge();
    d.edit(set_headline("Curb"));
    d.undo();
    assert_eq!(headline(&d).0, "Cur");
    d.undo();
    assert_eq!(headline(&d).0, "Machine headline");
    assert!(!d.history.can_undo());
}

#[test]
fn an_edit_that_changes_nothing_is_not_an_undo_step() {
    let mut d = doc();
    let same = d.record.people[0].clone();
    assert!(!d.edit(Edit::Person(0, same)));
    assert!(!d.history.can_undo());
    assert!(!d.is_dirty());
    assert_eq!(d.record.people[0].origin, Origin::Extracted);
}

#[test]
fn added_items_stay_added_when_edited_and_can_be_moved_and_removed() {
    let mut d = doc();
    d.edit(Edit::Add(NewItem::Person(Person {
        name: "New".into(),
        role: None,
        organisation: None,
        evidence: vec![],
        origin: Origin::Added,
    })));
    let mut p = d.record.people[1].clone();
    p.name = "New Person".into();
    d.edit(Edit::Person(1, p));
    assert_eq!(d.record.people[1].origin, Origin::Added);
    d.edit(Edit::Move(FieldPath::Person(1), -1));
    assert_eq!(d.record.people[0].name, "New Person");
    d.edit(Edit::Remove(FieldPath::Person(0)));
    assert_eq!(d.record.people.len(), 1);
    assert_eq!(d.record.people[0].name, "Jo Bloggs");
}

#[test]
fn revert_puts_back_the_machine_value_even_after_reordering() {
    let mut d = doc();
    let mut p = d.record.people[0].clone();
    p.role = Some("chair".into());
    d.edit(Edit::Person(0, p));
    assert_eq!(d.record.people[0].origin, Origin::Edited);
    d.edit(Edit::Add(NewItem::Person(Person {
        name: "Other".into(),
        role: None,
        organisation: None,
        evidence: vec![Span(40, 45)],
        origin: Origin::Added,
    })));
    d.edit(Edit::Move(FieldPath::Person(0), 1));
    assert!(crate::app::edit::can_revert(
        &d.record,
        d.machine.as_ref(),
        FieldPath::Person(1)
    ));
    assert!(!crate::app::edit::can_revert(
        &d.record,
        d.machine.as_ref(),
        FieldPath::Person(0)
    ));
    assert!(d.edit(Edit::Revert(FieldPath::Person(1))));
    assert_eq!(d.record.people[1].role.as_deref(), Some("director"));
    assert_eq!(d.record.people[1].origin, Origin::Extracted);
}

#[test]
fn new_evidence_sorts_spans_and_marks_a_machine_value_edited() {
    let mut d = doc();
    let path = FieldPath::Article(ArticleKey::Headline);
    d.edit(Edit::Evidence(
        path,
        vec![Span(30, 40), Span(0, 5), Span(0, 5)],
    ));
    let h = d.record.article.headline.as_ref().expect("headline");
    assert_eq!(h.evidence, vec![Span(0, 5), Span(30, 40)]);
    assert_eq!(h.origin, Origin::Edited);
}

#[test]
fn a_value_the_machine_missed_is_added_and_clearing_removes_it() {
    let mut d = doc();
    d.edit(Edit::ArticleValue {
        key: ArticleKey::Outlet,
        value: Some("CYP Now".into()),
    });
    let outlet = d.record.article.outlet.as_ref().expect("outlet");
    assert_eq!(outlet.origin, Origin::Added);
    d.edit(Edit::ArticleValue {
        key: ArticleKey::Outlet,
        value: None,
    });
    assert!(d.record.article.outlet.is_none());
    d.edit(Edit::Status(Status::Reviewed));
    assert_eq!(d.record.status, Status::Reviewed);
    assert_eq!(d.revision, 3);
}

#[test]
fn removing_a_machine_item_rejects_it_and_undo_takes_the_rejection_back() {
    let mut d = doc();
    assert!(d.edit(Edit::Remove(FieldPath::Person(0))));
    assert!(d.record.people.is_empty());
    assert_eq!(d.record.rejected.len(), 1);
    let r = &d.record.rejected[0];
    assert_eq!(r.field, crate::model::FieldName::Person);
    assert_eq!(
        r.value,
        serde_json::json!({"name": "Jo Bloggs", "role": "director", "organisation": null})
    );
    assert_eq!(r.evidence, vec![Span(20, 29)]);
    assert!(d.undo());
    assert!(
        d.record.rejected.is_empty(),
        "undo takes the rejection back"
    );
    assert_eq!(d.record.people.len(), 1);
    assert!(d.redo());
    assert_eq!(d.record.rejected.len(), 1);
}

#[test]
fn clearing_an_edited_value_rejects_what_the_machine_proposed() {
    let mut d = doc();
    d.edit(set_headline("Curated headline"));
    d.edit(Edit::ArticleValue {
        key: ArticleKey::Headline,
        value: None,
    });
    assert!(d.record.article.headline.is_none());
    assert_eq!(d.record.rejected.len(), 1);
    assert_eq!(d.record.rejected[0].value, "Machine headline");
    assert_eq!(d.record.rejected[0].evidence, vec![Span(0, 16)]);
}

#[test]
fn removing_what_a_person_added_rejects_nothing() {
    let mut d = doc();
    d.edit(Edit::ArticleValue {
        key: ArticleKey::Outlet,
        value: Some("CYP Now".into()),
    });
    d.edit(Edit::ArticleValue {
        key: ArticleKey::Outlet,
        value: None,
    });
    assert!(d.record.rejected.is_empty());
}

#[test]
fn saved_revision_decides_dirtiness() {
    let mut d = doc();
    d.edit(Edit::Notes("check date".into()));
    d.saved_revision = Some(d.revision);
    assert!(!d.is_dirty());
    d.undo();
    assert!(d.is_dirty(), "undoing past a save is an unsaved change");
}
