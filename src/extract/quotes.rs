//! Direct quotations and who said them.
//!
//! British news quotes in double marks (“…” or "…"), sometimes in single
//! marks (‘…’); a quotation over several paragraphs opens each paragraph
//! and closes only at the last; attribution comes before ("Smith said:")
//! or after ("…,” she added / the report said / said Cllr Jane Doe).

use super::Doc;
use super::layout::BlockKind;
use super::names;
use super::people::{PersonFound, head, same_surname, tail};
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
        // A double mark left open runs to the paragraph's end: the quotation
        // goes on in the next paragraph.
        let (end, next_i) = match close {
            Some(p) => (p, j + 1),
            None if kind == 'd' => (s.len(), chars.len()),
            // An unclosed single mark is an apostrophe, not a quotation.
            None => {
                i += 1;
                continue;
            }
        };
        let inner = trim_range(s, start..end);
        out.push(Passage {
            range: block.start + inner.start..block.start + inner.end,
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

/// Ofsted's grade quoted as a name ("requires improvement to be good").
fn is_judgement_label(s: &str) -> bool {
    let s = s.trim_end_matches(['.', ',']).to_lowercase();
    s.starts_with("requires improvement") && word_count(&s) <= 6 && !s.contains(['.', ','])
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

const VERBS: &str = r"(?:said|says|say|added|adds|stated|states|state|told|tells|continued|continues|concluded|concludes|explained|explains|warned|warns|wrote|writes|noted|notes|commented|insisted|admitted|found|finds|reads|read|acknowledged|praised|conceded|observed|highlighted|declared|claimed|responded|replied|remarked|stressed)";

static AFTER_ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\s,.;:!?—–-]*(?:(?P<speaker1>[^.!?“”]{{1,120}}?)\s+{VERBS}(?-u:\b)|{VERBS}\s+(?P<speaker2>[^.!?“”,]{{1,120}}))"
    ))
    .expect("attribution regex")
});

static BEFORE_ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<speaker>[^.!?“”]{{1,160}}?)\s+{VERBS}(?-u:\b)[^.!?“”:]{{0,60}}[:,]?\s*$"
    ))
    .expect("attribution regex")
});

static BODY_SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(report|letter|ofsted|inspectors?|inspectorate|watchdog|regulator|hmi|findings|summary|judgement)(?-u:\b)").expect("body regex")
});

static SPOKESPERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[Ss]pokes(?:wo)?(?:man|person)\s+(?:for|from|at)\s+(?:the\s+)?(?P<org>[A-Z][\w&'’-]*(?:\s+(?:for|of|and|&)?\s*[A-Z][\w&'’-]*){0,5})|(?P<org2>[A-Z][\w&'’-]+(?:\s+[A-Z][\w&'’-]*){0,4})\s+[Ss]pokes(?:wo)?(?:man|person)").expect("spokesperson regex")
});

static STATEMENT_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"statement\s+(?:by|from|issued by)\s+(?:the\s+)?([A-Z][\w&'’-]*(?:\s+(?:for|of|and|&)?\s*[A-Z][\w&'’-]*){0,5})").expect("statement regex")
});

static PRONOUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:he|she|they|it|we)$").expect("pronoun regex"));

static SPEAKER_IN_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<speaker>[^.!?“”]{{1,160}}?)\s+{VERBS}(?-u:\b)"
    ))
    .expect("attribution regex")
});

/// Quotation marks around a name rather than words spoken: "a campaign
/// called “12 reasons to work here”".
static NAMING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:called|named|titled|entitled|dubbed|branded|labelled|known\s+as|slogan|campaign|hashtag|headlined)\s*$").expect("naming regex")
});

/// What an attribution phrase can name, with where it names it.
#[derive(Debug, Clone)]
enum Named {
    Speaker(String),
    Pronoun,
}

/// Every quotation of five words or more in the body, with its speaker.
pub fn quotes(doc: &Doc, people: &[PersonFound]) -> Vec<QuoteFound> {
    let text = doc.text;
    let mut out = Vec::new();
    let mut last_speaker: Option<String> = None;
    let mut statement_by: Option<String> = None;
    for b in doc
        .layout
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Body)
    {
        let line = &text[b.range.clone()];
        if line.contains("statement")
            && let Some(c) = STATEMENT_BY.captures(line)
        {
            statement_by = c.get(1).map(|m| doc.canonical_organisation(m.as_str()));
        }
        let found = if line.contains(['“', '"', '‘', '\'']) {
            passages(text, b.range.clone())
        } else {
            Vec::new()
        };
        // "Jane Doe, the trust's chief executive, said:" on a line of its
        // own introduces the quotation in the next paragraph.
        if found.is_empty() && line.trim_end().ends_with(':') {
            let context = Context {
                doc,
                people,
                at: b.range.end,
                last_speaker: &last_speaker,
                statement_by: &statement_by,
            };
            let introduced = BEFORE_ATTRIBUTION
                .captures(tail(line, 240))
                .and_then(|c| c.name("speaker"))
                .and_then(|m| context.resolve(m.as_str(), true));
            if introduced.is_some() {
                last_speaker = introduced;
            }
            continue;
        }
        for (k, p) in found.iter().enumerate() {
            let quote_text = &text[p.range.clone()];
            if word_count(quote_text) < 5 || is_judgement_label(quote_text) {
                continue;
            }
            // Attribution between this passage and the next, or before it.
            let after_end = found.get(k + 1).map_or(b.range.end, |n| n.outer.start);
            let after = head(&text[p.outer.end.min(after_end)..after_end], 200);
            let before_start = if k == 0 {
                b.range.start
            } else {
                found[k - 1].outer.end
            };
            let before = tail(&text[before_start..p.outer.start.max(before_start)], 240);
            if NAMING.is_match(before) {
                continue;
            }
            let context = Context {
                doc,
                people,
                at: p.outer.start,
                last_speaker: &last_speaker,
                statement_by: &statement_by,
            };
            let after_phrase = AFTER_ATTRIBUTION.captures(after).and_then(|c| {
                c.name("speaker1")
                    .map(|m| (m.as_str(), true))
                    .or_else(|| c.name("speaker2").map(|m| (m.as_str(), false)))
            });
            let speaker = after_phrase
                .filter(|(ph, _)| word_count(ph) <= 12)
                .and_then(|(ph, from_end)| context.resolve(ph, from_end))
                .or_else(|| {
                    BEFORE_ATTRIBUTION
                        .captures(before)
                        .and_then(|c| c.name("speaker"))
                        .and_then(|m| context.resolve(m.as_str(), true))
                })
                .or_else(|| {
                    // "Jane Doe told a meeting that the report had found ‘…’"
                    let sentence_start = doc
                        .layout
                        .sentence_at(p.outer.start)
                        .map_or(b.range.start, |i| doc.layout.sentences[i].range.start)
                        .max(b.range.start);
                    let before_in_sentence =
                        &text[sentence_start..p.outer.start.max(sentence_start)];
                    SPEAKER_IN_SENTENCE
                        .captures(before_in_sentence)
                        .and_then(|c| c.name("speaker"))
                        .and_then(|m| context.resolve(m.as_str(), true))
                })
                // A paragraph of quotation without attribution continues
                // the last speaker's words.
                .or_else(|| last_speaker.clone());
            if speaker.is_some() {
                last_speaker.clone_from(&speaker);
            }
            out.push(QuoteFound {
                speaker,
                text: quote_text.to_string(),
                range: p.range.clone(),
            });
        }
    }
    out.retain(|q| q.speaker.is_some());
    out
}

struct Context<'a, 'd> {
    doc: &'a Doc<'d>,
    people: &'a [PersonFound],
    /// Byte offset of the quotation being attributed.
    at: usize,
    last_speaker: &'a Option<String>,
    statement_by: &'a Option<String>,
}

impl Context<'_, '_> {
    /// Turns an attribution phrase ("TfC chair Deborah Jenkins", "the
    /// report", "she", "a spokeswoman for the trust") into a speaker: the
    /// party named nearest the verb (`from_end` when the phrase comes
    /// before the verb).
    fn resolve(&self, phrase: &str, from_end: bool) -> Option<String> {
        let mut named: Vec<(usize, Named)> = Vec::new();
        for p in self.people {
            if let Some(i) = phrase.find(&p.name) {
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
            if PRONOUN.is_match(w) {
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
            let i = phrase.find(&p.name)?;
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

fn words_with_offsets(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
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
    fn a_line_ending_in_said_colon_introduces_the_next_paragraph() {
        let q = quotes_in(
            "In their letter, inspectors said that leaders \"have a clear understanding of where practice needs to improve\".\n\nAnn Lee, chief executive of the trust, said:\n\n\"I am really pleased that inspectors have seen the progress we are making.\n\n\"We will keep going until every child gets the service they deserve.\"",
        );
        assert_eq!(q.len(), 3);
        assert_eq!(q[0].speaker.as_deref(), Some("Ofsted"));
        assert_eq!(q[1].speaker.as_deref(), Some("Ann Lee"));
        assert_eq!(q[2].speaker.as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn the_person_before_an_aside_naming_a_council_is_the_speaker() {
        let q = quotes_in(
            "Councillor Ann Lee, lead member for children's services at Slough Borough Council, said: \"The council has backed the company with more money this year.\"",
        );
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].speaker.as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn a_quoted_grade_is_not_a_quote() {
        let q = quotes_in(
            "The trust now “requires improvement to be good”, the report said after the inspection.",
        );
        assert!(q.is_empty());
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
