//! Rule-based extraction of a curation record from an article's text.

use crate::model::{Record, Source};

/// Extracts a machine record from `text`; `source_path` is written into
/// `source.path`.
pub fn extract_record(text: &str, source_path: &str) -> Record {
    Record::empty(Source {
        path: source_path.to_string(),
        text_sha256: crate::text::text_sha256(text),
        chars: text.chars().count(),
    })
}
