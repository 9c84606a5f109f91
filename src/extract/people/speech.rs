//! Whether a speech verb stands next to a name ("Jane Doe said", "said
//! Jane Doe"), in place of the pattern
//! `^\s*(?:,\s*)?(?:said|says|...)(?-u:\b)|(?-u:\b)(?:said|says|told|added)\s*$`
//! run on the text before and after the name.
//!
//! Why the parts answer as the pattern: a verb opens with a letter, so
//! before it `\s*` can only take all the white space, and the comma group
//! the comma when there is one; after the name the verb must then start
//! where those end. At the end, `\s*$` takes all the trailing white space,
//! and the verb must end where that starts. `(?-u:\b)` next to a verb's
//! ASCII letter asks for a byte that is not an ASCII word byte, or none.

use crate::ascii::is_word_byte;

/// Verbs that may open the text after a name.
const VERBS_AFTER: [&str; 15] = [
    "said",
    "says",
    "told",
    "added",
    "stated",
    "explained",
    "commented",
    "warned",
    "wrote",
    "admitted",
    "insisted",
    "argued",
    "claimed",
    "responded",
    "replied",
];

/// Verbs that may close the text before a name.
const VERBS_BEFORE: [&str; 4] = ["said", "says", "told", "added"];

/// Whether a speech verb opens or closes the text before or after a name.
pub(super) fn speaks(before: &str, after: &str) -> bool {
    [after, before]
        .into_iter()
        .any(|s| verb_opens(s) || verb_closes(s))
}

/// `^\s*(?:,\s*)?(?:said|says|...)(?-u:\b)`.
fn verb_opens(s: &str) -> bool {
    let rest = s.trim_start();
    let rest = rest.strip_prefix(',').map_or(rest, str::trim_start);
    VERBS_AFTER.iter().any(|verb| {
        rest.strip_prefix(verb)
            .is_some_and(|after| !after.bytes().next().is_some_and(is_word_byte))
    })
}

/// `(?-u:\b)(?:said|says|told|added)\s*$`.
fn verb_closes(s: &str) -> bool {
    let rest = s.trim_end();
    VERBS_BEFORE.iter().any(|verb| {
        rest.strip_suffix(verb)
            .is_some_and(|before| !before.bytes().next_back().is_some_and(is_word_byte))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    const SPEECH: &str = r"^\s*(?:,\s*)?(?:said|says|told|added|stated|explained|commented|warned|wrote|admitted|insisted|argued|claimed|responded|replied)(?-u:\b)|(?-u:\b)(?:said|says|told|added)\s*$";

    #[test]
    fn speech_verbs_agree_with_the_pattern() {
        let speech = Regex::new(SPEECH).expect("test regex");
        let texts = [
            " said the council",
            ", said",
            ",said:",
            " ,  told",
            "\u{a0}, \u{2003}added.",
            " saidx",
            " said_",
            " said1",
            " saidé",
            " said’",
            " , , said",
            "said",
            "",
            " ",
            ",",
            " replied",
            " repl",
            " SAID",
            "the report, he said",
            "the report, he said \u{a0}\r\n",
            "unsaid",
            "x_said",
            "é said",
            "ésaid",
            "’said",
            "said.",
            "he wrote",
            "she told ",
            "addedd",
            " \u{212a}said",
            "said  , ",
        ];
        for text in texts {
            assert_eq!(
                verb_opens(text) || verb_closes(text),
                speech.is_match(text),
                "{text:?}"
            );
        }
    }
}
