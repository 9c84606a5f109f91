//! Where two curators' records of one article differ, value by value and
//! item by item, and how to take the other curator's side of one
//! difference.
//!
//! Values are compared as the evaluation compares strings (so "Kent" and
//! "kent " agree); items by what they say, leaving out evidence and origin:
//! two curators who mark slightly different words for the same person agree
//! on the person. An item one curator has and the other lacks is a
//! difference of its own.

use super::align::{
    Pair, align_figures, align_findings, align_inspections, align_people, align_quotes,
};
use crate::eval::python::norm_str;
use crate::model::{Field, FieldName, Finding, Inspection, Record, Span};
use serde::Serialize;

/// Which curator a value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Side {
    A,
    B,
}

/// Where in the records a difference lies. Item indices are those of the
/// records the difference was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Place {
    Status,
    /// `headline`, `byline`, `published` or `outlet`.
    Article(FieldName),
    /// An inspection's own values (its findings are places of their own).
    Inspection(Pair),
    Finding {
        inspections: Pair,
        finding: Pair,
    },
    Person(Pair),
    Quote(Pair),
    Figure(Pair),
}

/// One thing the two curators coded differently.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Difference {
    pub place: Place,
    /// What it is about, for people: "headline", "person", "finding (Kent)".
    pub what: String,
    /// Each side's value in words; `None` where that side has nothing.
    pub a: Option<String>,
    pub b: Option<String>,
    /// Each side's evidence, to highlight in the text.
    pub a_evidence: Vec<Span>,
    pub b_evidence: Vec<Span>,
}

impl Difference {
    /// A key that names the difference by B's side (A's where B has
    /// nothing), so that a difference settled for A stays settled when the
    /// curator edits A's value by hand or other edits move items around.
    pub fn key(&self) -> String {
        match (&self.a, &self.b) {
            (_, Some(b)) => format!("{}|B|{b}", self.what),
            (Some(a), None) => format!("{}|A|{a}", self.what),
            (None, None) => self.what.clone(),
        }
    }

    /// One line for reports: `person: Jane Smith (chair) | -`.
    pub fn line(&self) -> String {
        let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".to_string());
        format!("{}: {} | {}", self.what, show(&self.a), show(&self.b))
    }
}

fn same_words(a: &str, b: &str) -> bool {
    norm_str(a) == norm_str(b)
}

fn same_opt(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => same_words(a, b),
        (None, None) => true,
        _ => false,
    }
}

fn article_value(record: &Record, field: FieldName) -> Option<&Field<String>> {
    let a = &record.article;
    match field {
        FieldName::Headline => a.headline.as_ref(),
        FieldName::Byline => a.byline.as_ref(),
        FieldName::Published => a.published.as_ref(),
        FieldName::Outlet => a.outlet.as_ref(),
        _ => None,
    }
}

fn article_slot(record: &mut Record, field: FieldName) -> Option<&mut Option<Field<String>>> {
    let a = &mut record.article;
    match field {
        FieldName::Headline => Some(&mut a.headline),
        FieldName::Byline => Some(&mut a.byline),
        FieldName::Published => Some(&mut a.published),
        FieldName::Outlet => Some(&mut a.outlet),
        _ => None,
    }
}

pub const ARTICLE_FIELDS: [FieldName; 4] = [
    FieldName::Headline,
    FieldName::Byline,
    FieldName::Published,
    FieldName::Outlet,
];

fn enum_word<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// An inspection's own values in words.
pub fn describe_inspection(i: &Inspection) -> String {
    let mut parts = vec![
        i.local_authority.clone().unwrap_or_else(|| "?".into()),
        enum_word(&i.kind),
        enum_word(&i.service),
    ];
    parts.extend(i.date.clone());
    parts.push(i.judgement.map_or("no judgement".into(), |j| enum_word(&j)));
    parts.extend(i.provider.clone());
    parts.extend(i.visit_number.map(|n| format!("visit {n}")));
    parts.extend(i.inspector.clone().map(|n| format!("inspector {n}")));
    parts.join(", ")
}

fn same_inspection(a: &Inspection, b: &Inspection) -> bool {
    same_opt(&a.local_authority, &b.local_authority)
        && same_opt(&a.provider, &b.provider)
        && a.service == b.service
        && a.kind == b.kind
        && a.visit_number == b.visit_number
        && a.date == b.date
        && a.judgement == b.judgement
        && same_opt(&a.inspector, &b.inspector)
}

fn describe_finding(f: &Finding) -> String {
    format!(
        "{} {}: {}",
        enum_word(&f.polarity),
        enum_word(&f.theme),
        f.text
    )
}

fn same_finding(a: &Finding, b: &Finding) -> bool {
    a.theme == b.theme && a.polarity == b.polarity && same_words(&a.text, &b.text)
}

/// Turns the pairs of one kind of item into differences: pairs whose items
/// say different things, and one-sided items.
fn item_differences<T>(
    pairs: &[Pair],
    (a, b): (&[T], &[T]),
    what: &str,
    place: impl Fn(Pair) -> Place,
    same: impl Fn(&T, &T) -> bool,
    describe: impl Fn(&T) -> String,
    evidence: impl Fn(&T) -> Vec<Span>,
) -> Vec<Difference> {
    pairs
        .iter()
        .filter(|pair| match pair {
            Pair::Both(i, j) => !same(&a[*i], &b[*j]),
            _ => true,
        })
        .map(|&pair| {
            let item_a = pair.a().map(|i| &a[i]);
            let item_b = pair.b().map(|j| &b[j]);
            Difference {
                place: place(pair),
                what: what.to_string(),
                a: item_a.map(&describe),
                b: item_b.map(&describe),
                a_evidence: item_a.map(&evidence).unwrap_or_default(),
                b_evidence: item_b.map(&evidence).unwrap_or_default(),
            }
        })
        .collect()
}

/// Every difference between A's and B's record of one article, in the
/// order of the record: status, article values, inspections (each followed
/// by its findings), people, quotes, figures.
pub fn differences(a: &Record, b: &Record) -> Vec<Difference> {
    let mut out = value_differences(a, b);
    out.extend(inspection_differences(a, b));
    out.extend(list_differences(a, b));
    out
}

/// The status and the article values that differ.
fn value_differences(a: &Record, b: &Record) -> Vec<Difference> {
    let mut out = Vec::new();
    if a.status != b.status {
        out.push(Difference {
            place: Place::Status,
            what: "status".into(),
            a: Some(enum_word(&a.status)),
            b: Some(enum_word(&b.status)),
            a_evidence: Vec::new(),
            b_evidence: Vec::new(),
        });
    }
    for field in ARTICLE_FIELDS {
        let (x, y) = (article_value(a, field), article_value(b, field));
        let same = match (x, y) {
            (Some(x), Some(y)) => same_words(&x.value, &y.value),
            (None, None) => true,
            _ => false,
        };
        if !same {
            out.push(Difference {
                place: Place::Article(field),
                what: field.as_str().to_string(),
                a: x.map(|f| f.value.clone()),
                b: y.map(|f| f.value.clone()),
                a_evidence: x.map(|f| f.evidence.clone()).unwrap_or_default(),
                b_evidence: y.map(|f| f.evidence.clone()).unwrap_or_default(),
            });
        }
    }
    out
}

/// Differences of the people, quotes and figures.
fn list_differences(a: &Record, b: &Record) -> Vec<Difference> {
    let mut out = Vec::new();
    let evidence_of = |e: &Vec<Span>| e.clone();
    out.extend(item_differences(
        &align_people(&a.people, &b.people),
        (&a.people, &b.people),
        "person",
        Place::Person,
        |x, y| {
            same_words(&x.name, &y.name)
                && same_opt(&x.role, &y.role)
                && same_opt(&x.organisation, &y.organisation)
        },
        |p| {
            let extra: Vec<&str> = [&p.role, &p.organisation]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            if extra.is_empty() {
                p.name.clone()
            } else {
                format!("{} ({})", p.name, extra.join(", "))
            }
        },
        |p| evidence_of(&p.evidence),
    ));
    out.extend(item_differences(
        &align_quotes(&a.quotes, &b.quotes),
        (&a.quotes, &b.quotes),
        "quote",
        Place::Quote,
        |x, y| same_opt(&x.speaker, &y.speaker) && same_words(&x.text, &y.text),
        |q| format!("{}: “{}”", q.speaker.as_deref().unwrap_or("?"), q.text),
        |q| evidence_of(&q.evidence),
    ));
    out.extend(item_differences(
        &align_figures(&a.figures, &b.figures),
        (&a.figures, &b.figures),
        "figure",
        Place::Figure,
        |x, y| {
            x.kind == y.kind
                && x.value == y.value
                && same_opt(&x.unit, &y.unit)
                && same_opt(&x.local_authority, &y.local_authority)
        },
        |f| format!("{} {} ({})", enum_word(&f.kind), f.value, f.text),
        |f| evidence_of(&f.evidence),
    ));
    out
}

/// Differences of the inspections' own values and of the findings of each
/// pair of inspections (a one-sided inspection brings its findings along,
/// so they are not listed apart).
fn inspection_differences(a: &Record, b: &Record) -> Vec<Difference> {
    let pairs = align_inspections(&a.inspections, &b.inspections);
    let mut out = Vec::new();
    for pair in pairs {
        out.extend(item_differences(
            &[pair],
            (&a.inspections, &b.inspections),
            "inspection",
            Place::Inspection,
            same_inspection,
            describe_inspection,
            |i| i.evidence.clone(),
        ));
        let Pair::Both(i, j) = pair else { continue };
        let (x, y) = (&a.inspections[i].findings, &b.inspections[j].findings);
        let council = a.inspections[i]
            .local_authority
            .clone()
            .unwrap_or_else(|| "?".into());
        out.extend(item_differences(
            &align_findings(x, y),
            (x, y),
            &format!("finding ({council})"),
            |finding| Place::Finding {
                inspections: pair,
                finding,
            },
            same_finding,
            describe_finding,
            |f| f.evidence.clone(),
        ));
    }
    out
}

/// Settles `difference` (found between `merged` and `b`) on B's side:
/// B's value or item replaces, joins or removes A's. What is taken from B
/// keeps B's origin. Returns the new record, or `None` when the difference
/// no longer fits the records (they changed since it was found).
pub fn take_b(merged: &Record, b: &Record, difference: &Difference) -> Option<Record> {
    let mut out = merged.clone();
    match difference.place {
        Place::Status => out.status = b.status,
        Place::Article(field) => *article_slot(&mut out, field)? = article_value(b, field).cloned(),
        Place::Inspection(pair) => {
            let taken = pair.b().and_then(|j| b.inspections.get(j).cloned());
            match (pair.a(), taken) {
                (Some(i), Some(mut new)) => {
                    let old = out.inspections.get_mut(i)?;
                    new.findings = std::mem::take(&mut old.findings);
                    *old = new;
                }
                (Some(i), None) => remove_at(&mut out.inspections, i)?,
                (None, Some(new)) => out.inspections.push(new),
                (None, None) => return None,
            }
        }
        Place::Finding {
            inspections: Pair::Both(i, j),
            finding,
        } => {
            let theirs = &b.inspections.get(j)?.findings;
            let ours = &mut out.inspections.get_mut(i)?.findings;
            take_item(ours, theirs, finding)?;
        }
        Place::Finding { .. } => return None,
        Place::Person(pair) => take_item(&mut out.people, &b.people, pair)?,
        Place::Quote(pair) => take_item(&mut out.quotes, &b.quotes, pair)?,
        Place::Figure(pair) => take_item(&mut out.figures, &b.figures, pair)?,
    }
    Some(out)
}

fn remove_at<T>(items: &mut Vec<T>, i: usize) -> Option<()> {
    (i < items.len()).then(|| {
        items.remove(i);
    })
}

fn take_item<T: Clone>(ours: &mut Vec<T>, theirs: &[T], pair: Pair) -> Option<()> {
    match pair {
        Pair::Both(i, j) => *ours.get_mut(i)? = theirs.get(j)?.clone(),
        Pair::OnlyA(i) => remove_at(ours, i)?,
        Pair::OnlyB(j) => ours.push(theirs.get(j)?.clone()),
    }
    Some(())
}

#[cfg(test)]
pub(crate) mod tests;
