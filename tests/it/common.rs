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

/// Makes a FIFO at `path`; false (after printing why) when that is not
/// possible here.
pub fn make_fifo(path: &Path) -> bool {
    let made = Command::new("mkfifo").arg(path).status();
    if matches!(made, Ok(s) if s.success()) {
        true
    } else {
        eprintln!("skipping the FIFO case: mkfifo is not available");
        false
    }
}
