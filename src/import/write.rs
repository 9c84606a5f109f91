//! Writing an import: choosing names that never replace a different file,
//! writing each new article atomically without overwriting, and keeping
//! the index CSV (one row per article of every export imported into the
//! folder).

use super::{Action, ImportError, ImportPlan};
use std::collections::HashSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The index's file name in the output folder.
pub const INDEX_FILE: &str = "index.csv";

/// The index's columns.
pub const INDEX_HEADING: [&str; 11] = [
    "file",
    "headline",
    "outlet",
    "date",
    "byline",
    "words",
    "source_file",
    "position",
    "duplicate",
    "duplicate_of",
    "similarity",
];

/// How many numbered variants of a name are tried (`name-2.txt`, ...).
const MAX_VARIANTS: usize = 1000;

/// What writing an import did.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub written: Vec<PathBuf>,
    pub unchanged: usize,
    pub skipped_duplicates: usize,
    /// Whether the index was written (it is left alone when unchanged).
    pub index_written: bool,
    pub errors: Vec<ImportError>,
}

/// A file name for `text` in `folder`: `<base>.txt`, else `<base>-2.txt`,
/// ... The first name that holds exactly `text` already is reused (the
/// bool says so); a name holding anything else, or claimed by another
/// article of this import, is passed over.
pub(super) fn choose_name(
    folder: &Path,
    base: &str,
    text: &str,
    claimed: &HashSet<String>,
) -> Result<(String, bool), ImportError> {
    for n in 1..=MAX_VARIANTS {
        let name = if n == 1 {
            format!("{base}.txt")
        } else {
            format!("{base}-{n}.txt")
        };
        if claimed.contains(&name) {
            continue;
        }
        let path = folder.join(&name);
        match holds_exactly(&path, text.as_bytes()) {
            Ok(None) => return Ok((name, false)),
            Ok(Some(true)) => return Ok((name, true)),
            Ok(Some(false)) => continue,
            Err(source) => return Err(ImportError::ReadExisting { path, source }),
        }
    }
    Err(ImportError::NoFreeName {
        folder: folder.to_path_buf(),
        name: format!("{base}.txt"),
    })
}

/// `None` when nothing is at `path`; else whether the file there holds
/// exactly `bytes` (anything that is not a regular file does not).
fn holds_exactly(path: &Path, bytes: &[u8]) -> std::io::Result<Option<bool>> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
        Ok(meta) if !meta.is_file() || meta.len() != bytes.len() as u64 => Ok(Some(false)),
        Ok(_) => Ok(Some(std::fs::read(path)? == bytes)),
    }
}

/// Writes the plan's new articles and the index into its output folder.
pub fn write_import(plan: &ImportPlan) -> ImportReport {
    let mut report = ImportReport::default();
    if let Err(source) = std::fs::create_dir_all(&plan.out_dir) {
        report.errors.push(ImportError::Write {
            path: plan.out_dir.clone(),
            source,
        });
        return report;
    }
    for article in &plan.articles {
        match (article.action, &article.file_name) {
            (Action::SkipDuplicate, _) => report.skipped_duplicates += 1,
            (Action::Unchanged, _) => report.unchanged += 1,
            (Action::Write, Some(name)) => {
                let path = plan.out_dir.join(name);
                match write_new_file(&path, article.text.as_bytes()) {
                    Ok(true) => report.written.push(path),
                    Ok(false) => report.unchanged += 1,
                    Err(e) => report.errors.push(e),
                }
            }
            (Action::Write, None) => {}
        }
    }
    match write_index(plan) {
        Ok(written) => report.index_written = written,
        Err(e) => report.errors.push(e),
    }
    report
}

/// Writes `bytes` to `path` through a temporary file, never replacing a
/// file that is there: `Ok(false)` when the same bytes are there already.
fn write_new_file(path: &Path, bytes: &[u8]) -> Result<bool, ImportError> {
    let write_error = |source| ImportError::Write {
        path: path.to_path_buf(),
        source,
    };
    let folder = path.parent().unwrap_or(Path::new("."));
    let (temp, mut file) = crate::store::create_temp_file(folder, path).map_err(write_error)?;
    let result = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| {
            drop(file);
            // A hard link appears whole and fails if the name is taken; a
            // file system without links gets a rename after a check.
            match std::fs::hard_link(&temp, path) {
                Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
                    if std::fs::symlink_metadata(path).is_ok() {
                        Err(std::io::Error::from(std::io::ErrorKind::AlreadyExists))
                    } else {
                        std::fs::rename(&temp, path)
                    }
                }
                other => other,
            }
        });
    let _ = std::fs::remove_file(&temp);
    match result {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            match holds_exactly(path, bytes) {
                Ok(Some(true)) => Ok(false),
                _ => Err(ImportError::NameTaken {
                    path: path.to_path_buf(),
                }),
            }
        }
        Err(source) => Err(write_error(source)),
    }
}

/// The plan's index rows.
fn plan_rows(plan: &ImportPlan) -> Vec<Vec<String>> {
    plan.articles
        .iter()
        .map(|a| {
            let f = &a.fields;
            let duplicate_of = a
                .duplicate
                .and_then(|d| plan.articles.get(d.of))
                .and_then(|o| o.file_name.clone())
                .unwrap_or_default();
            vec![
                a.file_name.clone().unwrap_or_default(),
                f.headline.clone().unwrap_or_default(),
                f.outlet.clone().unwrap_or_default(),
                f.date
                    .map(super::Date::iso)
                    .or_else(|| f.date_text.clone())
                    .unwrap_or_default(),
                f.byline.clone().unwrap_or_default(),
                f.words.map(|w| w.to_string()).unwrap_or_default(),
                plan.sources
                    .get(a.source)
                    .map(|s| s.name())
                    .unwrap_or_default(),
                f.position.to_string(),
                a.duplicate
                    .map(|d| d.kind.label().to_string())
                    .unwrap_or_default(),
                duplicate_of,
                a.duplicate
                    .map(|d| format!("{:.3}", d.similarity))
                    .unwrap_or_default(),
            ]
        })
        .collect()
}

/// Merges the plan's rows into the folder's index (rows of other exports
/// are kept, rows of these exports replaced) and writes it when it
/// changed. Returns whether it was written.
fn write_index(plan: &ImportPlan) -> Result<bool, ImportError> {
    let path = plan.out_dir.join(INDEX_FILE);
    let existing = match std::fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(source) => return Err(ImportError::ReadExisting { path, source }),
    };
    let sources: HashSet<String> = plan.sources.iter().map(|s| s.name()).collect();
    let source_column = 6;
    let position_column = 7;
    let mut rows: Vec<Vec<String>> = Vec::new();
    if let Some(bytes) = &existing {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(bytes.as_slice());
        let heading = reader.headers().map_err(|e| ImportError::BadIndex {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        if heading.iter().ne(INDEX_HEADING.iter().copied()) {
            return Err(ImportError::ForeignIndex { path });
        }
        for row in reader.records() {
            let row = row.map_err(|e| ImportError::BadIndex {
                path: path.clone(),
                reason: e.to_string(),
            })?;
            let row: Vec<String> = row.iter().map(str::to_string).collect();
            if !row.get(source_column).is_some_and(|s| sources.contains(s)) {
                rows.push(row);
            }
        }
    }
    rows.extend(plan_rows(plan));
    rows.sort_by(|a, b| {
        let position = |r: &Vec<String>| {
            r.get(position_column)
                .and_then(|p| p.parse::<usize>().ok())
                .unwrap_or(0)
        };
        a.get(source_column)
            .cmp(&b.get(source_column))
            .then(position(a).cmp(&position(b)))
    });
    let mut writer = csv::Writer::from_writer(Vec::new());
    let csv_error = |e: csv::Error| ImportError::Write {
        path: path.clone(),
        source: std::io::Error::other(e.to_string()),
    };
    writer.write_record(INDEX_HEADING).map_err(csv_error)?;
    for row in &rows {
        writer.write_record(row).map_err(csv_error)?;
    }
    let bytes = writer.into_inner().map_err(|e| ImportError::Write {
        path: path.clone(),
        source: std::io::Error::other(e.to_string()),
    })?;
    if existing.as_deref() == Some(bytes.as_slice()) {
        return Ok(false);
    }
    crate::store::write_atomically(&path, &bytes)?;
    Ok(true)
}
