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

#[test]
fn a_spokesperson_speaks_for_the_body_named_beside_them() {
    let q = quotes_in(
        "Wigan Council was rated good.\n\nA Department for Transport spokeswoman said: \"We have written to every council about the new rules this week.\"\n\nThe County Councils Network said more money was needed. \"Budgets are stretched further than at any time in the last decade,\" a spokesman said.",
    );
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].speaker.as_deref(), Some("Department for Transport"));
    assert_eq!(q[1].speaker.as_deref(), Some("County Councils Network"));
}

#[test]
fn accented_latin_letters_are_word_characters_in_a_body_s_name() {
    // Word characters in the patterns are the Latin script's, not `\w`'s:
    // names with accents must still be read whole.
    let q = quotes_in(
        "Anglesey Council was rated good.\n\nA spokeswoman for Cyngor Môn Siân Alliance said: \"We welcome the letter and will read it with care.\"",
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker.as_deref(), Some("Cyngor Môn Siân Alliance"));
}

#[test]
fn a_new_sentence_after_a_quote_is_not_its_attribution() {
    let q = quotes_in(
        "Ann Lee, the lead member, said: \"We are proud of every one of our staff.\"\n\nThe letter praised the front door as \"quick, calm and clear about risk\". It found that most plans were up to date.",
    );
    assert_eq!(q.len(), 2);
    assert_eq!(q[1].speaker.as_deref(), Some("Ofsted"));
}

#[test]
fn a_quotation_after_a_paragraph_naming_its_speaker() {
    let q = quotes_in(
        "The letter said “leaders know their services well and act on what they find”.\n\nAnn Lee, the trust's chair, told the meeting the letter was fair.\n\n“We have more to do and we will not pretend otherwise to anyone.\n\n“Every child deserves a social worker who stays with them.”",
    );
    assert_eq!(q.len(), 3);
    assert_eq!(q[0].speaker.as_deref(), Some("Ofsted"));
    assert_eq!(q[1].speaker.as_deref(), Some("Ann Lee"));
    assert_eq!(q[2].speaker.as_deref(), Some("Ann Lee"));
}

#[test]
fn single_marks_run_on_across_paragraphs() {
    let q = quotes_in(
        "Ann Lee, the chief executive, said: 'The staff have worked hard for this result all year.\n\n'We now want to keep every one of them in the service.'",
    );
    assert_eq!(q.len(), 2);
    assert_eq!(
        q[0].text,
        "The staff have worked hard for this result all year."
    );
    assert!(q.iter().all(|x| x.speaker.as_deref() == Some("Ann Lee")));
}

#[test]
fn unnamed_speakers_are_no_ones_named() {
    let q = quotes_in(
        "“The service has improved in every area we looked at,” the report said.\n\nA foster carer, who did not want to be named, told the paper: “Nobody ever called me back about the placement.”",
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker.as_deref(), Some("Ofsted"));
}

#[test]
fn they_after_the_inspectors_is_ofsted() {
    let q = quotes_in(
        "Ann Lee welcomed the visit. Inspectors spent a week in the borough in May.\n\nIn their letter, they said: “Managers check the work of social workers often and well.”",
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker.as_deref(), Some("Ofsted"));
}

#[test]
fn a_pull_quote_is_the_next_persons_words() {
    let q = quotes_in(
        "Inspectors found the service had improved since the last visit in the spring.\n\n“We will not stand still on this”\n\nThe trust's chief executive, Ann Lee, said the board accepted the findings.",
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker.as_deref(), Some("Ann Lee"));
}
