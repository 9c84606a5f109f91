//! Counts in messages: "1 record", "3 records", never "record(s)".

/// `n` and `noun`, made plural by an `s` when `n` is not one (every noun the
/// messages count takes a plain `s`).
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// `singular` when `n` is one, else `plural`: for the verb after a count.
pub fn agree<'a>(n: usize, singular: &'a str, plural: &'a str) -> &'a str {
    if n == 1 { singular } else { plural }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(1, "record"), "1 record");
        assert_eq!(count(0, "record"), "0 records");
        assert_eq!(count(12, "article"), "12 articles");
        assert_eq!(agree(1, "has", "have"), "has");
        assert_eq!(agree(2, "has", "have"), "have");
    }
}
