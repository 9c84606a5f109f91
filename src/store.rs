//! Reading and writing record sidecars.

use crate::discover::SIDECAR_SUFFIX;
use crate::model::Record;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: cannot write: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not a valid record: {message}")]
    Malformed { path: PathBuf, message: String },
}

/// Where the record of `article` lives: beside it, or in `out_dir`.
pub fn sidecar_path(article: &Path, out_dir: Option<&Path>) -> PathBuf {
    let name = article
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let file = format!("{name}{SIDECAR_SUFFIX}");
    match out_dir {
        Some(dir) => dir.join(file),
        None => article.with_file_name(file),
    }
}

/// The record as the contract writes it: pretty JSON, two-space indent.
pub fn record_to_json(record: &Record) -> String {
    let mut s = serde_json::to_string_pretty(record).unwrap_or_default();
    s.push('\n');
    s
}

/// Parses a record from JSON text; `path` is only used in errors.
pub fn parse_record(path: &Path, json: &str) -> Result<Record, StoreError> {
    serde_json::from_str(json).map_err(|e| StoreError::Malformed {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// Reads and parses the record at `path`.
pub fn read_record(path: &Path) -> Result<Record, StoreError> {
    let json = std::fs::read_to_string(path).map_err(|source| StoreError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse_record(path, &json)
}

/// Writes `record` to `path` so that the file is always either the old or the
/// new complete record.
pub fn save_record_atomically(path: &Path, record: &Record) -> Result<(), StoreError> {
    std::fs::write(path, record_to_json(record)).map_err(|source| StoreError::Write {
        path: path.to_path_buf(),
        source,
    })
}
