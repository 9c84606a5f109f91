//! A record turned into sets of facts per field, as `score.py`'s `facts()`
//! does, and the one-to-one matching of quotes.
//!
//! Records are read as loose JSON rather than through the typed model: gold
//! and predictions from other tools must be scored as `score.py` scores
//! them, even where they stray from the contract.

use super::python::{PyNumber, norm, norm_str, py_float, repr_str, round1, truthy};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// The fields whose counts add up to the core micro-F1.
pub const CORE: [&str; 11] = [
    "headline",
    "byline",
    "published",
    "outlet",
    "off_topic",
    "authorities",
    "judgements",
    "kinds",
    "people",
    "quotes",
    "figures",
];

/// Fields reported but left out of the core figure.
pub const SOFT: [&str; 3] = ["events", "roles", "findings"];

/// Every scored field in the order `score.py` prints them.
pub fn all_fields() -> impl Iterator<Item = &'static str> {
    CORE.iter().chain(SOFT.iter()).copied()
}

/// One member of a fact: what a Python tuple in `score.py` holds.
#[derive(Debug, Clone)]
enum Atom {
    Str(String),
    None,
    Float(f64),
    True,
}

impl Atom {
    fn from_norm(value: Option<String>) -> Atom {
        value.map_or(Atom::None, Atom::Str)
    }

    /// Python's `repr()` of the member.
    fn repr(&self) -> String {
        match self {
            Atom::Str(s) => repr_str(s),
            Atom::None => "None".to_string(),
            Atom::Float(x) => super::python::float_repr(*x),
            Atom::True => "True".to_string(),
        }
    }
}

/// A fact with the string Python's `str()` gives it (shown in `--verbose`)
/// and a key that is equal exactly when Python's `==` says the facts are.
#[derive(Debug, Clone)]
pub struct Fact {
    pub shown: String,
    key: String,
}

impl Fact {
    fn single(atom: Atom) -> Fact {
        let shown = match &atom {
            Atom::Str(s) => s.clone(),
            other => other.repr(),
        };
        Fact {
            key: atom.repr(),
            shown,
        }
    }

    fn tuple(atoms: &[Atom]) -> Fact {
        let members: Vec<String> = atoms.iter().map(Atom::repr).collect();
        let shown = if members.len() == 1 {
            format!("({},)", members[0])
        } else {
            format!("({})", members.join(", "))
        };
        Fact {
            key: shown.clone(),
            shown,
        }
    }
}

/// The facts of one record, per field name.
#[derive(Debug, Default)]
pub struct Facts {
    fields: BTreeMap<&'static str, BTreeMap<String, Fact>>,
    // NaN is unequal to itself, so each NaN figure is a fact no other
    // fact matches; a counter keeps their keys apart.
    nan_count: usize,
}

impl Facts {
    fn add(&mut self, field: &'static str, fact: Fact) {
        self.fields
            .entry(field)
            .or_default()
            .insert(fact.key.clone(), fact);
    }

    /// The facts of `field` (empty for a field with none).
    pub fn get(&self, field: &str) -> impl Iterator<Item = &Fact> {
        self.fields.get(field).into_iter().flat_map(|m| m.values())
    }

    fn keys(&self, field: &str) -> BTreeSet<&str> {
        self.fields
            .get(field)
            .map(|m| m.keys().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// (true positives, false positives, false negatives) of `self` as a
    /// prediction against `gold` on one field.
    pub fn compare(&self, gold: &Facts, field: &str) -> (usize, usize, usize) {
        let predicted = self.keys(field);
        let expected = gold.keys(field);
        let tp = predicted.intersection(&expected).count();
        (tp, predicted.len() - tp, expected.len() - tp)
    }

    /// What `--verbose` shows of a field that differs: the `str()` of the
    /// missed and the extra facts, each list sorted.
    pub fn difference(&self, gold: &Facts, field: &str) -> Option<(Vec<String>, Vec<String>)> {
        let predicted = self.keys(field);
        let expected = gold.keys(field);
        if predicted == expected {
            return None;
        }
        let shown = |facts: &Facts, keys: Vec<&str>| -> Vec<String> {
            let mut out: Vec<String> = keys
                .into_iter()
                .filter_map(|k| facts.fields.get(field).and_then(|m| m.get(k)))
                .map(|f| f.shown.clone())
                .collect();
            out.sort();
            out
        };
        let missed = shown(gold, expected.difference(&predicted).copied().collect());
        let extra = shown(self, predicted.difference(&expected).copied().collect());
        Some((missed, extra))
    }
}

fn as_object(value: Option<&Value>) -> Option<&Map<String, Value>> {
    value.and_then(Value::as_object)
}

/// `rec.get(key) or []`, keeping only the objects in the list.
fn objects<'a>(record: &'a Map<String, Value>, key: &str) -> Vec<&'a Map<String, Value>> {
    match record.get(key) {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_object).collect(),
        _ => Vec::new(),
    }
}

/// `score.py`'s `val()`: the `value` of a `{value, ...}` object, or the
/// value itself.
fn val(value: Option<&Value>) -> Option<&Value> {
    match value {
        Some(Value::Object(map)) => map.get("value"),
        other => other,
    }
}

fn norm_nonempty(value: Option<&Value>) -> Option<String> {
    norm(value).filter(|s| !s.is_empty())
}

/// `score.py`'s `facts(rec)`.
pub fn facts(record: &Value) -> Facts {
    let mut out = Facts::default();
    let Some(record) = record.as_object() else {
        return out;
    };
    let empty = Map::new();
    let article = as_object(record.get("article")).unwrap_or(&empty);
    for field in ["headline", "byline", "published", "outlet"] {
        if let Some(v) = norm_nonempty(val(article.get(field))) {
            out.add(field, Fact::single(Atom::Str(v)));
        }
    }
    if record.get("status").and_then(Value::as_str) == Some("off_topic") {
        out.add("off_topic", Fact::single(Atom::True));
    }
    for inspection in objects(record, "inspections") {
        let Some(la) = norm_nonempty(inspection.get("local_authority")) else {
            continue;
        };
        out.add("authorities", Fact::single(Atom::Str(la.clone())));
        let field_norm = |key: &str| Atom::from_norm(norm(inspection.get(key)));
        if inspection.get("judgement").is_some_and(truthy) {
            let fact = Fact::tuple(&[Atom::Str(la.clone()), field_norm("judgement")]);
            out.add("judgements", fact);
        }
        if inspection.get("kind").is_some_and(truthy) {
            let kind = field_norm("kind");
            out.add("kinds", Fact::tuple(&[Atom::Str(la.clone()), kind.clone()]));
            let event = [
                Atom::Str(la.clone()),
                kind,
                field_norm("date"),
                field_norm("judgement"),
            ];
            out.add("events", Fact::tuple(&event));
        }
        for finding in objects(inspection, "findings") {
            let fact = Fact::tuple(&[
                Atom::Str(la.clone()),
                Atom::from_norm(norm(finding.get("theme"))),
                Atom::from_norm(norm(finding.get("polarity"))),
            ]);
            out.add("findings", fact);
        }
    }
    for person in objects(record, "people") {
        let Some(name) = norm_nonempty(person.get("name")) else {
            continue;
        };
        out.add("people", Fact::single(Atom::Str(name.clone())));
        if person.get("role").is_some_and(truthy) {
            let role = Atom::from_norm(norm(person.get("role")));
            out.add("roles", Fact::tuple(&[Atom::Str(name), role]));
        }
    }
    for figure in objects(record, "figures") {
        let Some(value) = py_float(figure.get("value")) else {
            continue;
        };
        let mut rounded = round1(value);
        if rounded == 0.0 {
            rounded = 0.0; // -0.0 == 0.0 in Python
        }
        let kind = Atom::from_norm(norm(figure.get("kind")));
        let mut fact = Fact::tuple(&[kind, Atom::Float(rounded)]);
        if rounded.is_nan() {
            out.nan_count += 1;
            fact.key = format!("{}#nan{}", fact.key, out.nan_count);
        }
        out.add("figures", fact);
    }
    out
}

/// `score.py`'s `tokens()`: the set of ASCII letter and digit runs of the
/// normalised text.
fn tokens(value: Option<&Value>) -> BTreeSet<String> {
    let text = norm(value).unwrap_or_default();
    text.split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

fn surname(name: &str) -> String {
    let normalized = norm_str(name);
    normalized.rsplit(' ').next().unwrap_or("").to_string()
}

/// `score.py`'s `match_quotes()`: greedy, in prediction order; a predicted
/// quote takes the unused gold quote with the same speaker (full name or
/// surname) and the highest word-set Jaccard of at least 0.6.
/// Returns (true positives, false positives, false negatives).
pub fn match_quotes(gold: &Value, pred: &Value) -> (usize, usize, usize) {
    let list = |v: &Value| -> Vec<Value> {
        match v.get("quotes") {
            Some(Value::Array(items)) => items.clone(),
            _ => Vec::new(),
        }
    };
    let gold = list(gold);
    let pred = list(pred);
    let gold_prepared: Vec<(Option<String>, BTreeSet<String>)> = gold
        .iter()
        .map(|q| (norm_nonempty(q.get("speaker")), tokens(q.get("text"))))
        .collect();
    let mut used = vec![false; gold.len()];
    let mut tp = 0;
    for quote in &pred {
        let predicted_tokens = tokens(quote.get("text"));
        let Some(speaker) = norm_nonempty(quote.get("speaker")) else {
            continue;
        };
        let mut best: Option<usize> = None;
        let mut best_jaccard = 0.0_f64;
        for (i, (gold_speaker, gold_tokens)) in gold_prepared.iter().enumerate() {
            if used[i] {
                continue;
            }
            let Some(gold_speaker) = gold_speaker else {
                continue;
            };
            if !(&speaker == gold_speaker || surname(&speaker) == surname(gold_speaker)) {
                continue;
            }
            let shared = predicted_tokens.intersection(gold_tokens).count();
            let union = predicted_tokens.union(gold_tokens).count();
            let jaccard = shared as f64 / union.max(1) as f64;
            if jaccard >= 0.6 && jaccard > best_jaccard {
                best = Some(i);
                best_jaccard = jaccard;
            }
        }
        if let Some(i) = best {
            used[i] = true;
            tp += 1;
        }
    }
    (tp, pred.len() - tp, gold.len() - tp)
}

/// `rec.get(key) or []` of any list.
fn list(value: Option<&Value>) -> Vec<&Value> {
    match value {
        Some(Value::Array(items)) => items.iter().collect(),
        _ => Vec::new(),
    }
}

/// `score.py`'s `evidence_ok()`: (items whose evidence is non-empty and in
/// bounds, all items). `text_chars` is the article's length, if known.
pub fn evidence_ok(record: &Value, text_chars: Option<usize>) -> (usize, usize) {
    let Some(record) = record.as_object() else {
        return (0, 0);
    };
    let mut items: Vec<&Value> = Vec::new();
    if let Some(article) = as_object(record.get("article")) {
        items.extend(article.values().filter(|v| v.is_object()));
    }
    for inspection in list(record.get("inspections")) {
        items.push(inspection);
        items.extend(list(inspection.get("findings")));
    }
    for key in ["people", "quotes", "figures"] {
        items.extend(list(record.get(key)));
    }
    let limit = PyNumber::Int(text_chars.map_or(10_i128.pow(12), |n| n as i128));
    let zero = PyNumber::Int(0);
    let span_ok = |span: &Value| -> bool {
        let Some([start, end]) = span.as_array().map(Vec::as_slice) else {
            return false;
        };
        let (Some(start), Some(end)) = (PyNumber::from_value(start), PyNumber::from_value(end))
        else {
            return false;
        };
        zero.le(start) && start.lt(end) && end.le(limit)
    };
    let good = items
        .iter()
        .filter(|item| match item.get("evidence") {
            Some(Value::Array(spans)) => !spans.is_empty() && spans.iter().all(span_ok),
            _ => false,
        })
        .count();
    (good, items.len())
}
