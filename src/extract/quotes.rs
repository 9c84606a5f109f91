//! Direct quotations and who said them.
//!
//! British news quotes in double marks (“…” or "…"), sometimes in single
//! marks (‘…’); a quotation over several paragraphs opens each paragraph
//! and closes only at the last; attribution comes before ("Smith said:")
//! or after ("…,” she added / the report said / said Cllr Jane Doe).

use super::Doc;
use super::layout::BlockKind;
use super::names;
use super::people::{PersonFound, edit_distance};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq)]
pub struct QuoteFound {
    pub speaker: Option<String>,
    pub text: String,
    pub range: Range<usize>,
}

/// A quoted passage inside one paragraph.
#[derive(Debug, Clone)]
struct Passage {
    range: Range<usize>,
    /// The paragraph ended before the closing mark.
    open_ended: bool,
    /// Byte offsets of the opening mark and just past the closing mark.
    outer: Range<usize>,
}

fn is_opening_context(prev: Option<char>) -> bool {
    prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | ':' | ','))
}

/// Quoted passages in `block` (byte range of one paragraph).
fn passages(text: &str, block: Range<usize>) -> Vec<Passage> {
    let s = &text[block.clone()];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
        let next = chars.get(i + 1).map(|x| x.1);
        let kind = match c {
            '“' => Some('d'),
            '"' if is_opening_context(prev) => Some('d'),
            '‘' if is_opening_context(prev) => Some('s'),
            '\'' if is_opening_context(prev) && next.is_some_and(char::is_alphabetic) => Some('q'),
            _ => None,
        };
        let Some(kind) = kind else {
            i += 1;
            continue;
        };
        let start = pos + c.len_utf8();
        let mut depth = 0;
        let mut j = i + 1;
        let mut close = None;
        while j < chars.len() {
            let (p, ch) = chars[j];
            let before = chars[j - 1].1;
            let after = chars.get(j + 1).map(|x| x.1);
            let closes_word = after.is_none_or(|a| !a.is_alphanumeric());
            match (kind, ch) {
                ('d', '“') => depth += 1,
                ('d', '"')
                    if is_opening_context(Some(before))
                        && after.is_some_and(|a| !a.is_whitespace()) =>
                {
                    depth += 1
                }
                ('d', '”') | ('d', '"') => {
                    if depth == 0 {
                        close = Some(p);
                        break;
                    }
                    depth -= 1;
                }
                ('s', '’') if closes_word && !before.is_whitespace() => {
                    close = Some(p);
                    break;
                }
                ('q', '\'') if closes_word && !before.is_whitespace() => {
                    close = Some(p);
                    break;
                }
                _ => {}
            }
            j += 1;
        }
        let (end, open_ended, next_i) = match close {
            Some(p) => (p, false, j + 1),
            None if kind == 'd' => (s.len(), true, chars.len()),
            // An unclosed single mark is an apostrophe, not a quotation.
            None => {
                i += 1;
                continue;
            }
        };
        let inner = trim_range(s, start..end);
        out.push(Passage {
            range: block.start + inner.start..block.start + inner.end,
            open_ended,
            outer: block.start + pos
                ..block.start
                    + close.map_or(s.len(), |p| {
                        p + s[p..].chars().next().map_or(1, char::len_utf8)
                    }),
        });
        i = next_i;
    }
    out
}

/// Trims white space and a trailing comma from a quote's inside.
fn trim_range(s: &str, r: Range<usize>) -> Range<usize> {
    let inner = &s[r.clone()];
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim_end().trim_end_matches(',').trim_end();
    r.start + lead..r.start + trimmed.len().max(lead)
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

const VERBS: &str = r"(?:said|says|say|added|adds|stated|states|state|told|tells|continued|continues|concluded|concludes|explained|explains|warned|warns|wrote|writes|noted|notes|commented|insisted|admitted|found|finds|reads|read|acknowledged|praised|conceded|observed|highlighted|declared|claimed|responded|replied|remarked|stressed)";

static AFTER_ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\s,.;:!?—–-]*(?:(?P<speaker1>[^.!?“”]{{1,120}}?)\s+{VERBS}\b|{VERBS}\s+(?P<speaker2>[^.!?“”,]{{1,120}}))"
    ))
    .expect("attribution regex")
});

static BEFORE_ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<speaker>[^.!?“”]{{1,160}}?)\s+{VERBS}\b[^.!?“”:]{{0,60}}[:,]?\s*$"
    ))
    .expect("attribution regex")
});

static BODY_SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(report|letter|ofsted|inspectors?|inspectorate|watchdog|regulator|hmi|findings|summary|judgement)\b").expect("body regex")
});

static SPOKESPERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)spokes(?:wo)?(?:man|person)\s+(?:for|from|at)\s+(?:the\s+)?(?P<org>[A-Z][\w&'’-]*(?:\s+(?:for|of|and|&)?\s*[A-Z][\w&'’-]*){0,5})|(?P<org2>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,4})\s+spokes(?:wo)?(?:man|person)").expect("spokesperson regex")
});

static STATEMENT_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"statement\s+(?:by|from|issued by)\s+(?:the\s+)?([A-Z][\w&'’-]*(?:\s+(?:for|of|and|&)?\s*[A-Z][\w&'’-]*){0,5})").expect("statement regex")
});

static PRONOUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:he|she|they|it|we)$").expect("pronoun regex"));

/// Every quotation of five words or more in the body, with its speaker.
pub fn quotes(doc: &Doc, people: &[PersonFound]) -> Vec<QuoteFound> {
    let text = doc.text;
    let mut out = Vec::new();
    let mut last_speaker: Option<String> = None;
    let mut previous_open_ended = false;
    let mut statement_by: Option<String> = None;
    for b in doc
        .layout
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Body)
    {
        let line = &text[b.range.clone()];
        if let Some(c) = STATEMENT_BY.captures(line) {
            statement_by = c.get(1).map(|m| doc.canonical_organisation(m.as_str()));
        }
        let found = passages(text, b.range.clone());
        let mut paragraph_open_ended = false;
        for (k, p) in found.iter().enumerate() {
            paragraph_open_ended = p.open_ended;
            let quote_text = &text[p.range.clone()];
            if word_count(quote_text) < 5 {
                continue;
            }
            // Attribution between this passage and the next, or before it.
            let after_end = found.get(k + 1).map_or(b.range.end, |n| n.outer.start);
            let after = &text[p.outer.end.min(after_end)..after_end];
            let before_start = if k == 0 {
                b.range.start
            } else {
                found[k - 1].outer.end
            };
            let before = &text[before_start..p.outer.start.max(before_start)];
            let phrase = AFTER_ATTRIBUTION
                .captures(after)
                .and_then(|c| c.name("speaker1").or_else(|| c.name("speaker2")))
                .map(|m| m.as_str())
                .filter(|s| word_count(s) <= 12)
                .or_else(|| {
                    BEFORE_ATTRIBUTION
                        .captures(before)
                        .and_then(|c| c.name("speaker"))
                        .map(|m| m.as_str())
                });
            let starts_paragraph = p.outer.start == b.range.start;
            let speaker = match phrase {
                Some(ph) => resolve_speaker(doc, ph, people, &last_speaker, &statement_by),
                None if starts_paragraph
                    && (previous_open_ended || k > 0 || last_speaker.is_some()) =>
                {
                    last_speaker.clone()
                }
                None => last_speaker.clone(),
            };
            if speaker.is_some() {
                last_speaker.clone_from(&speaker);
            }
            out.push(QuoteFound {
                speaker,
                text: quote_text.to_string(),
                range: p.range.clone(),
            });
        }
        previous_open_ended = paragraph_open_ended;
    }
    out.retain(|q| q.speaker.is_some());
    out
}

/// Turns an attribution phrase ("TfC chair Deborah Jenkins", "the report",
/// "she", "a spokeswoman for the trust") into a speaker name.
fn resolve_speaker(
    doc: &Doc,
    phrase: &str,
    people: &[PersonFound],
    last_speaker: &Option<String>,
    statement_by: &Option<String>,
) -> Option<String> {
    let phrase = phrase.trim();
    if PRONOUN.is_match(phrase) {
        return last_speaker
            .clone()
            .or_else(|| people.last().map(|p| p.name.clone()));
    }
    // The person named last in the phrase ("Ofsted's letter to Sue Carty" names
    // the recipient, so a body noun before a name wins).
    let person = people.iter().find(|p| {
        phrase.contains(&p.name)
            || phrase
                .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’')
                .any(|w| {
                    let s = names::surname(&p.name);
                    w == s || (w.len() > 6 && edit_distance(w, s) <= 2)
                })
    });
    let body_noun = BODY_SPEAKER.find(phrase);
    match (person, body_noun) {
        (Some(p), Some(b)) if !phrase[..b.start()].contains(names::surname(&p.name)) => {
            return Some("Ofsted".to_string());
        }
        (Some(p), _) => return Some(p.name.clone()),
        (None, Some(_)) => return Some("Ofsted".to_string()),
        (None, None) => {}
    }
    if let Some(c) = SPOKESPERSON.captures(phrase) {
        if let Some(m) = c.name("org").or_else(|| c.name("org2")) {
            return Some(doc.canonical_organisation(m.as_str()));
        }
    }
    let lower = phrase.to_lowercase();
    if lower.contains("statement") {
        return statement_by.clone();
    }
    if lower.contains("spokes") {
        return doc.primary_council().map(|c| format!("{c} Council"));
    }
    if lower.ends_with("the council") || lower == "the council" {
        return doc.primary_council().map(|c| format!("{c} Council"));
    }
    // A capitalised name of a person not found among the people (single
    // surname of someone only titled, for instance) is not guessed at.
    None
}

#[cfg(test)]
mod tests {
    use super::super::Doc;
    use super::super::people::people;
    use super::*;

    fn quotes_in(body: &str) -> Vec<QuoteFound> {
        let text = format!("Headline\n\n{body}");
        let doc = Doc::new(&text);
        let p = people(&doc);
        quotes(&doc, &p)
    }

    #[test]
    fn attribution_after_and_before() {
        let q = quotes_in(
            "“The pace of improvement remains too slow,” the report said.\n\nJane Doe, the trust's chief executive, said: “We accept every word of this report and will act on it.”",
        );
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].speaker.as_deref(), Some("Ofsted"));
        assert_eq!(q[0].text, "The pace of improvement remains too slow");
        assert_eq!(q[1].speaker.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn split_by_she_said_is_two_quotes() {
        let q = quotes_in(
            "\"We have a long way to go,\" said chief executive Ann Lee. \"But staff are more positive than at any time before,\" she said.",
        );
        assert_eq!(q.len(), 2);
        assert!(q.iter().all(|x| x.speaker.as_deref() == Some("Ann Lee")));
    }

    #[test]
    fn multi_paragraph_quotes_keep_the_speaker() {
        let q = quotes_in(
            "Ann Lee said: “We welcome the letter and its findings today.\n\n“We will keep going until every child gets the help they need.”",
        );
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].speaker.as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn scare_quotes_are_not_quotes() {
        let q = quotes_in(
            "Inspectors said there had been ‘drift and delay’ for children in care, said Ann Lee.",
        );
        assert!(q.is_empty());
    }

    #[test]
    fn apostrophes_do_not_open_quotes() {
        let q = quotes_in(
            "The children’s services department’s plan was ‘not good enough for the children of the town’, said Ann Lee.",
        );
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "not good enough for the children of the town");
    }
}
