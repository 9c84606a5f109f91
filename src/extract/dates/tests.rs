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
fn a_bare_month_is_its_name_alone_after_a_whole_lower_case_preposition() {
    let p = Some(PartialDate::Day(2020, 9, 1));
    for (t, expected) in [
        (
            "visited since mid-March, and then in\tJuly",
            vec!["2020-03", "2020-07"],
        ),
        ("between June and August", vec!["2020-06", "2020-08"]),
        ("the October monitoring visit", vec!["2019-10"]),
        ("in March's monitoring visit", vec!["2020-03"]),
        ("rated in Sept. by inspectors", vec!["2020-09"]),
        ("In October, inspectors returned", vec![]),
        ("within October", vec![]),
        ("Inspectors March on", vec![]),
    ] {
        let found = prose_dates(t, p);
        assert_eq!(isos(&found), expected, "{t:?}");
        for f in &found {
            assert!(month_number(&t[f.range.clone()]).is_some(), "{t:?}: {f:?}");
        }
    }
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
fn bare_months_after_a_preposition_or_before_an_inspection_word() {
    let p = Some(PartialDate::Day(2019, 3, 14));
    let t = "visited during January, and in the October monitoring visit, since mid-February";
    assert_eq!(
        isos(&prose_dates(t, p)),
        vec!["2019-01", "2018-10", "2019-02"]
    );
}

#[test]
fn years_with_other_scripts_digits_are_skipped_not_split() {
    let found = prose_dates("Rated good in 201\u{662}, and inadequate in 2019.", None);
    let years: Vec<String> = found.iter().map(|f| f.date.to_iso()).collect();
    assert_eq!(years, vec!["2019"]);
}

#[test]
fn days_without_a_year_take_the_datelines() {
    let p = Some(PartialDate::Day(2024, 3, 5));
    for (t, iso) in [
        ("a visit on 3 and 4 February", "2024-02"),
        ("between 11 and 22 November", "2023-11"),
        ("between 26 November and 7 December", "2023-11"),
        ("was inspected on 8 November", "2023-11-08"),
        ("the visit, on April 2 and 3, found", "2023-04"),
        ("between October 15 and 19 last year", "2023-10"),
        ("the meeting (January 19) heard", "2024-01-19"),
        ("visited on 4-5 February", "2024-02"),
    ] {
        assert_eq!(isos(&prose_dates(t, p)), vec![iso.to_string()], "{t}");
    }
    assert_eq!(
        isos(&prose_dates("on 8 November 2022", p)),
        vec!["2022-11-08"]
    );
}
