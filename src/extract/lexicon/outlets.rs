//! Outlet names and their aliases (`assets/outlets.csv`): one row an
//! outlet, the aliases after its name separated by `;`, then its kind:
//! empty for a publication, `wire` for an agency whose copy other outlets
//! carry, `group` for a company that owns publications.

use aho_corasick::{AhoCorasick, MatchKind};
use std::ops::Range;
use std::sync::LazyLock;

/// What a row of the outlet list names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OutletKind {
    /// A publication or broadcaster: an article's outlet.
    Publication,
    /// A news agency or wire service ("Press Association", "Local
    /// Democracy Reporting Service"): it supplies copy, it is never the
    /// outlet that carries it.
    Wire,
    /// A publishing group ("Newsquest", "Reach plc"): it owns the outlet
    /// and is not the outlet.
    Group,
}

/// A row of the outlet list that a surface form names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct KnownOutlet {
    pub name: &'static str,
    pub kind: OutletKind,
}

#[derive(Debug)]
struct Outlet {
    name: String,
    aliases: Vec<String>,
    kind: OutletKind,
}

static OUTLETS: LazyLock<Vec<Outlet>> = LazyLock::new(|| {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(include_str!("../../../assets/outlets.csv").as_bytes());
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
            kind: match r.get(2).unwrap_or("").trim() {
                "wire" => OutletKind::Wire,
                "group" => OutletKind::Group,
                _ => OutletKind::Publication,
            },
        })
        .filter(|o| !o.name.is_empty())
        .collect()
});

fn known(o: &'static Outlet) -> KnownOutlet {
    KnownOutlet {
        name: o.name.as_str(),
        kind: o.kind,
    }
}

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

/// The known outlet names in `line` standing as whole words, in order.
pub(crate) fn outlet_names_in(line: &str) -> impl Iterator<Item = (Range<usize>, KnownOutlet)> {
    let (automaton, owners) = &*OUTLET_NAMES;
    automaton
        .find_iter(line)
        .filter(move |m| {
            let before = line[..m.start()].chars().next_back();
            let after = line[m.end()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
        .map(|m| (m.range(), known(&OUTLETS[owners[m.pattern().as_usize()]])))
}

/// Whether a line is just an outlet's name ("BBC", "Community Care").
pub(crate) fn is_outlet_name(line: &str) -> bool {
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

/// The known outlet that a surface form names, by its name (in any case,
/// with or without a leading "The") or an alias.
pub(crate) fn known_outlet(surface: &str) -> Option<KnownOutlet> {
    let s = surface.trim();
    let s = s
        .strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s)
        .trim();
    OUTLETS
        .iter()
        .find(|o| {
            o.name.eq_ignore_ascii_case(s)
                || o.name.trim_start_matches("The ").eq_ignore_ascii_case(s)
                || o.aliases
                    .iter()
                    .any(|a| a == s || a.trim_start_matches("The ") == s)
        })
        .map(known)
}

/// The known outlet whose name or alias is `stem`, a web domain's stem
/// ("wigantoday" of "wigantoday.net" -> "Wigan Today").
pub(crate) fn outlet_by_stem(stem: &str) -> Option<KnownOutlet> {
    let stem = squashed(stem);
    OUTLETS
        .iter()
        .find(|o| {
            let name = squashed(&o.name);
            name == stem
                || name.strip_prefix("the") == Some(stem.as_str())
                || o.aliases.iter().any(|a| squashed(a) == stem)
        })
        .map(known)
}

/// The last words of newspaper and news-site titles ("Hereford Times",
/// "Lincolnshire Echo", "Wessex Courier"): a capitalised name ending in
/// one of them reads as a publication's title where the text promotes or
/// cites an outlet, even when the list above does not hold it.
const TITLE_HEADS: &[&str] = &[
    "Advertiser",
    "Argus",
    "Bulletin",
    "Chronicle",
    "Citizen",
    "Courant",
    "Courier",
    "Despatch",
    "Dispatch",
    "Echo",
    "Examiner",
    "Express",
    "Gazette",
    "Gleaner",
    "Globe",
    "Guardian",
    "Herald",
    "Independent",
    "Journal",
    "Leader",
    "Live",
    "Mail",
    "Mercury",
    "Messenger",
    "Mirror",
    "News",
    "Observer",
    "Online",
    "Packet",
    "Post",
    "Press",
    "Record",
    "Recorder",
    "Sentinel",
    "Standard",
    "Star",
    "Telegraph",
    "Times",
    "Today",
    "Visiter",
    "Weekly",
];

/// First words of names that end like a title but name a role, a body or
/// a service ("Children's Guardian", "Local Democracy Reporter", "Royal
/// Mail", "Crown Court Press").
const NOT_TITLE_OPENERS: &[&str] = &[
    "Children's",
    "Children’s",
    "Local",
    "Chief",
    "Senior",
    "Royal",
    "Family",
    "High",
    "Crown",
    "Ofsted",
    "Council",
    "Government",
    "Our",
    "Your",
    "Fake",
];

/// Whether `name` is shaped like a newspaper's title: two to five
/// capitalised words (with "&", "and", "of", "on" between them), the last
/// a title head ("Hereford Times"), the first not one ("Press Association"
/// is a wire, "News Desk" a department) nor the opener of a role's or
/// body's name (`NOT_TITLE_OPENERS`).
pub(crate) fn is_title_shaped(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    (2..=5).contains(&words.len())
        && TITLE_HEADS.contains(last)
        && !TITLE_HEADS.contains(first)
        && !NOT_TITLE_OPENERS.contains(first)
        && words.iter().all(|w| {
            matches!(*w, "&" | "and" | "of" | "on") || w.starts_with(|c: char| c.is_uppercase())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wires_and_groups_are_known_but_marked() {
        assert_eq!(
            known_outlet("Press Association").map(|o| o.kind),
            Some(OutletKind::Wire)
        );
        assert_eq!(
            known_outlet("Local Democracy Reporting Service").map(|o| o.kind),
            Some(OutletKind::Wire)
        );
        assert_eq!(
            known_outlet("Newsquest").map(|o| o.kind),
            Some(OutletKind::Group)
        );
        assert_eq!(
            known_outlet("the Sentinel").map(|o| o.name),
            Some("The Sentinel")
        );
    }

    #[test]
    fn the_longest_name_wins_for_regional_brands() {
        let line = "By Ann Lee, BBC Yorkshire & Lincolnshire";
        let (r, o) = outlet_names_in(line).next().expect("a name");
        assert_eq!(&line[r], "BBC Yorkshire & Lincolnshire");
        assert_eq!(o.name, "BBC Yorkshire & Lincolnshire");
    }

    #[test]
    fn title_shaped_names() {
        for name in ["Hereford Times", "Wessex Courier", "Isle of Thanet Gazette"] {
            assert!(is_title_shaped(name), "{name}");
        }
        for name in [
            "Times",
            "Press Association",
            "Local Government Association",
            "Local Democracy Reporter",
            "Chief Reporter",
            "Children's Guardian",
        ] {
            assert!(!is_title_shaped(name), "{name}");
        }
    }
}
