//! The theme of a finding: the first theme, most specific first, that has
//! a keyword in the sentence.

use crate::ascii::is_word_byte;
use crate::extract::cues::Folded;
use crate::extract::engine::{RowMatches, RowSet};
use crate::model::Theme;
use std::ops::Range;
use std::sync::LazyLock;

/// Theme keywords, most specific first, in a small notation that renders
/// as a regex (`keyword_regex`): letters, `-` and `,` stand for themselves
/// ignoring case; ` ` is `\s+`, `~` is `\s*`, `/` is `[- ]`, `+` is one
/// word character (`[\p{Latin}0-9_]`) and `$` is a word boundary. Every
/// keyword starts at a word boundary. Optional endings (`s?`, more word
/// characters) and keywords that merely extend another keyword of their
/// theme are left out: they never decide whether a theme has a keyword in
/// a sentence.
const THEMES: &[(Theme, &[&str])] = &[
    (
        Theme::Caseloads,
        &["caseload", "case~load", "cases each", "too many cases"],
    ),
    (
        Theme::FrontDoor,
        &[
            "front/door",
            "re-referral",
            "referral",
            "referred",
            "identified early",
            "identified quickly",
            "contact$",
            "contacts$",
            "mash",
            "multi-agency safeguarding hub",
            "threshold",
            "screening",
        ],
    ),
    (
        Theme::Partnership,
        &[
            "police",
            "health colleagues",
            "health partners",
            "health professionals",
            "health services",
            "health representatives",
            "health visitors",
            "gps$",
            "partner$",
            "partners$",
            "partnership",
            "multi-agency",
            "information sharing",
            "share information",
            "strategy meetings",
        ],
    ),
    // Before care leavers and placements: a wait is the finding, whoever
    // waits ("care leavers wait too long for a pathway plan"); after
    // partnership, where agencies sharing information quickly is the
    // finding.
    (
        Theme::Timeliness,
        &[
            "delay",
            "drift",
            "timel+",
            "too slow",
            "too long",
            "wait",
            "swift",
            "promptly",
            "pace",
            "quick",
            "on time",
            "within timescales",
        ],
    ),
    (
        Theme::CareLeavers,
        &[
            "care leaver",
            "leaving care",
            "education, training or employment",
            "pathway plan",
            "personal adviser",
        ],
    ),
    (
        Theme::LegalAction,
        &[
            "pre-proceedings",
            "care proceedings",
            "legal action",
            "legal planning",
            "legal pathway",
            "legal gateway",
            "public law",
            "court",
        ],
    ),
    (
        Theme::ManagementOversight,
        &[
            "management oversight",
            "oversight",
            "supervision",
            "quality assurance",
            "audit",
            "reviewing officer",
        ],
    ),
    (
        Theme::Workforce,
        &[
            "agency staff",
            "agency workers",
            "agency social workers",
            "through agencies",
            "recruit",
            "retention",
            "retain",
            "turnover",
            "vacanc+",
            "workforce",
            "morale",
            "permanent staff",
            "permanent managers",
            "permanent workforce",
            "staffing",
            "staff stability",
            "change of social worker",
            "changes of social worker",
        ],
    ),
    (
        Theme::Placements,
        &[
            "placement",
            "sufficiency",
            "unregulated",
            "unregistered",
            "semi-independent",
            "foster",
            "carers",
            "accommodation",
            "bed and breakfast",
            "homes$",
            "matched",
        ],
    ),
    (
        Theme::Leadership,
        &[
            "leader$",
            "leaders$",
            "leadership",
            "senior managers",
            "senior officers",
            "governance",
            "improvement plan",
            "scrutiny",
            "awareness",
            "grip",
            "self-assessment",
            "registered manager",
            "changes of manager",
        ],
    ),
    (
        Theme::Resources,
        &[
            "funding", "invest", "budget", "resource", "capacity", "cash",
        ],
    ),
    (
        Theme::PracticeQuality,
        &[
            "assessment",
            "plan$",
            "plans$",
            "planning",
            "chronolog+",
            "practice",
            "quality of work",
            "quality of social work",
            "direct work",
            "case records",
            "records$",
            "decision/making",
            "child protection",
            "relationships",
            "return interview",
            "return home interview",
            "restrain",
            "visit children",
            "visited children",
            "visiting children",
            "visit them",
            "visited them",
            "seen regularly",
            "saw them alone",
        ],
    ),
    // Last: services the guide gives no theme of their own, named where no
    // other theme is (a finding about them is `other`, not dropped).
    (
        Theme::Other,
        &[
            "early help",
            "education provided",
            "school attendance",
            "attending school",
            "health care",
            "adoption support",
            "feel safe",
            "safer",
        ],
    ),
];

/// The regex a keyword in the notation of `THEMES` stands for.
fn keyword_regex(keyword: &str) -> String {
    keyword
        .chars()
        .map(|c| match c {
            ' ' => r"\s+".to_string(),
            '~' => r"\s*".to_string(),
            '/' => "[- ]".to_string(),
            '+' => r"[\p{Latin}0-9_]".to_string(),
            '$' => r"(?-u:\b)".to_string(),
            literal => literal.to_string(),
        })
        .collect()
}

/// Every keyword as a row of one set, in the order of `THEMES`, yielding
/// its theme's place there; `flags` apply to each.
fn keyword_set(flags: &str) -> RowSet<usize> {
    let rows: Vec<(String, usize)> = THEMES
        .iter()
        .enumerate()
        .flat_map(|(i, (_, keywords))| {
            keywords
                .iter()
                .map(move |k| (format!(r"(?-u:\b)(?:{})", keyword_regex(k)), i))
        })
        .collect();
    RowSet::new(flags, rows.iter().map(|(p, i)| (p.as_str(), *i)))
}

/// For the ASCII-lower-cased text (the keywords are in lower case).
static KEYWORDS: LazyLock<RowSet<usize>> = LazyLock::new(|| keyword_set(""));
/// For a text holding a character that `(?i)` equates with an ASCII
/// letter (`cues::Folded`).
static KEYWORDS_ANY_CASE: LazyLock<RowSet<usize>> = LazyLock::new(|| keyword_set("(?i)"));

/// The theme of a sentence: the first theme with a keyword in it, if any.
pub(super) fn theme_of(sentence: &Folded) -> Option<Theme> {
    // The set picked is compiled when first used, the other never.
    let (keywords, hay) = sentence.pick(&KEYWORDS, &KEYWORDS_ANY_CASE);
    first_theme(keywords, hay)
}

/// The theme keywords found in a sentence: its theme, and the theme of
/// most of its clauses without searching them again.
pub(super) struct Keywords<'a> {
    matches: RowMatches<'a, usize>,
    hay: &'a str,
}

/// The theme keywords in a sentence.
pub(super) fn keywords_in<'a>(sentence: &'a Folded) -> Keywords<'a> {
    let (keywords, hay) = sentence.pick(&KEYWORDS, &KEYWORDS_ANY_CASE);
    Keywords {
        matches: keywords.matches_in(hay),
        hay,
    }
}

impl Keywords<'_> {
    /// The sentence's theme, as `theme_of` finds it.
    pub(super) fn theme(&self) -> Option<Theme> {
        self.matches.first_yield().map(|i| THEMES[i].0)
    }

    /// The theme of `part` (a byte range of the sentence) as `theme_of`
    /// finds it in the part alone, where the keywords found in the
    /// sentence tell it: not where a keyword's match runs out of the part,
    /// nor where a word runs across one of its edges (the keywords'
    /// `\b` would see it there and not in the part alone).
    pub(super) fn theme_within(&self, part: &Range<usize>) -> Option<Option<Theme>> {
        let is_word = |b: &u8| is_word_byte(*b);
        let bytes = self.hay.as_bytes();
        let word_before = part.start.checked_sub(1).and_then(|i| bytes.get(i));
        if word_before.is_some_and(is_word) || bytes.get(part.end).is_some_and(is_word) {
            return None;
        }
        let first = self.matches.first_yield_within(part)?;
        Some(first.map(|i| THEMES[i].0))
    }
}

/// The first theme with a keyword anywhere in `hay`.
fn first_theme(keywords: &RowSet<usize>, hay: &str) -> Option<Theme> {
    let first = keywords.first_yield_in(hay)?;
    Some(THEMES[first].0)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Tricky text for the keywords.
    const TRICKY: &[&str] = &[
        "caseloads are still high, inspectors found",
        "Case \t\x0Bloads and CASELOAD",
        "caseloads",
        "showcase loads",
        "front  door, FRONT-DOOR and front door",
        "contacts_ contact",
        "contactless partners2 partner_ leaders, leader",
        "vacanc vacanc“ies vacancy timel timeline chronolog",
        "planned plans; plan",
        "the changes of social worker",
        "quality of social  work",
        "education,training or employment; education, training or employment",
        "multi-agency safeguarding\nhub",
        "a pace-setter",
        "spaces are tight",
        "decision-making",
        "x",
        "",
    ];

    /// The keywords say the same as the theme patterns they were written
    /// from, on plain and unplain text.
    #[test]
    fn keywords_match_the_original_patterns() {
        const ORIGINAL: &[&str] = &[
            r"caseloads?|case\s*loads?|cases\s+each|too\s+many\s+cases",
            r"front[- ]door|re-referrals?|referrals?|referred|identified\s+(?:early|quickly)|contacts?(?-u:\b)|MASH|multi-agency\s+safeguarding\s+hub|thresholds?|screening",
            r"police|health\s+(?:colleagues|partners|professionals|services|representatives|visitors)|gps(?-u:\b)|partners?(?-u:\b)|partnership|multi-agency|information\s+sharing|share\s+information|strategy\s+meetings",
            r"delays?|drift|timel[\p{Latin}0-9_]+|too\s+slow|too\s+long|wait[\p{Latin}0-9_]*|swift[\p{Latin}0-9_]*|promptly|pace|quick[\p{Latin}0-9_]*|on\s+time|within\s+timescales",
            r"care\s+leavers?|leaving\s+care|education,\s+training\s+or\s+employment|pathway\s+plans?|personal\s+advisers?",
            r"pre-proceedings|care\s+proceedings|legal\s+(?:action|planning|pathways?|gateway)|public\s+law|court",
            r"management\s+oversight|oversight|supervision|quality\s+assurance|audits?|auditing|reviewing\s+officers?",
            r"agency\s+(?:staff|workers|social\s+workers)|through\s+agencies|recruit[\p{Latin}0-9_]*|retention|retain[\p{Latin}0-9_]*|turnover|vacanc[\p{Latin}0-9_]+|workforce|morale|permanent\s+(?:staff|managers|workforce)|staffing|staff\s+stability|changes?\s+of\s+social\s+worker",
            r"placements?|sufficiency|unregulated|unregistered|semi-independent|foster[\p{Latin}0-9_]*|carers|accommodation|bed\s+and\s+breakfast|homes(?-u:\b)|matched",
            r"leaders?(?-u:\b)|leadership|senior\s+(?:managers|officers)|governance|improvement\s+plan|scrutiny|awareness|grip|self-assessment|registered\s+manager|changes\s+of\s+manager",
            r"funding|invest[\p{Latin}0-9_]*|budget|resources?|capacity|cash",
            r"assessments?|plans?(?-u:\b)|planning|chronolog[\p{Latin}0-9_]+|practice|quality\s+of\s+(?:social\s+)?work|direct\s+work|case\s+records|records(?-u:\b)|decision[- ]making|child\s+protection|relationships|return\s+(?:home\s+)?interview|restrain[\p{Latin}0-9_]*|visit(?:ed|ing)?\s+children|visit(?:ed)?\s+them|seen\s+regularly|saw\s+them\s+alone",
            r"early\s+help|education\s+provided|school\s+attendance|attending\s+school|health\s+care|adoption\s+support|feel\s+safe|safer",
        ];
        let original =
            regex::RegexSet::new(ORIGINAL.iter().map(|p| format!(r"(?i)(?-u:\b)(?:{p})")))
                .expect("original theme regexes");
        let unplain = [
            "care\u{A0}leavers",
            "ca\u{17F}eloads",
            "\u{17F}creening",
            "x\u{17F}creening",
            "wor\u{212A}force",
            "vacancé",
            "chronolog\u{2B2}",
        ];
        let upper: Vec<String> = TRICKY.iter().map(|c| c.to_uppercase()).collect();
        let cases = TRICKY
            .iter()
            .chain(&unplain)
            .copied()
            .chain(upper.iter().map(String::as_str));
        for case in cases {
            let expected: Vec<usize> = original.matches(case).into_iter().collect();
            let first = expected.first().map(|&i| THEMES[i].0);
            // On the text and on its lower-cased copy (none where
            // lower-casing ASCII would change what matches).
            assert_eq!(first_theme(&KEYWORDS_ANY_CASE, case), first, "{case:?}");
            if let Some(lower) = crate::extract::cues::lower_cased(case) {
                assert_eq!(first_theme(&KEYWORDS, &lower), first, "{case:?}");
            }
            assert_eq!(theme_of(&Folded::new(case)), first, "{case:?}");
        }
    }

    #[test]
    fn a_parts_theme_comes_from_the_sentences_keywords_only_where_they_tell_it() {
        let sentence = "caseloads are high, and the front door is slow";
        let folded = Folded::new(sentence);
        let keywords = keywords_in(&folded);
        assert_eq!(keywords.theme(), theme_of(&folded));
        let part = |p: &str| {
            let start = sentence.find(p).expect("a part");
            start..start + p.len()
        };
        let theme_alone = |p: &str| theme_of(&Folded::new(p));
        let second = "the front door is slow";
        assert_eq!(
            keywords.theme_within(&part(second)),
            Some(theme_alone(second))
        );
        assert_eq!(keywords.theme_within(&part("are high")), Some(None));
        // Cut inside a word: `\b` would see the part differently alone.
        assert_eq!(keywords.theme_within(&part("loads are high")), None);
        // A keyword running out of the part ("front door").
        assert_eq!(keywords.theme_within(&part("the front")), None);
    }

    /// `theme_of`, for the findings tests.
    pub(in super::super) fn theme_of_sentence(s: &str) -> Theme {
        theme_of(&Folded::new(s)).unwrap_or(Theme::Other)
    }

    #[test]
    fn unplain_text_uses_the_regexes() {
        assert_eq!(
            theme_of_sentence("care\u{A0}leavers were supported"),
            Theme::CareLeavers
        );
        assert_eq!(theme_of_sentence("Ca\u{17F}eloads"), Theme::Caseloads);
        assert_eq!(theme_of_sentence("\u{17F}creening"), Theme::Other);
        assert_eq!(theme_of_sentence("vacancé"), Theme::Workforce);
    }
}
