//! Rich Text Format to plain text: enough of RTF for the exports of news
//! databases and for articles saved from a word processor.
//!
//! Paragraphs (`\par`, table rows, sections) are separated by a blank line,
//! `\line` starts a line inside one, `\tab` and table cells give a tab.
//! Characters written as `\'hh` are read in the document's code page
//! (`\ansicpg`, Windows-1252 by default) and `\uN` as Unicode, skipping the
//! `\ucN` fallback characters after it. Destinations that are not the
//! document's text (font and colour tables, style sheets, document
//! information, pictures, headers and footers, field instructions, and
//! anything marked `\*`) are skipped. Groups are kept on an explicit stack,
//! so deep nesting cannot overflow the thread's stack.

/// Why an RTF file gave no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RtfProblem {
    /// The file does not start with `{\rtf`.
    NotRtf,
}

/// Destinations whose content is not document text.
const SKIPPED_DESTINATIONS: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "object",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "fldinst",
    "listtable",
    "listoverridetable",
    "revtbl",
    "rsidtbl",
    "generator",
    "xmlnstbl",
    "themedata",
    "colorschememapping",
    "latentstyles",
    "datastore",
    "filetbl",
    "pgdsctbl",
    "mmathPr",
    "bkmkstart",
    "bkmkend",
    "footnote",
    "annotation",
    "atnid",
    "atnauthor",
    "private",
];

#[derive(Clone, Copy)]
struct GroupState {
    skip: bool,
    /// Fallback characters to skip after a `\uN`.
    unicode_skip: usize,
}

/// The text of the RTF document in `bytes`.
pub fn rtf_text(bytes: &[u8]) -> Result<String, RtfProblem> {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    if !bytes[start..].starts_with(b"{\\rtf") {
        return Err(RtfProblem::NotRtf);
    }
    let mut reader = RtfReader {
        bytes,
        at: start,
        out: Output::default(),
        encoding: encoding_rs::WINDOWS_1252,
        pending_bytes: Vec::new(),
        to_skip: 0,
    };
    reader.run();
    Ok(reader.out.finish())
}

struct RtfReader<'a> {
    bytes: &'a [u8],
    at: usize,
    out: Output,
    encoding: &'static encoding_rs::Encoding,
    /// Bytes of `\'hh` escapes waiting to be decoded together (a double-byte
    /// code page writes one character as two escapes).
    pending_bytes: Vec<u8>,
    /// Fallback characters still to skip after a `\uN`.
    to_skip: usize,
}

impl RtfReader<'_> {
    fn run(&mut self) {
        let mut stack: Vec<GroupState> = Vec::new();
        let mut state = GroupState {
            skip: false,
            unicode_skip: 1,
        };
        // Whether the group just opened may be a destination (its first
        // control word decides).
        let mut group_start = false;
        while self.at < self.bytes.len() {
            let b = self.bytes[self.at];
            match b {
                b'{' => {
                    self.flush_bytes(state);
                    stack.push(state);
                    self.at += 1;
                    group_start = true;
                    continue;
                }
                b'}' => {
                    self.flush_bytes(state);
                    state = stack.pop().unwrap_or(state);
                    self.to_skip = 0;
                    self.at += 1;
                }
                b'\\' => {
                    self.control(&mut state, group_start);
                }
                b'\r' | b'\n' => self.at += 1,
                _ => {
                    self.at += 1;
                    if self.skip_fallback() {
                        continue;
                    }
                    if b >= 0x80 {
                        self.pending_bytes.push(b);
                    } else {
                        self.flush_bytes(state);
                        if !state.skip {
                            self.out.push_char(char::from(b));
                        }
                    }
                }
            }
            group_start = false;
        }
        self.flush_bytes(state);
    }

    /// Whether the character just read is a `\uN` fallback to drop.
    fn skip_fallback(&mut self) -> bool {
        if self.to_skip > 0 {
            self.to_skip -= 1;
            true
        } else {
            false
        }
    }

    fn flush_bytes(&mut self, state: GroupState) {
        if self.pending_bytes.is_empty() {
            return;
        }
        let bytes = std::mem::take(&mut self.pending_bytes);
        if state.skip {
            return;
        }
        let (text, _) = self.encoding.decode_without_bom_handling(&bytes);
        for c in text.chars() {
            self.out.push_char(c);
        }
    }

    /// Reads a control word or symbol at `self.at` (a backslash).
    fn control(&mut self, state: &mut GroupState, group_start: bool) {
        self.at += 1;
        let Some(&next) = self.bytes.get(self.at) else {
            return;
        };
        if !next.is_ascii_alphabetic() {
            self.at += 1;
            match next {
                b'\'' => {
                    let hex_start = self.at;
                    let hex = self.bytes.get(self.at..self.at + 2);
                    let value = hex
                        .and_then(|h| std::str::from_utf8(h).ok())
                        .and_then(|h| u8::from_str_radix(h, 16).ok());
                    if let Some(value) = value {
                        self.at += 2;
                        if !self.skip_fallback() {
                            self.pending_bytes.push(value);
                        }
                    } else {
                        // A cut-off escape: drop what there is of it.
                        while self.bytes.get(self.at).is_some_and(u8::is_ascii_hexdigit)
                            && self.at < hex_start + 2
                        {
                            self.at += 1;
                        }
                    }
                    return;
                }
                b'*' => {
                    if group_start {
                        state.skip = true;
                    }
                    return;
                }
                _ => {}
            }
            self.flush_bytes(*state);
            if self.skip_fallback() || state.skip {
                return;
            }
            match next {
                b'\\' | b'{' | b'}' => self.out.push_char(char::from(next)),
                b'~' => self.out.push_char(' '),
                b'_' => self.out.push_char('-'),
                b'\r' | b'\n' => self.out.end_paragraph(),
                _ => {} // \- optional hyphen, \: and the rest
            }
            return;
        }
        let word_start = self.at;
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_alphabetic) {
            self.at += 1;
        }
        let word = std::str::from_utf8(&self.bytes[word_start..self.at]).unwrap_or("");
        let number_start = self.at;
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
        let parameter: Option<i64> = std::str::from_utf8(&self.bytes[number_start..self.at])
            .ok()
            .and_then(|n| n.parse().ok());
        // One space after a control word is its delimiter.
        if self.bytes.get(self.at) == Some(&b' ') {
            self.at += 1;
        }
        self.flush_bytes(*state);
        if group_start && SKIPPED_DESTINATIONS.contains(&word) {
            state.skip = true;
            return;
        }
        match word {
            "ansicpg" => {
                if let Some(cp) = parameter.and_then(|p| u16::try_from(p).ok())
                    && let Some(enc) = codepage_encoding(cp)
                {
                    self.encoding = enc;
                }
            }
            "uc" => {
                state.unicode_skip = parameter.and_then(|p| usize::try_from(p).ok()).unwrap_or(1);
            }
            "u" => {
                if let Some(p) = parameter {
                    // A signed 16-bit value: negative numbers stand for code
                    // units above 32767.
                    let unit = if p < 0 { p + 65536 } else { p };
                    if !state.skip
                        && let Some(c) = u32::try_from(unit).ok().and_then(char::from_u32)
                    {
                        self.out.push_char(c);
                    }
                    self.to_skip = state.unicode_skip;
                }
            }
            _ if state.skip => {}
            "par" | "sect" | "page" | "row" => self.out.end_paragraph(),
            "line" => self.out.push_char('\n'),
            "tab" | "cell" => self.out.push_char('\t'),
            "emdash" => self.out.push_char('\u{2014}'),
            "endash" => self.out.push_char('\u{2013}'),
            "lquote" => self.out.push_char('\u{2018}'),
            "rquote" => self.out.push_char('\u{2019}'),
            "ldblquote" => self.out.push_char('\u{201c}'),
            "rdblquote" => self.out.push_char('\u{201d}'),
            "bullet" => self.out.push_char('\u{2022}'),
            "emspace" | "enspace" | "qmspace" => self.out.push_char(' '),
            _ => {}
        }
    }
}

/// The encoding of a Windows code page an RTF file names.
fn codepage_encoding(cp: u16) -> Option<&'static encoding_rs::Encoding> {
    let label: &[u8] = match cp {
        874 => b"windows-874",
        932 => b"shift_jis",
        936 => b"gbk",
        949 => b"euc-kr",
        950 => b"big5",
        1250..=1258 => return encoding_rs::Encoding::for_label(format!("windows-{cp}").as_bytes()),
        10000 => b"macintosh",
        65001 => b"utf-8",
        _ => return None,
    };
    encoding_rs::Encoding::for_label(label)
}

#[derive(Default)]
struct Output {
    paragraphs: Vec<String>,
    current: String,
}

impl Output {
    fn push_char(&mut self, c: char) {
        match c {
            '\u{a0}' => self.current.push(' '),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => self.current.push(c),
        }
    }

    fn end_paragraph(&mut self) {
        let p = std::mem::take(&mut self.current);
        let lines: Vec<&str> = p.split('\n').map(str::trim).collect();
        let first = lines.iter().position(|l| !l.is_empty());
        let last = lines.iter().rposition(|l| !l.is_empty());
        if let (Some(first), Some(last)) = (first, last) {
            self.paragraphs.push(lines[first..=last].join("\n"));
        }
    }

    fn finish(mut self) -> String {
        self.end_paragraph();
        let mut text = self.paragraphs.join("\n\n");
        if !text.is_empty() {
            text.push('\n');
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(rtf: &str) -> String {
        rtf_text(rtf.as_bytes()).expect("rtf")
    }

    #[test]
    fn paragraphs_and_tables_of_destinations_skipped() {
        let rtf = r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}{\colortbl;\red0\green0\blue0;}
{\info{\title Secret title}{\author Someone}}
\pard\plain\f0\fs24 Kent rated good\par
\pard By Jo Bloggs\line 3 October 2018\par
\par
Body {\b bold} text.\par}";
        assert_eq!(
            text(rtf),
            "Kent rated good\n\nBy Jo Bloggs\n3 October 2018\n\nBody bold text.\n"
        );
    }

    #[test]
    fn escaped_and_unicode_characters() {
        let rtf = r"{\rtf1\ansi\ansicpg1252 Children\rquote s \'a36m \u8220?plan\u8221? caf\'e9 \{x\} \\ \emdash\par}";
        assert_eq!(
            text(rtf),
            "Children\u{2019}s £6m \u{201c}plan\u{201d} café {x} \\ \u{2014}\n"
        );
    }

    #[test]
    fn uc_sets_how_many_fallback_characters_follow() {
        let rtf = r"{\rtf1\uc2 a\u8364\'80\'80b\uc0\u8364 c\par}";
        assert_eq!(text(rtf), "a€b€c\n");
    }

    #[test]
    fn ignorable_destinations_and_field_instructions_are_skipped() {
        let rtf = r"{\rtf1{\*\generator Riched20;}{\*\unknowndest hidden}{\field{\*\fldinst HYPERLINK x}{\fldrslt shown}}\par}";
        assert_eq!(text(rtf), "shown\n");
    }

    #[test]
    fn table_cells_are_tabs_and_rows_paragraphs() {
        let rtf = r"{\rtf1\trowd\cellx1000\cellx2000 Council\cell Judgement\cell\row Sandwell\cell inadequate\cell\row}";
        assert_eq!(text(rtf), "Council\tJudgement\n\nSandwell\tinadequate\n");
    }

    #[test]
    fn not_rtf_is_refused_and_broken_rtf_does_not_panic() {
        assert_eq!(rtf_text(b"hello"), Err(RtfProblem::NotRtf));
        assert_eq!(text(r"{\rtf1 unclosed {\b group \'4"), "unclosed group\n");
        let deep = format!("{{\\rtf1 {}x{}}}", "{".repeat(100_000), "}".repeat(100_000));
        assert_eq!(text(&deep), "x\n");
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_after_an_rtf_header_convert_without_panicking(
            body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300)
        ) {
            let mut bytes = b"{\\rtf1 ".to_vec();
            bytes.extend(body);
            proptest::prop_assert!(rtf_text(&bytes).is_ok());
        }
    }
}
