//! `ofsted-curator export` end to end: extract records from articles written
//! for these tests, export them and read the files back.

use crate::common::*;
use ofsted_curator::model::{Figure, FigureKind, Origin, Quote, Span};
use ofsted_curator::store::{read_record, save_record_atomically};
use std::path::Path;

/// An article with a named speaker and figures, written for these tests.
const FIGURES_ARTICLE: &str = "\
Kent promises more for children's social care after Ofsted report

Kent County Council's children's services were rated inadequate by Ofsted \
after a full inspection in March 2019.

The council will spend an extra £2m on social work and recruit 40 new social \
workers, it said.

Sarah Hammond, director of children's services, said: \"We accept the findings \
in full, and we are determined to put things right.\"
";

/// The code point span of `part` in `text`.
fn span_of(text: &str, part: &str) -> Span {
    let byte = text.find(part).expect("part of the text");
    let start = text[..byte].chars().count();
    Span(start, start + part.chars().count())
}

/// Gives the record of `FIGURES_ARTICLE` at `sidecar` known quotes and
/// figures, whatever the extractor found, so that the rows they export are
/// known too.
fn set_quotes_and_figures(sidecar: &Path) {
    let text = FIGURES_ARTICLE;
    let mut record = read_record(sidecar).expect("record");
    let said = "We accept the findings in full, and we are determined to put things right.";
    record.quotes = vec![
        Quote {
            speaker: Some("Sarah Hammond".into()),
            text: said.into(),
            evidence: vec![span_of(text, said)],
            origin: Origin::Added,
        },
        Quote {
            speaker: None,
            text: "it said".into(),
            evidence: vec![span_of(text, "it said")],
            origin: Origin::Added,
        },
    ];
    record.figures = vec![
        Figure {
            kind: FigureKind::Money,
            value: 2_000_000.0,
            unit: Some("GBP".into()),
            text: "£2m".into(),
            context: Some("extra spending on social work".into()),
            local_authority: Some("Kent".into()),
            evidence: vec![span_of(text, "£2m")],
            origin: Origin::Added,
        },
        Figure {
            kind: FigureKind::Count,
            value: 40.0,
            unit: None,
            text: "40 new social workers".into(),
            context: None,
            local_authority: None,
            evidence: vec![span_of(text, "40 new social workers")],
            origin: Origin::Added,
        },
    ];
    save_record_atomically(sidecar, &record).expect("save");
}

/// The cells of `rows` in the columns `names`, row by row.
fn cells(headers: &[String], rows: &[csv::StringRecord], names: &[&str]) -> Vec<Vec<String>> {
    let columns: Vec<usize> = names.iter().map(|n| column(headers, n)).collect();
    rows.iter()
        .map(|r| columns.iter().map(|&c| r[c].to_string()).collect())
        .collect()
}

fn export<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut all: Vec<std::ffi::OsString> = vec!["export".into()];
    all.extend(args.into_iter().map(|a| a.as_ref().to_owned()));
    run(all)
}

/// A folder with two extracted articles, one in a subfolder.
fn extracted_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("corpus");
    write(&corpus, "a.txt", INSPECTION_ARTICLE);
    write(&corpus, "sub/b.md", MONITORING_ARTICLE);
    let extracted = run([std::ffi::OsStr::new("extract"), corpus.as_os_str()]);
    assert_eq!(extracted.code, Some(0), "{extracted:?}");
    dir
}

fn read_csv(path: &Path) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_path(path).expect("csv opens");
    let headers = reader
        .headers()
        .expect("headers")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader.records().map(|r| r.expect("row")).collect();
    (headers, rows)
}

fn column(headers: &[String], name: &str) -> usize {
    headers
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {headers:?}"))
}

#[test]
fn every_output_of_an_extracted_folder_reads_back() {
    let dir = extracted_corpus();
    let corpus = dir.path().join("corpus");
    let c = write(&corpus, "c.txt", FIGURES_ARTICLE);
    let extracted = run([std::ffi::OsStr::new("extract"), c.as_os_str()]);
    assert_eq!(extracted.code, Some(0), "{extracted:?}");
    set_quotes_and_figures(&sidecar_of(&c));
    let out = dir.path().join("out");
    std::fs::create_dir(&out).expect("mkdir");
    let run = export([
        corpus.as_os_str(),
        "--csv".as_ref(),
        out.join("inspections.csv").as_os_str(),
        "--figures-csv".as_ref(),
        out.join("figures.csv").as_os_str(),
        "--quotes-csv".as_ref(),
        out.join("quotes.csv").as_os_str(),
        "--jsonl".as_ref(),
        out.join("records.jsonl").as_os_str(),
        "--spans-jsonl".as_ref(),
        out.join("spans.jsonl").as_os_str(),
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stderr.is_empty(), "{run:?}");

    let (headers, rows) = read_csv(&out.join("inspections.csv"));
    for name in [
        "file",
        "headline",
        "status",
        "local_authority",
        "ons_code",
        "region",
        "council_kind",
        "kind",
        "date",
        "judgement",
        "findings",
    ] {
        column(&headers, name);
    }
    let (file, council, kind, judgement, region, date) = (
        column(&headers, "file"),
        column(&headers, "local_authority"),
        column(&headers, "kind"),
        column(&headers, "judgement"),
        column(&headers, "region"),
        column(&headers, "date"),
    );
    let full = rows
        .iter()
        .find(|r| &r[file] == "a.txt.curation.json" && &r[kind] == "full_inspection")
        .unwrap_or_else(|| panic!("a's full inspection in {rows:?}"));
    assert_eq!(&full[council], "Kent");
    assert_eq!(&full[judgement], "inadequate");
    assert_eq!(&full[region], "South East");
    assert_eq!(&full[date], "2019-03");
    let sub_b = format!("sub{}b.md.curation.json", std::path::MAIN_SEPARATOR);
    let visit = rows
        .iter()
        .find(|r| r[file] == sub_b)
        .unwrap_or_else(|| panic!("b's visit in {rows:?}"));
    assert_eq!(&visit[kind], "monitoring_visit");
    assert_eq!(&visit[judgement], "");
    assert!(
        run.stdout.contains(&format!("{} inspections", rows.len())),
        "{run:?}"
    );

    // The two articles without quotes or figures add no rows.
    let (headers, rows) = read_csv(&out.join("quotes.csv"));
    assert_eq!(
        cells(&headers, &rows, &["file", "quote", "speaker", "text"]),
        vec![
            vec![
                "c.txt.curation.json",
                "0",
                "Sarah Hammond",
                "We accept the findings in full, and we are determined to put things right.",
            ],
            vec!["c.txt.curation.json", "1", "", "it said"],
        ]
    );
    let (headers, rows) = read_csv(&out.join("figures.csv"));
    assert_eq!(
        cells(
            &headers,
            &rows,
            &[
                "file",
                "figure",
                "kind",
                "value",
                "unit",
                "text",
                "context",
                "local_authority"
            ]
        ),
        vec![
            vec![
                "c.txt.curation.json",
                "0",
                "money",
                "2000000",
                "GBP",
                "£2m",
                "extra spending on social work",
                "Kent",
            ],
            vec![
                "c.txt.curation.json",
                "1",
                "count",
                "40",
                "",
                "40 new social workers",
                "",
                "",
            ],
        ]
    );

    let jsonl = std::fs::read_to_string(out.join("records.jsonl")).expect("read");
    assert_eq!(jsonl.lines().count(), 3);
    for line in jsonl.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("json line");
        assert_eq!(v["format"], "ofsted-article/1");
    }
}

#[test]
fn span_offsets_slice_the_evidence_from_the_article_text() {
    let dir = extracted_corpus();
    let corpus = dir.path().join("corpus");
    let out = dir.path().join("spans.jsonl");
    let run = export([
        corpus.as_os_str(),
        "--spans-jsonl".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let text = std::fs::read_to_string(&out).expect("read");
    let docs: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(docs.len(), 2);
    let a = docs
        .iter()
        .find(|d| d["meta"]["path"] == "a.txt.curation.json")
        .expect("a");
    assert_eq!(a["text"], INSPECTION_ARTICLE);
    let chars: Vec<char> = INSPECTION_ARTICLE.chars().collect();
    let spans = a["spans"].as_array().expect("spans");
    let slice = |s: &serde_json::Value| -> String {
        let start = s["start"].as_u64().expect("start") as usize;
        let end = s["end"].as_u64().expect("end") as usize;
        chars[start..end].iter().collect()
    };
    let headline = spans
        .iter()
        .find(|s| s["label"] == "HEADLINE")
        .expect("headline span");
    assert_eq!(
        slice(headline),
        "Ofsted finds council's children's services inadequate"
    );
    let record: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(corpus.join("a.txt.curation.json")).expect("read"),
    )
    .expect("record");
    if let Some(q) = record["quotes"].as_array().and_then(|q| q.first()) {
        let quote = spans
            .iter()
            .find(|s| s["label"] == "QUOTE")
            .expect("quote span");
        assert!(
            slice(quote).contains(q["text"].as_str().expect("text")),
            "{quote:?}"
        );
    }
    assert!(
        spans
            .iter()
            .all(|s| s["label"].as_str().is_some_and(|l| !l.is_empty()))
    );
}

#[test]
fn a_changed_article_is_left_out_of_spans_with_a_warning() {
    let dir = extracted_corpus();
    let corpus = dir.path().join("corpus");
    write(
        &corpus,
        "a.txt",
        "This text is not what the record was made from.",
    );
    let out = dir.path().join("spans.jsonl");
    let run = export([
        corpus.as_os_str(),
        "--spans-jsonl".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stderr.contains("a.txt"), "{run:?}");
    assert!(run.stderr.contains("changed"), "{run:?}");
    let text = std::fs::read_to_string(&out).expect("read");
    assert_eq!(text.lines().count(), 1);
}

#[test]
fn a_malformed_record_is_named_and_the_rest_still_exported() {
    let dir = extracted_corpus();
    let corpus = dir.path().join("corpus");
    write(&corpus, "broken.txt.curation.json", "{ \"format\": ");
    let out = dir.path().join("inspections.csv");
    let run = export([corpus.as_os_str(), "--csv".as_ref(), out.as_os_str()]);
    assert_ne!(run.code, Some(0), "{run:?}");
    assert!(run.stderr.contains("broken.txt.curation.json"), "{run:?}");
    let (headers, rows) = read_csv(&out);
    let file = column(&headers, "file");
    assert!(rows.iter().any(|r| &r[file] == "a.txt.curation.json"));
}

#[test]
fn an_existing_output_is_kept_unless_overwrite() {
    let dir = extracted_corpus();
    let corpus = dir.path().join("corpus");
    let out = write(dir.path(), "inspections.csv", "precious");
    let run1 = export([corpus.as_os_str(), "--csv".as_ref(), out.as_os_str()]);
    assert_ne!(run1.code, Some(0), "{run1:?}");
    assert!(run1.stderr.contains("inspections.csv"), "{run1:?}");
    assert!(run1.stderr.contains("--overwrite"), "{run1:?}");
    assert_eq!(std::fs::read_to_string(&out).expect("read"), "precious");
    let run2 = export([
        corpus.as_os_str(),
        "--csv".as_ref(),
        out.as_os_str(),
        "--overwrite".as_ref(),
    ]);
    assert_eq!(run2.code, Some(0), "{run2:?}");
    assert!(
        std::fs::read_to_string(&out)
            .expect("read")
            .starts_with("file,")
    );
}

#[test]
fn no_output_is_an_error_and_help_explains_each() {
    let dir = tempfile::tempdir().expect("tempdir");
    let none = export([dir.path()]);
    assert_ne!(none.code, Some(0), "{none:?}");
    assert!(none.stderr.contains("--csv"), "{none:?}");
    let help = export(["--help"]);
    assert_eq!(help.code, Some(0), "{help:?}");
    for flag in [
        "--csv",
        "--figures-csv",
        "--quotes-csv",
        "--jsonl",
        "--spans-jsonl",
        "--overwrite",
    ] {
        assert!(help.stdout.contains(flag), "{flag} in {help:?}");
    }
}
