//! Outlet names and their aliases (`assets/outlets.csv`): one row an
//! outlet, the aliases after its name separated by `;`.

use aho_corasick::{AhoCorasick, MatchKind};
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug)]
struct Outlet {
    name: String,
    aliases: Vec<String>,
}

static OUTLETS: LazyLock<Vec<Outlet>> = LazyLock::new(|| {
    let mut reader =
        csv::Reader::from_reader(include_str!("../../../assets/outlets.csv").as_bytes());
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
pub(crate) fn outlet_name_in(line: &str) -> Option<(Range<usize>, &'static str)> {
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

/// Known outlet name (canonical) for a surface form.
pub(crate) fn known_outlet(surface: &str) -> Option<&'static str> {
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

/// The known outlet whose name or alias is `stem`, a web domain's stem
/// ("wigantoday" of "wigantoday.net" -> "Wigan Today").
pub(crate) fn outlet_by_stem(stem: &str) -> Option<&'static str> {
    let stem = squashed(stem);
    OUTLETS
        .iter()
        .find(|o| {
            let name = squashed(&o.name);
            name == stem
                || name.strip_prefix("the") == Some(stem.as_str())
                || o.aliases.iter().any(|a| squashed(a) == stem)
        })
        .map(|o| o.name.as_str())
}
