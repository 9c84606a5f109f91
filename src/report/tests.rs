use super::*;
use crate::model::{Field, Person, Rejection, Source, Span, Status};

fn record(status: Status) -> Record {
    let mut r = Record::empty(Source {
        path: "a.txt".into(),
        text_sha256: String::new(),
        chars: 100,
    });
    r.status = status;
    r
}

fn person(name: &str, origin: Origin) -> Person {
    Person {
        name: name.into(),
        role: None,
        organisation: None,
        evidence: vec![Span(0, 2)],
        origin,
    }
}

#[test]
fn counts_come_from_origins_and_rejections_of_curated_records_only() {
    let mut a = record(Status::Reviewed);
    a.article.headline = Some(Field::extracted("Kept".into(), vec![]));
    a.article.byline = Some(Field {
        value: "Edited".into(),
        evidence: vec![],
        origin: Origin::Edited,
    });
    a.people = vec![
        person("Kept One", Origin::Extracted),
        person("Kept Two", Origin::Extracted),
        person("Added One", Origin::Added),
    ];
    a.rejected.push(Rejection {
        field: FieldName::Person,
        value: serde_json::json!({"name": "Not A Person", "role": null, "organisation": null}),
        evidence: vec![Span(5, 9)],
    });
    let mut machine = record(Status::Unreviewed);
    machine.people = vec![person("Never Checked", Origin::Extracted)];

    let report = build_report([("a".to_string(), &a), ("m".to_string(), &machine)]);
    assert_eq!((report.curated, report.not_curated), (1, 1));
    let people = report.counts(FieldName::Person);
    assert_eq!(
        people,
        FieldCounts {
            kept: 2,
            edited: 0,
            rejected: 1,
            added: 1
        }
    );
    assert_eq!(people.precision(), Some(2.0 / 3.0));
    assert_eq!(people.recall(), Some(2.0 / 3.0));
    let byline = report.counts(FieldName::Byline);
    assert_eq!(
        (byline.precision(), byline.recall()),
        (Some(0.0), Some(0.0))
    );
    assert_eq!(report.counts(FieldName::Quote).precision(), None);
    assert_eq!(report.total().kept, 3);

    let examples: Vec<(String, &str, String)> = report
        .examples
        .iter()
        .map(|e| (e.location.to_string(), e.kind.label(), e.value.clone()))
        .collect();
    assert_eq!(
        examples,
        [
            ("article.byline".to_string(), "edited", "Edited".to_string()),
            ("people[2]".to_string(), "added", "Added One".to_string()),
            (
                "rejected[0]".to_string(),
                "rejected",
                "Not A Person".to_string()
            ),
        ]
    );
    assert!(
        report
            .examples
            .iter()
            .all(|e| e.record == 0 && e.file == "a")
    );
}

#[test]
fn reports_of_single_records_combine_into_the_report_of_all() {
    let mut a = record(Status::Reviewed);
    a.people = vec![
        person("Kept", Origin::Extracted),
        person("Added", Origin::Added),
    ];
    let machine = record(Status::Unreviewed);
    let mut b = record(Status::InProgress);
    b.article.byline = Some(Field {
        value: "Edited".into(),
        evidence: vec![],
        origin: Origin::Edited,
    });
    let records = [
        ("a".to_string(), &a),
        ("m".to_string(), &machine),
        ("b".to_string(), &b),
    ];

    let whole = build_report(records.clone());
    let parts: Vec<ExtractorReport> = records.iter().map(|r| build_report([r.clone()])).collect();
    let combined = combine_reports(&parts);

    assert_eq!(combined, whole);
    // The examples point at the records in the order given, not at 0.
    assert_eq!(
        combined
            .examples
            .iter()
            .map(|e| e.record)
            .collect::<Vec<_>>(),
        vec![0, 2]
    );
}

#[test]
fn the_csv_has_a_row_per_field_and_a_total() {
    let mut a = record(Status::Reviewed);
    a.people = vec![
        person("Kept", Origin::Extracted),
        person("Added", Origin::Added),
    ];
    let csv = to_csv(&build_report([("a".to_string(), &a)])).expect("csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "field,kept,edited,rejected,added,precision,recall"
    );
    assert!(lines.contains(&"person,1,0,0,1,1.0000,0.5000"), "{csv}");
    assert!(lines.contains(&"quote,0,0,0,0,,"), "{csv}");
    assert_eq!(lines.last(), Some(&"total,1,0,0,1,1.0000,0.5000"));
    assert_eq!(lines.len(), 1 + FieldName::ALL.len() + 1);
}
