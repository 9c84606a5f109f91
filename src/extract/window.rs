//! Windows of text around an offset, cut at character boundaries: the
//! context conditions of rules look a bounded number of bytes before or
//! after a match, never at whole paragraphs.

/// The last `n` bytes of `s` (or a little more, to a character boundary).
pub(crate) fn tail(s: &str, n: usize) -> &str {
    let mut i = s.len().saturating_sub(n);
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    &s[i..]
}

/// The first `n` bytes of `s` (or a little more, to a character boundary).
pub(crate) fn head(s: &str, n: usize) -> &str {
    let mut i = n.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    &s[..i]
}

/// The character boundary at or before byte `i` of `s`.
pub(crate) fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The byte just past the last of `marks` in `s` (0 when there is none):
/// where the text after that mark starts, whatever the mark's width in bytes.
pub(crate) fn after_last(s: &str, marks: &[char]) -> usize {
    s.char_indices()
        .rev()
        .find(|(_, c)| marks.contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_the_last_mark_is_a_character_boundary() {
        let s = "rated inadequate — the lowest grade";
        let i = after_last(s, &['—', ',']);
        assert_eq!(&s[i..], " the lowest grade");
        assert_eq!(after_last("no marks here", &['—']), 0);
    }
}
