//! Reading a folder of record sidecars into a [`Corpus`], in parallel.

use super::{Corpus, Digest, digest};
use crate::discover::{DiscoverError, discover_sidecars};
use crate::store::{StoreError, read_record};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A sidecar or folder that could not be read into the corpus; the rest of
/// the corpus loads regardless.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error(transparent)]
    Discover(#[from] DiscoverError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl CorpusError {
    /// The file or folder the error is about.
    pub fn path(&self) -> &Path {
        match self {
            CorpusError::Discover(e) => e.path(),
            CorpusError::Store(e) => e.path(),
        }
    }
}

/// Every record sidecar (`*.curation.json`) under `dir`, recursively, in a
/// stable order, and the paths that could not be walked.
pub fn discover_corpus(dir: &Path) -> (Vec<PathBuf>, Vec<CorpusError>) {
    let found = discover_sidecars(&[dir.to_path_buf()]);
    let errors = found.errors.into_iter().map(CorpusError::from).collect();
    (found.sidecars, errors)
}

/// Reads `sidecars` in parallel into a corpus, in the order given, counting
/// each file read (or failed) in `done` so that a caller on another thread
/// can show progress. Files that cannot be read or parsed are left out and
/// reported.
pub fn load_sidecars(sidecars: &[PathBuf], done: &AtomicUsize) -> (Corpus, Vec<CorpusError>) {
    let results: Vec<Result<Digest, CorpusError>> = sidecars
        .par_iter()
        .map(|path| {
            let result = read_record(path)
                .map(|record| digest(path, &record))
                .map_err(CorpusError::from);
            done.fetch_add(1, Ordering::Relaxed);
            result
        })
        .collect();
    let mut digests = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(d) => digests.push(d),
            Err(e) => errors.push(e),
        }
    }
    (Corpus::from_digests(digests), errors)
}

/// The corpus of every record sidecar under `dir`, and what could not be
/// read.
pub fn load_corpus(dir: &Path) -> (Corpus, Vec<CorpusError>) {
    let (sidecars, mut errors) = discover_corpus(dir);
    let (corpus, load_errors) = load_sidecars(&sidecars, &AtomicUsize::new(0));
    errors.extend(load_errors);
    (corpus, errors)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::model::{Judgement, Status};
    use crate::store::save_record_atomically;

    #[test]
    fn loads_every_sidecar_under_a_folder_and_reports_bad_ones() {
        let dir = tempfile::tempdir().expect("temp dir");
        let nested = dir.path().join("2019");
        std::fs::create_dir(&nested).expect("mkdir");
        let mut a = record("a.txt", Status::Reviewed);
        a.inspections
            .push(inspection(Some("Kent"), "2019-03", Some(Judgement::Good)));
        let mut b = record("b.txt", Status::Unreviewed);
        b.inspections.push(inspection(Some("Leeds"), "2015", None));
        b.inspections.push(inspection(Some("Leeds"), "2016", None));
        save_record_atomically(&dir.path().join("a.txt.curation.json"), &a).expect("save a");
        save_record_atomically(&nested.join("b.txt.curation.json"), &b).expect("save b");
        std::fs::write(dir.path().join("broken.txt.curation.json"), "{ not json").expect("write");
        std::fs::write(dir.path().join("a.txt"), "an article, not a record").expect("write");

        let (corpus, errors) = load_corpus(dir.path());
        assert_eq!(corpus.articles().len(), 2);
        assert_eq!(corpus.rows().len(), 3);
        let a_index = corpus
            .record_index(&dir.path().join("a.txt.curation.json"))
            .expect("a loaded");
        assert_eq!(corpus.articles()[a_index].status, Status::Reviewed);
        let b_index = corpus
            .record_index(&nested.join("b.txt.curation.json"))
            .expect("b loaded");
        assert_eq!(corpus.rows_of_record(b_index).len(), 2);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].path().ends_with("broken.txt.curation.json"));
        assert!(errors[0].to_string().contains("broken.txt.curation.json"));
    }

    #[test]
    fn progress_counts_every_file_tried() {
        let dir = tempfile::tempdir().expect("temp dir");
        let good = dir.path().join("a.txt.curation.json");
        save_record_atomically(&good, &record("a.txt", Status::Reviewed)).expect("save");
        let missing = dir.path().join("gone.txt.curation.json");
        let done = AtomicUsize::new(0);
        let (corpus, errors) = load_sidecars(&[good, missing], &done);
        assert_eq!(done.load(Ordering::Relaxed), 2);
        assert_eq!(corpus.articles().len(), 1);
        assert!(matches!(
            errors.as_slice(),
            [CorpusError::Store(StoreError::Read { .. })]
        ));
    }

    #[test]
    fn a_missing_folder_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (corpus, errors) = load_corpus(&dir.path().join("nowhere"));
        assert!(corpus.articles().is_empty());
        assert_eq!(errors.len(), 1);
    }
}
