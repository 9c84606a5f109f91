//! Sentences about councils in general ("one in eight councils are judged
//! inadequate", "19 of the 153 local authorities were rated inadequate",
//! "quarterly visits for those judged inadequate"): no council is judged,
//! so they give no inspection, whatever council was named before.

use super::super::Doc;
use crate::extract::window::after_last;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A plural subject for councils or providers in general.
static MANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:councils|local\s+authorities|authorities|areas|trusts|providers|agencies|boroughs|those\s+(?:judged|rated|graded|found|that|which|who)|per\s+cent|homes|one\s+in\s+[\p{Latin}0-9_]+|[0-9]+\s+of\s+the\s+[0-9]+)(?-u:\b)|[0-9]+\s?%")
        .expect("plural subject regex")
});

/// Whether the cue at `cue` of `sentence` speaks of councils in general:
/// the clause before it has a plural subject and the sentence names no
/// council or trust.
pub(super) fn about_councils_in_general(
    doc: &Doc,
    sentence: &Range<usize>,
    cue: &Range<usize>,
) -> bool {
    let names_one = doc
        .mentions
        .iter()
        .any(|m| sentence.start <= m.start && m.end <= sentence.end);
    if names_one {
        return false;
    }
    let before = &doc.text[sentence.start..cue.start.max(sentence.start)];
    let clause = &before[after_last(before, &[',', ';', ':', '('])..];
    MANY.is_match(clause) && !ONE.is_match(clause)
}

/// A single council as the subject: "the council", "it".
static ONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:the\s+(?:council|authority|borough|service|trust|department)|it|its)(?-u:\b)")
        .expect("single subject regex")
});

#[cfg(test)]
mod tests {
    use super::super::inspections;
    use super::*;

    #[test]
    fn councils_in_general_are_not_judged() {
        let e = inspections(&Doc::new(
            "Headline\n\nWigan Council's director, Ann Jones, spoke at the conference.\n\nOne in five councils were rated inadequate last year, the report said. Ofsted makes visits to those judged inadequate.",
        ));
        assert!(e.is_empty(), "{e:?}");
    }

    #[test]
    fn a_share_of_homes_is_not_one_judged() {
        let e = inspections(&Doc::new(
            "Headline\n\nLancashire County Council pays for places there.\n\nNationally, around 75% of adult care homes are rated good.",
        ));
        assert!(e.is_empty(), "{e:?}");
    }

    #[test]
    fn a_council_named_in_the_sentence_is_judged() {
        let e = inspections(&Doc::new(
            "Headline\n\nAmong the councils rated inadequate this year was Wigan.",
        ));
        assert_eq!(e.len(), 1);
    }
}

#[cfg(test)]
mod clause_tests {
    use super::super::inspections;
    use super::*;

    #[test]
    fn a_plural_in_another_clause_leaves_the_council_judged() {
        let e = inspections(&Doc::new(
            "Headline\n\nWigan Council heard from Ofsted this week.\n\nDespite a shortage of foster homes across most areas, the council was rated good.",
        ));
        assert_eq!(e.len(), 1);
    }
}
