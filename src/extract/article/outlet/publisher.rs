//! The publisher of a document that is not a newspaper's: a council's or
//! trust's press release ("Issued by ...", "contact the ... press
//! office"), the inspectorate's own release or letter ("From: Ofsted", the
//! letterhead), and a blog or organisation named by its masthead.

use super::names::{Named, could_be_publication, name_at, name_len_at, named, plain_spaced};
use crate::extract::article::Found;
use crate::extract::engine::Table;
use crate::extract::layout::{Block, BlockKind, Layout, is_label};
use crate::gazetteer::Gazetteer;
use std::ops::Range;
use std::sync::LazyLock;

/// Public bodies that publish their own releases and letters about
/// children's services.
const PUBLIC_BODIES: &[&str] = &["Ofsted", "Department for Education"];

/// The organisation a name stands for, as the outlet of its own document:
/// an issuer (see `issuer`) or a listed publication.
pub(super) fn organisation(name: &str) -> Option<String> {
    issuer(name).or_else(|| match named(name) {
        Named::Publication { name: listed, len } if len == name.trim_end().len() => {
            Some(listed.to_string())
        }
        _ => None,
    })
}

/// A public body, or a council or trust named in full ("North Somerset
/// Council", "Sandwell Children's Trust"), that issues its own releases
/// and letters.
fn issuer(name: &str) -> Option<String> {
    let plain = plain_spaced(name);
    let name = plain.as_str();
    if let Some(body) = PUBLIC_BODIES.iter().find(|b| b.eq_ignore_ascii_case(name)) {
        return Some(body.to_string());
    }
    let mentions = Gazetteer::get().mentions(name);
    let whole = mentions
        .first()
        .is_some_and(|m| m.start == 0 && m.end == name.len());
    (whole && name.contains(' ')).then(|| name.to_string())
}

/// Where a release's cue stands and what must follow the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ReleaseCue {
    /// "Issued by Kent County Council": opens its line.
    IssuedBy,
    /// "contact the Kent County Council press office".
    PressOffice,
}

static RELEASE_CUES: LazyLock<Table<ReleaseCue>> = LazyLock::new(|| {
    Table::new(
        "(?i)",
        [
            (
                r"(?:issued|released|published)\s+(?:by|on\s+behalf\s+of)\s+(?:the\s+)?",
                ReleaseCue::IssuedBy,
            ),
            (
                r"(?:contact|call|e-?mail|phone|ring)\s+(?:the\s+)?",
                ReleaseCue::PressOffice,
            ),
        ],
    )
});

/// Whether `rest` opens with a press office ("press office",
/// "’s communications team").
fn is_press_office(rest: &str) -> bool {
    let rest = rest
        .strip_prefix("'s")
        .or_else(|| rest.strip_prefix("’s"))
        .unwrap_or(rest);
    let mut words = rest.split_whitespace().map(|w| w.to_ascii_lowercase());
    let (Some(what), Some(unit)) = (words.next(), words.next()) else {
        return false;
    };
    matches!(
        what.as_str(),
        "press" | "media" | "communications" | "comms" | "news"
    ) && matches!(
        unit.trim_end_matches(['.', ',', ';']),
        "office" | "team" | "desk" | "unit" | "officer" | "department"
    )
}

/// The organisation a release's closing or footer line names as its
/// issuer.
fn issuer_in(text: &str, line: Range<usize>) -> Option<Found<String>> {
    let s = &text[line.clone()];
    RELEASE_CUES.find_iter(s).find_map(|hit| {
        if hit.yields == ReleaseCue::IssuedBy && hit.range.start > 0 {
            return None;
        }
        let (lead, name) = name_at(&s[hit.range.end..])?;
        let name_start = hit.range.end + lead;
        if hit.yields == ReleaseCue::PressOffice && !is_press_office(&s[name_start + name.len()..])
        {
            return None;
        }
        let value = organisation(name)?;
        let start = line.start + name_start;
        Some(Found {
            value,
            range: start..start + name.len(),
        })
    })
}

/// The issuer a press release names in its footer or closing lines.
pub(super) fn release_issuer(text: &str, layout: &Layout) -> Option<Found<String>> {
    let closing = layout
        .blocks
        .iter()
        .rev()
        .filter(|b| b.kind == BlockKind::Body)
        .take(3)
        .map(|b| b.range.clone());
    let footer = layout
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Footer | BlockKind::Furniture))
        .map(|b| b.range.clone());
    footer.chain(closing).find_map(|line| issuer_in(text, line))
}

/// How far into a document its publisher's "From:" line may stand (after
/// a label, the title and a summary paragraph).
const FIRST_LINES: usize = 8;

/// The publisher a gov.uk page gives near its top ("From: Ofsted", or
/// "From:" on a line of its own above the name).
pub(super) fn from_line(text: &str, layout: &Layout) -> Option<Found<String>> {
    let first = &layout.blocks[..layout.blocks.len().min(FIRST_LINES)];
    first.iter().enumerate().find_map(|(i, b)| {
        if b.kind == BlockKind::Body {
            return None;
        }
        let line = &text[b.range.clone()];
        let rest = line.strip_prefix("From:")?.trim();
        let (name, end) = if rest.is_empty() {
            let next = first.get(i + 1)?;
            (&text[next.range.clone()], next.range.end)
        } else {
            (rest, b.range.end)
        };
        let value = organisation(name)?;
        let start = end - name.len();
        Some(Found {
            value,
            range: start..end,
        })
    })
}

/// The document's first line when it is not the headline: a letterhead,
/// a masthead, a blog's name.
fn first_line<'t>(text: &'t str, layout: &'t Layout) -> Option<(&'t str, &'t Block)> {
    let first = layout.blocks.first()?;
    matches!(first.kind, BlockKind::Header | BlockKind::Furniture)
        .then(|| (&text[first.range.clone()], first))
}

/// The issuer a letterhead or a release's masthead names ("Ofsted",
/// "Kent County Council").
pub(super) fn masthead_issuer(text: &str, layout: &Layout) -> Option<Found<String>> {
    let (line, first) = first_line(text, layout)?;
    Some(Found {
        value: issuer(line)?,
        range: first.range.clone(),
    })
}

/// The publication a masthead names: a listed one ("Children & Young
/// People Now"), or an unlisted name on a line of its own before the
/// headline ("Practice Notes").
pub(super) fn masthead_publication(text: &str, layout: &Layout) -> Option<Found<String>> {
    let (line, first) = first_line(text, layout)?;
    let value = organisation(line).or_else(|| {
        (first.kind == BlockKind::Furniture && unlisted_publication(line))
            .then(|| plain_spaced(line))
    })?;
    Some(Found {
        value,
        range: first.range.clone(),
    })
}

/// A line that is all one capitalised name that could be a publication's
/// ("Practice Notes"), not a label ("Press release") or a line in
/// capitals.
fn unlisted_publication(line: &str) -> bool {
    let shouting = line
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    !shouting
        && !is_label(line)
        && name_len_at(line) == Some(line.len())
        && could_be_publication(line)
}

/// A blog's or small site's name in its closing line, before a strapline
/// ("Practice Notes - writing about social care since 2014").
pub(super) fn closing_strapline(text: &str, layout: &Layout) -> Option<Found<String>> {
    let last = layout.blocks.last()?;
    if !matches!(last.kind, BlockKind::Footer | BlockKind::Furniture) {
        return None;
    }
    let line = &text[last.range.clone()];
    let len = name_len_at(line)?;
    let name = &line[..len];
    let rest = line[len..].trim_start();
    let strapline = rest
        .strip_prefix(['-', '–', '—', '|'])
        .filter(|s| s.starts_with(char::is_whitespace))?
        .trim_start();
    if !strapline.starts_with(char::is_lowercase) || !unlisted_publication(name) {
        return None;
    }
    Some(Found {
        value: plain_spaced(name),
        range: last.range.start..last.range.start + len,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::layout::layout;

    const BODY: &str =
        "A long enough first paragraph of the release that is clearly prose text here.";

    fn publisher(t: &str) -> Option<String> {
        let l = layout(t);
        release_issuer(t, &l)
            .or_else(|| from_line(t, &l))
            .or_else(|| masthead_issuer(t, &l))
            .or_else(|| masthead_publication(t, &l))
            .or_else(|| closing_strapline(t, &l))
            .map(|f| f.value)
    }

    #[test]
    fn a_release_names_its_issuer_in_its_contact_line() {
        let t = format!(
            "Council welcomes report\n\n{BODY}\n\nENDS\n\nFor media enquiries contact the Wigan Council press office on 01942 000000."
        );
        assert_eq!(publisher(&t).as_deref(), Some("Wigan Council"));
        let t = format!(
            "Council welcomes report\n\n{BODY}\n\nNotes to editors\n\nPlease call Wigan Council's communications team."
        );
        assert_eq!(publisher(&t).as_deref(), Some("Wigan Council"));
        // A council's helpline is not its press office.
        let t = format!(
            "Council welcomes report\n\n{BODY}\n\nWorried? Contact Wigan Council on 01942 000000."
        );
        assert_eq!(publisher(&t), None);
    }

    #[test]
    fn the_inspectorate_as_publisher() {
        let t = format!("Press release\n\nMore homes open\n\nFrom: Ofsted\n\n{BODY}");
        assert_eq!(publisher(&t).as_deref(), Some("Ofsted"));
        let t =
            format!("More homes open\n\n{BODY}\n\nFrom:\nOfsted\nPublished\n2 May 2023\n\n{BODY}");
        assert_eq!(publisher(&t).as_deref(), Some("Ofsted"));
    }

    #[test]
    fn a_blog_named_by_its_closing_strapline() {
        let t = format!(
            "A post title\n\n{BODY}\n\nShare this:\n\nFieldside Notes - thoughts on social work since 2010"
        );
        assert_eq!(publisher(&t).as_deref(), Some("Fieldside Notes"));
    }
}
