//! Money, percentages and counts that describe the services.

use super::Doc;
use super::layout::BlockKind;
use crate::ascii::{find_ignoring_case, first_byte_where};
use crate::model::FigureKind;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq)]
pub struct FigureFound {
    pub kind: FigureKind,
    pub value: f64,
    pub range: Range<usize>,
    pub context: String,
}

const NUMBER_WORDS: &str = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred";

static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)£\s?(?P<n>\d[\d,]*(?:\.\d+)?)(?:\s?(?P<u>million|m|mn|billion|bn|thousand|k)(?-u:\b))?|(?-u:\b)(?P<n2>\d[\d,]*(?:\.\d+)?|{NUMBER_WORDS})\s+(?P<u2>million|billion|thousand)?\s*pounds(?-u:\b)"
    ))
    .expect("money regex")
});

static PERCENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?P<n>\d+(?:\.\d+)?|{NUMBER_WORDS})(?:\s?%|\s+per\s?cent(?-u:\b)|\s+percent(?-u:\b))"
    ))
    .expect("percent regex")
});

/// A number in digits followed (within three lower-case words) by what it
/// counts, or "one of 12" where the noun is left out.
static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:one\s+of\s+(?P<of>\d{1,3}(?:,\d{3})+|\d+)(?-u:\b)|(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?P<tail>(?:\s+(?-i:[a-z][a-z'’-]*)){0,3}\s+(?:children|child|young\s+people|cases|case|families|social\s+workers|workers|staff|posts|vacancies|starters|managers|referrals|re-referrals|placements|care\s+leavers|assessments|plans|homes|foster\s+carers|carers|complaints|jobs|roles|councils|local\s+authorities|authorities|teams|recommendations|employees|practitioners|beds|households|people|allegations|investigations|strategy\s+meetings|child\s+protection\s+plans|agency\s+staff|leavers|apprentices|students|trainees|caseloads|positions|recruits|schools|pupils|areas|services|providers|officers|contacts|heads|headteachers|teachers|nurses|visitors|parents|adopters)(?-u:\b)))",
    )
    .expect("count regex")
});

/// The longest word of the word lists below ("previous").
const LONGEST_LISTED_WORD: usize = 8;

/// `word` in ASCII lower case, in `buf`; `None` if it is not ASCII or is
/// longer than any listed word (so is none of them).
fn ascii_lower_case<'b>(word: &str, buf: &'b mut [u8; LONGEST_LISTED_WORD]) -> Option<&'b [u8]> {
    if word.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    // Byte by byte: for so few bytes, a call to `memcpy` would cost more.
    for (lower, b) in buf.iter_mut().zip(word.bytes()) {
        *lower = b.to_ascii_lowercase();
    }
    Some(&buf[..word.len()])
}

/// Word numbers used with a unit ("six million pounds", "fifty per cent").
fn word_number(w: &str) -> Option<f64> {
    let mut buf = [0; LONGEST_LISTED_WORD];
    let v = match ascii_lower_case(w, &mut buf)? {
        b"one" => 1.0,
        b"two" => 2.0,
        b"three" => 3.0,
        b"four" => 4.0,
        b"five" => 5.0,
        b"six" => 6.0,
        b"seven" => 7.0,
        b"eight" => 8.0,
        b"nine" => 9.0,
        b"ten" => 10.0,
        b"eleven" => 11.0,
        b"twelve" => 12.0,
        b"fifteen" => 15.0,
        b"twenty" => 20.0,
        b"thirty" => 30.0,
        b"forty" => 40.0,
        b"fifty" => 50.0,
        b"sixty" => 60.0,
        b"seventy" => 70.0,
        b"eighty" => 80.0,
        b"ninety" => 90.0,
        b"hundred" => 100.0,
        _ => return None,
    };
    Some(v)
}

fn parse_number(s: &str) -> Option<f64> {
    word_number(s).or_else(|| {
        if s.contains(',') {
            s.replace(',', "").parse().ok()
        } else {
            s.parse().ok()
        }
    })
}

fn multiplier(unit: &str) -> f64 {
    let mut buf = [0; LONGEST_LISTED_WORD];
    match ascii_lower_case(unit, &mut buf) {
        Some(b"million" | b"m" | b"mn") => 1e6,
        Some(b"billion" | b"bn") => 1e9,
        Some(b"thousand" | b"k") => 1e3,
        _ => 1.0,
    }
}

/// Which of the figure patterns can match in a line, from cheap tests: most
/// lines carry no number at all.
struct Cues {
    digit: bool,
    money: bool,
    /// Whether the line holds "pound" in any ASCII case.
    pound: bool,
    percent: bool,
}

impl Cues {
    const DIGIT: u8 = 1;
    const PERCENT_SIGN: u8 = 2;
    /// The second byte of '£' (C2 A3 in UTF-8), which other characters
    /// have too.
    const POUND_SIGN_END: u8 = 4;
    /// "per" in any ASCII case.
    const PER: u8 = 8;
    /// "pou", the start of "pound", in any ASCII case.
    const POU: u8 = 16;

    fn of(line: &str) -> Self {
        let bytes = line.as_bytes();
        let seen = Self::seen(bytes);
        let has = |class: u8| seen & class != 0;
        let pound = has(Self::POU) && find_ignoring_case(bytes, b"pound").is_some();
        Cues {
            digit: has(Self::DIGIT),
            money: pound || (has(Self::POUND_SIGN_END) && line.contains('£')),
            pound,
            // "percent" contains "per". The patterns ignore case, and none
            // of p, e, r, o, u, n and d has a non-ASCII case variant.
            percent: has(Self::PERCENT_SIGN) || has(Self::PER),
        }
    }

    /// Which of the classes above occur in `bytes`: one pass without early
    /// exit, kept out of line so that the compiler vectorises it; the
    /// substring searches then run only where their first byte occurs. A
    /// byte `b` is the lower-case ASCII letter `l` in either case exactly
    /// where `b | 0x20 == l`.
    #[inline(never)]
    fn seen(bytes: &[u8]) -> u8 {
        // The last two bytes start no three-letter word.
        let n = bytes.len().saturating_sub(2);
        let tail = Self::bytes_seen(&bytes[n..]);
        if n == 0 {
            return tail;
        }
        let is = |b: u8, letter: u8| b | 0x20 == letter;
        let (first, second, third) = (&bytes[..n], &bytes[1..n + 1], &bytes[2..n + 2]);
        let [mut digit, mut percent, mut pound_end, mut per, mut pou] = [false; 5];
        for i in 0..n {
            let b = first[i];
            digit |= b.is_ascii_digit();
            percent |= b == b'%';
            pound_end |= b == 0xA3;
            let p = is(b, b'p');
            per |= p & is(second[i], b'e') & is(third[i], b'r');
            pou |= p & is(second[i], b'o') & is(third[i], b'u');
        }
        tail | (u8::from(digit) * Self::DIGIT)
            | (u8::from(percent) * Self::PERCENT_SIGN)
            | (u8::from(pound_end) * Self::POUND_SIGN_END)
            | (u8::from(per) * Self::PER)
            | (u8::from(pou) * Self::POU)
    }

    /// The single-byte classes above in `bytes`.
    fn bytes_seen(bytes: &[u8]) -> u8 {
        bytes.iter().fold(0, |seen, &b| {
            seen | (u8::from(b.is_ascii_digit()) * Self::DIGIT)
                | (u8::from(b == b'%') * Self::PERCENT_SIGN)
                | (u8::from(b == 0xA3) * Self::POUND_SIGN_END)
        })
    }
}

/// Figures in body prose (not headers, captions, bullets or footers, where
/// subscription prices and archive sizes live).
pub fn figures(doc: &Doc) -> Vec<FigureFound> {
    let text = doc.text;
    let mut out: Vec<FigureFound> = Vec::new();
    for b in doc.layout.blocks.iter().filter(|b| match b.kind {
        BlockKind::Body => true,
        // A bullet of facts inside the article ("- 92 per cent of children
        // were visited on time"), not a short promo line.
        BlockKind::Furniture => is_fact_bullet(&text[b.range.clone()]),
        _ => false,
    }) {
        let line = &text[b.range.clone()];
        let base = b.range.start;
        let cues = Cues::of(line);
        // Each search is skipped rather than run on a line its cue rules
        // out: even starting a search costs more than the cues.
        if cues.money {
            money(line, base, cues.pound, &mut out);
        }
        if cues.percent {
            percentages(line, base, &mut out);
        }
        if cues.digit {
            counts(line, base, &mut out);
        }
    }
    out.sort_by_key(|f| f.range.start);
    out
}

// The figure patterns are searched with `find_iter` rather than
// `captures_iter`: captures re-run each match through the bounded
// backtracker (a large table to clear for these Unicode, case-insensitive
// patterns), while the parts wanted are easily read off the match itself.

/// `may_be_in_pounds`: whether the line holds "pound" in any ASCII case.
fn money(line: &str, base: usize, may_be_in_pounds: bool, out: &mut Vec<FigureFound>) {
    let next_start = move |from| money_search_start(line, from, may_be_in_pounds);
    for all in find_iter_from(&MONEY, line, next_start) {
        let (n, u) = money_parts(all.as_str());
        let Some(v) = parse_number(n) else { continue };
        let range = base + all.start()..base + all.end();
        push(
            out,
            FigureKind::Money,
            v * multiplier(u),
            range,
            line,
            all.range(),
        );
    }
}

fn percentages(line: &str, base: usize, out: &mut Vec<FigureFound>) {
    for all in find_iter_from(&PERCENT, line, |from| percent_search_start(line, from)) {
        // The number opens the match and runs to the white space or '%'
        // before the unit.
        let m = all.as_str();
        let n = &m[..m
            .find(|c: char| c.is_whitespace() || c == '%')
            .unwrap_or(m.len())];
        let Some(v) = parse_number(n) else {
            continue;
        };
        let range = base + all.start()..base + all.end();
        push(out, FigureKind::Percent, v, range, line, all.range());
    }
}

fn counts(line: &str, base: usize, out: &mut Vec<FigureFound>) {
    for all in find_iter_from(&COUNT, line, |from| count_search_start(line, from)) {
        let n = count_number(all.as_str());
        let n = all.start() + n.start..all.start() + n.end;
        if is_not_a_count(line, n.clone()) {
            continue;
        }
        let Some(v) = parse_number(&line[n.clone()]) else {
            continue;
        };
        let range = base + n.start..base + all.end();
        // The context of a count starts with what it counts.
        push(out, FigureKind::Count, v, range, line, n);
    }
}

// The lazy DFA of these patterns walks some ten instructions a byte (they
// have no literal prefix to skip ahead with), so each search starts where
// the next match can at the earliest, found by cheaper byte tests, and no
// search runs where no further match can.

/// The matches of `re.find_iter(line)`, given that `next_start(at)` is
/// where the first match at or after `at` can start at the earliest (no
/// earlier than `at`), or `None` if none can: `find_at` skips the bytes
/// before it yet still sees them for `\b`. (None of the figure patterns
/// matches the empty string, so each search resumes where the last match
/// ended, as `find_iter` does.)
fn find_iter_from<'h>(
    re: &'h Regex,
    line: &'h str,
    next_start: impl Fn(usize) -> Option<usize> + 'h,
) -> impl Iterator<Item = regex::Match<'h>> + 'h {
    let mut at = 0;
    std::iter::from_fn(move || {
        let m = re.find_at(line, next_start(at)?)?;
        at = m.end();
        Some(m)
    })
}

/// White space of `\s` that is ASCII.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// Where a `MONEY` match at or after `from` can start at the earliest. A
/// match starts with '£' or holds "pounds" (in any case, though 's' has a
/// non-ASCII one: p, o, u, n and d have none); `may_be_in_pounds` says
/// whether the line holds "pound" in any ASCII case.
fn money_search_start(line: &str, from: usize, may_be_in_pounds: bool) -> Option<usize> {
    if may_be_in_pounds {
        return Some(from);
    }
    line[from..].find('£').map(|i| from + i)
}

/// Where a `COUNT` match at or after `from` can start at the earliest. A
/// match holds a digit (which may be any non-ASCII character: `\d` is
/// Unicode), and before its first digit only "one of" and white space.
/// The letters o, n, e and f have no non-ASCII case variants.
fn count_search_start(line: &str, from: usize) -> Option<usize> {
    let bytes = line.as_bytes();
    let digit = from + first_byte_where(&bytes[from..], |b| b.is_ascii_digit() || !b.is_ascii())?;
    let before_one_of = bytes[from..digit]
        .iter()
        .rposition(|&b| !(is_ascii_space(b) || matches!(b | 0x20, b'o' | b'n' | b'e' | b'f')));
    Some(before_one_of.map_or(from, |i| from + i + 1))
}

/// Where a `PERCENT` match at or after `from` can start at the earliest. A
/// match holds '%' or "cent" (in any case: c, e, n and t have no
/// non-ASCII case variants), at most two tokens after the one its number
/// is in.
fn percent_search_start(line: &str, from: usize) -> Option<usize> {
    let bytes = &line.as_bytes()[from..];
    let may_start_unit = |b: u8| b == b'%' || (b | 0x20) == b'c';
    let mut unit = first_byte_where(bytes, may_start_unit)?;
    while !is_percent_unit_at(bytes, unit) {
        unit += 1 + first_byte_where(&bytes[unit + 1..], may_start_unit)?;
    }
    Some(from + token_start_before(bytes, unit, 2))
}

fn is_percent_unit_at(bytes: &[u8], i: usize) -> bool {
    bytes.get(i) == Some(&b'%')
        || bytes
            .get(i..i + 4)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"cent"))
}

/// The start of the token `n` tokens before the one holding `bytes[i]`,
/// tokens being split at ASCII white space only: other white space merges
/// tokens, which only moves the start earlier. It is a character boundary.
fn token_start_before(bytes: &[u8], mut i: usize, n: usize) -> usize {
    let mut skip_back = |space: bool| {
        while i > 0 && is_ascii_space(bytes[i - 1]) == space {
            i -= 1;
        }
    };
    skip_back(false);
    for _ in 0..n {
        skip_back(true);
        skip_back(false);
    }
    i
}

/// The number and unit of a `MONEY` match: "£1.2 million" or "£461k"
/// (`£`, a white space at most, digits, a white space at most, the unit),
/// or "six million pounds" (the number, white space, the unit if any).
fn money_parts(m: &str) -> (&str, &str) {
    if let Some(rest) = m.strip_prefix('£') {
        let rest = rest.strip_prefix(char::is_whitespace).unwrap_or(rest);
        // Digits, commas and points, up to the white space or letter of a unit.
        let end = rest
            .find(|c: char| c.is_whitespace() || c.is_alphabetic())
            .unwrap_or(rest.len());
        let (n, unit) = rest.split_at(end);
        let unit = unit.strip_prefix(char::is_whitespace).unwrap_or(unit);
        (n, unit)
    } else {
        let end = m.find(char::is_whitespace).unwrap_or(m.len());
        let (n, rest) = m.split_at(end);
        // `multiplier` reads only these three units (in ASCII lower case);
        // any other text before "pounds" counts as none.
        let rest = rest.trim_start();
        let unit = ["million", "billion", "thousand"]
            .into_iter()
            .find(|u| {
                rest.get(..u.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(u))
            })
            .map_or("", |u| &rest[..u.len()]);
        (n, unit)
    }
}

/// Where the number lies in a `COUNT` match: last, after "one of", or
/// first, before the white space and the words of what it counts.
fn count_number(m: &str) -> Range<usize> {
    if m.starts_with(|c: char| c.is_ascii_digit()) || !m.is_char_boundary(1) {
        0..m.find(char::is_whitespace).unwrap_or(m.len())
    } else {
        let start = m
            .rfind(char::is_whitespace)
            .map_or(0, |i| i + m[i..].chars().next().map_or(1, char::len_utf8));
        start..m.len()
    }
}

fn is_fact_bullet(line: &str) -> bool {
    let rest = line.trim_start_matches(['-', '*', '•', '·', '▪']);
    rest.len() < line.len()
        && rest.starts_with(' ')
        && rest.split_whitespace().count() >= 6
        && rest.bytes().any(|b| b.is_ascii_digit())
}

/// Years, ages, money amounts' digits and parts of larger numbers are not counts.
fn is_not_a_count(line: &str, n: Range<usize>) -> bool {
    let before = &line[..n.start];
    let after = &line[n.end..];
    let digits = &line[n.clone()];
    let year_like = digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
    year_like
        || before.ends_with(['£', '$', '.', '-', '/'])
        || after.starts_with(['-', '%', '/'])
        || after
            .trim_start()
            .as_bytes()
            .get(..b"per cent".len())
            .is_some_and(|unit| unit.eq_ignore_ascii_case(b"per cent"))
}

fn push(
    out: &mut Vec<FigureFound>,
    kind: FigureKind,
    value: f64,
    range: Range<usize>,
    line: &str,
    local: Range<usize>,
) {
    // Only figures of the same line can overlap: they are the last ones,
    // starting at or after the line's start (the figures of earlier lines
    // end before it).
    let line_start = range.start - local.start;
    if out
        .iter()
        .rev()
        .take_while(|f| f.range.start >= line_start)
        .any(|f| f.range.start < range.end && range.start < f.range.end)
    {
        return;
    }
    out.push(FigureFound {
        kind,
        value,
        range,
        context: context_words(line, local),
    });
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
fn context_words(line: &str, local: Range<usize>) -> String {
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

#[cfg(test)]
mod tests {
    use super::super::Doc;
    use super::*;

    fn figures_in(body: &str) -> Vec<(FigureKind, f64)> {
        let text = format!("Headline\n\n{body}");
        let doc = Doc::new(&text);
        figures(&doc)
            .into_iter()
            .map(|f| (f.kind, f.value))
            .collect()
    }

    #[test]
    fn units_in_capitals_count_as_the_patterns_read_them() {
        assert_eq!(
            figures_in("SPENDING ROSE BY FIFTY PER CENT TO SIX MILLION POUNDS, THE COUNCIL SAID."),
            vec![
                (FigureKind::Percent, 50.0),
                (FigureKind::Money, 6_000_000.0)
            ]
        );
    }

    #[test]
    fn money_in_its_forms() {
        let f = figures_in(
            "The cabinet agreed £461k this year, a further £1.2 million, £6m, £461,000 and six million pounds next year.",
        );
        assert_eq!(
            f,
            vec![
                (FigureKind::Money, 461_000.0),
                (FigureKind::Money, 1_200_000.0),
                (FigureKind::Money, 6_000_000.0),
                (FigureKind::Money, 461_000.0),
                (FigureKind::Money, 6_000_000.0)
            ]
        );
    }

    #[test]
    fn percentages_and_counts() {
        let f = figures_in(
            "Agency use fell from 60 per cent to 41% since May, and 75 new starters have joined while 12 vacancies remain.",
        );
        assert_eq!(
            f,
            vec![
                (FigureKind::Percent, 60.0),
                (FigureKind::Percent, 41.0),
                (FigureKind::Count, 75.0),
                (FigureKind::Count, 12.0)
            ]
        );
    }

    #[test]
    fn not_figures() {
        let f = figures_in(
            "In 2018 several 16-year-olds waited two weeks; the 12 reasons campaign ran for six months and a third of staff left.",
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn counts_with_describing_words_and_elided_nouns() {
        let f = figures_in(
            "There are 240 fostering households, 14 officers joined, a survey of 180 primary and secondary heads ran, and the home is one of 12 run by the company.",
        );
        assert_eq!(
            f,
            vec![
                (FigureKind::Count, 240.0),
                (FigureKind::Count, 14.0),
                (FigureKind::Count, 180.0),
                (FigureKind::Count, 12.0)
            ]
        );
    }

    #[test]
    fn fact_bullets_count_but_promo_lines_do_not() {
        let text = "Headline\n\nA long enough first paragraph of the article that is prose text here.\n\nKey facts\n\n- 92 per cent of children in care were visited within timescales\n- Latest issues\n\nMore text that is a long enough paragraph to be body prose again.";
        let doc = Doc::new(text);
        let f: Vec<f64> = figures(&doc).iter().map(|f| f.value).collect();
        assert_eq!(f, vec![92.0]);
    }

    #[test]
    fn context_says_what_is_measured() {
        let text = "Headline\n\nThe trust expects to spend £6m on agency staff this financial year, and 38 permanent social workers have joined.";
        let doc = Doc::new(text);
        let f = figures(&doc);
        assert_eq!(f[0].context, "agency staff this financial year");
        assert_eq!(f[1].context, "permanent social workers have joined");
    }

    #[test]
    fn context_before_when_the_words_after_only_say_when() {
        let text = "Headline\n\nThe number of such plans has risen by 30 per cent in three years. Agency use is still high, at 50 per cent.";
        let doc = Doc::new(text);
        let f = figures(&doc);
        assert_eq!(f[0].context, "such plans has risen … three years");
        assert_eq!(f[1].context, "Agency use is still high");
    }

    #[test]
    fn footer_prices_are_not_figures() {
        let text = "Headline\n\nA long enough first paragraph of the article that is prose text here.\n\nSubscribe\n\nFrom £15 / month";
        let doc = Doc::new(text);
        assert!(figures(&doc).is_empty());
    }

    #[test]
    fn parts_read_off_matches_are_the_captured_groups() {
        let line = "£1.2 million, £461k, £ 3,000, £2.5m. Six million pounds, 40 pounds, \
                    5 thousand  pounds; 41 per cent, 12.5%, fifteen percent, 7 %; \
                    12 vacancies remain, one of 152 councils, 1,200 children, \
                    35 permanent social workers, one of 12";
        let mut seen = 0;
        for c in MONEY.captures_iter(line) {
            let (n, u) = match (c.name("n"), c.name("n2")) {
                (Some(n), _) => (n.as_str(), c.name("u").map_or("", |m| m.as_str())),
                (None, Some(n)) => (n.as_str(), c.name("u2").map_or("", |m| m.as_str())),
                _ => unreachable!(),
            };
            let (n2, u2) = money_parts(&c[0]);
            assert_eq!((n, multiplier(u)), (n2, multiplier(u2)), "{}", &c[0]);
            seen += 1;
        }
        for c in PERCENT.captures_iter(line) {
            let m = &c[0];
            let n = &m[..m
                .find(|c: char| c.is_whitespace() || c == '%')
                .unwrap_or(m.len())];
            assert_eq!(n, &c["n"]);
            seen += 1;
        }
        for c in COUNT.captures_iter(line) {
            let n = c.name("n").or_else(|| c.name("of")).expect("number");
            let r = count_number(&c[0]);
            let all = c.get(0).expect("match");
            assert_eq!(all.start() + r.start..all.start() + r.end, n.range());
            seen += 1;
        }
        assert!(seen >= 14, "{seen}");
    }

    #[test]
    fn searches_from_the_earliest_match_start_find_every_match() {
        let lines = [
            "the home is one of 12 run by it, ONE  OF\u{a0}40 and one\u{a0}of 7",
            "now one of\n1,200; none of 3 teams, gone off 5 staff",
            "In September 2016. Then 12 new social workers and ١٢ children",
            "x-41 per cent, 41\u{a0}%, fifty PER CENT, forty per\u{a0}cent and 7%",
            "Twelve percent, 3 % of 12.5%; a 50 PerCent rise, the centre, 9 cents",
            "£1.2 million, ’quoted’ 35 permanent social workers, 461k",
            "no figure here, only per capita accents",
            "£ 3,000 and £5 millions, then six million POUNDS, forty poundſ, 40 pounds, £2bn",
            "£7m and £8.5 Mn were spent",
        ];
        let all = |re: &Regex, line: &str| -> Vec<Range<usize>> {
            re.find_iter(line).map(|m| m.range()).collect()
        };
        type NextStart<'a> = dyn Fn(usize) -> Option<usize> + 'a;
        let from = |re: &Regex, line: &str, next_start: &NextStart| {
            find_iter_from(re, line, next_start)
                .map(|m| m.range())
                .collect::<Vec<_>>()
        };
        let mut seen = 0;
        for line in lines {
            let in_pounds = find_ignoring_case(line.as_bytes(), b"pound").is_some();
            let searches: [(&Regex, &NextStart); 3] = [
                (&MONEY, &|at| money_search_start(line, at, in_pounds)),
                (&PERCENT, &|at| percent_search_start(line, at)),
                (&COUNT, &|at| count_search_start(line, at)),
            ];
            for (re, next_start) in searches {
                let expected = all(re, line);
                assert_eq!(expected, from(re, line, next_start), "{line}");
                seen += expected.len();
            }
        }
        assert!(seen >= 25, "{seen}");
    }

    #[test]
    fn words_seen_are_the_words_found_in_any_case() {
        let lines = [
            "",
            "p",
            "pe",
            "per",
            "PeR",
            "xPER",
            "pEr cent",
            "supersede",
            "pe r",
            "p\u{e9}r",
            "POUND",
            "pOu",
            "spout",
            "po",
            "pouNd",
            "\u{17f}per",
            "Per",
            "£3",
            "ape",
        ];
        for line in lines {
            let seen = Cues::seen(line.as_bytes());
            let find = |word: &[u8]| find_ignoring_case(line.as_bytes(), word).is_some();
            assert_eq!(seen & Cues::PER != 0, find(b"per"), "{line}");
            assert_eq!(seen & Cues::POU != 0, find(b"pou"), "{line}");
        }
    }
}
