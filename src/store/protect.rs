//! When a new machine record may replace an existing sidecar.
//!
//! A curator's work must never be lost to a re-run of the extractor: a
//! sidecar is replaced only when asked, a curated one only when forced (and
//! then kept as a backup), and one this build cannot read is never touched,
//! since replacing it would destroy something we do not understand.

use super::{StoreError, parse_record_bytes};
use crate::model::Record;
use std::fmt;
use std::path::{Path, PathBuf};

/// What is at a sidecar's path before we write.
#[derive(Debug)]
pub enum ExistingSidecar {
    Missing,
    Parsed(Box<ParsedSidecar>),
    /// Present but unreadable, unparseable or of an unknown format version;
    /// `bytes` are its contents when they could be read.
    Broken {
        error: StoreError,
        bytes: Option<Vec<u8>>,
    },
}

/// A sidecar read and parsed, with the bytes it was read from.
#[derive(Debug)]
pub struct ParsedSidecar {
    pub record: Record,
    /// Fields this version does not know, e.g. `inspections[0].colour:
    /// unknown field, ignored`.
    pub warnings: Vec<String>,
    pub bytes: Vec<u8>,
}

/// Looks at the sidecar at `path` without changing it.
pub fn inspect_sidecar(path: &Path) -> ExistingSidecar {
    inspect_sidecar_listed(path, None)
}

/// Looks at the sidecar at `path`, reading it once. `listed` is what a
/// listing of its folder said: `Some(false)`, it was not there, and it is
/// taken to be missing without looking again.
pub fn inspect_sidecar_listed(path: &Path, listed: Option<bool>) -> ExistingSidecar {
    if listed == Some(false) {
        return ExistingSidecar::Missing;
    }
    let read_error = |source| StoreError::Read {
        path: path.to_path_buf(),
        source,
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        // Nothing there, unless it is a link to nothing, which is kept.
        Err(e)
            if e.kind() == std::io::ErrorKind::NotFound
                && std::fs::symlink_metadata(path).is_err() =>
        {
            return ExistingSidecar::Missing;
        }
        Err(e) => {
            return ExistingSidecar::Broken {
                error: read_error(e),
                bytes: None,
            };
        }
    };
    match parse_record_bytes(path, &bytes) {
        Ok(read) => ExistingSidecar::Parsed(Box::new(ParsedSidecar {
            record: read.record,
            warnings: read.warnings,
            bytes,
        })),
        Err(error) => ExistingSidecar::Broken {
            error,
            bytes: Some(bytes),
        },
    }
}

/// What to do with the sidecar path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Nothing there, or a machine record we were asked to replace.
    Write,
    /// A curated record we were forced to replace: copy it to
    /// [`backup_path`] first.
    BackUpThenWrite,
    /// Leave the existing file as it is.
    Keep(KeepReason),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeepReason {
    /// A record is there and `--overwrite` was not given.
    Exists,
    /// A person has worked on the record and `--force` was not given.
    Curated,
    /// The file cannot be read as a record of this build's format.
    Unreadable(String),
    /// No record was there when the run looked, but one appeared before
    /// the new one was put in place (someone saved one meanwhile).
    Appeared,
}

impl fmt::Display for KeepReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeepReason::Exists => {
                write!(f, "a record already exists (use --overwrite to replace it)")
            }
            KeepReason::Curated => write!(
                f,
                "the record has been curated (use --force to replace it; \
                 the old one is then kept as .bak)"
            ),
            KeepReason::Unreadable(why) => write!(
                f,
                "the existing file is not a record this version can read, so it is left \
                 untouched ({why})"
            ),
            KeepReason::Appeared => write!(
                f,
                "a record appeared there while this run was extracting; it is left as it is \
                 (run again to decide what to do with it)"
            ),
        }
    }
}

/// Whether a new machine record may replace `existing`. `force` implies
/// `overwrite`.
pub fn replace_decision(existing: &ExistingSidecar, overwrite: bool, force: bool) -> Decision {
    match existing {
        ExistingSidecar::Missing => Decision::Write,
        ExistingSidecar::Broken { error, .. } => {
            Decision::Keep(KeepReason::Unreadable(error.to_string()))
        }
        ExistingSidecar::Parsed(parsed) if parsed.record.is_curated() => {
            if force {
                Decision::BackUpThenWrite
            } else {
                Decision::Keep(KeepReason::Curated)
            }
        }
        ExistingSidecar::Parsed(_) if overwrite || force => Decision::Write,
        ExistingSidecar::Parsed(_) => Decision::Keep(KeepReason::Exists),
    }
}

/// Where a forced replacement keeps the old sidecar: `<sidecar>.bak`.
pub fn backup_path(sidecar: &Path) -> PathBuf {
    let mut name = sidecar.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Source, Status};

    fn machine_record() -> Record {
        Record::empty(Source {
            path: "a.txt".into(),
            text_sha256: String::new(),
            chars: 0,
        })
    }

    fn parsed(record: Record) -> ExistingSidecar {
        ExistingSidecar::Parsed(Box::new(ParsedSidecar {
            record,
            warnings: Vec::new(),
            bytes: Vec::new(),
        }))
    }

    fn broken() -> ExistingSidecar {
        ExistingSidecar::Broken {
            error: StoreError::UnsupportedFormat {
                path: "a.txt.curation.json".into(),
                found: "ofsted-article/9".into(),
            },
            bytes: None,
        }
    }

    #[test]
    fn a_missing_sidecar_is_written() {
        assert_eq!(
            replace_decision(&ExistingSidecar::Missing, false, false),
            Decision::Write
        );
    }

    #[test]
    fn a_machine_record_is_replaced_only_with_overwrite() {
        let existing = parsed(machine_record());
        assert_eq!(
            replace_decision(&existing, false, false),
            Decision::Keep(KeepReason::Exists)
        );
        assert_eq!(replace_decision(&existing, true, false), Decision::Write);
        assert_eq!(replace_decision(&existing, false, true), Decision::Write);
    }

    #[test]
    fn a_curated_record_needs_force_and_is_backed_up() {
        let mut record = machine_record();
        record.status = Status::Reviewed;
        let existing = parsed(record);
        assert_eq!(
            replace_decision(&existing, true, false),
            Decision::Keep(KeepReason::Curated)
        );
        assert_eq!(
            replace_decision(&existing, true, true),
            Decision::BackUpThenWrite
        );
    }

    #[test]
    fn an_unreadable_sidecar_is_never_replaced() {
        for (overwrite, force) in [(false, false), (true, false), (true, true)] {
            assert!(matches!(
                replace_decision(&broken(), overwrite, force),
                Decision::Keep(KeepReason::Unreadable(_))
            ));
        }
    }

    #[test]
    fn inspecting_reports_missing_parsed_and_broken_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.txt.curation.json");
        assert!(matches!(inspect_sidecar(&path), ExistingSidecar::Missing));
        std::fs::write(&path, "{ not json").expect("write");
        assert!(matches!(
            inspect_sidecar(&path),
            ExistingSidecar::Broken { bytes: Some(_), .. }
        ));
        super::super::save_record_atomically(&path, &machine_record()).expect("save");
        assert!(matches!(inspect_sidecar(&path), ExistingSidecar::Parsed(_)));
    }

    #[test]
    fn the_backup_sits_beside_the_sidecar() {
        assert_eq!(
            backup_path(Path::new("d/a.txt.curation.json")),
            Path::new("d/a.txt.curation.json.bak")
        );
    }
}
