//! Whether a speech verb stands next to a name ("Jane Doe said", "said
//! Jane Doe"): one pattern over the verbs of saying of `lexicon` that
//! vouch for a name after or before it, run on the text before and after
//! the name.

use crate::extract::lexicon::{self, says};
use regex::Regex;
use std::sync::LazyLock;

static SPEECH: LazyLock<Regex> = LazyLock::new(|| {
    let after = lexicon::alternation(lexicon::saying_verbs(says::AFTER_NAME));
    let before = lexicon::alternation(lexicon::saying_verbs(says::BEFORE_NAME));
    Regex::new(&format!(
        r"^\s*(?:,\s*)?{after}(?-u:\b)|(?-u:\b){before}\s*$"
    ))
    .expect("speech regex")
});

/// Whether a speech verb opens or closes the text before or after a name.
pub(super) fn speaks(before: &str, after: &str) -> bool {
    SPEECH.is_match(after) || SPEECH.is_match(before)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_verbs_open_or_close_the_text_beside_a_name() {
        let speaks_after = |after: &str| speaks("", after);
        let speaks_before = |before: &str| speaks(before, "");
        for after in [
            " said the council",
            ", said",
            ",said:",
            "\u{a0}, \u{2003}added.",
            " replied",
            " said’",
        ] {
            assert!(speaks_after(after), "{after:?}");
        }
        for after in [" saidx", " said_", " said1", " repl", " SAID", "unsaid"] {
            assert!(!speaks_after(after), "{after:?}");
        }
        for before in [
            "the report, he said",
            "the report, he said \u{a0}\r\n",
            "she told ",
            "said",
        ] {
            assert!(speaks_before(before), "{before:?}");
        }
        for before in ["he wrote", "x_said", "addedd"] {
            assert!(!speaks_before(before), "{before:?}");
        }
    }
}
