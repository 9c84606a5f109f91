//! Which stretches of an article state findings: sentences that report
//! what inspectors found (`reported`), the sentences that carry their
//! report on without a cue of their own, the body of a findings section
//! ("Headline findings", "Areas for improvement"), and the bullets of a
//! list that a reporting line opens ("Inspectors found that:").

use super::polarity::{judges, leaning};
use super::reported::reported;
use crate::extract::doc::Doc;
use crate::extract::layout::BlockKind;
use crate::extract::quotes::QuoteFound;
use crate::model::Polarity;
use regex::Regex;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

/// A stretch of text that states findings, and the polarity its clauses
/// take where their own words lean to neither (a list's opening line
/// "areas for improvement include:" makes its bullets concerns).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Unit {
    pub range: Range<usize>,
    pub lean: Option<Polarity>,
}

/// A heading that opens a section of findings.
static FINDINGS_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:key |main |headline |the )?(?:findings|strengths|weaknesses|areas? for (?:improvement|development|priority action)|what (?:inspectors|ofsted|the (?:report|letter|inspectors)) (?:found|said)|what needs to improve|what is working well|concerns)\b",
    )
    .expect("findings heading")
});

/// A line that opens a list of findings: it ends with a colon and names
/// the inspectors' report or what they found.
static LIST_OPENER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:inspectors?|ofsted|report|letter|they|found|highlight[\p{Latin}0-9_]*|prais[\p{Latin}0-9_]*|identif[\p{Latin}0-9_]*|includ[\p{Latin}0-9_]*|strengths?|improvement|weakness[\p{Latin}0-9_]*|concerns?|noted)(?-u:\b)[^.]*:$",
    )
    .expect("list opener")
});

/// A bullet marker at the start of a line.
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[-•·▪*–]\s+").expect("bullet regex"));

/// Someone other than the inspectors speaking, or a promise rather than a
/// judgement: first-person words, the future, plans.
static NOT_A_JUDGEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:[Ww]e|[Oo]ur|[Uu]s|I|[Ww]ill|[Ww]ould|[Mm]ust|[Ii]ntends to|[Aa]ims to|[Hh]opes to|[Ww]ants to)(?-u:\b)",
    )
    .expect("not a judgement")
});

/// A sentence that goes on reporting with a pronoun for the inspectors or
/// their report ("They also found ...", "It described ..."): a cue only
/// right after a finding.
static PRONOUN_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:however|but|and|also),?\s+)?(?:they|it|the\s+inspectors?)\s+(?:also\s+)?(?:said|say|says|found|find|finds|noted|praised|highlighted|described|identified|warned|criticised|raised|commended|singled\s+out|judged|added|reported|recognised)(?-u:\b)",
    )
    .expect("pronoun cue")
});

/// A verb of speech: a sentence without a cue of the inspectors' that
/// holds one reports someone else.
static SPEECH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:said|says|told|added|responded|insisted|explained|admitted)(?-u:\b)",
    )
    .expect("speech regex")
});

/// Whether `range` holds words that are not the inspectors' judgement: a
/// quotation from someone else (unless the sentence has the inspectors'
/// `cue`), first-person words or a promise (outside quotation marks).
fn is_someone_elses(doc: &Doc, quotes: &[QuoteFound], range: &Range<usize>, cue: bool) -> bool {
    let overlapping = |q: &&QuoteFound| q.range.start < range.end && range.start < q.range.end;
    // In a sentence whose subject is the inspectors or their report, a
    // quotation is theirs whoever it was put down to.
    if !cue
        && quotes
            .iter()
            .filter(overlapping)
            .any(|q| q.speaker.as_deref() != Some("Ofsted"))
    {
        return true;
    }
    // Copied only where a quotation is blanked out of it.
    let mut outside = Cow::Borrowed(&doc.text[range.clone()]);
    for q in quotes.iter().filter(overlapping) {
        let start = q.range.start.max(range.start) - range.start;
        let end = q.range.end.min(range.end) - range.start;
        if outside.is_char_boundary(start) && outside.is_char_boundary(end) {
            outside
                .to_mut()
                .replace_range(start..end, &" ".repeat(end - start));
        }
    }
    NOT_A_JUDGEMENT.is_match(&outside)
}

/// Whether each body block lies in a findings section: after a heading
/// that opens one, up to the next heading.
fn in_findings_section(doc: &Doc) -> Vec<bool> {
    let mut open = false;
    doc.layout
        .blocks
        .iter()
        .map(|b| {
            let line = &doc.text[b.range.clone()];
            if b.kind != BlockKind::Body && !BULLET.is_match(line) {
                open = FINDINGS_HEADING.is_match(line.trim());
            }
            open
        })
        .collect()
}

/// The bullets of lists opened by a reporting line, with the lean of that
/// line.
fn bullets(doc: &Doc) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut opener: Option<Option<Polarity>> = None;
    for b in &doc.layout.blocks {
        let line = &doc.text[b.range.clone()];
        if let Some(marker) = BULLET.find(line) {
            if let Some(lean) = opener {
                out.push(Unit {
                    range: b.range.start + marker.end()..b.range.end,
                    lean,
                });
            }
            continue;
        }
        opener = (b.kind != BlockKind::Footer && LIST_OPENER.is_match(line.trim_end()))
            .then(|| leaning(line));
    }
    out
}

/// The stretches of `doc` that state findings, in text order.
pub(super) fn finding_units(doc: &Doc, quotes: &[QuoteFound]) -> Vec<Unit> {
    let sentences: Vec<(Range<usize>, usize)> = doc
        .layout
        .body_sentences()
        .map(|s| (s.range.clone(), s.block))
        .collect();
    let ranges: Vec<Range<usize>> = sentences.iter().map(|(r, _)| r.clone()).collect();
    let cues = reported(doc, &ranges);
    let section = in_findings_section(doc);
    let mut out = Vec::new();
    // A sentence without a cue carries on the report of the one before
    // it while it judges; one that does not (speech, someone else's
    // words, no judging word) ends the run.
    let mut carrying = false;
    for ((range, block), cue) in sentences.iter().zip(cues) {
        let s = &doc.text[range.clone()];
        let cue = cue || (carrying && PRONOUN_CUE.is_match(s));
        // Most sentences neither report nor carry a report on: they end
        // the run whatever their quotations say, so those are not read.
        if !cue && !carrying && !section[*block] {
            continue;
        }
        let in_quote = quotes
            .iter()
            .any(|q| q.range.start <= range.start && range.end <= q.range.end + 2);
        if in_quote || is_someone_elses(doc, quotes, range, cue) {
            carrying = false;
            continue;
        }
        let carries = (carrying || section[*block]) && !SPEECH.is_match(s) && judges(s);
        if cue || carries {
            carrying = true;
        } else {
            carrying = false;
            continue;
        }
        out.push(Unit {
            range: range.clone(),
            lean: None,
        });
    }
    out.extend(bullets(doc));
    out.sort_by_key(|u| u.range.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units_of(text: &str) -> Vec<String> {
        let doc = Doc::new(text);
        finding_units(&doc, &[])
            .into_iter()
            .map(|u| text[u.range].to_string())
            .collect()
    }

    #[test]
    fn a_report_carries_on_while_its_sentences_judge() {
        let text = "Council praised over its fostering service\n\n\
            Inspectors said the fostering panel works well with carers and their families. \
            Supervision of carers is not always regular enough for the newest households. \
            We will recruit more carers next year, the council leader said today.\n\n\
            Caseloads are too high for the team, but this was not part of the visit at all.\n";
        let units = units_of(text);
        assert_eq!(units.len(), 2, "{units:?}");
        assert!(units[1].starts_with("Supervision of carers"));
    }

    #[test]
    fn bullets_after_a_reporting_line() {
        let text = "Council improves its help for families\n\n\
            The council has been judged good in a report published this week after the visit.\n\
            Areas for improvement include:\n\
            - the timeliness of reviews for children in care\n\
            - written plans for children on the edge of care\n";
        let doc = Doc::new(text);
        let units = finding_units(&doc, &[]);
        let bullets: Vec<&Unit> = units.iter().filter(|u| u.lean.is_some()).collect();
        assert_eq!(bullets.len(), 2, "{units:?}");
        assert!(bullets.iter().all(|u| u.lean == Some(Polarity::Concern)));
    }
}
