//! Finding article files (and record sidecars) under the paths a user gives.
//!
//! Folders are walked recursively in a stable, sorted order. Hidden files and
//! folders are skipped (that includes our own temporary files), symbolic
//! links are followed but a folder is never walked twice, so a link loop
//! ends. Anything that cannot be read is reported with its path and the walk
//! goes on.

use std::collections::HashSet;
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
}

/// Expands files and folders (recursively) into article files, skipping
/// sidecars and hidden files. A file named explicitly that is not an article
/// is reported.
pub fn discover_articles(paths: &[PathBuf]) -> Discovered {
    let found = walk_all(paths, Target::Articles);
    Discovered {
        articles: found.files,
        errors: found.errors,
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
        && !path.is_dir()
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
    /// Canonical paths of folders already walked: what stops link loops.
    seen_folders: HashSet<PathBuf>,
}

fn walk_all(paths: &[PathBuf], target: Target) -> Walk {
    let mut walk = Walk::default();
    for path in paths {
        walk.visit(path, target, true);
    }
    walk
}

impl Walk {
    fn visit(&mut self, path: &Path, target: Target, explicit: bool) {
        let metadata = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(source) => {
                let is_link =
                    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
                if explicit || target.wants(path) {
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
                return;
            }
        };
        if metadata.is_dir() {
            self.walk_folder(path, target);
        } else if metadata.is_file() {
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
        } else if explicit || target.wants(path) {
            // FIFOs, sockets and devices: never opened, since opening a FIFO
            // blocks until someone writes to it.
            self.errors.push(DiscoverError::NotAFile {
                path: path.to_path_buf(),
                kind: crate::text::describe_file_type(&metadata.file_type()),
            });
        }
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

    fn walk_folder(&mut self, folder: &Path, target: Target) {
        let canonical = match std::fs::canonicalize(folder) {
            Ok(c) => c,
            Err(source) => {
                self.errors.push(DiscoverError::Io {
                    path: folder.to_path_buf(),
                    source,
                });
                return;
            }
        };
        if !self.seen_folders.insert(canonical) {
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
        for entry in entries {
            match entry {
                Ok(entry) => children.push(entry.path()),
                Err(source) => self.errors.push(DiscoverError::Io {
                    path: folder.to_path_buf(),
                    source,
                }),
            }
        }
        children.sort();
        for child in children {
            let hidden = child
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if !hidden && !is_readme(&child) {
                self.visit(&child, target, false);
            }
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
