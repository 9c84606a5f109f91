//! Reading one article into a document: the article and its record
//! through the shared pipeline, the record checked against the article, and
//! the document opened (everything in memory) or parked (only what the
//! queue and the corpus show).

use super::workspace::{
    DocState, History, LoadedDoc, ParkedDoc, approx_record_bytes, curated_report, summary_record,
};
use crate::model::Record;
use crate::text::{LoadOptions, OffsetMap};
use crate::{pipeline, store, text};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Reads one article and its record: the sidecar when there is one (noting
/// when it was made for another version of the text), else a fresh
/// extraction. Never panics on a strange file.
pub fn load_document(path: &Path) -> DocState {
    load_document_with(path, &LoadOptions::default())
}

/// [`load_document`] with the given reading options.
pub fn load_document_with(path: &Path, options: &LoadOptions) -> DocState {
    load_document_listed(path, store::sidecar_path(path, None), None, options)
}

/// [`load_document_with`], with the record at `sidecar`, where a folder
/// listing may already have said whether it is there (`None`: not known).
pub fn load_document_listed(
    path: &Path,
    sidecar: PathBuf,
    listed: Option<bool>,
    options: &LoadOptions,
) -> DocState {
    match read_document(path, sidecar, listed, options) {
        Ok(doc) => DocState::Ready(Box::new(doc.into_loaded())),
        Err(e) => DocState::Failed(e),
    }
}

/// A document read from disk, before it is opened or parked.
#[derive(Debug)]
pub struct ReadDocument {
    text: String,
    text_sha256: String,
    record: Record,
    machine: Option<Record>,
    saved: bool,
    notices: Vec<String>,
    read_only: Option<String>,
    read_only_details: Option<String>,
    disk: store::DiskState,
    sidecar: PathBuf,
}

impl ReadDocument {
    /// The record to show: the one on disk, or a fresh extraction.
    pub fn record(&self) -> &Record {
        &self.record
    }

    /// The extractor's record; `None` when it failed on this text.
    pub fn machine(&self) -> Option<&Record> {
        self.machine.as_ref()
    }

    /// Why the record must not be edited, if it must not.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// A rough count of the bytes it holds once open.
    pub fn approx_bytes(&self) -> usize {
        std::mem::size_of::<LoadedDoc>()
            + self.text.len()
            + approx_record_bytes(&self.record)
            + self.machine.as_ref().map_or(0, approx_record_bytes)
    }

    /// The document, open for viewing and editing.
    pub fn into_loaded(self) -> LoadedDoc {
        let text: Arc<str> = Arc::from(self.text);
        LoadedDoc {
            offsets: Arc::new(OffsetMap::new(&text)),
            text,
            record: self.record,
            machine: self.machine,
            history: History::default(),
            revision: 0,
            saved_revision: self.saved.then_some(0),
            saving: None,
            notices: self.notices,
            save_error: None,
            read_only: self.read_only,
            read_only_details: self.read_only_details,
            disk: self.disk,
            sidecar: self.sidecar,
        }
    }

    /// What the queue and the corpus keep of it; `name` is the name the
    /// queue shows.
    pub fn into_parked(self, name: &str) -> ParkedDoc {
        ParkedDoc {
            report: curated_report(name, &self.record),
            summary: summary_record(&self.record),
            saved: self.saved,
            warning: !self.notices.is_empty(),
            text_sha256: self.text_sha256,
            sidecar: self.sidecar,
        }
    }
}

/// Reads the article at `path` and its record at `sidecar` (see
/// [`load_document_listed`]); the error is the message to show.
pub fn read_document(
    path: &Path,
    sidecar: PathBuf,
    listed: Option<bool>,
    options: &LoadOptions,
) -> Result<ReadDocument, String> {
    let read = pipeline::read_article(path, sidecar, listed, options).map_err(|e| e.to_string())?;
    let pipeline::ReadArticle {
        article,
        machine,
        sidecar,
        existing,
    } = read;
    let file_name = pipeline::article_file_name(path);
    let mut notices: Vec<String> = article
        .notices
        .iter()
        .map(|n| format!("{}: {n}", path.display()))
        .collect();
    let machine = match machine {
        Ok(record) => Some(record),
        Err(e) => {
            notices.push(format!("{e}. Fill the record by hand"));
            None
        }
    };
    let opened = open_sidecar(&sidecar, existing, &article, &file_name);
    notices.extend(opened.notices);
    let (record, saved) = match opened.record {
        Some(r) => (r, true),
        None => (
            fresh_record(machine.as_ref(), &article.text, &file_name),
            false,
        ),
    };
    Ok(ReadDocument {
        text: article.text,
        text_sha256: article.sha256,
        record,
        machine,
        saved,
        notices,
        read_only: opened.read_only,
        read_only_details: opened.read_only_details,
        disk: opened.disk,
        sidecar,
    })
}

fn fresh_record(machine: Option<&Record>, text: &str, file_name: &str) -> Record {
    match machine {
        Some(m) => m.clone(),
        None => Record::empty(crate::model::Source {
            path: file_name.to_string(),
            text_sha256: text::text_sha256(text),
            chars: text.chars().count(),
        }),
    }
}

/// What was found beside an article.
struct OpenedSidecar {
    /// The record to show; `None`: show a fresh extraction.
    record: Option<Record>,
    notices: Vec<String>,
    /// Why the article must not be edited or saved (the banner's text).
    read_only: Option<String>,
    /// The full error behind `read_only`, for the banner's hover.
    read_only_details: Option<String>,
    disk: store::DiskState,
}

/// Takes what was found at the sidecar of `article`. A record this
/// version cannot read, or one that does not fit the article, opens
/// read-only so that saving can never replace it unasked; one made for
/// another version of the text opens with a warning listing the evidence
/// that no longer fits.
fn open_sidecar(
    sidecar: &Path,
    existing: store::ExistingSidecar,
    article: &text::Article,
    file_name: &str,
) -> OpenedSidecar {
    let mut opened = OpenedSidecar {
        record: None,
        notices: Vec::new(),
        read_only: None,
        read_only_details: None,
        disk: store::DiskState::Missing,
    };
    let parsed = match existing {
        store::ExistingSidecar::Missing => return opened,
        store::ExistingSidecar::Broken { error, bytes } => {
            if let Some(bytes) = bytes {
                opened.disk = store::DiskState::of_bytes(&bytes);
            }
            opened.read_only = Some(read_only_banner(sidecar, &error.reason()));
            opened.read_only_details = Some(error.to_string());
            return opened;
        }
        store::ExistingSidecar::Parsed(parsed) => parsed,
    };
    opened.disk = store::DiskState::of_bytes(&parsed.bytes);
    for warning in &parsed.warnings {
        opened.notices.push(format!(
            "{}: {warning} (saving will drop it)",
            sidecar.display()
        ));
    }
    let fit = store::check_fit(&parsed.record, &article.text, file_name);
    if !fit.blocking.is_empty() {
        let why = fit.blocking.join("; ");
        opened.read_only = Some(read_only_banner(sidecar, &why));
        opened.read_only_details = Some(format!("{}: {why}", sidecar.display()));
    } else if fit.text_changed {
        let mut notice = format!(
            "{}: the record was made for a different version of this text; \
             its evidence may point at the wrong words",
            sidecar.display()
        );
        if !fit.stale_evidence.is_empty() {
            notice.push_str(". No longer fits: ");
            notice.push_str(&fit.stale_evidence.join("; "));
        }
        opened.notices.push(notice);
    }
    opened.record = Some(parsed.record);
    opened
}

/// The banner names the record file, not its folder: the status bar shows
/// where the article is, and the full path is in the banner's hover.
fn read_only_banner(sidecar: &Path, why: &str) -> String {
    let name = sidecar
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| sidecar.display().to_string());
    format!(
        "Read-only: {name} is kept as it is because {why}. Showing a fresh \
         extraction; \"Replace with a new record\" saves it (the old file is kept as .bak)."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_size_cap_is_the_one_the_app_was_started_with() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("long.txt");
        let text = "Inspectors rated the council's children's services good.\n".repeat(40);
        std::fs::write(&path, &text).expect("write article");

        let small = LoadOptions { max_bytes: 100 };
        match load_document_with(&path, &small) {
            DocState::Failed(message) => {
                assert!(message.contains("long.txt"), "{message}");
                assert!(message.contains("--max-size"), "{message}");
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
        let raised = LoadOptions {
            max_bytes: text.len() as u64,
        };
        assert!(matches!(
            load_document_with(&path, &raised),
            DocState::Ready(_)
        ));
    }
}
