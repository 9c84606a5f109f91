//! `ofsted-curator extract` end to end, on temporary folders.

use crate::common::*;
use ofsted_curator::model::{FORMAT, Origin, Person, Record, Status};
use ofsted_curator::store::{read_record, save_record_atomically};
use ofsted_curator::text::{LoadOptions, load_article, text_sha256};
use std::path::Path;

fn read_bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("read file")
}

/// Extracts `article` once and returns its sidecar's path.
fn extract_once(article: &Path) -> std::path::PathBuf {
    let run = run([article]);
    assert_eq!(run.code, Some(0), "{run:?}");
    sidecar_of(article)
}

fn run<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut all: Vec<std::ffi::OsString> = vec!["extract".into()];
    all.extend(args.into_iter().map(|a| a.as_ref().to_owned()));
    crate::common::run(all)
}

#[test]
fn a_folder_gets_sidecars_that_parse_and_name_their_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(dir.path(), "a.txt", INSPECTION_ARTICLE);
    let b = write(dir.path(), "sub/b.md", MONITORING_ARTICLE);
    let c = write(
        dir.path(),
        "c.html",
        "<html><head><title>Site</title></head><body><h1>Kent rated inadequate</h1>\
         <p>Ofsted rated Kent County Council&rsquo;s children&rsquo;s services \
         inadequate after a full inspection in March 2019.</p></body></html>",
    );
    let run = run([dir.path()]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stdout.trim(),
        "3 written, 0 skipped, 0 failed",
        "{run:?}"
    );
    for article in [&a, &b, &c] {
        let record = read_record(&sidecar_of(article)).expect("sidecar parses");
        let text = load_article(article, &LoadOptions::default())
            .expect("loads")
            .text;
        assert_eq!(record.format, FORMAT);
        let name = article.file_name().expect("name").to_string_lossy();
        assert_eq!(record.source.path, name);
        assert_eq!(record.source.text_sha256, text_sha256(&text));
        assert_eq!(record.source.chars, text.chars().count());
        assert!(record.curator.is_none());
    }
}

#[test]
fn out_writes_into_a_new_folder_and_nothing_beside_the_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    let articles = dir.path().join("articles");
    let a = write(&articles, "a.txt", INSPECTION_ARTICLE);
    let out = dir.path().join("records/nested");
    let run = run([articles.as_os_str(), "--out".as_ref(), out.as_os_str()]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let record = read_record(&out.join("a.txt.curation.json")).expect("parses");
    assert_eq!(record.source.path, "a.txt");
    assert!(!sidecar_of(&a).exists());
}

#[test]
fn out_refuses_two_articles_that_would_share_a_record() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "in/one/x.txt", INSPECTION_ARTICLE);
    write(dir.path(), "in/two/x.txt", MONITORING_ARTICLE);
    let out = dir.path().join("out");
    let run = run([
        dir.path().join("in").as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stderr.contains("two/x.txt"), "{run:?}");
    assert_eq!(run.stdout.trim(), "1 written, 0 skipped, 1 failed");
}

#[test]
fn an_existing_record_is_kept_byte_for_byte_unless_overwrite_is_given() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = write(dir.path(), "a.txt", INSPECTION_ARTICLE);
    let sidecar = extract_once(&article);
    // Mark the machine record so that a replacement is visible even within
    // the same second.
    let mut record = read_record(&sidecar).expect("parses");
    assert!(
        !record.is_curated(),
        "the test article must not look curated"
    );
    record.updated = "2000-01-01T00:00:00Z".into();
    save_record_atomically(&sidecar, &record).expect("save");
    let before = read_bytes(&sidecar);

    let kept = run([&article]);
    assert_eq!(kept.code, Some(0), "{kept:?}");
    assert_eq!(kept.stdout.trim(), "0 written, 1 skipped, 0 failed");
    assert!(
        kept.stderr.contains("a.txt.curation.json") && kept.stderr.contains("--overwrite"),
        "{kept:?}"
    );
    assert_eq!(read_bytes(&sidecar), before);

    let replaced = run([article.as_os_str(), "--overwrite".as_ref()]);
    assert_eq!(replaced.code, Some(0), "{replaced:?}");
    assert_eq!(replaced.stdout.trim(), "1 written, 0 skipped, 0 failed");
    assert_ne!(
        read_record(&sidecar).expect("parses").updated,
        "2000-01-01T00:00:00Z"
    );
    // A machine record this version wrote itself holds nothing to keep.
    assert!(!dir.path().join("a.txt.curation.json.bak").exists());
}

#[test]
fn a_curated_record_survives_overwrite_and_is_backed_up_when_forced() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = write(dir.path(), "a.txt", INSPECTION_ARTICLE);
    let sidecar = extract_once(&article);
    let mut record = read_record(&sidecar).expect("parses");
    record.status = Status::Reviewed;
    record.curator = Some("A Curator".into());
    save_record_atomically(&sidecar, &record).expect("save");
    let curated = read_bytes(&sidecar);

    let kept = run([article.as_os_str(), "--overwrite".as_ref()]);
    assert_eq!(kept.code, Some(0), "{kept:?}");
    assert!(kept.stderr.contains("curated"), "{kept:?}");
    assert_eq!(read_bytes(&sidecar), curated);

    let forced = run([
        article.as_os_str(),
        "--overwrite".as_ref(),
        "--force".as_ref(),
    ]);
    assert_eq!(forced.code, Some(0), "{forced:?}");
    assert_eq!(forced.stdout.trim(), "1 written, 0 skipped, 0 failed");
    let backup = dir.path().join("a.txt.curation.json.bak");
    assert_eq!(read_bytes(&backup), curated);
    let now = read_record(&sidecar).expect("parses");
    assert!(now.curator.is_none());
    assert_ne!(now.status, Status::Reviewed);
}

/// One sign that a person has worked on a record, as `Record::is_curated`
/// lists them, made on a machine record.
type Sign = (&'static str, fn(&mut Record));

const SIGNS_OF_A_PERSONS_WORK: [Sign; 6] = [
    ("status reviewed", |r| r.status = Status::Reviewed),
    ("status in progress", |r| r.status = Status::InProgress),
    ("a curator", |r| r.curator = Some("A Curator".into())),
    ("notes", |r| {
        r.notes = "Check the date with the council.".into()
    }),
    ("an edited value", |r| {
        let headline = r.article.headline.as_mut().expect("a headline");
        headline.value = "Kent's children's services judged inadequate".into();
        headline.origin = Origin::Edited;
    }),
    ("an added item", |r| {
        r.people.push(Person {
            name: "Sam Example".into(),
            role: None,
            organisation: None,
            evidence: Vec::new(),
            origin: Origin::Added,
        });
    }),
];

#[test]
fn each_sign_of_a_persons_work_alone_keeps_a_record_from_overwrite() {
    for (sign, make) in SIGNS_OF_A_PERSONS_WORK {
        let dir = tempfile::tempdir().expect("tempdir");
        let article = write(dir.path(), "a.txt", INSPECTION_ARTICLE);
        let sidecar = extract_once(&article);
        let mut record = read_record(&sidecar).expect("parses");
        assert!(!record.is_curated(), "the machine record is not curated");
        make(&mut record);
        save_record_atomically(&sidecar, &record).expect("save");
        let worked_on = read_bytes(&sidecar);

        let run = run([article.as_os_str(), "--overwrite".as_ref()]);
        assert_eq!(run.code, Some(0), "{sign}: {run:?}");
        assert_eq!(
            run.stdout.trim(),
            "0 written, 1 skipped, 0 failed",
            "{sign}: {run:?}"
        );
        assert!(
            run.stderr.contains("a.txt.curation.json") && run.stderr.contains("curated"),
            "{sign}: {run:?}"
        );
        assert_eq!(
            read_bytes(&sidecar),
            worked_on,
            "{sign}: the record changed"
        );
    }
}

#[test]
fn an_off_topic_status_alone_is_the_extractors_and_overwrite_replaces_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = write(dir.path(), "a.txt", INSPECTION_ARTICLE);
    let sidecar = extract_once(&article);
    let mut record = read_record(&sidecar).expect("parses");
    record.status = Status::OffTopic;
    save_record_atomically(&sidecar, &record).expect("save");

    let run = run([article.as_os_str(), "--overwrite".as_ref()]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stdout.trim(),
        "1 written, 0 skipped, 0 failed",
        "{run:?}"
    );
    assert_eq!(
        read_record(&sidecar).expect("parses").status,
        Status::Unreviewed
    );
}

#[test]
fn unreadable_and_unknown_version_records_are_never_touched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(dir.path(), "a.txt", INSPECTION_ARTICLE);
    let b = write(dir.path(), "b.txt", MONITORING_ARTICLE);
    let broken = write(
        dir.path(),
        "a.txt.curation.json",
        "{ \"format\": \"ofsted-art",
    );
    let sidecar_b = extract_once(&b);
    let future = std::fs::read_to_string(&sidecar_b)
        .expect("read")
        .replace("ofsted-article/1", "ofsted-article/9");
    std::fs::write(&sidecar_b, &future).expect("write");
    let broken_before = read_bytes(&broken);

    let run = run([
        a.as_os_str(),
        b.as_os_str(),
        "--overwrite".as_ref(),
        "--force".as_ref(),
    ]);
    assert_eq!(
        run.stdout.trim(),
        "0 written, 2 skipped, 0 failed",
        "{run:?}"
    );
    assert!(run.stderr.contains("a.txt.curation.json"), "{run:?}");
    assert!(run.stderr.contains("ofsted-article/9"), "{run:?}");
    assert_eq!(read_bytes(&broken), broken_before);
    assert_eq!(std::fs::read_to_string(&sidecar_b).expect("read"), future);
    assert!(!dir.path().join("a.txt.curation.json.bak").exists());
    assert!(!dir.path().join("b.txt.curation.json.bak").exists());
}

#[test]
fn files_that_cannot_be_read_are_named_and_fail_the_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = write(dir.path(), "good.txt", INSPECTION_ARTICLE);
    write(dir.path(), "empty.txt", "");
    write(dir.path(), "blank.md", "  \n\n");
    write(
        dir.path(),
        "photo.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x01\x00",
    );
    let mut expected_failures = 3;
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("dangling.txt"))
            .expect("symlink");
        make_fifo(&dir.path().join("pipe.txt"));
        expected_failures += 2;
    }
    let run = run([dir.path()]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(
        run.stdout.trim(),
        format!("1 written, 0 skipped, {expected_failures} failed"),
        "{run:?}"
    );
    for name in ["empty.txt", "blank.md", "photo.txt"] {
        assert!(
            run.stderr
                .lines()
                .any(|l| l.starts_with("error: ") && l.contains(name)),
            "{name} not reported: {run:?}"
        );
    }
    #[cfg(unix)]
    assert!(run.stderr.contains("dangling.txt"), "{run:?}");
    assert!(run.stderr.contains("binary"), "{run:?}");
    assert!(sidecar_of(&good).exists());
    assert!(!dir.path().join("empty.txt.curation.json").exists());
}

#[test]
fn a_file_over_the_size_limit_says_how_to_raise_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = write(dir.path(), "a.txt", INSPECTION_ARTICLE);
    let small = run([article.as_os_str(), "--max-size".as_ref(), "100".as_ref()]);
    assert_eq!(small.code, Some(1), "{small:?}");
    assert!(
        small.stderr.contains("a.txt") && small.stderr.contains("--max-size"),
        "{small:?}"
    );
    let raised = run([article.as_os_str(), "--max-size".as_ref(), "1M".as_ref()]);
    assert_eq!(raised.code, Some(0), "{raised:?}");
}

#[test]
fn a_windows_1252_article_is_extracted_with_a_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut bytes = b"Kent County Council\x92s children\x92s services were rated \
                      inadequate by Ofsted after a full inspection in March 2019.\n"
        .to_vec();
    bytes.extend_from_slice(b"The council said it would invest \xA32m.\n");
    let article = write(dir.path(), "old.txt", bytes);
    let run = run([&article]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stderr.contains("warning:")
            && run.stderr.contains("old.txt")
            && run.stderr.contains("Windows-1252"),
        "{run:?}"
    );
    let record = read_record(&sidecar_of(&article)).expect("parses");
    let decoded = "Kent County Council\u{2019}s children\u{2019}s services were rated \
                   inadequate by Ofsted after a full inspection in March 2019.\n\
                   The council said it would invest £2m.\n";
    assert_eq!(record.source.text_sha256, text_sha256(decoded));
    assert_eq!(record.source.chars, decoded.chars().count());
}

#[test]
fn jsonl_has_one_parseable_record_per_article() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "in/a.txt", INSPECTION_ARTICLE);
    write(dir.path(), "in/b.txt", MONITORING_ARTICLE);
    let jsonl = dir.path().join("all.jsonl");
    let run = run([
        dir.path().join("in").as_os_str(),
        "--jsonl".as_ref(),
        jsonl.as_os_str(),
        "--jobs".as_ref(),
        "1".as_ref(),
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let text = std::fs::read_to_string(&jsonl).expect("jsonl written");
    let paths: Vec<String> = text
        .lines()
        .map(|line| {
            let record: ofsted_curator::model::Record =
                serde_json::from_str(line).expect("line parses");
            record.source.path
        })
        .collect();
    assert_eq!(paths, vec!["a.txt", "b.txt"]);
}

#[test]
fn a_missing_path_fails_and_no_path_is_a_usage_error() {
    let missing = run(["/no/such/folder"]);
    assert_eq!(missing.code, Some(1), "{missing:?}");
    assert!(missing.stderr.contains("/no/such/folder"), "{missing:?}");
    let usage = run(Vec::<String>::new());
    assert_eq!(usage.code, Some(2), "{usage:?}");
}

#[test]
fn help_describes_the_protection_options() {
    let help = run(["--help"]);
    assert_eq!(help.code, Some(0), "{help:?}");
    for option in [
        "--out",
        "--overwrite",
        "--force",
        "--jobs",
        "--jsonl",
        "--max-size",
    ] {
        assert!(help.stdout.contains(option), "{option} missing: {help:?}");
    }
}

#[test]
fn overwriting_a_record_with_fields_this_version_does_not_know_keeps_it_as_bak() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = write(dir.path(), "a.txt", INSPECTION_ARTICLE);
    let sidecar = extract_once(&article);
    let json = String::from_utf8(read_bytes(&sidecar)).expect("utf-8 record");
    let with_extra = json.replacen(
        "  \"notes\": \"\"",
        "  \"notes\": \"\",\n  \"reviewer_flags\": [\"check the date\"]",
        1,
    );
    assert_ne!(with_extra, json, "the record ends with its notes");
    std::fs::write(&sidecar, &with_extra).expect("write record");

    let replaced = run([article.as_os_str(), "--overwrite".as_ref()]);
    assert_eq!(replaced.code, Some(0), "{replaced:?}");
    assert_eq!(replaced.stdout.trim(), "1 written, 0 skipped, 0 failed");
    let backup = dir.path().join("a.txt.curation.json.bak");
    assert_eq!(read_bytes(&backup), with_extra.as_bytes());
    assert!(replaced.stderr.contains(".bak"), "{replaced:?}");
    assert!(
        !read_bytes(&sidecar)
            .windows(14)
            .any(|w| w == b"reviewer_flags")
    );
}

/// Re-running over a folder meets a record for every article: one line says
/// so, and --verbose names each.
#[test]
fn a_rerun_says_in_one_line_that_records_exist_and_verbose_lists_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["a.txt", "b.txt", "c.txt"] {
        write(dir.path(), name, INSPECTION_ARTICLE);
    }
    let first = run([dir.path()]);
    assert_eq!(first.stdout.trim(), "3 written, 0 skipped, 0 failed");

    let again = run([dir.path()]);
    assert_eq!(again.stdout.trim(), "0 written, 3 skipped, 0 failed");
    let lines: Vec<&str> = again.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{again:?}");
    assert!(lines[0].contains("3 existing records"), "{again:?}");
    assert!(lines[0].contains("--overwrite"), "{again:?}");

    let verbose = run([dir.path(), "--verbose".as_ref()]);
    for name in ["a.txt", "b.txt", "c.txt"] {
        let record = format!("{name}.curation.json");
        assert!(verbose.stderr.contains(&record), "{verbose:?}");
    }
    assert_eq!(verbose.stderr.lines().count(), 3, "{verbose:?}");
}
