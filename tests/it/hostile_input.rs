//! The command line's `extract` and the app's loader over a corpus of
//! hostile and awkward files (`hostile/mod.rs`): every case gives a message
//! naming its file, nothing panics or hangs, the exit code says that
//! something failed, and every sidecar that existed is byte-identical
//! afterwards.

use crate::hostile::{Corpus, Expect, SidecarProblem};
use ofsted_curator::app::worker::{WorkerMsg, Workers};
use ofsted_curator::app::workspace::DocState;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::mpsc::channel;
use std::time::Duration;

/// Far more than either run needs; only a hang gets near it.
const TIMEOUT: Duration = Duration::from_secs(120);

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs the binary with `args`, killing it and failing if it hangs.
fn run_with_timeout(args: &[&std::ffi::OsStr]) -> Run {
    let child = Command::new(env!("CARGO_BIN_EXE_ofsted-curator"))
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let id = child.id();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(TIMEOUT) {
        Ok(output) => {
            let output = output.expect("the binary runs");
            Run {
                code: output.status.code(),
                stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
                stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            }
        }
        Err(_) => {
            let _ = Command::new("kill").arg("-9").arg(id.to_string()).status();
            panic!("extract did not finish within {TIMEOUT:?}: it hangs on some file");
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Some line of `lines` names `path` and says `what`.
fn assert_told(lines: &[String], path: &Path, what: &str, context: &str) {
    let name = file_name(path);
    assert!(
        lines.iter().any(|l| l.contains(&name) && l.contains(what)),
        "{context}: no message names {name} and says {what:?}; messages:\n{}",
        lines.join("\n")
    );
}

fn assert_unchanged(before: &BTreeMap<PathBuf, Vec<u8>>, when: &str) {
    for (path, bytes) in before {
        let now = std::fs::read(path).unwrap_or_default();
        assert!(
            &now == bytes,
            "{when}: {} changed (or vanished)",
            path.display()
        );
    }
}

#[test]
fn extract_names_every_bad_file_fails_the_run_and_keeps_every_sidecar() {
    let corpus = Corpus::generate();
    let before = corpus.existing_sidecars();
    let run = run_with_timeout(&[
        "extract".as_ref(),
        corpus.root.as_os_str(),
        "--jobs".as_ref(),
        "2".as_ref(),
        // Every kept record named, not only counted.
        "--verbose".as_ref(),
    ]);
    let lines: Vec<String> = run.stderr.lines().map(str::to_string).collect();
    assert_eq!(
        run.code,
        Some(1),
        "something failed, so exit 1\n{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(run.stdout.contains("failed"), "{}", run.stdout);

    for case in &corpus.articles {
        let name = file_name(&case.path);
        match &case.expect {
            Expect::Refused(what) => assert_told(&lines, &case.path, what, "extract"),
            Expect::Loads(notice) => {
                assert!(
                    !lines
                        .iter()
                        .any(|l| l.starts_with("error:") && l.contains(&name)),
                    "{name} should load:\n{}",
                    run.stderr
                );
                if let Some(what) = notice {
                    assert_told(&lines, &case.path, what, "extract");
                }
            }
        }
    }
    for (path, what) in &corpus.reported {
        assert_told(&lines, path, what, "extract");
    }
    for case in &corpus.sidecars {
        let what = if case.problem.is_unreadable() {
            "not a record this version can read"
        } else {
            "skipped"
        };
        assert_told(&lines, &case.sidecar, what, "extract");
    }
    assert_unchanged(&before, "after extract");
    // The many-files folder: every article got its record.
    let many = std::fs::read_dir(&corpus.many)
        .expect("list")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".curation.json"))
        })
        .count();
    assert_eq!(many, corpus.many_count);

    // Asked to overwrite: a curated record and one this version cannot
    // read are still kept byte for byte.
    let run = run_with_timeout(&[
        "extract".as_ref(),
        corpus.root.as_os_str(),
        "--overwrite".as_ref(),
        "--jobs".as_ref(),
        "2".as_ref(),
    ]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let protected: BTreeMap<PathBuf, Vec<u8>> = corpus
        .sidecars
        .iter()
        .filter(|c| c.problem.is_unreadable() || c.problem == SidecarProblem::Curated)
        .filter_map(|c| before.get_key_value(&c.sidecar))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    assert_eq!(protected.len(), 4);
    assert_unchanged(&protected, "after extract --overwrite");
    // A record that does not fit its article may be replaced when asked,
    // but the old one is kept as .bak.
    for case in &corpus.sidecars {
        if matches!(
            case.problem,
            SidecarProblem::SpanOutOfBounds
                | SidecarProblem::ByteOffsets
                | SidecarProblem::WrongHash
                | SidecarProblem::ForeignPath
        ) {
            let bak = ofsted_curator::store::backup_path(&case.sidecar);
            assert_eq!(
                std::fs::read(&bak).ok().as_ref(),
                before.get(&case.sidecar),
                "{:?}: the replaced record is kept as .bak",
                case.problem
            );
        }
    }
}

/// Runs the app's folder loader (the worker the app uses) to the end.
fn load_with_app_worker(root: &Path) -> (Vec<String>, BTreeMap<PathBuf, DocState>) {
    let (tx, rx) = channel();
    let root = root.to_path_buf();
    std::thread::spawn(move || {
        let mut workers = Workers::new(Arc::new(|| {}));
        let job = workers.open(vec![root]);
        let mut errors = Vec::new();
        let mut paths = Vec::new();
        let mut states = BTreeMap::new();
        while let Ok(msg) = workers.rx.recv() {
            match msg {
                WorkerMsg::Discovered {
                    job: j,
                    paths: p,
                    errors: e,
                } if j == job => {
                    paths = p;
                    errors = e;
                }
                WorkerMsg::Loaded { job: j, batch } if j == job => {
                    for (i, state) in batch {
                        if let Some(p) = paths.get(i) {
                            states.insert(p.clone(), state);
                        }
                    }
                }
                WorkerMsg::Finished { job: j } if j == job => break,
                _ => {}
            }
        }
        let _ = tx.send((errors, states));
    });
    rx.recv_timeout(TIMEOUT)
        .expect("the app's loader finished without hanging or panicking")
}

/// Every message the app would show about a document.
fn doc_messages(state: &DocState) -> Vec<String> {
    match state {
        DocState::Loading => vec!["still loading".to_string()],
        DocState::Parked(_) => vec!["parked, not open".to_string()],
        DocState::Failed(e) => vec![e.clone()],
        DocState::Ready(doc) => {
            let mut m = doc.notices.clone();
            m.extend(doc.read_only.clone());
            m
        }
    }
}

#[test]
fn the_app_loader_names_every_bad_file_and_opens_bad_records_read_only() {
    let corpus = Corpus::generate();
    let before = corpus.record_files();
    let (errors, states) = load_with_app_worker(&corpus.root);
    let mut all: Vec<String> = errors.clone();
    all.extend(states.values().flat_map(doc_messages));

    for case in &corpus.articles {
        match &case.expect {
            Expect::Refused(what) => assert_told(&all, &case.path, what, "app"),
            Expect::Loads(notice) => {
                let state = states.get(&case.path);
                assert!(
                    matches!(state, Some(DocState::Ready(_))),
                    "{} should open: {:?}",
                    case.path.display(),
                    state.map(doc_messages)
                );
                if let Some(what) = notice {
                    assert_told(&all, &case.path, what, "app");
                }
            }
        }
    }
    for (path, what) in &corpus.reported {
        assert_told(&errors, path, what, "app");
    }
    for case in &corpus.sidecars {
        let Some(DocState::Ready(doc)) = states.get(&case.article) else {
            panic!("{} did not open", case.article.display());
        };
        let messages = doc_messages(&states[&case.article]);
        match case.problem {
            SidecarProblem::Curated => {
                assert!(doc.read_only.is_none(), "{messages:?}");
                assert_eq!(
                    doc.record.curator.as_deref(),
                    Some("A Person"),
                    "the curated record is shown, not a fresh extraction"
                );
            }
            SidecarProblem::UnknownFields | SidecarProblem::WrongHash => {
                assert!(doc.read_only.is_none(), "{messages:?}");
                assert_told(&messages, &case.sidecar, case.problem.app_message(), "app");
            }
            _ => {
                let banner = doc.read_only.clone().unwrap_or_default();
                assert!(
                    banner.contains(&file_name(&case.sidecar))
                        && banner.contains(case.problem.app_message()),
                    "{:?} opens read-only with a banner naming the file: {messages:?}",
                    case.problem
                );
            }
        }
    }
    assert_eq!(
        corpus.record_files(),
        before,
        "loading changes no record file"
    );
}
