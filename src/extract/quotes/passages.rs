//! Quoted passages in a paragraph: which marks open a quotation, which
//! close it, and where a double mark left open runs on.

use std::ops::Range;

/// A quoted passage inside one paragraph.
#[derive(Debug, Clone)]
pub(super) struct Passage {
    pub(super) range: Range<usize>,
    /// Byte offsets of the opening mark and just past the closing mark.
    pub(super) outer: Range<usize>,
}

fn is_opening_context(prev: Option<char>) -> bool {
    prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | ':' | ','))
}

/// Which mark opened a passage, and so which mark closes it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Opening {
    /// “ or ": closed by ” or ", nesting inner double quotations.
    Double,
    /// ‘: closed by ’ at a word's end.
    Single,
    /// ' before a letter: closed by ' at a word's end.
    Straight,
}

/// The first byte offset from `from` where a quotation mark can stand:
/// `"`, `'`, or 0xE2, which begins the UTF-8 of “ ” ‘ ’ (and of dashes and
/// other punctuation, which the scanner then passes over). Never inside a
/// character: none of these bytes continues one. `memchr3` skips plain
/// text many bytes at a time.
fn next_mark(s: &str, from: usize) -> Option<usize> {
    memchr::memchr3(b'"', b'\'', 0xE2, &s.as_bytes()[from..]).map(|i| from + i)
}

/// The character at `pos` (a char boundary, as `next_mark` returns), with
/// those just before and after it.
fn char_around(s: &str, pos: usize) -> (Option<char>, char, Option<char>) {
    let mut rest = s[pos..].chars();
    let c = rest.next().unwrap_or_default();
    (s[..pos].chars().next_back(), c, rest.next())
}

/// The quotation a mark opens, given the characters around it.
fn opening(prev: Option<char>, c: char, next: Option<char>) -> Option<Opening> {
    match c {
        '“' => Some(Opening::Double),
        '"' if is_opening_context(prev) => Some(Opening::Double),
        '‘' if is_opening_context(prev) => Some(Opening::Single),
        '\'' if is_opening_context(prev) && next.is_some_and(char::is_alphabetic) => {
            Some(Opening::Straight)
        }
        _ => None,
    }
}

/// Byte offset of the mark closing a passage opened with `kind`, searching
/// from `from` (just past the opening mark).
fn closing_mark(s: &str, kind: Opening, from: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut at = from;
    while let Some(p) = next_mark(s, at) {
        let (before, ch, after) = char_around(s, p);
        at = p + ch.len_utf8();
        let closes_word = after.is_none_or(|a| !a.is_alphanumeric());
        let after_letter = before.is_some_and(|b| !b.is_whitespace());
        match (kind, ch) {
            (Opening::Double, '“') => depth += 1,
            (Opening::Double, '"')
                if is_opening_context(before) && after.is_some_and(|a| !a.is_whitespace()) =>
            {
                depth += 1
            }
            (Opening::Double, '”' | '"') => {
                if depth == 0 {
                    return Some(p);
                }
                depth -= 1;
            }
            (Opening::Single, '’') | (Opening::Straight, '\'') if closes_word && after_letter => {
                return Some(p);
            }
            _ => {}
        }
    }
    None
}

/// Quoted passages in `block` (byte range of one paragraph). `runs_on`
/// says the next paragraph opens with a single mark: a single mark left
/// open where a sentence starts then opens a quotation that goes on there.
pub(super) fn passages(text: &str, block: Range<usize>, runs_on: bool) -> Vec<Passage> {
    let s = &text[block.clone()];
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = next_mark(s, from) {
        let (prev, c, next) = char_around(s, pos);
        let start = pos + c.len_utf8();
        let Some(kind) = opening(prev, c, next) else {
            from = start;
            continue;
        };
        let close = closing_mark(s, kind, start);
        // A double mark left open runs to the paragraph's end: the quotation
        // goes on in the next paragraph. An unclosed single mark is an
        // apostrophe, unless it opens a sentence and the next paragraph
        // opens with a single mark too.
        let (end, outer_end) = match close {
            Some(p) => (p, p + s[p..].chars().next().map_or(1, char::len_utf8)),
            None if kind == Opening::Double || (runs_on && opens_sentence(&s[..pos])) => {
                (s.len(), s.len())
            }
            None => {
                from = start;
                continue;
            }
        };
        let inner = trim_range(s, start..end);
        out.push(Passage {
            range: block.start + inner.start..block.start + inner.end,
            outer: block.start + pos..block.start + outer_end,
        });
        from = outer_end;
    }
    out
}

/// Whether a mark after `before` stands where a sentence starts: at the
/// paragraph's start, or after a full stop or colon.
fn opens_sentence(before: &str) -> bool {
    before
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | ':' | '!' | '?'))
}

/// Trims white space and a trailing comma from a quote's inside.
fn trim_range(s: &str, r: Range<usize>) -> Range<usize> {
    let inner = &s[r.clone()];
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim_end().trim_end_matches(',').trim_end();
    r.start + lead..r.start + trimmed.len().max(lead)
}
