//! The council and trust names an article mentions: the gazetteer's, with
//! abolished councils added, and without names in the footer, names that
//! are part of a person's name, and ordinary words ("Reading") the text
//! does not treat as places.

use super::layout::{BlockKind, Layout};
use super::names;
use super::window::{head, tail};
use crate::gazetteer::{Entity, Gazetteer, Mention};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::collections::HashSet;
use std::sync::LazyLock;

/// Council and trust names outside the footer, in text order.
pub(super) fn council_mentions(text: &str, layout: &Layout, gazetteer: &Gazetteer) -> Vec<Mention> {
    let candidates: Vec<Mention> = with_abolished_councils(text, gazetteer.mentions(text))
        .into_iter()
        .filter(|m| {
            layout
                .block_at(m.start)
                .is_some_and(|b| layout.blocks[b].kind != BlockKind::Footer)
        })
        .filter(|m| !part_of_a_persons_name(text, m))
        .filter(|m| !text[..m.start].ends_with("New "))
        .filter(|m| !names_another_body(text, m))
        .collect();
    // A name that is also an ordinary word ("Derby", "Reading") counts
    // where the text treats it as a place, and everywhere once the
    // article has done so ("Derby City Council ... as Derby earns").
    let placed: HashSet<Entity> = candidates
        .iter()
        .filter(|m| !ambiguous_without_context(text, m))
        .map(|m| m.entity)
        .collect();
    candidates
        .into_iter()
        .filter(|m| placed.contains(&m.entity))
        .collect()
}

/// County Council"), which older articles still report on: patterns with
/// their index into the gazetteer's councils.
static ABOLISHED: LazyLock<(AhoCorasick, Vec<usize>)> = LazyLock::new(|| {
    let mut patterns: Vec<String> = Vec::new();
    let mut owners = Vec::new();
    for (i, c) in Gazetteer::get().councils().iter().enumerate() {
        if c.kind != "abolished" {
            continue;
        }
        for n in std::iter::once(&c.name).chain(&c.aliases) {
            if n.len() >= 3 {
                patterns.push(n.clone());
                owners.push(i);
            }
        }
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&patterns)
        .expect("abolished council names");
    (automaton, owners)
});

/// The gazetteer's mentions with abolished councils' names added where
/// they stand as whole words and are not part of a longer current name
/// ("North Northamptonshire").
fn with_abolished_councils(text: &str, mut mentions: Vec<Mention>) -> Vec<Mention> {
    let (automaton, owners) = &*ABOLISHED;
    let mut added = false;
    for m in automaton.find_iter(text) {
        let whole_word = text[..m.start()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
            && text[m.end()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
        let covered = mentions
            .iter()
            .any(|o| o.start < m.end() && m.start() < o.end && o.end - o.start >= m.len());
        if !whole_word || covered {
            continue;
        }
        mentions.retain(|o| !(o.start < m.end() && m.start() < o.end));
        mentions.push(Mention {
            start: m.start(),
            end: m.end(),
            entity: Entity::Council(owners[m.pattern().as_usize()]),
        });
        added = true;
    }
    if added {
        mentions.sort_by_key(|m| m.start);
    }
    mentions
}

/// A place name inside the name of a region or of another public body:
/// "Greater Manchester", "Greater London", "Cheshire Police", "Leeds
/// Teaching Hospitals", "Sheffield Hallam University".
fn names_another_body(text: &str, m: &Mention) -> bool {
    const BODIES: &[&str] = &[
        "Police",
        "Constabulary",
        "Fire",
        "NHS",
        "Hospital",
        "Hospitals",
        "Teaching Hospitals",
        "University",
        "College",
        "Clinical Commissioning",
        "Integrated Care",
        "Combined Authority",
        "Crown Court",
        "Magistrates",
        "Youth Offending",
        "Football Club",
        "FC",
        "United",
        "City FC",
    ];
    if text[..m.start].ends_with("Greater ") {
        return true;
    }
    let after = text[m.end..].strip_prefix(' ').unwrap_or("");
    BODIES.iter().any(|b| {
        after.starts_with(b)
            && after[b.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// "Brenda Warrington", "Cllr Bolton": a council name that is a surname.
fn part_of_a_persons_name(text: &str, m: &Mention) -> bool {
    let previous = text[..m.start]
        .trim_end_matches(' ')
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    text[..m.start].ends_with(' ') && (names::is_first_name(previous) || names::is_title(previous))
}

/// Council names that are also ordinary words ("Reading", "Bury") count
/// only where the text treats them as places.
fn ambiguous_without_context(text: &str, m: &Mention) -> bool {
    const AMBIGUOUS: &[&str] = &[
        "Reading", "Bury", "York", "Sutton", "Derby", "Hull", "Stoke", "Kingston", "Richmond",
        "Halton", "Brent",
    ];
    let surface = &text[m.start..m.end];
    if !AMBIGUOUS.contains(&surface) {
        return false;
    }
    // A few words either side are enough; lower-casing the rest of the
    // text for every mention would make long articles quadratic.
    let after = head(text[m.end..].trim_start(), 24).to_lowercase();
    let before = tail(text[..m.start].trim_end(), 24).to_lowercase();
    let place_after = [
        "council", "borough", "children", "'s", "’s", "city", "local", ", whose", ", which",
    ]
    .iter()
    .any(|w| after.starts_with(w));
    let place_before = [
        " in", " at", " of", " to", " for", " from", " visited", " and", " with",
    ]
    .iter()
    .any(|w| before.ends_with(w));
    !(place_after || place_before)
}
