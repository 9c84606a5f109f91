//! Who an attribution phrase names: a person of the article, Ofsted (the
//! report, the letter, inspectors), an organisation's spokesperson, the
//! council, the body whose statement it is, or the last person mentioned
//! for "she said".

use crate::extract::doc::Doc;
use crate::extract::names;
use crate::extract::people::{PersonFound, same_surname};
use regex::Regex;
use std::sync::LazyLock;

static BODY_SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(report|letter|ofsted|inspectors?|inspectorate|watchdog|regulator|hmi|findings|summary|judgement)(?-u:\b)").expect("body regex")
});

static SPOKESPERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[Ss]pokes(?:wo)?(?:man|person)\s+(?:for|from|at)\s+(?:the\s+)?(?P<org>[A-Z][\w&'’-]*(?:\s+(?:for|of|and|&)?\s*[A-Z][\w&'’-]*){0,5})|(?P<org2>[A-Z][\w&'’-]+(?:\s+[A-Z][\w&'’-]*){0,4})\s+[Ss]pokes(?:wo)?(?:man|person)").expect("spokesperson regex")
});

/// What an attribution phrase can name, with where it names it.
#[derive(Debug, Clone)]
enum Named {
    Speaker(String),
    Pronoun,
}

pub(super) struct Context<'a, 'd> {
    pub(super) doc: &'a Doc<'d>,
    pub(super) people: &'a [PersonFound],
    /// Byte offset of the quotation being attributed.
    pub(super) at: usize,
    pub(super) last_speaker: &'a Option<String>,
    pub(super) statement_by: &'a Option<String>,
}

impl Context<'_, '_> {
    /// Turns an attribution phrase ("TfC chair Deborah Jenkins", "the
    /// report", "she", "a spokeswoman for the trust") into a speaker: the
    /// party named nearest the verb (`from_end` when the phrase comes
    /// before the verb).
    pub(super) fn resolve(&self, phrase: &str, from_end: bool) -> Option<String> {
        let mut named: Vec<(usize, Named)> = Vec::new();
        for p in self.people {
            if let Some(i) = find_short(phrase, &p.name) {
                named.push((i + p.name.len(), Named::Speaker(p.name.clone())));
                continue;
            }
            let s = names::surname(&p.name);
            for (i, w) in words_with_offsets(phrase) {
                if same_surname(w, s) {
                    named.push((i + w.len(), Named::Speaker(p.name.clone())));
                }
            }
        }
        for m in BODY_SPEAKER.find_iter(phrase) {
            named.push((m.end(), Named::Speaker("Ofsted".to_string())));
        }
        if let Some(c) = SPOKESPERSON.captures(phrase)
            && let Some(m) = c.name("org").or_else(|| c.name("org2"))
            && !matches!(m.as_str(), "The" | "An" | "A")
        {
            let org = self.doc.canonical_organisation(m.as_str());
            named.push((m.end(), Named::Speaker(org)));
        }
        for (i, w) in words_with_offsets(phrase) {
            if is_pronoun(w) {
                named.push((i + w.len(), Named::Pronoun));
            }
            // Words are nearly always ASCII: compared without allocating a
            // lower-case copy then (a copy still for the rest, where
            // Unicode lower-casing can yield ASCII, as from the Kelvin sign).
            let lower = if w.is_ascii() {
                std::borrow::Cow::Borrowed(w)
            } else {
                std::borrow::Cow::Owned(w.to_lowercase())
            };
            let is = |word: &str| lower.eq_ignore_ascii_case(word);
            let starts = |prefix: &str| {
                lower
                    .get(..prefix.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
            };
            if is("statement")
                && let Some(s) = self.statement_by
            {
                named.push((i + w.len(), Named::Speaker(s.clone())));
            }
            if (is("council") || starts("spokes"))
                && let Some(c) = self.doc.primary_council()
            {
                named.push((i, Named::Speaker(format!("{c} Council"))));
            }
        }
        if from_end && let Some(person) = self.appositive_subject(phrase) {
            return Some(person);
        }
        let chosen = if from_end {
            named.into_iter().max_by_key(|(i, _)| *i)
        } else {
            named.into_iter().min_by_key(|(i, _)| *i)
        };
        match chosen?.1 {
            Named::Speaker(s) => Some(s),
            Named::Pronoun => self
                .last_person_before()
                .or_else(|| self.last_speaker.clone()),
        }
    }

    /// The person a phrase opens with when an aside follows the name
    /// ("Councillor Jane Doe, lead member at Kent County Council,"): the
    /// subject of the verb, not the organisation named in the aside.
    fn appositive_subject(&self, phrase: &str) -> Option<String> {
        let phrase = phrase.trim_start();
        self.people.iter().find_map(|p| {
            let i = find_short(phrase, &p.name)?;
            let rest = &phrase[i + p.name.len()..];
            let opening_words = phrase[..i].split_whitespace().count();
            (opening_words <= 3 && rest.starts_with(',') && rest[1..].contains(','))
                .then(|| p.name.clone())
        })
    }

    /// The person mentioned last before the quotation, for "she said".
    fn last_person_before(&self) -> Option<String> {
        self.people
            .iter()
            .filter_map(|p| {
                p.ranges
                    .iter()
                    .filter(|r| r.end <= self.at)
                    .map(|r| r.start)
                    .max()
                    .map(|at| (at, &p.name))
            })
            .max_by_key(|(at, _)| *at)
            .map(|(_, n)| n.clone())
    }
}

/// A subject pronoun, in any case: `(?i)^(?:he|she|they|it|we)$`. Under
/// the pattern's Unicode case folding, the long s 'ſ' is an 's' too; no
/// other non-ASCII character folds to these letters.
fn is_pronoun(word: &str) -> bool {
    ["he", "she", "they", "it", "we"]
        .iter()
        .any(|p| word.eq_ignore_ascii_case(p))
        || word
            .strip_prefix('ſ')
            .is_some_and(|rest| rest.eq_ignore_ascii_case("he"))
}

/// `haystack.find(needle)` for the short phrases resolved here, where
/// setting up the standard two-way search costs more than comparing at
/// each byte that matches the needle's first. A byte match is a character
/// match: the needle starts with a byte that never continues a character.
pub(super) fn find_short(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return Some(0);
    };
    let last_start = h.len().checked_sub(n.len())?;
    (0..=last_start).find(|&i| h[i] == first && h[i..].starts_with(n))
}

fn words_with_offsets(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}
