use super::*;

fn decode(name: &str, bytes: &[u8]) -> Result<Article, TextError> {
    decode_article(Path::new(name), bytes)
}

#[test]
fn utf8_is_read_unchanged_with_line_endings_kept() {
    let a = decode("a.txt", "Line one\r\nLine two\n£6m\r".as_bytes()).expect("decodes");
    assert_eq!(a.text, "Line one\r\nLine two\n£6m\r");
    assert_eq!(a.format, SourceFormat::Plain);
    assert_eq!(a.chars, 23);
    assert!(a.notices.is_empty());
    assert_eq!(a.sha256, text_sha256(&a.text));
}

#[test]
fn a_leading_utf8_bom_is_removed() {
    let a = decode("a.txt", b"\xEF\xBB\xBFHello").expect("decodes");
    assert_eq!(a.text, "Hello");
    assert_eq!(a.chars, 5);
}

#[test]
fn utf16_with_a_bom_is_decoded() {
    let text = "Council’s £2m\r\n";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    assert_eq!(decode("le.txt", &le).expect("LE").text, text);
    assert_eq!(decode("be.txt", &be).expect("BE").text, text);
}

#[test]
fn invalid_utf8_is_read_as_windows_1252_with_a_notice() {
    // 0x92 is a right single quotation mark and 0xA3 a pound sign in
    // Windows-1252.
    let a = decode("a.txt", b"council\x92s \xA36m").expect("decodes");
    assert_eq!(a.text, "council\u{2019}s £6m");
    assert_eq!(a.notices.len(), 1);
    assert!(a.notices[0].contains("Windows-1252"), "{:?}", a.notices);
}

#[test]
fn empty_and_whitespace_only_files_are_refused_naming_the_file() {
    let empty = decode("dir/empty.txt", b"").expect_err("empty");
    assert!(matches!(empty, TextError::Empty { .. }));
    assert!(empty.to_string().contains("dir/empty.txt"), "{empty}");
    let blank = decode("blank.txt", b" \r\n\t\n").expect_err("blank");
    assert!(matches!(blank, TextError::WhitespaceOnly { .. }));
    assert!(blank.to_string().contains("blank.txt"), "{blank}");
    let bom_only = decode("bom.txt", b"\xEF\xBB\xBF\n").expect_err("bom only");
    assert!(matches!(bom_only, TextError::WhitespaceOnly { .. }));
}

#[test]
fn a_png_renamed_txt_is_refused_as_binary() {
    let png: &[u8] =
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06";
    let err = decode("photo.txt", png).expect_err("binary");
    assert!(matches!(err, TextError::Binary { .. }));
    assert!(err.to_string().contains("photo.txt"), "{err}");
}

#[test]
fn mostly_control_bytes_without_nul_is_binary() {
    let bytes: Vec<u8> = (0..200u8)
        .map(|i| if i % 3 == 0 { b'a' } else { 0x01 })
        .collect();
    assert!(matches!(
        decode("x.txt", &bytes),
        Err(TextError::Binary { .. })
    ));
}

#[test]
fn a_stray_control_byte_in_prose_is_not_binary() {
    let mut text = "word ".repeat(100).into_bytes();
    text.push(0x1b);
    assert!(decode("x.txt", &text).is_ok());
}

#[test]
fn markdown_is_kept_as_written() {
    let a = decode("a.md", b"# Headline\n\nBody *text*.\n").expect("decodes");
    assert_eq!(a.format, SourceFormat::Markdown);
    assert_eq!(a.text, "# Headline\n\nBody *text*.\n");
}

#[test]
fn html_is_converted_to_visible_text() {
    let html = b"<!doctype html><html><head><title>Site | Story</title></head>\
                 <body><h1>Trust &amp; council</h1><p>Body   text.</p>\
                 <footer>The Gazette</footer></body></html>";
    let a = decode("story.HTML", html).expect("decodes");
    assert_eq!(a.format, SourceFormat::Html);
    assert_eq!(a.text, "Trust & council\n\nBody text.\n\nThe Gazette\n");
    assert_eq!(a.chars, a.text.chars().count());
    assert_eq!(a.sha256, text_sha256(&a.text));
}

#[test]
fn html_without_visible_text_is_refused() {
    let err = decode(
        "a.htm",
        b"<html><head><title>T</title></head><body> </body></html>",
    )
    .expect_err("no text");
    assert!(matches!(err, TextError::NoVisibleText { .. }), "{err}");
}

#[test]
fn windows_1252_html_is_decoded_before_conversion() {
    let a = decode("a.html", b"<p>\x93Quoted\x94</p>").expect("decodes");
    assert_eq!(a.text, "\u{201c}Quoted\u{201d}\n");
    assert_eq!(a.notices.len(), 1);
}

#[test]
fn sha256_matches_a_known_digest() {
    assert_eq!(
        text_sha256("abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

#[test]
fn load_reads_a_regular_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.txt");
    std::fs::write(&path, "Hello\n").expect("write");
    let a = load_article(&path, &LoadOptions::default()).expect("loads");
    assert_eq!(a.text, "Hello\n");
    assert_eq!(a.path, path);
}

#[test]
fn load_refuses_a_file_over_the_cap_and_says_how_to_raise_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.txt");
    std::fs::write(&path, "x".repeat(100)).expect("write");
    let err = load_article(&path, &LoadOptions { max_bytes: 99 }).expect_err("too large");
    assert!(matches!(
        err,
        TextError::TooLarge {
            size: 100,
            max: 99,
            ..
        }
    ));
    let message = err.to_string();
    assert!(
        message.contains("big.txt") && message.contains("--max-size"),
        "{message}"
    );
    assert!(load_article(&path, &LoadOptions { max_bytes: 100 }).is_ok());
}

#[test]
fn load_refuses_a_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let err = load_article(dir.path(), &LoadOptions::default()).expect_err("folder");
    assert!(
        matches!(
            err,
            TextError::NotAFile {
                kind: "a folder",
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn load_names_a_missing_file() {
    let err =
        load_article(Path::new("/no/such/file.txt"), &LoadOptions::default()).expect_err("missing");
    assert!(err.to_string().contains("/no/such/file.txt"), "{err}");
    assert_eq!(err.path(), Path::new("/no/such/file.txt"));
}

#[cfg(unix)]
#[test]
fn load_refuses_a_fifo_without_blocking_on_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("pipe.txt");
    let status = std::process::Command::new("mkfifo").arg(&path).status();
    assert!(
        matches!(status, Ok(s) if s.success()),
        "this test needs mkfifo (install coreutils): {status:?}"
    );
    // Opening a FIFO with no writer blocks forever unless it is opened
    // without blocking, so reaching the assertion at all shows it was.
    let err = load_article(&path, &LoadOptions::default()).expect_err("fifo");
    assert!(
        matches!(err, TextError::NotAFile { kind: "a FIFO", .. }),
        "{err}"
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn decoding_never_panics_and_counts_what_it_returns(
            bytes in proptest::collection::vec(any::<u8>(), 0..400),
            html in any::<bool>(),
        ) {
            let name = if html { "a.html" } else { "a.txt" };
            if let Ok(article) = decode_article(Path::new(name), &bytes) {
                prop_assert_eq!(article.chars, article.text.chars().count());
                prop_assert_eq!(&article.sha256, &text_sha256(&article.text));
                prop_assert!(!article.text.trim().is_empty());
            }
        }

        #[test]
        fn pdf_word_and_rtf_decoding_never_panics_on_damaged_bytes(
            body in proptest::collection::vec(any::<u8>(), 0..400),
            kind in 0..3usize,
        ) {
            let heads: [(&str, &[u8]); 3] = [
                ("a.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"),
                ("a.docx", b"PK\x03\x04\x14\x00\x00\x00\x08\x00"),
                ("a.rtf", b"{\\rtf1\\ansi "),
            ];
            let (name, head) = heads[kind];
            let mut bytes = head.to_vec();
            bytes.extend(body);
            if let Ok(article) = decode_article(Path::new(name), &bytes) {
                prop_assert_eq!(article.chars, article.text.chars().count());
                prop_assert!(!article.text.trim().is_empty());
            }
        }

        #[test]
        fn plain_utf8_prose_is_kept_exactly(text in "[a-zA-Z£’é .,\r\n]{0,200}[a-z]") {
            let article = decode_article(Path::new("a.txt"), text.as_bytes())
                .expect("prose decodes");
            prop_assert_eq!(article.text, text);
            prop_assert!(article.notices.is_empty());
        }

        #[test]
        fn html_text_has_no_runs_of_spaces_or_triple_newlines(
            words in proptest::collection::vec("[a-z]{1,8}", 1..30),
            tags in proptest::collection::vec(
                prop_oneof![Just("<p>"), Just("</p>"), Just("<br>"), Just(" "), Just("\n"),
                            Just("<div>"), Just("</div>"), Just("<b>"), Just("</b>")],
                1..30,
            ),
        ) {
            let mut html = String::new();
            for (i, word) in words.iter().enumerate() {
                html.push_str(tags[i % tags.len()]);
                html.push_str(word);
                html.push(' ');
            }
            let text = html_to_text(&html);
            prop_assert!(!text.contains("  "), "{:?}", text);
            prop_assert!(!text.contains("\n\n\n"), "{:?}", text);
            prop_assert!(!text.starts_with(char::is_whitespace), "{:?}", text);
            for word in &words {
                prop_assert!(text.contains(word.as_str()));
            }
        }
    }
}
