//! Direct quotations and who said them.
//!
//! British news quotes in double marks (“…” or "…"), sometimes in single
//! marks (‘…’); a quotation over several paragraphs opens each paragraph
//! and closes only at the last; attribution comes before ("Smith said:")
//! or after ("…,” she added / the report said / said Cllr Jane Doe).

mod attribution;
mod passages;
mod speaker;

use super::doc::Doc;
use super::layout::{Block, BlockKind};
use super::people::PersonFound;
use super::window::{head, tail};
use attribution::{speaker_after, speaker_before, speaker_in_sentence};
use passages::{Passage, passages};
use regex::Regex;
use speaker::Context;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq)]
pub struct QuoteFound {
    pub speaker: Option<String>,
    pub text: String,
    pub range: Range<usize>,
}

/// Ofsted's grade quoted as a name ("requires improvement to be good").
///
/// Compared without lower-casing a copy: only 'A'-'Z' lower-case to the
/// ASCII letters of the grade (the Kelvin sign gives a 'k', which it lacks),
/// and lower-casing adds or removes no white space, full stop or comma.
fn is_judgement_label(s: &str) -> bool {
    let s = s.trim_end_matches(['.', ',']);
    let grade = "requires improvement";
    s.get(..grade.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(grade))
        && !has_more_words_than(s, 6)
        && !s.contains(['.', ','])
}

/// Whether `s` has more than `n` words, counting no further than that.
fn has_more_words_than(s: &str, n: usize) -> bool {
    s.split_whitespace().nth(n).is_some()
}

static STATEMENT_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"statement\s+(?:by|from|issued by)\s+(?:the\s+)?([A-Z][\w&'’-]*(?:\s+(?:for|of|and|&)?\s*[A-Z][\w&'’-]*){0,5})").expect("statement regex")
});

/// Quotation marks around a name rather than words spoken: "a campaign
/// called “12 reasons to work here”".
static NAMING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:called|named|titled|entitled|dubbed|branded|labelled|known\s+as|slogan|campaign|hashtag|headlined)\s*$").expect("naming regex")
});

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
        if let Some(c) = STATEMENT_BY.captures(line) {
            statement_by = c.get(1).map(|m| doc.canonical_organisation(m.as_str()));
        }
        let found = passages(text, b.range.clone());
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
            let introduced =
                speaker_before(tail(line, 240)).and_then(|ph| context.resolve(ph, true));
            if introduced.is_some() {
                last_speaker = introduced;
            }
            continue;
        }
        for (k, p) in found.iter().enumerate() {
            let quote_text = &text[p.range.clone()];
            if !has_more_words_than(quote_text, 4) || is_judgement_label(quote_text) {
                continue;
            }
            let Some(window) = Window::around(text, b, &found, k) else {
                continue;
            };
            let context = Context {
                doc,
                people,
                at: p.outer.start,
                last_speaker: &last_speaker,
                statement_by: &statement_by,
            };
            // A paragraph of quotation without attribution continues the
            // last speaker's words.
            let speaker = window.speaker(&context, p).or_else(|| last_speaker.clone());
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

/// The text around a passage where its attribution may be: between it and
/// the next passage of the paragraph, and between the one before and it.
struct Window<'t> {
    after: &'t str,
    before: &'t str,
    block: Range<usize>,
}

impl<'t> Window<'t> {
    /// The window of the `k`th passage of `found` in paragraph `b`; none
    /// when the marks name something ("a campaign called “...”").
    fn around(text: &'t str, b: &Block, found: &[Passage], k: usize) -> Option<Self> {
        let p = &found[k];
        let after_end = found.get(k + 1).map_or(b.range.end, |n| n.outer.start);
        let after = head(&text[p.outer.end.min(after_end)..after_end], 200);
        let before_start = if k == 0 {
            b.range.start
        } else {
            found[k - 1].outer.end
        };
        let before = tail(&text[before_start..p.outer.start.max(before_start)], 240);
        (!NAMING.is_match(before)).then(|| Window {
            after,
            before,
            block: b.range.clone(),
        })
    }

    /// The speaker the attribution after the passage names, else the one
    /// before it, else one named earlier in its sentence ("Jane Doe told a
    /// meeting that the report had found ‘…’").
    fn speaker(&self, context: &Context, p: &Passage) -> Option<String> {
        speaker_after(self.after)
            .filter(|(ph, _)| !has_more_words_than(ph, 12))
            .and_then(|(ph, from_end)| context.resolve(ph, from_end))
            .or_else(|| speaker_before(self.before).and_then(|ph| context.resolve(ph, true)))
            .or_else(|| {
                let doc = context.doc;
                let sentence_start = doc
                    .layout
                    .sentence_at(p.outer.start)
                    .map_or(self.block.start, |i| doc.layout.sentences[i].range.start)
                    .max(self.block.start);
                let before_in_sentence =
                    &doc.text[sentence_start..p.outer.start.max(sentence_start)];
                speaker_in_sentence(before_in_sentence).and_then(|ph| context.resolve(ph, true))
            })
    }
}

#[cfg(test)]
mod tests;
