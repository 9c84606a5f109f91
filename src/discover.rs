//! Finding article files under the paths a user gives.

use std::path::{Path, PathBuf};

/// File extensions read as articles.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// Suffix of a record sidecar.
pub const SIDECAR_SUFFIX: &str = ".curation.json";

#[derive(Debug, thiserror::Error)]
pub enum DiscoverError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Article files found, in a stable order, and the paths that could not be read.
#[derive(Debug, Default)]
pub struct Discovered {
    pub articles: Vec<PathBuf>,
    pub errors: Vec<DiscoverError>,
}

/// Expands files and folders (recursively) into article files, skipping
/// sidecars and hidden files.
pub fn discover_articles(paths: &[PathBuf]) -> Discovered {
    let mut found = Discovered::default();
    for p in paths {
        walk(p, &mut found);
    }
    found
}

fn walk(path: &Path, found: &mut Discovered) {
    if path.is_dir() {
        match std::fs::read_dir(path) {
            Ok(entries) => {
                let mut children: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
                children.sort();
                for c in children {
                    walk(&c, found);
                }
            }
            Err(source) => found.errors.push(DiscoverError::Io {
                path: path.to_path_buf(),
                source,
            }),
        }
    } else if is_article_path(path) {
        found.articles.push(path.to_path_buf());
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
