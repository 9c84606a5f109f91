//! Money, percentages and counts that describe the services: a rule table
//! (`FIGURE_ROWS`) whose rows are searched in the body lines where one set
//! search of the line says they match.

mod context;

use super::Doc;
use super::layout::BlockKind;
use super::lexicon;
use crate::model::FigureKind;
use context::{LONGEST_LISTED_WORD, ascii_lower_case, context_words};
use regex::{Regex, RegexSet};
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq)]
pub struct FigureFound {
    pub kind: FigureKind,
    pub value: f64,
    pub range: Range<usize>,
    pub context: String,
}

/// Money: "£1.2 million", "£461k", "six million pounds". Groups: the
/// number (`n`, `n2`) and its unit (`u`, `u2`).
fn money_pattern() -> String {
    let words = lexicon::number_words_up_to(100);
    format!(
        r"(?i)£\s?(?P<n>\d[\d,]*(?:\.\d+)?)(?:\s?(?P<u>million|m|mn|billion|bn|thousand|k)(?-u:\b))?|(?-u:\b)(?P<n2>\d[\d,]*(?:\.\d+)?|{words})\s+(?P<u2>million|billion|thousand)?\s*pounds(?-u:\b)"
    )
}

/// Percentages: "41 per cent", "12.5%", "fifty percent". Group: `n`.
fn percent_pattern() -> String {
    let words = lexicon::number_words_up_to(100);
    format!(
        r"(?i)(?-u:\b)(?P<n>\d+(?:\.\d+)?|{words})(?:\s?%|\s+per\s?cent(?-u:\b)|\s+percent(?-u:\b))"
    )
}

/// A number in digits followed (within three lower-case words) by what it
/// counts, or "one of 12" where the noun is left out. Groups: the number
/// (`n`, or `of`).
const COUNT_PATTERN: &str = r"(?i)(?-u:\b)(?:one\s+of\s+(?P<of>\d{1,3}(?:,\d{3})+|\d+)(?-u:\b)|(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?P<tail>(?:\s+(?-i:[a-z][a-z'’-]*)){0,3}\s+(?:children|child|young\s+people|cases|case|families|social\s+workers|workers|staff|posts|vacancies|starters|managers|referrals|re-referrals|placements|care\s+leavers|assessments|plans|homes|foster\s+carers|carers|complaints|jobs|roles|councils|local\s+authorities|authorities|teams|recommendations|employees|practitioners|beds|households|people|allegations|investigations|strategy\s+meetings|child\s+protection\s+plans|agency\s+staff|leavers|apprentices|students|trainees|caseloads|positions|recruits|schools|pupils|areas|services|providers|officers|contacts|heads|headteachers|teachers|nurses|visitors|parents|adopters)(?-u:\b)))";

/// A figure rule: its pattern, searched over the body lines as a table,
/// and again with captures at each match to read the number and unit.
struct FigureRules {
    /// Which rules match a line, from one search of it: most lines hold
    /// no figure, and a search per rule costs more.
    which: RegexSet,
    rules: Vec<(FigureKind, Regex)>,
}

/// The figure rules, in the order they claim a line's figures: a later
/// rule's match that overlaps an earlier one's is dropped.
static FIGURE_ROWS: LazyLock<FigureRules> = LazyLock::new(|| {
    let rows = [
        (FigureKind::Money, money_pattern()),
        (FigureKind::Percent, percent_pattern()),
        (FigureKind::Count, COUNT_PATTERN.to_string()),
    ];
    FigureRules {
        which: RegexSet::new(rows.iter().map(|(_, p)| p)).expect("figure regexes"),
        rules: rows
            .iter()
            .map(|(kind, p)| (*kind, Regex::new(p).expect("figure regex")))
            .collect(),
    }
});

/// Word numbers used with a unit ("six million pounds", "fifty per cent").
fn parse_number(s: &str) -> Option<f64> {
    lexicon::number_word(s).map(f64::from).or_else(|| {
        if s.contains(',') {
            s.replace(',', "").parse().ok()
        } else {
            s.parse().ok()
        }
    })
}

fn multiplier(unit: &str) -> f64 {
    let mut buf = [0; LONGEST_LISTED_WORD];
    match ascii_lower_case(unit, &mut buf) {
        Some(b"million" | b"m" | b"mn") => 1e6,
        Some(b"billion" | b"bn") => 1e9,
        Some(b"thousand" | b"k") => 1e3,
        _ => 1.0,
    }
}

/// Figures in body prose (not headers, captions, bullets or footers, where
/// subscription prices and archive sizes live).
pub fn figures(doc: &Doc) -> Vec<FigureFound> {
    let text = doc.text;
    let lines: Vec<Range<usize>> = doc
        .layout
        .blocks
        .iter()
        .filter(|b| match b.kind {
            BlockKind::Body => true,
            // A bullet of facts inside the article ("- 92 per cent of
            // children were visited on time"), not a short promo line.
            BlockKind::Furniture => is_fact_bullet(&text[b.range.clone()]),
            _ => false,
        })
        .map(|b| b.range.clone())
        .collect();
    let figure_rules = &*FIGURE_ROWS;
    let mut out: Vec<FigureFound> = Vec::new();
    for r in &lines {
        let line = &text[r.clone()];
        let which = figure_rules.which.matches(line);
        for (i, (kind, re)) in figure_rules.rules.iter().enumerate() {
            if !which.matched(i) {
                continue;
            }
            for c in re.captures_iter(line) {
                read_figure(*kind, &c, line, r.start, &mut out);
            }
        }
    }
    out.sort_by_key(|f| f.range.start);
    out
}

/// The figure a match gives, if its number reads as one and, for a count,
/// it is not a year, an age or part of another number.
fn read_figure(
    kind: FigureKind,
    c: &regex::Captures,
    line: &str,
    base: usize,
    out: &mut Vec<FigureFound>,
) {
    let Some(all) = c.get(0) else { return };
    let group = |a: &str, b: &str| c.name(a).or_else(|| c.name(b));
    match kind {
        FigureKind::Money => {
            let Some(n) = group("n", "n2").and_then(|n| parse_number(n.as_str())) else {
                return;
            };
            let unit = group("u", "u2").map_or("", |u| u.as_str());
            let range = base + all.start()..base + all.end();
            push(out, kind, n * multiplier(unit), range, line, all.range());
        }
        FigureKind::Percent => {
            let Some(n) = c.name("n").and_then(|n| parse_number(n.as_str())) else {
                return;
            };
            let range = base + all.start()..base + all.end();
            push(out, kind, n, range, line, all.range());
        }
        FigureKind::Count => {
            let Some(n) = group("n", "of") else { return };
            if is_not_a_count(line, n.range()) {
                return;
            }
            let Some(v) = parse_number(n.as_str()) else {
                return;
            };
            // The context of a count starts with what it counts.
            let range = base + n.start()..base + all.end();
            push(out, kind, v, range, line, n.range());
        }
    }
}

fn is_fact_bullet(line: &str) -> bool {
    let rest = line.trim_start_matches(['-', '*', '•', '·', '▪']);
    rest.len() < line.len()
        && rest.starts_with(' ')
        && rest.split_whitespace().count() >= 6
        && rest.bytes().any(|b| b.is_ascii_digit())
}

/// Years, ages, money amounts' digits and parts of larger numbers are not counts.
fn is_not_a_count(line: &str, n: Range<usize>) -> bool {
    let before = &line[..n.start];
    let after = &line[n.end..];
    let digits = &line[n.clone()];
    let year_like = digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
    year_like
        || before.ends_with(['£', '$', '.', '-', '/'])
        || after.starts_with(['-', '%', '/'])
        || after
            .trim_start()
            .as_bytes()
            .get(..b"per cent".len())
            .is_some_and(|unit| unit.eq_ignore_ascii_case(b"per cent"))
}

fn push(
    out: &mut Vec<FigureFound>,
    kind: FigureKind,
    value: f64,
    range: Range<usize>,
    line: &str,
    local: Range<usize>,
) {
    // Only figures of the same line can overlap: they are the last ones,
    // starting at or after the line's start (the figures of earlier lines
    // end before it).
    let line_start = range.start - local.start;
    if out
        .iter()
        .rev()
        .take_while(|f| f.range.start >= line_start)
        .any(|f| f.range.start < range.end && range.start < f.range.end)
    {
        return;
    }
    out.push(FigureFound {
        kind,
        value,
        range,
        context: context_words(line, local),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures_in(body: &str) -> Vec<(FigureKind, f64)> {
        let text = format!("Headline\n\n{body}");
        let doc = Doc::new(&text);
        figures(&doc)
            .into_iter()
            .map(|f| (f.kind, f.value))
            .collect()
    }

    #[test]
    fn units_in_capitals_count_as_the_patterns_read_them() {
        assert_eq!(
            figures_in("SPENDING ROSE BY FIFTY PER CENT TO SIX MILLION POUNDS, THE COUNCIL SAID."),
            vec![
                (FigureKind::Percent, 50.0),
                (FigureKind::Money, 6_000_000.0)
            ]
        );
    }

    #[test]
    fn money_in_its_forms() {
        let f = figures_in(
            "The cabinet agreed £461k this year, a further £1.2 million, £6m, £461,000 and six million pounds next year.",
        );
        assert_eq!(
            f,
            vec![
                (FigureKind::Money, 461_000.0),
                (FigureKind::Money, 1_200_000.0),
                (FigureKind::Money, 6_000_000.0),
                (FigureKind::Money, 461_000.0),
                (FigureKind::Money, 6_000_000.0)
            ]
        );
    }

    #[test]
    fn percentages_and_counts() {
        let f = figures_in(
            "Agency use fell from 60 per cent to 41% since May, and 75 new starters have joined while 12 vacancies remain.",
        );
        assert_eq!(
            f,
            vec![
                (FigureKind::Percent, 60.0),
                (FigureKind::Percent, 41.0),
                (FigureKind::Count, 75.0),
                (FigureKind::Count, 12.0)
            ]
        );
    }

    #[test]
    fn not_figures() {
        let f = figures_in(
            "In 2018 several 16-year-olds waited two weeks; the 12 reasons campaign ran for six months and a third of staff left.",
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn counts_with_describing_words_and_elided_nouns() {
        let f = figures_in(
            "There are 240 fostering households, 14 officers joined, a survey of 180 primary and secondary heads ran, and the home is one of 12 run by the company.",
        );
        assert_eq!(
            f,
            vec![
                (FigureKind::Count, 240.0),
                (FigureKind::Count, 14.0),
                (FigureKind::Count, 180.0),
                (FigureKind::Count, 12.0)
            ]
        );
    }

    #[test]
    fn fact_bullets_count_but_promo_lines_do_not() {
        let text = "Headline\n\nA long enough first paragraph of the article that is prose text here.\n\nKey facts\n\n- 92 per cent of children in care were visited within timescales\n- Latest issues\n\nMore text that is a long enough paragraph to be body prose again.";
        let doc = Doc::new(text);
        let f: Vec<f64> = figures(&doc).iter().map(|f| f.value).collect();
        assert_eq!(f, vec![92.0]);
    }

    #[test]
    fn context_says_what_is_measured() {
        let text = "Headline\n\nThe trust expects to spend £6m on agency staff this financial year, and 38 permanent social workers have joined.";
        let doc = Doc::new(text);
        let f = figures(&doc);
        assert_eq!(f[0].context, "agency staff this financial year");
        assert_eq!(f[1].context, "permanent social workers have joined");
    }

    #[test]
    fn context_before_when_the_words_after_only_say_when() {
        let text = "Headline\n\nThe number of such plans has risen by 30 per cent in three years. Agency use is still high, at 50 per cent.";
        let doc = Doc::new(text);
        let f = figures(&doc);
        assert_eq!(f[0].context, "such plans has risen … three years");
        assert_eq!(f[1].context, "Agency use is still high");
    }

    #[test]
    fn footer_prices_are_not_figures() {
        let text = "Headline\n\nA long enough first paragraph of the article that is prose text here.\n\nSubscribe\n\nFrom £15 / month";
        let doc = Doc::new(text);
        assert!(figures(&doc).is_empty());
    }
}
