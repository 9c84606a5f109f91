//! Words that name an inspection's kind or its judgement, as English news
//! about Ofsted writes them.

use crate::model::{InspectionKind, Judgement, Service};
use memchr::memmem::Finder;
use regex::Regex;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq)]
pub struct KindCue {
    pub range: Range<usize>,
    pub kind: InspectionKind,
}

#[derive(Debug, Clone, PartialEq)]
pub struct JudgementCue {
    pub range: Range<usize>,
    pub judgement: Judgement,
}

/// Kind cues, written in lower case: matched without `(?i)` against the
/// ASCII-lower-cased sentence (same byte offsets), which is several times
/// faster, because a case-insensitive alternation defeats the regex
/// crate's literal search.
const KIND_PATTERN: &str = r"(?-u:\b)(?:monitoring\s+(?:visit|inspection)s?|focused\s+(?:visit|inspection)s?|joint\s+targeted\s+area\s+inspections?|jtais?|(?:full|standard|short|graded|comprehensive|main)\s+(?:ofsted\s+)?inspections?|ilacs|inspections?\s+of\s+(?:local\s+authority\s+)?children['’]s\s+(?:social\s+care\s+)?services|assurance\s+visits?)(?-u:\b)";

static KIND: LazyLock<Regex> = LazyLock::new(|| Regex::new(KIND_PATTERN).expect("kind regex"));
static KIND_ANY_CASE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){KIND_PATTERN}")).expect("kind regex"));

/// Whether `text` holds a character that `(?i)` equates with an ASCII
/// letter: KELVIN SIGN ("k") or LONG S ("s").
fn folds_to_ascii(text: &str) -> bool {
    !text.is_ascii() && (text.contains('\u{212A}') || text.contains('\u{17F}'))
}

/// A sentence and what case-insensitive patterns are matched against: its
/// ASCII-lower-cased copy, or the sentence itself (with the patterns'
/// `(?i)` twins) where it holds a character that `(?i)` equates with an
/// ASCII letter (KELVIN SIGN with "k", LONG S with "s"), which lower-casing
/// ASCII would miss.
pub struct Folded<'a> {
    text: &'a str,
    lower: Option<Cow<'a, str>>,
}

impl<'a> Folded<'a> {
    pub fn new(text: &'a str) -> Self {
        Self::with_lower(text, None)
    }

    /// `lower` is `text` ASCII-lower-cased, where it is at hand (a slice of
    /// `lower_cased` of the whole text); it spares a copy.
    pub fn with_lower(text: &'a str, lower: Option<&'a str>) -> Self {
        let lower = match lower {
            Some(lower) => Some(Cow::Borrowed(lower)),
            None => lower_cased(text).map(Cow::Owned),
        };
        Folded { text, lower }
    }

    /// Whether the text may hold a match of a pattern whose every match
    /// holds one of `keywords` (in lower case): the lower-cased copy holds
    /// one, or there is none to look in.
    fn may_hold(&self, keywords: &[Finder<'static>]) -> bool {
        self.lower
            .as_deref()
            .is_none_or(|lower| keywords.iter().any(|k| k.find(lower.as_bytes()).is_some()))
    }

    /// `lower_case` (a pattern written in lower case, without `(?i)`) or
    /// else `any_case` (the same with `(?i)`), with the haystack to run it on.
    fn pick<'r>(&'r self, lower_case: &'r Regex, any_case: &'r Regex) -> (&'r Regex, &'r str) {
        match &self.lower {
            Some(lower) => (lower_case, lower),
            None => (any_case, self.text),
        }
    }
}

/// Where in a text some patterns may match in a sentence: every match of
/// them holds one of a few keywords, which are searched once over the text
/// ASCII-lower-cased, so that a sentence holding none of them skips the
/// patterns. A match in a sentence holds a keyword inside the sentence,
/// whatever `\b` means at the sentence's edges.
pub struct KeywordGate {
    /// Where the keywords are, by start; none where the text holds a
    /// character that `(?i)` equates with an ASCII letter, which
    /// lower-casing would miss.
    found: Option<Vec<Range<usize>>>,
}

impl KeywordGate {
    /// `lower` is `lower_cased(text)`; `keywords` are in lower case, and
    /// none starts with its own ending (as "abab" does), so that
    /// `find_iter` finds every place of it.
    pub fn new(lower: Option<&str>, keywords: &[Finder<'static>]) -> Self {
        let found = lower.map(|lower| {
            let mut found = keyword_ranges(lower, keywords);
            found.sort_by_key(|k| k.start);
            found
        });
        KeywordGate { found }
    }

    /// The gate of patterns whose every match holds one of `shared`
    /// (keywords of this gate) or of `more`: this gate's places of `shared`
    /// spare searching the text for them again. `lower` is the one this
    /// gate was made with.
    pub fn narrowed(&self, lower: Option<&str>, shared: &[&str], more: &[Finder<'static>]) -> Self {
        let found = self.found.as_ref().zip(lower).map(|(found, lower)| {
            let mut narrowed: Vec<Range<usize>> = found
                .iter()
                .filter(|k| lower.get((*k).clone()).is_some_and(|k| shared.contains(&k)))
                .cloned()
                .collect();
            narrowed.extend(keyword_ranges(lower, more));
            narrowed.sort_by_key(|k| k.start);
            narrowed
        });
        KeywordGate { found }
    }

    /// Whether one of the patterns may match in the sentence at `range`:
    /// a keyword lies within it.
    pub fn may_match(&self, range: &Range<usize>) -> bool {
        let Some(found) = &self.found else {
            return true;
        };
        let first = found.partition_point(|k| k.start < range.start);
        found[first..]
            .iter()
            .take_while(|k| k.start < range.end)
            .any(|k| k.end <= range.end)
    }
}

/// Where `keywords` are in `lower`, keyword by keyword.
fn keyword_ranges(lower: &str, keywords: &[Finder<'static>]) -> Vec<Range<usize>> {
    keywords
        .iter()
        .flat_map(|k| {
            let len = k.needle().len();
            k.find_iter(lower.as_bytes()).map(move |at| at..at + len)
        })
        .collect()
}

/// Finders of `keywords`, for `KeywordGate`.
pub fn finders(keywords: &[&'static str]) -> Vec<Finder<'static>> {
    keywords.iter().map(|&k| Finder::new(k)).collect()
}

/// Every match of `KIND_PATTERN` or `JUDGEMENT_PATTERN` holds one of these.
static CUE_KEYWORDS: LazyLock<Vec<Finder<'static>>> = LazyLock::new(|| {
    finders(&[
        "visit",
        "inspection",
        "jtai",
        "ilacs",
        "improvement",
        "inadequate",
        "good",
        "outstanding",
        "rating",
        "grade",
        "judgement",
    ])
});

/// `text` ASCII-lower-cased (same byte offsets), for `KeywordGate`; none
/// where it holds a character that `(?i)` equates with an ASCII letter.
pub fn lower_cased(text: &str) -> Option<String> {
    (!folds_to_ascii(text)).then(|| text.to_ascii_lowercase())
}

/// `lower_cased(text)` from `lower`, `text` already in lower case.
pub fn lower_cased_from<'l>(text: &str, lower: &'l str) -> Option<&'l str> {
    (!folds_to_ascii(text)).then_some(lower)
}

/// Where a text may hold kind or judgement cues, but for "RI" in
/// capitals, which a lower-cased text cannot show.
pub fn cue_gate(lower: Option<&str>) -> KeywordGate {
    KeywordGate::new(lower, &CUE_KEYWORDS)
}

/// Kind cues of one event each: a plural ("a string of monitoring visits",
/// "inspections of children's services") speaks of visits in general.
pub fn kind_cues(folded: &Folded) -> Vec<KindCue> {
    let s = folded.text;
    let (re, hay) = folded.pick(&KIND, &KIND_ANY_CASE);
    re.find_iter(hay)
        .filter_map(|m| {
            let all = &s[m.range()];
            let plural = all.ends_with('s') || starts_with_any_case(all, "inspections ");
            if plural && !all.eq_ignore_ascii_case("ILACS") {
                return None;
            }
            // The alternatives start with different words; these prefixes
            // hold no "k" or "s", which `(?i)` may match otherwise.
            let starts = |prefix| starts_with_any_case(all, prefix);
            let kind = if starts("monitoring") {
                InspectionKind::MonitoringVisit
            } else if starts("focu") {
                InspectionKind::FocusedVisit
            } else if starts("joint") || starts("jta") {
                InspectionKind::JointTargetedAreaInspection
            } else if starts("a") {
                InspectionKind::Other
            } else {
                InspectionKind::FullInspection
            };
            Some(KindCue {
                range: m.range(),
                kind,
            })
        })
        .collect()
}

/// Judgement words, in lower case (see `KIND_PATTERN`); "RI" counts only in
/// capitals, so it has a pattern of its own, run on the sentence itself.
const JUDGEMENT_PATTERN: &str = r"(?-u:\b)(?:requires?\s+improvement(?:\s+to\s+be\s+good)?|inadequate|good|outstanding|(?:lowest|worst)(?:\s+possible)?\s+(?:ofsted\s+)?(?:rating|grade|judgement)|(?:highest|top)(?:\s+possible)?\s+(?:ofsted\s+)?(?:rating|grade|judgement))(?-u:\b)";

static JUDGEMENT_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(JUDGEMENT_PATTERN).expect("judgement regex"));
static JUDGEMENT_WORD_ANY_CASE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){JUDGEMENT_PATTERN}")).expect("judgement regex"));
static RI: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)RI(?-u:\b)").expect("RI regex"));

#[derive(Debug, Clone, Copy, PartialEq)]
enum JudgementWord {
    RequiresImprovement,
    /// "RI", in capitals.
    Ri,
    Inadequate,
    Good,
    Outstanding,
    Lowest,
    Highest,
}

/// Judgement words in a sentence, in order. "RI" is a word of its own and
/// overlaps no other judgement word, so the two searches merge by start.
fn judgement_words(folded: &Folded) -> Vec<(Range<usize>, JudgementWord)> {
    let s = folded.text;
    let (re, hay) = folded.pick(&JUDGEMENT_WORD, &JUDGEMENT_WORD_ANY_CASE);
    let mut words: Vec<(Range<usize>, JudgementWord)> = re
        .find_iter(hay)
        .map(|m| {
            // The alternatives start differently; these prefixes hold no
            // "k" or "s", which `(?i)` may match otherwise.
            let starts = |prefix| starts_with_any_case(&s[m.range()], prefix);
            let word = if starts("req") {
                JudgementWord::RequiresImprovement
            } else if starts("ina") {
                JudgementWord::Inadequate
            } else if starts("goo") {
                JudgementWord::Good
            } else if starts("out") {
                JudgementWord::Outstanding
            } else if starts("low") || starts("wor") {
                JudgementWord::Lowest
            } else {
                JudgementWord::Highest
            };
            (m.range(), word)
        })
        .collect();
    if s.contains("RI") {
        words.extend(RI.find_iter(s).map(|m| (m.range(), JudgementWord::Ri)));
        words.sort_by_key(|(r, _)| r.start);
    }
    words
}

static RATING_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:rated|re-rated|judged|graded|deemed|assessed\s+as|found\s+to\s+be|marked|labelled|branded|classed\s+as|categorised\s+as|rating\s+of|judgement\s+of|grade\s+of|given|handed|received|receiving|retained|kept|achieved|earned|awarded|improved?|improving|upgraded|downgraded|moved|rose|fell|dropped|declared|from|as|was|were|is|are|be|been|remains?|remained|still|now|overall|an?|its|their|the)\W*$")
        .expect("rating verb regex")
});

static STRONG_RATING_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:rated|re-rated|judged|graded|deemed|assessed\s+as|found\s+to\s+be|marked|labelled|branded|classed\s+as|categorised\s+as|rating\s+of|judgement\s+of|grade\s+of|awarded|upgraded\s+to|downgraded\s+to|improved?\s+to|improving\s+to|moved\s+(?:up\s+|down\s+)?to|rose\s+to|fell\s+to|dropped\s+to|retained|kept)(?-u:\b)")
        .expect("rating verb regex")
});

static RATING_NOUN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W{0,2}\s*(?:-rated|rating|judgement|judgment|grade|verdict|label|status|overall|by\s+ofsted|children['’]s\s+services|local\s+authority|council)(?-u:\b)")
        .expect("rating noun regex")
});

fn quoted(s: &str, r: &Range<usize>) -> bool {
    let before = s[..r.start].chars().next_back();
    let after = s[r.end..].chars().next();
    before.is_some_and(|c| matches!(c, '\'' | '"' | '‘' | '“'))
        && after.is_some_and(|c| matches!(c, '\'' | '"' | '’' | '”'))
}

/// Judgements in a sentence. A bare "good" or "outstanding" needs a rating
/// word before it, quotation marks around it or a rating noun after it, so
/// that "good news" and "outstanding issues" are not taken for judgements.
pub fn judgement_cues(folded: &Folded) -> Vec<JudgementCue> {
    let s = folded.text;
    let mut out = Vec::new();
    for (r, word) in judgement_words(folded) {
        let Some(judgement) = judgement_in_context(s, &r, word) else {
            continue;
        };
        let before = &s[floor_boundary(s, r.start.saturating_sub(60))..r.start];
        if contains_any_case(before, "either") || among_alternatives(s, &r) {
            continue;
        }
        out.push(JudgementCue {
            range: r,
            judgement,
        });
    }
    out
}

/// The judgement the word at `r` gives in its context, if any. Each test
/// of the context is a closure, run only when the ones before it fail.
fn judgement_in_context(s: &str, r: &Range<usize>, word: JudgementWord) -> Option<Judgement> {
    let before = &s[floor_boundary(s, r.start.saturating_sub(60))..r.start];
    let after = &s[r.end..];
    let is_quoted = || quoted(s, r);
    let near_verb = || RATING_VERB.is_match(before);
    let strong_verb = || {
        STRONG_RATING_VERB
            .find_iter(before)
            .last()
            .is_some_and(|m| !before[m.end()..].contains(['.', ';', ':']))
    };
    let noun_after = || RATING_NOUN_AFTER.is_match(after);
    match word {
        JudgementWord::RequiresImprovement => {
            (is_quoted() || near_verb() || noun_after() || strong_verb())
                .then_some(Judgement::RequiresImprovement)
        }
        JudgementWord::Ri => Some(Judgement::RequiresImprovement),
        JudgementWord::Inadequate => (is_quoted()
            || strong_verb()
            || noun_after()
            || (before.trim_end().ends_with(['s', 'e', 'd']) && near_verb()))
        .then_some(Judgement::Inadequate),
        JudgementWord::Lowest => Some(Judgement::Inadequate),
        JudgementWord::Highest => Some(Judgement::Outstanding),
        JudgementWord::Good | JudgementWord::Outstanding => {
            let j = if word == JudgementWord::Good {
                Judgement::Good
            } else {
                Judgement::Outstanding
            };
            let nearby_verb = || {
                STRONG_RATING_VERB
                    .find_iter(before)
                    .last()
                    .is_some_and(|m| {
                        before.len() - m.end() <= 25 && !before[m.end()..].contains(['.', ';', ','])
                    })
            };
            // Both patterns of a changed grade need "from".
            let changed = || {
                contains_any_case(before, "from")
                    && (FROM_TO.is_match(before) || CHANGED_FROM.is_match(before))
            };
            (is_quoted() || nearby_verb() || noun_after_strict(after) || changed()).then_some(j)
        }
    }
}

/// Whether `s` starts with `prefix` in any ASCII case, as its ASCII-lower-
/// cased copy would start with the lower-case `prefix`.
fn starts_with_any_case(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Whether `hay` holds `needle` (ASCII letters) in any ASCII case; for
/// needles without "k" or "s", the same as a `(?i)` pattern's test.
fn contains_any_case(hay: &str, needle: &str) -> bool {
    crate::ascii::find_ignoring_case(hay.as_bytes(), needle.as_bytes()).is_some()
}

static ALTERNATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W?\s+or\s+\W?(?:inadequate|requires\s+improvement|good|outstanding)(?-u:\b)|(?-u:\b)(?:inadequate|requires\s+improvement|good|outstanding)\W?\s+or\s+\W?$")
        .expect("alternative regex")
});

/// "judged good or outstanding": a class of grades, not one inspection's.
fn among_alternatives(s: &str, r: &Range<usize>) -> bool {
    let before = &s[floor_boundary(s, r.start.saturating_sub(40))..r.start];
    let mut end = (r.end + 40).min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    // Both alternatives of the pattern need "or".
    let alternative = |t: &str| contains_any_case(t, "or") && ALTERNATIVE.is_match(t);
    alternative(&s[r.end..end]) || alternative(before)
}

/// "rated outstanding, up from good at its last inspection".
static CHANGED_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:up|down|improved|improving|risen|rising|fallen|falling|dropped|slipped)\s+from\s+\W?$")
        .expect("changed-from regex")
});

static FROM_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)from\s+\W?(?:inadequate|requires\s+improvement|RI|good|outstanding)\W?\s+to\s+\W?$",
    )
    .expect("from-to regex")
});

fn noun_after_strict(after: &str) -> bool {
    static STRICT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^\W{0,2}\s*(?:-rated|rating|judgement|judgment|grade|verdict|overall)(?-u:\b)",
        )
        .expect("noun regex")
    });
    STRICT.is_match(after)
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Kinds of service, in lower case (see `KIND_PATTERN`).
const SERVICE_PATTERN: &str = r"(?-u:\b)(?:fostering(?:\s+(?:agency|service|services))?|adoption(?:\s+(?:agency|service|services|performance))?|children['’]s\s+homes?|residential\s+(?:home|unit|care\s+home)s?|secure\s+(?:children['’]s\s+)?homes?)(?-u:\b)";

/// Every match of `SERVICE_PATTERN` holds one of these.
static SERVICE_KEYWORDS: LazyLock<Vec<Finder<'static>>> =
    LazyLock::new(|| finders(&["fostering", "adoption", "home", "residential"]));
static SERVICE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(SERVICE_PATTERN).expect("service regex"));
static SERVICE_ANY_CASE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){SERVICE_PATTERN}")).expect("service regex"));

/// The kinds of service a clause speaks of, in order.
pub fn services_in(clause: &str) -> Vec<Service> {
    let folded = Folded::new(clause);
    if !folded.may_hold(&SERVICE_KEYWORDS) {
        return Vec::new();
    }
    let (re, hay) = folded.pick(&SERVICE, &SERVICE_ANY_CASE);
    let mut out = Vec::new();
    for m in re.find_iter(hay) {
        // Fostering and adoption are told by their first letters; every
        // other alternative names a home.
        let starts = |prefix| starts_with_any_case(&clause[m.range()], prefix);
        let s = if starts("fo") {
            Service::FosteringAgency
        } else if starts("ad") {
            Service::AdoptionAgency
        } else {
            Service::ChildrensHome
        };
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// Schools and other settings, in lower case (see `KIND_PATTERN`).
const SCHOOL_PATTERN: &str = r"(?-u:\b)(?:schools?|academy|academies|pupils?|nurser(?:y|ies)|colleges?|headteachers?|primary|secondary|sixth[- ]form|early\s+years\s+setting|childminders?|universit(?:y|ies)|prisons?|hospitals?|gp)(?-u:\b)";
const CHILDRENS_SERVICES_PATTERN: &str = r"children['’]s\s+(?:social\s+care|services|homes?|trust)|social\s+(?:care|work)|fostering|adoption|local\s+authority|council|safeguarding|care\s+leavers|ilacs|monitoring\s+visit|focused\s+visit|jtai";

static SCHOOL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(SCHOOL_PATTERN).expect("school regex"));
static SCHOOL_ANY_CASE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){SCHOOL_PATTERN}")).expect("school regex"));
static CHILDRENS_SERVICES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(CHILDRENS_SERVICES_PATTERN).expect("children's services regex"));
static CHILDRENS_SERVICES_ANY_CASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("(?i){CHILDRENS_SERVICES_PATTERN}")).expect("children's services regex")
});

/// Whether a sentence about an inspection is about a school or another
/// setting rather than children's social care.
pub fn about_other_setting(folded: &Folded) -> bool {
    let (school, hay) = folded.pick(&SCHOOL, &SCHOOL_ANY_CASE);
    let (childrens_services, _) = folded.pick(&CHILDRENS_SERVICES, &CHILDRENS_SERVICES_ANY_CASE);
    school.is_match(hay) && !childrens_services.is_match(hay)
}

const ORDINALS: [&str; 12] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];

pub fn ordinal_value(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    if let Some(i) = ORDINALS.iter().position(|o| *o == w) {
        return Some(i as u32 + 1);
    }
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if matches!(suffix, "st" | "nd" | "rd" | "th") {
        return digits.parse().ok();
    }
    None
}

static ORDINAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th))\s+(?:(?:ofsted|such|quarterly|consecutive|successive|and\s+final|and\s+latest)\s+)?$")
        .expect("ordinal regex")
});
static ORDINAL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^['’”\x22]?(?:[^.;]{0,60}?)?,\s+(?:its|the|which\s+was\s+(?:its|the))\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th))(?-u:\b)")
        .expect("ordinal regex")
});

/// The ordinal of a monitoring visit named at `cue` in `s`. The patterns
/// are searched with `find`, as captures cost far more: the ordinal holds no
/// white space and white space follows it in a match of `ORDINAL_BEFORE`,
/// so it is that match's first word; it ends a match of `ORDINAL_AFTER`
/// after white space, so it is that match's last word.
pub fn visit_ordinal(s: &str, cue: &Range<usize>) -> Option<u32> {
    match ordinal_before(&s[..cue.start]) {
        Some(word) => ordinal_value(word),
        None => ordinal_after(&s[cue.end..]).and_then(ordinal_value),
    }
}

/// The ordinal word of `ORDINAL_BEFORE`'s match, its first word: read off
/// the match rather than captured, which costs far more.
fn ordinal_before(before: &str) -> Option<&str> {
    let m = ORDINAL_BEFORE.find(before)?;
    m.as_str().split(char::is_whitespace).next()
}

/// The ordinal word of `ORDINAL_AFTER`'s match, its last word.
fn ordinal_after(after: &str) -> Option<&str> {
    let m = ORDINAL_AFTER.find(after)?;
    m.as_str().rsplit(char::is_whitespace).next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<KindCue> {
        kind_cues(&Folded::new(s))
    }

    fn judgements(s: &str) -> Vec<Judgement> {
        judgement_cues(&Folded::new(s))
            .into_iter()
            .map(|c| c.judgement)
            .collect()
    }

    #[test]
    fn judgements_with_context() {
        use Judgement::*;
        assert_eq!(
            judgements("It was rated \"inadequate\" by Ofsted in July 2015."),
            vec![Inadequate]
        );
        assert_eq!(
            judgements("which marked the service ‘Inadequate’ overall"),
            vec![Inadequate]
        );
        assert_eq!(
            judgements("three months after it was handed Ofsted's lowest rating"),
            vec![Inadequate]
        );
        assert_eq!(
            judgements("rated requires improvement to be good in 2019"),
            vec![RequiresImprovement]
        );
        assert_eq!(judgements("The council was rated good overall"), vec![Good]);
        assert_eq!(
            judgements("improved from RI to outstanding"),
            vec![RequiresImprovement, Outstanding]
        );
        assert_eq!(
            judgements("its grade improve to ‘requires improvement’"),
            vec![RequiresImprovement]
        );
    }

    #[test]
    fn ordinary_words_are_not_judgements() {
        assert!(judgements("This is good news for children and a good start.").is_empty());
        assert!(judgements("There are outstanding issues with inadequate support.").is_empty());
        assert!(judgements("homes which are all rated either good or outstanding").is_empty());
        assert!(judgements("41% of councils have now been judged good or outstanding").is_empty());
        assert!(judgements("councils rated inadequate or requires improvement").is_empty());
        assert_eq!(
            judgements("after inspectors visited in October, up from good at its last inspection"),
            vec![Judgement::Good]
        );
    }

    #[test]
    fn plural_kinds_are_not_one_event() {
        assert!(kinds("A string of monitoring visits since then found progress slow").is_empty());
        assert!(kinds("Ofsted's inspections of children's services this year").is_empty());
        assert_eq!(kinds("under the ILACS framework").len(), 1);
    }

    #[test]
    fn kinds_and_ordinals() {
        let s = "Following its fifth monitoring visit, and a focused visit, the JTAI found";
        let k: Vec<InspectionKind> = kinds(s).into_iter().map(|c| c.kind).collect();
        assert_eq!(
            k,
            vec![
                InspectionKind::MonitoringVisit,
                InspectionKind::FocusedVisit,
                InspectionKind::JointTargetedAreaInspection
            ]
        );
        let cue = &kinds(s)[0].range;
        assert_eq!(visit_ordinal(s, cue), Some(5));
        let s = "In a monitoring visit to the trust, the second since it was judged inadequate";
        assert_eq!(visit_ordinal(s, &kinds(s)[0].range), Some(2));
        let s = "the 7th monitoring visit";
        assert_eq!(visit_ordinal(s, &kinds(s)[0].range), Some(7));
    }

    #[test]
    fn ordinals_read_off_matches_are_the_captured_ones() {
        let group = |re: &Regex, s: &str| {
            re.captures(s)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str().to_string())
        };
        for before in [
            "its fifth ",
            "the 7TH\u{a0}",
            "a Second  and final\t",
            "first ofsted ",
            "twelfth\u{2003}such ",
            "the third",
        ] {
            let read = ordinal_before(before).map(str::to_string);
            assert_eq!(read, group(&ORDINAL_BEFORE, before), "{before:?}");
        }
        for after in [
            " to the trust, the second since",
            "\u{201d}, which was its\u{a0}11th",
            ", the   Fourth visit",
            " in May; the fifth",
        ] {
            let read = ordinal_after(after).map(str::to_string);
            assert_eq!(read, group(&ORDINAL_AFTER, after), "{after:?}");
        }
    }

    #[test]
    fn the_gate_opens_where_a_sentence_may_hold_a_cue() {
        let text = "Good news. It was rated good. A trip. Afocused visit. The top grade.";
        let lower = lower_cased(text);
        let gate = cue_gate(lower.as_deref());
        let at = |s: &str| {
            let start = text.find(s).expect("sentence");
            start..start + s.len()
        };
        assert!(gate.may_match(&at("It was rated good.")));
        assert!(!gate.may_match(&at("A trip.")));
        // "focused" starts no word of the text, but starts the slice.
        assert!(!kinds("focused visit.").is_empty());
        assert!(gate.may_match(&at("focused visit.")));
        // A keyword only partly within the sentence is not in it.
        assert!(!gate.may_match(&at("The top gra")));
        // LONG S: a cue the lower-cased search cannot see.
        let folded = "A focu\u{17F}ed visit.";
        assert!(!kinds(folded).is_empty());
        assert!(lower_cased(folded).is_none());
        assert!(cue_gate(None).may_match(&(0..folded.len())));
    }

    #[test]
    fn a_narrowed_gate_is_the_gate_of_its_keywords() {
        let text = "The visit was good. Inspected twice. The inspection. A visitor. None here.";
        let lower = lower_cased(text);
        let more = finders(&["inspected"]);
        let narrowed =
            cue_gate(lower.as_deref()).narrowed(lower.as_deref(), &["visit", "inspection"], &more);
        let own = KeywordGate::new(
            lower.as_deref(),
            &finders(&["visit", "inspection", "inspected"]),
        );
        assert_eq!(narrowed.found, own.found);
    }

    #[test]
    fn every_cue_holds_a_keyword() {
        for s in [
            "a monitoring inspection",
            "focused  visits",
            "the JTAIs",
            "joint targeted area inspections",
            "ILACS",
            "assurance visit",
            "requires improvement to be good",
            "the lowest possible Ofsted judgement",
            "top grade",
            "highest rating",
            "inadequate",
            "outstanding",
        ] {
            let lower = lower_cased(s);
            let cue = KIND.is_match(lower.as_deref().unwrap_or(s))
                || JUDGEMENT_WORD.is_match(lower.as_deref().unwrap_or(s));
            assert!(cue, "{s}");
            assert!(cue_gate(lower.as_deref()).may_match(&(0..s.len())), "{s}");
        }
    }

    #[test]
    fn every_service_holds_a_keyword() {
        for s in [
            "Fostering Services",
            "the adoption agency",
            "children’s homes",
            "residential care homes",
            "secure children's home",
            "RESIDENTIAL UNIT",
        ] {
            assert!(SERVICE_ANY_CASE.is_match(s), "{s}");
            assert!(Folded::new(s).may_hold(&SERVICE_KEYWORDS), "{s}");
            assert!(!services_in(s).is_empty(), "{s}");
        }
        assert!(!Folded::new("social work").may_hold(&SERVICE_KEYWORDS));
    }

    #[test]
    fn schools_are_another_setting() {
        let other = |s| about_other_setting(&Folded::new(s));
        assert!(other("The primary school was rated good by Ofsted."));
        assert!(!other("The council's children's services were rated good."));
    }
}
