//! The record parser and validator never panic, on arbitrary bytes and on
//! arbitrary JSON shaped like a record; a valid record survives a write,
//! read and write byte for byte.

use ofsted_curator::model::*;
use ofsted_curator::store::{
    check_fit, parse_record_with_warnings, record_changes, record_to_json, validate_record,
    validate_record_without_text,
};
use proptest::prelude::*;
use serde_json::Value;
use std::path::Path;

const PATH: &str = "a.txt.curation.json";

/// Keys of the contract, so that arbitrary JSON often looks like a record.
const KEYS: &[&str] = &[
    "format",
    "source",
    "path",
    "text_sha256",
    "chars",
    "status",
    "curator",
    "updated",
    "extractor",
    "article",
    "headline",
    "value",
    "evidence",
    "origin",
    "inspections",
    "findings",
    "judgement",
    "people",
    "quotes",
    "figures",
    "notes",
    "colour",
];

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        Just(Value::from("ofsted-article/1")),
        Just(Value::from("reviewed")),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..8).prop_map(|kv| {
                Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            }),
        ]
    })
}

fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ’“”é😀\u{301}\u{200f}\"\\\\\n\t]{0,24}"
}

fn spans() -> impl Strategy<Value = Vec<Span>> {
    prop::collection::vec(
        (0usize..500, 1usize..50).prop_map(|(s, l)| Span(s, s + l)),
        0..3,
    )
}

fn origin() -> impl Strategy<Value = Origin> {
    prop::sample::select(vec![Origin::Extracted, Origin::Edited, Origin::Added])
}

fn field() -> impl Strategy<Value = Option<Field<String>>> {
    prop::option::of(
        (text(), spans(), origin()).prop_map(|(value, evidence, origin)| Field {
            value,
            evidence,
            origin,
        }),
    )
}

fn finding() -> impl Strategy<Value = Finding> {
    (
        prop::sample::select(vec![Theme::Workforce, Theme::Caseloads, Theme::Other]),
        prop::sample::select(vec![Polarity::Strength, Polarity::Concern]),
        text(),
        spans(),
        origin(),
    )
        .prop_map(|(theme, polarity, text, evidence, origin)| Finding {
            theme,
            polarity,
            text,
            evidence,
            origin,
        })
}

fn inspection() -> impl Strategy<Value = Inspection> {
    (
        prop::option::of(text()),
        prop::sample::select(vec![Service::ChildrensServices, Service::Other]),
        prop::sample::select(vec![
            InspectionKind::FullInspection,
            InspectionKind::MonitoringVisit,
            InspectionKind::JointTargetedAreaInspection,
        ]),
        prop::option::of(1u32..9),
        prop::option::of(Just("2019-03".to_string())),
        prop::option::of(prop::sample::select(vec![
            Judgement::Outstanding,
            Judgement::Inadequate,
        ])),
        prop::collection::vec(finding(), 0..3),
        spans(),
        origin(),
    )
        .prop_map(
            |(la, service, kind, visit_number, date, judgement, findings, evidence, origin)| {
                Inspection {
                    local_authority: la,
                    provider: None,
                    service,
                    kind,
                    visit_number,
                    date,
                    judgement,
                    inspector: None,
                    findings,
                    evidence,
                    origin,
                }
            },
        )
}

/// Rejections of an article value or of a person, as the app records them.
fn rejection() -> impl Strategy<Value = Rejection> {
    (any::<bool>(), text(), prop::option::of(text()), spans()).prop_map(
        |(value, name, role, evidence)| {
            if value {
                Rejection {
                    field: FieldName::Outlet,
                    value: Value::from(name),
                    evidence,
                }
            } else {
                Rejection {
                    field: FieldName::Person,
                    value: serde_json::json!({"name": name, "role": role, "organisation": null}),
                    evidence,
                }
            }
        },
    )
}

fn record() -> impl Strategy<Value = Record> {
    let items = (
        prop::collection::vec(
            (text(), prop::option::of(text()), spans(), origin()).prop_map(
                |(name, role, evidence, origin)| Person {
                    name,
                    role,
                    organisation: None,
                    evidence,
                    origin,
                },
            ),
            0..3,
        ),
        prop::collection::vec(
            (prop::option::of(text()), text(), spans(), origin()).prop_map(
                |(speaker, text, evidence, origin)| Quote {
                    speaker,
                    text,
                    evidence,
                    origin,
                },
            ),
            0..3,
        ),
        prop::collection::vec(
            // Quarters are exact in binary, so the number round-trips.
            (-4000i32..4000, text(), spans(), origin()).prop_map(|(v, text, evidence, origin)| {
                Figure {
                    kind: FigureKind::Percent,
                    value: f64::from(v) / 4.0,
                    unit: Some("%".into()),
                    text,
                    context: None,
                    local_authority: None,
                    evidence,
                    origin,
                }
            }),
            0..3,
        ),
    );
    (
        (text(), 0usize..600, prop::option::of(text()), text()),
        (field(), field(), field()),
        prop::collection::vec(inspection(), 0..3),
        items,
        prop::collection::vec(rejection(), 0..3),
    )
        .prop_map(
            |(
                (path, chars, curator, notes),
                (headline, byline, outlet),
                inspections,
                items,
                rejected,
            )| {
                let mut r = Record::empty(Source {
                    path,
                    text_sha256: "ab".repeat(32),
                    chars,
                });
                r.curator = curator;
                r.notes = notes;
                r.article.headline = headline;
                r.article.byline = byline;
                r.article.outlet = outlet;
                r.inspections = inspections;
                (r.people, r.quotes, r.figures) = items;
                r.rejected = rejected;
                r
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic_the_parser(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_record_with_warnings(Path::new(PATH), &text);
    }

    #[test]
    fn arbitrary_json_never_panics_and_errors_name_the_file(value in json_value()) {
        let json = value.to_string();
        match parse_record_with_warnings(Path::new(PATH), &json) {
            Ok(read) => {
                let _ = validate_record_without_text(&read.record);
                let _ = validate_record(&read.record, "some article text");
                let _ = check_fit(&read.record, "some article text", "a.txt");
            }
            Err(e) => prop_assert!(e.to_string().contains(PATH), "{e}"),
        }
    }

    #[test]
    fn a_record_round_trips_byte_for_byte(record in record(), text in text()) {
        let written = record_to_json(&record);
        let read = parse_record_with_warnings(Path::new(PATH), &written)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(read.warnings.is_empty(), "{:?}", read.warnings);
        prop_assert_eq!(&read.record, &record);
        prop_assert_eq!(record_to_json(&read.record), written);
        prop_assert!(record_changes(&record, &read.record).is_empty());
        // The validator and the fit check never panic on any record and text.
        let _ = validate_record(&record, &text);
        let _ = check_fit(&record, &text, "a.txt");
    }
}
