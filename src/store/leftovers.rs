//! Temporary files left behind by a writer that was killed between writing
//! and renaming (`.NAME.PID.N.tmp`), and their removal.
//!
//! A temporary file is removed only when its writer is certainly gone: the
//! process named in the file name is not running, and no one holds the lock
//! that every writer takes on its temporary file for as long as it has it
//! open (a lock dies with its process, whatever the process's id, so this
//! also covers writers that another machine or container sees under
//! another id).

use super::StoreError;
use std::path::PathBuf;

/// The id of the process that wrote the temporary file named `name`
/// (`.NAME.PID.N.tmp`), or `None` if the name is not one of ours.
pub fn temp_file_writer(name: &str) -> Option<u32> {
    let inner = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let mut parts = inner.rsplitn(3, '.');
    let attempt = parts.next()?;
    let pid = parts.next()?;
    let target = parts.next()?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(attempt) && !target.is_empty())
        .then(|| pid.parse().ok())
        .flatten()
}

/// What a clean-up did.
#[derive(Debug, Default)]
pub struct Cleanup {
    /// Temporary files of writers that are gone, removed.
    pub removed: Vec<PathBuf>,
    /// Temporary files that could not be removed.
    pub errors: Vec<StoreError>,
}

/// Removes those of `candidates` (paths of temporary files, as discovery
/// finds them) whose writer is gone; those of live writers, and any that
/// cannot be checked, are left.
pub fn remove_abandoned_temp_files(candidates: &[PathBuf]) -> Cleanup {
    let mut cleanup = Cleanup::default();
    for path in candidates {
        let Some(pid) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(temp_file_writer)
        else {
            continue;
        };
        if pid == std::process::id() || process_is_running(pid) {
            continue;
        }
        // The writer's lock, if it still has the file open.
        let Ok(file) = std::fs::File::open(path) else {
            continue;
        };
        if file.try_lock().is_err() {
            continue;
        }
        match std::fs::remove_file(path) {
            Ok(()) => cleanup.removed.push(path.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => cleanup.errors.push(StoreError::Write {
                path: path.clone(),
                source,
            }),
        }
    }
    cleanup
}

/// Whether process `pid` exists. Where that cannot be told, it is taken to
/// be running, so that its files are kept.
fn process_is_running(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Some(pid) = i32::try_from(pid)
            .ok()
            .and_then(rustix::process::Pid::from_raw)
        else {
            return false;
        };
        !matches!(
            rustix::process::test_kill_process(pid),
            Err(e) if e == rustix::io::Errno::SRCH
        )
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    #[test]
    fn temporary_names_give_their_writer() {
        assert_eq!(
            temp_file_writer(".a.txt.curation.json.4242.0.tmp"),
            Some(4242)
        );
        assert_eq!(temp_file_writer(".export.csv.7.12.tmp"), Some(7));
        for not_ours in [
            "a.txt.curation.json",
            ".a.txt.4242.tmp",
            ".4242.0.tmp",
            ".a.txt.x.0.tmp",
            ".a.txt.1.y.tmp",
            ".hidden.txt",
            "a.txt.1.0.tmp",
        ] {
            assert_eq!(temp_file_writer(not_ours), None, "{not_ours}");
        }
    }

    /// The id of a process that has exited and been reaped.
    fn dead_pid() -> u32 {
        let mut child = Command::new("true").spawn().expect("`true` runs");
        let pid = child.id();
        child.wait().expect("reap");
        pid
    }

    #[cfg(unix)]
    #[test]
    fn files_of_a_dead_writer_are_removed_and_those_of_live_ones_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let dead = dir
            .path()
            .join(format!(".a.txt.curation.json.{}.0.tmp", dead_pid()));
        let mine = dir
            .path()
            .join(format!(".b.txt.curation.json.{}.0.tmp", std::process::id()));
        // A live process other than this one: the init process.
        let live = dir.path().join(".c.txt.curation.json.1.0.tmp");
        let other = dir.path().join(".notes.txt");
        for path in [&dead, &mine, &live, &other] {
            std::fs::write(path, "partial").expect("write");
        }
        let found: Vec<PathBuf> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .and_then(temp_file_writer)
                    .is_some()
            })
            .collect();
        assert_eq!(found.len(), 3, "{found:?}");
        let cleanup = remove_abandoned_temp_files(&found);
        assert_eq!(cleanup.removed, vec![dead.clone()]);
        assert!(cleanup.errors.is_empty(), "{:?}", cleanup.errors);
        assert!(!dead.exists());
        assert!(mine.exists() && live.exists() && other.exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_locked_file_is_kept_even_when_its_named_writer_is_gone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir
            .path()
            .join(format!(".a.txt.curation.json.{}.0.tmp", dead_pid()));
        let writer = std::fs::File::create(&path).expect("create");
        writer.lock().expect("lock");
        let cleanup = remove_abandoned_temp_files(std::slice::from_ref(&path));
        assert!(cleanup.removed.is_empty());
        assert!(
            path.exists(),
            "a writer holding the lock is alive somewhere"
        );
        drop(writer);
        let cleanup = remove_abandoned_temp_files(std::slice::from_ref(&path));
        assert_eq!(cleanup.removed, vec![path.clone()]);
    }
}
