//! Days of a month without a year ("on 7 November", "between 13 and 24
//! November", "on 6 and 7 February", "(January 18)", "between October 14
//! and 18 last year"): the year is the dateline's (the most recent such
//! month on or before publication) unless "last year" or "this year"
//! follows. One day keeps its day; a span of days is its first month.

use super::{FoundDate, PartialDate, is_real_day, month_number, months};
use regex::Regex;
use std::sync::LazyLock;

const DAY: &str = r"([0-9]{1,2})(?:st|nd|rd|th)?";
const SPAN: &str = r"(?:\s*(?:-|–|and|to|until)\s*";

/// "7 November", "13 and 24 November", "27 November and 8 December".
static DAYS_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b){DAY}({SPAN}[0-9]{{1,2}}(?:st|nd|rd|th)?)?)\s+{}(?-u:\b)",
        months()
    ))
    .expect("days-month regex")
});

/// "November 7", "April 9 and 10", "October 14 to 18".
static MONTH_DAYS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b){}\s+{DAY}({SPAN}[0-9]{{1,2}}(?:st|nd|rd|th)?)?)(?-u:\b)",
        months()
    ))
    .expect("month-days regex")
});

fn spans(group: Option<regex::Match>) -> bool {
    group.is_some_and(|g| !g.as_str().is_empty())
}

static SPAN_GAP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:-|–|and|to|until)\s*$").expect("span gap regex"));

static YEAR_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:,?\s+(?:[0-9]{4})|\s+(last|this)\s+year(?-u:\b))").expect("year-after regex")
});

/// Days without a year in `text`, not overlapping `taken` ranges.
pub(super) fn days_without_year(text: &str, p: PartialDate, out: &mut Vec<FoundDate>) {
    let mut found = Vec::new();
    for c in DAYS_MONTH.captures_iter(text) {
        let (Some(all), Some(d), Some(m)) = (c.get(0), c.get(1), c.get(3)) else {
            continue;
        };
        found.push((all.range(), m.as_str(), d.as_str(), spans(c.get(2))));
    }
    for c in MONTH_DAYS.captures_iter(text) {
        let (Some(all), Some(m), Some(d)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        found.push((all.range(), m.as_str(), d.as_str(), spans(c.get(3))));
    }
    found.sort_by_key(|f| f.0.start);
    // "between 27 November and 8 December": one span, dated by its start.
    let mut i = 0;
    while i + 1 < found.len() {
        if SPAN_GAP.is_match(&text[found[i].0.end..found[i + 1].0.start]) {
            found[i].3 = true;
            found.remove(i + 1);
        }
        i += 1;
    }
    for (range, m, d, span) in found {
        let overlaps = |r: &std::ops::Range<usize>| {
            out.iter()
                .any(|f: &FoundDate| f.range.start < r.end && r.start < f.range.end)
        };
        let (Some(month), Ok(day)) = (month_number(m), d.parse::<u32>()) else {
            continue;
        };
        let after = YEAR_AFTER.captures(&text[range.end..]);
        // A year written after it is a full date, read elsewhere.
        if after.as_ref().is_some_and(|a| a.get(1).is_none()) || overlaps(&range) {
            continue;
        }
        let (year, range) = match after.as_ref().and_then(|a| a.get(1).map(|w| (a, w))) {
            Some((a, which)) => {
                let y = if which.as_str() == "last" {
                    p.year() - 1
                } else {
                    p.year()
                };
                (y, range.start..range.end + a.get(0).map_or(0, |x| x.end()))
            }
            None => match p.month() {
                Some(pm) if month > pm => (p.year() - 1, range),
                _ => (p.year(), range),
            },
        };
        if !is_real_day(year, month, day) {
            continue;
        }
        let date = if span {
            PartialDate::Month(year, month)
        } else {
            PartialDate::Day(year, month, day)
        };
        out.push(FoundDate { range, date });
    }
}
