//! `ofsted-curator report` on a hand-built folder whose counts are known:
//! two records people worked on and one machine record, which is left out.

use crate::common::run;
use ofsted_curator::model::*;
use ofsted_curator::store::save_record_atomically;
use serde_json::{Value, json};
use std::path::Path;

fn record(name: &str, status: Status) -> Record {
    let mut r = Record::empty(Source {
        path: name.into(),
        text_sha256: "ab".repeat(32),
        chars: 1000,
    });
    r.status = status;
    r
}

fn value(v: &str, origin: Origin) -> Option<Field<String>> {
    Some(Field {
        value: v.into(),
        evidence: vec![Span(0, 5)],
        origin,
    })
}

fn inspection(origin: Origin, findings: Vec<Finding>) -> Inspection {
    Inspection {
        local_authority: Some("Kent".into()),
        provider: None,
        service: Service::ChildrensServices,
        kind: InspectionKind::FullInspection,
        visit_number: None,
        date: None,
        judgement: None,
        inspector: None,
        findings,
        evidence: vec![Span(10, 20)],
        origin,
    }
}

fn finding(text: &str, origin: Origin) -> Finding {
    Finding {
        theme: Theme::Workforce,
        polarity: Polarity::Concern,
        text: text.into(),
        evidence: vec![Span(30, 40)],
        origin,
    }
}

fn person(name: &str, origin: Origin) -> Person {
    Person {
        name: name.into(),
        role: None,
        organisation: None,
        evidence: vec![Span(50, 60)],
        origin,
    }
}

fn quote(text: &str, origin: Origin) -> Quote {
    Quote {
        speaker: None,
        text: text.into(),
        evidence: vec![Span(70, 90)],
        origin,
    }
}

fn rejection(field: FieldName, value: Value) -> Rejection {
    Rejection {
        field,
        value,
        evidence: vec![Span(100, 110)],
    }
}

/// The folder: `a` reviewed, `sub/b` in progress, `c` a machine record.
fn folder(dir: &Path) {
    use Origin::{Added, Edited, Extracted};
    let mut a = record("a.txt", Status::Reviewed);
    a.article.headline = value("Kept headline", Extracted);
    a.article.byline = value("Edited byline", Edited);
    a.article.published = value("2019-03", Extracted);
    a.inspections = vec![inspection(
        Edited,
        vec![finding("kept", Extracted), finding("added", Added)],
    )];
    a.people = vec![
        person("Kept One", Extracted),
        person("Kept Two", Extracted),
        person("Added One", Added),
    ];
    a.quotes = vec![quote("a quote the machine got right", Extracted)];
    a.rejected = vec![
        rejection(FieldName::Outlet, json!("Press Association")),
        rejection(
            FieldName::Figure,
            json!({"kind": "count", "value": 2019.0, "unit": null, "text": "2019"}),
        ),
    ];
    save_record_atomically(&dir.join("a.txt.curation.json"), &a).expect("save a");

    let mut b = record("b.txt", Status::InProgress);
    b.curator = Some("A Curator".into());
    b.article.headline = value("Added headline", Added);
    b.inspections = vec![inspection(Extracted, vec![finding("edited", Edited)])];
    b.people = vec![person("Edited Person", Edited)];
    b.quotes = vec![quote("a quote the machine missed", Added)];
    b.rejected = vec![
        rejection(FieldName::Person, json!({"name": "Kent County"})),
        rejection(FieldName::Finding, json!({"text": "not a finding"})),
    ];
    std::fs::create_dir_all(dir.join("sub")).expect("mkdir");
    save_record_atomically(&dir.join("sub/b.txt.curation.json"), &b).expect("save b");

    let mut c = record("c.txt", Status::Unreviewed);
    c.article.headline = value("Never checked", Extracted);
    c.people = vec![person("Never Checked", Extracted)];
    save_record_atomically(&dir.join("c.txt.curation.json"), &c).expect("save c");
}

/// A row of the expected report: field, kept, edited, rejected, added,
/// precision, recall (`None`: nothing to divide by).
type Row = (&'static str, u64, u64, u64, u64, Option<f64>, Option<f64>);

/// The report worked out by hand.
const EXPECTED: [Row; 9] = [
    ("headline", 1, 0, 0, 1, Some(1.0), Some(0.5)),
    ("byline", 0, 1, 0, 0, Some(0.0), Some(0.0)),
    ("published", 1, 0, 0, 0, Some(1.0), Some(1.0)),
    ("outlet", 0, 0, 1, 0, Some(0.0), None),
    ("inspection", 1, 1, 0, 0, Some(0.5), Some(0.5)),
    ("finding", 1, 1, 1, 1, Some(0.3333), Some(0.3333)),
    ("person", 2, 1, 1, 1, Some(0.5), Some(0.5)),
    ("quote", 1, 0, 0, 1, Some(1.0), Some(0.5)),
    ("figure", 0, 0, 1, 0, Some(0.0), None),
];

#[test]
fn the_report_counts_a_hand_built_folder_as_worked_out_by_hand() {
    let dir = tempfile::tempdir().expect("tempdir");
    folder(dir.path());
    let csv = dir.path().join("out/report.csv");
    std::fs::create_dir_all(dir.path().join("out")).expect("mkdir");
    let out = run([
        "report".as_ref(),
        dir.path().as_os_str(),
        "--json".as_ref(),
        "--csv".as_ref(),
        csv.as_os_str(),
    ]);
    assert_eq!(out.code, Some(0), "{out:?}");
    let report: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(report["curated_records"], 2);
    assert_eq!(report["machine_records_left_out"], 1);
    let fields = report["fields"].as_array().expect("fields");
    assert_eq!(fields.len(), EXPECTED.len());
    for (row, (name, kept, edited, rejected, added, p, r)) in fields.iter().zip(EXPECTED) {
        assert_eq!(row["field"], name);
        let counts = [
            &row["kept"],
            &row["edited"],
            &row["rejected"],
            &row["added"],
        ];
        let counts: Vec<u64> = counts.iter().map(|v| v.as_u64().expect("count")).collect();
        assert_eq!(counts, [kept, edited, rejected, added], "{name}");
        assert_eq!(row["precision"].as_f64(), p, "{name} precision");
        assert_eq!(row["recall"].as_f64(), r, "{name} recall");
    }
    assert_eq!(
        report["total"],
        json!({"kept": 7, "edited": 4, "rejected": 4, "added": 4,
               "precision": 0.4667, "recall": 0.4667})
    );
    let examples = report["examples"].as_array().expect("examples");
    assert_eq!(examples.len(), 12, "every edited, rejected and added value");
    assert!(
        examples
            .iter()
            .any(|e| e["file"] == "sub/b.txt.curation.json"
                && e["location"] == "rejected[0]"
                && e["kind"] == "rejected"
                && e["value"] == "Kent County")
    );
    assert!(
        examples.iter().all(|e| e["file"] != "c.txt.curation.json"),
        "the machine record gives no examples"
    );

    let csv = std::fs::read_to_string(&csv).expect("the CSV");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[6], "finding,1,1,1,1,0.3333,0.3333", "{csv}");
    assert_eq!(lines[4], "outlet,0,0,1,0,0.0000,", "{csv}");
    assert_eq!(lines[10], "total,7,4,4,4,0.4667,0.4667", "{csv}");
}

#[test]
fn the_table_lists_counts_and_examples_and_an_unreadable_record_fails_the_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    folder(dir.path());
    std::fs::write(dir.path().join("d.txt.curation.json"), "{").expect("write");
    let out = run(["report".as_ref(), dir.path().as_os_str()]);
    assert_eq!(out.code, Some(1), "{out:?}");
    assert!(out.stderr.contains("d.txt.curation.json"), "{out:?}");
    let table = &out.stdout;
    assert!(
        table.contains("2 records a person worked on (1 machine records left out)"),
        "{out:?}"
    );
    assert!(
        table.contains("person            2      1        1      1      0.50   0.50"),
        "{out:?}"
    );
    assert!(
        table.contains("outlet            0      0        1      0      0.00      -"),
        "{out:?}"
    );
    assert!(
        table.contains("sub/b.txt.curation.json  people[0]  edited  Edited Person"),
        "{out:?}"
    );
}
