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
use attribution::{attribution_belongs, speaker_after, speaker_before, speaker_in_sentence};
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
    Regex::new(r"statement\s+(?:by|from|issued by)\s+(?:the\s+)?([A-Z][\p{Latin}0-9_&'’-]*(?:\s+(?:for|of|and|&)?\s*[A-Z][\p{Latin}0-9_&'’-]*){0,5})").expect("statement regex")
});

/// Quotation marks around a name rather than words spoken: "a campaign
/// called “12 reasons to work here”".
static NAMING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:called|named|titled|entitled|dubbed|branded|labelled|known\s+as|slogan|campaign|hashtag|headlined)\s*$").expect("naming regex")
});

/// Words that make a speaker someone unnamed.
const INDEFINITE: [&str; 6] = ["a", "an", "one", "another", "someone", "somebody"];

/// Every quotation of five words or more in the body, with its speaker.
pub fn quotes(doc: &Doc, people: &[PersonFound]) -> Vec<QuoteFound> {
    let text = doc.text;
    let blocks: Vec<&Block> = doc
        .layout
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Body || is_pull_quote_line(text, b))
        .collect();
    let mut scan = Scan {
        doc,
        people,
        out: Vec::new(),
        last_speaker: None,
        statement_by: None,
        prose_speaker: None,
        pull_quotes: Vec::new(),
    };
    for (i, b) in blocks.iter().enumerate() {
        // British style: a quotation over several paragraphs opens each
        // paragraph and closes only at the last, in single marks too.
        let runs_on = blocks
            .get(i + 1)
            .is_some_and(|next| opens_with_single_mark(&text[next.range.clone()]));
        if b.kind == BlockKind::Body {
            scan.paragraph(b, runs_on);
        } else {
            scan.pull_quote(b);
        }
    }
    let mut out = scan.out;
    out.retain(|q| q.speaker.is_some());
    out
}

/// Whether a paragraph opens with a single quotation mark.
fn opens_with_single_mark(line: &str) -> bool {
    line.trim_start().starts_with(['‘', '\''])
}

/// A subheading that is one quotation without a full stop: a pull quote,
/// the words of the person quoted in the paragraphs below it.
fn is_pull_quote_line(text: &str, b: &Block) -> bool {
    if b.kind != BlockKind::Furniture {
        return false;
    }
    let line = text[b.range.clone()].trim();
    let found = passages(text, b.range.clone(), false);
    found.len() == 1
        && found[0].outer.start == b.range.start
        && found[0].outer.end == b.range.end
        && !line
            .trim_end_matches(['’', '”', '"', '\''])
            .ends_with(['.', ','])
        && has_more_words_than(line, 4)
}

/// The quotations found so far, and what attributes the next ones.
struct Scan<'a, 'd> {
    doc: &'a Doc<'d>,
    people: &'a [PersonFound],
    out: Vec<QuoteFound>,
    last_speaker: Option<String>,
    statement_by: Option<String>,
    /// A person the paragraph before named as speaking ("Jane Doe told the
    /// meeting the letter was fair."), for a quotation that opens the next
    /// paragraph without attribution of its own.
    prose_speaker: Option<String>,
    /// Pull quotes waiting for the next speaker named.
    pull_quotes: Vec<usize>,
}

impl<'d> Scan<'_, 'd> {
    fn context(&self, at: usize, block_start: usize) -> Context<'_, 'd> {
        Context {
            doc: self.doc,
            people: self.people,
            at,
            block_start,
            last_speaker: &self.last_speaker,
            statement_by: &self.statement_by,
        }
    }

    fn pull_quote(&mut self, b: &Block) {
        let found = passages(self.doc.text, b.range.clone(), false);
        if let Some(p) = found.first() {
            self.pull_quotes.push(self.out.len());
            self.out.push(QuoteFound {
                speaker: None,
                text: self.doc.text[p.range.clone()].to_string(),
                range: p.range.clone(),
            });
        }
    }

    /// Gives the pull quotes waiting the speaker named after them, when a
    /// person: a pull quote from a report stands for its findings, not
    /// words anyone spoke.
    fn named(&mut self, speaker: &Option<String>) {
        let Some(name) = speaker else {
            return;
        };
        if !self.people.iter().any(|p| &p.name == name) {
            self.pull_quotes.clear();
        } else {
            for i in self.pull_quotes.drain(..) {
                self.out[i].speaker.clone_from(speaker);
            }
        }
    }

    fn paragraph(&mut self, b: &Block, runs_on: bool) {
        let text = self.doc.text;
        let line = &text[b.range.clone()];
        if let Some(c) = STATEMENT_BY.captures(line) {
            self.statement_by = c
                .get(1)
                .map(|m| self.doc.canonical_organisation(m.as_str()));
        }
        let found = passages(text, b.range.clone(), runs_on);
        if found.is_empty() {
            self.prose(b);
            return;
        }
        for (k, p) in found.iter().enumerate() {
            let quote_text = &text[p.range.clone()];
            if !has_more_words_than(quote_text, 4) || is_judgement_label(quote_text) {
                continue;
            }
            let Some(window) = Window::around(text, b, &found, k) else {
                continue;
            };
            let own = window.speaker(&self.context(p.outer.start, b.range.start), p);
            self.named(&own);
            // A paragraph of quotation without attribution continues the
            // words of the person the paragraph before named, else of the
            // last speaker.
            let opens_paragraph = k == 0 && window.before.trim().is_empty();
            let speaker = own
                .or_else(|| {
                    opens_paragraph
                        .then(|| self.prose_speaker.clone())
                        .flatten()
                })
                .or_else(|| {
                    let unnamed = window.names_someone_unnamed(self.doc, p);
                    (!unnamed).then(|| self.last_speaker.clone()).flatten()
                });
            if speaker.is_some() {
                self.last_speaker.clone_from(&speaker);
            }
            self.out.push(QuoteFound {
                speaker,
                text: quote_text.to_string(),
                range: p.range.clone(),
            });
        }
        self.prose_speaker = None;
    }

    /// A paragraph without quotation: "Jane Doe, the trust's chief
    /// executive, said:" on a line of its own introduces the quotation in
    /// the next paragraph; "Jane Doe told the meeting that ..." names who
    /// may speak in it.
    fn prose(&mut self, b: &Block) {
        let line = &self.doc.text[b.range.clone()];
        let context = self.context(b.range.end, b.range.start);
        if line.trim_end().ends_with(':') {
            let introduced =
                speaker_before(tail(line, 240)).and_then(|ph| context.resolve(ph, true));
            self.named(&introduced);
            if introduced.is_some() {
                self.last_speaker.clone_from(&introduced);
            }
            self.prose_speaker = introduced;
            return;
        }
        let speaker = speaker_in_sentence(head(line, 400))
            .and_then(|ph| context.resolve(ph, true))
            .filter(|s| self.people.iter().any(|p| &p.name == s));
        self.named(&speaker);
        self.prose_speaker = speaker;
    }
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

    /// Whether the attribution before the passage names someone without a
    /// name ("A parent, who asked not to be named, said:", "One told them
    /// ..."): their words are no one's the article names.
    fn names_someone_unnamed(&self, doc: &Doc, p: &Passage) -> bool {
        let phrase = speaker_before(self.before)
            .or_else(|| speaker_in_sentence(self.sentence_before(doc, p)));
        phrase.is_some_and(|ph| {
            ph.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .take(2)
                .any(|w| INDEFINITE.iter().any(|i| w.eq_ignore_ascii_case(i)))
        })
    }

    /// The text of the passage's sentence before it.
    fn sentence_before<'d>(&self, doc: &Doc<'d>, p: &Passage) -> &'d str {
        let sentence_start = doc
            .layout
            .sentence_at(p.outer.start)
            .map_or(self.block.start, |i| doc.layout.sentences[i].range.start)
            .max(self.block.start);
        &doc.text[sentence_start..p.outer.start.max(sentence_start)]
    }

    /// The speaker the attribution after the passage names, else the one
    /// before it, else one named earlier in its sentence ("Jane Doe told a
    /// meeting that the report had found ‘…’").
    fn speaker(&self, context: &Context, p: &Passage) -> Option<String> {
        let quote = &context.doc.text[p.range.clone()];
        speaker_after(self.after)
            .filter(|(ph, _)| !has_more_words_than(ph, 12))
            .filter(|&(ph, from_end)| attribution_belongs(self.after, quote, ph, from_end))
            .and_then(|(ph, from_end)| context.resolve(ph, from_end))
            .or_else(|| speaker_before(self.before).and_then(|ph| context.resolve(ph, true)))
            .or_else(|| {
                speaker_in_sentence(self.sentence_before(context.doc, p))
                    .and_then(|ph| context.resolve(ph, true))
            })
    }
}

#[cfg(test)]
mod tests;
