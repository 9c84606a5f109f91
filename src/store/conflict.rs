//! Noticing that a sidecar changed on disk while it was open, and saying
//! field by field how two records differ (for "show both" and for drafts).

use super::StoreError;
use crate::model::Record;
use serde_json::Value;
use std::fmt;
use std::path::Path;

/// A sidecar's contents as last seen: what a save compares against so that
/// it never silently overwrites another curator's change.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum DiskState {
    #[default]
    Missing,
    /// Present, with the SHA-256 of its bytes.
    Present { sha256: String },
}

impl DiskState {
    /// The state of a file holding `bytes`.
    pub fn of_bytes(bytes: &[u8]) -> Self {
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(bytes);
        DiskState::Present {
            sha256: digest.iter().map(|b| format!("{b:02x}")).collect(),
        }
    }
}

/// Reads the state of the file at `path` (missing is not an error).
pub fn disk_state(path: &Path) -> Result<DiskState, StoreError> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(DiskState::of_bytes(&bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(DiskState::Missing),
        Err(source) => Err(StoreError::Read {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// One difference between two records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// Where, e.g. `article.headline.value` or `people[2]`.
    pub location: String,
    /// The value in the first record (`None`: absent there).
    pub before: Option<String>,
    pub after: Option<String>,
}

impl fmt::Display for FieldChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.before, &self.after) {
            (None, Some(a)) => write!(f, "{}: added {a}", self.location),
            (Some(b), None) => write!(f, "{}: removed {b}", self.location),
            (Some(b), Some(a)) => write!(f, "{}: {b} -> {a}", self.location),
            (None, None) => write!(f, "{}", self.location),
        }
    }
}

/// How `after` differs from `before`, field by field, ignoring the save
/// stamps (`updated`, `extractor`).
pub fn record_changes(before: &Record, after: &Record) -> Vec<FieldChange> {
    let (Ok(b), Ok(a)) = (serde_json::to_value(before), serde_json::to_value(after)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    diff_values(&b, &a, "", &mut out);
    out.retain(|c| c.location != "updated" && c.location != "extractor");
    out
}

fn diff_values(before: &Value, after: &Value, location: &str, out: &mut Vec<FieldChange>) {
    if before == after {
        return;
    }
    let here = |key: &str| {
        if location.is_empty() {
            key.to_string()
        } else {
            format!("{location}.{key}")
        }
    };
    match (before, after) {
        (Value::Object(b), Value::Object(a)) if !is_leafish(location) => {
            for (key, bv) in b {
                match a.get(key) {
                    Some(av) => diff_values(bv, av, &here(key), out),
                    None => out.push(change(&here(key), Some(bv), None)),
                }
            }
            for (key, av) in a {
                if !b.contains_key(key) {
                    out.push(change(&here(key), None, Some(av)));
                }
            }
        }
        (Value::Array(b), Value::Array(a)) if !is_leafish(location) => {
            for i in 0..b.len().max(a.len()) {
                let at = format!("{location}[{i}]");
                match (b.get(i), a.get(i)) {
                    (Some(bv), Some(av)) => diff_values(bv, av, &at, out),
                    (bv, av) => out.push(change(&at, bv, av)),
                }
            }
        }
        (Value::Null, v) => out.push(change(location, None, Some(v))),
        (v, Value::Null) => out.push(change(location, Some(v), None)),
        (b, a) => out.push(change(location, Some(b), Some(a))),
    }
}

/// Evidence lists are shown whole, not span by span.
fn is_leafish(location: &str) -> bool {
    location.ends_with("evidence")
}

fn change(location: &str, before: Option<&Value>, after: Option<&Value>) -> FieldChange {
    FieldChange {
        location: location.to_string(),
        before: before.map(short),
        after: after.map(short),
    }
}

/// A value in a line: strings quoted, items by their main text, cut short.
fn short(value: &Value) -> String {
    let text = match value {
        Value::Object(map) => ["value", "name", "text", "local_authority"]
            .iter()
            .find_map(|k| map.get(*k).filter(|v| !v.is_null()))
            .map(Value::to_string)
            .unwrap_or_else(|| value.to_string()),
        other => other.to_string(),
    };
    if text.chars().count() > 80 {
        let cut: String = text.chars().take(77).collect();
        format!("{cut}...")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Field, Person, Source, Span, Status};

    fn record() -> Record {
        let mut r = Record::empty(Source {
            path: "a.txt".into(),
            text_sha256: "x".into(),
            chars: 10,
        });
        r.article.headline = Some(Field::extracted("Old".into(), vec![Span(0, 3)]));
        r
    }

    #[test]
    fn the_state_of_a_file_follows_its_bytes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.json");
        assert_eq!(disk_state(&path).expect("state"), DiskState::Missing);
        std::fs::write(&path, "one").expect("write");
        let one = disk_state(&path).expect("state");
        assert_eq!(one, DiskState::of_bytes(b"one"));
        std::fs::write(&path, "two").expect("write");
        assert_ne!(disk_state(&path).expect("state"), one);
    }

    #[test]
    fn changes_are_listed_by_field_ignoring_stamps() {
        let before = record();
        let mut after = record();
        after.updated = "2030-01-01T00:00:00Z".into();
        assert!(record_changes(&before, &after).is_empty());
        after.status = Status::Reviewed;
        if let Some(h) = after.article.headline.as_mut() {
            h.value = "New".into();
            h.evidence = vec![Span(0, 3), Span(5, 8)];
        }
        after.people.push(Person {
            name: "Jo Bloggs".into(),
            role: None,
            organisation: None,
            evidence: vec![],
            origin: crate::model::Origin::Added,
        });
        let lines: Vec<String> = record_changes(&before, &after)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            lines,
            vec![
                "status: \"unreviewed\" -> \"reviewed\"",
                "article.headline.value: \"Old\" -> \"New\"",
                "article.headline.evidence: [[0,3]] -> [[0,3],[5,8]]",
                "people[0]: added \"Jo Bloggs\"",
            ]
        );
    }
}
