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
    let range = without_markup(text, b.range.clone());
    let line = &text[range.clone()];
    // A file that opens with a long paragraph has no headline line.
    if line.is_empty() || line.chars().count() > 220 || !dates::day_dates(line).is_empty() {
        return None;
    }
    Some(Found {
        value: line.to_string(),
        range,
    })
}

/// A line without Markdown heading marks and emphasis around it
/// ("# Headline", "*By Jane Doe*", "**2 May 2019**").
fn without_markup(text: &str, range: Range<usize>) -> Range<usize> {
    let line = &text[range.clone()];
    let after_marks = line.trim_start_matches('#');
    let start_trimmed = if after_marks.len() < line.len() && after_marks.starts_with(' ') {
        after_marks
    } else {
        line
    };
    let inner = start_trimmed
        .trim_start_matches(['*', '_', ' '])
        .trim_end_matches(['*', '_', ' ']);
    if inner.is_empty() {
        return range;
    }
    let start = range.start + (inner.as_ptr() as usize - line.as_ptr() as usize);
    start..start + inner.len()
}

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:(?:written |words |posted |reported )?by:?\s+)?((?:[A-Z][a-zà-ÿ'’]+|[A-Z]\.)(?:[\s-](?:[A-Z][a-zà-ÿ'’]+|[A-Z]\.|Mc[A-Z][a-z]+|O’[A-Z][a-z]+|O'[A-Z][a-z]+|de|van|von|da|del|le)){1,3})(?:\s*(?:,|\||–|-|—)\s*.*)?$",
    )
    .expect("byline regex")
});

/// The author's name from the header lines ("By Jane Doe", "Jane Doe,
/// social affairs reporter", "Jane Doe | Community Care", "Words: Jane
/// Doe", "ByJane Doe Chief Reporter", "Community Care | 2 May 2019 | Jane
/// Doe").
pub fn byline(text: &str, layout: &Layout) -> Option<Found<String>> {
    let header = layout
        .blocks
        .iter()
        .skip(1)
        .take_while(|b| b.kind != BlockKind::Body)
        .filter(|b| b.kind == BlockKind::Header);
    for b in header {
        let range = without_markup(text, b.range.clone());
        let line = &text[range.clone()];
        if line.split_whitespace().count() > 10 {
            continue;
        }
        let found = byline_line(text, range.clone())
            .or_else(|| labelled_name(text, range.clone()))
            .or_else(|| name_in_a_segment(text, range.clone()));
        if found.is_some() {
            return found;
        }
        // "Posted on 2 May 2019 by Jane Doe"
        let lower = line.to_ascii_lowercase();
        if (lower.starts_with("by ") || lower.contains(" by "))
            && let Some(found) = name_after_by(text, range)
        {
            return Some(found);
        }
    }
    None
}

/// A line that is a byline as a whole: a name, after "By" or not, with
/// anything after it set off by a comma, bar or dash.
fn byline_line(text: &str, range: Range<usize>) -> Option<Found<String>> {
    let line = &text[range.clone()];
    let m = BYLINE.captures(line)?.get(1)?;
    let name = m.as_str();
    let surname_word = names::first_name_and_surname(name);
    if !names::could_be_person(name)
        && !surname_word
        && !line.to_ascii_lowercase().starts_with("by ")
    {
        return None;
    }
    if names::has_non_name_word(name) && !surname_word {
        return None;
    }
    Some(Found {
        value: name.to_string(),
        range: range.start + m.start()..range.start + m.end(),
    })
}

static BYLINE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?:(?:written|words|posted|reported|story|text)\s+)?by:?\s*|(?:words|text|author|reporter|writer|story)\s*:\s*)")
        .expect("byline label regex")
});

/// The name after a byline label, up to the first word that is not a
/// name's: "Words: Jane Doe", and "ByJane Doe Chief Reporter" as scraped
/// pages run the label, name and role together.
fn labelled_name(text: &str, range: Range<usize>) -> Option<Found<String>> {
    let line = &text[range.clone()];
    let label = BYLINE_LABEL.find(line)?;
    let rest = &line[label.end()..];
    if label.as_str().ends_with(|c: char| c.is_ascii_alphabetic())
        && !rest.starts_with(|c: char| c.is_ascii_uppercase())
    {
        return None;
    }
    let end = leading_name_len(rest)?;
    let start = range.start + label.end();
    Some(Found {
        value: rest[..end].to_string(),
        range: start..start + end,
    })
}

/// The length of the two or three name words that open `s`, if they do.
fn leading_name_len(s: &str) -> Option<usize> {
    let mut end = 0;
    let mut words = 0;
    for (at, word) in word_spans(s).take(3) {
        // A comma or colon ends the name ("ByJane Doe, Chief Reporter").
        let bare = word.trim_end_matches([',', ';', ':']);
        if !is_name_word(bare) || names::has_non_name_word(bare) {
            break;
        }
        end = at + bare.len();
        words += 1;
        if bare.len() < word.len() {
            break;
        }
    }
    let name = &s[..end];
    (words >= 2 && (names::could_be_person(name) || names::starts_with_first_name(name)))
        .then_some(end)
}

/// A word shaped like part of a name: a capital, then letters,
/// apostrophes, hyphens or a point, with no capital straight after a small
/// letter ("PriceBBC" is two words run together) except in "McDonald" and
/// "MacLeod".
fn is_name_word(word: &str) -> bool {
    let mut previous: Option<char> = None;
    for (i, c) in word.char_indices() {
        let ok = match previous {
            None => c.is_uppercase(),
            Some(p) if c.is_uppercase() && p.is_lowercase() => {
                matches!(&word[..i], "Mc" | "Mac")
            }
            Some(_) => c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'),
        };
        if !ok {
            return false;
        }
        previous = Some(c);
    }
    previous.is_some()
}

/// The words of `s` with their byte offsets.
fn word_spans(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

/// A byline in one part of a line that sets outlet, date and author apart
/// with bars or bullets ("Community Care | 2 May 2019 | Jane Doe").
fn name_in_a_segment(text: &str, range: Range<usize>) -> Option<Found<String>> {
    let line = &text[range.clone()];
    let is_separator = |c: char| matches!(c, '|' | '•' | '·');
    if !line.contains(is_separator) {
        return None;
    }
    let separators = line
        .char_indices()
        .filter(|&(_, c)| is_separator(c))
        .map(|(i, c)| (i, i + c.len_utf8()))
        .chain(std::iter::once((line.len(), line.len())));
    let mut part_start = 0;
    for (separator_start, separator_end) in separators {
        let part = &line[part_start..separator_start];
        let trimmed = part.trim();
        let start = range.start + part_start + (part.len() - part.trim_start().len());
        part_start = separator_end;
        if trimmed.is_empty() || is_outlet_name(trimmed) {
            continue;
        }
        let part_range = start..start + trimmed.len();
        let found = labelled_name(text, part_range.clone()).or_else(|| {
            (leading_name_len(trimmed) == Some(trimmed.len())).then(|| Found {
                value: trimmed.to_string(),
                range: part_range,
            })
        });
        if found.is_some() {
            return found;
        }
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
        if let Some(found) = first_day_date(line, b.range.start) {
            return Some(found);
        }
    }
    for b in &layout.blocks {
        let line = &text[b.range.clone()];
        if line.chars().count() <= 100
            && PUBLISHED_LABEL.is_match(line)
            && let Some(found) = first_day_date(line, b.range.start)
        {
            return Some(found);
        }
    }
    None
}

/// The first full date in a dateline starting at byte `start`, with month
/// names in capitals read too ("10:32, 18 DEC 2019").
fn first_day_date(line: &str, start: usize) -> Option<Found<PartialDate>> {
    let found = dates::day_dates(line).into_iter().next().or_else(|| {
        let title_cased = month_names_title_cased(line)?;
        dates::day_dates(&title_cased).into_iter().next()
    })?;
    Some(Found {
        value: found.date,
        range: start + found.range.start..start + found.range.end,
    })
}

/// `line` with month names written in capitals ("DEC", "MARCH") in title
/// case, at the same byte offsets; `None` when it has none.
fn month_names_title_cased(line: &str) -> Option<String> {
    let mut out = line.to_string();
    let mut changed = false;
    for (at, word) in word_spans(line) {
        let word = word.trim_end_matches(['.', ',']);
        let capitals = word.len() >= 3 && word.bytes().all(|b| b.is_ascii_uppercase());
        if capitals && dates::month_number(word).is_some() {
            out[at + 1..at + word.len()].make_ascii_lowercase();
            changed = true;
        }
    }
    changed.then_some(out)
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

/// Outlet names to look for in boilerplate: canonical names longer than
/// four letters and the aliases that cannot be ordinary words (several
/// words, acronyms, "KentOnline", domains), each with its `OUTLETS` index.
static OUTLET_NAMES: LazyLock<(AhoCorasick, Vec<usize>)> = LazyLock::new(|| {
    let mut patterns: Vec<&str> = Vec::new();
    let mut owners: Vec<usize> = Vec::new();
    for (i, o) in OUTLETS.iter().enumerate() {
        if o.name.len() > 4 {
            patterns.push(&o.name);
            owners.push(i);
        }
        for a in o.aliases.iter().filter(|a| distinctive_alias(a)) {
            patterns.push(a);
            owners.push(i);
        }
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .expect("outlet names");
    (automaton, owners)
});

/// An alias that names the outlet wherever it appears: more than one word,
/// an acronym, a word with a capital inside ("KentOnline") or a domain.
fn distinctive_alias(alias: &str) -> bool {
    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
    let acronym = letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase());
    let inner_capital = alias.chars().skip(1).any(char::is_uppercase);
    (alias.contains(' ') && alias.len() > 5) || acronym || inner_capital || alias.contains('.')
}

/// The first known outlet name in `line` standing as whole words.
fn outlet_name_in(line: &str) -> Option<(Range<usize>, &'static str)> {
    let (automaton, owners) = &*OUTLET_NAMES;
    automaton
        .find_iter(line)
        .find(|m| {
            let before = line[..m.start()].chars().next_back();
            let after = line[m.end()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
        .map(|m| {
            let outlet = &OUTLETS[owners[m.pattern().as_usize()]];
            (m.range(), outlet.name.as_str())
        })
}

/// Whether a line is just an outlet's name ("BBC", "Community Care").
pub(super) fn is_outlet_name(line: &str) -> bool {
    known_outlet(line).is_some()
}

/// Letters and digits only, lower case: "Wigan Today" and the domain
/// "wigantoday.net" both become "wigantoday".
fn squashed(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:www\.)?([a-z0-9-]{3,40})\.(?:co\.uk|org\.uk|com|net|org|uk|news)(?-u:\b)",
    )
    .expect("domain regex")
});

/// A known outlet whose name or alias is a web domain's stem
/// ("wigantoday.net" -> "Wigan Today").
fn outlet_by_domain(line: &str) -> Option<(Range<usize>, &'static str)> {
    for c in DOMAIN.captures_iter(line) {
        let (Some(all), Some(stem)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let stem = squashed(stem.as_str());
        let found = OUTLETS.iter().find(|o| {
            let name = squashed(&o.name);
            name == stem
                || name.strip_prefix("the") == Some(stem.as_str())
                || o.aliases.iter().any(|a| squashed(a) == stem)
        });
        if let Some(o) = found {
            return Some((all.range(), o.name.as_str()));
        }
    }
    None
}

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
        r"^(?:More (?:news |stories |articles )?from|Subscribe to|Sign up to|Follow|Copyright ©?|©|\(c\)|Issued by|Released by|Published by|This (?:article|story) (?:first )?appeared (?:in|on))\s*(?:\d{4}\s+)?(?:the\s+)?([A-Z][\w&'’.]*(?:\s+(?:&\s+)?[A-Z][\w&'’.]*){0,4})|^([A-Z][\w&'’.]*(?:\s+(?:&\s+)?[A-Z][\w&'’.]*){0,3})\s+(?:Digital membership|Magazine|newsletter)(?-u:\b)",
    )
    .expect("footer outlet regex")
});

static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:told|speaking to|seen by|obtained by|contacted by|according to|in an interview with|first appeared in|first appeared on|first published in|first published by)\s+((?:the\s+)?[A-Z][\w&'’.]*(?:\s+(?:&\s+)?[A-Z][\w&'’.]*){0,3})|(?-u:\b)((?:the\s+)?[A-Z][\w&'’.]*(?:\s+(?:&\s+)?[A-Z][\w&'’.]*){0,3})\s+(?:understands|has learned|has learnt|has seen|revealed|has revealed|reported|has reported|readers|asked|has asked|contacted|has contacted|approached|has approached|will publish|has published)(?-u:\b)",
    )
    .expect("attribution regex")
});

/// The publication, as the text names it: a name in footer boilerplate
/// ("More from CYP Now", "© Wessex Courier 2019"); else a known outlet in
/// "told Community Care"-style mentions, in the footer or header
/// furniture, or in a closing line that promotes the outlet ("Email the
/// Daily Echo newsdesk"); else the publishing company a footer names.
pub fn outlet(text: &str, layout: &Layout) -> Option<Found<String>> {
    let mut unknown_from_footer = None;
    for b in layout
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Footer | BlockKind::Furniture))
    {
        let line = &text[b.range.clone()];
        let Some(m) = FOOTER_OUTLET
            .captures(line)
            .and_then(|c| c.get(1).or_else(|| c.get(2)))
        else {
            continue;
        };
        let surface = m.as_str().trim_end_matches(['.', ',']);
        let trimmed_year = surface.trim_end_matches(|ch: char| ch.is_ascii_digit() || ch == ' ');
        let start = b.range.start + m.start();
        match outlet_found(start, trimmed_year, true) {
            // A publishing company ("© 2019 Example Media Ltd") is not the
            // outlet, which the text may name elsewhere.
            Some(found) if is_company_name(&found.value) => {
                unknown_from_footer.get_or_insert(found);
            }
            Some(found) => return Some(found),
            // A press release's own organisation: "Issued by Kent County Council".
            None => {
                if let Some(org) = issuing_organisation(trimmed_year) {
                    return Some(Found {
                        value: org.to_string(),
                        range: start..start + org.len(),
                    });
                }
            }
        }
    }
    outlet_attributed(text)
        .or_else(|| outlet_in_furniture(text, layout))
        .or_else(|| outlet_in_closing_promotion(text, layout))
        .or(unknown_from_footer)
}

fn is_company_name(name: &str) -> bool {
    name.split_whitespace().any(|w| {
        matches!(
            w.trim_end_matches(['.', ',']),
            "Ltd" | "Limited" | "plc" | "PLC" | "Plc" | "LLP" | "Inc" | "Publishing" | "Media"
        )
    })
}

/// A known outlet that the body names as the one speaking or spoken to
/// ("told Community Care", "LGC has asked").
fn outlet_attributed(text: &str) -> Option<Found<String>> {
    ATTRIBUTION.captures_iter(text).find_map(|c| {
        let m = c.get(1).or_else(|| c.get(2))?;
        outlet_found(m.start(), m.as_str().trim_end_matches(['.', ',']), false)
    })
}

/// A known outlet named in the footer, furniture or header (photo
/// credits, promotions, a domain).
fn outlet_in_furniture(text: &str, layout: &Layout) -> Option<Found<String>> {
    layout
        .blocks
        .iter()
        .filter(|b| {
            matches!(
                b.kind,
                BlockKind::Footer | BlockKind::Furniture | BlockKind::Header
            )
        })
        .find_map(|b| {
            let line = &text[b.range.clone()];
            let (r, name) = outlet_name_in(line).or_else(|| {
                (b.kind != BlockKind::Header)
                    .then(|| outlet_by_domain(line))
                    .flatten()
            })?;
            Some(Found {
                value: name.to_string(),
                range: b.range.start + r.start..b.range.start + r.end,
            })
        })
}

/// Words of the line with which news sites close an article to promote
/// themselves ("Got a story? Email the ... newsdesk", "all the latest
/// news from the ...", "This story first appeared in the ...").
const PROMOTION_WORDS: &[&str] = &[
    "newsdesk",
    "news desk",
    "news from",
    "latest",
    "first appeared",
    "email",
    "e-mail",
    "get in touch",
    "got a story",
    "follow",
    "sign up",
    "subscribe",
    "newsletter",
    "download",
];

/// A known outlet named in one of the last two body paragraphs when that
/// paragraph promotes the outlet (see `PROMOTION_WORDS`).
fn outlet_in_closing_promotion(text: &str, layout: &Layout) -> Option<Found<String>> {
    layout
        .blocks
        .iter()
        .rev()
        .filter(|b| b.kind == BlockKind::Body)
        .take(2)
        .find_map(|b| {
            let line = &text[b.range.clone()];
            let lower = line.to_lowercase();
            if !PROMOTION_WORDS.iter().any(|w| lower.contains(w)) {
                return None;
            }
            let (r, name) = outlet_name_in(line)?;
            Some(Found {
                value: name.to_string(),
                range: b.range.start + r.start..b.range.start + r.end,
            })
        })
}

/// A council or trust named in full, which a press release's footer gives
/// as its publisher.
fn issuing_organisation(surface: &str) -> Option<&str> {
    let surface = surface.trim();
    let mentions = crate::gazetteer::Gazetteer::get().mentions(surface);
    let m = mentions.first()?;
    (m.start == 0 && m.end == surface.len() && surface.contains(' ')).then_some(surface)
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

    fn outlet_of(t: &str) -> Option<String> {
        outlet(t, &layout(t)).map(|o| o.value)
    }

    const BODY: &str =
        "A long enough first paragraph of the article that is clearly prose text here.";

    #[test]
    fn outlet_from_an_alias_in_the_furniture() {
        let t = format!(
            "Headline\n\n{BODY}\n\n---\n\n*This article first appeared in Children and Young People Now.*"
        );
        assert_eq!(outlet_of(&t), Some("CYP Now".to_string()));
        let t = format!("Headline\n\n{BODY}\n\nMore news from KentOnline");
        assert_eq!(outlet_of(&t), Some("Kent Online".to_string()));
    }

    #[test]
    fn outlet_from_a_bare_domain() {
        let t = format!("Headline\n\n{BODY}\n\nwigantoday.net");
        assert_eq!(outlet_of(&t), Some("Wigan Today".to_string()));
    }

    #[test]
    fn outlet_as_subject_of_an_outlet_verb() {
        let t = format!(
            "Headline\n\n{BODY}\n\nLGC has asked the council for its response to the report on its services."
        );
        assert_eq!(
            outlet_of(&t),
            Some("Local Government Chronicle".to_string())
        );
    }

    #[test]
    fn press_release_issued_by_a_council() {
        let t = format!(
            "PRESS RELEASE\n\nHeadline of the release\n\n{BODY}\n\nNotes to editors\n\nIssued by the Slough Borough Council communications team."
        );
        assert_eq!(outlet_of(&t), Some("Slough Borough Council".to_string()));
        assert_eq!(
            headline(&t, &layout(&t)).map(|h| h.value),
            Some("Headline of the release".to_string())
        );
    }

    #[test]
    fn markdown_marks_are_not_part_of_the_values() {
        let t = format!("# Council rated good\n\n*By Ann Lee*\n\n*March 13, 2019*\n\n{BODY}");
        let l = layout(&t);
        let h = headline(&t, &l).expect("headline");
        assert_eq!(&t[h.range.clone()], "Council rated good");
        let b = byline(&t, &l).expect("byline");
        assert_eq!(&t[b.range.clone()], "Ann Lee");
        assert_eq!(
            published(&t, &l).map(|p| p.value.to_iso()),
            Some("2019-03-13".to_string())
        );
    }

    fn byline_of(header: &str) -> Option<String> {
        let t = format!("Council told to improve\n\n{header}\n\n{BODY}");
        byline(&t, &layout(&t)).map(|b| {
            assert_eq!(t[b.range.clone()], b.value);
            b.value
        })
    }

    #[test]
    fn bylines_with_labels_run_together_or_between_bars() {
        assert_eq!(
            byline_of("Words: Tom Briggs"),
            Some("Tom Briggs".to_string())
        );
        assert_eq!(
            byline_of("Words by Tom Briggs"),
            Some("Tom Briggs".to_string())
        );
        assert_eq!(
            byline_of("ByTom Briggs Chief Reporter"),
            Some("Tom Briggs".to_string())
        );
        assert_eq!(
            byline_of("ByTom Briggs, Education Correspondent"),
            Some("Tom Briggs".to_string())
        );
        assert_eq!(
            byline_of("Liverpool Echo | Tue, 2 Mar 2021 | Tom Briggs"),
            Some("Tom Briggs".to_string())
        );
        assert_eq!(
            byline_of("Liverpool Echo • 2 March 2021 • By Tom Briggs"),
            Some("Tom Briggs".to_string())
        );
    }

    #[test]
    fn labels_and_bars_without_a_name_give_no_byline() {
        assert_eq!(byline_of("Words: 600"), None);
        assert_eq!(byline_of("By Ofsted inspectors"), None);
        assert_eq!(byline_of("Byron Council news"), None);
        assert_eq!(byline_of("News | Education | Children"), None);
        // Scraped lines run a name into the next field.
        assert_eq!(byline_of("ByTom BriggsLiverpool Echo"), None);
    }

    #[test]
    fn outlet_from_a_closing_line_that_promotes_it() {
        let t = format!("Headline\n\n{BODY}\n\nGot a story? Email the Liverpool Echo newsdesk.");
        assert_eq!(outlet_of(&t), Some("Liverpool Echo".to_string()));
        let t = format!(
            "Headline\n\n{BODY}\n\nKeep up with all the latest news from the Sunderland Echo."
        );
        assert_eq!(outlet_of(&t), Some("Sunderland Echo".to_string()));
        let t = format!("Headline\n\n{BODY}\n\nThis story first appeared in the Liverpool Echo.");
        assert_eq!(outlet_of(&t), Some("Liverpool Echo".to_string()));
        // Naming another outlet is not promoting it.
        let t = format!(
            "Headline\n\n{BODY}\n\nThe figures were first reported by the Liverpool Echo last year."
        );
        assert_eq!(outlet_of(&t), None);
    }

    #[test]
    fn a_publishing_company_in_the_footer_gives_way_to_the_outlet() {
        let t = format!(
            "Headline\n\n{BODY}\n\nGot a story? Email the Liverpool Echo newsdesk.\n\n© 2021 Example Media Publishing Ltd. All rights reserved."
        );
        assert_eq!(outlet_of(&t), Some("Liverpool Echo".to_string()));
    }

    #[test]
    fn datelines_with_month_names_in_capitals() {
        let t = format!(
            "Council told to improve\n\nByTom Briggs Reporter\n09:15, 4 FEB 2020\n\n{BODY}"
        );
        let p = published(&t, &layout(&t)).expect("date");
        assert_eq!(p.value.to_iso(), "2020-02-04");
        assert_eq!(&t[p.range.clone()], "4 FEB 2020");
        let t = format!("Council told to improve\n\nUPDATED: MARCH 3, 2021\n\n{BODY}");
        assert_eq!(
            published(&t, &layout(&t)).map(|p| p.value.to_iso()),
            Some("2021-03-03".to_string())
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
