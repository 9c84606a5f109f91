//! Inspection events: the visit or inspection that is the news, and every
//! earlier judgement the article cites.
//!
//! Each sentence is read for kind cues ("fifth monitoring visit") and
//! judgement cues ("rated inadequate"); a judgement joins the nearest kind
//! that can carry one, or stands as a full inspection; dates join the
//! nearest cue; the council is the nearest name in the sentence or the last
//! one before it. Mentions of the same event across the article are then
//! merged.

use super::Doc;
use super::cues::{self, JudgementCue, KindCue};
use super::dates::{self, PartialDate};
use super::layout::BlockKind;
use super::window::after_last;
use crate::gazetteer::{Entity, Mention};
use crate::model::{InspectionKind, Judgement, Service};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

mod anaphora;
mod bullets;
mod independent;
mod sector;
mod subjects;
mod topic;

#[derive(Debug, Clone, PartialEq)]
pub struct EventFound {
    pub council: String,
    pub trust: Option<String>,
    pub service: Service,
    pub kind: InspectionKind,
    pub visit_number: Option<u32>,
    pub date: Option<PartialDate>,
    pub judgement: Option<Judgement>,
    pub ranges: Vec<Range<usize>>,
    /// Byte offset of the first cue, for ordering.
    pub first_at: usize,
    pub mentions: usize,
    /// Reported as news ("has been rated good"), not a past grade: a grade
    /// dated years before publication is another event.
    pub reported_now: bool,
}

#[derive(Debug, Clone)]
struct Candidate {
    cue: Range<usize>,
    kind: InspectionKind,
    judgement: Option<Judgement>,
    date: Option<PartialDate>,
    visit_number: Option<u32>,
    service: Service,
}

fn carries_judgement(kind: InspectionKind) -> bool {
    matches!(kind, InspectionKind::FullInspection | InspectionKind::Other)
}

fn distance(a: &Range<usize>, b: &Range<usize>) -> usize {
    b.start
        .saturating_sub(a.end)
        .max(a.start.saturating_sub(b.end))
}

/// Candidates of one sentence `s` (offsets relative to it), given its
/// kind and judgement cues; `lower` is `s` ASCII-lower-cased, where it is
/// at hand.
fn sentence_candidates(
    s: &str,
    lower: Option<&str>,
    kinds: &[KindCue],
    judgements: &[JudgementCue],
    published: Option<PartialDate>,
) -> Vec<Candidate> {
    if kinds.is_empty() && judgements.is_empty() {
        return Vec::new();
    }
    if cues::about_other_setting(&cues::Folded::with_lower(s, lower)) {
        return Vec::new();
    }
    let mut out: Vec<Candidate> = kinds
        .iter()
        .map(|k| Candidate {
            cue: k.range.clone(),
            kind: k.kind,
            judgement: None,
            date: None,
            visit_number: if k.kind == InspectionKind::MonitoringVisit {
                cues::visit_ordinal(s, &k.range)
            } else {
                None
            },
            service: Service::ChildrensServices,
        })
        .collect();
    for j in judgements {
        let host = out
            .iter_mut()
            .filter(|c| carries_judgement(c.kind) && c.judgement.is_none())
            .min_by_key(|c| distance(&c.cue, &j.range));
        match host {
            Some(c) if distance(&c.cue, &j.range) < 200 => {
                c.judgement = Some(j.judgement);
                c.cue = c.cue.start.min(j.range.start)..c.cue.end.max(j.range.end);
            }
            _ => out.push(Candidate {
                cue: j.range.clone(),
                kind: InspectionKind::FullInspection,
                judgement: Some(j.judgement),
                date: None,
                visit_number: None,
                service: Service::ChildrensServices,
            }),
        }
    }
    assign_dates(s, published, &mut out);
    assign_services(s, &mut out)
}

/// Each date goes to the nearest cue; each cue takes at most its nearest
/// date. "rated inadequate in 2015 and again in January 2018" repeats the
/// judgement for the second date.
fn assign_dates(s: &str, published: Option<PartialDate>, out: &mut Vec<Candidate>) {
    let found = dates::prose_dates(s, published);
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (di, d) in found.iter().enumerate() {
        for (ci, c) in out.iter().enumerate() {
            let dist = distance(&d.range, &c.cue);
            if dist <= 90 {
                // A date in another clause ("visited in October, up from
                // good") belongs less to the cue than one in the same clause.
                let gap = d.range.end.min(c.cue.end)..d.range.start.max(c.cue.start);
                let other_clause = s.get(gap).is_some_and(|g| g.contains([',', ';', '(', ')']));
                pairs.push((dist + if other_clause { 50 } else { 0 }, di, ci));
            }
        }
    }
    pairs.sort();
    let mut date_used = vec![false; found.len()];
    for (_, di, ci) in pairs {
        if date_used[di] || out[ci].date.is_some() {
            continue;
        }
        // A date already closer to another cue belongs to that one.
        out[ci].date = Some(found[di].date);
        date_used[di] = true;
    }
    for (di, d) in found.iter().enumerate() {
        let before = s[..d.range.start].trim_end().as_bytes();
        let again = |phrase: &[u8]| {
            before.len() >= phrase.len()
                && before[before.len() - phrase.len()..].eq_ignore_ascii_case(phrase)
        };
        if date_used[di] || !(again(b"again in") || again(b"again on")) {
            continue;
        }
        let repeated = out
            .iter()
            .filter(|c| c.judgement.is_some() && c.date.is_some())
            .filter(|c| c.cue.end <= d.range.start && distance(&d.range, &c.cue) <= 90)
            .min_by_key(|c| distance(&d.range, &c.cue))
            .cloned();
        if let Some(mut again) = repeated {
            again.date = Some(d.date);
            again.cue = d.range.clone();
            out.push(again);
        }
    }
}

static SAME_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:the\s+same\s+year|that\s+same\s+year|later\s+that\s+year|that\s+year)(?-u:\b)")
        .expect("same year regex")
});

/// "Richmond's were also judged good in the same year": an undated
/// candidate takes the year of the last date an earlier cue had;
/// `last_year` is updated with this sentence's.
fn same_year_as_before(s: &str, candidates: &mut [Candidate], last_year: &mut Option<i32>) {
    if let Some(y) = *last_year
        && candidates.iter().any(|c| c.date.is_none())
        && SAME_YEAR.is_match(s)
    {
        for c in candidates.iter_mut().filter(|c| c.date.is_none()) {
            c.date = Some(PartialDate::Year(y));
        }
    }
    if let Some(d) = candidates.iter().rev().find_map(|c| c.date) {
        *last_year = Some(d.year());
    }
}

/// Services named in the clause before a judgement or after a kind cue
/// ("a full inspection of the trust's fostering agency", "fostering and
/// adoption, which were both rated good"); one candidate per service.
fn assign_services(s: &str, candidates: &mut [Candidate]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for c in candidates.iter() {
        let clause_start = after_last(&s[..c.cue.start], &['.', ';', '(', '—']);
        let back = s[clause_start..c.cue.start].len().min(70);
        let mut from = c.cue.start - back;
        while !s.is_char_boundary(from) {
            from += 1;
        }
        let mut to = (c.cue.end + 70).min(s.len());
        while !s.is_char_boundary(to) {
            to -= 1;
        }
        let after = &s[c.cue.end..to];
        let after = after.split([',', ';', '.']).next().unwrap_or("");
        // Only an "of ..." phrase after the cue names what was inspected.
        let after = if after.trim_start().starts_with("of ") {
            after
        } else {
            ""
        };
        let window = [&s[from..c.cue.start], &s[c.cue.clone()], after].join(" ");
        let services = cues::services_in(&window);
        if services.is_empty() {
            out.push(c.clone());
        } else {
            for svc in services {
                let mut one = c.clone();
                one.service = svc;
                out.push(one);
            }
        }
    }
    out
}

/// Inspection events of the article, in order of first mention.
pub fn inspections(doc: &Doc) -> Vec<EventFound> {
    let text = doc.text;
    let mut events: Vec<EventFound> = Vec::new();
    if topic::about_a_school(doc) {
        return events;
    }
    let lower = cues::lower_cased_from(text, &doc.lower);
    // Body sentences, and the lines of a bulleted timeline ("- 2014:
    // judged to require improvement"), which the layout counts as
    // furniture.
    let (sentences, from_layout) = bullets::with_timeline_lines(doc);
    let kinds = cues::kind_cues_by_sentence(text, lower, &sentences);
    let judgements = cues::judgement_cues_by_sentence(text, lower, &sentences);
    let layout_kinds: Vec<Vec<KindCue>> = kinds
        .iter()
        .zip(&from_layout)
        .filter(|(_, in_layout)| **in_layout)
        .map(|(k, _)| k.clone())
        .collect();
    let tied = independent::tied_councils(doc);
    let mut last_year = None;
    for (i, r) in sentences.iter().enumerate() {
        let s = &text[r.clone()];
        // "Report (April 2024) | Letter (2022) | Response": a row of links.
        if s.matches(" | ").count() >= 2 {
            continue;
        }
        let lower_s = lower.map(|l| &l[r.clone()]);
        let mut candidates =
            sentence_candidates(s, lower_s, &kinds[i], &judgements[i], doc.published);
        same_year_as_before(s, &mut candidates, &mut last_year);
        for c in candidates {
            let at = r.start + c.cue.start;
            let cue = r.start + c.cue.start..r.start + c.cue.end;
            let Some((council, trust, mention)) = council_judged(doc, r, &cue, &tied) else {
                continue;
            };
            let found = EventFound {
                council,
                trust,
                service: c.service,
                kind: c.kind,
                visit_number: c.visit_number,
                date: c.date,
                judgement: c.judgement,
                ranges: vec![r.clone()],
                first_at: at,
                mentions: 1,
                reported_now: c.date.is_none() && subjects::reported_now(s, &c.cue),
            };
            // "were Thurrock and Tameside": the same event for each.
            let partners = mention
                .filter(|m| r.start <= m.start && m.end <= r.end)
                .map(|m| subjects::coordinated(doc, &m))
                .unwrap_or_default();
            merge(&mut events, found.clone(), doc.published);
            for p in partners {
                let mut same = found.clone();
                same.council = doc.council_of(p.entity);
                same.trust = None;
                merge(&mut events, same, doc.published);
            }
        }
    }
    anaphora::date_the_news_event(doc, lower, &layout_kinds, &mut events);
    anaphora::fold_bare_visits(&mut events);
    for e in &mut events {
        e.ranges.sort_by_key(|r| r.start);
        e.ranges.dedup();
        e.ranges.truncate(3);
    }
    events
}

/// The council an event at `cue` of `sentence` concerns, as `council_for`
/// gives it; none where the sentence speaks of councils in general or of
/// an independent provider the council does not run.
fn council_judged(
    doc: &Doc,
    sentence: &Range<usize>,
    cue: &Range<usize>,
    tied: &[String],
) -> Option<(String, Option<String>, Option<Mention>)> {
    if sector::about_councils_in_general(doc, sentence, cue) {
        return None;
    }
    let (council, trust, mention) = council_for(doc, sentence.clone(), cue.clone())
        .filter(|(_, _, m)| !m.is_some_and(|m| subjects::named_for_comparison(doc, &m)))?;
    let names_the_council = mention.is_some_and(|m| {
        sentence.start <= m.start
            && m.end <= sentence.end
            && independent::names_the_council(doc, &m)
    });
    let a_providers = trust.is_none()
        && !names_the_council
        && !tied.contains(&council)
        && independent::about_a_provider(doc, sentence, cue);
    (!a_providers).then_some((council, trust, mention))
}

/// The council (and trust, if a trust is named) an event at `cue` in
/// `sentence` concerns.
fn council_for(
    doc: &Doc,
    sentence: Range<usize>,
    cue: Range<usize>,
) -> Option<(String, Option<String>, Option<Mention>)> {
    let in_sentence = doc
        .mentions
        .iter()
        .filter(|m| sentence.start <= m.start && m.end <= sentence.end)
        .min_by_key(|m| {
            let d = distance(&(m.start..m.end), &cue);
            // Names after the cue are as good as names before when a
            // preposition joins them ("a visit to Dudley"), not when they
            // start another clause ("X judged inadequate as Derby earns").
            if m.start >= cue.end {
                let gap = doc.text[cue.end..m.start].trim_end();
                let last_word = gap.rsplit(char::is_whitespace).next().unwrap_or("");
                let joined = ["to", "of", "at", "in", "for", "by", "the", "on"]
                    .iter()
                    .any(|p| last_word.eq_ignore_ascii_case(p));
                if joined { d } else { d + 40 }
            } else if subjects::named_aside(doc, m) {
                d + 110
            } else {
                d + 10
            }
        });
    // Without a name of its own, a sentence is about the last one named
    // before it; in an article about several councils, a name in the
    // headline counts only when it is the headline's one council (a
    // headline naming two says nothing of the lede).
    let one_council = doc.names_one_council();
    let header_counts = one_council || doc.names_one_council_in_header();
    let mention = in_sentence.or_else(|| {
        doc.mentions.iter().rev().find(|m| {
            m.end <= sentence.start
                && !subjects::named_aside(doc, m)
                && (header_counts
                    || doc
                        .layout
                        .block_at(m.start)
                        .is_some_and(|b| doc.layout.blocks[b].kind == BlockKind::Body))
        })
    });
    match mention {
        Some(m) => {
            let council = doc.council_of(m.entity);
            let trust = match m.entity {
                Entity::Trust(t) => Some(doc.gazetteer.trusts()[t].name.clone()),
                Entity::Council(_) => None,
            };
            Some((council, trust, Some(*m)))
        }
        // Before any name, a round-up's opening ("one council rated
        // inadequate, one outstanding") cannot be told apart.
        None if one_council => doc.primary_council().map(|c| (c.to_string(), None, None)),
        None => None,
    }
}

fn compatible<T: PartialEq + Copy>(a: Option<T>, b: Option<T>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

fn merge(events: &mut Vec<EventFound>, new: EventFound, published: Option<PartialDate>) {
    // A grade dated two or more years before publication is not the news.
    let long_before = |d: Option<PartialDate>| matches!((d, published), (Some(d), Some(p)) if d.year() + 2 <= p.year());
    let same = events.iter_mut().find(|e| {
        e.council == new.council
            && !(e.reported_now && long_before(new.date))
            && !(new.reported_now && long_before(e.date))
            && e.kind == new.kind
            && e.service == new.service
            && compatible(e.judgement, new.judgement)
            && compatible(e.visit_number, new.visit_number)
            && match (e.date, new.date) {
                (Some(a), Some(b)) => a.compatible(b),
                _ => true,
            }
    });
    match same {
        Some(e) => {
            e.judgement = e.judgement.or(new.judgement);
            e.visit_number = e.visit_number.or(new.visit_number);
            e.date = match (e.date, new.date) {
                (Some(a), Some(b)) => Some(if b.iso_len() > a.iso_len() { b } else { a }),
                (a, b) => a.or(b),
            };
            e.trust = e.trust.take().or(new.trust);
            e.ranges.extend(new.ranges);
            e.mentions += 1;
            e.reported_now |= new.reported_now;
        }
        None => events.push(new),
    }
}

#[cfg(test)]
mod tests {
    use super::super::Doc;
    use super::*;

    fn events(text: &str) -> Vec<EventFound> {
        inspections(&Doc::new(text))
    }

    #[test]
    fn a_visit_and_the_judgement_it_follows() {
        let e = events(
            "Headline\n\nFriday, November 17, 2017\n\nFollowing its fifth monitoring visit to Dudley, which took place last month, inspectors found progress. The council was rated \"inadequate\" by Ofsted in July 2015.",
        );
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].council, "Dudley");
        assert_eq!(e[0].kind, InspectionKind::MonitoringVisit);
        assert_eq!(e[0].visit_number, Some(5));
        assert_eq!(e[0].date.map(|d| d.to_iso()).as_deref(), Some("2017-10"));
        assert_eq!(e[1].judgement, Some(Judgement::Inadequate));
        assert_eq!(e[1].date.map(|d| d.to_iso()).as_deref(), Some("2015-07"));
        assert_eq!(e[1].kind, InspectionKind::FullInspection);
    }

    #[test]
    fn a_date_in_the_same_clause_wins() {
        let e = events(
            "Headline\n\nDerby City Council was rated outstanding after inspectors visited in October 2019, up from good at its previous inspection in 2016.",
        );
        let got: Vec<(Option<Judgement>, Option<String>)> = e
            .iter()
            .map(|e| (e.judgement, e.date.map(|d| d.to_iso())))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some(Judgement::Outstanding), Some("2019-10".to_string())),
                (Some(Judgement::Good), Some("2016".to_string()))
            ]
        );
    }

    #[test]
    fn a_judgement_repeated_with_again() {
        let e = events(
            "Headline\n\nThe council's children's services in Sandwell were rated inadequate in 2015 and again in January 2018.",
        );
        let dates: Vec<String> = e
            .iter()
            .filter_map(|e| e.date.map(|d| d.to_iso()))
            .collect();
        assert_eq!(dates, vec!["2015", "2018-01"]);
    }

    #[test]
    fn the_subject_before_the_verb_is_judged_not_the_next_clause() {
        let e = events(
            "Round-up: Northamptonshire judged inadequate as Derby earns top rating\n\nDerby City Council and Northamptonshire County Council both heard from Ofsted this month.",
        );
        let got: Vec<(&str, Option<Judgement>)> = e
            .iter()
            .map(|e| (e.council.as_str(), e.judgement))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Northamptonshire", Some(Judgement::Inadequate)),
                ("Derby", Some(Judgement::Outstanding))
            ]
        );
    }

    #[test]
    fn a_later_sentence_dates_the_reported_event() {
        let e = events(
            "Headline\n\n14 March 2019\n\nA joint targeted area inspection looked at how agencies in Birmingham protect children.\n\nThe inspection, carried out in January, found that information was not shared quickly enough.",
        );
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].date.map(|d| d.to_iso()).as_deref(), Some("2019-01"));
        let e = events(
            "Headline\n\n9 July 2019\n\nOfsted made a second monitoring visit to Hull City Council.\n\nDuring the two-day visit in June, inspectors looked at the front door.",
        );
        assert_eq!(e[0].date.map(|d| d.to_iso()).as_deref(), Some("2019-06"));
        let e = events(
            "Headline\n\n14/03/2022\n\nSlough Children First welcomed the findings of Ofsted's latest monitoring visit, published today.\n\nThe visit, which took place over two days in February, was the fourth since services were judged inadequate in October 2021.",
        );
        let visit = e
            .iter()
            .find(|e| e.kind == InspectionKind::MonitoringVisit)
            .expect("visit");
        assert_eq!(visit.date.map(|d| d.to_iso()).as_deref(), Some("2022-02"));
        assert_eq!(visit.visit_number, Some(4));
    }

    #[test]
    fn trusts_resolve_to_their_council() {
        let e = events(
            "Headline\n\nA monitoring visit to Slough Children First found that practice was improving across the service.",
        );
        assert_eq!(e[0].council, "Slough");
        assert_eq!(e[0].trust.as_deref(), Some("Slough Children First"));
    }

    #[test]
    fn mentions_of_one_event_merge() {
        let e = events(
            "Headline\n\nOfsted carried out a focused visit to Tameside in May. The focused visit found delays in the service for children.",
        );
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].mentions, 2);
    }

    #[test]
    fn fostering_and_adoption_are_their_own_services() {
        let e = events(
            "Headline\n\nIn Wigan, fostering and adoption were both rated good by Ofsted in 2018, the council said in a long statement.",
        );
        let services: Vec<Service> = e.iter().map(|x| x.service).collect();
        assert_eq!(
            services,
            vec![Service::FosteringAgency, Service::AdoptionAgency]
        );
    }

    #[test]
    fn the_news_grade_is_not_an_old_grade_of_the_same_name() {
        let e = events(
            "Headline\n\n12 April 2024\n\nWigan Council's children's services have been rated good by Ofsted.\n\nThe council was last judged good in 2017.\n\nInspectors spent two weeks in the borough in March.",
        );
        let dates: Vec<Option<String>> = e.iter().map(|e| e.date.map(|d| d.to_iso())).collect();
        assert_eq!(
            dates,
            vec![Some("2024-03".to_string()), Some("2017".to_string())]
        );
    }

    #[test]
    fn the_same_year_is_the_year_before_it() {
        let e = events(
            "Headline\n\nWigan was rated good in 2019. Bolton was judged outstanding the same year.",
        );
        let dates: Vec<Option<String>> = e.iter().map(|e| e.date.map(|d| d.to_iso())).collect();
        assert_eq!(
            dates,
            vec![Some("2019".to_string()), Some("2019".to_string())]
        );
    }

    #[test]
    fn a_row_of_links_is_not_an_event() {
        let e = events(
            "Headline\n\nWigan Council heard from Ofsted this week about its services for children.\n\nOfsted letter (May 2021) | Joint targeted area inspection report (2019) | Council reply",
        );
        assert!(e.is_empty(), "{e:?}");
    }

    #[test]
    fn school_inspections_are_not_events() {
        let e = events(
            "Headline\n\nThe primary school in Wigan was rated good by Ofsted inspectors last week, the head said.",
        );
        assert!(e.is_empty());
    }
}
