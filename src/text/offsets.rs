//! Byte and code point offsets into an article's text.

/// Converts between byte offsets (what `str` and `regex` use) and code point
/// offsets (what records store).
///
/// Only the multi-byte characters are recorded: between two of them the
/// text is ASCII and the offsets move in step. News text is nearly all
/// ASCII, so this is much smaller and quicker to build than a table of
/// every character.
#[derive(Debug, Clone)]
pub struct OffsetMap {
    /// Every multi-byte character, in text order; empty when the text is
    /// ASCII and the two offsets coincide.
    multibyte: Vec<Wide>,
    len_bytes: usize,
    len_chars: usize,
}

/// A multi-byte character: its bytes and its code point offset.
#[derive(Debug, Clone, Copy)]
struct Wide {
    start: usize,
    end: usize,
    char_index: usize,
}

impl OffsetMap {
    pub fn new(text: &str) -> Self {
        let mut multibyte = Vec::new();
        let mut extra = 0;
        if !text.is_ascii() {
            let bytes = text.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i].is_ascii() {
                    // Skip ASCII a block at a time where the block is all ASCII.
                    let block_end = (i + 32).min(bytes.len());
                    i = if bytes[i..block_end].is_ascii() {
                        block_end
                    } else {
                        i + 1
                    };
                    continue;
                }
                let width = text[i..].chars().next().map_or(1, char::len_utf8);
                multibyte.push(Wide {
                    start: i,
                    end: i + width,
                    char_index: i - extra,
                });
                extra += width - 1;
                i += width;
            }
        }
        OffsetMap {
            multibyte,
            len_bytes: text.len(),
            len_chars: text.len() - extra,
        }
    }

    /// A rough count of the bytes the map holds in memory.
    pub fn approx_bytes(&self) -> usize {
        std::mem::size_of::<Self>() + self.multibyte.capacity() * std::mem::size_of::<Wide>()
    }

    /// Code point offset of byte offset `byte` (rounded down to a char start).
    pub fn to_char(&self, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        let k = self.multibyte.partition_point(|w| w.start <= byte);
        match k.checked_sub(1).map(|i| self.multibyte[i]) {
            None => byte,
            Some(w) if byte < w.end => w.char_index,
            Some(w) => w.char_index + 1 + (byte - w.end),
        }
    }

    /// Byte offset of code point offset `ch`, clamped to the text.
    pub fn to_byte(&self, ch: usize) -> usize {
        if ch >= self.len_chars {
            return self.len_bytes;
        }
        let k = self.multibyte.partition_point(|w| w.char_index < ch);
        match k.checked_sub(1).map(|i| self.multibyte[i]) {
            None => ch,
            Some(w) => w.end + (ch - w.char_index - 1),
        }
    }

    /// Number of code points in the text.
    pub fn chars(&self) -> usize {
        self.len_chars
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
    fn offsets_inside_a_character_round_down_and_past_the_end_clamp() {
        let text = "‘a’bc€";
        let map = OffsetMap::new(text);
        assert_eq!(map.to_char(1), 0);
        assert_eq!(map.to_char(2), 0);
        assert_eq!(map.to_char(3), 1);
        assert_eq!(map.to_char(5), 2);
        assert_eq!(map.to_char(7), 3);
        assert_eq!(map.to_char(9), 5);
        assert_eq!(map.to_char(10), 5);
        assert_eq!(map.to_char(12), 6);
        assert_eq!(map.to_char(100), 6);
        assert_eq!(map.to_byte(3), 7);
        assert_eq!(map.to_byte(4), 8);
        assert_eq!(map.to_byte(5), 9);
        assert_eq!(map.to_byte(6), 12);
        assert_eq!(map.to_byte(100), 12);
    }

    #[test]
    fn ascii_fast_path() {
        let map = OffsetMap::new("hello");
        assert_eq!(map.to_char(3), 3);
        assert_eq!(map.to_byte(5), 5);
        assert_eq!(map.chars(), 5);
    }
}
