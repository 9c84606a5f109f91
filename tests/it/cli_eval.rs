//! `eval` counts exactly as the reference `score.py`: both are run on the
//! same folders and must print the same bytes.

use crate::common::{python3, require_shared, run, shared_dir, txt_files};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// The seeds' gold records: the shared folder's when it is here, else the
/// copy in the repository (records only: no seed text is copied).
fn gold_dir() -> PathBuf {
    let shared_gold = shared_dir().join("gold");
    if shared_gold.is_dir() {
        shared_gold
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold/seeds")
    }
}

/// Runs the reference `score.py` with `args`; fails the test when the
/// scorer or Python is missing, since the agreement would go unchecked.
fn score_py(args: &[&str]) -> Option<String> {
    Some(python3(&require_shared("tools/score.py")?, args))
}

fn gold_records() -> Vec<(String, Value)> {
    let mut records: Vec<(String, Value)> = std::fs::read_dir(gold_dir())
        .expect("gold folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".curation.json"))
        .map(|n| {
            let bytes = std::fs::read(gold_dir().join(&n)).expect("gold record");
            let value: Value = serde_json::from_slice(&bytes).expect("gold JSON");
            (n, value)
        })
        .collect();
    records.sort_by(|a, b| a.0.cmp(&b.0));
    records
}

/// Predictions that differ from the gold in the ways extractors go wrong.
fn perturbed(index: usize, mut record: Value) -> Option<Value> {
    match index % 5 {
        0 => Some(record),
        1 => None,
        2 => {
            if let Some(inspection) = record["inspections"].get_mut(0) {
                inspection["judgement"] = json!("inadequate");
                inspection["date"] = Value::Null;
            }
            if let Some(quotes) = record["quotes"].as_array_mut() {
                for quote in quotes.iter_mut() {
                    let speaker = quote["speaker"].as_str().unwrap_or("").to_string();
                    let surname = speaker.rsplit(' ').next().unwrap_or("").to_string();
                    quote["speaker"] = json!(format!("Ms {surname}"));
                }
                if let Some(first) = quotes.get_mut(0) {
                    first["text"] = json!("words that were never said by anyone at all");
                }
            }
            if let Some(figures) = record["figures"].as_array_mut() {
                for figure in figures.iter_mut() {
                    if let Some(v) = figure["value"].as_f64() {
                        figure["value"] = json!(v + 0.04);
                    }
                }
                figures.push(json!({"kind": "money", "value": "not a number", "evidence": [], "origin": "extracted"}));
            }
            if let Some(people) = record["people"].as_array_mut() {
                people.pop();
            }
            Some(record)
        }
        3 => {
            let headline = record["article"]["headline"]["value"]
                .as_str()
                .unwrap_or("")
                .to_uppercase();
            record["article"]["headline"]["value"] = json!(format!("  {}\u{2019} ", headline));
            if let Some(inspection) = record["inspections"].get_mut(0) {
                inspection["evidence"] = json!([[0, 10_000_000]]);
                inspection["local_authority"] = json!("Nowhere Borough");
            }
            Some(record)
        }
        _ => {
            record["status"] = json!("off_topic");
            record["inspections"] = json!([]);
            record["article"]["byline"] = Value::Null;
            Some(record)
        }
    }
}

/// Articles of our own with the gold's names: CRLF lines and a BOM, so that
/// both scorers must agree on what the length of a text is.
fn write_articles(dir: &Path, names: &[String]) {
    for (i, name) in names.iter().enumerate() {
        let article = &name[..name.len() - ".curation.json".len()];
        let line = "Inspectors found that children waited too long for help.\r\n";
        let text = format!("\u{feff}{}", line.repeat(20 + 15 * i));
        std::fs::write(dir.join(article), text).expect("write article");
    }
}

fn both_agree(extra: &[&str], gold: &Path, pred: &Path, articles: &Path) {
    let mut args = vec![
        "--gold",
        gold.to_str().expect("utf-8 path"),
        "--pred",
        pred.to_str().expect("utf-8 path"),
        "--articles",
        articles.to_str().expect("utf-8 path"),
    ];
    args.extend_from_slice(extra);
    let Some(reference) = score_py(&args) else {
        return;
    };
    let ours = run(std::iter::once("eval").chain(args.iter().copied()));
    assert_eq!(ours.code, Some(0), "{ours:?}");
    assert_eq!(
        ours.stdout, reference,
        "eval {extra:?} differs from score.py"
    );
}

#[test]
fn eval_prints_what_score_py_prints_on_imperfect_predictions() {
    let gold = gold_records();
    assert!(gold.len() >= 5, "the seed gold is in the repository");
    let pred = tempfile::tempdir().expect("tempdir");
    let articles = tempfile::tempdir().expect("tempdir");
    for (i, (name, record)) in gold.iter().enumerate() {
        if let Some(record) = perturbed(i, record.clone()) {
            let text = serde_json::to_string_pretty(&record).expect("serialise");
            std::fs::write(pred.path().join(name), text).expect("write prediction");
        }
    }
    let names: Vec<String> = gold.iter().map(|(n, _)| n.clone()).collect();
    write_articles(articles.path(), &names);

    for extra in [&[][..], &["--json"][..], &["--verbose"][..]] {
        both_agree(extra, &gold_dir(), pred.path(), articles.path());
    }
    let ours = run([
        "eval",
        "--gold",
        gold_dir().to_str().expect("utf-8 path"),
        "--pred",
        pred.path().to_str().expect("utf-8 path"),
    ]);
    let last = ours.stdout.lines().last().unwrap_or("");
    assert!(last.starts_with("core micro-F1 0."), "{ours:?}");
    assert!(ours.stdout.contains("predictions missing 1"), "{ours:?}");
}

#[test]
fn eval_agrees_with_score_py_on_extracted_seeds() {
    let Some(seeds) = require_shared("seeds") else {
        return;
    };
    let pred = tempfile::tempdir().expect("tempdir");
    let extracted = run([
        "extract",
        seeds.to_str().expect("utf-8 path"),
        "--out",
        pred.path().to_str().expect("utf-8 path"),
    ]);
    assert_eq!(extracted.code, Some(0), "{extracted:?}");
    let seeds_count = txt_files(&seeds).len();
    assert_eq!(
        extracted.stdout.trim(),
        format!("{seeds_count} written, 0 skipped, 0 failed"),
        "every seed was extracted"
    );
    for extra in [&[][..], &["--json"][..], &["--verbose"][..]] {
        both_agree(extra, &gold_dir(), pred.path(), &seeds);
    }
}

#[test]
fn min_core_f1_sets_the_exit_code() {
    let pred = tempfile::tempdir().expect("tempdir");
    let gold = gold_dir();
    let gold = gold.to_str().expect("utf-8 path");
    let pred_path = pred.path().to_str().expect("utf-8 path");
    let below = run([
        "eval",
        "--gold",
        gold,
        "--pred",
        pred_path,
        "--min-core-f1",
        "0.5",
    ]);
    assert_eq!(below.code, Some(1), "{below:?}");
    assert!(below.stderr.contains("below the bar"), "{below:?}");
    assert!(below.stdout.contains("predictions missing 5"), "{below:?}");
    let passing = run([
        "eval",
        "--gold",
        gold,
        "--pred",
        gold,
        "--min-core-f1",
        "0.99",
    ]);
    assert_eq!(passing.code, Some(0), "{passing:?}");
    assert!(
        passing.stdout.ends_with("core micro-F1 1.000\n"),
        "{passing:?}"
    );
}

#[test]
fn an_unreadable_gold_folder_is_named_in_the_error() {
    let missing = Path::new("/nonexistent/gold-folder");
    let out = run([
        "eval",
        "--gold",
        missing.to_str().unwrap_or_default(),
        "--pred",
        ".",
    ]);
    assert_ne!(out.code, Some(0), "{out:?}");
    assert!(out.stderr.contains("/nonexistent/gold-folder"), "{out:?}");
}

#[test]
fn a_malformed_prediction_is_named_in_the_error() {
    let pred = tempfile::tempdir().expect("tempdir");
    let (name, _) = gold_records().remove(0);
    std::fs::write(pred.path().join(&name), "{ not json").expect("write");
    let out = run([
        "eval",
        "--gold",
        gold_dir().to_str().expect("utf-8 path"),
        "--pred",
        pred.path().to_str().expect("utf-8 path"),
    ]);
    assert_ne!(out.code, Some(0), "{out:?}");
    assert!(out.stderr.contains(&name), "{out:?}");
    assert!(out.stderr.contains("not valid JSON"), "{out:?}");
}
