use super::*;
use std::fs;

/// A small export in the word-count layout, written for these tests: three
/// articles, the third a syndicated copy of the first under another outlet.
const EXPORT: &str = "\
Kent children's services rated good
By Jo Bloggs
64 words
12 March 2019
Kentish Gazette

Children's services in Kent have been rated good by Ofsted after a three-week inspection, with inspectors praising a stable workforce and thorough assessments.

Some care leavers were living in unsuitable accommodation, the report said.

Sandwell trust makes progress
Sam Example
40 words
2 April 2019
Midland Courier

Inspectors on a monitoring visit found that Sandwell Children's Trust had made progress since the last visit, though caseloads remain high.

Kent children's services rated good
By Jo Bloggs
64 words
13 March 2019
Weald Weekly

Children's services in Kent have been rated good by Ofsted after a three-week inspection, with inspectors praising a stable workforce and thorough assessments.

Some care leavers were living in unsuitable accommodation, the report said.
";

fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let export = dir.path().join("export.txt");
    fs::write(&export, EXPORT).expect("write export");
    let out = dir.path().join("out");
    (dir, export, out)
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("read out")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn articles_are_written_named_by_date_and_headline_with_an_index() {
    let (_dir, export, out) = setup();
    let plan = plan_import(&[export], &out, &ImportOptions::default());
    assert!(plan.failures.is_empty(), "{:?}", plan.failures);
    assert_eq!(plan.sources[0].layout, ExportLayout::WordCountBlocks);
    let report = write_import(&plan);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.written.len(), 3);
    assert!(report.index_written);
    assert_eq!(
        names_in(&out),
        vec![
            "2019-03-12_kent-childrens-services-rated-good.txt",
            "2019-03-13_kent-childrens-services-rated-good.txt",
            "2019-04-02_sandwell-trust-makes-progress.txt",
            "index.csv",
        ]
    );
    let first = fs::read_to_string(out.join("2019-03-12_kent-childrens-services-rated-good.txt"))
        .expect("article");
    assert!(
        first.starts_with(
            "Kent children's services rated good\n\nBy Jo Bloggs\n12 March 2019\nKentish Gazette\n\n\
             Children's services in Kent"
        ),
        "{first}"
    );
    let index = fs::read_to_string(out.join(INDEX_FILE)).expect("index");
    let lines: Vec<&str> = index.lines().collect();
    assert_eq!(lines[0], INDEX_HEADING.join(","));
    assert_eq!(
        lines[1],
        "2019-03-12_kent-childrens-services-rated-good.txt,Kent children's services rated good,\
         Kentish Gazette,2019-03-12,Jo Bloggs,64,export.txt,1,,,"
    );
    assert!(
        lines[3].ends_with(
            "export.txt,3,exact,2019-03-12_kent-childrens-services-rated-good.txt,1.000"
        ),
        "the syndicated copy is marked an exact duplicate of the first: {}",
        lines[3]
    );
}

#[test]
fn importing_the_same_export_again_writes_nothing() {
    let (_dir, export, out) = setup();
    write_import(&plan_import(
        std::slice::from_ref(&export),
        &out,
        &ImportOptions::default(),
    ));
    let index_before = fs::metadata(out.join(INDEX_FILE))
        .and_then(|m| m.modified())
        .expect("index time");
    let again = plan_import(&[export], &out, &ImportOptions::default());
    assert_eq!(again.count(Action::Unchanged), 3, "{:#?}", again.articles);
    let report = write_import(&again);
    assert!(report.written.is_empty(), "{:?}", report.written);
    assert!(!report.index_written);
    assert_eq!(report.unchanged, 3);
    assert_eq!(names_in(&out).len(), 4);
    let index_after = fs::metadata(out.join(INDEX_FILE))
        .and_then(|m| m.modified())
        .expect("index time");
    assert_eq!(index_before, index_after);
}

#[test]
fn a_different_file_under_the_same_name_is_never_replaced() {
    let (_dir, export, out) = setup();
    fs::create_dir_all(&out).expect("mkdir");
    let taken = out.join("2019-04-02_sandwell-trust-makes-progress.txt");
    fs::write(&taken, "someone's own notes").expect("write");
    let record = out.join("2019-04-02_sandwell-trust-makes-progress.txt.curation.json");
    fs::write(&record, "{\"status\": \"reviewed\"}").expect("write record");
    let report = write_import(&plan_import(&[export], &out, &ImportOptions::default()));
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(
        fs::read_to_string(&taken).expect("kept"),
        "someone's own notes"
    );
    assert_eq!(
        fs::read_to_string(&record).expect("kept"),
        "{\"status\": \"reviewed\"}"
    );
    let moved = out.join("2019-04-02_sandwell-trust-makes-progress-2.txt");
    assert!(
        fs::read_to_string(&moved)
            .expect("the article under the next name")
            .starts_with("Sandwell trust makes progress")
    );
}

#[test]
fn duplicates_can_be_skipped_and_stay_in_the_index() {
    let (_dir, export, out) = setup();
    let options = ImportOptions {
        skip_duplicates: true,
        ..ImportOptions::default()
    };
    let plan = plan_import(&[export], &out, &options);
    assert_eq!(plan.count(Action::SkipDuplicate), 1);
    let report = write_import(&plan);
    assert_eq!(report.written.len(), 2);
    assert_eq!(report.skipped_duplicates, 1);
    let index = fs::read_to_string(out.join(INDEX_FILE)).expect("index");
    let row = index.lines().nth(3).expect("third article's row");
    assert!(
        row.starts_with(",Kent children's services rated good,Weald Weekly"),
        "{row}"
    );
}

#[test]
fn rows_of_other_exports_are_kept_in_the_index() {
    let (dir, export, out) = setup();
    write_import(&plan_import(&[export], &out, &ImportOptions::default()));
    let other = dir.path().join("other.txt");
    fs::write(
        &other,
        "Norfolk home told to improve\n\nBy Pat Reporter\n1 July 2020\n\nA children's home in \
         Norfolk has been told it requires improvement to be good, inspectors said today.\n",
    )
    .expect("write");
    let report = write_import(&plan_import(&[other], &out, &ImportOptions::default()));
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let index = fs::read_to_string(out.join(INDEX_FILE)).expect("index");
    assert_eq!(index.lines().count(), 5, "{index}");
    assert!(index.contains(",other.txt,1,"), "{index}");
}

#[test]
fn a_foreign_index_csv_is_not_replaced() {
    let (_dir, export, out) = setup();
    fs::create_dir_all(&out).expect("mkdir");
    fs::write(out.join(INDEX_FILE), "council,judgement\nKent,good\n").expect("write");
    let report = write_import(&plan_import(&[export], &out, &ImportOptions::default()));
    assert!(
        report
            .errors
            .iter()
            .any(|e| matches!(e, ImportError::ForeignIndex { .. })),
        "{:?}",
        report.errors
    );
    assert_eq!(
        fs::read_to_string(out.join(INDEX_FILE)).expect("kept"),
        "council,judgement\nKent,good\n"
    );
}

#[test]
fn an_unreadable_export_is_a_failure_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("missing.docx");
    let plan = plan_import(&[missing], dir.path(), &ImportOptions::default());
    assert_eq!(plan.failures.len(), 1);
    assert!(
        plan.failures[0].to_string().contains("missing.docx"),
        "{}",
        plan.failures[0]
    );
}

#[test]
fn slugs_are_ascii_words_cut_at_a_word_boundary() {
    assert_eq!(
        slug("Kent’s children's services: rated “good” (again)!"),
        "kents-childrens-services-rated-good-again"
    );
    assert_eq!(slug("Café crème à Bromley"), "cafe-creme-a-bromley");
    let long = slug(&"inspection ".repeat(20));
    assert!(long.len() <= SLUG_MAX && !long.ends_with('-'), "{long}");
    assert_eq!(slug("£££"), "");
    let no_headline = ExportArticle {
        position: 4,
        ..ExportArticle::default()
    };
    assert_eq!(base_name(&no_headline), "undated_article-4");
}

#[test]
fn an_export_opened_as_an_article_is_recognised_and_an_article_is_not() {
    assert_eq!(export_article_count(EXPORT), Some(3));
    let article = "Kent rated good\n\nBy Jo Bloggs\n\nThe Document 3 report, in other words, \
                   found 20 words\nwere enough.\n";
    assert_eq!(export_article_count(article), None);
    let text = crate::text::decode_article(Path::new("export.txt"), EXPORT.as_bytes())
        .expect("reads as an article");
    assert!(
        text.notices
            .iter()
            .any(|n| n.contains("holds 3 articles") && n.contains("import")),
        "{:?}",
        text.notices
    );
}
