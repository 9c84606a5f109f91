//! Independent providers (fostering and adoption agencies, children's
//! homes, secure units) inspected in their own right: their judgements are
//! not a council's. A council named beside such a provider only as a place
//! ("an agency based in Bury", "homes across Greater Manchester") or as one
//! that places children there is not inspected; a council that runs the
//! provider or contracts it ("run by Lincolnshire County Council", "under a
//! block contract for Telford & Wrekin Council") keeps the item.

use super::super::Doc;
use super::super::layout::BlockKind;
use crate::gazetteer::{Entity, Mention};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A provider as the subject of a sentence about an inspection.
static PROVIDER_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(?:fostering|adoption)\s+agenc(?:y|ies)|(?:the|this|that|its|an?)\s+(?:[\p{Latin}0-9_&'’-]+\s+){0,2}?(?:agency|home|unit|provider|charity|company)|children['’]s\s+homes?|secure\s+(?:children['’]s\s+)?(?:homes?|units?|training\s+centres?)|residential\s+(?:homes?|units?)|private\s+providers?|independent\s+providers?|(?:ltd|limited|plc|cic)(?-u:\b))",
    )
    .expect("provider noun regex")
});

/// A council's own service ("the council's fostering agency",
/// "council-run children's home"): not an independent provider.
static COUNCILS_OWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:council|authority|borough)(?:['’]s|-run|\s+run)\s+(?:own\s+)?(?:[\p{Latin}0-9_]+\s+){0,2}$",
    )
    .expect("council's own regex")
});

/// A council named right after words that tie a provider to it.
static TIED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:run|operated|managed|owned|commissioned|funded)\s+by\s+(?:the\s+)?$|(?-u:\b)contract\s+(?:for|with)\s+(?:the\s+)?$|on\s+behalf\s+of\s+(?:the\s+)?$")
        .expect("tie regex")
});

/// Whether the candidate at `cue` of `sentence` is an independent
/// provider's inspection: a provider noun in the sentence before the cue's
/// end (or in the clause right after it), not as a council's own service.
pub(super) fn about_a_provider(doc: &Doc, sentence: &Range<usize>, cue: &Range<usize>) -> bool {
    let s = &doc.text[sentence.clone()];
    let end = cue.end.saturating_sub(sentence.start).min(s.len());
    let mut end = end;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let before = &s[..end];
    match last_provider_noun(before) {
        // "children placed in homes far away, and the council was rated
        // inadequate": the council named after the provider is the subject.
        Some(last) => !COUNCIL_WORD.is_match(&before[last.end..]),
        // "It had been judged good when it was last inspected": the
        // subject is whatever the sentence before was about.
        None => {
            let names_no_council = !doc
                .mentions
                .iter()
                .any(|m| sentence.start <= m.start && m.end <= sentence.end);
            (PRONOUN_SUBJECT.is_match(before)
                && previous_sentence(doc, sentence)
                    .is_some_and(|p| last_provider_noun(&doc.text[p]).is_some()))
                || (names_no_council && !COUNCIL_WORD.is_match(before) && a_providers_story(doc))
        }
    }
}

/// Whether the article's lede is about an independent provider ("A
/// children's home near Barnard Castle has lost its outstanding status",
/// "Targeted inspections of three homes run by X Ltd"): then a sentence
/// that names no council speaks of the provider, not of a council named
/// before as the place it is in or one that places children there. A
/// trust runs a council's services, so a story naming one is a council's.
fn a_providers_story(doc: &Doc) -> bool {
    let lede = doc
        .layout
        .sentences
        .iter()
        .find(|s| doc.layout.blocks[s.block].kind == BlockKind::Body);
    lede.is_some_and(|lede| last_provider_noun(&doc.text[lede.range.clone()]).is_some())
        && !doc
            .mentions
            .iter()
            .any(|m| matches!(m.entity, Entity::Trust(_)))
}

/// The last provider noun of `text` that is not a council's own service.
fn last_provider_noun(text: &str) -> Option<Range<usize>> {
    PROVIDER_NOUN
        .find_iter(text)
        .filter(|m| {
            !COUNCILS_OWN.is_match(&text[..m.start()]) && !COUNCIL_WORD.is_match(m.as_str())
        })
        .last()
        .map(|m| m.range())
}

/// A sentence whose subject is a pronoun standing for the one before.
static PRONOUN_SUBJECT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:It|Its|It['’]s)\s").expect("pronoun regex"));

/// The sentence before `sentence` in the same paragraph or the one before.
fn previous_sentence(doc: &Doc, sentence: &Range<usize>) -> Option<Range<usize>> {
    doc.layout
        .sentences
        .iter()
        .take_while(|s| s.range.end <= sentence.start)
        .last()
        .map(|s| s.range.clone())
}

static COUNCIL_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:council|local\s+authority|the\s+authority|children['’]s\s+services|trust)(?-u:\b)")
        .expect("council word regex")
});

/// Whether `mention` names the council itself rather than a place: "X
/// Council", "X's children's services", "X County Council".
pub(super) fn names_the_council(doc: &Doc, mention: &Mention) -> bool {
    let after = doc.text[mention.end..].trim_start();
    let after = after.get(..after.len().min(40)).unwrap_or(after);
    let lower = after.to_ascii_lowercase();
    [
        "'s",
        "’s",
        "council",
        "county council",
        "city council",
        "borough council",
        "metropolitan",
        "children's services",
        "children’s services",
    ]
    .iter()
    .any(|w| lower.starts_with(w))
}

/// Councils the article ties a provider to: named right after "run by",
/// "operated by", "contract for", "on behalf of".
pub(super) fn tied_councils(doc: &Doc) -> Vec<String> {
    doc.mentions
        .iter()
        .filter(|m| {
            let from = m.start.saturating_sub(40);
            let mut from = from;
            while !doc.text.is_char_boundary(from) {
                from += 1;
            }
            TIED_BEFORE.is_match(&doc.text[from..m.start])
        })
        .map(|m| doc.council_of(m.entity))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::inspections;
    use super::*;

    fn councils(text: &str) -> Vec<String> {
        inspections(&Doc::new(text))
            .into_iter()
            .map(|e| e.council)
            .collect()
    }

    #[test]
    fn an_agency_placed_by_town_is_not_the_councils() {
        let got = councils(
            "Headline\n\nA fostering agency with an office in Wigan has been rated inadequate by Ofsted after inspectors raised concerns.\n\nThe agency was judged good when it was last inspected in 2019.",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn an_earlier_grade_of_it_after_a_home_is_the_homes() {
        let got = councils(
            "Headline\n\nA children's home near Ipswich, run by a private company, was inspected in March. It had been rated good by Ofsted in 2020.\n\nSuffolk County Council places children there.",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_homes_story_does_not_judge_the_councils_it_names_as_places() {
        let got = councils(
            "Headline\n\nA children's home near Barnard Castle has lost its outstanding status.\n\nIt cares for children placed by councils including Durham County Council.\n\nOfsted judged it outstanding at its last full inspection in 2022.\n\nThe home was inspected at Oak Lodge in Suffolk. Oak Lodge was previously judged good in 2021.",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_home_run_by_a_council_keeps_it() {
        let got = councils(
            "Headline\n\nOakfield House, which is run by Wigan Council, was inspected in May.\n\nThe home has been rated good by Ofsted.",
        );
        assert_eq!(got, vec!["Wigan".to_string()]);
    }

    #[test]
    fn the_councils_own_services_beside_an_agency_are_the_councils() {
        let got = councils(
            "Headline\n\nA fostering agency in Wigan was rated good by Ofsted last week.\n\nWigan Council's children's services were rated inadequate by Ofsted in 2021.",
        );
        assert_eq!(got, vec!["Wigan".to_string()]);
    }

    #[test]
    fn a_councils_own_fostering_service_is_the_councils() {
        let got = councils(
            "Headline\n\nIn Wigan, the council's fostering agency was rated good by Ofsted in 2018.",
        );
        assert_eq!(got, vec!["Wigan".to_string()]);
    }
}
