//! `ofsted-curator extract` end to end on a folder of generated 5 KB
//! articles, against `cat` reading the same files: how close extraction
//! comes to the speed of the disk.
//!
//! `cargo bench --bench extract_folder` prints the best of several runs of
//! each, the articles per second and the ratio to `cat`. Set
//! `BENCH_ARTICLES` (default 2000) and `BENCH_RUNS` (default 5) to change
//! the work, `BENCH_JOBS` to pass `--jobs`, `BENCH_BIN` to time another
//! build of the binary, `BENCH_DIR` to put the generated folders somewhere
//! other than the system's temporary folder (another file system), and
//! `BENCH_STRACE=1` to count the system calls of one run with
//! `strace -c -f`.

#[path = "support/articles.rs"]
mod articles;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn env_number(name: &str, default: usize) -> usize {
    match std::env::var(name) {
        Ok(v) => v
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v:?} is not a number")),
        Err(_) => default,
    }
}

/// Removes every record (and anything else but the articles) under `dir`.
fn remove_records(dir: &Path) {
    for folder in std::fs::read_dir(dir).expect("list the corpus").flatten() {
        for entry in std::fs::read_dir(folder.path()).expect("list").flatten() {
            let name = entry.file_name();
            if !name.to_string_lossy().ends_with(".txt") {
                std::fs::remove_file(entry.path()).expect("remove a record");
            }
        }
    }
}

/// CPU time (user and system) of the children this process has waited
/// for, from `/proc/self/stat` (Linux; zero elsewhere).
fn children_cpu() -> Duration {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return Duration::ZERO;
    };
    // The fields after the command name, which is in parentheses.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    // cutime and cstime are fields 16 and 17 of the whole line.
    let ticks: u64 = [13, 14]
        .iter()
        .filter_map(|&i| fields.get(i).and_then(|f| f.parse::<u64>().ok()))
        .sum();
    // Clock ticks are 100 a second on Linux.
    Duration::from_millis(ticks * 10)
}

/// Wall time and CPU time of one run.
#[derive(Clone, Copy)]
struct Timing {
    wall: Duration,
    cpu: Duration,
}

fn time(command: Command) -> Duration {
    time_with_cpu(command).wall
}

fn time_with_cpu(mut command: Command) -> Timing {
    let cpu_before = children_cpu();
    let started = Instant::now();
    let output = command
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("the command runs");
    let wall = started.elapsed();
    assert!(
        output.status.success(),
        "{command:?} failed: {}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    Timing {
        wall,
        cpu: children_cpu().saturating_sub(cpu_before),
    }
}

/// The binary measured: this build's, or `BENCH_BIN` (to compare builds).
fn binary() -> PathBuf {
    std::env::var_os("BENCH_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_ofsted-curator")))
}

fn extract_command(dir: &Path, extra: &[&str]) -> Command {
    let mut command = Command::new(binary());
    command.arg("extract").arg(dir).args(extra);
    if let Ok(jobs) = std::env::var("BENCH_JOBS") {
        command.args(["--jobs", &jobs]);
    }
    command
}

fn best(runs: usize, mut one: impl FnMut() -> Duration) -> Duration {
    (0..runs).map(|_| one()).min().unwrap_or_default()
}

/// The run with the least wall time.
fn best_timing(runs: usize, mut one: impl FnMut() -> Timing) -> Timing {
    let mut best: Option<Timing> = None;
    for _ in 0..runs {
        let t = one();
        if best.is_none_or(|b| t.wall < b.wall) {
            best = Some(t);
        }
    }
    best.unwrap_or(Timing {
        wall: Duration::ZERO,
        cpu: Duration::ZERO,
    })
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Counts the system calls of one fresh `extract` with `strace -c -f`.
fn strace_counts(dir: &Path) {
    remove_records(dir);
    let out = std::env::temp_dir().join(format!("extract-strace-{}.txt", std::process::id()));
    let status = Command::new("strace")
        .args(["-c", "-f", "-o"])
        .arg(&out)
        .arg(binary())
        .arg("extract")
        .arg(dir)
        .stdout(Stdio::null())
        .status()
        .expect("BENCH_STRACE=1 needs strace installed");
    assert!(status.success(), "strace extract failed: {status}");
    let report = std::fs::read_to_string(&out).expect("strace wrote its report");
    let _ = std::fs::remove_file(&out);
    println!("system calls of one fresh extract (strace -c -f):");
    for line in report.lines() {
        let wanted = [
            "fsync",
            "fdatasync",
            "syncfs",
            "openat",
            "statx",
            "newfstatat",
            "read",
            "write",
            "rename",
            "close",
            "getdents64",
            "flock",
            "total",
        ];
        if line
            .split_whitespace()
            .last()
            .is_some_and(|call| wanted.contains(&call))
        {
            println!("  {line}");
        }
    }
}

fn main() {
    let count = env_number("BENCH_ARTICLES", 2000);
    let runs = env_number("BENCH_RUNS", 5).max(1);
    // BENCH_DIR picks the file system: creating files costs very different
    // amounts on different ones (see the README's Speed section).
    let root = match std::env::var_os("BENCH_DIR") {
        Some(dir) => tempfile::tempdir_in(dir),
        None => tempfile::tempdir(),
    }
    .expect("a temporary folder");
    // One copy of the corpus per run, so that every first extraction is of
    // a folder that has never held records, as a new folder has not.
    let copies: Vec<(PathBuf, Vec<PathBuf>)> = (0..runs)
        .map(|run| {
            let dir = root.path().join(format!("articles-{run}"));
            let paths = articles::write_articles(&dir, count).expect("write the articles");
            (dir, paths)
        })
        .collect();
    let (dir, paths) = &copies[0];
    let bytes: u64 = paths
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    println!(
        "{count} generated articles, {:.1} KB on average, {runs} runs each, best run shown",
        bytes as f64 / count.max(1) as f64 / 1024.0
    );

    let cat = best(runs, || {
        let mut command = Command::new("cat");
        command.args(paths);
        time(command)
    });
    let mut fresh_dirs = copies.iter().map(|(d, _)| d);
    let fresh = best_timing(runs, || {
        let dir = fresh_dirs.next().expect("one copy per run");
        time_with_cpu(extract_command(dir, &[]))
    });
    let overwrite = best_timing(runs, || {
        time_with_cpu(extract_command(dir, &["--overwrite"]))
    });
    let unchanged = best_timing(runs, || time_with_cpu(extract_command(dir, &[])));

    let rate = |d: Duration| count as f64 / d.as_secs_f64();
    println!("cat:                     {:8.1} ms", ms(cat));
    for (label, t) in [
        ("extract (new folder):", fresh),
        ("extract --overwrite:", overwrite),
        ("extract (all kept):", unchanged),
    ] {
        println!(
            "{label:24} {:8.1} ms  {:7.0} articles/s  {:5.1} x cat  (CPU {:6.0} ms)",
            ms(t.wall),
            rate(t.wall),
            t.wall.as_secs_f64() / cat.as_secs_f64(),
            ms(t.cpu)
        );
    }
    println!(
        "load average while measuring: {}",
        std::fs::read_to_string("/proc/loadavg")
            .ok()
            .and_then(|l| l.split_whitespace().next().map(str::to_string))
            .unwrap_or_else(|| "unknown".into())
    );
    if std::env::var_os("BENCH_STRACE").is_some() {
        strace_counts(dir);
    }
}
