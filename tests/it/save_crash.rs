//! A save killed at any moment leaves the sidecar either the old or the new
//! complete record, never a mix, never empty.
//!
//! The test re-runs its own binary as a child (`saver_child`, which does
//! nothing unless `SAVE_CRASH_TARGET` is set) that saves two large records
//! in turn, as fast as it can, with the library's atomic save; the parent
//! kills it with SIGKILL at varied moments, many times, and reads the file
//! after each kill.

use ofsted_curator::model::{Origin, Quote, Record, Source, Span, Status};
use ofsted_curator::store::{read_record, save_record_atomically};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TARGET_VAR: &str = "SAVE_CRASH_TARGET";
const READY: &str = "saver: first save started";
/// The child's full name in the test binary, which holds every module.
const CHILD_TEST: &str = "save_crash::saver_child";

/// A record of about 250 KB, so that writing it takes a while.
fn large_record(tag: &str) -> Record {
    let mut record = Record::empty(Source {
        path: "a.txt".into(),
        text_sha256: tag.repeat(64 / tag.len().max(1)),
        chars: 1_000_000,
    });
    record.status = Status::InProgress;
    record.updated = "2026-01-01T00:00:00Z".into();
    record.notes = format!("version {tag}");
    record.quotes = (0..1500)
        .map(|i| Quote {
            speaker: Some(format!("Speaker {tag} {i}")),
            text: format!("Quote number {i} of version {tag}, with some words – “curly” é 😀"),
            evidence: vec![Span(i * 10, i * 10 + 9)],
            origin: Origin::Added,
        })
        .collect();
    record
}

/// The child: saves the two records in turn until it is killed.
#[test]
fn saver_child() {
    let Some(target) = std::env::var_os(TARGET_VAR) else {
        return; // an ordinary test run: nothing to do
    };
    let target = Path::new(&target);
    let records = [large_record("a"), large_record("b")];
    eprintln!("{READY}");
    for i in 0.. {
        let _ = save_record_atomically(target, &records[(i + 1) % 2]);
        if i > 100_000 {
            break; // never outlive a parent that forgot us
        }
    }
}

/// A small xorshift generator, so that kill times vary without a crate.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[cfg(unix)]
#[test]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_record() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("a.txt.curation.json");
    let (a, b) = (large_record("a"), large_record("b"));
    save_record_atomically(&target, &a).expect("first save");
    let exe = std::env::current_exe().expect("test binary");
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    let mut rng = Rng(seed);
    let started = Instant::now();
    let mut kills = 0;
    let (mut saw_a, mut saw_b) = (0, 0);
    while kills < 60 && started.elapsed() < Duration::from_secs(15) {
        let mut child = Command::new(&exe)
            .args(["--exact", CHILD_TEST, "--nocapture", "--test-threads=1"])
            .env(TARGET_VAR, &target)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the child starts");
        // Wait until it is saving, then let it run a varied while.
        let mut saving = false;
        if let Some(stderr) = child.stderr.take() {
            let mut lines = BufReader::new(stderr).lines();
            while let Some(Ok(line)) = lines.next() {
                if line.contains(READY) {
                    saving = true;
                    break;
                }
            }
            // Keep reading in the background so the child never blocks.
            std::thread::spawn(move || for _ in lines {});
        }
        assert!(
            saving,
            "the child never started saving: is {CHILD_TEST} the test's full name?"
        );
        std::thread::sleep(Duration::from_micros(rng.below(150_000)));
        child.kill().expect("kill");
        child.wait().expect("reap");
        kills += 1;

        let bytes = std::fs::read(&target).expect("the sidecar is still there");
        assert!(!bytes.is_empty(), "kill {kills}: the sidecar is empty");
        let record = read_record(&target)
            .unwrap_or_else(|e| panic!("kill {kills}: the sidecar is not a whole record: {e}"));
        if record == a {
            saw_a += 1;
        } else if record == b {
            saw_b += 1;
        } else {
            let diff = ofsted_curator::store::record_changes(&a, &record);
            panic!(
                "kill {kills}: the sidecar is neither the old nor the new record: {:?}",
                diff.iter().take(5).collect::<Vec<_>>()
            );
        }
    }
    assert!(kills >= 20, "only {kills} kills in the time allowed");
    assert!(
        saw_b > 0,
        "the new record was never seen: the child saved nothing before it was killed"
    );
    eprintln!("{kills} kills: old record {saw_a} times, new record {saw_b} times");
    // Whatever a kill left behind is hidden and named as temporary, so
    // discovery and people skip it.
    for entry in std::fs::read_dir(dir.path()).expect("list").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        assert!(
            name == "a.txt.curation.json" || (name.starts_with('.') && name.ends_with(".tmp")),
            "unexpected file left behind: {name}"
        );
    }
}
