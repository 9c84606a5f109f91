//! Byte-level searches over text for the ASCII letters that patterns
//! start with.

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
