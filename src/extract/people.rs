//! Named people in the body, with the role and organisation the article
//! gives them ("Jane Doe, director of children's services at Wirral",
//! "Tameside's director of children's services Jane Doe", "TfC chair Jane
//! Doe", "chaired by former Home Secretary Jane Doe", "Cllr Jane Doe").

use super::Doc;
use super::layout::BlockKind;
use super::names;
use super::window::{head, tail};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

mod after;
mod appositive;
mod letter;
mod scan;
mod speech;

#[derive(Debug, Clone, PartialEq)]
pub struct PersonFound {
    pub name: String,
    pub role: Option<String>,
    pub organisation: Option<String>,
    /// Every mention: the full name first, later surname mentions after.
    pub ranges: Vec<Range<usize>>,
}

const ROLE_HEAD: &str = r"(?:director|chair|chairman|chairwoman|chairperson|chief\s+executive|chief\s+inspector|chief\s+social\s+worker|principal\s+social\s+worker|national\s+director|inspector|leader|member|lead|head|headteacher|manager|officer|commissioner|secretary|minister|mayor|councillor|spokesperson|spokeswoman|spokesman|president|trustee|MP|consultant|portfolio\s+holder|chief\s+constable|superintendent|professor|researcher|founder|campaigner|editor|reporter|responsible\s+individual|HMI|mother|father|grandmother|grandfather|stepmother|stepfather|aunt|uncle|sister|brother|chief)";
const ROLE_MODIFIER: &str = r"(?:(?:former|interim|acting|deputy|assistant|executive|corporate|strategic|lead|chief|principal|senior|cabinet|council|service|operational|group|programme|independent|regional|national|managing|HM|her\s+majesty['’]s|his\s+majesty['’]s|home|education|children['’]s|shadow|services|social|care|registered|regulatory|opposition|detective)\s+)*";
const ROLE_SCOPE: &str = r"(?:\s+(?:of|for|responsible\s+for|with\s+responsibility\s+for)\s+(?:children['’]s\s+services|children\s+and\s+(?:young\s+people|families)|children,?\s+young\s+people\s+and\s+(?:families|education|schools|learning|skills)|schools|children['’]s\s+social\s+care|social\s+care|social\s+work|education(?:\s+and\s+skills)?|safeguarding|adult\s+social\s+care|the\s+board|the\s+trust|the\s+council|children|families))?";

/// The organisation after a role: "at Wirral", "of the Sandwell Children's Trust".
const ORG_AFTER_ROLE: &str = r"\s+(?:at|of|for)\s+(?:the\s+)?(?P<org>[A-Z][\p{Latin}0-9_&'’.-]*(?:\s+(?:for|of|and|&)?\s*[A-Z][\p{Latin}0-9_&'’.-]*){0,5})";

/// A role as worded: "interim director of children's services".
fn role_pattern() -> String {
    format!("(?i:{ROLE_MODIFIER}{ROLE_HEAD}{ROLE_SCOPE})")
}

static ROLE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^,?\s+(?:who (?:is|was|has been|became|was appointed|is the|was the)\s+|the\s+|a\s+|an\s+|now\s+|its\s+|(?:trust|council|authority|agency|company|charity|borough|county|city|service|department|organisation|force)(?:'s|’s)\s+)*(?:(?P<porg>[A-Z][\p{{Latin}}0-9_&'’.-]*(?:\s+[A-Z][\p{{Latin}}0-9_&'’.-]*){{0,4}})(?:'s|’s)\s+)?(?P<role>{})(?:{ORG_AFTER_ROLE})?",
        role_pattern()
    ))
    .expect("role regex")
});

static ROLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?P<org>[A-Z][\p{{Latin}}0-9_&'’.-]*(?:\s+[A-Z][\p{{Latin}}0-9_&'’.-]*){{0,3}})(?:'s|’s)?\s+)?(?P<role>(?i:{ROLE_MODIFIER}{ROLE_HEAD}{ROLE_SCOPE}))(?:\s+(?:of|at)\s+(?:the\s+)?(?P<body>[A-Z][\p{{Latin}}0-9_&'’-]*(?:\s+(?:for\s+|of\s+|and\s+)?[A-Z][\p{{Latin}}0-9_&'’-]*){{0,5}}))?,?\s+(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Professor|Sir|Dame)\.?\s+)?$"
    ))
    .expect("role regex")
});

static LED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(chaired|led|headed|run|founded)\s+by\s+(?:the\s+)?(?:(?:former|current|ex-)\s+)?(?:[A-Z][a-z]+\s+){0,3}$").expect("led-by regex")
});

/// People mentioned in body sentences, in order of first mention.
pub fn people(doc: &Doc) -> Vec<PersonFound> {
    let text = doc.text;
    let body = BodyWords::of(doc);
    let mut found: Vec<PersonFound> = Vec::new();
    for (b, words) in body.blocks() {
        for candidate in scan::candidates(text, words) {
            let Some((range, title)) = trim_to_name(text, candidate) else {
                continue;
            };
            let name = &text[range.clone()];
            if doc.overlaps_entity(&range) || is_byline(doc, name) {
                continue;
            }
            // Roles and speech verbs sit next to the name; a bounded window
            // keeps the anchored patterns from rescanning whole paragraphs.
            let before = tail(&text[b.start..range.start], 160);
            let after = head(&text[range.end..b.end], 200);
            let role = role_of(before, after);
            // The pattern needs the word "by", absent from most windows; and
            // `find` rather than `captures`: the verb opens the match, and
            // captures would run the backtracker over it.
            let led_by = before
                .contains("by")
                .then(|| LED_BY.find(before))
                .flatten()
                .map(|m| m.as_str());
            // A speech verb matters only when nothing else vouches for the name.
            let plausible = title
                || names::starts_with_first_name(name)
                || role.is_some()
                || led_by.is_some()
                || speech::speaks(before, after)
                || is_personal_aside(after);
            if !plausible {
                continue;
            }
            let (role, organisation) = match (role, led_by) {
                (_, Some(m)) => {
                    let role = if m.starts_with("chaired") {
                        "chair"
                    } else if m.starts_with("founded") {
                        "founder"
                    } else {
                        "leader"
                    };
                    (
                        Some(role.to_string()),
                        doc.last_entity_name_before(range.start),
                    )
                }
                (Some(r), None) => (Some(r.0), r.1),
                (None, None) => (None, None),
            };
            add_person(&mut found, name, range, role, organisation);
        }
    }
    for addressee in letter::addressees(doc) {
        if !found.iter().any(|p| p.name == addressee.name) && !is_byline(doc, &addressee.name) {
            found.push(addressee);
        }
    }
    // A letter's signatories are named in its body too: their role is the
    // line under their signature.
    for signatory in letter::signatories(doc) {
        if let Some(p) = found.iter_mut().find(|p| p.name == signatory.name) {
            p.role = p.role.take().or(signatory.role);
        }
    }
    add_surname_mentions(text, &body, &mut found);
    found
}

/// The capitalised words of the body blocks, found once for both the name
/// candidates and the later surname mentions.
struct BodyWords {
    /// Each body block's range in the text, and the range of its words in
    /// `words`.
    blocks: Vec<(Range<usize>, Range<usize>)>,
    /// Every block's words, in order, as ranges in the text.
    words: Vec<Range<usize>>,
}

impl BodyWords {
    fn of(doc: &Doc) -> Self {
        let ranges: Vec<Range<usize>> = doc
            .layout
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Body || is_prose_bullet(&doc.text[b.range.clone()]))
            .map(|b| b.range.clone())
            .collect();
        let mut words = Vec::new();
        let mut blocks = Vec::new();
        for (range, found) in ranges.iter().zip(scan::words_by_block(doc.text, &ranges)) {
            let first = words.len();
            words.extend(found);
            blocks.push((range.clone(), first..words.len()));
        }
        Self { blocks, words }
    }

    /// Each body block's range in the text, with its words.
    fn blocks(&self) -> impl Iterator<Item = (&Range<usize>, &[Range<usize>])> {
        self.blocks
            .iter()
            .map(|(block, words)| (block, &self.words[words.clone()]))
    }
}

/// A bullet in sentences inside the article ("- 2009: the then minister,
/// Jane Doe, ordered a review"), as timelines are written.
fn is_prose_bullet(line: &str) -> bool {
    let rest = line.trim_start_matches(['-', '*', '•', '·', '▪']);
    rest.len() < line.len() && rest.starts_with(' ') && rest.split_whitespace().nth(7).is_some()
}

/// Trims capitalised non-name words off a candidate ("Home Secretary Jane
/// Doe" -> "Jane Doe"), and says whether a title came right before it.
/// `words` are the candidate's words, as ranges in `text`.
fn trim_to_name(text: &str, words: &[Range<usize>]) -> Option<(Range<usize>, bool)> {
    let word = |i: usize| &text[words[i].clone()];
    let mut first = 0;
    let mut title = false;
    while first < words.len() {
        let is_title = names::is_title(word(first));
        if !(is_title || names::has_non_name_word(word(first))) {
            break;
        }
        title = is_title;
        first += 1;
    }
    let mut last = words.len();
    while last > first && names::has_non_name_word(word(last - 1)) {
        // "Megan Foster": a surname that is also a word of the genre.
        let candidate = &text[words[first].start..words[last - 1].end];
        if names::first_name_and_surname(candidate) {
            break;
        }
        last -= 1;
    }
    if last - first < 2 || last - first > 3 {
        return None;
    }
    let start = words[first].start;
    // Possessive "Smith's" belongs to the sentence, not the name.
    let last_word = word(last - 1);
    let surname = last_word
        .strip_suffix("'s")
        .or_else(|| last_word.strip_suffix("’s"))
        .unwrap_or(last_word);
    let end = words[last - 1].start + surname.len();
    let name = &text[start..end];
    if !names::could_be_person(name) && !names::first_name_and_surname(name) {
        return None;
    }
    if !title {
        let before = text[..start].trim_end();
        title = before
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(names::is_title);
    }
    Some((start..end, title))
}

/// An aside only a person takes: an age ("Jane Doe, 19, said") or "who".
fn is_personal_aside(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(", ") else {
        return false;
    };
    let age = rest.find(',').is_some_and(|end| {
        (1..=2).contains(&end) && rest[..end].bytes().all(|b| b.is_ascii_digit())
    });
    age || rest.starts_with("who ")
}

fn is_byline(doc: &Doc, name: &str) -> bool {
    doc.byline.as_deref() == Some(name)
}

/// The role (lower case, as worded) and organisation around a mention.
fn role_of(before: &str, after: &str) -> Option<(String, Option<String>)> {
    let before_role = role_before(before);
    if let Some((role, org)) = appositive::aside_role(after) {
        // A rank before the name and a post after it: "Detective Chief
        // Superintendent Jane Doe, head of safeguarding at Kent Police".
        let role = match &before_role {
            Some((rank, _)) if is_rank(rank) => format!("{rank}, {role}"),
            _ => role,
        };
        return Some((role, org));
    }
    after::role_after(after).or(before_role)
}

/// Relatives, named in news about a child by whose relative they are.
const FAMILY: &[&str] = &[
    "mother",
    "father",
    "grandmother",
    "grandfather",
    "stepmother",
    "stepfather",
    "aunt",
    "uncle",
    "sister",
    "brother",
];

/// A police rank, which stays a role beside a post.
fn is_rank(role: &str) -> bool {
    ["superintendent", "inspector", "constable", "sergeant"]
        .iter()
        .any(|r| role.ends_with(r))
        && role.starts_with("detective")
}

/// The role written before a name ("Tameside's director of children's
/// services Jane Doe", "Detective Chief Superintendent Jane Doe").
fn role_before(before: &str) -> Option<(String, Option<String>)> {
    let c = ROLE_BEFORE.captures(before)?;
    let role_match = c.name("role")?;
    let role = role_match.as_str().trim();
    let org = c
        .name("org")
        .map(|m| clean_org(m.as_str()))
        .filter(|o| !o.is_empty() && !names::has_non_name_word(o) || o.len() > 2);
    // "Council leader", "Cabinet member": a capitalised first word of the role.
    if let Some(o) = &org {
        let lower = o.to_lowercase();
        if [
            "council", "cabinet", "former", "chief", "deputy", "lead", "interim", "acting",
        ]
        .contains(&lower.as_str())
        {
            return Some((format!("{lower} {}", tidy_role(role)), None));
        }
    }
    // "Detective Chief Superintendent", "Her Majesty's Inspector": the
    // words before the role that belong to it, not an organisation.
    let (role, taken) =
        appositive::with_modifiers_before(&before[..role_match.start()], &tidy_role(role));
    let org = org.filter(|o| !matches!(o.as_str(), "The" | "A" | "An"));
    let org = org.filter(|_| {
        c.name("org")
            .is_none_or(|m| role_match.start() - m.start() > taken)
    });
    // "Tyler's mother, Jane Doe": a relative is named by whose they are.
    if FAMILY.contains(&role.as_str())
        && let Some(owner) = &org
    {
        return Some((format!("{}'s {role}", owner.to_lowercase()), None));
    }
    // "The independent chair of the Kent Improvement Board, Jane Doe".
    let body = c.name("body").map(|m| clean_org(m.as_str()));
    Some((role, body.or(org)))
}

/// A role as worded, lower case, with white space (non-breaking spaces
/// included) made single spaces.
fn tidy_role(role: &str) -> String {
    let mut tidy = String::with_capacity(role.len());
    for word in role.split_whitespace() {
        if !tidy.is_empty() {
            tidy.push(' ');
        }
        tidy.push_str(word);
    }
    // Lower-casing ASCII needs none of `to_lowercase`'s Unicode rules, and
    // the curly apostrophe of "children’s" has no lower case of its own.
    if tidy.chars().all(|c| c.is_ascii() || c == '’') {
        tidy.make_ascii_lowercase();
        tidy
    } else {
        tidy.to_lowercase()
    }
}

fn clean_org(s: &str) -> String {
    let s = s.trim().trim_end_matches(['.', ',']);
    s.strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(s)
        .to_string()
}

fn add_person(
    found: &mut Vec<PersonFound>,
    name: &str,
    range: Range<usize>,
    role: Option<String>,
    organisation: Option<String>,
) {
    if let Some(p) = found.iter_mut().find(|p| p.name == name) {
        p.ranges.push(range);
        if p.role.is_none() {
            p.role = role;
        }
        if p.organisation.is_none() {
            p.organisation = organisation;
        }
        return;
    }
    found.push(PersonFound {
        name: name.to_string(),
        role,
        organisation,
        ranges: vec![range],
    });
}

/// Later mentions by surname ("Smith said", "Ms Thompson-Jones states"),
/// allowing a misspelt surname one or two letters off.
fn add_surname_mentions(text: &str, body: &BodyWords, found: &mut [PersonFound]) {
    // Person by person: each person's mentions depend only on its own, so
    // the order of the loops does not change them.
    for p in found.iter_mut() {
        let surname = names::surname(&p.name);
        for w in &body.words {
            if same_surname(&text[w.clone()], surname)
                && !p
                    .ranges
                    .iter()
                    .any(|r| r.start <= w.start && w.start < r.end)
            {
                p.ranges.push(w.clone());
            }
        }
    }
}

/// Levenshtein distance, for surnames spelt two ways in one article.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Whether `word` is `surname`, or a spelling of it at most two letters off
/// (only for long names, where a near miss is not another name).
pub fn same_surname(word: &str, surname: &str) -> bool {
    if word == surname {
        return true;
    }
    word.len() > 6
        && word.len().abs_diff(surname.len()) <= 2
        && word.as_bytes().first() == surname.as_bytes().first()
        && edit_distance(word, surname) <= 2
}

#[cfg(test)]
mod tests {
    use super::super::Doc;
    use super::*;

    fn people_in(body: &str) -> Vec<PersonFound> {
        let text = format!("Headline\n\n{body}");
        let doc = Doc::new(&text);
        people(&doc)
    }

    #[test]
    fn appositive_role_and_organisation() {
        let p = people_in(
            "Paul Boyce, who was appointed director of children's services at Wirral last year, said the council had turned a corner.",
        );
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].name, "Paul Boyce");
        assert_eq!(
            p[0].role.as_deref(),
            Some("director of children's services")
        );
        assert_eq!(p[0].organisation.as_deref(), Some("Wirral"));
    }

    #[test]
    fn role_before_the_name() {
        let p = people_in(
            "\"We are pleased with the progress so far,\" said TfC chair Deborah Jenkins at the meeting.",
        );
        assert_eq!(p[0].name, "Deborah Jenkins");
        assert_eq!(p[0].role.as_deref(), Some("chair"));
        assert_eq!(p[0].organisation.as_deref(), Some("TfC"));
    }

    #[test]
    fn titles_and_councillors() {
        let p = people_in(
            "Cabinet member for children's services, Councillor Bill Fairfoull, told the meeting it was on track.",
        );
        assert_eq!(p[0].name, "Bill Fairfoull");
        assert_eq!(
            p[0].role.as_deref(),
            Some("cabinet member for children's services")
        );
    }

    #[test]
    fn possessive_organisation_role_after() {
        let p = people_in(
            "Richard Hancock, Tameside’s director of children’s services, told a meeting of the cabinet it was difficult.",
        );
        assert_eq!(
            p[0].role.as_deref(),
            Some("director of children’s services")
        );
        assert_eq!(p[0].organisation.as_deref(), Some("Tameside"));
    }

    #[test]
    fn chaired_by_takes_the_organisation_before() {
        let p = people_in(
            "Sandwell Children's Trust, which is chaired by former Home Secretary Jacqui Smith, took charge in April.",
        );
        assert_eq!(p[0].name, "Jacqui Smith");
        assert_eq!(p[0].role.as_deref(), Some("chair"));
        assert_eq!(
            p[0].organisation.as_deref(),
            Some("Sandwell Children's Trust")
        );
    }

    #[test]
    fn organisations_are_not_people_and_surnames_link_back() {
        let p = people_in(
            "Northumbria Police and Sunderland Safeguarding Children’s Board agreed. Inspector Paula Thomson-Jones led the visit. Ms Thompson-Jones said more work was needed.",
        );
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].name, "Paula Thomson-Jones");
        assert_eq!(p[0].ranges.len(), 2);
    }

    #[test]
    fn role_after_a_lowercase_possessive() {
        let p = people_in(
            "Carla Redfern, the trust’s chief executive, told reporters the judgement was a turning point.",
        );
        assert_eq!(p[0].name, "Carla Redfern");
        assert_eq!(p[0].role.as_deref(), Some("chief executive"));
    }

    #[test]
    fn a_surname_that_is_also_a_word() {
        let p = people_in(
            "Megan Foster, the council's director of children's services, said the report was fair.",
        );
        assert_eq!(p[0].name, "Megan Foster");
    }

    #[test]
    fn role_scopes_of_children_young_people_and_schools() {
        let p = people_in(
            "Councillor Ann Lee, the council's cabinet member for children, young people and schools, said it was a very positive letter.",
        );
        assert_eq!(
            p[0].role.as_deref(),
            Some("cabinet member for children, young people and schools")
        );
    }

    #[test]
    fn police_ranks_before_a_name() {
        let p = people_in(
            "Det Supt Karen Yale, of West Midlands Police, said the force had added officers.",
        );
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].name, "Karen Yale");
    }

    #[test]
    fn an_age_or_who_after_a_name_makes_a_person() {
        let p = people_in(
            "Brook Tanner, 17, has lived in six homes. Rowan Ashby, who fosters two boys, was not told.",
        );
        let names: Vec<&str> = p.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Brook Tanner", "Rowan Ashby"]);
    }

    #[test]
    fn people_in_a_timeline_bullet() {
        let p = people_in(
            "The council has a long history of inspections.\n\n- 2011: the then schools minister, Quentin Marsh, orders a review of the service.",
        );
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].name, "Quentin Marsh");
    }

    #[test]
    fn a_role_of_a_named_body_before_the_name() {
        let p = people_in(
            "The interim chair of the Wigan Improvement Board, Marcus Fell, said the board would close.",
        );
        assert_eq!(p[0].role.as_deref(), Some("interim chair"));
        assert_eq!(
            p[0].organisation.as_deref(),
            Some("Wigan Improvement Board")
        );
    }

    #[test]
    fn a_relative_is_named_by_whose_they_are() {
        let p = people_in("Ellie's father, Marcus Fell, said he had not been told of the move.");
        assert_eq!(p[0].name, "Marcus Fell");
        assert_eq!(p[0].role.as_deref(), Some("ellie's father"));
    }

    #[test]
    fn edit_distance_counts_letters() {
        assert_eq!(edit_distance("Thomson-Jones", "Thompson-Jones"), 1);
        assert_eq!(edit_distance("abc", "abc"), 0);
    }
}
