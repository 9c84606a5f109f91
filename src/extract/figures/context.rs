//! The context of a figure: a few words saying what the number measures.

use std::ops::Range;

/// The longest word of the word lists below ("previous").
pub(super) const LONGEST_LISTED_WORD: usize = 8;

/// `word` in ASCII lower case, in `buf`; `None` if it is not ASCII or is
/// longer than any listed word (so is none of them).
pub(super) fn ascii_lower_case<'b>(
    word: &str,
    buf: &'b mut [u8; LONGEST_LISTED_WORD],
) -> Option<&'b [u8]> {
    if word.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    // Byte by byte: for so few bytes, a call to `memcpy` would cost more.
    for (lower, b) in buf.iter_mut().zip(word.bytes()) {
        *lower = b.to_ascii_lowercase();
    }
    Some(&buf[..word.len()])
}

/// Whether `word` in lower case is one the lower-case ASCII words `listed`
/// accepts; without allocating where `word` is ASCII, as it nearly always is.
fn lower_case_is_listed(word: &str, listed: impl Fn(&[u8]) -> bool) -> bool {
    let mut buf = [0; LONGEST_LISTED_WORD];
    match ascii_lower_case(word, &mut buf) {
        Some(lower) => listed(lower),
        None if word.is_ascii() => false,
        // Unicode lower case can turn a letter into an ASCII one (KELVIN
        // SIGN into 'k').
        None => listed(word.to_lowercase().as_bytes()),
    }
}

fn is_stop_word(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"the"
            | b"a"
            | b"an"
            | b"of"
            | b"to"
            | b"and"
            | b"in"
            | b"on"
            | b"at"
            | b"is"
            | b"was"
            | b"from"
            | b"this"
            | b"that"
            | b"it"
            | b"by"
            | b"for"
            | b"with"
            | b"were"
            | b"are"
            | b"be"
            | b"been"
            | b"has"
            | b"have"
            | b"had"
            | b"who"
            | b"which"
            | b"than"
            | b"its"
            | b"their"
            | b"about"
            | b"over"
            | b"up"
            | b"but"
            | b"or"
            | b"as"
    )
}

/// Words that say when ("… two years ago", "… since May"), not what.
fn is_when_word(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"year"
            | b"years"
            | b"month"
            | b"months"
            | b"week"
            | b"weeks"
            | b"ago"
            | b"since"
            | b"next"
            | b"last"
            | b"summer"
            | b"spring"
            | b"autumn"
            | b"winter"
            | b"two"
            | b"three"
            | b"four"
            | b"five"
            | b"six"
            | b"ten"
            | b"previous"
            | b"past"
    )
}

/// The most words a context keeps on either side of the number.
const CONTEXT_WORDS: usize = 6;

/// Up to `CONTEXT_WORDS` words and which of them are stop words, kept on the
/// stack: a context is built for every figure.
#[derive(Default)]
struct Words<'a> {
    words: [&'a str; CONTEXT_WORDS],
    stop: [bool; CONTEXT_WORDS],
    len: usize,
}

impl<'a> Words<'a> {
    fn first(text: &'a str) -> Self {
        if splits_as_ascii(text) {
            Self::from_words(text.split_ascii_whitespace().take(CONTEXT_WORDS))
        } else {
            Self::from_words(text.split_whitespace().take(CONTEXT_WORDS))
        }
    }

    fn last(text: &'a str) -> Self {
        let mut w = if splits_as_ascii(text) {
            Self::from_words(text.split_ascii_whitespace().rev().take(CONTEXT_WORDS))
        } else {
            Self::from_words(text.split_whitespace().rev().take(CONTEXT_WORDS))
        };
        w.words[..w.len].reverse();
        w.stop[..w.len].reverse();
        w
    }

    /// At most `CONTEXT_WORDS` words (the callers `take` them).
    fn from_words(words: impl Iterator<Item = &'a str>) -> Self {
        let mut w = Words::default();
        for word in words {
            w.words[w.len] = word;
            w.stop[w.len] = lower_case_is_listed(word, is_stop_word);
            w.len += 1;
        }
        w
    }

    fn useful(&self) -> impl Iterator<Item = &'a str> + '_ {
        (self.words.iter().zip(&self.stop))
            .take(self.len)
            .filter(|&(_, &stop)| !stop)
            .map(|(&word, _)| word)
    }

    /// The words without stop words at either end.
    fn trimmed(&self) -> &[&'a str] {
        let stop = &self.stop[..self.len];
        match (
            stop.iter().position(|&s| !s),
            stop.iter().rposition(|&s| !s),
        ) {
            (Some(start), Some(end)) => &self.words[start..=end],
            _ => &[],
        }
    }
}

/// A few words saying what a number measures: the words after it up to a
/// clause break (for a count, starting with what it counts), or else the
/// words before it; without stop words at either end.
pub(super) fn context_words(line: &str, local: Range<usize>) -> String {
    let rest = &line[local.end..];
    let clause = &rest[..clause_end(rest)];
    let after = Words::first(clause);
    let says_what = after.useful().nth(1).is_some()
        && !after
            .useful()
            .all(|w| lower_case_is_listed(w, is_when_word));
    if says_what {
        return join_context(&[], after.trimmed());
    }
    let head = &line[..local.start];
    let mut before = Words::last(after_last_clause_break(head));
    if before.trimmed().is_empty() {
        // "… is still high, at 50 per cent": the clause before the comma.
        let up_to_comma = head.rfind(',').map_or("", |i| &head[..=i]);
        before = Words::last(after_last_clause_break(up_to_comma.trim_end_matches(',')));
    }
    join_context(before.trimmed(), after.trimmed())
}

/// Whether `split_ascii_whitespace` splits `text` as `split_whitespace`
/// does (only faster): where it is ASCII without U+000B, the one ASCII
/// white space that the former does not split at.
fn splits_as_ascii(text: &str) -> bool {
    text.is_ascii() && !text.as_bytes().contains(&0x0B)
}

// Clause breaks are looked for in bytes rather than characters: ASCII bytes
// occur in UTF-8 only as themselves.

const fn is_clause_break(b: u8) -> bool {
    matches!(b, b',' | b'.' | b';' | b':' | b'(' | b')' | b'"')
}

/// The bytes `clause_end` stops at: clause breaks and the first byte of the
/// curly quotes, a table being one load a byte where the tests are eight.
static MAY_END_CLAUSE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = is_clause_break(b as u8) || b == 0xE2;
        b += 1;
    }
    table
};

/// The length of the clause `text` starts with: up to a clause break or a
/// curly double quote (“ and ” are E2 80 9C and E2 80 9D in UTF-8).
fn clause_end(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut from = 0;
    // One test a byte: the first byte of the quotes is checked further
    // only where it occurs.
    while let Some(i) = bytes[from..]
        .iter()
        .position(|&b| MAY_END_CLAUSE[usize::from(b)])
    {
        let at = from + i;
        if bytes[at] != 0xE2 || matches!(bytes[at..], [0xE2, 0x80, 0x9C | 0x9D, ..]) {
            return at;
        }
        from = at + 1;
    }
    bytes.len()
}

/// What follows the last clause break in `text` (all of it if none).
fn after_last_clause_break(text: &str) -> &str {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .rposition(|&b| is_clause_break(b))
        .map_or(text, |i| &text[i + 1..])
}

/// "before … after", or whichever is not empty, with the words joined by
/// spaces.
fn join_context(before: &[&str], after: &[&str]) -> String {
    const ELLIPSIS: &str = " … ";
    let words = || before.iter().chain(after);
    let mut context =
        String::with_capacity(words().map(|w| w.len() + 1).sum::<usize>() + ELLIPSIS.len());
    push_joined(&mut context, before);
    if !before.is_empty() && !after.is_empty() {
        context.push_str(ELLIPSIS);
    }
    push_joined(&mut context, after);
    context
}

fn push_joined(out: &mut String, words: &[&str]) {
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
}
