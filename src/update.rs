//! Updating a record after an extractor upgrade: the article is extracted
//! again and the new machine record merged into the existing one
//! ([`crate::merge`]), keeping every human decision. Used by
//! `extract --update`; the app merges in memory the same way.

use crate::merge::{MergeError, Merged, merge_extraction};
use crate::model::Record;
use crate::store::{self, StoreError, backup_path, sidecar_path};
use crate::text::{LoadOptions, TextError, load_article};
use std::path::{Path, PathBuf};

/// Where records are and whether to write them.
#[derive(Debug, Clone, Default)]
pub struct UpdateOptions {
    /// Records are in this folder instead of beside each article.
    pub out_dir: Option<PathBuf>,
    /// Merge and report, but write nothing.
    pub dry_run: bool,
    pub load: LoadOptions,
}

#[derive(Debug, thiserror::Error)]
pub enum UpdateError {
    #[error(transparent)]
    Load(#[from] TextError),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The extractor failed on the article (a panic, named by file).
    #[error(transparent)]
    Extractor(#[from] crate::pipeline::PipelineError),
    #[error("{sidecar}: {source}")]
    TextChanged {
        sidecar: PathBuf,
        source: MergeError,
    },
    #[error("{sidecar}: cannot keep a copy of the record before updating it: {source}")]
    Backup {
        sidecar: PathBuf,
        source: std::io::Error,
    },
}

/// What happened to one article's record.
#[derive(Debug)]
pub enum UpdateOutcome {
    /// The article had no record: a new machine record (written unless a
    /// dry run).
    Created {
        sidecar: PathBuf,
        record: Box<Record>,
    },
    /// The record was merged. `changed` says whether the merge changed it
    /// (then it was written, unless a dry run); `backup` is where a record
    /// holding fields this version does not know was kept first.
    Merged {
        sidecar: PathBuf,
        merged: Box<Merged>,
        backup: Option<PathBuf>,
    },
}

/// One article's update, with what loading it noticed.
#[derive(Debug)]
pub struct UpdateReport {
    pub article: PathBuf,
    pub notices: Vec<String>,
    pub outcome: Result<UpdateOutcome, UpdateError>,
}

/// Extracts `article` again and merges the result into its record.
pub fn update_article(article: &Path, options: &UpdateOptions) -> UpdateReport {
    let mut notices = Vec::new();
    let outcome = load_article(article, &options.load)
        .map_err(UpdateError::from)
        .and_then(|loaded| {
            notices = loaded.notices.clone();
            let machine = crate::pipeline::machine_record(&loaded)?;
            let sidecar = sidecar_path(article, options.out_dir.as_deref());
            update_sidecar(&sidecar, machine, options.dry_run)
        });
    UpdateReport {
        article: article.to_path_buf(),
        notices,
        outcome,
    }
}

/// Merges `machine` into the record at `sidecar` (or writes it there when
/// there is none) unless `dry_run`.
pub fn update_sidecar(
    sidecar: &Path,
    machine: Record,
    dry_run: bool,
) -> Result<UpdateOutcome, UpdateError> {
    let missing = matches!(
        std::fs::symlink_metadata(sidecar),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound
    );
    if missing {
        if !dry_run {
            store::save_record_atomically(sidecar, &machine)?;
        }
        return Ok(UpdateOutcome::Created {
            sidecar: sidecar.to_path_buf(),
            record: Box::new(machine),
        });
    }
    let read = store::read_record_with_warnings(sidecar)?;
    let merged =
        merge_extraction(&read.record, &machine).map_err(|source| UpdateError::TextChanged {
            sidecar: sidecar.to_path_buf(),
            source,
        })?;
    let mut backup = None;
    if merged.changed && !dry_run {
        // Fields this version does not know would be lost on writing.
        if !read.warnings.is_empty() {
            let to = backup_path(sidecar);
            std::fs::copy(sidecar, &to).map_err(|source| UpdateError::Backup {
                sidecar: sidecar.to_path_buf(),
                source,
            })?;
            backup = Some(to);
        }
        store::save_record_atomically(sidecar, &merged.record)?;
    }
    Ok(UpdateOutcome::Merged {
        sidecar: sidecar.to_path_buf(),
        merged: Box::new(merged),
        backup,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Origin, Status};

    const ARTICLE: &str = "Kent children's services rated inadequate\n\nBy Sam Example\n\n\
        Children's services at Kent County Council were rated inadequate by Ofsted \
        after a full inspection in March 2019.\n";

    fn article() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, ARTICLE).expect("write");
        (dir, path)
    }

    #[test]
    fn an_article_without_a_record_gets_a_machine_record_unless_a_dry_run() {
        let (_dir, path) = article();
        let sidecar = sidecar_path(&path, None);
        let dry = update_article(
            &path,
            &UpdateOptions {
                dry_run: true,
                ..Default::default()
            },
        );
        assert!(matches!(dry.outcome, Ok(UpdateOutcome::Created { .. })));
        assert!(!sidecar.exists(), "a dry run writes nothing");
        let real = update_article(&path, &UpdateOptions::default());
        assert!(matches!(real.outcome, Ok(UpdateOutcome::Created { .. })));
        assert!(sidecar.exists());
    }

    #[test]
    fn a_curated_record_is_merged_and_written_only_when_it_changes() {
        let (_dir, path) = article();
        let sidecar = sidecar_path(&path, None);
        update_article(&path, &UpdateOptions::default());
        let mut record = store::read_record(&sidecar).expect("record");
        let headline = record.article.headline.as_mut().expect("a headline");
        headline.value = "Kent rated inadequate".into();
        headline.origin = Origin::Edited;
        record.extractor = "ofsted-curator 0.0.1".into();
        record.status = Status::Reviewed;
        store::save_record_atomically(&sidecar, &record).expect("save");

        let first = update_article(&path, &UpdateOptions::default());
        let Ok(UpdateOutcome::Merged { merged, .. }) = first.outcome else {
            panic!("expected a merge: {:?}", first.outcome);
        };
        assert!(merged.changed, "the extractor's name changes");
        let on_disk = store::read_record(&sidecar).expect("record");
        assert_eq!(on_disk, merged.record);
        assert_eq!(
            on_disk.article.headline.map(|h| h.value).as_deref(),
            Some("Kent rated inadequate")
        );
        let bytes = std::fs::read(&sidecar).expect("read");
        let again = update_article(&path, &UpdateOptions::default());
        let Ok(UpdateOutcome::Merged { merged, .. }) = again.outcome else {
            panic!("expected a merge: {:?}", again.outcome);
        };
        assert!(!merged.changed);
        assert_eq!(std::fs::read(&sidecar).expect("read"), bytes, "untouched");
    }

    #[test]
    fn a_record_of_another_text_is_reported_and_left_alone() {
        let (_dir, path) = article();
        let sidecar = sidecar_path(&path, None);
        update_article(&path, &UpdateOptions::default());
        std::fs::write(&path, format!("{ARTICLE}A new paragraph.\n")).expect("write");
        let before = std::fs::read(&sidecar).expect("read");
        let report = update_article(&path, &UpdateOptions::default());
        let err = report.outcome.expect_err("the text changed");
        let message = err.to_string();
        assert!(message.contains("a.txt.curation.json"), "{message}");
        assert!(message.contains("not merged"), "{message}");
        assert_eq!(std::fs::read(&sidecar).expect("read"), before);
    }
}
