//! Loading article files into the exact text that evidence offsets refer to.
//!
//! `load_article` does the file checks (kind, size) and reads; the pure
//! `decode_article` turns bytes into text: encoding detection, refusal of
//! empty and binary files, and conversion of HTML, PDF (the text layer),
//! Word (`.docx`) and RTF files to the plain text the app shows.

mod docx;
mod html;
mod offsets;
mod pdf;
mod pdf_layout;
mod rtf;

pub use docx::{DocxProblem, docx_text};
pub use html::html_to_text;
pub use offsets::OffsetMap;
pub use pdf::{PdfProblem, PdfText, pdf_text};
pub use pdf_layout::{Glyph, Page, pages_to_text};
pub use rtf::{RtfProblem, rtf_text};

use std::io::Read;
use std::path::{Path, PathBuf};

/// Default cap on an article file's size.
pub const DEFAULT_MAX_BYTES: u64 = 8 * 1024 * 1024;

/// PDF, Word and RTF files may be this many times the cap: pictures and
/// fonts make them far larger than their text.
pub const CONTAINER_SIZE_FACTOR: u64 = 8;

/// How the file's bytes were turned into the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    Plain,
    Markdown,
    Html,
    /// The text layer of a PDF.
    Pdf,
    /// A Word document (`.docx`).
    Docx,
    /// Rich Text Format.
    Rtf,
}

impl SourceFormat {
    /// The format a file is read as, from its extension; anything unknown is
    /// read as plain text.
    pub fn from_path(path: &Path) -> Self {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        match ext.as_str() {
            "html" | "htm" | "xhtml" => SourceFormat::Html,
            "md" | "markdown" => SourceFormat::Markdown,
            "pdf" => SourceFormat::Pdf,
            "docx" => SourceFormat::Docx,
            "rtf" => SourceFormat::Rtf,
            _ => SourceFormat::Plain,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SourceFormat::Plain => "plain text",
            SourceFormat::Markdown => "Markdown",
            SourceFormat::Html => "HTML",
            SourceFormat::Pdf => "PDF",
            SourceFormat::Docx => "Word document",
            SourceFormat::Rtf => "RTF",
        }
    }

    /// Whether the file is a container (PDF, Word, RTF) rather than text,
    /// allowed [`CONTAINER_SIZE_FACTOR`] times the size cap.
    pub fn is_container(self) -> bool {
        matches!(
            self,
            SourceFormat::Pdf | SourceFormat::Docx | SourceFormat::Rtf
        )
    }
}

/// An article's text, ready for extraction and display.
#[derive(Debug, Clone)]
pub struct Article {
    pub path: PathBuf,
    /// The text offsets refer to: decoded, BOM removed, line endings kept
    /// (for HTML, the visible text; for PDF, Word and RTF, the paragraphs
    /// separated by blank lines).
    pub text: String,
    pub format: SourceFormat,
    /// Things the user should know about how the file was read
    /// (for example "not valid UTF-8, read as Windows-1252").
    pub notices: Vec<String>,
    pub sha256: String,
    /// Length of `text` in code points.
    pub chars: usize,
}

#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    pub max_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum TextError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not a regular file (it is {kind})")]
    NotAFile { path: PathBuf, kind: &'static str },
    #[error(
        "{path}: file is {size} bytes, over the limit of {max} bytes \
         (raise the limit with --max-size)"
    )]
    TooLarge { path: PathBuf, size: u64, max: u64 },
    #[error("{path}: file is empty")]
    Empty { path: PathBuf },
    #[error("{path}: file contains only whitespace")]
    WhitespaceOnly { path: PathBuf },
    #[error("{path}: HTML page has no visible text")]
    NoVisibleText { path: PathBuf },
    #[error("{path}: looks like a binary file, not text ({reason})")]
    Binary { path: PathBuf, reason: &'static str },
    #[error("{path}: not a PDF file (it does not start with %PDF)")]
    NotPdf { path: PathBuf },
    #[error("{path}: cannot read the PDF: {reason}")]
    DamagedPdf { path: PathBuf, reason: String },
    #[error(
        "{path}: the PDF is protected by a password; open it in a PDF reader, \
         save or print an unprotected copy, and open that"
    )]
    EncryptedPdf { path: PathBuf },
    #[error(
        "{path}: the PDF has no text layer ({} of pictures, as a scan has); \
         this app reads the text of a PDF, not its pictures: run it through OCR \
         (for example ocrmypdf) and open the result"
    ,
        crate::words::count(*.pages, "page")
    )]
    NoTextLayer { path: PathBuf, pages: usize },
    #[error("{path}: cannot read the Word document: {reason}")]
    Docx { path: PathBuf, reason: String },
    #[error("{path}: not an RTF file (it does not start with {{\\rtf)")]
    NotRtf { path: PathBuf },
    #[error("{path}: the {format} file has no text")]
    NoText { path: PathBuf, format: &'static str },
}

impl TextError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            TextError::Io { path, .. }
            | TextError::NotAFile { path, .. }
            | TextError::TooLarge { path, .. }
            | TextError::Empty { path }
            | TextError::WhitespaceOnly { path }
            | TextError::NoVisibleText { path }
            | TextError::Binary { path, .. }
            | TextError::NotPdf { path }
            | TextError::DamagedPdf { path, .. }
            | TextError::EncryptedPdf { path }
            | TextError::NoTextLayer { path, .. }
            | TextError::Docx { path, .. }
            | TextError::NotRtf { path }
            | TextError::NoText { path, .. } => path,
        }
    }
}

/// Reads and decodes the article at `path`.
///
/// The file is opened without waiting (so a FIFO put in an article's place
/// cannot block), its kind and size are checked from the open file, and it
/// is read in one go: an oversized file is refused without being read.
pub fn load_article(path: &Path, options: &LoadOptions) -> Result<Article, TextError> {
    let bytes = read_article_bytes(path, options)?;
    decode_article(path, &bytes)
}

/// The bytes of the article file at `path`, checked to be a regular file no
/// larger than the cap.
fn read_article_bytes(path: &Path, options: &LoadOptions) -> Result<Vec<u8>, TextError> {
    let io_error = |source| TextError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = open_without_blocking(path).map_err(io_error)?;
    let metadata = file.metadata().map_err(io_error)?;
    if !metadata.is_file() {
        return Err(TextError::NotAFile {
            path: path.to_path_buf(),
            kind: describe_file_type(&metadata.file_type()),
        });
    }
    let max = max_bytes_for(path, options.max_bytes);
    check_size(path, metadata.len(), max)?;
    // The file may have grown since its metadata was read; never read more
    // than one byte past the cap.
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    check_size(path, bytes.len() as u64, max)?;
    Ok(bytes)
}

/// Opens `path` for reading; on Unix without blocking and without taking a
/// terminal, so that a FIFO or device in an article's place is refused by
/// the kind check after opening instead of hanging the open.
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        let flags = rustix::fs::OFlags::NONBLOCK | rustix::fs::OFlags::NOCTTY;
        options.custom_flags(flags.bits() as i32);
    }
    options.open(path)
}

/// The size cap for `path`: `max_bytes`, or [`CONTAINER_SIZE_FACTOR`] times
/// it for PDF, Word and RTF files.
pub fn max_bytes_for(path: &Path, max_bytes: u64) -> u64 {
    if SourceFormat::from_path(path).is_container() {
        max_bytes.saturating_mul(CONTAINER_SIZE_FACTOR)
    } else {
        max_bytes
    }
}

fn check_size(path: &Path, size: u64, max: u64) -> Result<(), TextError> {
    if size > max {
        return Err(TextError::TooLarge {
            path: path.to_path_buf(),
            size,
            max,
        });
    }
    Ok(())
}

/// A short description of a file type that is not a regular file.
pub fn describe_file_type(file_type: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return "a device";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else if file_type.is_symlink() {
        "a symbolic link"
    } else if file_type.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// Decodes file bytes into an article; pure, so it can be fuzzed.
pub fn decode_article(path: &Path, bytes: &[u8]) -> Result<Article, TextError> {
    let path_buf = || path.to_path_buf();
    if bytes.is_empty() {
        return Err(TextError::Empty { path: path_buf() });
    }
    let format = SourceFormat::from_path(path);
    let (text, mut notices) = if format.is_container() {
        convert_container(path, format, bytes)?
    } else {
        decode_text(path, format, bytes)?
    };
    if let Some(n) = crate::import::export_article_count(&text) {
        notices.push(format!(
            "this file holds {n} articles in a news-database export's layout; \
             `ofsted-curator import` (File > Import… in the app) splits it into one \
             article each"
        ));
    }
    Ok(Article {
        path: path_buf(),
        chars: text.chars().count(),
        sha256: text_sha256(&text),
        text,
        format,
        notices,
    })
}

/// The text of a plain-text, Markdown or HTML file, and notices about how
/// it was read.
fn decode_text(
    path: &Path,
    format: SourceFormat,
    bytes: &[u8],
) -> Result<(String, Vec<String>), TextError> {
    let path_buf = || path.to_path_buf();
    let mut notices = Vec::new();
    let decoded = decode_bytes(bytes, &mut notices).map_err(|reason| TextError::Binary {
        path: path_buf(),
        reason,
    })?;
    if decoded.trim().is_empty() {
        return Err(TextError::WhitespaceOnly { path: path_buf() });
    }
    let text = match format {
        SourceFormat::Html => {
            let visible = html_to_text(&decoded);
            if visible.trim().is_empty() {
                return Err(TextError::NoVisibleText { path: path_buf() });
            }
            visible
        }
        // Plain text and Markdown; containers are converted elsewhere.
        _ => decoded,
    };
    Ok((text, notices))
}

/// The text of a PDF, Word or RTF file, and notices about how it was read.
fn convert_container(
    path: &Path,
    format: SourceFormat,
    bytes: &[u8],
) -> Result<(String, Vec<String>), TextError> {
    let path_buf = || path.to_path_buf();
    let (text, notices) = match format {
        SourceFormat::Pdf => {
            let pdf = pdf_text(bytes).map_err(|problem| match problem {
                PdfProblem::NotPdf => TextError::NotPdf { path: path_buf() },
                PdfProblem::Damaged(reason) => TextError::DamagedPdf {
                    path: path_buf(),
                    reason,
                },
                PdfProblem::Encrypted => TextError::EncryptedPdf { path: path_buf() },
                PdfProblem::NoTextLayer { pages } => TextError::NoTextLayer {
                    path: path_buf(),
                    pages,
                },
            })?;
            (pdf.text, pdf.notices)
        }
        SourceFormat::Docx => {
            let text = docx_text(bytes).map_err(|problem| TextError::Docx {
                path: path_buf(),
                reason: problem.to_string(),
            })?;
            (text, Vec::new())
        }
        _ => {
            let text = rtf_text(bytes)
                .map_err(|RtfProblem::NotRtf| TextError::NotRtf { path: path_buf() })?;
            (text, Vec::new())
        }
    };
    if text.trim().is_empty() {
        return Err(TextError::NoText {
            path: path_buf(),
            format: format.label(),
        });
    }
    Ok((text, notices))
}

/// Bytes to text: UTF-16 with a BOM, else UTF-8 (BOM removed), else
/// Windows-1252 with a notice. Refuses bytes that look binary.
fn decode_bytes(bytes: &[u8], notices: &mut Vec<String>) -> Result<String, &'static str> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes)
        && encoding != encoding_rs::UTF_8
    {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        let text = text.into_owned();
        if had_errors {
            notices.push(format!(
                "some bytes are not valid {}; they were replaced with \u{fffd}",
                encoding.name()
            ));
        }
        if looks_binary(text.as_bytes()) {
            return Err("mostly control characters");
        }
        return Ok(text);
    }
    if bytes.contains(&0) {
        return Err("contains NUL bytes");
    }
    if looks_binary(bytes) {
        return Err("mostly control characters");
    }
    let without_bom = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(without_bom) {
        Ok(text) => Ok(text.to_string()),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(without_bom);
            notices.push("not valid UTF-8; read as Windows-1252".to_string());
            Ok(text.into_owned())
        }
    }
}

/// Whether more than a tenth of the bytes are control characters that text
/// never contains (anything below space except tab, line feed, form feed and
/// carriage return, and DEL). Real articles have none; images and archives
/// have many.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let control = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r')) || b == 0x7f)
        .count();
    control * 10 > sample.len()
}

/// Hex SHA-256 of the UTF-8 bytes of `text`.
pub fn text_sha256(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(text.as_bytes());
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut hex = String::with_capacity(digest.len() * 2);
    for byte in digest {
        hex.push(char::from(HEX[usize::from(byte >> 4)]));
        hex.push(char::from(HEX[usize::from(byte & 0xf)]));
    }
    hex
}

#[cfg(test)]
mod tests;
