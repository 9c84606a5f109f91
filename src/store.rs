//! Reading and writing record sidecars.
//!
//! Records are written in the contract's layout (`layout`), always atomically,
//! and read strictly: malformed JSON and unknown format versions are errors
//! that name the file, unknown fields are warnings. `validate` checks a
//! record against its article; `protect` decides when a record may be
//! replaced.

mod anchor;
mod batch;
mod conflict;
mod drafts;
mod layout;
mod leftovers;
mod protect;
mod validate;

pub use anchor::{Fit, check_fit, stale_evidence};
pub use batch::{
    BatchEntry, CommitError, Folders, Replace, StagedWrite, commit_batch, stage_write,
};
pub use conflict::{DiskState, FieldChange, disk_state, record_changes};
pub use drafts::{
    Draft, default_drafts_dir, draft_key, draft_path, find_drafts, remove_draft, write_draft,
};
pub use layout::to_contract_json;
pub use leftovers::{Cleanup, remove_abandoned_temp_files, temp_file_writer};
pub use protect::{
    Decision, ExistingSidecar, KeepReason, ParsedSidecar, backup_path, inspect_sidecar,
    inspect_sidecar_listed, replace_decision,
};
pub use validate::{MIN_QUOTE_WORDS, Problem, validate_record, validate_record_without_text};

use crate::discover::SIDECAR_SUFFIX;
use crate::model::{FORMAT, Record};
use serde_json::Value;
use std::io::Write;
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
    #[error("{path}: line {line}, column {column}: {message}")]
    Json {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path}: record format {found:?} is not supported by this version \
         (it reads {FORMAT:?})"
    )]
    UnsupportedFormat { path: PathBuf, found: String },
}

impl StoreError {
    /// What is wrong, without the file's name or the parser's wording, for a
    /// place that already names the file.
    pub fn reason(&self) -> String {
        match self {
            StoreError::Read { source, .. } => format!("it cannot be read ({source})"),
            StoreError::Write { source, .. } => format!("it cannot be written ({source})"),
            StoreError::Malformed { .. } => "it is not a complete record".to_string(),
            StoreError::Json { line, .. } => format!("it is not valid JSON (line {line})"),
            StoreError::UnsupportedFormat { found, .. } => {
                format!("it is in format {found}, which this version does not read")
            }
        }
    }

    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            StoreError::Read { path, .. }
            | StoreError::Write { path, .. }
            | StoreError::Malformed { path, .. }
            | StoreError::Json { path, .. }
            | StoreError::UnsupportedFormat { path, .. } => path,
        }
    }
}

/// A record read from disk, with what looked odd but did not stop it.
#[derive(Debug, Clone)]
pub struct ReadRecord {
    pub record: Record,
    /// E.g. `inspections[0].colour: unknown field, ignored`.
    pub warnings: Vec<String>,
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

/// The article a sidecar belongs to: beside it, its name without the suffix;
/// `None` if `sidecar` is not named like one.
pub fn article_path_for_sidecar(sidecar: &Path) -> Option<PathBuf> {
    let name = sidecar.file_name()?.to_str()?;
    let article = name.strip_suffix(SIDECAR_SUFFIX)?;
    (!article.is_empty()).then(|| sidecar.with_file_name(article))
}

/// The record as the contract writes it: pretty JSON, two-space indent,
/// evidence spans on one line, trailing newline.
pub fn record_to_json(record: &Record) -> String {
    let mut json = to_contract_json(record);
    json.push('\n');
    json
}

/// Parses a record from JSON text; `path` is only used in errors.
pub fn parse_record(path: &Path, json: &str) -> Result<Record, StoreError> {
    parse_record_with_warnings(path, json).map(|read| read.record)
}

/// Parses a record, reporting fields this version does not know as warnings.
///
/// One typed pass does both: `serde_ignored` names each key the record's
/// types pass over. Only a record that fails to parse is read again as
/// plain JSON, so that a record of another format version is reported as
/// that rather than as the type error its new shape causes here.
pub fn parse_record_with_warnings(path: &Path, json: &str) -> Result<ReadRecord, StoreError> {
    let json_error = |e: serde_json::Error| StoreError::Json {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        message: describe_json_error(&e),
    };
    let mut warnings = Vec::new();
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let typed = serde_ignored::deserialize(&mut deserializer, |ignored| {
        warnings.push(format!("{}: unknown field, ignored", location(&ignored)));
    })
    .and_then(|record: Record| deserializer.end().map(|()| record));
    let record = match typed {
        Ok(record) => record,
        Err(typed_error) => {
            let value: Value = serde_json::from_str(json).map_err(json_error)?;
            check_format_of(path, &value)?;
            return Err(json_error(typed_error));
        }
    };
    check_format_tag(path, &record.format)?;
    Ok(ReadRecord { record, warnings })
}

/// Whether a record's `format` tag names this version's format.
fn check_format_tag(path: &Path, found: &str) -> Result<(), StoreError> {
    if found == FORMAT {
        Ok(())
    } else {
        Err(StoreError::UnsupportedFormat {
            path: path.to_path_buf(),
            found: found.to_string(),
        })
    }
}

/// Whether a record read as plain JSON is an object whose `format` tag
/// names this version's format.
fn check_format_of(path: &Path, value: &Value) -> Result<(), StoreError> {
    let malformed = |message: String| StoreError::Malformed {
        path: path.to_path_buf(),
        message,
    };
    match value.get("format") {
        Some(Value::String(found)) => check_format_tag(path, found),
        Some(_) => Err(malformed("\"format\" is not a string".to_string())),
        None if value.is_object() => Err(malformed(format!(
            "no \"format\" field (expected {FORMAT:?})"
        ))),
        None => Err(malformed("the top level is not a JSON object".to_string())),
    }
}

/// Where an ignored key sits in a record, as warnings name it:
/// `figures[0].confidence`.
fn location(path: &serde_ignored::Path<'_>) -> String {
    use serde_ignored::Path;
    match path {
        Path::Root => String::new(),
        Path::Seq { parent, index } => format!("{}[{index}]", location(parent)),
        Path::Map { parent, key } => match location(parent) {
            above if above.is_empty() => key.clone(),
            above => format!("{above}.{key}"),
        },
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => location(parent),
    }
}

/// serde_json's message without its own " at line L column C" tail, which
/// our error repeats in front.
fn describe_json_error(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let tail = format!(" at line {} column {}", e.line(), e.column());
    message
        .strip_suffix(&tail)
        .map(str::to_string)
        .unwrap_or(message)
}

/// Reads and parses the record at `path`.
pub fn read_record(path: &Path) -> Result<Record, StoreError> {
    read_record_with_warnings(path).map(|read| read.record)
}

/// Reads and parses the record at `path`, with warnings about fields this
/// version does not know.
pub fn read_record_with_warnings(path: &Path) -> Result<ReadRecord, StoreError> {
    let bytes = std::fs::read(path).map_err(|source| StoreError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse_record_bytes(path, &bytes)
}

/// Parses a record from the bytes of its file; `path` is only used in
/// errors.
pub fn parse_record_bytes(path: &Path, bytes: &[u8]) -> Result<ReadRecord, StoreError> {
    let json = std::str::from_utf8(bytes).map_err(|_| StoreError::Read {
        path: path.to_path_buf(),
        source: std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        ),
    })?;
    parse_record_with_warnings(path, json)
}

/// Writes `record` to `path` so that the file is always either the old or the
/// new complete record: a temporary file in the same folder is written,
/// flushed to disk and renamed over the target. On error the old file is
/// untouched and the temporary file removed.
pub fn save_record_atomically(path: &Path, record: &Record) -> Result<(), StoreError> {
    write_atomically(path, record_to_json(record).as_bytes())
}

/// Writes `bytes` to `path` atomically (see [`save_record_atomically`]).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let write_error = |source| StoreError::Write {
        path: path.to_path_buf(),
        source,
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let (temp_path, mut file) = create_temp_file(folder, path).map_err(write_error)?;
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| {
            drop(file);
            std::fs::rename(&temp_path, path)
        });
    if let Err(source) = written {
        // Best effort: the temporary file is ours and useless now.
        let _ = std::fs::remove_file(&temp_path);
        return Err(write_error(source));
    }
    sync_folder(folder);
    Ok(())
}

/// The longest part of the target's name a temporary file's name keeps,
/// in bytes: with the dot, process id, counter and `.tmp` around it, the
/// name stays within the 255 bytes file systems allow.
const TEMP_NAME_KEEPS: usize = 200;

/// Creates `.<name>.<pid>.<n>.tmp` beside `target` (`<name>` cut short if
/// long); hidden and ending in `.tmp` so that discovery and people skip it
/// if a crash leaves it behind, and locked for as long as it is open, so
/// that a later clean-up ([`remove_abandoned_temp_files`]) can tell it is
/// being written. Exports use it too.
pub(crate) fn create_temp_file(
    folder: &Path,
    target: &Path,
) -> std::io::Result<(PathBuf, std::fs::File)> {
    let mut name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "record".to_string());
    if name.len() > TEMP_NAME_KEEPS {
        let mut end = TEMP_NAME_KEEPS;
        while !name.is_char_boundary(end) {
            end -= 1;
        }
        name.truncate(end);
    }
    // Asked once: the id does not change, and asking is a system call.
    static PID: std::sync::OnceLock<u32> = std::sync::OnceLock::new();
    let pid = *PID.get_or_init(std::process::id);
    let mut attempt = 0u32;
    loop {
        let temp = folder.join(format!(".{name}.{pid}.{attempt}.tmp"));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(file) => {
                // A new file: no one else can hold its lock. Without
                // locks (some network file systems) the writer's process
                // id in the name still protects it.
                let _ = file.try_lock();
                return Ok((temp, file));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 1000 => {
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

/// Makes the rename durable across a power cut. Failure is ignored: the new
/// file is already in place, and some file systems refuse to sync folders.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = std::fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

#[cfg(test)]
mod tests;
