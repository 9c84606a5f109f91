//! Who an attribution phrase names: a person of the article, Ofsted (the
//! report, the letter, inspectors), an organisation's spokesperson, the
//! council, the body whose statement it is, or the last person mentioned
//! for "she said".

use crate::extract::doc::Doc;
use crate::extract::people::{PersonFound, same_surname};
use crate::extract::{lexicon, names};
use regex::Regex;
use std::sync::LazyLock;

static BODY_SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(report|letter|ofsted|inspectors?|inspectorate|watchdog|regulator|hmi|findings|summary|judgement)(?-u:\b)").expect("body regex")
});

static SPOKESPERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[Ss]pokes(?:wo)?(?:man|person)\s+(?:for|from|at)\s+(?:the\s+)?(?P<org>[A-Z][\p{Latin}0-9_&'’-]*(?:\s+(?:for|of|and|&)?\s*[A-Z][\p{Latin}0-9_&'’-]*){0,5})|(?P<org2>[A-Z][\p{Latin}0-9_&'’-]+(?:\s+(?:(?:for|of|and|&)\s+)?[A-Z][\p{Latin}0-9_&'’-]*){0,4})\s+[Ss]pokes(?:wo)?(?:man|person)").expect("spokesperson regex")
});

/// A body named by its name: capitalised words ending in the word that
/// makes them an organisation ("the Local Government Association", "the
/// Department for Education", "the Home Office").
static ORGANISATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:[A-Z][\p{Latin}0-9_&'’-]*\s+(?:(?:for|of|and|&)\s+)?){0,4}(?:Association|Office|Agency|Commission|Federation|Alliance|Society|Institute|Foundation|Union|Network|Inspectorate|Constabulary|Police|Department\s+(?:for|of)\s+[A-Z][\p{Latin}0-9_]*(?:(?:,\s+|\s+and\s+)[A-Z][\p{Latin}0-9_]*)*)(?-u:\b)|(?-u:\b)(?:DfE|LGA|ADCS|NSPCC|CQC|HMICFRS|Barnardo's|Barnardo’s)(?-u:\b)").expect("organisation regex")
});

/// What an attribution phrase can name, with where it names it.
#[derive(Debug, Clone)]
enum Named {
    Speaker(String),
    /// "he" or "she": the person mentioned last.
    Person,
    /// "it", "they", "we": a body or the last speaker.
    Body,
}

pub(super) struct Context<'a, 'd> {
    pub(super) doc: &'a Doc<'d>,
    pub(super) people: &'a [PersonFound],
    /// Byte offset of the quotation being attributed.
    pub(super) at: usize,
    /// Byte offset where its paragraph starts.
    pub(super) block_start: usize,
    pub(super) last_speaker: &'a Option<String>,
    pub(super) statement_by: &'a Option<String>,
}

impl Context<'_, '_> {
    /// Turns an attribution phrase ("TfC chair Deborah Jenkins", "the
    /// report", "she", "a spokeswoman for the trust") into a speaker: the
    /// party named nearest the verb (`from_end` when the phrase comes
    /// before the verb).
    pub(super) fn resolve(&self, phrase: &str, from_end: bool) -> Option<String> {
        let mut named = self.people_named(phrase);
        for m in BODY_SPEAKER.find_iter(phrase) {
            named.push((m.end(), Named::Speaker("Ofsted".to_string())));
        }
        for m in ORGANISATION.find_iter(phrase) {
            let org = self
                .doc
                .canonical_organisation(lexicon::without_leading_the(m.as_str()));
            named.push((m.end(), Named::Speaker(org)));
        }
        let spokesperson_of = SPOKESPERSON
            .captures(phrase)
            .and_then(|c| c.name("org").or_else(|| c.name("org2")))
            .filter(|m| !matches!(m.as_str(), "The" | "An" | "A"));
        if let Some(m) = spokesperson_of {
            let org = self.doc.canonical_organisation(m.as_str());
            named.push((m.end(), Named::Speaker(org)));
        }
        self.words_named(phrase, spokesperson_of.is_none(), &mut named);
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
            Named::Person => self
                .last_person_before()
                .or_else(|| self.last_speaker.clone()),
            Named::Body => self.body_before().or_else(|| {
                self.last_speaker
                    .clone()
                    .filter(|s| !self.people.iter().any(|p| &p.name == s))
            }),
        }
    }

    /// The people a phrase names, by full name or by surname (a surname
    /// inside a full name named gives no one else).
    fn people_named(&self, phrase: &str) -> Vec<(usize, Named)> {
        let mut named: Vec<(usize, Named)> = Vec::new();
        let mut full_names: Vec<std::ops::Range<usize>> = Vec::new();
        for p in self.people {
            if let Some(i) = find_short(phrase, &p.name) {
                named.push((i + p.name.len(), Named::Speaker(p.name.clone())));
                full_names.push(i..i + p.name.len());
            }
        }
        for p in self.people {
            if find_short(phrase, &p.name).is_some() {
                continue;
            }
            let s = names::surname(&p.name);
            for (i, w) in words_with_offsets(phrase) {
                if same_surname(w, s) && !full_names.iter().any(|r| r.contains(&i)) {
                    named.push((i + w.len(), Named::Speaker(p.name.clone())));
                }
            }
        }
        named
    }

    /// Pronouns, "statement" and "council" or "spokesperson" in a phrase;
    /// `bare_spokesperson` when no body is named beside "spokesperson".
    fn words_named(&self, phrase: &str, bare_spokesperson: bool, named: &mut Vec<(usize, Named)>) {
        for (i, w) in words_with_offsets(phrase) {
            if is_person_pronoun(w) {
                named.push((i + w.len(), Named::Person));
            } else if is_body_pronoun(w) {
                named.push((i + w.len(), Named::Body));
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
            if starts("spokes")
                && bare_spokesperson
                && let Some(org) = self.body_speaking_before()
            {
                named.push((i, Named::Speaker(org)));
            } else if (is("council") || (starts("spokes") && bare_spokesperson))
                && let Some(c) = self.doc.primary_council()
            {
                named.push((i, Named::Speaker(format!("{c} Council"))));
            }
        }
    }

    /// A body named as speaking earlier in the quotation's paragraph ("The
    /// Local Government Association said ... “...,” a spokesperson said").
    fn body_speaking_before(&self) -> Option<String> {
        let text = self.doc.text;
        let before = &text[self.block_start.min(self.at)..self.at];
        ORGANISATION
            .find_iter(before)
            .filter(|m| super::attribution::verb_follows(&before[m.end()..]))
            .last()
            .map(|m| {
                self.doc
                    .canonical_organisation(lexicon::without_leading_the(m.as_str()))
            })
    }

    /// Ofsted, for "it" or "they" after a sentence about the report or the
    /// inspectors: named in this paragraph before the quotation or in the
    /// paragraph before it.
    fn body_before(&self) -> Option<String> {
        let text = self.doc.text;
        let from = crate::extract::window::floor_boundary(
            text,
            self.block_start.saturating_sub(400).min(self.at),
        );
        let before = &text[from..self.at];
        BODY_SPEAKER.is_match(before).then(|| "Ofsted".to_string())
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

/// "he" or "she", in any case. Under Unicode case folding, the long s
/// 'ſ' is an 's' too; no other non-ASCII character folds to these letters.
fn is_person_pronoun(word: &str) -> bool {
    ["he", "she"].iter().any(|p| word.eq_ignore_ascii_case(p))
        || word
            .strip_prefix('ſ')
            .is_some_and(|rest| rest.eq_ignore_ascii_case("he"))
}

/// "it", "they" or "we", in any case: a body, not one person.
fn is_body_pronoun(word: &str) -> bool {
    ["it", "they", "we"]
        .iter()
        .any(|p| word.eq_ignore_ascii_case(p))
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
