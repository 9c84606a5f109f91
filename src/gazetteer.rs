//! English councils with children's services, and the trusts that run some
//! of them, for recognising and canonicalising names in text.
//!
//! The tables are `assets/data/*.csv`, embedded in the binary so that the
//! app and the CLI work from any folder.

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};
use std::collections::HashMap;
use std::sync::OnceLock;

const LOCAL_AUTHORITIES_CSV: &str = include_str!("../assets/data/local_authorities.csv");
const TRUSTS_CSV: &str = include_str!("../assets/data/childrens_trusts.csv");

#[derive(Debug, Clone, PartialEq)]
pub struct Council {
    /// Canonical name, as records store it.
    pub name: String,
    pub ons_code: String,
    pub region: String,
    /// `county`, `unitary`, `metropolitan_district`, `london_borough` or `abolished`.
    pub kind: String,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Trust {
    pub name: String,
    /// Canonical name of the council it serves.
    pub local_authority: String,
    pub aliases: Vec<String>,
    pub from_year: Option<i32>,
    pub to_year: Option<i32>,
}

/// What a name in the text refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entity {
    /// Index into [`Gazetteer::councils`].
    Council(usize),
    /// Index into [`Gazetteer::trusts`]; a trust serving several councils
    /// has one row per council, the first of which this names.
    Trust(usize),
}

/// One occurrence of a council or trust name in a text (byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub entity: Entity,
}

#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("{table}: line {line}: {message}")]
    Table {
        table: &'static str,
        line: usize,
        message: String,
    },
    #[error("cannot build the name matcher: {0}")]
    Matcher(String),
}

pub struct Gazetteer {
    councils: Vec<Council>,
    trusts: Vec<Trust>,
    /// Lower-cased name or alias -> council index.
    council_by_name: HashMap<String, usize>,
    matcher: AhoCorasick,
    pattern_entities: Vec<Entity>,
    /// Whether every name starts with a capital letter (the real tables'
    /// do), so that names are looked for only where a capital stands.
    names_start_with_capitals: bool,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("councils", &self.councils.len())
            .field("trusts", &self.trusts.len())
            .finish()
    }
}

impl Gazetteer {
    /// The gazetteer built from the embedded tables.
    pub fn get() -> &'static Gazetteer {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(|| {
            // The embedded tables are part of the build and covered by tests,
            // so failing here is a build defect, not a user error.
            Gazetteer::from_csv(LOCAL_AUTHORITIES_CSV, TRUSTS_CSV)
                .unwrap_or_else(|e| panic!("embedded gazetteer is invalid: {e}"))
        })
    }

    pub fn from_csv(local_authorities: &str, trusts: &str) -> Result<Self, GazetteerError> {
        let councils = read_councils(local_authorities)?;
        let trusts = read_trusts(trusts)?;
        let mut council_by_name = HashMap::new();
        for (i, c) in councils.iter().enumerate() {
            for n in std::iter::once(&c.name).chain(&c.aliases) {
                council_by_name.entry(fold(n)).or_insert(i);
            }
        }
        for t in &trusts {
            if !council_by_name.contains_key(&fold(&t.local_authority)) {
                return Err(GazetteerError::Table {
                    table: "childrens_trusts.csv",
                    line: 0,
                    message: format!("{} serves unknown council {}", t.name, t.local_authority),
                });
            }
        }

        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_entities = Vec::new();
        let mut seen = HashMap::new();
        let mut add = |name: &str, entity: Entity| {
            for variant in apostrophe_variants(name) {
                if seen.insert(variant.clone(), ()).is_none() {
                    patterns.push(variant);
                    pattern_entities.push(entity);
                }
            }
        };
        // Trusts first so that a trust's name wins over a council alias of
        // the same spelling.
        for (i, t) in trusts.iter().enumerate() {
            for n in std::iter::once(&t.name).chain(&t.aliases) {
                if n.len() >= 3 {
                    add(n, Entity::Trust(first_row_of(&trusts, i)));
                }
            }
        }
        for (i, c) in councils.iter().enumerate() {
            if c.kind == "abolished" {
                continue;
            }
            for n in std::iter::once(&c.name).chain(&c.aliases) {
                if n.len() >= 3 {
                    add(n, Entity::Council(i));
                }
            }
        }
        // A full DFA: a few hundred kilobytes more than the default NFA for
        // these few hundred names, and several times faster per byte on the
        // every-article search.
        let names_start_with_capitals = patterns
            .iter()
            .all(|p| p.as_bytes().first().is_some_and(u8::is_ascii_uppercase));
        let start_kind = if names_start_with_capitals {
            StartKind::Anchored
        } else {
            StartKind::Unanchored
        };
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .start_kind(start_kind)
            .build(&patterns)
            .map_err(|e| GazetteerError::Matcher(e.to_string()))?;
        Ok(Gazetteer {
            councils,
            trusts,
            council_by_name,
            matcher,
            pattern_entities,
            names_start_with_capitals,
        })
    }

    pub fn councils(&self) -> &[Council] {
        &self.councils
    }

    pub fn trusts(&self) -> &[Trust] {
        &self.trusts
    }

    /// The council a name or alias refers to, ignoring case and apostrophe
    /// style; trust names resolve to the (first) council they serve.
    pub fn council(&self, name: &str) -> Option<&Council> {
        let key = fold(name.trim());
        if let Some(&i) = self.council_by_name.get(&key) {
            return Some(&self.councils[i]);
        }
        let trust = self
            .trusts
            .iter()
            .find(|t| fold(&t.name) == key || t.aliases.iter().any(|a| fold(a) == key))?;
        self.council(&trust.local_authority)
    }

    /// The canonical name for `name`, if it names a known council.
    pub fn canonical_name(&self, name: &str) -> Option<&str> {
        self.council(name).map(|c| c.name.as_str())
    }

    /// Councils whose name or alias contains `query` (case-insensitive),
    /// name matches first: for type-to-search pickers.
    pub fn search(&self, query: &str) -> Vec<&Council> {
        let q = fold(query.trim());
        if q.is_empty() {
            return self.councils.iter().collect();
        }
        let mut starts = Vec::new();
        let mut contains = Vec::new();
        for c in &self.councils {
            let name = fold(&c.name);
            if name.starts_with(&q) {
                starts.push(c);
            } else if name.contains(&q) || c.aliases.iter().any(|a| fold(a).contains(&q)) {
                contains.push(c);
            }
        }
        starts.extend(contains);
        starts
    }

    /// The councils a trust row serves (several for a trust like
    /// Achieving for Children).
    pub fn trust_councils(&self, trust: usize) -> Vec<&str> {
        let Some(t) = self.trusts.get(trust) else {
            return Vec::new();
        };
        self.trusts
            .iter()
            .filter(|o| o.name == t.name)
            .map(|o| o.local_authority.as_str())
            .collect()
    }

    /// Every council or trust name in `text`, at word boundaries, leftmost
    /// and longest first.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let found = if self.names_start_with_capitals {
            matches_at_capitals(&self.matcher, text)
        } else {
            self.matcher.find_iter(text).collect()
        };
        found
            .into_iter()
            .filter(|m| at_word_boundaries(text, m.start(), m.end()))
            .map(|m| Mention {
                start: m.start(),
                end: m.end(),
                entity: self.pattern_entities[m.pattern().as_usize()],
            })
            .collect()
    }

    /// The canonical council name an entity stands for (a trust's first council).
    pub fn entity_council(&self, entity: Entity) -> &str {
        match entity {
            Entity::Council(i) => &self.councils[i].name,
            Entity::Trust(i) => &self.trusts[i].local_authority,
        }
    }
}

/// The matches `find_iter` would give, leftmost-longest and not
/// overlapping, found by an anchored search at each capital letter
/// only: a few per hundred bytes, where the unanchored search walks the
/// automaton over every byte.
fn matches_at_capitals(matcher: &AhoCorasick, text: &str) -> Vec<aho_corasick::Match> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(start) = crate::ascii::next_uppercase(bytes, at) {
        let input = Input::new(text)
            .span(start..text.len())
            .anchored(Anchored::Yes);
        match matcher.find(input) {
            Some(m) => {
                found.push(m);
                at = m.end();
            }
            None => at = start + 1,
        }
    }
    found
}

fn first_row_of(trusts: &[Trust], i: usize) -> usize {
    trusts
        .iter()
        .position(|t| t.name == trusts[i].name)
        .unwrap_or(i)
}

/// Lower case with curly apostrophes made straight, for name lookups.
pub fn fold(s: &str) -> String {
    s.replace(['\u{2019}', '\u{2018}'], "'").to_lowercase()
}

fn apostrophe_variants(name: &str) -> Vec<String> {
    if name.contains('\'') {
        vec![name.to_string(), name.replace('\'', "\u{2019}")]
    } else {
        vec![name.to_string()]
    }
}

fn at_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

fn split_aliases(field: &str) -> Vec<String> {
    field
        .split(';')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect()
}

fn read_councils(csv_text: &str) -> Result<Vec<Council>, GazetteerError> {
    let table = "local_authorities.csv";
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let mut out = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let row = row.map_err(|e| GazetteerError::Table {
            table,
            line: i + 2,
            message: e.to_string(),
        })?;
        let get = |k: usize| row.get(k).unwrap_or("").trim().to_string();
        if get(0).is_empty() {
            return Err(GazetteerError::Table {
                table,
                line: i + 2,
                message: "empty name".into(),
            });
        }
        out.push(Council {
            name: get(0),
            ons_code: get(1),
            region: get(2),
            kind: get(3),
            aliases: split_aliases(&get(4)),
        });
    }
    Ok(out)
}

fn read_trusts(csv_text: &str) -> Result<Vec<Trust>, GazetteerError> {
    let table = "childrens_trusts.csv";
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let mut out = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let row = row.map_err(|e| GazetteerError::Table {
            table,
            line: i + 2,
            message: e.to_string(),
        })?;
        let get = |k: usize| row.get(k).unwrap_or("").trim().to_string();
        out.push(Trust {
            name: get(0),
            local_authority: get(1),
            aliases: split_aliases(&get(2)),
            from_year: get(3).parse().ok(),
            to_year: get(4).parse().ok(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_at_capitals_are_the_unanchored_search_s_matches() {
        let names = [
            "York",
            "North Yorkshire",
            "Kent",
            "Kensington",
            "Kensington and Chelsea",
            "Hull",
            "Hull City Council",
            "St Helens",
        ];
        let build = |start_kind| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::DFA))
                .start_kind(start_kind)
                .build(names)
                .expect("matcher")
        };
        let anchored = build(StartKind::Anchored);
        let unanchored = build(StartKind::Unanchored);
        let texts = [
            "North Yorkshire and York, then Kensington and Chelsea, Kensington and Kent.",
            "McKent, KentKent, HullHull City Council, St HelensYork",
            "Kensington andKent; ÉKent and “Hull” and St Helen",
            "",
            "no capitals at all",
        ];
        for text in texts {
            let expected: Vec<aho_corasick::Match> = unanchored.find_iter(text).collect();
            assert_eq!(matches_at_capitals(&anchored, text), expected, "{text}");
        }
    }

    #[test]
    fn embedded_tables_load() {
        let g = Gazetteer::get();
        assert!(g.councils().len() > 150);
        assert!(g.trusts().len() >= 15);
    }

    #[test]
    fn aliases_and_trusts_canonicalise() {
        let g = Gazetteer::get();
        assert_eq!(g.canonical_name("Wirral Borough Council"), None);
        assert_eq!(g.canonical_name("Wirral Council"), Some("Wirral"));
        assert_eq!(g.canonical_name("tameside council"), Some("Tameside"));
        assert_eq!(
            g.canonical_name("Together for Children"),
            Some("Sunderland")
        );
        assert_eq!(
            g.canonical_name("Sandwell Children’s Trust"),
            Some("Sandwell")
        );
        assert_eq!(g.canonical_name("Hull"), Some("Kingston upon Hull"));
    }

    #[test]
    fn mentions_prefer_the_longest_name_at_word_boundaries() {
        let g = Gazetteer::get();
        let text = "Slough Children’s Services Trust and Sunderland's council; Sunderlandia no.";
        let found: Vec<(&str, &str)> = g
            .mentions(text)
            .into_iter()
            .map(|m| (&text[m.start..m.end], g.entity_council(m.entity)))
            .collect();
        assert_eq!(
            found,
            vec![
                ("Slough Children’s Services Trust", "Slough"),
                ("Sunderland", "Sunderland")
            ]
        );
    }

    #[test]
    fn a_trust_serving_several_councils_lists_them_all() {
        let g = Gazetteer::get();
        let m = g.mentions("Achieving for Children was inspected");
        let Entity::Trust(t) = m[0].entity else {
            panic!("expected a trust");
        };
        assert_eq!(g.trust_councils(t).len(), 3);
    }

    #[test]
    fn search_puts_prefix_matches_first() {
        let g = Gazetteer::get();
        let hits = g.search("sun");
        assert_eq!(hits.first().map(|c| c.name.as_str()), Some("Sunderland"));
    }
}
