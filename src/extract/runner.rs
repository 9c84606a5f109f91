//! The pass runner: builds the `Doc` once, runs the passes over it in
//! order (article fields, people, quotes, inspections, findings, figures),
//! and turns what they found into a record, with byte ranges made code
//! point spans.

use super::doc::Doc;
use super::findings::FindingFound;
use super::inspections::EventFound;
use super::people::PersonFound;
use super::{article, figures, findings, inspections, people, quotes, topic};
use crate::gazetteer::Entity;
use crate::model::{
    Field, Figure, FigureKind, Finding, Inspection, InspectionKind, Origin, Person, Quote, Record,
    Source, Span, Status,
};
use crate::text::{OffsetMap, text_sha256};
use std::collections::HashMap;
use std::ops::Range;

/// Byte ranges of the text made code point spans.
struct Spans(OffsetMap);

impl Spans {
    fn of(&self, ranges: &[Range<usize>]) -> Vec<Span> {
        ranges
            .iter()
            .filter(|r| r.start < r.end)
            .map(|r| Span(self.0.to_char(r.start), self.0.to_char(r.end)))
            .collect()
    }

    fn one(&self, range: &Range<usize>) -> Vec<Span> {
        self.of(std::slice::from_ref(range))
    }
}

/// Extracts a machine record from `text`; `source_path` is written into
/// `source.path`.
pub fn extract_record(text: &str, source_path: &str) -> Record {
    extract_record_hashed(text, source_path, text_sha256(text))
}

/// [`extract_record`] of a text whose hash is known already, as that of
/// an article read from a file (`text::Article::sha256`).
pub fn extract_record_hashed(text: &str, source_path: &str, text_sha256: String) -> Record {
    let spans = Spans(OffsetMap::new(text));
    let mut record = Record::empty(Source {
        path: source_path.to_string(),
        text_sha256,
        chars: spans.0.chars(),
    });
    let doc = Doc::new(text);
    article_fields(&doc, &spans, &mut record);

    let found_people = people::people(&doc);
    let found_quotes = quotes::quotes(&doc, &found_people);
    let events = inspections::inspections(&doc);
    let found_findings = findings::findings(&doc, &found_quotes);

    record.inspections = inspection_records(&doc, &spans, &events, &found_findings, &found_people);
    record.people = found_people
        .iter()
        .map(|p| Person {
            name: p.name.clone(),
            role: p.role.clone(),
            organisation: p.organisation.clone(),
            evidence: spans.of(&p.ranges[..1]),
            origin: Origin::Extracted,
        })
        .collect();
    record.quotes = found_quotes
        .iter()
        .map(|q| Quote {
            speaker: q.speaker.clone(),
            text: q.text.clone(),
            evidence: spans.one(&q.range),
            origin: Origin::Extracted,
        })
        .collect();
    record.figures = figure_records(&doc, &spans);
    // A national piece or an independent provider's inspection gives no
    // council's item and is still on topic.
    if record.inspections.is_empty() && !topic::about_childrens_care_inspection(&doc) {
        // An off-topic record keeps only its article fields (the guide).
        record.status = Status::OffTopic;
        record.people.clear();
        record.quotes.clear();
        record.figures.clear();
    }
    record
}

/// Headline, byline, publication date and outlet.
fn article_fields(doc: &Doc, spans: &Spans, record: &mut Record) {
    let text = doc.text;
    let field =
        |value: String, range: Range<usize>| Some(Field::extracted(value, spans.one(&range)));
    record.article.headline =
        article::headline(text, &doc.layout).and_then(|f| field(f.value, f.range));
    record.article.byline = doc
        .byline_found
        .clone()
        .and_then(|f| field(f.value, f.range));
    record.article.published = doc
        .published_found
        .clone()
        .and_then(|f| field(f.value.to_iso(), f.range));
    record.article.outlet =
        article::outlet(text, &doc.layout).and_then(|f| field(f.value, f.range));
}

/// One inspection per event; the findings and the inspector go to each
/// council's news event.
fn inspection_records(
    doc: &Doc,
    spans: &Spans,
    events: &[EventFound],
    found_findings: &[FindingFound],
    found_people: &[PersonFound],
) -> Vec<Inspection> {
    let inspector = found_people
        .iter()
        .find(|p| {
            p.role
                .as_deref()
                .is_some_and(|r| r.contains("inspector") || r.contains("hmi"))
        })
        .map(|p| p.name.clone());
    let main_event = news_event_per_council(events);
    // A finding goes to the council it is about; where that council has
    // no inspection in the article (a neighbour named in passing, a
    // partner council), to the article's main council.
    let primary = doc.primary_council().map(str::to_string);
    let finding_councils: Vec<Option<String>> = found_findings
        .iter()
        .map(|f| {
            doc.council_at(f.range.start)
                .filter(|c| main_event.contains_key(c))
                .or_else(|| primary.clone())
        })
        .collect();
    let mut out = Vec::new();
    for (i, e) in events.iter().enumerate() {
        let is_news = main_event.get(&e.council) == Some(&i);
        let findings = found_findings
            .iter()
            .zip(&finding_councils)
            .filter(|(_, council)| is_news && council.as_deref() == Some(e.council.as_str()))
            .map(|(f, _)| Finding {
                theme: f.theme,
                polarity: f.polarity,
                text: doc.text[f.range.clone()].to_string(),
                evidence: spans.one(&f.range),
                origin: Origin::Extracted,
            })
            .collect();
        out.push(Inspection {
            local_authority: Some(e.council.clone()),
            provider: provider_for(doc, e),
            service: e.service,
            kind: e.kind,
            visit_number: e.visit_number,
            date: e.date.map(|d| d.to_iso()),
            judgement: e.judgement,
            inspector: if is_news && Some(e.council.as_str()) == doc.primary_council() {
                inspector.clone()
            } else {
                None
            },
            findings,
            evidence: spans.of(&e.ranges),
            origin: Origin::Extracted,
        });
    }
    out
}

fn figure_records(doc: &Doc, spans: &Spans) -> Vec<Figure> {
    figures::figures(doc)
        .into_iter()
        .map(|f| Figure {
            kind: f.kind,
            value: f.value,
            unit: match f.kind {
                FigureKind::Money => Some("GBP".to_string()),
                FigureKind::Percent => Some("%".to_string()),
                FigureKind::Count => None,
            },
            text: doc.text[f.range.clone()].to_string(),
            context: Some(f.context),
            local_authority: doc.council_at(f.range.start),
            evidence: spans.one(&f.range),
            origin: Origin::Extracted,
        })
        .collect()
}

/// For each council, the event that is the news: a visit or undated/latest
/// inspection mentioned most, rather than an earlier judgement cited.
fn news_event_per_council(events: &[EventFound]) -> HashMap<String, usize> {
    let mut best: HashMap<String, usize> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        let score = |e: &EventFound| {
            let visit = matches!(
                e.kind,
                InspectionKind::MonitoringVisit
                    | InspectionKind::FocusedVisit
                    | InspectionKind::JointTargetedAreaInspection
            );
            (
                usize::from(visit),
                e.mentions,
                e.date.map_or(0, |d| d.year()),
            )
        };
        match best.get(&e.council) {
            Some(&j) if score(&events[j]) >= score(e) => {}
            _ => {
                best.insert(e.council.clone(), i);
            }
        }
    }
    best
}

/// The trust that ran the council's services at the time of the event, if
/// the article names one.
fn provider_for(doc: &Doc, e: &EventFound) -> Option<String> {
    if let Some(t) = &e.trust {
        return Some(t.clone());
    }
    let trust = doc.mentions.iter().find_map(|m| match m.entity {
        Entity::Trust(t) if doc.council_of(m.entity) == e.council => {
            Some(&doc.gazetteer.trusts()[t])
        }
        _ => None,
    })?;
    let after_start = match (e.date, trust.from_year) {
        (Some(d), Some(from)) => d.year() >= from,
        _ => e.judgement.is_none(),
    };
    after_start.then(|| trust.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn councils_named(text: &str) -> Vec<String> {
        let doc = Doc::new(text);
        doc.mentions
            .iter()
            .map(|m| doc.council_of(m.entity))
            .collect()
    }

    #[test]
    fn a_lede_without_a_name_is_about_the_headlines_one_council() {
        let t = "Kent children's services praised by inspectors\n\nChildren's services have been rated good by Ofsted after a full inspection in May.\n\nKent County Council was praised, and neighbouring Medway Council was mentioned too.";
        let r = extract_record(t, "t.txt");
        assert_eq!(r.inspections[0].local_authority.as_deref(), Some("Kent"));
        assert_eq!(
            r.inspections[0].judgement,
            Some(crate::model::Judgement::Good)
        );
    }

    #[test]
    fn abolished_councils_are_still_named() {
        let t = "Headline\n\nChildren's services at Northamptonshire County Council were rated inadequate, while North Northamptonshire Council was not inspected.";
        assert_eq!(
            councils_named(t),
            vec!["Northamptonshire", "North Northamptonshire"]
        );
    }

    #[test]
    fn an_ambiguous_name_counts_once_the_article_places_it() {
        let t = "Derby earns top rating\n\nDerby City Council was rated outstanding in all areas by Ofsted this month.";
        assert_eq!(councils_named(t), vec!["Derby", "Derby"]);
        let t = "Derby day\n\nThe horses ran well at the Derby this year, the report said.";
        assert!(councils_named(t).is_empty());
    }

    #[test]
    fn an_opening_sentence_before_any_name_is_not_given_to_one_of_several_councils() {
        let t = "Ofsted round-up: Kent rated good as Medway is visited\n\nThree councils heard from Ofsted this week, with one rated inadequate and one judged outstanding.\n\nKent County Council was rated good after a full inspection in May.\n\nMedway Council received a focused visit last month.";
        let r = extract_record(t, "t.txt");
        let judged: Vec<(Option<String>, Option<crate::model::Judgement>)> = r
            .inspections
            .iter()
            .map(|i| (i.local_authority.clone(), i.judgement))
            .collect();
        assert_eq!(
            judged,
            vec![
                (
                    Some("Kent".to_string()),
                    Some(crate::model::Judgement::Good)
                ),
                (Some("Medway".to_string()), None)
            ]
        );
    }
}
