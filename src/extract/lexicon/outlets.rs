//! Outlet names and their aliases (`assets/outlets.csv`): one row an
//! outlet, the aliases after its name separated by `;`, then its kind:
//! empty for a publication, `wire` for an agency whose copy other outlets
//! carry, `group` for a company that owns publications.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::collections::HashMap;
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
    // Searched only in the few lines around the headline and the end of an
    // article: a DFA of these names took longer to build (a tenth of the
    // rules' start-up) than it ever saved on those lines.
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
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

/// The known outlet names in `line` standing as whole words, in order;
/// any white space (a no-break space too) between a name's words.
pub(crate) fn outlet_names_in(line: &str) -> Vec<(Range<usize>, KnownOutlet)> {
    let (automaton, owners) = &*OUTLET_NAMES;
    let (plain, origin) = with_plain_spaces(line);
    let at = |i: usize| origin.as_ref().map_or(i, |o| o[i]);
    automaton
        .find_iter(plain.as_ref())
        .filter(|m| {
            let before = plain[..m.start()].chars().next_back();
            let after = plain[m.end()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
        .map(|m| {
            let outlet = known(&OUTLETS[owners[m.pattern().as_usize()]]);
            (at(m.start())..at(m.end()), outlet)
        })
        .collect()
}

/// `line` with every white-space character written as a plain space, and
/// where that changed its length, the byte offset in `line` of each byte
/// of the result (and of its end).
fn with_plain_spaces(line: &str) -> (std::borrow::Cow<'_, str>, Option<Vec<usize>>) {
    if !line.chars().any(|c| c.is_whitespace() && c != ' ') {
        return (std::borrow::Cow::Borrowed(line), None);
    }
    let mut plain = String::with_capacity(line.len());
    let mut origin = Vec::with_capacity(line.len() + 1);
    for (i, c) in line.char_indices() {
        let c = if c.is_whitespace() { ' ' } else { c };
        origin.extend(std::iter::repeat_n(i, c.len_utf8()));
        plain.push(c);
    }
    origin.push(line.len());
    (std::borrow::Cow::Owned(plain), Some(origin))
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

/// More words than any outlet's name or alias has ("The Bureau of
/// Investigative Journalism"): a longer surface is no name.
const LONGEST_NAME: usize = 8;

/// The known outlet that a surface form names, by its name or an alias
/// (in any case, with or without a leading "The", any white space between
/// words); a short alias in capitals ("MEN", "LGC") only as written.
pub(crate) fn known_outlet(surface: &str) -> Option<KnownOutlet> {
    let s = surface_form(surface)?;
    OUTLETS_BY_FORM
        .get(&s.to_ascii_lowercase())?
        .iter()
        .map(|&i| &OUTLETS[i])
        .find(|o| names(o, &s))
        .map(known)
}

/// A surface's words as a name or alias is compared with them: single
/// spaces between, without a leading "the". None for more words than any
/// name has.
fn surface_form(surface: &str) -> Option<String> {
    let words: Vec<&str> = surface.split_whitespace().take(LONGEST_NAME + 1).collect();
    if words.len() > LONGEST_NAME {
        return None;
    }
    let words = match words.split_first() {
        Some((first, rest)) if first.eq_ignore_ascii_case("the") && !rest.is_empty() => rest,
        _ => &words[..],
    };
    Some(words.join(" "))
}

/// Whether `outlet`'s name or an alias is the surface form `s`.
fn names(outlet: &Outlet, s: &str) -> bool {
    let same = |form: &str| {
        let form = super::without_leading_the(form);
        let acronym = form.len() <= 4 && form.chars().all(|c| c.is_ascii_uppercase());
        if acronym {
            form == s
        } else {
            form.eq_ignore_ascii_case(s)
        }
    };
    same(&outlet.name) || outlet.aliases.iter().any(|a| same(a))
}

/// The `OUTLETS` indices, in order, of the outlets with a name or alias of
/// each form (without a leading "The ", ASCII lower-cased): the outlets
/// `known_outlet` may find for a surface of that form, without a walk of
/// the whole list for every run of capitalised words.
static OUTLETS_BY_FORM: LazyLock<HashMap<String, Vec<usize>>> = LazyLock::new(|| {
    let mut by_form: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, o) in OUTLETS.iter().enumerate() {
        for form in std::iter::once(&o.name).chain(&o.aliases) {
            let owners = by_form
                .entry(super::without_leading_the(form).to_ascii_lowercase())
                .or_default();
            if owners.last() != Some(&i) {
                owners.push(i);
            }
        }
    }
    by_form
});

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
        assert_eq!(
            known_outlet("CHILDREN AND\u{a0}YOUNG PEOPLE NOW").map(|o| o.name),
            Some("CYP Now")
        );
        assert_eq!(known_outlet("Men"), None);
    }

    /// `known_outlet` as a walk of the whole list: what the index by form
    /// must give for every surface.
    fn known_outlet_by_walking(surface: &str) -> Option<KnownOutlet> {
        let s = surface_form(surface)?;
        OUTLETS.iter().find(|o| names(o, &s)).map(known)
    }

    #[test]
    fn the_index_by_form_finds_what_walking_the_list_finds() {
        let mut surfaces = vec!["Men".to_string(), "the".to_string(), String::new()];
        for o in OUTLETS.iter() {
            for form in std::iter::once(&o.name).chain(&o.aliases) {
                surfaces.push(form.clone());
                surfaces.push(form.to_ascii_lowercase());
                surfaces.push(form.to_ascii_uppercase());
                surfaces.push(format!("the {form}"));
                surfaces.push(format!("THE  {form}"));
                surfaces.push(format!("{form} Extra"));
            }
        }
        for surface in &surfaces {
            assert_eq!(
                known_outlet(surface),
                known_outlet_by_walking(surface),
                "{surface:?}"
            );
        }
    }

    #[test]
    fn names_across_no_break_spaces() {
        let line = "Follow\u{a0}BBC\u{a0}Kent on Facebook";
        let (r, o) = outlet_names_in(line).into_iter().next().expect("a name");
        assert_eq!(&line[r], "BBC\u{a0}Kent");
        assert_eq!(o.name, "BBC Kent");
    }

    #[test]
    fn the_longest_name_wins_for_regional_brands() {
        let line = "By Ann Lee, BBC Yorkshire & Lincolnshire";
        let (r, o) = outlet_names_in(line).into_iter().next().expect("a name");
        assert_eq!(&line[r], "BBC Yorkshire & Lincolnshire");
        assert_eq!(o.name, "BBC Yorkshire & Lincolnshire");
    }

    #[test]
    fn every_name_fits_the_longest_name() {
        for o in OUTLETS.iter() {
            for form in std::iter::once(&o.name).chain(&o.aliases) {
                assert!(form.split_whitespace().count() <= LONGEST_NAME, "{form}");
            }
        }
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
