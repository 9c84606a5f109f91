//! The publication the article comes from, as the text names it.

use super::Found;
use crate::extract::layout::{BlockKind, Layout};
use crate::extract::lexicon::outlets::{known_outlet, outlet_by_stem, outlet_name_in};
use crate::extract::names;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

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
        if let Some(name) = outlet_by_stem(stem.as_str()) {
            return Some((all.range(), name));
        }
    }
    None
}
