//! Finding the same story twice: syndicated copies in an export are exact
//! duplicates (the same words once case, punctuation and spacing are set
//! aside) or near duplicates (a changed word or sentence here and there:
//! word-shingle Jaccard similarity at or above [`NEAR_DUPLICATE`]).

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// Jaccard similarity of word 3-shingles at or above which two articles are
/// near duplicates.
pub const NEAR_DUPLICATE: f64 = 0.9;

/// Words per shingle.
const SHINGLE: usize = 3;

/// How one article repeats an earlier one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Duplicate {
    /// Index of the earlier article it repeats (which is itself not a
    /// duplicate).
    pub of: usize,
    pub kind: DuplicateKind,
    /// Shingle Jaccard similarity (1.0 for an exact duplicate).
    pub similarity: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuplicateKind {
    Exact,
    Near,
}

impl DuplicateKind {
    pub fn label(self) -> &'static str {
        match self {
            DuplicateKind::Exact => "exact",
            DuplicateKind::Near => "near",
        }
    }
}

/// Lower case, letters and digits only, words separated by one space.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Hashes of the word 3-shingles of a normalised text (a text shorter than
/// a shingle is one shingle).
fn shingles(normalised: &str) -> Vec<u64> {
    let words: Vec<&str> = normalised.split(' ').filter(|w| !w.is_empty()).collect();
    let hash = |ws: &[&str]| {
        let mut h = DefaultHasher::new();
        ws.hash(&mut h);
        h.finish()
    };
    let mut set: Vec<u64> = if words.len() < SHINGLE {
        vec![hash(&words)]
    } else {
        words.windows(SHINGLE).map(hash).collect()
    };
    set.sort_unstable();
    set.dedup();
    set
}

/// Jaccard similarity of two sorted, deduplicated sets.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both as f64 / (a.len() + b.len() - both) as f64
}

/// For each text, the earlier text it duplicates, if any. Every text is
/// compared with the earlier ones that are not duplicates themselves; the
/// most similar wins. Sets whose sizes differ by more than the threshold
/// allows are not compared.
pub fn find_duplicates(texts: &[&str]) -> Vec<Option<Duplicate>> {
    let normalised: Vec<String> = texts.iter().map(|t| normalise(t)).collect();
    let sets: Vec<Vec<u64>> = normalised.iter().map(|n| shingles(n)).collect();
    let mut first_with_text: HashMap<&str, usize> = HashMap::new();
    let mut originals: Vec<usize> = Vec::new();
    let mut out = Vec::with_capacity(texts.len());
    for i in 0..texts.len() {
        if let Some(&of) = first_with_text.get(normalised[i].as_str()) {
            out.push(Some(Duplicate {
                of,
                kind: DuplicateKind::Exact,
                similarity: 1.0,
            }));
            continue;
        }
        let len = sets[i].len() as f64;
        let best = originals
            .iter()
            .filter(|&&j| {
                let other = sets[j].len() as f64;
                len.min(other) >= NEAR_DUPLICATE * len.max(other)
            })
            .map(|&j| (j, jaccard(&sets[i], &sets[j])))
            .filter(|&(_, s)| s >= NEAR_DUPLICATE)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((of, similarity)) => out.push(Some(Duplicate {
                of,
                kind: DuplicateKind::Near,
                similarity,
            })),
            None => {
                first_with_text.insert(normalised[i].as_str(), i);
                originals.push(i);
                out.push(None);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Children's services in Kent have been rated good by Ofsted after a \
        three-week inspection in January. Inspectors praised leaders for a stable workforce, \
        manageable caseloads and thorough assessments, but said some care leavers were \
        living in unsuitable accommodation. The council's director welcomed the report and \
        said the service would keep improving help for homeless sixteen and seventeen year \
        olds, which inspectors said was not always given quickly enough. Most social \
        workers now hold between fifteen and eighteen cases, down from twenty five.";

    #[test]
    fn the_same_words_in_another_case_and_spacing_are_an_exact_duplicate() {
        let shouted = STORY.to_uppercase().replace(' ', "  ");
        let dupes = find_duplicates(&[STORY, "Another story entirely.", &shouted]);
        assert_eq!(dupes[0], None);
        assert_eq!(dupes[1], None);
        assert_eq!(
            dupes[2],
            Some(Duplicate {
                of: 0,
                kind: DuplicateKind::Exact,
                similarity: 1.0
            })
        );
    }

    #[test]
    fn one_changed_word_is_a_near_duplicate_and_a_rewrite_is_not() {
        let edited = STORY.replace("praised", "commended");
        let rewritten = "Kent's children's services were judged good. The council welcomed it.";
        let dupes = find_duplicates(&[STORY, &edited, rewritten]);
        let near = dupes[1].expect("near duplicate");
        assert_eq!((near.of, near.kind), (0, DuplicateKind::Near));
        assert!(
            near.similarity >= NEAR_DUPLICATE && near.similarity < 1.0,
            "{near:?}"
        );
        assert_eq!(dupes[2], None);
    }

    #[test]
    fn a_short_extract_of_a_story_is_not_its_duplicate() {
        let first_half = &STORY[..STORY.len() / 2];
        assert_eq!(find_duplicates(&[STORY, first_half])[1], None);
    }

    #[test]
    fn normalising_keeps_letters_and_digits_only() {
        assert_eq!(normalise("Kent’s £6m, “GOOD”!"), "kent s 6m good");
    }
}
