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
