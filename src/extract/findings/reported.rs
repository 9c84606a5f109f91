//! Which sentences report what inspectors (or their report, letter...)
//! said or found: a rule table over the verbs of saying of `lexicon`.

use crate::extract::cues;
use crate::extract::doc::Doc;
use crate::extract::engine::Table;
use crate::extract::lexicon::{self, says};
use std::ops::Range;
use std::sync::LazyLock;

/// The rows, in lower case: a reporting subject, then within 80
/// characters and no full stop a reporting verb; or "according to" a
/// source; or a subject right before one of the most common verbs; or
/// what someone "told inspectors".
fn rows() -> Vec<String> {
    let verbs = lexicon::alternation(lexicon::saying_verbs(says::FINDING));
    let near_verbs = lexicon::alternation(lexicon::saying_verbs(says::FINDING_NEAR));
    vec![
        format!(
            r"(?-u:\b)(?:inspectors?|ofsted|the\s+(?:(?:inspection|monitoring|ofsted|inspectors'|published|latest|final)\s+)?(?:report|letter|inspectorate|watchdog|regulator|visit)|(?:its|their|ofsted's)\s+(?:(?:inspection|monitoring)\s+)?(?:report|letter)|hmi)(?-u:\b)[^.]{{0,80}}?(?-u:\b){verbs}(?-u:\b)"
        ),
        r"(?-u:\b)(?:according\s+to\s+(?:ofsted|inspectors|the\s+(?:inspection\s+|monitoring\s+)?(?:report|letter)|the\s+(?:education\s+)?(?:watchdog|inspectorate|regulator)))".to_string(),
        format!(r"(?-u:\b)(?:inspectors|ofsted)\s+{near_verbs}(?-u:\b)"),
        // The passive of the inspectors' verdict: "plans were found to be
        // too broad", "the team was singled out", "is described as a
        // strength".
        r"(?-u:\b)(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:also\s+)?(?:found|judged|described|singled\s+out|criticised|praised|commended)(?-u:\b)".to_string(),
        // What people told the inspectors is in their report.
        r"(?-u:\b)(?:told|spoke\s+to)\s+(?:the\s+)?inspectors(?-u:\b)".to_string(),
    ]
}

fn table(flags: &str) -> Table<()> {
    let rows = rows();
    Table::new(flags, rows.iter().map(|r| (r.as_str(), ())))
}

/// Matched against the ASCII-lower-cased text (same byte offsets).
static REPORTED: LazyLock<Table<()>> = LazyLock::new(|| table(""));
/// For a text holding a character that `(?i)` equates with an ASCII letter.
static REPORTED_ANY_CASE: LazyLock<Table<()>> = LazyLock::new(|| table("(?i)"));

/// Whether each of `sentences` (ascending byte ranges of the text) reports
/// what inspectors found.
pub(super) fn reported(doc: &Doc, sentences: &[Range<usize>]) -> Vec<bool> {
    match cues::lower_cased_from(doc.text, &doc.lower) {
        Some(lower) => REPORTED.matches_in_buckets(lower, sentences),
        None => REPORTED_ANY_CASE.matches_in_buckets(doc.text, sentences),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_reported(sentence: &str) -> bool {
        let text = format!("Headline\n\n{sentence}");
        let doc = Doc::new(&text);
        let all = 10..text.len();
        reported(&doc, std::slice::from_ref(&all))[0]
    }

    #[test]
    fn sentences_that_report_findings() {
        for s in [
            "Caseloads remain too high, inspectors found.",
            "The inspectors said so",
            "the\n\x0Breport noted",
            "According  to\tthe letters, staff are stretched",
            "hmi: staff also want more",
            "the watchdog “has” described",
            "Ofsted found delays in the service",
            "Inspectors, in a long letter to the council, criticised its leaders",
            "the monitoring letter praises the work with families",
            "help arrives quickly, according to the education watchdog",
            "some plans were found to be too broad",
        ] {
            assert!(is_reported(s), "{s:?}");
        }
        for s in [
            "the report. It noted",
            "the reporter noted",
            "INSPECTORATE said",
            "inspectorsfound",
            "according to them",
            "found by inspectors",
            "",
        ] {
            assert!(!is_reported(s), "{s:?}");
        }
        let far = format!("Inspectors {} said", "word ".repeat(17));
        assert!(!is_reported(&far));
    }
}
