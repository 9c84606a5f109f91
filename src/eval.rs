//! Scoring records against gold records, counting exactly as
//! `shared/tools/score.py` does, so that both print the same figures on the
//! same folders.

mod facts;
pub mod python;

pub use facts::{CORE, Facts, SOFT, all_fields, evidence_ok, facts, match_quotes};

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const SIDECAR_SUFFIX: &str = ".curation.json";

/// Why a folder could not be scored.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: cannot read the gold folder: {source}")]
    GoldFolder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: cannot read: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not valid JSON: {source}")]
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
}

/// True positives, false positives and false negatives of one field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    fn add(&mut self, (tp, fp, fn_): (usize, usize, usize)) {
        self.tp += tp;
        self.fp += fp;
        self.fn_ += fn_;
    }

    /// Precision, recall and F1, with `score.py`'s conventions for empty
    /// counts (nothing predicted is precision 1, nothing expected recall 1).
    pub fn prf(&self) -> (f64, f64, f64) {
        let (tp, fp, fn_) = (self.tp as f64, self.fp as f64, self.fn_ as f64);
        let p = if self.tp + self.fp > 0 {
            tp / (tp + fp)
        } else {
            1.0
        };
        let r = if self.tp + self.fn_ > 0 {
            tp / (tp + fn_)
        } else {
            1.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// The scores of a folder of predictions against a folder of gold records.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Counts per field, in `score.py`'s order.
    pub fields: Vec<(&'static str, Counts)>,
    /// Share of predicted items whose evidence is present and in bounds.
    pub evidence_ok: f64,
    pub articles: usize,
    /// Gold records with no prediction (scored as an empty record).
    pub missing: usize,
    /// `--verbose` lines: one per article and field that differs.
    pub differences: Vec<String>,
}

impl Report {
    pub fn counts(&self, field: &str) -> Counts {
        self.fields
            .iter()
            .find(|(name, _)| *name == field)
            .map(|(_, c)| *c)
            .unwrap_or_default()
    }

    /// The micro-F1 over all core fields' counts added up.
    pub fn core_f1(&self) -> f64 {
        let mut total = Counts::default();
        for (name, counts) in &self.fields {
            if CORE.contains(name) {
                total.add((counts.tp, counts.fp, counts.fn_));
            }
        }
        total.prf().2
    }

    /// The table `score.py` prints, line for line.
    pub fn to_table(&self) -> String {
        let mut out = format!(
            "{:<12} {:>6} {:>6} {:>6}   tp/fp/fn\n",
            "field", "P", "R", "F1"
        );
        for (name, counts) in &self.fields {
            let (p, r, f) = counts.prf();
            let tag = if CORE.contains(name) { "" } else { "  (soft)" };
            out.push_str(&format!(
                "{name:<12} {p:6.2} {r:6.2} {f:6.2}   {}/{}/{}{tag}\n",
                counts.tp, counts.fp, counts.fn_
            ));
        }
        out.push_str(&format!(
            "articles {}, predictions missing {}, items with valid evidence {:.2}\n",
            self.articles, self.missing, self.evidence_ok
        ));
        out.push_str(&format!("core micro-F1 {:.3}\n", self.core_f1()));
        out
    }

    /// The JSON `score.py --json` prints (one-space indent, same keys).
    pub fn to_json(&self) -> String {
        let mut fields = serde_json::Map::new();
        for (name, counts) in &self.fields {
            let (p, r, f) = counts.prf();
            fields.insert(
                name.to_string(),
                serde_json::json!({
                    "tp": counts.tp, "fp": counts.fp, "fn": counts.fn_,
                    "p": p, "r": r, "f1": f,
                }),
            );
        }
        let document = serde_json::json!({
            "fields": fields,
            "core_f1": self.core_f1(),
            "evidence_ok": self.evidence_ok,
            "articles": self.articles,
            "missing": self.missing,
        });
        let mut bytes = Vec::new();
        let formatter = serde_json::ser::PrettyFormatter::with_indent(b" ");
        let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, formatter);
        serde::Serialize::serialize(&document, &mut serializer)
            .expect("serialising a JSON value into memory cannot fail");
        let mut text = String::from_utf8_lossy(&bytes).into_owned();
        text.push('\n');
        text
    }
}

/// Scores of one article: counts per field and the evidence tally.
#[derive(Debug, Clone, Default)]
pub struct ArticleScore {
    pub fields: BTreeMap<&'static str, Counts>,
    pub evidence: (usize, usize),
    /// `--verbose` lines for this article (without the file name).
    pub differences: Vec<String>,
}

/// Scores one predicted record against its gold record. `text_chars` is
/// the article's length in characters when the article is at hand.
pub fn score_record(gold: &Value, pred: &Value, text_chars: Option<usize>) -> ArticleScore {
    let gold_facts = facts(gold);
    let pred_facts = facts(pred);
    let mut score = ArticleScore::default();
    for field in all_fields() {
        if field == "quotes" {
            continue;
        }
        let mut counts = Counts::default();
        counts.add(pred_facts.compare(&gold_facts, field));
        score.fields.insert(field, counts);
        if let Some((missed, extra)) = pred_facts.difference(&gold_facts, field) {
            score.differences.push(format!(
                "{field}: missed {} extra {}",
                python_list(&missed),
                python_list(&extra)
            ));
        }
    }
    let mut quotes = Counts::default();
    quotes.add(match_quotes(gold, pred));
    score.fields.insert("quotes", quotes);
    score.evidence = evidence_ok(pred, text_chars);
    score
}

/// Python's `str()` of a list of strings.
fn python_list(items: &[String]) -> String {
    let shown: Vec<String> = items.iter().map(|s| python::repr_str(s)).collect();
    format!("[{}]", shown.join(", "))
}

fn load(path: &Path) -> Result<Option<Value>, EvalError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(EvalError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|source| EvalError::Json {
            path: path.to_path_buf(),
            source,
        })
}

/// The length in characters of the article as `score.py` reads it: UTF-8
/// with an optional BOM, universal newlines (`\r\n` and `\r` count as one).
fn article_chars(path: &Path) -> Result<Option<usize>, EvalError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(EvalError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let crlf = text.matches("\r\n").count();
    Ok(Some(text.chars().count() - crlf))
}

/// Scores every `NAME.curation.json` in `gold` against `pred/NAME...`
/// (a missing prediction scores as an empty record), as `score.py` does.
pub fn score_folders(
    gold: &Path,
    pred: &Path,
    articles: Option<&Path>,
) -> Result<Report, EvalError> {
    let entries = std::fs::read_dir(gold).map_err(|source| EvalError::GoldFolder {
        path: gold.to_path_buf(),
        source,
    })?;
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(SIDECAR_SUFFIX))
        .collect();
    names.sort();

    let mut totals: BTreeMap<&'static str, Counts> = BTreeMap::new();
    let (mut evidence_good, mut evidence_all) = (0, 0);
    let mut report = Report {
        articles: names.len(),
        ..Report::default()
    };
    for name in &names {
        let gold_record = load(&gold.join(name))?.unwrap_or(Value::Null);
        let pred_record = match load(&pred.join(name))? {
            Some(Value::Null) | None => {
                report.missing += 1;
                Value::Object(serde_json::Map::new())
            }
            Some(record) => record,
        };
        let text_chars = match articles {
            Some(dir) => article_chars(&dir.join(&name[..name.len() - SIDECAR_SUFFIX.len()]))?,
            None => None,
        };
        let score = score_record(&gold_record, &pred_record, text_chars);
        for (field, counts) in &score.fields {
            totals
                .entry(field)
                .or_default()
                .add((counts.tp, counts.fp, counts.fn_));
        }
        report
            .differences
            .extend(score.differences.iter().map(|d| format!("{name} {d}")));
        evidence_good += score.evidence.0;
        evidence_all += score.evidence.1;
    }
    report.fields = all_fields()
        .map(|field| (field, totals.get(field).copied().unwrap_or_default()))
        .collect();
    report.evidence_ok = if evidence_all > 0 {
        evidence_good as f64 / evidence_all as f64
    } else {
        0.0
    };
    Ok(report)
}

#[cfg(test)]
mod tests;
