//! Writing many records at once, durably, for the price of a few disk
//! flushes instead of two a file.
//!
//! Each record is first written whole to a temporary file beside its target
//! ([`stage_write`]). [`commit_batch`] then makes the batch's temporary files
//! durable together (one `syncfs` per file system on Linux, one `fsync` per
//! file elsewhere), renames them over their targets, and makes each folder
//! it touched durable once. The guarantee is that of
//! [`save_record_atomically`](super::save_record_atomically): a reader, or a
//! crash at any moment, sees each target as the old file or the new one,
//! never a torn one, and once `commit_batch` reports a write as done it is
//! on disk.

use super::{StoreError, create_temp_file};
use std::collections::HashMap;
use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Whether a staged write may replace a file already at its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// Replace whatever is there.
    Always,
    /// The target was missing when we looked: if a file has appeared there
    /// since, leave it and report [`CommitError::Appeared`].
    IfAbsent,
}

/// A file written whole under a temporary name, waiting for its batch.
/// Dropping it without committing removes the temporary file.
#[derive(Debug)]
pub struct StagedWrite {
    target: PathBuf,
    temp: PathBuf,
    /// Held open (and locked) until the rename, so that a clean-up by
    /// another process can tell the file is being written.
    file: Option<File>,
    replace: Replace,
}

impl StagedWrite {
    /// Where the file goes.
    pub fn target(&self) -> &Path {
        &self.target
    }

    fn folder(&self) -> &Path {
        folder_of(&self.target)
    }
}

impl Drop for StagedWrite {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            // Never committed: the temporary file is ours and useless.
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to a new temporary file beside `target`, in one write,
/// without waiting for the disk.
pub fn stage_write(
    target: &Path,
    bytes: &[u8],
    replace: Replace,
) -> Result<StagedWrite, StoreError> {
    let write_error = |source| StoreError::Write {
        path: target.to_path_buf(),
        source,
    };
    let (temp, mut file) = create_temp_file(folder_of(target), target).map_err(write_error)?;
    let mut staged = StagedWrite {
        target: target.to_path_buf(),
        temp,
        file: None,
        replace,
    };
    file.write_all(bytes).map_err(write_error)?;
    staged.file = Some(file);
    Ok(staged)
}

/// One entry of a batch: a record, and the copy of the file it replaces
/// that must be in place first (a `.bak`).
#[derive(Debug)]
pub struct BatchEntry {
    pub backup: Option<StagedWrite>,
    pub record: StagedWrite,
}

/// Why an entry of a batch was not put in place.
#[derive(Debug, thiserror::Error)]
pub enum CommitError {
    /// A [`Replace::IfAbsent`] target appeared after it was found missing;
    /// it was left as it is.
    #[error("{0}: a file appeared there while the record was being made; it was left as it is")]
    Appeared(PathBuf),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Folders opened for syncing, kept open across the batches of a run so
/// that each is opened (and its file system looked up) once.
#[derive(Debug, Default)]
pub struct Folders {
    open: HashMap<PathBuf, Option<Folder>>,
}

#[derive(Debug)]
struct Folder {
    handle: File,
    /// The file system it is on (its device number), where known.
    device: Option<u64>,
}

impl Folders {
    /// The folder, opened; `None` if it cannot be opened (then it is not
    /// synced, as a file system that refuses to open folders cannot sync
    /// them either).
    fn get(&mut self, folder: &Path) -> Option<&Folder> {
        self.open
            .entry(folder.to_path_buf())
            .or_insert_with(|| {
                let handle = File::open(folder).ok()?;
                #[cfg(unix)]
                let device = {
                    use std::os::unix::fs::MetadataExt as _;
                    handle.metadata().ok().map(|m| m.dev())
                };
                #[cfg(not(unix))]
                let device = None;
                Some(Folder { handle, device })
            })
            .as_ref()
    }

    /// Makes the folders' entries durable, one `fsync` each. Failure is
    /// ignored: the files are in place, and some file systems refuse to
    /// sync folders.
    fn sync<'a>(&mut self, folders: impl IntoIterator<Item = &'a Path>) {
        let mut seen = std::collections::HashSet::new();
        for folder in folders {
            if seen.insert(folder)
                && let Some(f) = self.get(folder)
            {
                let _ = f.handle.sync_all();
            }
        }
    }
}

/// Makes every staged file of `entries` durable, renames them into place
/// (each entry's backup before its record) and makes the folders durable.
/// Returns one result per entry, in order; an entry whose backup could not
/// be put in place keeps its old record.
pub fn commit_batch(
    mut entries: Vec<BatchEntry>,
    folders: &mut Folders,
) -> Vec<Result<(), CommitError>> {
    let mut results: Vec<Result<(), CommitError>> = sync_staged(&entries, folders)
        .into_iter()
        .map(|r| r.map_err(CommitError::Store))
        .collect();
    // Backups first, made durable before any record replaces its original.
    let mut backup_folders = Vec::new();
    for (entry, result) in entries.iter_mut().zip(results.iter_mut()) {
        if let (Ok(()), Some(backup)) = (&result, &mut entry.backup) {
            *result = rename_into_place(backup);
            if result.is_ok() {
                backup_folders.push(backup.folder().to_path_buf());
            }
        }
    }
    if !backup_folders.is_empty() {
        folders.sync(backup_folders.iter().map(PathBuf::as_path));
    }
    for (entry, result) in entries.iter_mut().zip(results.iter_mut()) {
        if result.is_ok() {
            *result = rename_into_place(&mut entry.record);
        }
    }
    folders.sync(
        entries
            .iter()
            .zip(&results)
            .filter(|(_, r)| r.is_ok())
            .map(|(e, _)| e.record.folder()),
    );
    // Dropping the entries closes the files (and removes the temporary
    // files of those that failed).
    drop(entries);
    results
}

/// Makes the staged files durable: on Linux one `syncfs` per file system
/// the batch writes to, elsewhere (or where a folder's file system cannot
/// be told) an `fsync` per file.
fn sync_staged(entries: &[BatchEntry], folders: &mut Folders) -> Vec<Result<(), StoreError>> {
    // Per file system: the outcome of its one sync, as (kind, message)
    // since each entry gets its own error naming its own file.
    let mut synced: HashMap<u64, Result<(), (std::io::ErrorKind, String)>> = HashMap::new();
    entries
        .iter()
        .map(|entry| {
            let outcome = match folders.get(entry.record.folder()) {
                Some(Folder {
                    handle,
                    device: Some(device),
                }) if cfg!(target_os = "linux") => synced
                    .entry(*device)
                    .or_insert_with(|| {
                        sync_file_system(handle).map_err(|e| (e.kind(), e.to_string()))
                    })
                    .clone()
                    .map_err(|(kind, message)| std::io::Error::new(kind, message)),
                _ => sync_files(entry),
            };
            outcome.map_err(|source| StoreError::Write {
                path: entry.record.target.clone(),
                source: std::io::Error::new(
                    source.kind(),
                    format!("cannot make the record durable: {source}"),
                ),
            })
        })
        .collect()
}

/// Flushes everything written to the file system holding `folder`.
fn sync_file_system(folder: &File) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        rustix::fs::syncfs(folder).map_err(std::io::Error::from)
    }
    #[cfg(not(target_os = "linux"))]
    {
        folder.sync_all()
    }
}

/// `fsync`s an entry's temporary files one by one.
fn sync_files(entry: &BatchEntry) -> std::io::Result<()> {
    for staged in entry.backup.iter().chain(std::iter::once(&entry.record)) {
        if let Some(file) = &staged.file {
            file.sync_all()?;
        }
    }
    Ok(())
}

/// Renames a staged file over its target; on success the file is closed
/// and nothing is left to clean up.
fn rename_into_place(staged: &mut StagedWrite) -> Result<(), CommitError> {
    let renamed = match staged.replace {
        Replace::Always => std::fs::rename(&staged.temp, &staged.target),
        Replace::IfAbsent => rename_if_absent(&staged.temp, &staged.target),
    };
    match renamed {
        Ok(()) => {
            staged.file = None;
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(CommitError::Appeared(staged.target.clone()))
        }
        Err(source) => Err(CommitError::Store(StoreError::Write {
            path: staged.target.clone(),
            source,
        })),
    }
}

/// Renames `from` to `to` unless something is at `to`. Where the system
/// cannot rename without replacing, a file found at `to` just before is
/// reported instead (a narrower window than nothing).
fn rename_if_absent(from: &Path, to: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, from, CWD, to, RenameFlags::NOREPLACE) {
            Ok(()) => return Ok(()),
            Err(e) if e == rustix::io::Errno::EXIST => {
                return Err(std::io::ErrorKind::AlreadyExists.into());
            }
            // Not supported by this file system: fall through.
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {}
            Err(e) => return Err(e.into()),
        }
    }
    if std::fs::symlink_metadata(to).is_ok() {
        return Err(std::io::ErrorKind::AlreadyExists.into());
    }
    std::fs::rename(from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_batch_puts_every_file_in_place_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).expect("mkdir");
        std::fs::write(dir.path().join("b.json"), "old b").expect("write");
        let entries = vec![
            BatchEntry {
                backup: None,
                record: stage_write(&dir.path().join("a.json"), b"new a", Replace::IfAbsent)
                    .expect("stage a"),
            },
            BatchEntry {
                backup: Some(
                    stage_write(&dir.path().join("b.json.bak"), b"old b", Replace::Always)
                        .expect("stage backup"),
                ),
                record: stage_write(&dir.path().join("b.json"), b"new b", Replace::Always)
                    .expect("stage b"),
            },
            BatchEntry {
                backup: None,
                record: stage_write(&sub.join("c.json"), b"new c", Replace::IfAbsent)
                    .expect("stage c"),
            },
        ];
        assert_eq!(
            names(dir.path())
                .iter()
                .filter(|n| n.ends_with(".tmp"))
                .count(),
            3,
            "staged files wait under temporary names"
        );
        let results = commit_batch(entries, &mut Folders::default());
        assert!(results.iter().all(Result::is_ok), "{results:?}");
        assert_eq!(names(dir.path()), ["a.json", "b.json", "b.json.bak", "sub"]);
        assert_eq!(names(&sub), ["c.json"]);
        let read = |p: &Path| std::fs::read_to_string(p).expect("read");
        assert_eq!(read(&dir.path().join("b.json")), "new b");
        assert_eq!(read(&dir.path().join("b.json.bak")), "old b");
        assert_eq!(read(&sub.join("c.json")), "new c");
    }

    #[test]
    fn a_file_that_appeared_since_it_was_found_missing_is_left_alone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("a.json");
        let staged = stage_write(&target, b"machine", Replace::IfAbsent).expect("stage");
        std::fs::write(&target, "a person's record").expect("write");
        let results = commit_batch(
            vec![BatchEntry {
                backup: None,
                record: staged,
            }],
            &mut Folders::default(),
        );
        assert!(
            matches!(results.as_slice(), [Err(CommitError::Appeared(p))] if p == &target),
            "{results:?}"
        );
        assert_eq!(
            std::fs::read_to_string(&target).expect("read"),
            "a person's record"
        );
        assert_eq!(names(dir.path()), ["a.json"], "no temporary file is left");
    }

    #[test]
    fn a_record_whose_backup_fails_keeps_its_old_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("a.json");
        std::fs::write(&target, "curated").expect("write");
        // A folder where the backup should go makes its rename fail.
        let bak = dir.path().join("a.json.bak");
        std::fs::create_dir(&bak).expect("mkdir");
        std::fs::write(bak.join("inside"), "x").expect("write");
        let results = commit_batch(
            vec![BatchEntry {
                backup: Some(stage_write(&bak, b"curated", Replace::Always).expect("stage")),
                record: stage_write(&target, b"machine", Replace::Always).expect("stage"),
            }],
            &mut Folders::default(),
        );
        let Err(CommitError::Store(err)) = &results[0] else {
            panic!("expected the backup to fail: {results:?}");
        };
        assert!(err.to_string().contains("a.json.bak"), "{err}");
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "curated");
        assert_eq!(names(dir.path()), ["a.json", "a.json.bak"]);
    }

    #[test]
    fn a_staged_write_dropped_uncommitted_removes_its_temporary_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let staged = stage_write(&dir.path().join("a.json"), b"x", Replace::Always).expect("stage");
        assert_eq!(names(dir.path()).len(), 1);
        drop(staged);
        assert!(names(dir.path()).is_empty());
    }
}
