//! Dates as news databases print them in their header fields: "March 12,
//! 2019 Tuesday", "12 March 2019", "Tuesday, 12th March 2019", "12 Mar
//! 2019", "2019-03-12", "12/03/2019" (day first, as British exports
//! write it), with an optional weekday, edition or time around them.

use regex::Regex;
use std::sync::LazyLock;

/// A calendar date read from an export's header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// `2019-03-12`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `12 March 2019`, the way an article's dateline writes it.
    pub fn long(self) -> String {
        let month = (self.month as usize)
            .checked_sub(1)
            .and_then(|i| MONTHS.get(i))
            .map_or("", |(name, _)| name);
        format!("{} {month} {}", self.day, self.year)
    }
}

const MONTHS: [(&str, &str); 12] = [
    ("January", "jan"),
    ("February", "feb"),
    ("March", "mar"),
    ("April", "apr"),
    ("May", "may"),
    ("June", "jun"),
    ("July", "jul"),
    ("August", "aug"),
    ("September", "sep"),
    ("October", "oct"),
    ("November", "nov"),
    ("December", "dec"),
];

fn month_number(word: &str) -> Option<u32> {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|(name, short)| {
            lower == name.to_ascii_lowercase()
                || lower == *short
                || lower == "sept" && *short == "sep"
        })
        .and_then(|i| u32::try_from(i + 1).ok())
}

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9}\.?),?\s+(\d{4})\b")
        .expect("date regex")
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([a-z]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
        .expect("date regex")
});
static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("date regex"));
static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b").expect("date regex"));

/// The first date in `text`, if any.
pub fn find_date(text: &str) -> Option<Date> {
    let mut found: Vec<(usize, Date)> = Vec::new();
    if let Some(c) = DAY_MONTH_YEAR.captures(text)
        && let (Some(m), Some(date)) = (
            c.get(0),
            month_number(&c[2]).and_then(|month| checked(&c[3], month, &c[1])),
        )
    {
        found.push((m.start(), date));
    }
    if let Some(c) = MONTH_DAY_YEAR.captures(text)
        && let (Some(m), Some(date)) = (
            c.get(0),
            month_number(&c[1]).and_then(|month| checked(&c[3], month, &c[2])),
        )
    {
        found.push((m.start(), date));
    }
    if let Some(c) = ISO.captures(text)
        && let (Some(m), Some(month)) = (c.get(0), c[2].parse().ok())
        && let Some(date) = checked(&c[1], month, &c[3])
    {
        found.push((m.start(), date));
    }
    if let Some(c) = NUMERIC.captures(text)
        && let (Some(m), Some(month)) = (c.get(0), c[2].parse().ok())
        && let Some(date) = checked(&c[3], month, &c[1])
    {
        found.push((m.start(), date));
    }
    found.into_iter().min_by_key(|(at, _)| *at).map(|(_, d)| d)
}

/// Words that may stand beside a date in a dateline without making it
/// something else.
const DATELINE_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "edition",
    "final",
    "first",
    "late",
    "early",
    "national",
    "online",
    "print",
    "web",
    "updated",
    "published",
    "gmt",
    "bst",
    "utc",
    "am",
    "pm",
    "of",
    "on",
    "at",
];

/// The date of a line that is a dateline: a date with at most a weekday,
/// an edition or a time beside it ("March 12, 2019 Tuesday", "12 March 2019
/// 10:32 GMT"). A sentence that mentions a date is not one.
pub fn dateline(line: &str) -> Option<Date> {
    if line.chars().count() > 60 {
        return None;
    }
    let date = find_date(line)?;
    let others = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
        .filter(|w| month_number(w).is_none())
        .filter(|w| !DATELINE_WORDS.contains(&w.trim_matches('.').to_ascii_lowercase().as_str()))
        .count();
    (others == 0).then_some(date)
}

/// A date from its parts, if it exists on the calendar.
fn checked(year: &str, month: u32, day: &str) -> Option<Date> {
    let year: i32 = year.parse().ok()?;
    let day: u32 = day.parse().ok()?;
    chrono::NaiveDate::from_ymd_opt(year, month, day)?;
    Some(Date { year, month, day })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: u32, day: u32) -> Option<Date> {
        Some(Date { year, month, day })
    }

    #[test]
    fn export_datelines_are_read() {
        assert_eq!(dateline("March 12, 2019 Tuesday"), d(2019, 3, 12));
        assert_eq!(dateline("12 March 2019"), d(2019, 3, 12));
        assert_eq!(dateline("Tuesday, 12th March 2019"), d(2019, 3, 12));
        assert_eq!(dateline("12 Mar. 2019 10:32 GMT"), d(2019, 3, 12));
        assert_eq!(dateline("2019-03-12"), d(2019, 3, 12));
        assert_eq!(dateline("12/03/2019"), d(2019, 3, 12));
        assert_eq!(dateline("Sept 3, 2018 Monday Final Edition"), d(2018, 9, 3));
    }

    #[test]
    fn sentences_and_impossible_dates_are_not_datelines() {
        assert_eq!(dateline("Inspectors visited on 12 March 2019"), None);
        assert_eq!(dateline("31 February 2019"), None);
        assert_eq!(dateline("Kent County Council"), None);
        assert_eq!(find_date("visited on 12 March 2019"), d(2019, 3, 12));
    }

    #[test]
    fn dates_are_written_as_iso_and_as_a_dateline() {
        let date = Date {
            year: 2019,
            month: 3,
            day: 2,
        };
        assert_eq!(date.iso(), "2019-03-02");
        assert_eq!(date.long(), "2 March 2019");
    }
}
