//! Byte and code point offsets into an article's text.

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
        self.char_starts.get(ch).copied().unwrap_or(self.len_bytes)
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
