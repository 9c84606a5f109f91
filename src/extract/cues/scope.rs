//! Judgement and kind words that do not report an inspection that took
//! place: a hoped-for or expected grade ("we will be judged good"), a
//! grade for one area of an inspection ("education was judged
//! outstanding"), and a visit still to come ("can expect a focused visit").

use crate::extract::window::after_last;
use regex::Regex;
use std::sync::LazyLock;

/// The clause of `s` that ends at byte `at`: back to the last comma,
/// semicolon, colon, bracket or dash.
pub(super) fn clause_before(s: &str, at: usize) -> &str {
    let head = &s[..at];
    &head[after_last(head, &[',', ';', ':', '(', '—', '–'])..]
}

/// A grade wished for, expected or hoped for: "will be judged", "hopes
/// to be rated", "aims to become".
static HOPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:will|would|could|hopes?|hoping|aims?|aiming|expects?|expecting|wants?|aspires?|ambition|goal|target|striving|strives?|on\s+track)(?-u:\b)[^.;,]{0,30}$")
        .expect("hoped-for grade regex")
});

/// An area graded within an inspection rather than the inspection's
/// overall judgement.
static SUB_AREA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^\p{Latin}0-9_]*(?:(?:and|with|while|whereas|but|though|although)\s+)?(?:the\s+)?(?:(?:council|authority|service)['’]s\s+|its\s+|their\s+)?(?:(?:services?|support|help)\s+for\s+(?:care\s+leavers|children\s+in\s+care)|education|leadership|management|leaders(?:\s+and\s+managers)?|(?:overall\s+)?experiences(?:\s+and\s+progress)?\s+of|help\s+and\s+protection|adoption\s+performance|impact\s+of\s+leaders|effectiveness\s+of\s+leaders)(?-u:\b)[^.;]{0,60}$")
        .expect("sub-area regex")
});

/// The council as the subject, not as the owner of the area ("the
/// council's education service" is an area).
static COUNCIL_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:council|local\s+authority)(?:[^'’\p{Latin}0-9_]|$)|children['’]s\s+services|services\s+for\s+children)")
        .expect("council subject regex")
});

/// Whether the judgement word at `at` of `s` is a grade hoped for or given
/// to one area of an inspection.
pub(super) fn not_the_overall_judgement(s: &str, at: usize) -> bool {
    let clause = clause_before(s, at);
    HOPED.is_match(clause) || (SUB_AREA.is_match(clause) && !COUNCIL_SUBJECT.is_match(clause))
}

/// A visit still to come: "can expect a focused visit", "its next
/// monitoring visit", "will carry out a joint inspection".
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:can|could|will|would|should|may|might|must|to)\s+(?:[\p{Latin}0-9_]+\s+){0,2}?(?:expect|receive|face|have|get|undergo|need|carry\s+out|make|conduct|return\s+for)\s+(?:a|an|its|another|the|their)\s+(?:[\p{Latin}0-9_-]+\s+){0,2}?|(?:next|upcoming|future|forthcoming|planned)\s+(?:[\p{Latin}0-9_-]+\s+)?|(?:expects?|awaits?|awaiting|due)\s+(?:a|an|its|the|another)\s+(?:[\p{Latin}0-9_-]+\s+)?)$")
        .expect("future visit regex")
});

/// A visit still to come, said after its name: "a further monitoring
/// visit is expected in the autumn", "is due later this year".
static FUTURE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^\p{Latin}0-9_]{0,2}\s*(?:of\s+[^.;,]{1,60}?\s+)?(?:is|are|was|were)\s+(?:now\s+|also\s+)?(?:expected|due|planned|scheduled|likely)(?-u:\b)|^[^\p{Latin}0-9_]{0,2}\s*(?:will|would)\s+(?:take\s+place|follow|be\s+carried\s+out)(?-u:\b)")
        .expect("future-after regex")
});

/// Whether the kind words at `at..end` of `s` name a visit still to come.
pub(super) fn a_visit_to_come(s: &str, at: usize, end: usize) -> bool {
    FUTURE.is_match(clause_before(s, at)) || FUTURE_AFTER.is_match(&s[end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_starts_after_a_dash_of_any_width() {
        let en = "Rated inadequate – the lowest grade";
        assert_eq!(clause_before(en, en.len()), " the lowest grade");
        let em = "Rated good — will be judged";
        assert_eq!(clause_before(em, em.len()), " will be judged");
        let comma = "Rated good, will be judged";
        assert_eq!(clause_before(comma, comma.len()), " will be judged");
    }
}
