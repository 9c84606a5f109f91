//! The publication the article comes from, as the text names it.
//!
//! Where a text names its own outlet, most sure first: a release's or
//! letter's issuer ("Issued by ...", "From: Ofsted", the letterhead or
//! masthead); the site naming itself in its closing lines and footer
//! ("Follow BBC Yorkshire on ...", "© 2024 Express & Star"), which names
//! a regional brand where a masthead may give only "BBC"; a masthead; a
//! listed outlet in the header (a byline's "Ann Lee, BBC London", a brand line);
//! a blog's closing strapline; a listed outlet in the furniture or a
//! closing promotion; and last the outlet the body cites as the one spoken
//! to ("told the Hereford Times"). Wire services and publishing groups are
//! never the outlet.

mod cues;
mod names;
mod publisher;

use super::Found;
use super::byline;
use crate::extract::layout::{BlockKind, Layout};
use crate::extract::lexicon::outlets::{
    KnownOutlet, OutletKind, is_title_shaped, known_outlet, outlet_by_stem, outlet_names_in,
};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pub fn outlet(text: &str, layout: &Layout) -> Option<Found<String>> {
    publisher::release_issuer(text, layout)
        .or_else(|| publisher::from_line(text, layout))
        .or_else(|| publisher::masthead_issuer(text, layout))
        .or_else(|| self_named(text, layout))
        .or_else(|| publisher::masthead_publication(text, layout))
        .or_else(|| outlet_in_header(text, layout))
        .or_else(|| publisher::closing_strapline(text, layout))
        .or_else(|| outlet_in_furniture(text, layout))
        .or_else(|| outlet_in_closing_promotion(text, layout))
        .or_else(|| outlet_cited(text, layout))
}

/// The blocks past the article's end and the last body paragraphs, where
/// a site promotes itself.
fn closing_lines(layout: &Layout) -> impl Iterator<Item = (Range<usize>, bool)> + '_ {
    let last_body = layout
        .blocks
        .iter()
        .rposition(|b| b.kind == BlockKind::Body)
        .unwrap_or(0);
    let closing_body = layout
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == BlockKind::Body)
        .rev()
        .take(CLOSING_PARAGRAPHS)
        .map(|(i, _)| i)
        .min()
        .unwrap_or(last_body);
    layout
        .blocks
        .iter()
        .enumerate()
        .filter(move |(i, b)| match b.kind {
            BlockKind::Footer => true,
            BlockKind::Furniture => *i > closing_body,
            BlockKind::Body => *i >= closing_body,
            _ => false,
        })
        .map(|(_, b)| (b.range.clone(), b.kind != BlockKind::Body))
}

/// How many of the last body paragraphs may hold a site's promotion of
/// itself.
const CLOSING_PARAGRAPHS: usize = 2;

/// The outlet a closing or footer line names as itself.
fn self_named(text: &str, layout: &Layout) -> Option<Found<String>> {
    closing_lines(layout).find_map(|(line, footer)| cues::self_named(text, line, footer))
}

/// The first listed publication (not a wire or group) in `line`.
fn publication_in(line: &str) -> Option<(Range<usize>, KnownOutlet)> {
    outlet_names_in(line)
        .into_iter()
        .find(|(_, o)| o.kind == OutletKind::Publication)
}

fn found_at(start: usize, r: Range<usize>, o: KnownOutlet) -> Found<String> {
    Found {
        value: o.name.to_string(),
        range: start + r.start..start + r.end,
    }
}

/// The most words of a header line that names the outlet (a byline, a
/// dateline, a brand line); a standfirst is longer and may name others.
const HEADER_LINE_WORDS: usize = 12;

/// A listed outlet in a short line before the body: "By Ann Lee, BBC
/// London", "ITV News Tyne Tees", "Tuesday May 14 2024, The Times".
fn outlet_in_header(text: &str, layout: &Layout) -> Option<Found<String>> {
    layout
        .blocks
        .iter()
        .take_while(|b| b.kind != BlockKind::Body)
        .filter(|b| matches!(b.kind, BlockKind::Header | BlockKind::Furniture))
        .find_map(|b| {
            let line = &text[b.range.clone()];
            if line.split_whitespace().count() > HEADER_LINE_WORDS {
                return None;
            }
            if let Some((r, o)) = publication_in(line) {
                // A standfirst's "told the BBC" cites another outlet.
                return (!is_cited_at(line, r.start)).then(|| found_at(b.range.start, r, o));
            }
            let r = title_shaped_part(line)?;
            Some(Found {
                value: names::plain_spaced(&line[r.clone()]),
                range: b.range.start + r.start..b.range.start + r.end,
            })
        })
}

/// Whether the name at byte `at` of `line` is cited as the one spoken to
/// ("told the BBC", "said to Sky News").
fn is_cited_at(line: &str, at: usize) -> bool {
    let mut before = line[..at].split_whitespace().rev();
    let last = before.next().unwrap_or("").to_ascii_lowercase();
    let last = if last == "the" {
        before.next().unwrap_or("").to_ascii_lowercase()
    } else {
        last
    };
    matches!(
        last.as_str(),
        "told" | "tells" | "telling" | "to" | "with" | "said" | "says"
    )
}

/// A part of a header line, set off by bars, bullets or a comma, that is
/// an unlisted newspaper's title ("Fenland Post | 2 May 2019 | Ann Lee",
/// "By Ann Lee, Fenland Post").
fn title_shaped_part(line: &str) -> Option<Range<usize>> {
    let mut start = 0;
    for part in line.split(['|', '•', '·', ',']) {
        let trimmed = part.trim();
        let at = start + (part.len() - part.trim_start().len());
        start += part.len() + 1;
        if is_title_shaped(trimmed) && names::name_len_at(trimmed) == Some(trimmed.len()) {
            return Some(at..at + trimmed.len());
        }
    }
    None
}

/// A listed outlet named in the footer or furniture (photo credits,
/// promotions, a domain).
fn outlet_in_furniture(text: &str, layout: &Layout) -> Option<Found<String>> {
    layout
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Footer | BlockKind::Furniture))
        .find_map(|b| {
            let line = &text[b.range.clone()];
            let (r, o) = publication_in(line).or_else(|| outlet_by_domain(line))?;
            Some(found_at(b.range.start, r, o))
        })
}

/// Words of the line with which news sites close an article to promote
/// themselves ("Got a story? Email the ... newsdesk", "all the latest
/// news from the ...").
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

/// A listed outlet named in one of the last body paragraphs when that
/// paragraph promotes the outlet (see `PROMOTION_WORDS`).
fn outlet_in_closing_promotion(text: &str, layout: &Layout) -> Option<Found<String>> {
    closing_lines(layout)
        .filter(|(_, footer)| !footer)
        .find_map(|(range, _)| {
            let line = &text[range.clone()];
            let lower = line.to_lowercase();
            if !PROMOTION_WORDS.iter().any(|w| lower.contains(w)) {
                return None;
            }
            let (r, o) = publication_in(line)?;
            Some(found_at(range.start, r, o))
        })
}

static OUTLET_AS_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"((?:[Tt]he\s+)?[A-Z][\p{Latin}0-9_&'’.]*(?:\s+(?:&\s+)?[A-Z][\p{Latin}0-9_&'’.]*){0,3})\s+(?:understands|has\s+learned|has\s+learnt|has\s+seen|revealed|has\s+revealed|reported|has\s+reported|readers|asked|has\s+asked|contacted|has\s+contacted|approached|has\s+approached|will\s+publish|has\s+published)(?-u:\b)",
    )
    .expect("outlet verb regex")
});

/// The outlet the body cites as the one spoken to ("told the Hereford
/// Times"), or a listed outlet as the subject of a newsroom's verb ("LGC
/// has asked", "Community Care understands").
fn outlet_cited(text: &str, layout: &Layout) -> Option<Found<String>> {
    let body = || {
        layout
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Body)
            .map(|b| b.range.clone())
    };
    body()
        .find_map(|line| cues::cited(text, line))
        .or_else(|| body().find_map(|line| listed_subject_of_verb(text, line)))
}

/// A listed publication that ends right before a newsroom's verb: the
/// shortest run of the capitalised words there that names one, so that a
/// capitalised word before the name ("Earlier Community Care revealed")
/// does not hide it.
fn listed_subject_of_verb(text: &str, line: Range<usize>) -> Option<Found<String>> {
    let s = &text[line.clone()];
    OUTLET_AS_SUBJECT.captures_iter(s).find_map(|c| {
        let m = c.get(1)?;
        let words: Vec<(usize, &str)> = byline::word_spans(m.as_str()).collect();
        words.iter().find_map(|&(at, _)| {
            let surface = &m.as_str()[at..];
            let known = known_outlet(surface)?;
            (known.kind == OutletKind::Publication)
                .then(|| found_at(line.start + m.start(), at..m.len(), known))
        })
    })
}

static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:www\.)?([a-z0-9-]{3,40})\.(?:co\.uk|org\.uk|com|net|org|uk|news)(?-u:\b)",
    )
    .expect("domain regex")
});

/// A listed outlet whose name or alias is a web domain's stem
/// ("wigantoday.net" -> "Wigan Today").
fn outlet_by_domain(line: &str) -> Option<(Range<usize>, KnownOutlet)> {
    DOMAIN.captures_iter(line).find_map(|c| {
        let all = c.get(0)?;
        let known = outlet_by_stem(c.get(1)?.as_str())?;
        (known.kind == OutletKind::Publication).then(|| (all.range(), known))
    })
}
