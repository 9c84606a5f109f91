//! Record edits as data, and the one function that applies them, keeping
//! each value's `origin` honest: changing a machine value makes it
//! `edited`, a new item is `added`, a revert restores the machine's value.
//! Removing a value or item the machine proposed records it in the record's
//! `rejected` list, so that extracting the article again does not bring it
//! back; undo takes the record back whole, rejection included.

use super::fields::{ArticleKey, FieldPath, ItemKind};
use crate::model::{
    Field, Figure, Finding, Inspection, Origin, Person, Quote, Record, Rejection, Span, Status,
};

/// One change to a record. Replace edits carry the whole new item (records
/// are small); the applier works out the origin.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Set (or with `None`, clear) an article value.
    ArticleValue {
        key: ArticleKey,
        value: Option<String>,
    },
    Inspection(usize, Inspection),
    Finding(usize, usize, Finding),
    Person(usize, Person),
    Quote(usize, Quote),
    Figure(usize, Figure),
    /// Append a new item; for a finding, `inspection` says where.
    Add(NewItem),
    Remove(FieldPath),
    /// Move an item one place up (`-1`) or down (`1`) in its list.
    Move(FieldPath, isize),
    Evidence(FieldPath, Vec<Span>),
    /// Put back the machine's value of an edited field.
    Revert(FieldPath),
    Status(Status),
    Notes(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum NewItem {
    Inspection(Inspection),
    Finding(usize, Finding),
    Person(Person),
    Quote(Quote),
    Figure(Figure),
}

impl Edit {
    /// Consecutive edits with the same key (typing in one field) merge into
    /// one undo step.
    pub fn coalesce_key(&self) -> Option<String> {
        match self {
            Edit::ArticleValue {
                key,
                value: Some(_),
            } => Some(format!("article {key:?}")),
            Edit::Inspection(i, _) => Some(format!("inspection {i}")),
            Edit::Finding(i, j, _) => Some(format!("finding {i} {j}")),
            Edit::Person(i, _) => Some(format!("person {i}")),
            Edit::Quote(i, _) => Some(format!("quote {i}")),
            Edit::Figure(i, _) => Some(format!("figure {i}")),
            Edit::Notes(_) => Some("notes".into()),
            _ => None,
        }
    }
}

impl NewItem {
    /// A blank item of `kind` with `evidence`, prefilled from `text` (the
    /// selected source text) where the kind has a text-like field.
    pub fn from_selection(
        kind: ItemKind,
        inspection: Option<usize>,
        text: &str,
        evidence: Vec<Span>,
    ) -> Option<NewItem> {
        let text = text.trim().to_string();
        Some(match kind {
            ItemKind::Inspection => NewItem::Inspection(Inspection {
                local_authority: crate::gazetteer::Gazetteer::get()
                    .canonical_name(&text)
                    .map(str::to_string),
                provider: None,
                service: Default::default(),
                kind: Default::default(),
                visit_number: None,
                date: None,
                judgement: None,
                inspector: None,
                findings: Vec::new(),
                evidence,
                origin: Origin::Added,
            }),
            ItemKind::Finding => NewItem::Finding(
                inspection?,
                Finding {
                    theme: Default::default(),
                    polarity: Default::default(),
                    text,
                    evidence,
                    origin: Origin::Added,
                },
            ),
            ItemKind::Person => NewItem::Person(Person {
                name: text,
                role: None,
                organisation: None,
                evidence,
                origin: Origin::Added,
            }),
            ItemKind::Quote => NewItem::Quote(Quote {
                speaker: None,
                text: text
                    .trim_matches(|c| matches!(c, '"' | '“' | '”' | '‘' | '’' | '\''))
                    .to_string(),
                evidence,
                origin: Origin::Added,
            }),
            ItemKind::Figure => NewItem::Figure(Figure {
                kind: guess_figure_kind(&text),
                value: parse_figure_value(&text).unwrap_or(0.0),
                unit: match guess_figure_kind(&text) {
                    crate::model::FigureKind::Money => Some("GBP".into()),
                    crate::model::FigureKind::Percent => Some("%".into()),
                    crate::model::FigureKind::Count => None,
                },
                text,
                context: None,
                local_authority: None,
                evidence,
                origin: Origin::Added,
            }),
        })
    }
}

fn guess_figure_kind(text: &str) -> crate::model::FigureKind {
    use crate::model::FigureKind;
    let lower = text.to_lowercase();
    if lower.contains('£') || lower.contains("pound") {
        FigureKind::Money
    } else if lower.contains('%') || lower.contains("per cent") || lower.contains("percent") {
        FigureKind::Percent
    } else {
        FigureKind::Count
    }
}

/// The number in a figure's text, scaled by "million"/"m"/"k"/"billion".
fn parse_figure_value(text: &str) -> Option<f64> {
    let lower = text.to_lowercase();
    let start = lower.find(|c: char| c.is_ascii_digit())?;
    let rest = &lower[start..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(rest.len());
    let number: f64 = rest[..end].replace(',', "").parse().ok()?;
    let tail = rest[end..].trim_start();
    let scale = if tail.starts_with("bn") || tail.starts_with("billion") {
        1e9
    } else if tail.starts_with("million") || tail.starts_with('m') {
        1e6
    } else if tail.starts_with('k') || tail.starts_with("thousand") {
        1e3
    } else {
        1.0
    };
    Some(number * scale)
}

/// The origin a value gets when a person changes it from `old` to something
/// different: a machine value becomes `edited`; `added` and `edited` stay.
fn changed_origin(old: Origin) -> Origin {
    match old {
        Origin::Extracted => Origin::Edited,
        other => other,
    }
}

/// Replaces `slot` with `new`, fixing `new`'s origin. Returns whether
/// anything changed.
fn replace_item<T: Clone + PartialEq>(
    slot: Option<&mut T>,
    mut new: T,
    origin: fn(&mut T) -> &mut Origin,
) -> bool {
    let Some(slot) = slot else {
        return false;
    };
    let old_origin = *origin(slot);
    *origin(&mut new) = old_origin;
    if *slot == new {
        return false;
    }
    *origin(&mut new) = changed_origin(old_origin);
    *slot = new;
    true
}

/// Applies `edit` to `record`; `machine` is the extractor's record of the
/// same text, used by reverts. Returns whether the record changed.
pub fn apply_edit(record: &mut Record, machine: Option<&Record>, edit: Edit) -> bool {
    match edit {
        Edit::ArticleValue { key, value: None } => {
            remove_rejecting(record, machine, FieldPath::Article(key))
        }
        Edit::ArticleValue {
            key,
            value: Some(v),
        } => set_article_value(key.get_mut(record), v),
        Edit::Inspection(i, new) => {
            replace_item(record.inspections.get_mut(i), new, |x| &mut x.origin)
        }
        Edit::Finding(i, j, new) => replace_item(
            record
                .inspections
                .get_mut(i)
                .and_then(|x| x.findings.get_mut(j)),
            new,
            |x| &mut x.origin,
        ),
        Edit::Person(i, new) => replace_item(record.people.get_mut(i), new, |x| &mut x.origin),
        Edit::Quote(i, new) => replace_item(record.quotes.get_mut(i), new, |x| &mut x.origin),
        Edit::Figure(i, new) => replace_item(record.figures.get_mut(i), new, |x| &mut x.origin),
        Edit::Add(item) => {
            match item {
                NewItem::Inspection(x) => record.inspections.push(x),
                NewItem::Finding(i, x) => match record.inspections.get_mut(i) {
                    Some(insp) => insp.findings.push(x),
                    None => return false,
                },
                NewItem::Person(x) => record.people.push(x),
                NewItem::Quote(x) => record.quotes.push(x),
                NewItem::Figure(x) => record.figures.push(x),
            }
            true
        }
        Edit::Remove(path) => remove_rejecting(record, machine, path),
        Edit::Move(path, delta) => move_item(record, path, delta),
        Edit::Evidence(path, mut spans) => {
            spans.sort();
            spans.dedup();
            let Some((evidence, origin)) = path.parts_mut(record) else {
                return false;
            };
            if *evidence == spans {
                return false;
            }
            *evidence = spans;
            *origin = changed_origin(*origin);
            true
        }
        Edit::Revert(path) => revert(record, machine, path),
        Edit::Status(s) => {
            let changed = record.status != s;
            record.status = s;
            changed
        }
        Edit::Notes(n) => {
            let changed = record.notes != n;
            record.notes = n;
            changed
        }
    }
}

/// Sets an article value: a machine value changed becomes `edited`, a new
/// one is `added`.
fn set_article_value(slot: &mut Option<Field<String>>, value: String) -> bool {
    match slot.as_mut() {
        Some(f) if f.value == value => return false,
        Some(f) => {
            f.value = value;
            f.origin = changed_origin(f.origin);
        }
        None => {
            *slot = Some(Field {
                value,
                evidence: Vec::new(),
                origin: Origin::Added,
            })
        }
    }
    true
}

/// Removes the value or item at `path`, remembering the machine's proposal
/// as rejected.
fn remove_rejecting(record: &mut Record, machine: Option<&Record>, path: FieldPath) -> bool {
    let rejection = rejection_at(record, machine, path);
    let removed = remove(record, path);
    if let (true, Some(r)) = (removed, rejection) {
        crate::rejection::remember(record, r);
    }
    removed
}

/// What removing the field at `path` rejects: the machine's proposal. An
/// `extracted` value is the proposal itself; for an `edited` one it is the
/// machine's counterpart (the person changed it, then removed it); an
/// `added` value was never proposed.
fn rejection_at(record: &Record, machine: Option<&Record>, path: FieldPath) -> Option<Rejection> {
    let (source, at) = match path.origin(record)? {
        Origin::Extracted => (record, path),
        Origin::Edited => {
            let machine = machine?;
            (machine, machine_counterpart(record, machine, path)?)
        }
        Origin::Added => return None,
    };
    use crate::rejection as r;
    Some(match at {
        FieldPath::Article(k) => r::reject_value(k.field_name(), k.get(source).as_ref()?),
        FieldPath::Inspection(i) => r::reject_inspection(source.inspections.get(i)?),
        FieldPath::Finding(i, j) => r::reject_finding(source.inspections.get(i)?.findings.get(j)?),
        FieldPath::Person(i) => r::reject_person(source.people.get(i)?),
        FieldPath::Quote(i) => r::reject_quote(source.quotes.get(i)?),
        FieldPath::Figure(i) => r::reject_figure(source.figures.get(i)?),
    })
}

fn remove(record: &mut Record, path: FieldPath) -> bool {
    fn take<T>(v: &mut Vec<T>, i: usize) -> bool {
        if i < v.len() {
            v.remove(i);
            true
        } else {
            false
        }
    }
    match path {
        FieldPath::Article(k) => k.get_mut(record).take().is_some(),
        FieldPath::Inspection(i) => take(&mut record.inspections, i),
        FieldPath::Finding(i, j) => record
            .inspections
            .get_mut(i)
            .is_some_and(|x| take(&mut x.findings, j)),
        FieldPath::Person(i) => take(&mut record.people, i),
        FieldPath::Quote(i) => take(&mut record.quotes, i),
        FieldPath::Figure(i) => take(&mut record.figures, i),
    }
}

/// Where an item lands after `Edit::Move`, or `None` if it cannot move.
pub fn moved_path(record: &Record, path: FieldPath, delta: isize) -> Option<FieldPath> {
    let shift = |i: usize, len: usize| {
        let j = i.checked_add_signed(delta)?;
        (i < len && j < len).then_some(j)
    };
    Some(match path {
        FieldPath::Article(_) => return None,
        FieldPath::Inspection(i) => FieldPath::Inspection(shift(i, record.inspections.len())?),
        FieldPath::Finding(i, j) => {
            FieldPath::Finding(i, shift(j, record.inspections.get(i)?.findings.len())?)
        }
        FieldPath::Person(i) => FieldPath::Person(shift(i, record.people.len())?),
        FieldPath::Quote(i) => FieldPath::Quote(shift(i, record.quotes.len())?),
        FieldPath::Figure(i) => FieldPath::Figure(shift(i, record.figures.len())?),
    })
}

fn move_item(record: &mut Record, path: FieldPath, delta: isize) -> bool {
    let Some(to) = moved_path(record, path, delta) else {
        return false;
    };
    match (path, to) {
        (FieldPath::Inspection(a), FieldPath::Inspection(b)) => record.inspections.swap(a, b),
        (FieldPath::Finding(i, a), FieldPath::Finding(_, b)) => {
            if let Some(x) = record.inspections.get_mut(i) {
                x.findings.swap(a, b);
            }
        }
        (FieldPath::Person(a), FieldPath::Person(b)) => record.people.swap(a, b),
        (FieldPath::Quote(a), FieldPath::Quote(b)) => record.quotes.swap(a, b),
        (FieldPath::Figure(a), FieldPath::Figure(b)) => record.figures.swap(a, b),
        _ => return false,
    }
    true
}

/// The machine's counterpart of the item at `path`: the machine item of the
/// same kind with the same evidence, else the one at the same place.
pub fn machine_counterpart(
    record: &Record,
    machine: &Record,
    path: FieldPath,
) -> Option<FieldPath> {
    if let FieldPath::Article(_) = path {
        return Some(path);
    }
    let evidence = path.evidence(record)?;
    let same_kind = super::fields::all_paths(machine)
        .into_iter()
        .filter(|p| p.family() == path.family());
    let mut by_place = None;
    for p in same_kind {
        if p.evidence(machine) == Some(evidence) {
            return Some(p);
        }
        if p == path {
            by_place = Some(p);
        }
    }
    by_place
}

/// Whether `path` holds an edited value that can be reverted.
pub fn can_revert(record: &Record, machine: Option<&Record>, path: FieldPath) -> bool {
    path.origin(record) == Some(Origin::Edited)
        && machine.is_some_and(|m| machine_counterpart(record, m, path).is_some())
}

fn revert(record: &mut Record, machine: Option<&Record>, path: FieldPath) -> bool {
    let Some(machine) = machine else {
        return false;
    };
    if path.origin(record) != Some(Origin::Edited) {
        return false;
    }
    let Some(from) = machine_counterpart(record, machine, path) else {
        return false;
    };
    match (path, from) {
        (FieldPath::Article(k), _) => *k.get_mut(record) = k.get(machine).clone(),
        (FieldPath::Inspection(i), FieldPath::Inspection(m)) => {
            // Findings are their own fields with their own origins: keep them.
            let findings = std::mem::take(&mut record.inspections[i].findings);
            record.inspections[i] = machine.inspections[m].clone();
            record.inspections[i].findings = findings;
        }
        (FieldPath::Finding(i, j), FieldPath::Finding(mi, mj)) => {
            record.inspections[i].findings[j] = machine.inspections[mi].findings[mj].clone();
        }
        (FieldPath::Person(i), FieldPath::Person(m)) => {
            record.people[i] = machine.people[m].clone()
        }
        (FieldPath::Quote(i), FieldPath::Quote(m)) => record.quotes[i] = machine.quotes[m].clone(),
        (FieldPath::Figure(i), FieldPath::Figure(m)) => {
            record.figures[i] = machine.figures[m].clone()
        }
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_from_a_selection_are_added_and_prefilled() {
        let Some(NewItem::Figure(f)) =
            NewItem::from_selection(ItemKind::Figure, None, " £4.5 million ", vec![Span(3, 15)])
        else {
            panic!("expected a figure");
        };
        assert_eq!(f.value, 4_500_000.0);
        assert_eq!(f.unit.as_deref(), Some("GBP"));
        assert_eq!(f.text, "£4.5 million");
        assert_eq!(f.origin, Origin::Added);

        let Some(NewItem::Quote(q)) =
            NewItem::from_selection(ItemKind::Quote, None, "“We will act”", vec![])
        else {
            panic!("expected a quote");
        };
        assert_eq!(q.text, "We will act");

        assert!(
            NewItem::from_selection(ItemKind::Finding, None, "x", vec![]).is_none(),
            "a finding needs an inspection"
        );
        let Some(NewItem::Figure(p)) =
            NewItem::from_selection(ItemKind::Figure, None, "40 per cent", vec![])
        else {
            panic!("expected a figure");
        };
        assert_eq!((p.value, p.unit.as_deref()), (40.0, Some("%")));
    }
}
