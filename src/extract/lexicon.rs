//! Word lists that several rules share, each written once: verbs of saying,
//! months and weekdays, ordinals, number words. A rule takes its words from
//! here (as a pattern's alternation with `alternation`, or as a look-up),
//! so that a word added here reaches every rule that uses the list.

pub mod outlets;

/// What a verb of saying serves. A row of `SAYING_VERBS` names every use.
pub mod says {
    /// Attributes a quotation: ",” she said", "said Jane Doe", "Jane Doe
    /// told a meeting that ...".
    pub const QUOTE: u8 = 1;
    /// Vouches for a name it opens the text after ("Jane Doe said").
    pub const AFTER_NAME: u8 = 2;
    /// Vouches for a name it closes the text before ("said Jane Doe").
    pub const BEFORE_NAME: u8 = 4;
    /// Reports what inspectors found after a subject ("Inspectors, in
    /// their letter, found ...", "the report said").
    pub const FINDING: u8 = 8;
    /// Reports a finding right after "inspectors" or "Ofsted" too
    /// ("Ofsted found"), where `FINDING` verbs need the subject's window.
    pub const FINDING_NEAR: u8 = 16;
}

use says::{AFTER_NAME, BEFORE_NAME, FINDING, FINDING_NEAR, QUOTE};

/// A verb of saying and the rules it serves (`says`).
pub struct SayingVerb {
    pub word: &'static str,
    pub uses: u8,
}

const fn verb(word: &'static str, uses: u8) -> SayingVerb {
    SayingVerb { word, uses }
}

/// Verbs of saying, in lower case. The order is the order patterns try
/// them in; a verb that is a prefix of another ("say", "says") matches
/// only as a whole word, so the order changes no match.
#[rustfmt::skip]
pub const SAYING_VERBS: &[SayingVerb] = &[
    verb("said",         QUOTE | AFTER_NAME | BEFORE_NAME | FINDING | FINDING_NEAR),
    verb("says",         QUOTE | AFTER_NAME | BEFORE_NAME | FINDING),
    verb("say",          QUOTE | FINDING),
    verb("added",        QUOTE | AFTER_NAME | BEFORE_NAME | FINDING),
    verb("adds",         QUOTE),
    verb("stated",       QUOTE | AFTER_NAME | FINDING),
    verb("states",       QUOTE | FINDING),
    verb("state",        QUOTE),
    verb("told",         QUOTE | AFTER_NAME | BEFORE_NAME),
    verb("tells",        QUOTE),
    verb("continued",    QUOTE),
    verb("continues",    QUOTE),
    verb("concluded",    QUOTE | FINDING),
    verb("concludes",    QUOTE),
    verb("explained",    QUOTE | AFTER_NAME),
    verb("explains",     QUOTE),
    verb("warned",       QUOTE | AFTER_NAME | FINDING),
    verb("warns",        QUOTE | FINDING),
    verb("wrote",        QUOTE | AFTER_NAME | FINDING),
    verb("writes",       QUOTE | FINDING),
    verb("noted",        QUOTE | FINDING | FINDING_NEAR),
    verb("notes",        QUOTE | FINDING),
    verb("commented",    QUOTE | AFTER_NAME),
    verb("insisted",     QUOTE | AFTER_NAME),
    verb("admitted",     QUOTE | AFTER_NAME),
    verb("found",        QUOTE | FINDING | FINDING_NEAR),
    verb("finds",        QUOTE | FINDING),
    verb("reads",        QUOTE),
    verb("read",         QUOTE),
    verb("acknowledged", QUOTE | FINDING),
    verb("praised",      QUOTE | FINDING | FINDING_NEAR),
    verb("conceded",     QUOTE),
    verb("observed",     QUOTE | FINDING),
    verb("highlighted",  QUOTE | FINDING),
    verb("declared",     QUOTE),
    verb("claimed",      QUOTE | AFTER_NAME),
    verb("responded",    QUOTE | AFTER_NAME),
    verb("replied",      QUOTE | AFTER_NAME),
    verb("remarked",     QUOTE),
    verb("stressed",     QUOTE),
    verb("announced",    QUOTE | AFTER_NAME),
    verb("saying",       QUOTE | FINDING | FINDING_NEAR),
    verb("describes",    QUOTE | FINDING),
    verb("describing",   QUOTE),
    verb("argued",       AFTER_NAME),
    verb("find",         FINDING),
    verb("identified",   FINDING),
    verb("raised",       FINDING),
    verb("criticised",   FINDING),
    verb("reported",     FINDING),
    verb("discovered",   FINDING),
    verb("saw",          FINDING),
    verb("concerned",    FINDING),
    verb("want",         FINDING),
    verb("wanted",       FINDING),
    verb("also",         FINDING),
    verb("recognised",   FINDING),
    verb("judged",       FINDING),
    verb("considered",   FINDING),
    verb("described",    QUOTE | FINDING),
    // Only findings use these: the report "praises", "highlights" or
    // "commends" a service; inspectors "singled out" one.
    verb("praises",      FINDING),
    verb("highlights",   FINDING),
    verb("commended",    FINDING | FINDING_NEAR),
    verb("commends",     FINDING),
    verb("criticises",   FINDING),
    verb("singled out",  FINDING),
    verb("judges",       FINDING),
    // "..., with inspectors warning / finding that ..." (and "saying").
    verb("warning",      FINDING | FINDING_NEAR),
    verb("finding",      FINDING_NEAR),
];

/// The verbs of saying that serve `use_`, in table order.
pub fn saying_verbs(use_: u8) -> impl Iterator<Item = &'static str> {
    SAYING_VERBS
        .iter()
        .filter(move |v| v.uses & use_ != 0)
        .map(|v| v.word)
}

/// `words` as one alternation for a pattern, `(?:a|b|c)`, each word's
/// characters literal but its spaces any white space (`\s+`).
pub fn alternation<'w>(words: impl IntoIterator<Item = &'w str>) -> String {
    let words: Vec<String> = words
        .into_iter()
        .map(|w| {
            w.split(' ')
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect();
    format!("(?:{})", words.join("|"))
}

/// Ordinal words, "first" to "twelfth": the ordinal of a monitoring visit.
pub const ORDINALS: [&str; 12] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];

/// An ordinal in words or digits ("fifth", "5th"), as a pattern.
pub fn ordinal_pattern() -> String {
    let words = alternation(ORDINALS);
    format!(
        r"(?:{}|[0-9]{{1,2}}(?:st|nd|rd|th))",
        &words[3..words.len() - 1]
    )
}

/// The value of an ordinal in words or digits ("fifth", "5th"), any case.
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

/// Numbers in words with their values: figures with a unit ("six million
/// pounds", "fifty per cent") and shifts of months ("three months after").
pub const NUMBER_WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("fifteen", 15),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
];

/// The value of a number word, any ASCII case.
pub fn number_word(word: &str) -> Option<u32> {
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, v)| v)
}

/// The number words up to `max`, as an alternation.
pub fn number_words_up_to(max: u32) -> String {
    alternation(
        NUMBER_WORDS
            .iter()
            .filter(|(_, v)| *v <= max)
            .map(|(w, _)| *w),
    )
}

/// Month names as news writes them, full and short ("Sept" before "Sep",
/// so that the longer is taken), capitalised: "may" and "march" in lower
/// case are verbs.
pub const MONTH_NAMES: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sept",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
];

/// Weekday names, full and short, capitalised.
pub const WEEKDAY_NAMES: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Mon",
    "Tue",
    "Tues",
    "Wed",
    "Thu",
    "Thur",
    "Thurs",
    "Fri",
    "Sat",
    "Sun",
];

/// A name without a leading capitalised "The " ("The Sentinel", "The Local
/// Government Association" opening a sentence): how outlets' names are
/// compared and organisations named.
pub fn without_leading_the(name: &str) -> &str {
    name.strip_prefix("The ").unwrap_or(name)
}

/// The number of a month by its name, full or short, any case, with or
/// without a point ("Sept.", "DEC").
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.');
    let start = n.get(..3)?;
    MONTH_NAMES[..12]
        .iter()
        .position(|m| m[..3].eq_ignore_ascii_case(start))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_verb_of_saying_is_listed_once_with_all_its_uses() {
        let mut seen = std::collections::HashSet::new();
        for v in SAYING_VERBS {
            assert!(seen.insert(v.word), "{:?} is listed twice", v.word);
        }
    }
}
