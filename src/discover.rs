//! Finding article files (and record sidecars) under the paths a user gives.
//!
//! Folders are walked recursively in a stable, sorted order. Hidden files and
//! folders are skipped (that includes our own temporary files), symbolic
//! links are followed but a folder is never walked twice, so a link loop
//! ends. Anything that cannot be read is reported with its path and the walk
//! goes on.

use std::collections::{HashMap, HashSet};
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

/// File extensions read as articles.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "pdf", "docx", "rtf"];

/// Suffix of a record sidecar.
pub const SIDECAR_SUFFIX: &str = ".curation.json";

#[derive(Debug, thiserror::Error)]
pub enum DiscoverError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: symbolic link points to nothing")]
    DanglingSymlink { path: PathBuf },
    #[error("{path}: not a regular file (it is {kind})")]
    NotAFile { path: PathBuf, kind: &'static str },
    #[error("{path}: not {wanted} (expected {expected})")]
    WrongKind {
        path: PathBuf,
        wanted: &'static str,
        expected: String,
    },
}

impl DiscoverError {
    /// The path the error is about.
    pub fn path(&self) -> &Path {
        match self {
            DiscoverError::Io { path, .. }
            | DiscoverError::DanglingSymlink { path }
            | DiscoverError::NotAFile { path, .. }
            | DiscoverError::WrongKind { path, .. } => path,
        }
    }
}

/// Article files found, in a stable order, and the paths that could not be read.
#[derive(Debug, Default)]
pub struct Discovered {
    pub articles: Vec<PathBuf>,
    pub errors: Vec<DiscoverError>,
    /// What the walk saw beside the articles: which records exist, and
    /// temporary files left behind.
    pub listing: Listing,
}

/// What listing folders showed besides the files wanted, so that no one
/// has to look again: the record sidecars in each folder, and temporary
/// files (`.NAME.PID.N.tmp`) a killed writer may have left.
#[derive(Debug, Default)]
pub struct Listing {
    /// Per folder listed (as the walk named it), its sidecars' file names.
    sidecars: HashMap<PathBuf, HashSet<OsString>>,
    /// Temporary files seen, whoever wrote them.
    pub temp_files: Vec<PathBuf>,
}

impl Listing {
    /// Lists one folder (not recursively), e.g. an output folder.
    pub fn of_folder(folder: &Path) -> std::io::Result<Listing> {
        let mut listing = Listing::default();
        let mut names = HashSet::new();
        for entry in std::fs::read_dir(folder)? {
            let entry = entry?;
            listing.note(folder, &entry.file_name(), &mut names);
        }
        listing.sidecars.insert(folder.to_path_buf(), names);
        Ok(listing)
    }

    /// Whether a file named like a sidecar was at `sidecar` when its folder
    /// was listed; `None` when the folder was not listed.
    pub fn has_sidecar(&self, sidecar: &Path) -> Option<bool> {
        let folder = sidecar.parent()?;
        let names = self.sidecars.get(folder)?;
        Some(sidecar.file_name().is_some_and(|n| names.contains(n)))
    }

    /// Adds what another listing saw.
    pub fn extend(&mut self, other: Listing) {
        self.sidecars.extend(other.sidecars);
        self.temp_files.extend(other.temp_files);
    }

    fn note(&mut self, folder: &Path, name: &OsStr, sidecars: &mut HashSet<OsString>) {
        let Some(text) = name.to_str() else { return };
        if text.ends_with(SIDECAR_SUFFIX) {
            sidecars.insert(name.to_os_string());
        } else if crate::store::temp_file_writer(text).is_some() {
            self.temp_files.push(folder.join(name));
        }
    }
}

/// Expands files and folders (recursively) into article files, skipping
/// sidecars and hidden files. A file named explicitly that is not an article
/// is reported.
pub fn discover_articles(paths: &[PathBuf]) -> Discovered {
    let found = walk_all(paths, Target::Articles);
    Discovered {
        articles: found.files,
        errors: found.errors,
        listing: found.listing,
    }
}

/// Record sidecars found under `paths`, in a stable order, and the paths
/// that could not be read.
#[derive(Debug, Default)]
pub struct DiscoveredSidecars {
    pub sidecars: Vec<PathBuf>,
    pub errors: Vec<DiscoverError>,
}

/// Expands files and folders (recursively) into record sidecars
/// (`*.curation.json`).
pub fn discover_sidecars(paths: &[PathBuf]) -> DiscoveredSidecars {
    let found = walk_all(paths, Target::Sidecars);
    DiscoveredSidecars {
        sidecars: found.files,
        errors: found.errors,
    }
}

/// Whether `path` names an article file by its name alone.
pub fn is_article_path(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.starts_with('.') || name.ends_with(SIDECAR_SUFFIX) {
        return false;
    }
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// A folder's README (`README.md`, `readme.txt`, ...) describes the folder;
/// it is not an article, unless someone names it on the command line.
fn is_readme(path: &Path) -> bool {
    path.file_stem()
        .and_then(|n| n.to_str())
        .is_some_and(|stem| stem.eq_ignore_ascii_case("readme"))
}

/// Whether `path` names a record sidecar by its name alone.
pub fn is_sidecar_path(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(SIDECAR_SUFFIX) && n.len() > SIDECAR_SUFFIX.len())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Articles,
    Sidecars,
}

impl Target {
    fn wants(self, path: &Path) -> bool {
        match self {
            Target::Articles => is_article_path(path),
            Target::Sidecars => is_sidecar_path(path),
        }
    }

    fn describe(self) -> (&'static str, String) {
        match self {
            Target::Articles => (
                "an article file",
                format!(".{}", ARTICLE_EXTENSIONS.join(", .")),
            ),
            Target::Sidecars => ("a record", format!("a name ending {SIDECAR_SUFFIX}")),
        }
    }
}

#[derive(Default)]
struct Walk {
    files: Vec<PathBuf>,
    errors: Vec<DiscoverError>,
    seen_files: HashSet<PathBuf>,
    /// Folders already walked, by identity: what stops link loops.
    seen_folders: HashSet<FolderId>,
    listing: Listing,
}

/// What tells two names of one folder apart from two folders: its device
/// and inode where there are such things, else its canonical path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum FolderId {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg_attr(unix, allow(dead_code))]
    Canonical(PathBuf),
}

fn walk_all(paths: &[PathBuf], target: Target) -> Walk {
    let mut walk = Walk::default();
    for path in paths {
        walk.visit(path, None, target, true);
    }
    walk
}

/// What a folder listing says an entry is, without asking the file system
/// again (on most systems the listing carries it).
enum Kind {
    File,
    Folder,
    /// A symbolic link, or a listing that does not say: look at the path.
    Unknown,
    Other(&'static str),
}

fn kind_of(file_type: &std::fs::FileType) -> Kind {
    if file_type.is_file() {
        Kind::File
    } else if file_type.is_dir() {
        Kind::Folder
    } else if file_type.is_symlink() {
        Kind::Unknown
    } else {
        Kind::Other(crate::text::describe_file_type(file_type))
    }
}

impl Walk {
    /// Visits `path`: `listed` is what its folder's listing said it is
    /// (`None` for paths given by the user, which are always looked at).
    fn visit(&mut self, path: &Path, listed: Option<Kind>, target: Target, explicit: bool) {
        let (kind, metadata) = match listed {
            Some(Kind::File) => (Kind::File, None),
            Some(Kind::Other(kind)) => (Kind::Other(kind), None),
            // A folder is looked at anyway, for its identity.
            Some(Kind::Folder | Kind::Unknown) | None => match std::fs::metadata(path) {
                Ok(m) => (kind_of(&m.file_type()), Some(m)),
                Err(source) => {
                    self.unreadable(path, source, target, explicit);
                    return;
                }
            },
        };
        match kind {
            Kind::Folder => self.walk_folder(path, metadata.as_ref(), target),
            Kind::File => {
                if target.wants(path) || (explicit && self.explicit_ok(path, target)) {
                    if self.seen_files.insert(path.to_path_buf()) {
                        self.files.push(path.to_path_buf());
                    }
                } else if explicit {
                    let (wanted, expected) = target.describe();
                    self.errors.push(DiscoverError::WrongKind {
                        path: path.to_path_buf(),
                        wanted,
                        expected,
                    });
                }
            }
            // FIFOs, sockets and devices: never opened, since opening a FIFO
            // blocks until someone writes to it.
            Kind::Other(kind) if explicit || target.wants(path) => {
                self.errors.push(DiscoverError::NotAFile {
                    path: path.to_path_buf(),
                    kind,
                });
            }
            Kind::Other(_) | Kind::Unknown => {}
        }
    }

    fn unreadable(&mut self, path: &Path, source: std::io::Error, target: Target, explicit: bool) {
        if !(explicit || target.wants(path)) {
            return;
        }
        let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        self.errors.push(if is_link {
            DiscoverError::DanglingSymlink {
                path: path.to_path_buf(),
            }
        } else {
            DiscoverError::Io {
                path: path.to_path_buf(),
                source,
            }
        });
    }

    /// A hidden article named on the command line is still an article: the
    /// user asked for it by name.
    fn explicit_ok(&self, path: &Path, target: Target) -> bool {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        match name.strip_prefix('.') {
            Some(rest) if !rest.ends_with(".tmp") => target.wants(&path.with_file_name(rest)),
            _ => false,
        }
    }

    fn folder_id(folder: &Path, metadata: Option<&std::fs::Metadata>) -> std::io::Result<FolderId> {
        #[cfg(unix)]
        if let Some(m) = metadata {
            use std::os::unix::fs::MetadataExt as _;
            return Ok(FolderId::Inode(m.dev(), m.ino()));
        }
        let _ = metadata;
        std::fs::canonicalize(folder).map(FolderId::Canonical)
    }

    fn walk_folder(&mut self, folder: &Path, metadata: Option<&std::fs::Metadata>, target: Target) {
        let id = match Self::folder_id(folder, metadata) {
            Ok(id) => id,
            Err(source) => {
                self.errors.push(DiscoverError::Io {
                    path: folder.to_path_buf(),
                    source,
                });
                return;
            }
        };
        if !self.seen_folders.insert(id) {
            return;
        }
        let entries = match std::fs::read_dir(folder) {
            Ok(entries) => entries,
            Err(source) => {
                self.errors.push(DiscoverError::Io {
                    path: folder.to_path_buf(),
                    source,
                });
                return;
            }
        };
        let mut children = Vec::new();
        let mut sidecars = HashSet::new();
        for entry in entries {
            match entry {
                Ok(entry) => {
                    let name = entry.file_name();
                    self.listing.note(folder, &name, &mut sidecars);
                    let hidden = name.as_encoded_bytes().first() == Some(&b'.');
                    if hidden {
                        continue;
                    }
                    let path = entry.path();
                    let kind = match entry.file_type() {
                        Ok(t) => kind_of(&t),
                        Err(_) => Kind::Unknown,
                    };
                    if is_readme(&path) && !matches!(kind, Kind::Folder) {
                        continue;
                    }
                    children.push((path, kind));
                }
                Err(source) => self.errors.push(DiscoverError::Io {
                    path: folder.to_path_buf(),
                    source,
                }),
            }
        }
        self.listing.sidecars.insert(folder.to_path_buf(), sidecars);
        children.sort_by(|a, b| a.0.cmp(&b.0));
        for (child, kind) in children {
            self.visit(&child, Some(kind), target, false);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn names(root: &Path, paths: &[PathBuf]) -> Vec<String> {
        paths
            .iter()
            .map(|p| {
                p.strip_prefix(root)
                    .unwrap_or(p)
                    .to_string_lossy()
                    .into_owned()
            })
            .collect()
    }

    #[test]
    fn folders_are_walked_recursively_in_sorted_order_skipping_sidecars_and_hidden() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        fs::create_dir_all(root.join("b/sub")).expect("mkdir");
        fs::create_dir_all(root.join(".git")).expect("mkdir");
        for f in [
            "z.txt",
            "a.md",
            "a.md.curation.json",
            "b/sub/c.html",
            "b/x.htm",
            "b/notes.odt",
            ".hidden.txt",
            ".a.txt.curation.json.1.0.tmp",
            ".git/d.txt",
            "README.md",
            "b/readme.txt",
        ] {
            fs::write(root.join(f), "x").expect("write");
        }
        let found = discover_articles(&[root.to_path_buf()]);
        assert!(found.errors.is_empty(), "{:?}", found.errors);
        assert_eq!(
            names(root, &found.articles),
            vec!["a.md", "b/sub/c.html", "b/x.htm", "z.txt"]
        );
    }

    #[test]
    fn a_readme_named_on_the_command_line_is_still_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let readme = dir.path().join("README.md");
        fs::write(&readme, "x").expect("write");
        let found = discover_articles(std::slice::from_ref(&readme));
        assert_eq!(found.articles, vec![readme]);
    }

    #[test]
    fn a_file_named_twice_is_listed_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("a.txt");
        fs::write(&file, "x").expect("write");
        let found = discover_articles(&[file.clone(), dir.path().to_path_buf()]);
        assert_eq!(found.articles, vec![file]);
    }

    #[test]
    fn an_explicit_file_of_the_wrong_kind_is_reported() {
        let dir = tempfile::tempdir().expect("tempdir");
        let odt = dir.path().join("report.odt");
        fs::write(&odt, "x").expect("write");
        let found = discover_articles(std::slice::from_ref(&odt));
        assert!(found.articles.is_empty());
        assert_eq!(found.errors.len(), 1);
        let message = found.errors[0].to_string();
        assert!(
            message.contains("report.odt") && message.contains(".txt"),
            "{message}"
        );
    }

    #[test]
    fn a_missing_path_is_reported() {
        let found = discover_articles(&[PathBuf::from("/no/such/folder")]);
        assert!(matches!(
            found.errors.as_slice(),
            [DiscoverError::Io { .. }]
        ));
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_followed_without_looping_and_dangling_ones_reported() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        fs::create_dir(root.join("real")).expect("mkdir");
        fs::write(root.join("real/a.txt"), "x").expect("write");
        symlink(root.join("real"), root.join("real/loop")).expect("link");
        symlink(root.join("real/a.txt"), root.join("linked.txt")).expect("link");
        symlink(root.join("gone.txt"), root.join("dangling.txt")).expect("link");
        let found = discover_articles(&[root.to_path_buf()]);
        assert_eq!(
            names(root, &found.articles),
            vec!["linked.txt", "real/a.txt"]
        );
        assert_eq!(found.errors.len(), 1, "{:?}", found.errors);
        assert!(
            matches!(&found.errors[0], DiscoverError::DanglingSymlink { path } if path.ends_with("dangling.txt"))
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_named_like_an_article_is_reported_not_opened() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(
            matches!(made, Ok(s) if s.success()),
            "this test needs mkfifo (install coreutils): {made:?}"
        );
        let found = discover_articles(&[dir.path().to_path_buf()]);
        assert!(found.articles.is_empty());
        assert!(matches!(
            found.errors.as_slice(),
            [DiscoverError::NotAFile { kind: "a FIFO", .. }]
        ));
    }

    #[test]
    fn sidecars_are_found_for_validation() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        for f in ["a.txt", "a.txt.curation.json", "b.json", ".curation.json"] {
            fs::write(root.join(f), "x").expect("write");
        }
        let found = discover_sidecars(&[root.to_path_buf()]);
        assert_eq!(names(root, &found.sidecars), vec!["a.txt.curation.json"]);
        let explicit = discover_sidecars(&[root.join("a.txt")]);
        assert!(explicit.sidecars.is_empty());
        assert_eq!(explicit.errors.len(), 1);
    }
}
