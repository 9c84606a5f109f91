//! Splitting the text of a news-database export into its articles, and
//! reading each article's own fields (headline, outlet, date, byline,
//! length) from the export's fixed layout.
//!
//! Three layouts are recognised, by their separators:
//!
//! - **End of Document**: each article ends with a line "End of Document";
//!   before the body come the headline, the outlet and the date, then
//!   labelled fields ("Length: 612 words", "Byline: Jo Bloggs", "Section:
//!   ...") and a line "Body"; after the body, "Load-Date:", "Language:" and
//!   other labelled fields.
//! - **Numbered documents**: each article begins with "Document 3 of 12"
//!   or "3 of 12 DOCUMENTS"; then the outlet, the date, an edition, the
//!   headline (or "HEADLINE: ..."), and labelled "BYLINE:", "SECTION:",
//!   "LENGTH:" fields before the body.
//! - **Word-count blocks**: each article begins with a block of short lines
//!   holding a "612 words" line: the headline and byline before it, the
//!   date and outlet after it, perhaps a source code, a language and a
//!   copyright line; an article may end with a "Document <id>" line.
//!
//! A text with none of these is one article. What the rules look for is in
//! the tables at the top of this file.

use super::date::{Date, dateline};
use regex::Regex;
use std::sync::LazyLock;

/// The layout an export was recognised as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportLayout {
    EndOfDocument,
    NumberedDocuments,
    WordCountBlocks,
    /// No export layout: the file is one article.
    Single,
}

impl ExportLayout {
    pub fn label(self) -> &'static str {
        match self {
            ExportLayout::EndOfDocument => "articles ending \"End of Document\"",
            ExportLayout::NumberedDocuments => "numbered documents (\"Document 1 of N\")",
            ExportLayout::WordCountBlocks => "header blocks with a word count",
            ExportLayout::Single => "one article",
        }
    }
}

/// One article of an export, with the fields the export gives.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExportArticle {
    /// Where it is in the export, from 1.
    pub position: usize,
    pub headline: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<Date>,
    /// The date as the export wrote it, when it could not be read.
    pub date_text: Option<String>,
    pub byline: Option<String>,
    /// The length the export states ("612 words").
    pub words: Option<u32>,
    /// The article's paragraphs, separated by blank lines.
    pub body: String,
}

impl ExportArticle {
    /// The article as the extractor reads best: the headline on the first
    /// line, then "By" and the byline, the date and the outlet, each on a
    /// line of its own, then the body.
    pub fn article_text(&self) -> String {
        let mut text = String::new();
        if let Some(h) = &self.headline {
            text.push_str(h);
            text.push_str("\n\n");
        }
        let mut header = Vec::new();
        if let Some(b) = &self.byline {
            header.push(if after_by(b).is_some() {
                b.clone()
            } else {
                format!("By {b}")
            });
        }
        match (&self.date, &self.date_text) {
            (Some(d), _) => header.push(d.long()),
            (None, Some(t)) => header.push(t.clone()),
            (None, None) => {}
        }
        if let Some(o) = &self.outlet {
            header.push(o.clone());
        }
        if !header.is_empty() {
            text.push_str(&header.join("\n"));
            text.push_str("\n\n");
        }
        text.push_str(&self.body);
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text
    }
}

/// An export split into articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitExport {
    pub layout: ExportLayout,
    pub articles: Vec<ExportArticle>,
}

/// What a labelled line ("Byline: Jo Bloggs") holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Headline,
    Byline,
    Length,
    Date,
    Outlet,
    /// A header field the article text does not need (section, edition).
    OtherHeader,
    /// A field after the body (load date, language, index terms): the body
    /// ends before it.
    Trailer,
}

/// Field labels of the export layouts, lower case, and what they hold.
const LABELS: &[(&str, Label)] = &[
    ("headline", Label::Headline),
    ("title", Label::Headline),
    ("byline", Label::Byline),
    ("author", Label::Byline),
    ("authors", Label::Byline),
    ("length", Label::Length),
    ("word count", Label::Length),
    ("date", Label::Date),
    ("publication date", Label::Date),
    ("published", Label::Date),
    ("publication", Label::Outlet),
    ("publication name", Label::Outlet),
    ("source", Label::Outlet),
    ("newspaper", Label::Outlet),
    ("section", Label::OtherHeader),
    ("edition", Label::OtherHeader),
    ("dateline", Label::OtherHeader),
    ("highlight", Label::OtherHeader),
    ("copyright", Label::OtherHeader),
    ("load-date", Label::Trailer),
    ("load date", Label::Trailer),
    ("language", Label::Trailer),
    ("publication-type", Label::Trailer),
    ("publication type", Label::Trailer),
    ("journal-code", Label::Trailer),
    ("document-type", Label::Trailer),
    ("graphic", Label::Trailer),
    ("classification", Label::Trailer),
    ("subject", Label::Trailer),
    ("organization", Label::Trailer),
    ("geographic", Label::Trailer),
    ("industry", Label::Trailer),
    ("url", Label::Trailer),
];

/// Languages an export names on a line of their own.
const LANGUAGES: &[&str] = &["english", "welsh", "french", "german", "spanish"];

static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Za-z][A-Za-z -]{0,22}[A-Za-z])\s*:\s*(.*)$").expect("label regex")
});
static END_OF_DOCUMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^end of document$").expect("end regex"));
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:document\s+\d+\s+of\s+\d+|\d+\s+of\s+\d+\s+documents?)$")
        .expect("numbered regex")
});
static DOCUMENT_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^Document\s+[A-Za-z0-9]{12,}$").expect("document id regex"));
static WORD_COUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^([\d,]+)\s+words?$").expect("word count regex"));
static SOURCE_CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z]{2,6}$").expect("code regex"));

fn label_of(line: &str) -> Option<(Label, &str)> {
    let c = LABELLED.captures(line)?;
    let name = c.get(1)?.as_str().to_ascii_lowercase();
    let label = LABELS.iter().find(|(l, _)| *l == name)?.1;
    Some((label, c.get(2).map_or("", |m| m.as_str()).trim()))
}

fn word_count(line: &str) -> Option<u32> {
    let c = WORD_COUNT.captures(line)?;
    c[1].replace(',', "").parse().ok()
}

/// The name after "By " at the start of a line, if it starts so.
fn after_by(line: &str) -> Option<&str> {
    let name = line
        .get(..3)
        .filter(|by| by.eq_ignore_ascii_case("by "))
        .and_then(|_| line.get(3..))?
        .trim();
    (!name.is_empty()).then_some(name)
}

/// Whether a line reads as running prose rather than a header field.
fn is_prose(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words >= 12
        && (line.ends_with(['.', '"', '\u{201d}', '?', '!'])
            || line.contains(". ")
            || line.contains(", "))
}

fn is_copyright(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    lower.starts_with("copyright") || line.starts_with('©') || lower.starts_with("(c) ")
}

/// The kind of a line in an article's header.
#[derive(Debug, Clone, PartialEq)]
enum HeaderLine {
    Labelled(Label, String),
    Words(u32),
    Date(Date),
    /// Copyright, language, source code, edition: not wanted.
    Noise,
    Text(String),
}

fn classify(line: &str) -> HeaderLine {
    if let Some((label, value)) = label_of(line) {
        return match label {
            Label::Length => match word_count(value) {
                Some(n) => HeaderLine::Words(n),
                None => HeaderLine::Noise,
            },
            _ => HeaderLine::Labelled(label, value.to_string()),
        };
    }
    if let Some(n) = word_count(line) {
        return HeaderLine::Words(n);
    }
    if let Some(d) = dateline(line) {
        return HeaderLine::Date(d);
    }
    let lower = line.to_ascii_lowercase();
    if is_copyright(line)
        || LANGUAGES.contains(&lower.as_str())
        || SOURCE_CODE.is_match(line)
        || (lower.contains("edition") && line.split_whitespace().count() <= 4)
        || NUMBERED.is_match(line)
        || lower == "body"
    {
        return HeaderLine::Noise;
    }
    HeaderLine::Text(line.to_string())
}

/// Splits the text of an export into articles.
pub fn split_export(text: &str) -> SplitExport {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let count = |re: &Regex| lines.iter().filter(|l| re.is_match(l)).count();
    let standalone_word_counts = lines.iter().filter(|l| word_count(l).is_some()).count();
    let (layout, records) = if count(&END_OF_DOCUMENT) >= 1 {
        (
            ExportLayout::EndOfDocument,
            records_ending_at(&lines, &END_OF_DOCUMENT),
        )
    } else if count(&NUMBERED) >= 2 {
        (
            ExportLayout::NumberedDocuments,
            records_starting_at(&lines, |i| NUMBERED.is_match(lines[i])),
        )
    } else if standalone_word_counts >= 2 {
        let starts = word_count_block_starts(&lines);
        (
            ExportLayout::WordCountBlocks,
            records_starting_at(&lines, |i| starts.contains(&i)),
        )
    } else {
        (ExportLayout::Single, vec![&lines[..]])
    };
    let articles = records
        .into_iter()
        .filter_map(|record| read_record(record, layout))
        .enumerate()
        .map(|(i, mut a)| {
            a.position = i + 1;
            a
        })
        .collect();
    SplitExport { layout, articles }
}

/// Records that each end with a separator line (which is dropped). Text
/// after the last separator is a record too if it holds anything.
fn records_ending_at<'a>(lines: &'a [&'a str], separator: &Regex) -> Vec<&'a [&'a str]> {
    let mut records = Vec::new();
    let mut start = 0;
    for (i, line) in lines.iter().enumerate() {
        if separator.is_match(line) {
            records.push(&lines[start..i]);
            start = i + 1;
        }
    }
    records.push(&lines[start..]);
    records
}

/// Records that each start at a line for which `starts` holds; anything
/// before the first (a cover page) is dropped.
fn records_starting_at<'a>(
    lines: &'a [&'a str],
    starts: impl Fn(usize) -> bool,
) -> Vec<&'a [&'a str]> {
    let indices: Vec<usize> = (0..lines.len()).filter(|&i| starts(i)).collect();
    indices
        .iter()
        .enumerate()
        .map(|(k, &start)| {
            let end = indices.get(k + 1).copied().unwrap_or(lines.len());
            &lines[start..end]
        })
        .collect()
}

/// Where each word-count block starts: the run of non-blank, non-prose
/// lines holding a standalone "612 words" line begins the article.
fn word_count_block_starts(lines: &[&str]) -> Vec<usize> {
    let mut starts = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if word_count(line).is_none() {
            continue;
        }
        let mut start = i;
        // At most a headline (perhaps over two lines) and a byline before
        // the count, in the same block; blank lines may separate the fields.
        let mut taken = 0;
        let mut j = i;
        while j > 0 && taken < 3 {
            j -= 1;
            let l = lines[j];
            if l.is_empty() {
                continue;
            }
            if is_prose(l) || DOCUMENT_ID.is_match(l) || END_OF_DOCUMENT.is_match(l) {
                break;
            }
            // A short line that ends a sentence closes the previous body.
            if l.ends_with(['.', '"', '\u{201d}']) && taken > 0 {
                break;
            }
            start = j;
            taken += 1;
            // Fields are in one block: a blank line above a field that is
            // already a headline candidate ends the header.
            if j > 0 && lines[j - 1].is_empty() && taken >= 1 {
                let above = lines[..j].iter().rev().find(|l| !l.is_empty());
                if above.is_none_or(|a| is_prose(a) || a.ends_with(['.', '"', '\u{201d}'])) {
                    break;
                }
            }
        }
        if starts.last().is_none_or(|&s| s < start) {
            starts.push(start);
        }
    }
    starts
}

/// Reads one record's fields and body; `None` for a record with no body
/// (a cover page, the text after the last separator).
fn read_record(record: &[&str], layout: ExportLayout) -> Option<ExportArticle> {
    let record: Vec<&str> = record
        .iter()
        .copied()
        .filter(|l| !DOCUMENT_ID.is_match(l) && !NUMBERED.is_match(l))
        .collect();
    let body_start = body_start(&record, layout);
    let header: Vec<HeaderLine> = record[..body_start]
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| classify(l))
        .collect();
    let body_end = record[body_start..]
        .iter()
        .position(|l| matches!(label_of(l), Some((Label::Trailer, _))))
        .map_or(record.len(), |p| body_start + p);
    let body = paragraphs(&record[body_start..body_end]);
    if body.is_empty() {
        return None;
    }
    let mut article = fields_of(&header, layout);
    if article.date.is_none() {
        // "Load-Date: March 13, 2019" after the body.
        article.date = record[body_end..]
            .iter()
            .filter_map(|l| label_of(l))
            .find(|(label, _)| *label == Label::Trailer)
            .and_then(|(_, v)| dateline(v));
    }
    article.body = body;
    Some(article)
}

/// Where the body begins: after a "Body" line, else after the last header
/// field before the first line of prose (and the short lines in the same
/// block right after it, such as the outlet under a date).
fn body_start(record: &[&str], layout: ExportLayout) -> usize {
    if let Some(i) = record.iter().position(|l| l.eq_ignore_ascii_case("body")) {
        return i + 1;
    }
    let first_prose = record
        .iter()
        .position(|l| is_prose(l))
        .unwrap_or(record.len());
    let last_field = record[..first_prose]
        .iter()
        .rposition(|l| !l.is_empty() && !matches!(classify(l), HeaderLine::Text(_)));
    let Some(mut end) = last_field.map(|i| i + 1) else {
        // No header fields: a lone article's first line is its headline.
        return match layout {
            ExportLayout::Single => record
                .iter()
                .position(|l| !l.is_empty())
                .map_or(0, |i| i + 1),
            _ => 0,
        };
    };
    while end < first_prose && !record[end].is_empty() {
        end += 1;
    }
    if layout == ExportLayout::WordCountBlocks {
        // The outlet under the date, even when a blank line separates them
        // (every paragraph of a Word or PDF export is its own block).
        let mut taken = 0;
        let mut at = end;
        while at < first_prose && taken < 3 {
            let line = record[at];
            at += 1;
            if line.is_empty() {
                continue;
            }
            if line.split_whitespace().count() > 10 || line.ends_with('.') {
                break;
            }
            taken += 1;
            end = at;
        }
    }
    end
}

/// The fields of an article from its classified header lines.
fn fields_of(header: &[HeaderLine], layout: ExportLayout) -> ExportArticle {
    let mut a = ExportArticle::default();
    for line in header {
        match line {
            HeaderLine::Labelled(Label::Headline, v) if a.headline.is_none() => {
                a.headline = Some(v.clone());
            }
            HeaderLine::Labelled(Label::Byline, v) if a.byline.is_none() => {
                a.byline = Some(v.clone());
            }
            HeaderLine::Labelled(Label::Outlet, v) if a.outlet.is_none() => {
                a.outlet = Some(v.clone());
            }
            HeaderLine::Labelled(Label::Date, v) if a.date.is_none() => match dateline(v) {
                Some(d) => a.date = Some(d),
                None => a.date_text = Some(v.clone()),
            },
            HeaderLine::Words(n) if a.words.is_none() => a.words = Some(*n),
            HeaderLine::Date(d) if a.date.is_none() => a.date = Some(*d),
            _ => {}
        }
    }
    let date_at = header.iter().position(|l| matches!(l, HeaderLine::Date(_)));
    let words_at = header
        .iter()
        .position(|l| matches!(l, HeaderLine::Words(_)));
    let texts = |range: std::ops::Range<usize>| -> Vec<String> {
        header[range]
            .iter()
            .filter_map(|l| match l {
                HeaderLine::Text(t) => Some(t.clone()),
                _ => None,
            })
            .collect()
    };
    // A "By ..." line is the byline in any layout.
    let by_line = header.iter().find_map(|line| match line {
        HeaderLine::Text(t) if after_by(t).is_some() => Some(t.clone()),
        _ => None,
    });
    if a.byline.is_none() {
        a.byline = by_line.as_deref().and_then(after_by).map(str::to_string);
    }
    let not_byline = |t: &String| Some(t) != by_line.as_ref();
    let before_date: Vec<String> = texts(0..date_at.unwrap_or(header.len()))
        .into_iter()
        .filter(not_byline)
        .collect();
    let after_date: Vec<String> = date_at
        .map(|d| texts(d + 1..header.len()))
        .unwrap_or_default()
        .into_iter()
        .filter(not_byline)
        .collect();
    match layout {
        ExportLayout::EndOfDocument => {
            // Headline, outlet, date.
            if a.outlet.is_none() && before_date.len() >= 2 {
                a.outlet = before_date.last().cloned();
            }
            if a.headline.is_none() {
                let n = before_date.len();
                a.headline = match n {
                    0 => after_date.first().cloned(),
                    1 => before_date.first().cloned(),
                    _ => before_date.get(n - 2).cloned(),
                };
            }
        }
        ExportLayout::NumberedDocuments => {
            // Outlet, date, edition, headline.
            if a.outlet.is_none() {
                a.outlet = before_date.last().cloned();
            }
            if a.headline.is_none() {
                a.headline = after_date.first().cloned().or_else(|| {
                    (before_date.len() >= 2).then(|| before_date[before_date.len() - 2].clone())
                });
            }
        }
        ExportLayout::WordCountBlocks => {
            // Headline, byline, word count, date, outlet.
            let before_words = texts(0..words_at.unwrap_or(0));
            if a.headline.is_none() {
                a.headline = before_words.first().cloned();
            }
            if a.byline.is_none() && before_words.len() >= 2 {
                a.byline = before_words.last().cloned();
            }
            if a.outlet.is_none() {
                a.outlet = after_date
                    .iter()
                    .find(|t| Some(*t) != a.headline.as_ref() && Some(*t) != a.byline.as_ref())
                    .cloned();
            }
        }
        ExportLayout::Single => {
            if a.headline.is_none() {
                a.headline = before_date.first().cloned();
            }
        }
    }
    if let Some(h) = &mut a.headline {
        *h = h.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    a
}

/// Body lines as paragraphs: trimmed, runs of blank lines made one, no
/// blank lines at the ends.
fn paragraphs(lines: &[&str]) -> String {
    let mut out: Vec<&str> = Vec::new();
    for line in lines {
        if line.is_empty() && out.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        out.push(line);
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out.join("\n")
}

#[cfg(test)]
mod tests;
