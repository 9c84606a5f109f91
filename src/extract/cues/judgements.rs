//! Words that give an inspection's judgement, and the context each needs:
//! a rule table whose rows say the words, the judgement and the condition.

use super::{JudgementCue, contains_any_case};
use crate::extract::engine::{Hit, Table};
use crate::extract::window::floor_boundary;
use crate::model::Judgement;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// What the text around a judgement word must show for it to count.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Needs {
    /// Nothing: "RI", "the lowest rating".
    Nothing,
    /// Quotation marks, a rating verb or a rating noun.
    RatingContext,
    /// The same, or a verb ending in "s", "e" or "d" before it ("was").
    InadequateContext,
    /// A bare "good" or "outstanding": quotation marks, a strong rating
    /// verb close before it, a rating noun after it, or a change of grade
    /// ("up from good"); "good news" and "outstanding issues" are no
    /// judgements.
    GradeContext,
}

/// Judgement words, in lower case (see `kinds::KIND_ROWS`).
#[rustfmt::skip]
const JUDGEMENT_ROWS: &[(&str, (Judgement, Needs))] = &[
    (r"requires?\s+improvement(?:\s+to\s+be\s+good)?", (Judgement::RequiresImprovement, Needs::RatingContext)),
    (r"required\s+improvement(?:\s+to\s+be\s+good)?", (Judgement::RequiresImprovement, Needs::RatingContext)),
    (r"requiring\s+improvement(?:\s+to\s+be\s+good)?", (Judgement::RequiresImprovement, Needs::RatingContext)),
    (r"inadequate", (Judgement::Inadequate, Needs::InadequateContext)),
    (r"good", (Judgement::Good, Needs::GradeContext)),
    (r"outstanding", (Judgement::Outstanding, Needs::GradeContext)),
    (r"(?:lowest|worst)(?:\s+possible)?\s+(?:ofsted\s+)?(?:rating|grade|judgement)", (Judgement::Inadequate, Needs::Nothing)),
    (r"(?:highest|top)(?:\s+possible)?\s+(?:ofsted\s+)?(?:rating|grade|judgement)", (Judgement::Outstanding, Needs::Nothing)),
    (r"best(?:\s+possible)?\s+(?:ofsted\s+)?(?:rating|grade|judgement)", (Judgement::Outstanding, Needs::Nothing)),
];

type Word = (Judgement, Needs);

fn table(flags: &str) -> Table<Word> {
    let rows: Vec<(String, Word)> = JUDGEMENT_ROWS
        .iter()
        .map(|&(p, word)| (format!(r"(?-u:\b)(?:{p})(?-u:\b)"), word))
        .collect();
    Table::new(flags, rows.iter().map(|(p, w)| (p.as_str(), *w)))
}

static JUDGEMENT_WORD: LazyLock<Table<Word>> = LazyLock::new(|| table(""));
static JUDGEMENT_WORD_ANY_CASE: LazyLock<Table<Word>> = LazyLock::new(|| table("(?i)"));
/// "RI" counts only in capitals, so it is matched on the text itself.
static RI: LazyLock<Table<Word>> = LazyLock::new(|| {
    Table::new(
        "",
        [(
            r"(?-u:\b)RI(?-u:\b)",
            (Judgement::RequiresImprovement, Needs::Nothing),
        )],
    )
});

/// Judgement cues of each of `sentences` (ascending byte ranges of
/// `text`), with ranges relative to their sentence; `lower` is the text
/// lower-cased where it is at hand (`Folded`).
pub fn judgement_cues_by_sentence(
    text: &str,
    lower: Option<&str>,
    sentences: &[Range<usize>],
) -> Vec<Vec<JudgementCue>> {
    let words = match lower {
        Some(lower) => JUDGEMENT_WORD.in_buckets(lower, sentences),
        None => JUDGEMENT_WORD_ANY_CASE.in_buckets(text, sentences),
    };
    let ris = RI.in_buckets(text, sentences);
    words
        .into_iter()
        .zip(ris)
        .zip(sentences)
        .map(|((mut hits, ri), s)| {
            // "RI" is a word of its own and overlaps no other judgement word.
            if !ri.is_empty() {
                hits.extend(ri);
                hits.sort_by_key(|h| h.range.start);
            }
            cues_in(&text[s.clone()], hits, s.start)
        })
        .collect()
}

/// Judgement cues in one text.
#[cfg(test)]
pub fn judgement_cues(folded: &super::Folded) -> Vec<JudgementCue> {
    let s = folded.text;
    let (table, hay) = folded.pick(&JUDGEMENT_WORD, &JUDGEMENT_WORD_ANY_CASE);
    let mut hits: Vec<Hit<Word>> = table.find_iter(hay).collect();
    hits.extend(RI.find_iter(s));
    hits.sort_by_key(|h| h.range.start);
    cues_in(s, hits, 0)
}

/// The judgement words of sentence `s` (at `base` in the text) that count
/// in their context, and are not among alternatives ("good or
/// outstanding", "either ...").
fn cues_in(s: &str, hits: Vec<Hit<Word>>, base: usize) -> Vec<JudgementCue> {
    let mut out = Vec::new();
    for hit in hits {
        let r = hit.range.start - base..hit.range.end - base;
        let (judgement, needs) = hit.yields;
        if !context_allows(s, &r, needs) {
            continue;
        }
        let before = &s[floor_boundary(s, r.start.saturating_sub(60))..r.start];
        if contains_any_case(before, "either")
            || ANOTHER_REGULATOR.is_match(&s[r.end..])
            || among_alternatives(s, &r)
            || super::scope::not_the_overall_judgement(s, r.start)
        {
            continue;
        }
        out.push(JudgementCue {
            range: r,
            judgement,
        });
    }
    out
}

/// Whether the word at `r` of `s` has the context it `needs`. Each test
/// of the context is a closure, run only when the ones before it fail.
fn context_allows(s: &str, r: &Range<usize>, needs: Needs) -> bool {
    let before = &s[floor_boundary(s, r.start.saturating_sub(60))..r.start];
    let after = &s[r.end..];
    let is_quoted = || quoted(s, r);
    let near_verb = || RATING_VERB.is_match(before);
    let strong_verb = || {
        STRONG_RATING_VERB
            .find_iter(before)
            .last()
            .is_some_and(|m| !before[m.end()..].contains(['.', ';', ':']))
    };
    let noun_after = || RATING_NOUN_AFTER.is_match(after);
    match needs {
        Needs::Nothing => true,
        Needs::RatingContext => {
            is_quoted()
                || near_verb()
                || noun_after()
                || strong_verb()
                || SERVICES_AS_SUBJECT.is_match(before)
                || FROM_TO.is_match(before)
        }
        Needs::InadequateContext => {
            is_quoted()
                || strong_verb()
                || noun_after()
                || (before.trim_end().ends_with(['s', 'e', 'd']) && near_verb())
        }
        Needs::GradeContext => {
            let nearby_verb = || {
                STRONG_RATING_VERB
                    .find_iter(before)
                    .last()
                    .is_some_and(|m| {
                        before.len() - m.end() <= 25 && !before[m.end()..].contains(['.', ';', ','])
                    })
            };
            let changed = || FROM_TO.is_match(before) || CHANGED_FROM.is_match(before);
            is_quoted() || nearby_verb() || noun_after_strict(after) || changed()
        }
    }
}

static RATING_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:judged|found|told|concluded|decided)\s+(?:that\s+)?(?:it|they)|rated|re-rated|judged|graded|deemed|assessed\s+as|found\s+to\s+be|marked|labelled|branded|classed\s+as|categorised\s+as|rating\s+of|judgement\s+of|grade\s+of|given|handed|received|receiving|retained|kept|achieved|earned|awarded|improved?|improving|upgraded|downgraded|moved|rose|fell|dropped|declared|from|as|was|were|is|are|be|been|remains?|remained|still|now|overall|an?|its|their|the)[^\p{Latin}0-9_]*$")
        .expect("rating verb regex")
});

static STRONG_RATING_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:rated|re-rated|judged|graded|deemed|assessed\s+as|found\s+to\s+be|marked|labelled|branded|classed\s+as|categorised\s+as|rating\s+of|judgement\s+of|grade\s+of|awarded|upgraded\s+to|downgraded\s+to|improved?\s+to|improving\s+to|moved\s+(?:up\s+|down\s+)?to|rose\s+to|fell\s+to|dropped\s+to|retained|kept)(?-u:\b)")
        .expect("rating verb regex")
});

/// "Children's services in Wirral require improvement": the services
/// themselves as the subject of the verb make it the grade.
static SERVICES_AS_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:children['’]s\s+(?:social\s+care\s+)?services|the\s+council|the\s+authority|the\s+service)(?:\s+in\s+[\p{Latin}0-9_][\p{Latin}0-9_'’-]*(?:\s+(?:and\s+)?[\p{Latin}0-9_][\p{Latin}0-9_'’-]*){0,3})?\s+(?:still\s+|now\s+|also\s+)?$")
        .expect("services-as-subject regex")
});

static RATING_NOUN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^\p{Latin}0-9_]{0,2}\s*(?:-rated|rating|judgement|judgment|grade|verdict|label|status|overall|by\s+ofsted|children['’]s\s+services|local\s+authority|council)(?-u:\b)")
        .expect("rating noun regex")
});

fn quoted(s: &str, r: &Range<usize>) -> bool {
    let before = s[..r.start].chars().next_back();
    let after = s[r.end..].chars().next();
    before.is_some_and(|c| matches!(c, '\'' | '"' | '‘' | '“'))
        && after.is_some_and(|c| matches!(c, '\'' | '"' | '’' | '”'))
}

/// "rated good by the Care Quality Commission": a grade from the health
/// and adult care regulator, not an Ofsted judgement.
static ANOTHER_REGULATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^\p{Latin}0-9_]{0,2}\s*(?:overall\s+)?by\s+(?:the\s+)?(?:care\s+quality\s+commission|cqc)(?-u:\b)")
        .expect("another regulator regex")
});

static ALTERNATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^\p{Latin}0-9_]?\s+or\s+[^\p{Latin}0-9_]?(?:inadequate|requires\s+improvement|good|outstanding|better|above|higher|worse|below|lower)(?-u:\b)|(?-u:\b)(?:inadequate|requires\s+improvement|good|outstanding)[^\p{Latin}0-9_]?\s+or\s+[^\p{Latin}0-9_]?$")
        .expect("alternative regex")
});

/// "judged good or outstanding", "rated good or better": a class of
/// grades, not one inspection's.
fn among_alternatives(s: &str, r: &Range<usize>) -> bool {
    let before = &s[floor_boundary(s, r.start.saturating_sub(40))..r.start];
    let mut end = (r.end + 40).min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    // Both alternatives of the pattern need "or".
    let alternative = |t: &str| ALTERNATIVE.is_match(t);
    alternative(&s[r.end..end]) || alternative(before)
}

/// "rated outstanding, up from good at its last inspection",
/// "downgraded from good to requires improvement".
static CHANGED_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:up|down|improved|improving|risen|rising|fallen|falling|dropped|slipped|downgraded|upgraded|moved)\s+from\s+[^\p{Latin}0-9_]?$")
        .expect("changed-from regex")
});

static FROM_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)from\s+[^\p{Latin}0-9_]?(?:inadequate|requires\s+improvement|RI|good|outstanding)[^\p{Latin}0-9_]?\s+to\s+[^\p{Latin}0-9_]?$",
    )
    .expect("from-to regex")
});

fn noun_after_strict(after: &str) -> bool {
    static STRICT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^[^\p{Latin}0-9_]{0,2}\s*(?:-rated|rating|judgement|judgment|grade|verdict|status|overall)(?-u:\b)",
        )
        .expect("noun regex")
    });
    STRICT.is_match(after)
}
