//! The shape of a news article as plain text: a headline line, a header
//! (standfirst, byline, dateline, captions), body paragraphs, and footer
//! boilerplate; body paragraphs split into sentences.

mod opening;

pub(crate) use opening::is_salutation;

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Headline,
    /// Before the first body paragraph: standfirst, byline, dateline, captions.
    Header,
    Body,
    /// Subheadings, captions, ad furniture, bullets inside the article.
    Furniture,
    /// Everything from the first footer marker on.
    Footer,
}

/// One non-empty line of the text (byte range, surrounding white space trimmed).
#[derive(Debug, Clone)]
pub struct Block {
    pub range: Range<usize>,
    pub kind: BlockKind,
}

#[derive(Debug, Clone)]
pub struct Sentence {
    pub range: Range<usize>,
    pub block: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
}

impl Layout {
    pub fn body_sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.sentences
            .iter()
            .filter(|s| self.blocks[s.block].kind == BlockKind::Body)
    }

    /// The sentence containing byte offset `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.range.end <= at);
        self.sentences
            .get(i)
            .filter(|s| s.range.start <= at)
            .map(|_| i)
    }

    /// The block containing byte offset `at`, if any.
    pub fn block_at(&self, at: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.range.end <= at);
        self.blocks
            .get(i)
            .filter(|b| b.range.start <= at)
            .map(|_| i)
    }
}

static FOOTER_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(more (?:news |stories |articles )?from(?-u:\b)|notes? to editors|-*\s*ends\s*-*$|issued by(?-u:\b)|related (articles|stories|content)|comments are closed|leave a (reply|comment)|share this|sign up(?-u:\b)|subscribe(?-u:\b)|copyright(?-u:\b)|©|\(c\) |read more(?-u:\b)|you might also like|most read|more on this story|topics?:|tags?:|advertisement$|your email address will not be published)",
    )
    .expect("footer regex")
});

/// Footer lines known by their end ("... digital membership", "...
/// magazine").
static FOOTER_ENDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:digital membership|(?-u:\b)magazine)$").expect("footer regex")
});

fn is_footer_marker(line: &str) -> bool {
    FOOTER_MARKER.is_match(line) || FOOTER_ENDING.is_match(line)
}

static FURNITURE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(hide ad|advertisement|photo(?-u:\b)|picture(?-u:\b)|image(?-u:\b)|credit(?-u:\b)|getty(?-u:\b)|pa wire|read more(?-u:\b)|also read(?-u:\b)|click here|follow us|listen(?-u:\b)|watch(?-u:\b)|[•·▪►*\-–] )",
    )
    .expect("furniture regex")
});

/// Splits `text` into blocks and body sentences.
pub fn layout(text: &str) -> Layout {
    let mut blocks = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let trimmed_start = start + (line.len() - line.trim_start().len());
        let trimmed_end = start + line.trim_end().len();
        if trimmed_end > trimmed_start {
            blocks.push(Block {
                range: trimmed_start..trimmed_end,
                kind: BlockKind::Header,
            });
        }
        start = end;
    }
    classify(text, &mut blocks);
    let mut sentences = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        if matches!(
            b.kind,
            BlockKind::Body | BlockKind::Headline | BlockKind::Header
        ) {
            for r in split_sentences(text, b.range.clone()) {
                sentences.push(Sentence { range: r, block: i });
            }
        }
    }
    Layout { blocks, sentences }
}

/// The number of words in `s`, counted up to `cap` (a longer line gives
/// `cap`): the tests of a line's length only ask whether it has fewer
/// than some number of words, and stopping early spares a walk over long
/// paragraphs.
fn words_up_to(s: &str, cap: usize) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().take(cap).count();
    }
    // ASCII white space is all the white space an ASCII line can hold
    // (tab, line feed, vertical tab, form feed, carriage return, space):
    // count word starts on bytes, a chunk at a time so that the inner loop
    // has no early exit to test.
    let mut words = 0;
    let mut after_space = true;
    for chunk in s.as_bytes().chunks(32) {
        for &b in chunk {
            let space = b == b' ' || (b'\t'..=b'\r').contains(&b);
            words += usize::from(after_space && !space);
            after_space = space;
        }
        if words >= cap {
            return cap;
        }
    }
    words
}

/// Words worth counting in a line before the body, where a standfirst has
/// fewer than 40 (`is_standfirst`), and in the body, where a paragraph
/// has at least 12.
const HEADER_WORDS_THAT_MATTER: usize = 40;
const BODY_WORDS_THAT_MATTER: usize = 12;

fn ends_like_prose(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', '!', '?', '"', '”', '’', '\'', ':', ')'])
}

/// A short line that is all one quotation is a subheading ("‘Too much
/// focus on process’"), not a paragraph.
fn is_quoted_subhead(line: &str, words: usize) -> bool {
    words < 9
        && line.starts_with(['‘', '\'', '"', '“'])
        && line.ends_with(['’', '\'', '"', '”'])
        && !line
            .trim_end_matches(['’', '\'', '"', '”'])
            .trim_end()
            .ends_with(['.', '!', '?', ','])
}

/// A line that is the same text written twice ("Civic CentreCivic Centre"),
/// as scraped image captions often are.
fn is_doubled(s: &str) -> bool {
    let n = s.len();
    n.is_multiple_of(2) && n > 0 && s.is_char_boundary(n / 2) && s[..n / 2] == s[n / 2..]
}

/// Lines that label a document or a page's section rather than title it
/// ("Press release", "News", "Statement").
const LABELS: &[&str] = &[
    "press release",
    "news release",
    "media release",
    "press notice",
    "press statement",
    "statement",
    "news",
    "latest news",
    "local news",
    "news story",
    "blog",
    "blog post",
    "opinion",
    "comment",
    "analysis",
    "feature",
    "exclusive",
    "breaking",
    "breaking news",
    "update",
    "children's services",
    "children’s services",
    "social care",
    "education",
];

/// Whether a line is only a label ("PRESS RELEASE", "News:").
pub(crate) fn is_label(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().take(4).collect();
    let bare = words.join(" ");
    let bare = bare.trim_end_matches([':', '.', '|']).trim();
    LABELS.iter().any(|l| l.eq_ignore_ascii_case(bare))
}

/// A first line that names the publication or the kind of document
/// ("BBC", "PRESS RELEASE", "Children & Young People Now", "Fenland
/// Post") rather than being the headline.
fn is_masthead(line: &str) -> bool {
    use super::lexicon::outlets::{is_outlet_name, is_title_shaped};
    if is_outlet_name(line) || is_label(line) || is_breadcrumb(line) {
        return true;
    }
    let words = words_up_to(line, 5);
    if words <= 4 && is_title_shaped(line) {
        // An unlisted paper's name ("Fenland Post"): a headline has a verb.
        return true;
    }
    if words > 3 {
        return false;
    }
    let letters = line.chars().filter(|c| c.is_alphabetic());
    let shouting = line.chars().any(char::is_alphabetic) && letters.clone().all(char::is_uppercase);
    shouting && letters.count() > 3
}

/// A site's trail of sections ("Home > News > Children's services"):
/// where the page sits, not its title.
fn is_breadcrumb(line: &str) -> bool {
    let steps = line.split(['>', '›', '»']).count();
    steps >= 3 || (steps == 2 && line.trim_start().starts_with("Home"))
}

/// A line before the body that does not end like a sentence is a header
/// line (a standfirst) however long it is: body paragraphs end in
/// punctuation.
fn is_standfirst(line: &str, words: usize) -> bool {
    words < 40 && !ends_like_prose(line)
}

fn classify(text: &str, blocks: &mut [Block]) {
    let opening = opening::opening(text, blocks);
    let mut seen_body = false;
    let mut in_footer = false;
    let mut previous: Option<&str> = None;
    for (i, b) in blocks.iter_mut().enumerate() {
        let line = &text[b.range.clone()];
        let cap = if seen_body {
            BODY_WORDS_THAT_MATTER
        } else {
            HEADER_WORDS_THAT_MATTER
        };
        let words = words_up_to(line, cap);
        b.kind = if i < opening.lead {
            opening.lead_kind
        } else if opening.headline == Some(i) {
            BlockKind::Headline
        } else if in_footer || (seen_body && is_footer_marker(line)) {
            in_footer = true;
            BlockKind::Footer
        } else if FURNITURE_LINE.is_match(line) || is_doubled(line) || previous == Some(line) {
            BlockKind::Furniture
        } else if !seen_body && is_standfirst(line, words) {
            BlockKind::Header
        } else if words >= 12
            || (words >= 5 && ends_like_prose(line) && !is_quoted_subhead(line, words))
        {
            seen_body = true;
            BlockKind::Body
        } else if !seen_body {
            BlockKind::Header
        } else {
            BlockKind::Furniture
        };
        previous = Some(line);
    }
    // A caption repeated later in the header (the same line twice) is furniture too.
    for i in 0..blocks.len() {
        if blocks[i].kind == BlockKind::Header {
            let line = &text[blocks[i].range.clone()];
            if blocks[i + 1..]
                .iter()
                .any(|o| &text[o.range.clone()] == line)
            {
                blocks[i].kind = BlockKind::Furniture;
            }
        }
    }
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "cllr", "coun", "st", "no", "prof", "sir", "rev", "cllrs", "gov",
    "dept", "co", "inc", "ltd", "vs", "v", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "approx", "eg", "ie", "etc",
];

/// Sentence ranges inside `block`: split after `.`, `!` or `?` (and any
/// closing quotes) when the next word starts a sentence.
pub fn split_sentences(text: &str, block: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[block.clone()];
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(offset) = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]) {
        i += offset;
        let c = bytes[i];
        // Swallow closing quotes and brackets.
        let mut j = i + 1;
        loop {
            let rest = &s[j..];
            let Some(ch) = rest.chars().next() else { break };
            if matches!(ch, '"' | '”' | '’' | '\'' | ')' | ']') {
                j += ch.len_utf8();
            } else {
                break;
            }
        }
        let ws_end = j + (s[j..].len() - s[j..].trim_start().len());
        let next = s[ws_end..].chars().next();
        let starts_sentence = ws_end > j
            && next.is_some_and(|ch| {
                ch.is_uppercase() || ch.is_ascii_digit() || matches!(ch, '"' | '“' | '‘' | '\'')
            });
        if starts_sentence && (c != b'.' || !is_abbreviation(&s[start..i])) {
            out.push(block.start + start..block.start + j);
            start = ws_end;
            i = ws_end;
            continue;
        }
        i = j.max(i + 1);
    }
    if start < s.len() {
        out.push(block.start + start..block.end);
    }
    out
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true; // an initial: "J. Smith"
    }
    // Without allocating for an ASCII word, as nearly every word is.
    if word.is_ascii() {
        ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
    } else {
        ABBREVIATIONS.contains(&word.to_lowercase().as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<&'a str> {
        ranges.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn footer_and_furniture_lines() {
        for line in [
            "More from Community Care",
            "Notes to editors:",
            "-- ENDS --",
            "\u{17F}hare this",
            "© BBC",
            "Community Care Digital membership",
            "Children and Young People Now MAGAZINE",
        ] {
            assert!(is_footer_marker(line), "{line}");
        }
        for line in [
            "The council was rated good.",
            "A magazine article",
            "Magazines",
        ] {
            assert!(!is_footer_marker(line), "{line}");
        }
        for line in ["Hide ad", "• a point", "Clic\u{212A} here", "Getty Images"] {
            assert!(FURNITURE_LINE.is_match(line), "{line}");
        }
    }

    #[test]
    fn sentences_split_after_quotes_and_not_after_titles() {
        let t = "Ms. Jones said it was “too slow.” Inspectors agreed. Dr. Who? No.";
        let r = split_sentences(t, 0..t.len());
        assert_eq!(
            texts(t, &r),
            vec![
                "Ms. Jones said it was “too slow.”",
                "Inspectors agreed.",
                "Dr. Who?",
                "No."
            ]
        );
    }

    #[test]
    fn blocks_are_classified_by_shape() {
        let t = "Council rated inadequate\n\nBy Ann Lee\n2 May 2019\n\nInspectors found that the council had failed children in many ways.\n\nCaseloads\n\nMore from Community Care\n\nSubscribe now.";
        let l = layout(t);
        let kinds: Vec<BlockKind> = l.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Headline,
                BlockKind::Header,
                BlockKind::Header,
                BlockKind::Body,
                BlockKind::Furniture,
                BlockKind::Footer,
                BlockKind::Footer
            ]
        );
    }

    #[test]
    fn a_breadcrumb_trail_is_not_the_headline() {
        assert!(is_breadcrumb("Home > News > Children's services"));
        assert!(is_breadcrumb("Home › Council news"));
        assert!(!is_breadcrumb("Council rated good as pupils > 90% attend"));
    }

    #[test]
    fn a_masthead_line_is_not_the_headline() {
        for first in ["PRESS RELEASE", "BBC", "Community Care"] {
            let t = format!(
                "{first}\n\nCouncil rated inadequate\n\nInspectors found that the council had failed children in many ways."
            );
            let l = layout(&t);
            assert_eq!(l.blocks[0].kind, BlockKind::Furniture, "{first}");
            assert_eq!(l.blocks[1].kind, BlockKind::Headline, "{first}");
        }
        let t = "Ofsted rates Kent good\n\nInspectors found that the council had improved its work in many ways.";
        assert_eq!(layout(t).blocks[0].kind, BlockKind::Headline);
    }

    #[test]
    fn a_long_standfirst_without_a_full_stop_stays_in_the_header() {
        let t = "Council rated inadequate\n\nThird monitoring visit to the trust finds a stronger front door but continued pressure on frontline staff\n\nby Ann Lee\n2 May 2019\n\nInspectors found that the council had failed children in many ways.";
        let kinds: Vec<BlockKind> = layout(t).blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Headline,
                BlockKind::Header,
                BlockKind::Header,
                BlockKind::Header,
                BlockKind::Body
            ]
        );
    }

    #[test]
    fn doubled_captions_are_furniture() {
        assert!(is_doubled("Town HallTown Hall"));
        assert!(!is_doubled("Town Hall"));
    }

    #[test]
    fn crlf_lines_keep_exact_offsets() {
        let t = "Headline here\r\n\r\nA body line that is long enough to count as a real paragraph of prose.\r\n";
        let l = layout(t);
        assert_eq!(
            &t[l.blocks[1].range.clone()],
            "A body line that is long enough to count as a real paragraph of prose."
        );
    }
}
