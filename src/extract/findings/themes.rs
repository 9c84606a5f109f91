//! The theme of a finding: the first theme, most specific first, that has
//! a keyword in the sentence.

use super::plain::{is_boundary, is_space, is_word, word_runs};
use crate::model::Theme;
use regex::RegexSet;
use std::sync::LazyLock;

/// Theme keywords, most specific first, in a small notation that the
/// scanner reads directly and that also renders as a regex
/// (`keyword_regex`): letters, `-` and `,` stand for themselves ignoring
/// case; ` ` is `\s+`, `~` is `\s*`, `/` is `[- ]`, `+` is one `\w` and `$`
/// is a word boundary. Every keyword starts with a letter at a word
/// boundary, and whitespace marks are always followed by a letter, so a
/// whitespace run can be taken whole. Optional endings (`s?`, `\w*`) and
/// keywords that merely extend another keyword of their theme are left out:
/// they never decide whether a theme has a keyword in a sentence.
const THEMES: &[(Theme, &[&str])] = &[
    (Theme::Caseloads, &["caseload", "case~load"]),
    (
        Theme::CareLeavers,
        &[
            "care leaver",
            "leaving care",
            "education, training or employment",
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
        Theme::FrontDoor,
        &[
            "front/door",
            "re-referral",
            "referral",
            "contact$",
            "contacts$",
            "mash",
            "multi-agency safeguarding hub",
            "threshold",
            "screening",
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
        ],
    ),
    (
        Theme::Workforce,
        &[
            "agency staff",
            "agency workers",
            "agency social workers",
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
            "semi-independent",
            "foster carer",
            "accommodation",
        ],
    ),
    (
        Theme::Partnership,
        &[
            "police",
            "health colleagues",
            "health partners",
            "health representatives",
            "health visitors",
            "partner$",
            "partners$",
            "partnership",
            "multi-agency",
            "information sharing",
            "share information",
            "strategy meetings",
        ],
    ),
    (
        Theme::Timeliness,
        &[
            "delay", "drift", "timel+", "too slow", "too long", "waiting", "swiftly", "promptly",
            "pace",
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
        ],
    ),
    (
        Theme::Resources,
        &[
            "funding",
            "investment",
            "budget",
            "resource",
            "capacity",
            "cash",
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
            "decision/making",
            "child protection",
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
            '+' => r"\w".to_string(),
            '$' => r"(?-u:\b)".to_string(),
            literal => literal.to_string(),
        })
        .collect()
}

/// One regex per theme, for sentences that are not plain.
static THEME_SET: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new(THEMES.iter().map(|(_, keywords)| {
        let alternatives: Vec<String> = keywords.iter().map(|k| keyword_regex(k)).collect();
        format!(r"(?i)(?-u:\b)(?:{})", alternatives.join("|"))
    }))
    .expect("theme regexes")
});

/// A theme's index in `THEMES` and one of its keywords.
type ThemeKeyword = (usize, &'static [u8]);

/// Keywords by their first two letters (lower case), each with its
/// theme's index, in theme order. Every keyword starts with two letters
/// and a third literal (`keywords_start_with_three_literals`).
static KEYWORDS_BY_HEAD: LazyLock<Vec<Vec<ThemeKeyword>>> = LazyLock::new(|| {
    let mut by_head = vec![Vec::new(); 26 * 26];
    for (theme, (_, keywords)) in THEMES.iter().enumerate() {
        for keyword in keywords.iter().map(|k| k.as_bytes()) {
            let slot = head_slot(keyword).expect("keywords start with two letters");
            by_head[slot].push((theme, keyword));
        }
    }
    by_head
});

/// Slot of the first two bytes of lower-case `word` in `KEYWORDS_BY_HEAD`,
/// if both are letters.
fn head_slot(word: &[u8]) -> Option<usize> {
    let letter = |at: usize| {
        let b = *word.get(at)?;
        b.is_ascii_lowercase().then(|| usize::from(b - b'a'))
    };
    Some(letter(0)? * 26 + letter(1)?)
}

/// The theme of sentence `s`. `lowered_if_plain` is `s` with ASCII
/// letters in lower case if `s` is plain (see `UnplainChars`): then the
/// scanner stands in for the regexes.
pub(super) fn theme_of(s: &str, lowered_if_plain: Option<&[u8]>) -> Theme {
    let theme = if let Some(lowered) = lowered_if_plain {
        first_theme_in_plain(lowered)
    } else {
        THEME_SET.matches(s).iter().next()
    };
    theme.map_or(Theme::Other, |i| THEMES[i].0)
}

/// Index of the first theme with a keyword in plain text with ASCII
/// letters in lower case (which `(?i)` ignores there). Keywords start with
/// a letter after a word boundary, so only the starts of word runs need
/// trying.
fn first_theme_in_plain(hay: &[u8]) -> Option<usize> {
    let by_head = &*KEYWORDS_BY_HEAD;
    let mut best: Option<usize> = None;
    for start in word_runs(hay).map(|run| run.start) {
        let Some(slot) = head_slot(&hay[start..]) else {
            continue;
        };
        let third = hay.get(start + 2).copied();
        for &(theme, keyword) in &by_head[slot] {
            if best.is_some_and(|b| theme >= b) {
                break;
            }
            // A cheap first test: the third byte of every keyword is a
            // literal in lower case.
            if third == Some(keyword[2]) && keyword_at(keyword, hay, start) {
                best = Some(theme);
                break;
            }
        }
        if best == Some(0) {
            break;
        }
    }
    best
}

/// Whether `keyword` (notation of `THEMES`) matches plain lower-case `hay`
/// at `at`.
fn keyword_at(keyword: &[u8], hay: &[u8], mut at: usize) -> bool {
    for &mark in keyword {
        match mark {
            b' ' | b'~' => {
                let run = hay[at..].iter().take_while(|&&b| is_space(b)).count();
                if mark == b' ' && run == 0 {
                    return false;
                }
                at += run;
            }
            b'$' if is_boundary(hay, at) => {}
            b'$' => return false,
            _ => {
                let Some(&b) = hay.get(at) else {
                    return false;
                };
                let matched = match mark {
                    b'/' => b == b'-' || b == b' ',
                    b'+' => is_word(b),
                    literal => b == literal,
                };
                if !matched {
                    return false;
                }
                at += 1;
            }
        }
    }
    true
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::plain::UnplainChars;
    use super::*;

    #[test]
    fn keywords_start_with_three_literals() {
        for keyword in THEMES.iter().flat_map(|(_, keywords)| keywords.iter()) {
            let head = &keyword.as_bytes()[..3];
            assert!(head[..2].iter().all(u8::is_ascii_lowercase), "{keyword}");
            assert!(head[2].is_ascii_lowercase() || head[2] == b'-', "{keyword}");
        }
    }

    /// The scanner agrees with the theme regexes on tricky plain text.
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

    /// The scanner agrees with the theme regexes on tricky plain text.
    #[test]
    fn scanner_matches_the_regexes() {
        // Every tail of a case, so that later keywords get their turn.
        let tails = TRICKY
            .iter()
            .flat_map(|case| case.char_indices().map(move |(at, _)| &case[at..]));
        for case in tails {
            let expected = THEME_SET.matches(case).iter().next();
            let lowered = case.to_ascii_lowercase();
            assert_eq!(
                first_theme_in_plain(lowered.as_bytes()),
                expected,
                "{case:?}"
            );
        }
    }

    /// The keywords say the same as the theme patterns they were written
    /// from, on plain and unplain text.
    #[test]
    fn keywords_match_the_original_patterns() {
        const ORIGINAL: &[&str] = &[
            r"caseloads?|case\s*loads?",
            r"care\s+leavers?|leaving\s+care|education,\s+training\s+or\s+employment",
            r"pre-proceedings|care\s+proceedings|legal\s+(?:action|planning|pathways?|gateway)|public\s+law|court",
            r"front[- ]door|re-referrals?|referrals?|contacts?(?-u:\b)|MASH|multi-agency\s+safeguarding\s+hub|thresholds?|screening",
            r"management\s+oversight|oversight|supervision|quality\s+assurance|audits?|auditing",
            r"agency\s+(?:staff|workers|social\s+workers)|recruit\w*|retention|retain\w*|turnover|vacanc\w+|workforce|morale|permanent\s+(?:staff|managers|workforce)|staffing|staff\s+stability|changes?\s+of\s+social\s+worker",
            r"placements?|sufficiency|unregulated|semi-independent|foster\s+carers?|accommodation",
            r"police|health\s+(?:colleagues|partners|representatives|visitors)|partners?(?-u:\b)|partnership|multi-agency|information\s+sharing|share\s+information|strategy\s+meetings",
            r"delays?|drift|timel\w+|too\s+slow|too\s+long|waiting|swiftly|promptly|pace",
            r"leaders?(?-u:\b)|leadership|senior\s+(?:managers|officers)|governance|improvement\s+plan|scrutiny|awareness|grip|self-assessment",
            r"funding|investment|budget|resources?|capacity|cash",
            r"assessments?|plans?(?-u:\b)|planning|chronolog\w+|practice|quality\s+of\s+(?:social\s+)?work|direct\s+work|case\s+records|decision[- ]making|child\s+protection",
        ];
        let original = RegexSet::new(ORIGINAL.iter().map(|p| format!(r"(?i)(?-u:\b)(?:{p})")))
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
        for case in TRICKY.iter().chain(&unplain) {
            let expected: Vec<usize> = original.matches(case).into_iter().collect();
            let found: Vec<usize> = THEME_SET.matches(case).into_iter().collect();
            assert_eq!(found, expected, "{case:?}");
        }
    }

    /// `theme_of` with the plainness of `s` found as `findings` finds it.
    pub(in super::super) fn theme_of_sentence(s: &str) -> Theme {
        let lowered = s.to_ascii_lowercase();
        let plain = UnplainChars::of(s).is_plain(0..s.len());
        theme_of(s, plain.then_some(lowered.as_bytes()))
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
