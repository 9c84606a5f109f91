//! A PDF's text layer to the article text: glyphs and their positions come
//! from `pdf-extract` (which decodes the fonts) over `lopdf` (which parses
//! the file and opens files encrypted without a user password); the reading
//! order and paragraphs come from [`super::pdf_layout`]. No OCR: a scanned
//! page is a picture, and a PDF of pictures is refused with a message saying
//! so.
//!
//! The PDF libraries panic on some malformed files. Every call into them
//! runs under `catch_unwind`, one page at a time, with the panic message
//! kept off stderr, so a bad file (or a bad page) is an error or a notice,
//! never a crash.

use super::pdf_layout::{Glyph, Page, pages_to_text};
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use std::cell::Cell;
use std::panic::AssertUnwindSafe;
use std::sync::Once;

/// Below this many letters and digits per page on average, a PDF is taken
/// to have no text layer (a scan with, at most, a stamped page number).
const MIN_LETTERS_PER_PAGE: usize = 20;

/// Why a PDF gave no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfProblem {
    /// The file does not start like a PDF.
    NotPdf,
    /// The file is damaged or uses something the reader cannot parse.
    Damaged(String),
    /// A password is needed to open it.
    Encrypted,
    /// The pages have (almost) no text: scanned images.
    NoTextLayer { pages: usize },
}

/// The text of a PDF, with notices about pages that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfText {
    pub text: String,
    pub notices: Vec<String>,
    pub pages: usize,
}

/// Reads the text layer of the PDF in `bytes`.
pub fn pdf_text(bytes: &[u8]) -> Result<PdfText, PdfProblem> {
    // PDF readers accept junk before the header, within the first kilobyte.
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(PdfProblem::NotPdf);
    }
    let doc = match quietly(|| lopdf::Document::load_mem(bytes)) {
        Ok(Ok(doc)) => doc,
        Ok(Err(e)) => return Err(PdfProblem::Damaged(e.to_string())),
        Err(()) => {
            return Err(PdfProblem::Damaged(
                "the PDF reader failed on its structure".into(),
            ));
        }
    };
    // lopdf decrypts on loading when the empty user password opens the
    // file (documents that only restrict printing or copying); one still
    // encrypted needs a password.
    if doc.is_encrypted() {
        return Err(PdfProblem::Encrypted);
    }
    let numbers: Vec<u32> = match quietly(|| doc.get_pages().into_keys().collect()) {
        Ok(numbers) => numbers,
        Err(()) => return Err(PdfProblem::Damaged("its page tree is broken".into())),
    };
    if numbers.is_empty() {
        return Err(PdfProblem::Damaged("it has no pages".into()));
    }
    let mut pages = Vec::with_capacity(numbers.len());
    let mut notices = Vec::new();
    let mut failed = 0;
    for &number in &numbers {
        let mut collector = Collector::default();
        let outcome = quietly(|| pdf_extract::output_doc_page(&doc, &mut collector, number));
        match outcome {
            Ok(Ok(())) => pages.push(collector.page.unwrap_or_default()),
            Ok(Err(e)) => {
                failed += 1;
                notices.push(format!(
                    "page {number} of {} could not be read ({}); its text is missing",
                    numbers.len(),
                    describe_output_error(&e)
                ));
            }
            Err(()) => {
                failed += 1;
                notices.push(format!(
                    "page {number} of {} could not be read (the PDF reader failed on it); \
                     its text is missing",
                    numbers.len()
                ));
            }
        }
    }
    if failed == numbers.len() {
        let first = notices
            .first()
            .and_then(|n| n.split_once(" could not be read "))
            .map(|(_, why)| why.trim_end_matches("; its text is missing"))
            .unwrap_or_default();
        return Err(PdfProblem::Damaged(format!(
            "none of its {} could be read {first}",
            crate::words::count(numbers.len(), "page")
        )));
    }
    let letters: usize = pages
        .iter()
        .flat_map(|p| &p.glyphs)
        .map(|g| g.text.chars().filter(|c| c.is_alphanumeric()).count())
        .sum();
    if letters < MIN_LETTERS_PER_PAGE * numbers.len() {
        return Err(PdfProblem::NoTextLayer {
            pages: numbers.len(),
        });
    }
    Ok(PdfText {
        text: pages_to_text(&pages),
        notices,
        pages: numbers.len(),
    })
}

fn describe_output_error(e: &OutputError) -> String {
    match e {
        OutputError::PdfError(e) => e.to_string(),
        OutputError::FormatError(e) => e.to_string(),
        OutputError::IoError(e) => e.to_string(),
    }
}

/// Collects one page's glyphs, positioned from the page's top-left corner.
#[derive(Default)]
struct Collector {
    page: Option<Page>,
    /// The page's top and left edges in PDF user space.
    top: f64,
    left: f64,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.top = media_box.ury.max(media_box.lly);
        self.left = media_box.llx.min(media_box.urx);
        self.page = Some(Page {
            width: (media_box.urx - media_box.llx).abs(),
            height: (media_box.ury - media_box.lly).abs(),
            glyphs: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        let Some(page) = &mut self.page else {
            return Ok(());
        };
        // Only horizontal text: a rotated line (a margin note running up
        // the page) has no place in the reading order.
        if trm.m11 <= 0.0 || trm.m12.abs() > 0.1 * trm.m11 || trm.m21.abs() > 0.1 * trm.m22.abs() {
            return Ok(());
        }
        let scale_x = trm.m11.hypot(trm.m12);
        let scale_y = trm.m21.hypot(trm.m22);
        let size = font_size.abs() * scale_y;
        if text.is_empty() || !size.is_finite() || size <= 0.0 {
            return Ok(());
        }
        page.glyphs.push(Glyph {
            x: trm.m31 - self.left,
            y: self.top - trm.m32,
            width: width * font_size.abs() * scale_x,
            size,
            text: text.to_string(),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

thread_local! {
    /// This thread is inside [`quietly`]: its panics are caught and
    /// reported as errors, so the panic hook stays silent.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

static QUIET_HOOK: Once = Once::new();

/// Runs `f`, turning a panic into `Err(())` without printing the panic
/// message (other threads' panics are reported as before).
fn quietly<R>(f: impl FnOnce() -> R) -> Result<R, ()> {
    QUIET_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was_quiet = QUIET.with(|q| q.replace(true));
    let result = std::panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was_quiet));
    result.map_err(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_that_are_not_a_pdf_are_named_as_such() {
        assert_eq!(pdf_text(b"hello"), Err(PdfProblem::NotPdf));
        assert_eq!(pdf_text(b""), Err(PdfProblem::NotPdf));
    }

    #[test]
    fn a_truncated_pdf_is_damaged_not_a_crash() {
        let result = pdf_text(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        assert!(matches!(result, Err(PdfProblem::Damaged(_))), "{result:?}");
    }

    #[test]
    fn a_panic_inside_is_caught_quietly() {
        let r: Result<(), ()> = quietly(|| panic!("boom"));
        assert_eq!(r, Err(()));
        assert!(!QUIET.with(Cell::get), "quiet flag restored");
        assert_eq!(quietly(|| 7), Ok(7));
    }
}
