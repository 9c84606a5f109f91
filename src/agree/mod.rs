//! Agreement between two curators who coded the same articles in two
//! copies of a folder: which articles they share, how far they agree
//! (Cohen's kappa of the categorical fields, precision, recall and F1 of B
//! against A as the evaluation counts them), where they differ, and how a
//! difference is settled on one side. Plain Rust, no UI.
//!
//! Articles are matched by the hash of their text (`source.text_sha256`),
//! not by file name, so that a renamed copy is still the same article.
//! Only records a person worked on count: a machine record says nothing of
//! a curator. A curated record whose article lies in the other folder with
//! no record at all is compared with an empty record, so everything in it
//! is a difference; an article the other curator left to the machine was
//! not double-coded and is only counted apart.

pub mod align;
pub mod diff;
pub mod figures;
pub mod kappa;
mod report;

pub use diff::{Difference, Place, Side, differences, take_b};
pub use figures::{Agreement, ArticleAgreement, CATEGORICAL};
pub use kappa::{Kappa, cohen_kappa};

use crate::model::{Record, Source};
use crate::store::{StoreError, read_record};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const SIDECAR_SUFFIX: &str = ".curation.json";

/// Why two folders could not be compared.
#[derive(Debug, thiserror::Error)]
pub enum AgreeError {
    #[error("{path}: cannot read the folder: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Record(#[from] StoreError),
    #[error("{a} and {b} share no curated article (records are matched by the hash of their text)")]
    NothingShared { a: PathBuf, b: PathBuf },
}

/// A folder's curated records by text hash, and the article file names it
/// holds without any record.
#[derive(Debug, Default)]
pub struct FolderRecords {
    /// (sidecar file name, record) by `source.text_sha256`.
    pub curated: BTreeMap<String, (String, Record)>,
    /// Hashes of records that no person worked on.
    pub machine_only: Vec<String>,
    /// Files that are not records and have no record beside them.
    pub without_record: Vec<String>,
}

/// Reads every record of `dir`. A record that cannot be read is an error
/// naming it: figures that silently leave records out cannot be trusted.
pub fn read_folder(dir: &Path) -> Result<FolderRecords, AgreeError> {
    let folder_error = |source| AgreeError::Folder {
        path: dir.to_path_buf(),
        source,
    };
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(folder_error)?
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    names.sort();
    let mut out = FolderRecords::default();
    for name in &names {
        let Some(article) = name.strip_suffix(SIDECAR_SUFFIX) else {
            if !names.contains(&format!("{name}{SIDECAR_SUFFIX}")) {
                out.without_record.push(name.clone());
            }
            continue;
        };
        let record = read_record(&dir.join(name))?;
        let hash = record.source.text_sha256.clone();
        if !record.is_curated() {
            out.machine_only.push(hash);
        } else {
            // Two copies of one text in a folder: the first by name counts.
            out.curated
                .entry(hash)
                .or_insert_with(|| (article.to_string(), record));
        }
    }
    Ok(out)
}

/// A record with nothing in it, standing for one a curator never made.
fn empty_like(record: &Record) -> Record {
    let mut empty = Record::empty(Source {
        path: record.source.path.clone(),
        text_sha256: record.source.text_sha256.clone(),
        chars: record.source.chars,
    });
    empty.updated = record.updated.clone();
    empty
}

/// The figures of the articles two folders share, with B's records scored
/// against A's.
pub fn agree_folders(a_dir: &Path, b_dir: &Path) -> Result<FolderAgreement, AgreeError> {
    let a = read_folder(a_dir)?;
    let b = read_folder(b_dir)?;
    let mut agreement = Agreement::default();
    let mut coded_once = 0;
    for (hash, (name, record_a)) in &a.curated {
        match b.curated.get(hash) {
            Some((_, record_b)) => agreement.add(name, record_a, record_b, None),
            None if b.without_record.contains(name) => {
                agreement.add(name, record_a, &empty_like(record_a), Some(Side::B));
            }
            None => coded_once += 1,
        }
    }
    for (hash, (name, record_b)) in &b.curated {
        if a.curated.contains_key(hash) {
            continue;
        }
        if a.without_record.contains(name) {
            agreement.add(name, &empty_like(record_b), record_b, Some(Side::A));
        } else {
            coded_once += 1;
        }
    }
    if agreement.articles.is_empty() {
        return Err(AgreeError::NothingShared {
            a: a_dir.to_path_buf(),
            b: b_dir.to_path_buf(),
        });
    }
    agreement.articles.sort_by(|x, y| x.name.cmp(&y.name));
    Ok(FolderAgreement {
        agreement,
        coded_once,
    })
}

/// The agreement of two folders and what could not be compared.
#[derive(Debug, Clone)]
pub struct FolderAgreement {
    pub agreement: Agreement,
    /// Curated articles the other curator left to the machine or never had.
    pub coded_once: usize,
}

#[cfg(test)]
mod tests;
