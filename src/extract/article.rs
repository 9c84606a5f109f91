//! The article's own fields: headline, byline, publication date, outlet.

use super::dates::{self, PartialDate};
use super::layout::{BlockKind, Layout};
use super::names;
use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// An extracted value with the byte range it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Found<T> {
    pub value: T,
    pub range: Range<usize>,
}

pub fn headline(text: &str, layout: &Layout) -> Option<Found<String>> {
    let b = layout
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Headline)?;
    let line = &text[b.range.clone()];
    // A file that opens with a long paragraph has no headline line.
    if line.chars().count() > 220 || !dates::day_dates(line).is_empty() {
        return None;
    }
    Some(Found {
        value: line.to_string(),
        range: b.range.clone(),
    })
}

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:(?:written |words |posted |reported )?by:?\s+)?((?:[A-Z][a-zà-ÿ'’]+|[A-Z]\.)(?:[\s-](?:[A-Z][a-zà-ÿ'’]+|[A-Z]\.|Mc[A-Z][a-z]+|O’[A-Z][a-z]+|O'[A-Z][a-z]+|de|van|von|da|del|le)){1,3})(?:\s*(?:,|\||–|-|—)\s*.*)?$",
    )
    .expect("byline regex")
});

/// The author's name from the header lines ("By Jane Doe", "Jane Doe,
/// social affairs reporter", "Jane Doe | Community Care").
pub fn byline(text: &str, layout: &Layout) -> Option<Found<String>> {
    let header = layout
        .blocks
        .iter()
        .skip(1)
        .take_while(|b| b.kind != BlockKind::Body)
        .filter(|b| b.kind == BlockKind::Header);
    for b in header {
        let line = &text[b.range.clone()];
        let explicit_by = line.to_ascii_lowercase().starts_with("by ")
            || line.to_ascii_lowercase().contains(" by ");
        if line.split_whitespace().count() > 10 {
            continue;
        }
        let Some(c) = BYLINE.captures(line) else {
            // "Posted on 2 May 2019 by Jane Doe"
            if explicit_by && let Some(found) = name_after_by(text, b.range.clone()) {
                return Some(found);
            }
            continue;
        };
        let Some(m) = c.get(1) else { continue };
        let name = m.as_str();
        if !names::could_be_person(name) && !line.to_ascii_lowercase().starts_with("by ") {
            continue;
        }
        if names::has_non_name_word(name) {
            continue;
        }
        return Some(Found {
            value: name.to_string(),
            range: b.range.start + m.start()..b.range.start + m.end(),
        });
    }
    None
}

static BY_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)[Bb]y\s+([A-Z][a-z'’]+(?:[\s-][A-Z][a-z'’]+){1,2})(?-u:\b)")
        .expect("by regex")
});

fn name_after_by(text: &str, range: Range<usize>) -> Option<Found<String>> {
    let line = &text[range.clone()];
    let c = BY_NAME.captures(line)?;
    let m = c.get(1)?;
    if names::has_non_name_word(m.as_str()) {
        return None;
    }
    Some(Found {
        value: m.as_str().to_string(),
        range: range.start + m.start()..range.start + m.end(),
    })
}

static PUBLISHED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(published|posted|first published|date)(?-u:\b)").expect("label regex")
});

/// The publication date from the dateline: a short header line that is
/// mostly a date, or a "Published ..." line anywhere.
pub fn published(text: &str, layout: &Layout) -> Option<Found<PartialDate>> {
    let header_lines = layout
        .blocks
        .iter()
        .take_while(|b| b.kind != BlockKind::Body)
        .filter(|b| b.kind != BlockKind::Headline);
    for b in header_lines {
        let line = &text[b.range.clone()];
        if line.chars().count() > 80 {
            continue;
        }
        if let Some(d) = dates::day_dates(line).into_iter().next() {
            return Some(Found {
                value: d.date,
                range: b.range.start + d.range.start..b.range.start + d.range.end,
            });
        }
    }
    for b in &layout.blocks {
        let line = &text[b.range.clone()];
        if line.chars().count() <= 100
            && PUBLISHED_LABEL.is_match(line)
            && let Some(d) = dates::day_dates(line).into_iter().next()
        {
            return Some(Found {
                value: d.date,
                range: b.range.start + d.range.start..b.range.start + d.range.end,
            });
        }
    }
    None
}

#[derive(Debug)]
struct Outlet {
    name: String,
    aliases: Vec<String>,
}

static OUTLETS: LazyLock<Vec<Outlet>> = LazyLock::new(|| {
    let mut reader = csv::Reader::from_reader(include_str!("../../assets/outlets.csv").as_bytes());
    reader
        .records()
        .flatten()
        .map(|r| Outlet {
            name: r.get(0).unwrap_or("").to_string(),
            aliases: r
                .get(1)
                .unwrap_or("")
                .split(';')
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect(),
        })
        .filter(|o| !o.name.is_empty())
        .collect()
});

/// Canonical outlet names longer than four letters, one pattern per outlet
/// in table order, so that a pattern index is an `OUTLETS` index.
static OUTLET_NAMES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let patterns: Vec<&str> = OUTLETS
        .iter()
        .map(|o| {
            if o.name.len() > 4 {
                o.name.as_str()
            } else {
                "\u{0}\u{0}never\u{0}"
            }
        })
        .collect();
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .expect("outlet names")
});

/// Known outlet name (canonical) for a surface form.
fn known_outlet(surface: &str) -> Option<&'static str> {
    let s = surface.trim().trim_start_matches("the ").trim();
    OUTLETS
        .iter()
        .find(|o| {
            o.name.eq_ignore_ascii_case(s)
                || o.name.trim_start_matches("The ").eq_ignore_ascii_case(s)
                || o.aliases.iter().any(|a| a == s)
        })
        .map(|o| o.name.as_str())
}

static FOOTER_OUTLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:More from|Subscribe to|Sign up to|Follow|Copyright ©?|©|\(c\))\s*(?:\d{4}\s+)?(?:the\s+)?([A-Z][\w&'’.]*(?:\s+(?:&\s+)?[A-Z][\w&'’.]*){0,4})|^([A-Z][\w&'’.]*(?:\s+(?:&\s+)?[A-Z][\w&'’.]*){0,3})\s+(?:Digital membership|Magazine|newsletter)(?-u:\b)",
    )
    .expect("footer outlet regex")
});

static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:told|speaking to|seen by|obtained by|contacted by|according to|in an interview with)\s+((?:the\s+)?[A-Z][\w&'’.]*(?:\s+(?:&\s+)?[A-Z][\w&'’.]*){0,3})|(?-u:\b)((?:the\s+)?[A-Z][\w&'’.]*(?:\s+(?:&\s+)?[A-Z][\w&'’.]*){0,3})\s+(?:understands|has learned|has learnt|has seen|revealed|has revealed|reported|has reported|readers)(?-u:\b)",
    )
    .expect("attribution regex")
});

/// The publication, as the text names it: footer boilerplate first, then
/// "told Community Care"-style mentions of a known outlet.
pub fn outlet(text: &str, layout: &Layout) -> Option<Found<String>> {
    for b in layout
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Footer | BlockKind::Furniture))
    {
        let line = &text[b.range.clone()];
        if let Some(c) = FOOTER_OUTLET.captures(line)
            && let Some(m) = c.get(1).or_else(|| c.get(2))
        {
            let surface = m.as_str().trim_end_matches(['.', ',']);
            let trimmed_year =
                surface.trim_end_matches(|ch: char| ch.is_ascii_digit() || ch == ' ');
            if let Some(found) = outlet_found(b.range.start + m.start(), trimmed_year, true) {
                return Some(found);
            }
        }
    }
    for c in ATTRIBUTION.captures_iter(text) {
        if let Some(m) = c.get(1).or_else(|| c.get(2))
            && let Some(found) = outlet_found(m.start(), m.as_str(), false)
        {
            return Some(found);
        }
    }
    // A known outlet named in the footer or furniture (photo credits, promos).
    for b in layout.blocks.iter().filter(|b| {
        matches!(
            b.kind,
            BlockKind::Footer | BlockKind::Furniture | BlockKind::Header
        )
    }) {
        if let Some(m) = OUTLET_NAMES.find(&text[b.range.clone()]) {
            let start = b.range.start + m.start();
            return Some(Found {
                value: OUTLETS[m.pattern().as_usize()].name.clone(),
                range: start..b.range.start + m.end(),
            });
        }
    }
    None
}

/// An outlet found at byte `start` with surface text `surface`: known
/// outlets by their canonical name; unknown ones only from footer lines.
fn outlet_found(start: usize, surface: &str, from_footer: bool) -> Option<Found<String>> {
    let surface = surface.trim();
    let lead = if surface.starts_with("the ") { 4 } else { 0 };
    let core = &surface[lead..];
    // The longest known name that starts the phrase ("CYP Now Digital" -> "CYP Now").
    let words: Vec<&str> = core.split_whitespace().collect();
    for n in (1..=words.len()).rev() {
        let candidate = words[..n].join(" ");
        if let Some(name) = known_outlet(&candidate) {
            let len = core
                .char_indices()
                .scan(0, |count, (i, c)| {
                    if c.is_whitespace() {
                        *count += 1;
                    }
                    Some((i, *count))
                })
                .find(|&(_, count)| count == n)
                .map(|(i, _)| i)
                .unwrap_or(core.len());
            let s = start + lead;
            return Some(Found {
                value: name.to_string(),
                range: s..s + len.min(core.len()),
            });
        }
    }
    if from_footer && !words.is_empty() && !names::has_non_name_word(core) {
        let s = start + lead;
        return Some(Found {
            value: core.to_string(),
            range: s..s + core.len(),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::layout::layout;
    use super::*;

    const ARTICLE: &str = "Council told to improve after damning verdict\n\nBy Jane Doe, social affairs reporter\nTuesday 2nd October 2018\n\nInspectors said the council's children's services were inadequate in almost every respect, a report found.\n\nMore from CYP Now\n\nSubscribe";

    #[test]
    fn header_fields() {
        let l = layout(ARTICLE);
        let h = headline(ARTICLE, &l).expect("headline");
        assert_eq!(h.value, "Council told to improve after damning verdict");
        let b = byline(ARTICLE, &l).expect("byline");
        assert_eq!(b.value, "Jane Doe");
        assert_eq!(&ARTICLE[b.range.clone()], "Jane Doe");
        let p = published(ARTICLE, &l).expect("date");
        assert_eq!(p.value.to_iso(), "2018-10-02");
        assert_eq!(&ARTICLE[p.range.clone()], "Tuesday 2nd October 2018");
        let o = outlet(ARTICLE, &l).expect("outlet");
        assert_eq!(o.value, "CYP Now");
        assert_eq!(&ARTICLE[o.range.clone()], "CYP Now");
    }

    #[test]
    fn captions_and_credits_are_not_bylines() {
        let t = "Headline of the piece\n\nPhoto: agency/Fotolia\nTown Hall\n\nA long enough first paragraph of the article that is clearly prose text.";
        let l = layout(t);
        assert_eq!(byline(t, &l), None);
    }

    #[test]
    fn outlet_from_a_told_mention() {
        let t = "Headline\n\nThe director told Community Care that the council would appeal against the findings of the report.";
        let l = layout(t);
        assert_eq!(
            outlet(t, &l).map(|o| o.value),
            Some("Community Care".to_string())
        );
    }

    #[test]
    fn unknown_outlet_from_copyright_footer() {
        let t = "Headline\n\nA long enough first paragraph of the article that is clearly prose text here.\n\n© Wessex Courier 2019";
        let l = layout(t);
        assert_eq!(
            outlet(t, &l).map(|o| o.value),
            Some("Wessex Courier".to_string())
        );
    }
}
