//! Merging a new extraction into a record, over random records and random
//! new outputs drawn from one small pool of values and places, so that old
//! items, new proposals and rejections often meet: no `edited` or `added`
//! value is ever lost, no rejected proposal comes back, every machine value
//! is the new extractor's (or one kept for a decision), and merging twice
//! changes nothing the second time.

use ofsted_curator::merge::{Merged, merge_extraction};
use ofsted_curator::model::*;
use ofsted_curator::rejection::{self, proposal_value};
use proptest::prelude::*;
use serde_json::Value;

/// Where items may sit: overlapping places make proposals meet.
const PLACES: [usize; 5] = [100, 104, 200, 300, 400];

fn place() -> impl Strategy<Value = Vec<Span>> {
    (prop::sample::select(PLACES.to_vec()), 5usize..12).prop_map(|(s, l)| vec![Span(s, s + l)])
}

fn origin() -> impl Strategy<Value = Origin> {
    prop::sample::select(vec![Origin::Extracted, Origin::Edited, Origin::Added])
}

fn words() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "Jo Bloggs",
        "jo  bloggs",
        "Sam Lee",
        "Ann Ray",
        "drift",
    ])
    .prop_map(str::to_string)
}

fn value() -> impl Strategy<Value = Option<Field<String>>> {
    prop::option::of(
        (words(), 0usize..3, origin()).prop_map(|(value, at, origin)| Field {
            value,
            evidence: vec![Span(at * 4, at * 4 + 6)],
            origin,
        }),
    )
}

fn finding() -> impl Strategy<Value = Finding> {
    (
        prop::sample::select(vec![Theme::Workforce, Theme::Leadership]),
        prop::sample::select(vec![Polarity::Strength, Polarity::Concern]),
        words(),
        place(),
        origin(),
    )
        .prop_map(|(theme, polarity, text, evidence, origin)| Finding {
            theme,
            polarity,
            text,
            evidence,
            origin,
        })
}

fn inspection() -> impl Strategy<Value = Inspection> {
    (
        prop::sample::select(vec![Some("Kent"), Some("Leeds"), None]),
        prop::option::of(prop::sample::select(vec![
            Judgement::Good,
            Judgement::Inadequate,
        ])),
        prop::collection::vec(finding(), 0..3),
        place(),
        origin(),
    )
        .prop_map(|(la, judgement, findings, evidence, origin)| Inspection {
            local_authority: la.map(str::to_string),
            provider: None,
            service: Service::ChildrensServices,
            kind: InspectionKind::FullInspection,
            visit_number: None,
            date: None,
            judgement,
            inspector: None,
            findings,
            evidence,
            origin,
        })
}

fn person() -> impl Strategy<Value = Person> {
    (words(), place(), origin()).prop_map(|(name, evidence, origin)| Person {
        name,
        role: None,
        organisation: None,
        evidence,
        origin,
    })
}

fn figure() -> impl Strategy<Value = Figure> {
    (
        prop::sample::select(vec![41.0, 41.02, 7.0]),
        place(),
        origin(),
    )
        .prop_map(|(value, evidence, origin)| Figure {
            kind: FigureKind::Percent,
            value,
            unit: Some("%".into()),
            text: format!("{value} per cent"),
            context: None,
            local_authority: None,
            evidence,
            origin,
        })
}

fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

/// A record drawn from the pool; a machine output when `machine`.
fn record(machine: bool) -> impl Strategy<Value = Record> {
    (
        (value(), value(), status(), any::<bool>()),
        prop::collection::vec(inspection(), 0..3),
        prop::collection::vec(person(), 0..4),
        prop::collection::vec(figure(), 0..3),
    )
        .prop_map(
            move |((headline, outlet, status, noted), inspections, people, figures)| {
                let mut r = Record::empty(Source {
                    path: "a.txt".into(),
                    text_sha256: "ab".repeat(32),
                    chars: 1000,
                });
                r.article.headline = headline;
                r.article.outlet = outlet;
                r.inspections = inspections;
                r.people = people;
                r.figures = figures;
                if machine {
                    r.extractor = "ofsted-curator 9.9.9".into();
                    r.updated = "2030-01-01T00:00:00Z".into();
                    set_all_extracted(&mut r);
                } else {
                    r.extractor = "ofsted-curator 0.0.1".into();
                    r.status = status;
                    if noted {
                        r.notes = "checked".into();
                    }
                }
                r
            },
        )
}

fn set_all_extracted(r: &mut Record) {
    let a = &mut r.article;
    for f in [&mut a.headline, &mut a.outlet].into_iter().flatten() {
        f.origin = Origin::Extracted;
    }
    for i in &mut r.inspections {
        i.origin = Origin::Extracted;
        i.findings
            .iter_mut()
            .for_each(|f| f.origin = Origin::Extracted);
    }
    r.people
        .iter_mut()
        .for_each(|p| p.origin = Origin::Extracted);
    r.figures
        .iter_mut()
        .for_each(|f| f.origin = Origin::Extracted);
}

/// Every value and item of a record as (field, origin, value, evidence);
/// an inspection without its findings, which are atoms of their own.
fn atoms(r: &Record) -> Vec<(FieldName, Origin, Value, Vec<Span>)> {
    let mut out = Vec::new();
    let a = &r.article;
    for (name, f) in [
        (FieldName::Headline, &a.headline),
        (FieldName::Outlet, &a.outlet),
    ] {
        if let Some(f) = f {
            out.push((
                name,
                f.origin,
                Value::from(f.value.as_str()),
                f.evidence.clone(),
            ));
        }
    }
    for i in &r.inspections {
        out.push((
            FieldName::Inspection,
            i.origin,
            proposal_value(i),
            i.evidence.clone(),
        ));
        for f in &i.findings {
            out.push((
                FieldName::Finding,
                f.origin,
                proposal_value(f),
                f.evidence.clone(),
            ));
        }
    }
    for p in &r.people {
        out.push((
            FieldName::Person,
            p.origin,
            proposal_value(p),
            p.evidence.clone(),
        ));
    }
    for f in &r.figures {
        out.push((
            FieldName::Figure,
            f.origin,
            proposal_value(f),
            f.evidence.clone(),
        ));
    }
    out
}

/// Rejections drawn from the new output's own proposals (and some of the
/// old record's), as a curator would have made them.
fn with_rejections(old: &mut Record, new: &Record, picks: &[usize]) {
    let proposals: Vec<_> = atoms(new).into_iter().chain(atoms(old)).collect();
    for &k in picks {
        if let Some((field, _, value, evidence)) = proposals.get(k % proposals.len().max(1)) {
            old.rejected.push(Rejection {
                field: *field,
                value: value.clone(),
                evidence: evidence.clone(),
            });
        }
    }
}

fn count<T: PartialEq>(items: &[T], x: &T) -> usize {
    items.iter().filter(|y| *y == x).count()
}

fn merged(old: &Record, new: &Record) -> Merged {
    merge_extraction(old, new).expect("the same text")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn merging_keeps_every_human_value_brings_back_no_rejection_and_is_idempotent(
        mut old in record(false),
        new in record(true),
        picks in prop::collection::vec(0usize..20, 0..4),
    ) {
        with_rejections(&mut old, &new, &picks);
        let first = merged(&old, &new);
        let (before, after, machine) = (atoms(&old), atoms(&first.record), atoms(&new));

        for atom in before.iter().filter(|a| a.1 != Origin::Extracted) {
            prop_assert!(
                count(&after, atom) >= count(&before, atom),
                "a person's value was lost: {atom:?}\nmerged: {:#?}", first.record
            );
        }
        for atom in after.iter().filter(|a| a.1 == Origin::Extracted) {
            let (field, _, value, evidence) = atom;
            let rejected = rejection::is_rejected(&old.rejected, *field, value, evidence);
            prop_assert!(
                !rejected || before.contains(atom),
                "a rejected proposal came back: {atom:?}"
            );
            prop_assert!(
                machine.contains(atom) || before.contains(atom),
                "a machine value from nowhere: {atom:?}"
            );
        }
        prop_assert_eq!(&first.record.notes, &old.notes);
        prop_assert_eq!(&first.record.rejected, &old.rejected);
        if old.is_curated() {
            prop_assert_eq!(first.record.status, old.status);
        }

        let second = merged(&first.record, &new);
        prop_assert!(!second.changed, "the second merge changed: {:#?}", second.summary.changes);
        prop_assert_eq!(&second.record, &first.record);
    }
}
