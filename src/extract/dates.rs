//! Dates as English news writes them: datelines ("Tuesday 2nd October
//! 2018", "02/10/2018", "October 2, 2018"), months and years in prose
//! ("in July 2015", "2018's full inspection"), and relative dates ("last
//! month", "in October", "earlier this year") resolved against the
//! publication date.

mod days;
mod prose;

pub use prose::prose_dates;

pub use crate::model::PartialDate;

use super::lexicon;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

fn is_real_day(y: i32, m: u32, d: u32) -> bool {
    chrono::NaiveDate::from_ymd_opt(y, m, d).is_some()
}

/// A month name, with an optional point, as a capture group.
fn months() -> String {
    format!(
        r"({})\.?",
        &lexicon::alternation(lexicon::MONTH_NAMES.iter().copied())
    )
}

/// An optional weekday before a date ("Tuesday, ").
fn weekday() -> String {
    format!(
        r"(?:{}\.?,?\s+)?",
        lexicon::alternation(lexicon::WEEKDAY_NAMES.iter().copied())
    )
}

pub fn month_number(name: &str) -> Option<u32> {
    lexicon::month_number(name)
}

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b){}([0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{},?\s+([0-9]{{4}})(?-u:\b)",
        weekday(),
        months()
    ))
    .expect("date regex")
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b){}{}\s+([0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+([0-9]{{4}})(?-u:\b)",
        weekday(),
        months()
    ))
    .expect("date regex")
});
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([0-9]{1,2})([/.])([0-9]{1,2})[/.]([0-9]{4})(?-u:\b)|(?-u:\b)([0-9]{4})-([0-9]{2})-([0-9]{2})(?-u:\b)")
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
    day_dates_of(text, &*DAY_DATES)
}

/// The day-date patterns, in the order their matches are read.
static DAY_DATES: LazyLock<[&'static Regex; 3]> =
    LazyLock::new(|| [&*DAY_MONTH_YEAR, &*MONTH_DAY_YEAR, &*NUMERIC_DATE]);

/// `day_dates` with only the patterns of `patterns` (some of `DAY_DATES`,
/// those that can match).
fn day_dates_of(text: &str, patterns: &[&Regex]) -> Vec<FoundDate> {
    let runs = |re: &Regex| patterns.iter().any(|p| std::ptr::eq(*p, re));
    let mut out = Vec::new();
    for c in runs(&DAY_MONTH_YEAR)
        .then(|| DAY_MONTH_YEAR.captures_iter(text))
        .into_iter()
        .flatten()
    {
        let (Some(d), Some(m), Some(y)) = (c.get(1), c.get(2), c.get(3)) else {
            continue;
        };
        let range = c.get(0).map(|m| m.range());
        push_day(
            &mut out,
            range,
            y.as_str(),
            month_number(m.as_str()),
            d.as_str(),
        );
    }
    for c in runs(&MONTH_DAY_YEAR)
        .then(|| MONTH_DAY_YEAR.captures_iter(text))
        .into_iter()
        .flatten()
    {
        let (Some(m), Some(d), Some(y)) = (c.get(1), c.get(2), c.get(3)) else {
            continue;
        };
        let range = c.get(0).map(|m| m.range());
        push_day(
            &mut out,
            range,
            y.as_str(),
            month_number(m.as_str()),
            d.as_str(),
        );
    }
    for c in runs(&NUMERIC_DATE)
        .then(|| NUMERIC_DATE.captures_iter(text))
        .into_iter()
        .flatten()
    {
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

#[cfg(test)]
mod tests;
