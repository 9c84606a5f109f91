//! Phrases after which a news site names itself in its closing lines and
//! footer ("Follow BBC Yorkshire on Facebook", "Sign up to the Bury Times
//! newsletter", "© 2024 Express & Star", "Email the Hull Daily Mail
//! newsdesk"), and phrases with which an article cites the outlet it was
//! written for ("told the Hereford Times", "confirmed to The Sentinel").

use super::names::{Named, could_be_publication, name_at, named, plain_spaced};
use crate::extract::article::Found;
use crate::extract::engine::Table;
use crate::extract::lexicon::outlets::is_title_shaped;
use std::ops::Range;
use std::sync::LazyLock;

/// How sure a cue makes it that the name after it is the article's own
/// outlet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Claim {
    /// The site speaks of itself ("© ...", "This story first appeared in
    /// ..."): an unlisted name counts when it could be a publication's.
    Own,
    /// A promotion, a link or a citation that may name something else
    /// ("Follow ... on", "More from Bradford", "told ..."): an unlisted
    /// name counts only when shaped like a newspaper's title ("Hereford
    /// Times").
    Cited,
}

/// What must follow the name for the cue to hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum After {
    Anything,
    /// "Follow BBC London on Facebook".
    On,
    /// "Email the Hull Daily Mail newsdesk".
    Newsdesk,
    /// "Sign up to the Bury Times newsletter", "Download the ... app",
    /// "Support the Yorkshire Post by subscribing".
    Product,
    /// "The Teesdale Mercury is on sale every Thursday": a paper selling
    /// itself.
    OnSale,
    /// A line that opens with the publisher describing itself: "Become
    /// is the charity for children in care", "The Teesdale Mercury is on
    /// sale every Thursday".
    SelfDescribed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Cue {
    pub claim: Claim,
    pub after: After,
    /// The cue must open its line ("More from ...", "Copyright ...").
    pub opens_line: bool,
}

const fn cue(claim: Claim, after: After, opens_line: bool) -> Cue {
    Cue {
        claim,
        after,
        opens_line,
    }
}

/// Closing-line and footer cues, each ending where the name starts.
static SELF_NAMING: LazyLock<Table<Cue>> = LazyLock::new(|| {
    use After::*;
    use Claim::*;
    Table::new(
        "(?i)",
        [
            (
                r"(?:copyright\s*)?(?:©|\(c\))\s*(?:copyright\s*)?(?:[0-9]{4}\s*)?",
                cue(Own, Anything, false),
            ),
            (r"copyright\s+(?:[0-9]{4}\s+)?", cue(Own, Anything, true)),
            (
                r"more\s+(?:news\s+|stories\s+|articles\s+)?from\s+",
                cue(Cited, Anything, true),
            ),
            (
                r"this\s+(?:article|story|piece)\s+(?:was\s+)?(?:first\s+|originally\s+)?(?:appeared|published)\s+(?:in|on|by)\s+",
                cue(Own, Anything, false),
            ),
            (
                r"(?:first|originally)\s+(?:appeared|published)\s+(?:in|on|by)\s+",
                cue(Own, Anything, true),
            ),
            (
                r"thank\s+you\s+for\s+(?:reading|supporting|choosing)\s+",
                cue(Own, Anything, false),
            ),
            (
                r"(?:sign\s+up|subscribe)\s+(?:to|for)\s+",
                cue(Cited, Anything, false),
            ),
            (r"follow\s+", cue(Cited, On, false)),
            (r"news\s+from\s+", cue(Cited, Anything, false)),
            (
                r"(?:e-?mail|contact|call)\s+(?:the\s+)?",
                cue(Cited, Newsdesk, false),
            ),
            (r"(?:download|get)\s+the\s+", cue(Cited, Product, false)),
            (r"support\s+", cue(Cited, Product, false)),
            (r"^", cue(Own, SelfDescribed, true)),
            (r"[.!?]\s+", cue(Cited, OnSale, false)),
        ],
    )
});

/// Body cues that cite the outlet the article was written for.
static CITING: LazyLock<Table<Cue>> = LazyLock::new(|| {
    let cited = cue(Claim::Cited, After::Anything, false);
    Table::new(
        "",
        [(
            r"(?-u:\b)(?:told|confirmed\s+to|speaking\s+to|spoke\s+to|talking\s+to|in\s+a\s+statement\s+to|in\s+an\s+interview\s+with)\s+",
            cited,
        )],
    )
});

/// Whether what follows the name completes the cue.
fn completes(after: After, rest: &str) -> bool {
    let rest = rest
        .strip_prefix("'s")
        .or_else(|| rest.strip_prefix("’s"))
        .unwrap_or(rest);
    let lower = plain_spaced(&rest.chars().take(60).collect::<String>()).to_ascii_lowercase();
    match after {
        After::Anything => true,
        After::On => lower.starts_with("on "),
        After::Newsdesk => ["newsdesk", "news desk", "news team", "newsroom"]
            .iter()
            .any(|w| lower.starts_with(w)),
        After::Product => {
            let clause = lower.split(['.', '!', '?']).next().unwrap_or("");
            clause.contains("newsletter")
                || clause.contains(" app")
                || clause.starts_with("app")
                || clause.contains("by subscribing")
        }
        After::SelfDescribed => {
            ["is the charity", "is a charity", "is the national charity"]
                .iter()
                .any(|w| lower.starts_with(w))
                || completes(After::OnSale, rest)
        }
        After::OnSale => [
            "is on sale",
            "is published every",
            "is out every",
            "is available every",
        ]
        .iter()
        .any(|w| lower.starts_with(w)),
    }
}

/// The outlet that a cue of `table` names in the line at `line`, when
/// `footer` says whether the line is past the article's end.
fn named_after_cues(
    table: &Table<Cue>,
    text: &str,
    line: Range<usize>,
    footer: bool,
) -> Option<Found<String>> {
    let s = &text[line.clone()];
    table.find_iter(s).find_map(|hit| {
        let cue = hit.yields;
        if cue.opens_line && hit.range.start > 0 {
            return None;
        }
        let (lead, name) = name_at(&s[hit.range.end..])?;
        let name_start = hit.range.end + lead;
        let value = match named(name) {
            Named::Publication { name, len } => {
                if !completes(cue.after, &s[name_start + len..]) {
                    return None;
                }
                name.to_string()
            }
            Named::NotAnOutlet => return None,
            Named::Unlisted => {
                // A publisher describing itself needs no footer to be its own.
                let own = cue.claim == Claim::Own
                    && (footer || cue.after == After::SelfDescribed)
                    && could_be_publication(name);
                if !(own || is_title_shaped(name))
                    || !completes(cue.after, &s[name_start + name.len()..])
                {
                    return None;
                }
                plain_spaced(name)
            }
        };
        let start = line.start + name_start;
        Some(Found {
            value,
            range: start..start + name.len(),
        })
    })
}

/// The outlet a closing or footer line names as itself.
pub(super) fn self_named(text: &str, line: Range<usize>, footer: bool) -> Option<Found<String>> {
    named_after_cues(&SELF_NAMING, text, line, footer)
}

/// The outlet a body line cites as the one spoken to.
pub(super) fn cited(text: &str, line: Range<usize>) -> Option<Found<String>> {
    named_after_cues(&CITING, text, line, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn own(line: &str) -> Option<String> {
        self_named(line, 0..line.len(), true).map(|f| {
            let last_word = f.value.split(' ').next_back().unwrap_or_default();
            assert!(line[f.range.clone()].contains(last_word));
            f.value
        })
    }

    #[test]
    fn footer_lines_that_name_the_site() {
        let cases = [
            (
                "© 2023 Fenland Post. All rights reserved.",
                Some("Fenland Post"),
            ),
            ("(c) Copyright Wessex Courier 2019", Some("Wessex Courier")),
            ("Follow BBC Kent on Facebook and X.", Some("BBC Kent")),
            ("Follow Jane Doe on X.", None),
            (
                "Sign up to the Fenland Post newsletter today.",
                Some("Fenland Post"),
            ),
            ("Sign up to our free newsletter.", None),
            (
                "Got a story? Email the Fenland Post newsdesk.",
                Some("Fenland Post"),
            ),
            ("Email the council on the address below.", None),
            ("© Getty Images", None),
            ("- Press Association", None),
            ("© Press Association 2020", None),
            (
                "Support the Fenland Post by subscribing. Your subscription helps.",
                Some("Fenland Post"),
            ),
            ("Support the council's bid for funding.", None),
            (
                "Got a story? The Wessex Courier is on sale every Thursday.",
                Some("Wessex Courier"),
            ),
            ("The council is on track to improve.", None),
            (
                "Become is the charity for children in care and young care leavers.",
                Some("Become"),
            ),
            ("Ofsted is the regulator for children's homes.", None),
        ];
        for (line, want) in cases {
            assert_eq!(own(line).as_deref(), want, "{line}");
        }
    }

    #[test]
    fn citations_in_the_body() {
        let cite = |s: &str| cited(s, 0..s.len()).map(|f| f.value);
        assert_eq!(
            cite("The leader told the Fenland Post that the council would appeal."),
            Some("Fenland Post".to_string())
        );
        assert_eq!(
            cite("The figures were confirmed to The Sentinel by the council."),
            Some("The Sentinel".to_string())
        );
        assert_eq!(cite("She told the Local Government Association that"), None);
        assert_eq!(cite("He told Jane Doe that"), None);
    }
}
