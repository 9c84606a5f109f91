//! The months a date covers, for the corpus view's date filters; the
//! dates themselves are `model::PartialDate`.

use crate::model::PartialDate;
use std::fmt;

/// The first and last month a date covers (a year covers twelve).
pub fn month_range(date: PartialDate) -> (YearMonth, YearMonth) {
    let year = date.year();
    match date.month() {
        Some(m) => {
            let m = u8::try_from(m).unwrap_or(12);
            (YearMonth::new(year, m), YearMonth::new(year, m))
        }
        None => (YearMonth::new(year, 1), YearMonth::new(year, 12)),
    }
}

/// A calendar month, for the date bounds of a filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
}

impl YearMonth {
    pub fn new(year: i32, month: u8) -> Self {
        YearMonth { year, month }
    }

    /// Parses `YYYY-MM`.
    pub fn parse(s: &str) -> Option<YearMonth> {
        match PartialDate::parse(s)? {
            PartialDate::Month(year, month) => {
                Some(YearMonth::new(year, u8::try_from(month).ok()?))
            }
            _ => None,
        }
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_ranges_and_year_months() {
        assert_eq!(
            month_range(PartialDate::Year(2018)),
            (YearMonth::new(2018, 1), YearMonth::new(2018, 12))
        );
        assert_eq!(
            month_range(PartialDate::Day(2018, 3, 4)),
            (YearMonth::new(2018, 3), YearMonth::new(2018, 3))
        );
        assert_eq!(YearMonth::parse("2018-03"), Some(YearMonth::new(2018, 3)));
        assert_eq!(YearMonth::parse("2018"), None);
        assert_eq!(YearMonth::parse("2018-03-01"), None);
        assert_eq!(YearMonth::new(2018, 3).to_string(), "2018-03");
        assert!(YearMonth::new(2017, 12) < YearMonth::new(2018, 1));
    }
}
