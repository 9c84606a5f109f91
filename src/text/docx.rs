//! A Word document (`.docx`) to the article text: the paragraphs of the main
//! document part, in order, separated by blank lines.
//!
//! A `.docx` is a zip archive of XML parts; the text is in the `w:t`
//! elements of the runs of each `w:p` paragraph. Tabs and line breaks in a
//! paragraph are kept as a tab and a line feed. A table row becomes one
//! paragraph with its cells separated by a tab (the paragraphs of one cell
//! joined by a space), like a table row in an HTML article. Deleted text of
//! tracked changes, field codes and the fallback copy of a text box are left
//! out; inserted text and hyperlinks' text are kept. Headers, footers,
//! footnotes and comments are separate parts and are not read.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::io::{Cursor, Read};

/// The most the document part may inflate to: a zip bomb is refused rather
/// than filling memory.
const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;

/// Why a Word document gave no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxProblem {
    /// An old binary Word file or a password-protected document (both are
    /// OLE compound files, not zip archives).
    OleFile,
    /// Not a zip archive at all, or a damaged one.
    NotZip(String),
    /// A zip archive without a Word document part.
    NoDocumentPart,
    /// The document part is not well-formed XML.
    BadXml(String),
    /// The document part inflates past [`MAX_PART_BYTES`].
    TooLarge,
}

impl std::fmt::Display for DocxProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DocxProblem::OleFile => f.write_str(
                "it is an old-style Word file (.doc) or a password-protected document, \
                 not a .docx; save it from Word as .docx without a password",
            ),
            DocxProblem::NotZip(e) => write!(f, "it is not a .docx (not a readable zip: {e})"),
            DocxProblem::NoDocumentPart => {
                f.write_str("the zip holds no Word document (no word/document.xml)")
            }
            DocxProblem::BadXml(e) => write!(f, "its document part is damaged XML: {e}"),
            DocxProblem::TooLarge => write!(
                f,
                "its document part unpacks to more than {} MiB",
                MAX_PART_BYTES >> 20
            ),
        }
    }
}

/// The paragraphs of the `.docx` in `bytes`, separated by blank lines,
/// ending with a line feed (empty if the document has no text).
pub fn docx_text(bytes: &[u8]) -> Result<String, DocxProblem> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(DocxProblem::OleFile);
    }
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxProblem::NotZip(e.to_string()))?;
    let part = main_part_name(&mut archive).unwrap_or_else(|| "word/document.xml".to_string());
    let xml = read_part(&mut archive, &part)?.ok_or(DocxProblem::NoDocumentPart)?;
    document_xml_text(&xml)
}

/// The main document part named by the package relationships
/// (`_rels/.rels`), which is `word/document.xml` in nearly every file.
fn main_part_name(archive: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Option<String> {
    let rels = read_part(archive, "_rels/.rels").ok()??;
    let mut reader = Reader::from_reader(rels.as_slice());
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Empty(e) | Event::Start(e)) if e.local_name().as_ref() == b"Relationship" => {
                let ty = attribute(&e, b"Type").unwrap_or_default();
                if ty.ends_with("/officeDocument") {
                    let target = attribute(&e, b"Target")?;
                    return Some(target.trim_start_matches('/').to_string());
                }
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
        buf.clear();
    }
}

fn attribute(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

/// The bytes of the part `name`, or `None` when the archive has none.
fn read_part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<Vec<u8>>, DocxProblem> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(DocxProblem::NotZip(e.to_string())),
    };
    let mut out = Vec::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| DocxProblem::NotZip(e.to_string()))?;
    if out.len() as u64 > MAX_PART_BYTES {
        return Err(DocxProblem::TooLarge);
    }
    Ok(Some(out))
}

/// Elements whose text is not part of the document as it reads: deleted
/// text of tracked changes, field instructions, and the second copy of
/// content that Word writes for older readers.
const SKIPPED: &[&[u8]] = &[
    b"del",
    b"delText",
    b"instrText",
    b"Fallback",
    b"rPr",
    b"pPr",
    b"sectPr",
];

/// The text of a `word/document.xml`.
pub fn document_xml_text(xml: &[u8]) -> Result<String, DocxProblem> {
    let mut reader = Reader::from_reader(xml);
    let mut out = Builder::default();
    let mut buf = Vec::new();
    let mut skip_depth = 0usize;
    let mut in_text = false;
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| {
            DocxProblem::BadXml(format!("at byte {}: {e}", reader.error_position()))
        })?;
        match event {
            Event::Start(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if skip_depth > 0 || SKIPPED.contains(&name) {
                    skip_depth += 1;
                } else {
                    match name {
                        b"t" => in_text = true,
                        b"p" => out.start_paragraph(),
                        b"tbl" => out.tables.push(Vec::new()),
                        b"tr" => out.start_row(),
                        b"tc" => out.start_cell(),
                        _ => out.empty_element(name),
                    }
                }
            }
            Event::Empty(e) if skip_depth == 0 => {
                out.empty_element(e.local_name().as_ref());
            }
            Event::End(e) => {
                if skip_depth > 0 {
                    skip_depth -= 1;
                } else {
                    match e.local_name().as_ref() {
                        b"t" => in_text = false,
                        b"p" => out.end_paragraph(),
                        b"tc" => out.end_cell(),
                        b"tr" => out.end_row(),
                        b"tbl" => out.end_table(),
                        _ => {}
                    }
                }
            }
            Event::Text(t) if in_text && skip_depth == 0 => {
                let text = t.decode().map_err(|e| DocxProblem::BadXml(e.to_string()))?;
                out.push_text(&text);
            }
            Event::GeneralRef(r) if in_text && skip_depth == 0 => {
                let resolved = resolve_reference(&r)
                    .ok_or_else(|| DocxProblem::BadXml("an unknown character reference".into()))?;
                out.push_text(&resolved);
            }
            Event::CData(t) if in_text && skip_depth == 0 => {
                out.push_text(&String::from_utf8_lossy(&t));
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out.finish())
}

/// `&amp;`, `&#8217;` and the other predefined and numeric references.
fn resolve_reference(r: &quick_xml::events::BytesRef) -> Option<String> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c.to_string());
    }
    let name = r.decode().ok()?;
    quick_xml::escape::resolve_predefined_entity(&name).map(str::to_string)
}

#[derive(Default)]
struct Builder {
    paragraphs: Vec<String>,
    /// The paragraph being read, if inside one.
    paragraph: Option<String>,
    /// Open tables (nested ones too): rows of cells of paragraphs.
    tables: Vec<Vec<Vec<String>>>,
    /// The cells of the row being read, per open table.
    rows: Vec<Vec<String>>,
    /// The paragraphs of the cell being read, per open table.
    cells: Vec<Vec<String>>,
}

impl Builder {
    fn start_paragraph(&mut self) {
        self.paragraph = Some(String::new());
    }

    fn push_text(&mut self, text: &str) {
        if let Some(p) = &mut self.paragraph {
            p.push_str(text);
        }
    }

    /// `w:tab`, `w:br`, `w:cr`, `w:noBreakHyphen`; the rest are ignored.
    fn empty_element(&mut self, name: &[u8]) {
        let text = match name {
            b"tab" => "\t",
            b"br" | b"cr" => "\n",
            b"noBreakHyphen" => "-",
            _ => return,
        };
        self.push_text(text);
    }

    fn end_paragraph(&mut self) {
        let Some(p) = self.paragraph.take() else {
            return;
        };
        let p = tidy(&p);
        if p.is_empty() {
            return;
        }
        match self.cells.last_mut() {
            Some(cell) if !self.tables.is_empty() => cell.push(p),
            _ => self.paragraphs.push(p),
        }
    }

    fn start_row(&mut self) {
        self.rows.push(Vec::new());
    }

    fn start_cell(&mut self) {
        self.cells.push(Vec::new());
    }

    fn end_cell(&mut self) {
        let cell = self.cells.pop().unwrap_or_default();
        if let Some(row) = self.rows.last_mut() {
            row.push(cell.join(" ").replace('\n', " "));
        }
    }

    fn end_row(&mut self) {
        let row = self.rows.pop().unwrap_or_default();
        let line = row
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
            .join("\t");
        if line.is_empty() {
            return;
        }
        // A row of a table nested in a cell is part of that cell.
        match (self.tables.len(), self.cells.last_mut()) {
            (n, Some(cell)) if n > 1 => cell.push(line),
            _ => {
                if let Some(table) = self.tables.last_mut() {
                    table.push(vec![line]);
                }
            }
        }
    }

    fn end_table(&mut self) {
        let Some(table) = self.tables.pop() else {
            return;
        };
        for row in table {
            self.paragraphs.extend(row);
        }
    }

    fn finish(mut self) -> String {
        self.end_paragraph();
        while !self.tables.is_empty() {
            self.end_table();
        }
        let mut text = self.paragraphs.join("\n\n");
        if !text.is_empty() {
            text.push('\n');
        }
        text
    }
}

/// A paragraph's text with spaces at its ends and at its line ends removed,
/// and no-break spaces made ordinary (the extractor's patterns look for
/// word boundaries).
fn tidy(p: &str) -> String {
    let p = p.replace('\u{a0}', " ");
    let lines: Vec<&str> = p.split('\n').map(str::trim).collect();
    let first = lines.iter().position(|l| !l.is_empty());
    let last = lines.iter().rposition(|l| !l.is_empty());
    match (first, last) {
        (Some(first), Some(last)) => lines[first..=last].join("\n"),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(inner: &str) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
             <w:body>{inner}<w:sectPr><w:pgSz w:w=\"11906\"/></w:sectPr></w:body></w:document>"
        )
    }

    fn text_of(inner: &str) -> String {
        document_xml_text(body(inner).as_bytes()).expect("parses")
    }

    #[test]
    fn runs_join_and_paragraphs_are_separated_by_a_blank_line() {
        let xml = "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t>Kent </w:t></w:r>\
                   <w:r><w:rPr><w:b/></w:rPr><w:t>rated good</w:t></w:r></w:p>\
                   <w:p><w:r><w:t xml:space=\"preserve\">Second &amp; last.</w:t></w:r></w:p>";
        assert_eq!(text_of(xml), "Kent rated good\n\nSecond & last.\n");
    }

    #[test]
    fn empty_paragraphs_leave_no_extra_blank_lines() {
        let xml = "<w:p/><w:p><w:r><w:t>One</w:t></w:r></w:p><w:p></w:p><w:p><w:r><w:t> </w:t></w:r></w:p>\
                   <w:p><w:r><w:t>Two</w:t></w:r></w:p>";
        assert_eq!(text_of(xml), "One\n\nTwo\n");
    }

    #[test]
    fn tabs_and_breaks_are_kept_inside_a_paragraph() {
        let xml = "<w:p><w:r><w:t>By Jo Bloggs</w:t><w:br/><w:t>3 October 2018</w:t>\
                   <w:tab/><w:t>Gazette</w:t></w:r></w:p>";
        assert_eq!(text_of(xml), "By Jo Bloggs\n3 October 2018\tGazette\n");
    }

    #[test]
    fn a_table_row_is_a_paragraph_with_cells_separated_by_tabs() {
        let xml = "<w:p><w:r><w:t>Before</w:t></w:r></w:p>\
                   <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Council</w:t></w:r></w:p></w:tc>\
                   <w:tc><w:p><w:r><w:t>Judgement</w:t></w:r></w:p></w:tc></w:tr>\
                   <w:tr><w:tc><w:p><w:r><w:t>Sandwell</w:t></w:r></w:p><w:p><w:r><w:t>(trust)</w:t></w:r></w:p></w:tc>\
                   <w:tc><w:p><w:r><w:t>inadequate</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\
                   <w:p><w:r><w:t>After</w:t></w:r></w:p>";
        assert_eq!(
            text_of(xml),
            "Before\n\nCouncil\tJudgement\n\nSandwell (trust)\tinadequate\n\nAfter\n"
        );
    }

    #[test]
    fn deleted_text_field_codes_and_fallbacks_are_left_out() {
        let xml = "<w:p><w:ins><w:r><w:t>kept </w:t></w:r></w:ins>\
                   <w:del><w:r><w:delText>gone </w:delText></w:r></w:del>\
                   <w:r><w:instrText> HYPERLINK \"x\" </w:instrText></w:r>\
                   <w:hyperlink><w:r><w:t>link</w:t></w:r></w:hyperlink></w:p>\
                   <w:p><mc:AlternateContent xmlns:mc=\"m\"><mc:Choice><w:r><w:t>box</w:t></w:r></mc:Choice>\
                   <mc:Fallback><w:r><w:t>box</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>";
        assert_eq!(text_of(xml), "kept link\n\nbox\n");
    }

    #[test]
    fn character_references_are_resolved() {
        let xml = "<w:p><w:r><w:t>Children&#8217;s &#xA3;6m &lt;plan&gt;</w:t></w:r></w:p>";
        assert_eq!(text_of(xml), "Children\u{2019}s £6m <plan>\n");
    }

    #[test]
    fn broken_xml_is_an_error_not_a_panic() {
        let err = document_xml_text(b"<w:document><w:body><w:p><w:t>x</w:p>").expect_err("bad");
        assert!(matches!(err, DocxProblem::BadXml(_)), "{err:?}");
    }

    #[test]
    fn ole_and_non_zip_files_are_named() {
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        assert_eq!(docx_text(&ole), Err(DocxProblem::OleFile));
        assert!(matches!(
            docx_text(b"plain text"),
            Err(DocxProblem::NotZip(_))
        ));
    }
}
