//! How a document opens: the lines before its headline (a masthead, a
//! section label, a blog's name and strapline, a letter's letterhead and
//! address), and whether it has a headline at all.

use super::{Block, BlockKind, ends_like_prose, is_masthead, words_up_to};
use crate::extract::dates;

/// The blocks before the headline and the headline's place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Opening {
    /// How many blocks come before the headline (or, without one, before
    /// the first ordinary line).
    pub lead: usize,
    /// What those blocks are: furniture for mastheads and labels, header
    /// for a letter's letterhead, date and address.
    pub lead_kind: BlockKind,
    /// The headline's block; `None` when the text starts with body prose
    /// or is a letter without a subject line.
    pub headline: Option<usize>,
}

/// The most lines a letter's letterhead, date and address run to before
/// its salutation.
const LETTER_HEAD_LINES: usize = 30;

/// The most words a title line has.
const TITLE_WORDS: usize = 25;

/// A first line with at least this many words that ends like a sentence
/// is the article's first paragraph, not its headline.
const PROSE_WORDS: usize = 12;

pub(super) fn opening(text: &str, blocks: &[Block]) -> Opening {
    if let Some(s) = salutation(text, blocks) {
        // A letter: its subject line, straight after "Dear ...", is its title.
        let subject = blocks
            .get(s + 1)
            .filter(|b| is_title_line(&text[b.range.clone()]));
        return Opening {
            lead: s + 1,
            lead_kind: BlockKind::Header,
            headline: subject.map(|_| s + 1),
        };
    }
    let mut lead = 0;
    while blocks
        .get(lead)
        .is_some_and(|b| is_masthead(&text[b.range.clone()]))
    {
        lead += 1;
    }
    lead += masthead_group_len(text, &blocks[lead..]);
    let headline = blocks
        .get(lead)
        .filter(|b| !reads_as_prose(&text[b.range.clone()]))
        .map(|_| lead);
    Opening {
        lead,
        lead_kind: BlockKind::Furniture,
        headline,
    }
}

/// A line that could be a title: short, not ending like a sentence, not
/// a byline or a dateline.
fn is_title_line(line: &str) -> bool {
    let words = words_up_to(line, TITLE_WORDS + 1);
    (2..=TITLE_WORDS).contains(&words)
        && !line.trim_end().ends_with('.')
        && !starts_with_by(line)
        && dates::day_dates(line).is_empty()
}

fn starts_with_by(line: &str) -> bool {
    first_word_is(line, "by")
}

/// Whether the first word of `line` is `word`, in any case.
fn first_word_is(line: &str, word: &str) -> bool {
    line.split_whitespace()
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case(word))
}

/// Whether a line is a letter's salutation ("Dear Ms Falconer").
pub(crate) fn is_salutation(line: &str) -> bool {
    line.starts_with("Dear") && first_word_is(line, "dear") && words_up_to(line, 12) < 12
}

/// A paragraph of prose: a long line ending with a full stop.
fn reads_as_prose(line: &str) -> bool {
    words_up_to(line, PROSE_WORDS) >= PROSE_WORDS && ends_like_prose(line) && line.ends_with('.')
}

/// The index of a letter's salutation ("Dear Ms Falconer") when all the
/// lines before it are short (letterhead, date, address).
fn salutation(text: &str, blocks: &[Block]) -> Option<usize> {
    for (i, b) in blocks.iter().enumerate().take(LETTER_HEAD_LINES) {
        let line = &text[b.range.clone()];
        if is_salutation(line) {
            return (i > 0).then_some(i);
        }
        if words_up_to(line, 12) >= 12 {
            return None;
        }
    }
    None
}

/// Whether two blocks sit on consecutive lines, with no blank line
/// between them.
fn adjacent(text: &str, a: &Block, b: &Block) -> bool {
    text[a.range.end..b.range.start].matches('\n').count() == 1
}

/// The number of lines of a masthead group that opens `blocks`: a name on
/// one line and a strapline or section label on the next ("Kent County
/// Council / News", a blog's name and its strapline), with a blank line
/// between them and a title. None of its lines is a byline or a date.
fn masthead_group_len(text: &str, blocks: &[Block]) -> usize {
    let mut n = 1;
    while n < blocks.len() && adjacent(text, &blocks[n - 1], &blocks[n]) {
        n += 1;
    }
    let Some(next) = blocks.get(n) else {
        return 0;
    };
    let group_lines = blocks[..n].iter().map(|b| &text[b.range.clone()]);
    let plain = group_lines.clone().all(|line| {
        words_up_to(line, 13) <= 12 && !starts_with_by(line) && dates::day_dates(line).is_empty()
    });
    let first_is_a_name = group_lines
        .clone()
        .next()
        .is_some_and(|l| words_up_to(l, 7) <= 6 && !ends_like_prose(l));
    let next = &text[next.range.clone()];
    // A title has a verb and more words than a writer's name and role.
    let next_is_a_title = is_title_line(next)
        && words_up_to(next, 4) >= 4
        && !crate::extract::names::starts_with_first_name(next);
    if n >= 2 && plain && first_is_a_name && next_is_a_title {
        n
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::super::layout;
    use super::*;

    fn kinds(t: &str) -> Vec<BlockKind> {
        layout(t).blocks.iter().map(|b| b.kind).collect()
    }

    const BODY: &str =
        "Inspectors found that the council had improved its work with children in many ways.";

    #[test]
    fn a_masthead_and_section_label_come_before_the_title() {
        let t =
            format!("Fenland District Council\nNews\n\nCouncil praised by inspectors\n\n{BODY}");
        assert_eq!(
            kinds(&t)[..3],
            [
                BlockKind::Furniture,
                BlockKind::Furniture,
                BlockKind::Headline
            ]
        );
        // A headline run straight into its byline or standfirst is still
        // the headline.
        let t = format!("Council praised by inspectors\nBy Ann Lee\n\nA title-like line\n\n{BODY}");
        assert_eq!(kinds(&t)[0], BlockKind::Headline);
        let t = format!(
            "Council praised by inspectors\nA standfirst line\n\nAnn Lee, Chief Reporter\n\n{BODY}"
        );
        assert_eq!(kinds(&t)[0], BlockKind::Headline);
    }

    #[test]
    fn a_letter_is_titled_by_its_subject_line() {
        let t = format!(
            "Ofsted\nSome House\nSome Street\n\n2 May 2019\n\nAnn Lee\nDirector of Children's Services\n\nDear Ms Lee\n\nFocused visit to Fenland children's services\n\n{BODY}"
        );
        let k = kinds(&t);
        assert_eq!(k[0], BlockKind::Header);
        assert_eq!(k[7], BlockKind::Headline);
    }

    #[test]
    fn a_text_that_opens_with_prose_has_no_headline() {
        let t = format!("{BODY}\n\n{BODY}");
        assert!(!kinds(&t).contains(&BlockKind::Headline));
    }
}
