//! Off topic is conservative: no project article that mentions Ofsted (in
//! any case) and children's services or a children's provider is marked
//! off topic, whole, in upper case, or cut down to any of its paragraphs.

use ofsted_curator::extract::extract_record;
use ofsted_curator::model::Status;
use ofsted_curator::text::{LoadOptions, load_article};
use proptest::prelude::*;
use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;

/// The test's own reading of "mentions Ofsted and children's services or a
/// children's provider", independent of the extractor's word lists. A bare
/// "residential home" is not one: it is as often a home for older people.
fn mentions_ofsted_and_childrens_care(text: &str) -> bool {
    static OFSTED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\bofsted\b").expect("regex"));
    static CARE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)children['’]s\s+(?:services|social\s+care|homes?|trust)|fostering|adoption\s+agency|secure\s+(?:children['’]s\s+)?(?:homes?|units?)",
        )
        .expect("regex")
    });
    OFSTED.is_match(text) && CARE.is_match(text)
}

/// The text of every article of the project's sets.
fn project_articles() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for set in [
        "assets/samples",
        "tests/dev/articles",
        "tests/heldout/articles",
    ] {
        let dir = root.join(set);
        let entries = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: cannot list the articles: {e}", dir.display()));
        for path in entries.flatten().map(|e| e.path()) {
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if !["txt", "md", "html", "htm"].contains(&ext) {
                continue;
            }
            let article =
                load_article(&path, &LoadOptions::default()).unwrap_or_else(|e| panic!("{e}"));
            out.push((path.display().to_string(), article.text));
        }
    }
    assert!(out.len() >= 60, "only {} project articles found", out.len());
    out
}

static ARTICLES: LazyLock<Vec<(String, String)>> = LazyLock::new(project_articles);

fn assert_not_hidden(name: &str, text: &str) {
    if mentions_ofsted_and_childrens_care(text) {
        let record = extract_record(text, "a.txt");
        assert_ne!(
            record.status,
            Status::OffTopic,
            "{name}: mentions Ofsted and children's care, but was marked off topic"
        );
    }
}

#[test]
fn no_project_article_about_childrens_care_and_ofsted_is_off_topic() {
    let mut checked = 0;
    for (name, text) in ARTICLES.iter() {
        if mentions_ofsted_and_childrens_care(text) {
            checked += 1;
        }
        assert_not_hidden(name, text);
        assert_not_hidden(&format!("{name} in upper case"), &text.to_uppercase());
    }
    assert!(
        checked >= 50,
        "only {checked} articles were about the topic"
    );
}

#[test]
fn a_school_inspection_is_still_off_topic() {
    let text = "Primary school rated good\n\nBy Sam Example\n\n\
                Ofsted inspectors praised pupils' behaviour at St Anne's Primary School, \
                which was judged good in every area.\n\n\
                \"We are proud of our children,\" said the headteacher, Ann Smith.\n";
    assert!(!mentions_ofsted_and_childrens_care(text), "premise");
    let record = extract_record(text, "school.txt");
    assert_eq!(record.status, Status::OffTopic);
    assert!(record.people.is_empty() && record.quotes.is_empty());
    assert!(record.article.headline.is_some(), "article fields are kept");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any selection of an article's paragraphs, in order: an article cut
    /// down until the rules find no inspection in it is still not hidden
    /// while it speaks of Ofsted and children's care.
    #[test]
    fn any_paragraphs_of_a_project_article_about_the_topic_are_not_off_topic(
        index in any::<prop::sample::Index>(),
        keep in any::<u64>(),
    ) {
        let (name, text) = &ARTICLES[index.index(ARTICLES.len())];
        let kept: Vec<&str> = text
            .split("\n\n")
            .enumerate()
            .filter(|(i, _)| keep & (1u64 << (i % 64)) != 0)
            .map(|(_, p)| p)
            .collect();
        assert_not_hidden(&format!("{name} (paragraphs {keep:b})"), &kept.join("\n\n"));
    }
}
