use super::*;
use serde_json::json;

fn record(inspections: Value, people: Value, quotes: Value, figures: Value) -> Value {
    json!({
        "format": "ofsted-article/1",
        "status": "unreviewed",
        "article": {
            "headline": {"value": "Council\u{2019}s services  improve", "evidence": [[0, 5]], "origin": "extracted"},
            "byline": null,
            "published": {"value": "2019-03-02", "evidence": [[6, 10]], "origin": "extracted"},
            "outlet": null
        },
        "inspections": inspections,
        "people": people,
        "quotes": quotes,
        "figures": figures,
        "notes": ""
    })
}

fn kent_inspection(judgement: Value) -> Value {
    json!([{
        "local_authority": "Kent", "provider": null, "service": "childrens_services",
        "kind": "full_inspection", "visit_number": null, "date": "2019-03",
        "judgement": judgement, "inspector": null,
        "findings": [{"theme": "caseloads", "polarity": "concern", "text": "x", "evidence": [[1, 2]], "origin": "extracted"}],
        "evidence": [[0, 4]], "origin": "extracted"
    }])
}

#[test]
fn identical_records_score_perfectly() {
    let gold = record(
        kent_inspection(json!("good")),
        json!([]),
        json!([]),
        json!([]),
    );
    let score = score_record(&gold, &gold, Some(100));
    for (field, counts) in &score.fields {
        assert_eq!(counts.fp + counts.fn_, 0, "{field}");
    }
    assert_eq!(score.fields["judgements"].tp, 1);
    assert_eq!(score.fields["headline"].tp, 1);
    assert!(score.differences.is_empty());
    assert_eq!(score.evidence, (4, 4));
}

#[test]
fn strings_compare_after_normalising_quotes_space_and_case() {
    let gold = record(json!([]), json!([]), json!([]), json!([]));
    let mut pred = gold.clone();
    pred["article"]["headline"]["value"] = json!("COUNCIL'S services improve ");
    let score = score_record(&gold, &pred, None);
    assert_eq!(score.fields["headline"].tp, 1);
}

#[test]
fn a_wrong_judgement_is_one_false_positive_and_one_false_negative() {
    let gold = record(
        kent_inspection(json!("good")),
        json!([]),
        json!([]),
        json!([]),
    );
    let pred = record(
        kent_inspection(json!("inadequate")),
        json!([]),
        json!([]),
        json!([]),
    );
    let score = score_record(&gold, &pred, None);
    assert_eq!(
        score.fields["judgements"],
        Counts {
            tp: 0,
            fp: 1,
            fn_: 1
        }
    );
    assert_eq!(score.fields["authorities"].tp, 1);
    assert_eq!(
        score.differences,
        vec![
            "judgements: missed [\"('kent', 'good')\"] extra [\"('kent', 'inadequate')\"]",
            "events: missed [\"('kent', 'full_inspection', '2019-03', 'good')\"] extra [\"('kent', 'full_inspection', '2019-03', 'inadequate')\"]",
        ]
    );
}

#[test]
fn figures_compare_rounded_to_one_decimal_with_ints_equal_to_floats() {
    let gold = record(
        json!([]),
        json!([]),
        json!([]),
        json!([{"kind": "money", "value": 6000000}]),
    );
    let pred = record(
        json!([]),
        json!([]),
        json!([]),
        json!([{"kind": "money", "value": "6000000.04"}, {"kind": "money", "value": "n/a"}]),
    );
    let score = score_record(&gold, &pred, None);
    assert_eq!(
        score.fields["figures"],
        Counts {
            tp: 1,
            fp: 0,
            fn_: 0
        }
    );
}

#[test]
fn quotes_match_by_surname_and_jaccard() {
    let gold_quotes = json!([
        {"speaker": "Jane Smith", "text": "We are determined to improve services for children"},
        {"speaker": "Ofsted", "text": "Leaders have not acted quickly enough on concerns"}
    ]);
    let pred_quotes = json!([
        {"speaker": "Ms Smith", "text": "we are determined to improve services for children quickly"},
        {"speaker": "Jane Smith", "text": "a completely different sentence about something"},
        {"speaker": null, "text": "Leaders have not acted quickly enough on concerns"}
    ]);
    let gold = record(json!([]), json!([]), gold_quotes, json!([]));
    let pred = record(json!([]), json!([]), pred_quotes, json!([]));
    assert_eq!(match_quotes(&gold, &pred), (1, 2, 1));
}

#[test]
fn evidence_outside_the_text_or_empty_does_not_count() {
    let mut pred = record(
        kent_inspection(json!("good")),
        json!([]),
        json!([]),
        json!([]),
    );
    pred["inspections"][0]["evidence"] = json!([[0, 500]]);
    pred["article"]["published"]["evidence"] = json!([]);
    assert_eq!(evidence_ok(&pred, Some(100)), (2, 4));
    assert_eq!(evidence_ok(&pred, None), (3, 4));
}

#[test]
fn off_topic_status_is_a_fact_and_people_need_names() {
    let mut gold = record(
        json!([]),
        json!([{"name": "Ann Lee", "role": "director"}]),
        json!([]),
        json!([]),
    );
    gold["status"] = json!("off_topic");
    let pred = record(
        json!([]),
        json!([{"name": "", "role": "director"}]),
        json!([]),
        json!([]),
    );
    let score = score_record(&gold, &pred, None);
    assert_eq!(
        score.fields["off_topic"],
        Counts {
            tp: 0,
            fp: 0,
            fn_: 1
        }
    );
    assert_eq!(
        score.fields["people"],
        Counts {
            tp: 0,
            fp: 0,
            fn_: 1
        }
    );
    assert_eq!(
        score.fields["roles"],
        Counts {
            tp: 0,
            fp: 0,
            fn_: 1
        }
    );
}

#[test]
fn empty_counts_follow_score_py_conventions() {
    assert_eq!(Counts::default().prf(), (1.0, 1.0, 1.0));
    assert_eq!(
        Counts {
            tp: 0,
            fp: 2,
            fn_: 0
        }
        .prf(),
        (0.0, 1.0, 0.0)
    );
    let (p, r, f) = Counts {
        tp: 1,
        fp: 1,
        fn_: 0,
    }
    .prf();
    assert_eq!((p, r), (0.5, 1.0));
    assert!((f - 2.0 / 3.0).abs() < 1e-12);
}

#[test]
fn the_table_has_score_py_layout() {
    let report = Report {
        fields: all_fields()
            .map(|f| {
                (
                    f,
                    Counts {
                        tp: 1,
                        fp: 0,
                        fn_: 1,
                    },
                )
            })
            .collect(),
        evidence_ok: 0.125,
        articles: 2,
        missing: 1,
        differences: Vec::new(),
    };
    let table = report.to_table();
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines[0], "field             P      R     F1   tp/fp/fn");
    assert_eq!(lines[1], "headline       1.00   0.50   0.67   1/0/1");
    assert_eq!(
        lines[12],
        "events         1.00   0.50   0.67   1/0/1  (soft)"
    );
    assert_eq!(
        lines[15],
        "articles 2, predictions missing 1, items with valid evidence 0.12"
    );
    assert_eq!(lines[16], "core micro-F1 0.667");
}
