//! Cohen's kappa: how far two coders agree on a categorical value beyond
//! what their own category frequencies would give by chance.

use std::collections::BTreeMap;

/// Agreement on one categorical field over the pairs of values two coders
/// gave the same things.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Kappa {
    /// Pairs compared.
    pub pairs: usize,
    /// Pairs where both coders chose the same category.
    pub agreed: usize,
    /// Cohen's kappa, `(p_o - p_e) / (1 - p_e)`. `None` when it is not
    /// defined: no pairs, or both coders used one and the same category
    /// every time (chance agreement is then 1, and so is the observed).
    pub kappa: Option<f64>,
}

impl Kappa {
    /// The share of pairs that agree (`p_o`); `None` without pairs.
    pub fn observed(&self) -> Option<f64> {
        (self.pairs > 0).then(|| self.agreed as f64 / self.pairs as f64)
    }

    /// Why kappa is not defined, for the reports.
    pub fn undefined_reason(&self) -> Option<&'static str> {
        match (self.pairs, self.kappa) {
            (0, _) => Some("no pairs"),
            (_, None) => Some("one category only"),
            _ => None,
        }
    }
}

/// Cohen's kappa of `pairs` (coder A's category, coder B's category).
///
/// With `n` pairs, `agreed` of them on the diagonal, and `a_k`, `b_k` the
/// number of times A and B chose category `k`:
/// `p_o = agreed / n`, `p_e = Σ_k (a_k / n)(b_k / n)` and
/// `kappa = (p_o - p_e) / (1 - p_e)`, computed here as
/// `(n·agreed - Σ a_k b_k) / (n² - Σ a_k b_k)` so that the degenerate case
/// (`Σ a_k b_k = n²`: one category on both sides) is found exactly.
pub fn cohen_kappa<S: AsRef<str>>(pairs: &[(S, S)]) -> Kappa {
    let n = pairs.len();
    let mut a_counts: BTreeMap<&str, u128> = BTreeMap::new();
    let mut b_counts: BTreeMap<&str, u128> = BTreeMap::new();
    let mut agreed = 0usize;
    for (a, b) in pairs {
        let (a, b) = (a.as_ref(), b.as_ref());
        *a_counts.entry(a).or_default() += 1;
        *b_counts.entry(b).or_default() += 1;
        if a == b {
            agreed += 1;
        }
    }
    let chance: u128 = a_counts
        .iter()
        .map(|(k, a)| a * b_counts.get(k).copied().unwrap_or(0))
        .sum();
    let n2 = (n as u128) * (n as u128);
    let kappa = (n > 0 && chance < n2).then(|| {
        let observed = (n as u128 * agreed as u128) as f64;
        (observed - chance as f64) / (n2 - chance) as f64
    });
    Kappa {
        pairs: n,
        agreed,
        kappa,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(cells: &[(&'static str, &'static str, usize)]) -> Vec<(&'static str, &'static str)> {
        cells
            .iter()
            .flat_map(|&(a, b, n)| std::iter::repeat_n((a, b), n))
            .collect()
    }

    fn close(x: f64, y: f64) -> bool {
        (x - y).abs() < 1e-12
    }

    #[test]
    fn a_two_by_two_table_worked_by_hand() {
        // 50 findings, polarity by A (rows) and B (columns):
        //
        //              B concern  B strength
        // A concern        20          5       | 25
        // A strength       10         15       | 25
        //                  30         20         50
        //
        // p_o = (20 + 15) / 50 = 0.7
        // p_e = (25/50)(30/50) + (25/50)(20/50) = 0.30 + 0.20 = 0.5
        // kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4
        let k = cohen_kappa(&pairs(&[
            ("concern", "concern", 20),
            ("concern", "strength", 5),
            ("strength", "concern", 10),
            ("strength", "strength", 15),
        ]));
        assert_eq!((k.pairs, k.agreed), (50, 35));
        assert!(close(k.observed().expect("pairs"), 0.7));
        assert!(close(k.kappa.expect("defined"), 0.4), "{k:?}");
    }

    #[test]
    fn a_three_by_three_table_worked_by_hand() {
        // 20 inspections, judgement by A (rows) and B (columns):
        //
        //          B good  B ri  B inad
        // A good      5      1      0    |  6
        // A ri        1      6      1    |  8
        // A inad      0      1      5    |  6
        //             6      8      6      20
        //
        // p_o = (5 + 6 + 5) / 20 = 16/20 = 0.8
        // p_e = (6·6 + 8·8 + 6·6) / 20² = (36 + 64 + 36) / 400 = 136/400 = 0.34
        // kappa = (0.8 - 0.34) / (1 - 0.34) = 0.46 / 0.66 = 23/33 = 0.696969…
        let k = cohen_kappa(&pairs(&[
            ("good", "good", 5),
            ("good", "requires_improvement", 1),
            ("requires_improvement", "good", 1),
            ("requires_improvement", "requires_improvement", 6),
            ("requires_improvement", "inadequate", 1),
            ("inadequate", "requires_improvement", 1),
            ("inadequate", "inadequate", 5),
        ]));
        assert_eq!((k.pairs, k.agreed), (20, 16));
        assert!(close(k.kappa.expect("defined"), 23.0 / 33.0), "{k:?}");
    }

    #[test]
    fn full_agreement_over_several_categories_is_one() {
        // p_o = 1, p_e = (2·2 + 1·1) / 9 = 5/9: kappa = (1 - 5/9) / (1 - 5/9) = 1.
        let k = cohen_kappa(&pairs(&[
            ("good", "good", 2),
            ("inadequate", "inadequate", 1),
        ]));
        assert_eq!(k.kappa, Some(1.0));
        assert_eq!(k.undefined_reason(), None);
    }

    #[test]
    fn one_category_on_both_sides_leaves_kappa_undefined() {
        // Every pair is (reviewed, reviewed): p_o = p_e = 1, and kappa is 0/0.
        let k = cohen_kappa(&pairs(&[("reviewed", "reviewed", 7)]));
        assert_eq!(k.kappa, None);
        assert_eq!(k.observed(), Some(1.0));
        assert_eq!(k.undefined_reason(), Some("one category only"));
    }

    #[test]
    fn one_coder_with_one_category_agrees_no_better_than_chance() {
        // A always says "good"; B says good 3 times in 4.
        // p_o = 3/4, p_e = 1·(3/4) = 3/4: kappa = 0.
        let k = cohen_kappa(&pairs(&[("good", "good", 3), ("good", "inadequate", 1)]));
        assert_eq!(k.kappa, Some(0.0));
    }

    #[test]
    fn systematic_disagreement_is_negative_and_no_pairs_is_undefined() {
        // p_o = 0, p_e = (1·1 + 1·1) / 4 = 1/2: kappa = -1/2 / 1/2 = -1.
        let k = cohen_kappa(&pairs(&[
            ("concern", "strength", 1),
            ("strength", "concern", 1),
        ]));
        assert_eq!(k.kappa, Some(-1.0));
        let none = cohen_kappa::<&str>(&[]);
        assert_eq!((none.kappa, none.observed()), (None, None));
        assert_eq!(none.undefined_reason(), Some("no pairs"));
    }
}
