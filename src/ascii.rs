//! Byte-level tests and searches over text for the ASCII letters that
//! patterns start with.

/// A byte that `(?-u:\b)` counts as part of a word: any byte of a
/// multi-byte character counts as a non-word byte.
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Index of the first `word` (lower-case ASCII letters) in `bytes`, in any
/// ASCII case.
pub fn find_ignoring_case(bytes: &[u8], word: &[u8]) -> Option<usize> {
    let mut from = 0;
    loop {
        let i = from + first_byte_where(&bytes[from..], |b| (b | 0x20) == word[0])?;
        if bytes[i..]
            .get(..word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
        {
            return Some(i);
        }
        from = i + 1;
    }
}

/// Index of the first of `bytes` for which `is` holds. Blocks of them are
/// tested without early exit, which the compiler vectorises: several times
/// faster than a byte loop where the byte is rare.
pub fn first_byte_where(bytes: &[u8], is: impl Fn(u8) -> bool) -> Option<usize> {
    const BLOCK: usize = 16;
    let (blocks, _) = bytes.as_chunks::<BLOCK>();
    let from = blocks
        .iter()
        .position(|block| block.iter().fold(false, |any, &b| any | is(b)))
        .map_or(blocks.len() * BLOCK, |i| i * BLOCK);
    bytes[from..].iter().position(|&b| is(b)).map(|i| from + i)
}

/// The position of the first ASCII upper-case letter at or after `from`.
/// Eight bytes at a time: most of a text is lower case, and names and
/// several patterns can only start at a capital.
pub fn next_uppercase(bytes: &[u8], from: usize) -> Option<usize> {
    const LOW_BITS: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    // Adding these sets a byte's high bit when its low seven bits are at
    // least b'A' (or b'Z' + 1); they never carry into the next byte.
    const TO_A: u64 = 0x3f3f_3f3f_3f3f_3f3f;
    const PAST_Z: u64 = 0x2525_2525_2525_2525;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let low = word & LOW_BITS;
        let upper = (low + TO_A) & !(low + PAST_Z) & !word & HIGH_BITS;
        if upper != 0 {
            return Some(i + upper.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    let rest = bytes.get(i..)?;
    rest.iter().position(u8::is_ascii_uppercase).map(|p| i + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_in_any_case() {
        assert_eq!(find_ignoring_case(b"Fifty PER CENT", b"per"), Some(6));
        assert_eq!(
            find_ignoring_case(b"six million Pounds", b"pound"),
            Some(12)
        );
        assert_eq!(find_ignoring_case(b"pe", b"per"), None);
        assert_eq!(
            find_ignoring_case("éither EITHER".as_bytes(), b"either"),
            Some(8)
        );
    }

    #[test]
    fn next_uppercase_finds_every_capital_and_nothing_else() {
        let bytes: Vec<u8> = (0..=255u8).chain(0..=255u8).rev().collect();
        for from in 0..=bytes.len() {
            let expected = bytes[from..]
                .iter()
                .position(u8::is_ascii_uppercase)
                .map(|p| from + p);
            assert_eq!(next_uppercase(&bytes, from), expected, "{from}");
        }
        for len in 0..20 {
            let mut text = vec![b'a'; len];
            assert_eq!(next_uppercase(&text, 0), None);
            text.push(b'Q');
            assert_eq!(next_uppercase(&text, 0), Some(len));
        }
    }
}
