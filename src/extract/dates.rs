//! Dates as English news writes them: datelines ("Tuesday 2nd October
//! 2018", "02/10/2018", "October 2, 2018"), months and years in prose
//! ("in July 2015", "2018's full inspection"), and relative dates ("last
//! month", "in October", "earlier this year") resolved against the
//! publication date.

use super::cues;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A date at the precision the text gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PartialDate {
    Year(i32),
    Month(i32, u32),
    Day(i32, u32, u32),
}

impl PartialDate {
    pub fn year(self) -> i32 {
        match self {
            PartialDate::Year(y) | PartialDate::Month(y, _) | PartialDate::Day(y, _, _) => y,
        }
    }

    pub fn month(self) -> Option<u32> {
        match self {
            PartialDate::Year(_) => None,
            PartialDate::Month(_, m) | PartialDate::Day(_, m, _) => Some(m),
        }
    }

    pub fn to_iso(self) -> String {
        match self {
            PartialDate::Year(y) => format!("{y:04}"),
            PartialDate::Month(y, m) => format!("{y:04}-{m:02}"),
            PartialDate::Day(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
        }
    }

    /// Parses an ISO date at any of the three precisions.
    pub fn from_iso(s: &str) -> Option<PartialDate> {
        let mut parts = s.split('-');
        let y = parts.next()?.parse().ok()?;
        let Some(m) = parts.next() else {
            return Some(PartialDate::Year(y));
        };
        let m = m.parse().ok()?;
        let Some(d) = parts.next() else {
            return Some(PartialDate::Month(y, m));
        };
        Some(PartialDate::Day(y, m, d.parse().ok()?))
    }

    /// The same date `months` months earlier, at month precision or coarser.
    pub fn months_earlier(self, months: u32) -> PartialDate {
        match self.month() {
            None => PartialDate::Year(self.year() - (months / 12) as i32),
            Some(m) => {
                let total = self.year() * 12 + m as i32 - 1 - months as i32;
                PartialDate::Month(total.div_euclid(12), total.rem_euclid(12) as u32 + 1)
            }
        }
    }

    /// Whether the two dates can name the same event (one refines the
    /// other): one's ISO form starts with the other's.
    pub fn compatible(self, other: PartialDate) -> bool {
        if !(self.fixed_width() && other.fixed_width()) {
            let a = self.to_iso();
            let b = other.to_iso();
            return a.starts_with(&b) || b.starts_with(&a);
        }
        // Fixed-width forms start alike exactly when their fields agree.
        match (self, other) {
            (PartialDate::Year(y), d) | (d, PartialDate::Year(y)) => y == d.year(),
            (PartialDate::Month(y, m), d) | (d, PartialDate::Month(y, m)) => {
                y == d.year() && Some(m) == d.month()
            }
            (PartialDate::Day(..), PartialDate::Day(..)) => self == other,
        }
    }

    /// The length of `to_iso()`, without building it.
    pub fn iso_len(self) -> usize {
        if !self.fixed_width() {
            return self.to_iso().len();
        }
        match self {
            PartialDate::Year(_) => 4,
            PartialDate::Month(..) => 7,
            PartialDate::Day(..) => 10,
        }
    }

    /// Whether `to_iso()` has a four-digit year and two-digit month and
    /// day, as every real date has.
    fn fixed_width(self) -> bool {
        let (y, m, d) = match self {
            PartialDate::Year(y) => (y, 0, 0),
            PartialDate::Month(y, m) => (y, m, 0),
            PartialDate::Day(y, m, d) => (y, m, d),
        };
        (0..=9999).contains(&y) && m <= 99 && d <= 99
    }
}

fn is_real_day(y: i32, m: u32, d: u32) -> bool {
    chrono::NaiveDate::from_ymd_opt(y, m, d).is_some()
}

const MONTHS: &str = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?";
const WEEKDAY: &str = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,?\s+)?";

pub fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    let m = match n.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b){WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS},?\s+(\d{{4}})(?-u:\b)"
    ))
    .expect("date regex")
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b){WEEKDAY}{MONTHS}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?-u:\b)"
    ))
    .expect("date regex")
});
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{1,2})([/.])(\d{1,2})[/.](\d{4})(?-u:\b)|(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)")
        .expect("date regex")
});

/// A date found in text, with the bytes it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    pub range: Range<usize>,
    pub date: PartialDate,
}

/// Dates at day precision, as datelines carry them.
pub fn day_dates(text: &str) -> Vec<FoundDate> {
    let clues = Clues::of(text);
    // Every pattern needs a four-digit year.
    if !clues.four_digits {
        return Vec::new();
    }
    day_dates_with(text, &clues)
}

/// `day_dates` of a text that holds four digits in a row, given its clues.
fn day_dates_with(text: &str, clues: &Clues) -> Vec<FoundDate> {
    let months = &clues.months;
    let mut out = Vec::new();
    // Cheap tests first: the first two patterns need a month name with a
    // digit on its side of it. A pattern that cannot match is not started
    // at all, which costs more than a failing search.
    let captures = |re: &'static Regex, may_match: bool| {
        may_match
            .then(|| re.captures_iter(text))
            .into_iter()
            .flatten()
    };
    let day_month = months.iter().any(|&at| month_after_a_day(text, at));
    let month_day = months
        .iter()
        .any(|&at| month_followed_by(text, at, starts_with_digit))
        && months
            .iter()
            .any(|&at| month_followed_by(text, at, may_start_a_day));
    for c in captures(&DAY_MONTH_YEAR, day_month) {
        let (Some(d), Some(m), Some(y)) = (c.get(1), c.get(2), c.get(3)) else {
            continue;
        };
        push_day(
            &mut out,
            c.get(0).map(|m| m.range()),
            y.as_str(),
            month_number(m.as_str()),
            d.as_str(),
        );
    }
    for c in captures(&MONTH_DAY_YEAR, month_day) {
        let (Some(m), Some(d), Some(y)) = (c.get(1), c.get(2), c.get(3)) else {
            continue;
        };
        push_day(
            &mut out,
            c.get(0).map(|m| m.range()),
            y.as_str(),
            month_number(m.as_str()),
            d.as_str(),
        );
    }
    for c in captures(&NUMERIC_DATE, clues.separated_digits) {
        let range = c.get(0).map(|m| m.range());
        if let (Some(y), Some(m), Some(d)) = (c.get(5), c.get(6), c.get(7)) {
            push_day(
                &mut out,
                range,
                y.as_str(),
                m.as_str().parse().ok(),
                d.as_str(),
            );
        } else if let (Some(a), Some(b), Some(y)) = (c.get(1), c.get(3), c.get(4)) {
            // British order (day first) unless that cannot be a date.
            let (a, b): (u32, u32) = (
                a.as_str().parse().unwrap_or(0),
                b.as_str().parse().unwrap_or(0),
            );
            let (d, m) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
            push_day(&mut out, range, y.as_str(), Some(m), &d.to_string());
        }
    }
    out.sort_by_key(|f| f.range.start);
    out.dedup_by(|b, a| a.range.start <= b.range.start && b.range.start < a.range.end);
    out
}

fn push_day(
    out: &mut Vec<FoundDate>,
    range: Option<Range<usize>>,
    y: &str,
    m: Option<u32>,
    d: &str,
) {
    let (Some(range), Ok(y), Some(m), Ok(d)) = (range, y.parse::<i32>(), m, d.parse::<u32>())
    else {
        return;
    };
    if (1990..=2100).contains(&y) && is_real_day(y, m, d) {
        out.push(FoundDate {
            range,
            date: PartialDate::Day(y, m, d),
        });
    }
}

/// Whether the month name at `at` may be followed, after white space, by
/// what `follows` accepts ("October 2", "October 2018", "October this
/// year"): the name (letters and an optional dot) must end at white space.
fn month_followed_by(text: &str, at: usize, follows: impl Fn(&str) -> bool) -> bool {
    let rest = &text[at..];
    let name = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let rest = &rest[name..];
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let after_space = rest.trim_start();
    after_space.len() < rest.len() && follows(after_space)
}

/// Whether the month name at `at` may follow a day ("2nd October", "2 of
/// October"): a digit, an ordinal ending and "of" may come before it,
/// each after white space.
fn month_after_a_day(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return false;
    }
    let after_of = trimmed
        .strip_suffix("of")
        .filter(|t| t.trim_end().len() < t.len())
        .map(str::trim_end);
    [Some(trimmed), after_of].into_iter().flatten().any(|t| {
        let t = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|s| t.strip_suffix(s))
            .unwrap_or(t);
        t.ends_with(|c: char| c.is_ascii_digit())
    })
}

fn starts_with_digit(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_digit())
}

/// Whether `s` may start with `\d{1,2}` and then a character that is no
/// digit, as a day after a month name does: one or two ASCII digits, or a
/// character beyond ASCII (`\d` takes every script's digits). "2018" is
/// no day.
fn may_start_a_day(s: &str) -> bool {
    let ascii_digits = s.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&ascii_digits) || s.bytes().next().is_some_and(|b| !b.is_ascii())
}

static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?-u:\b){MONTHS}\s+(\d{{4}})(?-u:\b)")).expect("date regex")
});
/// A month name without a year needs a preposition before it, so that
/// "May" the verb and "March" the verb are not taken for months; or else
/// an inspection word after it ("the October monitoring visit"). The two
/// shapes are separate patterns because as one alternation the search is
/// several times slower; `bare_months` merges their matches as the
/// alternation would.
static BARE_MONTH_AFTER_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:(?:in|since|during|from|until|by|of|last|this|early|late|mid|on|before|after|between|and|through|throughout)[\s-]+){MONTHS}(?-u:\b)"
    ))
    .expect("date regex")
});
static BARE_MONTH_BEFORE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b){MONTHS}(?:'s|’s)?\s+(?:monitoring|focused|full|inspection|visit|report|letter)"
    ))
    .expect("date regex")
});

/// Matches of `BARE_MONTH_AFTER_WORD|BARE_MONTH_BEFORE_WORD` as one
/// leftmost-first alternation finds them: at each step the match that
/// starts first, the first pattern's on a tie; the next step starts where
/// it ended. Each item is the whole match and the month name's range.
/// `months` is where month names may start (`Clues::months`).
fn bare_months(text: &str, months: &[usize]) -> Vec<(Range<usize>, Range<usize>)> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut a = month_after_word_from(text, months, at);
    let mut b = month_before_word_from(text, months, at);
    while at <= text.len() {
        // A pattern's first match from an earlier start is its first from
        // `at` too, unless it starts before `at`; no match then, none now.
        if a.is_some_and(|m| m.start() < at) {
            a = month_after_word_from(text, months, at);
        }
        if b.is_some_and(|m| m.start() < at) {
            b = month_before_word_from(text, months, at);
        }
        let (all, month) = match (a, b) {
            (Some(a), b) if b.is_none_or(|b| a.start() <= b.start()) => {
                // The month name follows the last white space or hyphen.
                let m = a.as_str();
                let from = m
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| c.is_whitespace() || c == '-')
                    .map_or(0, |(i, c)| i + c.len_utf8());
                (a.range(), a.start() + from..a.end())
            }
            (_, Some(b)) => {
                // The month name is the leading run of letters and a dot.
                let len = b
                    .as_str()
                    .bytes()
                    .take_while(|c| c.is_ascii_alphabetic() || *c == b'.')
                    .count();
                (b.range(), b.start()..b.start() + len)
            }
            (None, None) => break,
            (Some(_), None) => unreachable!("handled by the first arm"),
        };
        at = all.end.max(at + 1);
        out.push((all, month));
    }
    out
}
/// The first match of `BARE_MONTH_AFTER_WORD` from `at`, searched from
/// where it may start at the earliest: it ends with a month name, at one of
/// `months` after `at`, after a run of white space or hyphens that a word
/// of at most ten letters ends at (the month names' starts grow with
/// the runs' starts, so the first name gives the earliest).
fn month_after_word_from<'t>(
    text: &'t str,
    months: &[usize],
    at: usize,
) -> Option<regex::Match<'t>> {
    let &month = months.iter().find(|&&month| month > at)?;
    let run_start = text[..month]
        .trim_end_matches(|c: char| c.is_whitespace() || c == '-')
        .len();
    let mut from = run_start.saturating_sub(10);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    BARE_MONTH_AFTER_WORD.find_at(text, from.max(at))
}

/// The first match of `BARE_MONTH_BEFORE_WORD` from `at`, searched from the
/// first of `months` from `at`, as every match starts at a month name.
fn month_before_word_from<'t>(
    text: &'t str,
    months: &[usize],
    at: usize,
) -> Option<regex::Match<'t>> {
    let &month = months.iter().find(|&&month| month >= at)?;
    BARE_MONTH_BEFORE_WORD.find_at(text, month)
}

static BARE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(?:19|20)\d{2}(?-u:\b)(?:'s|’s)?").expect("year regex"));
/// Relative dates, in lower case: matched without `(?i)` against the
/// ASCII-lower-cased sentence (same byte offsets), as the kind cues are
/// (see `cues::KIND_PATTERN`), because a case-insensitive search of it
/// walks every byte.
const RELATIVE_PATTERN: &str = r"(?-u:\b)(last\s+month|this\s+month|earlier\s+this\s+month|last\s+year|this\s+year|earlier\s+this\s+year|previous\s+year|the\s+previous\s+month|(?:in|earlier|later)\s+(?:the\s+)?(?:spring|summer|autumn|winter)\s+(?:of\s+)?this\s+year)(?-u:\b)";

static RELATIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(RELATIVE_PATTERN).expect("relative regex"));
static RELATIVE_ANY_CASE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){RELATIVE_PATTERN}")).expect("relative regex"));

/// Where `text` names a relative date, as `RELATIVE_ANY_CASE` finds them:
/// `RELATIVE` on the ASCII-lower-cased text, unless it holds a character
/// that `(?i)` equates with an ASCII letter, which lower-casing would miss.
fn relative_phrases(text: &str) -> Vec<Range<usize>> {
    match cues::lower_cased(text) {
        Some(lower) => RELATIVE.find_iter(&lower).map(|m| m.range()).collect(),
        None => RELATIVE_ANY_CASE
            .find_iter(text)
            .map(|m| m.range())
            .collect(),
    }
}
static MONTH_THIS_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?-u:\b){MONTHS}\s+(this|last)\s+year(?-u:\b)")).expect("date regex")
});
static SHIFT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W{0,3}(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+months?\s+(after|before|later|earlier)(?-u:\b)").expect("shift regex")
});

/// What one pass over a text's bytes finds that the date patterns need.
#[derive(Debug, PartialEq)]
struct Clues {
    /// Where a capitalised month name may start a word: all the month
    /// patterns need one there, after `\b`.
    months: Vec<usize>,
    /// A run of four ASCII digits, which every pattern with a year needs.
    four_digits: bool,
    /// "month" or "year" in any ASCII case (their letters have no other
    /// case under `(?i)`), which the patterns for relative dates need.
    month_or_year: bool,
    /// Where the last "month" starts: a shift needs one after its date.
    last_month: Option<usize>,
    /// Where "19" or "20" starts a word, as every bare year does.
    year_starts: Vec<usize>,
    /// Whether an ASCII digit is followed by '/', '.' or '-' and another,
    /// as in every numeric date.
    separated_digits: bool,
}

impl Clues {
    fn of(text: &str) -> Self {
        let bytes = text.as_bytes();
        let at_is = |at: usize, word: &[u8]| {
            bytes
                .get(at..at + word.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(word))
        };
        let mut clues = Clues {
            months: Vec::new(),
            four_digits: false,
            month_or_year: false,
            last_month: None,
            year_starts: Vec::new(),
            separated_digits: false,
        };
        let mut digits = 0;
        let mut after_word = false;
        for (i, &b) in bytes.iter().enumerate() {
            // Most bytes are lower-case letters that start no word sought:
            // the tests below would only mark them as within a word.
            if b.is_ascii_lowercase() && b != b'm' && b != b'y' {
                digits = 0;
                after_word = true;
                continue;
            }
            if b.is_ascii_digit() {
                if !after_word && matches!(bytes.get(i..i + 2), Some(b"19" | b"20")) {
                    clues.year_starts.push(i);
                }
                clues.separated_digits |= i >= 2
                    && matches!(bytes[i - 1], b'/' | b'.' | b'-')
                    && bytes[i - 2].is_ascii_digit();
                digits += 1;
                clues.four_digits |= digits >= 4;
                after_word = true;
                continue;
            }
            digits = 0;
            // `b | 0x20` is a lower-case letter exactly when `b` is a letter.
            let lower = b | 0x20;
            if !lower.is_ascii_lowercase() {
                after_word = b == b'_';
                continue;
            }
            if b.is_ascii_uppercase() && !after_word && starts_a_month_name(bytes.get(i..i + 3)) {
                clues.months.push(i);
            }
            if lower == b'm' && at_is(i + 1, b"onth") {
                clues.month_or_year = true;
                clues.last_month = Some(i);
            } else if lower == b'y' && at_is(i + 1, b"ear") {
                clues.month_or_year = true;
            }
            after_word = true;
        }
        clues
    }
}

/// Whether `start` (three bytes, if the text has them) starts a month
/// name, capitalised.
fn starts_a_month_name(start: Option<&[u8]>) -> bool {
    matches!(
        start,
        Some(
            b"Jan"
                | b"Feb"
                | b"Mar"
                | b"Apr"
                | b"May"
                | b"Jun"
                | b"Jul"
                | b"Aug"
                | b"Sep"
                | b"Oct"
                | b"Nov"
                | b"Dec"
        )
    )
}

fn small_number(word: &str) -> Option<u32> {
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    let w = word.to_ascii_lowercase();
    WORDS
        .iter()
        .position(|x| *x == w)
        .map(|i| i as u32 + 1)
        .or_else(|| w.parse().ok())
}

/// Every date mentioned in `text` (a sentence), resolved against
/// `published` where it is relative; unresolvable ones are left out.
pub fn prose_dates(text: &str, published: Option<PartialDate>) -> Vec<FoundDate> {
    // Most sentences hold no date at all; cheap tests spare them the
    // patterns that cannot match, and the cost of even starting a search.
    let clues = Clues::of(text);
    let months = &clues.months;
    let has_year_digits = clues.four_digits;
    let has_month = !months.is_empty();
    let has_relative = clues.month_or_year;
    let month_then = |follows: fn(&str) -> bool| {
        months
            .iter()
            .any(|&at| month_followed_by(text, at, follows))
    };
    let mut out: Vec<FoundDate> = if has_year_digits {
        day_dates_with(text, &clues)
    } else {
        Vec::new()
    };
    let taken = |out: &Vec<FoundDate>, r: &Range<usize>| {
        out.iter()
            .any(|f| f.range.start < r.end && r.start < f.range.end)
    };
    let month_this_year =
        has_month && has_relative && month_then(|s| s.starts_with("this") || s.starts_with("last"));
    // These three patterns are searched with `find_iter` rather than
    // `captures_iter`, which re-runs every match through a slower engine:
    // the month is the match's first word (`month_number` drops its point),
    // "this" or "last" its second, and a year its last.
    for all in month_this_year
        .then(|| matches_from(&MONTH_THIS_YEAR, text, months))
        .into_iter()
        .flatten()
    {
        let mut words = all.as_str().split_whitespace();
        let (Some(m), Some(which)) = (words.next(), words.next()) else {
            continue;
        };
        if let (Some(p), Some(m)) = (published, month_number(m)) {
            let y = if which == "last" {
                p.year() - 1
            } else {
                p.year()
            };
            if !taken(&out, &all.range()) {
                out.push(FoundDate {
                    range: all.range(),
                    date: PartialDate::Month(y, m),
                });
            }
        }
    }
    let month_year = has_month && has_year_digits && month_then(starts_with_digit);
    for all in month_year
        .then(|| matches_from(&MONTH_YEAR, text, months))
        .into_iter()
        .flatten()
    {
        let mut words = all.as_str().split_whitespace();
        let (Some(m), Some(y)) = (words.next(), words.next_back()) else {
            continue;
        };
        if let (Some(m), Ok(y)) = (month_number(m), y.parse::<i32>())
            && !taken(&out, &all.range())
            && (1990..=2100).contains(&y)
        {
            out.push(FoundDate {
                range: all.range(),
                date: PartialDate::Month(y, m),
            });
        }
    }
    // Every relative date is resolved against the publication date.
    for all in (has_relative && published.is_some())
        .then(|| relative_phrases(text))
        .into_iter()
        .flatten()
    {
        let Some(p) = published else {
            continue;
        };
        let phrase = text[all.clone()].to_ascii_lowercase();
        let date = if phrase.contains("month") {
            match p.month() {
                Some(m) if phrase.contains("last") || phrase.contains("previous") => {
                    PartialDate::Month(p.year(), m).months_earlier(1)
                }
                Some(m) => PartialDate::Month(p.year(), m),
                None => continue,
            }
        } else if phrase.contains("last") || phrase.contains("previous") {
            PartialDate::Year(p.year() - 1)
        } else {
            PartialDate::Year(p.year())
        };
        if !taken(&out, &all) {
            out.push(FoundDate { range: all, date });
        }
    }
    for (all, m) in has_month
        .then(|| bare_months(text, months))
        .into_iter()
        .flatten()
    {
        if taken(&out, &all) {
            continue;
        }
        let (Some(p), Some(month)) = (published, month_number(&text[m.clone()])) else {
            continue;
        };
        // The most recent such month on or before publication.
        let year = match p.month() {
            Some(pm) if month > pm => p.year() - 1,
            _ => p.year(),
        };
        out.push(FoundDate {
            range: m,
            date: PartialDate::Month(year, month),
        });
    }
    // Matches rather than captures, which cost far more: the year is the
    // match's first four bytes when they are ASCII digits.
    for all in has_year_digits
        .then(|| bare_years(text, &clues.year_starts))
        .into_iter()
        .flatten()
    {
        let after = &text[all.end..];
        let before = &text[..all.start];
        // Financial years ("2017/18"), money and ranges are not dates of events.
        if after.starts_with(['/', '-', '–']) || before.ends_with(['£', '$', '/']) {
            continue;
        }
        if taken(&out, &all) {
            continue;
        }
        // A year written partly in another script's digits ("201٢") matches
        // the pattern but is not read.
        if let Some(y) = text[all.clone()].get(..4).and_then(|y| y.parse().ok()) {
            out.push(FoundDate {
                range: all,
                date: PartialDate::Year(y),
            });
        }
    }
    apply_shifts(text, clues.last_month, &mut out);
    out.sort_by_key(|f| f.range.start);
    out
}

/// Matches of `BARE_YEAR` as `find_iter` finds them, given where "19" or
/// "20" starts a word (`Clues::year_starts`), as every match does. A year
/// of ASCII digits is read by hand; `\d` takes other scripts' digits too,
/// which are left to the pattern.
fn bare_years(text: &str, starts: &[usize]) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut found: Vec<Range<usize>> = Vec::new();
    for &start in starts {
        if found.last().is_some_and(|m| start < m.end) {
            continue;
        }
        let year = match bytes.get(start + 2..start + 4) {
            Some(digits) if digits.is_ascii() => digits
                .iter()
                .all(u8::is_ascii_digit)
                .then(|| ascii_year_at(text, start))
                .flatten(),
            _ => BARE_YEAR
                .find_at(text, start)
                .filter(|m| m.start() == start)
                .map(|m| m.range()),
        };
        found.extend(year);
    }
    found
}

/// The match of `BARE_YEAR` at `start`, where "19" or "20" starts a word
/// and two ASCII digits follow: a word boundary must end the four digits
/// (no ASCII word byte after them), and a possessive joins them.
fn ascii_year_at(text: &str, start: usize) -> Option<Range<usize>> {
    let end = start + 4;
    let rest = &text[end..];
    if rest.bytes().next().is_some_and(crate::ascii::is_word_byte) {
        return None;
    }
    let possessive = ["'s", "’s"].iter().find(|p| rest.starts_with(*p));
    Some(start..end + possessive.map_or(0, |p| p.len()))
}

/// Matches of `re` in `text` as `find_iter` finds them, for a pattern whose
/// every match starts at one of `starts` (ascending): each search begins at
/// the next of them, and none is made once none is left ahead.
fn matches_from<'t>(re: &Regex, text: &'t str, starts: &[usize]) -> Vec<regex::Match<'t>> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(&next) = starts.iter().find(|&&start| start >= at) {
        // No match starts between `at` and `next`, so the first from
        // `next` is the first from `at`.
        let Some(m) = re.find_at(text, next) else {
            break;
        };
        at = m.end();
        found.push(m);
    }
    found
}

/// "in April this year, three months after ..." names a second date, three
/// months before the first; it is placed at the "after" phrase.
/// `last_month` is where the last "month" of `text` starts.
fn apply_shifts(text: &str, last_month: Option<usize>, dates: &mut Vec<FoundDate>) {
    let mut shifted = Vec::new();
    for d in dates.iter() {
        // The pattern needs "month" after the date: a cheap test spares it
        // most dates.
        if last_month.is_none_or(|at| at < d.range.end) {
            continue;
        }
        let after = &text[d.range.end..];
        if let Some(c) = SHIFT.captures(after) {
            let (Some(all), Some(n), Some(dir)) = (c.get(0), c.get(1), c.get(2)) else {
                continue;
            };
            let Some(n) = small_number(n.as_str()) else {
                continue;
            };
            let earlier = matches!(
                dir.as_str().to_ascii_lowercase().as_str(),
                "after" | "later"
            );
            if earlier {
                let start = d.range.end + all.start();
                shifted.push(FoundDate {
                    range: start..d.range.end + all.end(),
                    date: d.date.months_earlier(n),
                });
            }
        }
    }
    dates.extend(shifted);
}

#[cfg(test)]
mod tests;
