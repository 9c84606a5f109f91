//! The author's name from the header lines.

use super::{Found, without_markup};
use crate::extract::layout::{BlockKind, Layout, is_salutation};
use crate::extract::lexicon::outlets::is_outlet_name;
use crate::extract::{dates, names};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

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
    let mut header: Vec<_> = layout
        .blocks
        .iter()
        .skip(1)
        .take_while(|b| b.kind != BlockKind::Body)
        .filter(|b| b.kind == BlockKind::Header)
        .collect();
    header.extend(dateline_after_the_lede(text, layout));
    // A letter's header is its letterhead and the addressee's name and
    // address, none of them its writer.
    if header.iter().any(|b| is_salutation(&text[b.range.clone()])) {
        return None;
    }
    for b in header {
        let range = without_markup(text, b.range.clone());
        let line = &text[range.clone()];
        // Bars and bullets between an outlet, a date and a name are not words.
        let words = line
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        if words > 10 {
            continue;
        }
        let found = byline_line(text, range.clone())
            .or_else(|| labelled_name(text, range.clone()))
            .or_else(|| name_in_a_segment(text, range.clone()))
            .or_else(|| name_before_a_date(text, range.clone()))
            .or_else(|| labelled_name_in_capitals(text, range.clone()));
        if found.is_some() {
            return found;
        }
        // "Posted on 2 May 2019 by Jane Doe"
        if line
            .split_whitespace()
            .any(|w| w.eq_ignore_ascii_case("by"))
            && let Some(found) = name_after_by(text, range)
        {
            return Some(found);
        }
    }
    None
}

/// The short lines right after a lede that a dateline opens ("Children's
/// services in X remain inadequate ...", then "Published 21st February
/// 2024", then "Jane Doe, chief reporter"): a standfirst set as the first
/// paragraph pushes the date and byline below it.
fn dateline_after_the_lede<'l>(
    text: &str,
    layout: &'l Layout,
) -> impl Iterator<Item = &'l crate::extract::layout::Block> {
    let blocks = &layout.blocks;
    let lede = blocks.iter().position(|b| b.kind == BlockKind::Body);
    let after = lede.map_or(&blocks[..0], |i| &blocks[(i + 1).min(blocks.len())..]);
    let opens_with_date = after.first().is_some_and(|b| {
        b.kind != BlockKind::Body && !dates::day_dates(&text[b.range.clone()]).is_empty()
    });
    let take = if opens_with_date { 2 } else { 0 };
    after
        .iter()
        .take(take)
        .skip(1)
        .filter(|b| b.kind != BlockKind::Body)
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
pub(super) fn word_spans(s: &str) -> impl Iterator<Item = (usize, &str)> {
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

/// A name and then the date, on one line ("Jane Doe 08 February 2024").
fn name_before_a_date(text: &str, range: Range<usize>) -> Option<Found<String>> {
    let line = &text[range.clone()];
    let end = leading_name_len(line)?;
    let rest = line[end..]
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '-' | '–'));
    let date = dates::day_dates(rest).into_iter().next()?;
    if date.range.start != 0 {
        return None;
    }
    Some(Found {
        value: line[..end].to_string(),
        range: range.start..range.start + end,
    })
}

/// A name in capitals after a byline label ("By JANE DOE", "BY JANE
/// O'NEILL-SMITH, CHIEF REPORTER"), given in title case.
fn labelled_name_in_capitals(text: &str, range: Range<usize>) -> Option<Found<String>> {
    let line = &text[range.clone()];
    let label = BYLINE_LABEL.find(line)?;
    let rest = &line[label.end()..];
    let mut end = 0;
    let mut words = Vec::new();
    for (at, word) in word_spans(rest).take(3) {
        let bare = word.trim_end_matches([',', ';', ':']);
        let capitals = bare.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && bare
                .chars()
                .all(|c| c.is_uppercase() || matches!(c, '\'' | '’' | '-' | '.'));
        if !capitals {
            break;
        }
        end = at + bare.len();
        words.push(title_cased(bare));
        if bare.len() < word.len() {
            break;
        }
    }
    let name = words.join(" ");
    let person =
        words.len() >= 2 && (names::could_be_person(&name) || names::starts_with_first_name(&name));
    if !person || names::has_non_name_word(&name) {
        return None;
    }
    let start = range.start + label.end();
    Some(Found {
        value: name,
        range: start..start + end,
    })
}

/// A word in capitals in title case, a capital after each apostrophe or
/// hyphen ("O'NEILL-SMITH" -> "O'Neill-Smith").
fn title_cased(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut capital_next = true;
    for c in word.chars() {
        if capital_next {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        capital_next = matches!(c, '\'' | '’' | '-');
    }
    out
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
