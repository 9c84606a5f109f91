//! The extractor scored against the hand-made gold records of the bundled
//! sample articles (`assets/samples/gold/`) by the project's scorer
//! (`eval`, which counts as `score.py` does): per-field precision and recall
//! over all samples, with a floor for each field, and every evidence span
//! inside the text.

use ofsted_curator::eval::{Counts, all_fields, score_record};
use ofsted_curator::extract::extract_record;
use ofsted_curator::model::Record;
use ofsted_curator::text::{LoadOptions, load_article};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples")
}

fn sample_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(samples_dir())
        .expect("samples folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            let ext = p
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            p.is_file()
                && !name.starts_with("readme")
                && ["txt", "md", "html", "htm"].contains(&ext.as_str())
        })
        .collect();
    files.sort();
    files
}

fn gold_path(article: &Path) -> PathBuf {
    let name = article.file_name().expect("file name").to_string_lossy();
    samples_dir()
        .join("gold")
        .join(format!("{name}.curation.json"))
}

/// Lowest acceptable (precision, recall) per field over all samples, as
/// `eval` (and `score.py`) count them: the core fields, then the soft ones.
const FLOORS: [(&str, f64, f64); 14] = [
    ("headline", 0.9, 0.9),
    ("byline", 0.9, 0.9),
    ("published", 0.9, 0.9),
    ("outlet", 0.9, 0.9),
    ("off_topic", 0.9, 0.9),
    ("authorities", 0.9, 0.9),
    ("judgements", 0.9, 0.9),
    ("kinds", 0.9, 0.9),
    ("people", 0.9, 0.9),
    ("quotes", 0.9, 0.9),
    ("figures", 0.9, 0.9),
    ("events", 0.85, 0.85),
    ("roles", 0.85, 0.8),
    ("findings", 0.5, 0.35),
];

struct Extracted {
    name: String,
    text: String,
    record: Record,
}

fn extract_samples() -> Vec<Extracted> {
    let files = sample_files();
    assert!(files.len() >= 10, "expected at least 10 sample articles");
    files
        .iter()
        .map(|path| {
            let article = load_article(path, &LoadOptions::default())
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let name = path
                .file_name()
                .expect("file name")
                .to_string_lossy()
                .into_owned();
            let record = extract_record(&article.text, &name);
            Extracted {
                name,
                text: article.text,
                record,
            }
        })
        .collect()
}

#[test]
fn every_sample_has_a_gold_record_for_its_exact_text() {
    for path in sample_files() {
        let article = load_article(&path, &LoadOptions::default()).expect("sample loads");
        let gold_file = gold_path(&path);
        let json = std::fs::read_to_string(&gold_file)
            .unwrap_or_else(|e| panic!("{}: {e}", gold_file.display()));
        let gold: Record = serde_json::from_str(&json)
            .unwrap_or_else(|e| panic!("{}: not a record: {e}", gold_file.display()));
        assert_eq!(
            gold.source.text_sha256,
            article.sha256,
            "{}",
            path.display()
        );
        assert_eq!(gold.source.chars, article.chars, "{}", path.display());
        for s in gold.all_spans() {
            assert!(
                s.0 < s.1 && s.1 <= article.chars,
                "{}: {s:?}",
                path.display()
            );
        }
    }
}

#[test]
fn extracted_evidence_lies_inside_the_text() {
    for e in extract_samples() {
        let chars = e.text.chars().count();
        for s in e.record.all_spans() {
            assert!(
                s.0 < s.1 && s.1 <= chars,
                "{}: span {s:?} outside 0..{chars}",
                e.name
            );
            // Code point offsets always land on char boundaries once mapped.
            let start = e.text.char_indices().nth(s.0).map(|(b, _)| b);
            let end = e
                .text
                .char_indices()
                .nth(s.1)
                .map_or(e.text.len(), |(b, _)| b);
            let start = start.expect("start inside the text");
            assert!(e.text.is_char_boundary(start) && e.text.is_char_boundary(end));
        }
    }
}

#[test]
fn extractor_meets_per_field_floors_on_the_samples() {
    let mut totals: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut differences = String::new();
    for e in extract_samples() {
        let json = std::fs::read_to_string(
            samples_dir()
                .join("gold")
                .join(format!("{}.curation.json", e.name)),
        )
        .expect("gold record");
        let gold: Value = serde_json::from_str(&json).expect("gold JSON");
        let pred = serde_json::to_value(&e.record).expect("record as JSON");
        let score = score_record(&gold, &pred, Some(e.text.chars().count()));
        for (field, counts) in score.fields {
            let total = totals.entry(field).or_default();
            total.tp += counts.tp;
            total.fp += counts.fp;
            total.fn_ += counts.fn_;
        }
        for d in score.differences {
            let _ = writeln!(differences, "  {} {d}", e.name);
        }
    }
    let mut table = String::from("field          P      R    (tp/fp/fn)   floor P/R\n");
    let mut failed = Vec::new();
    for field in all_fields() {
        let (_, min_p, min_r) = FLOORS
            .into_iter()
            .find(|(name, _, _)| *name == field)
            .unwrap_or_else(|| panic!("no floor for {field}, which eval scores"));
        let c = totals[field];
        let (p, r, _) = c.prf();
        let _ = writeln!(
            table,
            "{field:<12} {p:>5.2}  {r:>5.2}   ({}/{}/{})   {min_p:.2}/{min_r:.2}",
            c.tp, c.fp, c.fn_
        );
        if p < min_p || r < min_r {
            failed.push(field);
        }
    }
    println!("{table}");
    assert!(
        failed.is_empty(),
        "fields below their floor: {failed:?}\n{table}\ndifferences:\n{differences}"
    );
}

/// Writes each sample's article text to `$SAMPLE_TEXT_DUMP`, the text gold
/// offsets refer to, with the extractor's record beside it (for writing and
/// checking gold records by hand). `$SAMPLE_TEXT_FROM` reads another folder
/// of articles instead.
#[test]
#[ignore = "tool for writing gold records"]
fn dump_sample_texts() {
    let out = std::env::var("SAMPLE_TEXT_DUMP")
        .expect("set SAMPLE_TEXT_DUMP to the folder to write the texts and records into");
    std::fs::create_dir_all(&out).expect("dump folder");
    let files = match std::env::var("SAMPLE_TEXT_FROM") {
        Ok(dir) => {
            let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
                .expect("articles folder")
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file() && !p.to_string_lossy().ends_with(".json"))
                .collect();
            files.sort();
            files
        }
        Err(_) => sample_files(),
    };
    for path in files {
        let article = load_article(&path, &LoadOptions::default()).expect("sample loads");
        let name = path.file_name().expect("file name");
        let record = extract_record(&article.text, &name.to_string_lossy());
        let json = serde_json::to_string_pretty(&record).expect("record JSON");
        let record_name = format!("{}.curation.json", name.to_string_lossy());
        std::fs::write(Path::new(&out).join(record_name), json).expect("write record");
        std::fs::write(Path::new(&out).join(name), article.text).expect("write text");
    }
}
