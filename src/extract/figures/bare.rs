//! Counts written without the noun they count, known by the phrase around
//! the number: a change ("rose to 2,400", "down from 31", "fell from 22 to
//! 15"), a caseload ("caseloads of 25"), a part ("19 of the 150"), a
//! number of councils by grade ("38 were rated inadequate", "and 12
//! outstanding"), a clause's subject ("found that 8 had") or "there are
//! only 14".

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Words that may stand between the lead and the number ("more than").
const QUALIFIER: &str = r"(?:(?:around|about|approximately|nearly|almost|roughly|more\s+than|fewer\s+than|less\s+than|over|under|above|below|just|only|up\s+to|a\s+further|now|some)\s+)*";

/// A number in digits, with thousands separated by commas.
const NUMBER: &str = r"(?P<n>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?-u:\b)";

/// The rows: what comes before the number (or after it), each with the
/// number as group `n`. Lower case: they run on the lower-cased line.
fn rows() -> Vec<String> {
    let trend = r"(?:risen|rose|rises|rise|fallen|fell|falls|fall|dropped|drops|climbed|climbs|increased|decreased|reduced|grown|grew|come\s+down|came\s+down|gone\s+up|went\s+up|stands?|stood)";
    vec![
        // "has risen to 2,400", "continued to fall, to 380".
        format!(
            r"(?-u:\b){trend}(?-u:\b)[^.;:0-9]{{0,30}}?(?-u:\b)(?:to|from|at)\s+{QUALIFIER}{NUMBER}"
        ),
        // "up from 344", "down to 19".
        format!(r"(?-u:\b)(?:up\s+from|down\s+(?:to|from))\s+{QUALIFIER}{NUMBER}"),
        // "compared with more than 25", "some as many as 35".
        format!(r"(?-u:\b)(?:compared\s+(?:with|to)|as\s+many\s+as)\s+{QUALIFIER}{NUMBER}"),
        // "caseloads in some teams were above 30", "caseloads of 25".
        format!(
            r"(?-u:\b)caseloads?(?:\s+[a-z'’]+){{0,5}}?\s+(?:is|are|was|were|of|at|to|from)\s+{QUALIFIER}{NUMBER}"
        ),
        // "19 of the 150 councils", "31 of them".
        format!(r"(?-u:\b){NUMBER}\s+of\s+(?:the|them|its|their|these|those)(?-u:\b)"),
        // "38 were rated inadequate", "19 remain “inadequate”".
        format!(
            r#"(?-u:\b){NUMBER}\s+(?:were|are|was|is|remain|remained|have\s+been|had\s+been)\s+(?:now\s+|still\s+)?["“‘']?(?:rated|judged|graded|deemed|inadequate|good|outstanding|requires?\s+improvement)"#
        ),
        // "... are rated good and 12 outstanding".
        format!(r"(?-u:\b)and\s+{NUMBER}\s+(?:outstanding|good|inadequate)(?-u:\b)"),
        // "inspectors found that 8 had", "said 11 had been known".
        format!(r"(?-u:\b)(?:that|said|found)\s+{NUMBER}\s+(?:had|have|were|are)(?-u:\b)"),
        // "there are only 14 in England".
        format!(r"(?-u:\b)there\s+(?:are|were)\s+{QUALIFIER}{NUMBER}"),
    ]
}

static ROWS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    rows()
        .iter()
        .map(|row| Regex::new(row).expect("bare count regex"))
        .collect()
});

/// "from 22 to 15": the second number of a change.
static TO_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^\s+to\s+{QUALIFIER}{NUMBER}")).expect("to regex"));

/// Words after a number that make it a duration, distance, age, time or
/// another unit than a count.
const UNIT_WORDS: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "mile",
    "miles",
    "km",
    "per",
    "percent",
    "pounds",
    "million",
    "billion",
    "times",
    "am",
    "pm",
    "years-old",
    "year-old",
    "year-olds",
];

/// The numbers of the bare counts in `lower` (a line in ASCII lower case),
/// as byte ranges.
pub(super) fn bare_counts(lower: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for row in ROWS.iter() {
        for c in row.captures_iter(lower) {
            let Some(n) = c.name("n") else { continue };
            let range = n.range();
            if is_reference_before(&lower[..range.start]) {
                continue;
            }
            if !is_unit_after(&lower[range.end..]) {
                out.push(range.clone());
            }
            if let Some(to) = TO_NUMBER
                .captures(&lower[range.end..])
                .and_then(|t| t.name("n"))
            {
                let second = range.end + to.start()..range.end + to.end();
                if !is_unit_after(&lower[second.end..]) {
                    out.push(second);
                }
            }
        }
    }
    out.sort_by_key(|r| r.start);
    out.dedup();
    out
}

/// Whether the number is part of a reference ("section 47 of the Children
/// Act", "page 12 of the report"), not a count.
fn is_reference_before(before: &str) -> bool {
    let word = before.trim_end().rsplit(' ').next().unwrap_or("");
    matches!(
        word,
        "section"
            | "sections"
            | "article"
            | "paragraph"
            | "part"
            | "schedule"
            | "regulation"
            | "chapter"
            | "page"
            | "clause"
            | "rule"
            | "standard"
            | "no"
            | "number"
    )
}

/// Whether what follows a number makes it something other than a count.
fn is_unit_after(after: &str) -> bool {
    if after.starts_with(['%', '-', '/', ':', '.', '£']) && !after.starts_with(". ") && after != "."
    {
        return true;
    }
    let word = after
        .trim_start()
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .next()
        .unwrap_or("");
    UNIT_WORDS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(line: &str) -> Vec<&str> {
        let lower = line.to_ascii_lowercase();
        bare_counts(&lower).into_iter().map(|r| &line[r]).collect()
    }

    #[test]
    fn counts_known_by_the_phrase_around_them() {
        assert_eq!(numbers("The waiting list has grown to 1,250."), ["1,250"]);
        assert_eq!(
            numbers("Caseloads went down from 31 to 18 this year."),
            ["31", "18"]
        );
        assert_eq!(
            numbers("Of the councils, 41 were rated good and 9 outstanding."),
            ["41", "9"]
        );
        assert_eq!(numbers("Auditors found that 6 had no plan."), ["6"]);
        assert_eq!(numbers("Only 12 of the 40 homes were full."), ["12"]);
        assert_eq!(numbers("There are only 21 in the country."), ["21"]);
    }

    #[test]
    fn durations_ages_and_percentages_are_not_bare_counts() {
        assert!(numbers("Waits rose to 14 weeks.").is_empty());
        assert!(numbers("The share fell to 12% last year.").is_empty());
        assert!(numbers("Enquiries under section 47 of the act were made.").is_empty());
        assert!(numbers("The age limit was raised to 25-years-old.").is_empty());
    }
}
