//! Helpers shared by the command line tests: running the built binary and
//! writing small articles of our own into temporary folders.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// An article about an inspection, written for these tests, so that the
/// extractor produces an ordinary (unreviewed) machine record.
pub const INSPECTION_ARTICLE: &str = "\
Ofsted finds council's children's services inadequate

By Sam Example

Children's services at Kent County Council have been rated inadequate by \
Ofsted following a full inspection in March 2019.

Inspectors said social workers carried caseloads that were too high and that \
managers did not have enough oversight of practice.

\"We accept the findings and are determined to put things right for \
children,\" said the council's director of children's services.
";

/// A second, shorter article, also written for these tests.
pub const MONITORING_ARTICLE: &str = "\
Progress at Kent children's services, monitoring visit finds

Inspectors found that Kent County Council had made progress during a \
monitoring visit in June 2020, though drift in planning remains.
";

/// The result of one run of the binary.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from_output(output: Output) -> Self {
        Run {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {:?}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Runs `ofsted-curator` with `args`.
pub fn run<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let output = Command::new(env!("CARGO_BIN_EXE_ofsted-curator"))
        .args(args)
        .output()
        .expect("the binary runs");
    Run::from_output(output)
}

/// Writes `text` to `dir/name` and returns the path.
pub fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create folder");
    }
    std::fs::write(&path, text).expect("write file");
    path
}

/// The sidecar path beside `article`.
pub fn sidecar_of(article: &Path) -> PathBuf {
    let mut name = article.as_os_str().to_owned();
    name.push(".curation.json");
    PathBuf::from(name)
}

/// Makes a FIFO at `path` with `mkfifo`, failing the test (with what to
/// install) when it cannot.
pub fn make_fifo(path: &Path) {
    match Command::new("mkfifo").arg(path).status() {
        Ok(s) if s.success() => {}
        Ok(s) => panic!("mkfifo {} failed: {s}", path.display()),
        Err(e) => panic!("this test needs mkfifo (install coreutils): {e}"),
    }
}

/// The shared folder beside the repository (`../shared`), which holds the
/// reference scorer (`tools/score.py`), the seed articles (`seeds/`) and
/// their gold records. `OFSTED_SHARED` names it when it lives elsewhere (a
/// git worktree, say).
pub fn shared_dir() -> PathBuf {
    match std::env::var_os("OFSTED_SHARED") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
    }
}

/// `relative` inside the shared folder, which the calling test needs:
/// fails the test, saying what is missing and where it should be, when it
/// is not there. `None` only when `OFSTED_SHARED=none` says on purpose that
/// there is no shared folder (CI on a machine without one), so that a
/// missing folder is never mistaken for a pass.
pub fn require_shared(relative: &str) -> Option<PathBuf> {
    if std::env::var_os("OFSTED_SHARED").is_some_and(|v| v == "none") {
        eprintln!("OFSTED_SHARED=none: the check that needs the shared {relative} is not run");
        return None;
    }
    let path = shared_dir().join(relative);
    assert!(
        path.exists(),
        "this test needs {} (the shared folder's {relative}), which is missing: \
         put the shared folder at ../shared beside the repository, or set \
         OFSTED_SHARED to the folder that holds it (OFSTED_SHARED=none runs \
         the suite without it, leaving these checks out)",
        path.display()
    );
    Some(path)
}

/// The article files (`.txt`) of a folder, sorted; fails the test when
/// there are none.
pub fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("folder entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .txt articles in {}", dir.display());
    files
}

/// Runs `python3 script args`, failing the test when Python is not
/// installed (saying how to install it) or the script fails.
pub fn python3(script: &Path, args: &[&str]) -> String {
    let output = Command::new("python3").arg(script).args(args).output();
    match output {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).into_owned(),
        Ok(out) => panic!(
            "{} failed ({}): {}",
            script.display(),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => panic!(
            "this test runs {} and needs python3, which does not run here ({e}): \
             install it (on Debian: apt-get install python3; .ci/run does this)",
            script.display()
        ),
    }
}
