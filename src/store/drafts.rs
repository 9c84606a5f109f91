//! Drafts: unsaved records written to the user's data folder every few
//! seconds of idle time, so that a crash or a kill loses nothing. A draft is
//! keyed by the article's path and its text's hash, so it is offered back
//! only for the same article with the same text.

use super::{StoreError, write_atomically};
use crate::model::Record;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// One unsaved record, as kept in the drafts folder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub article: PathBuf,
    pub text_sha256: String,
    pub record: Record,
}

/// The file name of the draft of `article` with text hash `text_sha256`:
/// the SHA-256 of both, so any path maps to a safe, fixed-length name.
pub fn draft_key(article: &Path, text_sha256: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    hasher.update(article.as_os_str().as_encoded_bytes());
    hasher.update([0]);
    hasher.update(text_sha256.as_bytes());
    let digest = hasher.finalize();
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("{hex}.draft.json")
}

/// Where the draft of `article` lives in `dir`.
pub fn draft_path(dir: &Path, article: &Path, text_sha256: &str) -> PathBuf {
    dir.join(draft_key(article, text_sha256))
}

/// The user's drafts folder (`None` when the platform has no data folder).
pub fn default_drafts_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "ofsted-curator").map(|d| d.data_dir().join("drafts"))
}

/// Writes `draft` atomically into `dir` (created if missing).
pub fn write_draft(dir: &Path, draft: &Draft) -> Result<PathBuf, StoreError> {
    std::fs::create_dir_all(dir).map_err(|source| StoreError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let path = draft_path(dir, &draft.article, &draft.text_sha256);
    let json = serde_json::to_vec(draft).map_err(|e| StoreError::Malformed {
        path: path.clone(),
        message: e.to_string(),
    })?;
    write_atomically(&path, &json)?;
    Ok(path)
}

/// Removes the draft at `path`; a draft already gone is fine.
pub fn remove_draft(path: &Path) -> Result<(), StoreError> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(StoreError::Write {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// The drafts in `dir` of the given (article, text hash) pairs, in the
/// pairs' order. A draft that cannot be read is skipped: it is only a copy.
pub fn find_drafts(dir: &Path, articles: &[(PathBuf, String)]) -> Vec<Draft> {
    articles
        .iter()
        .filter_map(|(article, sha)| {
            let bytes = std::fs::read(draft_path(dir, article, sha)).ok()?;
            let draft: Draft = serde_json::from_slice(&bytes).ok()?;
            (draft.article == *article && draft.text_sha256 == *sha).then_some(draft)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Source;

    fn draft(article: &str, sha: &str) -> Draft {
        let mut record = Record::empty(Source {
            path: article.into(),
            text_sha256: sha.into(),
            chars: 3,
        });
        record.notes = "unsaved note".into();
        Draft {
            article: PathBuf::from(article),
            text_sha256: sha.into(),
            record,
        }
    }

    #[test]
    fn keys_depend_on_the_path_and_the_text() {
        let a = draft_key(Path::new("/x/a.txt"), "1");
        assert_eq!(a, draft_key(Path::new("/x/a.txt"), "1"));
        assert_ne!(a, draft_key(Path::new("/x/b.txt"), "1"));
        assert_ne!(a, draft_key(Path::new("/x/a.txt"), "2"));
        assert!(a.ends_with(".draft.json") && a.len() == 64 + 11);
    }

    #[test]
    fn drafts_are_found_for_the_same_text_only_and_removed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let drafts = dir.path().join("drafts");
        let d = draft("/x/a.txt", "1");
        let path = write_draft(&drafts, &d).expect("write");
        let same = [(PathBuf::from("/x/a.txt"), "1".to_string())];
        assert_eq!(find_drafts(&drafts, &same), vec![d]);
        let changed = [(PathBuf::from("/x/a.txt"), "2".to_string())];
        assert!(find_drafts(&drafts, &changed).is_empty());
        remove_draft(&path).expect("remove");
        assert!(find_drafts(&drafts, &same).is_empty());
        remove_draft(&path).expect("removing twice is fine");
    }

    #[test]
    fn a_broken_draft_is_skipped() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(draft_path(dir.path(), Path::new("a"), "1"), "{").expect("write");
        assert!(find_drafts(dir.path(), &[(PathBuf::from("a"), "1".into())]).is_empty());
    }
}
