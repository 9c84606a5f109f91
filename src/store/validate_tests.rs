use super::*;
use crate::model::*;

const TEXT: &str =
    "Council rated inadequate. \u{2018}We are sorry for the failings,\u{2019} she said.";

fn good_record() -> Record {
    let mut record = Record::empty(Source {
        path: "a.txt".into(),
        text_sha256: text_sha256(TEXT),
        chars: TEXT.chars().count(),
    });
    record.article.published = Some(Field::extracted("2018-10".to_string(), vec![Span(0, 7)]));
    record.inspections.push(Inspection {
        local_authority: Some("Sandwell".into()),
        provider: None,
        service: Service::ChildrensServices,
        kind: InspectionKind::FullInspection,
        visit_number: None,
        date: Some("2018-09-30".into()),
        judgement: Some(Judgement::Inadequate),
        inspector: None,
        findings: vec![Finding {
            theme: Theme::Leadership,
            polarity: Polarity::Concern,
            text: "rated inadequate".into(),
            evidence: vec![Span(8, 24)],
            origin: Origin::Extracted,
        }],
        evidence: vec![Span(0, 24)],
        origin: Origin::Extracted,
    });
    record.quotes.push(Quote {
        speaker: None,
        text: "We are sorry for the failings,".into(),
        evidence: vec![Span(27, 57)],
        origin: Origin::Extracted,
    });
    record.figures.push(Figure {
        kind: FigureKind::Money,
        value: 6e6,
        unit: Some("GBP".into()),
        text: "£6m".into(),
        context: None,
        local_authority: None,
        evidence: vec![],
        origin: Origin::Extracted,
    });
    record
}

fn locations(problems: &[Problem]) -> Vec<&str> {
    problems.iter().map(|p| p.location.as_str()).collect()
}

#[test]
fn a_good_record_has_no_problems() {
    let problems = validate_record(&good_record(), TEXT);
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn a_span_past_the_end_is_located() {
    let mut record = good_record();
    record.inspections[0].findings[0]
        .evidence
        .push(Span(10, 500));
    let problems = validate_record(&record, TEXT);
    assert_eq!(
        locations(&problems),
        vec!["inspections[0].findings[0].evidence[1]"]
    );
    assert!(problems[0].message.contains("past the end"), "{problems:?}");
}

#[test]
fn an_empty_or_reversed_span_is_located() {
    let mut record = good_record();
    record.quotes[0].evidence = vec![Span(5, 5), Span(9, 3)];
    let problems = validate_record(&record, TEXT);
    assert_eq!(
        locations(&problems),
        vec!["quotes[0].evidence[0]", "quotes[0].evidence[1]"]
    );
}

#[test]
fn bad_dates_are_located() {
    let mut record = good_record();
    record.inspections[0].date = Some("2018-02-30".into());
    if let Some(published) = &mut record.article.published {
        published.value = "last month".into();
    }
    let problems = validate_record(&record, TEXT);
    assert_eq!(
        locations(&problems),
        vec!["article.published.value", "inspections[0].date"]
    );
}

#[test]
fn a_changed_article_is_detected() {
    let changed = TEXT.replace("Council", "Borough");
    let problems = validate_record(&good_record(), &changed);
    assert_eq!(locations(&problems), vec!["source.text_sha256"]);
    let longer = format!("{TEXT} More.");
    let problems = validate_record(&good_record(), &longer);
    assert_eq!(
        locations(&problems),
        vec!["source.text_sha256", "source.chars"]
    );
}

#[test]
fn source_paths_must_be_relative_and_stay_inside() {
    for bad in ["/abs/a.txt", "../a.txt", "d/../../a.txt", "C:\\a.txt", ""] {
        let mut record = good_record();
        record.source.path = bad.into();
        let problems = validate_record_without_text(&record);
        assert_eq!(locations(&problems), vec!["source.path"], "{bad}");
    }
    let mut record = good_record();
    record.source.path = "sub/a..b.txt".into();
    assert!(validate_record_without_text(&record).is_empty());
}

#[test]
fn figure_units_must_match_their_kind() {
    let mut record = good_record();
    record.figures[0].unit = Some("%".into());
    let problems = validate_record(&record, TEXT);
    assert_eq!(locations(&problems), vec!["figures[0].unit"]);
    assert!(problems[0].message.contains("GBP"), "{problems:?}");
    record.figures[0].kind = FigureKind::Count;
    record.figures[0].unit = None;
    assert!(validate_record(&record, TEXT).is_empty());
}

#[test]
fn short_quotes_are_reported() {
    let mut record = good_record();
    record.quotes[0].text = "not fit for purpose".into();
    let problems = validate_record(&record, TEXT);
    assert_eq!(locations(&problems), vec!["quotes[0].text"]);
}

#[test]
fn an_unknown_format_tag_and_a_bad_update_time_are_reported() {
    let mut record = good_record();
    record.format = "ofsted-article/2".into();
    record.updated = "yesterday".into();
    let problems = validate_record(&record, TEXT);
    assert_eq!(locations(&problems), vec!["format", "updated"]);
}

#[test]
fn without_text_spans_are_checked_against_the_stated_length() {
    let mut record = good_record();
    record.source.chars = 20;
    let problems = validate_record_without_text(&record);
    assert!(
        locations(&problems).contains(&"inspections[0].findings[0].evidence[0]"),
        "{problems:?}"
    );
}

#[test]
fn rejected_evidence_past_the_end_is_located() {
    let mut record = good_record();
    record.rejected.push(crate::model::Rejection {
        field: crate::model::FieldName::Person,
        value: serde_json::json!({"name": "A B", "role": null, "organisation": null}),
        evidence: vec![Span(0, 3), Span(10, 500)],
    });
    let problems = validate_record(&record, TEXT);
    assert_eq!(locations(&problems), vec!["rejected[0].evidence[1]"]);
}
