//! Golden records: the extractor's output on the bundled samples, the
//! development and held-out articles and variants of them (upper case, CRLF line endings,
//! non-breaking spaces, articles joined into one) must stay as recorded in
//! `tests/golden/`. A change to the rules that changes a record shows here
//! as a diff of that record.
//!
//! The variants are made at test time from the articles; only the records
//! are kept. The record's `updated` time and `extractor` version are set to
//! fixed values so that the files are the same on every run.
//!
//! After a change that is meant to change records, write them anew with
//! `GOLDEN_BLESS=1 cargo test --test it golden` and say in the commit which
//! records changed and why.

use ofsted_curator::extract::extract_record;
use ofsted_curator::store::record_to_json;
use ofsted_curator::text::{LoadOptions, load_article};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn golden_dir() -> PathBuf {
    root().join("tests/golden")
}

/// The article files of a folder, sorted by name.
fn articles_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
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

/// (set name, file name, text) of every source article.
fn sources() -> Vec<(&'static str, String, String)> {
    let sets = [
        ("samples", root().join("assets/samples")),
        ("dev", root().join("tests/dev/articles")),
        ("heldout", root().join("tests/heldout/articles")),
    ];
    let mut out = Vec::new();
    for (set, dir) in sets {
        let files = articles_in(&dir);
        assert!(files.len() >= 8, "{}: too few articles", dir.display());
        for path in files {
            let article = load_article(&path, &LoadOptions::default())
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            out.push((set, name, article.text));
        }
    }
    out
}

/// Every case: its golden file (relative to `tests/golden/`) and its text.
fn cases() -> BTreeMap<String, String> {
    let sources = sources();
    let mut cases = BTreeMap::new();
    for (set, name, text) in &sources {
        cases.insert(format!("{set}/{name}.json"), text.clone());
        let variants = [
            ("upper", text.to_uppercase()),
            ("crlf", text.replace("\r\n", "\n").replace('\n', "\r\n")),
            ("nbsp", text.replace(' ', "\u{a0}")),
        ];
        for (variant, changed) in variants {
            cases.insert(format!("{variant}/{set}-{name}.json"), changed);
        }
    }
    for set in ["samples", "dev", "heldout"] {
        let joined: Vec<&str> = sources
            .iter()
            .filter(|(s, _, _)| *s == set)
            .map(|(_, _, text)| text.as_str())
            .collect();
        cases.insert(format!("joined/{set}.json"), joined.join("\n\n"));
    }
    cases
}

/// The record of `text` as the contract writes it, with a fixed time and
/// extractor version.
fn golden_record(text: &str, source_path: &str) -> String {
    let mut record = extract_record(text, source_path);
    record.updated = "2000-01-01T00:00:00Z".to_string();
    record.extractor = "ofsted-curator".to_string();
    record_to_json(&record)
}

#[test]
fn records_match_the_golden_records() {
    let bless = std::env::var_os("GOLDEN_BLESS").is_some();
    let dir = golden_dir();
    let cases = cases();
    assert!(cases.len() >= 80, "only {} cases", cases.len());
    let mut differ = Vec::new();
    for (file, text) in &cases {
        let source_path = file.trim_end_matches(".json");
        let got = golden_record(text, source_path);
        let path = dir.join(file);
        if bless {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).expect("golden folder");
            }
            std::fs::write(&path, &got).expect("golden record");
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(expected) if expected == got => {}
            Ok(_) => differ.push(format!("{file}: differs")),
            Err(e) => differ.push(format!("{file}: {e}")),
        }
    }
    assert!(
        differ.is_empty(),
        "{} of {} records differ from tests/golden/ (GOLDEN_BLESS=1 writes them anew):\n{}",
        differ.len(),
        cases.len(),
        differ.join("\n")
    );
}

/// Every golden file belongs to a case, so that none is left behind when
/// an article is renamed or removed.
#[test]
fn every_golden_record_has_its_case() {
    let cases = cases();
    let dir = golden_dir();
    let mut stale = Vec::new();
    for sub in std::fs::read_dir(&dir).expect("golden folder").flatten() {
        if !sub.path().is_dir() {
            continue;
        }
        for f in std::fs::read_dir(sub.path())
            .expect("golden folder")
            .flatten()
        {
            let rel = format!(
                "{}/{}",
                sub.file_name().to_string_lossy(),
                f.file_name().to_string_lossy()
            );
            if !cases.contains_key(&rel) {
                stale.push(rel);
            }
        }
    }
    assert!(stale.is_empty(), "golden records without a case: {stale:?}");
}
