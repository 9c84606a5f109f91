//! Dates in prose: full dates, "October 2018", "October this year", "last
//! month", "in October", bare years, and shifts ("three months after").

use super::{DAY_DATES, FoundDate, PartialDate, day_dates_of, month_number, months};
use crate::extract::cues;
use crate::extract::engine::Table;
use crate::extract::lexicon;
use regex::{Regex, RegexSet};
use std::ops::Range;
use std::sync::LazyLock;

static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?-u:\b){}\s+([0-9]{{4}})(?-u:\b)", months())).expect("date regex")
});

static MONTH_THIS_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b){}\s+(this|last)\s+year(?-u:\b)",
        months()
    ))
    .expect("date regex")
});

/// What a month name without a year needs to be taken for a month, so
/// that "May" the verb and "March" the verb are not.
#[derive(Debug, Clone, Copy, PartialEq)]
enum MonthNeeds {
    /// An inspection word after it, part of the match ("the October
    /// monitoring visit"): the month is the match's first word.
    InspectionWordAfter,
    /// A preposition right before it ("in October", "since mid-March"):
    /// the month is the whole match.
    PrepositionBefore,
}

/// Bare month names: the table searches for the month names themselves
/// (a rarer literal than the prepositions before them); the preposition
/// a month needs is `PREPOSITION_BEFORE`.
static BARE_MONTH: LazyLock<Table<MonthNeeds>> = LazyLock::new(|| {
    let months = months();
    let before_word = format!(
        r"(?-u:\b){months}(?:'s|’s)?\s+(?:monitoring|focused|full|inspection|visit|report|letter)"
    );
    let alone = format!(r"(?-u:\b){months}(?-u:\b)");
    Table::new(
        "",
        [
            (before_word.as_str(), MonthNeeds::InspectionWordAfter),
            (alone.as_str(), MonthNeeds::PrepositionBefore),
        ],
    )
});

/// The preposition a bare month name needs right before it (matched
/// against the text before the month).
static PREPOSITION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:in|since|during|from|until|by|of|last|this|early|late|mid|on|before|after|between|and|through|throughout)[\s-]+$")
        .expect("preposition regex")
});

static BARE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:19|20)[0-9]{2}(?-u:\b)(?:'s|’s)?").expect("year regex")
});

/// Relative dates, in lower case: matched against the ASCII-lower-cased
/// sentence (same byte offsets), as the cue tables are.
const RELATIVE_PATTERN: &str = r"(?-u:\b)(last\s+month|this\s+month|earlier\s+this\s+month|last\s+year|this\s+year|earlier\s+this\s+year|previous\s+year|the\s+previous\s+month|(?:in|earlier|later)\s+(?:the\s+)?(?:spring|summer|autumn|winter)\s+(?:of\s+)?this\s+year)(?-u:\b)";

static RELATIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(RELATIVE_PATTERN).expect("relative regex"));
static RELATIVE_ANY_CASE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){RELATIVE_PATTERN}")).expect("relative regex"));

static SHIFT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^[^\p{{Latin}}0-9_]{{0,3}}({}|[0-9]{{1,2}})\s+months?\s+(after|before|later|earlier)(?-u:\b)",
        lexicon::number_words_up_to(12)
    ))
    .expect("shift regex")
});

/// Which date patterns match a sentence, from one search of it (most
/// sentences hold no date; a search per pattern costs more): the day-date
/// patterns, then month-this-year, month-year, relative, bare month, bare
/// year.
static WHICH: LazyLock<RegexSet> = LazyLock::new(|| {
    let mut patterns: Vec<String> = DAY_DATES.iter().map(|re| re.as_str().to_string()).collect();
    patterns.push(MONTH_THIS_YEAR.as_str().to_string());
    patterns.push(MONTH_YEAR.as_str().to_string());
    // The pattern, not the compiled twin, which most texts never need.
    patterns.push(format!("(?i){RELATIVE_PATTERN}"));
    patterns.push(BARE_MONTH.pattern().to_string());
    patterns.push(BARE_YEAR.as_str().to_string());
    RegexSet::new(patterns).expect("date patterns")
});

/// Every date mentioned in `text` (a sentence), resolved against
/// `published` where it is relative; unresolvable ones are left out.
pub fn prose_dates(text: &str, published: Option<PartialDate>) -> Vec<FoundDate> {
    let which = WHICH.matches(text);
    if !which.matched_any() {
        return Vec::new();
    }
    let day_patterns: Vec<&Regex> = DAY_DATES
        .iter()
        .enumerate()
        .filter(|&(i, _)| which.matched(i))
        .map(|(_, re)| *re)
        .collect();
    let mut out = day_dates_of(text, &day_patterns);
    let n = DAY_DATES.len();
    if let Some(p) = published.filter(|_| which.matched(n)) {
        month_this_year(text, p, &mut out);
    }
    if which.matched(n + 1) {
        month_year(text, &mut out);
    }
    if let Some(p) = published {
        if which.matched(n + 3) {
            super::days::days_without_year(text, p, &mut out);
        }
        if which.matched(n + 2) {
            relative(text, p, &mut out);
        }
        if which.matched(n + 3) {
            bare_months(text, p, &mut out);
        }
    }
    if which.matched(n + 4) {
        bare_years(text, &mut out);
    }
    apply_shifts(text, &mut out);
    out.sort_by_key(|f| f.range.start);
    out
}

/// Whether `r` overlaps a date already found.
fn taken(out: &[FoundDate], r: &Range<usize>) -> bool {
    out.iter()
        .any(|f| f.range.start < r.end && r.start < f.range.end)
}

/// "October this year", "March last year".
fn month_this_year(text: &str, p: PartialDate, out: &mut Vec<FoundDate>) {
    for c in MONTH_THIS_YEAR.captures_iter(text) {
        let (Some(all), Some(m), Some(which)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let Some(m) = month_number(m.as_str()) else {
            continue;
        };
        let y = if which.as_str() == "last" {
            p.year() - 1
        } else {
            p.year()
        };
        if !taken(out, &all.range()) {
            out.push(FoundDate {
                range: all.range(),
                date: PartialDate::Month(y, m),
            });
        }
    }
}

/// "July 2015".
fn month_year(text: &str, out: &mut Vec<FoundDate>) {
    for c in MONTH_YEAR.captures_iter(text) {
        let (Some(all), Some(m), Some(y)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        if let (Some(m), Ok(y)) = (month_number(m.as_str()), y.as_str().parse::<i32>())
            && !taken(out, &all.range())
            && (1990..=2100).contains(&y)
        {
            out.push(FoundDate {
                range: all.range(),
                date: PartialDate::Month(y, m),
            });
        }
    }
}

/// "last month", "earlier this year", resolved against publication.
fn relative(text: &str, p: PartialDate, out: &mut Vec<FoundDate>) {
    let phrases: Vec<Range<usize>> = match cues::lower_cased(text) {
        Some(lower) => RELATIVE.find_iter(&lower).map(|m| m.range()).collect(),
        None => RELATIVE_ANY_CASE
            .find_iter(text)
            .map(|m| m.range())
            .collect(),
    };
    for all in phrases {
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
        if !taken(out, &all) {
            out.push(FoundDate { range: all, date });
        }
    }
}

/// "in October", "the October monitoring visit": the most recent such
/// month on or before publication.
fn bare_months(text: &str, p: PartialDate, out: &mut Vec<FoundDate>) {
    for hit in BARE_MONTH.find_iter(text) {
        let all = hit.range;
        if taken(out, &all) {
            continue;
        }
        if hit.yields == MonthNeeds::PrepositionBefore
            && !PREPOSITION_BEFORE.is_match(&text[..all.start])
        {
            continue;
        }
        let m = month_in(text, &all, hit.yields);
        let Some(month) = month_number(&text[m.clone()]) else {
            continue;
        };
        let year = match p.month() {
            Some(pm) if month > pm => p.year() - 1,
            _ => p.year(),
        };
        out.push(FoundDate {
            range: m,
            date: PartialDate::Month(year, month),
        });
    }
}

/// The month name's range in a bare-month match: all of it, or its
/// leading run of letters and a point.
fn month_in(text: &str, all: &Range<usize>, needs: MonthNeeds) -> Range<usize> {
    let m = &text[all.clone()];
    match needs {
        MonthNeeds::PrepositionBefore => all.clone(),
        MonthNeeds::InspectionWordAfter => {
            let len = m
                .bytes()
                .take_while(|c| c.is_ascii_alphabetic() || *c == b'.')
                .count();
            all.start..all.start + len
        }
    }
}

/// Years on their own ("in 2015", "2018's inspection"); financial years
/// ("2017/18"), money and ranges are not dates of events.
fn bare_years(text: &str, out: &mut Vec<FoundDate>) {
    for m in BARE_YEAR.find_iter(text) {
        let all = m.range();
        let after = &text[all.end..];
        let before = &text[..all.start];
        if after.starts_with(['/', '-', '–']) || before.ends_with(['£', '$', '/']) {
            continue;
        }
        if taken(out, &all) {
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
}

/// "in April this year, three months after ..." names a second date, three
/// months before the first; it is placed at the "after" phrase.
fn apply_shifts(text: &str, dates: &mut Vec<FoundDate>) {
    let mut shifted = Vec::new();
    for d in dates.iter() {
        let Some(c) = SHIFT.captures(&text[d.range.end..]) else {
            continue;
        };
        let (Some(all), Some(n), Some(dir)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let n = n.as_str();
        let Some(n) = lexicon::number_word(n).or_else(|| n.parse().ok()) else {
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
    dates.extend(shifted);
}
