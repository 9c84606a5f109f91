//! Rule-based extraction of a curation record from an article's text.
//!
//! Deterministic and offline. The rules follow how English news about
//! Ofsted inspections of children's services is written (datelines,
//! "rated inadequate", "fifth monitoring visit", "said TfC chair ..."),
//! not the wording of any particular article. Every part works on byte
//! offsets into the text; spans become code point offsets at the end.

mod article;
mod cues;
mod dates;
mod figures;
mod findings;
mod inspections;
mod layout;
mod names;
mod people;
mod quotes;

pub use dates::PartialDate;

use crate::gazetteer::{Entity, Gazetteer, Mention};
use crate::model::{
    Field, Figure, FigureKind, Finding, Inspection, Origin, Person, Quote, Record, Source, Span,
    Status,
};
use crate::text::{OffsetMap, text_sha256};
use aho_corasick::{AhoCorasick, MatchKind};
use layout::{BlockKind, Layout};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

/// The article text with what every part of the extractor shares.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    /// `text` with ASCII letters in lower case, at the same byte offsets:
    /// made once for every part that searches it.
    pub lower: String,
    pub layout: Layout,
    /// Council and trust names outside the footer, in text order.
    pub mentions: Vec<Mention>,
    pub byline: Option<String>,
    pub published: Option<PartialDate>,
    pub gazetteer: &'static Gazetteer,
    primary: Option<String>,
    /// The byline and dateline with their ranges, found once for the record.
    byline_found: Option<article::Found<String>>,
    published_found: Option<article::Found<PartialDate>>,
    one_council: bool,
    one_council_in_header: bool,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Self {
        let layout = layout::layout(text);
        let gazetteer = Gazetteer::get();
        let candidates: Vec<Mention> = with_abolished_councils(text, gazetteer.mentions(text))
            .into_iter()
            .filter(|m| {
                layout
                    .block_at(m.start)
                    .is_some_and(|b| layout.blocks[b].kind != BlockKind::Footer)
            })
            .filter(|m| !part_of_a_persons_name(text, m))
            .filter(|m| !text[..m.start].ends_with("New "))
            .collect();
        // A name that is also an ordinary word ("Derby", "Reading") counts
        // where the text treats it as a place, and everywhere once the
        // article has done so ("Derby City Council ... as Derby earns").
        let placed: HashSet<Entity> = candidates
            .iter()
            .filter(|m| !ambiguous_without_context(text, m))
            .map(|m| m.entity)
            .collect();
        let mentions: Vec<Mention> = candidates
            .into_iter()
            .filter(|m| placed.contains(&m.entity))
            .collect();
        let byline_found = article::byline(text, &layout);
        let published_found = article::published(text, &layout);
        let byline = byline_found.as_ref().map(|b| b.value.clone());
        let published = published_found.as_ref().map(|p| p.value);
        let mut doc = Doc {
            text,
            lower: text.to_ascii_lowercase(),
            layout,
            mentions,
            byline,
            published,
            gazetteer,
            primary: None,
            byline_found,
            published_found,
            one_council: true,
            one_council_in_header: false,
        };
        doc.primary = doc.most_mentioned_council();
        doc.one_council = doc.all_names_one_council();
        doc.one_council_in_header = doc.header_names_one_council();
        doc
    }

    pub fn overlaps_entity(&self, r: &Range<usize>) -> bool {
        self.mentions
            .iter()
            .any(|m| m.start < r.end && r.start < m.end)
    }

    /// The council an entity stands for; for a trust serving several
    /// councils, the one the article also names.
    pub fn council_of(&self, entity: Entity) -> String {
        match entity {
            Entity::Council(_) => self.gazetteer.entity_council(entity).to_string(),
            Entity::Trust(t) => {
                let options = self.gazetteer.trust_councils(t);
                let named = options.iter().find(|c| {
                    self.mentions.iter().any(|m| {
                        matches!(m.entity, Entity::Council(_))
                            && self.gazetteer.entity_council(m.entity) == **c
                    })
                });
                named.or(options.first()).map_or_else(
                    || self.gazetteer.entity_council(entity).to_string(),
                    |c| c.to_string(),
                )
            }
        }
    }

    fn most_mentioned_council(&self) -> Option<String> {
        let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
        for (i, m) in self.mentions.iter().enumerate() {
            let e = counts.entry(self.council_of(m.entity)).or_insert((0, i));
            e.0 += 1;
        }
        counts
            .into_iter()
            .max_by_key(|(_, (n, first))| (*n, usize::MAX - first))
            .map(|(c, _)| c)
    }

    pub fn primary_council(&self) -> Option<&str> {
        self.primary.as_deref()
    }

    /// Whether every council or trust name in the article stands for the
    /// same council.
    pub fn names_one_council(&self) -> bool {
        self.one_council
    }

    /// Whether the headline and header lines name exactly one council,
    /// which an unnamed lede sentence is then about.
    pub fn names_one_council_in_header(&self) -> bool {
        self.one_council_in_header
    }

    fn header_names_one_council(&self) -> bool {
        let first_body = self
            .layout
            .blocks
            .iter()
            .find(|b| b.kind == BlockKind::Body)
            .map_or(self.text.len(), |b| b.range.start);
        let mut councils = self
            .mentions
            .iter()
            .filter(|m| m.end <= first_body)
            .map(|m| self.council_of(m.entity));
        let Some(first) = councils.next() else {
            return false;
        };
        councils.all(|c| c == first)
    }

    fn all_names_one_council(&self) -> bool {
        let mut councils = self.mentions.iter().map(|m| self.council_of(m.entity));
        let first = councils.next();
        councils.all(|c| Some(&c) == first.as_ref())
    }

    /// The text of the last council or trust name before `at` in the same
    /// sentence ("Sandwell Children's Trust, which is chaired by ...").
    pub fn last_entity_name_before(&self, at: usize) -> Option<String> {
        let sentence_start = self
            .layout
            .sentence_at(at)
            .map_or(0, |i| self.layout.sentences[i].range.start);
        self.mentions
            .iter()
            .rev()
            .find(|m| m.end <= at && m.start >= sentence_start)
            .map(|m| self.text[m.start..m.end].replace('’', "'"))
    }

    /// A trust's or council's canonical name for an organisation named in
    /// text ("TfC" -> "Together for Children"), else the text itself.
    pub fn canonical_organisation(&self, surface: &str) -> String {
        let surface = surface.trim();
        match self.gazetteer.mentions(surface).first() {
            Some(m) if m.start == 0 && m.end == surface.len() => match m.entity {
                Entity::Trust(t) => self.gazetteer.trusts()[t].name.clone(),
                Entity::Council(_) => {
                    format!("{} Council", self.gazetteer.entity_council(m.entity))
                }
            },
            _ => surface.to_string(),
        }
    }

    /// The council a byte offset's sentence is about: a name in the
    /// sentence, else the last name before it, else the article's main one.
    pub fn council_at(&self, at: usize) -> Option<String> {
        let range = self
            .layout
            .sentence_at(at)
            .map_or(at..at, |i| self.layout.sentences[i].range.clone());
        // Mentions are in text order and do not overlap, so both searches
        // are binary rather than a scan per figure or finding.
        let first_inside = self.mentions.partition_point(|m| m.start < range.start);
        let inside = self
            .mentions
            .get(first_inside)
            .filter(|m| m.end <= range.end);
        let before = self.mentions[..first_inside]
            .iter()
            .rev()
            .find(|m| m.end <= range.start);
        inside
            .or(before)
            .map(|m| self.council_of(m.entity))
            .or_else(|| self.primary.clone())
    }
}

/// Names of councils that have since been abolished ("Northamptonshire
/// County Council"), which older articles still report on: patterns with
/// their index into the gazetteer's councils.
static ABOLISHED: LazyLock<(AhoCorasick, Vec<usize>)> = LazyLock::new(|| {
    let mut patterns: Vec<String> = Vec::new();
    let mut owners = Vec::new();
    for (i, c) in Gazetteer::get().councils().iter().enumerate() {
        if c.kind != "abolished" {
            continue;
        }
        for n in std::iter::once(&c.name).chain(&c.aliases) {
            if n.len() >= 3 {
                patterns.push(n.clone());
                owners.push(i);
            }
        }
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .expect("abolished council names");
    (automaton, owners)
});

/// The gazetteer's mentions with abolished councils' names added where
/// they stand as whole words and are not part of a longer current name
/// ("North Northamptonshire").
fn with_abolished_councils(text: &str, mut mentions: Vec<Mention>) -> Vec<Mention> {
    let (automaton, owners) = &*ABOLISHED;
    let mut added = false;
    for m in automaton.find_iter(text) {
        let whole_word = text[..m.start()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
            && text[m.end()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
        let covered = mentions
            .iter()
            .any(|o| o.start < m.end() && m.start() < o.end && o.end - o.start >= m.len());
        if !whole_word || covered {
            continue;
        }
        mentions.retain(|o| !(o.start < m.end() && m.start() < o.end));
        mentions.push(Mention {
            start: m.start(),
            end: m.end(),
            entity: Entity::Council(owners[m.pattern().as_usize()]),
        });
        added = true;
    }
    if added {
        mentions.sort_by_key(|m| m.start);
    }
    mentions
}

/// "Brenda Warrington", "Cllr Bolton": a council name that is a surname.
fn part_of_a_persons_name(text: &str, m: &Mention) -> bool {
    let previous = text[..m.start]
        .trim_end_matches(' ')
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    text[..m.start].ends_with(' ') && (names::is_first_name(previous) || names::is_title(previous))
}

/// Council names that are also ordinary words ("Reading", "Bury") count
/// only where the text treats them as places.
fn ambiguous_without_context(text: &str, m: &Mention) -> bool {
    const AMBIGUOUS: &[&str] = &[
        "Reading", "Bury", "York", "Sutton", "Derby", "Hull", "Stoke", "Kingston", "Richmond",
        "Halton", "Brent",
    ];
    let surface = &text[m.start..m.end];
    if !AMBIGUOUS.contains(&surface) {
        return false;
    }
    // A few words either side are enough; lower-casing the rest of the
    // text for every mention would make long articles quadratic.
    let after = people::head(text[m.end..].trim_start(), 24).to_lowercase();
    let before = people::tail(text[..m.start].trim_end(), 24).to_lowercase();
    let place_after = [
        "council", "borough", "children", "'s", "’s", "city", "local",
    ]
    .iter()
    .any(|w| after.starts_with(w));
    let place_before = [
        " in", " at", " of", " to", " for", " from", " visited", " and",
    ]
    .iter()
    .any(|w| before.ends_with(w));
    !(place_after || place_before)
}

/// Extracts a machine record from `text`; `source_path` is written into
/// `source.path`.
pub fn extract_record(text: &str, source_path: &str) -> Record {
    let map = OffsetMap::new(text);
    let spans = |ranges: &[Range<usize>]| -> Vec<Span> {
        ranges
            .iter()
            .filter(|r| r.start < r.end)
            .map(|r| Span(map.to_char(r.start), map.to_char(r.end)))
            .collect()
    };
    let mut record = Record::empty(Source {
        path: source_path.to_string(),
        text_sha256: text_sha256(text),
        chars: map.chars(),
    });

    let doc = Doc::new(text);
    let field = |value: String, range: Range<usize>| Some(Field::extracted(value, spans(&[range])));
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

    let found_people = people::people(&doc);
    let found_quotes = quotes::quotes(&doc, &found_people);
    let events = inspections::inspections(&doc);
    let found_findings = findings::findings(&doc, &found_quotes);

    let inspector = found_people
        .iter()
        .find(|p| {
            p.role
                .as_deref()
                .is_some_and(|r| r.contains("inspector") || r.contains("hmi"))
        })
        .map(|p| p.name.clone());
    let main_event = news_event_per_council(&events);

    let finding_councils: Vec<Option<String>> = found_findings
        .iter()
        .map(|f| doc.council_at(f.range.start))
        .collect();
    for (i, e) in events.iter().enumerate() {
        let is_news = main_event.get(&e.council) == Some(&i);
        let findings = found_findings
            .iter()
            .zip(&finding_councils)
            .filter(|(_, council)| is_news && council.as_deref() == Some(e.council.as_str()))
            .map(|(f, _)| f)
            .map(|f| Finding {
                theme: f.theme,
                polarity: f.polarity,
                text: text[f.range.clone()].to_string(),
                evidence: spans(std::slice::from_ref(&f.range)),
                origin: Origin::Extracted,
            })
            .collect();
        record.inspections.push(Inspection {
            local_authority: Some(e.council.clone()),
            provider: provider_for(&doc, e),
            service: e.service,
            kind: e.kind,
            visit_number: e.visit_number,
            date: e.date.map(PartialDate::to_iso),
            judgement: e.judgement,
            inspector: if is_news && Some(e.council.as_str()) == doc.primary_council() {
                inspector.clone()
            } else {
                None
            },
            findings,
            evidence: spans(&e.ranges),
            origin: Origin::Extracted,
        });
    }

    record.people = found_people
        .iter()
        .map(|p| Person {
            name: p.name.clone(),
            role: p.role.clone(),
            organisation: p.organisation.clone(),
            evidence: spans(&p.ranges[..1]),
            origin: Origin::Extracted,
        })
        .collect();
    record.quotes = found_quotes
        .iter()
        .map(|q| Quote {
            speaker: q.speaker.clone(),
            text: q.text.clone(),
            evidence: spans(std::slice::from_ref(&q.range)),
            origin: Origin::Extracted,
        })
        .collect();
    record.figures = figures::figures(&doc)
        .into_iter()
        .map(|f| Figure {
            kind: f.kind,
            value: f.value,
            unit: match f.kind {
                FigureKind::Money => Some("GBP".to_string()),
                FigureKind::Percent => Some("%".to_string()),
                FigureKind::Count => None,
            },
            text: text[f.range.clone()].to_string(),
            context: Some(f.context),
            local_authority: doc.council_at(f.range.start),
            evidence: spans(std::slice::from_ref(&f.range)),
            origin: Origin::Extracted,
        })
        .collect();
    if record.inspections.is_empty() {
        record.status = Status::OffTopic;
    }
    record
}

/// For each council, the event that is the news: a visit or undated/latest
/// inspection mentioned most, rather than an earlier judgement cited.
fn news_event_per_council(events: &[inspections::EventFound]) -> HashMap<String, usize> {
    let mut best: HashMap<String, usize> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        let score = |e: &inspections::EventFound| {
            let visit = matches!(
                e.kind,
                crate::model::InspectionKind::MonitoringVisit
                    | crate::model::InspectionKind::FocusedVisit
                    | crate::model::InspectionKind::JointTargetedAreaInspection
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
fn provider_for(doc: &Doc, e: &inspections::EventFound) -> Option<String> {
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
