//! The extractor never panics and only emits spans inside the text, on
//! arbitrary input and on article-shaped input made of genre fragments.

use ofsted_curator::extract::extract_record;
use proptest::prelude::*;

fn spans_in_bounds(text: &str) {
    let record = extract_record(text, "p.txt");
    let chars = text.chars().count();
    assert_eq!(record.source.chars, chars);
    for s in record.all_spans() {
        assert!(s.0 < s.1 && s.1 <= chars, "span {s:?} outside 0..{chars}");
    }
}

const FRAGMENTS: &[&str] = &[
    "Wirral",
    "Sunderland's",
    "Together for Children",
    "Slough Children’s Services Trust",
    "Reading",
    " rated ",
    "‘inadequate’",
    "\"good\"",
    "requires improvement to be good",
    " RI ",
    "monitoring visit",
    "fifth",
    "focused visit",
    "JTAI",
    "full inspection",
    " in July 2015",
    " last month",
    "2 October 2018",
    "02/10/2018",
    "£6m",
    "£461,000",
    "41 per cent",
    "41%",
    "75 new starters",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    " said ",
    ", she said.",
    "Cllr Jane Doe",
    "Jane Doe, director of children's services at Dudley,",
    "chaired by former Home Secretary Jane Doe",
    "the report said",
    ".",
    ". ",
    ",",
    ":",
    "\n",
    "\n\n",
    "\r\n",
    "é",
    "\u{200f}",
    "\u{0301}",
    "🙂",
    "\u{0}",
    "\u{a0}",
    "By Ann Lee\n",
    "More from CYP Now",
    "© Echo 2019",
    "Inspectors found caseloads too high",
    "drift and delay",
    "fostering and adoption were rated good",
];

fn article_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..120).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        spans_in_bounds(&text);
    }

    #[test]
    fn article_shaped_text_never_panics(text in article_like()) {
        spans_in_bounds(&text);
    }
}

#[test]
fn regression_quoted_subhead_with_curly_closing_mark() {
    // A short quoted line ending in a multi-byte quotation mark once sliced
    // inside the character.
    spans_in_bounds(
        "Headline\n\n‘Too much focus on process’\n\nA paragraph that is long enough to count as prose here.",
    );
}
