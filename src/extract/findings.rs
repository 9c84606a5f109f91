//! Findings: sentences that report what inspectors found, with a theme and
//! a polarity.

use super::Doc;
use super::quotes::QuoteFound;
use crate::model::{Polarity, Theme};
use aho_corasick::{AhoCorasick, MatchKind};
use regex::{Regex, RegexSet};
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq)]
pub struct FindingFound {
    pub theme: Theme,
    pub polarity: Polarity,
    pub range: Range<usize>,
}

static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:inspectors?|ofsted|the\s+(?:report|letter|inspectorate|watchdog|regulator|visit)|hmi)(?-u:\b)[^.]{0,80}?(?-u:\b)(?:found|find|finds|said|say|says|noted|notes|praised|identified|highlighted|raised|concluded|stated|states|warned|criticised|observed|reported|discovered|saw|concerned|want|wanted|also|added|acknowledged|recognised|judged|considered|described)(?-u:\b)|(?-u:\b)(?:according\s+to\s+(?:ofsted|inspectors|the\s+report|the\s+letter))|(?-u:\b)(?:inspectors|ofsted)\s+(?:found|said|noted|praised)(?-u:\b)")
        .expect("reported regex")
});

/// Theme keywords, most specific first.
const THEMES: &[(Theme, &str)] = &[
    (Theme::Caseloads, r"caseloads?|case\s*loads?"),
    (
        Theme::CareLeavers,
        r"care\s+leavers?|leaving\s+care|education,\s+training\s+or\s+employment",
    ),
    (
        Theme::LegalAction,
        r"pre-proceedings|care\s+proceedings|legal\s+(?:action|planning|pathways?|gateway)|public\s+law|court",
    ),
    (
        Theme::FrontDoor,
        r"front[- ]door|re-referrals?|referrals?|contacts?(?-u:\b)|MASH|multi-agency\s+safeguarding\s+hub|thresholds?|screening",
    ),
    (
        Theme::ManagementOversight,
        r"management\s+oversight|oversight|supervision|quality\s+assurance|audits?|auditing",
    ),
    (
        Theme::Workforce,
        r"agency\s+(?:staff|workers|social\s+workers)|recruit\w*|retention|retain\w*|turnover|vacanc\w+|workforce|morale|permanent\s+(?:staff|managers|workforce)|staffing|staff\s+stability|changes?\s+of\s+social\s+worker",
    ),
    (
        Theme::Placements,
        r"placements?|sufficiency|unregulated|semi-independent|foster\s+carers?|accommodation",
    ),
    (
        Theme::Partnership,
        r"police|health\s+(?:colleagues|partners|representatives|visitors)|partners?(?-u:\b)|partnership|multi-agency|information\s+sharing|share\s+information|strategy\s+meetings",
    ),
    (
        Theme::Timeliness,
        r"delays?|drift|timel\w+|too\s+slow|too\s+long|waiting|swiftly|promptly|pace",
    ),
    (
        Theme::Leadership,
        r"leaders?(?-u:\b)|leadership|senior\s+(?:managers|officers)|governance|improvement\s+plan|scrutiny|awareness|grip|self-assessment",
    ),
    (
        Theme::Resources,
        r"funding|investment|budget|resources?|capacity|cash",
    ),
    (
        Theme::PracticeQuality,
        r"assessments?|plans?(?-u:\b)|planning|chronolog\w+|practice|quality\s+of\s+(?:social\s+)?work|direct\s+work|case\s+records|decision[- ]making|child\s+protection",
    ),
];

/// All theme patterns in one automaton; the first pattern that matches wins.
static THEME_SET: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new(THEMES.iter().map(|(_, p)| format!(r"(?i)(?-u:\b)(?:{p})")))
        .expect("theme regexes")
});

/// Words that lean a finding towards concern or strength. A trailing `*`
/// matches any ending ("weak*" also matches "weakness"); other entries are
/// whole words.
const CONCERN_WORDS: &[&str] = &[
    "not",
    "too",
    "weak*",
    "poor*",
    "delay*",
    "drift*",
    "concern*",
    "insufficient*",
    "lack*",
    "inconsistent*",
    "still",
    "deteriorat*",
    "fail*",
    "unsuitable",
    "slow",
    "variable",
    "fragmented",
    "missing",
    "hamper*",
    "struggl*",
    "shortfall*",
    "gap",
    "gaps",
    "cannot",
    "limited",
    "unassessed",
    "neglect",
    "risk",
    "heavily",
    "high number",
    "high caseloads",
    "high turnover",
    "remains too",
    "remain too",
    "remains high",
    "remains weak",
    "remains variable",
    "however",
    "but",
    "despite",
    "unplanned",
    "misleading",
    "little impact",
    "below",
    "n't*",
];
const STRENGTH_WORDS: &[&str] = &[
    "improv*",
    "progress*",
    "praise*",
    "positive*",
    "good",
    "strong*",
    "effective*",
    "stable",
    "stability",
    "reduc*",
    "success*",
    "well",
    "welcome*",
    "solid",
    "high quality",
    "encouraging",
    "appropriate",
    "better",
    "clear",
    "committed",
    "robust",
    "decreased",
    "timely",
    "open",
];

/// One automaton for both lists; pattern ids below `CONCERN_WORDS.len()`
/// are concerns.
static POLARITY_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(
            CONCERN_WORDS
                .iter()
                .chain(STRENGTH_WORDS)
                .map(|w| w.trim_end_matches('*')),
        )
        .expect("polarity words")
});

fn theme_of(s: &str) -> Theme {
    THEME_SET
        .matches(s)
        .iter()
        .next()
        .map_or(Theme::Other, |i| THEMES[i].0)
}

fn polarity_of(s: &str) -> Polarity {
    let bytes = s.as_bytes();
    let (mut concerns, mut strengths) = (0, 0);
    for m in POLARITY_WORDS.find_iter(s) {
        let id = m.pattern().as_usize();
        let word = CONCERN_WORDS
            .iter()
            .chain(STRENGTH_WORDS)
            .nth(id)
            .copied()
            .unwrap_or("");
        let starts_word = m.start() == 0
            || !bytes[m.start() - 1].is_ascii_alphanumeric()
            || word.starts_with('n');
        let ends_word = word.ends_with('*')
            || bytes
                .get(m.end())
                .is_none_or(|b| !b.is_ascii_alphanumeric());
        if starts_word && ends_word {
            if id < CONCERN_WORDS.len() {
                concerns += 1;
            } else {
                strengths += 1;
            }
        }
    }
    if strengths > concerns {
        Polarity::Strength
    } else {
        Polarity::Concern
    }
}

/// Finding sentences: body sentences reporting inspectors' views, and
/// quotations from the report or letter.
pub fn findings(doc: &Doc, quotes: &[QuoteFound]) -> Vec<FindingFound> {
    let text = doc.text;
    let mut out: Vec<FindingFound> = Vec::new();
    let mut push = |range: Range<usize>| {
        let s = &text[range.clone()];
        if s.split_whitespace().count() < 6
            || out
                .iter()
                .any(|f| f.range.start < range.end && range.start < f.range.end)
        {
            return;
        }
        let theme = theme_of(s);
        if theme == Theme::Other {
            return;
        }
        out.push(FindingFound {
            theme,
            polarity: polarity_of(s),
            range,
        });
    };
    for q in quotes
        .iter()
        .filter(|q| q.speaker.as_deref() == Some("Ofsted"))
    {
        push(q.range.clone());
    }
    for s in doc.layout.body_sentences() {
        let sentence = &text[s.range.clone()];
        let in_quote = quotes
            .iter()
            .any(|q| q.range.start <= s.range.start && s.range.end <= q.range.end + 2);
        if !in_quote && REPORTED.is_match(sentence) {
            push(s.range.clone());
        }
    }
    out.sort_by_key(|f| f.range.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn themes_and_polarities() {
        assert_eq!(
            theme_of("caseloads are still high, inspectors found"),
            Theme::Caseloads
        );
        assert_eq!(
            theme_of("the workforce still relies too heavily on agency staff"),
            Theme::Workforce
        );
        assert_eq!(
            theme_of("health colleagues are not represented at strategy meetings"),
            Theme::Partnership
        );
        assert_eq!(
            polarity_of("caseloads are still too high"),
            Polarity::Concern
        );
        assert_eq!(
            polarity_of("staff morale has improved and practice is strong"),
            Polarity::Strength
        );
    }
}
