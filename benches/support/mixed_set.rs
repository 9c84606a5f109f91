//! The mixed set of articles the extraction benchmarks run over: the bundled
//! samples, the held-out articles, the seed articles when they are at hand
//! (`$SEEDS_DIR`, else `../shared/seeds`; read at run time, never copied),
//! and one article of about 1 MB made by joining them.

use ofsted_curator::text::{LoadOptions, load_article};
use std::path::{Path, PathBuf};

fn articles_in(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            let ext = p
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            p.is_file()
                && !name.starts_with("readme")
                && ["txt", "md", "html", "htm"].contains(&ext.as_str())
        })
        .collect();
    files.sort();
    files
        .iter()
        .filter_map(|p| load_article(p, &LoadOptions::default()).ok())
        .map(|a| a.text)
        .collect()
}

pub struct MixedSet {
    /// Articles of ordinary size.
    pub articles: Vec<String>,
    /// Whether the seed articles are among them.
    pub with_seeds: bool,
    /// The articles joined, again and again, to about 1 MB.
    pub big: String,
}

impl MixedSet {
    pub fn load() -> Self {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut articles = articles_in(&root.join("assets/samples"));
        articles.extend(articles_in(&root.join("tests/heldout/articles")));
        let seeds = std::env::var_os("SEEDS_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("../shared/seeds"));
        let seed_articles = articles_in(&seeds);
        let with_seeds = !seed_articles.is_empty();
        articles.extend(seed_articles);
        assert!(articles.len() >= 20, "too few articles: {}", articles.len());
        let mut big = String::new();
        while big.len() < 1_000_000 {
            for a in &articles {
                big.push_str(a);
                big.push_str("\n\n");
            }
        }
        MixedSet {
            articles,
            with_seeds,
            big,
        }
    }

    /// Every article of the set, the 1 MB one last.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        self.articles
            .iter()
            .map(String::as_str)
            .chain(std::iter::once(self.big.as_str()))
    }
}
