//! PDF, Word and RTF articles: opened like any article (the converted text
//! is what the record's offsets and hash refer to), refused with a message
//! naming the file when they cannot be read, and extracted as well as the
//! same article as plain text.

use crate::common::{INSPECTION_ARTICLE, run, sidecar_of, write};
use crate::doc_fixtures::{
    DocxBlock, PdfLine, docx_of_article, docx_of_blocks, encrypted_pdf, flow, paragraphs_of,
    pdf_of_article, pdf_of_lines, rtf_of_paragraphs, scanned_pdf,
};
use ofsted_curator::eval::score_record;
use ofsted_curator::extract::extract_record;
use ofsted_curator::model::Record;
use ofsted_curator::text::{LoadOptions, SourceFormat, TextError, load_article, text_sha256};
use std::path::{Path, PathBuf};

/// The text a converted article should read as: its paragraphs separated
/// by one blank line, ending with a line feed.
fn expected_text(paragraphs: &[String]) -> String {
    format!("{}\n", paragraphs.join("\n\n"))
}

fn load(path: &Path) -> Result<String, TextError> {
    load_article(path, &LoadOptions::default()).map(|a| a.text)
}

fn read_record(path: &Path) -> Record {
    let json = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn a_one_article_pdf_reads_as_its_paragraphs_and_its_record_refers_to_that_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = write(dir.path(), "kent.pdf", pdf_of_article(INSPECTION_ARTICLE));
    let text = load(&pdf).expect("the PDF reads");
    assert_eq!(
        text,
        expected_text(&paragraphs_of(INSPECTION_ARTICLE)),
        "the text layer, wrapped lines joined, paragraphs separated by blank lines"
    );
    let out = run(["extract".as_ref(), pdf.as_os_str()]);
    assert_eq!(out.code, Some(0), "{out:?}");
    let record = read_record(&sidecar_of(&pdf));
    assert_eq!(record.source.path, "kent.pdf");
    assert_eq!(record.source.text_sha256, text_sha256(&text));
    assert_eq!(record.source.chars, text.chars().count());
    let headline = record.article.headline.expect("a headline");
    let [start, end] = [headline.evidence[0].0, headline.evidence[0].1];
    let quoted: String = text.chars().skip(start).take(end - start).collect();
    assert_eq!(
        quoted,
        "Ofsted finds council's children's services inadequate"
    );
    assert_eq!(headline.value, quoted);
}

#[test]
fn a_two_column_pdf_page_is_read_column_by_column() {
    let left = [
        "Children's services at Kent County Council have been rated inadequate by Ofsted after a full inspection in March.",
        "Inspectors said caseloads were too high and managers lacked oversight of practice.",
    ];
    let right = [
        "The council said it accepted the findings and would publish an improvement plan within weeks.",
        "A further monitoring visit is expected in the autumn, the letter said.",
    ];
    let headline = "Kent children's services rated inadequate";
    let column = |paragraphs: &[&str], x: f64| {
        let sized: Vec<(&str, f64)> = paragraphs.iter().map(|p| (*p, 10.0)).collect();
        flow(&sized, x, 230.0).remove(0)
    };
    let mut left_lines = column(&left, 56.0);
    let mut right_lines = column(&right, 310.0);
    // Both columns start under the headline; draw them interleaved, line by
    // line, so that the order drawn is not the reading order.
    for line in left_lines.iter_mut().chain(right_lines.iter_mut()) {
        line.y += 40.0;
    }
    let mut page = vec![PdfLine {
        x: 56.0,
        y: 72.0,
        size: 18.0,
        text: headline.into(),
    }];
    let rows = left_lines.len().max(right_lines.len());
    for i in 0..rows {
        page.extend(right_lines.get(i).cloned());
        page.extend(left_lines.get(i).cloned());
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = write(dir.path(), "columns.pdf", pdf_of_lines(&[page]));
    let mut expected = vec![headline.to_string()];
    expected.extend(left.iter().chain(&right).map(|p| p.to_string()));
    assert_eq!(load(&pdf).expect("reads"), expected_text(&expected));
}

#[test]
fn running_headers_and_page_numbers_of_a_printed_page_are_dropped() {
    let paragraph = "Inspectors found that leaders in Sandwell had a clearer view of practice. ";
    let long = paragraph.repeat(12);
    let paragraphs: Vec<(&str, f64)> = vec![("Sandwell trust makes progress", 16.0)]
        .into_iter()
        .chain(std::iter::repeat_n((long.as_str(), 10.0), 8))
        .collect();
    let mut pages = flow(&paragraphs, 56.0, 480.0);
    assert!(pages.len() >= 2, "the article runs over pages");
    let count = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        page.push(PdfLine {
            x: 56.0,
            y: 30.0,
            size: 8.0,
            text: format!("12/03/2019, 10:1{i}    Sandwell trust makes progress | Birmingham Mail"),
        });
        page.push(PdfLine {
            x: 270.0,
            y: 820.0,
            size: 8.0,
            text: format!("Page {} of {count}", i + 1),
        });
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = write(dir.path(), "printed.pdf", pdf_of_lines(&pages));
    let text = load(&pdf).expect("reads");
    assert!(!text.contains("Page 1 of"), "page numbers dropped: {text}");
    assert!(!text.contains("10:1"), "running header dropped: {text}");
    assert!(
        text.starts_with("Sandwell trust makes progress\n\nInspectors"),
        "{text}"
    );
    assert_eq!(
        text.matches("Inspectors found").count(),
        8 * 12,
        "no text lost"
    );
}

#[test]
fn a_docx_reads_its_paragraphs_and_a_table_row_by_row() {
    let blocks = vec![
        DocxBlock::Paragraph("Three councils’ children’s services judged".into()),
        DocxBlock::Paragraph("By Sam Example".into()),
        DocxBlock::Paragraph(
            "Ofsted published three inspection reports this week, summarised below.".into(),
        ),
        DocxBlock::Table(vec![
            vec!["Council".into(), "Judgement".into(), "Inspected".into()],
            vec!["Kent".into(), "Good".into(), "March 2019".into()],
            vec!["Bradford".into(), "Inadequate".into(), "August 2020".into()],
        ]),
        DocxBlock::Paragraph(
            "All three councils said they welcomed the reports & their findings.".into(),
        ),
    ];
    let dir = tempfile::tempdir().expect("tempdir");
    let docx = write(dir.path(), "roundup.docx", docx_of_blocks(&blocks));
    let article = load_article(&docx, &LoadOptions::default()).expect("reads");
    assert_eq!(article.format, SourceFormat::Docx);
    assert_eq!(
        article.text,
        "Three councils’ children’s services judged\n\nBy Sam Example\n\n\
         Ofsted published three inspection reports this week, summarised below.\n\n\
         Council\tJudgement\tInspected\n\nKent\tGood\tMarch 2019\n\n\
         Bradford\tInadequate\tAugust 2020\n\n\
         All three councils said they welcomed the reports & their findings.\n"
    );
    let out = run(["extract".as_ref(), docx.as_os_str()]);
    assert_eq!(out.code, Some(0), "{out:?}");
    let record = read_record(&sidecar_of(&docx));
    assert_eq!(record.source.path, "roundup.docx");
    assert_eq!(record.source.text_sha256, article.sha256);
}

#[test]
fn an_rtf_article_reads_as_its_paragraphs() {
    let paragraphs = paragraphs_of(INSPECTION_ARTICLE);
    let dir = tempfile::tempdir().expect("tempdir");
    let rtf = write(dir.path(), "a.rtf", rtf_of_paragraphs(&paragraphs));
    assert_eq!(load(&rtf).expect("reads"), expected_text(&paragraphs));
}

/// Runs `extract` on `name` holding `bytes`: it must fail, name the file
/// with `message`, and write no record.
fn refused(name: &str, bytes: &[u8], message: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), name, bytes);
    let out = run(["extract".as_ref(), path.as_os_str()]);
    assert_eq!(out.code, Some(1), "{name}: {out:?}");
    let line = out
        .stderr
        .lines()
        .find(|l| l.contains(name))
        .unwrap_or_else(|| panic!("{name}: no error naming the file: {out:?}"));
    assert!(
        line.contains(message),
        "{name}: expected {message:?} in {line:?}"
    );
    assert!(!sidecar_of(&path).exists(), "{name}: no record written");
    assert!(
        out.stdout.contains("0 written, 0 skipped, 1 failed"),
        "{out:?}"
    );
}

#[test]
fn an_encrypted_pdf_is_refused_naming_the_file_and_the_password() {
    let pages = flow(&[("A secret article about Kent", 12.0)], 56.0, 480.0);
    refused(
        "locked.pdf",
        &encrypted_pdf(&pages),
        "protected by a password",
    );
}

#[test]
fn a_scanned_pdf_is_refused_saying_it_has_no_text_layer_and_what_to_do() {
    refused("scan.pdf", &scanned_pdf(), "no text layer");
    refused("scan.pdf", &scanned_pdf(), "OCR");
}

#[test]
fn corrupt_files_are_refused_naming_the_file_and_never_crash() {
    let good_pdf = pdf_of_article(INSPECTION_ARTICLE);
    let good_docx = docx_of_article(INSPECTION_ARTICLE);
    refused(
        "cut.pdf",
        &good_pdf[..good_pdf.len() / 3],
        "cannot read the PDF",
    );
    refused("text.pdf", b"just some words, not a PDF", "not a PDF file");
    let mut garbled = good_pdf.clone();
    for (i, b) in garbled.iter_mut().enumerate().skip(400) {
        *b = b.wrapping_mul(31).wrapping_add(i as u8);
    }
    refused("garbled.pdf", &garbled, "cannot read the PDF");
    refused(
        "cut.docx",
        &good_docx[..good_docx.len() / 2],
        "cannot read the Word document",
    );
    refused("text.docx", b"plain words in a .docx name", "not a .docx");
    refused(
        "old.docx",
        &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0],
        "old-style Word file",
    );
    refused("text.rtf", b"no rtf header here", "not an RTF file");
}

#[test]
fn every_truncation_of_a_pdf_is_an_error_or_text_never_a_panic() {
    let pdf = pdf_of_article(INSPECTION_ARTICLE);
    let step = (pdf.len() / 60).max(1);
    for cut in (0..pdf.len()).step_by(step) {
        let _ = ofsted_curator::text::decode_article(Path::new("cut.pdf"), &pdf[..cut]);
    }
    let docx = docx_of_article(INSPECTION_ARTICLE);
    let step = (docx.len() / 60).max(1);
    for cut in (0..docx.len()).step_by(step) {
        let _ = ofsted_curator::text::decode_article(Path::new("cut.docx"), &docx[..cut]);
    }
}

/// The sample articles that are plain text, with their gold records.
fn text_samples() -> Vec<(PathBuf, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    let mut out: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            let gold = dir.join("gold").join(format!("{name}.curation.json"));
            (p, gold)
        })
        .collect();
    out.sort();
    assert!(
        out.len() >= 8,
        "expected the .txt samples in {}",
        dir.display()
    );
    out
}

#[test]
fn samples_as_pdf_and_docx_score_as_well_as_the_same_samples_as_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut compared = 0;
    for (txt, gold_path) in text_samples() {
        let name = txt
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let text = load(&txt).expect("sample reads");
        let gold: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(&gold_path)
                .unwrap_or_else(|e| panic!("{}: {e}", gold_path.display())),
        )
        .expect("gold is JSON");
        let score = |article_text: &str| {
            let record = extract_record(article_text, &name);
            let value = serde_json::to_value(&record).expect("record serialises");
            score_record(&gold, &value, None).fields
        };
        let from_text = score(&text);
        let stem = name.trim_end_matches(".txt");
        for (kind, bytes) in [
            ("pdf", pdf_of_article(&text)),
            ("docx", docx_of_article(&text)),
        ] {
            let path = write(dir.path(), &format!("{stem}.{kind}"), bytes);
            let converted = load(&path).unwrap_or_else(|e| panic!("{e}"));
            let from_converted = score(&converted);
            for (field, counts) in &from_text {
                let other = &from_converted[field];
                assert!(
                    other.tp >= counts.tp && other.fp <= counts.fp,
                    "{name} as {kind}: {field} scores worse than as text \
                     (tp {} fp {} fn {} against tp {} fp {} fn {})",
                    other.tp,
                    other.fp,
                    other.fn_,
                    counts.tp,
                    counts.fp,
                    counts.fn_
                );
            }
            compared += 1;
        }
    }
    assert!(compared >= 16, "compared {compared} conversions");
}
