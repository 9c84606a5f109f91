//! The agreement figures of a set of articles coded by two curators:
//! Cohen's kappa of each categorical field over the values both coded, and
//! precision, recall and F1 of B against A counted as the evaluation counts
//! them (B is scored as a prediction of A's record).

use super::align::{Pair, align_findings, align_inspections};
use super::diff::{Difference, differences};
use super::kappa::{Kappa, cohen_kappa};
use crate::eval::{CORE, Counts, all_fields, score_record};
use crate::model::Record;
use serde::Serialize;
use std::collections::BTreeMap;

/// The categorical fields whose agreement is a kappa.
pub const CATEGORICAL: [&str; 6] = [
    "status",
    "inspection kind",
    "judgement",
    "service",
    "finding theme",
    "finding polarity",
];

/// One article coded by both curators (or by one, the other's record
/// missing: then everything the one coded is a difference).
#[derive(Debug, Clone, Serialize)]
pub struct ArticleAgreement {
    /// The article's file name.
    pub name: String,
    pub text_sha256: String,
    /// Which side has no record of it, if one has none.
    pub missing: Option<super::diff::Side>,
    pub differences: Vec<Difference>,
}

/// The figures of a set of articles.
#[derive(Debug, Clone, Default)]
pub struct Agreement {
    pub articles: Vec<ArticleAgreement>,
    /// Category pairs of each categorical field, (A's, B's).
    pub categories: BTreeMap<&'static str, Vec<(String, String)>>,
    /// Evaluation counts of B against A, per scored field.
    pub counts: BTreeMap<&'static str, Counts>,
}

fn word<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(serde_json::Value::Null) => "none".into(),
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

impl Agreement {
    /// Adds one article: A's record, and B's (an empty record stands for a
    /// missing one, so that all of A's items count as differences).
    pub fn add(&mut self, name: &str, a: &Record, b: &Record, missing: Option<super::diff::Side>) {
        self.add_categories(a, b);
        let to_json = |r: &Record| serde_json::to_value(r).unwrap_or_default();
        let score = score_record(&to_json(a), &to_json(b), None);
        for (field, counts) in score.fields {
            let total = self.counts.entry(field).or_default();
            total.tp += counts.tp;
            total.fp += counts.fp;
            total.fn_ += counts.fn_;
        }
        self.articles.push(ArticleAgreement {
            name: name.to_string(),
            text_sha256: a.source.text_sha256.clone(),
            missing,
            differences: differences(a, b),
        });
    }

    fn push(&mut self, field: &'static str, a: String, b: String) {
        self.categories.entry(field).or_default().push((a, b));
    }

    /// The category pairs of the values both curators coded: the status,
    /// and the values of inspections and findings they both have.
    fn add_categories(&mut self, a: &Record, b: &Record) {
        self.push("status", word(&a.status), word(&b.status));
        for pair in align_inspections(&a.inspections, &b.inspections) {
            let Pair::Both(i, j) = pair else { continue };
            let (x, y) = (&a.inspections[i], &b.inspections[j]);
            self.push("inspection kind", word(&x.kind), word(&y.kind));
            self.push("judgement", word(&x.judgement), word(&y.judgement));
            self.push("service", word(&x.service), word(&y.service));
            for pair in align_findings(&x.findings, &y.findings) {
                let Pair::Both(k, l) = pair else { continue };
                let (f, g) = (&x.findings[k], &y.findings[l]);
                self.push("finding theme", word(&f.theme), word(&g.theme));
                self.push("finding polarity", word(&f.polarity), word(&g.polarity));
            }
        }
    }

    /// Kappa of each categorical field, in [`CATEGORICAL`]'s order.
    pub fn kappas(&self) -> Vec<(&'static str, Kappa)> {
        CATEGORICAL
            .iter()
            .map(|&field| {
                let pairs = self.categories.get(field).map(Vec::as_slice);
                (field, cohen_kappa(pairs.unwrap_or(&[])))
            })
            .collect()
    }

    /// Counts of each scored field, in the evaluation's order.
    pub fn field_counts(&self) -> Vec<(&'static str, Counts)> {
        all_fields()
            .map(|f| (f, self.counts.get(f).copied().unwrap_or_default()))
            .collect()
    }

    /// The overall figure: the micro-F1 of B against A over the core
    /// fields, as the evaluation's core figure.
    pub fn overall_f1(&self) -> f64 {
        let mut total = Counts::default();
        for (field, c) in &self.counts {
            if CORE.contains(field) {
                total.tp += c.tp;
                total.fp += c.fp;
                total.fn_ += c.fn_;
            }
        }
        total.prf().2
    }

    pub fn disagreement_count(&self) -> usize {
        self.articles.iter().map(|a| a.differences.len()).sum()
    }
}
