//! Merging lists of items (inspections with their findings, people, quotes,
//! figures): pairing the record's machine items with the new proposals,
//! keeping a person's items, adding and removing the rest.

use super::{ChangeKind, MergeSummary};
use crate::eval::python::norm_str;
use crate::model::{
    FieldName, Figure, Finding, Inspection, Origin, Person, Quote, Rejection, Span,
};
use crate::rejection::{evidence_overlaps, is_rejected, proposal_value};
use serde::Serialize;

/// What every merge step shares: the record's rejections, whether a person
/// has reviewed it, and the summary being written.
pub(super) struct Ctx<'a> {
    pub rejected: &'a [Rejection],
    pub reviewed: bool,
    pub summary: &'a mut MergeSummary,
}

impl Ctx<'_> {
    pub fn note(
        &mut self,
        field: FieldName,
        kind: ChangeKind,
        before: Option<String>,
        after: Option<String>,
    ) {
        self.summary.changes.push(super::Change {
            field,
            kind,
            before,
            after,
        });
    }
}

/// An item of one of the record's lists.
pub(super) trait Item: Clone + Serialize {
    const FIELD: FieldName;
    fn evidence(&self) -> &[Span];
    fn origin(&self) -> Origin;
    /// The item in a few words, for a summary.
    fn brief(&self) -> String;
    /// Whether two items name the same thing wherever their evidence is
    /// (only people: a person is one fact, whichever mention is evidence).
    fn same_identity(&self, _other: &Self) -> bool {
        false
    }
}

/// The same proposal: the same value and evidence (an inspection's findings
/// and every origin aside).
fn same_proposal<T: Item>(a: &T, b: &T) -> bool {
    a.evidence() == b.evidence() && proposal_value(a) == proposal_value(b)
}

/// The same place or the same thing: the new proposal stands for the item.
fn corresponds<T: Item>(a: &T, b: &T) -> bool {
    evidence_overlaps(a.evidence(), b.evidence()) || a.same_identity(b)
}

/// An item of the merged list, with where it came from.
pub(super) struct Placed<T> {
    pub item: T,
    /// Its index in the record's list, if it was there.
    pub old: Option<usize>,
    /// The new proposal it was paired with, was added from, or (for a
    /// person's item) that stands where it is.
    pub new: Option<usize>,
}

/// Merges the record's `old` items with the `new` proposals. A machine item
/// with no proposal is removed unless the record is reviewed or
/// `keep_vanished` says it holds a person's work.
pub(super) fn merge_list<T: Item>(
    ctx: &mut Ctx<'_>,
    old: &[T],
    new: &[T],
    keep_vanished: &dyn Fn(&T) -> bool,
) -> Vec<Placed<T>> {
    let mut open: Vec<bool> = new
        .iter()
        .map(|n| !is_rejected(ctx.rejected, T::FIELD, &proposal_value(n), n.evidence()))
        .collect();
    for n in new.iter().zip(&open).filter(|(_, o)| !**o).map(|(n, _)| n) {
        ctx.note(T::FIELD, ChangeKind::StillRejected, None, Some(n.brief()));
    }
    let machine = |i: usize| old[i].origin() == Origin::Extracted;
    let pair = pair_machine_items(old, new, &mut open);
    // A proposal where a person's item stands is theirs to decide.
    let mut stands_for: Vec<Option<usize>> = vec![None; old.len()];
    for i in (0..old.len()).filter(|&i| !machine(i)) {
        for j in 0..new.len() {
            if open[j] && corresponds(&old[i], &new[j]) {
                open[j] = false;
                stands_for[i].get_or_insert(j);
            }
        }
    }
    let mut out = Vec::with_capacity(old.len());
    for (i, item) in old.iter().enumerate() {
        let placed = |item: &T, new| Placed {
            item: item.clone(),
            old: Some(i),
            new,
        };
        if !machine(i) {
            ctx.note(T::FIELD, ChangeKind::Kept, Some(item.brief()), None);
            out.push(placed(item, stands_for[i]));
        } else if let Some(j) = pair[i] {
            if same_proposal(item, &new[j]) {
                ctx.summary.unchanged += 1;
            } else {
                let (before, after) = (Some(item.brief()), Some(new[j].brief()));
                ctx.note(T::FIELD, ChangeKind::Updated, before, after);
            }
            out.push(placed(&new[j], Some(j)));
        } else if ctx.reviewed || keep_vanished(item) {
            ctx.note(T::FIELD, ChangeKind::Conflict, Some(item.brief()), None);
            out.push(placed(item, None));
        } else {
            ctx.note(T::FIELD, ChangeKind::Removed, Some(item.brief()), None);
        }
    }
    for (j, item) in new.iter().enumerate().filter(|&(j, _)| open[j]) {
        ctx.note(T::FIELD, ChangeKind::Added, None, Some(item.brief()));
        out.push(Placed {
            item: item.clone(),
            old: None,
            new: Some(j),
        });
    }
    out
}

/// Pairs each machine item of `old` with an `open` proposal: the same
/// proposal first, then one in its place; a paired proposal is closed.
fn pair_machine_items<T: Item>(old: &[T], new: &[T], open: &mut [bool]) -> Vec<Option<usize>> {
    let mut pair: Vec<Option<usize>> = vec![None; old.len()];
    for same in [true, false] {
        for i in (0..old.len()).filter(|&i| old[i].origin() == Origin::Extracted) {
            if pair[i].is_some() {
                continue;
            }
            let found = (0..new.len()).find(|&j| {
                open[j]
                    && if same {
                        same_proposal(&old[i], &new[j])
                    } else {
                        corresponds(&old[i], &new[j])
                    }
            });
            if let Some(j) = found {
                open[j] = false;
                pair[i] = Some(j);
            }
        }
    }
    pair
}

/// Merges inspections, then each one's findings with those of the proposal
/// it was paired with (or that stands where a person's inspection is).
pub(super) fn merge_inspections(
    ctx: &mut Ctx<'_>,
    old: &[Inspection],
    new: &[Inspection],
) -> Vec<Inspection> {
    let holds_a_persons_finding =
        |x: &Inspection| x.findings.iter().any(|f| f.origin != Origin::Extracted);
    let placed = merge_list(ctx, old, new, &holds_a_persons_finding);
    placed
        .into_iter()
        .map(|p| {
            let old_findings = p.old.map_or(&[][..], |i| &old[i].findings);
            let new_findings = p.new.map_or(&[][..], |j| &new[j].findings);
            let mut item = p.item;
            item.findings = merge_list(ctx, old_findings, new_findings, &|_| false)
                .into_iter()
                .map(|f| f.item)
                .collect();
            item
        })
        .collect()
}

/// At most `max` characters of `s`, with "…" when cut.
fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max).collect();
        out.push('…');
        out
    }
}

/// A serde enum value in the contract's spelling, with spaces.
fn spelled<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s.replace('_', " "),
        _ => String::new(),
    }
}

impl Item for Inspection {
    const FIELD: FieldName = FieldName::Inspection;
    fn evidence(&self) -> &[Span] {
        &self.evidence
    }
    fn origin(&self) -> Origin {
        self.origin
    }
    fn brief(&self) -> String {
        let who = self
            .local_authority
            .as_deref()
            .or(self.provider.as_deref())
            .unwrap_or("unknown council");
        let mut out = format!("{who}, {}", spelled(&self.kind));
        if let Some(date) = &self.date {
            out.push_str(&format!(", {date}"));
        }
        if let Some(j) = &self.judgement {
            out.push_str(&format!(", {}", spelled(j)));
        }
        out
    }
}

impl Item for Finding {
    const FIELD: FieldName = FieldName::Finding;
    fn evidence(&self) -> &[Span] {
        &self.evidence
    }
    fn origin(&self) -> Origin {
        self.origin
    }
    fn brief(&self) -> String {
        format!(
            "{} ({}): {}",
            spelled(&self.polarity),
            spelled(&self.theme),
            cut(&self.text, 60)
        )
    }
}

impl Item for Person {
    const FIELD: FieldName = FieldName::Person;
    fn evidence(&self) -> &[Span] {
        &self.evidence
    }
    fn origin(&self) -> Origin {
        self.origin
    }
    fn brief(&self) -> String {
        match &self.role {
            Some(role) => format!("{}, {}", self.name, cut(role, 40)),
            None => self.name.clone(),
        }
    }
    fn same_identity(&self, other: &Self) -> bool {
        let name = norm_str(&self.name);
        !name.is_empty() && name == norm_str(&other.name)
    }
}

impl Item for Quote {
    const FIELD: FieldName = FieldName::Quote;
    fn evidence(&self) -> &[Span] {
        &self.evidence
    }
    fn origin(&self) -> Origin {
        self.origin
    }
    fn brief(&self) -> String {
        let speaker = self.speaker.as_deref().unwrap_or("unattributed");
        format!("{speaker}: \u{201c}{}\u{201d}", cut(&self.text, 60))
    }
}

impl Item for Figure {
    const FIELD: FieldName = FieldName::Figure;
    fn evidence(&self) -> &[Span] {
        &self.evidence
    }
    fn origin(&self) -> Origin {
        self.origin
    }
    fn brief(&self) -> String {
        match &self.context {
            Some(context) => format!("{} ({})", self.text, cut(context, 40)),
            None => self.text.clone(),
        }
    }
}
