//! Money, percentages and counts that describe the services: the rules
//! are the patterns `MONEY`, `PERCENT` and `COUNT`.
//!
//! None of them has a literal to skip ahead with, and searching each body
//! line with them took over 12% of all extraction instructions on the
//! benchmark's mixed set; so each search starts where a match can start at
//! the earliest, found by byte tests that the tests check against the
//! patterns, and no search runs on a line where the byte tests rule the
//! pattern out.

mod bare;
mod context;

use super::Doc;
use super::layout::BlockKind;
use super::lexicon;
use crate::ascii::{find_ignoring_case, first_byte_where};
use crate::model::FigureKind;
use context::{LONGEST_LISTED_WORD, ascii_lower_case, context_words};
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

static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    let number_words = lexicon::number_words_up_to(100);
    Regex::new(&format!(
        r"(?i)£\s?(?P<n>[0-9][0-9,]*(?:\.[0-9]+)?)(?:\s?(?P<u>million|m|mn|billion|bn|thousand|k)(?-u:\b))?|(?-u:\b)(?P<n2>[0-9][0-9,]*(?:\.[0-9]+)?|{number_words})\s+(?P<u2>million|billion|thousand)?\s*pounds(?-u:\b)"
    ))
    .expect("money regex")
});

static PERCENT: LazyLock<Regex> = LazyLock::new(|| {
    let number_words = lexicon::number_words_up_to(100);
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?P<n>[0-9]+(?:\.[0-9]+)?|{number_words})(?:\s?%|\s+per\s?cent(?-u:\b)|\s+percent(?-u:\b))"
    ))
    .expect("percent regex")
});

/// A number in digits followed (within three lower-case words) by what it
/// counts, or "one of 12" where the noun is left out.
static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:one\s+of\s+(?P<of>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?-u:\b)|(?P<n>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?P<tail>(?:\s+(?-i:[a-z][a-z'’-]*)){0,3}\s+(?:children|child|young\s+people|cases|case|families|social\s+workers|workers|staff|posts|vacancies|starters|managers|referrals|re-referrals|placements|care\s+leavers|assessments|plans|homes|foster\s+carers|carers|complaints|jobs|roles|councils|local\s+authorities|authorities|teams|recommendations|employees|practitioners|beds|households|people|allegations|investigations|strategy\s+meetings|child\s+protection\s+plans|agency\s+staff|leavers|apprentices|students|trainees|caseloads|positions|recruits|schools|pupils|areas|services|providers|officers|contacts|heads|headteachers|teachers|nurses|visitors|parents|adopters)(?-u:\b)))",
    )
    .expect("count regex")
});

/// Word numbers used with a unit ("six million pounds", "fifty per cent").
fn parse_number(s: &str) -> Option<f64> {
    lexicon::number_word(s).map(f64::from).or_else(|| {
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
    let mut in_editors_notes = false;
    for b in &doc.layout.blocks {
        let line = &text[b.range.clone()];
        in_editors_notes = in_editors_notes || is_editors_notes_heading(line);
        let read = match b.kind {
            BlockKind::Body => true,
            // A bullet of facts inside the article ("- 92 per cent of children
            // were visited on time"), not a short promo line.
            BlockKind::Furniture => is_fact_bullet(line),
            // A press release's notes to editors give the background figures
            // ("The trust employs around 700 staff"), in sentences.
            BlockKind::Footer => in_editors_notes && line.split_whitespace().nth(7).is_some(),
            _ => false,
        };
        if !read {
            continue;
        }
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
            bare_counts(line, &doc.lower[b.range.clone()], base, &mut out);
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
        if is_not_a_count(line, n.clone()) || counts_something_else(&line[n.end..all.end()]) {
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

/// Counts without their noun ("caseloads have fallen to 19"), after the
/// counts with one, which they never overlap. `lower` is the line in ASCII
/// lower case.
fn bare_counts(line: &str, lower: &str, base: usize, out: &mut Vec<FigureFound>) {
    for n in bare::bare_counts(lower) {
        if is_not_a_count(line, n.clone()) {
            continue;
        }
        let Some(v) = parse_number(&line[n.clone()]) else {
            continue;
        };
        push(
            out,
            FigureKind::Count,
            v,
            base + n.start..base + n.end,
            line,
            n,
        );
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
/// match holds a digit, and before its first digit only "one of" and white
/// space, which may be non-ASCII (`\s` is Unicode): the first digit or
/// non-ASCII byte bounds where it starts. The letters o, n, e and f have no
/// non-ASCII case variants.
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

/// "Notes to editors", the heading of a press release's background notes.
fn is_editors_notes_heading(line: &str) -> bool {
    let lower = line.trim().to_ascii_lowercase();
    [
        "notes to editor",
        "notes for editor",
        "note to editor",
        "editor's notes",
        "editors' notes",
    ]
    .iter()
    .any(|h| lower.starts_with(h))
        && lower.len() < 24
}

fn is_fact_bullet(line: &str) -> bool {
    let rest = line.trim_start_matches(['-', '*', '•', '·', '▪']);
    rest.len() < line.len()
        && rest.starts_with(' ')
        && rest.split_whitespace().count() >= 6
        && rest.bytes().any(|b| b.is_ascii_digit())
}

/// Whether the words between a number and the noun of `COUNT` make the
/// number count something else: "1,400 inspections of children's homes"
/// counts visits, "in 18 months and that staff" a duration.
fn counts_something_else(tail: &str) -> bool {
    let words: Vec<&str> = tail.split_whitespace().collect();
    let before_noun = &words[..words.len().saturating_sub(1)];
    before_noun.iter().any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        matches!(
            w.as_str(),
            "inspections"
                | "visits"
                | "times"
                | "months"
                | "years"
                | "weeks"
                | "days"
                | "hours"
                | "that"
                | "than"
                | "miles"
        )
    })
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

#[cfg(test)]
mod tests;
