//! Merging a new machine extraction into an existing record, so that a
//! curated corpus gets a better extractor's values without losing one human
//! decision.
//!
//! The rules, field by field and item by item:
//! - a value or item with origin `edited` or `added` is kept as it is;
//! - a machine proposal matching the record's `rejected` list is not
//!   brought back (see [`crate::rejection`]);
//! - an `extracted` value is replaced by the new machine value; new machine
//!   items are added as `extracted`, unless a person's item already stands
//!   where they would go (overlapping evidence, or for a person the same
//!   name);
//! - an `extracted` item the new extractor no longer proposes is removed,
//!   unless the record is `reviewed` (a person checked it): then it stays
//!   and is listed as a conflict for a decision. An inspection holding a
//!   person's findings stays too;
//! - status, curator, notes and the rejected list are kept (the status of a
//!   record no person has worked on is the machine's, and follows the new
//!   extraction); `extractor` names the new version;
//! - the article's text must be the one the record was made for (same
//!   `source.text_sha256`), else nothing is merged.
//!
//! Merging is idempotent: merging the same extraction again changes nothing.

mod items;

use crate::model::{Field, FieldName, Origin, Record, Status};
use crate::rejection::is_rejected;
use serde_json::Value;

/// Why a record could not be merged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error(
        "{path}: the article's text has changed since the record was made \
         (the record was made for text {old}, the article now is {new}); \
         the record is not merged"
    )]
    TextChanged {
        /// The article, as the record names it (`source.path`).
        path: String,
        old: String,
        new: String,
    },
}

/// What happened to one value or item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    /// A machine value replaced by a different new machine value.
    Updated,
    /// A person's value (`edited` or `added`) kept as it is.
    Kept,
    /// A value or item the new extractor proposes that the record lacked.
    Added,
    /// A machine item the new extractor no longer proposes, removed.
    Removed,
    /// A machine item the new extractor no longer proposes, kept because
    /// the record is reviewed (or holds a person's findings): decide.
    Conflict,
    /// A new proposal a person had rejected, left out.
    StillRejected,
}

impl ChangeKind {
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Updated => "updated",
            ChangeKind::Kept => "kept",
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Conflict => "conflict",
            ChangeKind::StillRejected => "still rejected",
        }
    }
}

/// One value or item the merge touched or kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub field: FieldName,
    pub kind: ChangeKind,
    /// The value in the record before the merge, briefly.
    pub before: Option<String>,
    /// The value after the merge (or the proposal left out), briefly.
    pub after: Option<String>,
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.field, self.kind.label())?;
        match (&self.before, &self.after) {
            (Some(b), Some(a)) if b != a => write!(f, ": {b} -> {a}"),
            (Some(v), _) | (None, Some(v)) => write!(f, ": {v}"),
            (None, None) => Ok(()),
        }
    }
}

/// What a merge did, for a summary or a diff.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeSummary {
    /// Every value and item updated, kept, added, removed, in conflict or
    /// still rejected; machine values the new extractor proposes unchanged
    /// are only counted, in `unchanged`.
    pub changes: Vec<Change>,
    pub unchanged: usize,
    /// The record's status, when it follows the new extraction and changed.
    pub status: Option<(Status, Status)>,
    /// The extractor versions, when they differ.
    pub extractor: Option<(String, String)>,
}

impl MergeSummary {
    /// How many changes are of `kind`.
    pub fn count(&self, kind: ChangeKind) -> usize {
        self.changes.iter().filter(|c| c.kind == kind).count()
    }

    /// The changes of `kind`.
    pub fn of_kind(&self, kind: ChangeKind) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(move |c| c.kind == kind)
    }
}

/// A merged record and what the merge did.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub record: Record,
    pub summary: MergeSummary,
    /// Whether the record differs from the old one (the `updated` stamp
    /// aside); when not, `record` is the old record unchanged.
    pub changed: bool,
}

/// Merges `new`, a fresh machine extraction of the article, into `old`.
pub fn merge_extraction(old: &Record, new: &Record) -> Result<Merged, MergeError> {
    if old.source.text_sha256 != new.source.text_sha256 {
        return Err(MergeError::TextChanged {
            path: old.source.path.clone(),
            old: short_hash(&old.source.text_sha256),
            new: short_hash(&new.source.text_sha256),
        });
    }
    let new = machine_only(new);
    let mut summary = MergeSummary::default();
    let mut record = old.clone();
    {
        let mut ctx = items::Ctx {
            rejected: &old.rejected,
            reviewed: old.status == Status::Reviewed,
            summary: &mut summary,
        };
        let (a, n) = (&mut record.article, &new.article);
        merge_value(&mut ctx, FieldName::Headline, &mut a.headline, &n.headline);
        merge_value(&mut ctx, FieldName::Byline, &mut a.byline, &n.byline);
        merge_value(
            &mut ctx,
            FieldName::Published,
            &mut a.published,
            &n.published,
        );
        merge_value(&mut ctx, FieldName::Outlet, &mut a.outlet, &n.outlet);
        record.inspections = items::merge_inspections(&mut ctx, &old.inspections, &new.inspections);
        record.people = items::merge_list(&mut ctx, &old.people, &new.people, &|_| false)
            .into_iter()
            .map(|p| p.item)
            .collect();
        record.quotes = items::merge_list(&mut ctx, &old.quotes, &new.quotes, &|_| false)
            .into_iter()
            .map(|p| p.item)
            .collect();
        record.figures = items::merge_list(&mut ctx, &old.figures, &new.figures, &|_| false)
            .into_iter()
            .map(|p| p.item)
            .collect();
    }
    if !old.is_curated() && old.status != new.status {
        summary.status = Some((old.status, new.status));
        record.status = new.status;
    }
    if old.extractor != new.extractor {
        summary.extractor = Some((old.extractor.clone(), new.extractor.clone()));
        record.extractor = new.extractor.clone();
    }
    let changed = record != *old;
    if changed {
        record.updated = new.updated.clone();
    }
    Ok(Merged {
        record,
        summary,
        changed,
    })
}

/// `new` with every origin `extracted`: whatever it says, it is the machine's.
fn machine_only(new: &Record) -> Record {
    let mut new = new.clone();
    let a = &mut new.article;
    for f in [
        &mut a.headline,
        &mut a.byline,
        &mut a.published,
        &mut a.outlet,
    ]
    .into_iter()
    .flatten()
    {
        f.origin = Origin::Extracted;
    }
    for i in &mut new.inspections {
        i.origin = Origin::Extracted;
        i.findings
            .iter_mut()
            .for_each(|f| f.origin = Origin::Extracted);
    }
    new.people
        .iter_mut()
        .for_each(|x| x.origin = Origin::Extracted);
    new.quotes
        .iter_mut()
        .for_each(|x| x.origin = Origin::Extracted);
    new.figures
        .iter_mut()
        .for_each(|x| x.origin = Origin::Extracted);
    new
}

fn short_hash(hash: &str) -> String {
    let short: String = hash.chars().take(12).collect();
    if short.is_empty() {
        "(none)".to_string()
    } else {
        short
    }
}

/// Merges one article value (headline, byline, published, outlet).
fn merge_value(
    ctx: &mut items::Ctx<'_>,
    field: FieldName,
    slot: &mut Option<Field<String>>,
    new: &Option<Field<String>>,
) {
    let brief = |f: &Option<Field<String>>| f.as_ref().map(|f| f.value.clone());
    if let Some(old) = slot.as_ref().filter(|f| f.origin != Origin::Extracted) {
        ctx.note(field, ChangeKind::Kept, Some(old.value.clone()), None);
        return;
    }
    let proposal = match new {
        Some(p)
            if is_rejected(
                ctx.rejected,
                field,
                &Value::from(p.value.as_str()),
                &p.evidence,
            ) =>
        {
            ctx.note(
                field,
                ChangeKind::StillRejected,
                None,
                Some(p.value.clone()),
            );
            None
        }
        other => other.clone(),
    };
    let before = brief(slot);
    match (slot.as_ref(), proposal) {
        (None, None) => {}
        (None, Some(p)) => {
            ctx.note(field, ChangeKind::Added, None, Some(p.value.clone()));
            *slot = Some(p);
        }
        (Some(o), Some(p)) if *o == p => ctx.summary.unchanged += 1,
        (Some(_), Some(p)) => {
            ctx.note(field, ChangeKind::Updated, before, Some(p.value.clone()));
            *slot = Some(p);
        }
        (Some(_), None) if ctx.reviewed => ctx.note(field, ChangeKind::Conflict, before, None),
        (Some(_), None) => {
            ctx.note(field, ChangeKind::Removed, before, None);
            *slot = None;
        }
    }
}

#[cfg(test)]
mod tests;
