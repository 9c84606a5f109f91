//! A later sentence that speaks of the reported event without naming its
//! kind ("The inspection, carried out in January, ...") dates it.

use super::super::Doc;
use super::super::cues::KindCue;
use super::super::dates;
use super::super::engine::Table;
use super::super::layout::BlockKind;
use super::super::lexicon;
use super::{EventFound, council_for};
use crate::model::InspectionKind;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// "The visit", "the inspection", "inspectors visited": a sentence that
/// speaks of the event already reported without naming its kind. In lower
/// case, like the cue tables.
const ANAPHOR_PATTERN: &str = r"(?-u:\b)(?:(?:the|this|that|its|their)\s+(?:[\p{Latin}0-9_-]+\s+){0,2}?(?:visit|inspection)|inspectors\s+(?:visited|spent|were\s+in|were\s+on\s+site|returned)|(?:was|were)\s+(?:re-?)?inspected)(?-u:\b)";

static ANAPHOR: LazyLock<Table<()>> = LazyLock::new(|| Table::new("", [(ANAPHOR_PATTERN, ())]));
static ANAPHOR_ANY_CASE: LazyLock<Table<()>> =
    LazyLock::new(|| Table::new("(?i)", [(ANAPHOR_PATTERN, ())]));

static ORDINAL_OF_ANAPHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^[^.;]{{0,90}}?(?-u:\b)(?:was|is)\s+(?:its|the)\s+({})(?-u:\b)",
        lexicon::ordinal_pattern()
    ))
    .expect("ordinal regex")
});

/// Dates (and a monitoring visit's ordinal) given for the news event in a
/// later sentence: "The inspection, carried out in January, found ...",
/// "The visit, in February, was the fourth since ...", "Inspectors visited
/// the service in December". `lower` is `cues::lower_cased(doc.text)`;
/// `kinds` are the kind cues of each of the document's sentences.
pub(super) fn date_the_news_event(
    doc: &Doc,
    lower: Option<&str>,
    kinds: &[Vec<KindCue>],
    events: &mut [EventFound],
) {
    // Only an undated event takes a date from an anaphor.
    if events.iter().all(|e| e.date.is_some()) {
        return;
    }
    // Body sentences that name no kind of inspection.
    let ranges: Vec<Range<usize>> = (0..doc.layout.sentences.len())
        .filter(|&i| {
            doc.layout.blocks[doc.layout.sentences[i].block].kind == BlockKind::Body
                && kinds[i].is_empty()
        })
        .map(|i| doc.layout.sentences[i].range.clone())
        .collect();
    let anaphora = match lower {
        Some(lower) => ANAPHOR.first_in_buckets(lower, &ranges),
        None => ANAPHOR_ANY_CASE.first_in_buckets(doc.text, &ranges),
    };
    for (r, hit) in ranges.iter().zip(anaphora) {
        let Some(hit) = hit else {
            continue;
        };
        let r = r.clone();
        let s = &doc.text[r.clone()];
        let anaphor = hit.range.start - r.start..hit.range.end - r.start;
        let window_end = (anaphor.end + 90).min(s.len());
        let date = dates::prose_dates(s, doc.published)
            .into_iter()
            .find(|d| d.range.start >= anaphor.end && d.range.start < window_end);
        let ordinal = ORDINAL_OF_ANAPHOR
            .captures(&s[anaphor.end..])
            .and_then(|c| c.get(1))
            .and_then(|m| lexicon::ordinal_value(m.as_str()));
        if date.is_none() && ordinal.is_none() {
            continue;
        }
        let cue = r.start + anaphor.start..r.start + anaphor.end;
        let Some((council, _, _)) = council_for(doc, r.clone(), cue) else {
            continue;
        };
        let is_visit = |e: &EventFound| {
            matches!(
                e.kind,
                InspectionKind::MonitoringVisit
                    | InspectionKind::FocusedVisit
                    | InspectionKind::JointTargetedAreaInspection
            )
        };
        let news = events
            .iter_mut()
            .filter(|e| e.council == council && e.date.is_none())
            .max_by_key(|e| (is_visit(e), e.mentions, usize::MAX - e.first_at));
        if let Some(e) = news {
            e.date = date.map(|d| d.date);
            if e.kind == InspectionKind::MonitoringVisit && e.visit_number.is_none() {
                e.visit_number = ordinal;
            }
            e.ranges.push(r.clone());
        }
    }
}

/// A visit named with no kind, date or grade ("after Ofsted returned for
/// a further visit") is the monitoring or focused visit of the same
/// council that the article names with its kind elsewhere ("the fourth
/// monitoring visit"): the lede and the detail are one event, and the
/// bare `other` item would be a second, false one.
pub(super) fn fold_bare_visits(events: &mut Vec<EventFound>) {
    let mut i = 0;
    while i < events.len() {
        let e = &events[i];
        let bare = e.kind == InspectionKind::Other && e.date.is_none() && e.judgement.is_none();
        let typed = events.iter().position(|o| {
            o.council == e.council
                && matches!(
                    o.kind,
                    InspectionKind::MonitoringVisit | InspectionKind::FocusedVisit
                )
        });
        match typed {
            Some(j) if bare => {
                let folded = events.remove(i);
                let j = if j > i { j - 1 } else { j };
                let visit = &mut events[j];
                visit.ranges.extend(folded.ranges);
                visit.first_at = visit.first_at.min(folded.first_at);
                visit.mentions += folded.mentions;
            }
            _ => i += 1,
        }
    }
}
