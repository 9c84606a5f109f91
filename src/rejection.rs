//! Rejections: what a person removed from the machine's proposal
//! (`rejected[]` in the contract), how one is made from a removed value or
//! item, and when a new machine proposal matches one.
//!
//! A proposal matches a rejection when the field is the same, the value is
//! the same after the evaluation's normalisation (Unicode NFKC, straight
//! quotes, white space collapsed, lower case; numbers rounded to 0.1 as the
//! scorer rounds figures), and the evidence overlaps.

use crate::eval::python::{norm_str, round1};
use crate::model::{
    Field, FieldName, Figure, Finding, Inspection, Person, Quote, Record, Rejection, Span,
};
use serde::Serialize;
use serde_json::Value;

/// The keys a rejected item leaves out: where it was, who made it, and the
/// findings an inspection holds (each is its own field).
const NOT_PART_OF_THE_VALUE: [&str; 3] = ["evidence", "origin", "findings"];

/// The value of an item as a rejection holds it: the item without its
/// `evidence`, `origin` and nested findings.
pub fn proposal_value<T: Serialize>(item: &T) -> Value {
    // Serialising the model's own types cannot fail (string keys, finite or
    // null numbers); a failure would give `null`, which matches nothing.
    let mut value = serde_json::to_value(item).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        for key in NOT_PART_OF_THE_VALUE {
            map.shift_remove(key);
        }
    }
    value
}

/// The rejection of an article value (headline, byline, published, outlet).
pub fn reject_value(field: FieldName, value: &Field<String>) -> Rejection {
    Rejection {
        field,
        value: Value::String(value.value.clone()),
        evidence: value.evidence.clone(),
    }
}

pub fn reject_inspection(item: &Inspection) -> Rejection {
    reject_item(FieldName::Inspection, item, &item.evidence)
}

pub fn reject_finding(item: &Finding) -> Rejection {
    reject_item(FieldName::Finding, item, &item.evidence)
}

pub fn reject_person(item: &Person) -> Rejection {
    reject_item(FieldName::Person, item, &item.evidence)
}

pub fn reject_quote(item: &Quote) -> Rejection {
    reject_item(FieldName::Quote, item, &item.evidence)
}

pub fn reject_figure(item: &Figure) -> Rejection {
    reject_item(FieldName::Figure, item, &item.evidence)
}

fn reject_item<T: Serialize>(field: FieldName, item: &T, evidence: &[Span]) -> Rejection {
    Rejection {
        field,
        value: proposal_value(item),
        evidence: evidence.to_vec(),
    }
}

/// A value with every string normalised as the evaluation compares
/// strings, and every number as a float rounded to 0.1.
pub fn normalised(value: &Value) -> Value {
    match value {
        Value::String(s) => Value::String(norm_str(s)),
        Value::Number(n) => n
            .as_f64()
            .and_then(|x| serde_json::Number::from_f64(round1(x)))
            .map_or(Value::Null, Value::Number),
        Value::Array(items) => Value::Array(items.iter().map(normalised).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), normalised(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Whether two evidence lists share a character; two empty lists count as
/// the same place (a proposal with no evidence can still be rejected).
pub fn evidence_overlaps(a: &[Span], b: &[Span]) -> bool {
    if a.is_empty() && b.is_empty() {
        return true;
    }
    a.iter().any(|x| b.iter().any(|y| x.overlaps(*y)))
}

/// Whether the proposal (`field`, `value`, `evidence`) matches `rejection`.
pub fn matches(rejection: &Rejection, field: FieldName, value: &Value, evidence: &[Span]) -> bool {
    rejection.field == field
        && evidence_overlaps(&rejection.evidence, evidence)
        && normalised(&rejection.value) == normalised(value)
}

/// Whether any of `rejected` matches the proposal.
pub fn is_rejected(
    rejected: &[Rejection],
    field: FieldName,
    value: &Value,
    evidence: &[Span],
) -> bool {
    rejected.iter().any(|r| matches(r, field, value, evidence))
}

/// Adds `rejection` to `record` unless the record already holds it.
pub fn remember(record: &mut Record, rejection: Rejection) {
    if !record.rejected.contains(&rejection) {
        record.rejected.push(rejection);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Origin, Polarity, Theme};
    use serde_json::json;

    fn finding(text: &str, evidence: Vec<Span>) -> Finding {
        Finding {
            theme: Theme::Leadership,
            polarity: Polarity::Concern,
            text: text.into(),
            evidence,
            origin: Origin::Extracted,
        }
    }

    #[test]
    fn an_item_is_rejected_without_its_evidence_origin_and_findings() {
        let r = reject_finding(&finding("leaders had a firm grip", vec![Span(260, 434)]));
        assert_eq!(r.field, FieldName::Finding);
        assert_eq!(
            r.value,
            json!({"theme": "leadership", "polarity": "concern", "text": "leaders had a firm grip"})
        );
        assert_eq!(r.evidence, vec![Span(260, 434)]);
    }

    #[test]
    fn a_proposal_matches_after_normalisation_where_the_evidence_overlaps() {
        let r = reject_finding(&finding("Leaders had a  firm grip", vec![Span(260, 434)]));
        let same = finding("leaders had a firm grip", vec![Span(300, 500)]);
        let value = proposal_value(&same);
        assert!(matches(&r, FieldName::Finding, &value, &same.evidence));
        assert!(
            !matches(&r, FieldName::Finding, &value, &[Span(434, 500)]),
            "evidence that only touches does not overlap"
        );
        assert!(!matches(&r, FieldName::Quote, &value, &same.evidence));
        let other = proposal_value(&finding("leaders had no grip", vec![]));
        assert!(!matches(&r, FieldName::Finding, &other, &same.evidence));
    }

    #[test]
    fn curly_quotes_and_case_do_not_make_a_value_new() {
        let r = Rejection {
            field: FieldName::Headline,
            value: json!("Council\u{2019}s services \u{201c}inadequate\u{201d}"),
            evidence: vec![Span(0, 30)],
        };
        assert!(matches(
            &r,
            FieldName::Headline,
            &json!("COUNCIL'S services \"inadequate\""),
            &[Span(0, 30)]
        ));
    }

    #[test]
    fn figures_compare_as_the_scorer_rounds_them() {
        let r = Rejection {
            field: FieldName::Figure,
            value: json!({"kind": "percent", "value": 41}),
            evidence: vec![Span(5, 10)],
        };
        let near = json!({"kind": "percent", "value": 41.04});
        let far = json!({"kind": "percent", "value": 41.2});
        assert!(matches(&r, FieldName::Figure, &near, &[Span(5, 10)]));
        assert!(!matches(&r, FieldName::Figure, &far, &[Span(5, 10)]));
    }

    #[test]
    fn a_rejection_is_remembered_once() {
        let mut record = Record::empty(crate::model::Source {
            path: "a.txt".into(),
            text_sha256: String::new(),
            chars: 10,
        });
        let r = reject_value(
            FieldName::Outlet,
            &Field::extracted("Press Association".into(), vec![Span(0, 5)]),
        );
        remember(&mut record, r.clone());
        remember(&mut record, r);
        assert_eq!(record.rejected.len(), 1);
    }
}
