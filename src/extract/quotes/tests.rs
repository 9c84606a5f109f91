use super::speaker::find_short;
use super::*;
use crate::extract::people::people;

fn quotes_in(body: &str) -> Vec<QuoteFound> {
    let text = format!("Headline\n\n{body}");
    let doc = Doc::new(&text);
    let p = people(&doc);
    quotes(&doc, &p)
}

#[test]
fn attribution_after_and_before() {
    let q = quotes_in(
        "“The pace of improvement remains too slow,” the report said.\n\nJane Doe, the trust's chief executive, said: “We accept every word of this report and will act on it.”",
    );
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].speaker.as_deref(), Some("Ofsted"));
    assert_eq!(q[0].text, "The pace of improvement remains too slow");
    assert_eq!(q[1].speaker.as_deref(), Some("Jane Doe"));
}

#[test]
fn split_by_she_said_is_two_quotes() {
    let q = quotes_in(
        "\"We have a long way to go,\" said chief executive Ann Lee. \"But staff are more positive than at any time before,\" she said.",
    );
    assert_eq!(q.len(), 2);
    assert!(q.iter().all(|x| x.speaker.as_deref() == Some("Ann Lee")));
}

#[test]
fn multi_paragraph_quotes_keep_the_speaker() {
    let q = quotes_in(
        "Ann Lee said: “We welcome the letter and its findings today.\n\n“We will keep going until every child gets the help they need.”",
    );
    assert_eq!(q.len(), 2);
    assert_eq!(q[1].speaker.as_deref(), Some("Ann Lee"));
}

#[test]
fn a_line_ending_in_said_colon_introduces_the_next_paragraph() {
    let q = quotes_in(
        "In their letter, inspectors said that leaders \"have a clear understanding of where practice needs to improve\".\n\nAnn Lee, chief executive of the trust, said:\n\n\"I am really pleased that inspectors have seen the progress we are making.\n\n\"We will keep going until every child gets the service they deserve.\"",
    );
    assert_eq!(q.len(), 3);
    assert_eq!(q[0].speaker.as_deref(), Some("Ofsted"));
    assert_eq!(q[1].speaker.as_deref(), Some("Ann Lee"));
    assert_eq!(q[2].speaker.as_deref(), Some("Ann Lee"));
}

#[test]
fn the_person_before_an_aside_naming_a_council_is_the_speaker() {
    let q = quotes_in(
        "Councillor Ann Lee, lead member for children's services at Slough Borough Council, said: \"The council has backed the company with more money this year.\"",
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker.as_deref(), Some("Ann Lee"));
}

#[test]
fn a_quoted_grade_is_not_a_quote() {
    let q = quotes_in(
        "The trust now “requires improvement to be good”, the report said after the inspection.",
    );
    assert!(q.is_empty());
}

#[test]
fn scare_quotes_are_not_quotes() {
    let q = quotes_in(
        "Inspectors said there had been ‘drift and delay’ for children in care, said Ann Lee.",
    );
    assert!(q.is_empty());
}

#[test]
fn apostrophes_do_not_open_quotes() {
    let q = quotes_in(
        "The children’s services department’s plan was ‘not good enough for the children of the town’, said Ann Lee.",
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].text, "not good enough for the children of the town");
}

#[test]
fn find_short_finds_as_find_does() {
    for (h, n) in [
        ("Jane Doe said", "Jane Doe"),
        ("said Jane Doe", "Jane Doe"),
        ("said Jane Do", "Jane Doe"),
        ("JJane", "Jane"),
        ("Zoë Zoë", "Zoë"),
        ("éé", "é"),
        ("", ""),
        ("abc", ""),
        ("", "a"),
        ("spokesman", "pokes"),
    ] {
        assert_eq!(find_short(h, n), h.find(n), "{h:?} {n:?}");
    }
}

#[test]
fn judgement_labels_are_found_as_in_a_lower_cased_copy() {
    let lower_cased = |s: &str| {
        let s = s.trim_end_matches(['.', ',']).to_lowercase();
        s.starts_with("requires improvement")
            && s.split_whitespace().count() <= 6
            && !s.contains(['.', ','])
    };
    for s in [
        "requires improvement to be good",
        "REQUIRES IMPROVEMENT to be good.",
        "Requires Improvement to be good overall this time round",
        "requİres improvement",
        "requires improvement, sadly",
        "requires  improvement",
        "requires improvemenT",
        "requires improvement to be good,.",
        "requires",
        "ſ requires improvement",
        "\u{212A}requires improvement",
    ] {
        assert_eq!(is_judgement_label(s), lower_cased(s), "{s:?}");
    }
}

#[test]
fn names_in_quotation_marks_are_not_quotes() {
    let q = quotes_in(
        "The council ran a campaign called “Twelve reasons to work here in Kent” to recruit staff, said Ann Lee.",
    );
    assert!(q.is_empty());
}

#[test]
fn a_quote_attributed_with_announced() {
    let q = quotes_in(
        "“We will open two new children's homes in the borough next spring,” Ann Lee announced on Monday.",
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker.as_deref(), Some("Ann Lee"));
}
