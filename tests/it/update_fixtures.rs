//! A curated record meeting a newer extractor, shared by the tests of
//! `extract --update` and of Re-extract in the app. The older extractor is
//! simulated: its record is today's machine record with some machine values
//! changed, so that today's extraction is the "new" output.

use ofsted_curator::model::*;
use ofsted_curator::rejection::reject_finding;

/// An article written for these tests.
pub const ARTICLE: &str = "\
Ofsted finds council's children's services inadequate

By Sam Example

Children's services at Kent County Council have been rated inadequate by \
Ofsted following a full inspection in March 2019.

Inspectors said social workers carried caseloads that were too high.

\"We accept the findings and are determined to put things right for \
children,\" said Sarah Hammond, the council's director of children's services.
";

pub const EDITED_HEADLINE: &str = "Kent children's services rated inadequate";
pub const NOTES: &str = "Judgement checked against the Ofsted letter";

/// Code point span of the first `needle` in the article (it is ASCII).
pub fn span_of(needle: &str) -> Span {
    let start = ARTICLE.find(needle).expect("the words are in the article");
    Span(start, start + needle.len())
}

/// What an older extractor would have written from today's `machine`
/// record: the byline cut short, the director missed, a council taken for
/// a person.
pub fn older_extraction(mut machine: Record) -> Record {
    assert_eq!(machine.people.len(), 1, "premise: the director is found");
    assert_eq!(
        machine.inspections[0].findings.len(),
        1,
        "premise: a finding"
    );
    machine.extractor = "ofsted-curator 0.0.1".into();
    machine.updated = "2020-01-01T00:00:00Z".into();
    let byline = machine.article.byline.as_mut().expect("premise: a byline");
    byline.value = "Sam".into();
    byline.evidence = vec![span_of("Sam")];
    machine.people = vec![Person {
        name: "Kent County".into(),
        role: None,
        organisation: None,
        evidence: vec![span_of("Kent County")],
        origin: Origin::Extracted,
    }];
    machine
}

/// A person's review of `old`: the headline edited, a person added, the
/// finding rejected, the judgement edited, notes written, marked reviewed.
pub fn curate(mut old: Record) -> Record {
    let headline = old.article.headline.as_mut().expect("headline");
    headline.value = EDITED_HEADLINE.into();
    headline.origin = Origin::Edited;
    old.people.push(Person {
        name: "Jo Bloggs".into(),
        role: Some("chair of the improvement board".into()),
        organisation: None,
        evidence: vec![],
        origin: Origin::Added,
    });
    let finding = old.inspections[0].findings.remove(0);
    old.rejected.push(reject_finding(&finding));
    old.inspections[0].judgement = Some(Judgement::RequiresImprovement);
    old.inspections[0].origin = Origin::Edited;
    old.notes = NOTES.into();
    old.status = Status::Reviewed;
    old.curator = Some("A Curator".into());
    old
}

/// Checks that `merged` kept every decision of [`curate`] and took the new
/// machine values.
pub fn assert_human_decisions_kept(merged: &Record, curated: &Record) {
    let headline = merged.article.headline.as_ref().expect("headline");
    assert_eq!(
        (headline.value.as_str(), headline.origin),
        (EDITED_HEADLINE, Origin::Edited)
    );
    assert_eq!(
        merged.inspections[0].judgement,
        Some(Judgement::RequiresImprovement)
    );
    assert!(
        merged.inspections[0].findings.is_empty(),
        "the rejected finding is not brought back: {:?}",
        merged.inspections[0].findings
    );
    let people: Vec<(&str, Origin)> = merged
        .people
        .iter()
        .map(|p| (p.name.as_str(), p.origin))
        .collect();
    assert_eq!(
        people,
        [
            ("Kent County", Origin::Extracted),
            ("Jo Bloggs", Origin::Added),
            ("Sarah Hammond", Origin::Extracted),
        ]
    );
    assert_eq!(
        merged.people[1], curated.people[1],
        "the added person, whole"
    );
    assert_eq!(
        merged.article.byline.as_ref().map(|b| b.value.as_str()),
        Some("Sam Example"),
        "the machine value is the new extractor's"
    );
    assert_eq!(merged.notes, NOTES);
    assert_eq!(merged.status, Status::Reviewed);
    assert_eq!(merged.curator.as_deref(), Some("A Curator"));
    assert_eq!(merged.rejected, curated.rejected);
    assert_eq!(merged.extractor, EXTRACTOR);
}
