//! `extract` writing in batches: killed at any moment it leaves every
//! record whole, a later run (or the app) removes the temporary files the
//! killed one left, and an article that makes the extractor panic fails
//! alone, named, in the command line and in the app's loader.

use crate::common::{INSPECTION_ARTICLE, sidecar_of, write};
use ofsted_curator::app::worker::{WorkerMsg, Workers};
use ofsted_curator::app::workspace::DocState;
use ofsted_curator::extract::extract_record;
use ofsted_curator::model::Record;
use ofsted_curator::pipeline::PANIC_ON_VAR;
use ofsted_curator::store::{read_record, record_changes};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// An article of our own, different for each `i`, so that each record is
/// its own.
fn article(i: usize) -> String {
    format!(
        "{INSPECTION_ARTICLE}\nThe council's cabinet will discuss the report, number {i}, \
         at its meeting next month.\n"
    )
}

/// Writes `count` articles into `dir` and returns them with the record
/// the extractor makes of each.
fn articles(dir: &Path, count: usize) -> Vec<(PathBuf, Record)> {
    (0..count)
        .map(|i| {
            let name = format!("article-{i:04}.txt");
            let text = article(i);
            let path = write(dir, &name, &text);
            (path, extract_record(&text, &name))
        })
        .collect()
}

fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("list the folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n.ends_with(".tmp"))
        .collect()
}

/// Every record in the folder is whole and is the record of its article;
/// returns how many there are.
fn check_records(articles: &[(PathBuf, Record)], when: &str) -> usize {
    let mut present = 0;
    for (article, expected) in articles {
        let sidecar = sidecar_of(article);
        if !sidecar.exists() {
            continue;
        }
        present += 1;
        let record = read_record(&sidecar)
            .unwrap_or_else(|e| panic!("{when}: {} is not a whole record: {e}", sidecar.display()));
        let changes = record_changes(expected, &record);
        assert!(
            changes.is_empty(),
            "{when}: {} is not its article's record: {:?}",
            sidecar.display(),
            changes.iter().take(3).collect::<Vec<_>>()
        );
    }
    present
}

/// A small xorshift generator, so that kill times vary without a crate.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

#[cfg(unix)]
#[test]
fn extract_killed_mid_batch_leaves_every_record_whole_and_a_later_run_removes_its_litter() {
    const COUNT: usize = 400;
    let dir = tempfile::tempdir().expect("tempdir");
    let articles = articles(dir.path(), COUNT);
    let exe = env!("CARGO_BIN_EXE_ofsted-curator");
    let extract = |args: &[&str]| {
        let mut command = Command::new(exe);
        command
            .arg("extract")
            .arg(dir.path())
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        command
    };

    // How long an undisturbed run takes, so that kills land inside one.
    let started = Instant::now();
    let first = extract(&[]).output().expect("extract runs");
    let full_run = started.elapsed();
    assert!(first.status.success(), "{first:?}");
    assert_eq!(check_records(&articles, "after a whole run"), COUNT);

    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    let mut rng = Rng(seed);
    let (mut kills, mut mid_batch, mut part_written) = (0, 0, 0);
    let deadline = Instant::now() + Duration::from_secs(40);
    while kills < 20 && Instant::now() < deadline {
        // Half the records gone: the run writes new ones and replaces the
        // rest, both at once.
        for (article, _) in &articles {
            if rng.below(2) == 0 {
                let _ = std::fs::remove_file(sidecar_of(article));
            }
        }
        let before = check_records(&articles, "before the run");
        let mut child = extract(&["--overwrite"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("extract starts");
        let wait = rng.below(full_run.as_micros() as u64 + 1);
        std::thread::sleep(Duration::from_micros(wait));
        let _ = child.kill();
        child.wait().expect("reap");
        kills += 1;

        let when = format!("kill {kills} after {wait} µs");
        if !temp_files(dir.path()).is_empty() {
            mid_batch += 1;
        }
        let after = check_records(&articles, &when);
        if after > before && after < COUNT {
            part_written += 1;
        }
    }
    eprintln!(
        "{kills} kills: {mid_batch} with records staged but not yet renamed, \
         {part_written} with only part of the records written"
    );
    assert!(kills >= 10, "only {kills} kills in the time allowed");
    assert!(
        mid_batch > 0,
        "no kill landed between staging a batch and renaming it, so the test proved nothing"
    );

    // A later run removes what the killed ones left and writes every record.
    let last = extract(&["--overwrite"]).output().expect("extract runs");
    let stdout = String::from_utf8_lossy(&last.stdout);
    assert!(last.status.success(), "{last:?}");
    assert_eq!(
        stdout.trim(),
        format!("{COUNT} written, 0 skipped, 0 failed")
    );
    assert_eq!(temp_files(dir.path()), Vec::<String>::new(), "litter left");
    assert_eq!(check_records(&articles, "after the last run"), COUNT);
}

/// Only debug builds can be made to panic on an article: a release build of
/// the tests fails here, with the reason, instead of passing unchecked.
fn require_debug_build() {
    if !cfg!(debug_assertions) {
        panic!(
            "this test needs a debug build: only debug builds can be made to panic on an article"
        );
    }
}

/// Runs `extract` with `args` on `dir`, the extractor made to panic on
/// `article-0001.txt`; checks that the run fails, that the error names the
/// file, and that the panic is told only there. Returns the summary line.
fn extract_panicking_on_the_second(dir: &Path, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_ofsted-curator"))
        .arg("extract")
        .args(args)
        .arg(dir)
        .env(PANIC_ON_VAR, "article-0001.txt")
        .output()
        .expect("extract runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(
        stderr.lines().any(|l| l.starts_with("error: ")
            && l.contains("article-0001.txt")
            && l.contains("extractor failed")),
        "{stderr}"
    );
    assert!(
        !stderr.contains("panicked at"),
        "the panic is told once, in the error: {stderr}"
    );
    stdout.trim().to_string()
}

#[test]
fn an_article_that_makes_the_extractor_panic_fails_alone_naming_its_file() {
    require_debug_build();
    let dir = tempfile::tempdir().expect("tempdir");
    let articles = articles(dir.path(), 3);
    let summary = extract_panicking_on_the_second(dir.path(), &[]);
    assert_eq!(summary, "2 written, 0 skipped, 1 failed");
    assert!(!sidecar_of(&articles[1].0).exists());
    assert_eq!(check_records(&articles, "after the run"), 2);
}

#[test]
fn an_update_that_makes_the_extractor_panic_fails_alone_naming_its_file() {
    require_debug_build();
    let dir = tempfile::tempdir().expect("tempdir");
    let articles = articles(dir.path(), 3);
    let first = Command::new(env!("CARGO_BIN_EXE_ofsted-curator"))
        .arg("extract")
        .arg(dir.path())
        .output()
        .expect("extract runs");
    assert!(first.status.success(), "{first:?}");
    extract_panicking_on_the_second(dir.path(), &["--update"]);
    assert_eq!(check_records(&articles, "after the update"), 3);
}

/// Runs the app's loader on `root` to the end; returns its errors and the
/// state of each article.
fn load_with_app_worker(root: &Path) -> (Vec<String>, Vec<(PathBuf, DocState)>) {
    let mut workers = Workers::new(Arc::new(|| {}));
    let job = workers.open(vec![root.to_path_buf()]);
    let deadline = Instant::now() + Duration::from_secs(60);
    let (mut errors, mut paths, mut states) = (Vec::new(), Vec::new(), Vec::new());
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match workers.rx.recv_timeout(left) {
            Ok(WorkerMsg::Discovered {
                job: j,
                paths: p,
                errors: e,
            }) if j == job => {
                paths = p;
                errors = e;
            }
            Ok(WorkerMsg::Loaded { job: j, batch }) if j == job => {
                for (i, state) in batch {
                    states.push((paths[i].clone(), state));
                }
            }
            Ok(WorkerMsg::Finished { job: j }) if j == job => break,
            Ok(_) => {}
            Err(e) => panic!("the app's loader did not finish: {e}"),
        }
    }
    states.sort_by(|a, b| a.0.cmp(&b.0));
    (errors, states)
}

const APP_PANIC_CHILD: &str = "extract_batches::app_loader_panic_child";
const APP_PANIC_DIR: &str = "OFSTED_CURATOR_TEST_APP_PANIC_DIR";
const CHILD_DONE: &str = "app loader child: checked";

/// The child of the next test, run with the panic asked for (the hook reads
/// the environment once, so it needs a process of its own). Does nothing in
/// an ordinary run.
#[test]
fn app_loader_panic_child() {
    let Some(dir) = std::env::var_os(APP_PANIC_DIR) else {
        return;
    };
    let (errors, states) = load_with_app_worker(Path::new(&dir));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(states.len(), 3);
    for (path, state) in &states {
        let DocState::Ready(doc) = state else {
            panic!("{} did not open: {state:?}", path.display());
        };
        let panicked = path.ends_with("article-0001.txt");
        let told = doc
            .notices
            .iter()
            .any(|n| n.contains("article-0001.txt") && n.contains("extractor failed"));
        assert_eq!(told, panicked, "{}: {:?}", path.display(), doc.notices);
        assert_eq!(doc.machine.is_none(), panicked, "{}", path.display());
        assert_eq!(doc.record.inspections.is_empty(), panicked);
    }
    eprintln!("{CHILD_DONE}");
}

#[test]
fn the_app_loader_opens_an_article_that_makes_the_extractor_panic_with_an_error_naming_it() {
    require_debug_build();
    let dir = tempfile::tempdir().expect("tempdir");
    articles(dir.path(), 3);
    let output = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            APP_PANIC_CHILD,
            "--nocapture",
            "--test-threads=1",
        ])
        .env(APP_PANIC_DIR, dir.path())
        .env(PANIC_ON_VAR, "article-0001.txt")
        .output()
        .expect("the child runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains(CHILD_DONE),
        "the child did not run {APP_PANIC_CHILD}: {stderr}"
    );
    assert!(!stderr.contains("panicked at"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn the_app_loader_removes_temporary_files_of_dead_writers_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "a.txt", INSPECTION_ARTICLE);
    let mut child = Command::new("true").spawn().expect("`true` runs");
    let dead = child.id();
    child.wait().expect("reap");
    let left = write(
        dir.path(),
        &format!(".a.txt.curation.json.{dead}.0.tmp"),
        "{ \"format\": \"ofsted-art",
    );
    let live = write(
        dir.path(),
        &format!(".b.txt.curation.json.{}.0.tmp", std::process::id()),
        "being written",
    );
    let (errors, states) = load_with_app_worker(dir.path());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(states.len(), 1);
    assert!(!left.exists(), "the dead writer's file is removed");
    assert!(live.exists(), "a live writer's file is kept");
}
