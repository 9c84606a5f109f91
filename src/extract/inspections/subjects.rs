//! Which of a sentence's council names is its subject: not one in an
//! appositive after it ("Cumberland, created when Cumbria County Council
//! was abolished, was judged inadequate"), and every one of a coordinated
//! pair ("were Thurrock and Tameside").

use super::super::Doc;
use crate::gazetteer::Mention;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// "has been rated", "have now been judged": the grade is the news.
static PRESENT_PERFECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:has|have)\s+(?:now\s+|just\s+|today\s+)?been\s+(?:rated|judged|graded|given|awarded|handed|found|re-rated|upgraded|downgraded)(?-u:\b)")
        .expect("present perfect regex")
});

/// Whether the cue at `cue` of sentence `s` reports its grade as news.
pub(super) fn reported_now(s: &str, cue: &Range<usize>) -> bool {
    let from = s[..cue.start].len().saturating_sub(60);
    let mut from = from;
    while !s.is_char_boundary(from) {
        from += 1;
    }
    PRESENT_PERFECT.is_match(&s[from..cue.end.min(s.len())])
}

/// Whether `m` is named aside rather than as a subject: in an appositive
/// after another name, or in a person's role ("the former leader of
/// Liverpool City Council", "director of children's services at Derby").
pub(super) fn named_aside(doc: &Doc, m: &Mention) -> bool {
    in_a_role(doc, m) || in_appositive(doc, m)
}

/// A post right before a council's name: the name says where a person
/// works or worked, not which council is judged.
static ROLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:leader|director|chief\s+executive|member|head|mayor|chair|chairman|chairwoman|officer|councillor|manager|worker|commissioner|spokes(?:wo)?(?:man|person))(?:\s+for\s+[\p{Latin}0-9_\s,'’&-]+?)?\s+(?:of|at)\s+(?:the\s+)?$")
        .expect("role regex")
});

fn in_a_role(doc: &Doc, m: &Mention) -> bool {
    let mut from = m.start.saturating_sub(90);
    while !doc.text.is_char_boundary(from) {
        from += 1;
    }
    ROLE_BEFORE.is_match(&doc.text[from..m.start])
}

/// Whether `m` stands inside an appositive or relative clause set off by
/// commas after another name of its sentence: "X, one of two councils
/// created when Y was abolished, was ...".
fn in_appositive(doc: &Doc, m: &Mention) -> bool {
    let Some(i) = doc.layout.sentence_at(m.start) else {
        return false;
    };
    let sentence = doc.layout.sentences[i].range.clone();
    let closes_after = doc.text[m.end..sentence.end].contains(',');
    closes_after
        && doc.mentions.iter().any(|o| {
            sentence.start <= o.start
                && o.end < m.start
                && o.entity != m.entity
                && doc.text[o.end..].starts_with(',')
                && !doc.text[o.end + 1..m.start].contains([',', ';', '.'])
        })
}

/// Names joined to `m` by "and" or a comma, as one subject: "Thurrock and
/// Tameside", "Leeds, Wigan and Bury".
pub(super) fn coordinated(doc: &Doc, m: &Mention) -> Vec<Mention> {
    let joined = |gap: &str| matches!(gap, " and " | ", " | ", and " | " & ");
    let mut out = Vec::new();
    let Some(at) = doc.mentions.iter().position(|o| o == m) else {
        return out;
    };
    let mut last = *m;
    for o in &doc.mentions[at + 1..] {
        if o.start < last.end || !joined(&doc.text[last.end..o.start]) {
            break;
        }
        out.push(*o);
        last = *o;
    }
    let mut first = *m;
    for o in doc.mentions[..at].iter().rev() {
        if o.end > first.start || !joined(&doc.text[o.end..first.start]) {
            break;
        }
        out.push(*o);
        first = *o;
    }
    out.retain(|o| o.entity != m.entity);
    out
}

/// Words right before a council's name that bring it in only to compare:
/// "neighbouring Medway", "unlike Manchester", "compared with Leeds". A
/// grade beside such a name is the other council's backdrop, not news the
/// article reports, and a wrong council costs a curator more than a
/// missing one.
static COMPARISON_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:neighbouring|neighboring|nearby|unlike|compared\s+(?:with|to)|in\s+contrast\s+to|as\s+in|than(?:\s+in)?)\s+(?:the\s+)?$")
        .expect("comparison regex")
});

/// Whether the name at `m` is brought in only for comparison.
pub(super) fn named_for_comparison(doc: &Doc, m: &Mention) -> bool {
    let mut from = m.start.saturating_sub(30);
    while !doc.text.is_char_boundary(from) {
        from += 1;
    }
    COMPARISON_BEFORE.is_match(&doc.text[from..m.start])
}

#[cfg(test)]
mod tests {
    use super::super::inspections;
    use super::*;

    fn judged(text: &str) -> Vec<String> {
        inspections(&Doc::new(text))
            .into_iter()
            .map(|e| e.council)
            .collect()
    }

    #[test]
    fn a_name_in_an_appositive_is_not_the_subject() {
        assert_eq!(
            judged(
                "Headline\n\nWigan, which took over from Bolton Council last year, was rated inadequate by Ofsted."
            ),
            vec!["Wigan".to_string()]
        );
    }

    #[test]
    fn coordinated_names_share_a_judgement() {
        assert_eq!(
            judged("Headline\n\nThe councils rated inadequate this year were Wigan and Bolton."),
            vec!["Wigan".to_string(), "Bolton".to_string()]
        );
    }

    #[test]
    fn councils_named_to_compare_are_not_judged() {
        let wigan = vec!["Wigan".to_string()];
        for aside in [
            "Neighbouring Bolton Council was rated good last year.",
            "Unlike Bolton, where services were rated inadequate, Wigan has improved.",
        ] {
            let text = format!("Headline\n\nWigan Council was rated good by Ofsted.\n\n{aside}");
            assert_eq!(judged(&text), wigan, "{aside}");
        }
    }

    #[test]
    fn a_council_in_a_persons_role_is_not_the_subject() {
        assert_eq!(
            judged(
                "Headline\n\nServices in Wigan were rated inadequate by Ofsted.\n\nAnn Lee, the former leader of Bolton Council, said lessons should be learned.\n\nInspectors also made a focused visit in May."
            ),
            vec!["Wigan".to_string(), "Wigan".to_string()]
        );
    }
}
