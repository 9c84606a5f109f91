//! The extractor report as a table for people, JSON for programs and CSV
//! for spreadsheets.

use super::{ExtractorReport, FieldCounts};
use serde_json::{Value, json};

/// How many examples of each field the table lists.
const EXAMPLES_PER_FIELD: usize = 5;

fn score(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_string(), |x| format!("{x:.2}"))
}

fn score_json(x: Option<f64>) -> Value {
    x.map_or(Value::Null, |x| json!((x * 10_000.0).round() / 10_000.0))
}

fn row(name: &str, c: &FieldCounts) -> String {
    format!(
        "{name:<12} {:>6} {:>6} {:>8} {:>6} {:>9} {:>6}\n",
        c.kept,
        c.edited,
        c.rejected,
        c.added,
        score(c.precision()),
        score(c.recall())
    )
}

/// The counts per field, then a few examples of each field.
pub fn to_table(report: &ExtractorReport) -> String {
    let mut out = format!(
        "{} records a person worked on ({} machine records left out)\n\n",
        report.curated, report.not_curated
    );
    out.push_str(&format!(
        "{:<12} {:>6} {:>6} {:>8} {:>6} {:>9} {:>6}\n",
        "field", "kept", "edited", "rejected", "added", "precision", "recall"
    ));
    for (field, counts) in &report.fields {
        out.push_str(&row(field.as_str(), counts));
    }
    out.push_str(&row("total", &report.total()));
    if report.examples.is_empty() {
        return out;
    }
    out.push_str("\nExamples (file, location, what a person did, value):\n");
    for (field, _) in &report.fields {
        let examples: Vec<_> = report
            .examples
            .iter()
            .filter(|e| e.field == *field)
            .collect();
        if examples.is_empty() {
            continue;
        }
        out.push_str(&format!("{field}:\n"));
        for e in examples.iter().take(EXAMPLES_PER_FIELD) {
            out.push_str(&format!(
                "  {}  {}  {}  {}\n",
                e.file,
                e.location,
                e.kind.label(),
                e.value
            ));
        }
        if examples.len() > EXAMPLES_PER_FIELD {
            out.push_str(&format!(
                "  … and {} more (--json lists them all)\n",
                examples.len() - EXAMPLES_PER_FIELD
            ));
        }
    }
    out
}

fn counts_json(c: &FieldCounts) -> Value {
    json!({
        "kept": c.kept,
        "edited": c.edited,
        "rejected": c.rejected,
        "added": c.added,
        "precision": score_json(c.precision()),
        "recall": score_json(c.recall()),
    })
}

/// The whole report, every example included, as pretty JSON.
pub fn to_json(report: &ExtractorReport) -> String {
    let fields: Vec<Value> = report
        .fields
        .iter()
        .map(|(field, c)| {
            let mut v = counts_json(c);
            if let Value::Object(map) = &mut v {
                map.shift_insert(0, "field".into(), json!(field.as_str()));
            }
            v
        })
        .collect();
    let examples: Vec<Value> = report
        .examples
        .iter()
        .map(|e| {
            json!({
                "file": e.file,
                "field": e.field.as_str(),
                "kind": e.kind.label(),
                "location": e.location.to_string(),
                "value": e.value,
            })
        })
        .collect();
    let value = json!({
        "curated_records": report.curated,
        "machine_records_left_out": report.not_curated,
        "fields": fields,
        "total": counts_json(&report.total()),
        "examples": examples,
    });
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    out.push('\n');
    out
}

/// One row per field and a total row: field, kept, edited, rejected,
/// added, precision, recall (empty when there is nothing to divide by).
pub fn to_csv(report: &ExtractorReport) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "field",
        "kept",
        "edited",
        "rejected",
        "added",
        "precision",
        "recall",
    ])?;
    let total = report.total();
    let rows = report
        .fields
        .iter()
        .map(|(f, c)| (f.as_str(), c))
        .chain(std::iter::once(("total", &total)));
    for (name, c) in rows {
        let ratio = |x: Option<f64>| x.map_or_else(String::new, |x| format!("{x:.4}"));
        writer.write_record([
            name.to_string(),
            c.kept.to_string(),
            c.edited.to_string(),
            c.rejected.to_string(),
            c.added.to_string(),
            ratio(c.precision()),
            ratio(c.recall()),
        ])?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
