//! `ofsted-curator import` end to end: exports in each layout (Word, PDF,
//! RTF and text files made at test time) split into named articles with an
//! index, duplicates marked and skipped, re-imports that write nothing, and
//! curated records left alone.

use crate::common::{run, sidecar_of, write};
use crate::doc_fixtures::{
    DocxBlock, PdfLine, docx_of_blocks, flow, pdf_of_lines, rtf_of_paragraphs,
};
use crate::export_fixtures::{
    SLUGS, STORIES, as_text, end_of_document_paragraphs, numbered_paragraphs, word_count_paragraphs,
};
use ofsted_curator::import::INDEX_HEADING;
use ofsted_curator::model::Record;
use std::path::{Path, PathBuf};

fn docx_of(paragraphs: &[String]) -> Vec<u8> {
    let blocks: Vec<DocxBlock> = paragraphs
        .iter()
        .map(|p| DocxBlock::Paragraph(p.clone()))
        .collect();
    docx_of_blocks(&blocks)
}

/// A PDF of `paragraphs` flowed over A4 pages, with a page number at the
/// foot of each page.
fn pdf_of(paragraphs: &[String]) -> Vec<u8> {
    let sized: Vec<(&str, f64)> = paragraphs.iter().map(|p| (p.as_str(), 10.0)).collect();
    let mut pages = flow(&sized, 56.0, 480.0);
    let count = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        page.push(PdfLine {
            x: 280.0,
            y: 815.0,
            size: 8.0,
            text: format!("Page {} of {count}", i + 1),
        });
    }
    pdf_of_lines(&pages)
}

fn import(files: &[&Path], out: &Path, extra: &[&str]) -> crate::common::Run {
    let mut args: Vec<std::ffi::OsString> = vec!["import".into()];
    args.extend(files.iter().map(|f| f.as_os_str().to_owned()));
    args.push("--out".into());
    args.push(out.as_os_str().to_owned());
    args.extend(extra.iter().map(Into::into));
    run(args)
}

/// The index's rows as maps from column to value.
fn index_rows(out: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let path = out.join("index.csv");
    let mut reader =
        csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let heading: Vec<String> = reader
        .headers()
        .expect("heading")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(heading, INDEX_HEADING, "the index's columns");
    reader
        .records()
        .map(|r| {
            let r = r.expect("row");
            heading
                .iter()
                .cloned()
                .zip(r.iter().map(str::to_string))
                .collect()
        })
        .collect()
}

fn article_files(out: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(out)
        .expect("out folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
}

/// Checks that story `i`'s file exists with its fields at the top and its
/// body after them.
fn assert_story_file(out: &Path, i: usize, name: &str) {
    let story = &STORIES[i];
    let path = out.join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("story {i}: {}: {e}", path.display()));
    let date_line = {
        let (y, rest) = story.date.split_at(4);
        let month: usize = rest[1..3].parse().expect("month");
        let day: u32 = rest[4..6].parse().expect("day");
        let months = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        format!("{day} {} {y}", months[month - 1])
    };
    let expected_top = format!(
        "{}\n\nBy {}\n{date_line}\n{}\n\n{}",
        story.headline, story.byline, story.outlet, story.body[0]
    );
    assert!(
        text.starts_with(&expected_top),
        "story {i} ({name}) should start with its headline, byline, date, outlet and body:\n{text}"
    );
    assert!(
        text.trim_end().ends_with(story.body[story.body.len() - 1]),
        "story {i} ({name}) should end with its last paragraph, without the export's trailer:\n{text}"
    );
}

fn check_six_stories(out: &Path, names: &[String]) {
    for (i, slug) in SLUGS.iter().enumerate() {
        let name = STORIES[i].file_name(slug);
        assert!(names.contains(&name), "{name} in {names:?}");
        assert_story_file(out, i, &name);
    }
}

#[test]
fn an_end_of_document_docx_export_splits_into_its_articles_with_a_near_duplicate_marked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let export = write(
        dir.path(),
        "nexis.docx",
        docx_of(&end_of_document_paragraphs()),
    );
    let out = dir.path().join("articles");
    let result = import(&[&export], &out, &[]);
    assert_eq!(result.code, Some(0), "{result:?}");
    assert!(
        result
            .stdout
            .contains("7 written, 0 unchanged, 0 duplicates skipped, 0 failed"),
        "{result:?}"
    );
    assert!(
        result
            .stderr
            .contains("7 articles, read as articles ending \"End of Document\""),
        "{result:?}"
    );
    let names = article_files(&out);
    assert_eq!(names.len(), 7, "{names:?}");
    check_six_stories(&out, &names);
    let rows = index_rows(&out);
    assert_eq!(rows.len(), 7);
    let first = &rows[0];
    assert_eq!(first["headline"], STORIES[0].headline);
    assert_eq!(first["outlet"], STORIES[0].outlet);
    assert_eq!(first["date"], STORIES[0].date);
    assert_eq!(first["byline"], STORIES[0].byline);
    assert_eq!(first["words"], STORIES[0].words().to_string());
    assert_eq!(first["source_file"], "nexis.docx");
    assert_eq!(first["position"], "1");
    assert_eq!(first["duplicate"], "");
    let copy = &rows[2];
    assert_eq!(copy["outlet"], "Express & Star");
    assert_eq!(copy["duplicate"], "near", "one word changed: {copy:?}");
    assert_eq!(copy["duplicate_of"], STORIES[1].file_name(SLUGS[1]));
    let similarity: f64 = copy["similarity"].parse().expect("a number");
    assert!((0.9..1.0).contains(&similarity), "{similarity}");
    assert_eq!(
        copy["file"],
        format!(
            "{}-2.txt",
            STORIES[1].file_name(SLUGS[1]).trim_end_matches(".txt")
        )
    );
}

#[test]
fn a_word_count_docx_export_splits_and_an_exact_duplicate_can_be_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let export = write(
        dir.path(),
        "factiva.docx",
        docx_of(&word_count_paragraphs()),
    );
    let out = dir.path().join("articles");
    let result = import(&[&export], &out, &["--skip-duplicates"]);
    assert_eq!(result.code, Some(0), "{result:?}");
    assert!(
        result
            .stdout
            .contains("6 written, 0 unchanged, 1 duplicates skipped, 0 failed"),
        "{result:?}"
    );
    assert!(
        result
            .stderr
            .contains("read as header blocks with a word count"),
        "{result:?}"
    );
    let names = article_files(&out);
    assert_eq!(names.len(), 6, "the copy is not written: {names:?}");
    check_six_stories(&out, &names);
    let rows = index_rows(&out);
    assert_eq!(rows.len(), 7, "the skipped copy is still listed");
    let copy = &rows[6];
    assert_eq!(copy["file"], "", "no file for a skipped duplicate");
    assert_eq!(copy["outlet"], "Kent Live");
    assert_eq!(copy["duplicate"], "exact");
    assert_eq!(copy["duplicate_of"], STORIES[0].file_name(SLUGS[0]));
    assert_eq!(copy["similarity"], "1.000");
}

#[test]
fn numbered_rtf_and_txt_exports_and_a_pdf_export_split_the_same_way() {
    let dir = tempfile::tempdir().expect("tempdir");
    let rtf = write(
        dir.path(),
        "numbered.rtf",
        rtf_of_paragraphs(&numbered_paragraphs()),
    );
    let txt = write(dir.path(), "blocks.txt", as_text(&word_count_paragraphs()));
    let pdf = write(
        dir.path(),
        "nexis.pdf",
        pdf_of(&end_of_document_paragraphs()),
    );
    for (export, layout, count) in [
        (&rtf, "numbered documents", 6),
        (&txt, "header blocks with a word count", 7),
        (&pdf, "articles ending \"End of Document\"", 7),
    ] {
        let out = dir.path().join(
            export
                .file_name()
                .expect("name")
                .to_string_lossy()
                .replace('.', "_"),
        );
        let result = import(&[export], &out, &[]);
        assert_eq!(result.code, Some(0), "{}: {result:?}", export.display());
        assert!(
            result.stderr.contains(&format!(
                "{}, read as {layout}",
                ofsted_curator::words::count(count, "article")
            )),
            "{}: {result:?}",
            export.display()
        );
        let names = article_files(&out);
        assert_eq!(names.len(), count, "{}: {names:?}", export.display());
        check_six_stories(&out, &names);
    }
}

#[test]
fn reimporting_writes_nothing_and_keeps_a_curated_record() {
    let dir = tempfile::tempdir().expect("tempdir");
    let export = write(
        dir.path(),
        "nexis.docx",
        docx_of(&end_of_document_paragraphs()),
    );
    let out = dir.path().join("articles");
    assert_eq!(import(&[&export], &out, &[]).code, Some(0));
    // Curate one imported article: extract it, then mark it reviewed.
    let article = out.join(STORIES[0].file_name(SLUGS[0]));
    let extract = run(["extract".as_ref(), article.as_os_str()]);
    assert_eq!(extract.code, Some(0), "{extract:?}");
    let sidecar = sidecar_of(&article);
    let curated = std::fs::read_to_string(&sidecar)
        .expect("record")
        .replace("\"status\": \"unreviewed\"", "\"status\": \"reviewed\"");
    std::fs::write(&sidecar, &curated).expect("curate");
    let snapshot = |dir: &Path| -> Vec<(PathBuf, Vec<u8>, std::time::SystemTime)> {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("folder")
            .map(|e| {
                let p = e.expect("entry").path();
                let modified = std::fs::metadata(&p)
                    .and_then(|m| m.modified())
                    .expect("time");
                (p.clone(), std::fs::read(&p).expect("read"), modified)
            })
            .collect();
        files.sort();
        files
    };
    let before = snapshot(&out);
    let again = import(&[&export], &out, &[]);
    assert_eq!(again.code, Some(0), "{again:?}");
    assert!(
        again
            .stdout
            .contains("0 written, 7 unchanged, 0 duplicates skipped, 0 failed"),
        "{again:?}"
    );
    assert_eq!(snapshot(&out), before, "no file written, touched or added");
    let record: Record = serde_json::from_str(&std::fs::read_to_string(&sidecar).expect("record"))
        .expect("still a record");
    assert_eq!(record.status, ofsted_curator::model::Status::Reviewed);
}

#[test]
fn imported_articles_give_the_extractor_their_headline_byline_date_and_outlet() {
    let dir = tempfile::tempdir().expect("tempdir");
    let export = write(
        dir.path(),
        "nexis.docx",
        docx_of(&end_of_document_paragraphs()),
    );
    let out = dir.path().join("articles");
    assert_eq!(import(&[&export], &out, &[]).code, Some(0));
    let extract = run(["extract".as_ref(), out.as_os_str()]);
    assert_eq!(extract.code, Some(0), "{extract:?}");
    for (i, slug) in SLUGS.iter().enumerate() {
        let story = &STORIES[i];
        let sidecar = sidecar_of(&out.join(story.file_name(slug)));
        let record: Record = serde_json::from_str(
            &std::fs::read_to_string(&sidecar)
                .unwrap_or_else(|e| panic!("{}: {e}", sidecar.display())),
        )
        .expect("record");
        let value =
            |v: &Option<ofsted_curator::model::Field<String>>| v.as_ref().map(|v| v.value.clone());
        assert_eq!(
            value(&record.article.headline).as_deref(),
            Some(story.headline),
            "story {i}"
        );
        assert_eq!(
            value(&record.article.byline).as_deref(),
            Some(story.byline),
            "story {i}"
        );
        assert_eq!(
            value(&record.article.published).as_deref(),
            Some(story.date),
            "story {i}"
        );
        assert_eq!(
            value(&record.article.outlet).as_deref(),
            Some(story.outlet),
            "story {i}"
        );
    }
}

#[test]
fn an_unreadable_export_fails_naming_it_and_the_others_are_imported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = write(dir.path(), "blocks.txt", as_text(&word_count_paragraphs()));
    let bad = write(dir.path(), "broken.docx", b"not a zip at all");
    let out = dir.path().join("articles");
    let result = import(&[&bad, &good], &out, &[]);
    assert_eq!(result.code, Some(1), "{result:?}");
    assert!(
        result
            .stderr
            .contains("broken.docx: cannot read the Word document"),
        "{result:?}"
    );
    assert!(result.stdout.contains("7 written"), "{result:?}");
}

#[test]
fn a_dry_run_previews_the_split_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let export = write(dir.path(), "blocks.txt", as_text(&word_count_paragraphs()));
    let out = dir.path().join("articles");
    let result = import(&[&export], &out, &["--dry-run"]);
    assert_eq!(result.code, Some(0), "{result:?}");
    assert!(result.stdout.contains(STORIES[3].headline), "{result:?}");
    assert!(result.stdout.contains("[exact duplicate]"), "{result:?}");
    assert!(result.stdout.contains("would write 7"), "{result:?}");
    assert!(!out.exists(), "nothing written");
}
