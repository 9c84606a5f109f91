//! Loading article files into the exact text that evidence offsets refer to.

use std::path::{Path, PathBuf};

/// Default cap on an article file's size.
pub const DEFAULT_MAX_BYTES: u64 = 8 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    Plain,
    Markdown,
    Html,
}

/// An article's text, ready for extraction and display.
#[derive(Debug, Clone)]
pub struct Article {
    pub path: PathBuf,
    /// The text offsets refer to: decoded, BOM removed, line endings kept
    /// (for HTML, the visible text).
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
    #[error("{path}: file is empty")]
    Empty { path: PathBuf },
}

/// Reads and decodes the article at `path`.
pub fn load_article(path: &Path, options: &LoadOptions) -> Result<Article, TextError> {
    let _ = options;
    let bytes = std::fs::read(path).map_err(|source| TextError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    decode_article(path, &bytes)
}

/// Decodes file bytes into an article; pure, so it can be fuzzed.
pub fn decode_article(path: &Path, bytes: &[u8]) -> Result<Article, TextError> {
    let text = String::from_utf8_lossy(bytes)
        .trim_start_matches('\u{feff}')
        .to_string();
    if text.trim().is_empty() {
        return Err(TextError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(Article {
        path: path.to_path_buf(),
        chars: text.chars().count(),
        sha256: text_sha256(&text),
        text,
        format: SourceFormat::Plain,
        notices: Vec::new(),
    })
}

/// Hex SHA-256 of the UTF-8 bytes of `text`.
pub fn text_sha256(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Converts between byte offsets (what `str` and `regex` use) and code point
/// offsets (what records store).
#[derive(Debug, Clone)]
pub struct OffsetMap {
    /// Byte offset of every code point, plus the text's length at the end;
    /// empty when the text is ASCII and the two offsets coincide.
    char_starts: Vec<usize>,
    len_bytes: usize,
}

impl OffsetMap {
    pub fn new(text: &str) -> Self {
        let char_starts = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(text.len()))
                .collect()
        };
        OffsetMap {
            char_starts,
            len_bytes: text.len(),
        }
    }

    /// Code point offset of byte offset `byte` (rounded down to a char start).
    pub fn to_char(&self, byte: usize) -> usize {
        if self.char_starts.is_empty() {
            return byte.min(self.len_bytes);
        }
        match self.char_starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset of code point offset `ch`, clamped to the text.
    pub fn to_byte(&self, ch: usize) -> usize {
        if self.char_starts.is_empty() {
            return ch.min(self.len_bytes);
        }
        self.char_starts
            .get(ch)
            .copied()
            .unwrap_or(self.len_bytes)
    }

    /// Number of code points in the text.
    pub fn chars(&self) -> usize {
        if self.char_starts.is_empty() {
            self.len_bytes
        } else {
            self.char_starts.len() - 1
        }
    }
}

#[cfg(test)]
mod offset_tests {
    use super::*;

    #[test]
    fn offsets_round_trip_on_multibyte_text() {
        let text = "a‘b’ £6m é";
        let map = OffsetMap::new(text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(map.to_char(bi), ci);
            assert_eq!(map.to_byte(ci), bi);
        }
        assert_eq!(map.chars(), text.chars().count());
        assert_eq!(map.to_byte(map.chars()), text.len());
    }

    #[test]
    fn ascii_fast_path() {
        let map = OffsetMap::new("hello");
        assert_eq!(map.to_char(3), 3);
        assert_eq!(map.to_byte(5), 5);
        assert_eq!(map.chars(), 5);
    }
}
