//! Words that name an inspection's kind: a rule table.

use super::KindCue;
use crate::extract::engine::{Hit, Table};
use crate::model::InspectionKind;
use std::ops::Range;
use std::sync::LazyLock;

/// How English news names each kind of inspection, in lower case (the
/// tables run on the lower-cased text, or with `(?i)` where that would
/// miss a match). Earlier rows win where two match at one place.
#[rustfmt::skip]
const KIND_ROWS: &[(&str, InspectionKind)] = &[
    (r"monitoring\s+(?:visit|inspection)s?", InspectionKind::MonitoringVisit),
    (r"focused\s+(?:visit|inspection)s?", InspectionKind::FocusedVisit),
    (r"joint\s+targeted\s+area\s+inspections?", InspectionKind::JointTargetedAreaInspection),
    (r"jtais?", InspectionKind::JointTargetedAreaInspection),
    (r"joint\s+(?:multi-agency\s+)?inspections?", InspectionKind::JointTargetedAreaInspection),
    (r"(?:full|standard|short|graded|comprehensive|main)\s+(?:ofsted\s+)?inspections?", InspectionKind::FullInspection),
    (r"ilacs", InspectionKind::FullInspection),
    (r"inspections?\s+of\s+(?:local\s+authority\s+)?children['’]s\s+(?:social\s+care\s+)?services", InspectionKind::FullInspection),
    (r"unannounced\s+(?:ofsted\s+)?inspections?", InspectionKind::FullInspection),
    (r"re-?inspections?", InspectionKind::FullInspection),
    (r"single\s+inspection\s+framework", InspectionKind::FullInspection),
    (r"assurance\s+visits?", InspectionKind::Other),
    // A children's home's lighter checks between full inspections, and
    // inspections prompted by concerns, give no graded judgement.
    (r"interim\s+inspections?", InspectionKind::Other),
    (r"targeted\s+inspections?", InspectionKind::Other),
    (r"annual\s+(?:performance\s+)?assessments?", InspectionKind::Other),
    (r"joint\s+area\s+reviews?", InspectionKind::Other),
    // A review by the inspectorate itself, not a peer or practice review.
    (r"(?:ofsted|inspectors|the\s+watchdog|the\s+inspectorate)\s+(?:also\s+|has\s+|had\s+)?(?:carried\s+out|conducted|completed|made|undertook|held)\s+an?\s+(?:(?:[\p{Latin}0-9_-]+\s+)?review|(?:unannounced\s+|further\s+|brief\s+|short\s+|follow-up\s+)?visit)", InspectionKind::Other),
    // The inspectorate coming back without a kind named: "Ofsted returned
    // for a further visit", "inspectors came back for a second visit".
    (r"(?:ofsted|inspectors|the\s+watchdog|the\s+inspectorate)\s+(?:later\s+|then\s+)?(?:returned|came\s+back)\s+(?:to\s+(?:[\p{Latin}0-9_'’-]+\s+){1,3})?for\s+an?\s+(?:further\s+|second\s+|follow-up\s+|short\s+)?visit", InspectionKind::Other),
];

fn table(flags: &str) -> Table<InspectionKind> {
    let rows: Vec<(String, InspectionKind)> = KIND_ROWS
        .iter()
        .map(|&(p, kind)| (format!(r"(?-u:\b)(?:{p})(?-u:\b)"), kind))
        .collect();
    Table::new(flags, rows.iter().map(|(p, k)| (p.as_str(), *k)))
}

static KIND: LazyLock<Table<InspectionKind>> = LazyLock::new(|| table(""));
static KIND_ANY_CASE: LazyLock<Table<InspectionKind>> = LazyLock::new(|| table("(?i)"));

/// A kind cue of one event: a plural ("a string of monitoring visits",
/// "inspections of children's services") speaks of visits in general.
fn cue(text: &str, hit: Hit<InspectionKind>, base: usize) -> Option<KindCue> {
    let all = &text[hit.range.clone()];
    let plural = all.ends_with('s') || super::starts_with_any_case(all, "inspections ");
    if plural && !all.eq_ignore_ascii_case("ILACS") {
        return None;
    }
    if super::scope::a_visit_to_come(&text[base..], hit.range.start - base, hit.range.end - base) {
        return None;
    }
    Some(KindCue {
        range: hit.range.start - base..hit.range.end - base,
        kind: hit.yields,
    })
}

/// Kind cues of each of `sentences` (ascending byte ranges of `text`),
/// with ranges relative to their sentence; `lower` is the text
/// lower-cased where it is at hand (`Folded`).
pub fn kind_cues_by_sentence(
    text: &str,
    lower: Option<&str>,
    sentences: &[Range<usize>],
) -> Vec<Vec<KindCue>> {
    let hits = match lower {
        Some(lower) => KIND.in_buckets(lower, sentences),
        None => KIND_ANY_CASE.in_buckets(text, sentences),
    };
    hits.into_iter()
        .zip(sentences)
        .map(|(hits, s)| {
            hits.into_iter()
                .filter_map(|h| cue(text, h, s.start))
                .collect()
        })
        .collect()
}

/// Kind cues in one text.
#[cfg(test)]
pub fn kind_cues(folded: &super::Folded) -> Vec<KindCue> {
    let (table, hay) = folded.pick(&KIND, &KIND_ANY_CASE);
    table
        .find_iter(hay)
        .filter_map(|h| cue(folded.text, h, 0))
        .collect()
}
