use super::*;

fn isos(found: &[FoundDate]) -> Vec<String> {
    found.iter().map(|f| f.date.to_iso()).collect()
}

#[test]
fn datelines_in_common_formats() {
    for (text, iso) in [
        ("2 October 2018", "2018-10-02"),
        ("Tuesday 2nd October 2018", "2018-10-02"),
        ("Tuesday, October 2, 2018", "2018-10-02"),
        ("02/10/2018", "2018-10-02"),
        ("10/25/2018", "2018-10-25"),
        ("2018-10-02", "2018-10-02"),
        ("Published: 2 Oct 2018 10:00", "2018-10-02"),
        ("Friday, November 17, 2017", "2017-11-17"),
    ] {
        assert_eq!(isos(&day_dates(text)), vec![iso.to_string()], "{text}");
    }
    assert!(day_dates("31 February 2018").is_empty());
}

#[test]
fn prose_dates_resolve_against_publication() {
    let p = Some(PartialDate::Day(2017, 11, 17));
    let t = "its fifth monitoring visit, which took place last month";
    assert_eq!(isos(&prose_dates(t, p)), vec!["2017-10"]);
    let t = "their October monitoring visit to Dudley, rated inadequate in April 2016.";
    assert_eq!(isos(&prose_dates(t, p)), vec!["2017-10", "2016-04"]);
    let t = "visited in December";
    assert_eq!(isos(&prose_dates(t, p)), vec!["2016-12"]);
    assert!(prose_dates("visited last month", None).is_empty());
}

#[test]
fn years_and_possessives_but_not_financial_years() {
    let t = "2018's full inspection; in 2017/18 it spent £2019; judged in 2015";
    assert_eq!(isos(&prose_dates(t, None)), vec!["2018", "2015"]);
}

#[test]
fn may_the_verb_is_not_a_month() {
    let p = Some(PartialDate::Day(2020, 9, 1));
    assert!(prose_dates("Inspectors May find that", p).is_empty());
    assert_eq!(isos(&prose_dates("inspected in May", p)), vec!["2020-05"]);
}

#[test]
fn months_after_shifts_back() {
    let p = Some(PartialDate::Day(2018, 10, 2));
    let t =
        "took charge in April this year, three months after the department was rated inadequate";
    let found = prose_dates(t, p);
    assert_eq!(isos(&found), vec!["2018-04", "2018-01"]);
}

#[test]
fn month_arithmetic_crosses_years() {
    assert_eq!(
        PartialDate::Month(2018, 2).months_earlier(3),
        PartialDate::Month(2017, 11)
    );
    assert!(PartialDate::Year(2018).compatible(PartialDate::Month(2018, 3)));
    assert!(!PartialDate::Month(2018, 4).compatible(PartialDate::Month(2018, 3)));
}

#[test]
fn compatibility_and_iso_length_agree_with_the_iso_forms() {
    use PartialDate::*;
    let dates = [
        Year(2018),
        Year(201),
        Year(20180),
        Year(-5),
        Month(2018, 3),
        Month(2018, 4),
        Month(2017, 3),
        Month(2018, 123),
        Month(20180, 3),
        Day(2018, 3, 1),
        Day(2018, 3, 12),
        Day(2018, 3, 120),
        Day(2018, 4, 1),
        Day(1000, 1, 1),
        Year(10001),
    ];
    for a in dates {
        assert_eq!(a.iso_len(), a.to_iso().len(), "{a:?}");
        for b in dates {
            let (x, y) = (a.to_iso(), b.to_iso());
            let by_strings = x.starts_with(&y) || y.starts_with(&x);
            assert_eq!(a.compatible(b), by_strings, "{a:?} {b:?}");
        }
    }
}

#[test]
fn clues_are_what_searches_find() {
    let month = regex::Regex::new(r"(?-u:\b)(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
        .expect("test regex");
    let four_digits = regex::Regex::new("[0-9]{4}").expect("test regex");
    let words = regex::Regex::new("(?i)month|year").expect("test regex");
    let years = regex::Regex::new(r"(?-u:\b)(?:19|20)").expect("test regex");
    let separated = regex::Regex::new("[0-9][/.-][0-9]").expect("test regex");
    for t in [
        "",
        "Month",
        "last MONTH and this Year",
        "monthyear",
        "mont h yea r",
        "two months after, a year later, months",
        "yEAR\u{212A}month\u{17F}",
        "months’ 2018's",
        "May_Jun xMar 1Apr _Jul -Aug éSep Oct Nov. Dec2 DEC Ja",
        "201 9 2O18 12345 ١٢٣٤ 12٣4 1920 x2019 _2019 -2019 £2020/21 2019's 20٣4",
        "1/x 2./3 4-٥ a-1 1.a",
        "2/3",
        "x1-2",
        "1.2.3",
    ] {
        let last_month = words
            .find_iter(t)
            .filter(|m| m.as_str().eq_ignore_ascii_case("month"))
            .last()
            .map(|m| m.start());
        let expected = Clues {
            months: month.find_iter(t).map(|m| m.start()).collect(),
            four_digits: four_digits.is_match(t),
            month_or_year: words.is_match(t),
            last_month,
            year_starts: years.find_iter(t).map(|m| m.start()).collect(),
            separated_digits: separated.is_match(t),
        };
        assert_eq!(Clues::of(t), expected, "{t}");
    }
}

#[test]
fn a_day_after_a_month_is_one_or_two_digits() {
    assert!(may_start_a_day("2, 2018"));
    assert!(may_start_a_day("22nd"));
    assert!(!may_start_a_day("2018"));
    assert!(!may_start_a_day("this year"));
    assert!(may_start_a_day("\u{661}\u{662}, 2018"));
    let re = regex::Regex::new(r"^\d{1,2}\D").expect("test regex");
    for t in ["1 ", "12,", "123 ", "1\u{662} ", "\u{661}2 ", "12\u{663}"] {
        assert!(!re.is_match(t) || may_start_a_day(t), "{t}");
    }
}

#[test]
fn searches_from_possible_starts_find_what_find_iter_finds() {
    for t in [
        "",
        "In May 2018 and June 2019, not xMay 2020; Sept. 2017 or Sep 2017",
        "March this year, April last year and May this year",
        "Dec\u{a0}2019 December 20190 Jan 2019_",
        "1999's 2019’s 2019/20 x2018 20١٢ 1920s 2020 2021",
        "2019_ 2019é 20195 201 19 2020's's 2020’ 1999’x 2019'",
        "20١2 2٠١٢ 19١٢x 2012٣ 2019 2020",
    ] {
        let months = Clues::of(t).months;
        for (re, starts) in [(&*MONTH_YEAR, &months), (&*MONTH_THIS_YEAR, &months)] {
            let expected: Vec<_> = re.find_iter(t).map(|m| m.range()).collect();
            let found: Vec<_> = matches_from(re, t, starts)
                .iter()
                .map(|m| m.range())
                .collect();
            assert_eq!(found, expected, "{t}");
        }
        let years: Vec<_> = BARE_YEAR.find_iter(t).map(|m| m.range()).collect();
        assert_eq!(bare_years(t, &Clues::of(t).year_starts), years, "{t}");
    }
}

#[test]
fn bare_months_are_what_one_alternation_finds() {
    let both = regex::Regex::new(&format!(
        "{}|{}",
        BARE_MONTH_AFTER_WORD.as_str(),
        BARE_MONTH_BEFORE_WORD.as_str()
    ))
    .expect("test regex");
    for t in [
        "",
        "in May",
        "throughout  -\u{a0}March, in- April visit; the May’s inspection and June",
        "withinMay xin May in May's report. Since July, since\nAugust, fromJune",
        "é in May éthroughout June in \u{17F}ept. Sept. visit Sep visit in Dec.",
        "in in in in in in in in in in in in in May and September inspection",
        "by by-May MayMay visit, last March letter; in Marching",
    ] {
        let expected: Vec<_> = both.find_iter(t).map(|m| m.range()).collect();
        let found: Vec<_> = bare_months(t, &Clues::of(t).months)
            .into_iter()
            .map(|(all, _)| all)
            .collect();
        assert_eq!(found, expected, "{t}");
    }
}

#[test]
fn years_with_other_scripts_digits_are_skipped_not_split() {
    let found = prose_dates("Rated good in 201\u{662}, and inadequate in 2019.", None);
    let years: Vec<String> = found.iter().map(|f| f.date.to_iso()).collect();
    assert_eq!(years, vec!["2019"]);
}
