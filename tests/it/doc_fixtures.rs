//! PDF, Word and RTF files made by code at test time, so that the tests of
//! the converters and of `import` need no binary fixtures: a PDF is written
//! with lopdf (Helvetica, one `Tj` per line, positioned with `Td`), a
//! `.docx` with zip (the three parts Word needs), an RTF by hand.

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, StringFormat, dictionary};
use std::io::Write as _;

/// A4 in points.
pub const PAGE_WIDTH: f64 = 595.0;
pub const PAGE_HEIGHT: f64 = 842.0;

/// A line of text on a PDF page: baseline `y` from the top of the page.
#[derive(Debug, Clone)]
pub struct PdfLine {
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub text: String,
}

/// Text in Windows-1252, as a Helvetica with WinAnsiEncoding draws it;
/// fails the test on a character it cannot draw.
fn win_ansi(text: &str) -> Vec<u8> {
    let (bytes, _, had_errors) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(
        !had_errors,
        "the test PDF writer cannot draw a character of {text:?}"
    );
    bytes.into_owned()
}

/// A PDF whose pages hold `pages` lines, in the order given (which need not
/// be reading order).
pub fn pdf_of_lines(pages: &[Vec<PdfLine>]) -> Vec<u8> {
    pdf_document(pages).1
}

fn pdf_document(pages: &[Vec<PdfLine>]) -> (Document, Vec<u8>) {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
    });
    let mut kids = Vec::new();
    for lines in pages {
        let mut operations = Vec::new();
        for line in lines {
            operations.push(Operation::new("BT", vec![]));
            operations.push(Operation::new(
                "Tf",
                vec!["F1".into(), Object::Real(line.size as f32)],
            ));
            operations.push(Operation::new(
                "Td",
                vec![
                    Object::Real(line.x as f32),
                    Object::Real((PAGE_HEIGHT - line.y) as f32),
                ],
            ));
            operations.push(Operation::new(
                "Tj",
                vec![Object::String(win_ansi(&line.text), StringFormat::Literal)],
            ));
            operations.push(Operation::new("ET", vec![]));
        }
        let content = Content { operations };
        let content_id = doc.add_object(Stream::new(
            dictionary! {},
            content.encode().expect("content encodes"),
        ));
        kids.push(Object::Reference(doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
        })));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), Object::Real(PAGE_WIDTH as f32), Object::Real(PAGE_HEIGHT as f32)],
        }),
    );
    let catalog_id = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
    });
    doc.trailer.set("Root", catalog_id);
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(b"ofsted-curator-1".to_vec(), StringFormat::Hexadecimal),
            Object::String(b"ofsted-curator-1".to_vec(), StringFormat::Hexadecimal),
        ]),
    );
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("PDF saves");
    (doc, bytes)
}

/// Average Helvetica advance, in ems, for wrapping (generous, so that a
/// wrapped line never runs past its column).
const WRAP_EM: f64 = 0.56;

/// `paragraphs` wrapped into lines `width` points wide from `x`, starting
/// at baseline `y`, `size`-point type with 1.25 leading and an extra half
/// line between paragraphs; pages break at the bottom margin. Returns the
/// pages' lines.
pub fn flow(paragraphs: &[(&str, f64)], x: f64, width: f64) -> Vec<Vec<PdfLine>> {
    let mut pages = vec![Vec::new()];
    let mut y = 72.0;
    for (paragraph, size) in paragraphs {
        let max_chars = (width / (size * WRAP_EM)).floor() as usize;
        for line in wrap(paragraph, max_chars) {
            if y > PAGE_HEIGHT - 72.0 {
                pages.push(Vec::new());
                y = 72.0;
            }
            pages.last_mut().expect("a page").push(PdfLine {
                x,
                y,
                size: *size,
                text: line,
            });
            y += size * 1.25;
        }
        y += size * 0.75;
    }
    pages
}

/// Greedy word wrap at `max_chars`.
pub fn wrap(text: &str, max_chars: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max_chars {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A one-column PDF of `text`'s paragraphs (separated by blank lines; the
/// lines of a paragraph joined), the first in 16-point type.
pub fn pdf_of_article(text: &str) -> Vec<u8> {
    let paragraphs: Vec<String> = paragraphs_of(text);
    let sized: Vec<(&str, f64)> = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| (p.as_str(), if i == 0 { 16.0 } else { 10.0 }))
        .collect();
    pdf_of_lines(&flow(&sized, 56.0, PAGE_WIDTH - 112.0))
}

/// The paragraphs of a plain-text article: blocks separated by blank
/// lines, each line of a block its own paragraph (as a byline and a date
/// on consecutive lines are).
pub fn paragraphs_of(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// A PDF made as `pdf_of_lines` makes it, then encrypted with RC4 128 so
/// that it opens only with the password `secret`.
pub fn encrypted_pdf(pages: &[Vec<PdfLine>]) -> Vec<u8> {
    let (mut doc, _) = pdf_document(pages);
    let state = lopdf::EncryptionState::try_from(lopdf::EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password: "secret",
        key_length: 128,
        permissions: lopdf::Permissions::all(),
    })
    .expect("encryption state");
    doc.encrypt(&state).expect("encrypts");
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("PDF saves");
    bytes
}

/// A PDF of one page holding only a picture (a grey square), as a scan is.
pub fn scanned_pdf() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let image = Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Image",
            "Width" => 2,
            "Height" => 2,
            "ColorSpace" => "DeviceGray",
            "BitsPerComponent" => 8,
        },
        vec![0x80, 0x40, 0x40, 0x80],
    );
    let image_id = doc.add_object(image);
    let resources_id = doc.add_object(dictionary! {
        "XObject" => dictionary! { "Im1" => image_id },
    });
    let content = Content {
        operations: vec![
            Operation::new("q", vec![]),
            Operation::new(
                "cm",
                vec![
                    500.into(),
                    0.into(),
                    0.into(),
                    700.into(),
                    40.into(),
                    70.into(),
                ],
            ),
            Operation::new("Do", vec!["Im1".into()]),
            Operation::new("Q", vec![]),
        ],
    };
    let content_id = doc.add_object(Stream::new(
        dictionary! {},
        content.encode().expect("content encodes"),
    ));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
        "Resources" => resources_id,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![Object::Reference(page_id)],
            "Count" => 1,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("PDF saves");
    bytes
}

/// A block of a Word document.
pub enum DocxBlock {
    Paragraph(String),
    /// Rows of cells.
    Table(Vec<Vec<String>>),
}

fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A paragraph in WordprocessingML, its text split over two runs (as Word
/// splits text where formatting or editing history changes) so that the
/// reader must join runs.
fn paragraph_xml(text: &str) -> String {
    let cut = text
        .char_indices()
        .nth(text.chars().count() / 2)
        .map_or(text.len(), |(i, _)| i);
    let (a, b) = text.split_at(cut);
    format!(
        "<w:p><w:pPr><w:spacing w:after=\"160\"/></w:pPr>\
         <w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>\
         <w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        escape_xml(a),
        escape_xml(b)
    )
}

/// A `.docx` holding `blocks`.
pub fn docx_of_blocks(blocks: &[DocxBlock]) -> Vec<u8> {
    let mut body = String::new();
    for block in blocks {
        match block {
            DocxBlock::Paragraph(p) => body.push_str(&paragraph_xml(p)),
            DocxBlock::Table(rows) => {
                body.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>");
                for row in rows {
                    body.push_str("<w:tr>");
                    for cell in row {
                        body.push_str(
                            "<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>",
                        );
                        body.push_str(&paragraph_xml(cell));
                        body.push_str("</w:tc>");
                    }
                    body.push_str("</w:tr>");
                }
                body.push_str("</w:tbl>");
            }
        }
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:body>{body}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>"
    );
    let content_types = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
        <Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
        <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
        <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
        <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
        </Types>";
    let rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
        <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
        <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
        </Relationships>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in [
        ("[Content_Types].xml", content_types.to_string()),
        ("_rels/.rels", rels.to_string()),
        ("word/document.xml", document),
    ] {
        zip.start_file(name, options).expect("zip entry");
        zip.write_all(data.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip finishes").into_inner()
}

/// A `.docx` of `text`'s paragraphs (see [`paragraphs_of`]).
pub fn docx_of_article(text: &str) -> Vec<u8> {
    let blocks: Vec<DocxBlock> = paragraphs_of(text)
        .into_iter()
        .map(DocxBlock::Paragraph)
        .collect();
    docx_of_blocks(&blocks)
}

/// An RTF document of `paragraphs`, non-ASCII characters written as `\uN?`.
pub fn rtf_of_paragraphs(paragraphs: &[String]) -> Vec<u8> {
    let mut out = String::from(
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Helvetica;}}\
         {\\info{\\title Export}}\n\\pard\\f0\\fs22 ",
    );
    for p in paragraphs {
        for c in p.chars() {
            match c {
                '\\' | '{' | '}' => {
                    out.push('\\');
                    out.push(c);
                }
                c if c.is_ascii() => out.push(c),
                c => {
                    let mut units = [0u16; 2];
                    for unit in c.encode_utf16(&mut units) {
                        out.push_str(&format!("\\u{}?", *unit as i16));
                    }
                }
            }
        }
        out.push_str("\\par\n");
    }
    out.push('}');
    out.into_bytes()
}
