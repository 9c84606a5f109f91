use super::*;
use proptest::strategy::Strategy;
use regex::Regex;

static AFTER_ATTRIBUTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&after_attribution()).expect("attribution regex"));
static BEFORE_ATTRIBUTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&before_attribution()).expect("attribution regex"));
static SPEAKER_IN_SENTENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&speaker_in_sentence_pattern()).expect("attribution regex"));

#[test]
fn every_verb_of_the_lexicon_is_a_verb_here() {
    for v in lexicon::saying_verbs(says::QUOTE) {
        assert!(is_verb(v), "{v}");
    }
    assert!(!is_verb("Said") && !is_verb("sai") && !is_verb("saidx") && !is_verb("argued"));
}

/// What the hand-read speakers stand in for: the regexes' captures.
fn captured<'a>(re: &Regex, s: &'a str) -> Option<&'a str> {
    re.captures(s)
        .and_then(|c| c.name("speaker"))
        .map(|m| m.as_str())
}

fn captured_after(s: &str) -> Option<(&str, bool)> {
    let c = AFTER_ATTRIBUTION.captures(s)?;
    c.name("speaker1")
        .map(|m| (m.as_str(), true))
        .or_else(|| c.name("speaker2").map(|m| (m.as_str(), false)))
}

const TRICKY_ATTRIBUTIONS: &[&str] = &[
    "Jane Doe, director of children's services at Wirral, said: ",
    "Jane Doe said",
    "  said",
    " said:",
    "x  said ,  ",
    "He said. She said:",
    "the report says the council said she told the board,",
    "Jane Doe saidx: and said_ it",
    "Jane Doe said\u{a0}\u{a0}at length in a statement given to the local paper on Monday afternoon:",
    "Ann “Lee” said, then Bob\nsaid\n\n",
    "Ann Lee stated that the state says: ",
    "Ann Lee said é",
    "Ann Lee said? Bob told",
    "Ann\u{a0}said\u{2003}",
    "said said said",
    ",” the letter said.",
    ", said Jane Doe, the chief executive.",
    ", said",
    ",  said  ",
    ",said  .",
    " — said\u{a0}\u{2003}, she added",
    "… she said",
    "?! said: Ann",
    ", says Ann Lee of the council, who said more",
];

#[test]
fn hand_read_speakers_match_the_captures_on_tricky_text() {
    for s in TRICKY_ATTRIBUTIONS {
        assert_eq!(speaker_before(s), captured(&BEFORE_ATTRIBUTION, s), "{s:?}");
        assert_eq!(
            speaker_in_sentence(s),
            captured(&SPEAKER_IN_SENTENCE, s),
            "{s:?}"
        );
        assert_eq!(speaker_after(s), captured_after(s), "{s:?}");
    }
}

#[test]
fn hand_read_speakers_keep_the_160_character_limit() {
    for n in 150..170 {
        for filler in ["x", "é", " ", "x y"] {
            let s = format!("A. {} said:", filler.repeat(n));
            assert_eq!(
                speaker_before(&s),
                captured(&BEFORE_ATTRIBUTION, &s),
                "{s:?}"
            );
            assert_eq!(
                speaker_in_sentence(&s),
                captured(&SPEAKER_IN_SENTENCE, &s),
                "{s:?}"
            );
            let s = format!(", {} said", filler.repeat(n / 2 + 40));
            assert_eq!(speaker_after(&s), captured_after(&s), "{s:?}");
            let s = format!(", said {}.", filler.repeat(n / 2 + 40));
            assert_eq!(speaker_after(&s), captured_after(&s), "{s:?}");
        }
    }
}

const PIECES: &[&str] = &[
    "said",
    "says",
    "say",
    "sayd",
    "told",
    "read",
    "Jane",
    "Doe",
    "the council",
    " ",
    "  ",
    "\u{a0}",
    "\u{2003}",
    "\n",
    ",",
    ".",
    ":",
    "!",
    "?",
    "“",
    "”",
    "\"",
    "_",
    "é",
    "—",
    "-",
    "lorem ipsum dolor sit amet consectetur",
    ";",
    "–",
    "added",
    "saying",
];

fn attribution_like() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..24).prop_map(|v| v.concat())
}

proptest::proptest! {
    #[test]
    fn hand_read_speakers_match_the_captures(s in attribution_like()) {
        proptest::prop_assert_eq!(speaker_before(&s), captured(&BEFORE_ATTRIBUTION, &s));
        proptest::prop_assert_eq!(speaker_in_sentence(&s), captured(&SPEAKER_IN_SENTENCE, &s));
        proptest::prop_assert_eq!(speaker_after(&s), captured_after(&s));
    }
}
