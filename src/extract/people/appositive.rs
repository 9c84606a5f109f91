//! A role written in full between commas after a name ("Jane Doe, the
//! council's cabinet member for children, young people and families,
//! social care and early help, said"): the aside runs to the comma before
//! the verb, or to the sentence's end ("said Cllr Jane Doe, Cabinet Member
//! for Children's Social Care, Education and Family Hubs.").

use super::after::role_at_start;
use super::{clean_org, tidy_role};
use crate::extract::lexicon;

/// Words that open the clause after the aside: "..., said", "..., who".
const CLAUSE_WORDS: &[&str] = &["who", "which", "has", "had", "is", "was", "will", "would"];

/// Words before a role that belong to it ("Her Majesty's Inspector",
/// "lead social care inspector", "Detective Chief Superintendent").
pub(super) const MODIFIER_WORDS: &[&str] = &[
    "her",
    "his",
    "majesty's",
    "majesty’s",
    "children's",
    "children’s",
    "services",
    "social",
    "care",
    "regulatory",
    "registered",
    "lead",
    "opposition",
    "independent",
    "national",
    "detective",
    "chief",
    "deputy",
    "assistant",
    "acting",
    "interim",
    "senior",
    "principal",
    "responsible",
];

/// The role and organisation of the aside opening `after`, when the aside
/// is closed and opens with a role once its lead words are dropped.
pub(super) fn aside_role(after: &str) -> Option<(String, Option<String>)> {
    let rest = after.strip_prefix(',')?;
    let rest = rest.strip_prefix(char::is_whitespace)?.trim_start();
    let aside = &rest[..aside_end(rest)?];
    let (aside, owner) = without_lead_words(aside);
    role_at_start(aside)?;
    let (role, org) = match aside.find(" at ") {
        Some(i) if aside[i + 4..].starts_with(|c: char| c.is_uppercase()) => {
            (&aside[..i], Some(clean_org(&aside[i + 4..])))
        }
        _ => (aside, owner.map(clean_org)),
    };
    let role = cut_at_clause(role);
    // "Her Majesty's Inspector (HMI)": the abbreviation repeats the role.
    let role = match role.rfind(" (") {
        Some(i) if role.ends_with(')') && !role[i + 2..].contains(' ') => &role[..i],
        _ => role,
    };
    match named_body_after(role) {
        Some((role, body)) => Some((tidy_role(role), Some(clean_org(body)))),
        None => Some((tidy_role(role), org)),
    }
}

/// The role before a clause or an indefinite body that describes rather
/// than names ("head of a primary school that was rated good").
fn cut_at_clause(role: &str) -> &str {
    [
        " of a ", " of an ", " for a ", " that ", " which ", " who ", " with ",
    ]
    .iter()
    .filter_map(|cut| role.find(cut))
    .min()
    .map_or(role, |i| &role[..i])
}

/// A role in lower case ending "of" or "for" a body's proper name
/// ("chief executive of Slough Children First"): the role and the body.
/// A role ending in a common noun ("chair of the Kent Schools board")
/// keeps it.
fn named_body_after(role: &str) -> Option<(&str, &str)> {
    let title_case = role.starts_with(|c: char| c.is_uppercase());
    let (i, len) = [" of the ", " for the ", " of ", " for "]
        .iter()
        .filter_map(|p| role.find(p).map(|i| (i, p.len())))
        .min_by_key(|&(i, len)| (i, usize::MAX - len))?;
    let body = &role[i + len..];
    let proper = body.split_whitespace().all(|w| {
        w.starts_with(|c: char| c.is_uppercase()) || matches!(w, "for" | "of" | "and" | "&")
    });
    // In a title-case role only a body's own name, ending in the word that
    // makes it one, is not the role's ("Leader of Wigan Council").
    let names_body = !title_case
        || body
            .rsplit(' ')
            .next()
            .is_some_and(|w| BODY_WORDS.contains(&w));
    (proper && names_body && !body.is_empty()).then(|| (&role[..i], body))
}

/// The last words of bodies' names.
const BODY_WORDS: &[&str] = &[
    "Council",
    "Trust",
    "Police",
    "Constabulary",
    "Agency",
    "Association",
    "Commission",
    "Alliance",
    "Partnership",
    "Office",
    "Ofsted",
    "Department",
    "Company",
];

/// Where the aside ends: at the comma before a verb or a clause, or at
/// the sentence's end; none if a quotation comes first.
fn aside_end(s: &str) -> Option<usize> {
    for (i, c) in s.char_indices().take_while(|(i, _)| *i < 200) {
        match c {
            '"' | '“' | '”' | ';' => return None,
            '.' | ':' if s[i + 1..].starts_with(char::is_whitespace) || i + 1 == s.len() => {
                return Some(i);
            }
            ',' if opens_clause(&s[i + 1..]) || s[i + 1..].starts_with(" and ") => {
                return Some(i);
            }
            _ => {}
        }
    }
    None
}

/// Whether the text after a comma opens the sentence's verb or a clause.
fn opens_clause(s: &str) -> bool {
    let word = s
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    !word.is_empty()
        && word.chars().all(|c| c.is_lowercase())
        && (word.ends_with("ed")
            || CLAUSE_WORDS.contains(&word)
            || lexicon::SAYING_VERBS.iter().any(|v| v.word == word))
}

/// The aside without "the", "a" and a possessive organisation before the
/// role ("the council's", "Sandwell Council's"), which is not the role's;
/// with the organisation when it is named ("Sandwell Council").
fn without_lead_words(aside: &str) -> (&str, Option<&str>) {
    let mut s = aside;
    for lead in ["the ", "a ", "an ", "now "] {
        if let Some(rest) = s.strip_prefix(lead) {
            s = rest;
            break;
        }
    }
    let possessive = s
        .split_whitespace()
        .take(5)
        .position(|w| w.ends_with("'s") || w.ends_with("’s"));
    if let Some(k) = possessive {
        let owner: Vec<&str> = s.split_whitespace().take(k + 1).collect();
        // "Cabinet Member for Children's Services": the possessive is inside
        // the role's scope, not an owner before it.
        let is_modifier = owner
            .iter()
            .all(|w| MODIFIER_WORDS.contains(&w.to_lowercase().as_str()))
            || owner.iter().any(|w| matches!(*w, "for" | "of"));
        if !is_modifier && let Some(end) = nth_word_end(s, k) {
            let named = s.starts_with(|c: char| c.is_uppercase());
            return (s[end..].trim_start(), named.then(|| &s[..end]));
        }
    }
    (s, None)
}

/// The byte offset where the `k`th word (from 0) of `s` ends.
fn nth_word_end(s: &str, k: usize) -> Option<usize> {
    let word = s.split_whitespace().nth(k)?;
    Some(word.as_ptr() as usize - s.as_ptr() as usize + word.len())
}

/// The role with the modifier words written just before it in `before`
/// ("Detective Chief" before "Superintendent"), and how many bytes of
/// `before` they take.
pub(super) fn with_modifiers_before(before: &str, role: &str) -> (String, usize) {
    let mut start = before.len();
    let mut taken = 0;
    for word in before.trim_end().rsplit(' ') {
        let lower = word.to_lowercase();
        if taken == 4 || !MODIFIER_WORDS.contains(&lower.as_str()) {
            break;
        }
        start = word.as_ptr() as usize - before.as_ptr() as usize;
        taken += 1;
    }
    if taken == 0 {
        return (role.to_string(), 0);
    }
    let prefix = tidy_role(&before[start..]);
    (format!("{prefix} {role}"), before.len() - start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_roles_run_to_the_verb() {
        let (role, org) = aside_role(
            ", the council's cabinet member for children, schools and adult learning, welcomed the letter.",
        )
        .expect("an aside role");
        assert_eq!(
            role,
            "cabinet member for children, schools and adult learning"
        );
        assert_eq!(org, None);
        let (role, org) =
            aside_role(", head of public protection at Kent Police, said the force would act.")
                .expect("an aside role");
        assert_eq!(role, "head of public protection");
        assert_eq!(org.as_deref(), Some("Kent Police"));
        let (role, _) =
            aside_role(", Her Majesty's Inspector, wrote in the letter.").expect("an aside role");
        assert_eq!(role, "her majesty's inspector");
    }

    #[test]
    fn a_body_named_after_a_lower_case_role_is_the_organisation() {
        let (role, org) = aside_role(", chief executive of Northfield Family Trust, said")
            .expect("an aside role");
        assert_eq!(role, "chief executive");
        assert_eq!(org.as_deref(), Some("Northfield Family Trust"));
        let (role, _) = aside_role(", head of a school in the town that was rated good, said")
            .expect("an aside role");
        assert_eq!(role, "head");
    }

    #[test]
    fn open_asides_and_non_roles_give_nothing() {
        assert!(aside_role(", who said “it was a fair report”").is_none());
        assert!(aside_role(", 34, said the home was cold.").is_none());
    }

    #[test]
    fn modifiers_before_a_role() {
        assert_eq!(
            with_modifiers_before("said Detective Chief ", "superintendent"),
            ("detective chief superintendent".to_string(), 16)
        );
        assert_eq!(with_modifiers_before("said ", "manager").0, "manager");
    }
}
