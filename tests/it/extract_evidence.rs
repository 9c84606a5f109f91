//! Every evidence span the extractor writes lies inside the text and covers
//! the value it supports: on the bundled samples and on the shared seed
//! articles.

use crate::common::require_shared;
use ofsted_curator::extract::extract_record;
use ofsted_curator::model::{Record, Span};
use ofsted_curator::text::{LoadOptions, load_article};
use std::path::{Path, PathBuf};

fn slice(text: &str, span: Span) -> String {
    text.chars().skip(span.0).take(span.1 - span.0).collect()
}

/// The articles in `articles` that the gold records in `gold` are about,
/// sorted: the list comes from the gold folder, so an article missing
/// from `articles` fails the check instead of shrinking it.
fn articles_with_gold(articles: &Path, gold: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(gold)
        .unwrap_or_else(|e| panic!("{}: {e}", gold.display()))
        .map(|e| {
            e.expect("folder entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter_map(|n| n.strip_suffix(".curation.json").map(|a| articles.join(a)))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no gold records in {}", gold.display());
    files
}

fn check_record(path: &Path, text: &str, record: &Record) {
    let chars = text.chars().count();
    let name = path.display();
    for s in record.all_spans() {
        assert!(
            s.0 < s.1 && s.1 <= chars,
            "{name}: span {s:?} outside 0..{chars}"
        );
    }
    let a = &record.article;
    for f in [&a.headline, &a.byline, &a.published].into_iter().flatten() {
        assert_eq!(f.evidence.len(), 1, "{name}: one span per article value");
    }
    if let Some(h) = &a.headline {
        assert_eq!(slice(text, h.evidence[0]), h.value, "{name}: headline span");
    }
    if let Some(b) = &a.byline {
        assert_eq!(slice(text, b.evidence[0]), b.value, "{name}: byline span");
    }
    if let Some(p) = &a.published {
        let year = &p.value[..4];
        assert!(
            slice(text, p.evidence[0]).contains(year),
            "{name}: dateline span holds the year"
        );
    }
    for person in &record.people {
        assert!(
            slice(text, person.evidence[0]).contains(person.name.as_str()),
            "{name}: person span covers {}",
            person.name
        );
    }
    for q in &record.quotes {
        assert_eq!(slice(text, q.evidence[0]), q.text, "{name}: quote span");
    }
    for f in &record.figures {
        assert_eq!(slice(text, f.evidence[0]), f.text, "{name}: figure span");
    }
    for i in &record.inspections {
        assert!(
            !i.evidence.is_empty(),
            "{name}: inspection without evidence"
        );
        for f in &i.findings {
            assert_eq!(slice(text, f.evidence[0]), f.text, "{name}: finding span");
        }
    }
}

fn check_articles(articles: &[PathBuf]) {
    for path in articles {
        let article = load_article(path, &LoadOptions::default()).unwrap_or_else(|e| panic!("{e}"));
        let record = extract_record(
            &article.text,
            &path.file_name().expect("name").to_string_lossy(),
        );
        check_record(path, &article.text, &record);
    }
}

#[test]
fn spans_cover_their_values_on_the_samples() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let samples = root.join("assets/samples");
    let articles = articles_with_gold(&samples, &samples.join("gold"));
    assert!(articles.len() >= 10, "{articles:?}");
    check_articles(&articles);
}

#[test]
fn spans_cover_their_values_on_the_seeds() {
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold/seeds");
    let Some(seeds) = require_shared("seeds") else {
        return;
    };
    let articles = articles_with_gold(&seeds, &gold);
    check_articles(&articles);
}
