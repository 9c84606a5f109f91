//! Every evidence span the extractor writes lies inside the text and covers
//! the value it supports: on the bundled samples and, where present, on the
//! shared seed articles.

use ofsted_curator::extract::extract_record;
use ofsted_curator::model::{Record, Span};
use ofsted_curator::text::{LoadOptions, load_article};
use std::path::{Path, PathBuf};

fn slice(text: &str, span: Span) -> String {
    text.chars().skip(span.0).take(span.1 - span.0).collect()
}

fn article_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.extension().is_some_and(|e| {
                    ["txt", "md", "html", "htm"].contains(&e.to_string_lossy().as_ref())
                })
        })
        .collect();
    files.sort();
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

fn check_folder(dir: &Path) -> usize {
    let mut n = 0;
    for path in article_files(dir) {
        let article = load_article(&path, &LoadOptions::default()).expect("sample loads");
        let record = extract_record(
            &article.text,
            &path.file_name().expect("name").to_string_lossy(),
        );
        check_record(&path, &article.text, &record);
        n += 1;
    }
    n
}

#[test]
fn spans_cover_their_values_on_the_samples() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    let n = check_folder(&dir);
    assert!(n > 0 || article_files(&dir).is_empty());
}

#[test]
fn spans_cover_their_values_on_the_seeds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !dir.is_dir() {
        eprintln!("note: {} not present, seed check skipped", dir.display());
        return;
    }
    assert_eq!(check_folder(&dir), article_files(&dir).len());
}
