//! Direct quotations and who said them.
//!
//! British news quotes in double marks (“…” or "…"), sometimes in single
//! marks (‘…’); a quotation over several paragraphs opens each paragraph
//! and closes only at the last; attribution comes before ("Smith said:")
//! or after ("…,” she added / the report said / said Cllr Jane Doe).

use super::Doc;
use super::layout::BlockKind;
use super::names;
use super::people::{PersonFound, head, same_surname, tail};
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq)]
pub struct QuoteFound {
    pub speaker: Option<String>,
    pub text: String,
    pub range: Range<usize>,
}

/// A quoted passage inside one paragraph.
#[derive(Debug, Clone)]
struct Passage {
    range: Range<usize>,
    /// Byte offsets of the opening mark and just past the closing mark.
    outer: Range<usize>,
}

fn is_opening_context(prev: Option<char>) -> bool {
    prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | ':' | ','))
}

/// Which mark opened a passage, and so which mark closes it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Opening {
    /// “ or ": closed by ” or ", nesting inner double quotations.
    Double,
    /// ‘: closed by ’ at a word's end.
    Single,
    /// ' before a letter: closed by ' at a word's end.
    Straight,
}

/// The bytes a quotation mark starts with: `"`, `'`, and 0xE2, which
/// begins the UTF-8 of “ ” ‘ ’ (and of dashes and other punctuation, which
/// the scanner then passes over). The automaton's vectorised prefilter
/// skips plain text many bytes at a time.
static MARK_START: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new([&b"\""[..], b"'", &[0xE2]]).expect("mark start bytes"));

/// The first byte offset from `from` where a quotation mark can stand
/// (never inside a character: none of its start bytes continues one).
fn next_mark(s: &str, from: usize) -> Option<usize> {
    MARK_START
        .find(&s.as_bytes()[from..])
        .map(|m| from + m.start())
}

/// The character at `pos` (a char boundary, as `next_mark` returns), with
/// those just before and after it.
fn char_around(s: &str, pos: usize) -> (Option<char>, char, Option<char>) {
    let mut rest = s[pos..].chars();
    let c = rest.next().unwrap_or_default();
    (s[..pos].chars().next_back(), c, rest.next())
}

/// The quotation a mark opens, given the characters around it.
fn opening(prev: Option<char>, c: char, next: Option<char>) -> Option<Opening> {
    match c {
        '“' => Some(Opening::Double),
        '"' if is_opening_context(prev) => Some(Opening::Double),
        '‘' if is_opening_context(prev) => Some(Opening::Single),
        '\'' if is_opening_context(prev) && next.is_some_and(char::is_alphabetic) => {
            Some(Opening::Straight)
        }
        _ => None,
    }
}

/// Byte offset of the mark closing a passage opened with `kind`, searching
/// from `from` (just past the opening mark).
fn closing_mark(s: &str, kind: Opening, from: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut at = from;
    while let Some(p) = next_mark(s, at) {
        let (before, ch, after) = char_around(s, p);
        at = p + ch.len_utf8();
        let closes_word = after.is_none_or(|a| !a.is_alphanumeric());
        let after_letter = before.is_some_and(|b| !b.is_whitespace());
        match (kind, ch) {
            (Opening::Double, '“') => depth += 1,
            (Opening::Double, '"')
                if is_opening_context(before) && after.is_some_and(|a| !a.is_whitespace()) =>
            {
                depth += 1
            }
            (Opening::Double, '”' | '"') => {
                if depth == 0 {
                    return Some(p);
                }
                depth -= 1;
            }
            (Opening::Single, '’') | (Opening::Straight, '\'') if closes_word && after_letter => {
                return Some(p);
            }
            _ => {}
        }
    }
    None
}

/// Quoted passages in `block` (byte range of one paragraph).
fn passages(text: &str, block: Range<usize>) -> Vec<Passage> {
    let s = &text[block.clone()];
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = next_mark(s, from) {
        let (prev, c, next) = char_around(s, pos);
        let start = pos + c.len_utf8();
        let Some(kind) = opening(prev, c, next) else {
            from = start;
            continue;
        };
        let close = closing_mark(s, kind, start);
        // A double mark left open runs to the paragraph's end: the quotation
        // goes on in the next paragraph. An unclosed single mark is an
        // apostrophe, not a quotation.
        let (end, outer_end) = match close {
            Some(p) => (p, p + s[p..].chars().next().map_or(1, char::len_utf8)),
            None if kind == Opening::Double => (s.len(), s.len()),
            None => {
                from = start;
                continue;
            }
        };
        let inner = trim_range(s, start..end);
        out.push(Passage {
            range: block.start + inner.start..block.start + inner.end,
            outer: block.start + pos..block.start + outer_end,
        });
        from = outer_end;
    }
    out
}

/// Trims white space and a trailing comma from a quote's inside.
fn trim_range(s: &str, r: Range<usize>) -> Range<usize> {
    let inner = &s[r.clone()];
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim_end().trim_end_matches(',').trim_end();
    r.start + lead..r.start + trimmed.len().max(lead)
}

/// Ofsted's grade quoted as a name ("requires improvement to be good").
///
/// Compared without lower-casing a copy: only 'A'-'Z' lower-case to the
/// ASCII letters of the grade (the Kelvin sign gives a 'k', which it lacks),
/// and lower-casing adds or removes no white space, full stop or comma.
fn is_judgement_label(s: &str) -> bool {
    let s = s.trim_end_matches(['.', ',']);
    let grade = "requires improvement";
    s.get(..grade.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(grade))
        && !has_more_words_than(s, 6)
        && !s.contains(['.', ','])
}

/// Whether `s` has more than `n` words, counting no further than that.
fn has_more_words_than(s: &str, n: usize) -> bool {
    s.split_whitespace().nth(n).is_some()
}

/// Declares the verbs of attribution once: as a `match` for the
/// hand-written readers, which compiles to a few length and byte tests
/// instead of forty string comparisons, and as the list the patterns these
/// readers are tested against are built from (in the order they try them).
macro_rules! verbs_of_attribution {
    ($($verb:literal)|+) => {
        #[cfg(test)]
        const VERB_WORDS: &[&str] = &[$($verb),+];

        fn is_verb(word: &str) -> bool {
            matches!(word, $($verb)|+)
        }
    };
}

verbs_of_attribution! {
    "said" | "says" | "say" | "added" | "adds" | "stated" | "states" | "state" | "told" |
    "tells" | "continued" | "continues" | "concluded" | "concludes" | "explained" |
    "explains" | "warned" | "warns" | "wrote" | "writes" | "noted" | "notes" | "commented" |
    "insisted" | "admitted" | "found" | "finds" | "reads" | "read" | "acknowledged" |
    "praised" | "conceded" | "observed" | "highlighted" | "declared" | "claimed" |
    "responded" | "replied" | "remarked" | "stressed"
}

#[cfg(test)]
static VERBS: LazyLock<String> = LazyLock::new(|| format!("(?:{})", VERB_WORDS.join("|")));

/// What `speaker_after` reads by hand; kept to test it against.
#[cfg(test)]
static AFTER_ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = VERBS.as_str();
    Regex::new(&format!(
        r"^[\s,.;:!?—–-]*(?:(?P<speaker1>[^.!?“”]{{1,120}}?)\s+{verbs}(?-u:\b)|{verbs}\s+(?P<speaker2>[^.!?“”,]{{1,120}}))"
    ))
    .expect("attribution regex")
});

/// What `speaker_before` reads by hand; kept to test it against.
#[cfg(test)]
static BEFORE_ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = VERBS.as_str();
    Regex::new(&format!(
        r"(?P<speaker>[^.!?“”]{{1,160}}?)\s+{verbs}(?-u:\b)[^.!?“”:]{{0,60}}[:,]?\s*$"
    ))
    .expect("attribution regex")
});

static BODY_SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(report|letter|ofsted|inspectors?|inspectorate|watchdog|regulator|hmi|findings|summary|judgement)(?-u:\b)").expect("body regex")
});

static SPOKESPERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[Ss]pokes(?:wo)?(?:man|person)\s+(?:for|from|at)\s+(?:the\s+)?(?P<org>[A-Z][\w&'’-]*(?:\s+(?:for|of|and|&)?\s*[A-Z][\w&'’-]*){0,5})|(?P<org2>[A-Z][\w&'’-]+(?:\s+[A-Z][\w&'’-]*){0,4})\s+[Ss]pokes(?:wo)?(?:man|person)").expect("spokesperson regex")
});

static STATEMENT_WORD: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(["statement"]).expect("statement word"));

static STATEMENT_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"statement\s+(?:by|from|issued by)\s+(?:the\s+)?([A-Z][\w&'’-]*(?:\s+(?:for|of|and|&)?\s*[A-Z][\w&'’-]*){0,5})").expect("statement regex")
});

/// What `is_pronoun` checks by hand; kept to test it against.
#[cfg(test)]
static PRONOUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:he|she|they|it|we)$").expect("pronoun regex"));

/// What `speaker_in_sentence` reads by hand; kept to test it against.
#[cfg(test)]
static SPEAKER_IN_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = VERBS.as_str();
    Regex::new(&format!(
        r"(?P<speaker>[^.!?“”]{{1,160}}?)\s+{verbs}(?-u:\b)"
    ))
    .expect("attribution regex")
});

/// Quotation marks around a name rather than words spoken: "a campaign
/// called “12 reasons to work here”".
static NAMING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:called|named|titled|entitled|dubbed|branded|labelled|known\s+as|slogan|campaign|hashtag|headlined)\s*$").expect("naming regex")
});

/// The speaker in an attribution closing `before` ("Jane Doe, the trust's
/// chief executive, said:"): `BEFORE_ATTRIBUTION`'s speaker group.
fn speaker_before(before: &str) -> Option<&str> {
    leftmost_shortest_phrase(before, |at| {
        verb_after_space(before, at).is_some_and(|v| ends_attribution(&before[v..]))
    })
}

/// The speaker named before a verb of attribution in `s` ("Jane Doe told a
/// meeting"): `SPEAKER_IN_SENTENCE`'s speaker group.
fn speaker_in_sentence(s: &str) -> Option<&str> {
    leftmost_shortest_phrase(s, |at| verb_after_space(s, at).is_some())
}

/// The group `(?P<speaker>[^.!?“”]{1,160}?)` of a pattern whose rest
/// matches at the white space where `rest_matches` holds: leftmost, then
/// shortest. Capturing it with the regex runs a slow engine over a pattern
/// of hundreds of states; this is one pass over the characters.
///
/// A phrase starting at `start` ends at the first such place after
/// `start` (a later one only lengthens it), so the places split the starts
/// into spans; the first span with a start close enough to its end (at most
/// 160 characters) and after every sentence or quotation mark gives the
/// phrase.
fn leftmost_shortest_phrase(s: &str, rest_matches: impl Fn(usize) -> bool) -> Option<&str> {
    let mut span_start = 0;
    let mut after_mark = 0;
    for (at, c) in s.char_indices() {
        if c.is_whitespace() && rest_matches(at) {
            let start = span_start.max(after_mark).max(start_within_160(s, at));
            if start < at {
                return Some(&s[start..at]);
            }
            span_start = at;
        }
        if is_sentence_or_quote_mark(c) {
            after_mark = at + c.len_utf8();
        }
    }
    None
}

/// The earliest start of a phrase of at most 160 characters ending at `end`.
fn start_within_160(s: &str, end: usize) -> usize {
    if end <= 160 {
        return 0;
    }
    s[..end].char_indices().rev().nth(159).map_or(0, |(i, _)| i)
}

/// Where a verb of attribution ends if `s[at..]` is white space then the
/// verb then a word boundary (`\s+VERBS(?-u:\b)`). The white space runs to
/// the verb (a verb does not start with white space), and the boundary
/// makes the verb the whole ASCII word there.
fn verb_after_space(s: &str, at: usize) -> Option<usize> {
    let rest = &s[at..];
    let verb_start = at + rest.len() - rest.trim_start().len();
    if verb_start == at {
        return None;
    }
    let verb_end = ascii_word_end(s, verb_start);
    is_verb(&s[verb_start..verb_end]).then_some(verb_end)
}

/// The end of the run of ASCII word bytes starting at `at`.
fn ascii_word_end(s: &str, at: usize) -> usize {
    at + s.as_bytes()[at..]
        .iter()
        .take_while(|&&b| crate::ascii::is_word_byte(b))
        .count()
}

/// Characters `AFTER_ATTRIBUTION` lets come before its phrase.
fn is_lead_char(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '—' | '–' | '-')
}

/// Characters a speaker phrase cannot hold.
fn is_sentence_or_quote_mark(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '“' | '”')
}

/// The attribution opening `after` (",” the letter said", ", said Jane
/// Doe"), with whether the phrase came before its verb: the speaker group
/// `AFTER_ATTRIBUTION` would capture, read by hand because capturing runs a
/// slow engine over a pattern with hundreds of states.
///
/// It follows the pattern's order of preference: the greedy lead of
/// punctuation and white space, longest first, then giving back one
/// character at a time; at each lead, a phrase before the verb (shortest
/// first), then a phrase after it.
fn speaker_after(after: &str) -> Option<(&str, bool)> {
    let mut lead = after.len() - after.trim_start_matches(is_lead_char).len();
    loop {
        if let Some(end) = phrase_end_before_verb(after, lead) {
            return Some((&after[lead..end], true));
        }
        if let Some(phrase) = phrase_after_verb(after, lead) {
            return Some((phrase, false));
        }
        lead = after[..lead].char_indices().next_back()?.0;
    }
}

/// `(?P<speaker1>[^.!?“”]{1,120}?)\s+VERBS(?-u:\b)` at `start`: where the
/// shortest phrase followed by a verb ends.
fn phrase_end_before_verb(s: &str, start: usize) -> Option<usize> {
    for (count, (i, c)) in s[start..].char_indices().enumerate() {
        let at = start + i;
        if count > 0 && verb_after_space(s, at).is_some() {
            return Some(at);
        }
        if count == 120 || is_sentence_or_quote_mark(c) {
            return None;
        }
    }
    None
}

/// `VERBS\s+(?P<speaker2>[^.!?“”,]{1,120})` at `start`: the phrase after
/// the verb, as long as it goes.
fn phrase_after_verb(s: &str, start: usize) -> Option<&str> {
    let verb_end = ascii_word_end(s, start);
    if !is_verb(&s[start..verb_end]) {
        return None;
    }
    let rest = &s[verb_end..];
    let spaces = &rest[..rest.len() - rest.trim_start().len()];
    let mut space_chars = spaces.char_indices();
    space_chars.next()?;
    let phrase_start = verb_end + spaces.len();
    let phrase_len: usize = s[phrase_start..]
        .chars()
        .take(120)
        .take_while(|&c| !is_sentence_or_quote_mark(c) && c != ',')
        .map(char::len_utf8)
        .sum();
    if phrase_len > 0 {
        return Some(&s[phrase_start..phrase_start + phrase_len]);
    }
    // With nothing to take after the white space, the white space gives
    // its last character to the phrase if it keeps one for itself.
    let (last, _) = space_chars.next_back()?;
    Some(&spaces[last..])
}

/// Whether the rest of an attribution after its verb matches
/// `[^.!?“”:]{0,60}[:,]?\s*$`: trailing white space and one colon or comma
/// aside, at most 60 characters free of sentence and quotation marks.
fn ends_attribution(rest: &str) -> bool {
    let rest = rest.trim_end();
    let words = rest.strip_suffix([':', ',']).unwrap_or(rest);
    !words.contains(['.', '!', '?', '“', '”', ':']) && words.chars().count() <= 60
}

/// Whether `s` could match `NAMING`, which ends in one of its words then
/// white space: those words end in 'd', 's', 'n' or 'g', which case-fold
/// only to these (and 'ſ', a long s).
fn ends_like_naming(s: &str) -> bool {
    s.trim_end()
        .ends_with(['d', 'D', 's', 'S', 'ſ', 'n', 'N', 'g', 'G'])
}

/// What an attribution phrase can name, with where it names it.
#[derive(Debug, Clone)]
enum Named {
    Speaker(String),
    Pronoun,
}

/// Every quotation of five words or more in the body, with its speaker.
pub fn quotes(doc: &Doc, people: &[PersonFound]) -> Vec<QuoteFound> {
    let text = doc.text;
    let mut out = Vec::new();
    let mut last_speaker: Option<String> = None;
    let mut statement_by: Option<String> = None;
    // Few articles name a statement: one vectorised search of the whole
    // text spares searching each paragraph for it.
    let mentions_statement = STATEMENT_WORD.is_match(text);
    for b in doc
        .layout
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Body)
    {
        let line = &text[b.range.clone()];
        if mentions_statement
            && line.contains("statement")
            && let Some(c) = STATEMENT_BY.captures(line)
        {
            statement_by = c.get(1).map(|m| doc.canonical_organisation(m.as_str()));
        }
        let found = passages(text, b.range.clone());
        // "Jane Doe, the trust's chief executive, said:" on a line of its
        // own introduces the quotation in the next paragraph.
        if found.is_empty() && line.trim_end().ends_with(':') {
            let context = Context {
                doc,
                people,
                at: b.range.end,
                last_speaker: &last_speaker,
                statement_by: &statement_by,
            };
            let introduced =
                speaker_before(tail(line, 240)).and_then(|ph| context.resolve(ph, true));
            if introduced.is_some() {
                last_speaker = introduced;
            }
            continue;
        }
        for (k, p) in found.iter().enumerate() {
            let quote_text = &text[p.range.clone()];
            if !has_more_words_than(quote_text, 4) || is_judgement_label(quote_text) {
                continue;
            }
            // Attribution between this passage and the next, or before it.
            let after_end = found.get(k + 1).map_or(b.range.end, |n| n.outer.start);
            let after = head(&text[p.outer.end.min(after_end)..after_end], 200);
            let before_start = if k == 0 {
                b.range.start
            } else {
                found[k - 1].outer.end
            };
            let before = tail(&text[before_start..p.outer.start.max(before_start)], 240);
            if ends_like_naming(before) && NAMING.is_match(before) {
                continue;
            }
            let context = Context {
                doc,
                people,
                at: p.outer.start,
                last_speaker: &last_speaker,
                statement_by: &statement_by,
            };
            let after_phrase = speaker_after(after);
            let speaker = after_phrase
                .filter(|(ph, _)| !has_more_words_than(ph, 12))
                .and_then(|(ph, from_end)| context.resolve(ph, from_end))
                .or_else(|| speaker_before(before).and_then(|ph| context.resolve(ph, true)))
                .or_else(|| {
                    // "Jane Doe told a meeting that the report had found ‘…’"
                    let sentence_start = doc
                        .layout
                        .sentence_at(p.outer.start)
                        .map_or(b.range.start, |i| doc.layout.sentences[i].range.start)
                        .max(b.range.start);
                    let before_in_sentence =
                        &text[sentence_start..p.outer.start.max(sentence_start)];
                    speaker_in_sentence(before_in_sentence).and_then(|ph| context.resolve(ph, true))
                })
                // A paragraph of quotation without attribution continues
                // the last speaker's words.
                .or_else(|| last_speaker.clone());
            if speaker.is_some() {
                last_speaker.clone_from(&speaker);
            }
            out.push(QuoteFound {
                speaker,
                text: quote_text.to_string(),
                range: p.range.clone(),
            });
        }
    }
    out.retain(|q| q.speaker.is_some());
    out
}

struct Context<'a, 'd> {
    doc: &'a Doc<'d>,
    people: &'a [PersonFound],
    /// Byte offset of the quotation being attributed.
    at: usize,
    last_speaker: &'a Option<String>,
    statement_by: &'a Option<String>,
}

impl Context<'_, '_> {
    /// Turns an attribution phrase ("TfC chair Deborah Jenkins", "the
    /// report", "she", "a spokeswoman for the trust") into a speaker: the
    /// party named nearest the verb (`from_end` when the phrase comes
    /// before the verb).
    fn resolve(&self, phrase: &str, from_end: bool) -> Option<String> {
        let mut named: Vec<(usize, Named)> = Vec::new();
        for p in self.people {
            if let Some(i) = find_short(phrase, &p.name) {
                named.push((i + p.name.len(), Named::Speaker(p.name.clone())));
                continue;
            }
            let s = names::surname(&p.name);
            for (i, w) in words_with_offsets(phrase) {
                if same_surname(w, s) {
                    named.push((i + w.len(), Named::Speaker(p.name.clone())));
                }
            }
        }
        for m in BODY_SPEAKER.find_iter(phrase) {
            named.push((m.end(), Named::Speaker("Ofsted".to_string())));
        }
        // Both of the pattern's branches hold "pokes" ("spokeswoman"), so
        // most phrases are passed over before the slow capturing search.
        if find_short(phrase, "pokes").is_some()
            && let Some(c) = SPOKESPERSON.captures(phrase)
            && let Some(m) = c.name("org").or_else(|| c.name("org2"))
            && !matches!(m.as_str(), "The" | "An" | "A")
        {
            let org = self.doc.canonical_organisation(m.as_str());
            named.push((m.end(), Named::Speaker(org)));
        }
        for (i, w) in words_with_offsets(phrase) {
            if is_pronoun(w) {
                named.push((i + w.len(), Named::Pronoun));
            }
            // Words are nearly always ASCII: compared without allocating a
            // lower-case copy then (a copy still for the rest, where
            // Unicode lower-casing can yield ASCII, as from the Kelvin sign).
            let lower = if w.is_ascii() {
                std::borrow::Cow::Borrowed(w)
            } else {
                std::borrow::Cow::Owned(w.to_lowercase())
            };
            let is = |word: &str| lower.eq_ignore_ascii_case(word);
            let starts = |prefix: &str| {
                lower
                    .get(..prefix.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
            };
            if is("statement")
                && let Some(s) = self.statement_by
            {
                named.push((i + w.len(), Named::Speaker(s.clone())));
            }
            if (is("council") || starts("spokes"))
                && let Some(c) = self.doc.primary_council()
            {
                named.push((i, Named::Speaker(format!("{c} Council"))));
            }
        }
        if from_end && let Some(person) = self.appositive_subject(phrase) {
            return Some(person);
        }
        let chosen = if from_end {
            named.into_iter().max_by_key(|(i, _)| *i)
        } else {
            named.into_iter().min_by_key(|(i, _)| *i)
        };
        match chosen?.1 {
            Named::Speaker(s) => Some(s),
            Named::Pronoun => self
                .last_person_before()
                .or_else(|| self.last_speaker.clone()),
        }
    }

    /// The person a phrase opens with when an aside follows the name
    /// ("Councillor Jane Doe, lead member at Kent County Council,"): the
    /// subject of the verb, not the organisation named in the aside.
    fn appositive_subject(&self, phrase: &str) -> Option<String> {
        let phrase = phrase.trim_start();
        self.people.iter().find_map(|p| {
            let i = find_short(phrase, &p.name)?;
            let rest = &phrase[i + p.name.len()..];
            let opening_words = phrase[..i].split_whitespace().count();
            (opening_words <= 3 && rest.starts_with(',') && rest[1..].contains(','))
                .then(|| p.name.clone())
        })
    }

    /// The person mentioned last before the quotation, for "she said".
    fn last_person_before(&self) -> Option<String> {
        self.people
            .iter()
            .filter_map(|p| {
                p.ranges
                    .iter()
                    .filter(|r| r.end <= self.at)
                    .map(|r| r.start)
                    .max()
                    .map(|at| (at, &p.name))
            })
            .max_by_key(|(at, _)| *at)
            .map(|(_, n)| n.clone())
    }
}

/// A subject pronoun, in any case: `(?i)^(?:he|she|they|it|we)$`. Under
/// the pattern's Unicode case folding, the long s 'ſ' is an 's' too; no
/// other non-ASCII character folds to these letters.
fn is_pronoun(word: &str) -> bool {
    ["he", "she", "they", "it", "we"]
        .iter()
        .any(|p| word.eq_ignore_ascii_case(p))
        || word
            .strip_prefix('ſ')
            .is_some_and(|rest| rest.eq_ignore_ascii_case("he"))
}

/// `haystack.find(needle)` for the short phrases resolved here, where
/// setting up the standard two-way search costs more than comparing at
/// each byte that matches the needle's first. A byte match is a character
/// match: the needle starts with a byte that never continues a character.
fn find_short(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return Some(0);
    };
    let last_start = h.len().checked_sub(n.len())?;
    (0..=last_start).find(|&i| h[i] == first && h[i..].starts_with(n))
}

fn words_with_offsets(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

#[cfg(test)]
mod tests {
    use super::super::Doc;
    use super::super::people::people;
    use super::*;
    use proptest::strategy::Strategy;

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
    fn verbs_of_attribution_keep_their_order_in_the_patterns() {
        assert_eq!(
            VERBS.as_str(),
            "(?:said|says|say|added|adds|stated|states|state|told|tells|continued|continues|concluded|concludes|explained|explains|warned|warns|wrote|writes|noted|notes|commented|insisted|admitted|found|finds|reads|read|acknowledged|praised|conceded|observed|highlighted|declared|claimed|responded|replied|remarked|stressed)"
        );
        assert!(VERB_WORDS.iter().all(|v| is_verb(v)));
        assert!(!is_verb("Said") && !is_verb("sai") && !is_verb("saidx"));
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
    fn is_pronoun_matches_the_pattern() {
        for w in [
            "he", "He", "HE", "she", "SHE", "ſhe", "ſHE", "they", "THEY", "it", "It", "İt", "ıt",
            "we", "We", "wE", "the", "hes", "h", "", "ſ", "Ｈｅ", "K", "they's", "theyy",
        ] {
            assert_eq!(is_pronoun(w), PRONOUN.is_match(w), "{w:?}");
        }
    }

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

    #[test]
    fn whatever_naming_matches_ends_like_it() {
        for s in [
            "a campaign called ",
            "CALLED",
            "known  as",
            "Known\u{a0}AS \n",
            "ſlogan",
            "a HashTag",
            "re-titled  ",
            "recalled",
            "called it",
        ] {
            assert!(!NAMING.is_match(s) || ends_like_naming(s), "{s:?}");
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
}
