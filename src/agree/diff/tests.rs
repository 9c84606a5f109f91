use super::*;
use crate::model::{
    Field, Inspection, InspectionKind, Judgement, Origin, Person, Polarity, Service, Source,
    Status, Theme,
};

pub(crate) fn record() -> Record {
    let mut r = Record::empty(Source {
        path: "kent.txt".into(),
        text_sha256: "ab".repeat(32),
        chars: 400,
    });
    r.status = Status::Reviewed;
    r.curator = Some("Ann".into());
    r.article.headline = Some(Field::extracted(
        "Kent rated good".into(),
        vec![Span(0, 15)],
    ));
    r.inspections.push(Inspection {
        local_authority: Some("Kent".into()),
        provider: None,
        service: Service::ChildrensServices,
        kind: InspectionKind::FullInspection,
        visit_number: None,
        date: Some("2019-03".into()),
        judgement: Some(Judgement::Good),
        inspector: None,
        findings: vec![Finding {
            theme: Theme::Workforce,
            polarity: Polarity::Concern,
            text: "too many agency staff".into(),
            evidence: vec![Span(100, 121)],
            origin: Origin::Extracted,
        }],
        evidence: vec![Span(20, 60)],
        origin: Origin::Extracted,
    });
    r.people.push(Person {
        name: "Jane Smith".into(),
        role: Some("director".into()),
        organisation: None,
        evidence: vec![Span(200, 210)],
        origin: Origin::Extracted,
    });
    r
}

#[test]
fn identical_records_and_mere_spelling_differences_agree() {
    let a = record();
    let mut b = record();
    b.article.headline.as_mut().expect("headline").value = "  kent rated GOOD ".into();
    b.people[0].evidence = vec![Span(199, 210)];
    b.people[0].origin = Origin::Edited;
    assert_eq!(differences(&a, &b), Vec::new());
}

#[test]
fn each_kind_of_difference_is_listed_in_record_order() {
    let a = record();
    let mut b = record();
    b.status = Status::InProgress;
    b.article.byline = Some(Field::extracted("Sam".into(), vec![Span(16, 19)]));
    b.inspections[0].judgement = Some(Judgement::Inadequate);
    b.inspections[0].findings[0].polarity = Polarity::Strength;
    b.people.clear();
    let found = differences(&a, &b);
    let places: Vec<Place> = found.iter().map(|d| d.place).collect();
    assert_eq!(
        places,
        vec![
            Place::Status,
            Place::Article(FieldName::Byline),
            Place::Inspection(Pair::Both(0, 0)),
            Place::Finding {
                inspections: Pair::Both(0, 0),
                finding: Pair::Both(0, 0)
            },
            Place::Person(Pair::OnlyA(0)),
        ]
    );
    assert_eq!(found[1].a, None);
    assert_eq!(found[1].b.as_deref(), Some("Sam"));
    assert!(
        found[2]
            .b
            .as_deref()
            .is_some_and(|s| s.contains("inadequate"))
    );
    assert_eq!(found[4].line(), "person: Jane Smith (director) | -");
    assert_eq!(found[4].a_evidence, vec![Span(200, 210)]);
}

#[test]
fn taking_b_settles_each_difference_until_none_is_left() {
    let mut b = record();
    b.status = Status::InProgress;
    b.article.byline = Some(Field::extracted("Sam".into(), vec![Span(16, 19)]));
    b.inspections[0].judgement = Some(Judgement::Inadequate);
    b.inspections[0].findings[0].polarity = Polarity::Strength;
    b.people.clear();
    let mut merged = record();
    // Differences are found again after each step, as the app does: the
    // indices of the next one refer to the record as it now is.
    for _ in 0..5 {
        let first = differences(&merged, &b)
            .into_iter()
            .next()
            .expect("one left");
        merged = take_b(&merged, &b, &first).expect("it fits");
    }
    assert_eq!(differences(&merged, &b), Vec::new());
    assert_eq!(
        merged.inspections[0].findings[0].polarity,
        Polarity::Strength
    );
    assert!(merged.people.is_empty());
    assert_eq!(
        merged.curator.as_deref(),
        Some("Ann"),
        "only the values move"
    );
}

#[test]
fn taking_b_adds_one_sided_items_and_keeps_a_s_findings_under_b_s_inspection() {
    let a = record();
    let mut b = record();
    b.people.push(Person {
        name: "Tom Jones".into(),
        role: None,
        organisation: None,
        evidence: vec![Span(300, 309)],
        origin: Origin::Added,
    });
    b.inspections[0].date = Some("2019-04".into());
    b.inspections[0].evidence = vec![Span(20, 60)];
    b.inspections[0].findings.clear();
    let found = differences(&a, &b);
    let inspection = found
        .iter()
        .find(|d| matches!(d.place, Place::Inspection(_)))
        .expect("the dates differ");
    let merged = take_b(&a, &b, inspection).expect("fits");
    assert_eq!(merged.inspections[0].date.as_deref(), Some("2019-04"));
    assert_eq!(merged.inspections[0].findings.len(), 1, "findings stay");
    let person = found
        .iter()
        .find(|d| d.place == Place::Person(Pair::OnlyB(1)))
        .expect("B's extra person");
    let merged = take_b(&merged, &b, person).expect("fits");
    assert_eq!(merged.people[1].name, "Tom Jones");
    assert_eq!(merged.people[1].origin, Origin::Added, "B's origin is kept");
}

#[test]
fn a_difference_that_no_longer_fits_is_refused() {
    let a = record();
    let mut b = record();
    b.people.clear();
    let found = differences(&a, &b);
    let mut emptied = a.clone();
    emptied.people.clear();
    assert_eq!(take_b(&emptied, &b, &found[0]), None);
}
