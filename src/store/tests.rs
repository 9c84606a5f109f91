use super::*;
use crate::model::*;

fn sample_record() -> Record {
    let mut record = Record::empty(Source {
        path: "a.txt".into(),
        text_sha256: "ab12".into(),
        chars: 120,
    });
    record.updated = "2026-11-22T10:00:00Z".into();
    record.extractor = "ofsted-curator 0.1.0".into();
    record.article.headline = Some(Field::extracted(
        "Council rated inadequate".to_string(),
        vec![Span(0, 24)],
    ));
    record.figures.push(Figure {
        kind: FigureKind::Percent,
        value: 41.0,
        unit: Some("%".into()),
        text: "41 per cent".into(),
        context: None,
        local_authority: Some("Sandwell".into()),
        evidence: vec![Span(30, 41), Span(50, 61)],
        origin: Origin::Extracted,
    });
    record
}

const SAMPLE_JSON: &str = r#"{
  "format": "ofsted-article/1",
  "source": {
    "path": "a.txt",
    "text_sha256": "ab12",
    "chars": 120
  },
  "status": "unreviewed",
  "curator": null,
  "updated": "2026-11-22T10:00:00Z",
  "extractor": "ofsted-curator 0.1.0",
  "article": {
    "headline": {
      "value": "Council rated inadequate",
      "evidence": [[0, 24]],
      "origin": "extracted"
    },
    "byline": null,
    "published": null,
    "outlet": null
  },
  "inspections": [],
  "people": [],
  "quotes": [],
  "figures": [
    {
      "kind": "percent",
      "value": 41.0,
      "unit": "%",
      "text": "41 per cent",
      "context": null,
      "local_authority": "Sandwell",
      "evidence": [[30, 41], [50, 61]],
      "origin": "extracted"
    }
  ],
  "notes": ""
}
"#;

#[test]
fn records_are_written_in_the_contract_layout() {
    assert_eq!(record_to_json(&sample_record()), SAMPLE_JSON);
}

#[test]
fn figures_read_back_exactly_as_written() {
    // What the extractor makes of "£4.1m" (4.1 × 10⁶ in floating point):
    // read back one unit in the last place off, it would be written anew
    // with other digits, and `--overwrite` would take the machine record for
    // one someone had edited.
    let mut record = sample_record();
    for value in [
        4.1 * 1e6,
        0.1 + 0.2,
        1.0 / 3.0,
        2.5e-8,
        123_456_789.123_456_79,
    ] {
        record.figures[0].value = value;
        let json = record_to_json(&record);
        let back = parse_record(Path::new("a.json"), &json).expect("parses");
        assert_eq!(back.figures[0].value.to_bits(), value.to_bits(), "{value}");
        assert_eq!(record_to_json(&back), json);
    }
}

#[test]
fn parsing_the_written_json_gives_back_the_record() {
    let record = sample_record();
    let json = record_to_json(&record);
    let back = parse_record(Path::new("a.json"), &json).expect("parses");
    assert_eq!(back, record);
}

#[test]
fn sidecars_sit_beside_the_article_or_in_the_out_folder() {
    assert_eq!(
        sidecar_path(Path::new("d/a.html"), None),
        Path::new("d/a.html.curation.json")
    );
    assert_eq!(
        sidecar_path(Path::new("d/a.txt"), Some(Path::new("out"))),
        Path::new("out/a.txt.curation.json")
    );
    assert_eq!(
        article_path_for_sidecar(Path::new("d/a.txt.curation.json")),
        Some(PathBuf::from("d/a.txt"))
    );
    assert_eq!(article_path_for_sidecar(Path::new("d/a.json")), None);
}

#[test]
fn a_json_syntax_error_names_the_file_line_and_column() {
    let err =
        parse_record(Path::new("x.curation.json"), "{\n  \"format\": ,\n}").expect_err("malformed");
    match &err {
        StoreError::Json { line, column, .. } => {
            assert_eq!(*line, 2);
            assert!(*column > 0);
        }
        other => panic!("expected a JSON error, got {other:?}"),
    }
    let message = err.to_string();
    assert!(
        message.starts_with("x.curation.json: line 2, column"),
        "{message}"
    );
}

#[test]
fn a_misspelt_enum_value_is_reported_with_its_line() {
    let json = SAMPLE_JSON.replace("\"percent\"", "\"percentage\"");
    let err = parse_record(Path::new("x.json"), &json).expect_err("bad enum");
    assert!(matches!(err, StoreError::Json { line: 27, .. }), "{err}");
    assert!(err.to_string().contains("percentage"), "{err}");
}

#[test]
fn an_unknown_format_version_is_its_own_error() {
    let json = SAMPLE_JSON.replace("ofsted-article/1", "ofsted-article/9");
    let err = parse_record(Path::new("x.json"), &json).expect_err("unsupported");
    match &err {
        StoreError::UnsupportedFormat { found, .. } => assert_eq!(found, "ofsted-article/9"),
        other => panic!("expected UnsupportedFormat, got {other:?}"),
    }
    assert!(err.to_string().contains("ofsted-article/9"));
}

#[test]
fn a_missing_format_or_a_non_object_is_malformed() {
    let err = parse_record(Path::new("x.json"), "{}").expect_err("no format");
    assert!(matches!(err, StoreError::Malformed { .. }), "{err}");
    let err = parse_record(Path::new("x.json"), "[1]").expect_err("array");
    assert!(matches!(err, StoreError::Malformed { .. }), "{err}");
}

#[test]
fn unknown_fields_are_warnings_not_failures() {
    let json = SAMPLE_JSON
        .replace("\"notes\": \"\"", "\"notes\": \"\",\n  \"colour\": \"red\"")
        .replace(
            "\"context\": null,",
            "\"context\": null,\n      \"confidence\": 0.5,",
        );
    let read = parse_record_with_warnings(Path::new("x.json"), &json).expect("parses");
    assert_eq!(read.record, sample_record());
    assert_eq!(
        read.warnings,
        vec![
            "figures[0].confidence: unknown field, ignored".to_string(),
            "colour: unknown field, ignored".to_string(),
        ]
    );
}

#[test]
fn unknown_fields_inside_optional_values_are_named_by_their_place() {
    let json = SAMPLE_JSON
        .replace(
            "\"origin\": \"extracted\"\n    },\n    \"byline\"",
            "\"origin\": \"extracted\",\n      \"score\": 3\n    },\n    \"byline\"",
        )
        .replace(
            "\"chars\": 120",
            "\"chars\": 120,\n    \"encoding\": {\"name\": \"utf-8\"}",
        );
    let read = parse_record_with_warnings(Path::new("x.json"), &json).expect("parses");
    assert_eq!(read.record, sample_record());
    assert_eq!(
        read.warnings,
        vec![
            "source.encoding: unknown field, ignored".to_string(),
            "article.headline.score: unknown field, ignored".to_string(),
        ]
    );
}

#[test]
fn a_record_of_another_format_is_reported_as_such_whatever_its_shape() {
    // A later version may change the shape too: the format tag is what the
    // curator needs to hear about, not the first type error.
    let json = SAMPLE_JSON
        .replace("ofsted-article/1", "ofsted-article/2")
        .replace("\"status\": \"unreviewed\"", "\"status\": {\"state\": 1}");
    let err = parse_record(Path::new("x.json"), &json).expect_err("unsupported");
    assert!(
        matches!(&err, StoreError::UnsupportedFormat { found, .. } if found == "ofsted-article/2"),
        "{err}"
    );
}

#[test]
fn a_field_given_twice_or_text_after_the_record_is_refused() {
    let twice = SAMPLE_JSON.replace("\"notes\": \"\"", "\"notes\": \"\",\n  \"notes\": \"x\"");
    let err = parse_record(Path::new("x.json"), &twice).expect_err("duplicate");
    assert!(matches!(err, StoreError::Json { .. }), "{err}");
    assert!(err.to_string().contains("duplicate field"), "{err}");
    let trailing = format!("{SAMPLE_JSON}{{}}");
    let err = parse_record(Path::new("x.json"), &trailing).expect_err("trailing");
    assert!(matches!(err, StoreError::Json { .. }), "{err}");
}

#[test]
fn a_full_record_has_no_unknown_field_warnings() {
    let read = parse_record_with_warnings(Path::new("x.json"), &record_to_json(&sample_record()))
        .expect("parses");
    assert!(read.warnings.is_empty(), "{:?}", read.warnings);
}

#[test]
fn saving_replaces_the_file_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.txt.curation.json");
    std::fs::write(&path, "old").expect("write");
    save_record_atomically(&path, &sample_record()).expect("saves");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), SAMPLE_JSON);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("a.txt.curation.json")]);
    assert_eq!(read_record(&path).expect("reads"), sample_record());
}

#[test]
fn a_failed_save_names_the_file_and_cleans_up() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A folder in the target's place makes the rename fail.
    let path = dir.path().join("a.txt.curation.json");
    std::fs::create_dir(&path).expect("mkdir");
    std::fs::write(path.join("inside"), "kept").expect("write");
    let err = save_record_atomically(&path, &sample_record()).expect_err("cannot replace");
    assert!(matches!(err, StoreError::Write { .. }));
    assert!(err.to_string().contains("a.txt.curation.json"), "{err}");
    assert_eq!(
        std::fs::read_to_string(path.join("inside")).expect("read"),
        "kept"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .filter(|n| n.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn saving_into_a_missing_folder_fails_naming_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("nope").join("a.curation.json");
    let err = save_record_atomically(&path, &sample_record()).expect_err("no folder");
    assert!(err.to_string().contains("a.curation.json"), "{err}");
}

#[test]
fn reading_a_missing_file_names_it() {
    let err = read_record(Path::new("/no/such.curation.json")).expect_err("missing");
    assert!(matches!(err, StoreError::Read { .. }));
    assert_eq!(err.path(), Path::new("/no/such.curation.json"));
}

#[test]
fn the_rejected_list_is_written_after_notes_and_only_when_it_holds_something() {
    let mut record = sample_record();
    assert!(
        !record_to_json(&record).contains("rejected"),
        "an empty list is left out"
    );
    record.rejected.push(Rejection {
        field: FieldName::Finding,
        value: serde_json::json!({
            "theme": "leadership", "polarity": "concern", "text": "leaders had a firm grip"
        }),
        evidence: vec![Span(60, 80)],
    });
    record.rejected.push(Rejection {
        field: FieldName::Outlet,
        value: serde_json::json!("Press Association"),
        evidence: vec![Span(90, 107)],
    });
    let json = record_to_json(&record);
    let tail = r#"  "notes": "",
  "rejected": [
    {
      "field": "finding",
      "value": {
        "theme": "leadership",
        "polarity": "concern",
        "text": "leaders had a firm grip"
      },
      "evidence": [[60, 80]]
    },
    {
      "field": "outlet",
      "value": "Press Association",
      "evidence": [[90, 107]]
    }
  ]
}
"#;
    assert!(json.ends_with(tail), "{json}");
    let read = parse_record_with_warnings(Path::new("x.json"), &json).expect("parses");
    assert_eq!(read.record, record);
    assert!(read.warnings.is_empty(), "{:?}", read.warnings);
}

#[test]
fn a_record_without_a_rejected_list_reads_as_an_empty_one() {
    let read = parse_record(Path::new("x.json"), SAMPLE_JSON).expect("parses");
    assert!(read.rejected.is_empty());
    assert_eq!(record_to_json(&read), SAMPLE_JSON, "written back unchanged");
}

#[test]
fn a_rejection_marks_the_record_as_a_persons_work() {
    let mut record = sample_record();
    assert!(!record.is_curated());
    record.rejected.push(Rejection {
        field: FieldName::Byline,
        value: serde_json::json!("Someone"),
        evidence: vec![Span(0, 7)],
    });
    assert!(record.is_curated());
}
