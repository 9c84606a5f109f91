//! The role and organisation written right after a name ("Jane Doe, the
//! council's director of children's services at Wirral"): the groups of
//! `ROLE_AFTER`, found mostly without its capture search, which runs a
//! backtracker over a very large automaton (tens of thousands of
//! instructions per name).
//!
//! Why the parts give the same groups: the pattern is `,?\s+`, filler words
//! ("who is", "the", "the trust's"), an optional possessive organisation,
//! the role, and an optional "at <organisation>". Every filler opens with a
//! lower-case word that no role word shares, and the possessive
//! organisation opens with a capital, so the fillers before the role are
//! always all those that follow each other, and the role or the possessive
//! organisation starts where they end. Only when a capital stands there is
//! the full pattern needed. The role is then the first match of the role
//! pattern there, and the organisation after it the first match of its own
//! pattern (both parts are optional tails, so leftmost-first picks each
//! part's own first match).

use super::{ORG_AFTER_ROLE, ROLE_AFTER, clean_org, role_pattern, tidy_role};
use regex::Regex;
use std::sync::LazyLock;

static ROLE_AT_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^(?:{})", role_pattern())).expect("role regex"));

static ORG_AT_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{ORG_AFTER_ROLE}")).expect("organisation regex"));

/// The end of a role at the start of `s`, if one starts there.
pub(super) fn role_at_start(s: &str) -> Option<usize> {
    ROLE_AT_START.find(s).map(|m| m.end())
}

/// Verbs of the "who ..." filler. "was appointed" comes before "was": after
/// "who was" alone, "appointed" could start neither a filler nor a role.
const WHO_VERBS: [&str; 5] = ["was appointed", "has been", "became", "is", "was"];

/// Filler words followed by white space.
const FILLER_WORDS: [&str; 5] = ["the", "a", "an", "now", "its"];

/// Filler words followed by a possessive "'s".
const FILLER_POSSESSORS: [&str; 13] = [
    "trust",
    "council",
    "authority",
    "agency",
    "company",
    "charity",
    "borough",
    "county",
    "city",
    "service",
    "department",
    "organisation",
    "force",
];

/// The role (lower case, as worded) and organisation after a name, as
/// `ROLE_AFTER`'s groups give them.
pub(super) fn role_after(after: &str) -> Option<(String, Option<String>)> {
    let start = role_start(after)?;
    if after
        .as_bytes()
        .get(start)
        .is_some_and(u8::is_ascii_uppercase)
    {
        return role_after_by_captures(after);
    }
    let role_end = start + ROLE_AT_START.find(&after[start..])?.end();
    let org = ORG_AT_START
        .find(&after[role_end..])
        .map(|m| clean_org(org_name(m.as_str())));
    Some((tidy_role(&after[start..role_end]), org))
}

/// The full pattern, for a capital where the role may start: it may open a
/// possessive organisation ("Tameside's director") or the role itself.
fn role_after_by_captures(after: &str) -> Option<(String, Option<String>)> {
    let c = ROLE_AFTER.captures(after)?;
    let role = c.name("role")?.as_str();
    let org = c
        .name("org")
        .or_else(|| c.name("porg"))
        .map(|m| clean_org(m.as_str()));
    Some((tidy_role(role), org))
}

/// Where the role (or a possessive organisation) starts: after `,?\s+` and
/// every filler. None without the white space.
fn role_start(after: &str) -> Option<usize> {
    let rest = after.strip_prefix(',').unwrap_or(after);
    let space = leading_space_len(rest);
    if space == 0 {
        return None;
    }
    let mut start = after.len() - rest.len() + space;
    while let Some(len) = filler_len(&after[start..]) {
        start += len;
    }
    Some(start)
}

/// The length of a filler at the start of `s`, white space after it included.
fn filler_len(s: &str) -> Option<usize> {
    let word_len = if let Some(rest) = s.strip_prefix("who ") {
        let verb = WHO_VERBS
            .iter()
            .find(|v| rest.strip_prefix(**v).is_some_and(starts_with_space))?;
        "who ".len() + verb.len()
    } else if let Some(word) = FILLER_WORDS
        .iter()
        .find(|w| s.strip_prefix(**w).is_some_and(starts_with_space))
    {
        word.len()
    } else {
        let possessor = FILLER_POSSESSORS.iter().find(|w| s.starts_with(**w))?;
        let rest = &s[possessor.len()..];
        let apostrophe_s = ["'s", "’s"].iter().find(|a| rest.starts_with(**a))?;
        possessor.len() + apostrophe_s.len()
    };
    let space = leading_space_len(&s[word_len..]);
    (space > 0).then_some(word_len + space)
}

/// The organisation's name in a match of `ORG_AT_START`, after "at", "of"
/// or "for" and an optional "the". The name opens with a capital, so the
/// white space and a "the" before it belong to the lead words.
fn org_name(m: &str) -> &str {
    let rest = m.trim_start();
    let rest = ["at", "of", "for"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest)
        .trim_start();
    match rest.strip_prefix("the") {
        Some(name) if starts_with_space(name) => name.trim_start(),
        _ => rest,
    }
}

/// `\s` is Unicode White_Space, as `char::is_whitespace`.
fn starts_with_space(s: &str) -> bool {
    s.starts_with(char::is_whitespace)
}

fn leading_space_len(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_captures(after: &str) -> Option<(String, Option<String>)> {
        let c = ROLE_AFTER.captures(after)?;
        let org = c.name("org").or_else(|| c.name("porg"));
        Some((
            tidy_role(c.name("role")?.as_str()),
            org.map(|m| clean_org(m.as_str())),
        ))
    }

    #[test]
    fn parts_give_the_groups_of_the_full_pattern() {
        let afters = [
            ", director of children's services at Wirral, said",
            ", who was appointed director of children's services at Wirral last year",
            ", who was the chief executive of the Sandwell Children's Trust",
            ", who is the council's cabinet member for children, young people and schools",
            ", who was appointedX director",
            ", who is theX director",
            ", the trust’s chief executive, told",
            ", Tameside’s director of children’s services, told",
            ", Director of Children's Services at Wirral",
            ", MP for Wigan",
            ",\u{a0}the\u{2003}council's  interim\tdirector at the\u{a0}Borough of Wirral",
            " said the council's director",
            ", a an the lead member for children at Wirral & Cheshire Council.",
            ", an assistant director for the Trust",
            ", its chair of the board at the trust",
            ", now head of service at theTrust",
            ", the organisation's founder at The Who",
            ", a\u{212a}ey director",
            ", deputy chief executive of the council at Dudley Metropolitan Borough Council",
            ",the director",
            ", who became HM chief inspector",
            ", council's  chief\u{17f}uperintendent at Kent",
            ", who has been chairwoman for families of Hull",
            ", the",
            "",
        ];
        for after in afters {
            assert_eq!(role_after(after), by_captures(after), "{after}");
        }
    }
}
