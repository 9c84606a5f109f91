use super::*;
use crate::extract::extract_record;
use crate::model::{Field, Judgement, Span, Status};
use crate::text::text_sha256;

const ARTICLE: &str = "\
Kent children's services rated inadequate

By Sam Example

Children's services at Kent County Council have been rated inadequate by \
Ofsted following a full inspection in March 2019.

Inspectors said social workers carried caseloads that were too high, with 41 per cent \
of posts filled by agency staff.

\"We accept the findings and are determined to put things right for \
children,\" said the council's director of children's services.
";

fn item(dir: &Path, name: &str, text: &str) -> ExportRecord {
    ExportRecord {
        sidecar: dir.join(format!("{name}.curation.json")),
        record: extract_record(text, name),
        text: None,
    }
}

fn parse_csv(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(bytes);
    let headers = reader
        .headers()
        .expect("headers")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("row").iter().map(str::to_string).collect())
        .collect();
    (headers, rows)
}

#[test]
fn inspections_csv_has_one_row_per_inspection_with_gazetteer_facts() {
    let mut r = item(Path::new("/corpus"), "a.txt", ARTICLE);
    r.record.status = Status::InProgress;
    r.record.curator = Some("Ann, \"the\" curator".into());
    let inspections = r.record.inspections.len();
    assert!(inspections >= 1, "{:?}", r.record.inspections);
    let (bytes, report) = render(
        ExportFormat::InspectionsCsv,
        &[r.clone()],
        Some(Path::new("/corpus")),
    )
    .expect("renders");
    let (headers, rows) = parse_csv(&bytes);
    assert_eq!(headers, INSPECTION_COLUMNS);
    assert_eq!(rows.len(), inspections);
    assert_eq!(report.rows, inspections);
    let col = |name: &str| headers.iter().position(|h| h == name).expect("column");
    let row = &rows[0];
    assert_eq!(row[col("file")], "a.txt.curation.json");
    assert_eq!(row[col("status")], "in_progress");
    assert_eq!(row[col("curator")], "Ann, \"the\" curator");
    assert_eq!(row[col("local_authority")], "Kent");
    assert_eq!(row[col("region")], "South East");
    assert_eq!(row[col("council_kind")], "county");
    assert!(row[col("ons_code")].starts_with("E10"), "{row:?}");
    assert_eq!(row[col("judgement")], "inadequate");
    assert_eq!(row[col("kind")], "full_inspection");
    assert_eq!(
        row[col("findings")],
        r.record.inspections[0].findings.len().to_string()
    );
}

#[test]
fn figures_and_quotes_csv_have_one_row_per_item() {
    let r = item(Path::new("/corpus"), "a.txt", ARTICLE);
    let (bytes, _) =
        render(ExportFormat::FiguresCsv, std::slice::from_ref(&r), None).expect("renders");
    let (headers, rows) = parse_csv(&bytes);
    assert_eq!(headers, FIGURE_COLUMNS);
    assert_eq!(rows.len(), r.record.figures.len());
    let (bytes, _) =
        render(ExportFormat::QuotesCsv, std::slice::from_ref(&r), None).expect("renders");
    let (headers, rows) = parse_csv(&bytes);
    assert_eq!(headers, QUOTE_COLUMNS);
    assert_eq!(rows.len(), r.record.quotes.len());
    if let Some(q) = r.record.quotes.first() {
        assert_eq!(rows[0][6], q.text);
    }
}

#[test]
fn jsonl_is_one_compact_record_per_line_that_parses_back() {
    let a = item(Path::new("/c"), "a.txt", ARTICLE);
    let b = item(
        Path::new("/c"),
        "b.txt",
        "Leeds rated good by Ofsted\n\nLeeds City Council was rated good.\n",
    );
    let (bytes, report) = render(ExportFormat::Jsonl, &[a.clone(), b], None).expect("renders");
    let text = String::from_utf8(bytes).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(report.rows, 2);
    let back: Record = serde_json::from_str(lines[0]).expect("parses");
    assert_eq!(back, a.record);
}

#[test]
fn span_offsets_are_code_points_and_slice_the_evidence() {
    let text = "Café “Kent” rated inadequate\n\nKent County Council was rated inadequate.";
    let mut record = extract_record(text, "a.txt");
    record.article.headline = Some(Field::extracted(
        "Café “Kent” rated inadequate".into(),
        vec![Span(0, 28)],
    ));
    record.article.byline = Some(Field::extracted("x".into(), vec![Span(5, 999), Span(3, 3)]));
    let (line, dropped) = span_document(&record, text, "a.txt.curation.json".into());
    assert_eq!(dropped, 2, "out of range and empty spans are dropped");
    let doc: serde_json::Value = serde_json::from_str(&line).expect("json");
    let chars: Vec<char> = text.chars().collect();
    let spans = doc["spans"].as_array().expect("spans");
    let headline = spans
        .iter()
        .find(|s| s["label"] == "HEADLINE")
        .expect("headline span");
    let (start, end) = (
        headline["start"].as_u64().expect("start") as usize,
        headline["end"].as_u64().expect("end") as usize,
    );
    let sliced: String = chars[start..end].iter().collect();
    assert_eq!(sliced, "Café “Kent” rated inadequate");
    assert_eq!(doc["text"], text);
    assert_eq!(doc["meta"]["path"], "a.txt.curation.json");
    assert_eq!(doc["meta"]["status"], "unreviewed");
    assert!(
        spans.iter().any(|s| s["label"] == "INSPECTION"),
        "{spans:?}"
    );
}

#[test]
fn finding_labels_name_their_theme() {
    let mut record = extract_record(ARTICLE, "a.txt");
    let insp = record.inspections.first_mut().expect("an inspection");
    insp.findings.push(crate::model::Finding {
        theme: crate::model::Theme::CareLeavers,
        polarity: crate::model::Polarity::Concern,
        text: "x".into(),
        evidence: vec![Span(0, 4)],
        origin: crate::model::Origin::Added,
    });
    let (spans, _) = spans::labelled_spans(&record, ARTICLE.chars().count());
    assert!(
        spans.iter().any(|(_, l)| l == "FINDING_CARE_LEAVERS"),
        "{spans:?}"
    );
}

#[test]
fn spans_need_the_matching_article_inside_the_root() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("corpus");
    std::fs::create_dir_all(root.join("records")).expect("mkdir");
    // Beside the sidecar: found.
    std::fs::write(root.join("a.txt"), ARTICLE).expect("write");
    let beside = item(&root, "a.txt", ARTICLE);
    // In another folder, named by source.path inside the root: found.
    std::fs::write(root.join("b.txt"), ARTICLE).expect("write");
    let mut via_source = item(&root.join("records"), "b.txt", ARTICLE);
    via_source.record.source.path = "../b.txt".into();
    // source.path leading out of the root: not followed.
    std::fs::write(dir.path().join("secret.txt"), ARTICLE).expect("write");
    let mut escaping = item(&root, "c.txt", ARTICLE);
    escaping.record.source.path = "../secret.txt".into();
    // The article changed since: skipped.
    std::fs::write(root.join("d.txt"), "Something else entirely.").expect("write");
    let changed = item(&root, "d.txt", ARTICLE);
    // No article at all.
    let missing = item(&root, "e.txt", ARTICLE);
    // In memory, matching.
    let mut in_memory = item(&root, "f.txt", ARTICLE);
    in_memory.text = Some(Arc::from(ARTICLE));

    let records = [beside, via_source, escaping, changed, missing, in_memory];
    let (bytes, report) = render(ExportFormat::SpansJsonl, &records, Some(&root)).expect("renders");
    let text = String::from_utf8(bytes).expect("utf-8");
    let paths: Vec<String> = text
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json");
            v["meta"]["path"].as_str().expect("path").to_string()
        })
        .collect();
    assert_eq!(
        paths,
        vec![
            "a.txt.curation.json".to_string(),
            format!("records{}b.txt.curation.json", std::path::MAIN_SEPARATOR),
            "f.txt.curation.json".to_string()
        ]
    );
    assert_eq!(report.skipped.len(), 3, "{:?}", report.skipped);
    assert!(matches!(
        report.skipped[0],
        ArticleTextError::OutsideRoot { .. }
    ));
    assert!(matches!(
        report.skipped[1],
        ArticleTextError::Changed { .. }
    ));
    assert!(matches!(
        report.skipped[2],
        ArticleTextError::Missing { .. }
    ));
    assert!(
        report.skipped[0]
            .to_string()
            .contains("c.txt.curation.json")
    );
    assert_eq!(text_sha256(ARTICLE), records[0].record.source.text_sha256);
}

#[test]
fn an_existing_output_is_never_replaced_without_overwrite() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out.csv");
    std::fs::write(&out, "keep me").expect("write");
    let r = item(dir.path(), "a.txt", ARTICLE);
    let err = export_records(
        ExportFormat::InspectionsCsv,
        std::slice::from_ref(&r),
        None,
        &out,
        false,
    )
    .expect_err("refused");
    assert!(matches!(err, ExportError::Exists { .. }));
    assert!(err.to_string().contains("out.csv"));
    assert_eq!(std::fs::read_to_string(&out).expect("read"), "keep me");
    let report =
        export_records(ExportFormat::InspectionsCsv, &[r], None, &out, true).expect("replaced");
    assert!(report.rows >= 1);
    assert!(
        std::fs::read_to_string(&out)
            .expect("read")
            .starts_with("file,")
    );
    // No temporary files left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn a_missing_output_folder_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("no/such/folder/out.jsonl");
    let err = write_output(&out, b"x", false).expect_err("fails");
    assert!(err.to_string().contains("out.jsonl"), "{err}");
}

#[test]
fn judgement_and_status_use_the_contract_spelling() {
    assert_eq!(
        contract_name(&Judgement::RequiresImprovement),
        "requires_improvement"
    );
    assert_eq!(contract_name(&Status::OffTopic), "off_topic");
}
