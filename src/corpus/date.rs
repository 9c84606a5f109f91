//! Dates as records hold them (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), parsed into
//! values that sort, filter by month and place on a timeline.

use std::fmt;

/// An ISO date at the precision a record gives. Sorts by year, then month,
/// then day, a coarser date before the finer ones inside it (`2018` before
/// `2018-01`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl IsoDate {
    pub fn year(year: i32) -> Self {
        IsoDate {
            year,
            month: None,
            day: None,
        }
    }

    pub fn month(year: i32, month: u8) -> Self {
        IsoDate {
            year,
            month: Some(month),
            day: None,
        }
    }

    pub fn day(year: i32, month: u8, day: u8) -> Self {
        IsoDate {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// Parses `s` when it is valid at one of the contract's precisions
    /// (four-digit year, two-digit month and day, a real calendar day).
    pub fn parse(s: &str) -> Option<IsoDate> {
        if !crate::model::is_valid_date(s) {
            return None;
        }
        let mut parts = s.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next().map(str::parse).transpose().ok()?;
        let day = parts.next().map(str::parse).transpose().ok()?;
        Some(IsoDate { year, month, day })
    }

    /// The date as a fractional year for a time axis: the start of its month
    /// (`2018-10` is 2018.75), the day's place inside the month, and the
    /// middle of the year for a year alone (`2018` is 2018.5).
    pub fn fractional_year(self) -> f64 {
        let year = f64::from(self.year);
        let Some(month) = self.month else {
            return year + 0.5;
        };
        let start = year + f64::from(month.saturating_sub(1)) / 12.0;
        match self.day {
            None => start,
            Some(day) => {
                let days = f64::from(days_in_month(self.year, month));
                start + f64::from(day.saturating_sub(1)) / (days * 12.0)
            }
        }
    }

    /// The first and last month the date covers (a year covers twelve).
    pub fn month_range(self) -> (YearMonth, YearMonth) {
        match self.month {
            Some(m) => (YearMonth::new(self.year, m), YearMonth::new(self.year, m)),
            None => (YearMonth::new(self.year, 1), YearMonth::new(self.year, 12)),
        }
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
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
        let date = IsoDate::parse(s)?;
        match (date.month, date.day) {
            (Some(month), None) => Some(YearMonth::new(date.year, month)),
            _ => None,
        }
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_refuses_the_rest() {
        assert_eq!(IsoDate::parse("2018"), Some(IsoDate::year(2018)));
        assert_eq!(IsoDate::parse("2018-09"), Some(IsoDate::month(2018, 9)));
        assert_eq!(
            IsoDate::parse("2018-09-30"),
            Some(IsoDate::day(2018, 9, 30))
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
            assert_eq!(IsoDate::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn displays_as_given() {
        for s in ["2018", "2018-09", "2016-02-29"] {
            assert_eq!(IsoDate::parse(s).map(|d| d.to_string()).as_deref(), Some(s));
        }
    }

    #[test]
    fn sorts_by_year_then_month_then_day() {
        let mut dates: Vec<IsoDate> = ["2019", "2018-10-02", "2018-10", "2018", "2018-02-28"]
            .iter()
            .filter_map(|s| IsoDate::parse(s))
            .collect();
        dates.sort();
        let shown: Vec<String> = dates.iter().map(IsoDate::to_string).collect();
        assert_eq!(
            shown,
            ["2018", "2018-02-28", "2018-10", "2018-10-02", "2019"]
        );
    }

    #[test]
    fn fractional_years() {
        assert_eq!(IsoDate::month(2018, 10).fractional_year(), 2018.75);
        assert_eq!(IsoDate::year(2018).fractional_year(), 2018.5);
        assert_eq!(IsoDate::day(2018, 1, 1).fractional_year(), 2018.0);
        let mid_june = IsoDate::day(2018, 6, 16).fractional_year();
        assert!((mid_june - (2018.0 + 5.0 / 12.0 + 15.0 / 360.0)).abs() < 1e-9);
        assert!(IsoDate::day(2018, 12, 31).fractional_year() < 2019.0);
        assert!(
            IsoDate::day(2020, 2, 29).fractional_year() < IsoDate::month(2020, 3).fractional_year()
        );
    }

    #[test]
    fn month_ranges_and_year_months() {
        assert_eq!(
            IsoDate::year(2018).month_range(),
            (YearMonth::new(2018, 1), YearMonth::new(2018, 12))
        );
        assert_eq!(
            IsoDate::day(2018, 3, 4).month_range(),
            (YearMonth::new(2018, 3), YearMonth::new(2018, 3))
        );
        assert_eq!(YearMonth::parse("2018-03"), Some(YearMonth::new(2018, 3)));
        assert_eq!(YearMonth::parse("2018"), None);
        assert_eq!(YearMonth::parse("2018-03-01"), None);
        assert_eq!(YearMonth::new(2018, 3).to_string(), "2018-03");
        assert!(YearMonth::new(2017, 12) < YearMonth::new(2018, 1));
    }
}
