//! The extractor scored against the hand-made gold records of the bundled
//! sample articles (`assets/samples/gold/`): per-field precision and recall
//! over all samples, with a floor for each field, and every evidence span
//! inside the text.

use ofsted_curator::extract::extract_record;
use ofsted_curator::model::Record;
use ofsted_curator::text::{LoadOptions, load_article};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

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

/// Strings compared as the project's scorer compares them: NFKC, straight
/// quotes, collapsed white space, lower case.
fn norm(s: &str) -> String {
    let s: String = s
        .nfkc()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            c => c,
        })
        .collect();
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn string_at(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(norm)
}

fn surname(name: &str) -> String {
    name.rsplit(' ').next().unwrap_or("").to_string()
}

/// Facts of one field of one record; quotes are (speaker, n) with n
/// counting the speaker's quotes, so that sets of them match counts.
fn facts(record: &Value) -> BTreeMap<&'static str, BTreeSet<String>> {
    let mut f: BTreeMap<&'static str, BTreeSet<String>> = BTreeMap::new();
    for k in FIELDS {
        f.insert(k, BTreeSet::new());
    }
    let mut add = |k: &'static str, v: String| {
        f.get_mut(k).expect("known field").insert(v);
    };
    for k in ["headline", "byline", "published", "outlet"] {
        if let Some(v) = record["article"].get(k).and_then(|v| string_at(v, "value")) {
            add(k, v);
        }
    }
    if record["status"] == "off_topic" {
        add("off_topic", "off_topic".into());
    }
    for i in record["inspections"].as_array().into_iter().flatten() {
        let Some(la) = string_at(i, "local_authority") else {
            continue;
        };
        add("councils", la.clone());
        if let Some(k) = string_at(i, "kind") {
            add("kinds", format!("{la} / {k}"));
        }
        if let Some(j) = string_at(i, "judgement") {
            add("judgements", format!("{la} / {j}"));
        }
    }
    for p in record["people"].as_array().into_iter().flatten() {
        if let Some(n) = string_at(p, "name") {
            add("people", n);
        }
    }
    let mut per_speaker: BTreeMap<String, usize> = BTreeMap::new();
    for q in record["quotes"].as_array().into_iter().flatten() {
        let speaker = string_at(q, "speaker").unwrap_or_default();
        // A surname alone ("Smith said") counts as the same speaker.
        let key = surname(&speaker);
        let n = per_speaker.entry(key.clone()).or_default();
        *n += 1;
        add("quotes", format!("{key} #{n}"));
    }
    for x in record["figures"].as_array().into_iter().flatten() {
        let kind = string_at(x, "kind").unwrap_or_default();
        let value = x["value"].as_f64().unwrap_or(f64::NAN);
        add(
            "figures",
            format!("{kind} {:.1}", (value * 10.0).round() / 10.0),
        );
    }
    f
}

const FIELDS: [&str; 11] = [
    "headline",
    "byline",
    "published",
    "outlet",
    "off_topic",
    "councils",
    "kinds",
    "judgements",
    "people",
    "quotes",
    "figures",
];

/// Lowest acceptable (precision, recall) per field over all samples.
const FLOORS: [(&str, f64, f64); 11] = [
    ("headline", 0.9, 0.9),
    ("byline", 0.9, 0.9),
    ("published", 0.9, 0.9),
    ("outlet", 0.9, 0.9),
    ("off_topic", 0.9, 0.9),
    ("councils", 0.9, 0.9),
    ("kinds", 0.9, 0.9),
    ("judgements", 0.9, 0.9),
    ("people", 0.9, 0.9),
    ("quotes", 0.9, 0.9),
    ("figures", 0.9, 0.9),
];

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn precision(self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
}

/// An empty field on both sides is perfect.
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

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
    let mut misses = String::new();
    for e in extract_samples() {
        let json = std::fs::read_to_string(
            samples_dir()
                .join("gold")
                .join(format!("{}.curation.json", e.name)),
        )
        .expect("gold record");
        let gold: Value = serde_json::from_str(&json).expect("gold JSON");
        let pred = serde_json::to_value(&e.record).expect("record as JSON");
        let (g, p) = (facts(&gold), facts(&pred));
        for field in FIELDS {
            let (gf, pf) = (&g[field], &p[field]);
            let c = totals.entry(field).or_default();
            c.tp += gf.intersection(pf).count();
            c.fp += pf.difference(gf).count();
            c.fn_ += gf.difference(pf).count();
            for x in pf.difference(gf) {
                let _ = writeln!(misses, "  {}: {field}: extra   {x}", e.name);
            }
            for x in gf.difference(pf) {
                let _ = writeln!(misses, "  {}: {field}: missing {x}", e.name);
            }
        }
    }

    let mut table = String::from("field          P      R    (tp/fp/fn)   floor P/R\n");
    let mut failed = Vec::new();
    for (field, min_p, min_r) in FLOORS {
        let c = totals[field];
        let (p, r) = (c.precision(), c.recall());
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
        "fields below their floor: {failed:?}\n{table}\ndifferences:\n{misses}"
    );
}

/// Writes each sample's article text to `$SAMPLE_TEXT_DUMP`, the text gold
/// offsets refer to, with the extractor's record beside it (for writing and
/// checking gold records by hand). `$SAMPLE_TEXT_FROM` reads another folder
/// of articles instead.
#[test]
#[ignore = "tool for writing gold records"]
fn dump_sample_texts() {
    let Ok(out) = std::env::var("SAMPLE_TEXT_DUMP") else {
        return;
    };
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
