//! The one partial date of the project: extraction, records, the corpus
//! view and the app all use it.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;

/// A date at the precision a text or record gives: a year, a month or a
/// day. Written as the contract writes dates (`YYYY`, `YYYY-MM`,
/// `YYYY-MM-DD`); sorts by year, then month, then day, a coarser date
/// before the finer ones inside it (`2018` before `2018-01`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

    pub fn day(self) -> Option<u32> {
        match self {
            PartialDate::Day(_, _, d) => Some(d),
            _ => None,
        }
    }

    /// Parses `s` when it is valid at one of the contract's precisions
    /// (four-digit year, two-digit month and day, a real calendar day).
    pub fn parse(s: &str) -> Option<PartialDate> {
        if !is_valid_date(s) {
            return None;
        }
        PartialDate::from_iso(s)
    }

    /// The date as a fractional year for a time axis: the start of its month
    /// (`2018-10` is 2018.75), the day's place inside the month, and the
    /// middle of the year for a year alone (`2018` is 2018.5).
    pub fn fractional_year(self) -> f64 {
        let year = f64::from(self.year());
        let Some(month) = self.month() else {
            return year + 0.5;
        };
        let start = year + f64::from(month.saturating_sub(1)) / 12.0;
        match self.day() {
            None => start,
            Some(day) => {
                let days = f64::from(days_in_month(self.year(), month));
                start + f64::from(day.saturating_sub(1)) / (days * 12.0)
            }
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

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.year(), self.month(), self.day()).cmp(&(other.year(), other.month(), other.day()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_iso())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_iso())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        PartialDate::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("not a date (YYYY, YYYY-MM or YYYY-MM-DD): {s}"))
        })
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// Whether `s` is an ISO 8601 date at year, month or day precision that
/// names a real day.
pub fn is_valid_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0)),
        [y, m, d] => {
            digits(y, 4)
                && digits(m, 2)
                && digits(d, 2)
                && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_refuses_the_rest() {
        assert_eq!(PartialDate::parse("2018"), Some(PartialDate::Year(2018)));
        assert_eq!(
            PartialDate::parse("2018-09"),
            Some(PartialDate::Month(2018, 9))
        );
        assert_eq!(
            PartialDate::parse("2018-09-30"),
            Some(PartialDate::Day(2018, 9, 30))
        );
        for bad in [
            "2018-9",
            "2018-13",
            "2019-02-29",
            "18",
            "July 2018",
            "",
            "2018-09-30-1",
        ] {
            assert_eq!(PartialDate::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn written_and_read_as_the_contract_string() {
        for s in ["2018", "2018-09", "2016-02-29"] {
            let d = PartialDate::parse(s).expect("date");
            assert_eq!(d.to_string(), s);
            let json = serde_json::to_string(&d).expect("serialise");
            assert_eq!(json, format!("\"{s}\""));
            let back: PartialDate = serde_json::from_str(&json).expect("deserialise");
            assert_eq!(back, d);
        }
        assert!(serde_json::from_str::<PartialDate>("\"last month\"").is_err());
    }

    #[test]
    fn sorts_by_year_then_month_then_day() {
        let mut dates: Vec<PartialDate> = ["2019", "2018-10-02", "2018-10", "2018", "2018-02-28"]
            .iter()
            .filter_map(|s| PartialDate::parse(s))
            .collect();
        dates.sort();
        let shown: Vec<String> = dates.iter().map(PartialDate::to_string).collect();
        assert_eq!(
            shown,
            ["2018", "2018-02-28", "2018-10", "2018-10-02", "2019"]
        );
    }

    #[test]
    fn fractional_years() {
        assert_eq!(PartialDate::Month(2018, 10).fractional_year(), 2018.75);
        assert_eq!(PartialDate::Year(2018).fractional_year(), 2018.5);
        assert_eq!(PartialDate::Day(2018, 1, 1).fractional_year(), 2018.0);
        let mid_june = PartialDate::Day(2018, 6, 16).fractional_year();
        assert!((mid_june - (2018.0 + 5.0 / 12.0 + 15.0 / 360.0)).abs() < 1e-9);
        assert!(PartialDate::Day(2018, 12, 31).fractional_year() < 2019.0);
        assert!(
            PartialDate::Day(2020, 2, 29).fractional_year()
                < PartialDate::Month(2020, 3).fractional_year()
        );
    }
}
