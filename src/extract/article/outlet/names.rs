//! Reading an outlet's or organisation's name where a cue says one
//! stands, and telling what it names.

use crate::extract::article::byline::word_spans;
use crate::extract::lexicon::outlets::{OutletKind, is_title_shaped, known_outlet};
use crate::extract::names;

/// The most words a publication's or organisation's name runs to.
const MOST_NAME_WORDS: usize = 6;

/// Small words that may join the capitalised words of a name ("Express &
/// Star", "Isle of Wight County Press", "Brighter Futures for Children").
fn is_connector(word: &str) -> bool {
    matches!(word, "&" | "and" | "of" | "for" | "upon")
}

/// The length in bytes of the capitalised name that opens `s`, if one
/// does: words that start with a capital, joined by connectors; a
/// possessive ends it unless a capitalised word follows ("Community Care’s
/// daily newsletter", but "Sandwell Children's Trust"); punctuation, a
/// year or a lower-case word ends it.
pub(super) fn name_len_at(s: &str) -> Option<usize> {
    let mut end = 0;
    let mut named_words = 0;
    for (at, word) in word_spans(s).take(2 * MOST_NAME_WORDS) {
        if named_words >= MOST_NAME_WORDS {
            break;
        }
        let bare =
            word.trim_end_matches([',', '.', ':', ';', '!', '?', ')', '"', '”', '’', '*', '_']);
        if is_connector(bare) && named_words > 0 && bare.len() == word.len() {
            continue;
        }
        let small_number = bare.len() <= 2 && bare.bytes().all(|b| b.is_ascii_digit());
        let capital = bare.starts_with(char::is_uppercase) || (small_number && named_words > 0);
        if !capital {
            break;
        }
        let (stem, possessive) = without_possessive(bare);
        end = at + if possessive { stem.len() } else { bare.len() };
        named_words += 1;
        if bare.len() < word.len() {
            break;
        }
        if possessive {
            // Only a capitalised word after it keeps the name going.
            let next = s[at + word.len()..].trim_start();
            if !next.starts_with(char::is_uppercase) {
                break;
            }
        }
    }
    (named_words > 0).then_some(end)
}

fn without_possessive(word: &str) -> (&str, bool) {
    match word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")) {
        Some(stem) => (stem, true),
        None => (word, false),
    }
}

/// The capitalised name that opens `s`, after how many bytes of a
/// leading "the" it starts.
pub(super) fn name_at(s: &str) -> Option<(usize, &str)> {
    let lead = match word_spans(s).take(2).collect::<Vec<_>>()[..] {
        [(0, the), (next, _)] if the == "the" || the == "The" => next,
        _ => 0,
    };
    let rest = &s[lead..];
    let len = name_len_at(rest)?;
    Some((lead, &rest[..len]))
}

/// A name as a value: its words with one plain space between them.
pub(super) fn plain_spaced(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a name read after a cue stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Named {
    /// A listed publication, by its canonical name, named by the first
    /// `len` bytes of the name read ("CYP Now" of "CYP Now Digital").
    Publication { name: &'static str, len: usize },
    /// A wire service or publishing group: never the outlet.
    NotAnOutlet,
    /// No listed outlet.
    Unlisted,
}

/// The listed outlet that the longest run of the name's first words
/// names.
pub(super) fn named(name: &str) -> Named {
    let spans: Vec<(usize, &str)> = word_spans(name).take(MOST_NAME_WORDS).collect();
    for n in (1..=spans.len()).rev() {
        let (at, last) = spans[n - 1];
        let end = at + last.len();
        if let Some(known) = known_outlet(&name[..end]) {
            return match known.kind {
                OutletKind::Publication => Named::Publication {
                    name: known.name,
                    len: end,
                },
                OutletKind::Wire | OutletKind::Group => Named::NotAnOutlet,
            };
        }
    }
    Named::Unlisted
}

/// Words that open credits and platform names rather than a
/// publication's ("© Getty Images", "Follow us on Facebook").
const NOT_PUBLICATIONS: &[&str] = &[
    "Getty",
    "Alamy",
    "Shutterstock",
    "iStock",
    "Crown",
    "Google",
    "OpenStreetMap",
    "Facebook",
    "Twitter",
    "Instagram",
    "YouTube",
    "LinkedIn",
    "WhatsApp",
    "TikTok",
    "All",
    "Copyright",
    "Image",
    "Images",
    "Photo",
    "Picture",
];

/// Whether an unlisted name may be a publication's own: not a person's
/// name ("Follow Jane Doe on X"), not a credit or a platform.
pub(super) fn could_be_publication(name: &str) -> bool {
    if is_title_shaped(name) {
        return true;
    }
    let first = name.split_whitespace().next().unwrap_or("");
    !name.is_empty() && !NOT_PUBLICATIONS.contains(&first) && !names::starts_with_first_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_end_at_punctuation_years_and_small_words() {
        fn read(s: &str) -> Option<&str> {
            name_len_at(s).map(|n| &s[..n])
        }
        assert_eq!(read("Express & Star. All rights"), Some("Express & Star"));
        assert_eq!(read("Wessex Courier 2019"), Some("Wessex Courier"));
        assert_eq!(
            read("Fenland Post’s daily newsletter"),
            Some("Fenland Post")
        );
        assert_eq!(
            read("Anytown Children's Trust communications team"),
            Some("Anytown Children's Trust")
        );
        assert_eq!(read("BBC Somewhere on Facebook"), Some("BBC Somewhere"));
        assert_eq!(read("Channel 4 News tonight"), Some("Channel 4 News"));
        assert_eq!(read("our newsletter"), None);
    }

    #[test]
    fn wires_and_groups_are_not_outlets() {
        assert_eq!(named("Press Association"), Named::NotAnOutlet);
        assert_eq!(named("Newsquest Media Group"), Named::NotAnOutlet);
        assert_eq!(
            named("CYP Now Digital"),
            Named::Publication {
                name: "CYP Now",
                len: 7
            }
        );
        assert_eq!(named("Fenland Post"), Named::Unlisted);
    }
}
